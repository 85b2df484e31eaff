"""Streamlit code unmodified: inside an app, ``import streamlit`` (and its public submodules)
gives nbstate, whether or not Streamlit is installed; outside an app it is untouched."""

from __future__ import annotations

import importlib.util
import json
import sys
import textwrap
import threading

import pytest

import nbstate
from nbstate.testing import AppTest

HAVE_STREAMLIT = importlib.util.find_spec("streamlit") is not None


@pytest.fixture(params=["installed", "not installed"])
def streamlit_presence(request, monkeypatch):
    """Run the test as if Streamlit were installed (the real one, if it is) and as if it were
    not (``sys.modules["streamlit"] = None`` makes ``import streamlit`` fail, as a missing
    package does)."""
    if request.param == "not installed":
        for name in [n for n in sys.modules if n == "streamlit" or n.startswith("streamlit.")]:
            monkeypatch.delitem(sys.modules, name)
        monkeypatch.setitem(sys.modules, "streamlit", None)
        with pytest.raises(ImportError):
            import streamlit  # noqa: F401
    elif not HAVE_STREAMLIT:
        pytest.skip("streamlit is not installed")
    return request.param


def test_every_common_streamlit_import_gives_nbstate(streamlit_presence):
    at = AppTest.from_string("""
        import streamlit as st
        from streamlit import slider, session_state
        import streamlit.components.v1 as components
        from streamlit.components.v1 import html as components_html
        from streamlit.runtime.scriptrunner import get_script_run_ctx, add_script_run_ctx
        from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx as g2
        import streamlit.runtime.scriptrunner_utils.script_run_context as src
        from streamlit.runtime.uploaded_file_manager import UploadedFile
        from streamlit.runtime.state import SessionStateProxy
        from streamlit.delta_generator import DeltaGenerator
        from streamlit.errors import StreamlitAPIException
        import streamlit.errors
        import streamlit

        doubled = slider("x", 0, 9, 4) * 2
        session_state.doubled = doubled
        st.write(doubled)
        st.session_state.modules = [st.__name__, streamlit.__name__, components.__name__,
                                    src.__name__, streamlit.errors.__name__]
        st.session_state.same = (get_script_run_ctx is g2, components_html is components.html,
                                 isinstance(st.sidebar, object), st.runtime.exists())
        st.session_state.types = (UploadedFile.__module__, SessionStateProxy.__module__,
                                  DeltaGenerator.__module__, StreamlitAPIException.__module__)
    """).run()
    assert not at.exception, at.exception
    assert at.markdown[0].value == "`8`"
    at.slider[0].set_value(1).run()
    assert at.session_state.doubled == 2
    assert at.session_state.modules == ["nbstate", "nbstate", "nbstate.components.v1",
                                        "nbstate.runtime.scriptrunner", "nbstate.errors"]
    assert at.session_state.same == (True, True, True, True)
    assert at.session_state.types == ("nbstate.uploads", "nbstate.state", "nbstate.layout",
                                      "nbstate.errors")


def test_plain_code_still_gets_what_import_streamlit_gave_it(streamlit_presence):
    AppTest.from_string("import streamlit as st\nst.write('hi')").run()
    if streamlit_presence == "not installed":
        with pytest.raises(ImportError):
            import streamlit
    else:
        import streamlit
        import streamlit.components.v1 as components

        assert streamlit.__name__ == "streamlit" and streamlit is not nbstate
        assert components.__name__ == "streamlit.components.v1"
    # nbstate never puts itself in sys.modules under Streamlit's name
    assert not isinstance(sys.modules.get("streamlit"), type(nbstate)) or \
        sys.modules["streamlit"].__name__ == "streamlit"


