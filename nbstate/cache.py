"""``st.cache_data`` and ``st.cache_resource``, with Streamlit's semantics.

``cache_data`` stores a pickled copy of the result and hands each caller a fresh copy, so callers
can mutate what they get (a pandas 3 or polars DataFrame or Series, whose copy-on-write makes a
shallow copy behave as a deep one, is kept as such and handed out as shallow copies: a rerun of
an app that caches a 0.8 GB frame no longer unpickles 0.8 GB); ``cache_resource`` stores the
object itself and hands every caller the same one (connections, models). Arguments are
hashed by value; a parameter whose name starts with ``_`` is not hashed. ``ttl``,
``max_entries``, ``hash_funcs``, ``.clear()`` and ``st.cache_data.clear()`` work as in
Streamlit. The caches live as long as the kernel.

Example:
    >>> calls = []
    >>> @cache_data
    ... def load(n):
    ...     calls.append(n)
    ...     return list(range(n))
    >>> load(3), load(3), len(calls)
    ([0, 1, 2], [0, 1, 2], 1)
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import functools
import hashlib
import inspect
import pickle
import re
import sys
import threading
import time
import types
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .errors import NbstateAPIException


class UnhashableParamError(NbstateAPIException):
    """An argument of a cached function that nbstate cannot hash."""


class UnserializableReturnValueError(NbstateAPIException):
    """A ``cache_data`` function returned something that cannot be pickled."""


_TTL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)?\s*$")
_UNIT = {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800, None: 1}


def _ttl_seconds(ttl: Any) -> float | None:
    if ttl is None:
        return None
    if isinstance(ttl, _dt.timedelta):
        return ttl.total_seconds()
    if isinstance(ttl, (int, float)) and not isinstance(ttl, bool):
        return float(ttl)
    if isinstance(ttl, str):
        m = _TTL.match(ttl)
        if m:
            return float(m.group(1)) * _UNIT[m.group(2)]
    raise NbstateAPIException(
        f"ttl must be a number of seconds, a timedelta or a string such as '10m', got {ttl!r}.")


def _hash_value(v: Any, h: Any, hash_funcs: dict, seen: set) -> None:
    """Feed a stable digest of ``v`` into ``h`` (by value, not by identity)."""
    for t, fn in hash_funcs.items():
        if (isinstance(t, type) and isinstance(v, t)) or (
                isinstance(t, str) and f"{type(v).__module__}.{type(v).__qualname__}" == t):
            _hash_value(fn(v), h, {}, seen)
            return
    tname = type(v).__qualname__
    h.update(tname.encode())
    if v is None or isinstance(v, (bool, int, float, complex, str, bytes)):
        h.update(repr(v).encode())
        return
    if id(v) in seen:
        h.update(b"<cycle>")
        return
    seen.add(id(v))
    if isinstance(v, (list, tuple)):
        h.update(str(len(v)).encode())
        for x in v:
            _hash_value(x, h, hash_funcs, seen)
        return
    if isinstance(v, dict):
        for k, x in v.items():
            _hash_value(k, h, hash_funcs, seen)
            _hash_value(x, h, hash_funcs, seen)
        return
    if isinstance(v, (set, frozenset)):
        for r in sorted(repr(x) for x in v):
            h.update(r.encode())
        return
    mod = type(v).__module__
    if mod.startswith("pandas"):
        import pandas as pd

        h.update(pd.util.hash_pandas_object(v, index=True).values.tobytes())
        h.update(repr(getattr(v, "columns", getattr(v, "name", ""))).encode())
        return
    if mod == "numpy" and hasattr(v, "tobytes"):
        h.update(repr((v.dtype, v.shape)).encode())
        h.update(v.tobytes())
        return
    # callables as Streamlit 1.67 hashes them (runtime/caching/hashing.py): builtins, modules
    # and classes by name, a partial by its function and arguments, a bound method by its
    # object and name; a plain function or lambda cannot be hashed (its code and name say
    # nothing of the values it closes over: two closures would share one cache entry)
    if inspect.isbuiltin(v) or inspect.ismodule(v) or type(v).__name__ == "ufunc":
        h.update(v.__name__.encode())
        return
    if inspect.isclass(v):
        h.update(f"{v.__module__}.{v.__qualname__}".encode())
        return
    if isinstance(v, functools.partial):
        _hash_value(v.func, h, hash_funcs, seen)
        _hash_value(v.args, h, hash_funcs, seen)
        _hash_value(v.keywords, h, hash_funcs, seen)
        return
    if isinstance(v, types.MethodType):
        _hash_value(v.__self__, h, hash_funcs, seen)
        h.update(v.__func__.__name__.encode())
        return
    if isinstance(v, types.FunctionType):
        raise _Unhashable(v, "a function's result depends on the values it closes over")
    try:
        h.update(pickle.dumps(v, protocol=4))
    except Exception as e:  # reported with a way out
        raise _Unhashable(v, str(e)) from None


class _Unhashable(Exception):
    """Raised while hashing; ``_CachedFunction._key`` turns it into an UnhashableParamError
    naming the argument and the function."""

    def __init__(self, value: Any, why: str) -> None:
        super().__init__(why)
        self.value = value


class _Cache:
    def __init__(self, ttl: float | None, max_entries: int | None) -> None:
        self.ttl = ttl
        self.max_entries = max_entries
        self.entries: OrderedDict[str, tuple[float, Any]] = OrderedDict()
        self.lock = threading.RLock()
        # one lock per key being computed now (not per key ever seen): [lock, users, thread
        # computing it]; gone when the last caller is done
        self.key_locks: dict[str, list] = {}
        self._swept = time.monotonic()

    def get(self, key: str) -> tuple[bool, Any]:
        with self.lock:
            hit = self.entries.get(key)
            if hit is None:
                return False, None
            stamp, value = hit
            if self.ttl is not None and time.monotonic() - stamp > self.ttl:
                del self.entries[key]
                return False, None
            self.entries.move_to_end(key)
            return True, value

    def put(self, key: str, value: Any) -> None:
        with self.lock:
            now = time.monotonic()
            self.entries[key] = (now, value)
            self.entries.move_to_end(key)
            if self.ttl is not None and now - self._swept > self.ttl:
                # expired entries go even if their key is never read again (at most one
                # sweep per ttl period, so a put stays cheap on average)
                self._swept = now
                for k in [k for k, (stamp, _) in self.entries.items() if now - stamp > self.ttl]:
                    del self.entries[k]
            if self.max_entries is not None:
                while len(self.entries) > self.max_entries:
                    self.entries.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()


class _CachedFunction:
    """A function wrapped by a cache decorator; ``.clear()`` empties its cache."""

    def __init__(self, func: Callable, kind: _CacheKind, ttl: Any, max_entries: int | None,
                 show_spinner: Any, hash_funcs: dict | None, persist: str | None = None, *,
                 show_time: bool = False, validate: Callable | None = None) -> None:
        self._func = func
        self._persist = persist
        self._show_time = bool(show_time)
        self._validate = validate
        self._kind = kind
        self._hash_funcs = dict(hash_funcs or {})
        self._show_spinner = show_spinner
        self._sig = inspect.signature(func)
        try:
            src = inspect.getsource(func)
        except (OSError, TypeError):
            src = func.__qualname__
        self._fn_key = hashlib.blake2b(
            f"{func.__module__}.{func.__qualname__}\n{src}".encode(), digest_size=16).digest()
        # an app's code runs again on every rerun and so redefines its cached functions: the
        # storage belongs to the function's source, not to this object, or nothing would hit
        self._cache = kind._cache_for(self._fn_key, _ttl_seconds(ttl), max_entries)
        functools.update_wrapper(self, func)

    def _key(self, args: tuple, kwargs: dict) -> str:
        h = hashlib.blake2b(self._fn_key, digest_size=16)
        bound = self._sig.bind(*args, **kwargs)
        bound.apply_defaults()
        for name, value in bound.arguments.items():
            if name.startswith("_"):
                continue
            h.update(name.encode())
            try:
                _hash_value(value, h, self._hash_funcs, set())
            except _Unhashable as e:
                raise UnhashableParamError(self._unhashable_message(name, e)) from None
        return h.hexdigest()

    def _unhashable_message(self, name: str, e: _Unhashable) -> str:
        """Streamlit's message, and which value inside the argument could not be hashed."""
        t = type(e.value)
        fqn = f"{t.__module__}.{t.__qualname__}"
        func = getattr(self._func, "__name__", "unknown")
        return (
            f"Cannot hash argument '{name}' (of type `{fqn}`) in '{func}' ({e}).\n\n"
            "To address this, you can tell nbstate not to hash this argument by adding a "
            "leading underscore to the argument's name in the function signature:\n\n"
            f"```\n@st.{self._kind._name}\ndef {func}(_{name}, ...):\n    ...\n```\n\n"
            f"or pass `hash_funcs={{{t.__qualname__}: some_function}}` to the decorator.")

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        key = self._key(args, kwargs)
        found, stored = self._cache.get(key)
        if found and (self._validate is None or self._validate(stored)):
            return self._kind._hand_out(stored)
        cache = self._cache
        if found:  # validate= said the cached resource is no longer good
            with cache.lock:
                cache.entries.pop(key, None)
        me = threading.get_ident()
        computed: list[Any] = []  # the value this call computed, handed out as it is
        with cache.lock:
            slot = cache.key_locks.get(key)
            if slot is None:
                slot = cache.key_locks[key] = [threading.Lock(), 0, None]
            elif slot[2] == me:
                # the function called itself with the same arguments while computing them:
                # waiting for itself would hang the kernel forever
                raise RecursionError(
                    f"`{self._func.__qualname__}` (cached with st.{self._kind._name}) called "
                    "itself with the same arguments while computing them; its result would "
                    "depend on itself.")
            slot[1] += 1
        try:
            with slot[0]:  # one computation per key even with concurrent callers
                found, stored = cache.get(key)
                if not found and self._persist:
                    found, stored = _disk_get(self._disk_key(key))
                    if found:
                        cache.put(key, stored)
                if not found:
                    slot[2] = me
                    try:
                        with self._spinner():
                            value = self._func(*args, **kwargs)
                    finally:
                        slot[2] = None
                    stored = self._kind._store(value, self._func)
                    cache.put(key, stored)
                    if self._persist:
                        _disk_put(self._disk_key(key), _as_bytes(stored))
                    computed.append(value)
        finally:
            with cache.lock:
                slot[1] -= 1
                if slot[1] == 0 and cache.key_locks.get(key) is slot:
                    del cache.key_locks[key]
        # As Streamlit: the caller that computed the value gets it as the function returned
        # it (the cache holds a pickled copy already, which later callers get copies of);
        # unpickling it again would cost as much as the pickling (0.4 s for a 0.8 GB frame).
        return computed[0] if computed else self._kind._hand_out(stored)

    def _spinner(self) -> Any:
        """What Streamlit shows while a cached function computes (``show_spinner``): a
        spinner saying "Running `load(...)`.", inside an app only."""
        from .run import current

        show = self._show_spinner
        if not show or current() is None:
            return contextlib.nullcontext()
        from .rich import spinner

        text = show if isinstance(show, str) else f"Running `{self._func.__qualname__}(...)`."
        return spinner(text, show_time=self._show_time)

    def clear(self, *args: Any, **kwargs: Any) -> None:
        """Empty this function's cache (or, with arguments, only that entry)."""
        if args or kwargs:
            key = self._key(args, kwargs)
            with self._cache.lock:
                self._cache.entries.pop(key, None)
            if self._persist:
                _disk_path(self._disk_key(key)).unlink(missing_ok=True)
        else:
            if self._persist:
                for path in _disk_dir().glob(f"{self._fn_key.hex()}-*.memo"):
                    path.unlink(missing_ok=True)
            self._cache.clear()

    def _disk_key(self, key: str) -> str:
        """The file name (without suffix) of one entry on disk: function, then arguments."""
        return f"{self._fn_key.hex()}-{key}"

    def __get__(self, obj: Any, objtype: Any = None) -> Any:
        if obj is None:
            return self
        return functools.partial(self.__call__, obj)


