"""Re-executing an app's cell shows the app's views as they were (issue 15): the notebook
empties the cell's output area and the kernel displays the same live root box again; the
browser takes back the root's view (stale_marker.js ``keepOnClear``) instead of building every
view anew, then shows what the run changed. Checked on the DOM: the same nodes stay, no widget
view is added or removed for an unchanged app, an edit shows, a reader's change is kept; and
after "Clear All Outputs" or a kernel restart the app still shows."""

from __future__ import annotations

import nbformat
import pytest
from playwright.sync_api import expect

from .jupyter import RERUN_CELL, drag_slider, flicker, open_notebook, page_errors, watch_flicker
from .notebooks import notebook

pytestmark = pytest.mark.timeout(600)

APP = """%%app keep
import nbstate as st
import pandas as pd
import altair as alt
v = st.slider("Level", 0, 10, 3, key="level")
st.altair_chart(alt.Chart(pd.DataFrame({{"x": [1, 2, 3], "y": [v, 2, 1]}}))
                .mark_bar().encode(x="x:O", y="y:Q"))
st.write("{text}", v)
"""

# tag every widget view node and the chart's drawing, so that a node made anew is told apart
TAG = """
(root) => {
  for (const n of [root, ...root.querySelectorAll(".jupyter-widgets, canvas, svg")]) {
    n.__tag = "kept";
  }
}
"""
UNTAGGED = """
(root) => [root, ...root.querySelectorAll(".jupyter-widgets, canvas, svg")]
  .filter((n) => n.__tag !== "kept").length
"""


def _open(page, server, name: str, frontend: str = "lab"):
    nbformat.write(notebook("%load_ext nbstate", APP.format(text="run 0")), server.root / name)
    url = server.lab(name) + "?reset" if frontend == "lab" else server.notebook7(name)
    open_notebook(page, url)
    root = page.locator(".nbstate-app")
    expect(root).to_contain_text("run 0", timeout=60_000)
    expect(root.locator(".nbstate-vega-chart canvas, .nbstate-vega-chart svg").first).to_be_attached()
    return root


def _rerun(page, frontend: str, src: str) -> None:
    if frontend == "lab":
        page.evaluate(RERUN_CELL, src)
        return
    # Notebook 7: the same notebook commands as JupyterLab's
    page.evaluate("""async (src) => {
      const panel = window.jupyterapp.shell.currentWidget;
      const cell = panel.content.widgets[1];
      cell.model.sharedModel.setSource(src);
      panel.content.activeCellIndex = 1;
      await window.jupyterapp.commands.execute("notebook:run-cell");
    }""", src)


@pytest.mark.parametrize("frontend", ["lab", "notebook7"])
def test_a_re_executed_cell_keeps_the_views_and_shows_the_run(page, server, frontend):
    root = _open(page, server, f"keep_{frontend}.ipynb", frontend)
    slider = root.locator(".widget-slider").first
    drag_slider(slider, 4)  # the reader's change: 3 -> 4
    expect(root).to_contain_text("run 0 4")
    root.evaluate(TAG)

    watch_flicker(root)
    _rerun(page, frontend, APP.format(text="run 0"))  # unchanged
    expect(page.locator(".nbstate-app")).to_contain_text("run 0 4")
    seen = flicker(page)
    assert (seen["added"], seen["removed"]) == (0, 0), seen
    assert page.locator(".nbstate-app").evaluate(UNTAGGED) == 0
    assert page.locator(".nbstate-app").count() == 1

    _rerun(page, frontend, APP.format(text="run 1"))  # one line edited
    root = page.locator(".nbstate-app")
    expect(root).to_contain_text("run 1 4")
    # the slider's and the chart's views are the ones shown before; the value kept
    assert root.locator(".widget-slider").first.evaluate("n => n.closest('.jupyter-widgets')"
                                                         ".__tag === 'kept'")
    assert root.locator(".nbstate-vega-chart").first.evaluate("n => n.closest('.jupyter-widgets')"
                                                        ".__tag === 'kept'")
    assert page_errors(page) == []


def test_after_clearing_outputs_or_restarting_the_kernel_the_app_shows(page, server):
    root = _open(page, server, "keep_clear.ipynb")
    root.evaluate(TAG)
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:clear-all-cell-outputs')")
    expect(page.locator(".nbstate-app")).to_have_count(0)
    _rerun(page, "lab", APP.format(text="run 1"))
    root = page.locator(".nbstate-app")
    expect(root).to_contain_text("run 1 3")
    assert root.evaluate(UNTAGGED) == 0, "the view kept since the clear is shown again"

    # a new kernel: the old models are gone, so is the kept view; the app is built anew
    page.evaluate("""async () => {
      const panel = window.jupyterapp.shell.currentWidget;
      await panel.sessionContext.session.kernel.restart();
      await panel.sessionContext.ready;
    }""")
    page.wait_for_timeout(1000)
    page.evaluate("""async () => {
      const panel = window.jupyterapp.shell.currentWidget;
      panel.content.activeCellIndex = 0;
      await window.jupyterapp.commands.execute("notebook:run-cell");
    }""")
    _rerun(page, "lab", APP.format(text="run 2"))
    root = page.locator(".nbstate-app")
    expect(root).to_have_count(1)
    expect(root).to_contain_text("run 2 3")
    assert root.evaluate(UNTAGGED) > 0, "views of the new kernel's models"
    expect(root.locator(".nbstate-vega-chart canvas, .nbstate-vega-chart svg").first).to_be_attached()
    assert page_errors(page) == []
