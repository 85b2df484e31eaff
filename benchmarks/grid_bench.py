"""st.dataframe at scale in one headless Chromium: nbstate (served by Voila) beside Streamlit
(``streamlit run``), the same app: 10 float columns of R rows, a slider ``t`` and
``st.dataframe(df[df.a > t])``.

Measured per implementation and R (one fresh server and page each):

- **first render**: from navigation to the first data cell drawn (the server starts the app or
  kernel, builds the frame, and the grid shows it);
- **slider update**: from a key press on the slider (one step right) to the grid showing the
  new row count (``aria-rowcount``): the median of ``UPDATES`` steps (a fresh copy of a big
  cached frame makes single figures scatter: this machine's first touch of freed memory);
- **scroll to end**: from setting the grid's scroll position to its end to its last row being
  drawn (``aria-rowindex`` = row count + 1);
- **sort**: from a click on column ``a``'s header to the first row showing another row
  (nbstate only: Streamlit's headers are drawn on its canvas, with nothing to click in the DOM);
- **JS heap** of the tab after all that (``performance.memory.usedJSHeapSize``) and the
  **server RSS** (nbstate: the kernel; Streamlit: the server, which runs the app).

``--mode lab`` measures the first render as a notebook user sees it instead: nbstate in
JupyterLab with a warm kernel (started, nbstate and the data libraries imported by a first
cell), from executing the app cell (``notebook:run-cell``) to the grid's first data cell
drawn, for the first execution (the data built: ``st.cache_data`` cold) and a second one
(cache warm); beside it Streamlit's ``streamlit run`` navigation time, from navigation to
the first data cell, to a started server (cache cold) and again (cache warm).

Usage::

    .venv/bin/python benchmarks/grid_bench.py                    # R = 10,000 and 1,000,000
    .venv/bin/python benchmarks/grid_bench.py --rows 10000 --results benchmarks/RESULTS.md
    .venv/bin/python benchmarks/grid_bench.py --rows 10000000    # ~2 GB in each server
    .venv/bin/python benchmarks/grid_bench.py --mode lab --rows 1000000 10000000

Each figure but the slider update is one measurement (a cold first render cannot be repeated
in one page); run it twice to see the spread on a loaded machine.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
import servers  # (this folder: the scripts run from it)
from servers import free_port, wait_http

ROOT = Path(__file__).resolve().parents[1]
VENV = Path(sys.executable).parent
CHROMIUM = os.environ.get("NBSTATE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"

APP = """
import numpy as np
import pandas as pd

@st.cache_data
def load(rows):
    rng = np.random.default_rng(0)
    return pd.DataFrame(rng.random((rows, 10)), columns=list("abcdefghij"))

df = load({rows})
t = st.slider("t", 0.0, 1.0, 0.0, 0.05)
st.dataframe(df[df.a > t])
"""


def start_streamlit(tmp: Path, rows: int) -> tuple[subprocess.Popen, str]:
    app = tmp / "app.py"
    app.write_text("import streamlit as st\n" + APP.format(rows=rows))
    port = free_port()
    proc = subprocess.Popen(
        [str(VENV / "streamlit"), "run", str(app), "--server.headless=true",
         f"--server.port={port}", "--browser.gatherUsageStats=false",
         "--server.fileWatcherType=none"], cwd=tmp, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    wait_http(url + "/_stcore/health")
    return proc, url


def start_voila(tmp: Path, rows: int, serve: bool = False) -> tuple[subprocess.Popen, str]:
    """Voila on the app's notebook: as ``voila app.ipynb`` runs it, or (``serve``) as
    ``nbstate serve app.ipynb`` does (a preheated kernel, only the page extensions apps use);
    then this waits for the preheated kernel to have run the notebook (its CPU idle), as a
    visitor arriving at a running server finds it."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell("%load_ext nbstate"),
                nbformat.v4.new_code_cell("%%app bench\nimport nbstate as st\n"
                                          + APP.format(rows=rows))]
    nbformat.write(nb, tmp / "app.ipynb")
    port = free_port()
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(tmp / "cfg"), JUPYTER_DATA_DIR=str(tmp / "data"),
               JUPYTER_RUNTIME_DIR=str(tmp / "rt"), JUPYTER_PLATFORM_DIRS="1",
               PYTHONPATH=str(ROOT))
    cmd = ([sys.executable, "-m", "nbstate.cli", "serve"] if serve
           else [sys.executable, "-m", "voila"])
    proc = subprocess.Popen(
        [*cmd, "app.ipynb", "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1"],
        cwd=tmp, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    end = time.monotonic() + 60
    while time.monotonic() < end:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.2)
    if serve:
        wait_kernel_idle(proc)
    return proc, url


