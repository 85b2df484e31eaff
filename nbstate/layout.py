"""Containers: ``st.form`` and the object every container returns.

A ``Container`` is what ``st.form(...)`` (and later columns, tabs...) return: use it with
``with`` or call ``st`` functions on it as methods (``form.slider(...)``), as with Streamlit's
DeltaGenerator.

Example (inside an app):
    >>> with st.form("login"):                                         # doctest: +SKIP
    ...     user = st.text_input("User")
    ...     st.form_submit_button("Log in")
"""

from __future__ import annotations

from typing import Any

from .elements import Element
from .errors import (
    DuplicateElementKey,
    InvalidArgumentError,
    InvalidLayoutContextError,
    NbstateAPIException,
)
from .run import RunContext, current, require
from .state import normalize_key

_INHERIT = object()


class Container:
    """A place in the element tree; a context manager and a namespace of ``st`` functions."""

    __slots__ = ("_el", "_form", "_ctx", "_prev")

    def __init__(self, el: Element, ctx: RunContext, form: Any = _INHERIT) -> None:
        self._el = el
        self._ctx = ctx
        # the form this container sits in: the one open where it was created, unless given.
        # So `form.columns(2)` makes columns whose widgets belong to the form, as in Streamlit.
        self._form = ctx.form if form is _INHERIT else form
        self._prev: list = []  # per `with` under way: (the context entered, its form)

    def __enter__(self) -> Container:
        # the context of this thread: a thread given the app's context (add_app_context)
        # has a container stack of its own
        ctx = self._check_run()
        ctx.push(self._el)
        self._prev.append((ctx, ctx.form))
        ctx.form = self._form
        return self

    def __exit__(self, *exc: Any) -> None:
        ctx, form = self._prev.pop() if self._prev else (self._ctx, None)
        ctx.pop(self._el)
        ctx.form = form

    def _check_run(self) -> RunContext:
        ctx = current()
        if ctx is None or ctx.over is not self._ctx.over:  # (`over` is the run's own)
            raise NbstateAPIException(
                "This container belongs to an earlier run: a fragment cannot write to "
                "elements outside of its own container, and a container cannot be reused "
                "across runs. Create the container in the code that writes to it.")
        return ctx

    def __getattr__(self, name: str) -> Any:
        import nbstate

        fn = getattr(nbstate, name)
        if not callable(fn):
            raise AttributeError(name)

        def in_container(*args: Any, **kwargs: Any) -> Any:
            with self:
                return fn(*args, **kwargs)

        in_container.__name__ = name
        in_container.__doc__ = fn.__doc__
        return in_container


def form(key: str, clear_on_submit: bool = False, *, enter_to_submit: bool = True,
         border: bool = True, width: Any = "stretch", height: Any = "content") -> Container:
    """A form: its widgets send their values together when its submit button is pressed.

    Example:
        >>> with st.form("my_form", clear_on_submit=True):              # doctest: +SKIP
        ...     st.slider("My slider", 0, 10, 5, key="my_slider")
        ...     st.form_submit_button("Submit")
    """
    ctx = require("form")
    key = normalize_key(key)
    if ctx.form is not None:
        raise InvalidLayoutContextError(
            f'`st.form("{key}")` is inside the form "{ctx.form}": forms cannot be nested in '
            "other forms. Close the outer form's `with` block first.")
    if key in ctx.form_info:
        raise DuplicateElementKey(key)
    ctx.check_key(key, freeze=True)
    el = ctx.emit(Element("form", id=f"form-{key}", key=key,
                          props={"clear_on_submit": bool(clear_on_submit),
                                 "border": bool(border)}, children=[]))
    ctx.form_info[key] = {"key": key, "clear": bool(clear_on_submit), "submit": False,
                          "widgets": []}
    return Container(el, ctx, form=key)


def container(*, height: Any = None, border: bool | None = None, key: Any = None,
              width: Any = "stretch") -> Container:
    """A group of elements, optionally with a border or a fixed (scrolling) height.

    Example:
        >>> box = st.container(border=True)                             # doctest: +SKIP
        >>> box.write("inside")                                         # doctest: +SKIP
    """
    ctx = require("container")
    if key is not None:
        key = normalize_key(key)
        ctx.check_key(key)
    el = ctx.emit(Element("container", key=key, props={
        "border": bool(border) if border is not None else height is not None,
        "height": height}, children=[]))
    return Container(el, ctx)


def _gap(func: str, gap: Any) -> str | None:
    if gap not in ("small", "medium", "large", None):
        raise InvalidArgumentError(
            f"`st.{func}`: gap must be 'small', 'medium', 'large' or None, got {gap!r}.")
    return gap


