"""In a real kernel: an unmodified Streamlit script runs live with ``%%app --file`` and
``nbstate.run_app("app.py")``; ``import streamlit`` inside apps gives nbstate while plain
notebook code keeps what ``import streamlit`` gave it."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

SCRIPT = '''
import streamlit as st
import streamlit.components.v1 as components
from streamlit.runtime.scriptrunner import get_script_run_ctx

from tip_helpers import fmt

st.title("Tip calculator")
bill = st.number_input("Bill", min_value=0.0, value=50.0, step=1.0)
tip = st.slider("Tip %", 0, 30, 15)
st.write(f"Tip: {fmt(bill * tip / 100)}")
st.html("<p class='from-html'>html ok</p>")
components.html("<p>frame</p>", height=40)
st.caption(f"ctx={get_script_run_ctx() is not None} name={__name__}")
'''


@pytest.fixture(scope="module")
def folder(kernel):
    path = Path(kernel.eval("__import__('os').getcwd()"))
    (path / "tip_app.py").write_text(textwrap.dedent(SCRIPT))
    # a module next to the script, imported by it (its folder is on sys.path, as in
    # `streamlit run`), with its own `import streamlit as st`
    (path / "tip_helpers.py").write_text(
        "import streamlit as st\n\ndef fmt(x):\n    return f'{x:.2f} ({st.__name__})'\n")
    return path


def test_file_magic_runs_an_unmodified_streamlit_script(kernel, folder):
    kernel.execute("%%app --file tip_app.py\n", cell_id="file-cell")
    root = kernel._last_app
    text = kernel.text(root)
    assert "Tip calculator" in text
    assert "Tip: 7.50 (nbstate)" in text
    assert "ctx=True" in text  # (Markdown shows __main__ in bold)
    kernel.set(kernel.find(description="Tip %", within=root), 20)
    assert "Tip: 10.00 (nbstate)" in kernel.text(root)

    # executing the cell again reads the file again; widget values are kept
    (folder / "tip_app.py").write_text(
        textwrap.dedent(SCRIPT).replace("Tip calculator", "Tip calculator v2"))
    kernel.execute("%%app --file tip_app.py\n", cell_id="file-cell")
    root2 = kernel._last_app
    assert "Tip calculator v2" in kernel.text(root2)
    assert kernel.find(description="Tip %", within=root2).value == 20
    assert "Tip: 10.00 (nbstate)" in kernel.text(root2)


def test_file_magic_with_code_in_the_cell_says_it_would_be_ignored(kernel, folder):
    res = kernel.execute("%%app --file tip_app.py\nprint('lost')\n", allow_error=True)
    assert res.error is not None and "would be ignored" in res.error["evalue"]


def test_file_magic_of_a_missing_file_names_it(kernel, folder):
    res = kernel.execute("%%app --file nope.py\n", allow_error=True)
    assert res.error["ename"] == "FileNotFoundError" and "nope.py" in res.error["evalue"]


def test_run_app_with_a_path(kernel, folder):
    kernel.execute("import nbstate\nnbstate.run_app('tip_app.py', name='by_path')")
    root = kernel._last_app
    assert "Tip: 7.50 (nbstate)" in kernel.text(root)
    kernel.set(kernel.find(description="Tip %", within=root), 10)
    assert "Tip: 5.00 (nbstate)" in kernel.text(root)


def test_plain_code_import_streamlit_is_unchanged(kernel, folder):
    kernel.execute("%%app\nimport streamlit as st\nst.write('inside', st.__name__)\n")
    assert "inside nbstate" in kernel.text()
    # the real Streamlit (installed in the test environment) for plain code
    assert kernel.eval("__import__('streamlit').__name__") == "streamlit"
    assert kernel.eval("__import__('streamlit').__file__.endswith('streamlit/__init__.py')")
    # the app's `st` is an assignment like any other: later cells see it (SPEC §1); a plain
    # `import streamlit as st` rebinds it to the real one, and the app still gets nbstate
    kernel.execute("import streamlit as st")
    assert kernel.eval("st.__name__") == "streamlit"


def test_without_streamlit_installed(kernel, folder):
    # `sys.modules["streamlit"] = None` makes `import streamlit` fail as a missing package does
    kernel.execute("import sys\n_saved_st = {k: v for k, v in sys.modules.items() "
                   "if k.split('.')[0] == 'streamlit'}\n"
                   "for _k in _saved_st: del sys.modules[_k]\n"
                   "sys.modules['streamlit'] = None")
    try:
        kernel.execute("""