def _notebook(tmp_path, *cells):
    nb = {"cells": [{"cell_type": "code", "source": textwrap.dedent(c), "metadata": {},
                     "outputs": []} for c in cells],
          "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    path = tmp_path / "n.ipynb"
    path.write_text(json.dumps(nb))
    return path


def test_a_function_defined_in_a_notebook_cell_gets_nbstate_when_the_app_calls_it(
        tmp_path, streamlit_presence):
    path = _notebook(tmp_path, "%load_ext nbstate", """
        def name_box(label):
            import streamlit as st      # runs when the app calls it
            return st.text_input(label, "typed")
        """, """
        %%app
        import streamlit as st
        st.write(name_box("Name").upper())
        """)
    at = AppTest.from_notebook(path).run()
    assert not at.exception, at.exception
    assert at.text_input[0].label == "Name"
    assert at.markdown[0].value == "TYPED"
    assert at.text_input[0].input("ada").run().markdown[0].value == "ADA"


def test_a_module_the_app_imports_gets_nbstate(tmp_path, monkeypatch, streamlit_presence):
    (tmp_path / "shim_helpers_mod.py").write_text(textwrap.dedent("""
        import streamlit as st
        from streamlit.delta_generator import DeltaGenerator

        def sidebar_filter(box: DeltaGenerator) -> str:
            return box.selectbox("Region", ["north", "south"])
    """))
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "shim_helpers_mod", raising=False)
    at = AppTest.from_string("""
        import streamlit as st
        from shim_helpers_mod import sidebar_filter
        st.write("region:", sidebar_filter(st.sidebar))
    """).run()
    assert not at.exception, at.exception
    assert at.sidebar.selectbox[0].value == "north"
    at.selectbox[0].select("south").run()
    assert at.markdown[0].value == "region: south"
    assert sys.modules["shim_helpers_mod"].st is nbstate


def test_streamlit_in_from_function_with_args(streamlit_presence):
    def app(greeting, punctuation="!"):
        import streamlit as st
        from streamlit import text_input

        st.title(greeting + ", " + text_input("who", "world") + punctuation)

    at = AppTest.from_function(app, args=("Hello",), kwargs={"punctuation": "?"}).run()
    assert at.title[0].value == "Hello, world?"
    assert at.text_input[0].input("Ada").run().title[0].value == "Hello, Ada?"


def test_threads_with_and_without_the_run_context(streamlit_presence):
    at = AppTest.from_string("""
        import threading
        import streamlit as st
        from streamlit.runtime.scriptrunner import add_script_run_ctx, get_script_run_ctx

        seen = {}
        def work():
            import streamlit as st2     # imported inside the thread
            seen["module"] = st2.__name__
            seen["ctx"] = get_script_run_ctx() is not None
            st2.write("written by a worker")

        t = threading.Thread(target=work)
        add_script_run_ctx(t)
        t.start(); t.join()

        def bare():                      # no run context: st.* raises, import still works
            import streamlit as st3
            seen["bare"] = st3.__name__
            try:
                st3.write("lost")
            except st3.errors.NoAppContextError:
                seen["bare_error"] = True

        t2 = threading.Thread(target=bare)
        t2.start(); t2.join()
        st.session_state.seen = seen
    """).run()
    assert not at.exception, at.exception
    assert [m.value for m in at.markdown] == ["written by a worker"]
    assert at.session_state.seen == {"module": "nbstate", "ctx": True, "bare": "nbstate",
                                     "bare_error": True}


def test_session_id_is_stable_across_reruns():
    at = AppTest.from_string("""
        import streamlit as st
        from streamlit.runtime.scriptrunner import get_script_run_ctx
        st.session_state.setdefault("ids", []).append(get_script_run_ctx().session_id)
        st.button("again")
    """).run()
    at.button[0].click().run()
    ids = at.session_state.ids
    assert len(ids) == 2 and ids[0] == ids[1] and isinstance(ids[0], str) and ids[0]


def test_errors_caught_by_their_streamlit_names():
    at = AppTest.from_string("""
        import streamlit as st
        from streamlit.errors import StreamlitAPIException
        st.text_input("A", key="k")
        try:
            st.text_input("B", key="k")
        except StreamlitAPIException as e:
            st.write("caught", type(e).__name__)
    """).run()
    assert not at.exception
    assert at.markdown[0].value == "caught DuplicateElementKey"


def test_an_internal_streamlit_module_is_a_clear_import_error():
    at = AppTest.from_string("""
        import streamlit as st
        st.write("before")
        from streamlit.runtime.caching import cache_utils
    """).run()
    assert at.markdown[0].value == "before"
    assert at.exception[0].type == "ModuleNotFoundError"
    msg = at.exception[0].message
    assert "streamlit.runtime.caching" in msg and "inside an nbstate app" in msg
    assert "nbstate has no 'nbstate.runtime.caching'" in msg


def test_a_missing_st_name_is_an_import_error_naming_it():
    at = AppTest.from_string("from streamlit import no_such_command\n").run()
    assert at.exception[0].type == "ImportError"
    assert "no_such_command" in at.exception[0].message