def wait_kernel_idle(proc: subprocess.Popen, timeout: float = 300) -> None:
    """Until a kernel of ``proc`` exists and has used no CPU for a second."""
    end = time.monotonic() + timeout
    quiet = 0
    while time.monotonic() < end and quiet < 2:
        kernels = [c for c in psutil.Process(proc.pid).children(recursive=True)
                   if "ipykernel" in " ".join(c.cmdline())]
        busy = not kernels or sum(k.cpu_percent(interval=0.5) for k in kernels) > 5
        quiet = 0 if busy else quiet + 1


def rss_mib(proc: subprocess.Popen, kernel: bool, one: bool = False) -> float:
    """The server's RSS (Streamlit), its kernels' (Voila), or (``one``) the largest kernel's:
    the visitor's, beside the spare one a preheating Voila readies for the next visitor."""
    p = psutil.Process(proc.pid)
    procs = [c for c in p.children(recursive=True)
             if "ipykernel" in " ".join(c.cmdline())] if kernel else [p]
    sizes = [c.memory_info().rss for c in procs]
    return (max(sizes) if one else sum(sizes)) / 2**20


# the grid of each implementation, in the page
GRID = {"nbstate": ".nbstate-grid[role=grid]", "streamlit": "[data-testid=stDataFrame] [role=grid]"}
SCROLLER = {"nbstate": ".nbstate-grid .nbstate-grid-scroller",
            "streamlit": "[data-testid=stDataFrame] .dvn-scroller"}
GRID["nbstate serve"], SCROLLER["nbstate serve"] = GRID["nbstate"], SCROLLER["nbstate"]


#: slider steps per measurement (the median is reported, every step is printed)
UPDATES = 5


