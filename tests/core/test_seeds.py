"""Every code example of the two seed pages (/work/shared/seeds) runs with the outcome the
page describes. Each test quotes its example verbatim, between the markers."""

from __future__ import annotations

import datetime as dt

import pytest

from nbstate import errors

# -- session-state.md ------------------------------------------------------------------------


def test_initialization(app):
    at = app("""
        # Initialization
        if 'key' not in st.session_state:
            st.session_state['key'] = 'value'

        # Session State also supports attribute based syntax
        if 'key' not in st.session_state:
            st.session_state.key = 'value'
    """)
    assert not at.exception and at.session_state.to_dict() == {"key": "value"}


def test_attribute_based_initialization_alone(app):
    at = app("""
        if 'key' not in st.session_state:
            st.session_state.key = 'value'
    """)
    assert at.session_state["key"] == "value"


def test_reads(app):
    at = app("""
        st.session_state.key = 'value'
        # Reads
        st.write(st.session_state.key)

        # Outputs: value
    """)
    assert at.markdown.values == ["value"]


def test_updates(app):
    at = app("""
        st.session_state.key = 'value'
        st.session_state.key = 'value2'     # Attribute API
        st.write(st.session_state.key)
        st.session_state['key'] = 'value2'  # Dictionary like API
        st.write(st.session_state['key'])
    """)
    assert at.markdown.values == ["value2", "value2"]


def test_show_session_state_with_write_and_magic(app):
    at = app("""
        st.session_state.key = 'value'
        st.write(st.session_state)

        # With magic:
        st.session_state
    """)
    # both show the contents: st.write, and the bare expression (Streamlit's "magic")
    assert at.json.values == ['{"key": "value"}', '{"key": "value"}'] and not at.exception


def test_uninitialized_access_throws(app):
    at = app("""
        st.write(st.session_state['value'])

        # Throws an exception!
    """)
    exc = at.exception[0]
    assert exc.type == "KeyError"
    # exactly a KeyError, whose text Python quotes (as Streamlit's does)
    assert exc.message.strip("'").startswith(
        'st.session_state has no key "value". Did you forget to initialize it?')


def test_delete_items(app):
    at = app("""
        if "init" not in st.session_state:
            st.session_state.init = True
            st.session_state.a = 1
            st.session_state.b = 2
            key = "a"
            # Delete a single key-value pair
            del st.session_state[key]
            st.write(sorted(st.session_state.keys()))

            # Delete all the items in Session state
            for key in st.session_state.keys():
                del st.session_state[key]
        st.write(len(st.session_state))
    """)
    assert not at.exception
    assert at.json.values == ['["b", "init"]']
    assert at.markdown.values == ["`0`"]


def test_widget_with_key_is_added_to_session_state(app):
    at = app("""
        st.text_input("Your name", key="name")

        # This exists now:
        st.session_state.name
    """)
    assert not at.exception and at.session_state["name"] == ""
    at.text_input(key="name").input("Ann").run()
    assert at.session_state.name == "Ann"


def test_callbacks_run_first_then_the_app(app):
    at = app("""
        log = st.session_state.setdefault("log", [])
        def on_change(tag, *, suffix):
            log.append(tag + suffix)
        def on_click():
            log.append("click")
        log.append("top")
        st.checkbox("c", on_change=on_change, args=("checkbox",), kwargs={"suffix": "!"})
        st.button("b", on_click=on_click)
    """)
    at.checkbox[0].check().run()
    at.button[0].click().run()
    assert at.session_state["log"] == ["top", "checkbox!", "top", "click", "top"]


ON_CHANGE_WIDGETS = [
    ('st.checkbox("w", key="w", on_change=cb)', lambda w: w.check()),
    ('st.color_picker("w", key="w", on_change=cb)', lambda w: w.set_value("#123456")),
    ('st.date_input("w", dt.date(2024, 1, 1), key="w", on_change=cb)',
     lambda w: w.set_value(dt.date(2024, 1, 2))),
    ('st.multiselect("w", ["a", "b"], key="w", on_change=cb)', lambda w: w.select("b")),
    ('st.number_input("w", key="w", on_change=cb)', lambda w: w.increment()),
    ('st.radio("w", ["a", "b"], key="w", on_change=cb)', lambda w: w.set_value("b")),
    ('st.select_slider("w", ["a", "b"], key="w", on_change=cb)', lambda w: w.set_value("b")),
    ('st.selectbox("w", ["a", "b"], key="w", on_change=cb)', lambda w: w.select("b")),
    ('st.slider("w", key="w", on_change=cb)', lambda w: w.set_value(3)),
    ('st.text_area("w", key="w", on_change=cb)', lambda w: w.input("x")),
    ('st.text_input("w", key="w", on_change=cb)', lambda w: w.input("x")),
    ('st.time_input("w", dt.time(1, 0), key="w", on_change=cb)',
     lambda w: w.set_value(dt.time(2, 0))),
    ('st.file_uploader("w", key="w", on_change=cb)', lambda w: w.upload("a.txt", "a")),
    ('st.button("w", key="w", on_click=cb)', lambda w: w.click()),
    ('st.download_button("w", "data", key="w", on_click=cb)', lambda w: w.click()),
]


@pytest.mark.parametrize("call, act", ON_CHANGE_WIDGETS, ids=[c for c, _ in ON_CHANGE_WIDGETS])
def test_every_listed_widget_supports_its_callback(app, call, act):
    """The page lists the on_change widgets and the on_click widgets: each callback fires
    and sees the new value."""
    at = app(f"""
        import datetime as dt
        def cb():
            st.session_state.fired = st.session_state.w
        {call}
    """)
    kind = call.split("(")[0].removeprefix("st.")
    before = at.session_state["w"]
    act(at.get(kind)[0]).run()
    if kind.endswith("button"):
        assert at.session_state["fired"] is True
    else:
        assert at.session_state["fired"] == at.session_state["w"] != before


