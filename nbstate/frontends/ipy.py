"""The live-notebook frontend: ``%%app`` and ``run_app`` in a real ipykernel.

A ``LiveApp`` owns one core ``App`` (in the notebook's session and namespace) and the ``View``
that shows it. Changes from the browser are queued; the rerun waits until no other shell
message is waiting, so a burst (a slider drag, 50 updates at once) becomes one rerun with all
of them applied. Re-executing the cell reruns the same app with the new code and shows the
same live output in the cell's new output area: the widget models of unchanged elements are
kept (only what changed is sent, what is gone is closed), as an interaction does.

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
import contextlib
import hashlib
import io
import os
import signal
import sys
import threading
import time
import traceback
import uuid
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ..elements import Element, same_props
from ..run import App, current, default_session, exception_element
from . import compat, relay
from .pacing import PACER
from .reconcile import View
from .stream import Pusher

#: an app whose last run took longer (seconds) shows its output stale ("Running...") while it
#: reruns; faster apps are not marked, so that a rerun that changes nothing sends nothing
STALE_AFTER = 0.25

#: what a run emits is shown while it runs, at most this often (seconds; ``stream.Pusher``,
#: which also waits ``stream.FIRST`` before the first push, so that a fast run sends nothing)
PROGRESS_EVERY = 0.05
#: stale_marker.css fades the previous run's elements this long after a run marks them (so a
#: fast rerun shows no fade): before then, a push that would only mark them is left out
FADE_AFTER = 0.3

#: a new output's first run that built more top-level elements than this shows them in
#: batches (this many first, then four times as many each time), displayed after the first
FIRST_BATCH = 100

#: during a burst of updates, milliseconds to wait for the next one before rerunning (the
#: shell-channel thread that forwards them may be starved of CPU and of the GIL: a short gap
#: splits a burst into several reruns on a busy machine). Paid once, at the end of a burst.
BURST_GAP_MS = 30

#: after interactions, the app's picture output is brought up to date once no rerun came for
#: this long (seconds), or at the latest this long after the first of a steady stream: on the
#: kernel's event loop, off the path of an interaction (a saved notebook keeps the picture)
PICTURE_AFTER = 0.5
PICTURE_AT_MOST = 5.0

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
        self.cell: str | None = None  # the id of the cell that last showed it
        self._reuse = False  # the next show() keeps the live output's models (same cell)
        self._before: Element | None = None  # the tree the previous output showed (re-run cell)
        self._pusher = Pusher(self._progress, every=PROGRESS_EVERY)
        self._display_first: Callable[[], None] | None = None  # shows a new output at once
        self._early = False  # displayed before its run ended (the picture comes after)
        self._display_id = uuid.uuid4().hex
        # the picture output, right after the live one (see _display and static.py)
        self._picture_id = uuid.uuid4().hex
        self._picture_sent: tuple[int, int] | None = None  # what it shows (hashes)
        self._picture_of: Element | None = None  # the tree it was made from
        self._picture_last: dict | None = None  # the last picture bundle published
        self._picture_timer: asyncio.TimerHandle | None = None
        self._picture_since = 0.0  # when the pending update was first asked for

    @property
    def name(self) -> str:
        return self.app.name

    @property
    def widget(self) -> Any:
        """The app's output box (display it to show the app once more)."""
        return self.view.root if self.view is not None else None

    def show(self, reuse: bool = False) -> Any:
        """Run the app and return its live output.

        ``reuse``: the cell that showed the app is executed again (the notebook replaces its
        old output area), so the live output's widget models are kept and reconciled with
        the new run, as an interaction does: the elements whose identity is unchanged keep
        their models and only what changed is sent, what is gone is closed, and the new
        output area shows the same root box. Otherwise the previous output is closed and a
        new one is built."""
        PACER.reset()  # a new request: the server's rate count started at the last idle
        reused = reuse and self.view is not None and not self.view.closed
        if reused:
            self._before = None  # the view still shows the last run: progress merges it
        else:
            with deferred_interrupts() as interrupted:  # closing thousands of widgets
                if self.view is not None:
                    self.view.close()
                self.view = View(self._receive)
            # the cell's previous output is gone from the page: while the new run goes on,
            # its elements show (faded) below what the run has shown so far
            self._before = self._shown
            if interrupted:
                raise KeyboardInterrupt  # the cell shows it; the old output is closed in full
            self._shown = None
        self._displayed = self._early = False
        self._display_id = uuid.uuid4().hex
        self.queue.clear()
        if reused and self._display_first is not None:
            # the notebook emptied the cell's output area: the live output, which shows the
            # last run until this one updates it (as a rerun's elements stay in Streamlit), is
            # displayed at once: the browser shows the views it kept (stale_marker.js
            # keepOnClear) while the code runs
            self._display_first = None
            self._display_now(picture="last")
        self._render(self._run(()))
        assert self.view is not None  # (made above; a run does not take it away)
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
        if self.view is not None and not self._displayed:
            self._display()

    def _display(self) -> None:
        """Display the live output, then the picture output right after it (``static.py``):
        the app's static picture (``text/html``, hidden while the app is live) and its
        ``text/plain`` outline, what a saved notebook shows where the widget models are gone
        and what ``pytest --nbval`` compares. A slow first run displayed both already (the
        picture empty): only the picture is brought up to date."""
        from IPython.display import display

        assert self.view is not None, "shown before it is displayed"
        if self._early:
            self._early = False
            # (updated if displayed early, empty; a re-execution displays it only now)
            self._send_picture(update=self._picture_sent is not None)
            return
        self._mark_live()
        display(self._bundle(), raw=True, display_id=self._display_id)
        self._displayed = True
        self._picture_id, self._picture_sent = uuid.uuid4().hex, None
        self._send_picture(update=False)

    def _bundle(self) -> dict:
        """The live output's mime bundle: the widget view and a short ``text/plain`` (never
        the root's ``repr``, which walks every widget of a big app)."""
        from ipywidgets import __protocol_version__

        from .static import live_text

        assert self.view is not None, "a bundle of an output that is shown"
        major, minor = (int(x) for x in __protocol_version__.split(".")[:2])
        return {"text/plain": live_text(self.name),
                "application/vnd.jupyter.widget-view+json": {
                    "version_major": major, "version_minor": minor,
                    "model_id": self.view.root.model_id}}

    def _mark_live(self) -> None:
        """Give the live root box the class that hides the app's picture while it shows."""
        from .static import live_class

        assert self.view is not None
        cls = live_class(self.name)
        if cls not in self.view.root._dom_classes:
            self.view.root.add_class(cls)

    def _picture_bundle(self) -> dict:
        from .static import mimebundle, pending_bundle

        if self._shown is None or self._early:
            # (displayed while its run goes on: a picture of the last run would be replaced
            # at once, and making it would slow the run down; the run's end sends the new one)
            return pending_bundle(self.name)
        return mimebundle(self._shown)

    def _send_picture(self, update: bool) -> None:
        """Display the picture output (``update=False``), or update it if it changed."""
        shown = self._shown
        if update and shown is not None and shown is self._picture_of:
            return  # made from the same tree: the same picture
        try:
            bundle = self._picture_bundle()
        except Exception:  # the picture is a courtesy: the app still shows
            traceback.print_exc(file=sys.__stderr__)
            return
        sent = (hash(bundle["text/plain"]), hash(bundle["text/html"]))
        self._picture_of = shown
        if update and sent == self._picture_sent:
            return
        pub = getattr(_shell(), "display_pub", None)
        if pub is None:
            return
        getattr(pub, "real", pub).publish(
            data=bundle, metadata={}, transient={"display_id": self._picture_id},
            update=update)
        self._picture_sent, self._picture_last = sent, bundle

    def _picture_soon(self) -> None:
        """Update the picture once the reruns pause (``PICTURE_AFTER`` s without one, or
        ``PICTURE_AT_MOST`` s after the first of a steady stream): on the kernel's event
        loop, never in the rerun that answers an interaction."""
        if not self._displayed or self._early:
            return  # (the end of the cell's run displays it)
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return  # no kernel loop (plain IPython): nobody saves this output's picture
        try:
            now = loop.time()
            if self._picture_timer is not None:
                if now - self._picture_since >= PICTURE_AT_MOST:
                    return  # a steady stream of reruns: the pending update goes ahead
                self._picture_timer.cancel()
            else:
                self._picture_since = now
            self._picture_timer = loop.call_later(PICTURE_AFTER, self._picture_now)
        except Exception:  # the picture is a courtesy: never the app's error
            traceback.print_exc(file=sys.__stderr__)

    def _picture_now(self) -> None:
        self._picture_timer = None
        view = self.view
        if view is None or view.closed or not self._displayed or self._early:
            return
        try:
            self._send_picture(update=True)
        except Exception:  # (on the event loop: nobody else would see it)
            traceback.print_exc(file=sys.__stderr__)

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
        PACER.reset()  # (after the idle of the request that brought the changes)
        self.reruns += 1
        self._render(self._run(changes))

    def _render(self, tree: Element | BaseException) -> None:
        """Show a run's tree; an internal error (not the app's: those are in the tree) shows
        as an exception at the top of the app's last output, which stays live."""
        interrupted: list[bool] = []
        try:
            view = self.view
            assert view is not None  # show() made it before any run is rendered
            if isinstance(tree, BaseException):
                raise tree
            if self._display_first is not None and self._shown is None:
                self._stream_first(tree)  # a new output, empty and not displayed yet
            # an interrupt (the stop button) waits until the output is updated in full: a
            # half-reconciled output would show part of two runs and leave widgets open
            with deferred_interrupts() as interrupted:
                with view.marker.hold_sync():  # the run is over: one message says so
                    self._unmark()
                    view.update(tree)
            self._shown = tree
            self._before = None
            self._picture_soon()
            if not interrupted:
                return
            e: BaseException = KeyboardInterrupt(
                "The kernel was interrupted while nbstate updated the app's output; the "
                "update was completed first. The app stays live.")
            rest = tree.contents[1:]
            notices = [*(tree.contents[0].children or ()), exception_element(e)]
        except BaseException as exc:  # a frontend bug shows in the app, not lost
            e = exc
            if not isinstance(e, KeyboardInterrupt):
                traceback.print_exc(file=sys.__stderr__)
            rest = (self._shown.contents[1:] if self._shown is not None
                    else [Element("main", children=[])])
            el = exception_element(e)
            if isinstance(e, KeyboardInterrupt):
                # (landed between two runs of an endless st.rerun() loop: say so)
                self.app.explain_interrupt(el)
            notices = [el]
        try:
            view = self.view
            assert view is not None
            with deferred_interrupts():
                view.update(Element("app", props={"stale": False}, children=[
                    Element("notices", children=notices), *rest]))
        except Exception:  # nothing more can be shown
            traceback.print_exc(file=sys.__stderr__)

    def _run(self, changes: Sequence[tuple[str, Any]]) -> Element | BaseException:
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
        except BaseException as e:  # shown by _render; the kernel keeps serving
            # (an interrupt or a SystemExit landing in nbstate's own code, between the app's
            # lines, ends up here: it must not end the kernel or leave the message unanswered)
            return e
        finally:
            self.app.on_flush = None
            pusher.stop()  # waits for a push under way: the final update comes after it
            self._slow = time.perf_counter() - start > STALE_AFTER

    def _offer(self, tree_so_far: Callable[[], Element]) -> None:
        # (a RunContext's bound method: its run says whether the reader waits for this)
        ctx = getattr(tree_so_far, "__self__", None)
        self._pusher.offer(tree_so_far, urgent=getattr(ctx, "urgent", False))

    def _progress(self, tree_so_far: Callable[[], Element]) -> bool | None:
        """Show a run's tree so far (the pusher calls this, throttled): what the run built,
        then, in each container, the previous run's elements after it, faded, as Streamlit
        shows a rerun under way. The first push of a new output displays it. Declined
        (``False``) while the run has only made what the output shows and the fade would
        not show yet: such a push would change nothing the reader sees."""
        tree = tree_so_far()
        view = self.view
        shown = self._shown if self._shown is not None else self._before
        if view is None or view.closed:
            return None
        if (self._shown is not None and self._pusher.age() < FADE_AFTER
                and _same_so_far(tree, self._shown)):
            return False
        final = {id(e) for e in shown.walk()} if shown is not None else set()
        seen = {e.id for e in tree.walk() if e.id is not None and id(e) not in final}
        carried: list[Element] = []
        merged = _merge(tree, shown, final, seen, carried)
        if self._display_first is not None:
            show, self._display_first = self._display_first, None
            show()
        marker = view.marker
        # (in the run's own thread an interrupt waits until the push is complete, then stops
        # the app's code there; a timer thread's push holds nothing)
        with deferred_interrupts() as interrupted, marker.hold_sync():
            marker.running = True  # the badge shows if the run lasts (CSS delay)
            marker.live = True  # the app is not faded as a whole, only stale_ids are
            view.update(Element("app", props={**tree.props, "stale": False},
                                children=merged.children), partial=True)
            self._mark(carried)
            if marker._states_to_send:
                marker._states_to_send.add("running")  # each says the run is under way
        if interrupted:
            raise KeyboardInterrupt
        return None

    def _mark(self, carried: list[Element]) -> None:
        """Fade the nodes that show the previous run's elements, and only those: one
        message (the marker's ``stale_ids``), whatever their number."""
        view = self.view
        assert view is not None  # (called while a run is shown)
        want = {id(e) for e in carried}
        ids: list[str] = []
        if want:
            for top in view._top:
                for n in top.walk():
                    if id(n.el) in want and not n.closed:
                        ids.append(n.widget.model_id)
        marker = view.marker
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

    def _display_now(self, picture: str | None = "pending") -> None:
        """Display the app's output now (its first run is under way and slow, or its cell
        is executed again), past the capture of ``display()`` into the app, with the picture
        output right after it: ``"pending"`` an empty one (a first run), ``"last"`` the last
        run's picture (a re-executed cell: it stands until this run's end updates it, and the
        browser draws it while the code runs; an unchanged app sends no picture at the end)."""
        shell = _shell()
        if shell is None or self.view is None or self._displayed:
            return
        self._mark_live()
        pub = getattr(shell.display_pub, "real", shell.display_pub)
        pub.publish(data=self._bundle(), metadata={}, transient={"display_id": self._display_id})
        self._displayed = self._early = True
        self._picture_id, self._picture_sent, self._picture_of = uuid.uuid4().hex, None, None
        last = self._picture_last
        if picture == "last" and last is not None:
            pub.publish(data=last, metadata={}, transient={"display_id": self._picture_id})
            self._picture_sent = (hash(last["text/plain"]), hash(last["text/html"]))
        elif picture is not None:
            self._send_picture(update=False)

    def _stream_first(self, tree: Element) -> None:
        """A new output whose run built many elements: show the first ones at once, then
        the rest in growing batches (the browser draws the first while the kernel makes the
        others), rather than every widget before anything shows."""
        top = tree.children or []
        main = next((c for c in top if c.type == "main"), None)
        kids = main.children if main is not None else None
        if main is None or not kids or len(kids) <= FIRST_BATCH or self.view is None:
            return
        k = FIRST_BATCH
        while k < len(kids):
            part = Element(main.type, main.id, main.key, main.props, kids[:k])
            with deferred_interrupts():
                self.view.update(Element(tree.type, props={**tree.props, "stale": False},
                                         children=[part if c is main else c for c in top]),
                                 partial=True)
            if self._display_first is not None:
                show, self._display_first = self._display_first, None
                show()
            k *= 4

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


