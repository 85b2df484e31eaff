"""Output while a run goes on: throttled pushes of the run's tree so far to a live frontend.

The core calls ``App.on_flush(tree_so_far)`` each time a run emits an element or changes one in
place (a progress bar, an ``st.empty`` slot, a streamed chunk, a printed line), with a function
that builds the run's tree so far. A ``Pusher`` turns those calls into at most one update of
the live output every ``EVERY`` seconds (building the tree only then):

- nothing is pushed during the first ``FIRST`` seconds of a run, so a fast run (a rerun that
  changes nothing) sends no message more than the final update;
- later, a call pushes at once if the last push ended ``EVERY`` seconds ago (or as long ago
  as it took, if longer: pushes take at most half of a run's time) (leading edge), else it
  is kept and pushed when that time comes (trailing edge), by one timer thread,
  since the run's own thread may be blocked (``time.sleep``, a network read of an LLM's
  stream) for a long while after producing a chunk;
- the push function may decline a tree (it returns ``False``: nothing new to show yet): it is
  kept and offered again ``EVERY`` seconds later, by the timer if the run adds nothing.

The timer thread only pushes under the pusher's lock, which the run's thread takes for its own
pushes and before the final update (``stop``), so two threads never update the widgets at
once. Widget messages from that thread are routed as the run's own (ipykernel sends them from
its IOPub thread, with the shell's parent header).

Example:
    >>> shown = []
    >>> p = Pusher(shown.append, first=0.0, every=10.0)
    >>> p.start()
    >>> p.offer("tree 1"); p.offer("tree 2")   # the second is within 10 s of the first
    >>> shown
    ['tree 1']
    >>> p.stop()   # the run ended: what was kept is dropped (the final update shows it)
"""

from __future__ import annotations

import heapq
import itertools
import math
import sys
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

#: a run shows nothing before this many seconds: a run over by then (most reruns, a re-executed
#: dashboard) sends nothing but its final update, and a tenth of a second is still seen as
#: at once; a longer run shows its progress from then on
FIRST = 0.1
#: at most one push every this many seconds
EVERY = 0.05


class Pusher:
    """Throttled pushes of one app's runs (see the module docstring)."""

    def __init__(self, push: Callable[[Any], Any], *, first: float = FIRST,
                 every: float = EVERY) -> None:
        self._push = push
        self.first = first
        self.every = every
        self.lock = threading.RLock()
        self._start: float | None = None  # perf_counter() when the run began; None: no run
        self._next: float | None = None  # when the next push may go out (None: no push yet)
        self._kept: Any = None  # the latest tree not pushed yet
        self._due: float | None = None  # when the timer pushes it
        self.pushes = 0  # pushes in the run under way

    def start(self) -> None:
        """A run begins."""
        with self.lock:
            self._start = time.perf_counter()
            self._next = self._kept = self._due = None
            self.pushes = 0

    def stop(self) -> None:
        """The run ended (its final tree is shown next): drop what was kept."""
        with self.lock:
            self._start = None
            self._kept = self._due = None

    @property
    def running(self) -> bool:
        return self._start is not None

    def offer(self, tree: Any, urgent: bool = False) -> None:
        """The run's tree so far: push it now, or keep it for the timer. ``urgent`` (what
        the reader waits for, a stream's first chunk) skips the wait for a run's first push;
        pushes stay at most one per ``every`` seconds."""
        if self._start is None:
            return
        if time.perf_counter() >= self._earliest(urgent):
            with self.lock:
                if self._start is None:
                    return
                # (checked again: a push by the timer thread may have ended meanwhile)
                if time.perf_counter() >= self._earliest(urgent):
                    self._kept = self._due = None
                    self._send(tree)
                    return
        self._kept = tree
        if self._due is None:
            self._due = self._earliest(urgent)
            _timer.schedule(self._due, self)

    def _earliest(self, urgent: bool) -> float:
        """When the next push may go out (the run's first: ``first`` after its start)."""
        if self._next is not None:
            return self._next
        start = self._start
        return -math.inf if urgent or start is None else start + self.first

    def _fire(self) -> None:
        """The timer's turn: push the kept tree if the run still goes on."""
        with self.lock:
            if self._start is None or self._kept is None:
                self._due = None
                return
            due = self._due
            if due is not None and time.perf_counter() < due:
                return
            tree, self._kept, self._due = self._kept, None, None
            self._send(tree)

    def age(self) -> float:
        """Seconds since the run under way began (0 between runs)."""
        start = self._start
        return 0.0 if start is None else time.perf_counter() - start

    def _send(self, tree: Any) -> None:
        began = time.perf_counter()
        shown: Any = None
        try:
            shown = self._push(tree)
        except Exception:  # showing progress is a courtesy: the run goes on
            traceback.print_exc(file=sys.__stderr__)
        finally:
            ended = time.perf_counter()
            # the next push comes `every` seconds after this one ended, or as long after as
            # this one took if that is longer: pushing a big app's tree takes long, and a
            # push due at once after each would spend the run on pushes (each one longer)
            self._next = ended + max(self.every, ended - began)
        if shown is False:  # declined: offered again then, even if the run adds nothing
            self._kept, self._due = tree, self._next
            _timer.schedule(self._next, self)
        else:
            self.pushes += 1


class _Timer:
    """One daemon thread that fires pushers at their due times (started on first use)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._heap: list[tuple[float, int, Pusher]] = []
        self._count = itertools.count()
        self._thread: threading.Thread | None = None

    def schedule(self, due: float, pusher: Pusher) -> None:
        with self._cond:
            heapq.heappush(self._heap, (due, next(self._count), pusher))
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._loop, daemon=True,
                                                name="nbstate-pusher")
                self._thread.start()
            self._cond.notify()

    def _loop(self) -> None:
        while True:
            with self._cond:
                while not self._heap:
                    self._cond.wait()
                due, _, pusher = self._heap[0]
                wait = due - time.perf_counter()
                if wait > 0:
                    self._cond.wait(wait)
                    continue
                heapq.heappop(self._heap)
            pusher._fire()


_timer = _Timer()
