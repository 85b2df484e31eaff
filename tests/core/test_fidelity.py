"""Streamlit's behaviour where the seed pages are silent (issue: fidelity), through AppTest.

Each test is what a Streamlit user sees in Streamlit 1.67; tests/streamlit_diff runs the same
scripts through Streamlit's own AppTest and checks that both agree.
"""

from __future__ import annotations

import datetime as dt
import enum

import pytest

import nbstate as st
from nbstate.testing import AppTest

# -- SPEC §4: keyless identity ----------------------------------------------------------


def test_two_keyless_widgets_differing_only_by_default_are_two_widgets(app):
    at = app("""
        v = st.number_input("N", value=1)
        w = st.number_input("N", value=2)
        st.write(v, w)
    """)
    assert not at.exception
    assert at.markdown.values == ["`1` `2`"]


def test_keyless_widget_whose_default_changes_is_a_new_widget(app):
    at = app("""
        d = st.session_state.get("d", 1)
        st.write(st.slider("s", 0, 10, d))
    """)
    at.slider[0].set_value(8).run()
    assert at.markdown.values == ["`8`"]
    at.session_state["d"] = 2
    at.run()
    assert at.markdown.values == ["`2`"]  # a new widget, showing the new default


def test_keyed_widget_keeps_its_value_when_its_default_changes(app):
    at = app("""
        d = st.session_state.get("d", 1)
        st.write(st.slider("s", 0, 10, d, key="s"))
    """)
    at.slider[0].set_value(8).run()
    at.session_state["d"] = 2
    at.run()
    assert at.markdown.values == ["`8`"]


def test_keyless_help_is_identity_but_disabled_is_not(app):
    at = app("""
        h = st.session_state.get("h", "one")
        dis = st.session_state.get("dis", False)
        st.write(st.checkbox("c", help=h, disabled=dis))
    """)
    at.checkbox[0].check().run()
    at.session_state["dis"] = True
    at.run()
    assert at.markdown.values == ["`True`"]  # disabled changes nothing
    at.session_state["h"] = "two"
    at.run()
    assert at.markdown.values == ["`False`"]  # help is hashed: a new checkbox


def test_same_keyless_widget_in_main_area_and_sidebar(app):
    at = app("""
        a = st.button("Go")
        b = st.sidebar.button("Go")
        st.write(a, b)
    """)
    assert not at.exception
    at.sidebar.button[0].click().run()
    assert at.markdown.values == ["`False` `True`"]


# -- SPEC §5: callback order, callback exceptions ------------------------------------------

def test_callback_exception_keeps_the_sidebar(app):
    at = app("""
        def cb():
            raise ValueError("bad")
        st.sidebar.write("side")
        st.sidebar.slider("in the sidebar", 0, 9, key="side")
        st.checkbox("c", key="c", on_change=cb)
        st.write("body")
    """)
    at.checkbox[0].check().run()
    assert at.exception[0].type == "ValueError"
    assert [m.value for m in at.sidebar.markdown] == ["side"]
    assert len(at.sidebar.slider) == 1
    at.sidebar.slider[0].set_value(4).run()  # still live
    assert at.session_state["side"] == 4 and not at.exception


def test_all_refused_update_keeps_the_sidebar(app):
    at = app("""
        st.sidebar.write("side")
        st.slider("s", 0, 9, key="s")
    """)
    at.slider[0].set_value(99).run()
    assert at.warning and [m.value for m in at.sidebar.markdown] == ["side"]


# -- SPEC §7: forms ------------------------------------------------------------------------

def test_stop_inside_a_form_shows_no_missing_button_error(app):
    at = app("""
        with st.form("f"):
            st.text_input("t")
            st.stop()
            st.form_submit_button()
    """)
    assert not at.exception


def test_exception_inside_a_form_shows_only_the_exception(app):
    at = app("""
        with st.form("f"):
            st.text_input("t")
            raise ValueError("inside")
    """)
    assert [e.type for e in at.exception] == ["ValueError"]


def test_a_completed_form_without_button_still_shows_the_error(app):
    at = app("""
        with st.form("f"):
            st.text_input("t")
        raise ValueError("after")
    """)
    assert sorted(e.type for e in at.exception) == ["MissingSubmitButtonError", "ValueError"]