def _same_so_far(new: Element, old: Element) -> bool:
    """Is the run's tree so far ``new`` the start of ``old`` (the tree shown): each element
    it made equal to the one shown at its place?"""
    if new.type != old.type or new.id != old.id:
        return False
    # (the root's own props say how the run goes; its children are what it shows)
    if new.type != "app" and not same_props(new.props, old.props):
        return False
    return _same_children(new, old)


def _same_children(new: Element, old: Element) -> bool:
    if new.children is None or old.children is None:
        return new.children is None and old.children is None
    news = list(new.children)  # (the run may append meanwhile)
    return len(news) <= len(old.children) and all(
        _same_so_far(c, o) for c, o in zip(news, old.children, strict=False))


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
    if compat.shell_task_waiting():
        return True
    kernel = getattr(_shell(), "kernel", None)
    if gap_ms is None:
        gap_ms = BURST_GAP_MS if _burst else 0
    if relay.more_waiting(kernel, gap_ms):  # (this message came from a subshell: its next)
        return True
    main = compat.main_shell_stream(kernel)
    return compat.socket_waiting(main, 0 if relay.relaying() else gap_ms)


_last_sent: Any = None


def _sent_right_after_the_last() -> bool:
    """Did the client send this update within BURST_SENT_MS of its previous one? A browser
    never does (it waits for the kernel's idle in between): such a client sends bursts."""
    global _last_sent
    try:
        sent = (compat.parent_header(getattr(_shell(), "kernel", None)) or {})["header"]["date"]
    except Exception:  # no kernel, older ipykernel, no date: no evidence
        return False
    last, _last_sent = _last_sent, sent
    try:
        return last is not None and abs((sent - last).total_seconds()) * 1000 < BURST_SENT_MS
    except TypeError:  # dates as strings, or naive and aware mixed
        return False


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
            return
        try:
            with relay.interruptible():  # (on the event loop, between shell messages)
                flush()
        except KeyboardInterrupt:  # landed in nbstate's own code, outside any run
            pass

    loop.call_later(0.02, later)


