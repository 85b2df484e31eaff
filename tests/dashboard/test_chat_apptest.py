"""Chat elements and write_stream through nbstate's AppTest (no kernel): what a user sees in
the element tree, the chat input's one-run value, errors named, Streamlit 1.67's signatures."""

from __future__ import annotations

import asyncio
import inspect
import textwrap

import pytest

import nbstate as st
from nbstate.chat import ChatInputValue
from nbstate.testing import AppTest, AppTestError


def run(src: str) -> AppTest:
    return AppTest.from_string("import nbstate as st\n" + textwrap.dedent(src)).run()


def test_chat_message_as_with_block_and_as_object():
    at = run("""
    with st.chat_message("user"):
        st.write("hello")
    msg = st.chat_message("assistant")
    msg.write("hi human")
    msg.markdown("more")
    st.chat_message("Bob").write("from bob")
    """)
    msgs = at.chat_message
    assert [(m.name, m.avatar) for m in msgs] == [("user", "user"), ("assistant", "assistant"),
                                                  ("Bob", "")]
    assert msgs[0].markdown.values == ["hello"]
    assert msgs[1].markdown.values == ["hi human", "more"]
    assert msgs[2].markdown.values == ["from bob"]


def test_chat_message_avatars(tmp_path):
    png = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00"
           b"\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05"
           b"\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")
    (tmp_path / "me.png").write_bytes(png)
    at = AppTest.from_string(f"""
import nbstate as st
st.chat_message("ai").write("a")
st.chat_message("human").write("h")
st.chat_message("🦖").write("dino")
st.chat_message("me", avatar="🧑‍💻").write("coder")
st.chat_message("me", avatar={str(tmp_path / "me.png")!r}).write("picture")
st.chat_message("me", avatar=":material/smart_toy:").write("icon")
""").run()
    got = [(m.name, m.avatar_type, m.avatar[:22]) for m in at.chat_message]
    assert got == [("ai", "icon", "assistant"), ("human", "icon", "user"),
                   ("🦖", "emoji", "🦖"), ("me", "emoji", "🧑‍💻"),
                   ("me", "image", "data:image/png;base64,"),
                   ("me", "icon", ":material/smart_toy:")]


def test_bad_avatar_and_missing_name_are_named_errors():
    at = run('st.chat_message("bot", avatar="no-such-file.png")')
    assert at.exception[0].type == "NbstateAPIException"
    assert 'st.chat_message` "bot": failed to load the provided avatar' in at.exception[0].message
    at = run("st.chat_message(None)")
    assert "the parameter name is required" in at.exception[0].message
    at = run('st.chat_message("x", width="wide")')
    assert "width must be" in at.exception[0].message


def test_chat_input_returns_the_text_for_one_run_then_none():
    at = run("""
    v = st.chat_input("Say something", key="q")
    st.write(f"value {v!r} state {st.session_state.q!r}")
    """)
    assert at.markdown.values == ["value None state None"]
    assert at.chat_input[0].placeholder == "Say something"
    at.chat_input[0].set_value("hello").run()
    assert at.markdown.values == ["value 'hello' state 'hello'"]
    assert at.session_state.q is None  # after the run, as a button's True
    at.run()
    assert at.markdown.values == ["value None state None"]
    at.chat_input(key="q").set_value("hello").run()  # the same text again: a new message
    assert at.markdown.values == ["value 'hello' state 'hello'"]


def test_on_submit_runs_before_the_app_with_args():
    at = run("""
    def got(who, *, n):
        st.session_state.log = st.session_state.get("log", []) + [(who, n, st.session_state.q)]
    st.chat_input("Ask", key="q", on_submit=got, args=("cb",), kwargs={"n": 1})
    st.write(str(st.session_state.get("log", [])))
    """)
    at.chat_input[0].set_value("x").run()
    at.run()
    at.chat_input[0].set_value("y").run()
    assert at.markdown.values == ["[('cb', 1, 'x'), ('cb', 1, 'y')]"]


