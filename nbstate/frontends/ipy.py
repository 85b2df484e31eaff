"""The live-notebook frontend: ``%%app`` and ``run_app`` in a real ipykernel.

A ``LiveApp`` owns one core ``App`` (in the notebook's session and namespace) and the ``View``
that shows it. Changes from the browser are queued; the rerun waits until no other shell
message is waiting, so a burst (a slider drag, 50 updates at once) becomes one rerun with all
of them applied. Re-executing the cell reruns the same app with the new code, closes the old
output's widgets and shows a new live output.

During a run, ``print()`` output and ``display()`` calls become elements at their place in the
app, and figures the run leaves open are closed (``st.pyplot`` already showed them).

Example (in a notebook):
    %load_ext nbstate

    %%app counter
    import nbstate as st
    st.button("+1", on_click=lambda: st.session_state.update(n=st.session_state.get("n", 0) + 1))
    st.write(st.session_state.get("n", 0))
"""

from __future__ import annotations

import asyncio
import hashlib
import inspect
import io
import sys
import time
import traceback
from collections.abc import Callable
from typing import Any

from ..elements import Element
from ..run import App, current, default_session, exception_element
from .reconcile import View
from .stream import Pusher

#: an app whose last run took longer (seconds) shows its output stale ("Running...") while it
#: reruns; faster apps are not marked, so that a rerun that changes nothing sends nothing
STALE_AFTER = 0.25

#: what a run emits is shown while it runs, at most this often (seconds; ``stream.Pusher``,
#: which also waits ``stream.FIRST`` before the first push, so that a fast run sends nothing)
PROGRESS_EVERY = 0.05

#: during a burst of updates, milliseconds to wait for the next one before rerunning (the
#: shell-channel thread that forwards them may be starved of CPU and of the GIL: a short gap
#: splits a burst into several reruns on a busy machine). Paid once, at the end of a burst.
BURST_GAP_MS = 30

_LIVE: dict[str, LiveApp] = {}
_PENDING: dict[str, LiveApp] = {}
#: two updates the client sent closer together than this (ms) show it sends bursts
BURST_SENT_MS = 1

_fallback_scheduled = False
_burst = False


