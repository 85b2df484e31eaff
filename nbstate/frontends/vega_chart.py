"""Vega-Lite charts (``line_chart``/``bar_chart``/``area_chart``/``scatter_chart``,
``altair_chart``, ``vega_lite_chart``, ``map``) as an anywidget that runs vega-embed.

Why an anywidget of nbstate's own rather than JupyterLab's renderer or ``altair.JupyterChart``:

- JupyterLab's ``application/vnd.vegalite.v5+json`` renderer is Vega 5 / Vega-Lite 5: Altair 6
  specs (Vega-Lite 6) log a version warning on every redraw, Notebook 7 / VS Code / Voila each
  bring their own renderer (or none), and a renderer reports no selections to the kernel.
- ``altair.JupyterChart`` (an anywidget too) imports vega-embed from a CDN at a fixed version
  (so it draws nothing offline, and not the version a spec declares), reports selections in
  its own shape (not Streamlit's), and sizes with Vega's "container" width, which kept
  resizing in Voila.
- This one ships Vega 6, Vega-Lite 6 and vega-embed 7 (``nbstate/js/vendor``, BSD-3 licensed;
  sent to the page once, on request, by the first chart), draws a spec declaring another
  Vega-Lite version with that version when a CDN is reachable, fills its container's width
  with a ResizeObserver that reacts to width changes only, and reports selections exactly as
  Streamlit's frontend does (``{"selection": {param: value}}``, point selections as their
  ``vlPoint.or`` list). See ``nbstate/js/vega_chart.js``.

``plotly_chart`` is drawn the same way (``PlotlyChart``): plotly.js is the copy the ``plotly``
package ships, sent to the page once on request; the figure fills its container's width
(width-only ResizeObserver) at its own height, and selections (click, box, lasso) come back
in Streamlit's shape. JupyterLab's Plotly renderer needs a lab extension, and its HTML
fallback loads plotly.js from a CDN: neither works everywhere, and neither reports
selections. See ``nbstate/js/plotly_chart.js``.

Example:
    >>> w = VegaChart(spec='{"mark": "point", "width": "container"}')
    >>> w.selection_mode
    []
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import anywidget
import ipywidgets as W
import traitlets as t

from ..elements import Element
from .anywidgets import asset
from .bindings import BINDINGS, NOTHING, Binding, Chart, Unrecognized

_VENDOR = ("vendor/vega.min.js", "vendor/vega-lite.min.js", "vendor/vega-embed.min.js")


@cache
def vega_sources() -> list[str]:
    """The shipped Vega, Vega-Lite and vega-embed bundles (UMD), in load order."""
    return [asset(name) for name in _VENDOR]


class VegaChart(anywidget.AnyWidget):
    """A Vega-Lite chart drawn by vega-embed; selections arrive as custom messages."""

    _esm = asset("vega_chart.js")

    spec = t.Unicode("{}").tag(sync=True)
    #: pixels (0: the spec's own height)
    height = t.Int(0).tag(sync=True)
    #: the selection parameters whose changes the browser reports
    selection_mode = t.List(t.Unicode()).tag(sync=True)
    #: "streamlit" (Streamlit's fonts, palette and grid) or "" (Vega-Lite's own look)
    theme = t.Unicode("streamlit").tag(sync=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.on_msg(self._handle_chart_msg)

    def _handle_chart_msg(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if isinstance(content, dict) and content.get("event") == "vega-lib":
            self.send({"type": "vega-lib", "sources": vega_sources()})


class VegaChartBinding(Binding):
    """``chart`` elements of Vega-Lite specs; with ``on_select`` the chart is a widget whose
    value is Streamlit's selection state (a selection arrives as a custom message)."""

    def create(self, el: Element) -> W.Widget:
        return VegaChart(**self.traits(el))

    def traits(self, el: Element) -> dict[str, Any]:
        p = el.props
        height = p.get("pixel_height")
        return {"spec": str(p.get("spec") or "{}"),
                "height": height if isinstance(height, int) else 0,
                "selection_mode": list(p.get("selection_mode") or ()),
                "theme": "streamlit" if p.get("theme", "streamlit") else "",
                "layout": {"width": "100%" if p.get("fill") else "auto",
                           "max_width": "100%"}}

    def on_custom(self, el: Element, content: Any) -> Any:
        if isinstance(content, dict) and content.get("event") == "select":
            value = content.get("value")
            if not isinstance(value, dict):
                return Unrecognized(f"{value!r:.60}")
            return value
        return NOTHING


@cache
def plotly_source() -> str:
    """The plotly.js bundle that the ``plotly`` package ships."""
    from importlib import resources

    return resources.files("plotly").joinpath("package_data").joinpath(
        "plotly.min.js").read_text(encoding="utf-8")


class PlotlyChart(anywidget.AnyWidget):
    """A Plotly figure drawn by plotly.js; selections arrive as custom messages."""

    _esm = asset("plotly_chart.js")

    #: the figure's JSON (Plotly's encoder: {"data": ..., "layout": ...})
    figure = t.Unicode("{}").tag(sync=True)
    #: Plotly's config (JSON)
    config = t.Unicode("{}").tag(sync=True)
    height = t.Int(0).tag(sync=True)
    fill = t.Bool(True).tag(sync=True)
    selection_mode = t.List(t.Unicode()).tag(sync=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.on_msg(self._handle_chart_msg)

    def _handle_chart_msg(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if isinstance(content, dict) and content.get("event") == "plotly-lib":
            self.send({"type": "plotly-lib", "source": plotly_source()})


class PlotlyChartBinding(VegaChartBinding):
    """``chart`` elements of Plotly figures (a widget with ``on_select``)."""

    def create(self, el: Element) -> W.Widget:
        return PlotlyChart(**self.traits(el))

    def traits(self, el: Element) -> dict[str, Any]:
        p = el.props
        spec = json.loads(p.get("spec") or "{}")
        fig = p.get("figure")
        if fig is not None and hasattr(fig, "to_json"):
            figure = fig.to_json()  # Plotly's own encoder (numpy arrays, dates)
        else:
            figure = json.dumps({"data": spec.get("data", []),
                                 "layout": spec.get("layout", {})})
        height = p.get("pixel_height")
        return {"figure": figure, "config": json.dumps(spec.get("config") or {}),
                "height": height if isinstance(height, int) else 0,
                "fill": bool(p.get("fill")),
                "selection_mode": list(p.get("selection_mode") or ()),
                "layout": {"width": "100%" if p.get("fill") else "auto",
                           "max_width": "100%"}}


_VEGA = VegaChartBinding()
_PLOTLY = PlotlyChartBinding()
_OTHER = Chart()


def _chart_binding(el: Element) -> Binding:
    library = el.props.get("library")
    if library == "vega-lite":
        return _VEGA
    if library == "plotly":
        return _PLOTLY
    return _OTHER


def spec_of(widget: VegaChart) -> dict:
    """The spec a chart widget draws (tests and debugging)."""
    return json.loads(widget.spec)


BINDINGS["chart"] = _chart_binding