def test_clear_on_submit_keeps_submitted_values_in_state_for_other_reruns(app):
    at = app("""
        with st.form("f", clear_on_submit=True):
            v = st.text_input("t", key="t")
            sent = st.form_submit_button()
        st.write(v, sent, st.session_state.t)
        st.button("other")
    """)
    at.text_input[0].input("hi")
    at.button[0].click().run()
    assert at.markdown.values == ["hi `True` hi"]
    assert at.text_input[0].value == ""  # the form shows its default again
    at.button[1].click().run()
    assert at.markdown.values == ["hi `False` hi"]
    at.button[0].click().run()  # the next submit sends what the form shows
    assert at.markdown.values == [" `True` "] or at.markdown.values == ["`True`"]
    assert at.session_state["t"] == ""


# -- SPEC §3: copies and Enum coercion -----------------------------------------------------

def test_mutating_a_returned_list_does_not_change_the_widget(app):
    at = app("""
        v = st.multiselect("m", ["a", "b"], ["a"], key="m")
        v.append("b")
        st.write(st.session_state.m)
    """)
    at.run()
    assert at.multiselect[0].value == ["a"]
    assert at.session_state["m"] == ["a"]


def test_enum_options_survive_a_redefined_enum_class():
    src = """
import enum
import nbstate as st
class Colour(enum.Enum):
    RED = 1
    GREEN = 2
c = st.selectbox("c", Colour, key="c")
m = st.multiselect("m", Colour, key="m")
st.write(type(c) is Colour, c.name, all(type(x) is Colour for x in m))
"""
    at = AppTest.from_string(src).run()
    green = [o for o in at.selectbox[0]._el.props["options"] if o.name == "GREEN"][0]
    at.selectbox[0].select(green)
    at.multiselect[0].set_value([green])
    at.run()  # the script defines Colour again: a new class
    assert at.markdown.values == ["`True` GREEN `True`"]
    assert not at.warning


def test_enum_coercion_keeps_other_values():
    from nbstate.options import coerce_enum

    class E(enum.Enum):
        A = 1

    assert coerce_enum("x", ["x", "y"]) == "x"
    assert coerce_enum(E.A, list(E)) is E.A


# -- defects ---------------------------------------------------------------------------

def test_status_stays_running_when_written_to_through_methods(app):
    at = app("""
        s = st.status("working", state="running")
        s.text("waiting")
        s.write("more")
    """)
    assert at.status[0].state == "running"
    assert [t.value for t in at.status[0].text] == ["waiting"]


def test_status_with_block_still_completes(app):
    at = app("""
        with st.status("working"):
            st.text("step")
    """)
    assert at.status[0].state == "complete"


def test_callback_writes_into_a_container_of_the_previous_run(app):
    at = app("""
        box = st.container(border=True)
        st.session_state.box = box
        def cb():
            st.session_state.box.write("from the callback")
        st.button("go", on_click=cb)
        with box:
            st.write("from the app")
    """)
    at.button[0].click().run()
    assert not at.exception
    assert [m.value for m in at.container[0].markdown] == ["from the callback", "from the app"]
    at.run()
    assert [m.value for m in at.container[0].markdown] == ["from the app"]


def test_callback_writes_into_a_container_passed_as_argument(app):
    at = app("""
        col1, col2 = st.columns(2)
        st.button("go", on_click=lambda c: c.write("hi"), args=(col2,))
        col1.write("left")
    """)
    at.button[0].click().run()
    assert not at.exception
    assert [m.value for m in at.columns[1].markdown] == ["hi"]


def test_app_code_cannot_write_to_a_container_of_an_earlier_run(app):
    at = app("""
        if "box" in st.session_state:
            st.session_state.box.write("stale")
        st.session_state.box = st.container()
    """)
    at.run()
    assert "earlier run" in at.exception[0].message


def test_with_empty_shows_only_the_last_write(app):
    at = app("""
        with st.empty():
            for i in range(3):
                st.write(f"line {i}")
    """)
    assert at.markdown.values == ["line 2"]


@pytest.mark.parametrize("call, value", [
    ("st.date_input('d', value=None, key='x')", dt.date(2024, 1, 2)),
    ("st.time_input('t', value=None, key='x')", dt.time(1, 2)),
    ("st.selectbox('s', ['a', 'b'], index=None, key='x')", "b"),
    ("st.radio('s', ['a', 'b'], index=None, key='x')", "b"),
    ("st.number_input('n', value=None, key='x')", 5),
    ("st.text_input('t', value=None, key='x')", "hey"),
])
def test_widget_without_default_takes_a_preset_value_without_warning(app, call, value):
    at = app(f"""
        import datetime as dt
        st.session_state.got = {call}
    """, run=False)
    at.session_state["x"] = value
    at.run()
    assert at.session_state["got"] == value and type(at.session_state["got"]) is type(value)
    assert not at.warning