class _CacheKind:
    """The decorator object behind ``st.cache_data`` / ``st.cache_resource``."""

    def __init__(self, name: str, copies: bool) -> None:
        self._name = name
        self._copies = copies
        self._caches: dict[bytes, _Cache] = {}
        self._lock = threading.Lock()

    def _cache_for(self, fn_key: bytes, ttl: float | None, max_entries: int | None) -> _Cache:
        with self._lock:
            cache = self._caches.get(fn_key)
            if cache is None:
                cache = self._caches[fn_key] = _Cache(ttl, max_entries)
            else:
                cache.ttl, cache.max_entries = ttl, max_entries
            return cache

    def _decorate(self, func: Callable | None, ttl: Any, max_entries: int | None,
                  show_spinner: Any, show_time: bool, hash_funcs: dict | None,
                  validate: Callable | None, scope: str, refresh_mode: str,
                  persist: Any = None, **unsupported: Any) -> Any:
        from .params import ignored

        if max_entries is not None and (not isinstance(max_entries, int) or max_entries < 1):
            raise NbstateAPIException(f"`st.{self._name}`: max_entries must be a positive int.")
        _ttl_seconds(ttl)  # fail at decoration time, naming the bad ttl
        if scope not in ("global", "session"):
            raise NbstateAPIException(
                f"`st.{self._name}`: scope must be 'global' or 'session', got {scope!r}.")
        if scope == "session":
            ignored(self._name, "scope", scope, "a notebook kernel serves one session, so "
                    "the global cache is already this session's")
        if refresh_mode != "foreground":
            ignored(self._name, "refresh_mode", refresh_mode, "refresh_mode")
        for name, (value, why) in unsupported.items():
            if value is not None and value is not False:
                ignored(self._name, name, value, why)

        mode = self._persist_mode(persist, ttl)

        def wrap(f: Callable) -> _CachedFunction:
            return _CachedFunction(f, self, ttl, max_entries, show_spinner, hash_funcs, mode,
                                   show_time=show_time, validate=validate)

        return wrap(func) if func is not None else wrap

    def _persist_mode(self, persist: Any, ttl: Any) -> str | None:
        """``persist``: ``"disk"`` (or ``True``) keeps ``cache_data`` values in
        ``~/.streamlit/cache`` across kernel restarts, as Streamlit does."""
        if persist in (None, False):
            return None
        if persist not in (True, "disk"):
            raise NbstateAPIException(
                f"`st.{self._name}`: persist must be None, False, True or 'disk', got "
                f"{persist!r}.")
        if not self._copies:
            raise NbstateAPIException(
                "`st.cache_resource` cannot persist to disk: its values are shared objects "
                "(connections, models), not copies. Use `st.cache_data(persist='disk')`.")
        if ttl is not None:
            import warnings

            from .errors import IgnoredParameterWarning

            warnings.warn(f"`st.{self._name}`: ttl is ignored for values persisted to disk "
                          "(as in Streamlit, a disk cache does not expire).",
                          IgnoredParameterWarning, stacklevel=3)
        return "disk"

    def clear(self) -> None:
        """Empty every cache of this kind (and, for ``cache_data``, the disk cache)."""
        with self._lock:
            caches = list(self._caches.values())
        for c in caches:
            c.clear()
        if self._copies:
            import shutil

            shutil.rmtree(_disk_dir(), ignore_errors=True)

    def _store(self, value: Any, func: Callable) -> Any:
        if not self._copies:
            return value
        copier = _cheap_copier(value)
        if copier is not None:
            return _Lazy(copier(value), copier)
        try:
            return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as e:  # reported with a way out
            raise UnserializableReturnValueError(
                f"`st.cache_data` cannot cache the return value of `{func.__qualname__}()`: "
                f"{type(value).__name__} cannot be pickled ({e}). Return something picklable, "
                "or use `st.cache_resource` for objects that should be shared, not copied."
            ) from None

    def _hand_out(self, stored: Any) -> Any:
        if not self._copies:
            return stored
        if isinstance(stored, _Lazy):
            return stored.copier(stored.value)
        return pickle.loads(stored)


