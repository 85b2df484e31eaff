"""Session state: the store (``SessionState``) and the mapping users touch (``SessionStateProxy``).

One store per session (one kernel, or one ``AppTest``). It holds the user's keys, the values of
keyed widgets, and the widget registry the run loop maintains. The proxy is a thin
``MutableMapping`` that adds attribute access and the write rules of SPEC §6.

Example:
    >>> ss = SessionStateProxy(SessionState())
    >>> ss.count = 1
    >>> ss["count"] += 1
    >>> ss.to_dict()
    {'count': 2}
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, MutableMapping
from typing import Any

from .config import check_serializable, enforce_serializable
from .errors import (
    InvalidKeyError,
    WidgetAlreadyInstantiatedError,
    missing_key_message,
)


def normalize_key(key: Any) -> str:
    """Turn a key into the string Streamlit would use (``3`` -> ``"3"``); refuse empty ones."""
    if type(key) is not str:
        if key is None:
            raise InvalidKeyError(key)
        key = str(key)
    if not key:
        raise InvalidKeyError(key)
    return key


class WidgetState:
    """The registry record of one widget: what survives between runs."""

    __slots__ = (
        "id", "kind", "key", "label", "spec", "value", "default", "app", "form",
        "callback", "args", "kwargs", "fragment", "shown", "format_func",
    )

    #: ``shown`` when the frontend shows the value (not a cleared form's default)
    UNSET: Any = object()

    def __init__(self, wid: str, kind: Any, key: str | None, label: Any, spec: dict,
                 value: Any, default: Any, app: Any, form: str | None) -> None:
        self.id = wid
        self.kind = kind
        self.key = key
        self.label = label
        self.spec = spec
        self.value = value
        self.default = default
        self.app = app
        self.form = form
        self.fragment: str | None = None
        self.callback: Callable | None = None
        self.format_func: Callable | None = None  # a choice widget's (for AppTest)
        self.args: tuple = ()
        self.kwargs: dict = {}
        self.shown: Any = WidgetState.UNSET

    def __repr__(self) -> str:
        return f"<widget {self.kind.name} {self.label!r} key={self.key!r} value={self.value!r}>"


class SessionState:
    """The store. Users never see it; they see :class:`SessionStateProxy`."""

    def __init__(self) -> None:
        self.values: dict[str, Any] = {}
        # keys whose current value was written through the API and not yet taken by a widget
        self.api_writes: set[str] = set()
        self.widgets: dict[str, WidgetState] = {}
        self.key_owner: dict[str, str] = {}
        # keys of widgets (and forms) created in the run under way: writes to them are refused
        self.frozen: set[str] = set()
        # keys deleted by cleanup, so a later KeyError can say why
        self.cleaned: set[str] = set()
        self.warned: set[str] = set()

    # -- the API's view ---------------------------------------------------------------
    def get_item(self, key: str) -> Any:
        try:
            return self.values[key]
        except KeyError:
            raise KeyError(missing_key_message(key, self._note(key))) from None

    def set_item(self, key: str, value: Any) -> None:
        if key in self.frozen:
            raise WidgetAlreadyInstantiatedError(key)
        if enforce_serializable():
            check_serializable(key, value)
        self.values[key] = value
        self.api_writes.add(key)
        self.cleaned.discard(key)

    def del_item(self, key: str) -> None:
        try:
            del self.values[key]
        except KeyError:
            raise KeyError(missing_key_message(key, self._note(key))) from None
        self.api_writes.discard(key)

    def clear(self) -> None:
        self.values.clear()
        self.api_writes.clear()

    def _note(self, key: str) -> str:
        if key in self.cleaned:
            return (
                "Its widget was not rendered in the last complete run, so the widget and its "
                "key were cleaned up."
            )
        return ""

    # -- the run loop's view ----------------------------------------------------------
    def sync_widget(self, key: str, value: Any) -> None:
        """Mirror a keyed widget's value into the mapping (not an API write): a copy, so
        changing the list read from session state never changes the widget."""
        self.values[key] = fresh(value)
        self.api_writes.discard(key)

    def forget_widget(self, rec: WidgetState) -> None:
        """Cleanup: drop the widget and, if it still owns its key, the key's value."""
        self.widgets.pop(rec.id, None)
        key = rec.key
        if key is not None and self.key_owner.get(key) == rec.id:
            del self.key_owner[key]
            # a value the user wrote through the API since is theirs now (dummy-key workaround)
            if key not in self.api_writes and self.values.pop(key, _MISSING) is not _MISSING:
                self.cleaned.add(key)


_MISSING = object()


def fresh(value: Any) -> Any:
    """A copy of a widget value that the caller may change (Streamlit hands out new
    objects too): lists, dicts and sets are copied, other values are immutable."""
    t = type(value)
    if t is list or t is dict or t is set:
        return t(value)
    return value


class SessionStateProxy(MutableMapping):
    """``st.session_state``: a dict-like view with attribute access.

    Example:
        >>> import nbstate as st
        >>> if "n" not in st.session_state:
        ...     st.session_state.n = 0
    """

    __slots__ = ("_store",)

    def __init__(self, store: SessionState) -> None:
        object.__setattr__(self, "_store", store)

    # mapping
    def __getitem__(self, key: Any) -> Any:
        return self._store.get_item(normalize_key(key))

    def __setitem__(self, key: Any, value: Any) -> None:
        self._store.set_item(normalize_key(key), value)

    def __delitem__(self, key: Any) -> None:
        self._store.del_item(normalize_key(key))

    def __contains__(self, key: object) -> bool:
        try:
            return normalize_key(key) in self._store.values
        except InvalidKeyError:
            return False

    def __iter__(self) -> Iterator[str]:
        # a copy, so `for k in ss.keys(): del ss[k]` (the seed page's loop) works
        return iter(list(self._store.values))

    def __len__(self) -> int:
        return len(self._store.values)

    def clear(self) -> None:
        self._store.clear()

    def to_dict(self) -> dict[str, Any]:
        """A plain-dict copy of the current contents."""
        return dict(self._store.values)

    # attributes
    def __getattr__(self, key: str) -> Any:
        try:
            return self._store.values[key]
        except KeyError:
            raise AttributeError(missing_key_message(key, self._store._note(key))) from None

    def __setattr__(self, key: str, value: Any) -> None:
        self[key] = value

    def __delattr__(self, key: str) -> None:
        try:
            self._store.del_item(key)
        except KeyError:
            raise AttributeError(missing_key_message(key, self._store._note(key))) from None

    def __repr__(self) -> str:
        return repr(self._store.values)

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:
        p.text(repr(self))

    def _repr_markdown_(self) -> str:
        import json

        try:
            body = json.dumps(self._store.values, indent=2, default=repr)
        except Exception:  # any repr is better than none
            body = repr(self._store.values)
        return f"```json\n{body}\n```"