def test_chat_input_is_pinned_to_the_bottom_of_the_main_area():
    at = run("""
    st.title("top")
    prompt = st.chat_input("Ask")
    st.write("after the input")
    with st.bottom:
        st.caption("under the input")
    col, = st.columns(1)
    with col:
        st.chat_input("Inline", key="inline")
    with st.sidebar:
        st.chat_input("Side", key="side")
    """)
    main = at.main.children
    assert [c.element_type for c in main.values()] == ["title", "markdown", "columns"]
    # the bottom block is a top block of its own, after main, the sidebar and the event
    # block (at[3]), as in Streamlit's AppTest
    bottom = at[3]
    assert bottom.element_type == "bottom" and len(at) == 4
    assert [c.element_type for c in bottom.children.values()] == ["chat_input", "caption"]
    assert main[2].children[0].children[0].element_type == "chat_input"  # in its column
    assert at.sidebar.chat_input[0].placeholder == "Side"
    assert [c.placeholder for c in at.chat_input] == ["Inline", "Side", "Ask"]


def test_st_bottom_methods_and_errors():
    at = run("""
    st.bottom.button("Go", key="go")
    st.write("main")
    """)
    assert at[3].element_type == "bottom" and at[3][0].label == "Go"
    assert at.button(key="go").label == "Go"
    assert repr(st.bottom) == "st.bottom"
    at = run("""
    @st.fragment
    def part():
        st.bottom.write("no")
    part()
    """)
    assert "st.fragment" in at.exception[0].message


def test_chat_input_errors_and_ignored_options():
    at = run("""
    with st.form("f"):
        st.chat_input("in a form")
        st.form_submit_button()
    """)
    assert at.exception[0].type == "InvalidLayoutContextError"
    assert "can't be used in a `st.form()`" in at.exception[0].message
    for call, text in [('accept_file="yes"', "accept_file must be"),
                       ('submit_mode="later"', "submit_mode must be"),
                       ("max_upload_size=0", "max_upload_size must be a positive integer"),
                       ("audio_sample_rate=1234", "audio_sample_rate must be one of"),
                       ('width="content"', "width must be"),
                       ('height="tall"', "height must be")]:
        at = run(f'st.chat_input("Ask", {call})')
        assert text in at.exception[0].message, call
    at = run('st.chat_input("Ask", accept_audio=True, submit_mode="disable")')
    warnings = at.warning.values
    assert not any("accept_audio" in w for w in warnings)  # a microphone button takes audio
    assert any("submit_mode='disable'" in w and "ignored" in w for w in warnings)


def test_refused_submissions_name_the_widget():
    at = run('v = st.chat_input("Ask", key="q", disabled=True)\nst.write(repr(v))')
    with pytest.raises(AppTestError, match="disabled chat_input"):  # (as Streamlit's)
        at.chat_input[0].set_value("hi")
    at = run('v = st.chat_input("Ask", key="q")\nst.write(repr(v))')
    at.chat_input[0].set_value(42).run()
    assert "refused the value 42" in at.warning[0].value and at.markdown.values == ["None"]


def test_session_state_text_goes_into_the_field_unsent():
    at = run("""
    if "q" not in st.session_state:
        st.session_state.q = "a draft"
    v = st.chat_input("Ask", key="q")
    st.write(f"{v!r} {st.session_state.q!r}")
    """)
    assert at.markdown.values == ["None None"]
    assert at.chat_input[0].prefill == "a draft"
    at = run('st.session_state.q = 5\nst.chat_input("Ask", key="q")')
    assert at.exception[0].type == "TypeError" and 'key "q"' in at.exception[0].message


def test_accept_file_returns_a_chat_input_value():
    at = run("""
    v = st.chat_input("Ask", accept_file="multiple", file_type=["txt"])
    if v:
        st.write(v.text, [f.name for f in v.files], sorted(v))
    """)
    from nbstate.uploads import UploadedFile

    notes = UploadedFile("notes.txt", b"hello")
    at.chat_input[0].set_value({"text": "see file", "files": [notes]}).run()
    assert at.markdown.values == ["see file"]
    assert at.json.values == ['["notes.txt"]', '["files", "text"]']
    bad = UploadedFile("pic.png", b"x")
    at.chat_input[0].set_value({"text": "", "files": [bad]}).run()
    assert "not of an accepted type" in at.warning[0].value
    v = ChatInputValue("t", [notes], _include_files=True)
    assert dict(v) == {"text": "t", "files": [notes]} and v["files"] == [notes]
    with pytest.raises(AttributeError, match="accept_audio=False"):
        _ = v.audio


