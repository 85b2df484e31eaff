"""st.dataframe's grid in a real kernel, driven over the widget comm as the browser drives it:
window requests (anywidget custom messages), sorting, selections, refused selections, and
reruns that leave an unchanged frame alone."""

from __future__ import annotations

import time


def grid(kernel, root):
    return next(m for m in root.walk() if "nrows" in m.state)


def wait_custom(kernel, g, timeout=120):
    """The reply a grid sends after the request's idle (a sort of a million rows or more runs
    in a thread)."""
    before, end = len(g.customs), time.monotonic() + timeout
    while len(g.customs) == before and time.monotonic() < end:
        kernel._drain()
    return g.customs[-1][0] if len(g.customs) > before else None


def window(kernel, g, r0, r1, cols=None, sort=None, seq=1):
    reply = kernel.custom(g, {"type": "window", "seq": seq, "r0": r0, "r1": r1,
                              "cols": cols if cols is not None else list(range(len(g["columns"]))),
                              "sort": sort})
    reply = reply or wait_custom(kernel, g)
    assert reply is not None and reply["type"] == "window" and reply["seq"] == seq
    return reply


def test_the_browser_gets_the_window_it_asks_for_of_a_million_rows(kernel, app):
    root = app("""
    df = pd.DataFrame({"n": np.arange(1_000_000), "half": np.arange(1_000_000) / 2})
    st.dataframe(df)
    """)
    g = grid(kernel, root)
    assert g["nrows"] == 1_000_000
    assert [c["label"] for c in g["columns"]] == ["", "n", "half"]
    # the widget's state holds the first screen of cells only: the rest come on demand
    data = {k: v for k, v in g.state.items() if k not in ("_esm", "_css", "head")}
    assert "cells" not in data and len(str(data)) < 3000
    assert g["head"]["rows"] == list(range(40)) and len(str(g["head"])) < 3000
    end = window(kernel, g, 999_995, 1_000_000)
    assert end["rows"] == list(range(999_995, 1_000_000))
    assert end["cells"][-1] == ["999999", "999999", "499999.5"]
    top = window(kernel, g, 0, 2, [1, 2], sort=[2, "desc"], seq=2)
    assert top["cells"] == [["999999", "499999.5"], ["999998", "499999"]]
    assert top["rows"] == [999_999, 999_998]  # positions in the data
    assert top["version"] == g["version"]


def test_the_first_screen_comes_with_the_grid_and_with_each_new_version(kernel, app):
    root = app("""
    k = st.slider("Times", 1, 5, 1, key="head_times")
    st.dataframe(pd.DataFrame({"n": range(100), "times": [i * k for i in range(100)]}))
    """)
    g = grid(kernel, root)
    head = g["head"]
    # what the browser would be sent for its first screen, with the version it is for
    assert head == {**window(kernel, g, 0, 40), "seq": 0}
    assert head["version"] == g["version"] and head["cells"][3] == ["3", "3", "3"]
    kernel.set(kernel.find(description="Times", within=root), 2)
    assert g["head"]["version"] == g["version"] > head["version"]
    assert g["head"]["cells"][3] == ["3", "3", "6"]


def test_a_rerun_with_the_same_frame_sends_the_grid_nothing(kernel, app, touched):
    root = app("""
    @st.cache_data
    def load():
        return pd.DataFrame({"v": np.arange(500_000)})
    n = st.slider("Other", 0, 9, 1, key="grid_other")
    st.dataframe(load())
    st.dataframe(pd.DataFrame({"small": range(n)}))
    """)
    grids = [m for m in root.walk() if "nrows" in m.state]
    big, small = grids
    v_big, v_small = big["version"], small["version"]
    with kernel.updates_during() as ups:
        kernel.set(kernel.find(description="Other", within=root), 4)
    assert big not in touched(ups, root)          # the cached frame: nothing sent
    assert small in touched(ups, root)            # the frame that changed: new version
    assert big["version"] == v_big and small["version"] == v_small + 1
    assert small["nrows"] == 4
    assert window(kernel, small, 0, 10)["cells"] == [["0", "0"], ["1", "1"], ["2", "2"],
                                                     ["3", "3"]]


