"""Streamlit 1.67's newer column types in Chromium (Voila): multiselect tags and their editor,
markdown opened rendered (and safe), audio and video players, buttons whose clicks rerun the
app; the header checkbox that selects every row; editing index cells."""

from __future__ import annotations

import nbformat
import pytest
from playwright.sync_api import expect

from .jupyter import open_app, page_errors
from .notebooks import notebook

APP = '''\
%%app columns
import numpy as np
import pandas as pd

import nbstate as st

cc = st.column_config
rich = pd.DataFrame({
    "tags": [["llm", "viz"], ["viz"]],
    "notes": ["**bold** <b>raw</b> [site](https://example.org) [x](javascript:alert(1))", "plain"],
    "clip": ["data:audio/wav;base64,UklGRiQAAABXQVZFZm10IBAAAAABAAEAQB8AAIA+AAACABAAZGF0YQAAAAA=",
             None],
    "film": ["https://example.org/v.mp4", None],
    "go": ["Open", ["Edit", "Delete"]],
})
st.dataframe(rich, hide_index=True, column_config={
    "tags": cc.MultiselectColumn("Tags", options=["llm", "viz"], color=["#ff0000", "blue"],
                                 format_func=str.upper),
    "notes": cc.MarkdownColumn("Notes", width="medium"),
    "clip": cc.AudioColumn("Clip"), "film": cc.VideoColumn("Film"),
    "go": cc.ButtonColumn("Go", type="primary", key="go_click"),
})
c = st.session_state.go_click
st.write("click:", "none" if c is None else f"{c.row} {c.label}")

out = st.data_editor(pd.DataFrame({"tags": [["a"], ["b"]], "md": ["*x*", "y"]}), key="tags_ed",
                     hide_index=True, column_config={
                         "tags": cc.MultiselectColumn("Tags", options=["a", "b", "c"]),
                         "md": cc.MarkdownColumn("Md")})
st.write("tags:", "|".join(",".join(t) for t in out.tags))
st.text(f"md: {out.md.tolist()}")

ev = st.dataframe(pd.DataFrame({"x": np.arange(100_000)}), key="all", on_select="rerun",
                  selection_mode="multi-row", height=250)
st.write(f"selected: {len(ev.selection.rows)} last: {ev.selection.rows[-1:]}")

ed = st.data_editor(pd.DataFrame({"v": [1, 2]}, index=pd.Index(["a", "b"], name="k")),
                    key="idx", num_rows="dynamic")
st.write(f"index: {','.join(map(str, ed.index))} values: {ed.v.tolist()}")
'''


def cell(grid, rowindex: int, colindex: int):
    return grid.locator(f"[role=row][aria-rowindex='{rowindex}'] [aria-colindex='{colindex}']")


@pytest.fixture
def root(page, server):
    nbformat.write(notebook("%load_ext nbstate", APP), server.root / "scenario_columns167.ipynb")
    return open_app(page, server, "voila", "scenario_columns167.ipynb")


