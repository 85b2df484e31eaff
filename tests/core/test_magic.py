"""Bare expressions in the app's code are shown as by st.write (Streamlit's "magic")."""

from __future__ import annotations

from nbstate.testing import AppTest


def test_bare_expressions_are_written(app):
    at = app('''
        st.session_state.n = 3
        "# A *title*"
        st.session_state.n * 2
        st.session_state
        {"a": 1}
        "several", 42
    ''')
    assert at.markdown.values == ["# A *title*", "`6`", "several `42`"]
    assert at.json.values == ['{"n": 3}', '{"a": 1}']


def test_calls_docstrings_and_yield_are_not_written():
    at = AppTest.from_string('''"""Module docstring."""
import nbstate as st
def helper():
    """Function docstring."""
    "shown from the function"
    return 1
helper()
st.write("explicit")
def gen():
    yield 1
list(gen())
''').run()
    assert at.markdown.values == ["shown from the function", "explicit"]


def test_expressions_in_blocks_are_written(app):
    at = app('''
        with st.form("f"):
            "in form"
            st.form_submit_button()
        for i in range(2):
            i
        if True:
            "in if"
        else:
            "never"
        try:
            "in try"
        finally:
            "in finally"
        class K:
            def m(self):
                self
                "in method"
        K().m()
    ''')
    assert at.markdown.values[:6] == ["in form", "`0`", "`1`", "in if", "in try", "in finally"]
    assert at.markdown.values[-1] == "in method"
    assert at.form[0].children[0].value == "in form"


def test_future_import_and_docstring_stay_first():
    at = AppTest.from_string('''"""Doc."""
from __future__ import annotations
import nbstate as st
"after"
''').run()
    assert not at.exception and at.markdown.values == ["after"]


def test_magic_keeps_the_value_of_the_expression(app):
    at = app('''
        x = [1]
        x
        x.append(2)
        st.write(len(x))
    ''')
    assert at.markdown.values == ["`2`"] and at.json.values == ["[1]"]


def test_syntax_error_in_app_code_shows_when_the_app_runs():
    # as Streamlit's AppTest: building works, the run shows the SyntaxError as an exception
    at = AppTest.from_string("import nbstate as st\nx = = 1\n").run()
    assert at.exception[0].type == "SyntaxError"
