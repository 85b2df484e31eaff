"""The grid's data in the kernel: windows, sorting over all rows, formatting, inputs, and the
fingerprint that lets an unchanged frame cost nothing per rerun."""

from __future__ import annotations

import datetime as dt
import time

import numpy as np
import pandas as pd
import pytest

from nbstate.tabular import GridSource, fingerprint, format_cell, format_number, to_frame


def test_a_window_of_a_million_rows_reads_only_its_rows():
    df = pd.DataFrame({"a": np.arange(1_000_000), "b": np.arange(1_000_000) * 0.5})
    src = GridSource(df)
    cols = src.columns()
    assert [c["label"] for c in cols] == ["", "a", "b"]
    win = src.window(999_990, 1_000_100, [0, 1, 2], columns=cols)
    assert win["rows"] == list(range(999_990, 1_000_000))  # clipped to the data
    assert win["cells"][-1] == ["999999", "999999", "499999.5"]


def test_sorting_sorts_all_rows_not_only_the_window():
    rng = np.random.default_rng(0)
    vals = rng.permutation(200_000)
    src = GridSource(pd.DataFrame({"v": vals}))
    cols = src.columns()
    top = src.window(0, 3, [1], sort=(1, "desc"), columns=cols)
    assert top["cells"] == [["199999"], ["199998"], ["199997"]]
    # rows are positions in the data, whatever the sort (selections and edits use them)
    assert top["rows"][0] == int(np.argmax(vals))
    bottom = src.window(199_998, 200_000, [1], sort=(1, "asc"), columns=cols)
    assert bottom["cells"] == [["199998"], ["199999"]]


def test_missing_values_sort_last_both_ways_and_sorting_is_stable():
    src = GridSource(pd.DataFrame({"x": [2.0, None, 1.0, 2.0], "k": ["a", "b", "c", "d"]}))
    cols = src.columns()
    asc = src.window(0, 4, [2], sort=(1, "asc"), columns=cols)["cells"]
    desc = src.window(0, 4, [1, 2], sort=(1, "desc"), columns=cols)["cells"]
    assert asc == [["c"], ["a"], ["d"], ["b"]]
    assert desc == [["2", "a"], ["2", "d"], ["1", "c"], [None, "b"]]


def test_mixed_types_sort_by_their_text():
    src = GridSource(pd.DataFrame({"m": [3, "b", 1.5, None]}))
    cells = src.window(0, 4, [1], sort=(1, "asc"), columns=src.columns())["cells"]
    assert cells == [["1.5"], ["3"], ["b"], [None]]


@pytest.mark.parametrize("value,kind,text", [
    (3.14159, "float", "3.1416"), (1234567.5, "float", "1234567.5"), (2.0, "float", "2"),
    (0.00001234, "float", "0.00001"), (-0.5, "float", "-0.5"), (7, "int", "7"),
    (10**15, "int", "1000000000000000"), (True, "bool", True), (None, "float", None),
    (float("nan"), "float", None), (dt.date(2024, 5, 1), "object", "2024-05-01"),
    (pd.Timestamp("2024-05-01 09:30"), "datetime", "2024-05-01 09:30:00"),
    (dt.time(7, 5), "object", "07:05:00"), ("text", "text", "text"),
])
def test_cells_are_formatted_as_streamlit_formats_them(value, kind, text):
    assert format_cell(value, {"kind": kind}) == text


@pytest.mark.parametrize("fmt,value,text", [
    ("%.2f", 3.14159, "3.14"), ("%d", 3.7, "4"), ("$%.1f", 2.25, "$2.2"),
    ("percent", 0.256, "25.6%"), ("dollar", 1234.5, "$1,234.50"), ("euro", -3, "-€3.00"),
    ("yen", 1234.4, "¥1,234"), ("localized", 1234567.891, "1,234,567.891"),
    ("accounting", -12.5, "(12.50)"), ("compact", 1234567, "1.2M"),
    ("scientific", 1234.5, "1.234E3"), ("plain", 0.1, "0.1"),
])
def test_number_formats(fmt, value, text):
    assert format_number(value, fmt) == text


def test_inputs_of_every_kind_become_frames():
    pa = pytest.importorskip("pyarrow")
    assert list(to_frame({"a": [1, 2], "b": [3, 4]}).columns) == ["a", "b"]
    assert to_frame({"x": 1, "y": 2})["value"].tolist() == [1, 2]  # a key-value dict
    assert to_frame([[1, 2], [3, 4]]).shape == (2, 2)
    assert to_frame([{"a": 1}, {"a": 2, "b": 3}]).columns.tolist() == ["a", "b"]
    assert list(to_frame(np.arange(3)).columns) == ["value"]
    assert to_frame(pd.Series([1, 2], name="s")).columns.tolist() == ["s"]
    assert to_frame(pa.table({"q": [1, 2, 3]}))["q"].tolist() == [1, 2, 3]
    multi = pd.DataFrame([[1, 2]], columns=pd.MultiIndex.from_tuples([("g", "a"), ("g", "b")]))
    assert to_frame(multi).columns.tolist() == ["g / a", "g / b"]
    styled = pd.DataFrame({"p": [0.5]}).style.format("{:.0%}").map(lambda v: "color: red")
    src = GridSource(styled)
    assert src.window(0, 1, [1], columns=src.columns())["cells"] == [
        [{"text": "50%", "css": "color:red"}]]


def test_an_index_shows_first_and_can_be_hidden():
    df = pd.DataFrame({"v": [1, 2]}, index=pd.Index(["x", "y"], name="key"))
    src = GridSource(df)
    assert [c["label"] for c in src.columns()] == ["key", "v"]
    assert src.window(0, 2, [0, 1], columns=src.columns())["cells"] == [["x", "1"], ["y", "2"]]
    assert [c["label"] for c in src.columns(hide_index=True)] == ["v"]


def test_an_unchanged_large_frame_costs_constant_time_to_fingerprint():
    small = pd.DataFrame({"a": np.arange(100)})
    big = pd.DataFrame(np.random.default_rng(1).random((2_000_000, 10)))
    assert fingerprint(small) == fingerprint(pd.DataFrame({"a": np.arange(100)}))  # by content
    t0 = time.perf_counter()
    for _ in range(20):
        fp = fingerprint(big)
    per_call = (time.perf_counter() - t0) / 20
    assert per_call < 0.01, per_call  # independent of the 20 million cells
    assert fp == fingerprint(big)
    assert fp != fingerprint(big.copy())       # another object: fetched again
    big.iloc[0, 0] = -1.0                      # a change in a sampled row is seen
    assert fp != fingerprint(big)


def test_a_window_request_cannot_ask_for_everything():
    src = GridSource(pd.DataFrame({"a": np.arange(1_000_000)}))
    win = src.window(0, 1_000_000, [0, 1], columns=src.columns())
    assert len(win["rows"]) <= 10_000
