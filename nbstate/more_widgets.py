"""Widgets Streamlit 1.67 has beyond the first set: ``datetime_input``, ``feedback``,
``pagination``, ``menu_button``, ``link_button``, ``camera_input`` and ``audio_input``.

Their kinds are defined here (the kinds table is data: each row says how a frontend value is
checked and how a session-state value is taken), and they go through the same run context as
every widget. ``camera_input`` and ``audio_input`` take a photo or a recording as a file chosen
in the browser (``image/*``, ``audio/*``; a phone's browser offers its camera or recorder for
these): the kernel behind a notebook has no access to the reader's devices.

Example (inside an app):
    >>> when = st.datetime_input("Meeting")                             # doctest: +SKIP
    >>> stars = st.feedback("stars")                                    # doctest: +SKIP
    >>> page = st.pagination(10)                                        # doctest: +SKIP
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from .elements import Element
from .errors import (
    InvalidArgumentError,
    InvalidLayoutContextError,
    InvalidMinMaxError,
    MissingRequiredParameterError,
    RefusedValue,
)
from .icons import check_icon
from .kinds import (
    Kind,
    _in_range,
    _is_int,
    _scalar_ok,
    _type_error,
    check_files,
    check_trigger,
    state_never,
)
from .layout import handle
from .params import ignored, size_ignored
from .run import require
from .widgets import _common, _options, _props, _what, _years, time_step

# -- shared ------------------------------------------------------------------------------------


def _callback(func: str, label: Any, cb: Any) -> Callable | None:
    """A widget's ``on_change``/``on_click``: a function, ``"rerun"``/``None`` (no callback)
    or ``"ignore"`` (no rerun: nbstate reruns on every change, so it warns)."""
    if cb is None or cb == "rerun":
        return None
    if cb == "ignore":
        ignored(func, "on_change", "ignore",
                "every value change reruns the app in nbstate (the value is the same as "
                "Streamlit would give at its next rerun)")
        return None
    if not callable(cb):
        raise InvalidArgumentError(
            f'{_what(func, label)}the callback must be a function, "rerun" or "ignore", got '
            f"{cb!r}.")
    return cb


def _bind_persist(func: str, key: Any, bind: Any, persist_state: Any) -> None:
    if bind not in (None, "query-params"):
        raise InvalidArgumentError(f"`st.{func}`: bind must be None or 'query-params', "
                                   f"got {bind!r}.")
    if persist_state not in (None, "page", "session"):
        raise InvalidArgumentError(f"`st.{func}`: persist_state must be None, 'page' or "
                                   f"'session', got {persist_state!r}.")
    if (bind or persist_state) and key is None:
        raise InvalidArgumentError(f"`st.{func}`: bind and persist_state need a key.")
    if bind:
        ignored(func, "bind", bind, "widget values are not synced with the URL in "
                "a notebook; read st.query_params and pass the value yourself")
    if persist_state:
        ignored(func, "persist_state", persist_state, "a widget's value is kept while it "
                "is rendered, as with persist_state=None; keep it in st.session_state under "
                "another key")


# -- datetime_input ----------------------------------------------------------------------------


def check_datetime(spec: dict, v: Any) -> Any:
    if v is None and spec.get("allow_none"):
        return None
    v = _scalar_ok("datetime", v)
    _in_range(spec, v)
    return v


def state_datetime(spec, v, default, label, key):
    if v is None and spec.get("allow_none"):
        return None
    try:
        return check_datetime(spec, v)
    except RefusedValue as r:
        raise _type_error(spec, v, label, key, r.reason.removeprefix("expected ")
                          .split(", got ")[0]) from None


DATETIME_INPUT = Kind("datetime_input", check_datetime, state_datetime, value_type="datetime")


#: the times a datetime_input's bound given as a bare date (or left out) takes, as Streamlit's
_MIN_BOUND_TIME = _dt.time(0, 0)
_MAX_BOUND_TIME = _dt.time(23, 59)
_DATETIME_FORMATS = ("%Y/%m/%d %H:%M", "%Y/%m/%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S")


def _minutes(v: _dt.datetime) -> _dt.datetime:
    """As Streamlit keeps a datetime_input's datetimes: to the minute, without a timezone."""
    return v.replace(second=0, microsecond=0, tzinfo=None)