class LiveApp:
    """One app shown in a notebook: the core ``App``, its live output, its change queue."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.view: View | None = None
        self.queue: list[tuple[str, Any]] = []
        self.reruns = 0
        self._slow = False
        self._displayed = False
        self._shown: Element | None = None  # the last tree the output showed
        self._before: Element | None = None  # the tree the previous output showed (re-run cell)
        self._pusher = Pusher(self._progress, every=PROGRESS_EVERY)
        self._display_first: Callable[[], None] | None = None  # shows a new output at once

    @property
    def name(self) -> str:
        return self.app.name

    @property
    def widget(self) -> Any:
        """The app's output box (display it to show the app once more)."""
        return self.view.root if self.view is not None else None

    def show(self) -> Any:
        """Run the app and return a fresh live output; the previous output is closed."""
        if self.view is not None:
            self.view.close()
        self.view = View(self._receive)
        # the cell's previous output is gone from the page: while the new run goes on, its
        # elements show (faded) below what the run has shown so far
        self._before = self._shown
        self._shown = None
        self._displayed = False
        self.queue.clear()
        self._render(self._run(()))
        return self.view.root

    def close(self) -> None:
        """Close the output and forget the app's widgets (the app is gone)."""
        if self.view is not None:
            self.view.close()
            self.view = None
        self.app.close()
        if _LIVE.get(self.name) is self:
            del _LIVE[self.name]
        _PENDING.pop(self.name, None)

    def _ipython_display_(self) -> None:
        # `nbstate.run_app(...)` as a cell's last line: it already displayed its output
        from IPython.display import display

        if self.view is not None and not self._displayed:
            self._displayed = True
            display(self.view.root)

    def __repr__(self) -> str:
        return f"<nbstate app {self.name!r}>"

    # -- interactions -------------------------------------------------------------------
    def _receive(self, changes: list[tuple[str, Any]]) -> None:
        global _burst
        self.queue.extend(changes)
        _PENDING[self.name] = self
        if _sent_right_after_the_last():
            _burst = True
        if _more_shell_messages():
            _burst = True  # updates come faster than reruns: a burst
            _schedule_fallback()
            return
        flush()

    def flush(self) -> None:
        """Apply the queued changes in one rerun."""
        _PENDING.pop(self.name, None)
        if not self.queue or self.view is None:
            self.queue.clear()
            return
        # every value, in arrival order: the core checks each, keeps a widget's last valid
        # one and runs each changed widget's callback once, in order of first arrival
        changes = list(self.queue)
        self.queue = []
        self.reruns += 1
        self._render(self._run(changes))

    def _render(self, tree: Element | BaseException) -> None:
        """Show a run's tree; an internal error (not the app's: those are in the tree) shows
        as an exception at the top of the app's last output, which stays live."""
        try:
            if isinstance(tree, BaseException):
                raise tree
            with self.view.marker.hold_sync():  # the run is over: one message says so
                self._unmark()
                self.view.update(tree)
            self._shown = tree
            self._before = None
        except Exception as e:  # noqa: BLE001 - a frontend bug shows in the app, not lost
            traceback.print_exc(file=sys.__stderr__)
            rest = (self._shown.children[1:] if self._shown is not None
                    else [Element("main", children=[])])
            try:
                self.view.update(Element("app", props={"stale": False}, children=[
                    Element("notices", children=[exception_element(e)]), *rest]))
            except Exception:  # noqa: BLE001 - nothing more can be shown
                pass

    def _run(self, changes: list[tuple[str, Any]]) -> Element | Exception:
        # Mark the output running ("Running...") only for an app whose last run was slow: a
        # fast rerun that changes nothing must send nothing at all. (A timer thread could mark
        # it later, but sending widget messages from another thread races the shell's own.)
        view = self.view
        if self._slow and view is not None and not view.closed and not view.marker.running:
            view.marker.running = True
        # what the run emits is shown as it comes (throttled by the pusher; none of it for a
        # run faster than stream.FIRST), on every run, the first one included
        pusher = self._pusher
        self.app.on_flush = self._offer if view is not None else None
        pusher.start()
        start = time.perf_counter()
        try:
            with _capture():
                return self.app.interact(changes)
        except Exception as e:  # noqa: BLE001 - shown by _render; the kernel keeps serving
            return e
        finally:
            self.app.on_flush = None
            pusher.stop()  # waits for a push under way: the final update comes after it
            self._slow = time.perf_counter() - start > STALE_AFTER

    def _offer(self, tree_so_far: Callable[[], Element]) -> None:
        # (a RunContext's bound method: its run says whether the reader waits for this)
        ctx = getattr(tree_so_far, "__self__", None)
        self._pusher.offer(tree_so_far, urgent=getattr(ctx, "urgent", False))

    def _progress(self, tree_so_far: Callable[[], Element]) -> None:
        """Show a run's tree so far (the pusher calls this, throttled): what the run built,
        then, in each container, the previous run's elements after it, faded, as Streamlit
        shows a rerun under way. The first push of a new output displays it."""
        tree = tree_so_far()
        view = self.view
        shown = self._shown if self._shown is not None else self._before
        if view is None or view.closed:
            return
        final = {id(e) for e in shown.walk()} if shown is not None else set()
        seen = {e.id for e in tree.walk() if e.id is not None and id(e) not in final}
        carried: list[Element] = []
        merged = _merge(tree, shown, final, seen, carried)
        if self._display_first is not None:
            show, self._display_first = self._display_first, None
            show()
        marker = view.marker
        with marker.hold_sync():  # at most one marker message per push
            marker.running = True  # the badge shows if the run lasts (CSS delay)
            marker.live = True  # the app is not faded as a whole, only stale_ids are
            view.update(Element("app", props={**tree.props, "stale": False},
                                children=merged.children), partial=True)
            self._mark(carried)
            if marker._states_to_send:
                marker._states_to_send.add("running")  # each says the run is under way

    def _mark(self, carried: list[Element]) -> None:
        """Fade the nodes that show the previous run's elements, and only those: one
        message (the marker's ``stale_ids``), whatever their number."""
        want = {id(e) for e in carried}
        ids: list[str] = []
        if want:
            for top in self.view._top:
                for n in top.walk():
                    if id(n.el) in want and not n.closed:
                        ids.append(n.widget.model_id)
        marker = self.view.marker
        if list(marker.stale_ids) != ids:
            marker.stale_ids = ids

    def _unmark(self) -> None:
        """The run is over: nothing is faded as the previous run's any more."""
        view = self.view
        if view is None or view.closed:
            return
        marker = view.marker
        if marker.stale_ids or marker.live:
            with marker.hold_sync():
                marker.stale_ids = []
                marker.live = False

    def _display_now(self) -> None:
        """Display the app's output now (its first run is under way and slow), past the
        capture of ``display()`` into the app."""
        shell = _shell()
        if shell is None or self.view is None or self._displayed:
            return
        data, md = shell.display_formatter.format(self.view.root)
        pub = shell.display_pub
        getattr(pub, "real", pub).publish(data=data, metadata=md)
        self._displayed = True


