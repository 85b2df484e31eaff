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
from .errors import DuplicateElementKey, InvalidLayoutContextError
from .run import RunContext, require
from .state import normalize_key


class Container:
    """A place in the element tree; a context manager and a namespace of ``st`` functions."""

    __slots__ = ("_el", "_form", "_ctx", "_prev")

    def __init__(self, el: Element, ctx: RunContext, form: str | None = None) -> None:
        self._el = el
        self._ctx = ctx
        self._form = form
        self._prev: str | None = None

    def __enter__(self) -> Container:
        ctx = self._ctx
        ctx.push(self._el)
        self._prev = ctx.form
        if self._form is not None:
            ctx.form = self._form
        return self

    def __exit__(self, *exc: Any) -> None:
        ctx = self._ctx
        ctx.pop(self._el)
        ctx.form = self._prev

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
    ctx.check_key(key)
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
