"""Chat and streamed output in a real kernel, driven over the widget protocol as a browser is:
output shows while a run goes on (first run included, throttled), the documentation's chat
app works live, the chat input sits pinned below the messages, a fast rerun sends nothing."""

from __future__ import annotations

import re
import time

from nbstate.testing.kernel import Model

DOCS_CHAT = '''
import random
import time


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
if "messages" not in st.session_state:
    st.session_state.messages = []
for message in st.session_state.messages:
    with st.chat_message(message["role"]):
        st.markdown(message["content"])
if prompt := st.chat_input("What is up?"):
    st.session_state.messages.append({"role": "user", "content": prompt})
    with st.chat_message("user"):
        st.markdown(prompt)
    with st.chat_message("assistant"):
        response = st.write_stream(response_generator())
    st.session_state.messages.append({"role": "assistant", "content": response})
'''

REPLIES = ("Hello there! How can I assist you today?",
           "Hi, human! Is there anything I can help you with?", "Do you need help?")


def _plain(html: object) -> str:
    return re.sub(r"<[^>]+>", "", str(html)).strip()


def _texts(model: Model) -> list[str]:
    """The texts an HTML model showed: each update's, then the one it shows now."""
    return [_plain(u["value"]) for u in model.updates if "value" in u] + [
        _plain(model.get("value", ""))]


def chat_input(kernel, root: Model) -> Model:
    return next(m for m in root.walk() if "prefill_n" in m.state and not m.closed)


def test_documentation_chat_app_streams_its_reply_live(kernel, app):
    root = app(DOCS_CHAT)
    main = next(m for m in root.children if "nbstate-main" in m.classes)
    box = chat_input(kernel, root)
    assert box["placeholder"] == "What is up?"
    # pinned: the chat input is in st.bottom, the last box of the app's main area
    assert "nbstate-bottom" in main.children[-1].classes and box in main.children[-1].children
    before = set(kernel.models)
    start = time.perf_counter()
    with kernel.updates_during() as ups:
        kernel.submit(box, "hi")
    took = time.perf_counter() - start
    reply = kernel.eval("st.session_state.messages[-1]['content']")
    assert reply.strip() in REPLIES
    new = [kernel.models[c] for c in set(kernel.models) - before]
    streamed = [m for m in new if m.name == "HTML" and any(
        t and reply.startswith(t.split()[0]) for t in _texts(m))]
    assert streamed, "the reply's Markdown was not shown"
    shown = _texts(streamed[-1])
    # the reply grew while the run went on: several partial texts before the whole one
    partial = [t for t in shown if t and len(t) < len(reply.strip())]
    assert len(partial) >= 2, shown
    assert shown[-1] == reply.strip()
    # throttled: one update per 50 ms at most (plus the final one), never one per chunk
    # when chunks come faster; here, far fewer messages than words times widgets
    assert len(ups) <= took / 0.05 + 12, (len(ups), took)
    # the conversation is shown as chat messages with their avatars, input still below
    text = kernel.text(root)
    assert "hi" in text and reply.strip() in text
    rows = [m for m in main.walk() if "nbstate-chat_message" in m.classes]
    assert len(rows) == 2
    assert "nbstate-chat-user" in rows[0].classes and "nbstate-chat-assistant" in rows[1].classes
    assert main.children[-1].children == [box] and not box.closed  # the same input, kept
    # the input's value is None again on the next run (a plain rerun by re-submitting "")
    with kernel.updates_during() as ups:
        kernel.submit(box, "again")
    assert kernel.eval("len(st.session_state.messages)") == 4
    assert [m["content"] for m in kernel.eval("st.session_state.messages")][::2] == [
        "hi", "again"]


def test_first_run_shows_its_output_while_the_cell_executes(kernel, app):
    root = app("""
    import time
    st.title("Counting")
    slot = st.empty()
    bar = st.progress(0)
    for i in range(1, 6):
        slot.write(f"tick {i}")
        bar.progress(i * 20)
        print(f"printed {i}")
        time.sleep(0.12)
    st.write("done")
    """)
    slot = next(m for m in root.walk() if "nbstate-empty" in m.classes)
    texts = []
    for child in slot.children:
        texts += _texts(child)
    for m in kernel.models.values():
        if m.name == "HTML" and m.updates and "tick" in str(m.state.get("value", "")):
            texts += _texts(m)
    seen = " ".join(texts)
    # the loop's earlier values reached the browser before the cell finished
    assert "tick 2" in seen and "tick 4" in seen and "tick 5" in seen
    printed = [m for m in root.walk() if "printed 1" in str(m.get("value", ""))]
    shown = _texts(printed[0])
    # printed lines came one by one: the browser saw the output before the last line
    assert any("printed 2" in t and "printed 5" not in t for t in shown), shown
    assert "printed 5" in shown[-1]
    bar = next(m for m in root.walk() if "nbstate-progress" in str(m.get("value", "")))
    steps = [u["value"] for u in bar.updates if "value" in u]
    assert any('value="60"' in v for v in steps) and 'value="100"' in bar["value"], steps
    assert "done" in kernel.text(root)


