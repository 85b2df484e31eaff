"""A frontend that reads the kernel's messages later than an app sends them (a Jupyter server
busy encoding, a paused tab, a test that looks away) still gets all of them: every widget of
a big app and the kernel's idle. ZeroMQ's IOPub socket, left at its default queue of 1,000
messages, drops the rest silently: widgets that never show, a client waiting for an idle
that never comes (this test timed out so before nbstate widened the queue)."""

from __future__ import annotations

ROWS = 12_000


def test_a_client_that_reads_late_gets_every_widget_and_the_idle(kernel, app):
    root = app(f"""
    for i in range({ROWS}):
        st.text(f"row {{i}}")
    """, late=True)  # (the harness reads nothing until the kernel has replied)
    text = kernel.text(root)
    assert text.count("row ") == ROWS and f"row {ROWS - 1}" in text
    shown = [c for m in root.walk() for c in m.state.get("children", ())]
    assert all(c.removeprefix("IPY_MODEL_") in kernel.models for c in shown)
    status = kernel.eval("__import__('nbstate.frontends.compat').frontends.compat.status()")
    assert status["iopub_queue"] >= 200_000
