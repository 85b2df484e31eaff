"""st.html, st.iframe and st.components.v1 (html, iframe, declare_component) through AppTest:
what they show, their input rules and Streamlit 1.67's signatures."""

from __future__ import annotations

import importlib.util
import inspect
import warnings

import pytest

import nbstate
from nbstate.testing import AppTest

HAVE_STREAMLIT = importlib.util.find_spec("streamlit") is not None


def run(src: str) -> AppTest:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return AppTest.from_string(src).run()


# -- st.html --------------------------------------------------------------------------------
def test_html_shows_its_body_and_at_html_reads_it():
    at = run("""
        import streamlit as st
        st.html('''
            <p class="note">Hello <b>world</b></p>
        ''')
        st.sidebar.html("<i>side</i>")
    """)
    assert not at.exception
    assert [h.value for h in at.html] == ['<p class="note">Hello <b>world</b></p>', "<i>side</i>"]
    assert at.sidebar.html[0].value == "<i>side</i>"
    assert at.html[0].unsafe_allow_javascript is False
    assert at.html[0].width == "stretch"


def test_html_repr_html_path_and_css(tmp_path):
    (tmp_path / "page.html").write_text("<h4>from a file</h4>")
    (tmp_path / "theme.css").write_text("h4 { color: teal; }")
    at = run(f"""
        from pathlib import Path
        import streamlit as st
        class Card:
            def _repr_html_(self):
                return "<div>card</div>"
        st.html(Card())
        st.html(Path({str(tmp_path / 'page.html')!r}))
        st.html(Path({str(tmp_path / 'theme.css')!r}))
        st.html(42)
    """)
    # style-only HTML is in Streamlit's event block, after main: last in at.html
    assert [h.value for h in at.html] == ["<div>card</div>", "<h4>from a file</h4>", "42",
                                          "<style>h4 { color: teal; }</style>"]
    assert [h.style_only for h in at.html] == [False, False, False, True]
    assert [h.value for h in at.main.html] == ["<div>card</div>", "<h4>from a file</h4>", "42"]


def test_html_with_javascript_and_style_only():
    at = run("""
        import streamlit as st
        st.html("<script>window.x = 1</script><p>x</p>", unsafe_allow_javascript=True)
        st.html("<style>p { color: red }</style>", unsafe_allow_javascript=True)
    """)
    assert at.html[0].unsafe_allow_javascript is True
    # style-only HTML takes no room and never runs scripts, as in Streamlit
    assert at.html[1].style_only is True and at.html[1].unsafe_allow_javascript is False


def test_html_string_that_is_a_file_path_is_shown_as_text_with_a_warning(tmp_path):
    f = tmp_path / "x.html"
    f.write_text("<b>file content</b>")
    with pytest.warns(DeprecationWarning, match="pathlib.Path"):
        at = AppTest.from_string(f"import streamlit as st\nst.html({str(f)!r})").run()
    assert at.html[0].value == str(f)


@pytest.mark.parametrize("call, message", [
    ("st.html('')", "non-empty `body`"),
    ("st.html('   ')", "non-empty `body`"),
    ("st.html('<b>x</b>', width='wide')", "width='wide'"),
    ("st.html('<b>x</b>', width=0)", "width=0"),
])
def test_html_bad_input_is_a_clear_error(call, message):
    at = run(f"import streamlit as st\n{call}")
    assert at.exception[0].type in ("MissingRequiredParameterError", "InvalidArgumentError")
    assert message in at.exception[0].message
    assert "st.html" in at.exception[0].message


