"""What Streamlit's AppTest reads from an element's protobuf message, read from nbstate's props.

Tests written for Streamlit reach past the element's own attributes into its message:
``at.text_input[0].proto.form_id``, ``json.loads(at.get("vega_lite_chart")[0].proto.spec)``,
``at.metric[0].delta`` (an attribute Streamlit's elements look up on the message). nbstate
has no messages; :class:`ProtoView` answers the same field names from the element's props, with
a protobuf message's defaults (``""``, ``0``, ``False``) where the element has nothing, and an
``AttributeError`` for a name no message of that kind has.

Example:
    >>> from nbstate.testing import AppTest
    >>> at = AppTest.from_string(
    ...     "import nbstate as st\\nwith st.form('f'):\\n    st.text_input('Name')\\n"
    ...     "    st.form_submit_button()").run()
    >>> at.text_input[0].proto.form_id, at.text_input[0].proto.max_chars
    ('f', 0)
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Any

#: Streamlit's enums, by the names nbstate's props use
_METRIC_COLORS = {"red": 0, "green": 1, "gray": 2, "grey": 2, "orange": 3, "yellow": 4,
                  "blue": 5, "violet": 6, "primary": 7}
_METRIC_DIRECTIONS = {"down": 0, "up": 1, None: 2}
#: a status's icon (Streamlit sets it from the state)
_STATUS_ICONS = {"running": "spinner", "complete": ":material/check:",
                 "error": ":material/error:"}
#: a slider's data type (Streamlit's Slider.DataType), from its value's type
_SLIDER_TYPES = (("datetime", 2), ("date", 3), ("time", 4), ("float", 1), ("int", 0))


def _prop(name: str, default: Any) -> Callable[[Any], Any]:
    """A field that is a prop of the same meaning (``None``: the message's default)."""
    def get(view: Any) -> Any:
        value = view._el.props.get(name)
        return default if value is None else value
    return get


#: a slider's format when the app gave none (Streamlit's defaults by data type)
_SLIDER_FORMATS = {"int": "%d", "float": "%0.2f", "date": "YYYY-MM-DD",
                   "datetime": "YYYY-MM-DD", "time": "HH:mm"}
_UTC_EPOCH = _dt.datetime(1970, 1, 1, tzinfo=_dt.timezone.utc)


def _micros(delta: _dt.timedelta) -> int:
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def _slider_number(value: Any) -> float:
    """A slider bound or step as its message's double: a number as a float; a date, time or
    datetime as microseconds since 1970 (its wall clock read as UTC; a time on 1 January
    2000, a date at midnight) and a timedelta step in microseconds, as Streamlit sends them."""
    if isinstance(value, _dt.timedelta):
        return float(_micros(value))
    if isinstance(value, _dt.time):
        value = _dt.datetime.combine(_dt.date(2000, 1, 1), value)
    elif isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        value = _dt.datetime.combine(value, _dt.time())
    if isinstance(value, _dt.datetime):
        return float(_micros(value.replace(tzinfo=_dt.timezone.utc) - _UTC_EPOCH))
    return float(value)


def _double(name: str) -> Callable[[Any], Any]:
    """A ``double`` field of a slider's or number input's message (Streamlit's AppTest reads
    the message): ``100.0`` for an int's 100, microseconds for a date's (``_slider_number``);
    None for a bound not given (Streamlit's AppTest reads ``has_min`` so)."""
    def get(view: Any) -> Any:
        value = view._el.props.get(name)
        return None if value is None else _slider_number(value)
    return get


def _slider_format(view: Any) -> str:
    props = view._el.props
    return props.get("format") or _SLIDER_FORMATS.get(str(props.get("dtype")), "")


def _number_format(view: Any) -> str:
    """A number input's format: the app's, else ``%d`` for an int input, ``%0.2f`` for a
    float one (Streamlit's default, which its message carries)."""
    props = view._el.props
    return props.get("format") or ("%d" if props.get("dtype") == "int" else "%0.2f")


def _all_disabled(view: Any) -> bool:
    """A grid's ``disabled`` field: True only for ``disabled=True`` (a list of columns is
    their column config's)."""
    return view._el.props.get("disabled") is True


def _body(view: Any) -> Any:
    return view.value


def _constant(value: Any) -> Callable[[Any], Any]:
    return lambda view: value


def _minute_string(name: str) -> Callable[[Any], Any]:
    """A datetime_input's bound as its message has it: ``"2010-06-15T00:00"``."""
    def get(view: Any) -> Any:
        v = view._el.props.get(name)
        return "" if v is None else (f"{v.year:04d}-{v.month:02d}-{v.day:02d}"
                                     f"T{v.hour:02d}:{v.minute:02d}")
    return get


def _step_seconds(view: Any) -> Any:
    """A time or datetime input's step as its message has it: whole seconds."""
    step = view._el.props.get("step")
    return int(step.total_seconds()) if isinstance(step, _dt.timedelta) else step


def _slider_type(view: Any) -> int:
    value = view._el.props.get("min")
    for cls, name in ((_dt.datetime, "datetime"), (_dt.date, "date"), (_dt.time, "time"),
                      (float, "float")):
        if isinstance(value, cls):
            return dict(_SLIDER_TYPES)[name]
    return 0


#: fields every message of a widget or element has (when its kind has them: see _FIELDS)
_COMMON: dict[str, Callable[[Any], Any]] = {
    "id": lambda v: v._el.id or "",
    "form_id": lambda v: v.form or "",
    "label": _prop("label", ""),
    "help": _prop("help", ""),
    "disabled": _prop("disabled", False),
    "placeholder": _prop("placeholder", ""),
}

#: Streamlit's type name -> its message's fields that nbstate's props carry under another
#: name or form (a field named as a prop is read from the prop)
_FIELDS: dict[str, dict[str, Callable[[Any], Any]]] = {
    "markdown": {"body": _body, "allow_html": _prop("unsafe_allow_html", False),
                 "help": _prop("help", "")},
    # an alert's message: its body and its kind (Streamlit's Alert.Format)
    **{kind: {"body": _body, "format": _constant(n)}
       for n, kind in enumerate(("error", "warning", "info", "success"), start=1)},
    # the text elements whose message has a help field (``""`` when none was given)
    **{kind: {"body": _body, "help": _prop("help", "")}
       for kind in ("caption", "divider", "latex", "title", "header", "subheader", "text")},
    "code": {"code_text": _prop("body", ""), "language": _prop("language", ""),
             "show_line_numbers": _prop("line_numbers", False),
             "wrap_lines": _prop("wrap_lines", False)},
    "slider": {"data_type": _slider_type, "format": _slider_format,
               "min": _double("min"), "max": _double("max"), "step": _double("step")},
    "metric": {"body": _body, "delta": _prop("delta", ""),
               "format": _prop("format", ""),
               "color": lambda v: _METRIC_COLORS.get(v._el.props.get("color"), 2),
               "direction": lambda v: _METRIC_DIRECTIONS.get(v._el.props.get("direction"), 2)},
    "page_link": {"page": lambda v: v._el.props.get("url") or str(v._el.props.get("page") or ""),
                  "external": lambda v: bool(v._el.props.get("url"))},
    "link_button": {"url": _prop("url", "")},
    "status": {"icon": lambda v: _STATUS_ICONS.get(str(v._el.props.get("state")), "")},
    "number_input": {"min": _double("min"), "max": _double("max"), "step": _double("step"),
                     "format": _number_format,
                     "has_min": lambda v: v._el.props.get("min") is not None,
                     "has_max": lambda v: v._el.props.get("max") is not None},
    "date_time_input": {"min": _minute_string("min"), "max": _minute_string("max"),
                        "step": _step_seconds},
    "time_input": {"step": _step_seconds},
    # a dataframe's or data editor's placeholder for missing values (``""`` when not given)
    "dataframe": {"placeholder": _prop("placeholder", ""), "disabled": _all_disabled},
    "data_editor": {"placeholder": _prop("placeholder", ""), "disabled": _all_disabled},
    "text_input": {"max_chars": _prop("max_chars", 0)},
    "text_area": {"max_chars": _prop("max_chars", 0)},
    "vega_lite_chart": {"spec": _prop("spec", ""), "alt": _prop("alt", "")},
    "plotly_chart": {"spec": _prop("spec", ""), "alt": _prop("alt", "")},
    "deck_gl_json_chart": {"json": _prop("spec", ""), "alt": _prop("alt", "")},
}

#: Streamlit's type names whose messages have no label (so no common label/help fields)
_NO_LABEL = {"markdown", "code", "vega_lite_chart", "plotly_chart", "deck_gl_json_chart",
             "graphviz_chart", "title", "header", "subheader", "caption", "text", "json",
             "latex", "divider", "image", "dataframe", "table", "exception", "error", "warning",
             "info", "success", "progress", "html", "balloons", "snow"}


#: Streamlit's type names whose message has an ``icon`` string field: ``""`` when no icon
#: was given (an expander's, a popover's and a dialog's are fields of their block message;
#: Streamlit's AppTest gives ``icon`` as an attribute of an expander, not of a popover or
#: dialog, which nbstate answers the same)
_ICON = {"button", "download_button", "link_button", "page_link", "menu_button", "metric",
         "number_input", "selectbox", "text_input", "toast", "title", "header", "subheader",
         "error", "warning", "info", "success", "expander", "popover", "dialog"}


def field(view: Any, name: str) -> Any:
    """The message field ``name`` of the element ``view`` (an AppTest ``ElementView``), or
    raise ``AttributeError``."""
    kind = view.type if view._el.type != "exception" else "exception"
    getter = _FIELDS.get(kind, {}).get(name)
    if getter is None and kind not in _NO_LABEL:
        getter = _COMMON.get(name)
    if getter is not None:
        return getter(view)
    props = view._el.props
    if name == "icon" and kind in _ICON:
        return props.get("icon") or ""
    if name in props:
        return props[name]
    raise AttributeError(f"a {kind} message has no field {name!r}")


class ProtoView:
    """``element.proto``: the fields of the element's message in Streamlit, read from nbstate
    (see the module docstring)."""

    def __init__(self, view: Any) -> None:
        self._view = view

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return field(self._view, name)

    def __repr__(self) -> str:
        return f"<proto of {self._view!r}>"