def measure(impl: str, rows: int) -> dict:
    from playwright.sync_api import sync_playwright

    tmp = Path(tempfile.mkdtemp(prefix=f"gridbench-{impl}-"))
    proc, url = (start_streamlit(tmp, rows) if impl == "streamlit"
                 else start_voila(tmp, rows, serve=impl == "nbstate serve"))
    out: dict = {"impl": impl, "rows": rows}
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                                         args=["--no-sandbox", "--enable-precise-memory-info"])
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.set_default_timeout(120_000)
            t0 = time.perf_counter()
            page.goto(url + "/")
            grid = page.locator(GRID[impl]).first
            # (Streamlit's accessible table has no size: the grid draws on a canvas)
            wait_grid(page, impl)
            first_cell = grid.locator("[role=row][aria-rowindex='2'] [role=gridcell]").first
            first_cell.wait_for(state="attached")
            out["first_render_s"] = time.perf_counter() - t0
            n0 = int(grid.get_attribute("aria-rowcount"))

            # the slider: one step right, from the keyboard
            slider = (page.locator(".widget-slider .noUi-handle").first if impl != "streamlit"
                      else page.locator("[data-testid=stSlider] input").first)
            slider.focus()
            updates = []
            for _ in range(UPDATES):  # (a step each: the rows left shrink by ~5 % a step)
                t0 = time.perf_counter()
                slider.press("ArrowRight")
                page.wait_for_function(
                    "([sel, n]) => { const g = document.querySelector(sel); "
                    "return g && Number(g.getAttribute('aria-rowcount')) !== n; }",
                    arg=[GRID[impl], n0], polling="raf")
                updates.append(time.perf_counter() - t0)
                n0 = int(grid.get_attribute("aria-rowcount"))
                page.wait_for_timeout(300)  # (the rerun's last messages)
            out["slider_update_s"] = statistics.median(updates)
            out["slider_updates_s"] = [round(u, 3) for u in updates]
            n1 = n0
            out["rows_after_slider"] = n1 - 1

            # scroll to the end
            t0 = time.perf_counter()
            page.locator(SCROLLER[impl]).first.evaluate(
                "s => { s.scrollTop = s.scrollHeight; s.dispatchEvent(new Event('scroll')); }")
            grid.locator(f"[role=row][aria-rowindex='{n1}'] [role=gridcell]").first.wait_for(
                state="attached")
            out["scroll_to_end_s"] = time.perf_counter() - t0

            if impl != "streamlit":  # (Streamlit's headers are drawn on its canvas)
                # sort by column a (a click on its header)
                header = grid.locator("[role=columnheader]").filter(
                    has_text=re.compile(r"^\s*a\b")).first
                page.locator(SCROLLER[impl]).first.evaluate(
                    "s => { s.scrollTop = 0; s.dispatchEvent(new Event('scroll')); }")
                top = grid.locator("[role=row][aria-rowindex='2'] [role=gridcell]").first
                top.wait_for()
                page.wait_for_timeout(500)  # (the window of the top rows has arrived)
                before = grid.locator("[role=row][aria-rowindex='2']").inner_text()
                t0 = time.perf_counter()
                header.click()
                page.wait_for_function(
                    "([sel, before]) => { const r = document.querySelector(sel + "
                    "\" [role=row][aria-rowindex='2']\"); return r && r.innerText !== before "
                    "&& !r.querySelector('.nbstate-grid-loading'); }",
                    arg=[GRID[impl], before], polling="raf")
                out["sort_s"] = time.perf_counter() - t0
            out["js_heap_mib"] = page.evaluate("performance.memory.usedJSHeapSize") / 2**20
            out["server_rss_mib"] = rss_mib(proc, kernel=impl != "streamlit",
                                            one=impl == "nbstate serve")
            browser.close()
    finally:
        servers.stop(proc)
        shutil.rmtree(tmp, ignore_errors=True)
    return out


# an error shown instead of the grid (Streamlit refuses a message over its 200 MB limit)
ERROR = {"nbstate": ".nbstate-app .nbstate-exception, .nbstate-app .jp-RenderedText[data-mime-type"
                    "='application/vnd.jupyter.stderr']",
         "streamlit": "[data-testid=stException], [data-testid=stAlertContentError]"}
ERROR["nbstate serve"] = ERROR["nbstate"]


def wait_grid(page, impl: str) -> None:
    """Wait for the grid, or raise with the error the page shows in its place."""
    page.locator(f"{GRID[impl]}, {ERROR[impl]}").first.wait_for(state="attached")
    err = page.locator(ERROR[impl])
    if err.count() and not page.locator(GRID[impl]).count():
        raise RuntimeError(" ".join(err.first.inner_text().split())[:160])


# -- --mode lab: the first render in JupyterLab with a warm kernel ---------------------------
LAB_DONE = """
() => document.querySelector(".nbstate-app .nbstate-grid [role=row]"
  + "[aria-rowindex='2'] [role=gridcell]:not(.nbstate-grid-loading)") !== null
"""


def start_lab(tmp: Path, rows: int) -> tuple[subprocess.Popen, str]:
    # the warm kernel: nbstate and the data libraries loaded before the app cell runs
    return servers.start_lab(tmp, [
        "%load_ext nbstate\nimport numpy as np\nimport pandas as pd\nimport nbstate as st",
        "%%app bench\nimport nbstate as st\n" + APP.format(rows=rows)])