# -- interrupts while nbstate works ------------------------------------------------------------
_deferring = False


@contextlib.contextmanager
def deferred_interrupts() -> Iterator[list[bool]]:
    """Hold a kernel interrupt (SIGINT, the stop button) until the block ends; the list it
    gives is non-empty afterwards if one arrived. For nbstate's own work on the output
    (reconciling, closing widgets): stopped half-way, it would leave part of two runs shown
    and widgets whose comms nobody closes. The app's code is never run inside it.
    Outside the main thread, or nested, it holds nothing itself.
    """
    global _deferring
    got: list[bool] = []
    if _deferring or threading.current_thread() is not threading.main_thread():
        yield got
        return
    try:
        prev = signal.signal(signal.SIGINT, lambda *_: got.append(True))
    except (ValueError, OSError, TypeError):  # no signals here (an embedded interpreter)
        yield got
        return
    _deferring = True
    try:
        yield got
    finally:
        _deferring = False
        signal.signal(signal.SIGINT, prev if prev is not None else signal.default_int_handler)


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


def _exit_in_app() -> None:
    raise SystemExit("exit() or quit() was called in the app")


class _capture:
    def __enter__(self) -> None:
        self.shell = _shell()
        self.stdout = sys.stdout
        sys.stdout = _AppStdout(self.stdout)
        self.pub = None
        self.exits = None
        if self.shell is not None:
            self.pub = self.shell.display_pub
            self.shell.display_pub = _AppDisplay(self.pub)
            # exit() / quit() (IPython's, in the notebook's namespace) would end the kernel a
            # moment later: in an app they raise SystemExit, shown like sys.exit()
            if hasattr(self.shell, "ask_exit"):
                self.exits = (vars(self.shell).get("ask_exit"),
                              getattr(self.shell, "keepkernel_on_exit", None))
                self.shell.ask_exit = _exit_in_app
        plt = sys.modules.get("matplotlib.pyplot")
        self.figs = set(plt.get_fignums()) if plt is not None else None

    def __exit__(self, *exc: Any) -> None:
        sys.stdout = self.stdout
        if self.shell is not None and self.pub is not None:
            self.shell.display_pub = self.pub
        if self.exits is not None:
            own, keep = self.exits
            if own is None:
                vars(self.shell).pop("ask_exit", None)
            else:
                self.shell.ask_exit = own
            if hasattr(self.shell, "keepkernel_on_exit"):
                self.shell.keepkernel_on_exit = keep
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
    parent = compat.parent_header(getattr(shell, "kernel", None))
    meta = (parent or {}).get("metadata") or {}
    return meta.get("cellId") or meta.get("cell_id")