def test_a_selection_from_the_browser_reruns_the_app(kernel, app, state):
    root = app("""
    df = pd.DataFrame({"city": ["Oslo", "Lima", "Pune"], "temp": [3.5, 19.25, 31.0]})
    ev = st.dataframe(df, key="grid_pick", on_select="rerun",
                      selection_mode=["multi-row", "single-column"])
    st.write("picked:", ", ".join(df.city.iloc[ev.selection.rows]))
    """)
    g = grid(kernel, root)
    assert g["selection_mode"] == "multi-row,single-column"
    kernel.update(g, selection={"rows": [2, 0], "columns": [], "cells": []})
    assert "picked: Pune, Oslo" in kernel.text(root)
    assert state("grid_pick") == {"selection": {"rows": [2, 0], "columns": [], "cells": []}}
    assert g["selection"]["rows"] == [2, 0]


def test_a_selection_the_grid_could_not_send_is_refused_and_set_back(kernel, app, state):
    root = app("""
    df = pd.DataFrame({"x": [1, 2, 3]})
    ev = st.dataframe(df, key="grid_refuse", on_select="rerun", selection_mode="single-row")
    st.write("rows:", str(ev.selection.rows))
    """)
    g = grid(kernel, root)
    kernel.update(g, selection={"rows": [1]})
    assert "rows: [1]" in kernel.text(root)
    # two rows where the mode allows one: refused, and the browser is set back
    kernel.update(g, selection={"rows": [0, 2]})
    text = kernel.text(root)
    assert "the mode allows one" in text and "rows: [1]" in text
    assert state("grid_refuse")["selection"]["rows"] == [1]
    assert g["selection"]["rows"] == [1]
    kernel.update(g, selection={"rows": [9]})
    assert "row 9 is not a row of the data" in kernel.text(root)


def test_bad_window_requests_are_dropped_and_the_grid_keeps_working(kernel, app):
    root = app("""
    st.dataframe(pd.DataFrame({"x": [1, 2, 3]}))
    """)
    g = grid(kernel, root)
    for bad in ({"type": "window", "r0": "a", "r1": 2}, {"type": "window", "r0": 0,
                                                          "r1": 10**12, "cols": ["x"]},
                "junk", {"type": "window", "r0": -5, "r1": 2, "sort": [99, "asc"]}):
        kernel.custom(g, bad)
    assert window(kernel, g, 0, 3)["cells"] == [["0", "1"], ["1", "2"], ["2", "3"]]


def test_a_large_table_is_a_grid_that_does_not_sort(kernel, app):
    root = app("""
    st.table(pd.DataFrame({"n": range(3000)}), hide_header=True)
    st.table(pd.DataFrame({"n": range(3)}))
    """)
    g = grid(kernel, root)
    assert g["nrows"] == 3000 and g["sortable"] is False and g["hide_header"] is True
    assert window(kernel, g, 2999, 3000)["cells"] == [["2999", "2999"]]
    assert sum(1 for m in root.walk() if "nrows" in m.state) == 1  # the small one is HTML