def _as_datetime(func: str, label: Any, v: Any, name: str, *,
                 on: _dt.date | None = None,
                 at: _dt.time = _MIN_BOUND_TIME) -> _dt.datetime | None:
    """``v`` as Streamlit 1.67's datetime_input takes it: a datetime (or "now", an ISO or
    ``Y-m-d H:M`` string) to the minute, without a timezone; a date at the time ``at``; a
    time on the date ``on`` (today if None)."""
    if v is None:
        return None
    day = on or _dt.date.today()
    if isinstance(v, str) and v.strip() == "now":
        return _minutes(_dt.datetime.now())
    if isinstance(v, _dt.datetime):
        return _minutes(v)
    if isinstance(v, _dt.date):
        return _dt.datetime.combine(v, at)
    if isinstance(v, _dt.time):
        return _dt.datetime.combine(day, v.replace(second=0, microsecond=0, tzinfo=None))
    if isinstance(v, str):
        text = v.strip()
        try:
            return _minutes(_dt.datetime.fromisoformat(text))
        except ValueError:
            pass
        for fmt in _DATETIME_FORMATS:
            try:
                return _minutes(_dt.datetime.strptime(text, fmt))
            except ValueError:
                pass
        for parse in (_dt.date.fromisoformat, _dt.time.fromisoformat):
            try:
                return _as_datetime(func, label, parse(text), name, on=on, at=at)
            except ValueError:
                pass
    raise InvalidArgumentError(
        f"{_what(func, label)}{name} must be a datetime, date, time, ISO string or 'now', "
        f"got {v!r}.")


def datetime_input(label: str, value: Any = "now", min_value: Any = None,
                   max_value: Any = None, *, key: str | int | None = None,
                   help: str | None = None, on_change: Any = "rerun",
                   args: Iterable | None = None, kwargs: dict | None = None,
                   format: str = "YYYY/MM/DD", step: Any = _dt.timedelta(seconds=900),
                   disabled: bool = False, required: bool = False,
                   label_visibility: str = "visible", width: Any = "stretch",
                   bind: Any = None, persist_state: Any = None) -> _dt.datetime | None:
    """A date and time picker: returns a ``datetime`` (``None`` if ``value=None`` and nothing
    is picked).

    Example:
        >>> when = st.datetime_input("Start", datetime.datetime(2025, 1, 1, 9, 0))  # doctest: +SKIP
    """
    size_ignored("datetime_input", width, "stretch")
    ctx = require("datetime_input")
    cb = _callback("datetime_input", label, on_change)
    key = _common("datetime_input", label, key, cb, label_visibility)
    _bind_persist("datetime_input", key, bind, persist_state)
    what = _what("datetime_input", label)
    default = _as_datetime("datetime_input", label, value, "value")
    step = time_step(what, step)
    # as Streamlit 1.67: bounds not given are ten years either side of the value's date (of
    # today's without one), at 00:00 and 23:59; a bound given as a date takes those times,
    # one given as a time the value's date
    base = default.date() if default is not None else _dt.date.today()
    mn = _as_datetime("datetime_input", label, min_value, "min_value", on=base) or \
        _dt.datetime.combine(_years(base, -10), _MIN_BOUND_TIME)
    mx = _as_datetime("datetime_input", label, max_value, "max_value", on=base,
                      at=_MAX_BOUND_TIME) or \
        _dt.datetime.combine(_years(base, 10), _MAX_BOUND_TIME)
    if mn > mx:
        raise InvalidMinMaxError(mn, mx, what)
    if default is not None and not mn <= default <= mx:
        raise InvalidArgumentError(
            f"{what}the value {default} is outside min_value..max_value ({mn} .. {mx}).")
    if format not in ("YYYY/MM/DD", "DD/MM/YYYY", "MM/DD/YYYY", "YYYY-MM-DD", "DD-MM-YYYY",
                      "MM-DD-YYYY", "YYYY.MM.DD", "DD.MM.YYYY", "MM.DD.YYYY"):
        raise InvalidArgumentError(f"{what}unknown format {format!r}.")
    props = _props(label, help, disabled, label_visibility, min=mn, max=mx, step=step,
                   format=format, allow_none=value is None and not required,
                   _kind="datetime_input")
    return ctx.widget(DATETIME_INPUT, label, key, (label, mn, mx, step, format), props,
                      default, value != "now", cb, args, kwargs)


