"""A bounded map that forgets the least recently used entry first: at most so many entries
and so many bytes in all (an entry's size is what ``size`` says of its key and value),
thread-safe. An entry bigger than an eighth of the bytes is not kept: it would push out
everything else (it is made again each time instead).

Used where reruns ask for the same costly result again: rendered Markdown
(``frontends/html.py``), a matplotlib figure's picture (``figures.py``).

Example:
    >>> texts = LRU(entries=2, bytes=1000, size=lambda key, value: len(value))
    >>> texts.put("a", "alpha"); texts.put("b", "beta"); texts.put("c", "gamma")
    >>> texts.get("a"), texts.get("c"), len(texts), texts.bytes
    (None, 'gamma', 2, 9)
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any


class LRU:
    """See the module's docstring."""

    def __init__(self, *, entries: int, bytes: int,
                 size: Callable[[Any, Any], int]) -> None:
        self.entries, self.max_bytes, self._size = entries, bytes, size
        self._items: OrderedDict[Hashable, tuple[Any, int]] = OrderedDict()
        self.bytes = 0
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> Any | None:
        """The value kept for ``key`` (now the most recently used), or None."""
        with self._lock:
            hit = self._items.get(key)
            if hit is None:
                return None
            self._items.move_to_end(key)
            return hit[0]

    def put(self, key: Hashable, value: Any) -> None:
        """Keep ``value`` for ``key``, forgetting the least recently used entries beyond the
        bounds."""
        size = self._size(key, value)
        if size > self.max_bytes // 8:
            return
        with self._lock:
            old = self._items.pop(key, None)
            self.bytes += size - (old[1] if old else 0)
            self._items[key] = (value, size)
            while self._items and (len(self._items) > self.entries
                                   or self.bytes > self.max_bytes):
                self.bytes -= self._items.popitem(last=False)[1][1]

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self.bytes = 0

    def __len__(self) -> int:
        return len(self._items)

    def items(self) -> list[tuple[Hashable, Any]]:
        """The entries, least recently used first (a copy)."""
        with self._lock:
            return [(k, v) for k, (v, _) in self._items.items()]
