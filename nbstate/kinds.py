"""The widget kinds, as data: one row per kind.

A row says whether the kind is button-like (``True`` for one run, not settable through session
state), which callback parameter it takes, how a value from the frontend is checked (``check``:
refuse what the real frontend could not send) and how a value written through session state is
taken (``from_state``: SPEC §8, reset, drop or raise). The ipywidget each kind binds to is the
frontend's business (``nbstate.frontends.ipy``), so this module stays free of ipywidgets.

Example:
    >>> KINDS["checkbox"].check({}, True)
    True
"""

from __future__ import annotations

import datetime as _dt
import math
import numbers
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .errors import (
    RefusedValue,
    SelectionCountExceedsMaxError,
    ValueAboveMaxError,
    ValueBelowMinError,
    short_repr,
)
from .options import find_option


@dataclass(frozen=True)
class Kind:
    name: str
    check: Callable[[dict, Any], Any]
    from_state: Callable[[dict, Any, Any, Any, Any], Any]
    button_like: bool = False
    settable: bool = True
    submit: bool = False
    callback: str = "on_change"
    value_type: str = ""
    #: a container whose state is a value (tabs, expander, popover with on_change)
    container: bool = False


# -- value types ------------------------------------------------------------------------
# `type(v) is int` first: isinstance() against the numbers ABCs costs about a microsecond,
# and every widget call and frontend value goes through here on every run. The ABC check
# still accepts numpy and other registered numeric types.
def _is_int(v: Any) -> bool:
    return type(v) is int or (isinstance(v, numbers.Integral) and not isinstance(v, bool))


def _is_real(v: Any) -> bool:
    t = type(v)
    return t is float or t is int or (isinstance(v, numbers.Real) and not isinstance(v, bool))


def _scalar_ok(dtype: str, v: Any) -> Any:
    """Return v as dtype, or raise RefusedValue naming the expected type."""
    if dtype == "int":
        if _is_int(v):
            return int(v)
        raise RefusedValue(f"expected an int, got {type(v).__name__}")
    if dtype == "float":
        if _is_real(v):
            try:
                f = float(v)
            except OverflowError:  # an int too large for a float
                raise RefusedValue("expected a finite number") from None
            if math.isnan(f) or math.isinf(f):
                raise RefusedValue("expected a finite number")
            return f
        raise RefusedValue(f"expected a number, got {type(v).__name__}")
    if dtype == "datetime":
        if isinstance(v, _dt.datetime):
            return v
        raise RefusedValue(f"expected a datetime, got {type(v).__name__}")
    if dtype == "date":
        if isinstance(v, _dt.date) and not isinstance(v, _dt.datetime):
            return v
        raise RefusedValue(f"expected a date, got {type(v).__name__}")
    if dtype == "time":
        if isinstance(v, _dt.time):
            return v
        raise RefusedValue(f"expected a time, got {type(v).__name__}")
    raise RefusedValue(f"unknown value type {dtype}")


def _in_range(spec: dict, v: Any) -> None:
    lo, hi = spec.get("min"), spec.get("max")
    if lo is not None and v < lo:
        raise RefusedValue(f"{v!r} is below the minimum {lo!r}")
    if hi is not None and v > hi:
        raise RefusedValue(f"{v!r} is above the maximum {hi!r}")


def _pair(v: Any) -> tuple:
    if not isinstance(v, (list, tuple)) or len(v) != 2:
        raise RefusedValue("expected a pair (low, high)")
    return tuple(v)


# -- checks: a value from the frontend ---------------------------------------------------
def check_bool(spec: dict, v: Any) -> bool:
    if type(v) is bool:
        return v
    raise RefusedValue(f"expected True or False, got {type(v).__name__}")


def check_trigger(spec: dict, v: Any) -> bool:
    if v is True:
        return True
    raise RefusedValue("a button only takes a click (True)")


#: the largest integer a browser's number can hold exactly (Number.MAX_SAFE_INTEGER)
MAX_SAFE_INT = 2**53 - 1


def _frontend_number(dtype: str, v: Any) -> Any:
    v = _scalar_ok(dtype, v)
    if dtype == "int" and not -MAX_SAFE_INT <= v <= MAX_SAFE_INT:
        raise RefusedValue(f"an int beyond what a browser can send (±{MAX_SAFE_INT})")
    return v


