"""Charts as a person sees them (issue 12), in JupyterLab and Voila: each Vega-Lite chart fills
its column and never sticks out of it (also after the window narrows), no Vega-Lite version
warning is logged, and a click on a point of a chart with ``on_select="rerun"`` changes what
the app shows. Measured in the DOM; screenshots are kept."""

from __future__ import annotations

import nbformat
import pytest
from playwright.sync_api import expect

from .jupyter import open_app, page_errors
from .notebooks import notebook

APP = '''\
%%app charts
import altair as alt
import pandas as pd
import nbstate as st

df = pd.DataFrame({"x": [1, 2, 3, 4, 5], "y": [3, 1, 4, 1, 5], "name": list("abcde")})
left, right = st.columns(2)
with left:
    st.line_chart(df, x="x", y="y")
with right:
    st.bar_chart(df, x="name", y="y")
pick = alt.selection_point(name="pick", fields=["name"])
chart = alt.Chart(df).mark_circle(size=600).encode(
    x="x:Q", y="y:Q",
    color=alt.condition(pick, alt.value("crimson"), alt.value("steelblue")),
).add_params(pick)
event = st.altair_chart(chart, on_select="rerun", key="sel")
picked = event.selection.pick
st.markdown(f"picked: {picked[0]['name'] if picked else 'none'}")
# a spec that declares Vega-Lite 5 (drawn by the shipped Vega-Lite without a network)
st.vega_lite_chart(df, {"$schema": "https://vega.github.io/schema/vega-lite/v5.json",
                        "mark": "bar", "encoding": {"x": {"field": "name", "type": "nominal"},
                                                    "y": {"field": "y", "type": "quantitative"}}})
'''

# Each chart's box and its drawing (svg) against the box of the column that holds it.
_MEASURE = """
(root) => [...root.querySelectorAll(".nbstate-vega-chart")].map((el) => {
  const svg = el.querySelector("svg");
  const col = el.parentElement.getBoundingClientRect();
  const box = el.getBoundingClientRect();
  const drawn = svg ? svg.getBoundingClientRect() : { left: 0, right: 0, width: 0, height: 0 };
  return { col: [col.left, col.right, col.width], box: [box.left, box.right, box.width],
           drawn: [drawn.left, drawn.right, drawn.width, drawn.height] };
})
"""


@pytest.fixture
def charts(server):
    nbformat.write(notebook("%load_ext nbstate", APP), server.root / "scenario_charts.ipynb")
    return "scenario_charts.ipynb"


def _drawn(page, root, n: int) -> list[dict]:
    page.wait_for_function(
        "([root, n]) => root.querySelectorAll('.nbstate-vega-chart svg.marks').length >= n",
        arg=[root.element_handle(), n], timeout=60_000)
    return root.evaluate(_MEASURE)


def _assert_fill(charts: list[dict]) -> None:
    for c in charts:
        col_left, col_right, col_width = c["col"]
        left, right, width, height = c["drawn"]
        assert height > 100, c
        assert left >= col_left - 1 and right <= col_right + 1, f"overflows its column: {c}"
        assert width >= 0.9 * col_width, f"does not fill its column: {c}"


def _click_point(page, root, index: int) -> None:
    chart = root.locator(".nbstate-vega-chart").nth(2)
    point = chart.locator("svg .mark-symbol path").nth(index)
    point.scroll_into_view_if_needed()
    box = point.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


@pytest.mark.parametrize("frontend", ["lab", "notebook7", "voila"])
def test_charts_fill_their_column_and_a_click_selects(page, server, screenshots, charts,
                                                      frontend):
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text))
    root = open_app(page, server, frontend, charts)
    measured = _drawn(page, root, 4)
    assert len(measured) == 4
    _assert_fill(measured)
    # the two charts in columns are half as wide as the full-width one
    assert measured[0]["drawn"][2] < 0.6 * measured[2]["drawn"][2]
    # the page settles: a chart that kept resizing (Vega's "container" width in Voila) fails
    first = root.evaluate(_MEASURE)
    page.wait_for_timeout(700)
    assert root.evaluate(_MEASURE) == first

    expect(root).to_contain_text("picked: none")
    _click_point(page, root, 2)
    expect(root).to_contain_text("picked: c", timeout=20_000)
    _click_point(page, root, 4)
    expect(root).to_contain_text("picked: e", timeout=20_000)
    root.screenshot(path=str(screenshots / f"charts-{frontend}.png"))

    # a narrower window: every chart follows its column's width, none sticks out
    page.set_viewport_size({"width": 900, "height": 900})
    page.wait_for_timeout(800)
    _assert_fill(root.evaluate(_MEASURE))

    warnings = [m for m in console if "vega" in m.lower() and "version" in m.lower()]
    assert warnings == []
    assert page_errors(page) == []


FIGURES = '''\
%%app figures
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import plotly.express as px
import pandas as pd
import nbstate as st

df = pd.DataFrame({"x": [1, 2, 3, 4], "y": [2, 4, 1, 3]})
left, right = st.columns(2)
with left:
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.plot(df.x, df.y)
    st.pyplot(fig)
with right:
    st.plotly_chart(px.line(df, x="x", y="y"))
event = st.plotly_chart(px.scatter(df, x="x", y="y"), on_select="rerun", key="pts")
st.markdown(f"selected: {event.selection.point_indices or 'none'}")
'''

