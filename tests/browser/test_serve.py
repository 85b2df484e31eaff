"""``nbstate serve NOTEBOOK`` in Chromium: Voila with a preheated kernel and only the page
extensions apps use. The notebook has run before the visit (its first cell's time is earlier
than the navigation), yet what reads the visitor's request (``st.query_params``) gets that
visitor's query; each visitor has a kernel of their own; plotly's page extension is not
loaded; the app is live (an interaction reruns it)."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator

import nbformat
import pytest
from playwright.sync_api import expect

from .conftest import Server, _env, _free_port, _serve
from .jupyter import app_root, page_errors

APP = """\
%%app served
import nbstate as st

st.write(f"started: {STARTED:.3f}")
st.dataframe(pd.DataFrame({"n": range(1000)}), key="table")
region = st.query_params.get("region", "none")
st.write(f"region: {region}")
pick = st.selectbox("Pick", ["x", "y"], key="pick")
st.write(f"picked: {pick}")
"""


@pytest.fixture(scope="module")
def served(server) -> Iterator[Server]:
    base = server.root.parent / "serve"
    base.mkdir()
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell("%load_ext nbstate"),
                nbformat.v4.new_code_cell("import os\nimport time\n\nimport pandas as pd\n\n"
                                          "STARTED = time.time()\n"
                                          "open(f'ran-{os.getpid()}', 'w').close()"),
                nbformat.v4.new_code_cell(APP)]
    nbformat.write(nb, base / "served.ipynb")
    port = _free_port()
    cmd = [sys.executable, "-m", "nbstate.cli", "serve", "served.ipynb", "--no-browser",
           f"--port={port}", "--Voila.ip=127.0.0.1", "--Voila.port_retries=0",
           "--VoilaConfiguration.show_tracebacks=True"]
    with _serve(cmd, base, _env(server.root.parent), base / "serve.log",
                f"http://127.0.0.1:{port}", None) as srv:
        yield srv


def _preheated(base, count: int, timeout: float = 120) -> None:
    """Waits until ``count`` kernels have run the notebook (each leaves a file), as a visitor
    arriving later would find: a slow machine may still be running it when the page opens."""
    deadline = time.monotonic() + timeout
    while len(list(base.glob("ran-*"))) < count and time.monotonic() < deadline:
        time.sleep(0.2)


def _visit(browser, url: str) -> tuple:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    context.set_default_timeout(30_000)
    page = context.new_page()
    page.page_errors = []
    page.on("pageerror", lambda exc: page.page_errors.append(f"{exc}\n{exc.stack}"))
    loaded: list[str] = []
    page.on("request", lambda r: loaded.append(r.url))
    visit = time.time()
    page.goto(url, timeout=120_000)
    return context, page, loaded, visit


def test_served_app_ran_before_the_visit_and_reads_the_visitors_query(served, browser):
    contexts = []
    try:
        for n, region in enumerate(("East", "West"), 1):  # two visitors: a kernel each
            _preheated(served.root, n)
            context, page, loaded, visit = _visit(browser, f"{served.url}/?region={region}")
            contexts.append(context)
            root = app_root(page)
            expect(root).to_contain_text(f"region: {region}", timeout=60_000)
            started = float(root.get_by_text("started:").inner_text().split(":")[1])
            assert started < visit, "the notebook ran when the page was opened, not before"
            grid = root.locator(".nbstate-grid[role=grid]")
            expect(grid.locator("[role=row][aria-rowindex='2'] [role=gridcell]").first
                   ).to_be_visible()
            # only the extensions apps use: not plotly's (its own chart code is nbstate's)
            assert not [u for u in loaded if "jupyterlab-plotly" in u], loaded
            assert [u for u in loaded if "anywidget" in u]
            if region == "East":  # live: a choice reruns the app in this visitor's kernel
                root.locator("select").first.select_option("y")
                expect(root).to_contain_text("picked: y")
                expect(root).to_contain_text("region: East")
            else:  # a kernel of its own: the first visitor's choice is not here
                expect(root).to_contain_text("picked: x")
            assert page_errors(page) == []
    finally:
        for context in contexts:
            context.close()
