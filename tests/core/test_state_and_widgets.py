"""SPEC §6: how session state and widgets meet."""

from __future__ import annotations

import pytest

WARNING = ('The widget with key "{}" was created with a default value but also had its value '
           "set via the Session State API.")


def test_keyed_widgets_are_in_session_state_and_keyless_are_not(app):
    at = app("""
        st.text_input("Your name", key="name")
        st.slider("unkeyed", 0, 5)
        st.write(st.session_state.name == "")
    """)
    assert at.session_state.to_dict() == {"name": ""}
    assert at.markdown.values == ["`True`"]


def test_setting_before_creating_on_first_run(app):
    at = app("""
        if "level" not in st.session_state:
            st.session_state.level = 7
        st.session_state.got = st.slider("Level", 0, 10, key="level")
    """)
    assert at.session_state["got"] == 7 and at.slider[0].value == 7
    assert not at.warning  # no value= given: no warning


def test_setting_before_creating_from_apptest_between_runs(app):
    at = app('st.session_state.got = st.selectbox("s", ["a", "b", "c"], key="s")')
    at.session_state["s"] = "c"
    at.run()
    assert at.session_state["got"] == "c" and at.selectbox[0].value == "c"


def test_setting_before_creating_later_in_the_same_run(app):
    at = app("""
        st.session_state.got = st.checkbox("c", key="c")
        if not st.session_state.get("done"):
            st.session_state.done = True
    """)
    at.session_state["c"] = True
    at.run()
    assert at.checkbox[0].value is True


@pytest.mark.parametrize("call, value", [
    ('st.slider(label="My Slider", min_value=1, max_value=10, value=5, key="k")', 7),
    ('st.text_input("t", key="k")', "x"),
    ('st.checkbox("c", key="k")', True),
    ('st.multiselect("m", ["a"], key="k")', ["a"]),
])
def test_setting_after_creating_raises(app, call, value):
    at = app(f"""
        {call}
        st.write("created")
        st.session_state.k = {value!r}
        st.write("never")
    """)
    exc = at.exception[0]
    assert exc.type == "WidgetAlreadyInstantiatedError"
    assert exc.message.startswith('st.session_state["k"] cannot be modified after the widget '
                                  "with that key is instantiated.")
    assert "callback" in exc.message  # says how to fix it
    assert at.markdown.values == ["created"]


def test_setting_after_creating_through_item_syntax_and_update(app):
    at = app("""
        st.slider("s", key="k")
        for how in ("item", "update"):
            try:
                if how == "item":
                    st.session_state["k"] = 3
                else:
                    st.session_state.update(k=3)
            except st.errors.StreamlitAPIException as e:
                st.write(how, type(e).__name__)
    """)
    assert at.markdown.values == ["item WidgetAlreadyInstantiatedError",
                                  "update WidgetAlreadyInstantiatedError"]
    assert at.session_state["k"] == 0


def test_other_keys_may_be_set_after_widgets(app):
    at = app('st.slider("s", key="k")\nst.session_state.other = 1')
    assert not at.exception and at.session_state["other"] == 1


def test_default_plus_session_state_warns_once_per_key_and_state_wins(app):
    at = app("""
        if "my_slider" not in st.session_state:
            st.session_state.my_slider = 7
        st.session_state.got = st.slider("Choose a Value", 1, 10, 5, key="my_slider")
        st.write("body")
    """)
    assert at.warning.values == [WARNING.format("my_slider")]
    assert at.session_state["got"] == 7
    at.session_state["my_slider"] = 3
    at.run()
    assert at.warning.values == [] and at.session_state["got"] == 3


@pytest.mark.parametrize("call, state_value", [
    ('st.number_input("n", value=2.0, key="k")', 1.0),
    ('st.selectbox("s", ["a", "b"], index=1, key="k")', "a"),
    ('st.checkbox("c", True, key="k")', False),
    ('st.text_input("t", "dflt", key="k")', "x"),
    ('st.multiselect("m", ["a", "b"], ["a"], key="k")', ["b"]),
])
def test_default_plus_state_warning_for_each_kind(app, call, state_value):
    at = app(f"st.session_state.k = {state_value!r}\nst.session_state.got = {call}")
    assert at.warning.values == [WARNING.format("k")]
    assert at.session_state["got"] == state_value


def test_no_warning_without_value_argument_or_when_state_came_from_the_widget(app):
    at = app("""
        if "a" not in st.session_state:
            st.session_state.a = 3
        st.slider("a", 0, 10, key="a")
        st.slider("b", 0, 10, 5, key="b")
    """)
    at.slider[1].set_value(9).run()
    assert at.warning.values == []