def test_short_colour_is_returned_as_given(app):
    at = app('st.write(st.color_picker("c", "#ABC", key="c"))')
    assert at.markdown.values == ["#ABC"] and at.session_state["c"] == "#ABC"


# -- AppTest element values as Streamlit's ----------------------------------------------

def test_element_values_and_attributes_match_streamlits_apptest(app):
    at = app("""
        st.title("T")
        st.header("H", anchor="hh")
        st.subheader("S", anchor=False)
        st.caption("c")
        st.markdown("m")
        st.divider()
        st.latex("a^2")
        raise ValueError("x")
    """)
    assert (at.title[0].tag, at.header[0].tag, at.subheader[0].tag) == ("h1", "h2", "h3")
    assert at.header[0].anchor == "hh" and at.title[0].anchor == ""
    assert at.subheader[0].hide_anchor is True and at.header[0].hide_anchor is False
    assert at.caption[0].is_caption is True and at.markdown[0].is_caption is False
    assert at.divider[0].value == "---"
    assert at.latex[0].value == "$$\na^2\n$$"
    assert at.exception[0].is_markdown is False


# -- SPEC §10: AppTest raises and converts as Streamlit's ------------------------------

def test_apptest_select_of_a_non_option_raises_value_error(app):
    at = app('st.selectbox("s", ["a", "b"], key="x")')
    with pytest.raises(ValueError):
        at.selectbox[0].select("zz").run()
    at.run()  # the bad value is gone: the next run works
    assert at.session_state["x"] == "a"
    with pytest.raises(ValueError):
        at.radio
        app('st.radio("r", ["a"])').radio[0].set_value("q").run()


@pytest.mark.parametrize("call, act, expected", [
    ("st.date_input('d', dt.date(2024, 1, 1), key='x')",
     lambda at: at.date_input[0].set_value(dt.datetime(2024, 1, 5, 3, 4)), dt.date(2024, 1, 5)),
    ("st.date_input('d', (dt.date(2024, 1, 1), dt.date(2024, 1, 3)), key='x')",
     lambda at: at.date_input[0].set_value((dt.datetime(2024, 1, 5), dt.date(2024, 1, 7))),
     (dt.date(2024, 1, 5), dt.date(2024, 1, 7))),
    ("st.time_input('t', dt.time(1, 0), key='x')",
     lambda at: at.time_input[0].set_value(dt.datetime(2024, 1, 1, 5, 6)), dt.time(5, 6)),
    ("st.select_slider('s', list('abcde'), ('b', 'c'), key='x')",
     lambda at: at.select_slider[0].set_range("e", "a"), ("a", "e")),
    ("st.number_input('n', 0, 10, 3, key='x')",
     lambda at: at.number_input[0].set_value(4.5), 4),
])
def test_apptest_converts_values_as_streamlits_does(app, call, act, expected):
    at = app(f"import datetime as dt\n{call}")
    act(at)
    at.run()
    assert at.session_state["x"] == expected and not at.warning


@pytest.mark.parametrize("call, act", [
    ("st.text_input('t', key='x')", lambda at: at.text_input[0].input(5)),
    ("st.checkbox('c', key='x')", lambda at: at.checkbox[0].set_value("yes")),
])
def test_apptest_raises_type_error_for_a_wrong_type(app, call, act):
    at = app(call)
    with pytest.raises(TypeError):
        act(at).run()


# -- the st namespace ---------------------------------------------------------------------

def test_dir_st_shows_public_names_only():
    names = dir(st)
    for internal in ("Any", "annotations", "active_store", "cache", "run", "display",
                     "layout", "kinds", "widgets", "SessionStateProxy"):
        assert internal not in names
    for public in ("slider", "session_state", "write", "errors", "sidebar", "form"):
        assert public in names
    assert all(hasattr(st, n) for n in names)


def test_container_offers_element_functions_only(app):
    at = app("""
        c = st.container()
        c.write("ok")
        for name in ("cache_data", "rerun", "session_state", "active_store", "run_app"):
            try:
                getattr(c, name)
                st.write("has", name)
            except AttributeError:
                pass
    """)
    assert at.markdown.values == ["ok"]
