"""The widget functions, with Streamlit's signatures, driven by the kinds table.

Each function checks its arguments (raising at the call, naming the widget and argument),
works out the widget's default and the parameters that make its identity, and hands them to
the run context, which returns the current value.

Example (inside an app):
    >>> import nbstate as st                                          # doctest: +SKIP
    >>> age = st.slider("Age", 0, 100, 30, key="age")                 # doctest: +SKIP
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from .errors import (
    DefaultNotInOptionsError,
    InvalidArgumentError,
    InvalidColorError,
    InvalidLayoutContextError,
    InvalidMinMaxError,
    MissingRequiredParameterError,
    MixedNumericTypesError,
    NbstateAPIException,
    SelectionCountExceedsMaxError,
    ValueAboveMaxError,
    ValueBelowMinError,
    ValueOutOfRangeError,
)
from .icons import check_icon
from .kinds import KINDS, _is_int, _is_real
from .options import option_index
from .params import choice, ignored, size_ignored, widget_extras
from .run import require
from .state import normalize_key

_VISIBILITY = ("visible", "hidden", "collapsed")
MAX_UPLOAD_BYTES = 200 * 1024 * 1024  # Streamlit's server.maxUploadSize default: 200 MB


def _what(kind: str, label: Any) -> str:
    return f'`st.{kind}` "{label}": '


def _common(kind: str, label: Any, key: Any, callback: Any,
            label_visibility: str) -> str | None:
    if key is not None:
        key = normalize_key(key)
    if callback is not None and not callable(callback):
        if callback not in ("rerun", "ignore"):
            raise InvalidArgumentError(
                f"{_what(kind, label)}on_change (the callback) must be a function, 'rerun' "
                f"or 'ignore', got {callback!r}.")
    if label_visibility not in _VISIBILITY:
        raise InvalidArgumentError(
            f"{_what(kind, label)}unknown label_visibility {label_visibility!r}; use one of "
            "'visible', 'hidden' or 'collapsed'.")
    return key


def _ext(kind: str, bind: Any, persist_state: Any, required: Any = False,
         wrap: Any = None) -> dict:
    """The props of 1.67's newer widget parameters (nothing when all are at their
    defaults: the common case costs one comparison)."""
    if bind is None and persist_state is None and not required and wrap is None:
        return _NO_EXT
    return widget_extras(kind, bind=bind, persist_state=persist_state, required=required,
                         wrap=wrap)


_NO_EXT: dict = {}


def _props(label, help, disabled, label_visibility, **extra) -> dict:
    p = {"label": label, "help": help, "disabled": bool(disabled),
         "label_visibility": label_visibility}
    p.update(extra)
    return p


def _options(kind: str, label: Any, options: Any, format_func: Callable | None, *,
             unique: bool = False) -> tuple[list, list]:
    """(options, their labels); ``unique``: two options may not show the same label (a
    widget whose choice comes back as its label could not tell them apart)."""
    if options is None:
        opts: list = []
    elif hasattr(options, "columns") and hasattr(options, "iloc"):  # a DataFrame: first column
        opts = list(options.iloc[:, 0])
    else:
        try:
            opts = list(options)
        except TypeError:
            raise InvalidArgumentError(
                f"{_what(kind, label)}options must be iterable, got {type(options).__name__}."
            ) from None
    # (what format_func raises is the app's error, shown as it is)
    shown_all = [str(o) for o in opts] if format_func is None else [format_func(o) for o in opts]
    if unique and len(set(shown_all)) != len(shown_all):
        raise NbstateAPIException(
            f"{_what(kind, label)}the `format_func` produced duplicate labels for the "
            "options. Each formatted option label must be unique.")
    labels = []
    for o, shown in zip(opts, shown_all, strict=True):
        if not isinstance(shown, str):
            # as Streamlit refuses it (its pills and segmented controls fail with an
            # AttributeError, the others with a TypeError)
            error = AttributeError if kind in ("pills", "segmented_control") else TypeError
            raise error(f"{_what(kind, label)}format_func must return a str, got "
                        f"{type(shown).__name__} ({shown!r:.40}) for the option {o!r:.40}.")
        labels.append(shown)
    return opts, labels


def time_step(what: str, step: Any) -> _dt.timedelta:
    """A time or datetime input's ``step`` (a timedelta, or seconds) as a timedelta, checked
    to lie between a minute and 23 hours.

    Example:
        >>> time_step("", 900)
        datetime.timedelta(seconds=900)
    """
    if _is_int(step):
        step = _dt.timedelta(seconds=step)
    if not isinstance(step, _dt.timedelta) or not (
            _dt.timedelta(seconds=60) <= step <= _dt.timedelta(hours=23)):
        raise InvalidArgumentError(
            f"{what}step must be a timedelta (or seconds) between 60 seconds and 23 hours.")
    return step


def _index(kind: str, label: Any, index: Any, n: int) -> int | None:
    if index is None:
        return None
    if not _is_int(index):
        raise InvalidArgumentError(
            f"{_what(kind, label)}index must be an int or None, got {type(index).__name__}.")
    if n == 0 and index == 0:
        return None
    if not 0 <= index < n:
        raise ValueOutOfRangeError(
            f"{_what(kind, label)}index {index} is out of range: it must be at least 0 and "
            f"less than the number of options ({n}).")
    return int(index)


# -- buttons -------------------------------------------------------------------------------
def button(label: str, key: str | int | None = None, help: str | None = None,
           on_click: Callable | None = None, args: Iterable | None = None,
           kwargs: dict | None = None, *, type: str = "secondary", icon: str | None = None,
           icon_position: str = "left", disabled: bool = False,
           use_container_width: bool | None = None, width: Any = "content",
           shortcut: str | None = None, wrap: bool | None = None) -> bool:
    """A button: ``True`` for the single run after a click.

    Example:
        >>> if st.button("Go"):                                         # doctest: +SKIP
        ...     st.write("clicked")
    """
    size_ignored("button", width, "content", use_container_width=use_container_width)
    ctx = require("button")
    size_ignored("button", width, "content", use_container_width)
    key = _common("button", label, key, on_click, "visible")
    if ctx.form is not None:
        raise InvalidLayoutContextError(
            f"{_what('button', label)}`st.button()` can't be used in an `st.form()`. Use "
            "`st.form_submit_button()` inside a form instead.")
    _button_type("button", label, type)
    return ctx.widget(KINDS["button"], label, key, (label, ctx.form),
                      _props(label, help, disabled, "visible", type=type,
                             icon=check_icon(icon, "button", label),
                             **_button_extras("button", icon_position, shortcut, wrap,
                                             use_container_width, width)),
                      False, False, on_click, args, kwargs)


def _button_extras(kind: str, icon_position: str, shortcut: Any, wrap: Any,
                   use_container_width: Any = None, width: Any = "content") -> dict:
    # the button's width: "stretch" (use_container_width=True) fills its container, a number
    # of pixels sets it, "content" (the default) fits its label
    shown = "stretch" if use_container_width else width
    if shown != "content" and not (shown == "stretch" or isinstance(shown, int)
                                   and not isinstance(shown, bool) and shown > 0):
        raise InvalidArgumentError(
            f"`st.{kind}`: width must be 'content', 'stretch' or a positive number of pixels, "
            f"got {width!r}.")
    if icon_position == "left" and shortcut is None and wrap is None:
        return _NO_EXT if shown == "content" else {"width": shown}
    choice(kind, "icon_position", icon_position, ("left", "right"))
    if shortcut is not None:
        ignored(kind, "shortcut", shortcut, "shortcut")
    if wrap is not None and wrap is not False:
        ignored(kind, "wrap", wrap, "wrap_label")
    out: dict[str, Any] = {"icon_position": icon_position} if icon_position != "left" else {}
    if shown != "content":
        out["width"] = shown
    return out or _NO_EXT


def _button_type(kind: str, label: Any, type: str) -> None:
    if type not in ("primary", "secondary", "tertiary"):
        raise InvalidArgumentError(
            f"{_what(kind, label)}type must be 'primary', 'secondary' or 'tertiary', "
            f"got {type!r}.")


def download_button(label: str, data: Any, file_name: str | None = None,
                    mime: str | None = None, key: str | int | None = None,
                    help: str | None = None, on_click: Callable | str | None = "rerun",
                    args: Iterable | None = None, kwargs: dict | None = None, *,
                    type: str = "secondary", icon: str | None = None,
                    icon_position: str = "left", disabled: bool = False,
                    use_container_width: bool | None = None, width: Any = "content",
                    shortcut: str | None = None, wrap: bool | None = None) -> bool:
    """A button that downloads ``data`` as ``file_name``; ``True`` for the run after a click.

    Example:
        >>> st.download_button("Save CSV", "a,b\\n1,2\\n", "data.csv")    # doctest: +SKIP
    """
    size_ignored("download_button", width, "content", use_container_width=use_container_width)
    ctx = require("download_button")
    size_ignored("download_button", width, "content", use_container_width)
    cb = on_click if callable(on_click) else None
    if on_click not in (None, "rerun", "ignore") and not callable(on_click):
        raise InvalidArgumentError(
            f"{_what('download_button', label)}on_click must be a function, 'rerun' or "
            f"'ignore', got {on_click!r}.")
    key = _common("download_button", label, key, cb, "visible")
    if ctx.form is not None:
        raise InvalidLayoutContextError(
            f"{_what('download_button', label)}`st.download_button()` can't be used in an "
            "`st.form()`.")
    payload, mime = _download_bytes(label, data, mime)
    props = _props(label, help, disabled, "visible", type=type,
                   icon=check_icon(icon, "download_button", label), data=payload,
                   file_name=file_name or "download", mime=mime, ignore=on_click == "ignore",
                   **_button_extras("download_button", icon_position, shortcut, wrap,
                                   use_container_width, width))
    return ctx.widget(KINDS["download_button"], label, key, (label, file_name, mime), props,
                      False, False, cb, args, kwargs)


def _download_bytes(label: Any, data: Any, mime: str | None) -> tuple[Any, str]:
    if callable(data) and not hasattr(data, "read"):
        # deferred data (1.67): the function is not called during the run; the live
        # frontend calls it when it needs the bytes (download_data)
        return data, mime or "application/octet-stream"
    if isinstance(data, str):
        return data.encode("utf-8"), mime or "text/plain"
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data), mime or "application/octet-stream"
    if hasattr(data, "read"):
        pos = data.tell() if hasattr(data, "tell") else None
        raw = data.read()
        if pos is not None:
            data.seek(pos)
        return _download_bytes(label, raw, mime)
    raise InvalidArgumentError(
        f"{_what('download_button', label)}data must be str, bytes, a file-like object or a "
        f"function returning one, got {type(data).__name__}.")


def download_data(props: dict) -> tuple[bytes, str]:
    """The bytes and MIME type a download button's element offers: deferred data (a
    function) is called now.

    Example:
        >>> download_data({"label": "x", "data": lambda: "a,b", "mime": "text/csv"})
        (b'a,b', 'text/csv')
    """
    data: Any = props.get("data")  # bytes made at the call, or a function to call now
    mime = props.get("mime")
    if callable(data) and not isinstance(data, (bytes, str)):
        return _download_bytes(props.get("label"), data(), mime)
    return bytes(data or b""), mime or "application/octet-stream"


def form_submit_button(label: str = "Submit", help: str | None = None,
                       on_click: Callable | None = None, args: Iterable | None = None,
                       kwargs: dict | None = None, *, key: str | int | None = None,
                       type: str = "secondary", icon: str | None = None,
                       icon_position: str = "left", disabled: bool = False,
                       use_container_width: bool | None = None, width: Any = "content",
                       shortcut: str | None = None, wrap: bool | None = None) -> bool:
    """Submit the enclosing form: ``True`` for the run the submission causes.

    Example:
        >>> with st.form("f"):                                          # doctest: +SKIP
        ...     name = st.text_input("Name")
        ...     sent = st.form_submit_button("Send")
    """
    size_ignored("form_submit_button", width, "content", use_container_width=use_container_width)
    ctx = require("form_submit_button")
    key = _common("form_submit_button", label, key, on_click, "visible")
    if ctx.form is None:
        raise InvalidLayoutContextError(
            f"{_what('form_submit_button', label)}`st.form_submit_button()` must be used "
            "inside an `st.form()`. Put it in a `with st.form(key):` block.")
    if key is None:  # Streamlit's key for a submit button given none (tests click it by it)
        key = f"FormSubmitter:{ctx.form}-{label}"
    _button_type("form_submit_button", label, type)
    return ctx.widget(KINDS["form_submit_button"], label, key, (label,),
                      _props(label, help, disabled, "visible", type=type,
                             icon=check_icon(icon, "form_submit_button", label),
                             **_button_extras("form_submit_button", icon_position, shortcut,
                                              wrap, use_container_width, width)),
                      False, False, on_click, args, kwargs)


# -- booleans ------------------------------------------------------------------------------
def _boolean(kind: str, label, value, key, help, on_change, args, kwargs, disabled,
             label_visibility, ext) -> bool:
    ctx = require(kind)
    key = _common(kind, label, key, on_change, label_visibility)
    if type(value) is not bool:
        if value is None:
            value = False
        else:
            raise InvalidArgumentError(
                f"{_what(kind, label)}value must be True or False, got {value!r}.")
    return ctx.widget(KINDS[kind], label, key, (label,),
                      _props(label, help, disabled, label_visibility, _kind=kind, **ext),
                      value, value is not False, on_change, args, kwargs)


def checkbox(label: str, value: bool = False, key: str | int | None = None,
             help: str | None = None, on_change: Callable | str | None = "rerun",
             args: Iterable | None = None, kwargs: dict | None = None, *,
             disabled: bool = False, label_visibility: str = "visible",
             width: Any = "content", wrap: bool | None = None, bind: Any = None,
             persist_state: Any = None) -> bool:
    """A checkbox.

    Example:
        >>> agree = st.checkbox("I agree", key="agree")                 # doctest: +SKIP
    """
    size_ignored("checkbox", width, "content")
    return _boolean("checkbox", label, value, key, help, on_change, args, kwargs, disabled,
                    label_visibility, _ext("checkbox", bind, persist_state, wrap=wrap))


def toggle(label: str, value: bool = False, key: str | int | None = None,
           help: str | None = None, on_change: Callable | str | None = "rerun",
           args: Iterable | None = None, kwargs: dict | None = None, *,
           disabled: bool = False, label_visibility: str = "visible",
           width: Any = "content", wrap: bool | None = None, bind: Any = None,
           persist_state: Any = None) -> bool:
    """A toggle switch.

    Example:
        >>> on = st.toggle("Dark mode")                                 # doctest: +SKIP
    """
    size_ignored("toggle", width, "content")
    return _boolean("toggle", label, value, key, help, on_change, args, kwargs, disabled,
                    label_visibility, _ext("toggle", bind, persist_state, wrap=wrap))


# -- choices -------------------------------------------------------------------------------
def _single_choice(kind: str, label, options, index, format_func, key, help, on_change, args,
                   kwargs, disabled, label_visibility, **extra) -> Any:
    ctx = require(kind)
    key = _common(kind, label, key, on_change, label_visibility)
    opts, labels = _options(kind, label, options, format_func)
    idx = _index(kind, label, index, len(opts))
    default = opts[idx] if idx is not None else None
    props = _props(label, help, disabled, label_visibility, options=opts, labels=labels,
                   allow_none=True if idx is None else False, **extra)
    return ctx.widget(KINDS[kind], label, key, (label, tuple(labels)), props, default,
                      index not in (0, None), on_change, args, kwargs, id_default=index,
                      format_func=format_func)


def selectbox(label: str, options: Iterable, index: int | None = 0,
              format_func: Callable[[Any], Any] = str, key: str | int | None = None,
              help: str | None = None, on_change: Callable | str | None = "rerun",
              args: Iterable | None = None, kwargs: dict | None = None, *,
              placeholder: str | None = None, disabled: bool = False,
              required: bool = False, label_visibility: str = "visible",
              icon: str | None = None, accept_new_options: bool = False,
              filter_mode: str | None = "fuzzy", width: Any = "stretch", bind: Any = None,
              persist_state: Any = None) -> Any:
    """A drop-down: returns the chosen option (``None`` with ``index=None`` until chosen).

    Example:
        >>> color = st.selectbox("Colour", ["red", "green"], key="c")  # doctest: +SKIP
    """
    size_ignored("selectbox", width, "stretch")
    return _single_choice("selectbox", label, options, index, format_func, key, help,
                          on_change, args, kwargs, disabled, label_visibility,
                          placeholder=_placeholder(placeholder),
                          **_filter("selectbox", filter_mode, accept_new_options),
                          **_icon(icon, "selectbox", label),
                          **_ext("selectbox", bind, persist_state, required))


def _placeholder(placeholder: str | None) -> str:
    """A selectbox's or multiselect's placeholder as Streamlit 1.67 keeps it: ``""`` for
    none given (the frontend shows its own text), ``" "`` for an explicit empty one."""
    if placeholder is None:
        return ""
    return " " if placeholder == "" else str(placeholder)


def _filter(kind: str, filter_mode: Any, accept_new_options: Any) -> dict:
    if filter_mode != "fuzzy":
        choice(kind, "filter_mode", filter_mode, ("fuzzy", "contains", "prefix", None))
        ignored(kind, "filter_mode", filter_mode, "filter_mode")
    if accept_new_options:
        ignored(kind, "accept_new_options", accept_new_options,
                "the notebook's drop-down offers only the listed options; add the option to "
                "`options` instead (e.g. from an st.text_input)")
    return _NO_EXT


def _icon(icon: Any, kind: str, label: Any) -> dict:
    return {"icon": check_icon(icon, kind, label)} if icon else _NO_EXT


def radio(label: str, options: Iterable, index: int | None = 0,
          format_func: Callable[[Any], Any] = str, key: str | int | None = None,
          help: str | None = None, on_change: Callable | str | None = "rerun",
          args: Iterable | None = None, kwargs: dict | None = None, *,
          disabled: bool = False, horizontal: bool = False, captions: Sequence | None = None,
          label_visibility: str = "visible", width: Any = "content", bind: Any = None,
          persist_state: Any = None) -> Any:
    """Radio buttons: returns the chosen option.

    Example:
        >>> size = st.radio("Size", ["S", "M", "L"], horizontal=True)   # doctest: +SKIP
    """
    size_ignored("radio", width, "content")
    return _single_choice("radio", label, options, index, format_func, key, help, on_change,
                          args, kwargs, disabled, label_visibility, horizontal=horizontal,
                          captions=list(captions) if captions else None,
                          **_ext("radio", bind, persist_state))


def multiselect(label: str, options: Iterable, default: Any = None,
                format_func: Callable[[Any], Any] = str, key: str | int | None = None,
                help: str | None = None, on_change: Callable | str | None = "rerun",
                args: Iterable | None = None, kwargs: dict | None = None, *,
                max_selections: int | None = None, placeholder: str | None = None,
                disabled: bool = False, label_visibility: str = "visible",
                accept_new_options: bool = False, filter_mode: str | None = "fuzzy",
                select_all: bool | int = 1000, width: Any = "stretch",
                wrap: bool | None = None, bind: Any = None, persist_state: Any = None) -> list:
    """Choose several options: returns a list.

    Example:
        >>> picked = st.multiselect("Fruit", ["apple", "pear"], ["pear"])  # doctest: +SKIP
    """
    size_ignored("multiselect", width, "stretch")
    ctx = require("multiselect")
    key = _common("multiselect", label, key, on_change, label_visibility)
    opts, labels = _options("multiselect", label, options, format_func)
    what = _what("multiselect", label)
    chosen = _defaults_in(opts, default, what)
    if max_selections is not None:
        if not _is_int(max_selections) or max_selections < 1:
            raise InvalidArgumentError(f"{what}max_selections must be a positive int.")
        if len(chosen) > max_selections:
            raise SelectionCountExceedsMaxError(len(chosen), max_selections, what)
    if select_all != 1000:
        ignored("multiselect", "select_all", select_all, "select_all")
    props = _props(label, help, disabled, label_visibility, options=opts, labels=labels,
                   max_selections=max_selections, placeholder=_placeholder(placeholder),
                   **_filter("multiselect", filter_mode, accept_new_options),
                   **_ext("multiselect", bind, persist_state, wrap=wrap))
    return ctx.widget(KINDS["multiselect"], label, key, (label, tuple(labels), max_selections),
                      props, chosen, default is not None, on_change, args, kwargs,
                      format_func=format_func)


def _defaults_in(opts: list, default: Any, what: str) -> list:
    if default is None:
        return []
    if isinstance(default, (list, tuple, set, frozenset)) or (
            hasattr(default, "__iter__") and not isinstance(default, (str, bytes))):
        items = list(default)
    else:
        items = [default]
    out = []
    for d in items:
        i = option_index(opts, d, strict=False)
        if i is None:
            raise DefaultNotInOptionsError(d, opts, what)
        out.append(opts[i])
    return out


def pills(label: str, options: Iterable, *, selection_mode: str = "single",
          default: Any = None, required: bool = False, format_func: Callable | None = None,
          key: str | int | None = None, help: str | None = None,
          on_change: Callable | str | None = "rerun", args: Iterable | None = None,
          kwargs: dict | None = None, disabled: bool = False,
          label_visibility: str = "visible", width: Any = "content",
          wrap: bool | None = None, bind: Any = None, persist_state: Any = None) -> Any:
    """Pill buttons: one option (or ``None``), or a list with ``selection_mode="multi"``.

    Example:
        >>> tag = st.pills("Tag", ["a", "b"])                           # doctest: +SKIP
    """
    size_ignored("pills", width, "content")
    return _toggle_group("pills", label, options, selection_mode, default, format_func, key,
                         help, on_change, args, kwargs, disabled, label_visibility,
                         _ext("pills", bind, persist_state, required, wrap))


def segmented_control(label: str, options: Iterable, *, selection_mode: str = "single",
                      default: Any = None, required: bool = False,
                      format_func: Callable | None = None,
                      key: str | int | None = None, help: str | None = None,
                      on_change: Callable | str | None = "rerun", args: Iterable | None = None,
                      kwargs: dict | None = None, disabled: bool = False,
                      label_visibility: str = "visible", width: Any = "content",
                      wrap: bool | None = None, bind: Any = None,
                      persist_state: Any = None) -> Any:
    """A segmented control: like :func:`pills`, drawn as one bar.

    Example:
        >>> view = st.segmented_control("View", ["Map", "Table"])       # doctest: +SKIP
    """
    size_ignored("segmented_control", width, "content")
    return _toggle_group("segmented_control", label, options, selection_mode, default,
                         format_func, key, help, on_change, args, kwargs, disabled,
                         label_visibility,
                         _ext("segmented_control", bind, persist_state, required, wrap))


def _toggle_group(kind, label, options, selection_mode, default, format_func, key, help,
                  on_change, args, kwargs, disabled, label_visibility, ext):
    ctx = require(kind)
    key = _common(kind, label, key, on_change, label_visibility)
    what = _what(kind, label)
    if selection_mode not in ("single", "multi"):
        raise InvalidArgumentError(
            f"{what}selection_mode must be 'single' or 'multi', got {selection_mode!r}.")
    opts, labels = _options(kind, label, options, format_func)
    if not opts:
        raise MissingRequiredParameterError(f"{what}options must not be empty.")
    multi = selection_mode == "multi"
    chosen = _defaults_in(opts, default, what)
    if not multi and len(chosen) > 1:
        raise InvalidArgumentError(f"{what}default may name one option in single mode.")
    value = chosen if multi else (chosen[0] if chosen else None)
    props = _props(label, help, disabled, label_visibility, options=opts, labels=labels,
                   multi=multi, allow_none=True, **ext)
    return ctx.widget(KINDS[kind], label, key, (label, tuple(labels), multi), props, value,
                      default is not None, on_change, args, kwargs, format_func=format_func)


# -- numbers -------------------------------------------------------------------------------
# the value type of an argument, by exact type first: scripts pass plain ints and floats on
# every run, and the isinstance() chain below (numbers ABCs) is the slow path for them
_EXACT_DTYPES: dict[type, str | None] = {
    type(None): None, bool: "bool", int: "int", float: "float", _dt.datetime: "datetime",
    _dt.date: "date", _dt.time: "time", _dt.timedelta: "timedelta",
}


def _dtype(v: Any) -> str | None:
    try:
        return _EXACT_DTYPES[type(v)]
    except (KeyError, TypeError):  # a subclass, numpy scalar, ... (TypeError: unhashable type)
        pass
    if isinstance(v, bool):
        return "bool"
    if _is_int(v):
        return "int"
    if _is_real(v):
        return "float"
    if isinstance(v, _dt.datetime):
        return "datetime"
    if isinstance(v, _dt.date):
        return "date"
    if isinstance(v, _dt.time):
        return "time"
    if isinstance(v, _dt.timedelta):
        return "timedelta"
    return type(v).__name__


_DAY = _dt.timedelta(days=1)


def slider(label: str, min_value: Any = None, max_value: Any = None, value: Any = None,
           step: Any = None, format: str | None = None, key: str | int | None = None,
           help: str | None = None, on_change: Callable | str | None = "rerun",
           args: Iterable | None = None, kwargs: dict | None = None, *,
           disabled: bool = False, label_visibility: str = "visible",
           width: Any = "stretch", bind: Any = None, persist_state: Any = None) -> Any:
    """A slider over ints, floats, dates, times or datetimes; a pair of values for a range.

    Example:
        >>> lo, hi = st.slider("Range", 0, 100, (20, 80))               # doctest: +SKIP
    """
    size_ignored("slider", width, "stretch")
    ctx = require("slider")
    if key is not None or on_change not in (None, "rerun") or label_visibility != "visible":
        key = _common("slider", label, key, on_change, label_visibility)
    value_given = value is not None
    if value is None:
        single = True
        if key is not None and key in ctx.store.values:
            single = not isinstance(ctx.store.values[key], (list, tuple))
        lo = min_value if min_value is not None else 0
        value = lo if single else (lo, max_value if max_value is not None else 100)
    # a range is not cached: (0, 1) and (0.0, 1.0) are equal keys but different sliders
    check = _slider_args if isinstance(value, (list, tuple)) else _slider_args_cached
    try:
        dtype, mn, mx, st_, default, is_range = check(label, min_value, max_value, value, step)
    except TypeError:  # an unhashable argument for the cache (a TypeError of a check recurs)
        dtype, mn, mx, st_, default, is_range = _slider_args(label, min_value, max_value, value,
                                                              step)
    props = {"label": label, "help": help, "disabled": bool(disabled),
             "label_visibility": label_visibility, "min": mn, "max": mx, "step": st_,
             "format": format, "dtype": dtype, "range": is_range, "_kind": "slider",
             **_ext("slider", bind, persist_state)}
    # dtype too: 0 == 0.0, so without it an int and a float slider could share a cached id
    return ctx.widget(KINDS["slider"], label, key,
                      (label, mn, mx, st_, format, is_range, dtype),
                      props, default, value_given, on_change, args, kwargs)


def _slider_args(label: Any, min_value: Any, max_value: Any, value: Any,
                 step: Any) -> tuple[str, Any, Any, Any, Any, bool]:
    """Check a slider's arguments: ``(dtype, min, max, step, default, is_range)`` or raise."""
    what = f'`st.slider` "{label}": '
    is_range = isinstance(value, (list, tuple))
    if is_range:
        if len(value) not in (1, 2):
            raise InvalidArgumentError(f"{what}value must be one value or a pair, got {value!r}.")
        vals = tuple(value) if len(value) == 2 else (value[0], value[0])
        dtype = _dtype(vals[0])
    else:
        vals = (value,)
        dtype = _dtype(value)
    if dtype not in ("int", "float", "date", "time", "datetime"):
        raise InvalidArgumentError(
            f"{what}value must be an int, float, date, time or datetime (or a pair of them), "
            f"got {type(vals[0]).__name__}.")
    others = [("value", v) for v in vals] + [("min_value", min_value), ("max_value", max_value)]
    for name, v in others:
        d = _dtype(v)
        if d is not None and d != dtype:
            if {d, dtype} <= {"int", "float"}:
                raise MixedNumericTypesError(
                    f"{what}all numerical arguments must be of the same type: `{name}` is "
                    f"{d}, the value is {dtype}. Use all ints or all floats.")
            raise InvalidArgumentError(
                f"{what}`{name}` must be of the same type as the value ({dtype}), got {d}.")
    if step is not None:
        sd = _dtype(step)
        ok = (sd == dtype if dtype in ("int", "float") else sd == "timedelta")
        if not ok:
            if {sd, dtype} <= {"int", "float"}:
                raise MixedNumericTypesError(
                    f"{what}all numerical arguments must be of the same type: `step` is {sd}, "
                    f"the value is {dtype}.")
            raise InvalidArgumentError(f"{what}`step` has the wrong type ({sd}) for {dtype}.")
    if dtype == "int":
        mn = 0 if min_value is None else min_value
        mx = 100 if max_value is None else max_value
        st_ = 1 if step is None else step
    elif dtype == "float":
        mn = 0.0 if min_value is None else min_value
        mx = 1.0 if max_value is None else max_value
        st_ = 0.01 if step is None else step
    elif dtype == "time":
        mn = _dt.time(0, 0) if min_value is None else min_value
        mx = _dt.time(23, 59, 59, 999999) if max_value is None else max_value
        st_ = _dt.timedelta(minutes=15) if step is None else step
    else:  # date / datetime
        mn = vals[0] - 14 * _DAY if min_value is None else min_value
        mx = vals[-1] + 14 * _DAY if max_value is None else max_value
        st_ = _DAY if step is None else step
    if mn > mx or (mn == mx and dtype in ("int", "float")):
        raise InvalidMinMaxError(mn, mx, what)
    for v in vals:
        if v < mn:
            raise ValueBelowMinError(v, mn, what)
        if v > mx:
            raise ValueAboveMaxError(v, mx, what)
    default = vals if is_range else vals[0]
    return dtype, mn, mx, st_, default, is_range