def test_new_column_types_select_all_and_index_edits(page, root):
    grids = root.locator("[role=grid]")
    expect(grids).to_have_count(4)
    rich, tags_ed, many, idx = (grids.nth(i) for i in range(4))

    # multiselect: tags with the options' labels and colours (columns: 1 Tags ... 5 Go)
    bubbles = cell(rich, 2, 1).locator(".nbstate-grid-bubble")
    expect(bubbles).to_have_text(["LLM", "VIZ"])
    expect(bubbles.first).to_have_css("background-color", "rgba(255, 0, 0, 0.2)")

    # markdown: the text in the cell; a click shows it rendered, raw HTML as text, no script link
    notes = cell(rich, 2, 2)
    expect(notes).to_contain_text("**bold**")
    notes.click()
    overlay = root.locator(".nbstate-grid-md-overlay")
    expect(overlay.locator("strong")).to_have_text("bold")
    expect(overlay).to_contain_text("<b>raw</b>")
    expect(overlay.locator("b")).to_have_count(0)
    expect(overlay.locator("a")).to_have_count(1)
    expect(overlay.locator("a")).to_have_attribute("href", "https://example.org")
    expect(overlay.locator("a")).to_have_attribute("rel", "noopener noreferrer")
    overlay.press("Escape")
    expect(overlay).to_have_count(0)

    # audio and video: a play button opens the player
    cell(rich, 2, 3).locator("button[aria-label='Play audio']").click()
    audio = root.locator(".nbstate-grid-media-overlay audio")
    expect(audio).to_have_attribute("src", r"data:audio/wav;base64,UklGRiQAAABXQVZFZm10IBAAAAAB"
                                           "AAEAQB8AAIA+AAACABAAZGF0YQAAAAA=")
    assert audio.evaluate("a => a.controls") is True
    cell(rich, 2, 4).locator("button[aria-label='Play video']").click()
    expect(root.locator(".nbstate-grid-media-overlay video")).to_have_attribute(
        "src", "https://example.org/v.mp4")
    expect(root.locator(".nbstate-grid-media-overlay audio")).to_have_count(0)  # one at a time
    expect(cell(rich, 3, 4)).to_have_text("None")  # no video: no player

    # buttons: a click reruns the app with the click; several labels: a menu of actions
    button = cell(rich, 2, 5).locator("button")
    expect(button).to_have_text("Open")
    expect(button).to_have_class("nbstate-grid-button nbstate-grid-button-primary")
    button.click()
    expect(root).to_contain_text("click: 0 Open")
    cell(rich, 3, 5).locator("select").select_option("Delete")
    expect(root).to_contain_text("click: 1 Delete")

    # a multiselect cell in an editor: pick an option in its editor
    expect(root).to_contain_text("tags: a|b")
    cell(tags_ed, 3, 1).dblclick()
    editor = root.locator(".nbstate-grid-tags-editor")
    expect(editor.locator("input[type=checkbox]")).to_have_count(3)
    editor.locator("input[value=c]").check()
    editor.locator("button", has_text="Done").click()
    expect(root).to_contain_text("tags: a|b,c")
    expect(cell(tags_ed, 3, 1).locator(".nbstate-grid-bubble")).to_have_text(["b", "c"])
    # a markdown cell in an editor: a text area edits its text
    cell(tags_ed, 2, 2).dblclick()
    area = root.locator("textarea.nbstate-grid-editor")
    expect(area).to_have_value("*x*")
    area.fill("**new**")
    area.press("Enter")
    expect(root).to_contain_text("md: ['**new**', 'y']")
    expect(cell(tags_ed, 2, 2)).to_have_text("**new**")

    # select all: the header checkbox selects every row of the data, not only those in view
    # (it travels as a range, not a list of positions: tests/kernel_dashboard checks that
    # with three million rows, past the Jupyter server's 10 MiB websocket limit for a list)
    header_box = many.locator("[role=columnheader] input[aria-label='Select all rows']")
    header_box.click()
    expect(root).to_contain_text("selected: 100000 last: [99999]")
    expect(header_box).to_be_checked()
    assert many.locator("[role=row][aria-selected=true]").count() > 3
    cell(many, 2, 1).locator("input").click()  # one row off: every other row stays selected
    expect(root).to_contain_text("selected: 99999 last: [99999]")
    assert header_box.evaluate("b => b.indeterminate") is True
    cell(many, 2, 1).locator("input").click()
    expect(root).to_contain_text("selected: 100000 last: [99999]")
    header_box.click()
    expect(root).to_contain_text("selected: 0 last: []")
    cell(many, 3, 1).locator("input").click()
    expect(root).to_contain_text("selected: 1 last: [1]")
    assert header_box.evaluate("b => b.indeterminate") is True

    # index cells: not a RangeIndex, so editable, for existing and for added rows
    # (columns: 1 row markers, 2 index k, 3 v)
    expect(root).to_contain_text("index: a,b values: [1, 2]")
    cell(idx, 2, 2).dblclick()
    box = root.locator("input.nbstate-grid-editor")
    expect(box).to_have_value("a")
    box.fill("A")
    box.press("Enter")
    expect(root).to_contain_text("index: A,b values: [1, 2]")
    root.locator(".nbstate-grid-toolbar button:visible", has_text="Add row").click()
    cell(idx, 4, 2).dblclick()
    box.fill("c")
    box.press("Enter")
    cell(idx, 4, 3).dblclick()
    box.fill("3")
    box.press("Enter")
    expect(root).to_contain_text("index: A,b,c values: [1, 2, 3]")
    assert page_errors(page) == []
