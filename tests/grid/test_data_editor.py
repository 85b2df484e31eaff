"""st.data_editor through AppTest: Streamlit's editing state, edits validated against the
column types and config, rows added and deleted, the input's type returned."""

from __future__ import annotations

import inspect

import numpy as np
import pandas as pd
import pytest

import nbstate as st
from nbstate.testing import AppTest, AppTestError

HEAD = """
import nbstate as st
import pandas as pd
import numpy as np
df = pd.DataFrame({"item": ["pen", "ink", "pad"], "qty": [1, 2, 3], "ok": [True, False, True]})
"""


def app(src: str) -> AppTest:
    return AppTest.from_string(HEAD + src).run()


def test_signature_matches_streamlit():
    streamlit = pytest.importorskip("streamlit")
    ours = [(p.name, p.kind, p.default) for p in inspect.signature(st.data_editor).parameters.values()]
    theirs = [(p.name, p.kind, p.default) for p in
              inspect.signature(streamlit.data_editor).parameters.values()]
    assert ours == theirs


def test_edits_are_returned_and_the_state_is_streamlits():
    at = app("""
out = st.data_editor(df, key="ed")
st.text(repr(out.values.tolist()))
""")
    assert at.session_state["ed"] == {"edited_rows": {}, "added_rows": [], "deleted_rows": []}
    at.data_editor[0].edit_cell(1, "qty", 7).edit_cell(1, "item", "INK").run()
    at.data_editor[0].edit_cell(0, "ok", False).run()
    assert at.text[0].value == repr([["pen", 1, False], ["INK", 7, False], ["pad", 3, True]])
    assert at.session_state["ed"] == {"edited_rows": {1: {"qty": 7, "item": "INK"},
                                                      0: {"ok": False}},
                                      "added_rows": [], "deleted_rows": []}
    assert at.session_state["ed"].edited_rows[1]["qty"] == 7  # attribute access too
    pd.testing.assert_frame_equal(at.data_editor[0].value, pd.DataFrame(
        {"item": ["pen", "INK", "pad"], "qty": [1, 7, 3], "ok": [False, False, True]}))


def test_rows_added_and_deleted_with_num_rows_dynamic():
    at = app("""
out = st.data_editor(df, key="ed", num_rows="dynamic",
                     column_config={"ok": st.column_config.CheckboxColumn(default=True)})
st.text(repr(out.values.tolist()) + " " + repr(list(out.index)))
""")
    ed = at.data_editor[0]
    ed.add_row({"item": "cap", "qty": 4}).run()
    at.data_editor[0].delete_rows([0]).run()
    at.data_editor[0].edit_cell(3, "qty", 5).run()  # the added row (position len(df) + 0)
    assert at.session_state["ed"] == {"edited_rows": {}, "added_rows": [{"item": "cap", "qty": 5}],
                                      "deleted_rows": [0]}
    assert at.text[0].value == repr([["ink", 2, False], ["pad", 3, True], ["cap", 5, None]]) + \
        " [1, 2, 3]"
    at.data_editor[0].delete_rows([3]).run()  # deleting an added row removes it
    assert at.session_state["ed"]["added_rows"] == []


@pytest.mark.parametrize("mode,add_ok,delete_ok", [
    ("fixed", False, False), ("add", True, False), ("delete", False, True),
    ("dynamic", True, True)])
def test_num_rows_decides_what_the_grid_may_send(mode, add_ok, delete_ok):
    at = app(f"st.data_editor(df, key='ed', num_rows={mode!r})")
    at.data_editor[0].add_row({"item": "x"}).run()
    assert (len(at.session_state["ed"]["added_rows"]) == 1) == add_ok
    assert add_ok or "rows cannot be added" in at.warning[0].value
    at.data_editor[0].delete_rows([0]).run()
    assert (at.session_state["ed"]["deleted_rows"] == [0]) == delete_ok
    assert delete_ok or "rows cannot be deleted" in at.warning[0].value


@pytest.mark.parametrize("config,column,value,words", [
    ("{'qty': st.column_config.NumberColumn(min_value=0, max_value=5)}", "qty", 9, "max_value"),
    ("{'qty': st.column_config.NumberColumn(min_value=0)}", "qty", -1, "min_value"),
    ("{'qty': st.column_config.NumberColumn(step=2)}", "qty", 3, "step"),
    ("None", "qty", 1.5, "whole numbers"),
    ("None", "qty", "many", "takes a number"),
    ("None", "ok", "yes", "True or False"),
    ("{'item': st.column_config.TextColumn(max_chars=3)}", "item", "pencil", "at most 3"),
    ("{'item': st.column_config.TextColumn(validate='^[a-z]+$')}", "item", "Pen!", "pattern"),
    ("{'item': st.column_config.SelectboxColumn(options=['pen', 'ink'])}", "item", "pad",
     "options"),
    ("{'item': st.column_config.TextColumn(required=True)}", "item", None, "required"),
    ("{'item': st.column_config.Column(disabled=True)}", "item", "x", "disabled"),
    ("None", "nope", 1, "does not exist"),
])
def test_a_refused_edit_is_set_back_and_named(config, column, value, words):
    at = app(f"out = st.data_editor(df, key='ed', column_config={config})\n"
             "st.text(repr(out.values.tolist()))")
    before = at.text[0].value
    at.data_editor[0].edit_cell(0, column, value).run()
    assert words in at.warning[0].value and 'st.data_editor` "data_editor" (key "ed")' in \
        at.warning[0].value
    assert at.session_state["ed"]["edited_rows"] == {}
    assert at.text[0].value == before