def test_from_file_runs_an_unmodified_streamlit_script(tmp_path, streamlit_presence):
    script = tmp_path / "app.py"
    script.write_text(textwrap.dedent("""
        import streamlit as st

        st.title("Tip calculator")
        bill = st.number_input("Bill", min_value=0.0, value=50.0, step=1.0)
        tip = st.slider("Tip %", 0, 30, 15)
        st.write(f"Tip: {bill * tip / 100:.2f}")
        if __name__ == "__main__":
            st.caption(f"run as {__name__} from {__file__.rsplit('/', 1)[-1]}")
    """))
    at = AppTest.from_file(str(script)).run()
    assert at.markdown[0].value == "Tip: 7.50"
    assert at.caption[0].value == "run as __main__ from app.py"
    at.slider[0].set_value(20).run()
    assert at.markdown[0].value == "Tip: 10.00"


def test_from_notebook_runs_a_file_cell(tmp_path, streamlit_presence):
    (tmp_path / "app.py").write_text("import streamlit as st\nst.write(st.slider('n', 0, 5, 2) + 1)\n")
    nb = {"cells": [
        {"cell_type": "code", "source": "%load_ext nbstate", "metadata": {}, "outputs": []},
        {"cell_type": "code", "source": "%%app --file app.py\n", "metadata": {}, "outputs": []},
    ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    path = tmp_path / "n.ipynb"
    path.write_text(json.dumps(nb))
    at = AppTest.from_notebook(path).run()
    assert at.markdown[0].value == "`3`"


def test_imports_by_the_real_streamlit_package_are_never_redirected():
    """Code of the real Streamlit (its module name starts with ``streamlit``) imports its own
    parts, even when it runs inside an nbstate app."""
    from nbstate import shim

    assert shim.in_app({"__name__": "streamlit.runtime.caching"}) is False
    assert shim.in_app({"__name__": "__main__", shim.APP_MARK: True}) is True
    assert shim.in_app({"__name__": "__main__"}) is False  # plain code, no run under way


def test_outside_an_app_the_import_is_not_redirected_even_in_a_thread(streamlit_presence):
    got = {}

    def plain():
        try:
            import streamlit

            got["name"] = streamlit.__name__
        except ImportError:
            got["name"] = "ImportError"

    t = threading.Thread(target=plain)
    t.start()
    t.join()
    assert got["name"] == ("ImportError" if streamlit_presence == "not installed"
                           else "streamlit")


def test_shim_target_names():
    from nbstate.shim import target

    assert target("streamlit") == "nbstate"
    assert target("streamlit.components.v1") == "nbstate.components.v1"
    assert target("streamlit.runtime.scriptrunner_utils.script_run_context") == \
        "nbstate.runtime.scriptrunner"
    with pytest.raises(ModuleNotFoundError, match="streamlit.web.cli"):
        target("streamlit.web.cli")


@pytest.mark.parametrize("line, expected", [
    ("", (None, None)),
    ("dash", ("dash", None)),
    ("--file app.py", (None, "app.py")),
    ("dash --file 'my app.py'", ("dash", "my app.py")),
    ("--file=pages/a.py dash", ("dash", "pages/a.py")),
])
def test_app_magic_line(line, expected):
    from nbstate.magic import parse_app_args

    assert parse_app_args(line) == expected


def test_a_one_line_file_cell_becomes_the_line_magic():
    # IPython refuses a cell magic with an empty body; `%%app --file x.py` alone is one
    from nbstate.magic import one_line_app_cell

    assert one_line_app_cell(["%%app --file app.py\n"]) == ["%app --file app.py\n"]
    assert one_line_app_cell(["%%app d --file a.py\n", "  \n"]) == ["%app d --file a.py\n"]
    code = ["%%app\n", "import streamlit as st\n"]
    assert one_line_app_cell(code) == code
    assert one_line_app_cell(["%%apple x\n"]) == ["%%apple x\n"]


def test_from_file_puts_the_scripts_folder_on_sys_path_while_it_runs(tmp_path):
    # as Streamlit's script runner does: a multi-file app imports its own modules
    (tmp_path / "multi_file_helpers.py").write_text(
        "import streamlit as st\n\ndef hello(name):\n    st.write(f'hello {name}')\n")
    (tmp_path / "main.py").write_text(
        "import sys\nimport streamlit as st\nfrom multi_file_helpers import hello\n"
        "hello(st.text_input('Name', 'Ada'))\n"
        "st.session_state.on_path = sys.path[0]\n")
    try:
        at = AppTest.from_file(str(tmp_path / "main.py")).run()
        assert not at.exception, at.exception
        assert at.markdown[0].value == "hello Ada"
        assert at.session_state.on_path == str(tmp_path)
        assert str(tmp_path) not in sys.path  # only while it runs
        assert at.text_input[0].input("Grace").run().markdown[0].value == "hello Grace"
    finally:
        sys.modules.pop("multi_file_helpers", None)
