"""Failure paths users hit: a wrong-typed value written into a widget's key, an endless
st.rerun() loop, threads with the app's context (outliving their run, entering containers),
and containers nested 150 deep. Each says what happened and how to get out of it."""

from __future__ import annotations

import time

from nbstate.testing import AppTest


def test_a_wrong_type_written_by_a_callback_says_how_to_recover(kernel, app):
    body = """
    def spoil():
        st.session_state.spoilt = "not a number"
    st.button("Spoil", on_click=spoil)
    v = st.slider("Amount", 0, 10, 4, key="spoilt")
    st.write(f"amount={v}")
    """
    root = app(body, cell_id="spoil-cell")
    kernel.click(kernel.find(description="Spoil", within=root))
    text = kernel.text(root)
    assert "expects an int" in text and "execute the app's cell again" in text
    kernel.click(kernel.find(description="Spoil", within=root))  # no interaction clears it
    assert "expects an int" in kernel.text(root)
    root = app(body, cell_id="spoil-cell")  # executing the cell again recovers
    text = kernel.text(root)
    assert "amount=4" in text and "expects an int" not in text
    assert kernel.state("spoilt") == 4


def test_interrupting_an_endless_rerun_loop_names_it(kernel, app, tmp_path):
    flag = tmp_path / "looping"
    root = app(f"""
    import pathlib
    loop = st.toggle("Loop", key="loop_on")
    st.write(f"loop={{loop}}")
    if loop:
        pathlib.Path({str(flag)!r}).write_text("on")
        st.rerun()
    """)
    toggle = kernel.find(description="Loop", within=root)
    mid = kernel.set(toggle, True, wait=False)
    kernel.wait_for_file(flag, "the loop", timeout=60)
    time.sleep(0.2)  # many reruns
    kernel.interrupt()
    kernel.wait(mid)
    text = kernel.text(root)
    assert "KeyboardInterrupt" in text and "st.rerun() at line 8 of the app" in text
    assert "runs in a row" in text
    # the last complete run stays under the exception: its toggle can end the loop (the
    # interrupt may land before the interrupted run drew it)
    assert kernel.find(description="Loop", within=root) is toggle and not toggle.closed
    assert "loop=True" in text
    kernel.set(toggle, False)
    # under load the rerun this starts may finish after the kernel reported idle for the
    # update (a held-back burst rerun): give it a few round trips before reading
    deadline = time.monotonic() + 20
    while "loop=False" not in kernel.text(root) and time.monotonic() < deadline:
        kernel.eval("1")
        time.sleep(0.1)
    text = kernel.text(root)
    assert "loop=False" in text and "KeyboardInterrupt" not in text


def test_a_thread_outliving_its_run_gets_no_app_context_error(kernel, app):
    root = app("""
    import threading, time
    from nbstate.run import add_app_context
    late = globals().setdefault("late_errors", [])
    started = st.session_state.setdefault("late_started", [])
    def work():
        time.sleep(0.3)
        try:
            st.slider("Late", 0, 5, key="phantom_key")
        except Exception as e:
            late.append(f"{type(e).__name__}: {e}")
    if not started:
        started.append(1)
        add_app_context(threading.Thread(target=work)).start()
    st.write("run over")
    """)
    assert "run over" in kernel.text(root)
    deadline = time.monotonic() + 30
    while not kernel.eval("len(late_errors)"):
        assert time.monotonic() < deadline, "the thread never reported"
        time.sleep(0.05)
    err = kernel.eval("late_errors[0]")
    assert err.startswith("NoAppContextError") and "had ended" in err
    assert kernel.eval("'phantom_key' in __import__('nbstate').session_state") is False


def test_threads_with_the_app_context_have_their_own_container_stack():
    at = AppTest.from_string("""
import threading
import nbstate as st
from nbstate.run import add_app_context
entered, proceed = threading.Event(), threading.Event()
def work():
    with st.expander("Worker"):
        entered.set()
        proceed.wait(10)
        st.write("worker text")
t = add_app_context(threading.Thread(target=work))
t.start()
entered.wait(10)
st.write("main text")
with st.expander("Main"):
    proceed.set()
    t.join(10)
    st.write("main inside")
""").run()
    main = at.tree.children[1]
    expanders = {e.props["label"]: e for e in main.children if e.type == "expander"}
    assert [c.props.get("body") for c in expanders["Worker"].children] == ["worker text"]
    assert [c.props.get("body") for c in expanders["Main"].children] == ["main inside"]
    assert "main text" in [c.props.get("body") for c in main.children]


def test_containers_nested_150_deep_are_shown(kernel, app):
    root = app("""
    def nest(n):
        if n == 0:
            st.write("the bottom")
            return
        with st.container():
            nest(n - 1)
    nest(150)
    st.text_input("After", key="after_deep")
    """)
    assert "the bottom" in kernel.text(root)
    kernel.set(kernel.find(description="After", within=root), "ok")
    assert kernel.state("after_deep") == "ok"
