"""SPEC §3: every widget kind, its default, its return type, its argument errors."""

from __future__ import annotations

import datetime as dt
import inspect

import pytest

import nbstate as st
from nbstate.uploads import UploadedFile

# (call, default value the app gets back, attribute list of AppTest)
DEFAULTS = [
    ('st.button("b")', False, "button"),
    ('st.download_button("d", "data")', False, "download_button"),
    ('st.checkbox("c")', False, "checkbox"),
    ('st.toggle("t")', False, "toggle"),
    ('st.radio("r", ["x", "y"])', "x", "radio"),
    ('st.radio("r", ["x", "y"], index=None)', None, "radio"),
    ('st.selectbox("s", ["x", "y"])', "x", "selectbox"),
    ('st.selectbox("s", ["x", "y"], index=1)', "y", "selectbox"),
    ('st.selectbox("s", ["x", "y"], index=None)', None, "selectbox"),
    ('st.selectbox("s", [])', None, "selectbox"),
    ('st.multiselect("m", ["x", "y"])', [], "multiselect"),
    ('st.multiselect("m", ["x", "y"], ["y"])', ["y"], "multiselect"),
    ('st.slider("s")', 0, "slider"),
    ('st.slider("s", 5, 9)', 5, "slider"),
    ('st.slider("s", 0.5, 2.0)', 0.5, "slider"),
    ('st.slider("s", 0, 10, (2, 8))', (2, 8), "slider"),
    ('st.slider("s", value=dt.date(2024, 1, 10))', dt.date(2024, 1, 10), "slider"),
    ('st.slider("s", value=dt.time(12, 0))', dt.time(12, 0), "slider"),
    ('st.select_slider("s", ["a", "b", "c"])', "a", "select_slider"),
    ('st.select_slider("s", ["a", "b", "c"], ("a", "c"))', ("a", "c"), "select_slider"),
    ('st.text_input("t")', "", "text_input"),
    ('st.text_input("t", None)', None, "text_input"),
    ('st.text_area("t")', "", "text_area"),
    ('st.number_input("n")', 0.0, "number_input"),
    ('st.number_input("n", 3)', 3, "number_input"),
    ('st.number_input("n", min_value=1.5)', 1.5, "number_input"),
    ('st.number_input("n", value=7)', 7, "number_input"),
    ('st.number_input("n", value=None)', None, "number_input"),
    ('st.date_input("d", dt.date(2024, 2, 29))', dt.date(2024, 2, 29), "date_input"),
    ('st.date_input("d", (dt.date(2024, 1, 1), dt.date(2024, 1, 5)))',
     (dt.date(2024, 1, 1), dt.date(2024, 1, 5)), "date_input"),
    ('st.date_input("d", None)', None, "date_input"),
    ('st.time_input("t", dt.time(8, 45))', dt.time(8, 45), "time_input"),
    ('st.color_picker("c")', "#000000", "color_picker"),
    ('st.color_picker("c", "#0f0")', "#0f0", "color_picker"),
    ('st.file_uploader("f")', None, "file_uploader"),
    ('st.file_uploader("f", accept_multiple_files=True)', [], "file_uploader"),
    ('st.pills("p", ["a", "b"])', None, "pills"),
    ('st.pills("p", ["a", "b"], selection_mode="multi")', [], "pills"),
    ('st.pills("p", ["a", "b"], default="b")', "b", "pills"),
    ('st.segmented_control("p", ["a", "b"])', None, "segmented_control"),
    ('st.segmented_control("p", ["a", "b"], selection_mode="multi", default=["a"])', ["a"],
     "segmented_control"),
]


@pytest.mark.parametrize("call, expected, attr", DEFAULTS, ids=[d[0] for d in DEFAULTS])
def test_default_value_and_type(app, call, expected, attr):
    at = app(f"""
        import datetime as dt
        v = {call}
        st.session_state.got = v
    """)
    assert not at.exception, at.exception[0].message if at.exception else None
    got = at.session_state["got"]
    assert got == expected and type(got) is type(expected)
    assert len(at.get(attr)) == 1
    if attr not in ("button", "download_button"):
        assert at.get(attr)[0].value == expected


def test_form_submit_button_default_is_false(app):
    at = app("""
        with st.form("f"):
            st.session_state.got = st.form_submit_button()
    """)
    assert at.session_state["got"] is False
    assert at.button[0].label == "Submit"


def test_time_input_default_is_now_rounded_to_step(app):
    def floor_half_hour(t):
        return dt.time(t.hour, t.minute - t.minute % 30)

    before = floor_half_hour(dt.datetime.now())
    at = app("import datetime as dt\n"
             "st.session_state.t = st.time_input('t', step=dt.timedelta(minutes=30))")
    after = floor_half_hour(dt.datetime.now())
    assert at.session_state["t"] in (before, after)


def test_date_input_default_is_today(app):
    at = app("st.session_state.d = st.date_input('d')")
    assert at.session_state["d"] in (dt.date.today(), dt.date.today() - dt.timedelta(days=1))