def _closed_cells(shell: Any) -> list[str]:
    parent = compat.parent_header(getattr(shell, "kernel", None))
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


#: unnamed apps of cells a client sent without a cell id (plain jupyter_client, some
#: frontends) are told apart by their source only, so each edit makes a new app: the oldest
#: beyond this many are closed
CELLLESS_MAX = 8
_CELLLESS: list[str] = []


def _note(text: str) -> None:
    """A line on the cell's stderr (shown in its output area, above the app)."""
    print(f"nbstate: {text}", file=sys.stderr)


def script_path(target: Any) -> Path | None:
    """The script file ``target`` names (a path, or one line of text ending in ``.py``), or
    ``None`` when it is code or a function.

    Example:
        >>> script_path("app.py"), script_path("import nbstate as st\\n")
        (PosixPath('app.py'), None)
    """
    if isinstance(target, os.PathLike):
        return Path(target)
    if isinstance(target, str) and "\n" not in target and target.strip().endswith(".py"):
        return Path(target.strip())
    return None


def _read_script(path: Path) -> tuple[str, str]:
    """(source, absolute filename) of a Streamlit script (while it runs, its folder is on
    ``sys.path``, as in Streamlit: see ``App._call_code``)."""
    full = path.expanduser().resolve()
    if not full.is_file():
        raise FileNotFoundError(
            f"No app script at {str(path)!r} (looked for {str(full)!r}, from the kernel's "
            f"working directory {os.getcwd()!r}).")
    return full.read_text(encoding="utf-8"), str(full)


