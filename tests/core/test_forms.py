"""SPEC §7: forms."""

from __future__ import annotations

FORM = """
    st.session_state.runs = st.session_state.get("runs", 0) + 1
    def submitted():
        st.session_state.seen = (st.session_state.my_slider, st.session_state.my_checkbox)
    with st.form(key="my_form", clear_on_submit=CLEAR):
        s = st.slider("My slider", 0, 10, 5, key="my_slider")
        c = st.checkbox("Yes or No", key="my_checkbox")
        sent = st.form_submit_button(label="Submit", on_click=submitted)
    st.write("sent", sent, "slider", s, "checkbox", c)
"""


def form_app(app, clear=False):
    return app(FORM.replace("CLEAR", str(clear)))


def test_changes_in_a_form_are_held_until_submit(app):
    at = form_app(app)
    at.slider[0].set_value(8)
    at.checkbox[0].check()
    at.run()
    # nothing reached the app: session state and returned values are the defaults
    assert at.session_state["my_slider"] == 5 and at.session_state["my_checkbox"] is False
    assert at.markdown.values == ["sent `False` slider `5` checkbox `False`"]
    # the frontend still holds the values
    assert at.slider[0].value == 8 and at.checkbox[0].value is True
    assert "seen" not in at.session_state


def test_submit_sends_all_values_together_and_on_click_sees_them(app):
    at = form_app(app)
    at.slider[0].set_value(8)
    at.checkbox[0].check()
    at.button[0].click().run()
    assert at.session_state["seen"] == (8, True)
    assert at.markdown.values == ["sent `True` slider `8` checkbox `True`"]
    at.run()
    assert at.markdown.values == ["sent `False` slider `8` checkbox `True`"]


def test_submit_runs_the_app_once(app):
    at = form_app(app)
    runs = at.session_state["runs"]
    at.slider[0].set_value(1)
    at.button[0].click().run()
    assert at.session_state["runs"] == runs + 1


def test_form_submit_button_method_chain(app):
    at = form_app(app)
    at.form_submit_button[0].click().run()
    assert at.markdown.values[0].startswith("sent `True`")


def test_clear_on_submit_returns_widgets_to_defaults_after_the_submit_run(app):
    at = form_app(app, clear=True)
    at.slider[0].set_value(8)
    at.checkbox[0].check()
    at.button[0].click().run()
    # the submit run itself sees the submitted values
    assert at.session_state["seen"] == (8, True)
    assert at.markdown.values == ["sent `True` slider `8` checkbox `True`"]
    # afterwards the widgets show their defaults; session state keeps the submitted values
    # until the next submit (SPEC §7, as in Streamlit)
    assert at.slider[0].value == 5 and at.checkbox[0].value is False
    assert at.session_state["my_slider"] == 8 and at.session_state["my_checkbox"] is True
    at.run()  # a plain rerun still sees the submitted values
    assert at.markdown.values == ["sent `False` slider `8` checkbox `True`"]
    assert at.slider[0].value == 5 and at.checkbox[0].value is False
    at.button[0].click().run()  # the next submit sends the defaults the form shows
    assert at.markdown.values == ["sent `True` slider `5` checkbox `False`"]
    assert at.session_state["my_slider"] == 5 and at.session_state["my_checkbox"] is False


def test_callback_on_other_widget_in_form_raises(raises_in_app):
    at = raises_in_app("""
        with st.form("f"):
            st.write("inside")
            st.slider("Level", 0, 10, key="lvl", on_change=print)
            st.form_submit_button()
    """, "InvalidFormCallbackError",
        "Within a form, callbacks can only be defined on st.form_submit_button. Defining "
        "callbacks on other widgets inside a form is not allowed.", '"Level"', 'key "lvl"')
    assert at.markdown.values == ["inside"]


def test_submit_button_outside_form_raises(raises_in_app):
    raises_in_app('st.form_submit_button("Go")', "InvalidLayoutContextError", "st.form")


def test_button_in_form_raises(raises_in_app):
    raises_in_app("""
        with st.form("f"):
            st.button("b")
            st.form_submit_button()
    """, "InvalidLayoutContextError", "st.button", "form_submit_button")


def test_download_button_in_form_raises(raises_in_app):
    raises_in_app("""
        with st.form("f"):
            st.download_button("d", "x")
            st.form_submit_button()
    """, "InvalidLayoutContextError", "st.download_button")


def test_nested_forms_raise(raises_in_app):
    raises_in_app("""
        with st.form("outer"):
            with st.form("inner"):
                st.form_submit_button()
            st.form_submit_button()
    """, "InvalidLayoutContextError", '"inner"', '"outer"', "nested")


