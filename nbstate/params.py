"""Parameters of Streamlit 1.67's signatures that every element shares: their checks, and
the one-time warning for a parameter that cannot mean anything in a notebook.

A parameter nbstate takes is honoured or, when it cannot be, ``ignored()`` says so once per
session (an :class:`~nbstate.errors.IgnoredParameterWarning` naming the function, the
parameter and why); never silently dropped.

Example (inside an app):
    >>> st.checkbox("Remember me", bind="query-params")                 # doctest: +SKIP
    IgnoredParameterWarning: `st.checkbox(bind='query-params')` is ignored: ...
"""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Callable
from types import FrameType
from typing import Any

from .errors import IgnoredParameterWarning, InvalidArgumentError

#: why each parameter cannot be honoured in a notebook (the warning's reason)
WHY: dict[str, str] = {
    "bind": "a notebook has no page URL whose query parameters a widget could follow",
    "shortcut": "keyboard shortcuts belong to Jupyter in a notebook (Shift+Enter, a, b...); "
                "click the button instead",
    "filter_mode": "the notebook's drop-down (an ipywidgets Dropdown) has no type-to-filter",
    "select_all": "the notebook's multi-select list has no 'select all' entry",
    "wrap_label": "ipywidgets draw a widget's label on one line",
    "time_format": "the notebook's time picker shows times in the browser's own format",
    "type": "the notebook shows one style of expandable box",
    "parallel": "fragments of a notebook app run one after the other in the kernel",
    "refresh_mode": "the notebook's cache recomputes an expired entry in the foreground",
    "size": "in a notebook it keeps the size its frontend gives it (ipywidgets' own widths, "
            "the output area's width for text and boxes)",
    "width": "the notebook lays this element out at its own width (as an ipywidget sizes "
             "itself); put it in st.columns to give it a share of the row",
    "height": "the notebook lays this element out at its own height",
    "autocomplete": "the notebook's text box (an ipywidgets Text) sets no autocomplete hint "
                    "for the browser",
}


def ignored(func: str, param: str, value: Any, why: str) -> None:
    """Warn (once per session, per function and parameter) that ``param`` is ignored.

    Example:
        >>> import warnings
        >>> with warnings.catch_warnings(record=True) as w:              # doctest: +SKIP
        ...     ignored("checkbox", "bind", "query-params", "bind")
    """
    from .run import active_store

    store = active_store()
    tag = f"ignored:{func}:{param}"
    if tag in store.warned:
        return
    store.warned.add(tag)
    message = IgnoredParameterWarning(
        f"`st.{func}({param}={value!r})` is ignored: {WHY.get(why, why)}.")
    frame = user_frame()
    if frame is None:
        warnings.warn(message, stacklevel=3)
    else:  # pointing at the app's line that passed the parameter
        warnings.warn_explicit(message, IgnoredParameterWarning, frame.f_code.co_filename,
                               frame.f_lineno, module=frame.f_globals.get("__name__"),
                               registry=frame.f_globals.setdefault("__warningregistry__", {}))


_PKG = os.path.dirname(os.path.abspath(__file__))


def user_frame() -> FrameType | None:
    """The innermost frame of the user's code (outside this package) on the stack."""
    frame: FrameType | None = sys._getframe(1)
    while frame is not None and os.path.abspath(frame.f_code.co_filename).startswith(_PKG):
        frame = frame.f_back
    return frame


def choice(func: str, param: str, value: Any, allowed: tuple) -> Any:
    """``value`` if it is one of ``allowed``, else a clear error naming the parameter."""
    if isinstance(value, str) or value is None or isinstance(value, bool):
        if value in allowed:
            return value
    raise InvalidArgumentError(
        f"`st.{func}`: {param} must be one of {', '.join(repr(a) for a in allowed)}, "
        f"got {value!r}.")


def on_change(func: str, cb: Any, *, modes: tuple = ("rerun", "ignore"),
              param: str = "on_change") -> tuple[Callable | None, str]:
    """Split Streamlit 1.67's ``on_change`` (a callback, ``"rerun"``, ``"ignore"`` or None)
    into (callback or None, mode)."""
    if cb is None:
        return None, "rerun"
    if callable(cb):
        return cb, "rerun"
    if isinstance(cb, str) and cb in modes:
        return None, cb
    raise InvalidArgumentError(
        f"`st.{func}`: {param} must be a function or one of "
        f"{', '.join(repr(m) for m in modes)}, got {cb!r}.")


def widget_extras(func: str, *, bind: Any = None, persist_state: Any = None,
                  required: bool = False, wrap: Any = None) -> dict:
    """Check the keyword-only parameters widgets gained in 1.67; the props that carry the
    honoured ones (``persist_state``: the value is kept while the widget is not shown;
    ``required``: an empty value from the frontend is refused, see ``App.interact``).

    Example:
        >>> widget_extras("slider", persist_state="session", required=True)
        {'persist_state': 'session', 'required': True}
    """
    if bind is not None:
        choice(func, "bind", bind, ("query-params",))
        ignored(func, "bind", bind, "bind")
    if persist_state is not None:
        choice(func, "persist_state", persist_state, ("page", "session"))
    if wrap is not None and wrap is not False:
        ignored(func, "wrap", wrap, "wrap_label")
    out: dict[str, Any] = {"persist_state": persist_state} if persist_state is not None else {}
    if required:
        out["required"] = True
    return out


def check_width(func: str, width: Any, allow_content: bool = True) -> Any:
    """``width`` if Streamlit takes it: ``"stretch"``, ``"content"`` (if ``allow_content``)
    or a positive number of pixels; else ``InvalidArgumentError``.

    Example:
        >>> check_width("pyplot", 300)
        300
    """
    if width == "stretch" or (allow_content and width == "content") or (
            isinstance(width, int) and not isinstance(width, bool) and width > 0):
        return width
    allowed = "'stretch', 'content'" if allow_content else "'stretch'"
    raise InvalidArgumentError(
        f"`st.{func}`: width must be {allowed} or a positive number of pixels, got {width!r}.")


def size_ignored(func: str, width: Any, default: Any, use_container_width: Any = None,
                 height: Any = "content", default_height: Any = "content") -> None:
    """Warn (once, see ``ignored``) for a ``width``, ``height`` or ``use_container_width``
    other than its default, for the elements whose frontend does not size them.

    Example:
        >>> size_ignored("slider", "stretch", "stretch")  # the default: nothing to say
    """
    from .elements import same

    if use_container_width is not None:
        ignored(func, "use_container_width", use_container_width, "size")
    if not same(width, default, strict=False):
        ignored(func, "width", width, "size")
    if not same(height, default_height, strict=False):
        ignored(func, "height", height, "size")


TEXT_ALIGNMENTS = ("left", "center", "right", "justify")


def text_props(func: str, text_alignment: str, wrap: bool) -> dict:
    """Props of text elements: alignment and wrapping (the live frontend honours both)."""
    choice(func, "text_alignment", text_alignment, TEXT_ALIGNMENTS)
    out: dict[str, Any] = {}
    if text_alignment != "left":
        out["text_alignment"] = text_alignment
    if not wrap:
        out["wrap"] = False
    return out