def start(target: str | Callable | os.PathLike, name: str | None = None,
          **kwargs: Any) -> LiveApp:
    """Create (or rerun with new code) the live app ``name`` and return it, not displayed.

    ``target`` is app code, a function, or the path of a Streamlit script (``"app.py"``):
    a script runs as ``streamlit run`` runs it, as ``__main__`` in a namespace of its own,
    anew on each run; executing the cell again reads the file again."""
    shell = _shell()
    compat.check_versions()  # (once: a warning if ipykernel/ipywidgets are untested ones)
    compat.widen_iopub_queue(getattr(shell, "kernel", None))  # (once per kernel)
    relay.install(getattr(shell, "kernel", None))  # (once per kernel)
    close_deleted_cells()
    path = script_path(target)
    filename = None
    if path is not None:
        target, filename = _read_script(path)
    assert not isinstance(target, os.PathLike)  # a path was read into code just above
    key = _app_name(name, filename or target, shell)
    cell = _cell_id(shell)
    live = _LIVE.get(key)
    if name is None and cell is None and not callable(target) and shell is not None:
        if key in _CELLLESS:
            _CELLLESS.remove(key)
        elif live is None:
            _note("this frontend sent no cell id, so an edited cell cannot be told from a "
                  "new one: each edit starts a new app (state in st.session_state is kept). "
                  "Name the app (%%app NAME) to rerun the same app when the cell is edited.")
        _CELLLESS.append(key)
        while len(_CELLLESS) > CELLLESS_MAX:
            old = _LIVE.get(_CELLLESS.pop(0))
            if old is not None:
                old.close()
    elif live is not None and name and cell is not None and live.cell not in (None, cell):
        _note(f'the app "{name}" was shown by another cell, whose output is now inactive: '
              "one app has one live output. Give each cell its own name to keep both.")
    if live is None:
        ns = (shell.user_ns if shell is not None and not callable(target) and filename is None
              else None)
        app = App(target, name=key, session=default_session(), namespace=ns,
                  fresh_namespace=False if ns is not None else None, filename=filename,
                  args=tuple(kwargs.pop("args", ())), kwargs=kwargs.pop("kwargs", None))
        # the stop button interrupts a run: shown in the app like any error, the app stays live
        app.catch_interrupts = True
        app.quiet_ignored = True  # on_change="ignore" widgets store their value, no rerun
        live = _LIVE[key] = LiveApp(app)
    else:
        # a value a widget cannot take, written to its key (by a callback), would keep
        # every run failing: executing the cell again discards it (the error says so)
        live.app.discard_invalid_writes()
        try:
            app = live.app
            if filename is not None:  # a script: its own fresh namespace on each run
                app.filename, app.fresh_namespace = filename, True
            elif app.fresh_namespace and shell is not None and not callable(target):
                # was a script, is cell code again: the notebook's namespace
                app.filename = f"<nbstate app {app.name}>"
                app.fresh_namespace, app._namespace = False, shell.user_ns
            live.app.set_target(target)
        except BaseException:
            # the edited cell does not compile: the browser dropped the old output, so close
            # its widgets (the app and its state stay, for the next execution)
            if live.view is not None:
                live.view.close()
                live.view = None
            raise
    # the same cell executed again: its output area is replaced, the live models are reused
    live._reuse = live.view is not None and live.cell == cell
    live.cell = cell
    return live