def check_number(spec: dict, v: Any) -> Any:
    if v is None and spec.get("allow_none"):
        return None
    dtype = spec["dtype"]
    if spec.get("range"):
        lo, hi = (_frontend_number(dtype, x) for x in _pair(v))
        _in_range(spec, lo)
        _in_range(spec, hi)
        if lo > hi:
            raise RefusedValue("the low end of the range is above the high end")
        return (lo, hi)
    v = _frontend_number(dtype, v)
    _in_range(spec, v)
    return v


def check_slider(spec: dict, v: Any) -> Any:
    """A number (or pair) as ``check_number``, on the slider's step grid: its frontend only
    sends ``min + k * step`` (a number box may send any value)."""
    v = check_number(spec, v)
    if v is not None and spec["dtype"] in ("int", "float"):
        for x in v if spec.get("range") else (v,):
            _on_grid(spec, x)
    return v


def _on_grid(spec: dict, v: Any) -> None:
    step, lo = spec["step"], spec["min"]
    k = (v - lo) / step
    if abs(k - round(k)) > 1e-6:
        raise RefusedValue(f"{v!r} is not on the slider's steps ({lo!r} + k * {step!r})")


def _find_option(spec: dict, v: Any) -> Any:
    return find_option(spec["options"], v)


def check_option(spec: dict, v: Any) -> Any:
    if v is None and spec.get("allow_none"):
        return None
    if spec.get("range"):
        lo, hi = (_find_option(spec, x) for x in _pair(v))
        idx = spec["options"].index
        if idx(lo) > idx(hi):
            raise RefusedValue("the low end of the range is after the high end")
        return (lo, hi)
    return _find_option(spec, v)


def check_options(spec: dict, v: Any) -> list:
    if v is None and spec.get("allow_none"):
        return []
    if not isinstance(v, (list, tuple)):
        raise RefusedValue(f"expected a list of options, got {type(v).__name__}")
    out = [_find_option(spec, x) for x in v]
    if len({id(o) for o in out}) != len(out):
        raise RefusedValue("an option is selected twice")
    mx = spec.get("max_selections")
    if mx is not None and len(out) > mx:
        raise RefusedValue(f"{len(out)} options selected, at most {mx} allowed")
    return out


def _unicode(v: str) -> None:
    """Refuse text with a lone surrogate (JSON can carry one, UTF-8 cannot): it could never
    be sent back to the frontend, so storing it would break every later update."""
    try:
        v.encode("utf-8")
    except UnicodeEncodeError:
        raise RefusedValue("the text is not valid Unicode (a lone surrogate)") from None


def check_text(spec: dict, v: Any) -> Any:
    if v is None and spec.get("allow_none"):
        return None
    if not isinstance(v, str):
        raise RefusedValue(f"expected a str, got {type(v).__name__}")
    _unicode(v)
    mx = spec.get("max_chars")
    if mx is not None and len(v) > mx:
        raise RefusedValue(f"{len(v)} characters, at most {mx} allowed (max_chars)")
    rule = spec.get("validate")
    if rule is not None and v and re.fullmatch(rule[0], v) is None:
        raise RefusedValue(rule[1] or f"it does not match the pattern {rule[0]!r} (validate)")
    return v


def check_date(spec: dict, v: Any) -> Any:
    if v is None and spec.get("allow_none"):
        return None
    if spec.get("range"):
        if not isinstance(v, (list, tuple)) or len(v) > 2:
            raise RefusedValue("expected a tuple of up to two dates")
        out = tuple(_scalar_ok("date", x) for x in v)
        for x in out:
            _in_range(spec, x)
        if len(out) == 2 and out[0] > out[1]:
            raise RefusedValue("the start date is after the end date")
        return out
    v = _scalar_ok("date", v)
    _in_range(spec, v)
    return v


def check_time(spec: dict, v: Any) -> Any:
    if v is None and spec.get("allow_none"):
        return None
    return _scalar_ok("time", v)


_COLOR = re.compile(r"#[0-9a-fA-F]{6}")


