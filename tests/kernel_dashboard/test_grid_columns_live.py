"""The newer column types, select all, index edits and polars in a real kernel, driven over the
widget comm as grid.js drives it."""

from __future__ import annotations

import time

import pytest


def grid(root):
    return next(m for m in root.walk() if "nrows" in m.state)


def wait_custom(kernel, g, timeout=120):
    """The reply a grid sends after the request's idle (a sort of a million rows or more runs
    in a thread)."""
    before, end = len(g.customs), time.monotonic() + timeout
    while len(g.customs) == before and time.monotonic() < end:
        kernel._drain()
    return g.customs[-1][0] if len(g.customs) > before else None


def window(kernel, g, r0, r1, seq=1):
    reply = kernel.custom(g, {"type": "window", "seq": seq, "r0": r0, "r1": r1,
                              "cols": list(range(len(g["columns"]))), "sort": None})
    reply = reply or wait_custom(kernel, g)
    assert reply is not None and reply["type"] == "window"
    return reply


def test_a_button_column_click_reaches_its_trigger_widget(kernel, app, state):
    root = app("""
    df = pd.DataFrame({"name": ["Ada", "Bo"], "go": ["Open", ["Edit", "Delete"]]})
    def seen():
        st.session_state.seen = dict(st.session_state.live_click)
    st.dataframe(df, hide_index=True, column_config={
        "go": st.column_config.ButtonColumn("Go", type="primary", key="live_click",
                                            on_click=seen)})
    c = st.session_state.live_click
    st.write("click:", "none" if c is None else f"{c.row} {c.label}")
    """)
    g = grid(root)
    assert g["buttons"] == ["go"]
    meta = {c["name"]: c for c in g["columns"]}
    assert meta["go"]["button_type"] == "primary"
    assert window(kernel, g, 0, 2)["cells"] == [["Ada", {"button": ["Open"]}],
                                                ["Bo", {"button": ["Edit", "Delete"]}]]
    assert "click: none" in kernel.text(root)
    kernel.custom(g, {"type": "button", "column": "go", "row": 1, "label": "Delete"})
    assert "click: 1 Delete" in kernel.text(root)
    assert state("seen") == {"row": 1, "label": "Delete"}
    # a click on a row the data does not have: refused, named in a warning
    kernel.custom(g, {"type": "button", "column": "go", "row": 9, "label": "Open"})
    assert "row 9 is not a row of the data" in kernel.text(root)


def test_multiselect_and_markdown_cells_and_their_edits(kernel, app, state):
    root = app("""
    df = pd.DataFrame({"tags": [["a"], ["b"]], "md": ["**x** <i>y</i>", "z"],
                       "clip": ["https://example.org/a.ogg", None]})
    out = st.data_editor(df, key="live_tags", hide_index=True, column_config={
        "tags": st.column_config.MultiselectColumn(options=["a", "b", "c"], color="blue"),
        "md": st.column_config.MarkdownColumn(),
        "clip": st.column_config.AudioColumn()})
    st.write("tags:", "|".join(",".join(t) for t in out.tags))
    """)
    g = grid(root)
    meta = {c["name"]: c for c in g["columns"]}
    assert meta["tags"]["option_colors"] == ["blue"] * 3
    assert meta["clip"]["disabled"] is False and meta["md"]["type"] == "markdown"
    win = window(kernel, g, 0, 2)
    assert win["cells"][0][0] == {"list": ["a"]}
    assert win["cells"][0][1]["html"] == "<p><strong>x</strong> &lt;i&gt;y&lt;/i&gt;</p>\n"
    assert win["cells"][0][2] == {"media": "audio", "url": "https://example.org/a.ogg"}
    kernel.update(g, edits={"edited_rows": {"1": {"tags": ["c", "a"]}}, "added_rows": [],
                            "deleted_rows": []})
    assert "tags: a|c,a" in kernel.text(root)
    kernel.update(g, edits={"edited_rows": {"1": {"tags": ["nope"]}}, "added_rows": [],
                            "deleted_rows": []})
    text = kernel.text(root)
    assert "not among column 'tags''s options" in text and "tags: a|c,a" in text
    assert g["edits"]["edited_rows"] == {"1": {"tags": ["c", "a"]}}  # set back
    kernel.update(g, edits={"edited_rows": {"1": {"tags": ["c", "a"]}, "0": {"clip": "x"}},
                            "added_rows": [], "deleted_rows": []})
    assert "'clip' (audio) cannot be edited" in kernel.text(root)