def _snapshot(el: Element, final: set[int]) -> Element:
    """A copy of what a run built so far (the run goes on changing it); the subtrees shared
    with the last shown tree are finished and kept as they are."""
    if id(el) in final:
        return el
    kids = None if el.children is None else [_snapshot(c, final) for c in el.children]
    return Element(el.type, el.id, el.key, dict(el.props), kids)


def _without(el: Element, seen: set[str]) -> Element | None:
    """``el`` minus the elements whose id the new run already shows (no id twice)."""
    if el.id is not None and el.id in seen:
        return None
    if not el.children or not any(e.id in seen for e in el.walk() if e.id is not None):
        return el
    kids = [k for k in (_without(c, seen) for c in el.children) if k is not None]
    return Element(el.type, el.id, el.key, el.props, kids)


def _merge(new: Element, old: Element | None, final: set[int], seen: set[str],
           carried: list[Element] | None = None) -> Element:
    """The run's tree so far, each container followed by the previous run's elements that
    come after what the run put there (added to ``carried``). The previous run's st.bottom
    stays last until the run makes its own."""
    if id(new) in final or new.children is None:
        return _snapshot(new, final)
    olds = old.children if old is not None and old.children is not None else []
    kids = []
    news = list(new.children)  # the run may append meanwhile (a timer thread pushes)
    for i, c in enumerate(news):
        o = olds[i] if i < len(olds) else None
        same_box = o is not None and o.type == c.type and o.children is not None
        kids.append(_merge(c, o if same_box else None, final, seen, carried))
    has_bottom = bool(news) and news[-1].type == "bottom"
    old_bottom = None
    for o in olds[len(news):]:
        if o.type == "bottom":
            old_bottom = o
            continue
        kept = _without(o, seen)
        if kept is not None:
            kids.append(kept)
            if carried is not None:
                carried.append(kept)
    if has_bottom and len(kids) > len(news):  # the run's st.bottom goes after the old ones
        kids.append(kids.pop(len(news) - 1))
    elif old_bottom is not None and not has_bottom and new.type == "main":
        kept = _without(old_bottom, seen)
        if kept is not None:
            kids.append(kept)
    return Element(new.type, new.id, new.key, dict(new.props), kids)


# -- coalescing ---------------------------------------------------------------------------
def flush() -> None:
    """Rerun every app that has queued changes."""
    global _burst
    for live in list(_PENDING.values()):
        live.flush()
    # updates that queued up while those reruns ran mean a burst (a client that does not
    # wait for idle): until it ends, wait a little for each next update before rerunning
    _burst = _more_shell_messages(0)


