"""How each element type is shown by an ipywidget: the table the live frontend reconciles with.

A ``Binding`` says, for one element type, which ipywidget shows it (``create``), which of its
traits follow the element's props (``traits``), and, for widgets, how a value is shown
(``value_traits``) and read back from what the browser sent (``value_keys``,
``from_frontend``, ``on_custom``). ``from_frontend`` sees the values exactly as the browser
sent them (before any ipywidgets validator could clamp them), so the core can refuse them.

Other front-end pieces plug in with :func:`register_binding`::

    register_binding("download_button", MyDownloadBinding())

Example:
    >>> from nbstate.elements import Element
    >>> el = Element("checkbox", "w1", None, {"label": "ok", "disabled": False, "value": True})
    >>> b = binding_for(el)
    >>> w = b.create(el)
    >>> (type(w).__name__, w.description, w.value)
    ('Checkbox', 'ok', True)
    >>> w.close()
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence
from typing import Any

import ipywidgets as W

from ..elements import CONTAINERS, Element
from ..options import option_index
from . import html as _html


class _Nothing:
    def __repr__(self) -> str:
        return "NOTHING"


#: returned by ``on_custom`` when a custom message is not a value change
NOTHING: Any = _Nothing()


class ToWidget:
    """Returned by ``on_custom`` when a message is a value for another widget of the app
    (a click in a grid's button column, for its trigger widget ``wid``)."""

    __slots__ = ("wid", "value")

    def __init__(self, wid: str, value: Any) -> None:
        self.wid, self.value = wid, value


class Unrecognized:
    """A value the browser sent that maps to no value of the widget (an option index out of
    range, an unknown tag). The core refuses it; its repr says what arrived."""

    __slots__ = ("what",)

    def __init__(self, what: str) -> None:
        self.what = what

    def __repr__(self) -> str:
        return self.what


class Binding:
    """The ipywidget side of one element type. Subclass and :func:`register_binding` it.

    - ``create(el)``: a new widget showing ``el`` (value included, for widgets).
    - ``traits(el)``: the traits that follow the element's props, in the order to set them;
      the reconciler sends only those that differ from what it sent last.
    - ``parts(widget)``: the widgets whose messages carry the value (default: the widget).
    - ``value_keys``: the synced traits through which the browser sends a value.
    - ``value_traits(el, value)``: per part, the traits that show ``value``.
    - ``from_frontend(el, states)``: the value, from per-part ``{value key: trait value}``
      as the browser sent them (not validated: the core checks it).
    - ``on_custom(el, content)``: the value a custom message stands for (a click: ``True``),
      or ``NOTHING``.
    - ``inner(widget)``: for containers, the box whose ``children`` are the element's
      children (``None`` for non-containers).
    """

    value_keys: tuple[str, ...] = ()

    def create(self, el: Element) -> W.Widget:
        raise NotImplementedError

    def traits(self, el: Element) -> dict[str, Any]:
        return {}

    def parts(self, widget: W.Widget) -> list[W.Widget]:
        return [widget]

    def value_traits(self, el: Element, value: Any) -> list[dict[str, Any]]:
        return [{}]

    def from_frontend(self, el: Element, states: list[dict[str, Any]]) -> Any:
        return NOTHING

    def on_custom(self, el: Element, content: Any) -> Any:
        return NOTHING

    def inner(self, widget: W.Widget) -> W.Box | None:
        return None

    def child_traits(self, el: Element) -> dict[str, Any]:
        """Traits of ``inner(widget)`` that depend on the children (tab titles)."""
        return {}

    def create_with(self, el: Element, children: list[W.Widget]) -> W.Widget | None:
        """For containers: a new widget showing ``el`` with ``children`` (the widgets of its
        children, made first) already in it, so that its comm_open carries them (no
        ``children`` update after it); ``None``: not supported, ``create`` then fill."""
        return None


_STYLE = {"description_width": "initial"}


# -- shared Layout and Style models ---------------------------------------------------------
# An ipywidget made without a ``layout`` (and, for most, a ``style``) opens a model of its
# own for each: three models (comm_opens, then comm_closes) per slider. Widgets that look
# the same share one ``Layout`` and one ``Style`` model per look instead (ipywidgets renders
# a model shared by many views): ``look(cls, kw)`` fills them in, and every binding makes
# its widgets through it. A shared model is never changed in place: ``set_layout`` gives the
# widget the shared model of its new look, and ``close_widget`` leaves shared models open.
_SHARED: dict[tuple, W.Widget] = {}


def shared(cls: type, values: dict[str, Any] | None = None) -> W.Widget:
    """The one open ``cls`` model (a Layout or a Style class) with these trait values."""
    vals = {k: v for k, v in (values or {}).items() if v is not None}
    try:
        key = (cls, tuple(sorted(vals.items())))
        hash(key)
    except TypeError:  # an unhashable value: a model of its own
        return cls(**vals)
    w = _SHARED.get(key)
    if w is None or getattr(w, "comm", None) is None:  # (closed: Widget.close_all())
        w = _SHARED[key] = cls(**vals)
        w._nbstate_look = vals
    return w


def is_shared(w: Any) -> bool:
    """Is ``w`` a Layout/Style model shared by several widgets (see ``shared``)?"""
    return getattr(w, "_nbstate_look", None) is not None


def look(cls: type[W.Widget], kw: dict[str, Any]) -> dict[str, Any]:
    """``kw`` for ``cls(**kw)`` with shared Layout and Style models in place of per-widget
    ones (a ``layout``/``style`` given as a dict, or not given, is shared by its values)."""
    traits = cls.class_traits()
    if "layout" in traits:
        lay = kw.get("layout")
        if lay is None or isinstance(lay, dict):
            kw["layout"] = shared(W.Layout, lay)
    style = traits.get("style")
    klass = getattr(style, "klass", None)
    if isinstance(klass, type) and issubclass(klass, W.Widget):
        st = kw.get("style")
        if st is None or isinstance(st, dict):
            kw["style"] = shared(klass, st)
    return kw


def make(cls: type, **kw: Any) -> W.Widget:
    """``cls(**kw)`` with shared Layout/Style models (see ``look``)."""
    return cls(**look(cls, kw))


def set_layout(w: W.Widget, values: dict[str, Any]) -> None:
    """Set layout properties of ``w`` (``None``: back to the CSS default): in place on a
    layout of its own, or by moving ``w`` to the shared layout of its new look."""
    lay = w.layout
    if is_shared(lay):
        vals = {**lay._nbstate_look, **values}
        if vals != lay._nbstate_look:
            w.layout = shared(W.Layout, vals)
        return
    for a, b in values.items():
        setattr(lay, a, b)


def own_layout(w: W.Widget) -> W.Layout:
    """``w``'s layout, made its own first if it is shared (to be changed in place)."""
    lay = w.layout
    if is_shared(lay):
        lay = w.layout = W.Layout(**lay._nbstate_look)
    return lay


def _label(p: dict) -> str:
    if p.get("label_visibility") in ("hidden", "collapsed"):
        return ""
    icon = p.get("icon")
    if icon and not str(icon).startswith(":"):  # an emoji; a Material name cannot show
        return f"{icon} {p.get('label', '')}"
    return str(p.get("label", ""))


def _described(p: dict) -> dict[str, Any]:
    # the app's stylesheet (nbstate/js/app.css) draws a "?" after the label of a widget with
    # help (class nbstate-help); its tooltip is the help text
    return {"description": _label(p), "disabled": bool(p.get("disabled")),
            "tooltip": str(p["help"]) if p.get("help") else None,
            "_dom_classes": ("nbstate-help",) if p.get("help") and _label(p) else ()}


class Simple(Binding):
    """A widget whose value is one trait (``value_key``) of one ipywidget class."""

    value_key = "value"

    def __init__(self, cls: type, **create: Any) -> None:
        self.cls = cls
        self.create_kwargs = create
        self.value_keys = (self.value_key,)

    def extra(self, el: Element) -> dict[str, Any]:
        """Traits fixed at creation (options, bounds: they are part of the widget's identity)."""
        return {}

    def to_trait(self, el: Element, value: Any) -> Any:
        return value

    def from_trait(self, el: Element, raw: Any) -> Any:
        return raw

    def create(self, el: Element) -> W.Widget:
        kw = dict(self.create_kwargs)
        kw.update(self.extra(el))
        kw.update(self.traits(el))
        kw.update(self.value_traits(el, el.props.get("value"))[0])
        return make(self.cls, **kw)

    def traits(self, el: Element) -> dict[str, Any]:
        return _described(el.props)

    def value_traits(self, el: Element, value: Any) -> list[dict[str, Any]]:
        return [{self.value_key: self.to_trait(el, value)}]

    def from_frontend(self, el: Element, states: list[dict[str, Any]]) -> Any:
        return self.from_trait(el, states[0].get(self.value_key))


class Check(Simple):
    def to_trait(self, el: Element, value: Any) -> Any:
        return bool(value)


def _option_index(options: Sequence, value: Any) -> int | None:
    return None if value is None else option_index(options, value, strict=False)


def _option_at(options: Sequence, i: Any) -> Any:
    if type(i) is int and 0 <= i < len(options):
        return options[i]
    return Unrecognized(f"option index {i!r}")


class Choice(Simple):
    """One option of a list: RadioButtons, Dropdown, ToggleButtons (by index)."""

    value_key = "index"

    def extra(self, el: Element) -> dict[str, Any]:
        labels = el.props.get("labels", [])
        return {"options": [(str(lab), i) for i, lab in enumerate(labels)]}

    def to_trait(self, el: Element, value: Any) -> Any:
        return _option_index(el.props.get("options", []), value)

    def from_trait(self, el: Element, raw: Any) -> Any:
        if raw is None:
            return None
        return _option_at(el.props.get("options", []), raw)


class Radio(Choice):
    """RadioButtons, laid out in a row for ``horizontal=True``."""

    def extra(self, el: Element) -> dict[str, Any]:
        out = super().extra(el)
        out["orientation"] = "horizontal" if el.props.get("horizontal") else "vertical"
        captions = el.props.get("captions") or ()
        if captions:
            # each caption on a second line of its option's label, drawn small and muted by
            # the app's stylesheet (class nbstate-captions); the value is still the index
            out["options"] = [(f"{lab}\n{captions[i]}" if i < len(captions) and captions[i]
                               else lab, i) for lab, i in out["options"]]
        return out

    def traits(self, el: Element) -> dict[str, Any]:
        t = super().traits(el)
        if el.props.get("captions"):
            t["_dom_classes"] = (*t["_dom_classes"], "nbstate-captions")
        return t


class Several(Simple):
    """Several options: SelectMultiple (by index), which shows its label in every frontend
    (TagsInput shows none, and JupyterLab keeps Enter from adding a typed tag)."""

    value_key = "index"

    def extra(self, el: Element) -> dict[str, Any]:
        labels = el.props.get("labels", [])
        return {"options": [(str(lab), i) for i, lab in enumerate(labels)],
                "rows": max(2, min(len(labels), 8))}

    def to_trait(self, el: Element, value: Any) -> Any:
        opts = el.props.get("options", [])
        return tuple(i for i in (_option_index(opts, v) for v in value or ()) if i is not None)

    def from_trait(self, el: Element, raw: Any) -> Any:
        if not isinstance(raw, (list, tuple)):
            return raw
        opts = el.props.get("options", [])
        return [_option_at(opts, i) for i in raw]


_PRINTF = re.compile(r"^%([-+ 0#,]*\d*(?:\.\d+)?)([dfeEgGi])\Z")


def _readout(fmt: Any, default: str) -> str:
    m = _PRINTF.match(fmt or "") if isinstance(fmt, str) else None
    if m is None:
        return default
    return m.group(1) + ("d" if m.group(2) == "i" else m.group(2))


class NumberSlider(Simple):
    """Int/Float (Range) sliders: bounds and step fixed, the value is the ``value`` trait."""

    def extra(self, el: Element) -> dict[str, Any]:
        p = el.props
        ints = p.get("dtype") == "int"
        return {"min": p["min"], "max": p["max"], "step": p["step"],
                "readout_format": _readout(p.get("format"), "d" if ints else ".2f")}

    def to_trait(self, el: Element, value: Any) -> Any:
        return tuple(value) if el.props.get("range") else value

    def from_trait(self, el: Element, raw: Any) -> Any:
        return tuple(raw) if el.props.get("range") and isinstance(raw, list) else raw


#: a date/time/datetime slider with more steps than this is an IntSlider over the step
#: numbers, its value shown beside its label (a SelectionSlider sends every step's label)
GRID_OPTIONS_MAX = 20_000

_GRID_FMT: dict[Any, str] = {"date": "%Y-%m-%d", "time": "%H:%M", "datetime": "%Y-%m-%d %H:%M"}
_DAY = _dt.date(2000, 1, 1)


def _span(p: dict) -> tuple[Any, Any, int]:
    """(first step, step, number of steps) of a date/time/datetime slider's element."""
    mn, mx, step = p["min"], p["max"], p["step"]
    if p["dtype"] == "time":
        mn, mx = _dt.datetime.combine(_DAY, mn), _dt.datetime.combine(_DAY, mx)
    return mn, step, max(0, (mx - mn) // step) + 1


def _grid_at(p: dict, i: Any) -> Any:
    """The slider's value at step ``i`` (computed, not listed: any number of steps)."""
    start, step, n = _span(p)
    if type(i) is not int or not 0 <= i < n:
        return Unrecognized(f"step index {i!r}")
    v = start + i * step
    return v.time() if p["dtype"] == "time" else v


def _grid_index(p: dict, v: Any) -> int:
    """The step showing ``v`` (the first at or after it, as the listed grid had it)."""
    start, step, n = _span(p)
    if p["dtype"] == "time" and isinstance(v, _dt.time):
        v = _dt.datetime.combine(_DAY, v)
    try:
        k = -((start - v) // step)  # ceil((v - start) / step)
    except TypeError:
        return 0
    return min(max(k, 0), n - 1)


def _grid_label(p: dict, v: Any) -> str:
    try:
        return v.strftime(_GRID_FMT.get(p.get("dtype"), "%Y-%m-%d"))
    except (AttributeError, ValueError):
        return str(v)


class GridSlider(Simple):
    """Date, time and datetime sliders: a SelectionSlider over the step grid."""

    value_key = "index"

    def extra(self, el: Element) -> dict[str, Any]:
        p = el.props
        n = _span(p)[2]
        return {"options": [(_grid_label(p, _grid_at(p, i)), i) for i in range(n)]}

    def to_trait(self, el: Element, value: Any) -> Any:
        if el.props.get("range"):
            return tuple(_grid_index(el.props, v) for v in value)
        return _grid_index(el.props, value)

    def from_trait(self, el: Element, raw: Any) -> Any:
        if el.props.get("range"):
            if not isinstance(raw, (list, tuple)):
                return raw
            return tuple(_grid_at(el.props, i) for i in raw)
        return _grid_at(el.props, raw)


class StepSlider(GridSlider):
    """A date/time slider of more than ``GRID_OPTIONS_MAX`` steps: an Int(Range)Slider over
    the step numbers; the value it stands for shows after the label."""

    value_key = "value"

    def extra(self, el: Element) -> dict[str, Any]:
        return {"min": 0, "max": _span(el.props)[2] - 1, "step": 1, "readout": False}

    def traits(self, el: Element) -> dict[str, Any]:
        t = super().traits(el)
        p = el.props
        value: Any = p.get("value")
        shown = (" – ".join(_grid_label(p, v) for v in value) if p.get("range")
                 else _grid_label(p, value))
        t["description"] = f"{t['description']}: {shown}" if t["description"] else shown
        return t

    def from_trait(self, el: Element, raw: Any) -> Any:
        if el.props.get("range") and isinstance(raw, list):
            raw = tuple(raw)
        return super().from_trait(el, raw)


class OptionSlider(Choice):
    """select_slider: SelectionSlider / SelectionRangeSlider over the options."""

    def to_trait(self, el: Element, value: Any) -> Any:
        opts = el.props.get("options", [])
        if el.props.get("range"):
            return tuple(_option_index(opts, v) or 0 for v in value)
        return _option_index(opts, value) or 0

    def from_trait(self, el: Element, raw: Any) -> Any:
        opts = el.props.get("options", [])
        if el.props.get("range") and isinstance(raw, (list, tuple)):
            return tuple(_option_at(opts, i) for i in raw)
        return _option_at(opts, raw)


class TextBox(Simple):
    def traits(self, el: Element) -> dict[str, Any]:
        t = super().traits(el)
        t["placeholder"] = str(el.props.get("placeholder") or "")
        height = el.props.get("height")
        if isinstance(height, int) and not isinstance(height, bool):
            t["layout"] = {"height": f"{height}px"}
        return t

    def to_trait(self, el: Element, value: Any) -> Any:
        return "" if value is None else str(value)


class NumberBox(Simple):
    """number_input: Bounded{Int,Float}Text with bounds, {Int,Float}Text without."""

    def __init__(self) -> None:
        super().__init__(W.IntText)

    def create(self, el: Element) -> W.Widget:
        p = el.props
        ints = p.get("dtype") == "int"
        bounded = p.get("min") is not None or p.get("max") is not None
        kw: dict[str, Any] = {"continuous_update": False, "style": dict(_STYLE),
                              "step": p.get("step") or (1 if ints else 0.01)}
        if bounded:
            big = 2**53 - 1 if ints else 1.7e308
            kw["min"] = p["min"] if p.get("min") is not None else -big
            kw["max"] = p["max"] if p.get("max") is not None else big
            cls = W.BoundedIntText if ints else W.BoundedFloatText
        else:
            cls = W.IntText if ints else W.FloatText
        kw.update(self.traits(el))
        kw.update(self.value_traits(el, p.get("value"))[0])
        return make(cls, **kw)

    def to_trait(self, el: Element, value: Any) -> Any:
        if value is None:
            mn = el.props.get("min")
            return mn if mn is not None else (0 if el.props.get("dtype") == "int" else 0.0)
        return value


class Bounded(Simple):
    """DatePicker: its bounds come from the element (the browser's picker stays inside)."""

    def extra(self, el: Element) -> dict[str, Any]:
        return {"min": el.props.get("min"), "max": el.props.get("max")}


class Clock(Simple):
    """TimePicker: the element's step (a timedelta) as seconds."""

    def extra(self, el: Element) -> dict[str, Any]:
        step = el.props.get("step")
        return {"step": step.total_seconds()} if isinstance(step, _dt.timedelta) else {}


class DateRange(Binding):
    """A date range: two DatePickers in a row; the value is the pair of their dates."""

    value_keys = ("value",)

    def create(self, el: Element) -> W.Widget:
        p = el.props
        vals = list(p.get("value") or ())
        pickers = []
        for i in range(2):
            kw = {"min": p.get("min"), "max": p.get("max"), "style": dict(_STYLE),
                  "value": vals[i] if i < len(vals) else None,
                  "disabled": bool(p.get("disabled"))}
            if i == 0:
                kw["description"] = _label(p)
            pickers.append(make(W.DatePicker, **kw))
        return make(W.HBox, children=pickers)

    def parts(self, widget: W.Widget) -> list[W.Widget]:
        return list(widget.children)

    def value_traits(self, el: Element, value: Any) -> list[dict[str, Any]]:
        vals = list(value or ())
        return [{"value": vals[i] if i < len(vals) else None} for i in range(2)]

    def from_frontend(self, el: Element, states: list[dict[str, Any]]) -> Any:
        return tuple(s.get("value") for s in states if s.get("value") is not None)


def _upload_dicts(files: Any) -> tuple:
    if files is None:
        return ()
    files = files if isinstance(files, (list, tuple)) else [files]
    # FileUpload's serializer wants a datetime for last_modified
    epoch = _dt.datetime.fromtimestamp(0, tz=_dt.timezone.utc)
    # the browser shows a file's name and size; its bytes stay in the kernel (a refused
    # upload sets the kept file back: sending 150 MiB back each time helps nobody)
    return tuple({"name": f.name, "type": f.type, "size": f.size,
                  "content": memoryview(b""), "last_modified": epoch} for f in files)


class Upload(Simple):
    def extra(self, el: Element) -> dict[str, Any]:
        return {"accept": ",".join(el.props.get("types") or ()),
                "multiple": bool(el.props.get("multiple"))}

    def traits(self, el: Element) -> dict[str, Any]:
        t = _described(el.props)
        # FileUpload's description is its button text
        t["description"] = "Browse files" if not t["description"] else t["description"]
        if el.props.get("directory"):  # its picker picks a folder (stale_marker.js)
            t["_dom_classes"] = (*t["_dom_classes"], "nbstate-directory")
        return t

    def to_trait(self, el: Element, value: Any) -> Any:
        return _upload_dicts(value)

    def from_trait(self, el: Element, raw: Any) -> Any:
        from ..uploads import UploadedFile

        if not isinstance(raw, (list, tuple)):
            return raw
        files: list[UploadedFile | Unrecognized] = []
        for d in raw:
            try:
                content, name, kind = d["content"], d["name"], d.get("type")
            except (KeyError, TypeError, AttributeError):
                content = name = kind = None
            # the browser sends the file's bytes as a buffer: anything else (a number, which
            # bytes() would turn into that many zeros) is no file
            if not isinstance(content, (bytes, bytearray, memoryview)) or not isinstance(
                    name, str) or not isinstance(kind, (str, type(None))):
                files.append(Unrecognized(f"an upload without name or content ({d!r:.60})"))
                continue
            files.append(UploadedFile(name, bytes(content), kind or None))
        if el.props.get("multiple"):
            return files
        if not files:
            return None
        return files[0] if len(files) == 1 else files


class Press(Binding):
    """Buttons: no value trait; a click (custom message) is the value ``True``."""

    def create(self, el: Element) -> W.Widget:
        return make(W.Button, **self.traits(el))

    def traits(self, el: Element) -> dict[str, Any]:
        p = el.props
        icon = p.get("icon")
        label = str(p.get("label", ""))
        if icon and not str(icon).startswith(":"):
            label = f"{label} {icon}" if p.get("icon_position") == "right" else \
                f"{icon} {label}"
        t = {"description": label, "disabled": bool(p.get("disabled")),
             "tooltip": str(p["help"]) if p.get("help") else None,
             "_dom_classes": _button_classes(el)}
        width = p.get("width")
        if isinstance(width, int) and not isinstance(width, bool):
            t["layout"] = {"width": f"{width}px"}
        return t

    def on_custom(self, el: Element, content: Any) -> Any:
        if isinstance(content, dict) and content.get("event") == "click":
            return True
        return NOTHING


def _button_classes(el: Element) -> tuple[str, ...]:
    """A button's classes, which the app's stylesheet draws as Streamlit's: its type
    (primary, secondary, tertiary), full width (``width="stretch"``), a form's submit."""
    p = el.props
    kind = p.get("type") if p.get("type") in ("primary", "tertiary") else "secondary"
    out: tuple[str, ...] = ("nbstate-button", f"nbstate-button-{kind}")
    if p.get("width") == "stretch":
        out += ("nbstate-stretch",)
    if el.type == "form_submit_button":
        out += ("nbstate-submit",)
    return out


class Download(Press):
    """download_button: the ``DownloadButton`` anywidget (downloads in the browser, then
    reports the click like a Button)."""

    def create(self, el: Element) -> W.Widget:
        from .anywidgets import DownloadButton

        return DownloadButton(**self.traits(el))

    def traits(self, el: Element) -> dict[str, Any]:
        from .anywidgets import download_button_traits

        t = download_button_traits(el.props)
        t["_dom_classes"] = ("nbstate-stretch",) if el.props.get("width") == "stretch" else ()
        return t

    def on_custom(self, el: Element, content: Any) -> Any:
        if el.props.get("ignore"):
            return NOTHING
        return super().on_custom(el, content)


class Html(Binding):
    """Display elements: one HTML widget each."""

    def create(self, el: Element) -> W.Widget:
        return make(W.HTML, **self.traits(el))

    def traits(self, el: Element) -> dict[str, Any]:
        return {"value": _html.render(el)}


class RichOutput(Binding):
    """``display()`` of a rich object during a run: an Output widget holding that one output
    (set through its ``outputs`` trait: never cleared and redisplayed)."""

    def create(self, el: Element) -> W.Widget:
        return make(W.Output, **self.traits(el))

    def traits(self, el: Element) -> dict[str, Any]:
        p = el.props
        return {"outputs": ({"output_type": "display_data", "data": p.get("data", {}),
                             "metadata": p.get("metadata", {})},)}


class Latex(Binding):
    """st.latex: typeset by the notebook's MathJax through HTMLMath."""

    def create(self, el: Element) -> W.Widget:
        return make(W.HTMLMath, **self.traits(el))

    def traits(self, el: Element) -> dict[str, Any]:
        import html

        return {"value": f"$${html.escape(str(el.props.get('body', '')))}$$"}


_CHART_MIME: dict[Any, str] = {"vega-lite": "application/vnd.vegalite.v5+json",
               "vega": "application/vnd.vega.v5+json",
               "plotly": "application/vnd.plotly.v1+json"}


class Chart(RichOutput):
    """Charts: the spec under the mime type JupyterLab, Notebook and VS Code render."""

    def traits(self, el: Element) -> dict[str, Any]:
        import json

        p = el.props
        spec = json.loads(p.get("spec") or "{}")
        mime = _CHART_MIME.get(p.get("library"), "application/json")
        data = {mime: spec, "text/plain": f"<{p.get('chart_type', 'chart')}>"}
        fig = p.get("figure")
        if p.get("library") == "plotly" and hasattr(fig, "to_html"):
            data["text/html"] = _plotly_html(fig)
        return {"outputs": ({"output_type": "display_data", "data": data, "metadata": {}},)}


_PLOTLY_HEAD: list[str] = []


def _plotly_html(fig: Any) -> str:
    """``fig.to_html(include_plotlyjs="cdn", full_html=False)``, the HTML fallback for
    frontends without Plotly's renderer. The CDN script tag is made once: Plotly hashes its
    whole bundle for that tag (its integrity attribute) on every call, 25 ms a chart."""
    if not _PLOTLY_HEAD:
        html = fig.to_html(include_plotlyjs="cdn", full_html=False)
        start = html.index(">") + 1  # after the wrapping div's opening tag
        _PLOTLY_HEAD.append(html[start:html.index('<div id="')])
        return html
    html = fig.to_html(include_plotlyjs=False, full_html=False)
    start = html.index(">") + 1
    return html[:start] + _PLOTLY_HEAD[0] + html[start:]


class Box(Binding):
    """Containers: a box whose children are the element's children."""

    def __init__(self, cls: type = W.VBox, classes: tuple[str, ...] = ()) -> None:
        self.cls = cls
        self.classes = classes

    def create(self, el: Element) -> W.Widget:
        # classes given at construction travel in the comm_open (add_class would send more)
        return make(self.cls, **self.traits(el), _dom_classes=self._classes(el))

    def _classes(self, el: Element) -> tuple[str, ...]:
        classes: tuple[str, ...] = (*self.classes, f"nbstate-{el.type}")
        if el.type == "form" and el.props.get("enter_to_submit") is False:
            classes += ("nbstate-no-enter",)  # Enter in its text inputs does not submit it
        return classes

    def create_with(self, el: Element, children: list[W.Widget]) -> W.Widget | None:
        if type(self).create is not Box.create or type(self).inner is not Box.inner:
            return None  # a subclass that makes its own widget: create, then fill
        return make(self.cls, **self.traits(el), **self.child_traits(el),
                    children=children, _dom_classes=self._classes(el))

    def traits(self, el: Element) -> dict[str, Any]:
        p = el.props
        lay: dict[str, Any] = {}
        if p.get("border"):
            lay.update(border="1px solid rgba(128, 128, 128, 0.35)", padding="0.5em",
                       margin="0.2em 0")
        height = p.get("height")
        if isinstance(height, int) and not isinstance(height, bool) and height > 0:
            # a container of fixed height scrolls its content, as in Streamlit
            lay.update(height=f"{height}px", overflow="auto")
        if el.type == "container":
            lay.update(_flex(p))
        return {"layout": lay} if lay else {}

    def inner(self, widget: W.Widget) -> W.Box:
        return widget


_ALIGN: dict[Any, str] = {"top": "flex-start", "center": "center", "bottom": "flex-end"}
_JUSTIFY = {"left": "flex-start", "center": "center", "right": "flex-end",
            "distribute": "space-between", "top": "flex-start", "bottom": "flex-end"}
_CROSS = {"left": "flex-start", "center": "center", "right": "flex-end", "top": "flex-start",
          "bottom": "flex-end", "distribute": "stretch"}


def _gap_css(gap: Any) -> str:
    from ..layout import GAPS

    if gap is None:
        return "0"
    if isinstance(gap, int):
        return f"{gap}px"
    return f"{GAPS.get(gap, 1.0):g}rem"


def _flex(p: dict) -> dict[str, str]:
    """st.container's layout (1.67): a row (``horizontal``) or a column, its alignments and
    gap, as CSS flexbox on the box."""
    if not p.get("horizontal") and p.get("gap", "small") == "small" and p.get(
            "horizontal_alignment", "left") == "left" and p.get(
            "vertical_alignment", "top") == "top":
        return {}  # the default: a plain column, as every other box
    if p.get("horizontal"):
        return {"display": "flex",
                "flex_flow": "row wrap" if p.get("wrap", True) else "row nowrap",
                "justify_content": _JUSTIFY[p.get("horizontal_alignment", "left")],
                "align_items": _CROSS[p.get("vertical_alignment", "top")],
                "grid_gap": _gap_css(p.get("gap", "small")),
                "overflow": "visible" if p.get("wrap", True) else "auto"}
    return {"display": "flex", "flex_flow": "column nowrap",
            "justify_content": _JUSTIFY[p.get("vertical_alignment", "top")],
            "align_items": _CROSS[p.get("horizontal_alignment", "left")],
            "grid_gap": _gap_css(p.get("gap", "small"))}


class Columns(Box):
    """A row of columns: its gap and the columns' vertical alignment, as in Streamlit."""

    def __init__(self) -> None:
        super().__init__(W.HBox)

    def traits(self, el: Element) -> dict[str, Any]:
        p = el.props
        # grid-gap is the CSS alias of gap, which flex rows honour too
        return {"layout": {"grid_gap": _gap_css(p.get("gap", "small")),
                           "align_items": _ALIGN.get(p.get("vertical_alignment"), "flex-start")}}


class Column(Box):
    def traits(self, el: Element) -> dict[str, Any]:
        weight = el.props.get("weight") or 1
        lay = {"flex": f"{weight} 1 0%", "min_width": "0"}
        if el.props.get("border"):
            lay["border"] = "1px solid rgba(128, 128, 128, 0.35)"
        return {"layout": lay}


class Tabs(Box):
    """st.tabs: a Tab box. With on_change (an id: its open tab is a widget value), the
    selected tab is the value the browser sends."""

    value_keys = ("selected_index",)

    def __init__(self) -> None:
        super().__init__(W.Tab)

    def value_traits(self, el: Element, value: Any) -> list[dict[str, Any]]:
        labels = el.props.get("labels") or []
        return [{"selected_index": labels.index(value) if value in labels else 0}]

    def from_frontend(self, el: Element, states: list[dict[str, Any]]) -> Any:
        labels = el.props.get("labels") or []
        i = states[0].get("selected_index")
        if isinstance(i, int) and not isinstance(i, bool) and 0 <= i < len(labels):
            return labels[i]
        return Unrecognized(f"tab index {i!r}")

    def create(self, el: Element) -> W.Widget:
        return self.create_with(el, None)

    def create_with(self, el: Element, children: list[W.Widget] | None) -> W.Widget:
        # the tab shown first (tabs(default=...), or the tracked value): set once, with as
        # many (empty) pages as tabs for the index to be valid; the pages are replaced by
        # the tabs' boxes, and the reader's own choice of tab stays on reruns
        n = len(el.children or ())
        default = int(el.props.get("default") or 0)
        if el.id is not None:
            default = self.value_traits(el, el.props.get("value"))[0]["selected_index"]
        height = el.props.get("height")
        lay = ({"height": f"{height}px", "overflow": "auto"} if isinstance(height, int)
               and not isinstance(height, bool) else {})
        if children is None:
            children = [make(W.VBox) for _ in range(n)]
            titles = {}
        else:
            titles = self.child_traits(el)
        return make(W.Tab, children=children, **titles,
                    selected_index=default if 0 <= default < n else (0 if n else None),
                    layout=lay, _dom_classes=(f"nbstate-{el.type}",))

    def traits(self, el: Element) -> dict[str, Any]:
        return {}

    def child_traits(self, el: Element) -> dict[str, Any]:
        return {"titles": tuple(str(c.props.get("label", "")) for c in el.children or ())}


class Fold(Box):
    """expander, popover, status: an Accordion with one section holding the children. With
    on_change (an id), whether it is open is the value the browser sends."""

    value_keys = ("selected_index",)

    def value_traits(self, el: Element, value: Any) -> list[dict[str, Any]]:
        return [{"selected_index": 0 if value else None}]

    def from_frontend(self, el: Element, states: list[dict[str, Any]]) -> Any:
        i = states[0].get("selected_index")
        if i is None or i == 0 and not isinstance(i, bool):
            return i == 0
        return Unrecognized(f"section index {i!r}")

    def create(self, el: Element) -> W.Widget:
        return self.create_with(el, [])

    def create_with(self, el: Element, children: list[W.Widget]) -> W.Widget:
        body = make(W.VBox, children=children)
        p = el.props
        opened = p.get("value") if el.id is not None else p.get("expanded")
        return make(W.Accordion, children=[body], titles=(_fold_title(el),),
                           selected_index=0 if opened else None,
                           _dom_classes=_fold_classes(el))

    def traits(self, el: Element) -> dict[str, Any]:
        # open or closed as the app says when that changes (status.update(expanded=False));
        # while it does not, the reader's own opening and closing stays. A tracked one
        # (an id) is open as its value says (value_traits).
        if el.id is not None:
            return {"titles": (_fold_title(el),), "_dom_classes": _fold_classes(el)}
        return {"titles": (_fold_title(el),), "_dom_classes": _fold_classes(el),
                "selected_index": 0 if el.props.get("expanded") else None}

    def inner(self, widget: W.Widget) -> W.Box:
        return widget.children[0]


def _fold_classes(el: Element) -> tuple[str, ...]:
    """``nbstate-<type>``; a status's state (app.css draws its icon: a spinner, a check, "!")
    and a popover's button type and whether it is disabled."""
    p = el.props
    out: tuple[str, ...] = (f"nbstate-{el.type}",)
    if el.type == "status":
        out += (f"nbstate-status-{p.get('state') or 'running'}",)
    if el.type == "popover":
        out += (f"nbstate-popover-{p.get('type') or 'secondary'}",)
        if p.get("disabled"):
            out += ("nbstate-disabled",)
    return out


def _fold_title(el: Element) -> str:
    """The header of an expander/popover/status: its icon (a Material icon name cannot show in
    a plain title; a status's state icon is drawn by app.css from its class) and its label."""
    p = el.props
    icon = None if el.type == "status" else p.get("icon")
    label = str(p.get("label", ""))
    if icon and not str(icon).startswith(":"):
        return f"{icon} {label}"
    return label


def _number_slider(el: Element) -> Binding:
    p = el.props
    ints = p.get("dtype") == "int"
    if p.get("dtype") in ("date", "time", "datetime"):
        if _span(p)[2] > GRID_OPTIONS_MAX:
            return _STEP_RANGE if p.get("range") else _STEP
        return _GRID_RANGE if p.get("range") else _GRID
    if p.get("range"):
        return _INT_RANGE if ints else _FLOAT_RANGE
    return _INT_SLIDER if ints else _FLOAT_SLIDER


_SLIDER_KW = {"continuous_update": True, "style": _STYLE}
_INT_SLIDER = NumberSlider(W.IntSlider, **_SLIDER_KW)
_FLOAT_SLIDER = NumberSlider(W.FloatSlider, **_SLIDER_KW)
_INT_RANGE = NumberSlider(W.IntRangeSlider, **_SLIDER_KW)
_FLOAT_RANGE = NumberSlider(W.FloatRangeSlider, **_SLIDER_KW)
_GRID = GridSlider(W.SelectionSlider, **_SLIDER_KW)
_GRID_RANGE = GridSlider(W.SelectionRangeSlider, **_SLIDER_KW)
_STEP = StepSlider(W.IntSlider, **_SLIDER_KW)
_STEP_RANGE = StepSlider(W.IntRangeSlider, **_SLIDER_KW)
_OPTION_SLIDER = OptionSlider(W.SelectionSlider, **_SLIDER_KW)
_OPTION_RANGE = OptionSlider(W.SelectionRangeSlider, **_SLIDER_KW)
_SEVERAL = Several(W.SelectMultiple, style=_STYLE)
_TOGGLES = Choice(W.ToggleButtons, style=_STYLE)
_TEXT = TextBox(W.Text, continuous_update=False, style=_STYLE)
_TEXT_LIVE = TextBox(W.Text, continuous_update=True, style=_STYLE)  # text_input(live=...)
_PASSWORD = TextBox(W.Password, continuous_update=False, style=_STYLE)
_DATE = Bounded(W.DatePicker, style=_STYLE)
_DATE_RANGE = DateRange()


#: element type -> Binding, or a function(Element) -> Binding when the props decide
BINDINGS: dict[str, Any] = {
    "button": Press(),
    "form_submit_button": Press(),
    "download_button": Download(),
    "checkbox": Check(W.Checkbox, indent=False, style=_STYLE),
    "toggle": Check(W.ToggleButton),
    "radio": Radio(W.RadioButtons, style=_STYLE),
    "selectbox": Choice(W.Dropdown, style=_STYLE),
    "multiselect": _SEVERAL,
    "slider": _number_slider,
    "select_slider": lambda el: _OPTION_RANGE if el.props.get("range") else _OPTION_SLIDER,
    "text_input": lambda el: _PASSWORD if el.props.get("type") == "password" else (
        _TEXT_LIVE if el.props.get("live") else _TEXT),
    "text_area": TextBox(W.Textarea, continuous_update=False, style=_STYLE),
    "number_input": NumberBox(),
    "date_input": lambda el: _DATE_RANGE if el.props.get("range") else _DATE,
    "time_input": Clock(W.TimePicker, style=_STYLE),
    "color_picker": Simple(W.ColorPicker, concise=False, style=_STYLE),
    "file_uploader": Upload(W.FileUpload),
    "pills": lambda el: _SEVERAL if el.props.get("multi") else _TOGGLES,
    "segmented_control": lambda el: _SEVERAL if el.props.get("multi") else _TOGGLES,
    "display_data": RichOutput(),
    "chart": Chart(),
    "latex": Latex(),
    "columns": Columns(),
    "column": Column(),
    "tabs": Tabs(),
    "expander": Fold(),
    "popover": Fold(),
    "status": Fold(),
}

_HTML = Html()
_BOX = Box()


def register_binding(element_type: str, binding: Binding | Any) -> None:
    """Show elements of ``element_type`` with ``binding`` (a :class:`Binding`, or a function
    ``el -> Binding``). Replaces the built-in one, for every app shown afterwards.

    Example:
        >>> class Shout(Html):
        ...     def traits(self, el):
        ...         return {"value": str(el.props.get("body", "")).upper()}
        >>> register_binding("shout", Shout())
        >>> binding_for(Element("shout", props={"body": "hi"})).traits(
        ...     Element("shout", props={"body": "hi"}))
        {'value': 'HI'}
    """
    BINDINGS[element_type] = binding


def binding_for(el: Element) -> Binding:
    """The binding that shows ``el``: registered, else a box for containers, else HTML."""
    b = BINDINGS.get(el.type)
    if b is None:
        return _BOX if el.type in CONTAINERS or el.children is not None else _HTML
    if isinstance(b, Binding):
        return b
    return b(el)


def from_json(widget: W.Widget, key: str, value: Any) -> Any:
    """A synced trait's JSON value as the Python value its ``from_json`` gives (dates...)."""
    from .compat import trait_from_json

    return trait_from_json(widget, key)(value, widget)


# shim area: st.html (an anywidget with DOMPurify), st.iframe and st.components.v1.html/iframe
# (importing it registers them; it needs the classes above)
# the element types of the rest of Streamlit's st namespace (issue 10) register themselves
from . import api_bindings as _api_bindings  # noqa: E402, F401

# chat and streaming (issue 10): st.chat_message, st.chat_input, st.bottom (that module
# registers its bindings here when imported)
from . import chat as _chat  # noqa: E402, F401
from . import embeds as _embeds  # noqa: E402, F401


# -- the data grid (st.dataframe, st.data_editor): nbstate/frontends/grid.py -----------------
def _grid_binding(el: Element) -> Binding:
    from .grid import GRID_BINDING  # (grid.py builds on this module's classes)

    return GRID_BINDING


BINDINGS["dataframe"] = _grid_binding


def _editor(el: Element) -> Binding:
    from .grid import EDITOR_BINDING

    return EDITOR_BINDING


BINDINGS["data_editor"] = _editor


def _grid_button(el: Element) -> Binding:
    from .grid import BUTTON_BINDING

    return BUTTON_BINDING


# a keyed ButtonColumn's trigger widget: nothing to show (the grid's buttons send its clicks)
BINDINGS["dataframe_button"] = _grid_button
# st.table: a plain HTML table, or the grid for a large one (its element then has a source)
BINDINGS["table"] = lambda el: _grid_binding(el) if "source" in el.props else _HTML


# charts (issue 12): Vega-Lite specs drawn by nbstate's vega-embed anywidget, selections
# look (issue 12): st.toggle as a switch, st.multiselect as tags (anywidgets registering
# their bindings here when imported)
from . import look as _look  # noqa: E402, F401
from . import vega_chart as _vega_chart  # noqa: E402, F401