def test_select_all_sends_every_row(kernel, app, state):
    root = app("""
    ev = st.dataframe(pd.DataFrame({"x": np.arange(200_000)}), key="live_all",
                      on_select="rerun", selection_mode="multi-row")
    st.write("selected:", len(ev.selection.rows))
    """)
    g = grid(root)
    kernel.update(g, selection={"rows": list(range(200_000)), "columns": [], "cells": []})
    assert "selected: 200000" in kernel.text(root)
    kernel.update(g, selection={"rows": [], "columns": [], "cells": []})
    assert "selected: 0" in kernel.text(root)


def test_select_all_of_millions_of_rows_travels_as_a_range(kernel, app, state):
    # what grid.js sends for "select all" (a list of every position would pass the Jupyter
    # server's 10 MiB websocket limit from about a million rows), and a row clicked off
    root = app("""
    ev = st.dataframe(pd.DataFrame({"x": np.arange(3_000_000)}), key="live_range",
                      on_select="rerun", selection_mode="multi-row")
    rows = ev.selection.rows
    st.text(f"selected: {len(rows)} ends {rows[:2]} {rows[-2:]}")
    """)
    g = grid(root)
    kernel.update(g, selection={"rows": {"range": 3_000_000, "except": []}, "columns": [],
                                "cells": []})
    assert "selected: 3000000 ends [0, 1] [2999998, 2999999]" in kernel.text(root)
    rows = state("live_range")["selection"]["rows"]
    assert len(rows) == 3_000_000 and rows[:3] == [0, 1, 2]  # Streamlit's state: a list
    # the kernel shows it back as a range too: what it sends stays small
    assert g["selection"]["rows"] == {"range": 3_000_000, "except": []}
    kernel.update(g, selection={"rows": {"range": 3_000_000, "except": [2_999_999]},
                                "columns": [], "cells": []})
    assert "selected: 2999999 ends [0, 1] [2999997, 2999998]" in kernel.text(root)
    kernel.update(g, selection={"rows": {"range": 3_000_000, "except": [7]}, "columns": [],
                                "cells": []})
    assert "selected: 2999999 ends [0, 1] [2999998, 2999999]" in kernel.text(root)
    assert g["selection"]["rows"] == {"range": 3_000_000, "except": [7]}  # not a long list
    # a malformed range is refused and set back
    kernel.update(g, selection={"rows": {"range": "all"}, "columns": [], "cells": []})
    assert "selected: 2999999" in kernel.text(root)
    assert g["selection"]["rows"] == {"range": 3_000_000, "except": [7]}  # set back


def test_index_cells_of_existing_and_added_rows(kernel, app, state):
    root = app("""
    df = pd.DataFrame({"v": [1, 2]}, index=pd.Index(["a", "b"], name="k"))
    out = st.data_editor(df, key="live_idx", num_rows="dynamic")
    st.write("index:", ",".join(out.index))
    """)
    g = grid(root)
    assert g["columns"][0]["index"] is True and g["columns"][0]["disabled"] is False
    kernel.update(g, edits={"edited_rows": {"0": {"_index": "A"}},
                            "added_rows": [{"_index": "c", "v": 3}], "deleted_rows": []})
    assert "index: A,b,c" in kernel.text(root)
    assert window(kernel, g, 0, 3)["cells"][2] == ["c", "3"]


def test_polars_in_dataframe_and_data_editor(kernel, app):
    pytest.importorskip("polars")
    root = app("""
    import polars as pl
    df = pl.DataFrame({"city": ["Oslo", "Lima"], "temp": [3.5, 19.25]})
    st.dataframe(df)
    out = st.data_editor(df, key="live_pl")
    st.write("type:", type(out).__module__.split(".")[0], "sum:", out["temp"].sum())
    """)
    shown, editor = [m for m in root.walk() if "nrows" in m.state]
    assert window(kernel, shown, 0, 2)["cells"] == [["0", "Oslo", "3.5"],
                                                   ["1", "Lima", "19.25"]]
    assert "type: polars sum: 22.75" in kernel.text(root)
    kernel.update(editor, edits={"edited_rows": {"0": {"temp": 4.5}}, "added_rows": [],
                                 "deleted_rows": []})
    assert "type: polars sum: 23.75" in kernel.text(root)