def test_disabled_columns_and_the_whole_editor():
    at = app("st.data_editor(df, key='a', disabled=['qty', 2])\n"
             "st.data_editor(df, key='b', disabled=True)")
    at.data_editor[0].edit_cell(0, "ok", False).run()
    assert "disabled" in at.warning[0].value
    at.data_editor[0].edit_cell(0, "item", "x").run()
    assert at.session_state["a"]["edited_rows"] == {0: {"item": "x"}}
    with pytest.raises(AppTestError, match="disabled dataframe"):  # (a browser cannot)
        at.data_editor[1].edit_cell(0, "item", "x")


def test_on_change_runs_with_args_before_the_rerun():
    at = app("""
def changed(tag):
    st.session_state.log = st.session_state.get("log", []) + [(tag, dict(st.session_state.ed["edited_rows"]))]
st.data_editor(df, key="ed", on_change=changed, args=("t",))
""")
    at.data_editor[0].edit_cell(2, "qty", 9).run()
    assert at.session_state["log"] == [("t", {2: {"qty": 9}})]


def test_the_state_cannot_be_set_through_session_state():
    at = app("st.session_state.ed = {'edited_rows': {}}\nst.data_editor(df, key='ed')")
    assert at.exception and "ValueAssignmentNotAllowed" in at.exception[0].type


@pytest.mark.parametrize("data,check", [
    ("{'a': [1, 2], 'b': ['x', 'y']}", lambda v: v == {"a": [10, 2], "b": ["x", "y"]}),
    ("[{'a': 1}, {'a': 2}]", lambda v: v == [{"a": 10}, {"a": 2}]),
    ("np.array([[1, 2], [3, 4]])", lambda v: isinstance(v, np.ndarray) and v.tolist() == [[10, 2], [3, 4]]),
    ("pd.Series([1, 2], name='a')", lambda v: isinstance(v, pd.Series) and v.tolist() == [10, 2]),
    ("[1, 2]", lambda v: v == [10, 2]),
])
def test_the_edit_comes_back_in_the_input_type(data, check):
    at = app(f"st.session_state.out = st.data_editor({data}, key='ed')")
    col = at.data_editor[0]._el.props["source"].columns()[1]["name"]
    at.data_editor[0].edit_cell(0, col, 10).run()
    assert check(at.session_state["out"]), at.session_state["out"]


def test_a_pyarrow_table_comes_back_a_pyarrow_table():
    pa = pytest.importorskip("pyarrow")
    at = app("import pyarrow as pa\nst.session_state.out = st.data_editor(pa.table({'a': [1, 2]}), key='ed')")
    at.data_editor[0].edit_cell(1, "a", 5).run()
    out = at.session_state["out"]
    assert isinstance(out, pa.Table) and out.column("a").to_pylist() == [1, 5]


def test_a_keyed_fixed_editor_keeps_its_edits_when_values_change_not_when_shape_does():
    at = app("""
n = st.slider("n", 1, 5, 1)
data = pd.DataFrame({"v": [n * 10, 2, 3]})
rows = st.slider("rows", 3, 4, 3)
st.data_editor(data.head(rows) if rows == 3 else pd.concat([data, data.head(1)]), key="ed")
""")
    at.data_editor[0].edit_cell(1, "v", 99).run()
    at.slider[0].set_value(2).run()  # the values change: the same editor
    assert at.session_state["ed"]["edited_rows"] == {1: {"v": 99}}
    at.slider[1].set_value(4).run()  # another row count: a new editor, edits gone
    assert at.session_state["ed"]["edited_rows"] == {}


def test_bad_arguments_are_named():
    for call, words in [("st.data_editor(df, num_rows='some')", "num_rows"),
                        ("st.data_editor(df, on_change=3)", "on_change"),
                        ("st.data_editor(pd.DataFrame([[1, 2]], columns=['a', 'a']))",
                         "more than once")]:
        at = app(call)
        assert at.exception and words in at.exception[0].message, call


def test_an_unkeyed_editor_of_a_cached_large_frame_keeps_its_edits_across_reruns():
    at = app("""
@st.cache_data
def load():
    return pd.DataFrame({"v": np.arange(300_000)})
st.slider("other", 0, 5, 0)
out = st.data_editor(load(), num_rows="dynamic")
st.text(f"{out.v.iloc[0]} {len(out)}")
""")
    at.data_editor[0].edit_cell(0, "v", -5).run()
    at.slider[0].set_value(3).run()  # a fresh copy of the same frame: the same editor
    assert at.text[0].value == "-5 300000"


def test_in_a_form_edits_and_selections_wait_for_the_submit():
    at = app("""
with st.form("f"):
    out = st.data_editor(df, key="ed")
    ev = st.dataframe(df, key="sel", on_select="rerun")
    st.form_submit_button("Go")
st.text(f"{out.qty.tolist()} {ev.selection.rows}")
""")
    at.data_editor[0].edit_cell(0, "qty", 9)
    at.dataframe(key="sel").select_rows([1])  # (at.dataframe lists the editor too)
    at.run()
    assert at.text[0].value == "[1, 2, 3] []"
    at.button[0].click().run()
    assert at.text[0].value == "[9, 2, 3] [1]"