def test_reexecuted_cell_shows_its_output_while_it_runs(kernel, app):
    body = """
    import time
    st.write("head")
    for i in range(4):
        st.write(f"line {i}")
        time.sleep(0.1)
    """
    app(body, cell_id="rerun-cell")
    with kernel.updates_during() as ups:
        root = app(body.replace("head", "head 2"), cell_id="rerun-cell")
    # the cell's new output showed while the run went on: the previous run's lines below
    # the current point stayed, marked stale, and were replaced one by one
    marker = next(m for m in root.walk() if "stale_ids" in m.state)
    stale = [len(u["state"]["stale_ids"]) for u in ups
             if u["model"] is marker and "stale_ids" in u["state"]]
    assert stale and stale[0] >= 2 and stale == sorted(stale, reverse=True), stale
    assert stale[-1] == 0 and marker["live"] is False and marker["running"] is False
    assert "head 2" in kernel.text(root) and "line 3" in kernel.text(root)
    assert [m for m in root.walk() if m.closed] == []


def test_a_fast_chat_rerun_sends_nothing_extra(kernel, app):
    root = app("""
    st.chat_message("user").write("static")
    v = st.chat_input("Say", key="fast_chat")
    st.checkbox("Other", key="fast_other")
    """)
    other = kernel.find(description="Other", within=root)
    kernel.set(other, True)
    before = kernel.update_messages
    kernel.set(other, True)  # the same value again: a rerun that changes nothing
    assert kernel.update_messages == before
    box = chat_input(kernel, root)
    with kernel.updates_during() as ups:
        kernel.submit(box, "x")
    # a fast run: no stale marks, no pushes; what changed is the input's value only, which
    # is not shown (the field was emptied in the browser): nothing at all is sent
    assert ups == []
    assert kernel.state("fast_chat") is None


def test_session_state_puts_text_in_the_field_and_bad_input_is_refused(kernel, app):
    root = app("""
    def fill():
        st.session_state.draft_q = "a draft"
    st.button("Fill", on_click=fill)
    v = st.chat_input("Ask", key="draft_q", max_chars=5)
    st.write(f"got {v!r}")
    """)
    box = chat_input(kernel, root)
    assert box["max_chars"] == 5
    kernel.click(kernel.find(description="Fill", within=root))
    assert box["prefill"] == "a draft" and "got None" in kernel.text(root)
    assert kernel.state("draft_q") is None
    kernel.submit(box, "toolongtext")
    assert "got 'toolo'" in kernel.text(root)  # cut at max_chars, as Streamlit does
    kernel._comm_msg(box, {"method": "custom", "content": {"event": "submit", "text": 5}},
                     None, True)
    # no text: refused, named, nothing reruns (the last run's output stays)
    assert 'st.chat_input "Ask" (key "draft_q") refused the value 5' in kernel.text(root)
    assert "got 'toolo'" in kernel.text(root) and kernel.state("draft_q") is None


def test_files_attached_in_the_browser_reach_the_app(kernel, app):
    root = app("""
    v = st.chat_input("Ask", accept_file="multiple", file_type=["txt"])
    if v:
        st.write(f"{v.text}: " + ", ".join(f"{f.name}={f.getvalue().decode()}" for f in v.files))
    """)
    box = chat_input(kernel, root)
    assert box["accept_file"] == "multiple" and box["file_type"] == [".txt"]
    kernel.submit(box, "see", files=[("a.txt", b"hello", "text/plain"),
                                     ("b.txt", b"world", "text/plain")])
    assert "see: a.txt=hello, b.txt=world" in kernel.text(root)
    kernel.submit(box, "", files=[("c.png", b"x", "image/png")])
    assert "not of an accepted type" in kernel.text(root)
    plain = app('st.write(repr(st.chat_input("Plain", key="plain_files")))')
    box = chat_input(kernel, plain)
    assert box["accept_file"] == ""
    kernel.submit(box, "hi", files=[("a.txt", b"x", "text/plain")])
    assert "does not accept files" in kernel.text(plain)


def test_chat_widgets_leave_nothing_behind(kernel, app):
    baseline = kernel.eval("len(__import__('ipywidgets').Widget.widgets)")
    root = app("""
    n = st.session_state.get("leak_n", 0)
    for i in range(n):
        st.chat_message("user" if i % 2 else "🦖").write(f"m{i}")
    with st.bottom:
        st.caption("pinned")
    if st.chat_input("Say", key="leak_in"):
        st.session_state.leak_n = n + 1
        st.write_stream(iter(["a", "b"]))
    """, name="chat_leak")
    box = chat_input(kernel, root)
    for text in ("1", "2", "3"):
        kernel.submit(box, text)
    rows = [m for m in root.walk() if "nbstate-chat_message" in m.classes]
    assert len(rows) == 2  # (each run shows the messages of the runs before it)
    assert any("🦖" in str(m.get("value", "")) for m in rows[0].walk())  # its own avatar
    kernel.execute("__import__('nbstate').frontends.ipy._LIVE['chat_leak'].close()")
    assert kernel.eval("len(__import__('ipywidgets').Widget.widgets)") == baseline