def check_color(spec: dict, v: Any) -> str:
    if isinstance(v, str) and _COLOR.fullmatch(v):  # no trailing newline
        return v.lower() if spec.get("lower") else v
    raise RefusedValue('expected a colour as "#rrggbb"')


def check_files(spec: dict, v: Any) -> Any:
    from .uploads import UploadedFile, mime_fits, safe_file_name, safe_relative_path

    if v is None or (spec.get("multiple") and v == []):
        return [] if spec.get("multiple") else None
    files = list(v) if isinstance(v, (list, tuple)) else [v]
    if not spec.get("multiple") and len(files) != 1:
        raise RefusedValue("this uploader takes one file")
    for f in files:
        if not isinstance(f, UploadedFile):
            raise RefusedValue(f"expected an uploaded file, got {type(f).__name__}")
        _unicode(f.name)
        _unicode(f.type)
        if "\0" in f.name:  # as Streamlit: a NUL could hide the real extension
            raise RefusedValue("a file name cannot contain null bytes")
        # a folder's files keep their path in it (no "..", no absolute path)
        f.name = safe_relative_path(f.name) if spec.get("directory") else safe_file_name(f.name)
        types = spec.get("types")
        if types:
            base = f.name.rsplit("/", 1)[-1]
            ext = base.rsplit(".", 1)[-1].lower() if "." in base else ""
            if "." + ext not in types:
                raise RefusedValue(f"{f.name!r} is not of an allowed type ({', '.join(types)})")
            if not mime_fits(f.type, "." + ext):
                raise RefusedValue(f"{f.name!r} says its content is {f.type!r}, which is not "
                                   f"a .{ext} file")
        mx = spec.get("max_size")
        if mx is not None and f.size > mx:
            raise RefusedValue(f"{f.name!r} is {f.size} bytes, larger than the {mx} allowed")
    return files if spec.get("multiple") else files[0]


# -- from_state: a value written through session state (SPEC §8) ----------------------------
def _type_error(spec: dict, v: Any, label: Any, key: Any, expected: str) -> TypeError:
    # exactly TypeError, as Streamlit raises (SPEC §8)
    return TypeError(
        f'`st.{spec.get("_kind", "widget")}` "{label}" (key "{key}") expects {expected}, but '
        f"st.session_state[\"{key}\"] holds {short_repr(v)} of type {type(v).__name__}. "
        "Assign a value of the right type. To recover, execute the app's cell again: the "
        "value is then discarded and the widget keeps its last value (or assign a valid one "
        f'with st.session_state["{key}"] = ... in a cell first).')


def _expected(reason: str) -> str:
    """What a refusal reason says was expected: "expected an int, got float" -> "an int"."""
    return reason.removeprefix("expected ").split(", got ")[0]


def state_bool(spec, v, default, label, key):
    if type(v) is bool:
        return v
    raise _type_error(spec, v, label, key, "a bool")


def state_slider(spec, v, default, label, key):
    what = f'`st.slider` "{label}" (key "{key}"): '
    try:
        vals = _pair(v) if spec.get("range") else (v,)
        vals = tuple(_scalar_ok(spec["dtype"], x) for x in vals)
    except RefusedValue as r:
        raise _type_error(spec, v, label, key, _expected(r.reason)) from None
    for x in vals:
        if x < spec["min"]:
            raise ValueBelowMinError(x, spec["min"], what)
        if x > spec["max"]:
            raise ValueAboveMaxError(x, spec["max"], what)
    return vals if spec.get("range") else vals[0]


# As in current Streamlit, None written through session state empties the widgets that can be
# empty (number, text, date and time inputs, selectbox, radio, pills), whatever their value=.
def state_number(spec, v, default, label, key):
    if v is None:
        return None
    raw = v
    try:
        v = _scalar_ok(spec["dtype"], v)
    except RefusedValue as r:
        raise _type_error(spec, v, label, key, _expected(r.reason)) from None
    lo, hi = spec.get("min"), spec.get("max")
    if (lo is not None and v < lo) or (hi is not None and v > hi):
        return default
    # an int written to a float box is kept as written, as Streamlit does
    return raw if _is_int(raw) else v


def state_option(spec, v, default, label, key):
    if v is None:
        return None
    try:
        return check_option(spec, v)
    except RefusedValue:
        return default