# -- st.iframe ------------------------------------------------------------------------------
def test_iframe_url_html_and_files(tmp_path):
    (tmp_path / "report.html").write_text("<h1>Report</h1>")
    (tmp_path / "doc.pdf").write_bytes(b"%PDF-1.4 tiny")
    at = run(f"""
        from pathlib import Path
        import streamlit as st
        st.iframe("https://example.com/page", alt="  Example  ")
        st.iframe("<p>inline</p>", height=120, width="content", tab_index=0)
        st.iframe(Path({str(tmp_path / 'report.html')!r}))
        st.iframe(Path({str(tmp_path / 'doc.pdf')!r}), height="stretch")
        st.iframe("/files/static/x.html")
    """)
    assert not at.exception, at.exception
    url, inline, report, pdf, rel = at.get("iframe")
    assert (url.src, url.srcdoc, url.height, url.width, url.alt) == (
        "https://example.com/page", None, 400, "stretch", "Example")
    assert (inline.src, inline.srcdoc, inline.height, inline.width, inline.tab_index) == (
        None, "<p>inline</p>", 120, "content", 0)
    assert (report.srcdoc, report.height) == ("<h1>Report</h1>", "content")
    assert pdf.src.startswith("data:application/pdf;base64,") and pdf.height == "stretch"
    assert rel.src == "/files/static/x.html"
    assert all(f.scrolling is True and f.command == "iframe" for f in at.get("iframe"))


@pytest.mark.parametrize("call, message", [
    ("st.iframe('x', height=-5)", "height=-5"),
    ("st.iframe('x', width='full')", "width='full'"),
    ("st.iframe('x', tab_index=-2)", "tab_index=-2"),
    ("st.iframe('x', tab_index='1')", "tab_index='1'"),
    ("st.iframe(3)", "src of type int"),
])
def test_iframe_bad_input_is_a_clear_error(call, message):
    at = run(f"import streamlit as st\n{call}")
    assert at.exception, call
    assert message in at.exception[0].message and "st.iframe" in at.exception[0].message


def test_iframe_of_a_missing_file_says_which():
    at = run("from pathlib import Path\nimport streamlit as st\nst.iframe(Path('nope.html'))")
    assert "Unable to read file 'nope.html'" in at.exception[0].message


# -- st.components.v1 -------------------------------------------------------------------------
def test_components_html_and_iframe_defaults_and_deprecation():
    src = """
        import streamlit as st
        import streamlit.components.v1 as components
        components.html("<p>in a frame</p>")
        components.html("<p>tall</p>", width=300, height=500, scrolling=True, tab_index=-1)
        components.iframe("https://example.com")
        st.components.v1.iframe("https://example.org", height=90)
    """
    from nbstate import embed

    embed._deprecation_shown.clear()
    with pytest.warns(DeprecationWarning) as caught:
        at = AppTest.from_string(src).run()
        at.run()
    # once per command and session, however many calls and runs
    assert [str(w.message).split(" is ")[0] for w in caught] == [
        "st.components.v1.html", "st.components.v1.iframe"]
    assert not at.exception, at.exception
    a, b, c, d = at.get("iframe")
    assert (a.srcdoc, a.src, a.width, a.height, a.scrolling, a.tab_index, a.command) == (
        "<p>in a frame</p>", None, "stretch", 150, False, None, "components.v1.html")
    assert (b.width, b.height, b.scrolling, b.tab_index) == (300, 500, True, -1)
    assert (c.src, c.srcdoc, c.height, c.command) == ("https://example.com", None, 150,
                                                      "components.v1.iframe")
    assert d.height == 90


def test_st_components_v1_is_there_after_import_nbstate_alone():
    assert nbstate.components.v1.html is nbstate.components.v1.html
    assert set(nbstate.components.v1.__all__) == {"declare_component", "html", "iframe"}
    assert "components" in dir(nbstate) and "html" in nbstate.__all__


def test_declare_component_is_a_widget_whose_value_its_page_sends(tmp_path):
    script = tmp_path / "my_app.py"
    script.write_text(
        "import streamlit as st\n"
        "import streamlit.components.v1 as components\n"
        "rating = components.declare_component('rating', url='http://localhost:3001')\n"
        "st.write(rating.name)\n"
        "def changed():\n"
        "    st.session_state.log = st.session_state.get('log', []) + [st.session_state.r]\n"
        "value = rating(stars=5, label='Rate', key='r', default=3, on_change=changed)\n"
        "st.write(f'value {value}')\n")
    at = AppTest.from_file(str(script)).run()
    assert not at.exception, at.exception
    # named after the script, as Streamlit does
    assert at.markdown.values == ["my_app.rating", "value 3"]
    comp = at.get("component_instance")[0]
    assert (comp.key, comp.value, comp.url, comp.args) == (
        "r", 3, "http://localhost:3001", {"stars": 5, "label": "Rate"})
    assert at.session_state.r == 3
    comp.set_value({"stars": 4}).run()  # what the page sends with setComponentValue
    assert at.markdown[1].value == "value {'stars': 4}"
    assert at.session_state.log == [{"stars": 4}]