def test_two_forms_with_the_same_key_raise(app):
    at = app("""
        with st.form("f"):
            st.form_submit_button()
        with st.form("f"):
            st.form_submit_button("again")
    """)
    assert at.exception[0].type == "DuplicateElementKey"
    assert "key='f'" in at.exception[0].message


def test_duplicate_form_key_is_a_duplicate_widget_id(app):
    at = app("""
        st.form("f").form_submit_button()
        try:
            st.form("f")
        except st.errors.DuplicateWidgetID:
            st.write("caught")
    """)
    assert at.markdown.values == ["caught"]


def test_form_without_submit_button_shows_missing_submit_button(app):
    at = app("""
        with st.form("lonely"):
            st.text_input("t")
        st.write("after")
    """)
    assert at.markdown.values == ["after"]
    exc = at.exception[0]
    assert exc.message.startswith("Missing Submit Button")
    assert "st.form_submit_button()" in exc.message and '"lonely"' in exc.message


def test_form_method_calls(app):
    at = app("""
        form = st.form("f")
        v = form.slider("s", 0, 10, key="s")
        sent = form.form_submit_button("Send")
        st.write(v, sent)
    """)
    assert len(at.form) == 1 and len(at.form[0].children) == 2
    at.slider[0].set_value(3)
    at.button[0].click().run()
    assert at.markdown.values == ["`3` `True`"]


def test_form_widget_values_written_through_session_state(app):
    at = app("""
        def preset():
            st.session_state.name = "preset"
        st.button("preset", on_click=preset)
        with st.form("f"):
            st.text_input("Name", key="name")
            st.form_submit_button()
    """)
    at.button[0].click().run()
    assert at.text_input[0].value == "preset"


def test_two_forms_submit_independently(app):
    at = app("""
        with st.form("a"):
            st.slider("x", 0, 10, key="x")
            st.form_submit_button("A")
        with st.form("b"):
            st.slider("y", 0, 10, key="y")
            st.form_submit_button("B")
    """)
    at.slider[0].set_value(1)
    at.slider[1].set_value(2)
    at.button[1].click().run()
    assert at.session_state["x"] == 0 and at.session_state["y"] == 2
    at.button[0].click().run()
    assert at.session_state["x"] == 1


def test_widgets_outside_the_form_change_immediately(app):
    at = app("""
        with st.form("f"):
            st.slider("in", 0, 10, key="in")
            st.form_submit_button()
        st.slider("out", 0, 10, key="out")
    """)
    at.slider[0].set_value(4)
    at.slider[1].set_value(6)
    at.run()
    assert at.session_state["out"] == 6 and at.session_state["in"] == 0


COLUMNS_FORM = """
    form = st.form("f", clear_on_submit=True)
    c1, c2 = form.columns(2)
    a = c1.text_input("a", "start", key="a")
    b = c2.slider("b", 0, 9, key="b")
    sent = form.form_submit_button("Send")
    st.write(a, b, sent)
"""


def test_widgets_in_columns_of_a_form_belong_to_the_form(app):
    at = app(COLUMNS_FORM)
    at.text_input[0].input("x")
    at.slider[0].set_value(3)
    at.run()
    # held: not submitted (the submit button, given no key, has Streamlit's)
    assert at.session_state.to_dict() == {"a": "start", "b": 0, "FormSubmitter:f-Send": False}
    at.button[0].click().run()
    assert at.markdown.values == ["x `3` `True`"]
    # clear_on_submit reaches the widgets in the columns too (state keeps what was sent)
    assert (at.text_input[0].value, at.slider[0].value) == ("start", 0)
    assert at.session_state.to_dict() == {"a": "x", "b": 3, "FormSubmitter:f-Send": False}


def test_callback_in_a_column_of_a_form_raises(raises_in_app):
    raises_in_app("""
        with st.form("f"):
            c1, c2 = st.columns(2)
            st.form_submit_button("Send")
        c1.text_input("a", on_change=print)
    """, "InvalidFormCallbackError")


def test_container_created_outside_a_form_stays_outside(app):
    at = app("""
        box = st.container()
        with st.form("f"):
            with box:
                st.text_input("outside", key="o", on_change=lambda: None)
            st.form_submit_button()
    """)
    assert not at.exception
    at.text_input[0].input("now").run()
    assert at.session_state["o"] == "now"


def test_sidebar_inside_a_form_block_is_not_in_the_form(app):
    at = app("""
        with st.form("f"):
            st.sidebar.text_input("side", key="s")
            st.form_submit_button()
    """)
    at.text_input[0].input("typed").run()
    assert at.session_state["s"] == "typed"