def test_data_editor_edits_refusals_and_rows_over_the_comm(kernel, app, state):
    root = app("""
    df = pd.DataFrame({"item": ["pen", "ink"], "qty": [1, 2]})
    out = st.data_editor(df, key="grid_ed", num_rows="dynamic",
                         column_config={"qty": st.column_config.NumberColumn(max_value=9)})
    st.write("total:", int(out.qty.fillna(0).sum()), "rows:", len(out))
    """)
    g = grid(kernel, root)
    assert g["editable"] is True and g["num_rows"] == "dynamic" and g["base_rows"] == 2
    assert "total: 3 rows: 2" in kernel.text(root)
    # what the grid sends: the whole editing state (JSON: row keys as text)
    kernel.update(g, edits={"edited_rows": {"1": {"qty": 5}}, "added_rows": [],
                            "deleted_rows": []})
    assert "total: 6 rows: 2" in kernel.text(root)
    assert state("grid_ed") == {"edited_rows": {1: {"qty": 5}}, "added_rows": [],
                                "deleted_rows": []}
    # the grid's window shows the edited data, with the raw values for its cell editor
    win = window(kernel, g, 0, 2)
    assert win["cells"] == [["pen", "1"], ["ink", "5"]] and win["raw"][1] == ["ink", 5]
    # an edit above max_value: refused, the browser's state set back, a warning shown
    kernel.update(g, edits={"edited_rows": {"1": {"qty": 50}}, "added_rows": [],
                            "deleted_rows": []})
    text = kernel.text(root)
    assert "above its max_value 9" in text and "total: 6 rows: 2" in text
    assert g["edits"]["edited_rows"] == {"1": {"qty": 5}}
    # add a row, delete the first
    kernel.update(g, edits={"edited_rows": {"1": {"qty": 5}},
                            "added_rows": [{"item": "cap", "qty": 4}], "deleted_rows": [0]})
    assert "total: 9 rows: 2" in kernel.text(root)
    win = window(kernel, g, 0, 5, seq=3)
    assert win["cells"] == [["ink", "5"], ["cap", "4"]]
    assert win["rows"] == [1, 2]  # positions in the data as passed; the added row is 2 + 0


def test_an_editor_with_on_change_ignore_waits_for_the_next_rerun(kernel, app):
    root = app("""
    out = st.data_editor(pd.DataFrame({"v": [1, 2]}), key="grid_quiet", on_change="ignore")
    st.slider("Poke", 0, 5, 0, key="grid_poke")
    st.write("sum:", int(out.v.sum()))
    """)
    g = grid(kernel, root)
    kernel.update(g, edits={"edited_rows": {"0": {"v": 10}}, "added_rows": [],
                            "deleted_rows": []})
    assert "sum: 3" in kernel.text(root)  # no rerun
    kernel.set(kernel.find(description="Poke", within=root), 1)
    assert "sum: 12" in kernel.text(root)  # the next rerun has the edit


def test_a_sort_of_millions_of_rows_does_not_block_the_kernel(kernel, app):
    root = app("""
    big = pd.DataFrame({"v": np.random.default_rng(0).random(4_000_000)})
    st.dataframe(big)
    """)
    g = grid(kernel, root)
    # the sort runs in a thread: the request's idle comes at once, without the reply ...
    sorted_reply = kernel.custom(g, {"type": "window", "seq": 1, "r0": 0, "r1": 3,
                                     "cols": [1], "sort": [1, "desc"]})
    # ... and the kernel answers another window meanwhile
    plain = kernel.custom(g, {"type": "window", "seq": 2, "r0": 0, "r1": 3, "cols": [0],
                              "sort": None})
    assert sorted_reply is None
    assert plain is not None and plain["seq"] == 2 and plain["cells"] == [["0"], ["1"], ["2"]]
    while not any(c[0].get("seq") == 1 for c in g.customs):
        assert wait_custom(kernel, g) is not None
    seqs = [c[0].get("seq") for c in g.customs]
    assert seqs.index(2) < seqs.index(1)  # the sort's reply came after the other window
    top = [float(r[0]) for r in next(c[0] for c in g.customs if c[0].get("seq") == 1)["cells"]]
    assert top == sorted(top, reverse=True) and top[0] > 0.9999
    # the order is kept: the next window of the same sort comes at once
    again = kernel.custom(g, {"type": "window", "seq": 3, "r0": 3_999_997, "r1": 4_000_000,
                              "cols": [1], "sort": [1, "desc"]})
    assert again is not None and again["seq"] == 3
    assert float(again["cells"][-1][0]) < 0.0001