def state_select_slider(spec, v, default, label, key):
    try:
        return check_option(spec, tuple(v) if isinstance(v, list) else v)
    except RefusedValue:
        return default


def state_options(spec, v, default, label, key):
    if v is None:
        v = []
    if not isinstance(v, (list, tuple)):
        v = [v]
    out = []
    for x in v:
        try:
            out.append(_find_option(spec, x))
        except RefusedValue:
            continue
    mx = spec.get("max_selections")
    if mx is not None and len(out) > mx:
        raise SelectionCountExceedsMaxError(len(out), mx, f'`st.multiselect` "{label}": ')
    return out


def state_text(spec, v, default, label, key):
    # a text longer than max_chars is kept as written, as Streamlit does
    if v is None or isinstance(v, str):
        return v
    raise _type_error(spec, v, label, key, "a str")


def _as_date(spec, v, label, key):
    if isinstance(v, _dt.datetime):
        return v.date()
    if isinstance(v, _dt.date):
        return v
    raise _type_error(spec, v, label, key, "a date")


def state_date(spec, v, default, label, key):
    if v is None:
        return None
    if spec.get("range"):
        if not isinstance(v, (list, tuple)) or len(v) > 2:
            raise _type_error(spec, v, label, key, "a tuple of up to two dates")
        v = tuple(_as_date(spec, x, label, key) for x in v)
    else:
        v = _as_date(spec, v, label, key)
    try:
        return check_date(spec, v)
    except RefusedValue:  # out of range: back to the default, as Streamlit does
        return default


def state_time(spec, v, default, label, key):
    if v is None:
        return None
    try:
        return check_time(spec, v)
    except RefusedValue as r:
        raise _type_error(spec, v, label, key, _expected(r.reason)) from None


def state_color(spec, v, default, label, key):
    try:
        return check_color(spec, v)
    except RefusedValue as r:
        raise _type_error(spec, v, label, key, _expected(r.reason)) from None


def check_pills(spec: dict, v: Any) -> Any:
    return check_options(spec, v) if spec.get("multi") else check_option(spec, v)


def state_pills(spec, v, default, label, key):
    if spec.get("multi"):
        return state_options(spec, v, default, label, key)
    return state_option(spec, v, default, label, key)


def state_never(spec, v, default, label, key):  # button-like kinds raise before this
    return default


def _row(name, check, from_state, **kw) -> Kind:
    return Kind(name, check, from_state, **kw)


KINDS: dict[str, Kind] = {k.name: k for k in [
    _row("button", check_trigger, state_never, button_like=True, settable=False,
         callback="on_click", value_type="bool"),
    _row("download_button", check_trigger, state_never, button_like=True, settable=False,
         callback="on_click", value_type="bool"),
    _row("form_submit_button", check_trigger, state_never, button_like=True, settable=False,
         submit=True,
         callback="on_click", value_type="bool"),
    _row("checkbox", check_bool, state_bool, value_type="bool"),
    _row("toggle", check_bool, state_bool, value_type="bool"),
    _row("radio", check_option, state_option, value_type="option"),
    _row("selectbox", check_option, state_option, value_type="option"),
    _row("multiselect", check_options, state_options, value_type="list"),
    _row("slider", check_slider, state_slider, value_type="number"),
    _row("select_slider", check_option, state_select_slider, value_type="option"),
    _row("text_input", check_text, state_text, value_type="str"),
    _row("text_area", check_text, state_text, value_type="str"),
    _row("number_input", check_number, state_number, value_type="number"),
    _row("date_input", check_date, state_date, value_type="date"),
    _row("time_input", check_time, state_time, value_type="time"),
    _row("color_picker", check_color, state_color, value_type="str"),
    _row("file_uploader", check_files, state_never, settable=False, value_type="file"),
    _row("pills", check_pills, state_pills, value_type="option"),
    _row("segmented_control", check_pills, state_pills, value_type="option"),
    # 1.67: tabs (the open tab's label), expanders and popovers (open or not) with on_change
    _row("tabs", check_option, state_option, value_type="option", container=True),
    _row("expander", check_bool, state_bool, value_type="bool", container=True),
    _row("popover", check_bool, state_bool, value_type="bool", container=True),
]}
