"""``st.column_config``: how ``st.dataframe`` and ``st.data_editor`` show (and edit) a column.

Each function returns the same plain dict as Streamlit's (``label``, ``width``, ``help``,
``disabled``, ``required``, ``pinned``, ``alignment``, ``default`` and a ``type_config`` with the
column type's own settings), so a ``column_config`` written for Streamlit works unchanged. In a
``column_config`` mapping a column may also be ``None`` (hidden) or a string (its label); the
key ``"_index"`` configures the index.

Example:
    >>> NumberColumn("Price", format="dollar", min_value=0)["type_config"]
    {'type': 'number', 'format': 'dollar', 'min_value': 0, 'max_value': None, 'step': None}
"""

from __future__ import annotations

import datetime as _dt
import itertools as _itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass as _dataclass
from typing import Any

from .errors import InvalidArgumentError, MissingRequiredParameterError

__all__ = ["Column", "TextColumn", "NumberColumn", "CheckboxColumn", "SelectboxColumn",
           "DateColumn", "TimeColumn", "DatetimeColumn", "LinkColumn", "ImageColumn",
           "ProgressColumn", "LineChartColumn", "BarChartColumn", "AreaChartColumn",
           "ListColumn", "JsonColumn", "MultiselectColumn", "MarkdownColumn", "ButtonColumn",
           "AudioColumn", "VideoColumn"]


def __dir__() -> list[str]:
    # as Streamlit's ``st.column_config``: the column types only (not this module's imports)
    dunder = [n for n in globals() if n.startswith("__") and n.endswith("__") and n not in (
        "__dir__", "__annotations__")]
    return sorted([*__all__, "annotations", *dunder])

ColumnConfig = dict

_WIDTHS = ("small", "medium", "large")
_ALIGN = ("left", "center", "right")


def _check(func: str, width: Any, alignment: Any = None) -> None:
    if width is not None and width not in _WIDTHS and not (type(width) is int and width > 0):
        raise InvalidArgumentError(
            f"`st.column_config.{func}`: width must be 'small', 'medium', 'large', a positive "
            f"number of pixels or None, got {width!r}.")
    if alignment is not None and alignment not in _ALIGN:
        raise InvalidArgumentError(
            f"`st.column_config.{func}`: alignment must be 'left', 'center', 'right' or None, "
            f"got {alignment!r}.")


_NO: Any = object()  # a field this column type does not have (left out, as in Streamlit)


def _base(func: str, label: Any, width: Any, help: Any, *, disabled: Any = _NO,
          required: Any = _NO, pinned: Any = _NO, alignment: Any = _NO,
          default: Any = _NO, type_config: dict | None = None) -> ColumnConfig:
    _check(func, width, None if alignment is _NO else alignment)
    out = ColumnConfig(label=label, width=width, help=help)
    for k, v in (("disabled", disabled), ("required", required), ("pinned", pinned),
                 ("alignment", alignment), ("default", default)):
        if v is not _NO:
            out[k] = v
    if type_config is not None:
        out["type_config"] = type_config
    return out


def Column(label: str | None = None, *, width: Any = None, help: str | None = None,
           disabled: bool | None = None, required: bool | None = None,
           pinned: bool | None = None, alignment: str | None = None) -> ColumnConfig:
    """A column of any type: its label, width, tooltip, editability, pinning, alignment.

    Example:
        >>> Column("Amount", width="small", pinned=True)["pinned"]
        True
    """
    return _base("Column", label, width, help, disabled=disabled, required=required,
                 pinned=pinned, alignment=alignment)


def NumberColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
                 disabled: bool | None = None, required: bool | None = None,
                 pinned: bool | None = None, alignment: str | None = None,
                 default: int | float | None = None, format: str | None = None,
                 min_value: int | float | None = None, max_value: int | float | None = None,
                 step: int | float | None = None) -> ColumnConfig:
    """Numbers, formatted by ``format`` (a printf format such as ``"%.2f"`` or ``"$%d"``, or
    ``"plain"``, ``"localized"``, ``"percent"``, ``"dollar"``, ``"euro"``, ``"yen"``,
    ``"accounting"``, ``"compact"``, ``"scientific"``, ``"engineering"``); edits are checked
    against ``min_value``, ``max_value`` and ``step``.

    Example:
        >>> NumberColumn("Price", format="$%.2f")["type_config"]["format"]
        '$%.2f'
    """
    return _base("NumberColumn", label, width, help, disabled=disabled, required=required,
                 pinned=pinned, alignment=alignment, default=default,
                 type_config={"type": "number", "format": format, "min_value": min_value,
                              "max_value": max_value, "step": step})


def TextColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
               disabled: bool | None = None, required: bool | None = None,
               pinned: bool | None = None, alignment: str | None = None,
               default: str | None = None, max_chars: int | None = None,
               validate: str | None = None) -> ColumnConfig:
    """Text; edits are checked against ``max_chars`` and the regular expression ``validate``.

    Example:
        >>> TextColumn("Name", max_chars=20)["type_config"]["max_chars"]
        20
    """
    return _base("TextColumn", label, width, help, disabled=disabled, required=required,
                 pinned=pinned, alignment=alignment, default=default,
                 type_config={"type": "text", "max_chars": max_chars, "validate": validate})


def LinkColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
               disabled: bool | None = None, required: bool | None = None,
               pinned: bool | None = None, alignment: str | None = None,
               default: str | None = None, max_chars: int | None = None,
               validate: str | None = None, display_text: str | None = None) -> ColumnConfig:
    """URLs shown as links; ``display_text`` is the text shown (a regular expression with a
    group takes the text from the URL).

    Example:
        >>> LinkColumn("Site", display_text="Open")["type_config"]["display_text"]
        'Open'
    """
    return _base("LinkColumn", label, width, help, disabled=disabled, required=required,
                 pinned=pinned, alignment=alignment, default=default,
                 type_config={"type": "link", "max_chars": max_chars, "validate": validate,
                              "display_text": display_text})


def CheckboxColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
                   disabled: bool | None = None, required: bool | None = None,
                   pinned: bool | None = None, alignment: str | None = None,
                   default: bool | None = None) -> ColumnConfig:
    """Booleans shown as checkboxes.

    Example:
        >>> CheckboxColumn("Done", default=False)["type_config"]
        {'type': 'checkbox'}
    """
    return _base("CheckboxColumn", label, width, help, disabled=disabled, required=required,
                 pinned=pinned, alignment=alignment, default=default,
                 type_config={"type": "checkbox"})


def SelectboxColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
                    disabled: bool | None = None, required: bool | None = None,
                    pinned: bool | None = None, default: Any = None,
                    options: Iterable[Any] | None = None,
                    format_func: Callable[[Any], str] | None = None) -> ColumnConfig:
    """One of ``options`` (shown through ``format_func``); an edit must be one of them.

    Example:
        >>> SelectboxColumn(options=[1, 2], format_func=lambda o: f"#{o}")["type_config"]
        {'type': 'selectbox', 'options': [{'value': 1, 'label': '#1'}, {'value': 2, 'label': '#2'}]}
    """
    opts = list(options) if options is not None else None
    if opts and format_func is not None:
        opts = [{"value": o, "label": format_func(o)} for o in opts]
    return _base("SelectboxColumn", label, width, help, disabled=disabled, required=required,
                 pinned=pinned, default=default,
                 type_config={"type": "selectbox", "options": opts})


def _chart(func: str, kind: str, label: Any, width: Any, help: Any, pinned: Any, y_min: Any,
           y_max: Any, color: Any) -> ColumnConfig:
    return _base(func, label, width, help, pinned=pinned,
                 type_config={"type": kind, "y_min": y_min, "y_max": y_max, "color": color})


def BarChartColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
                   pinned: bool | None = None, y_min: int | float | None = None,
                   y_max: int | float | None = None, color: str | None = None) -> ColumnConfig:
    """Lists of numbers drawn as a small bar chart per cell (not editable).

    Example:
        >>> BarChartColumn(y_min=0)["type_config"]["type"]
        'bar_chart'
    """
    return _chart("BarChartColumn", "bar_chart", label, width, help, pinned, y_min, y_max,
                  color)


def LineChartColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
                    pinned: bool | None = None, y_min: int | float | None = None,
                    y_max: int | float | None = None, color: str | None = None) -> ColumnConfig:
    """Lists of numbers drawn as a sparkline per cell (not editable).

    Example:
        >>> LineChartColumn()["type_config"]["type"]
        'line_chart'
    """
    return _chart("LineChartColumn", "line_chart", label, width, help, pinned, y_min, y_max,
                  color)


def AreaChartColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
                    pinned: bool | None = None, y_min: int | float | None = None,
                    y_max: int | float | None = None, color: str | None = None) -> ColumnConfig:
    """Lists of numbers drawn as a small area chart per cell (not editable).

    Example:
        >>> AreaChartColumn()["type_config"]["type"]
        'area_chart'
    """
    return _chart("AreaChartColumn", "area_chart", label, width, help, pinned, y_min, y_max,
                  color)


def ImageColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
                pinned: bool | None = None, alignment: str | None = None) -> ColumnConfig:
    """Image URLs (or data URLs) shown as images (not editable).

    Example:
        >>> ImageColumn("Logo")["type_config"]
        {'type': 'image'}
    """
    return _base("ImageColumn", label, width, help, pinned=pinned, alignment=alignment,
                 type_config={"type": "image"})


def ListColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
               pinned: bool | None = None, disabled: bool | None = None,
               required: bool | None = None, default: Iterable[str] | None = None
               ) -> ColumnConfig:
    """Lists shown as bubbles.

    Example:
        >>> ListColumn("Tags")["type_config"]
        {'type': 'list'}
    """
    return _base("ListColumn", label, width, help, disabled=disabled, required=required,
                 pinned=pinned, default=None if default is None else list(default),
                 type_config={"type": "list"})


def JsonColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
               pinned: bool | None = None, alignment: str | None = None) -> ColumnConfig:
    """Dicts, lists or JSON strings shown as JSON (not editable).

    Example:
        >>> JsonColumn()["type_config"]
        {'type': 'json'}
    """
    return _base("JsonColumn", label, width, help, pinned=pinned, alignment=alignment,
                 type_config={"type": "json"})


def _iso(v: Any) -> Any:
    return None if v is None else v.isoformat()


def _seconds(step: Any) -> Any:
    return step.total_seconds() if isinstance(step, _dt.timedelta) else step


def DatetimeColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
                   disabled: bool | None = None, required: bool | None = None,
                   pinned: bool | None = None, alignment: str | None = None,
                   default: _dt.datetime | None = None, format: str | None = None,
                   min_value: _dt.datetime | None = None,
                   max_value: _dt.datetime | None = None, step: Any = None,
                   timezone: str | None = None) -> ColumnConfig:
    """Datetimes, shown by ``format`` (``"localized"``, ``"iso8601"``, ``"distance"`` or a
    momentJS format such as ``"D MMM YYYY, h:mm a"``).

    Example:
        >>> DatetimeColumn(format="YYYY")["type_config"]["format"]
        'YYYY'
    """
    return _base("DatetimeColumn", label, width, help, disabled=disabled, required=required,
                 pinned=pinned, alignment=alignment, default=_iso(default),
                 type_config={"type": "datetime", "format": format,
                              "min_value": _iso(min_value), "max_value": _iso(max_value),
                              "step": _seconds(step), "timezone": timezone})


def TimeColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
               disabled: bool | None = None, required: bool | None = None,
               pinned: bool | None = None, alignment: str | None = None,
               default: _dt.time | None = None, format: str | None = None,
               min_value: _dt.time | None = None, max_value: _dt.time | None = None,
               step: Any = None) -> ColumnConfig:
    """Times of day, shown by ``format`` (``"localized"``, ``"iso8601"`` or momentJS).

    Example:
        >>> TimeColumn(min_value=_dt.time(9))["type_config"]["min_value"]
        '09:00:00'
    """
    return _base("TimeColumn", label, width, help, disabled=disabled, required=required,
                 pinned=pinned, alignment=alignment, default=_iso(default),
                 type_config={"type": "time", "format": format, "min_value": _iso(min_value),
                              "max_value": _iso(max_value), "step": _seconds(step)})


def DateColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
               disabled: bool | None = None, required: bool | None = None,
               pinned: bool | None = None, alignment: str | None = None,
               default: _dt.date | None = None, format: str | None = None,
               min_value: _dt.date | None = None, max_value: _dt.date | None = None,
               step: int | None = None) -> ColumnConfig:
    """Dates, shown by ``format`` (``"localized"``, ``"iso8601"``, ``"distance"`` or
    momentJS such as ``"DD.MM.YYYY"``).

    Example:
        >>> DateColumn(format="DD.MM.YYYY")["type_config"]["type"]
        'date'
    """
    return _base("DateColumn", label, width, help, disabled=disabled, required=required,
                 pinned=pinned, alignment=alignment, default=_iso(default),
                 type_config={"type": "date", "format": format, "min_value": _iso(min_value),
                              "max_value": _iso(max_value), "step": step})


def ProgressColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
                   pinned: bool | None = None, format: str | None = None,
                   min_value: int | float | None = None, max_value: int | float | None = None,
                   step: int | float | None = None, color: str | None = None) -> ColumnConfig:
    """Numbers shown as progress bars between ``min_value`` and ``max_value`` (0 to 100 for
    integers, 0 to 1 otherwise), with the number as ``format`` shows it (not editable).

    Example:
        >>> ProgressColumn(min_value=0, max_value=10)["type_config"]["max_value"]
        10
    """
    return _base("ProgressColumn", label, width, help, pinned=pinned,
                 type_config={"type": "progress", "format": format, "min_value": min_value,
                              "max_value": max_value, "step": step, "color": color})


def AudioColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
                pinned: bool | None = None, alignment: str | None = None) -> ColumnConfig:
    """Audio URLs (or ``data:audio/...`` URLs) shown as a play icon: a double click (or Enter)
    opens the player, as in Streamlit (not editable).

    Example:
        >>> AudioColumn("Clip")["type_config"]
        {'type': 'audio'}
    """
    return _base("AudioColumn", label, width, help, pinned=pinned, alignment=alignment,
                 type_config={"type": "audio"})


def VideoColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
                pinned: bool | None = None, alignment: str | None = None) -> ColumnConfig:
    """Video URLs (or ``data:video/...`` URLs) shown as a play icon: a double click (or Enter)
    opens the player, as in Streamlit (not editable).

    Example:
        >>> VideoColumn("Clip")["type_config"]
        {'type': 'video'}
    """
    return _base("VideoColumn", label, width, help, pinned=pinned, alignment=alignment,
                 type_config={"type": "video"})


def MultiselectColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
                      disabled: bool | None = None, required: bool | None = None,
                      pinned: bool | None = None, default: Iterable[str] | None = None,
                      options: Iterable[str] | None = None,
                      accept_new_options: bool | None = None, color: Any = None,
                      format_func: Callable[[str], str] | None = None) -> ColumnConfig:
    """Lists of options shown as coloured tags; in ``st.data_editor`` the reader picks them
    from ``options`` (or types new ones with ``accept_new_options``). ``color``: one colour
    for every tag, ``"auto"``, a theme colour (``"primary"``, ``"red"`` ...) or an iterable
    cycled through the options.

    Example:
        >>> MultiselectColumn(options=["a", "b"], color=["red", "blue"])["type_config"]
        {'type': 'multiselect', 'options': [{'value': 'a', 'color': 'red'}, \
{'value': 'b', 'color': 'blue'}], 'accept_new_options': None}
    """
    processed: list[dict] | None = None
    if options is not None:
        processed = []
        colors: Any = None
        if color is not None:
            colors = _itertools.repeat(color) if isinstance(color, str) else \
                _itertools.cycle(color)
        for option in options:
            entry: dict = {"value": option}
            if format_func is not None:
                entry["label"] = format_func(option)
            if colors is not None:
                entry["color"] = next(colors)
            processed.append(entry)
    return _base("MultiselectColumn", label, width, help, disabled=disabled,
                 required=required, pinned=pinned,
                 default=None if default is None else list(default),
                 type_config={"type": "multiselect", "options": processed,
                              "accept_new_options": accept_new_options})


def MarkdownColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
                   disabled: bool | None = None, required: bool | None = None,
                   pinned: bool | None = None, alignment: str | None = None,
                   default: str | None = None) -> ColumnConfig:
    """Markdown text: the cell shows the text, a click opens it rendered (raw HTML escaped,
    unsafe links dropped); ``st.data_editor`` edits the text.

    Example:
        >>> MarkdownColumn("Notes")["type_config"]
        {'type': 'markdown'}
    """
    return _base("MarkdownColumn", label, width, help, disabled=disabled, required=required,
                 pinned=pinned, alignment=alignment, default=default,
                 type_config={"type": "markdown"})


@_dataclass(frozen=True)
class ButtonColumnResult:
    """What ``ButtonColumn(..., key=...)`` returns (as Streamlit's): the column's config and
    the callback that a click runs."""

    config: ColumnConfig
    on_click: Callable | None = None
    args: Any = None
    kwargs: Any = None
    key: str | None = None


def ButtonColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
                 pinned: bool | None = None, alignment: str | None = None,
                 type: str = "secondary", on_click: Callable | None = None,
                 args: Any = None, kwargs: Any = None, key: str | None = None) -> Any:
    """A button in each cell, labelled by the cell's text (a list of texts: a menu of
    actions). With a ``key``, a click reruns the app with ``st.session_state[key]`` =
    ``{"row": position, "label": text}`` for that one run (``on_click`` is called first);
    without one the buttons do nothing, as in Streamlit. Never editable.

    Example:
        >>> ButtonColumn("Open", type="primary")["type_config"]
        {'type': 'button', 'button_type': 'primary'}
    """
    config = _base("ButtonColumn", label, width, help, pinned=pinned, alignment=alignment,
                   disabled=True, type_config={"type": "button", "button_type": type})
    if key is not None:
        return ButtonColumnResult(config=config, on_click=on_click, args=args, kwargs=kwargs,
                                  key=key)
    if on_click is not None or args is not None or kwargs is not None:
        raise MissingRequiredParameterError(
            "`st.column_config.ButtonColumn`: the `key` parameter is required. Callbacks "
            "passed via `on_click`, `args`, or `kwargs` need a unique key to be registered.")
    return config