def test_widgets_return_current_value_after_interaction(app):
    at = app("""
        st.session_state.out = [st.checkbox("c"), st.radio("r", [1, 2, 3]),
                                st.multiselect("m", "abc"), st.slider("s", 0, 10),
                                st.text_input("t"), st.number_input("n", 0, 5)]
    """)
    at.checkbox[0].check()
    at.radio[0].set_value(3)
    at.multiselect[0].select("b").select("c")
    at.slider[0].set_value(7)
    at.text_input[0].input("hi")
    at.number_input[0].increment()
    at.run()
    assert at.session_state["out"] == [True, 3, ["b", "c"], 7, "hi", 1]


# -- Streamlit signatures ----------------------------------------------------------------
WIDGETS = ["button", "download_button", "form_submit_button", "checkbox", "toggle", "radio",
           "selectbox", "multiselect", "slider", "select_slider", "text_input", "text_area",
           "number_input", "date_input", "time_input", "color_picker", "file_uploader",
           "pills", "segmented_control"]


def _positional(fn):
    # on_change=None and Streamlit's newer on_change="rerun" both mean "no callback"
    return [(p.name, None if p.default == "rerun" else p.default)
            for p in inspect.signature(fn).parameters.values()
            if p.kind is p.POSITIONAL_OR_KEYWORD and not callable(p.default)]


@pytest.mark.parametrize("name", WIDGETS)
def test_signature_matches_streamlit(name):
    """Same positional parameters, order and defaults; keyword-only ones are Streamlit's."""
    streamlit = pytest.importorskip("streamlit")
    assert _positional(getattr(st, name)) == _positional(getattr(streamlit, name))
    ours = inspect.signature(getattr(st, name)).parameters
    theirs = inspect.signature(getattr(streamlit, name)).parameters
    assert set(ours) <= set(theirs)
    for common in ("key", "help", "disabled"):
        assert common in ours


# -- argument errors, raised at the call ------------------------------------------------
ARG_ERRORS = [
    ('st.slider("Age", 10, 5)', "InvalidMinMaxError", ["Age", "10", "5"]),
    ('st.number_input("Count", 10, 5)', "InvalidMinMaxError", ["Count", "min_value"]),
    ('st.date_input("When", min_value=dt.date(2024, 2, 1), max_value=dt.date(2024, 1, 1))',
     "InvalidMinMaxError", ["When"]),
    ('st.slider("Age", 0, 10, 11)', "ValueAboveMaxError", ["Age", "11", "10"]),
    ('st.slider("Age", 0, 10, -1)', "ValueBelowMinError", ["Age", "-1", "0"]),
    ('st.number_input("Count", 0, 10, 11)', "ValueAboveMaxError", ["Count", "11"]),
    ('st.number_input("Count", 0, 10, -3)', "ValueBelowMinError", ["Count", "-3"]),
    ('st.date_input("When", dt.date(2020, 1, 1), min_value=dt.date(2024, 1, 1))',
     "ValueBelowMinError", ["When"]),
    ('st.slider("Age", 0, 10.0)', "MixedNumericTypesError", ["Age", "same type"]),
    ('st.slider("Age", 0, 10, 5, 0.5)', "MixedNumericTypesError", ["Age", "step"]),
    ('st.number_input("Count", 0, 10.5)', "MixedNumericTypesError", ["Count", "same type"]),
    ('st.number_input("Count", 0, 10, 5, 0.5)', "MixedNumericTypesError", ["Count"]),
    ('st.selectbox("Pick", ["a", "b"], index=2)', "ValueOutOfRangeError", ["Pick", "index"]),
    ('st.radio("Pick", ["a", "b"], index=-1)', "ValueOutOfRangeError", ["Pick", "index"]),
    ('st.radio("Pick", ["a"], index="0")', "InvalidArgumentError", ["Pick", "index"]),
    ('st.select_slider("Size", [])', "MissingRequiredParameterError", ["Size", "options"]),
    ('st.pills("Tags", [])', "MissingRequiredParameterError", ["Tags", "options"]),
    ('st.segmented_control("View", [])', "MissingRequiredParameterError", ["View", "options"]),
    ('st.select_slider("Size", ["S", "M"], "XL")', "DefaultNotInOptionsError", ["Size", "XL"]),
    ('st.multiselect("Fruit", ["apple"], ["pear"])', "DefaultNotInOptionsError",
     ["Fruit", "pear"]),
    ('st.multiselect("Fruit", "abc", ["a", "b"], max_selections=1)',
     "SelectionCountExceedsMaxError", ["Fruit", "max_selections"]),
    ('st.checkbox("Agree", label_visibility="gone")', "InvalidArgumentError",
     ["Agree", "label_visibility", "gone"]),
    ('st.slider("Age", label_visibility="invisible")', "InvalidArgumentError",
     ["Age", "label_visibility"]),
    ('st.text_input("Name", type="secret")', "InvalidArgumentError", ["Name", "type"]),
    ('st.text_input("Name", max_chars=0)', "InvalidArgumentError", ["Name", "max_chars"]),
    ('st.color_picker("Colour", "red")', "InvalidColorError", ["Colour", "red"]),
    ('st.checkbox("Agree", on_change=5)', "InvalidArgumentError", ["Agree", "callback"]),
    ('st.button("Go", type="huge")', "InvalidArgumentError", ["Go", "type"]),
    ('st.time_input("At", step=5)', "InvalidArgumentError", ["At", "step"]),
    ('st.pills("Tags", ["a"], selection_mode="some")', "InvalidArgumentError",
     ["Tags", "selection_mode"]),
]


