"""Streamlit 1.67's newer column types (MultiselectColumn, MarkdownColumn, ButtonColumn,
AudioColumn, VideoColumn) through AppTest; "select all" rows; editing the index; polars."""

from __future__ import annotations

import inspect

import pandas as pd
import pytest

import nbstate as st
from nbstate.tabular import GridSource, column_meta
from nbstate.testing import AppTest

NEW = ["MultiselectColumn", "MarkdownColumn", "ButtonColumn", "AudioColumn", "VideoColumn"]


def _params(fn):
    return [(p.name, p.kind, p.default) for p in inspect.signature(fn).parameters.values()]


@pytest.mark.parametrize("name", NEW)
def test_signatures_match_streamlit(name):
    streamlit = pytest.importorskip("streamlit")
    assert _params(getattr(st.column_config, name)) == _params(
        getattr(streamlit.column_config, name))


def test_the_dicts_are_streamlits():
    streamlit = pytest.importorskip("streamlit")
    cc, sc = st.column_config, streamlit.column_config
    cases = [
        ("MultiselectColumn", {"options": ["a", "b", "c"], "color": ["red", "blue"],
                               "format_func": str.upper, "default": ["a"],
                               "accept_new_options": True, "required": True}),
        ("MultiselectColumn", {"options": ["x"], "color": "auto"}),
        ("MultiselectColumn", {}),
        ("MarkdownColumn", {"label": "M", "default": "**x**", "alignment": "center"}),
        ("ButtonColumn", {"label": "B", "type": "primary", "width": 80}),
        ("AudioColumn", {"label": "A", "pinned": True}),
        ("VideoColumn", {"label": "V", "help": "h", "alignment": "right"}),
    ]
    for name, kw in cases:
        assert getattr(cc, name)(**kw) == getattr(sc, name)(**kw), name
    ours = cc.ButtonColumn("B", key="k", on_click=print, args=(1,))
    theirs = sc.ButtonColumn("B", key="k", on_click=print, args=(1,))
    assert (ours.config, ours.key, ours.on_click, ours.args) == (
        theirs.config, theirs.key, theirs.on_click, theirs.args)


def test_dir_of_column_config_is_streamlits():
    streamlit = pytest.importorskip("streamlit")
    assert dir(st.column_config) == dir(streamlit.column_config)
    assert "Any" not in dir(st.column_config) and "InvalidArgumentError" not in dir(
        st.column_config)


def test_a_button_callback_without_a_key_is_refused():
    with pytest.raises(st.errors.MissingRequiredParameterError, match="key"):
        st.column_config.ButtonColumn("Go", on_click=print)


DF = """
import nbstate as st
import pandas as pd
df = pd.DataFrame({
    "name": ["Ada", "Bo"],
    "tags": [["llm", "viz"], ["viz"]],
    "notes": ["# Title\\n**bold** <b>raw</b> [x](javascript:alert(1))", "plain"],
    "clip": ["https://example.org/a.mp3", "data:audio/wav;base64,AAAA"],
    "film": ["https://example.org/v.mp4", None],
    "go": ["Open", ["Edit", "Delete"]],
})
CFG = {
    "tags": st.column_config.MultiselectColumn("Tags", options=["llm", "viz", "exp"],
                                               color=["red", "#00ff00"],
                                               format_func=str.upper),
    "notes": st.column_config.MarkdownColumn("Notes"),
    "clip": st.column_config.AudioColumn("Clip"),
    "film": st.column_config.VideoColumn("Film"),
    "go": st.column_config.ButtonColumn("Go", key="go_click", on_click=lambda: st.session_state
                                        .__setitem__("seen", dict(st.session_state.go_click))),
}
"""


def _window(el):
    src = el.props["source"]
    cols = src.columns(el.props.get("column_config"), el.props.get("column_order"),
                       el.props.get("hide_index"))
    return cols, src.window(0, src.nrows, list(range(len(cols))), columns=cols)["cells"]


def test_the_cells_of_the_new_types():
    at = AppTest.from_string(DF + "st.dataframe(df, column_config=CFG, hide_index=True)").run()
    cols, cells = _window(at.dataframe[0]._el)
    meta = {m["name"]: m for m in column_meta(cols)}
    # multiselect: tags, with the labels and colours of the options for the browser
    assert cells[0][1] == {"list": ["llm", "viz"]}
    assert meta["tags"]["type"] == "multiselect"
    assert meta["tags"]["options"] == ["llm", "viz", "exp"]
    assert meta["tags"]["option_labels"] == ["LLM", "VIZ", "EXP"]
    assert meta["tags"]["option_colors"] == ["red", "#00ff00", "red"]
    # markdown: the text, and its rendering with raw HTML escaped and the unsafe link dropped
    md = cells[0][2]
    assert md["markdown"].startswith("# Title")
    assert "<h1>Title</h1>" in md["html"] and "<strong>bold</strong>" in md["html"]
    assert "&lt;b&gt;raw&lt;/b&gt;" in md["html"] and "href=\"javascript" not in md["html"]
    # audio / video: players' sources; a missing one stays empty
    assert cells[0][3] == {"media": "audio", "url": "https://example.org/a.mp3"}
    assert cells[0][4] == {"media": "video", "url": "https://example.org/v.mp4"}
    assert cells[1][4] is None
    # buttons: one label, or a menu of several
    assert cells[0][5] == {"button": ["Open"]} and cells[1][5] == {"button": ["Edit", "Delete"]}
    assert meta["go"]["button_type"] == "secondary" and meta["go"]["disabled"] is True