def measure_lab(rows: int) -> dict:
    """nbstate in JupyterLab: executing the app cell in a warm kernel, twice."""
    from playwright.sync_api import sync_playwright
    from render_bench import OPEN, RUN  # (JupyterLab: open the notebook, run a cell)

    tmp = Path(tempfile.mkdtemp(prefix="gridbench-lab-"))
    proc, url = start_lab(tmp, rows)
    out: dict = {"impl": "nbstate (JupyterLab, warm kernel)", "rows": rows}
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                                         args=["--no-sandbox", "--enable-precise-memory-info"])
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.set_default_timeout(600_000)
            page.goto(f"{url}/lab/tree/app.ipynb?reset")
            page.wait_for_function("() => window.jupyterapp !== undefined")
            page.evaluate(OPEN)  # (the kernel started, the first cell executed)
            for name in ("first_s", "again_s"):
                t0 = time.perf_counter()
                page.evaluate(RUN, None)
                page.wait_for_function(LAB_DONE, polling="raf")
                out[name] = time.perf_counter() - t0
            out["js_heap_mib"] = page.evaluate("performance.memory.usedJSHeapSize") / 2**20
            out["server_rss_mib"] = rss_mib(proc, kernel=True)
            browser.close()
    finally:
        servers.stop(proc)
        shutil.rmtree(tmp, ignore_errors=True)
    return out


def measure_streamlit_nav(rows: int) -> dict:
    """``streamlit run``: a navigation to the started server, then another (cache warm)."""
    from playwright.sync_api import sync_playwright

    tmp = Path(tempfile.mkdtemp(prefix="gridbench-stnav-"))
    proc, url = start_streamlit(tmp, rows)
    out: dict = {"impl": "streamlit (navigation)", "rows": rows}
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                                         args=["--no-sandbox", "--enable-precise-memory-info"])
            for name in ("first_s", "again_s"):
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                page.set_default_timeout(600_000)
                t0 = time.perf_counter()
                page.goto(url + "/")
                wait_grid(page, "streamlit")
                page.locator(GRID["streamlit"]).first.locator(
                    "[role=row][aria-rowindex='2'] [role=gridcell]").first.wait_for(
                    state="attached")
                out[name] = time.perf_counter() - t0
                out["js_heap_mib"] = page.evaluate(
                    "performance.memory.usedJSHeapSize") / 2**20
                page.close()
            out["server_rss_mib"] = rss_mib(proc, kernel=False)
            browser.close()
    finally:
        servers.stop(proc)
        shutil.rmtree(tmp, ignore_errors=True)
    return out


def lab_table(results: list[dict]) -> str:
    lines = ["| rows | impl | first render (s) | again (s) | JS heap (MiB) | server RSS (MiB) |",
             "|---:|---|---:|---:|---:|---:|"]
    for r in results:
        if "error" in r:
            lines.append(f"| {r['rows']:,} | {r['impl']} | error: {r['error']} | | | |")
            continue
        lines.append(f"| {r['rows']:,} | {r['impl']} | {r['first_s']:.2f} | "
                     f"{r['again_s']:.2f} | {r['js_heap_mib']:.1f} | "
                     f"{r['server_rss_mib']:.0f} |")
    return "\n".join(lines)


