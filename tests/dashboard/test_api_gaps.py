"""The last gaps of issue 10, through AppTest: html, iframe, components.v1, media and the
diagram charts return element handles that replace their element; st.logo is pinned at the
top of the sidebar or of the app, wherever it is called."""

from __future__ import annotations

import warnings

import pytest

from nbstate.testing import AppTest


def app(src: str) -> AppTest:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return AppTest.from_string("import nbstate as st\n" + src).run()


# -- handles ---------------------------------------------------------------------------------
def test_html_and_iframe_handles_replace_their_element():
    at = app("""
import nbstate.components.v1 as components
st.html("<b>gone</b>").empty()
st.iframe("https://example.com").text("was a frame")
components.html("<p>x</p>").markdown("was a component")
components.iframe("https://example.com").empty()
h = st.html("<i>one</i>")
h.html("<i>two</i>")
""")
    assert [e.body for e in at.html] == ["<i>two</i>"]
    assert len(at.get("iframe")) == 0
    assert at.text.values == ["was a frame"]
    assert at.markdown.values == ["was a component"]
    # each replacement stands where its element stood
    assert [c.element_type for c in at.main.children.values()] == [
        "empty", "text", "markdown", "empty", "html"]  # .empty() leaves an empty slot


@pytest.mark.parametrize("call", [
    "st.audio('https://example.com/a.mp3')", "st.video('https://example.com/v.mp4')",
    "st.badge('b')", "st.space()", "st.balloons()", "st.snow()",
    "st.map({'lat': [1.0], 'lon': [2.0]})", "st.mermaid_chart('graph TD; A-->B')",
    "st.graphviz_chart('digraph { a -> b }')",
    "st.echarts_chart({'series': [{'type': 'bar', 'data': [1]}]})",
    "st.pydeck_chart()", "st.pdf(b'%PDF-1.4')",
    "st.link_button('Docs', 'https://example.com')",
    "st.page_link('https://example.com', label='x')"])
def test_media_diagrams_and_links_return_a_handle(call):
    at = app(f"st.write('before')\n{call}.text('replaced')\nst.write('after')")
    assert [c.element_type for c in at.main.children.values()] == ["markdown", "text", "markdown"]
    assert at.text.values == ["replaced"]


def test_a_page_link_to_a_page_returns_a_handle():
    at = app("""
def home():
    st.page_link(st.Page(other), label="Go").text("no link")
def other():
    pass
st.navigation([st.Page(home), st.Page(other)], position="hidden").run()
""")
    assert at.text.values == ["no link"]
    assert len(at.page_link) == 0


# -- st.logo -----------------------------------------------------------------------------------
def test_logo_is_pinned_at_the_top_not_where_it_is_called():
    at = app("""
st.title("Title")
st.write("body")
st.logo("https://example.com/logo.png", link="https://example.com")
""")
    assert [c.element_type for c in at.main.children.values()] == ["title", "markdown"]
    assert [c.type for c in at.tree.children] == ["notices", "main", "logo"]
    assert len(at.logo) == 1
    assert at.logo[0].src == "https://example.com/logo.png"
    assert at.logo[0].link == "https://example.com"
    assert at.logo[0].in_sidebar is False


def test_logo_tops_the_sidebar_when_there_is_one_and_the_last_call_wins():
    at = app("""
st.sidebar.text("in the sidebar")
st.logo("https://example.com/first.png")
with st.sidebar:
    st.logo("https://example.com/second.png", icon_image="https://example.com/icon.png")
""")
    assert [c.element_type for c in at.sidebar.children.values()] == ["text"]
    assert len(at.logo) == 1
    assert at.logo[0].src == "https://example.com/second.png"
    assert at.logo[0].in_sidebar is True
    assert at.main.children == {}


def test_a_run_without_logo_shows_none():
    at = AppTest.from_string("""
import nbstate as st
if st.checkbox("logo", True):
    st.logo("https://example.com/logo.png")
""").run()
    assert len(at.logo) == 1
    at.checkbox[0].uncheck().run()
    assert len(at.logo) == 0