class _Lazy:
    """A cached data frame handed out as cheap copies (see ``_cheap_copier``)."""

    __slots__ = ("copier", "value")

    def __init__(self, value: Any, copier: Callable[[Any], Any]) -> None:
        self.value, self.copier = value, copier


def _cheap_copier(value: Any) -> Callable[[Any], Any] | None:
    """How to copy ``value`` without copying its data, if such a copy is as good as the
    unpickled copy Streamlit hands out; None otherwise.

    - A pandas DataFrame or Series of pandas 3, where every object copies on write: writing to
      a shallow copy (``loc``, a new column, an in-place method, its index's name) copies what
      it changes first, its NumPy views are read-only, its ``attrs`` are deep-copied, so the
      cache and every other caller never see it.
    - A polars DataFrame or Series: ``clone()`` shares the column buffers, which polars copies
      before writing to them (``df[0, "a"] = ...``, ``insert_column``, renaming columns).

    Not for columns or an index holding Python objects (a list in a cell would be shared) nor
    for subclasses.

    Example:
        >>> import pandas as pd
        >>> _cheap_copier(pd.DataFrame({"a": [1.0]})) is not None
        True
        >>> _cheap_copier(pd.Series([[1]])) is None   # lists in the cells
        True
    """
    pd, pl = sys.modules.get("pandas"), sys.modules.get("polars")
    if pd is not None and type(value) in (pd.DataFrame, pd.Series):
        if int(pd.__version__.split(".")[0]) < 3:
            return None  # (copy-on-write may be off)
        dtypes = [value.dtype] if isinstance(value, pd.Series) else list(value.dtypes)
        index = value.index
        levels = index.levels if isinstance(index, pd.MultiIndex) else [index]
        if all(str(d) != "object" for d in [*dtypes, *(lv.dtype for lv in levels)]):
            return _pandas_copy
    if pl is not None and type(value) in (pl.DataFrame, pl.Series):
        dtypes = [value.dtype] if isinstance(value, pl.Series) else list(value.dtypes)
        if not any(d == pl.Object for d in dtypes):
            return _polars_copy
    return None


