"""Charts: ``altair_chart``, ``plotly_chart``, ``vega_lite_chart`` and the simple
``line_chart``/``bar_chart``/``area_chart``/``scatter_chart`` over a DataFrame.

The element carries the chart's JSON spec (so it compares cheaply between runs and tests can
read it) and the chart object. A live frontend draws Vega-Lite specs with nbstate's vega-embed
anywidget (``frontends/vega_chart.py``: the spec's own Vega-Lite version, the container's
width) and Plotly figures with Jupyter's renderer. The plotting libraries are optional: a clear
error names the one to install.

Selections (``on_select="rerun"`` or a callable, with ``selection_mode``) make an Altair or
Vega-Lite chart a widget whose value is Streamlit's selection state, an attribute dict
``{"selection": {param_name: value}}`` (a point selection's value: the list of selected points;
an interval's: ``{field: [low, high]}``), also in session state under the chart's key. Under
``AppTest``, ``at.chart[0].set_value({"selection": {"pick": [{"a": 1}]}}).run()`` makes a
selection as the browser would (Streamlit's own AppTest has no chart accessor).

Example (inside an app):
    >>> st.line_chart(df, x="day", y="sales")                            # doctest: +SKIP
"""

from __future__ import annotations

import json
from typing import Any

from .elements import Element
from .errors import InvalidArgumentError, NbstateAPIException, RefusedValue
from .kinds import KINDS, Kind, state_never
from .layout import ElementHandle, handle
from .run import require
from .state import normalize_key


class MissingDependencyError(NbstateAPIException, ImportError):
    """An optional library needed by an element is not installed."""