def test_form_submit_button_callback(app):
    at = app("""
        def form_callback():
            st.write(st.session_state.my_slider)
            st.write(st.session_state.my_checkbox)

        with st.form(key='my_form'):
            slider_input = st.slider('My slider', 0, 10, 5, key='my_slider')
            checkbox_input = st.checkbox('Yes or No', key='my_checkbox')
            submit_button = st.form_submit_button(label='Submit', on_click=form_callback)
    """)
    assert at.markdown.values == [] and not at.exception
    at.slider(key="my_slider").set_value(9)
    at.checkbox(key="my_checkbox").check()
    at.button[0].click().run()
    # the callback runs first, sees both new values, and writes at the top of the app
    assert at.markdown.values == ["`9`", "`True`"]
    assert at.main.children[0].element_type == "markdown"
    # (a submit button given no key has Streamlit's, which session state lists too)
    assert at.session_state.to_dict() == {"my_slider": 9, "my_checkbox": True,
                                          "FormSubmitter:my_form-Submit": False}


def test_caveat_only_submit_button_has_callback_in_forms(app):
    at = app("""
        with st.form(key='my_form'):
            st.checkbox('Yes or No', key='my_checkbox', on_change=lambda: None)
            st.form_submit_button(label='Submit')
    """)
    assert at.exception[0].type == "InvalidFormCallbackError"


def test_caveat_modifying_after_instantiating_throws(app):
    at = app("""
        slider = st.slider(
            label='My Slider', min_value=1,
            max_value=10, value=5, key='my_slider')

        st.session_state.my_slider = 7

        # Throws an exception!
    """)
    exc = at.exception[0]
    assert exc.type == "WidgetAlreadyInstantiatedError"
    assert issubclass(getattr(errors, exc.type), errors.StreamlitAPIException)
    assert exc.message.startswith('st.session_state["my_slider"] cannot be modified after the '
                                  "widget with that key is instantiated.")
    assert at.session_state["my_slider"] == 5 and at.slider[0].value == 5


def test_caveat_value_and_session_state_warns_on_first_run(app):
    at = app("""
        st.session_state.my_slider = 7

        slider = st.slider(
            label='Choose a Value', min_value=1,
            max_value=10, value=5, key='my_slider')
    """)
    assert at.warning.values == [
        'The widget with key "my_slider" was created with a default value but also had its '
        "value set via the Session State API."]
    assert at.slider[0].value == 7
    at.run()
    assert at.warning.values == []


def test_caveat_setting_button_state_throws(app):
    at = app("""
        if 'my_button' not in st.session_state:
            st.session_state.my_button = True

        st.button('My button', key='my_button')

        # Throws an exception!
    """)
    exc = at.exception[0]
    assert exc.type == "ValueAssignmentNotAllowedError"
    assert exc.message == (
        'st.session_state["my_button"] is read-only and cannot be assigned through session '
        "state. Use a different session state key for values you need to set.")


# -- widget-behavior.md ---------------------------------------------------------------------


def test_label_change_alpha_to_beta_destroys_and_recreates_the_key(app):
    at = app("""
        if st.session_state.get("renamed"):
            st.number_input("Beta",key="A")
        else:
            st.number_input("Alpha",key="A")
    """)
    at.number_input(key="A").set_value(4.5).run()
    assert at.session_state.A == 4.5
    at.session_state["renamed"] = True
    at.run()
    assert at.number_input[0].label == "Beta"
    assert at.session_state.A == 0.0 and at.number_input(key="A").value == 0.0


def test_control_value_through_session_state_without_default_gives_no_warning(app):
    at = app("""
        if "A" not in st.session_state:
            st.session_state.A = 3
        st.number_input("Alpha", key="A", step=1)
    """)
    assert at.number_input[0].value == 3 and not at.warning


def test_deleted_key_is_recreated_from_the_frontend_value(app):
    at = app("""
        st.slider("x", 0, 10, key="x")
        if st.button("forget"):
            del st.session_state.x
    """)
    at.slider[0].set_value(7).run()
    at.button[0].click().run()
    assert "x" not in at.session_state
    at.run()
    assert at.session_state.x == 7 and at.slider[0].value == 7


def test_cleanup_deletes_keys_of_widgets_not_on_screen(app):
    at = app("""
        if st.checkbox("show", True):
            st.slider("x", 0, 10, key="x")
    """)
    at.slider[0].set_value(7).run()
    at.checkbox[0].uncheck().run()
    assert "x" not in at.session_state
    at.checkbox[0].check().run()
    assert at.session_state.x == 0


def test_dummy_keys_protect_data_from_cleanup(app):
    at = app("""
        def store_value():
            st.session_state["_x"] = st.session_state["x"]
        if st.checkbox("show", True):
            if "_x" in st.session_state:
                st.session_state["x"] = st.session_state["_x"]
            st.slider("x", 0, 10, key="x", on_change=store_value)
    """)
    at.slider[0].set_value(7).run()
    at.checkbox[0].uncheck().run()
    at.checkbox[0].check().run()
    assert at.session_state.x == 7 and at.slider[0].value == 7


def test_interrupting_cleanup_keeps_widget_state(app):
    at = app("""
        if "x" in st.session_state:
            st.session_state.x = st.session_state.x   # re-assign: the key now belongs to us
        if st.checkbox("show", True):
            st.slider("x", 0, 10, key="x")
    """)
    at.slider[0].set_value(7).run()
    at.checkbox[0].uncheck().run()
    assert at.session_state.x == 7
    at.checkbox[0].check().run()
    assert at.slider[0].value == 7