# The checks are a pure function of the arguments, and an app calls st.slider with the same
# arguments on every rerun: remember the outcome (errors are not cached, so they raise every
# time). typed=True keeps 1, 1.0 and True apart; range values (tuples) bypass the cache, as
# typed=True does not look inside them.
_slider_args_cached = functools.lru_cache(maxsize=4096, typed=True)(_slider_args)


def number_input(label: str, min_value: Any = None, max_value: Any = None,
                 value: Any = "min", step: Any = None, format: str | None = None,
                 key: str | int | None = None, help: str | None = None,
                 on_change: Callable | str | None = "rerun", args: Iterable | None = None,
                 kwargs: dict | None = None, *, placeholder: str | None = None,
                 disabled: bool = False, required: bool = False,
                 label_visibility: str = "visible", icon: str | None = None,
                 width: Any = "stretch", bind: Any = None, persist_state: Any = None) -> Any:
    """A number box: an int or float (the type follows the arguments, as in Streamlit).

    Example:
        >>> n = st.number_input("Count", min_value=0, value=3)          # doctest: +SKIP
    """
    size_ignored("number_input", width, "stretch")
    ctx = require("number_input")
    key = _common("number_input", label, key, on_change, label_visibility)
    what = _what("number_input", label)
    given = {"value": None if value in ("min", None) else value, "min_value": min_value,
             "max_value": max_value, "step": step}
    types = {}
    for name, v in given.items():
        d = _dtype(v)
        if d is None:
            continue
        if d not in ("int", "float"):
            raise InvalidArgumentError(f"{what}`{name}` must be an int or float, got {d}.")
        types[name] = d
    if len(set(types.values())) > 1:
        detail = "; ".join(f"`{k}` has {v} type" for k, v in types.items())
        raise MixedNumericTypesError(
            f"{what}all numerical arguments must be of the same type ({detail}).")
    dtype = next(iter(types.values()), "float")
    allow_none = value is None
    if isinstance(value, str):
        if value != "min":
            raise InvalidArgumentError(f"{what}value must be a number, 'min' or None.")
        value = min_value if min_value is not None else (0 if dtype == "int" else 0.0)
    if min_value is not None and max_value is not None and min_value > max_value:
        raise InvalidMinMaxError(min_value, max_value, what)
    if value is not None:
        if min_value is not None and value < min_value:
            raise ValueBelowMinError(value, min_value, what)
        if max_value is not None and value > max_value:
            raise ValueAboveMaxError(value, max_value, what)
        value = int(value) if dtype == "int" else float(value)
    st_ = step if step is not None else (1 if dtype == "int" else 0.01)
    props = _props(label, help, disabled, label_visibility, min=min_value, max=max_value,
                   step=st_, format=format, dtype=dtype, placeholder=placeholder,
                   allow_none=allow_none, _kind="number_input",
                   **_icon(icon, "number_input", label),
                   **_ext("number_input", bind, persist_state, required))
    return ctx.widget(KINDS["number_input"], label, key,
                      (label, min_value, max_value, st_, format, dtype), props, value,
                      given["value"] is not None, on_change, args, kwargs)