def columns(spec: int | list[float] | tuple[float, ...], *, gap: str | None = "small",
            vertical_alignment: str = "top", border: bool = False,
            width: Any = "stretch") -> list[Container]:
    """Side-by-side columns: a count, or a list of relative widths.

    Example:
        >>> left, right = st.columns([2, 1])                            # doctest: +SKIP
        >>> left.slider("x", 0, 10)                                     # doctest: +SKIP
        >>> with right:                                                 # doctest: +SKIP
        ...     st.write("on the right")
    """
    ctx = require("columns")
    if isinstance(spec, bool):
        spec = None  # type: ignore[assignment]
    if isinstance(spec, int) and spec > 0:
        weights = [1.0] * spec
    elif isinstance(spec, (list, tuple)) and spec and all(
            isinstance(w, (int, float)) and not isinstance(w, bool) and w > 0 for w in spec):
        weights = [float(w) for w in spec]
    else:
        raise InvalidArgumentError(
            "The `spec` argument to `st.columns` must be either a positive integer (number of "
            "columns) or a list of positive numbers (width ratios of the columns), got "
            f"{spec!r}.")
    if vertical_alignment not in ("top", "center", "bottom"):
        raise InvalidArgumentError(
            "`st.columns`: vertical_alignment must be 'top', 'center' or 'bottom', got "
            f"{vertical_alignment!r}.")
    total = sum(weights)
    row = ctx.emit(Element("columns", props={"gap": _gap("columns", gap),
                                             "vertical_alignment": vertical_alignment,
                                             "border": bool(border)}, children=[]))
    out = []
    for w in weights:
        col = Element("column", props={"weight": w / total, "border": bool(border)},
                      children=[])
        row.children.append(col)
        out.append(Container(col, ctx))
    return out


def tabs(tabs: list[str] | tuple[str, ...], *, width: Any = "stretch",
         default: str | None = None) -> list[Container]:
    """Tabs: one container per label.

    Example:
        >>> chart, data = st.tabs(["Chart", "Data"])                    # doctest: +SKIP
        >>> data.dataframe(df)                                          # doctest: +SKIP
    """
    ctx = require("tabs")
    labels = list(tabs) if isinstance(tabs, (list, tuple)) else None
    if not labels:
        raise InvalidArgumentError("`st.tabs` needs a non-empty list of tab labels.")
    if not all(isinstance(t, str) for t in labels):
        raise InvalidArgumentError("`st.tabs`: tab labels must be strings.")
    group = ctx.emit(Element("tabs", props={"labels": labels}, children=[]))
    out = []
    for label in labels:
        tab = Element("tab", props={"label": label}, children=[])
        group.children.append(tab)
        out.append(Container(tab, ctx))
    return out


def expander(label: str, expanded: bool = False, *, icon: str | None = None,
             width: Any = "stretch") -> Container:
    """A box that the reader can open and close.

    Example:
        >>> with st.expander("Details"):                                # doctest: +SKIP
        ...     st.write("more")
    """
    ctx = require("expander")
    if not isinstance(label, str) or not label:
        raise InvalidArgumentError("`st.expander` needs a non-empty label.")
    el = ctx.emit(Element("expander", props={"label": label, "expanded": bool(expanded),
                                             "icon": icon}, children=[]))
    return Container(el, ctx)


def popover(label: str, *, help: str | None = None, type: str = "secondary",
            icon: str | None = None, disabled: bool = False,
            use_container_width: bool | None = None, width: Any = "content") -> Container:
    """A button that opens a small panel of elements.

    Example:
        >>> with st.popover("Settings"):                                # doctest: +SKIP
        ...     st.checkbox("Verbose")
    """
    ctx = require("popover")
    el = ctx.emit(Element("popover", props={"label": label, "help": help,
                                            "disabled": bool(disabled), "icon": icon},
                          children=[]))
    return Container(el, ctx)


class Placeholder(Container):
    """What ``st.empty()`` returns: each call on it replaces what it shows."""

    __slots__ = ()

    def __getattr__(self, name: str) -> Any:
        fn = Container.__getattr__(self, name)

        def replace(*args: Any, **kwargs: Any) -> Any:
            self._check_run()  # before clearing: an earlier run's tree is not to be touched
            self._el.children.clear()
            out = fn(*args, **kwargs)
            # a live frontend may show the new content before the run ends (a slow app's
            # `slot.write(...)` in a loop animates, as in Streamlit)
            self._ctx.flush()
            return out

        replace.__name__ = name
        return replace

    def __enter__(self) -> Container:
        self._check_run()
        self._el.children.clear()
        return Container.__enter__(self)

    def __exit__(self, *exc: Any) -> None:
        Container.__exit__(self, *exc)
        self._ctx.flush()

    def empty(self) -> None:
        """Remove what the placeholder shows."""
        self._check_run()
        self._el.children.clear()
        self._ctx.flush()


def empty(*, width: Any = "stretch") -> Placeholder:
    """A placeholder holding one element at a time; write to it again to replace it.

    Example:
        >>> slot = st.empty()                                           # doctest: +SKIP
        >>> slot.text("loading...")                                     # doctest: +SKIP
        >>> slot.text("done")            # replaces "loading..."        # doctest: +SKIP
    """
    ctx = require("empty")
    el = ctx.emit(Element("empty", props={}, children=[]))
    return Placeholder(el, ctx)


class _Sidebar:
    """``st.sidebar``: a panel beside the app's main area (one per app, per run)."""

    def _container(self) -> Container:
        ctx = require("sidebar")
        if ctx.fragment is not None:
            raise NbstateAPIException(
                "Calling st.sidebar in a function wrapped with st.fragment is not supported. "
                "Write to the sidebar outside the fragment.")
        if ctx.sidebar is None:
            ctx.sidebar = Element("sidebar", props={}, children=[])
        return Container(ctx.sidebar, ctx, form=None)

    def __enter__(self) -> Container:
        c = self._container()
        self._stack().append(c)
        return c.__enter__()

    def __exit__(self, *exc: Any) -> None:
        self._stack().pop().__exit__(*exc)

    def _stack(self) -> list:
        return require("sidebar").sidebar_stack

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):  # introspection (doctest, inspect, copy) outside any app
            raise AttributeError(name)
        return getattr(self._container(), name)

    def __repr__(self) -> str:
        return "st.sidebar"


sidebar = _Sidebar()
