"""st.dataframe through AppTest: its value, its parameters, and selections."""

from __future__ import annotations

import pandas as pd
import pytest

from nbstate.errors import InvalidArgumentError
from nbstate.testing import AppTest, AppTestError

HEAD = """
import nbstate as st
import pandas as pd
df = pd.DataFrame({"a": [3, 1, 2], "b": ["x", "y", "z"]})
"""


def app(src: str) -> AppTest:
    return AppTest.from_string(HEAD + src).run()


def test_value_is_the_dataframe_shown():
    at = app("st.dataframe(df)\nst.dataframe({'k': [1, 2]})\nst.dataframe([[1, 2]])")
    pd.testing.assert_frame_equal(at.dataframe[0].value, pd.DataFrame(
        {"a": [3, 1, 2], "b": ["x", "y", "z"]}))
    assert at.dataframe[1].value["k"].tolist() == [1, 2]
    assert at.dataframe[2].value.shape == (1, 2)


def test_without_on_select_it_returns_a_handle_and_is_no_widget():
    # as Streamlit: the element's handle (tests/streamlit_diff/test_return_kinds.py)
    at = app("r = st.dataframe(df)\nst.text(repr(r))")
    assert at.text[0].value == "<element dataframe>"
    with pytest.raises(AppTestError, match="not supported for dataframe"):
        at.dataframe[0].select_rows([0])


def test_display_parameters_reach_the_element():
    at = app("""
st.dataframe(df, width=300, height=200, hide_index=True, column_order=["b"],
             column_config={"b": "Bee"}, row_height=50, placeholder="-", alt="Letters")
st.dataframe(df, use_container_width=False)
""")
    p = at.dataframe[0]._el.props
    assert (p["width"], p["height"], p["hide_index"], p["column_order"], p["row_height"],
            p["placeholder"], p["alt"]) == (300, 200, True, ("b",), 50, "-", "Letters")
    cols = p["source"].columns(p["column_config"], p["column_order"], p["hide_index"])
    assert [c["label"] for c in cols] == ["Bee"]
    assert at.dataframe[1]._el.props["width"] == "content"


@pytest.mark.parametrize("call,words", [
    ("st.dataframe(df, width=-1)", "width"),
    ("st.dataframe(df, height='tall')", "height"),
    ("st.dataframe(df, on_select='sometimes')", "on_select"),
    ("st.dataframe(df, selection_mode='some-rows', on_select='rerun')", "selection_mode"),
    ("st.dataframe(df, selection_mode=['single-row', 'multi-row'], on_select='rerun')",
     "only one row"),
    ("st.dataframe(df, selection_default={'selection': {'rows': [0]}})", "selection_default"),
    ("st.dataframe(df, row_height=0)", "row_height"),
    ("st.dataframe(object())", "cannot show"),
])
def test_bad_parameters_are_named(call, words):
    at = app(call)
    assert at.exception and words in at.exception[0].message


def test_lazy_false_is_said_to_change_nothing():
    at = app("st.dataframe(df, lazy=False)")
    assert "lazy=False changes nothing" in at.warning[0].value


def test_row_selection_is_returned_and_in_session_state():
    at = app("""
ev = st.dataframe(df, key="pick", on_select="rerun")
st.text(f"rows={ev.selection.rows} cols={ev['selection']['columns']}")
""")
    assert at.text[0].value == "rows=[] cols=[]"
    at.dataframe[0].select_rows([2, 0]).run()
    assert at.text[0].value == "rows=[2, 0] cols=[]"
    assert at.session_state["pick"] == {"selection": {"rows": [2, 0], "columns": [],
                                                      "cells": []}}
    assert at.session_state["pick"].selection.rows == [2, 0]
    # row markers replace a plain RangeIndex, as in Streamlit
    assert at.dataframe[0]._el.props["hide_index"] is True


def test_a_selection_the_grid_could_not_send_is_refused():
    at = app("st.dataframe(df, key='pick', on_select='rerun', selection_mode='single-row')")
    at.dataframe[0].select_rows([1]).run()
    at.dataframe[0].select_rows([0, 1]).run()
    assert "the mode allows one" in at.warning[0].value
    at.dataframe[0].select_rows([7]).run()
    assert "row 7 is not a row of the data" in at.warning[0].value
    at.dataframe[0].select_columns(["a"]).run()
    assert "columns cannot be selected" in at.warning[0].value
    assert at.session_state["pick"]["selection"]["rows"] == [1]