def select_slider(label: str, options: Iterable = (), value: Any = None,
                  format_func: Callable[[Any], Any] = str, key: str | int | None = None,
                  help: str | None = None, on_change: Callable | str | None = "rerun",
                  args: Iterable | None = None, kwargs: dict | None = None, *,
                  disabled: bool = False, label_visibility: str = "visible",
                  width: Any = "stretch", bind: Any = None, persist_state: Any = None) -> Any:
    """A slider over a list of options; a pair for a range.

    Example:
        >>> size = st.select_slider("Size", ["S", "M", "L"], value="M")  # doctest: +SKIP
    """
    size_ignored("select_slider", width, "stretch")
    ctx = require("select_slider")
    key = _common("select_slider", label, key, on_change, label_visibility)
    what = _what("select_slider", label)
    opts, labels = _options("select_slider", label, options, format_func)
    if not opts:
        raise MissingRequiredParameterError(f"{what}options must not be empty.")
    is_range = isinstance(value, (list, tuple)) and len(value) == 2
    wanted = tuple(value) if is_range else ((opts[0],) if value is None else (value,))
    found = _defaults_in(opts, list(wanted), what)
    default = tuple(found) if is_range else found[0]
    props = _props(label, help, disabled, label_visibility, options=opts, labels=labels,
                   range=is_range, _kind="select_slider",
                   **_ext("select_slider", bind, persist_state))
    return ctx.widget(KINDS["select_slider"], label, key, (label, tuple(labels), is_range),
                      props, default, value is not None, on_change, args, kwargs,
                      format_func=format_func)


