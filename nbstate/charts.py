"""Charts: ``altair_chart``, ``plotly_chart``, ``vega_lite_chart`` and the simple
``line_chart``/``bar_chart``/``area_chart``/``scatter_chart`` over a DataFrame.

The element carries the chart's JSON spec (so it compares cheaply between runs and tests can
read it) and the chart object, which a live frontend displays with Jupyter's own renderers.
The plotting libraries are optional: a clear error names the one to install.

Example (inside an app):
    >>> st.line_chart(df, x="day", y="sales")                            # doctest: +SKIP
"""

from __future__ import annotations

import json
from typing import Any

from .elements import Element
from .errors import NbstateAPIException
from .run import require


class MissingDependencyError(NbstateAPIException, ImportError):
    """An optional library needed by an element is not installed."""


def _need(module: str, package: str, func: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingDependencyError(
            f"`st.{func}` needs the `{package}` package, which is not installed. Install it "
            f"with: pip install {package}") from None


def _emit_chart(func: str, library: str, spec: dict, obj: Any, key: Any = None) -> None:
    ctx = require(func)
    ctx.emit(Element("chart", key=None, props={
        "library": library, "spec": json.dumps(spec, sort_keys=True, default=str),
        "figure": obj, "chart_type": func}))


def altair_chart(altair_chart: Any, *, width: Any = None, height: Any = None,
                 use_container_width: bool | None = None, theme: str | None = "streamlit",
                 key: Any = None, on_select: Any = "ignore",
                 selection_mode: Any = None) -> None:
    """An Altair chart.

    Example:
        >>> st.altair_chart(alt.Chart(df).mark_line().encode(x="a", y="b"))  # doctest: +SKIP
    """
    _need("altair", "altair", "altair_chart")
    _emit_chart("altair_chart", "vega-lite", altair_chart.to_dict(), altair_chart)


def vega_lite_chart(data: Any = None, spec: dict | None = None, *, width: Any = None,
                    height: Any = None, use_container_width: bool | None = None,
                    theme: str | None = "streamlit", key: Any = None,
                    on_select: Any = "ignore", selection_mode: Any = None,
                    **kwargs: Any) -> None:
    """A chart from a Vega-Lite spec (a dict).

    Example:
        >>> st.vega_lite_chart(df, {"mark": "bar", "encoding": {...}})   # doctest: +SKIP
    """
    alt = _need("altair", "altair", "vega_lite_chart")
    spec = dict(spec or {}, **kwargs)
    if data is not None:
        spec["data"] = {"values": _records(data)}
    _emit_chart("vega_lite_chart", "vega-lite", spec, alt.Chart.from_dict(spec))


def plotly_chart(figure_or_data: Any, use_container_width: bool | None = None, *,
                 width: Any = "stretch", height: Any = "content", theme: str | None = None,
                 key: Any = None, on_select: Any = "ignore", selection_mode: Any = None,
                 config: dict | None = None, **kwargs: Any) -> None:
    """A Plotly figure.

    Example:
        >>> st.plotly_chart(px.line(df, x="a", y="b"))                   # doctest: +SKIP
    """
    go = _need("plotly.graph_objects", "plotly", "plotly_chart")
    fig = figure_or_data if isinstance(figure_or_data, go.Figure) else go.Figure(
        figure_or_data)
    _emit_chart("plotly_chart", "plotly", fig.to_plotly_json(), fig)


def _records(data: Any) -> list[dict]:
    t = type(data)
    if t.__module__.startswith("pandas"):
        frame = data.to_frame() if t.__name__ == "Series" else data
        return json.loads(frame.reset_index().to_json(orient="records", date_format="iso"))
    if isinstance(data, dict):
        keys = list(data)
        n = max((len(v) for v in data.values()), default=0)
        return [{k: data[k][i] for k in keys} for i in range(n)]
    if isinstance(data, (list, tuple)):
        return [r if isinstance(r, dict) else {"value": r} for r in data]
    raise NbstateAPIException(f"cannot chart an object of type {t.__name__}")


def _simple_chart(func: str, mark: str, data: Any, x: str | None, y: Any, color: Any,
                  size: Any = None, width: Any = None, height: Any = None) -> None:
    alt = _need("altair", "altair", func)
    pd = _need("pandas", "pandas", func)
    frame = data if isinstance(data, pd.DataFrame) else pd.DataFrame(data)
    if x is None:
        index_name = frame.index.name or "index"
        frame = frame.reset_index().rename(columns={frame.index.name or "index": index_name})
        x = index_name
    ys = [y] if isinstance(y, str) else (list(y) if y is not None else
                                         [c for c in frame.columns if c != x])
    long = frame.melt(id_vars=[x], value_vars=ys, var_name="series", value_name="value")
    enc: dict[str, Any] = {"x": alt.X(f"{x}:{_vega_type(long[x])}"),
                           "y": alt.Y("value:Q", title=ys[0] if len(ys) == 1 else "value")}
    if len(ys) > 1 or color is not None:
        enc["color"] = alt.Color("series:N")
    if size is not None and isinstance(size, (int, float)):
        mark_kw = {"size": size}
    else:
        mark_kw = {}
    chart = getattr(alt.Chart(long), f"mark_{mark}")(**mark_kw).encode(**enc)
    if width:
        chart = chart.properties(width=width)
    if height:
        chart = chart.properties(height=height)
    _emit_chart(func, "vega-lite", chart.to_dict(), chart)


def _vega_type(series: Any) -> str:
    kind = getattr(series.dtype, "kind", "O")
    return {"i": "Q", "u": "Q", "f": "Q", "M": "T"}.get(kind, "N")


def line_chart(data: Any = None, *, x: str | None = None, y: Any = None, x_label: Any = None,
               y_label: Any = None, color: Any = None, width: Any = None, height: Any = None,
               use_container_width: bool = True) -> None:
    """A line chart of a DataFrame's columns.

    Example:
        >>> st.line_chart({"a": [1, 3, 2]})                               # doctest: +SKIP
    """
    _simple_chart("line_chart", "line", data, x, y, color, width=width, height=height)


def area_chart(data: Any = None, *, x: str | None = None, y: Any = None, x_label: Any = None,
               y_label: Any = None, color: Any = None, stack: Any = None, width: Any = None,
               height: Any = None, use_container_width: bool = True) -> None:
    """An area chart of a DataFrame's columns."""
    _simple_chart("area_chart", "area", data, x, y, color, width=width, height=height)


def bar_chart(data: Any = None, *, x: str | None = None, y: Any = None, x_label: Any = None,
              y_label: Any = None, color: Any = None, horizontal: bool = False,
              stack: Any = None, width: Any = None, height: Any = None,
              use_container_width: bool = True) -> None:
    """A bar chart of a DataFrame's columns."""
    _simple_chart("bar_chart", "bar", data, x, y, color, width=width, height=height)


def scatter_chart(data: Any = None, *, x: str | None = None, y: Any = None,
                  x_label: Any = None, y_label: Any = None, color: Any = None,
                  size: Any = None, width: Any = None, height: Any = None,
                  use_container_width: bool = True) -> None:
    """A scatter chart of a DataFrame's columns."""
    _simple_chart("scatter_chart", "circle", data, x, y, color, size=size, width=width,
                  height=height)