def table(results: list[dict]) -> str:
    lines = ["| rows | impl | first render (s) | slider update, median of "
             f"{UPDATES} (s) | scroll to end (s) | sort (s) | JS heap (MiB) | "
             "server RSS (MiB) |", "|---:|---|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        if "error" in r:
            lines.append(f"| {r['rows']:,} | {r['impl']} | error: {r['error']} | | | | | |")
            continue
        lines.append(
            f"| {r['rows']:,} | {r['impl']} | {r['first_render_s']:.2f} | "
            f"{r['slider_update_s']:.3f} | {r['scroll_to_end_s']:.3f} | "
            f"{format(r['sort_s'], '.3f') if 'sort_s' in r else 'n/a'} | "
            f"{r['js_heap_mib']:.1f} | {r['server_rss_mib']:.0f} |")
    return "\n".join(lines)


SECTION = "## st.dataframe at scale in Chromium: nbstate (Voila) vs `streamlit run`"


LAB_SECTION = ("### First render in JupyterLab with a warm kernel beside `streamlit run` "
               "navigation")


def write_results(path: Path, results: list[dict], lab: bool = False,
                  argv: list[str] | None = None) -> None:
    load = os.getloadavg()
    cmd = " ".join(["python benchmarks/grid_bench.py", *(argv or [])])
    when = (f"`{cmd}` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; load average "
            f"at the end {load[0]:.2f}/{load[1]:.2f}/{load[2]:.2f}")
    if lab:
        section = LAB_SECTION
        body = (f"{section}\n\nProduced by {when}. nbstate: the app cell executed in "
                "JupyterLab with its kernel started and nbstate imported, until the grid's first "
                "data cell is drawn (first: the data built; again: executed again, the cache "
                "warm). Streamlit: navigation to the started `streamlit run` server until the "
                "first data cell (first: cache cold; again: a new tab, cache warm).\n\n"
                + lab_table(results) + "\n")
    else:
        section = SECTION
        body = (f"{section}\n\nProduced by {when}. One headless Chromium, one fresh "
                "server and page per row: 10 float columns, `st.dataframe(df[df.a > t])` under "
                "a slider (see the script's docstring for what each column times).\n\n"
                + table(results) + "\n")
    text = path.read_text() if path.exists() else ""
    if section in text:
        start = text.index(section)
        nxt = text.find("\n## ", start + len(section))
        nxt3 = text.find("\n### ", start + len(section))
        if nxt3 >= 0 and (nxt < 0 or nxt3 < nxt):
            nxt = nxt3
        text = text[:start] + body + ("\n" + text[nxt + 1:] if nxt >= 0 else "")
        path.write_text(text)
        return
    if lab and SECTION in text:  # (the lab table goes under the Voila one)
        start = text.index(SECTION)
        nxt = text.find("\n## ", start + len(SECTION))
        at = nxt + 1 if nxt >= 0 else len(text)
        text = text[:at].rstrip("\n") + "\n\n" + body + "\n" + text[at:]
        path.write_text(text)
        return
    path.write_text(text.rstrip("\n") + "\n\n" + body)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=int, nargs="*", default=[10_000, 1_000_000])
    ap.add_argument("--impl", nargs="*", default=["nbstate", "nbstate serve", "streamlit"],
                    help="nbstate: `voila app.ipynb`; 'nbstate serve': `nbstate serve "
                         "app.ipynb`; streamlit: `streamlit run app.py`")
    ap.add_argument("--mode", choices=["voila", "lab"], default="voila",
                    help="voila: the full set (Voila beside streamlit run); lab: the first "
                         "render in JupyterLab with a warm kernel beside streamlit run")
    ap.add_argument("--results", type=Path, default=None)
    args = ap.parse_args()
    results = []
    lab = args.mode == "lab"
    # (--mode lab: nbstate in JupyterLab beside Streamlit's navigation; `nbstate serve` is Voila's)
    impls = [i for i in args.impl if not (lab and i == "nbstate serve")]
    for rows in args.rows:
        for impl in impls:
            try:
                if lab:
                    r = measure_lab(rows) if impl == "nbstate" else measure_streamlit_nav(rows)
                else:
                    r = measure(impl, rows)
            except Exception as e:
                r = {"impl": impl, "rows": rows,
                     "error": f"{type(e).__name__}: {e}".splitlines()[0][:160]}
            print(json.dumps(r), flush=True)
            results.append(r)
    print((lab_table if lab else table)(results))
    if args.results:
        write_results(args.results, results, lab, sys.argv[1:])


if __name__ == "__main__":
    main()