def run_app(target: str | Callable | os.PathLike, name: str | None = None,
            **kwargs: Any) -> LiveApp:
    """Run ``target`` (source text, a function, or a Streamlit script's path such as
    ``"app.py"``) as a live app, display it, return it.

    Example:
        >>> def app():                                                  # doctest: +SKIP
        ...     import nbstate as st
        ...     st.write(st.slider("x", 0, 10))
        >>> live = run_app(app, name="demo")                            # doctest: +SKIP
        >>> run_app("app.py")          # an existing Streamlit script   # doctest: +SKIP
    """
    live = start(target, name, **kwargs)
    # a slow first run shows its output as it comes: displayed at its first push (not in a
    # headless run, which nobody watches: its saved output must not depend on timing)
    live._display_first = None if _headless() else live._display_now
    try:
        live.show(reuse=live._reuse)
    finally:
        live._display_first = None
    if not live._displayed or live._early:
        # (a slow first run displayed its output at its first push: the picture is added)
        live._display()
    error = live.app.last_error
    if error is not None and _headless():
        # nobody can see the app's output (nbval, nbconvert --execute, papermill): the cell
        # fails, with the app's traceback, so that the notebook's run fails
        from ..errors import AppRunError

        raise AppRunError(live.name, error)
    return live


def _headless() -> bool:
    """Is this cell run with no live frontend to show the app (nbval, nbconvert --execute,
    papermill)? Such a client (nbclient, nbval) sends its execution requests with
    ``allow_stdin`` off and never opens the widget control comm that a browser's widget manager
    opens as it connects (JupyterLab, Notebook 7, VS Code); Voila runs the cells the same way
    before its page connects, so it is told apart by the variables it gives its kernels."""
    import os

    if os.environ.get("SERVER_SOFTWARE", "").startswith("voila") or any(
            k.startswith("VOILA_") for k in os.environ):
        return False
    kernel = getattr(_shell(), "kernel", None)
    if kernel is None or getattr(kernel, "_allow_stdin", False):
        return False  # not a kernel (plain IPython), or a frontend that can answer input()
    try:
        from ipywidgets import Widget
    except ImportError:
        return True
    return getattr(Widget, "_control_comm", None) is None


def app_magic(line: str, cell: str) -> None:
    """``%%app [NAME]``: run the cell as an app and show it as the cell's output.
    ``%%app [NAME] --file app.py``: run that Streamlit script (the cell holds nothing else;
    executing it again reads the file again)."""
    from ..magic import parse_app_args

    name, file = parse_app_args(line)
    if file is None:
        run_app(cell, name=name)
        return
    if cell.strip():
        raise ValueError(
            f"%%app --file {file}: this cell runs the file, so its own code would be "
            "ignored. Move the code into the file, or into a cell of its own.")
    run_app(Path(file), name=name)


def app_line_magic(line: str) -> None:
    """``%app [NAME] --file app.py``: run a Streamlit script as a live app (a one-line
    ``%%app --file app.py`` cell comes here too)."""
    from ..magic import parse_app_args

    name, file = parse_app_args(line)
    if file is None:
        raise ValueError(
            "%app needs --file PATH (run a Streamlit script), or use the cell magic: start a "
            "cell with %%app and put the app's code under it.")
    run_app(Path(file), name=name)


def live_apps() -> dict[str, LiveApp]:
    """The live apps of this kernel, by name."""
    return dict(_LIVE)
