"""Failing code in a live app: exceptions in the app and in callbacks, objects whose repr and
str fail, RecursionError, a kernel interrupt while a rerun sleeps, and st.* from threads.
Each time the app shows what went wrong, stays interactive, and the next interaction works
with session state intact."""

from __future__ import annotations

import os
import textwrap
import time

COUNTER = """
st.session_state.setdefault("hits", 0)
def hit():
    st.session_state.hits += 1
st.button("Hit", on_click=hit)
"""


def _hits(kernel) -> int:
    return kernel.state("hits")


def test_exception_in_app_code_then_recovery(kernel, app):
    root = app(COUNTER + textwrap.dedent("""
    mode = st.selectbox("Mode", ["ok", "raise"], key="mode1")
    if mode == "raise":
        raise RuntimeError("app code failed on purpose")
    st.write(f"fine hits={st.session_state.hits}")
    """))
    kernel.click(kernel.find(description="Hit", within=root))
    kernel.set(kernel.find(description="Mode", within=root), 1)
    text = kernel.text(root)
    assert "RuntimeError" in text and "app code failed on purpose" in text
    assert 'raise RuntimeError("app code failed on purpose")' in text  # the user's line
    assert kernel.state("mode1") == "raise" and _hits(kernel) == 1

    kernel.click(kernel.find(description="Hit", within=root))  # still interactive
    assert _hits(kernel) == 2
    kernel.set(kernel.find(description="Mode", within=root), 0)
    text = kernel.text(root)
    assert "fine hits=2" in text and "RuntimeError" not in text


def test_exception_in_callback_keeps_applied_values(kernel, app):
    root = app("""
    st.session_state.setdefault("log", [])
    def cb():
        st.session_state.log.append(st.session_state.cbv)
        if st.session_state.cbv == 4:
            raise ValueError("callback failed on purpose")
    v = st.slider("Value", 0, 9, 1, key="cbv", on_change=cb)
    st.write(f"value={v} log={st.session_state.log}")
    """)
    slider = kernel.find(description="Value", within=root)
    kernel.set(slider, 4)
    text = kernel.text(root)
    assert "ValueError" in text and "callback failed on purpose" in text
    assert kernel.state("cbv") == 4 and kernel.state("log") == [4]  # applied before the error
    assert slider.value == 4  # the browser is not set back
    kernel.set(slider, 6)
    text = kernel.text(root)
    assert "value=6 log=[4, 6]" in text and "ValueError" not in text


def test_write_of_objects_whose_repr_and_str_fail(kernel, app):
    root = app("""
    class Broken:
        def __repr__(self):
            raise RuntimeError("repr is broken")
        def __str__(self):
            raise RuntimeError("str is broken")
    class Cursed(Exception):
        def __str__(self):
            raise RuntimeError("no message either")
    st.write(Broken())
    st.write("list:", [Broken()])
    st.write({"k": Broken()})
    st.exception(Cursed())
    st.text_input("Still here", key="still_here")
    st.write(f"typed={st.session_state.still_here!r}")
    """)
    text = kernel.text(root)
    assert "Broken" in text and "Cursed" in text
    box = kernel.find(description="Still here", within=root)
    kernel.set(box, "yes")
    assert "typed='yes'" in kernel.text(root)


def test_recursion_error_is_shown_and_the_kernel_survives(kernel, app):
    root = app("""
    def down(n):
        return down(n + 1)
    if st.checkbox("Recurse", key="recurse"):
        down(0)
    st.write(f"recurse={st.session_state.recurse}")
    """)
    box = kernel.find(description="Recurse", within=root)
    kernel.set(box, True)
    text = kernel.text(root)
    assert "RecursionError" in text
    assert len(text) < 50_000  # the traceback is trimmed, not thousands of frames
    kernel.set(box, False)
    assert "recurse=False" in kernel.text(root)
    assert kernel.eval("1 + 1") == 2


def test_recursion_in_a_callback_and_in_repr(kernel, app):
    root = app("""
    class Loop:
        def __repr__(self):
            return repr(self)
    def cb():
        def f():
            return f()
        f()
    st.button("Deep", on_click=cb)
    st.write(Loop())
    st.number_input("Count", 0, 5, 0, key="deep_n")
    st.write(f"n={st.session_state.deep_n}")
    """)
    kernel.click(kernel.find(description="Deep", within=root))
    assert "RecursionError" in kernel.text(root)
    kernel.set(kernel.find(description="Count", within=root), 3)
    assert "n=3" in kernel.text(root)


def test_interrupt_during_a_rerun_started_by_a_comm_update(kernel, app, tmp_path):
    flag = tmp_path / "sleeping"
    root = app(f"""
    import pathlib, time
    st.session_state.setdefault("slow_runs", 0)
    level = st.slider("Level", 0, 10, 0, key="level")
    if level == 7:
        st.session_state.slow_runs += 1
        pathlib.Path({str(flag)!r}).write_text("now")
        time.sleep(60)
    st.write(f"level={{level}}")
    """)
    slider = kernel.find(description="Level", within=root)
    kernel.set(slider, 3)
    mid = kernel.set(slider, 7, wait=False)
    # the rerun has reached its sleep once the app wrote the flag (a sync point, not a timer)
    kernel.wait_for_file(flag, "the rerun", timeout=60)
    kernel.km.interrupt_kernel()
    kernel._wait_idle(mid)

    text = kernel.text(root)
    assert "KeyboardInterrupt" in text
    assert kernel.state("level") == 7 and kernel.state("slow_runs") == 1
    kernel.set(slider, 5)  # the app stays live
    text = kernel.text(root)
    assert "level=5" in text and "KeyboardInterrupt" not in text
    assert kernel.eval("1 + 1") == 2


def test_st_from_a_background_thread_without_the_app_context(kernel, app):
    root = app("""
    import threading
    from nbstate.run import add_app_context
    seen = []
    def plain():
        try:
            st.slider("From a thread", 0, 10)
        except Exception as e:
            seen.append(f"{type(e).__name__}: {e}")
    def with_context():
        st.write("written by a thread with the app's context")
    t = threading.Thread(target=plain)
    t.start(); t.join()
    t = add_app_context(threading.Thread(target=with_context))
    t.start(); t.join()
    st.write(seen[0])
    st.checkbox("Threads ok", key="threads_ok")
    """)
    text = kernel.text(root)
    assert "NoAppContextError" in text and "slider" in text
    assert "background thread" in text
    assert "written by a thread with the app's context" in text
    kernel.set(kernel.find(description="Threads ok", within=root), True)
    assert kernel.state("threads_ok") is True


def test_thread_outliving_its_run_gets_the_error(kernel, app, tmp_path):
    out = tmp_path / "late.txt"
    app(f"""
    import threading, time
    def late():
        time.sleep(0.2)
        try:
            st.write("too late")
        except Exception as e:
            open({str(out)!r}, "w").write(type(e).__name__ + ": " + str(e))
    threading.Thread(target=late, daemon=True).start()
    st.write("run done")
    """)
    deadline = time.monotonic() + 30
    while not out.exists() or not out.read_text():
        assert time.monotonic() < deadline, "the thread never finished"
        time.sleep(0.02)
    assert out.read_text().startswith("NoAppContextError")
    assert "write" in out.read_text()
    assert os.path.getsize(out) > 0