def test_a_button_click_reruns_with_the_click_in_session_state_for_one_run():
    at = AppTest.from_string(DF + """
st.dataframe(df, column_config=CFG)
st.text(f"click={st.session_state.go_click!r} seen={st.session_state.get('seen')!r}")
if st.session_state.go_click:
    st.caption(f"row {st.session_state.go_click.row}: {st.session_state.go_click.label}")
""").run()
    assert at.text[0].value == "click=None seen=None"
    at.dataframe[0].click_button("go", 1, "Delete").run()
    assert at.text[0].value == ("click={'row': 1, 'label': 'Delete'} "
                                "seen={'row': 1, 'label': 'Delete'}")
    assert at.caption[0].value == "row 1: Delete"  # attribute access, as Streamlit's
    assert at.session_state["go_click"] is None  # after the run, as a button's trigger
    at.run()  # the next run: gone again
    assert at.text[0].value == "click=None seen={'row': 1, 'label': 'Delete'}"
    # the default label: the cell's (first) text
    at.dataframe[0].click_button("go", 0).run()
    assert "click={'row': 0, 'label': 'Open'}" in at.text[0].value


def test_button_clicks_are_checked_and_cannot_be_set_through_session_state():
    at = AppTest.from_string(DF + """
st.dataframe(df, column_config=CFG)
st.text(repr(st.session_state.go_click))
""").run()
    with pytest.raises(ValueError, match="no ButtonColumn with a key"):
        at.dataframe[0].click_button("name", 0)
    at.dataframe[0].click_button("go", 7).run()  # a row the data does not have
    assert at.text[0].value == "None" and "row 7 is not a row" in at.warning[0].value
    at2 = AppTest.from_string(DF + """
st.session_state.go_click = {"row": 0, "label": "x"}
st.dataframe(df, column_config=CFG)
""").run()
    assert at2.exception and "go_click" in at2.exception[0].value


def test_a_button_column_in_a_data_editor_clicks_and_is_never_edited():
    at = AppTest.from_string(DF + """
out = st.data_editor(df[["name", "go"]], key="ed", column_config={
    "go": st.column_config.ButtonColumn("Go", key="ed_click")})
st.text(repr(st.session_state.ed_click))
""").run()
    at.data_editor[0].click_button("go", 0).run()
    assert at.text[0].value == "{'row': 0, 'label': 'Open'}"
    at.data_editor[0].edit_cell(0, "go", "Close").run()
    assert "'go' cannot be edited" in at.warning[0].value


EDIT = """
import nbstate as st
import pandas as pd
df = pd.DataFrame({"tags": [["a"], ["b", "c"]], "md": ["x", "y"]})
out = st.data_editor(df, key="ed", column_config={
    "tags": st.column_config.MultiselectColumn(options=["a", "b", "c"]),
    "new": None,
    "md": st.column_config.MarkdownColumn(max_chars=None) if False else
          st.column_config.MarkdownColumn(),
})
st.text(repr(out.values.tolist()))
"""


def test_multiselect_edits_are_checked_against_the_options():
    at = AppTest.from_string(EDIT).run()
    at.data_editor[0].edit_cell(0, "tags", ["c", "a"]).run()
    assert at.text[0].value == repr([[["c", "a"], "x"], [["b", "c"], "y"]])
    at.data_editor[0].edit_cell(1, "tags", ["zzz"]).run()
    assert "['zzz'] not among column 'tags''s options" in at.warning[0].value
    assert at.text[0].value == repr([[["c", "a"], "x"], [["b", "c"], "y"]])
    at.data_editor[0].edit_cell(1, "md", "**new**").run()
    assert at.text[0].value == repr([[["c", "a"], "x"], [["b", "c"], "**new**"]])


def test_accept_new_options_takes_typed_options():
    at = AppTest.from_string(EDIT.replace('options=["a", "b", "c"]',
                                          'options=["a"], accept_new_options=True')).run()
    at.data_editor[0].edit_cell(1, "tags", ["a", "typed"]).run()
    assert not at.warning
    assert at.text[0].value == repr([[["a"], "x"], [["a", "typed"], "y"]])