def test_a_keyless_component_is_identified_by_its_arguments():
    at = run("""
        import streamlit as st
        import streamlit.components.v1 as components
        c = components.declare_component("c", url="http://localhost:3001")
        st.write(c(n=1, default="a"), c(n=2, default="b"))
    """)
    assert not at.exception, at.exception  # two calls, two arguments: no duplicate id
    assert at.markdown[0].value == "a b"


@pytest.mark.parametrize("arg, message", [
    ("b'raw'", "argument 'data' is a bytes"),
    ("__import__('pandas').DataFrame({'a': [1]})", "argument 'data' is a DataFrame"),
    ("object()", "Could not convert the arguments"),
])
def test_component_arguments_it_cannot_send_are_clear_errors(arg, message):
    at = run(f"""
        import streamlit.components.v1 as components
        c = components.declare_component("c", url="http://localhost:3001")
        c(data={arg})
    """)
    assert message in at.exception[0].message


def test_a_component_value_that_is_not_json_is_refused():
    at = run("""
        import streamlit as st
        import streamlit.components.v1 as components
        c = components.declare_component("c", url="http://localhost:3001")
        st.write(c(key="k", default=1))
    """)
    at.get("component_instance")[0].set_value({1, 2}).run()
    assert at.session_state.k == 1
    assert "a custom component sends JSON values" in at.warning[0].value


def test_a_component_takes_keyword_arguments_only():
    at = run("""
        import streamlit.components.v1 as components
        components.declare_component("c", url="http://x")("positional")
    """)
    assert "needs a label" in at.exception[0].message


def test_declare_component_needs_a_path_or_url():
    at = run("import streamlit.components.v1 as c\nc.declare_component('x')")
    assert "Either 'path' or 'url' must be set." in at.exception[0].message


def test_outside_an_app_they_say_to_use_an_app():
    with pytest.raises(nbstate.errors.NoAppContextError, match=r"st.html\(\)"):
        nbstate.html("<b>x</b>")
    with pytest.raises(nbstate.errors.NoAppContextError, match="components.v1.html"):
        nbstate.components.v1.html("<b>x</b>")


# -- Streamlit 1.67's signatures --------------------------------------------------------------
def _params(fn):
    params = [(p.name, p.kind, p.default) for p in inspect.signature(fn).parameters.values()]
    return params[1:] if params and params[0][0] == "self" else params  # st.* are methods


@pytest.mark.skipif(not HAVE_STREAMLIT, reason="streamlit is not installed")
@pytest.mark.parametrize("name", ["html", "iframe", "components.v1.html",
                                  "components.v1.iframe", "components.v1.declare_component"])
def test_signatures_match_streamlit(name):
    import streamlit

    def get(mod):
        obj = mod
        for part in name.split("."):
            obj = getattr(obj, part)
        return inspect.unwrap(obj)

    ours, theirs = get(nbstate), get(streamlit)
    assert _params(ours) == _params(theirs)


def test_iframe_of_a_file_that_is_not_html_embeds_it_whole(tmp_path):
    # no media server in a notebook: the file travels as a data: URL
    data = bytes(range(256)) * 4
    (tmp_path / "img.png").write_bytes(data)
    at = run(f"from pathlib import Path\nimport streamlit as st\n"
             f"st.iframe(Path({str(tmp_path / 'img.png')!r}))")
    import base64

    src = at.get("iframe")[0].src
    assert src.startswith("data:image/png;base64,")
    assert base64.b64decode(src.split(",", 1)[1]) == data