# -- feedback ----------------------------------------------------------------------------------

#: options of st.feedback: the number of choices and their symbols
FEEDBACK = {"thumbs": ["\U0001f44e", "\U0001f44d"],
            "faces": ["\U0001f61e", "\U0001f641", "\U0001f610", "\U0001f642", "\U0001f600"],
            "stars": ["\u2605"] * 5}


def check_index(spec: dict, v: Any) -> Any:
    if v is None:
        return None
    if not _is_int(v):
        raise RefusedValue(f"expected an int, got {type(v).__name__}")
    lo, hi = spec.get("min", 0), spec.get("max")
    if v < lo or (hi is not None and v > hi):
        raise RefusedValue(f"{v!r} is outside {lo}..{hi}")
    return int(v)


def state_index(spec, v, default, label, key):
    if v is None and spec.get("allow_none", True):
        return None
    try:
        return check_index(spec, v)
    except RefusedValue as r:
        raise _type_error(spec, v, label, key, f"an int from {spec.get('min', 0)} to "
                          f"{spec.get('max')} ({r.reason})") from None


FEEDBACK_KIND = Kind("feedback", check_index, state_index, value_type="int")


def feedback(options: str = "thumbs", *, key: str | int | None = None,
             default: int | None = None, disabled: bool = False, on_change: Any = "rerun",
             args: Iterable | None = None, kwargs: dict | None = None, width: Any = "content",
             bind: Any = None, persist_state: Any = None) -> int | None:
    """A row of thumbs, faces or stars: the index picked (thumbs: 0 down, 1 up; faces and
    stars: 0..4), or ``None``.

    Example:
        >>> stars = st.feedback("stars")                                # doctest: +SKIP
        >>> if stars is not None:                                       # doctest: +SKIP
        ...     st.write(f"{stars + 1} stars")
    """
    size_ignored("feedback", width, "content")
    ctx = require("feedback")
    if options not in FEEDBACK:
        raise InvalidArgumentError(
            f"`st.feedback`: options must be 'thumbs', 'faces' or 'stars', got {options!r}.")
    cb = _callback("feedback", options, on_change)
    key = _common("feedback", options, key, cb, "visible")
    _bind_persist("feedback", key, bind, persist_state)
    n = len(FEEDBACK[options])
    if default is not None and (not _is_int(default) or not 0 <= default < n):
        raise InvalidArgumentError(
            f"`st.feedback`: default must be None or an int from 0 to {n - 1}, got {default!r}.")
    props = _props(options, None, disabled, "visible", options_kind=options,
                   symbols=FEEDBACK[options], min=0, max=n - 1, allow_none=True,
                   _kind="feedback")
    return ctx.widget(FEEDBACK_KIND, options, key, ("feedback", options), props, default,
                      default is not None, cb, args, kwargs)


# -- pagination --------------------------------------------------------------------------------

PAGINATION = Kind("pagination", check_index, state_index, value_type="int")


def pagination(num_pages: int, *, default: int = 1, max_visible_pages: int | None = 7,
               width: Any = "content", key: str | int | None = None,
               on_change: Any = "rerun", args: Iterable | None = None,
               kwargs: dict | None = None, disabled: bool = False, bind: Any = None,
               persist_state: Any = None) -> int:
    """Page buttons ``1 .. num_pages``: returns the page picked (from 1).

    Example:
        >>> page = st.pagination(20, key="page")                         # doctest: +SKIP
        >>> st.dataframe(df.iloc[(page - 1) * 10: page * 10])            # doctest: +SKIP
    """
    size_ignored("pagination", width, "content")
    ctx = require("pagination")
    if not _is_int(num_pages) or num_pages < 1:
        raise InvalidArgumentError(
            f"`st.pagination`: num_pages must be a positive int, got {num_pages!r}.")
    if not _is_int(default) or not 1 <= default <= num_pages:
        raise InvalidArgumentError(
            f"`st.pagination`: default must be an int from 1 to {num_pages}, got {default!r}.")
    if max_visible_pages is not None and (not _is_int(max_visible_pages)
                                          or max_visible_pages < 1):
        raise InvalidArgumentError(
            "`st.pagination`: max_visible_pages must be a positive int or None, got "
            f"{max_visible_pages!r}.")
    cb = _callback("pagination", "pages", on_change)
    key = _common("pagination", "pages", key, cb, "visible")
    _bind_persist("pagination", key, bind, persist_state)
    props = _props("", None, disabled, "collapsed", min=1, max=int(num_pages),
                   num_pages=int(num_pages), max_visible_pages=max_visible_pages,
                   allow_none=False, _kind="pagination")
    return ctx.widget(PAGINATION, "pagination", key, ("pagination", int(num_pages)), props,
                      int(default), default != 1, cb, args, kwargs)