def _pandas_copy(value: Any) -> Any:
    return value.copy(deep=False)


def _polars_copy(value: Any) -> Any:
    return value.clone()


def _as_bytes(stored: Any) -> bytes:
    """What ``persist="disk"`` writes: the pickled value."""
    if isinstance(stored, _Lazy):
        return pickle.dumps(stored.value, protocol=pickle.HIGHEST_PROTOCOL)
    return stored


def _disk_dir() -> Path:
    """Where ``persist="disk"`` values live: ``~/.streamlit/cache``, as in Streamlit."""
    return Path.home() / ".streamlit" / "cache"


def _disk_path(key: str) -> Path:
    return _disk_dir() / f"{key}.memo"


def _disk_get(key: str) -> tuple[bool, Any]:
    try:
        return True, _disk_path(key).read_bytes()
    except OSError:
        return False, None


def _disk_put(key: str, stored: bytes) -> None:
    path = _disk_path(key)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(stored)
        tmp.replace(path)
    except OSError as e:
        raise NbstateAPIException(
            f"`st.cache_data(persist='disk')` could not write {path}: {e}") from None



class _CacheData(_CacheKind):
    def __call__(self, func: Callable | None = None, *, ttl: Any = None,
                 max_entries: int | None = None, max_size: int | str | None = None,
                 show_spinner: Any = True, show_time: bool = False, persist: Any = None,
                 hash_funcs: dict | None = None, scope: str = "global",
                 refresh_mode: str = "foreground") -> Any:
        """Cache a function's return value by its arguments (a copy per caller).

        Example:
            >>> @st.cache_data(ttl="1h")                              # doctest: +SKIP
            ... def load(url): return pd.read_csv(url)
        """
        return self._decorate(
            func, ttl, max_entries, show_spinner, show_time, hash_funcs, None, scope,
            refresh_mode,
            max_size=(max_size, "the notebook's cache bounds entries by count (max_entries), "
                      "not by size"),
            persist=persist)


class _CacheResource(_CacheKind):
    def __call__(self, func: Callable | None = None, *, ttl: Any = None,
                 max_entries: int | None = None, show_spinner: Any = True,
                 show_time: bool = False, validate: Callable | None = None,
                 hash_funcs: dict | None = None, on_release: Callable | None = None,
                 scope: str = "global", refresh_mode: str = "foreground") -> Any:
        """Cache a shared resource (one object for every caller): connections, models.

        Example:
            >>> @st.cache_resource                                     # doctest: +SKIP
            ... def model(): return load_model()
        """
        return self._decorate(
            func, ttl, max_entries, show_spinner, show_time, hash_funcs, validate, scope,
            refresh_mode,
            on_release=(on_release, "the notebook's cache does not call a release function "
                        "when it drops an entry"))


cache_data = _CacheData("cache_data", copies=True)
cache_resource = _CacheResource("cache_resource", copies=False)
