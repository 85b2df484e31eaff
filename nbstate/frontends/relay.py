"""Messages for nbstate's widgets are handled on the kernel's main thread, wherever they arrive.

JupyterLab 4.4 and later (and every client built on ``@jupyterlab/services``: Notebook 7,
Voila) send widget comm messages on a kernel *subshell* when the kernel has them (ipykernel 7;
JupyterLab's setting ``commsOverSubshells``, "perCommTarget" by default): ipykernel handles them
in that subshell's thread, while the main thread runs cells. For an app, that would run a
widget's callback and the app's code on another thread, at the same time as a cell or as
another run of the same app touching the same session state and widgets, and out of reach of
the stop button (an interrupt is a signal to the main thread).

So a message for one of nbstate's widgets that arrives on another thread is handed to the main
thread's event loop, and the subshell waits until it was handled there, as the main shell would
have: the app's code runs where it always ran, one run at a time and in order with cell
executions, and the subshell's ``idle`` still comes when the message was handled (clients pace
their updates on it, and a burst of updates is still coalesced: see :func:`more_waiting`).
Messages for other widgets are left where they arrive.

Example (what ``nbstate`` does when an app is first shown in a kernel)::

    relay.install(kernel)        # once per kernel, on its main thread
    relay.own(widget)            # each widget nbstate creates
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import logging
import signal
import threading
from collections.abc import Iterator
from typing import Any

_log = logging.getLogger("nbstate")

#: the kernel whose comm handler relays, and its main thread's event loop
_installed: Any = None
_loop: asyncio.AbstractEventLoop | None = None
#: the subshell whose message the main thread is handling now (None: none, or the main shell),
#: and the subshell's task that waits for it
_relayed_from: str | None = None
_waiting_task: Any = None
#: how many messages were relayed (``nbstate.frontends.compat.status``)
relayed = 0


def own(widget: Any) -> None:
    """Have the browser's messages for ``widget`` handled on the main thread."""
    comm = getattr(widget, "comm", None)
    if comm is not None:
        try:
            comm._nbstate_main = True
        except AttributeError:  # (a comm class with slots: left as it is)
            pass


def install(kernel: Any) -> None:
    """Relay ``kernel``'s comm messages for owned widgets from subshell threads to the main
    thread. Call on the main thread, in the kernel's event loop; once per kernel (again is a
    no-op). Kernels without subshells (ipykernel 6) are left as they are."""
    global _installed, _loop
    if kernel is None or kernel is _installed:
        return
    handlers = getattr(kernel, "shell_handlers", None)
    if getattr(kernel, "shell_channel_thread", None) is None or not isinstance(handlers, dict):
        return
    if threading.current_thread() is not threading.main_thread():
        return
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return
    handle = handlers.get("comm_msg")
    if handle is None or getattr(handle, "_nbstate_relay", False):
        return

    def comm_msg(stream: Any, ident: Any, msg: dict) -> Any:
        if threading.current_thread() is threading.main_thread() or not _owned(kernel, msg):
            return handle(stream, ident, msg)
        return _on_main(handle, stream, ident, msg)

    comm_msg._nbstate_relay = True  # type: ignore[attr-defined]
    handlers["comm_msg"] = comm_msg
    _installed, _loop = kernel, loop


def _owned(kernel: Any, msg: dict) -> bool:
    try:
        comm = kernel.comm_manager.comms.get(msg["content"]["comm_id"])
    except Exception:  # a malformed message: the kernel's own handler says so
        return False
    return bool(getattr(comm, "_nbstate_main", False))


def _on_main(handle: Any, stream: Any, ident: Any, msg: dict) -> None:
    """Handle ``msg`` on the main thread; return when it was handled (or the kernel ends)."""
    global relayed
    loop = _loop
    done = threading.Event()
    subshell = (msg.get("header") or {}).get("subshell_id")
    try:
        task = asyncio.current_task()
    except RuntimeError:
        task = None

    def run() -> None:
        global _relayed_from, _waiting_task
        _relayed_from, _waiting_task = subshell, task
        try:
            with interruptible():
                handle(stream, ident, msg)
        except KeyboardInterrupt:  # (the stop button while nbstate handled it: as ipykernel)
            _log.error("nbstate: KeyboardInterrupt while handling a widget message")
        except Exception:  # as the kernel's dispatcher: logged, the kernel goes on
            _log.exception("nbstate: error handling a widget message")
        finally:
            _relayed_from = _waiting_task = None
            done.set()

    # (the subshell's context: the message stays the parent of what its handling sends)
    ctx = contextvars.copy_context()
    try:
        assert loop is not None  # (installed)
        loop.call_soon_threadsafe(run, context=ctx)
    except RuntimeError:  # the main loop is closed: the kernel is ending
        return
    relayed += 1
    while not done.wait(1.0):
        if loop.is_closed():
            return


@contextlib.contextmanager
def interruptible() -> Iterator[None]:
    """The stop button interrupts the block (on the main thread), as it interrupts the
    handling of a shell message: the kernel ignores SIGINT between messages, and nbstate
    handles some on the event loop (a relayed one, the rerun that ends a burst)."""
    try:
        saved = signal.signal(signal.SIGINT, signal.default_int_handler)
    except (ValueError, OSError, TypeError):  # (not the main thread, or no signals here)
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, saved)


def relaying() -> bool:
    """Is the main thread handling a message relayed from a subshell?"""
    return _relayed_from is not None


def more_waiting(kernel: Any, timeout_ms: float) -> bool:
    """While the main thread handles a message relayed from a subshell: is another message
    waiting on that subshell (waiting up to ``timeout_ms``)? Its thread waits for this one,
    so its socket is idle meanwhile."""
    from .compat import shell_task_waiting, socket_waiting

    sid = _relayed_from
    if sid is None or kernel is None or kernel is not _installed:
        return False
    try:
        manager = kernel.shell_channel_thread.manager
        stream = manager.get_shell_channel_to_subshell_pair(sid).to_stream
        with manager._lock_cache:
            loop = manager._get_subshell(sid).io_loop.asyncio_loop
    except Exception:  # the subshell is gone, or another ipykernel layout
        return False
    # (messages its thread read already wait as tasks in its loop, the others in its socket)
    return shell_task_waiting(loop, _waiting_task) or socket_waiting(stream, timeout_ms)