# -- text ----------------------------------------------------------------------------------
def _text(kind, label, value, max_chars, key, help, on_change, args, kwargs, disabled,
          label_visibility, **extra):
    ctx = require(kind)
    key = _common(kind, label, key, on_change, label_visibility)
    what = _what(kind, label)
    if value is not None and not isinstance(value, str):
        value = str(value)
    if max_chars is not None and (not _is_int(max_chars) or max_chars < 1):
        raise InvalidArgumentError(f"{what}max_chars must be a positive int.")
    if value is not None and max_chars is not None and len(value) > max_chars:
        value = value[:max_chars]
    props = _props(label, help, disabled, label_visibility, max_chars=max_chars,
                   allow_none=value is None, _kind=kind, **extra)
    return ctx.widget(KINDS[kind], label, key, (label, max_chars, extra.get("type"),
                                                str(extra.get("validate"))), props,
                      value, value not in ("", None), on_change, args, kwargs)


def text_input(label: str, value: str | None = "", max_chars: int | None = None,
               key: str | int | None = None, type: str = "default", help: str | None = None,
               autocomplete: str | None = None, on_change: Callable | str | None = "rerun",
               args: Iterable | None = None, kwargs: dict | None = None, *,
               placeholder: str | None = None, disabled: bool = False,
               required: bool = False, label_visibility: str = "visible",
               icon: str | None = None, validate: str | tuple[str, str] | None = None,
               live: str | bool = False, width: Any = "stretch", bind: Any = None,
               persist_state: Any = None) -> str | None:
    """A one-line text box (``type="password"`` hides what is typed).

    Example:
        >>> name = st.text_input("Your name", key="name")              # doctest: +SKIP
    """
    size_ignored("text_input", width, "stretch")
    if autocomplete is not None:
        ignored("text_input", "autocomplete", autocomplete,
                "the notebook's text box (an ipywidgets Text) takes no autocomplete attribute")
    if type not in _TEXT_TYPES:
        raise InvalidArgumentError(
            f"{_what('text_input', label)}type must be one of "
            f"{', '.join(repr(t) for t in _TEXT_TYPES)}, got {type!r}.")
    extra = dict(_ext("text_input", bind, persist_state, required),
                 **_icon(icon, "text_input", label))
    if validate is None and type in _TYPE_RULES:
        validate = _TYPE_RULES[type]  # email and url check their format unless validate=""
    if validate:
        pattern, message = (validate, None) if isinstance(validate, str) else validate
        try:
            re.compile(pattern)
        except re.error as e:
            raise InvalidArgumentError(
                f"{_what('text_input', label)}validate is not a valid regular expression: "
                f"{e}.") from None
        # a value from the frontend that does not match is refused (kinds.check_text)
        extra["validate"] = (pattern, message)
    if live is not False:
        if live is not True and not isinstance(live, str):
            raise InvalidArgumentError(
                f"{_what('text_input', label)}live must be True, False or a duration string "
                f"such as '250ms', got {live!r}.")
        extra["live"] = live  # the live frontend sends the text as it is typed
    return _text("text_input", label, value, max_chars, key, help, on_change, args, kwargs,
                 disabled, label_visibility, type=type, placeholder=placeholder, **extra)