# -- menu_button -------------------------------------------------------------------------------


def check_menu(spec: dict, v: Any) -> Any:
    opts = spec.get("options", [])
    for o in opts:
        if o is v or (type(o) is type(v) and o == v):
            spec["_clicked"] = o  # the option picked, read back by menu_button in its run
            return True
    raise RefusedValue(f"{v!r} is not one of the menu's options")


MENU_BUTTON = Kind("menu_button", check_menu, state_never, button_like=True, settable=False,
                   callback="on_click", value_type="option")


def menu_button(label: str, options: Sequence[Any], *, key: str | int | None = None,
                help: str | None = None, on_click: Callable | None = None,
                args: Iterable | None = None, kwargs: dict | None = None,
                type: str = "secondary", icon: str | None = None, disabled: bool = False,
                width: Any = "content", format_func: Callable[[Any], str] = str,
                wrap: bool | None = None) -> Any:
    """A button that opens a menu: returns the option picked, for the one run after the pick
    (like a button), else ``None``.

    Example:
        >>> action = st.menu_button("Export", ["CSV", "Excel"])          # doctest: +SKIP
        >>> if action == "CSV":                                         # doctest: +SKIP
        ...     export_csv()
    """
    size_ignored("menu_button", width, "content")
    ctx = require("menu_button")
    if wrap is not None and wrap is not False:
        ignored("menu_button", "wrap", wrap, "wrap_label")
    key = _common("menu_button", label, key, on_click, "visible")
    if ctx.form is not None:
        raise InvalidLayoutContextError(
            f"{_what('menu_button', label)}`st.menu_button()` can't be used in an `st.form()`.")
    if type not in ("primary", "secondary", "tertiary"):
        raise InvalidArgumentError(f"{_what('menu_button', label)}type must be 'primary', "
                                   f"'secondary' or 'tertiary', got {type!r}.")
    opts, labels = _options("menu_button", label, options, format_func, unique=True)
    if not opts:
        raise MissingRequiredParameterError(
            f"{_what('menu_button', label)}needs at least one option.")
    ident = (label, tuple(labels))
    props = _props(label, help, disabled, "visible", options=opts, labels=labels, type=type,
                   icon=check_icon(icon, "menu_button", label))
    rec = ctx.store.widgets.get(ctx.id_for("menu_button", key, ident, props, False))
    picked = rec.spec.pop("_clicked", None) if rec is not None else None
    clicked = ctx.widget(MENU_BUTTON, label, key, ident, props, False, False, on_click, args,
                         kwargs, format_func=format_func)
    return picked if clicked else None


# -- link_button -------------------------------------------------------------------------------

LINK_BUTTON = Kind("link_button", check_trigger, state_never, button_like=True, settable=False,
                   callback="on_click", value_type="bool")


