"""Every use of ipykernel's and ipywidgets' internals, in one place.

The live frontend needs a few things neither library offers as public API: whether another
shell message is waiting (to coalesce a burst of updates into one rerun: ipykernel's
event-loop task names and its shell stream), and, on widgets, which traits to send in the
next message, the layout/style models a widget owns, and its raw message handler. Each is a
function here, written against the versions listed in ``KNOWN``; on another version
:func:`check_versions` logs once which ones are untested, and :func:`status` says what was
found on the running kernel (the kernel test ``test_compat.py`` asserts that burst coalescing
really is active on the installed ipykernel).

Example:
    >>> from nbstate.frontends import compat
    >>> sorted(compat.KNOWN)
    ['ipykernel', 'ipywidgets']
    >>> compat.version_tuple("8.1.9")
    (8, 1)
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import re
from importlib import metadata
from typing import Any

_log = logging.getLogger("nbstate")

#: the (major, minor) ranges of each library this module was written and tested against
KNOWN: dict[str, tuple[tuple[int, int], tuple[int, int]]] = {
    "ipykernel": ((6, 0), (7, 99)),
    "ipywidgets": ((8, 0), (8, 99)),
}

#: what the burst detection has seen in this kernel (for :func:`status` and tests)
seen = {"pending_tasks": 0, "socket_waiting": 0, "iopub_queue": 0}

_checked: list[str] | None = None


def version_tuple(v: str) -> tuple[int, int]:
    nums = [int(x) for x in re.findall(r"\d+", v)[:2]]
    return (nums + [0, 0])[0], (nums + [0, 0])[1]


def check_versions() -> list[str]:
    """The installed libraries outside ``KNOWN`` (logged once as a warning): nbstate still
    runs, but what it reads of their internals may have moved."""
    global _checked
    if _checked is not None:
        return _checked
    out = []
    for name, (lo, hi) in KNOWN.items():
        try:
            v = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
        if not lo <= version_tuple(v) <= hi:
            out.append(f"{name} {v} (nbstate knows {lo[0]}.{lo[1]} to {hi[0]}.x)")
    if out:
        _log.warning("nbstate: untested versions: %s; bursts of widget updates may not be "
                     "coalesced and some updates may be slower", ", ".join(out))
    _checked = out
    return out


# -- ipykernel ---------------------------------------------------------------------------------
#: messages the kernel's IOPub socket may queue for a client that reads slower than an app
#: sends (re-creating thousands of widgets sends as many messages in a second). ZeroMQ's
#: default, 1,000, makes the socket drop the rest without a word: widgets that never show, the
#: idle a client waits for. Bounded, so a client that stops reading costs at most this many.
IOPUB_QUEUE = 200_000
_widened: Any = None


def widen_iopub_queue(kernel: Any) -> None:
    """Let the kernel's IOPub socket queue ``IOPUB_QUEUE`` messages per client (never fewer
    than it already may). Done on the IOPub thread, which owns the socket; once per kernel."""
    global _widened
    if kernel is None or kernel is _widened:
        return
    _widened = kernel
    thread: Any = getattr(getattr(kernel, "iopub_socket", None), "io_thread", None)
    sock = getattr(thread, "socket", None)
    if sock is None or not hasattr(thread, "schedule"):
        return
    import zmq

    def widen() -> None:
        try:
            now = sock.getsockopt(zmq.SNDHWM)
            if 0 < now < IOPUB_QUEUE:
                sock.setsockopt(zmq.SNDHWM, IOPUB_QUEUE)
            seen["iopub_queue"] = sock.getsockopt(zmq.SNDHWM)
        except zmq.ZMQError:  # closed (the kernel is shutting down)
            pass

    thread.schedule(widen)


def parent_header(kernel: Any) -> dict | None:
    """The shell message being handled (its ``header``, ``metadata``), or None."""
    if kernel is None:
        return None
    try:
        return kernel.get_parent("shell")
    except Exception:  # ipykernel < 6: the shell keeps it
        return getattr(getattr(kernel, "shell", None), "parent_header", None)


def shell_task_waiting(loop: asyncio.AbstractEventLoop | None = None,
                       busy: Any = None) -> bool:
    """Does the event loop (this thread's, or ``loop``: a subshell's, whose thread waits in
    the task ``busy``) hold a shell message not handled yet? ipykernel (6.x, 7.x) runs
    each received shell message as a ``run_in_context`` task that starts a ``shell_main``
    task: one not started yet, or one waiting for the shell, is a message still to handle
    (a ``run_in_context`` whose ``shell_main`` is done is only finishing)."""
    if loop is None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return False
        me = asyncio.current_task(loop)
    else:
        me = busy
    try:
        tasks = list(asyncio.all_tasks(loop))
    except RuntimeError:  # (changed while copied)
        return False
    for task in tasks:
        if task.done() or task is me:
            continue
        coro = task.get_coro()
        name = getattr(coro, "__qualname__", "")
        if name.endswith("run_in_context"):
            if inspect.iscoroutine(coro) and inspect.getcoroutinestate(
                    coro) == inspect.CORO_CREATED:
                seen["pending_tasks"] += 1
                return True
        elif name.endswith("shell_main"):
            seen["pending_tasks"] += 1
            return True
    return False


def main_shell_stream(kernel: Any) -> Any:
    """The ZMQStream on which the main thread receives shell messages (ipykernel 7: the
    shell channel thread's pipe to the main subshell; 6: ``kernel.shell_stream``)."""
    if kernel is None:
        return None
    thread = getattr(kernel, "shell_channel_thread", None)
    if thread is not None:
        try:
            return thread.manager.get_shell_channel_to_subshell_pair(None).to_stream
        except Exception:  # another ipykernel layout
            return None
    return getattr(kernel, "shell_stream", None)


def socket_waiting(stream: Any, timeout_ms: float) -> bool:
    """Is a message waiting on ``stream``'s socket (waiting up to ``timeout_ms``)?"""
    sock = getattr(stream, "socket", None)
    if sock is None:
        return False
    import zmq

    try:
        waiting = bool(sock.poll(timeout=timeout_ms))
    except zmq.ZMQError:
        return False
    if waiting:
        seen["socket_waiting"] += 1
        # polling consumed the socket's edge-triggered wake-up: make sure the stream reads on
        handle = getattr(stream, "_handle_events", None)
        if handle is not None:
            stream.io_loop.add_callback(lambda: handle(sock, 0))
    return waiting


def status(kernel: Any = None) -> dict[str, Any]:
    """What the live frontend found in this kernel: versions, the shell stream (needed to
    see a burst's next message), and how often each detection has fired."""
    if kernel is None:
        try:
            from IPython import get_ipython

            kernel = getattr(get_ipython(), "kernel", None)
        except ImportError:
            kernel = None
    versions: dict[str, str | None] = {}
    for name in KNOWN:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    from . import relay

    return {"versions": versions, "untested": check_versions(),
            "shell_stream": getattr(main_shell_stream(kernel), "socket", None) is not None,
            "relayed_from_subshells": relay.relayed, **seen}


# -- ipywidgets --------------------------------------------------------------------------------
def owned_widget(w: Any, name: str) -> Any:
    """A widget's ``layout``/``style`` model if it was ever created (without creating it)."""
    return w._trait_values.get(name)


def send_also(w: Any, keys: Any) -> None:
    """Send ``keys`` in ``w``'s next message even if their values did not change."""
    w._states_to_send.update(k for k in keys if k in w.keys)


def send_not(w: Any, keys: Any) -> None:
    """Leave ``keys`` out of ``w``'s next message (the browser already shows them)."""
    w._states_to_send.difference_update(keys)


def handle_msg(w: Any, msg: dict) -> None:
    """ipywidgets' own handling of a comm message (echo, custom, request_state)."""
    w._handle_msg(msg)


def trait_from_json(widget: Any, key: str) -> Any:
    """The function that turns a synced trait's JSON value into its Python value."""
    return widget.trait_metadata(key, "from_json", widget._trait_from_json)


def put_buffers(state: dict, buffer_paths: list, buffers: list) -> None:
    """Put a message's binary buffers into its state at their paths."""
    from ipywidgets.widgets.widget import _put_buffers

    _put_buffers(state, buffer_paths, buffers)
