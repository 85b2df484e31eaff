"""Chat and streaming scripts run through Streamlit's AppTest and nbstate's: the same messages,
avatars, chat input values, session state and Markdown after every run.

The first script is the chat app of Streamlit's documentation ("Build a basic LLM chat app":
history in session state, an echo bot whose reply is streamed), unchanged; its random reply
and its pauses are made the same on both sides (the first reply, no sleeping).
"""

from __future__ import annotations

import random
import time

import pytest

DOCS_CHAT_APP = '''
import random
import time


# Streamed response emulator
def response_generator():
    response = random.choice(
        [
            "Hello there! How can I assist you today?",
            "Hi, human! Is there anything I can help you with?",
            "Do you need help?",
        ]
    )
    for word in response.split():
        yield word + " "
        time.sleep(0.05)


st.title("Simple chat")

# Initialize chat history
if "messages" not in st.session_state:
    st.session_state.messages = []

# Display chat messages from history on app rerun
for message in st.session_state.messages:
    with st.chat_message(message["role"]):
        st.markdown(message["content"])

# Accept user input
if prompt := st.chat_input("What is up?"):
    # Add user message to chat history
    st.session_state.messages.append({"role": "user", "content": prompt})
    # Display user message in chat message container
    with st.chat_message("user"):
        st.markdown(prompt)

    # Display assistant response in chat message container
    with st.chat_message("assistant"):
        response = st.write_stream(response_generator())
    # Add assistant response to chat history
    st.session_state.messages.append({"role": "assistant", "content": response})
'''


@pytest.fixture(autouse=True)
def _same_reply_no_pause(monkeypatch):
    monkeypatch.setattr(random, "choice", lambda seq: seq[0])
    monkeypatch.setattr(time, "sleep", lambda s: None)


def send(text, i=0):
    def act(at):
        at.chat_input[i].set_value(text)
    return act


def chat_view(at) -> list:
    """What a reader sees of the chat: each message's author, avatar and Markdown."""
    return [(m.name, m.avatar, list(m.markdown.values)) for m in at.chat_message]


def _value(v):
    """A chat input's value, comparable across the two (their ChatInputValue and
    UploadedFile classes differ): the text, and each file's name, type and bytes."""
    if isinstance(v, str) or v is None:
        return v
    d = dict(v)
    return (d.get("text"), [(f.name, f.type, f.getvalue()) for f in d.get("files", [])])


def assert_chat_agrees(p) -> None:
    p.assert_agree(widgets=False)
    assert chat_view(p.nb) == chat_view(p.st)
    assert [_value(c.value) for c in p.nb.chat_input] == [
        _value(c.value) for c in p.st.chat_input]
    assert [c.placeholder for c in p.nb.chat_input] == [c.placeholder for c in p.st.chat_input]


def test_the_documentation_chat_app_agrees(pair):
    p = pair(DOCS_CHAT_APP).run()
    assert_chat_agrees(p)
    assert p.nb.title.values == ["Simple chat"] and len(p.nb.chat_message) == 0
    for text in ("hi", "how are you?", "hi"):  # the same text twice is two messages
        p.step(send(text))
        assert_chat_agrees(p)
    p.run()  # a plain rerun: the input is None again, the history stays
    assert_chat_agrees(p)
    history = p.nb.session_state.messages
    assert [m["content"] for m in history[::2]] == ["hi", "how are you?", "hi"]
    assert history[1]["content"] == "Hello there! How can I assist you today? "
    assert p.nb.chat_input[0].value is None
    assert chat_view(p.nb)[-1] == ("assistant", "assistant",
                                   ["Hello there! How can I assist you today?"])


SCRIPTS = {
    "keyed-input-in-state-for-one-run": ("""
        v = st.chat_input("Ask", key="q")
        st.markdown(f"returned {v!r}, state {st.session_state.q!r}")
        """, [send("one"), None, send("two")]),
    "on-submit-callback-sees-the-text": ("""
        def got(tag):
            st.session_state.log = st.session_state.get("log", []) + [(tag, st.session_state.q)]
        st.chat_input("Ask", key="q", on_submit=got, args=("cb",))
        st.markdown(str(st.session_state.get("log", [])))
        """, [send("a"), None, send("a"), send("b")]),
    "max-chars-cuts-the-text": ("""
        v = st.chat_input("Short", max_chars=5)
        st.markdown(repr(v))
        """, [send("abcdefgh")]),
    "accept-file-upload": ("""
        v = st.chat_input("Ask", accept_file="multiple")
        if v:
            st.markdown(f"{v.text}|{[f.name for f in v.files]}|{sorted(v)}")
        """, [lambda at: at.chat_input[0].upload("n.txt", b"hi").set_value("t"), None,
              lambda at: at.chat_input[0].upload("a.txt", b"1").upload("b.txt", b"2")]),
    "avatars-emoji-and-names": ("""
        st.chat_message("user").write("u")
        st.chat_message("ai").write("a")
        st.chat_message("human").write("h")
        st.chat_message("Bob").write("b")
        st.chat_message("🦖").write("dino")
        st.chat_message("assistant", avatar="🧑‍💻").write("coder")
        """, []),
    "message-object-and-with": ("""
        msg = st.chat_message("assistant")
        msg.write("first")
        with st.chat_message("user"):
            st.markdown("inside")
        msg.markdown("second")
        """, []),
    "write-stream-kinds": ("""
        import asyncio

        def words():
            yield "Hello"
            yield " "
            yield "world"

        async def agen():
            for w in ("as", "ync"):
                await asyncio.sleep(0)
                yield w

        class ChatCompletionChunk:
            def __init__(self, text):
                delta = type("D", (), {"content": text})()
                self.choices = [type("C", (), {"delta": delta})()]

        ChatCompletionChunk.__module__ = "openai.types.chat.chat_completion_chunk"

        class AIMessageChunk:
            def __init__(self, text):
                self.content = text

        AIMessageChunk.__module__ = "langchain_core.messages.ai"

        a = st.write_stream(words)
        b = st.write_stream(agen())
        c = st.write_stream(ChatCompletionChunk(t) for t in ["Op", "en", "", "AI"])
        d = st.write_stream(iter([AIMessageChunk("Lang"), AIMessageChunk("Chain")]))
        e = st.write_stream(["text ", {"k": 1}, "more"])
        f = st.write_stream([])
        st.markdown(repr((a, b, c, d, f)))
        st.markdown(repr(list(e)) + " " + type(e).__name__)
        """, []),
}


@pytest.mark.parametrize(("body", "steps"), SCRIPTS.values(), ids=SCRIPTS.keys())
def test_chat_scripts_agree(pair, body, steps):
    p = pair(body).run()
    assert_chat_agrees(p)
    for act in steps:
        if act is None:
            p.run()
        else:
            p.step(act)
        assert_chat_agrees(p)