def _more_shell_messages(gap_ms: float | None = None) -> bool:
    """Is another shell message (a further widget update, a cell execution) waiting?

    Outside a burst this only looks (no wait: an isolated update reruns at once); in a burst
    it waits up to ``BURST_GAP_MS`` for the next message, since the shell-channel thread
    that forwards them needs the GIL this thread holds.
    """
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return False
    me = asyncio.current_task(loop)
    for task in asyncio.all_tasks(loop):
        if task.done() or task is me:
            continue
        coro = task.get_coro()
        name = getattr(coro, "__qualname__", "")
        # ipykernel runs each received shell message as a run_in_context task, which starts a
        # shell_main task: one not started yet, or one waiting for the shell, is a message
        # still to handle (a run_in_context whose shell_main is done is only finishing)
        if name.endswith("run_in_context"):
            if inspect.iscoroutine(coro) and inspect.getcoroutinestate(
                    coro) == inspect.CORO_CREATED:
                return True
        elif name.endswith("shell_main"):
            return True
    stream = _main_shell_stream(getattr(_shell(), "kernel", None))
    sock = getattr(stream, "socket", None)
    if sock is None:
        return False
    import zmq

    if gap_ms is None:
        gap_ms = BURST_GAP_MS if _burst else 0
    try:
        waiting = bool(sock.poll(timeout=gap_ms))
    except zmq.ZMQError:
        return False
    if waiting:
        # polling consumed the socket's edge-triggered wake-up: make sure the stream reads on
        stream.io_loop.add_callback(lambda: stream._handle_events(sock, 0))
    return waiting


_last_sent: Any = None


def _sent_right_after_the_last() -> bool:
    """Did the client send this update within BURST_SENT_MS of its previous one? A browser
    never does (it waits for the kernel's idle in between): such a client sends bursts."""
    global _last_sent
    kernel = getattr(_shell(), "kernel", None)
    try:
        sent = kernel.get_parent("shell")["header"]["date"]
    except Exception:  # noqa: BLE001 - no kernel, older ipykernel, no date: no evidence
        return False
    last, _last_sent = _last_sent, sent
    try:
        return last is not None and abs((sent - last).total_seconds()) * 1000 < BURST_SENT_MS
    except TypeError:  # dates as strings, or naive and aware mixed
        return False


def _main_shell_stream(kernel: Any) -> Any:
    """The ZMQStream on which this (main) thread receives shell messages."""
    if kernel is None:
        return None
    thread = getattr(kernel, "shell_channel_thread", None)
    if thread is not None:
        try:
            return thread.manager.get_shell_channel_to_subshell_pair(None).to_stream
        except Exception:  # noqa: BLE001 - another ipykernel layout
            return None
    return getattr(kernel, "shell_stream", None)


def _schedule_fallback() -> None:
    """Flush later if no further update message comes to do it (a cell execution was next)."""
    global _fallback_scheduled
    if _fallback_scheduled:
        return
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return
    _fallback_scheduled = True

    def later() -> None:
        global _fallback_scheduled
        _fallback_scheduled = False
        if not _PENDING:
            return
        if _more_shell_messages():
            _schedule_fallback()
        else:
            flush()

    loop.call_later(0.02, later)


# -- capturing print() and display() into the app ------------------------------------------
class _AppStdout(io.TextIOBase):
    """``sys.stdout`` during a run: text goes into the app, at the place the run is at."""

    def __init__(self, real: Any) -> None:
        self.real = real

    def writable(self) -> bool:
        return True

    def write(self, s: str) -> int:
        ctx = current()
        if ctx is None:
            return self.real.write(s)
        box = ctx.stack[-1]
        last = box.children[-1] if box.children else None
        if last is not None and last.type == "stdout":
            last.props["body"] += s
            if ctx.app.on_flush is not None:
                ctx.flush()  # printed lines show while the run goes on
        else:
            ctx.emit(Element("stdout", props={"body": s}))
        return len(s)

    def flush(self) -> None:
        pass


class _AppDisplay:
    """``shell.display_pub`` during a run: ``display(obj)`` becomes an element of the app."""

    def __init__(self, real: Any) -> None:
        self.real = real

    def publish(self, data: dict, metadata: dict | None = None, *args: Any,
                **kwargs: Any) -> None:
        ctx = current()
        if ctx is None or kwargs.get("update"):
            return self.real.publish(data, metadata, *args, **kwargs)
        ctx.emit(Element("display_data", props={"data": dict(data),
                                                "metadata": dict(metadata or {})}))

    def clear_output(self, wait: bool = False) -> None:
        if current() is None:
            self.real.clear_output(wait)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)