def test_column_and_cell_selection_and_a_callback():
    at = app("""
def changed():
    st.session_state.calls = st.session_state.get("calls", 0) + 1
ev = st.dataframe(df, key="pick", on_select=changed,
                  selection_mode=["multi-column", "single-cell"])
""")
    at.dataframe[0].select_columns(["b", "a"]).run()
    at.dataframe[0].select_cells([(1, "b")]).run()
    sel = at.session_state["pick"]["selection"]
    assert sel == {"rows": [], "columns": ["b", "a"], "cells": [(1, "b")]}
    assert at.session_state["calls"] == 2


def test_session_state_and_selection_default_are_filtered_as_in_streamlit():
    at = app("""
if st.button("first"):
    st.session_state.pick = {"selection": {"rows": [0, 99, "x"], "columns": ["nope"]}}
ev = st.dataframe(df, key="pick", on_select="rerun", selection_mode="multi-row",
                  selection_default={"selection": {"rows": [2]}})
st.text(str(ev.selection.rows))
""")
    assert at.text[0].value == "[2]"
    at.button[0].click().run()
    assert at.text[0].value == "[0]"


def test_single_row_required_keeps_a_row_selected():
    at = app("ev = st.dataframe(df, on_select='rerun', selection_mode='single-row-required')\n"
             "st.text(str(ev.selection.rows))")
    assert at.text[0].value == "[0]"
    at.dataframe[0].clear_selection().run()
    assert "must stay selected" in at.warning[0].value


def test_a_bad_selection_written_to_session_state_is_an_error():
    at = app("""
st.session_state.pick = [1, 2]
st.dataframe(df, key="pick", on_select="rerun")
""")
    assert at.exception and "'selection' key" in at.exception[0].message


def test_a_keyed_selection_survives_new_data_an_unkeyed_one_does_not():
    at = app("""
n = st.slider("n", 3, 6, 3)
data = pd.DataFrame({"v": range(n)})
k = st.dataframe(data, key="k", on_select="rerun")
u = st.dataframe(data, on_select="rerun")
st.text(f"{k.selection.rows} {u.selection.rows}")
""")
    at.dataframe[0].select_rows([1]).run()
    at.dataframe[1].select_rows([2]).run()
    assert at.text[0].value == "[1] [2]"
    at.slider[0].set_value(5).run()
    assert at.text[0].value == "[1] []"


def test_selection_is_a_plain_error_outside_the_api():
    with pytest.raises(InvalidArgumentError):
        from nbstate.grid_widgets import selection_modes
        selection_modes("nope")


def test_a_small_table_is_static_html_a_large_one_the_grid_without_sorting():
    at = app("""
st.table(df, border="horizontal", hide_index=True, hide_header=True, width=200, height=100,
         alt="Small")
st.table(pd.DataFrame({"n": range(5000)}))
""")
    small, large = at.table
    assert small.rows == [[3, "x"], [1, "y"], [2, "z"]]
    from nbstate.frontends.html import render
    html = render(small._el)
    assert "<thead>" not in html and 'aria-label="Small"' in html and "max-height: 100px" in html
    assert ">0<" not in html  # no index
    assert "source" in large._el.props and large._el.props["static"] is True
    assert large.value["n"].tolist()[-1] == 4999


@pytest.mark.parametrize("call,words", [
    ("st.table(df, border='dotted')", "border"),
    ("st.table(df, width=0)", "width"),
    ("st.table(df, height='auto')", "height"),
])
def test_bad_table_parameters_are_named(call, words):
    at = app(call)
    assert at.exception and words in at.exception[0].message


@pytest.mark.parametrize("name", ["dataframe", "table"])
def test_signature_matches_streamlit(name):
    import inspect

    import nbstate as st
    streamlit = pytest.importorskip("streamlit")

    def params(fn):
        return [(p.name, p.kind, p.default) for p in inspect.signature(fn).parameters.values()
                if p.name != "self"]

    assert params(getattr(st, name)) == params(getattr(streamlit, name))