def test_logo_in_a_fragment_rerun_stays():
    at = AppTest.from_string("""
import nbstate as st
st.logo("https://example.com/logo.png")
@st.fragment
def part():
    st.button("again")
part()
""").run()
    at.button[0].click().run()
    assert len(at.logo) == 1


def test_header_logo_shows_the_icon_image_and_the_sidebar_logo_the_image():
    import nbstate.frontends.api_bindings  # noqa: F401 - registers the logo's renderer
    from nbstate.frontends.html import render

    at = app("st.logo('https://example.com/big.png', icon_image='https://example.com/i.png')")
    assert 'src="https://example.com/i.png"' in render(at.logo[0]._el)
    at = app("st.sidebar.write('s')\n"
             "st.logo('https://example.com/big.png', icon_image='https://example.com/i.png')")
    assert 'src="https://example.com/big.png"' in render(at.logo[0]._el)


# -- st.query_params -----------------------------------------------------------------------------
def test_the_tree_carries_the_query_once_the_app_writes_it():
    at = AppTest.from_string("""
import nbstate as st
st.write(st.query_params.get("tab", "-"))
if st.button("write"):
    st.query_params.update(tab="b", ids=["1", "2"])
if st.button("clear"):
    st.query_params.clear()
""").run()
    assert "query" not in at.tree.props.get("page", {})  # the URL stays as it was opened
    at.button[0].click().run()
    assert at.tree.props["page"]["query"] == "tab=b&ids=1&ids=2"
    at.button[1].click().run()
    assert at.tree.props["page"]["query"] == ""


# -- parameters that only size an element: applied, or said to be ignored ----------------------
@pytest.mark.parametrize("call, param", [
    ("st.button('b', width='stretch')", "width"),
    ("st.button('b', use_container_width=True)", "use_container_width"),
    ("st.slider('s', width=200)", "width"),
    ("st.info('i', width=300)", "width"),
    ("st.columns(2, width=400)", "width"),
    ("st.graphviz_chart('digraph { a }', height=300)", "height"),
    ("st.menu_button('m', ['a'], wrap=True)", "wrap"),
    ("st.link_button('l', 'https://example.com', wrap=True)", "wrap"),
    ("st.text_input('t', autocomplete='email')", "autocomplete"),
    ("st.pydeck_chart(width=300)", "width"),
])
def test_a_size_the_notebook_does_not_apply_warns_once(call, param):
    from nbstate.errors import IgnoredParameterWarning

    at = AppTest.from_string(f"import nbstate as st\n{call}\n")
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        at.run()
        at.run()
    said = [str(x.message) for x in w if issubclass(x.category, IgnoredParameterWarning)]
    assert len(said) == 1, said  # once per session, not on every rerun
    assert f"({param}=" in said[0] and "is ignored" in said[0]
    assert not at.exception


def test_default_sizes_say_nothing():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        at = app("st.button('b', width='content')\nst.slider('s', width='stretch')\n"
                 "st.info('i')\nst.columns(2)\nst.graphviz_chart('digraph { a }')")
    assert not at.exception


# -- st.navigation(expanded=...) -----------------------------------------------------------------
NAV = """
import nbstate as st
def mk(i):
    def page():
        st.write(f"page {i}")
    page.__name__ = f"p{i}"
    return st.Page(page, title=f"P{i}")
st.navigation([mk(i) for i in range(N)], expanded=st.session_state.get("exp", False)).run()
"""


def _nav(n: int) -> AppTest:
    return AppTest.from_string(NAV.replace("N)", f"{n})")).run()


def test_a_long_page_menu_folds_to_ten_pages_and_unfolds():
    at = _nav(14)
    links = lambda: [e.label for e in at.navigation[0].get("page_link")]  # noqa: E731
    assert links() == [f"P{i}" for i in range(10)]
    assert [b.label for b in at.navigation[0].button] == ["View 4 more"]
    at.navigation[0].button[0].click().run()
    assert len(links()) == 14
    assert [b.label for b in at.navigation[0].button] == ["View less"]
    at.navigation[0].button[0].click().run()
    assert len(links()) == 10