class _capture:
    def __enter__(self) -> None:
        self.shell = _shell()
        self.stdout = sys.stdout
        sys.stdout = _AppStdout(self.stdout)
        self.pub = None
        if self.shell is not None:
            self.pub = self.shell.display_pub
            self.shell.display_pub = _AppDisplay(self.pub)
        plt = sys.modules.get("matplotlib.pyplot")
        self.figs = set(plt.get_fignums()) if plt is not None else None

    def __exit__(self, *exc: Any) -> None:
        sys.stdout = self.stdout
        if self.shell is not None and self.pub is not None:
            self.shell.display_pub = self.pub
        plt = sys.modules.get("matplotlib.pyplot")
        if plt is not None:
            for num in set(plt.get_fignums()) - (self.figs or set()):
                plt.close(num)


# -- entry points ----------------------------------------------------------------------------
def _shell() -> Any:
    try:
        from IPython import get_ipython
    except ImportError:
        return None
    return get_ipython()


def _cell_id(shell: Any) -> str | None:
    kernel = getattr(shell, "kernel", None)
    parent = None
    if kernel is not None:
        try:
            parent = kernel.get_parent("shell")
        except Exception:  # noqa: BLE001 - older ipykernel
            parent = getattr(shell, "parent_header", None)
    meta = (parent or {}).get("metadata") or {}
    return meta.get("cellId") or meta.get("cell_id")


def _closed_cells(shell: Any) -> list[str]:
    kernel = getattr(shell, "kernel", None)
    try:
        parent = kernel.get_parent("shell") if kernel is not None else None
    except Exception:  # noqa: BLE001
        parent = None
    return list(((parent or {}).get("metadata") or {}).get("deletedCells") or ())


def _app_name(name: str | None, target: Any, shell: Any) -> str:
    if name:
        return name
    cell = _cell_id(shell)
    if cell:
        return f"cell-{cell}"
    if callable(target):
        return getattr(target, "__name__", "app")
    return "cell-" + hashlib.blake2b(str(target).encode(), digest_size=6).hexdigest()


def close_deleted_cells(*_: Any) -> None:
    """Close the apps of cells the browser says were deleted (JupyterLab sends their ids
    with the next execution); an IPython ``pre_run_cell`` hook."""
    for cell in _closed_cells(_shell()):
        gone = _LIVE.get(f"cell-{cell}")
        if gone is not None:
            gone.close()


def start(target: str | Callable, name: str | None = None, **kwargs: Any) -> LiveApp:
    """Create (or rerun with new code) the live app ``name`` and return it, not displayed."""
    shell = _shell()
    close_deleted_cells()
    key = _app_name(name, target, shell)
    live = _LIVE.get(key)
    if live is None:
        ns = shell.user_ns if shell is not None and not callable(target) else None
        app = App(target, name=key, session=default_session(), namespace=ns,
                  fresh_namespace=False if ns is not None else None,
                  args=tuple(kwargs.pop("args", ())), kwargs=kwargs.pop("kwargs", None))
        # the stop button interrupts a run: shown in the app like any error, the app stays live
        app.catch_interrupts = True
        live = _LIVE[key] = LiveApp(app)
    else:
        try:
            live.app.set_target(target)
        except BaseException:
            # the edited cell does not compile: the browser dropped the old output, so close
            # its widgets (the app and its state stay, for the next execution)
            if live.view is not None:
                live.view.close()
                live.view = None
            raise
    return live


def run_app(target: str | Callable, name: str | None = None, **kwargs: Any) -> LiveApp:
    """Run ``target`` (source text or a function) as a live app, display it, return it.

    Example:
        >>> def app():                                                  # doctest: +SKIP
        ...     import nbstate as st
        ...     st.write(st.slider("x", 0, 10))
        >>> live = run_app(app, name="demo")                            # doctest: +SKIP
    """
    from IPython.display import display

    live = start(target, name, **kwargs)
    # a slow first run shows its output as it comes: displayed at its first push
    live._display_first = live._display_now
    try:
        root = live.show()
    finally:
        live._display_first = None
    if not live._displayed:
        display(root)
    live._displayed = True
    return live


def app_magic(line: str, cell: str) -> None:
    """``%%app [NAME]``: run the cell as an app and show it as the cell's output."""
    run_app(cell, name=line.strip() or None)


def live_apps() -> dict[str, LiveApp]:
    """The live apps of this kernel, by name."""
    return dict(_LIVE)