def test_select_all_rows_is_every_row_of_the_data():
    at = AppTest.from_string("""
import nbstate as st
import pandas as pd
ev = st.dataframe(pd.DataFrame({"x": range(5000)}), key="sel", on_select="rerun",
                  selection_mode="multi-row")
st.text(len(ev.selection.rows))
""").run()
    at.dataframe[0].select_rows(list(range(5000))).run()
    assert at.text[0].value == "5000"
    assert at.session_state["sel"]["selection"]["rows"] == list(range(5000))


# -- index cells (Streamlit's editor: a RangeIndex is read-only, other indexes are edited) --
def test_index_cells_are_editable_unless_a_range_index():
    named = GridSource(pd.DataFrame({"v": [1]}, index=pd.Index(["a"], name="k"))).columns()
    ranged = GridSource(pd.DataFrame({"v": [1]})).columns()
    assert column_meta(named)[0]["disabled"] is False
    assert column_meta(ranged)[0]["disabled"] is True


def test_the_index_of_existing_and_added_rows_is_edited():
    at = AppTest.from_string("""
import nbstate as st
import pandas as pd
df = pd.DataFrame({"v": [1, 2]}, index=pd.Index(["a", "b"], name="k"))
out = st.data_editor(df, key="ed", num_rows="dynamic")
st.text(repr(list(out.index)) + " " + repr(out.v.tolist()))
""").run()
    assert at.data_editor[0]._el.props["hide_index"] is None  # shown: not a RangeIndex
    at.data_editor[0].edit_cell(0, "_index", "A").run()
    assert at.text[0].value == "['A', 'b'] [1, 2]"
    at.data_editor[0].add_row({"v": 3}).run()   # no index value: skipped, as Streamlit
    assert at.text[0].value == "['A', 'b'] [1, 2]"
    # ... but the grid shows the row, with an empty index cell to fill in
    src = at.data_editor[0]._el.props["source"]
    assert src.window(0, 3, [0, 1])["cells"] == [["A", "1"], ["b", "2"], [None, "3"]]
    at.data_editor[0].edit_cell(2, "_index", "c").run()  # the added row gets its index
    assert at.text[0].value == "['A', 'b', 'c'] [1, 2, 3]"
    assert at.session_state["ed"]["added_rows"] == [{"v": 3, "_index": "c"}]


def test_a_range_index_is_not_edited():
    at = AppTest.from_string("""
import nbstate as st
import pandas as pd
out = st.data_editor(pd.DataFrame({"v": [1, 2]}), key="ed")
st.text(repr(list(out.index)))
""").run()
    at.data_editor[0].edit_cell(0, "_index", 9).run()
    assert "'_index' cannot be edited" in at.warning[0].value
    assert at.text[0].value == "[0, 1]"


# -- polars --------------------------------------------------------------------------------
def test_polars_frames_are_shown_and_edited_as_polars():
    pl = pytest.importorskip("polars")
    at = AppTest.from_string("""
import nbstate as st
import polars as pl
df = pl.DataFrame({"city": ["Oslo", "Lima"], "temp": [3.5, 19.25]})
st.dataframe(df)
out = st.data_editor(df, key="ed")
st.text(type(out).__module__.split(".")[0] + " " + repr(out["temp"].to_list()))
""").run()
    assert at.dataframe[0].value["city"].tolist() == ["Oslo", "Lima"]
    cols, cells = _window(at.dataframe[0]._el)
    assert cells == [["0", "Oslo", "3.5"], ["1", "Lima", "19.25"]]
    at.data_editor[0].edit_cell(1, "temp", 20.5).run()
    assert at.text[0].value == "polars [3.5, 20.5]"
    assert isinstance(pl.DataFrame({"a": [1]}), pl.DataFrame)


def test_the_static_picture_shows_no_trace_of_a_button_column_widget():
    from nbstate.frontends.static import outline, picture_html

    at = AppTest.from_string(DF + "st.dataframe(df[['name', 'go']], column_config=CFG)").run()
    tree = at._tree
    assert any(el.type == "dataframe_button" for el in tree.walk())
    assert "dataframe_button" not in outline(tree)
    assert "dataframe_button" not in picture_html(tree) and "go_click" not in picture_html(tree)


def test_a_button_column_in_a_form_clicks_at_once():
    at = AppTest.from_string(DF + """
with st.form("f"):
    st.dataframe(df[["name", "go"]], column_config={"go": st.column_config.ButtonColumn(
        key="form_click")})
    st.form_submit_button("Send")
st.text(repr(st.session_state.form_click))
""").run()
    at.dataframe[0].click_button("go", 1, "Edit").run()
    assert at.text[0].value == "{'row': 1, 'label': 'Edit'}"