def badge(text):
    import streamlit as st          # a helper in a plain cell, called from the app
    st.markdown(f"**{text}**")
""")
        root = kernel.run_app_cell("""
            import streamlit as st
            from streamlit import text_input
            badge(text_input("Word", "hello"))
        """, prelude="")
        assert "hello" in kernel.text(root)
        kernel.set(kernel.find(description="Word", within=root), "bye")
        assert "bye" in kernel.text(root)
        res = kernel.execute("import streamlit", allow_error=True)
        assert res.error is not None and res.error["ename"] in ("ImportError",
                                                                "ModuleNotFoundError")
    finally:
        kernel.execute("del sys.modules['streamlit']\nsys.modules.update(_saved_st)")


COMPONENT = Path(__file__).resolve().parents[1] / "core" / "data" / "counter_component"


def test_custom_component_from_a_folder(kernel, folder):
    import urllib.request

    root = kernel.run_app_cell(f"""
        import streamlit as st
        import streamlit.components.v1 as components
        counter = components.declare_component("counter", path={str(COMPONENT)!r})
        value = counter(greeting="hi", start=10, key="c", default=0)
        st.write(f"component value: {{value}}")
    """, prelude="")
    assert "component value: 0" in kernel.text(root)
    (frame,) = [m for m in root.walk() if str(m.state.get("name", "")).endswith(".counter")]
    assert frame.state["args"] == {"greeting": "hi", "start": 10}
    # the kernel serves the component's folder on 127.0.0.1
    src = frame.state["src"]
    assert src.startswith("http://127.0.0.1:")
    assert b"streamlit:componentReady" in urllib.request.urlopen(src, timeout=10).read()
    # what the page sends with setComponentValue reruns the app with that value
    kernel._comm_msg(frame, {"method": "custom", "content": {"event": "value", "value": 11}},
                     None, True)
    assert "component value: 11" in kernel.text(root)
    assert kernel.state("c") == 11


def test_a_script_with_a_pages_folder_is_a_multipage_app(kernel, folder):
    app_dir = folder / "mpa"
    (app_dir / "pages").mkdir(parents=True)
    (app_dir / "app.py").write_text(
        "import streamlit as st\nst.title('Home page')\n"
        "st.session_state.setdefault('n', 0)\nst.session_state.n += 1\n")
    (app_dir / "pages" / "1_📊_Charts.py").write_text(
        "import streamlit as st\nst.title('Charts page')\nst.write('n', st.session_state.n)\n"
        "if st.button('Back home'):\n    st.switch_page('app.py')\n")
    kernel.execute("%%app --file mpa/app.py\n", cell_id="mpa-cell")
    root = kernel._last_app
    assert "Home page" in kernel.text(root)
    # the sidebar's page menu: the script, then the page file, with its icon
    links = [m.get("description") for m in kernel.find_all(name="Button", within=root)]
    assert links == ["app", "📊 Charts"]
    link = kernel.find(description="📊 Charts", within=root)
    kernel.click(link)
    text = kernel.text(root)
    assert "Charts page" in text and "Home page" not in text and "n 1" in text.replace("`", "")
    kernel.click(kernel.find(description="Back home", within=root))  # st.switch_page
    assert "Home page" in kernel.text(root) and "Charts page" not in kernel.text(root)
