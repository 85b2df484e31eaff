"""st.column_config: the same dicts as Streamlit's, applied to what the grid shows."""

from __future__ import annotations

import datetime as dt
import inspect

import pandas as pd
import pytest

import nbstate as st
from nbstate.tabular import GridSource, column_meta
from nbstate.testing import AppTest

NAMES = ["Column", "TextColumn", "NumberColumn", "CheckboxColumn", "SelectboxColumn",
         "DateColumn", "TimeColumn", "DatetimeColumn", "LinkColumn", "ImageColumn",
         "ProgressColumn", "LineChartColumn", "BarChartColumn", "AreaChartColumn",
         "ListColumn", "JsonColumn"]


def _params(fn):
    return [(p.name, p.kind, p.default) for p in inspect.signature(fn).parameters.values()]


@pytest.mark.parametrize("name", NAMES)
def test_signature_and_result_match_streamlit(name):
    streamlit = pytest.importorskip("streamlit")
    theirs = getattr(streamlit.column_config, name)
    ours = getattr(st.column_config, name)
    assert _params(ours) == _params(theirs)
    # the dict made from the same arguments is the same
    kw = {"label": "L", "width": "small", "help": "h", "pinned": True}
    assert ours(**kw) == theirs(**kw)


def test_typed_arguments_give_streamlits_dicts():
    streamlit = pytest.importorskip("streamlit")
    cc, sc = st.column_config, streamlit.column_config
    cases = [
        ("NumberColumn", {"format": "%.1f", "min_value": 0, "max_value": 9, "step": 1,
                          "default": 3}),
        ("SelectboxColumn", {"options": ["a", "b"], "format_func": str.upper,
                             "required": True}),
        ("DateColumn", {"min_value": dt.date(2024, 1, 1), "format": "DD.MM.YYYY", "step": 2}),
        ("DatetimeColumn", {"max_value": dt.datetime(2024, 1, 1, 9), "step":
                            dt.timedelta(minutes=5), "timezone": "UTC"}),
        ("TimeColumn", {"default": dt.time(8), "format": "HH:mm"}),
        ("ProgressColumn", {"min_value": 0, "max_value": 50, "format": "%d%%",
                            "color": "#ff0000"}),
        ("LinkColumn", {"display_text": r"https://(.*?)\.com", "validate": "^https"}),
        ("TextColumn", {"max_chars": 5, "validate": "^[a-z]+$", "default": "x"}),
        ("ListColumn", {"default": ["a"]}),
        ("BarChartColumn", {"y_min": 0, "y_max": 10}),
    ]
    for name, kw in cases:
        assert getattr(cc, name)(**kw) == getattr(sc, name)(**kw), name


def test_bad_width_and_alignment_are_named():
    with pytest.raises(st.errors.InvalidArgumentError, match="width"):
        st.column_config.Column(width="huge")
    with pytest.raises(st.errors.InvalidArgumentError, match="alignment"):
        st.column_config.TextColumn(alignment="middle")


def shown(df, config, **kw):
    src = GridSource(df)
    cols = src.columns(config, kw.get("column_order"), kw.get("hide_index"))
    win = src.window(0, len(df), list(range(len(cols))), columns=cols)
    return column_meta(cols), win["cells"]


def test_labels_hidden_columns_widths_and_pinning():
    df = pd.DataFrame({"a": [1], "b": [2], "c": [3]})
    cc = st.column_config
    meta, cells = shown(df, {"a": "Alpha", "b": None, "c": cc.Column("Sea", width=120,
                                                                          pinned=True,
                                                                          help="tip"),
                             "_index": cc.Column("Row", width="small")})
    assert [m["label"] for m in meta] == ["Row", "Alpha", "Sea"]
    assert meta[0]["width"] == "small" and meta[2]["width"] == 120
    assert meta[2]["pinned"] and meta[2]["help"] == "tip" and not meta[1]["pinned"]
    assert cells == [["0", "1", "3"]]
    meta, _ = shown(df, {"_index": None})
    assert [m["label"] for m in meta] == ["a", "b", "c"]


def test_formats_of_the_column_types():
    df = pd.DataFrame({
        "price": [1234.5], "share": [0.25], "when": [pd.Timestamp("2024-03-05 14:07")],
        "day": [dt.date(2024, 3, 5)], "site": ["https://streamlit.io"],
        "logo": ["https://x/y.png"], "trend": [[1, 3, 2]], "tags": [["a", "b"]],
        "meta": [{"k": 1}], "done": [True], "pick": ["b"],
    })
    cc = st.column_config
    meta, cells = shown(df, {
        "price": cc.NumberColumn(format="dollar"),
        "share": cc.ProgressColumn(format="percent", min_value=0, max_value=1),
        "when": cc.DatetimeColumn(format="D MMM YYYY, HH:mm"),
        "day": cc.DateColumn(format="DD.MM.YYYY"),
        "site": cc.LinkColumn(display_text=r"https://(.*?)\.io"),
        "logo": cc.ImageColumn(), "trend": cc.LineChartColumn(y_min=0),
        "tags": cc.ListColumn(), "meta": cc.JsonColumn(), "done": cc.CheckboxColumn(),
        "pick": cc.SelectboxColumn(options=["a", "b"], format_func=lambda o: f"Option {o}"),
    }, hide_index=True)
    assert cells == [[
        "$1,234.50", {"progress": 0.25, "text": "25%"}, "5 Mar 2024, 14:07", "05.03.2024",
        {"link": "https://streamlit.io", "text": "streamlit"}, {"image": "https://x/y.png"},
        {"chart": "line_chart", "values": [1.0, 3.0, 2.0], "y_min": 0, "y_max": None},
        {"list": ["a", "b"]}, '{"k": 1}', True, "Option b"]]
    assert meta[0]["align"] == "right" and meta[9]["align"] == "center"


def test_column_config_through_apptest_and_the_element():
    at = AppTest.from_string("""
import nbstate as st, pandas as pd
df = pd.DataFrame({"x": [0.5], "y": [2]})
st.dataframe(df, column_config={"x": st.column_config.NumberColumn("Ex", format="%.3f"),
                                "y": None})
st.dataframe(df, column_config=["not", "a", "dict"])
""").run()
    p = at.dataframe[0]._el.props
    cols = p["source"].columns(p["column_config"], p["column_order"], p["hide_index"])
    assert [c["label"] for c in cols] == ["", "Ex"]
    assert p["source"].window(0, 1, [1], columns=cols)["cells"] == [["0.500"]]
    assert "column_config" in at.exception[0].message
