"""``st.dialog`` and ``st.grid``: the container blocks Streamlit 1.67 added.

A dialog is a fragment drawn in a modal over the app: calling the decorated function opens it;
widgets inside it rerun only the dialog (so it stays open); ``st.rerun()`` reruns the whole app,
and since the code that opened it (usually a button) does not call it again, it closes, as in
Streamlit. Its close button (``dismissible=True``) is a button-like widget of the dialog: a
click reruns the app (the dialog then closes) after calling ``on_dismiss`` if it is a function.

Example (inside an app):
    >>> @st.dialog("Cast your vote")                                     # doctest: +SKIP
    ... def vote(item):
    ...     reason = st.text_input("Because...")
    ...     if st.button("Submit"):
    ...         st.session_state.vote = {"item": item, "reason": reason}
    ...         st.rerun()
    >>> if st.button("A"):                                               # doctest: +SKIP
    ...     vote("A")
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from .elements import Element
from .errors import InvalidArgumentError, NbstateAPIException
from .icons import check_icon
from .kinds import Kind, check_trigger, state_never
from .layout import Container
from .params import size_ignored
from .run import require

#: the close button of a dialog: button-like (True for the one run after a click)
DIALOG_DISMISS = Kind("dialog_dismiss", check_trigger, state_never, button_like=True,
                      settable=False, callback="on_click", value_type="bool")

_WIDTHS = {"small": 500, "medium": 750, "large": 1280}


def dialog(title: Any, *, width: Any = "small", position: str = "center",
           dismissible: bool = True, icon: str | None = None,
           on_dismiss: Any = "ignore") -> Any:
    """Decorate a function so that calling it opens a modal dialog showing what it writes.

    Example:
        >>> @st.dialog("Settings", width="medium")                        # doctest: +SKIP
        ... def settings():
        ...     st.checkbox("Dark mode", key="dark")
    """
    if not (width in _WIDTHS or (isinstance(width, int) and not isinstance(width, bool)
                                 and width > 0)):
        raise InvalidArgumentError(
            f"`st.dialog`: width must be 'small', 'medium', 'large' or a number of pixels, got "
            f"{width!r}.")
    if position not in ("left", "center", "right"):
        raise InvalidArgumentError(
            f"`st.dialog`: position must be 'left', 'center' or 'right', got {position!r}.")
    if not (on_dismiss in ("ignore", "rerun") or callable(on_dismiss)):
        raise InvalidArgumentError(
            f"`st.dialog`: on_dismiss must be 'ignore', 'rerun' or a function, got "
            f"{on_dismiss!r}.")

    def decorate(func: Callable, heading: str) -> Callable:
        @functools.wraps(func)
        def open_dialog(*args: Any, **kwargs: Any) -> Any:
            # (a widget inside the dialog reruns only `func`, its fragment, in place)
            ctx = require("dialog")
            if ctx.dialog_open is not None:
                raise NbstateAPIException(
                    "Only one dialog is allowed to be opened at the same time. Please make "
                    "sure to not call a dialog-decorated function more than once in a script "
                    "run.")
            shown_icon = check_icon(icon, "dialog", heading)
            ctx.dialog_open = heading
            px = _WIDTHS.get(width, width)
            el = ctx.emit(Element("dialog", props={
                "title": heading, "width": px, "position": position,
                "dismissible": bool(dismissible), "icon": shown_icon,
                "event": ctx.event_order()}, children=[]))
            with Container(el, ctx, form=None):
                ctx.emit(Element("dialog_title", props={"title": heading, "icon": shown_icon}))
                if dismissible:
                    cb = on_dismiss if callable(on_dismiss) else None
                    ctx.widget(DIALOG_DISMISS, heading, None, ("dialog", heading),
                               {"label": "\u2715", "help": "Close", "disabled": False,
                                "label_visibility": "visible"}, False, False, cb)
                return ctx.run_fragment(func, args, kwargs)

        return open_dialog

    if callable(title):  # @st.dialog without a title
        return decorate(title, "")
    return lambda func: decorate(func, str(title))


# -- grid ------------------------------------------------------------------------------------

_GAPS = ("xxsmall", "xsmall", "small", "medium", "large", "xlarge", "xxlarge")


def _gap(g: Any) -> Any:
    if g is None or g in _GAPS or (isinstance(g, int) and not isinstance(g, bool) and g >= 0):
        return g
    raise InvalidArgumentError(
        f"`st.grid`: gap must be None, one of {', '.join(_GAPS)} or a number of pixels, got "
        f"{g!r}.")


def grid(columns: Any = "auto", *, min_column_width: Any = "auto", wrap: bool = True,
         gap: Any = "small", vertical_alignment: str = "top", border: bool = False,
         row_height: Any = "content", width: Any = "stretch", height: Any = "content",
         key: Any = None, dense: bool = False) -> Container:
    """A grid: each element written to it fills the next cell (``columns`` cells a row, or as
    many as fit at ``min_column_width`` pixels with ``"auto"``).

    Example:
        >>> g = st.grid(3)                                              # doctest: +SKIP
        >>> for i in range(6):                                          # doctest: +SKIP
        ...     g.metric(f"KPI {i}", i)
    """
    size_ignored("grid", width, "stretch")
    ctx = require("grid")
    if not (columns == "auto" or (isinstance(columns, int) and not isinstance(columns, bool)
                                  and columns > 0)):
        raise InvalidArgumentError(
            f"`st.grid`: columns must be 'auto' or a positive int, got {columns!r}.")
    if not (min_column_width == "auto" or (isinstance(min_column_width, int)
                                           and min_column_width > 0)):
        raise InvalidArgumentError(
            "`st.grid`: min_column_width must be 'auto' or a positive number of pixels, got "
            f"{min_column_width!r}.")
    gaps = tuple(gap) if isinstance(gap, (tuple, list)) else (gap, gap)
    if len(gaps) != 2:
        raise InvalidArgumentError("`st.grid`: gap as a pair is (row gap, column gap).")
    gaps = tuple(_gap(g) for g in gaps)
    if vertical_alignment not in ("top", "center", "bottom"):
        raise InvalidArgumentError(
            "`st.grid`: vertical_alignment must be 'top', 'center' or 'bottom', got "
            f"{vertical_alignment!r}.")
    if not (row_height == "content" or (isinstance(row_height, int) and row_height > 0)):
        raise InvalidArgumentError(
            f"`st.grid`: row_height must be 'content' or pixels, got {row_height!r}.")
    if key is not None:
        from .state import normalize_key

        key = normalize_key(key)
        ctx.check_key(key)
    el = ctx.emit(Element("grid", key=key, props={
        "columns": columns, "min_column_width": min_column_width, "wrap": bool(wrap),
        "gap": gaps, "vertical_alignment": vertical_alignment, "border": bool(border),
        "row_height": row_height, "height": height if isinstance(height, int) else None,
        "dense": bool(dense)}, children=[]))
    return Container(el, ctx)