@pytest.mark.parametrize("call, type_name, fragments", ARG_ERRORS,
                         ids=[c for c, _, _ in ARG_ERRORS])
def test_argument_errors(app, call, type_name, fragments):
    at = app(f"""
        import datetime as dt
        st.write("before")
        {call}
        st.write("after")
    """)
    assert at.exception[0].type == type_name, at.exception[0].message
    for f in fragments:
        assert f in at.exception[0].message
    assert at.markdown.values == ["before"]


def test_argument_error_classes_are_api_exceptions_and_catchable(app):
    at = app("""
        try:
            st.slider("s", 3, 1)
        except st.errors.StreamlitAPIException as e:
            st.write(type(e).__name__)
        for call in (lambda: st.radio("r", "ab", index=5), lambda: st.pills("p", []),
                     lambda: st.color_picker("c", "red")):
            try:
                call()
            except ValueError as e:  # the argument errors are ValueErrors too
                st.write(type(e).__name__)
    """)
    assert at.markdown.values == ["InvalidMinMaxError", "ValueOutOfRangeError",
                                  "MissingRequiredParameterError", "InvalidColorError"]


def test_number_type_follows_the_arguments(app):
    at = app("""
        st.session_state.types = [type(st.number_input(label, **kw)).__name__ for label, kw in [
            ("a", {}), ("b", {"min_value": 1}), ("c", {"value": 2.0}), ("d", {"step": 1}),
            ("e", {"max_value": 9}), ("f", {"step": 0.5})]]
    """)
    assert at.session_state["types"] == ["float", "int", "float", "int", "int", "float"]


def test_options_are_shown_formatted_and_returned_raw(app):
    at = app("""
        v = st.selectbox("n", [1, 2, 3], format_func=lambda o: f"#{o}", key="n")
    """)
    assert at.selectbox[0].options == ["#1", "#2", "#3"]
    at.selectbox[0].select(2).run()
    assert at.session_state["n"] == 2


def test_options_from_a_dataframe_use_its_first_column(app):
    at = app("""
        import pandas as pd
        st.session_state.v = st.selectbox("c", pd.DataFrame({"col": ["x", "y"], "z": [1, 2]}))
    """)
    assert at.session_state["v"] == "x"
    assert at.selectbox[0].options == ["x", "y"]


def test_text_value_longer_than_max_chars_is_cut(app):
    at = app("st.session_state.v = st.text_input('t', 'abcdef', max_chars=3)")
    assert at.session_state["v"] == "abc"


# -- file uploader --------------------------------------------------------------------------
def test_uploaded_file_api(app):
    at = app("""
        f = st.file_uploader("CSV", type="csv", key="f")
        if f is not None:
            st.write(f.name, f.type, f.size)
            st.text(f.read().decode())
            st.text(f.getvalue().decode())
    """)
    assert at.file_uploader[0].value is None
    at.file_uploader[0].upload("data.csv", b"a,b\n1,2\n").run()
    assert at.markdown.values == ["data.csv text/csv `8`"]
    assert at.text.values == ["a,b\n1,2", "a,b\n1,2"]  # stripped, as Streamlit does
    assert isinstance(at.session_state["f"], UploadedFile)
    at.file_uploader[0].clear().run()
    assert at.session_state["f"] is None and at.markdown.values == []


def test_file_uploader_multiple_files(app):
    at = app("""
        files = st.file_uploader("Files", accept_multiple_files=True)
        st.write(*[f.name for f in files])
    """)
    at.file_uploader[0].upload("a.txt", "A").run()
    at.file_uploader[0].upload("b.txt", "B").run()
    assert at.markdown.values == ["a.txt b.txt"]


def test_a_folder_uploader_keeps_paths_and_a_plain_one_names_only(app):
    at = app("""
        folder = st.file_uploader("Folder", accept_multiple_files="directory", key="d")
        one = st.file_uploader("One", key="o")
        st.write(*[f.name for f in folder], one.name if one else "-")
    """)
    assert at.file_uploader[0].accept_directory and not at.file_uploader[1].accept_directory
    at.file_uploader[0].upload("photos/2024/a.jpg", b"x", "image/jpeg")
    at.file_uploader[1].upload("photos/2024/b.jpg", b"y", "image/jpeg").run()
    assert at.markdown.values == ["photos/2024/a.jpg b.jpg"]


def test_uploaded_file_is_bytesio_like():
    f = UploadedFile("x.bin", b"\x00\x01\x02")
    assert (f.name, f.type, f.size) == ("x.bin", "application/octet-stream", 3)
    assert f.read(2) == b"\x00\x01" and f.getvalue() == b"\x00\x01\x02"