@pytest.mark.parametrize("call", [
    'st.button("My button", key="my_button")',
    'st.download_button("Save", "data", key="my_button")',
    'st.file_uploader("Upload", key="my_button")',
])
def test_button_like_widgets_cannot_be_set(raises_in_app, call):
    raises_in_app(f"""
        if "my_button" not in st.session_state:
            st.session_state.my_button = True
        {call}
    """, "ValueAssignmentNotAllowedError",
        'st.session_state["my_button"] is read-only and cannot be assigned through session '
        "state. Use a different session state key for values you need to set.")


def test_form_submit_button_cannot_be_set(raises_in_app):
    raises_in_app("""
        st.session_state.sub = True
        with st.form("f"):
            st.form_submit_button("Go", key="sub")
    """, "ValueAssignmentNotAllowedError", 'st.session_state["sub"] is read-only')


def test_button_key_set_from_apptest_raises_at_the_button(app):
    at = app('st.write("top")\nst.button("b", key="b")')
    at.session_state["b"] = True
    at.run()
    assert at.exception[0].type == "ValueAssignmentNotAllowedError"
    assert at.markdown.values == ["top"]


def test_deleting_a_widget_key_does_not_reset_the_widget(app):
    at = app("""
        v = st.slider("s", 0, 10, 2, key="s")
        st.write(v)
        if st.checkbox("delete"):
            del st.session_state["s"]
    """)
    at.slider[0].set_value(8).run()
    at.checkbox[0].check().run()
    assert "s" not in at.session_state
    at.checkbox[0].uncheck().run()
    assert at.session_state["s"] == 8 and at.markdown.values == ["`8`"]


def test_deleting_a_widget_key_from_apptest(app):
    at = app('st.session_state.v = st.text_input("t", key="t")')
    at.text_input[0].input("typed").run()
    del at.session_state["t"]
    at.run()
    assert at.session_state["t"] == "typed"


CLEANUP = """
    if st.session_state.get("show", True):
        st.text_input("Name", "init", key="name")
        st.number_input("n", 0, 10)
    st.write(sorted(st.session_state.keys()))
"""


def test_cleanup_forgets_unrendered_widgets(app):
    at = app(CLEANUP)
    at.text_input[0].input("Ann")
    at.number_input[0].set_value(4)
    at.run()
    at.session_state["show"] = False
    at.run()
    assert "name" not in at.session_state
    assert at.json.values == ['["name", "show"]']  # still there during the run, gone after
    at.session_state["show"] = True
    at.run()
    # rendered again later: it starts from its default
    assert at.text_input[0].value == "init" and at.number_input[0].value == 0
    assert at.session_state["name"] == "init"


def test_cleanup_keeps_keys_that_never_belonged_to_a_widget(app):
    at = app("""
        st.session_state.setdefault("mine", 1)
        if st.session_state.get("show", True):
            st.slider("s", key="s")
    """)
    at.session_state["show"] = False
    at.run()
    assert at.session_state.to_dict() == {"mine": 1, "show": False}


DUMMY_KEY = """
    page = st.radio("page", ["one", "two"], key="page")
    if page == "one":
        if "_x" in st.session_state:
            st.session_state.x = st.session_state._x
        def keep():
            st.session_state._x = st.session_state.x
        st.slider("x", 0, 10, key="x", on_change=keep)
    else:
        st.write("page two")
"""


def test_dummy_key_workaround_keeps_a_value_across_cleanup(app):
    at = app(DUMMY_KEY)
    at.slider[0].set_value(6).run()
    at.radio[0].set_value("two").run()
    assert "x" not in at.session_state and at.session_state["_x"] == 6
    at.radio[0].set_value("one").run()
    assert at.slider[0].value == 6 and at.session_state["x"] == 6
    assert not at.warning


def test_without_dummy_key_the_value_is_lost(app):
    at = app(DUMMY_KEY.replace('"_x" in st.session_state', "False"))
    at.slider[0].set_value(6).run()
    at.radio[0].set_value("two").run()
    at.radio[0].set_value("one").run()
    assert at.slider[0].value == 0


def test_api_value_written_after_cleanup_survives_and_seeds_the_widget(app):
    at = app("""
        if st.session_state.get("show", True):
            st.slider("s", 0, 10, key="s")
        elif st.button("seed"):
            st.session_state.s = 9
    """)
    at.session_state["show"] = False
    at.run()
    at.button[0].click().run()
    assert at.session_state["s"] == 9
    at.session_state["show"] = True
    at.run()
    assert at.slider[0].value == 9


def test_a_container_key_is_no_widget_key_and_stays_writable(app):
    at = app("""
        with st.container(key="box"):
            st.write("in box")
        st.session_state.box = 1
        st.write(st.session_state.box)
    """)
    assert not at.exception and at.markdown.values == ["in box", "`1`"]


def test_a_form_key_cannot_be_set_after_the_form(raises_in_app):
    raises_in_app("""
        with st.form("f"):
            st.form_submit_button()
        st.session_state.f = 1
    """, "WidgetAlreadyInstantiatedError", 'st.session_state["f"]')
