"""Re-executing an app cell in JupyterLab does not keep the closed outputs' views alive
(issue 15): nbstate keeps the app's widget models over re-executions, and ipywidgets' views
leave listeners on their models that would keep every old view and its DOM reachable. Measured
with Chromium's own counters (DOM nodes and JS event listeners alive after a forced garbage
collection), not with timings."""

from __future__ import annotations

import nbformat
import pytest

from .jupyter import RERUN_CELL, open_notebook
from .notebooks import notebook

pytestmark = pytest.mark.timeout(600)

N = 60
APP = """%%app reexec
import nbstate as st
for i in range({n}):
    st.slider(f"Slider {{i}}", 0, 100, 5, key=f"k{{i}}")
st.text("{text}")
"""

# execute the app cell with new source; resolves once the new output shows every element
RERUN = """
async ([src, n, text]) => {
  await (""" + RERUN_CELL.strip() + """)(src);
  for (let i = 0; i < 1200; i++) {
    const root = document.querySelector(".nbstate-app");
    if (root && root.querySelectorAll(".widget-slider").length === n
        && root.textContent.includes(text)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the re-executed app did not show");
}
"""


def _counters(page) -> dict:
    cdp = page.context.new_cdp_session(page)
    try:
        cdp.send("HeapProfiler.enable")
        for _ in range(2):
            cdp.send("HeapProfiler.collectGarbage")
        return cdp.send("Memory.getDOMCounters")
    finally:
        cdp.detach()


def test_re_executions_do_not_keep_old_views_alive(page, server):
    nbformat.write(notebook("%load_ext nbstate", APP.format(n=N, text="run 0")),
                   server.root / "reexec_memory.ipynb")
    open_notebook(page, server.lab("reexec_memory.ipynb") + "?reset")
    page.locator(".nbstate-app .widget-slider").nth(N - 1).wait_for(timeout=60_000)

    def rerun(i: int) -> None:
        page.evaluate(RERUN, [APP.format(n=N, text=f"run {i}"), N, f"run {i}"])
        page.wait_for_timeout(300)  # (the old output's views are removed after the new shows)

    rerun(1)
    rerun(2)
    after_two = _counters(page)
    for i in range(3, 13):
        rerun(i)
    after_twelve = _counters(page)
    # one app of N sliders is ~20 DOM nodes and several listeners per slider: ten more
    # re-executions that each kept the old output's views would add 10 * N * 20 nodes
    assert after_twelve["nodes"] - after_two["nodes"] < N * 20, (after_two, after_twelve)
    assert (after_twelve["jsEventListeners"] - after_two["jsEventListeners"]
            < N * 5), (after_two, after_twelve)
    assert page.locator(".nbstate-app").count() == 1
    assert not page.page_errors