def _need(module: str, package: str, func: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as e:
        top = module.split(".")[0]
        if e.name not in (module, top):
            raise  # installed, but something it imports is missing: that is the error
        raise MissingDependencyError(
            f"`st.{func}` needs the `{package}` package, which is not installed. Install it "
            f"with: pip install {package}") from None


def _chart_props(func: str, library: str, spec: dict, obj: Any,
                 alt: str | None = None) -> dict:
    if alt is not None and library == "vega-lite":
        spec = dict(spec, description=str(alt))  # Vega-Lite's text for screen readers
    # (a Plotly figure is kept for Plotly's own encoder; a Vega-Lite chart is its spec, so an
    # unchanged chart's element equals the last run's and the frontend skips it)
    props = {"library": library, "spec": json.dumps(spec, sort_keys=True, default=str),
             "figure": obj if library == "plotly" else None, "chart_type": func,
             "theme": "streamlit",
             # the frontend: fill the container's width; the height in pixels, if given
             "fill": spec.get("width") == "container"}
    if isinstance(spec.get("height"), int) and not isinstance(spec.get("height"), bool):
        props["pixel_height"] = spec["height"]
    if alt is not None:
        props["alt"] = str(alt)
    return props


def _emit_chart(func: str, library: str, spec: dict, obj: Any,
                alt: str | None = None) -> ElementHandle:
    ctx = require(func)
    props = _chart_props(func, library, spec, obj, alt)
    return handle(ctx, Element("chart", key=None, props=props))


class AttributeDict(dict):
    """A read-only dict whose keys read as attributes too (Streamlit's selection states:
    ``event.selection.points``)."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def _readonly(self, *args: Any, **kwargs: Any) -> None:
        raise NbstateAPIException("A chart's selection state cannot be changed.")

    def __reduce__(self) -> Any:  # copies and pickles without the read-only setters
        return (type(self), (dict(self),))

    def __reduce_ex__(self, protocol: Any) -> Any:
        return self.__reduce__()

    __setitem__ = __delitem__ = __setattr__ = _readonly  # type: ignore[assignment]
    update = pop = clear = setdefault = popitem = _readonly  # type: ignore[assignment]


def _check_on_select(func: str, on_select: Any) -> None:
    if not (on_select in ("ignore", "rerun") or callable(on_select)):
        raise InvalidArgumentError(
            f"`st.{func}`: on_select must be 'ignore', 'rerun' or a function, got "
            f"{on_select!r}.")


def _selection_state(selection: Any) -> AttributeDict:
    return AttributeDict(selection=AttributeDict(selection))


def check_selection(spec: dict, v: Any) -> AttributeDict:
    """A chart's selection as the browser (or ``AppTest``) sends it:
    ``{"selection": {param: value}}``, or ``{param: value}``, for the chart's parameters."""
    modes = list(spec.get("selection_mode") or ())
    if spec.get("library") == "plotly":
        return _plotly_selection(v)
    if isinstance(v, dict) and "selection" in v and set(v) == {"selection"}:
        sel = v["selection"]
    elif isinstance(v, dict) and set(v) <= set(modes):
        sel = v
    else:
        raise RefusedValue(
            "a chart's selection is {'selection': {parameter name: value}}, got "
            f"{v!r:.80}")
    if not isinstance(sel, dict):
        raise RefusedValue(f"a chart's selection must be a dict, got {type(sel).__name__}")
    unknown = sorted(set(sel) - set(modes))
    if unknown:
        raise RefusedValue(
            f"the chart has no selection parameter {', '.join(map(repr, unknown))} (its "
            f"parameters: {', '.join(map(repr, modes))})")
    return _selection_state(json.loads(json.dumps(sel, default=str)))


def _plotly_selection(v: Any) -> AttributeDict:
    """Streamlit's PlotlyState: ``{"selection": {points, point_indices, box, lasso}}`` (the
    browser sends all four; a part left out, as ``AppTest`` may, is empty)."""
    sel = v.get("selection") if isinstance(v, dict) and set(v) == {"selection"} else v
    if not isinstance(sel, dict) or not set(sel) <= set(_PLOTLY_EMPTY):
        raise RefusedValue(
            "a Plotly chart's selection is {'selection': {'points': [...], "
            f"'point_indices': [...], 'box': [...], 'lasso': [...]}}}}, got {v!r:.80}")
    for part, got in sel.items():
        if not isinstance(got, list):
            raise RefusedValue(f"a Plotly selection's {part!r} must be a list, got "
                               f"{type(got).__name__}")
    sel = json.loads(json.dumps({**_PLOTLY_EMPTY, **sel}, default=str))
    return _selection_state(sel)


KINDS.setdefault("chart", Kind("chart", check_selection, state_never, settable=False,
                               callback="on_select", value_type="selection"))


def _selection_modes(func: str, spec: dict, selection_mode: Any) -> list[str]:
    """Streamlit's ``_parse_selection_mode``: the parameters to report, sorted."""
    params = set(_vega_params(spec))
    if not params:
        raise InvalidArgumentError(
            f"`st.{func}`: selections are activated (on_select), but the chart spec does "
            "not have any selection parameters. Add one to the chart (Altair: "
            "`.add_params(alt.selection_point())`; Vega-Lite: a parameter with \"select\").")
    if selection_mode is None:
        return sorted(params)
    modes = [selection_mode] if isinstance(selection_mode, str) else list(selection_mode)
    for name in modes:
        if name not in params:
            raise InvalidArgumentError(
                f"`st.{func}`: selection parameter '{name}' is not defined in the chart "
                f"spec. Available selection parameters are: {sorted(params)}.")
    return sorted(modes)


def _prepare_selections(spec: dict) -> dict:
    """As Streamlit's frontend: a point selection without encodings gets the chart's
    encodings, so that it reports the points' values (not Vega's internal row ids)."""
    if "params" not in spec or "encoding" not in spec:
        return spec
    params = []
    for param in spec["params"]:
        if isinstance(param, dict) and "select" in param:
            param = dict(param)
            select = param["select"]
            if select in ("point", "interval"):
                select = {"type": select}
            if isinstance(select, dict):
                select = dict(select)
                if select.get("type") == "point" and select.get("encodings") is None \
                        and "fields" not in select:
                    select["encodings"] = list(spec["encoding"])
                param["select"] = select
        params.append(param)
    return dict(spec, params=params)


def _vega_chart(func: str, spec: dict, obj: Any, alt: str | None, key: Any, on_select: Any,
                selection_mode: Any, theme: str | None = "streamlit") -> Any:
    """Emit an Altair/Vega-Lite chart: a plain element, or with ``on_select`` a widget whose
    value (Streamlit's selection state) is returned. ``theme="streamlit"``: Streamlit's
    chart look (fonts, palette, grid); ``None``: Vega-Lite's own."""
    _check_on_select(func, on_select)
    if on_select == "ignore":
        if theme is None:
            ctx = require(func)
            props = dict(_chart_props(func, "vega-lite", spec, obj, alt), theme=None)
            return handle(ctx, Element("chart", key=None, props=props))
        return _emit_chart(func, "vega-lite", spec, obj, alt)
    ctx = require(func)
    modes = _selection_modes(func, spec, selection_mode)
    spec = _prepare_selections(spec)
    props = _chart_props(func, "vega-lite", spec, obj, alt)
    if theme is None:
        props["theme"] = None
    props["selection_mode"] = modes
    if key is not None:
        key = normalize_key(key)
        ident: tuple = (tuple(modes),)  # Streamlit: the key and the selection mode
    else:
        ident = (props["spec"], tuple(modes), props.get("alt"))
    default = _selection_state({p: {} for p in modes})
    value = ctx.widget(KINDS["chart"], func, key, ident, props, default, False,
                       on_select)
    return value if isinstance(value, AttributeDict) else default


def _vega_params(spec: dict) -> list[str]:
    names = [p["name"] for p in spec.get("params", ()) if isinstance(p, dict)
             and "select" in p and "name" in p]
    for part in ("layer", "hconcat", "vconcat", "concat"):
        for child in spec.get(part, ()) or ():
            if isinstance(child, dict):
                names.extend(_vega_params(child))
    if isinstance(spec.get("spec"), dict):
        names.extend(_vega_params(spec["spec"]))
    return names


def altair_chart(altair_chart: Any, *, width: Any = None, height: Any = "content",
                 use_container_width: bool | None = None, theme: str | None = "streamlit",
                 key: Any = None, on_select: Any = "ignore", selection_mode: Any = None,
                 alt: str | None = None) -> Any:
    """An Altair chart. With ``on_select``, returns the selection state.

    Example:
        >>> st.altair_chart(alt.Chart(df).mark_line().encode(x="a", y="b"))  # doctest: +SKIP
    """
    _need("altair", "altair", "altair_chart")
    _check_theme("altair_chart", theme)
    spec = altair_chart.to_dict()
    return _vega_chart("altair_chart", _sized(spec, _default_width(spec, width,
                                                                   use_container_width),
                                              height, use_container_width),
                       altair_chart, alt, key, on_select, selection_mode, theme)


def vega_lite_chart(data: Any = None, spec: dict | None = None, *, width: Any = None,
                    height: Any = "content", use_container_width: bool | None = None,
                    theme: str | None = "streamlit", key: Any = None,
                    on_select: Any = "ignore", selection_mode: Any = None,
                    alt: str | None = None) -> Any:
    """A chart from a Vega-Lite spec (a dict). With ``on_select``, returns the selection.

    Example:
        >>> st.vega_lite_chart(df, {"mark": "bar", "encoding": {...}})   # doctest: +SKIP
    """
    alt_ = _need("altair", "altair", "vega_lite_chart")
    _check_theme("vega_lite_chart", theme)
    if spec is None and isinstance(data, dict) and ("mark" in data or "layer" in data):
        data, spec = None, data  # st.vega_lite_chart(spec), as Streamlit takes it
    spec = dict(spec or {})
    if data is not None:
        spec["data"] = {"values": _records(data)}
    sized = _sized(spec, _default_width(spec, width, use_container_width), height,
                   use_container_width)
    return _vega_chart("vega_lite_chart", sized, alt_.Chart.from_dict(spec), alt, key,
                       on_select, selection_mode, theme)


def _check_theme(func: str, theme: Any) -> None:
    if theme not in ("streamlit", None):
        raise InvalidArgumentError(
            f"`st.{func}`: theme must be 'streamlit' or None, got {theme!r}.")


def _default_width(spec: dict, width: Any, use_container_width: Any) -> Any:
    """Streamlit 1.67's default width of an Altair/Vega-Lite chart: "stretch", except
    facet, hconcat, repeat and nested compositions ("content")."""
    if width is not None or use_container_width is not None:
        return width
    enc = spec.get("encoding") or {}
    facet = "facet" in spec or any(k in enc for k in ("row", "column", "facet"))
    nested = any(isinstance(c, dict) and any(k in c for k in ("hconcat", "vconcat", "concat"))
                 for part in ("hconcat", "vconcat", "concat") for c in spec.get(part) or ())
    return "content" if facet or "hconcat" in spec or "repeat" in spec or nested else "stretch"


def _sized(spec: dict, width: Any, height: Any, use_container_width: Any) -> dict:
    """The spec with Streamlit's sizes: "stretch" or use_container_width fills the
    container, an int is pixels."""
    spec = dict(spec)
    if use_container_width or width == "stretch":
        spec["width"] = "container"
    elif isinstance(width, int) and not isinstance(width, bool):
        spec["width"] = width
    if isinstance(height, int) and not isinstance(height, bool):
        spec["height"] = height
    return spec


def plotly_chart(figure_or_data: Any, use_container_width: bool | None = None, *,
                 width: Any = "stretch", height: Any = "content",
                 theme: str | None = "streamlit", key: Any = None, on_select: Any = "ignore",
                 selection_mode: Any = ("points", "box", "lasso"), config: dict | None = None,
                 alt: str | None = None) -> Any:
    """A Plotly figure. With ``on_select``, returns the selection state.

    Example:
        >>> st.plotly_chart(px.line(df, x="a", y="b"))                   # doctest: +SKIP
    """
    go = _need("plotly.graph_objects", "plotly", "plotly_chart")
    fig = figure_or_data if isinstance(figure_or_data, go.Figure) else go.Figure(
        figure_or_data)
    if isinstance(width, int) and not isinstance(width, bool) and not use_container_width:
        fig.update_layout(width=width)
    if isinstance(height, int) and not isinstance(height, bool):
        fig.update_layout(height=height)
    spec = fig.to_plotly_json()
    _plotly_theme(spec, theme)
    if config:
        spec["config"] = dict(config)  # Plotly's renderer reads the config from the bundle
    if alt is not None:
        # kept with the figure (layout.meta) and on the element: Plotly has no alt text
        spec.setdefault("layout", {}).setdefault("meta", {})["description"] = str(alt)
    props = _chart_props("plotly_chart", "plotly", spec, fig, alt)
    props["fill"] = bool(use_container_width) or (use_container_width is None
                                                  and width == "stretch")
    if isinstance(height, int) and not isinstance(height, bool):
        props["pixel_height"] = height
    _check_on_select("plotly_chart", on_select)
    if on_select == "ignore":
        return handle(require("plotly_chart"), Element("chart", key=None, props=props))
    ctx = require("plotly_chart")
    props["selection_mode"] = _plotly_modes(selection_mode)
    if key is not None:
        key = normalize_key(key)
    ident = (props["spec"], tuple(props["selection_mode"]), repr(width), repr(height),
             props.get("alt"))
    default = _selection_state(dict(_PLOTLY_EMPTY))
    value = ctx.widget(KINDS["chart"], "plotly_chart", key, ident, props, default, False,
                       on_select)
    return value if isinstance(value, AttributeDict) else default


def _plotly_theme(spec: dict, theme: str | None) -> None:
    """``theme="streamlit"``: Streamlit's colours, font and transparent background on what
    the figure's own layout leaves to its template; ``None``: the figure as Plotly draws it."""
    if theme is None:
        return
    if theme != "streamlit":
        raise NbstateAPIException(
            f'`st.plotly_chart`: you set theme="{theme}" while Streamlit charts only support '
            'theme="streamlit" or theme=None to fallback to the default library theme.')
    from .media import STREAMLIT_COLORS

    layout = spec.setdefault("layout", {})
    layout.setdefault("colorway", list(STREAMLIT_COLORS))
    layout.setdefault("font", {}).setdefault("family", '"Source Sans Pro", sans-serif')
    layout.setdefault("paper_bgcolor", "rgba(0,0,0,0)")
    layout.setdefault("plot_bgcolor", "rgba(0,0,0,0)")


_PLOTLY_MODES = ("points", "box", "lasso")
_PLOTLY_EMPTY: dict[str, list] = {"points": [], "point_indices": [], "box": [], "lasso": []}


def _plotly_modes(selection_mode: Any) -> list[str]:
    modes = {selection_mode} if isinstance(selection_mode, str) else set(selection_mode or ())
    if not modes or not modes <= set(_PLOTLY_MODES):
        raise InvalidArgumentError(
            "`st.plotly_chart`: selection_mode must be 'points', 'box' or 'lasso', or a "
            f"list of them, got {selection_mode!r}.")
    return sorted(modes)


def _records(data: Any) -> list[dict]:
    frame = _frame("vega_lite_chart", data)
    return json.loads(frame.reset_index().to_json(orient="records", date_format="iso"))


def _frame(func: str, data: Any) -> Any:
    """A DataFrame with string column names from what Streamlit's charts take: a DataFrame,
    Series, dict of columns, list, list of dicts, numpy array, or anything pandas reads."""
    pd = _need("pandas", "pandas", func)
    if data is None:
        return pd.DataFrame()
    if isinstance(data, pd.DataFrame):
        frame = data
    elif isinstance(data, pd.Series):
        frame = data.to_frame(name=data.name if data.name is not None else "value")
    elif hasattr(data, "to_pandas"):
        frame = data.to_pandas()
    else:
        try:
            frame = pd.DataFrame(data)
        except (ValueError, TypeError) as e:
            raise InvalidArgumentError(
                f"`st.{func}` cannot chart an object of type {type(data).__name__}: pass a "
                f"DataFrame, Series, dict, list or numpy array ({e}).") from None
    if any(not isinstance(c, str) for c in frame.columns):
        frame = frame.rename(columns=str)
    return frame


_STACKS = {True: "zero", None: "zero", False: None, "normalize": "normalize",
           "center": "center", "layered": None}


def _simple_chart(func: str, mark: str, data: Any, x: str | None, y: Any, x_label: Any,
                  y_label: Any, color: Any, width: Any, height: Any,
                  use_container_width: Any, *, size: Any = None, horizontal: bool = False,
                  stack: Any = None, sort: Any = True,
                  alt_text: str | None = None) -> ElementHandle:
    alt = _need("altair", "altair", func)
    frame = _frame(func, data)
    for name, col in (("x", x), *(("y", c) for c in ([y] if isinstance(y, str) else y or ()))):
        if col is not None and col not in frame.columns:
            raise InvalidArgumentError(
                f"`st.{func}`: {name}={col!r} is not a column of the data (columns: "
                f"{list(frame.columns)}).")
    if x is None:
        name = frame.index.name or "index"
        frame = frame.reset_index()
        frame = frame.rename(columns={frame.columns[0]: name})
        x = name
    ys = [y] if isinstance(y, str) else (list(y) if y is not None else
                                         [c for c in frame.columns if c != x])
    color_col = color if isinstance(color, str) and color in frame.columns else None
    keep = [x] + ([color_col] if color_col and color_col not in ys else [])
    long = frame.melt(id_vars=keep, value_vars=ys, var_name="series", value_name="value")
    x_kw: dict[str, Any] = {"title": x_label if x_label is not None else x}
    y_title = y_label if y_label is not None else (ys[0] if len(ys) == 1 else None)
    y_kw: dict[str, Any] = {"title": y_title}
    if mark in ("bar", "area"):
        if stack not in _STACKS:
            raise InvalidArgumentError(
                f"`st.{func}`: stack must be True, False, None, 'normalize', 'center' or "
                f"'layered', got {stack!r}.")
        y_kw["stack"] = _STACKS[stack]
    if mark == "bar" and sort is not True:
        if sort is False:
            x_kw["sort"] = None
        elif isinstance(sort, str):
            col = sort.lstrip("-+")
            order = "descending" if sort.startswith("-") else "ascending"
            x_kw["sort"] = alt.EncodingSortField(field="value" if col in ys else col,
                                                 order=order)
        else:
            raise InvalidArgumentError(
                f"`st.{func}`: sort must be True, False or a column name (with '-' in front "
                f"for descending), got {sort!r}.")
    x_enc = alt.X(f"{x}:{_vega_type(long[x])}", **x_kw)
    y_enc = alt.Y("value:Q", **y_kw)
    enc: dict[str, Any] = {"x": y_enc, "y": x_enc} if horizontal else {"x": x_enc, "y": y_enc}
    if color_col:
        enc["color"] = alt.Color(f"{color_col}:N")
    elif len(ys) > 1:
        colors = color if isinstance(color, (list, tuple)) else None
        scale = alt.Scale(domain=ys, range=list(colors)) if colors else alt.Undefined
        enc["color"] = alt.Color("series:N", scale=scale, title=None)
    mark_kw: dict[str, Any] = {}
    if isinstance(color, str) and color_col is None:
        mark_kw["color"] = color  # one colour for the one series ("#ff0000", "red")
    if isinstance(size, (int, float)) and not isinstance(size, bool):
        mark_kw["size"] = size
    elif isinstance(size, str):
        enc["size"] = alt.Size(f"{size}:Q")
    if stack == "layered":
        mark_kw["opacity"] = 0.6
    chart = getattr(alt.Chart(long), f"mark_{mark}")(**mark_kw).encode(**enc)
    spec = _sized(chart.to_dict(), width, height, use_container_width)
    return _emit_chart(func, "vega-lite", spec, chart.properties(
        **{k: spec[k] for k in ("width", "height") if k in spec}), alt_text)


def _vega_type(series: Any) -> str:
    kind = getattr(series.dtype, "kind", "O")
    return {"i": "Q", "u": "Q", "f": "Q", "M": "T"}.get(kind, "N")


def line_chart(data: Any = None, *, x: str | None = None, y: Any = None, x_label: Any = None,
               y_label: Any = None, color: Any = None, width: Any = "stretch",
               height: Any = "content", use_container_width: bool | None = None,
               alt: str | None = None) -> ElementHandle:
    """A line chart of a DataFrame's columns (or a list, dict, Series or array).

    Example:
        >>> st.line_chart([1, 3, 2])                                      # doctest: +SKIP
    """
    return _simple_chart("line_chart", "line", data, x, y, x_label, y_label, color, width,
                         height, use_container_width, alt_text=alt)


def area_chart(data: Any = None, *, x: str | None = None, y: Any = None, x_label: Any = None,
               y_label: Any = None, color: Any = None, stack: Any = None,
               width: Any = "stretch", height: Any = "content",
               use_container_width: bool | None = None,
               alt: str | None = None) -> ElementHandle:
    """An area chart of a DataFrame's columns (stacked unless ``stack=False``).

    Example:
        >>> st.area_chart({"a": [1, 2], "b": [2, 1]}, stack="normalize")  # doctest: +SKIP
    """
    return _simple_chart("area_chart", "area", data, x, y, x_label, y_label, color, width,
                         height, use_container_width, stack=stack, alt_text=alt)


def bar_chart(data: Any = None, *, x: str | None = None, y: Any = None, x_label: Any = None,
              y_label: Any = None, color: Any = None, horizontal: bool = False,
              sort: bool | str = True, stack: Any = None, width: Any = "stretch",
              height: Any = "content", use_container_width: bool | None = None,
              alt: str | None = None) -> ElementHandle:
    """A bar chart of a DataFrame's columns; ``horizontal=True`` lays the bars sideways.

    Example:
        >>> st.bar_chart(np.array([[1, 2], [3, 4]]), horizontal=True)     # doctest: +SKIP
    """
    return _simple_chart("bar_chart", "bar", data, x, y, x_label, y_label, color, width,
                         height, use_container_width, horizontal=horizontal, stack=stack,
                         sort=sort, alt_text=alt)


def scatter_chart(data: Any = None, *, x: str | None = None, y: Any = None,
                  x_label: Any = None, y_label: Any = None, color: Any = None,
                  size: Any = None, width: Any = "stretch", height: Any = "content",
                  use_container_width: bool | None = None,
                  alt: str | None = None) -> ElementHandle:
    """A scatter chart of a DataFrame's columns; ``size`` is pixels or a column.

    Example:
        >>> st.scatter_chart(df, x="a", y="b", size="c")                 # doctest: +SKIP
    """
    return _simple_chart("scatter_chart", "circle", data, x, y, x_label, y_label, color,
                         width, height, use_container_width, size=size, alt_text=alt)
