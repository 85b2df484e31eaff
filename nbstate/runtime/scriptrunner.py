"""``streamlit.runtime.scriptrunner``: the context of the run under way, and how a thread
gets it.

A thread an app starts has no run context: ``st.*`` there raises ``NoAppContextError``, as
Streamlit warns "missing ScriptRunContext". ``add_script_run_ctx(thread)`` gives it the run's
context, so its ``st.*`` calls write into the app.

Example:
    >>> from nbstate.testing import AppTest
    >>> at = AppTest.from_string('''
    ... import threading
    ... import streamlit as st
    ... from streamlit.runtime.scriptrunner import add_script_run_ctx, get_script_run_ctx
    ... t = threading.Thread(target=lambda: st.write("from a thread"))
    ... add_script_run_ctx(t)
    ... t.start(); t.join()
    ... st.write(get_script_run_ctx() is not None)
    ... ''').run()
    >>> [m.value for m in at.markdown]
    ['from a thread', '`True`']
"""

from __future__ import annotations

import threading

from ..errors import RerunApp as RerunException
from ..errors import StopApp as StopException
from ..run import RunContext, _local, add_app_context, current

#: Streamlit's name for the context of a run
ScriptRunContext = RunContext


def get_script_run_ctx(suppress_warning: bool = False) -> RunContext | None:
    """The context of the run under way in this thread, or ``None`` (outside any app, or a
    thread not given one with ``add_script_run_ctx``). ``suppress_warning`` is accepted for
    Streamlit's signature; nbstate logs no warning either way.

    Example:
        >>> get_script_run_ctx() is None     # a plain cell: no app runs
        True
    """
    return current()


def add_script_run_ctx(thread: threading.Thread | None = None,
                       ctx: RunContext | None = None) -> threading.Thread:
    """Give ``thread`` (default: the current thread) the context ``ctx`` (default: the
    current run's), so its ``st.*`` calls write into that run. Call it before
    ``thread.start()``; returns the thread.

    Example:
        >>> t = threading.Thread(target=print)
        >>> add_script_run_ctx(t) is t
        True
    """
    if thread is None or thread is threading.current_thread():
        # self-attach: from inside the thread that is to have the context
        thread = threading.current_thread()
        _local.ctx = ctx if ctx is not None else current()
        return thread
    return add_app_context(thread, ctx)


__all__ = ["RerunException", "ScriptRunContext", "StopException", "add_script_run_ctx",
           "get_script_run_ctx"]