_TEXT_TYPES = ("default", "password", "email", "url", "phone", "search")
_TYPE_RULES = {"email": (r"[^@\s]+@[^@\s]+\.[^@\s]+", "Enter an email address."),
               "url": (r"[a-zA-Z][a-zA-Z0-9+.-]*://\S+", "Enter a URL.")}


def text_area(label: str, value: str | None = "", height: int | None = None,
              max_chars: int | None = None, key: str | int | None = None,
              help: str | None = None, on_change: Callable | str | None = "rerun",
              args: Iterable | None = None, kwargs: dict | None = None, *,
              placeholder: str | None = None, disabled: bool = False,
              required: bool = False, label_visibility: str = "visible",
              width: Any = "stretch", bind: Any = None,
              persist_state: Any = None) -> str | None:
    """A multi-line text box.

    Example:
        >>> notes = st.text_area("Notes", height=120)                   # doctest: +SKIP
    """
    size_ignored("text_area", width, "stretch")
    return _text("text_area", label, value, max_chars, key, help, on_change, args, kwargs,
                 disabled, label_visibility, height=height, placeholder=placeholder,
                 **_ext("text_area", bind, persist_state, required))


# -- dates, times, colours, files ----------------------------------------------------------
def _years(d: _dt.date, n: int) -> _dt.date:
    """``d`` moved by ``n`` years, saturating at ``date.min``/``date.max`` as Streamlit's
    default bounds do (a 29 February becomes the 28th)."""
    year = d.year + n
    if year > _dt.date.max.year:
        return _dt.date.max
    if year < _dt.date.min.year:
        return _dt.date.min
    try:
        return d.replace(year=year)
    except ValueError:  # 29 February
        return d.replace(year=year, day=28)