def link_button(label: str, url: str, *, key: str | int | None = None,
                on_click: Any = "ignore", args: Iterable | None = None,
                kwargs: dict | None = None, help: str | None = None, type: str = "secondary",
                icon: str | None = None, icon_position: str = "left", disabled: bool = False,
                use_container_width: bool | None = None, width: Any = "content",
                shortcut: str | None = None, wrap: bool | None = None) -> Any:
    """A button that opens ``url`` in a new tab. With ``on_click="rerun"`` or a callback it
    is also a widget: ``True`` for the run after a click.

    Example:
        >>> st.link_button("Docs", "https://docs.streamlit.io")          # doctest: +SKIP
    """
    ctx = require("link_button")
    if type not in ("primary", "secondary", "tertiary"):
        raise InvalidArgumentError(f"{_what('link_button', label)}type must be 'primary', "
                                   f"'secondary' or 'tertiary', got {type!r}.")
    if icon_position not in ("left", "right"):
        raise InvalidArgumentError(f"{_what('link_button', label)}icon_position must be "
                                   f"'left' or 'right', got {icon_position!r}.")
    if shortcut is not None:
        ignored("link_button", "shortcut", shortcut, "keyboard shortcuts would clash with "
                "the notebook's own")
    if wrap is not None and wrap is not False:
        ignored("link_button", "wrap", wrap, "wrap_label")
    props = {"label": label, "url": str(url), "help": help, "disabled": bool(disabled),
             "type": type, "icon": check_icon(icon, "link_button", label),
             "icon_position": icon_position,
             "label_visibility": "visible",
             "stretch": use_container_width is True or width == "stretch"}
    if on_click == "ignore":
        if key is not None:
            from .state import normalize_key

            key = normalize_key(key)
            ctx.check_key(key)
        return handle(ctx, Element("link_button", key=key, props=props))
    cb = None if on_click == "rerun" or on_click is None else on_click
    key = _common("link_button", label, key, cb, "visible")
    return ctx.widget(LINK_BUTTON, label, key, (label, str(url)), props, False, False, cb,
                      args, kwargs)


# -- camera_input, audio_input -----------------------------------------------------------------

CAMERA_INPUT = Kind("camera_input", check_files, state_never, settable=False, value_type="file")
AUDIO_INPUT = Kind("audio_input", check_files, state_never, settable=False, value_type="file")


def camera_input(label: str, key: str | int | None = None, help: str | None = None,
                 on_change: Any = "rerun", args: Iterable | None = None,
                 kwargs: dict | None = None, *, disabled: bool = False,
                 label_visibility: str = "visible", resolution: Any = None,
                 width: Any = "stretch") -> Any:
    """A photo: an ``UploadedFile`` (a JPEG/PNG image) once one is taken or chosen, else
    ``None``. In a notebook the browser's file picker takes it (``image/*``: a phone offers its
    camera).

    Example:
        >>> photo = st.camera_input("Take a picture")                   # doctest: +SKIP
        >>> if photo:                                                   # doctest: +SKIP
        ...     st.image(photo)
    """
    size_ignored("camera_input", width, "stretch")
    ctx = require("camera_input")
    cb = _callback("camera_input", label, on_change)
    key = _common("camera_input", label, key, cb, label_visibility)
    if resolution is not None:
        ignored("camera_input", "resolution", resolution,
                "the picture is the file the browser gives")
    props = _props(label, help, disabled, label_visibility, types=None, accept="image/*",
                   multiple=False, max_size=200 * 1024 * 1024, _kind="camera_input",
                   resolution=resolution)
    return ctx.widget(CAMERA_INPUT, label, key, (label,), props, None, False, cb, args, kwargs)


def audio_input(label: str, *, sample_rate: int | None = 16000, key: str | int | None = None,
                help: str | None = None, on_change: Any = "rerun",
                args: Iterable | None = None, kwargs: dict | None = None,
                disabled: bool = False, label_visibility: str = "visible",
                width: Any = "stretch") -> Any:
    """A sound recording: an ``UploadedFile`` once one is recorded or chosen, else ``None``.
    In a notebook the browser's file picker takes it (``audio/*``: a phone offers its
    recorder); ``sample_rate`` is Streamlit's recording rate and does not resample a file.

    Example:
        >>> rec = st.audio_input("Say something")                        # doctest: +SKIP
        >>> if rec:                                                      # doctest: +SKIP
        ...     st.audio(rec)
    """
    size_ignored("audio_input", width, "stretch")
    ctx = require("audio_input")
    if sample_rate not in (None, 8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000):
        raise InvalidArgumentError(
            "`st.audio_input`: sample_rate must be None or one of 8000, 11025, 16000, 22050, "
            f"24000, 32000, 44100, 48000, got {sample_rate!r}.")
    cb = _callback("audio_input", label, on_change)
    key = _common("audio_input", label, key, cb, label_visibility)
    props = _props(label, help, disabled, label_visibility, types=None, accept="audio/*",
                   multiple=False, max_size=200 * 1024 * 1024, sample_rate=sample_rate,
                   _kind="audio_input")
    return ctx.widget(AUDIO_INPUT, label, key, (label,), props, None, False, cb, args, kwargs)

