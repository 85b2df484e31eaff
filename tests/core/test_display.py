"""Display elements and st.write's dispatch, as Streamlit does it."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("args, markdown", [
    ('"hello"', ["hello"]),
    ('"a", "b"', ["a b"]),
    ('5', ["`5`"]),
    ('1.5', ["`1.5`"]),
    ('None', ["`None`"]),
    ('True', ["`True`"]),
    ('"total:", 42', ["total: `42`"]),
    ('5, "a", "b", 1.5', ["`5` a b `1.5`"]),
    ('"**bold**"', ["**bold**"]),
    ('"x", {"a": 1}, "y"', ["x", "y"]),
])
def test_write_joins_text_into_markdown(app, args, markdown):
    at = app(f"st.write({args})")
    assert at.markdown.values == markdown


@pytest.mark.parametrize("arg, json", [
    ('{"a": 1}', '{"a": 1}'),
    ('[1, 2, 3]', "[1, 2, 3]"),
    ('{"nested": {"l": [1, "x"]}}', '{"nested": {"l": [1, "x"]}}'),
])
def test_write_shows_dicts_and_lists_as_json(app, arg, json):
    at = app(f"st.write({arg})")
    assert at.json.values == [json] and at.markdown.values == []


def test_write_keeps_order_of_mixed_arguments(app):
    at = app('st.write("x", {"a": 1}, "y")')
    assert [c.element_type for c in at.main.children.values()] == ["markdown", "json", "markdown"]


def test_write_shows_exceptions(app):
    at = app('st.write(ValueError("shown"))\nst.write("after")')
    assert at.exception[0].type == "ValueError" and at.exception[0].message == "shown"
    assert at.markdown.values == ["after"]


def test_write_session_state_as_json(app):
    at = app('st.session_state.a = [1]\nst.write(st.session_state)')
    assert at.json.values == ['{"a": [1]}']


def test_write_object_uses_str_in_code_ticks(app):
    at = app("""
        class P:
            def __str__(self):
                return "P`1"
        st.write(P())
    """)
    assert at.markdown.values == ["``P`1``"]


def test_write_dataframe(app):
    at = app("""
        import pandas as pd
        st.write(pd.DataFrame({"a": [1, 2]}))
    """)
    assert len(at.dataframe) == 1 and list(at.dataframe[0].value["a"]) == [1, 2]


@pytest.mark.parametrize("func", ["markdown", "text", "title", "header", "subheader",
                                  "caption", "code", "info", "success", "warning", "error"])
def test_text_elements(app, func):
    at = app(f'st.{func}("body *text*")')
    elements = at.get(func)
    assert len(elements) == 1 and elements[0].value == "body *text*"


def test_json_element_from_string_and_object(app):
    at = app('st.json(\'{"a": 1}\')\nst.json({"b": [1]}, expanded=False)')
    assert at.json.values == ['{"a": 1}', '{"b": [1]}']
    assert at.json[1].expanded is False


def test_json_refuses_invalid_json_string(raises_in_app):
    raises_in_app('st.json("{nope")', "InvalidArgumentError", "not valid JSON")


def test_code_language_and_divider(app):
    at = app('st.code("x = 1", language="python")\nst.divider()')
    assert at.code[0].value == "x = 1" and at.code[0].language == "python"
    assert len(at.divider) == 1


def test_headings_keep_anchor_and_divider(app):
    at = app('st.header("H", anchor="h", divider=True)')
    assert at.header[0].anchor == "h" and at.header[0].divider is True


def test_alerts_carry_icon(app):
    at = app('st.info("i", icon="ℹ️")')
    assert at.info[0].icon == "ℹ️"


def test_exception_element(app):
    at = app("""
        try:
            {}["missing"]
        except KeyError as e:
            st.exception(e)
        st.write("continues")
    """)
    exc = at.exception[0]
    assert exc.type == "KeyError" and exc.message == "'missing'"
    assert any('{}["missing"]' in line for line in exc.stack_trace)
    assert at.markdown.values == ["continues"]


def test_non_string_bodies_are_turned_into_text(app):
    at = app("st.markdown(5)\nst.text([1, 2])")
    assert at.markdown.values == ["5"] and at.text.values == ["[1, 2]"]


def test_display_outside_an_app_raises_no_app_context():
    import nbstate as st

    with pytest.raises(st.errors.NoAppContextError, match="st.write"):
        st.write("x")


def test_text_is_dedented_and_stripped_like_streamlit_but_code_is_not(app):
    at = app('''
        st.markdown("""
            # Title
            body
        """)
        st.info("  padded  ")
        st.write("a", "")
        st.code("  x = 1\\n")
    ''')
    assert at.markdown.values == ["# Title\nbody", "a"]
    assert at.info.values == ["padded"]
    assert at.code.values == ["  x = 1\n"]


def test_json_of_objects_json_cannot_hold(app):
    at = app("""
        import datetime as dt
        st.write({1: "int key", (1, 2): "tuple key", "d": dt.date(2024, 1, 2), "s": {3}})
    """)
    assert not at.exception
    assert at.json.values == ['{"1": "int key", "d": "datetime.date(2024, 1, 2)", "s": "{3}"}']
