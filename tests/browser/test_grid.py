"""st.dataframe's grid in Chromium (Voila and JupyterLab): a million rows, every one reachable
by scrolling, sorted in the kernel, rows selected; the DOM holds only what is in view."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .jupyter import open_app, page_errors


def rows_in_dom(grid) -> int:
    return grid.locator("[role=row]").count()


def cell(grid, rowindex: int, colindex: int):
    return grid.locator(f"[role=row][aria-rowindex='{rowindex}'] [aria-colindex='{colindex}']")


def scroll_to(grid, where: str) -> None:
    grid.locator(".nbstate-grid-scroller").evaluate(
        f"s => {{ s.scrollTop = {where}; s.dispatchEvent(new Event('scroll')); }}")


@pytest.mark.parametrize("frontend", ["voila", "lab", "notebook7"])
def test_a_million_rows_scroll_sort_and_select(page, server, screenshots, frontend):
    root = open_app(page, server, frontend, "scenario_grid.ipynb")
    grid = root.locator("[role=grid]")
    expect(grid).to_have_attribute("aria-rowcount", "1000001")  # the rows + the header row
    expect(grid).to_have_attribute("aria-colcount", "5")  # row markers, index, 3 columns
    headers = grid.locator("[role=columnheader]")
    expect(headers).to_have_text(["", "", "n", "Quarter", "even"])
    # columns: 1 marker, 2 index, 3 n, 4 Quarter, 5 even
    expect(cell(grid, 2, 3)).to_have_text("0")
    expect(cell(grid, 3, 4)).to_have_text("0.25")
    expect(cell(grid, 3, 5).locator("input[type=checkbox]")).not_to_be_checked()
    expect(cell(grid, 2, 5).locator("input[type=checkbox]")).to_be_checked()
    assert rows_in_dom(grid) < 40

    # scroll to the end: the last row is drawn, and only the rows in view are in the DOM
    scroll_to(grid, "s.scrollHeight")
    expect(cell(grid, 1_000_001, 3)).to_have_text("999999")
    expect(cell(grid, 1_000_001, 4)).to_have_text("249999.75")
    assert rows_in_dom(grid) < 40

    # sort by n, descending (two clicks on its header): all rows are sorted, in the kernel
    scroll_to(grid, "0")
    header = headers.filter(has_text=re.compile(r"^n"))
    header.click()
    expect(header).to_have_attribute("aria-sort", "ascending")
    header.click()
    expect(header).to_have_attribute("aria-sort", "descending")
    expect(cell(grid, 2, 3)).to_have_text("999999")
    expect(cell(grid, 2, 2)).to_have_text("999999")  # the index moved with its row
    expect(cell(grid, 3, 3)).to_have_text("999998")
    scroll_to(grid, "s.scrollHeight")
    expect(cell(grid, 1_000_001, 3)).to_have_text("0")

    # select two rows (their positions in the data, whatever the sort)
    scroll_to(grid, "0")
    expect(cell(grid, 2, 3)).to_have_text("999999")
    cell(grid, 2, 1).locator("input").click()
    expect(root).to_contain_text("selected: [999999]")
    cell(grid, 4, 1).locator("input").click()
    expect(root).to_contain_text("selected: [999999, 999997]")
    expect(grid.locator("[role=row][aria-selected=true]")).to_have_count(2)

    # the keyboard reaches the cells
    cell(grid, 3, 3).click()
    grid.press("ArrowDown")
    grid.press("ArrowRight")
    # the active cell: display row 2 (aria-rowindex 4), column 2 (Quarter)
    expect(grid).to_have_attribute("aria-activedescendant", re.compile(r"-2-2$"))
    active = page.locator("#" + grid.get_attribute("aria-activedescendant"))
    expect(active).to_have_attribute("aria-colindex", "4")
    expect(active).to_have_text("249999.25")  # the row of n = 999997
    root.screenshot(path=str(screenshots / f"grid-{frontend}.png"))
    grid.press("Control+End")
    expect(cell(grid, 1_000_001, 4)).to_be_visible()
    assert page_errors(page) == []


@pytest.mark.parametrize("frontend", ["voila", "lab"])
def test_a_million_row_editor_edit_add_and_delete(page, server, screenshots, frontend):
    root = open_app(page, server, frontend, "scenario_editor.ipynb")
    grid = root.locator("[role=grid]")
    expect(grid).to_have_attribute("aria-rowcount", "1000001")
    total = sum(range(1_000_000))
    expect(root).to_contain_text(f"rows: 1000000, last: row 999999, total: {total}")
    # columns: 1 row markers, 2 N, 3 label (the RangeIndex is hidden, as in Streamlit)

    # the last row: edit its N (double-click, type, Enter)
    scroll_to(grid, "s.scrollHeight")
    last = cell(grid, 1_000_001, 2)
    expect(last).to_have_text("999999")
    last.dblclick()
    editor = root.locator("input.nbstate-grid-editor")
    expect(editor).to_have_value("999999")
    editor.fill("1")
    editor.press("Enter")
    expect(root).to_contain_text(f"total: {total - 999998}")
    expect(root).to_contain_text("edits: {'edited_rows': {999999: {'n': 1}}")
    expect(last).to_have_text("1")

    # an edit the column refuses (N has min_value 0): set back, and a warning says why
    cell(grid, 1_000_001, 2).dblclick()
    editor.fill("-3")
    editor.press("Enter")
    expect(root).to_contain_text("is below its min_value 0")
    expect(cell(grid, 1_000_001, 2)).to_have_text("1")
    expect(root).to_contain_text(f"total: {total - 999998}")

    # sort by N descending: the kernel sorts all rows, the edited one moves
    scroll_to(grid, "0")
    header = grid.locator("[role=columnheader]").filter(has_text=re.compile(r"^N"))
    header.click()
    header.click()
    expect(header).to_have_attribute("aria-sort", "descending")
    expect(cell(grid, 2, 2)).to_have_text("999998")
    expect(cell(grid, 2, 3)).to_have_text("row 999998")

    # add a row: it shows at the end; fill it in
    root.get_by_role("button", name="+ Add row").click()
    expect(grid).to_have_attribute("aria-rowcount", "1000002")
    expect(root).to_contain_text("rows: 1000001")
    header.click()  # (back to the data's order)
    expect(header).to_have_attribute("aria-sort", "none")
    scroll_to(grid, "s.scrollHeight")
    new = cell(grid, 1_000_002, 3)
    expect(new).to_have_text("None")
    new.dblclick()
    editor.fill("added")
    editor.press("Enter")
    expect(root).to_contain_text("last: added")

    # delete the first row: tick its marker, press the delete button
    scroll_to(grid, "0")
    expect(cell(grid, 2, 2)).to_have_text("0")
    cell(grid, 2, 1).locator("input").click()
    root.get_by_role("button", name="Delete 1 row").click()
    expect(root).to_contain_text("'deleted_rows': [0]")
    expect(root).to_contain_text("rows: 1000000")
    expect(cell(grid, 2, 2)).to_have_text("1")
    expect(grid).to_have_attribute("aria-rowcount", "1000001")
    assert rows_in_dom(grid) < 40
    root.screenshot(path=str(screenshots / f"editor-{frontend}.png"))
    assert page_errors(page) == []


def test_column_types_styler_and_column_and_cell_selection(page, server):
    root = open_app(page, server, "voila", "scenario_grid_types.ipynb")
    grid = root.locator("[role=grid]").first
    headers = grid.locator("[role=columnheader]")
    expect(headers.first).to_have_text("Name")
    expect(grid.locator("[role=columnheader]", has_text="extra0")).to_have_count(0)  # hidden
    # columns: 1 Name, 2 done, 3 Share, 4 Site, 5 Trend, 6 Tags, 7 Price, 8... extras
    expect(cell(grid, 2, 2).locator("input[type=checkbox]")).to_be_checked()
    expect(cell(grid, 2, 3)).to_have_text("25%")
    expect(cell(grid, 2, 3).locator(".nbstate-grid-progress > div")).to_have_attribute(
        "style", re.compile(r"width: 25"))
    link = cell(grid, 2, 4).locator("a")
    expect(link).to_have_text("ada")
    expect(link).to_have_attribute("href", "https://example.org/ada")
    expect(cell(grid, 2, 5).locator("svg polyline")).to_have_count(1)
    expect(cell(grid, 2, 6).locator(".nbstate-grid-bubble")).to_have_text(["x", "y"])
    expect(cell(grid, 3, 7)).to_have_text("-$3.00")

    # the pinned column stays at the left when the grid scrolls sideways
    name = cell(grid, 2, 1)
    x0 = name.bounding_box()["x"]
    grid.locator(".nbstate-grid-scroller").evaluate(
        "s => { s.scrollLeft = s.scrollWidth; s.dispatchEvent(new Event('scroll')); }")
    expect(cell(grid, 2, 18)).to_have_text("11")  # the last column (extra11) in view
    expect(cell(grid, 2, 2)).to_have_count(0)  # "done" scrolled out of view
    assert abs(name.bounding_box()["x"] - x0) < 1

    # a click on a header selects its column; a click on a cell selects it
    grid.locator(".nbstate-grid-scroller").evaluate(
        "s => { s.scrollLeft = 0; s.dispatchEvent(new Event('scroll')); }")
    headers.filter(has_text="Price").click()
    expect(root).to_contain_text("columns: ['price'] cells: []")
    cell(grid, 3, 1).click()
    expect(root).to_contain_text("columns: ['price'] cells: [(1, 'name')]")
    expect(cell(grid, 3, 1)).to_have_attribute("aria-selected", "true")

    # a Styler's colours are kept
    styled = root.locator("[role=grid]").nth(1)
    expect(cell(styled, 3, 2)).to_have_css("color", "rgb(255, 0, 0)")
    assert page_errors(page) == []
