"""Charts in a real kernel, driven over the widget protocol as a browser is: a Vega-Lite chart
is nbstate's vega-embed widget (container width, the spec's own version), the page gets the
shipped Vega libraries on request, and a selection sent by the browser reruns the app, runs the
callback and lands in session state as Streamlit's selection object."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("altair")

APP = '''
import altair as alt
import pandas as pd

df = pd.DataFrame({"x": [1, 2, 3], "y": [3, 1, 4], "name": ["a", "b", "c"]})
st.line_chart(df, x="x", y="y")
pick = alt.selection_point(name="pick", fields=["name"])
brush = alt.selection_interval(name="brush")
def picked():
    st.session_state.calls = st.session_state.get("calls", 0) + 1
chart = alt.Chart(df).mark_circle().encode(x="x:Q", y="y:Q").add_params(pick, brush)
event = st.altair_chart(chart, on_select=picked, key="sel", selection_mode="pick")
st.write(f"picked: {[p['name'] for p in event.selection.pick] or 'none'}")
st.write(f"type: {type(st.session_state.sel).__name__} {sorted(event.selection)}")
'''


def _charts(kernel):
    return [m for m in kernel.app().walk() if not m.closed and "selection_mode" in m.state]


def test_a_selection_from_the_browser_reruns_the_app(kernel, app):
    app(APP)
    line, scatter = _charts(kernel)
    assert json.loads(line["spec"])["width"] == "container"
    assert line["layout"] and line["selection_mode"] == []
    assert scatter["selection_mode"] == ["pick"]  # only the parameter asked for
    spec = json.loads(scatter["spec"])
    assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/v6")
    text = kernel.text()
    assert "picked: none" in text and "type: AttributeDict ['pick']" in text

    # the browser's point selection: Streamlit's shape, the vlPoint.or list of points
    kernel.custom(scatter, {"event": "select",
                            "value": {"selection": {"pick": [{"name": "c"}]}}})
    assert "picked: ['c']" in kernel.text()
    assert kernel.eval("__import__('nbstate').session_state['calls']") == 1
    assert kernel.eval("dict(__import__('nbstate').session_state['sel'])") == {
        "selection": {"pick": [{"name": "c"}]}}

    # a value that is no selection of this chart is refused, the selection kept
    kernel.custom(scatter, {"event": "select", "value": {"selection": {"other": {}}}})
    assert "picked: ['c']" in kernel.text()
    assert kernel.eval("__import__('nbstate').session_state['calls']") == 1


def test_the_page_gets_the_shipped_vega_libraries_on_request(kernel, app):
    app("st.vega_lite_chart({'mark': 'bar', 'data': {'values': [{'a': 1}]},"
        " 'encoding': {'x': {'field': 'a', 'type': 'quantitative'}}})")
    (chart,) = _charts(kernel)
    # asking for them leaves the app as it was (the reply goes to the page, not the run)
    before = kernel.text()
    kernel.custom(chart, {"event": "vega-lib"})
    assert kernel.text() == before
    (reply, _buffers), = chart.customs
    assert reply["type"] == "vega-lib"
    vega, vega_lite, embed = reply["sources"]
    assert "vegaEmbed" in embed and len(vega) > 400_000
    assert '"6.4.1"' in vega_lite


def test_a_plotly_selection_from_the_browser_reruns_the_app(kernel, app):
    pytest.importorskip("plotly")
    app("""
import plotly.graph_objects as go
e = st.plotly_chart(go.Figure(go.Scatter(x=[1, 2, 3], y=[3, 1, 2])), on_select="rerun",
                    key="pts")
st.write(f"indices: {e.selection.point_indices or 'none'}")
""")
    (chart,) = [m for m in kernel.app().walk() if not m.closed and "figure" in m.state]
    assert json.loads(chart["figure"])["data"][0]["type"] == "scatter"
    assert chart["fill"] is True and chart["selection_mode"] == ["box", "lasso", "points"]
    assert "indices: none" in kernel.text()
    kernel.custom(chart, {"event": "select", "value": {"selection": {
        "points": [{"x": 2, "y": 1, "point_index": 1, "curve_number": 0}],
        "point_indices": [1], "box": [], "lasso": []}}})
    assert "indices: [1]" in kernel.text()
    kernel.custom(chart, {"event": "plotly-lib"})
    (reply, _buffers), = chart.customs
    assert reply["type"] == "plotly-lib" and "plotly.js" in reply["source"][:200]
