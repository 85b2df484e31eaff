"""Tests written for Streamlit's AppTest, as a Streamlit user writes them. The one change
to run them on nbstate is the import below (``from streamlit.testing.v1 import AppTest``
before); ``test_same_suite_on_streamlit.py`` runs this very file on Streamlit too."""

from nbstate.testing import AppTest


# -- counter ------------------------------------------------------------------------------
def test_counter_starts_at_zero():
    at = AppTest.from_file("apps/counter.py").run()
    assert at.markdown[0].value == "Count = 0"
    assert not at.exception


def test_counter_increments():
    at = AppTest.from_file("apps/counter.py").run()
    at.button[0].click().run()
    at.button[0].click().run()
    assert at.markdown[0].value == "Count = 2"
    assert at.session_state.count == 2


def test_counter_from_preset_state():
    at = AppTest.from_file("apps/counter.py")
    at.session_state.count = 41
    at.run()
    at.button[0].click().run()
    assert at.markdown[0].value == "Count = 42"


# -- the login page of Streamlit's testing guide ------------------------------------------------
def test_no_interaction():
    at = AppTest.from_file("apps/login.py").run()
    assert at.session_state["status"] == "unverified"
    assert len(at.text_input) == 1
    assert len(at.warning) == 0
    assert len(at.success) == 0
    assert len(at.button) == 0
    assert at.text_input[0].value == ""


def test_incorrect_password():
    at = AppTest.from_file("apps/login.py").run()
    at.text_input[0].input("balloon").run()
    assert at.session_state["status"] == "incorrect"
    assert len(at.text_input) == 1
    assert len(at.warning) == 1
    assert len(at.success) == 0
    assert len(at.button) == 0
    assert at.text_input[0].value == ""
    assert "Incorrect password" in at.warning[0].value


def test_correct_password():
    at = AppTest.from_file("apps/login.py").run()
    at.text_input[0].input("streamlit").run()
    assert at.session_state["status"] == "verified"
    assert len(at.text_input) == 0
    assert len(at.warning) == 0
    assert len(at.success) == 1
    assert len(at.button) == 1
    assert "Login successful" in at.success[0].value
    assert at.button[0].label == "Log out"


def test_log_out():
    at = AppTest.from_file("apps/login.py")
    at.session_state["status"] = "verified"
    at.run()
    at.button[0].click().run()
    assert at.session_state["status"] == "unverified"
    assert len(at.text_input) == 1
    assert len(at.warning) == 0
    assert len(at.success) == 0
    assert len(at.button) == 0
    assert at.text_input[0].value == ""


# -- a form ----------------------------------------------------------------------------------
def test_form_adds_tasks_only_on_submit():
    at = AppTest.from_file("apps/todo.py").run()
    assert at.title[0].value == "To do"
    at.text_input[0].input("write tests")
    at.run()
    assert at.session_state.todos == []  # typed, not submitted
    at.text_input[0].input("write tests")
    at.button[0].click().run()
    at.text_input[0].input("ship it")
    at.button[0].click().run()
    assert at.session_state.todos == ["write tests", "ship it"]
    assert [c.label for c in at.checkbox] == ["write tests", "ship it"]
    assert at.markdown[0].value == "0 of 2 done"


def test_checking_a_task():
    at = AppTest.from_file("apps/todo.py")
    at.session_state.todos = ["a", "b", "c"]
    at.run()
    at.checkbox(key="todo-1").check().run()
    assert at.markdown[0].value == "1 of 3 done"
    assert at.checkbox(key="todo-1").value is True
    at.checkbox(key="todo-1").uncheck().run()
    assert at.markdown[0].value == "0 of 3 done"


def test_empty_task_is_an_error():
    at = AppTest.from_file("apps/todo.py").run()
    at.button[0].click().run()
    assert at.error[0].value == "A task needs a name."
    assert at.session_state.todos == []


# -- sidebar, numbers, choices, caught errors -------------------------------------------------
def test_converter_defaults():
    at = AppTest.from_file("apps/converter.py").run()
    assert at.header[0].value == "Distance converter"
    assert at.markdown[0].value == "6.21 miles"
    assert at.sidebar.radio[0].value == "km → miles"
    assert at.caption[0].value == "caught a duplicate key"


def test_converter_inputs():
    at = AppTest.from_file("apps/converter.py").run()
    at.number_input[0].set_value(5.0).run()
    assert at.markdown[0].value == "3.11 miles"
    at.number_input[0].increment().run()
    assert at.number_input[0].value == 5.5
    at.sidebar.radio[0].set_value("miles → km").run()
    assert at.markdown[0].value == "8.85 km"
    at.sidebar.slider[0].set_value(0).run()
    assert at.markdown[0].value == "9 km"
    assert at.session_state.direction == "miles → km"


def test_converter_multiselect():
    at = AppTest.from_file("apps/converter.py").run()
    at.multiselect[0].select("yards").run()
    assert at.multiselect[0].value == ["yards"]
    assert at.markdown[1].value == "10936 yards"
    at.multiselect[0].unselect("yards").run()
    assert len(at.markdown) == 1


# -- from_string and from_function -----------------------------------------------------------
def test_from_string_with_an_exception():
    at = AppTest.from_string("""
        import streamlit as st
        x = st.number_input("Divide by", value=1)
        st.write(f"Result: {10 / x}")
    """).run()
    assert at.markdown[0].value == "Result: 10.0"
    at.number_input[0].set_value(0).run()
    assert len(at.exception) == 1
    assert "division by zero" in at.exception[0].value


def test_from_function():
    def app(greeting="Hello"):
        import streamlit as st

        name = st.selectbox("Name", ["Ada", "Grace"], key="name")
        st.write(f"{greeting}, {name}!")

    at = AppTest.from_function(app, kwargs={"greeting": "Hi"}).run()
    assert at.markdown[0].value == "Hi, Ada!"
    at.selectbox(key="name").select("Grace").run()
    assert at.markdown[0].value == "Hi, Grace!"


# -- values a test sets: raised on or converted as Streamlit's AppTest does ----------------------
def test_selecting_a_value_that_is_no_option_raises():
    import pytest

    at = AppTest.from_string(
        'import streamlit as st\nst.selectbox("Unit", ["m", "km"], key="unit")').run()
    with pytest.raises(ValueError):
        at.selectbox[0].select("mile").run()


def test_a_datetime_set_on_a_date_input_becomes_a_date():
    import datetime

    at = AppTest.from_string(
        "import datetime\nimport streamlit as st\n"
        "st.date_input('Day', datetime.date(2024, 1, 1), key='day')").run()
    at.date_input[0].set_value(datetime.datetime(2024, 2, 3, 10, 30)).run()
    assert at.session_state.day == datetime.date(2024, 2, 3)
