"""Keep an app's output under the Jupyter server's IOPub message rate limit.

The Jupyter server forwards at most ``iopub_msg_rate_limit`` (default 1,000) messages a
second, averaged over ``rate_limit_window`` (default 3 s), to the browser; past that it drops
the kernel's output and writes "IOPub message rate exceeded" into the cell. ``comm_open`` and
``status`` messages are not counted, and the count starts again at each ``idle``. An app of
thousands of widgets can exceed it in one pass (every slider removed: one ``comm_close`` each;
every label edited: one ``update`` each), and what is dropped is the app's output itself.

So nbstate counts the counted messages it sends (widget updates and closes) and, once
``BUDGET`` of them went out within ``WINDOW`` seconds, waits until older ones leave the
window: a huge change takes a few seconds more, and arrives whole. Each run starts a new count
(``reset``), as the server's starts at the ``idle`` that ended the previous request. The budget
is half the server's default, since messages bunch up on the way: a burst that waited in a
queue may arrive just before the next one. No library does this (the server's limit is a
server setting, and ipywidgets sends as it is asked), hence this small module.

Example:
    >>> t = [0.0]
    >>> def wait(s): t[0] += s
    >>> p = Pacer(budget=2, window=3.0, clock=lambda: t[0], sleep=wait)
    >>> p.spend(); p.spend(); p.spend()  # the third waits until the first leaves the window
    >>> t[0]
    3.0
"""

from __future__ import annotations

import collections
import threading
import time
from collections.abc import Callable

#: jupyter_server's default ``ServerApp.rate_limit_window`` (seconds)
WINDOW = 3.0

#: messages nbstate sends within ``WINDOW`` at most: half the server's default allowance
#: (``iopub_msg_rate_limit`` 1,000/s x 3 s), the rest is margin for bunching and for the
#: cell's other output
BUDGET = 1500


class Pacer:
    """Counts messages sent; ``spend(n)`` waits first if they would exceed the budget."""

    def __init__(self, budget: int = BUDGET, window: float = WINDOW,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.budget, self.window = budget, window
        self.clock, self.sleep = clock, sleep
        self.sent: collections.deque[float] = collections.deque()
        self.lock = threading.Lock()

    def reset(self) -> None:
        """A new request: the server's count started again at the previous one's idle."""
        with self.lock:
            self.sent.clear()

    def spend(self, n: int = 1) -> None:
        with self.lock:
            sent = self.sent
            now = self.clock()
            while sent and sent[0] <= now - self.window:
                sent.popleft()
            over = len(sent) + n - self.budget
            if over > 0 and sent:
                until = sent[min(over, len(sent)) - 1] + self.window
                if until > now:
                    self.sleep(until - now)
                now = self.clock()
                while sent and sent[0] <= now - self.window:
                    sent.popleft()
            sent.extend([now] * n)


#: the kernel's one pacer (all apps' output goes through the same server connection)
PACER = Pacer()