def date_input(label: str, value: Any = "today", min_value: Any = None,
               max_value: Any = None, key: str | int | None = None, help: str | None = None,
               on_change: Callable | str | None = "rerun", args: Iterable | None = None,
               kwargs: dict | None = None, *, format: str = "YYYY/MM/DD",
               disabled: bool = False, required: bool = False,
               label_visibility: str = "visible", width: Any = "stretch",
               bind: Any = None, persist_state: Any = None) -> Any:
    """A date picker: a ``date``, or a tuple of dates when ``value`` is a list or tuple.

    Example:
        >>> start = st.date_input("Start", datetime.date(2024, 1, 1))   # doctest: +SKIP
    """
    size_ignored("date_input", width, "stretch")
    ctx = require("date_input")
    key = _common("date_input", label, key, on_change, label_visibility)
    what = _what("date_input", label)

    def as_date(v: Any, name: str) -> _dt.date:
        if isinstance(v, _dt.datetime):
            return v.date()
        if isinstance(v, _dt.date):
            return v
        if isinstance(v, str):
            if v == "today":
                return _dt.date.today()
            try:
                return _dt.date.fromisoformat(v)
            except ValueError:
                pass
        raise InvalidArgumentError(f"{what}`{name}` must be a date, got {v!r}.")

    is_range = isinstance(value, (list, tuple))
    allow_none = value is None
    if is_range:
        if len(value) > 2:
            raise InvalidArgumentError(f"{what}a date range has at most two dates.")
        default: Any = tuple(as_date(v, "value") for v in value)
        dates = default
    elif value is None:
        default = None
        dates = ()
    else:
        default = as_date(value, "value")
        dates = (default,)
    # as Streamlit's: the default bounds are ten years before the first date and after the
    # last one (of a range: its start and its end), or around today without a date
    today = _dt.date.today()
    mn = as_date(min_value, "min_value") if min_value is not None else \
        _years(dates[0] if dates else today, -10)
    mx = as_date(max_value, "max_value") if max_value is not None else \
        _years(dates[-1] if dates else today, 10)
    if isinstance(value, str) and value == "today":
        # today outside the given bounds is the nearer bound, as in Streamlit
        default = min(max(default, mn), mx)
        dates = (default,)
    if mn > mx:
        raise InvalidMinMaxError(mn, mx, what)
    # (Streamlit checks a range's start against the minimum and its end against the maximum)
    if dates and dates[0] < mn:
        raise ValueBelowMinError(dates[0], mn, what)
    if dates and dates[-1] > mx:
        raise ValueAboveMaxError(dates[-1], mx, what)
    props = _props(label, help, disabled, label_visibility, min=mn, max=mx, range=is_range,
                   format=format, allow_none=allow_none, _kind="date_input",
                   **_ext("date_input", bind, persist_state, required))
    return ctx.widget(KINDS["date_input"], label, key, (label, mn, mx, is_range, format),
                      props, default, value not in ("today", None), on_change, args, kwargs,
                      id_default=value if isinstance(value, str) else default)


