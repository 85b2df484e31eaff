"""SPEC §8: error classes, and invalid values that reach a widget through session state."""

from __future__ import annotations

import datetime as dt

import pytest

import nbstate as st
from nbstate import errors

CLASSES = [
    "WidgetAlreadyInstantiatedError", "ValueAssignmentNotAllowedError",
    "InvalidFormCallbackError", "InvalidLayoutContextError", "DuplicateWidgetID",
    "DuplicateElementId", "DuplicateElementKey", "ValueBelowMinError", "ValueAboveMaxError",
    "InvalidMinMaxError", "SelectionCountExceedsMaxError", "DefaultNotInOptionsError",
    "InvalidKeyError", "NoAppContextError", "MixedNumericTypesError", "ValueOutOfRangeError",
    "MissingRequiredParameterError", "InvalidColorError", "InvalidArgumentError",
]


@pytest.mark.parametrize("name", CLASSES)
def test_every_error_class_derives_from_the_api_exception(name):
    cls = getattr(errors, name)
    assert issubclass(cls, errors.NbstateAPIException)
    assert issubclass(cls, errors.StreamlitAPIException)


def test_streamlit_alias_and_st_errors():
    assert errors.StreamlitAPIException is errors.NbstateAPIException
    assert st.errors is errors


@pytest.mark.parametrize("name", CLASSES)
def test_every_error_class_answers_to_its_streamlit_name(name):
    """SPEC §8: ported code catches ``st.errors.StreamlitX``."""
    assert getattr(st.errors, "Streamlit" + name) is getattr(errors, name)


def test_ported_except_clause_catches_a_duplicate_key(app):
    at = app("""
        st.text_input("a", key="k")
        try:
            st.text_input("b", key="k")
        except st.errors.StreamlitDuplicateElementKey:
            st.write("caught")
    """)
    assert at.markdown.values == ["caught"]


def test_missing_key_errors_are_key_and_attribute_errors():
    with pytest.raises(KeyError) as k:
        st.session_state["surely-missing"]
    with pytest.raises(AttributeError) as a:
        st.session_state.surely_missing
    # exactly the builtin types (SPEC §8): at.exception[0].type reads "KeyError"
    assert type(k.value) is KeyError and type(a.value) is AttributeError


def test_ported_code_catches_streamlit_api_exception(app):
    at = app("""
        st.slider("s", key="s")
        try:
            st.session_state.s = 1
        except st.errors.StreamlitAPIException as e:
            st.error(type(e).__name__)
    """)
    assert at.error.values == ["WidgetAlreadyInstantiatedError"]


# -- invalid values through session state ------------------------------------------------
def state_app(app, call, value):
    at = app(f"""
        import datetime as dt
        st.session_state.got = {call}
    """, run=False)
    at.session_state["w"] = value
    return at.run()


@pytest.mark.parametrize("call, value, expected", [
    ('st.number_input("n", 0, 10, 3, key="w")', 50, 3),
    ('st.number_input("n", 0, 10, 3, key="w")', -5, 3),
    ('st.number_input("n", 0.0, 1.0, key="w")', 2.0, 0.0),
    ('st.selectbox("s", ["a", "b"], 1, key="w")', "zzz", "b"),
    ('st.radio("r", ["a", "b"], key="w")', "zzz", "a"),
    ('st.radio("r", ["a", "b"], index=None, key="w")', "zzz", None),
    ('st.select_slider("s", ["S", "M", "L"], "M", key="w")', "XL", "M"),
    ('st.select_slider("s", ["S", "M", "L"], ("S", "M"), key="w")', ("S", "XL"), ("S", "M")),
    ('st.date_input("d", dt.date(2024, 1, 1), dt.date(2023, 1, 1), dt.date(2025, 1, 1), '
     'key="w")', dt.date(2030, 1, 1), dt.date(2024, 1, 1)),
])
def test_out_of_range_or_non_option_resets_to_default_and_rewrites_state(
        app, call, value, expected):
    at = state_app(app, call, value)
    assert not at.exception
    assert at.session_state["got"] == expected
    assert at.session_state["w"] == expected


def test_multiselect_drops_values_that_are_not_options(app):
    at = state_app(app, 'st.multiselect("m", ["a", "b", "c"], key="w")', ["c", "zzz", "a"])
    assert at.session_state["got"] == ["c", "a"] and at.session_state["w"] == ["c", "a"]


def test_multiselect_more_than_max_selections_raises(app):
    at = state_app(app, 'st.multiselect("Fruit", "abc", key="w", max_selections=1)', ["a", "b"])
    assert at.exception[0].type == "SelectionCountExceedsMaxError"
    assert "Fruit" in at.exception[0].message


