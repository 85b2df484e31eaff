"""A frontend that reads the kernel's messages later than an app sends them (a Jupyter server
busy encoding, a paused tab, a test that looks away) still gets all of them: every widget of
a big app and the kernel's idle. ZeroMQ's IOPub socket, left at its default queue of 1,000
messages, drops the rest silently: widgets that never show, a client waiting for an idle
that never comes (this test timed out so before nbstate widened the queue)."""

from __future__ import annotations

import os
import queue
import signal
import time

ROWS = 12_000


def _stacks(kernel, path) -> str:
    """The kernel's threads, as faulthandler dumps them on SIGUSR1 (what it was doing)."""
    try:
        os.kill(kernel.km.provisioner.pid, signal.SIGUSR1)
        time.sleep(1)
        return path.read_text()[-6000:]
    except (OSError, AttributeError) as e:
        return f"(no dump: {e!r})"


def test_a_client_that_reads_late_gets_every_widget_and_the_idle(kernel, app, tmp_path):
    dump = tmp_path / "stacks.txt"
    kernel.execute(f"import faulthandler, signal; faulthandler.register(signal.SIGUSR1, "
                   f"file=open({str(dump)!r}, 'w'), all_threads=True)")
    try:
        root = app(f"""
        for i in range({ROWS}):
            st.text(f"row {{i}}")
        """, late=True)  # (the harness reads nothing until the kernel has replied)
    except (queue.Empty, TimeoutError) as e:
        raise AssertionError(f"no reply or no idle ({e!r}); the kernel's threads:\n"
                             f"{_stacks(kernel, dump)}") from None
    text = kernel.text(root)
    assert text.count("row ") == ROWS and f"row {ROWS - 1}" in text
    shown = [c for m in root.walk() for c in m.state.get("children", ())]
    assert all(c.removeprefix("IPY_MODEL_") in kernel.models for c in shown)
    status = kernel.eval("__import__('nbstate.frontends.compat').frontends.compat.status()")
    assert status["iopub_queue"] >= 200_000