def time_input(label: str, value: Any = "now", key: str | int | None = None,
               help: str | None = None, on_change: Callable | str | None = "rerun",
               args: Iterable | None = None, kwargs: dict | None = None, *,
               disabled: bool = False, required: bool = False,
               label_visibility: str = "visible", step: Any = _dt.timedelta(minutes=15),
               format: str = "24h", width: Any = "stretch", bind: Any = None,
               persist_state: Any = None) -> Any:
    """A time picker.

    Example:
        >>> t = st.time_input("Alarm", datetime.time(7, 30))            # doctest: +SKIP
    """
    size_ignored("time_input", width, "stretch")
    ctx = require("time_input")
    key = _common("time_input", label, key, on_change, label_visibility)
    what = _what("time_input", label)
    step = time_step(what, step)
    if value == "now":
        now = _dt.datetime.now()
        secs = (now.hour * 3600 + now.minute * 60) // int(step.total_seconds())
        secs *= int(step.total_seconds())
        default = _dt.time(secs // 3600, (secs % 3600) // 60)
    elif value is None:
        default = None
    elif isinstance(value, _dt.datetime):
        default = value.time()
    elif isinstance(value, _dt.time):
        default = value
    elif isinstance(value, str):
        try:
            default = _dt.time.fromisoformat(value)
        except ValueError:
            raise InvalidArgumentError(f"{what}value must be a time, got {value!r}.") from None
    else:
        raise InvalidArgumentError(f"{what}value must be a time, got {value!r}.")
    if format != "24h":
        choice("time_input", "format", format, ("12h", "24h", "localized"))
        ignored("time_input", "format", format, "time_format")
    props = _props(label, help, disabled, label_visibility, step=step,
                   allow_none=value is None, _kind="time_input",
                   **_ext("time_input", bind, persist_state, required))
    return ctx.widget(KINDS["time_input"], label, key, (label, step), props, default,
                      value not in ("now", None), on_change, args, kwargs,
                      id_default=value if isinstance(value, str) else default)


def color_picker(label: str, value: str | None = None, key: str | int | None = None,
                 help: str | None = None, on_change: Callable | str | None = "rerun",
                 args: Iterable | None = None, kwargs: dict | None = None, *,
                 disabled: bool = False, label_visibility: str = "visible",
                 width: Any = "content", bind: Any = None, persist_state: Any = None) -> str:
    """A colour picker: returns ``value=`` as given (``"#ABC"`` stays), then ``"#rrggbb"``
    from the frontend.

    Example:
        >>> c = st.color_picker("Colour", "#00f900")                    # doctest: +SKIP
    """
    size_ignored("color_picker", width, "content")
    ctx = require("color_picker")
    key = _common("color_picker", label, key, on_change, label_visibility)
    what = _what("color_picker", label)
    default = "#000000" if value is None else value
    if not isinstance(default, str) or not _hex(default):
        raise InvalidColorError(
            f'{what}value must be a hex colour such as "#00ff00" or "#0f0", got {value!r}.')
    props = _props(label, help, disabled, label_visibility, _kind="color_picker",
                   **_ext("color_picker", bind, persist_state))
    return ctx.widget(KINDS["color_picker"], label, key, (label,), props, default,
                      value is not None, on_change, args, kwargs)


def _hex(s: str) -> bool:
    import re

    return re.fullmatch(r"#(?:[0-9a-fA-F]{3}){1,2}", s) is not None


def file_uploader(label: str, type: str | Sequence[str] | None = None,
                  accept_multiple_files: bool = False, key: str | int | None = None,
                  help: str | None = None, on_change: Callable | str | None = "rerun",
                  args: Iterable | None = None, kwargs: dict | None = None, *,
                  max_upload_size: int | None = None, disabled: bool = False,
                  label_visibility: str = "visible", width: Any = "stretch") -> Any:
    """A file uploader: ``None`` (or ``[]``), an ``UploadedFile``, or a list of them.
    ``accept_multiple_files="directory"`` picks a folder: the files in it and its subfolders
    that are of the allowed types, each named by its path in the folder.

    Example:
        >>> f = st.file_uploader("CSV", type="csv")                     # doctest: +SKIP
        >>> if f is not None:                                           # doctest: +SKIP
        ...     st.write(f.name, f.size)
        >>> photos = st.file_uploader("Photos", type="jpg",             # doctest: +SKIP
        ...                           accept_multiple_files="directory")
    """
    size_ignored("file_uploader", width, "stretch")
    ctx = require("file_uploader")
    key = _common("file_uploader", label, key, on_change, label_visibility)
    if type is None:
        types = None
    else:
        raw = [type] if isinstance(type, str) else list(type)
        types = sorted({("." + t.lower().lstrip(".")) for t in raw})
    if max_upload_size is None:
        max_size = MAX_UPLOAD_BYTES
    else:
        max_size = int(max_upload_size)
    # "directory": the picker picks a folder; its files (and its subfolders'), of the allowed
    # types only, come named by their path in it ("photos/2024/a.jpg"), as in Streamlit
    directory = accept_multiple_files == "directory"
    props = _props(label, help, disabled, label_visibility, types=types,
                   multiple=bool(accept_multiple_files), max_size=max_size,
                   _kind="file_uploader", **({"directory": True} if directory else {}))
    default: list | None = [] if accept_multiple_files else None
    return ctx.widget(KINDS["file_uploader"], label, key,
                      (label, tuple(types or ()), bool(accept_multiple_files), directory),
                      props, default, False, on_change, args, kwargs)