@pytest.mark.parametrize("value, type_name, fragment", [
    (11, "ValueAboveMaxError", "11"),
    (-1, "ValueBelowMinError", "-1"),
    ((2, 12), "ValueAboveMaxError", "12"),
])
def test_slider_out_of_range_through_state_raises(app, value, type_name, fragment):
    call = 'st.slider("Level", 0, 10, key="w")' if not isinstance(value, tuple) else \
        'st.slider("Level", 0, 10, (1, 2), key="w")'
    at = state_app(app, call, value)
    exc = at.exception[0]
    assert exc.type == type_name
    assert '"Level"' in exc.message and 'key "w"' in exc.message and fragment in exc.message


@pytest.mark.parametrize("call, value, expected_type", [
    ('st.text_input("Name", key="w")', 5, "a str"),
    ('st.text_area("Notes", key="w")', ["x"], "a str"),
    ('st.checkbox("Agree", key="w")', "yes", "a bool"),
    ('st.toggle("On", key="w")', 1, "a bool"),
    ('st.number_input("Count", 0, 10, key="w")', "3", "an int"),
    ('st.slider("Level", 0, 10, key="w")', "3", "an int"),
    ('st.color_picker("Colour", key="w")', 123, "a colour"),
    ('st.date_input("When", dt.date(2024, 1, 1), key="w")', "2024-01-01", "a date"),
    ('st.time_input("At", dt.time(1, 0), key="w")', 100, "a time"),
    ('st.date_input("When", (dt.date(2024, 1, 1),), key="w")', dt.date(2024, 1, 2),
     "a tuple of up to two dates"),
    ('st.slider("Level", 0, 10, (1, 2), key="w")', 5, "a pair (low, high)"),
])
def test_wrong_type_through_state_raises_type_error_naming_widget_key_and_type(
        app, call, value, expected_type):
    at = state_app(app, call, value)
    exc = at.exception[0]
    label = call.split('"')[1]
    kind = call.split("(")[0]
    assert exc.type == "TypeError"
    assert f'`{kind}` "{label}" (key "w")' in exc.message
    assert f"expects {expected_type}" in exc.message


def test_wrong_type_error_is_exactly_a_type_error(app):
    at = app("""
        st.session_state.w = 5
        try:
            st.text_input("t", key="w")
        except TypeError as e:
            st.write("caught", type(e) is TypeError)
    """)
    assert at.markdown.values == ["caught `True`"]


def test_text_longer_than_max_chars_through_state_is_kept_as_streamlit_does(app):
    at = state_app(app, 'st.text_input("t", key="w", max_chars=2)', "abcdef")
    assert at.session_state["got"] == "abcdef"


@pytest.mark.parametrize("call", [
    'st.number_input("n", 0, 10, key="w")',
    'st.text_input("t", "x", key="w")',
    'st.text_area("t", key="w")',
    'st.selectbox("s", ["a", "b"], key="w")',
    'st.radio("r", ["a", "b"], index=1, key="w")',
    'st.date_input("d", dt.date(2024, 1, 1), key="w")',
    'st.time_input("t", dt.time(1, 0), key="w")',
    'st.pills("p", ["a", "b"], default="a", key="w")',
])
def test_none_through_state_empties_the_widget_as_streamlit_does(app, call):
    at = state_app(app, call, None)
    assert not at.exception
    assert at.session_state["got"] is None and at.session_state["w"] is None
    kind = call.split("(")[0].removeprefix("st.")
    assert at.get(kind)[0].value is None
    # still usable: a value from the frontend fills it again, and None may come back
    widget = at.get(kind)[0]
    at.run()
    assert at.session_state["got"] is None and not at.warning
    widget.set_value(None).run()
    assert not at.warning


def test_datetime_through_state_is_taken_as_its_date(app):
    at = state_app(app, 'st.date_input("d", dt.date(2024, 1, 1), key="w")',
                   dt.datetime(2024, 2, 2, 3, 4))
    assert at.session_state["got"] == dt.date(2024, 2, 2)


@pytest.mark.parametrize("call", ['st.checkbox("c", key="w")', 'st.slider("s", key="w")'])
def test_none_through_state_is_a_type_error_where_the_widget_cannot_be_empty(app, call):
    at = state_app(app, call, None)
    assert at.exception[0].type == "TypeError"


# -- uncaught exceptions ----------------------------------------------------------------
def test_uncaught_exception_is_shown_where_the_run_stopped(app):
    at = app("""
        st.write("one")
        st.session_state.set_before = True
        def helper():
            raise LookupError("deep")
        helper()
        st.write("two")
    """)
    exc = at.exception[0]
    assert (exc.type, exc.message) == ("LookupError", "deep")
    assert at.markdown.values == ["one"] and at.session_state["set_before"] is True
    # trimmed to the user's code: no frame from nbstate's own modules
    assert exc.stack_trace and all("nbstate/run.py" not in line for line in exc.stack_trace)
    assert any("helper()" in line for line in exc.stack_trace)
    assert at.main[-1].element_type == "exception"


def test_exception_inside_a_container_is_shown(app):
    at = app("""
        with st.form("f"):
            st.write("in form")
            1 / 0
    """)
    assert at.exception[0].type == "ZeroDivisionError"
    assert at.markdown.values == ["in form"]