_FIGURE_BOXES = """
(root) => {
  const img = root.querySelector(".nbstate-image img");
  const plots = [...root.querySelectorAll(".nbstate-plotly-chart")];
  const rect = (el) => { const r = el.getBoundingClientRect();
                         return [r.left, r.right, r.width, r.height]; };
  return {
    img: rect(img), imgCol: rect(img.closest(".nbstate-column") || img.parentElement),
    natural: [img.naturalWidth, img.naturalHeight],
    plots: plots.map((p) => ({ svg: rect(p.querySelector(".main-svg")),
                               col: rect(p.parentElement) })),
  };
}
"""


@pytest.mark.parametrize("frontend", ["lab", "voila"])
def test_pyplot_and_plotly_fill_their_column_and_a_plotly_click_selects(page, server,
                                                                       screenshots, frontend):
    nbformat.write(notebook("%load_ext nbstate", FIGURES),
                   server.root / "scenario_figures.ipynb")
    root = open_app(page, server, frontend, "scenario_figures.ipynb")
    page.wait_for_function(
        "(root) => root.querySelectorAll('.nbstate-plotly-chart .main-svg').length >= 2",
        arg=root.element_handle(), timeout=60_000)
    page.wait_for_timeout(300)
    boxes = root.evaluate(_FIGURE_BOXES)
    left, right, width, height = boxes["img"]
    col_left, col_right, col_width, _ = boxes["imgCol"]
    assert col_left - 1 <= left and right <= col_right + 1 and width >= 0.9 * col_width
    nat_w, nat_h = boxes["natural"]
    assert abs(width / height - nat_w / nat_h) < 0.02  # its aspect is kept
    for p in boxes["plots"]:
        s_left, s_right, s_width, s_height = p["svg"]
        c_left, c_right, c_width, _ = p["col"]
        assert c_left - 1 <= s_left and s_right <= c_right + 1, p
        assert s_width >= 0.9 * c_width and s_height == 450, p
    assert boxes["plots"][0]["svg"][2] < 0.6 * boxes["plots"][1]["svg"][2]

    # the page settles (no resize loop)
    page.wait_for_timeout(500)
    assert root.evaluate(_FIGURE_BOXES) == boxes

    expect(root).to_contain_text("selected: none")
    point = root.locator(".nbstate-plotly-chart").nth(1).locator(".scatterlayer .point").nth(2)
    point.scroll_into_view_if_needed()
    box = point.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(root).to_contain_text("selected: [2]", timeout=20_000)
    root.screenshot(path=str(screenshots / f"figures-{frontend}.png"))
    assert page_errors(page) == []


def _axis_label_rgb(root) -> tuple[int, ...]:
    fill = root.locator(".nbstate-vega-chart .role-axis-label text").first.evaluate(
        "t => getComputedStyle(t).fill")
    return tuple(int(v) for v in fill[fill.index("(") + 1:fill.index(")")].split(",")[:3])


def test_a_dark_notebook_theme_keeps_the_axes_readable(page, server, screenshots, charts):
    root = open_app(page, server, "lab", charts)
    _drawn(page, root, 4)
    assert max(_axis_label_rgb(root)) < 100  # dark labels on the light theme
    page.evaluate("() => window.jupyterapp.commands.execute('apputils:change-theme',"
                  " {theme: 'JupyterLab Dark'})")
    page.wait_for_function("() => document.body.dataset.jpThemeLight === 'false'")
    page.wait_for_function(
        "(root) => { const t = root.querySelector('.nbstate-vega-chart .role-axis-label text');"
        " return t && getComputedStyle(t).fill !== 'rgb(0, 0, 0)' &&"
        " Math.min(...getComputedStyle(t).fill.match(/\\d+/g).slice(0, 3).map(Number)) > 150; }",
        arg=root.element_handle(), timeout=20_000)
    assert min(_axis_label_rgb(root)) > 150
    _assert_fill(root.evaluate(_MEASURE))
    root.screenshot(path=str(screenshots / "charts-lab-dark.png"))
    assert page_errors(page) == []


IMAGES = '''\
%%app images
import numpy as np
import nbstate as st

st.image([np.zeros((40, 60)), np.ones((40, 60))], caption=["dark", "light"], width=120)
'''


def test_a_list_of_images_shows_side_by_side_with_their_captions(page, server):
    nbformat.write(notebook("%load_ext nbstate", IMAGES), server.root / "scenario_images.ipynb")
    root = open_app(page, server, "lab", "scenario_images.ipynb")
    figures = root.locator(".nbstate-images .nbstate-image")
    expect(figures).to_have_count(2)
    expect(figures).to_have_text(["dark", "light"])
    page.wait_for_function(
        "(r) => [...r.querySelectorAll('.nbstate-images img')].every((i) => i.complete"
        " && i.naturalWidth === 60)", arg=root.element_handle())
    boxes = root.locator(".nbstate-images img").evaluate_all(
        "(imgs) => imgs.map((i) => { const r = i.getBoundingClientRect();"
        " return [r.left, r.right, r.top, r.width]; })")
    (l1, r1, t1, w1), (l2, _, t2, w2) = boxes
    assert t1 == t2 and l2 > r1  # one row, the second right of the first
    assert w1 == w2 == 120
    assert page_errors(page) == []
