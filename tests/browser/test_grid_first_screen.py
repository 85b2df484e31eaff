"""A grid's first screen comes with its model (the ``head`` trait): a new view of the grid
(another view of the output, a reloaded page) draws the table's first rows without asking the
kernel, which may be running the app; rows further down are asked for as the reader scrolls.
A re-executed cell keeps the grid's view as it was (nothing drawn or asked anew)."""

from __future__ import annotations

import nbformat
from playwright.sync_api import expect

from .jupyter import RERUN_CELL, open_notebook, page_errors
from .notebooks import notebook

APP = """%%app first_screen
import nbstate as st
import pandas as pd
st.dataframe(pd.DataFrame({{"n": range(1000), "square": [i * i for i in range(1000)]}}))
st.write("{text}")
"""

# counts the window requests the page sends the kernel (anywidget custom messages)
COUNT = """
() => {
  const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
  window.__windows = 0;
  kernel.anyMessage.connect((_, a) => {
    const data = a.direction === "send" && a.msg.header.msg_type === "comm_msg"
      && a.msg.content.data;
    if (data && data.method === "custom" && data.content && data.content.type === "window") {
      window.__windows += 1;
    }
  });
}
"""

def test_a_new_view_draws_the_first_rows_without_asking(page, server):
    nbformat.write(notebook("%load_ext nbstate", APP.format(text="run 0")),
                   server.root / "grid_first_screen.ipynb")
    open_notebook(page, server.lab("grid_first_screen.ipynb") + "?reset")
    first = page.locator(".nbstate-app [role=grid]")
    expect(first.locator("[role=row][aria-rowindex='3'] [aria-colindex='3']")).to_have_text(
        "1", timeout=60_000)
    page.evaluate(COUNT)
    first.evaluate("g => { g.__kept = true; }")

    # the re-executed cell shows the grid's view as it was: nothing to draw or ask anew
    page.evaluate(RERUN_CELL, APP.format(text="run 1"))
    expect(page.locator(".nbstate-app")).to_contain_text("run 1", timeout=60_000)
    assert page.locator(".nbstate-app [role=grid]").evaluate("g => g.__kept === true")
    assert page.evaluate("window.__windows") == 0

    # a new view of the output (JupyterLab's "Create New View for Cell Output") draws its
    # first rows from the model's head
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:create-output-view')")
    root = page.locator(".nbstate-app").nth(1)
    expect(root).to_contain_text("run 1", timeout=60_000)
    grid = root.locator("[role=grid]")
    # display row 11 (aria-rowindex 12): n = 10, its square 100
    expect(grid.locator("[role=row][aria-rowindex='12'] [aria-colindex='3']")).to_have_text(
        "100")
    assert not grid.evaluate("g => g.__kept === true")
    assert page.evaluate("window.__windows") == 0

    # the last rows are not in the head: scrolling there asks for them
    grid.locator(".nbstate-grid-scroller").evaluate(
        "s => { s.scrollTop = s.scrollHeight; s.dispatchEvent(new Event('scroll')); }")
    expect(grid.locator("[role=row][aria-rowindex='1001'] [aria-colindex='3']")).to_have_text(
        "998001")
    assert page.evaluate("window.__windows") >= 1
    assert page_errors(page) == []