def test_menu_folding_follows_expanded():
    assert len(_nav(12).navigation[0].get("page_link")) == 12  # fewer than 10 + 3: never folded
    assert len(_nav(12).navigation[0].button) == 0
    at = _nav(14)
    at.session_state["exp"] = True
    at.run()
    assert len(at.navigation[0].get("page_link")) == 14 and len(at.navigation[0].button) == 0
    at.session_state["exp"] = 4
    at.run()
    assert len(at.navigation[0].get("page_link")) == 4
    assert [b.label for b in at.navigation[0].button] == ["View 10 more"]
    at.session_state["exp"] = -1
    at.run()
    assert "expanded must be True, False or a non-negative int" in at.exception[0].value


# -- pydeck / echarts selections ----------------------------------------------------------------
@pytest.mark.parametrize("call", [
    "st.pydeck_chart(on_select='rerun')",
    "st.echarts_chart({'series': []}, on_select='rerun')"])
def test_chart_selections_nbstate_cannot_report_say_what_to_use(call):
    at = app(call)
    msg = at.exception[0].value
    assert "on_select" in msg and "st.selectbox" in msg


# -- st.write_stream: unclosed Markdown completed while it streams -------------------------------
def test_streamed_markdown_is_completed_while_it_streams_and_exact_at_the_end():
    at = AppTest.from_string("""
import nbstate as st
st.session_state.reply = st.write_stream(iter(["Some **bo", "ld** and ", "`co", "de`\\n```py\\n",
                                               "x = 1"]))
""")
    shown: list[str] = []

    def on_flush(tree_so_far):
        for el in tree_so_far().walk():
            if el.type == "markdown":
                shown.append(el.props["body"])

    at._app.on_flush = on_flush
    at.run()
    assert "Some **bo**" in shown  # the half-received bold shows as bold
    assert any(s.startswith("Some **bold** and `co`") for s in shown)
    assert "Some **bold** and `code`\n```py\nx = 1\n```" in shown  # an open fence is closed
    # what the run returns and finally shows is the text as received
    assert at.session_state.reply == "Some **bold** and `code`\n```py\nx = 1"
    assert at.markdown.values == ["Some **bold** and `code`\n```py\nx = 1"]


@pytest.mark.parametrize("text, shown", [
    ("Some **bold", "Some **bold**"),
    ("```python\nx = 1", "```python\nx = 1\n```"),
    ("done `code` **b** ~~s~~", "done `code` **b** ~~s~~"),
    ("a `partial", "a `partial`"),
    ("2 ** 3 is", "2 ** 3 is"),
    ("snake__case__name", "snake__case__name"),
    ("**a**\n\nnew **b", "**a**\n\nnew **b**"),
])
def test_complete_markdown(text, shown):
    from nbstate.chat import complete_markdown

    assert complete_markdown(text) == shown


# -- st.chat_input(accept_audio=True) --------------------------------------------------------------
CHAT_AUDIO = """
import nbstate as st
v = st.chat_input("Say", accept_audio=True)
if v is not None:
    st.write(f"text={v.text!r} audio={v.audio.name if v.audio else None}")
    if v.audio:
        st.audio(v.audio)
"""


def test_chat_input_takes_an_audio_file_with_the_message():
    from nbstate.uploads import UploadedFile

    at = AppTest.from_string(CHAT_AUDIO).run()
    wav = UploadedFile("note.wav", b"RIFF....WAVE", "audio/wav")
    at.chat_input[0].set_value({"text": "listen", "audio": wav}).run()
    assert at.markdown.values == ["text='listen' audio=note.wav"]
    assert len(at.audio) == 1
    at.chat_input[0].set_value("just text").run()
    assert at.markdown.values == ["text='just text' audio=None"]


def test_chat_input_refuses_audio_it_does_not_take():
    from nbstate.uploads import UploadedFile

    at = AppTest.from_string(CHAT_AUDIO).run()
    at.chat_input[0].set_value({"text": "x", "audio": UploadedFile("a.txt", b"x", "text/plain")})
    at.run()
    assert "is not audio" in at.warning[0].value
    at = AppTest.from_string("import nbstate as st\nst.write(repr(st.chat_input('Say')))").run()
    at.chat_input[0].set_value({"text": "x", "audio": UploadedFile("a.wav", b"x", "audio/wav")})
    at.run()
    assert "does not accept audio" in at.warning[0].value