def test_write_stream_sources_and_return_values():
    at = run("""
    import asyncio

    def words():
        yield "Hello"
        yield " world"

    async def agen():
        for w in ("as", "ync"):
            await asyncio.sleep(0)
            yield w

    st.session_state.a = st.write_stream(words)
    st.session_state.b = st.write_stream(agen)
    st.session_state.c = st.write_stream(["one ", {"k": 1}, lambda: st.caption("called"),
                                          "two"])
    st.session_state.d = st.write_stream(iter([]))
    st.session_state.e = st.write_stream(iter(["x", "y"]), cursor="▌")
    """)
    assert at.session_state.a == "Hello world"
    assert at.session_state.b == "async"
    c = at.session_state.c
    assert type(c).__name__ == "StreamingOutput" and list(c) == ["one ", {"k": 1}, "two"]
    assert at.session_state.d == ""
    assert at.session_state.e == "xy"  # the cursor shows only while it streams
    assert at.markdown.values == ["Hello world", "async", "one", "two", "xy"]
    assert at.caption.values == ["called"]


def test_write_stream_refuses_text_and_non_iterables():
    at = run('st.write_stream("just text")')
    assert "Please use `st.write` instead" in at.exception[0].message
    at = run("st.write_stream(42)")
    assert "cannot be iterated" in at.exception[0].message


def test_write_stream_async_generator_under_a_running_event_loop():
    # a notebook kernel runs cells inside an event loop: the stream runs on a loop of its own
    async def main():
        return run("""
        import asyncio

        async def agen():
            for w in ("in ", "a ", "loop"):
                await asyncio.sleep(0.001)
                yield w
        st.session_state.out = st.write_stream(agen())
        """)

    at = asyncio.run(main())
    assert not at.exception
    assert at.session_state.out == "in a loop"


@pytest.mark.parametrize("name", ["chat_message", "chat_input", "write_stream"])
def test_signatures_are_streamlits(name):
    streamlit = pytest.importorskip("streamlit")
    ours = inspect.signature(getattr(st, name))
    theirs = inspect.signature(getattr(streamlit, name))
    assert [(p.name, p.kind, p.default) for p in ours.parameters.values()] == \
        [(p.name, p.kind, p.default) for p in theirs.parameters.values()]


def test_bottom_is_public_in_both():
    streamlit = pytest.importorskip("streamlit")
    assert hasattr(streamlit, "bottom") and "bottom" in st.__all__


def test_apptest_upload_attaches_files_to_the_next_message():
    at = run("""
    v = st.chat_input("Ask", key="q", accept_file="multiple", file_type="txt")
    if v:
        st.write(f"{v.text!r}: " + ", ".join(f"{f.name}={f.read().decode()}" for f in v.files))
    """)
    at.chat_input[0].upload("a.txt", b"one").upload("b.txt", b"two").set_value("see").run()
    assert at.markdown.values == ["'see': a.txt=one, b.txt=two"]
    at.run()
    assert at.markdown.values == []  # the message was sent once
    at.chat_input[0].upload("c.txt", b"three").run()  # files alone: the text is ""
    assert at.markdown.values == ["'': c.txt=three"]
    with pytest.raises(ValueError, match="does not accept the file 'd.png'"):
        at.chat_input[0].upload("d.png", b"x")
    at = run('st.chat_input("Plain")')
    with pytest.raises(ValueError, match="does not accept files"):
        at.chat_input[0].upload("a.txt", b"x")


def test_a_failing_on_submit_spends_the_message():
    at = run("""
    def boom():
        raise RuntimeError("on_submit failed")
    v = st.chat_input("Ask", key="q", on_submit=boom)
    st.session_state.seen = st.session_state.get("seen", []) + [v]
    """)
    at.chat_input[0].set_value("hi").run()
    assert at.exception[0].message == "on_submit failed"
    at.run()  # the next run does not get the message again
    assert not at.exception and at.session_state.seen == [None, None]
    assert at.session_state.q is None
