"""st.dataframe at scale in one headless Chromium: nbstate (served by Voila) beside Streamlit
(``streamlit run``), the same app: 10 float columns of R rows, a slider ``t`` and
``st.dataframe(df[df.a > t])``.

Measured per implementation and R (one fresh server and page each):

- **first render**: from navigation to the first data cell drawn (the server starts the app or
  kernel, builds the frame, and the grid shows it);
- **slider update**: from a key press on the slider (one step right) to the grid showing the
  new row count (``aria-rowcount``);
- **scroll to end**: from setting the grid's scroll position to its end to its last row being
  drawn (``aria-rowindex`` = row count + 1);
- **sort**: from a click on column ``a``'s header to the first row showing another row
  (nbstate only: Streamlit's headers are drawn on its canvas, with nothing to click in the DOM);
- **JS heap** of the tab after all that (``performance.memory.usedJSHeapSize``) and the
  **server RSS** (nbstate: the kernel; Streamlit: the server, which runs the app).

Usage::

    .venv/bin/python benchmarks/grid_bench.py                    # R = 10,000 and 1,000,000
    .venv/bin/python benchmarks/grid_bench.py --rows 10000 --results benchmarks/RESULTS.md

Each figure is one measurement (a cold first render cannot be repeated in one page); run it
twice to see the spread on a loaded machine.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
from servers import free_port, wait_http  # (this folder: the scripts run from it)

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


def start_voila(tmp: Path, rows: int) -> tuple[subprocess.Popen, str]:
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
    proc = subprocess.Popen(
        [sys.executable, "-m", "voila", "app.ipynb", "--no-browser", f"--port={port}",
         "--Voila.ip=127.0.0.1"], cwd=tmp, env=env, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    end = time.monotonic() + 60
    while time.monotonic() < end:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.2)
    return proc, url


def rss_mib(proc: subprocess.Popen, kernel: bool) -> float:
    p = psutil.Process(proc.pid)
    procs = [c for c in p.children(recursive=True)
             if "ipykernel" in " ".join(c.cmdline())] if kernel else [p]
    return sum(c.memory_info().rss for c in procs) / 2**20


# the grid of each implementation, in the page
GRID = {"nbstate": ".nbstate-grid[role=grid]", "streamlit": "[data-testid=stDataFrame] [role=grid]"}
SCROLLER = {"nbstate": ".nbstate-grid .nbstate-grid-scroller",
            "streamlit": "[data-testid=stDataFrame] .dvn-scroller"}


def measure(impl: str, rows: int) -> dict:
    from playwright.sync_api import sync_playwright

    tmp = Path(tempfile.mkdtemp(prefix=f"gridbench-{impl}-"))
    proc, url = (start_voila if impl == "nbstate" else start_streamlit)(tmp, rows)
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
            grid.wait_for(state="attached")
            first_cell = grid.locator("[role=row][aria-rowindex='2'] [role=gridcell]").first
            first_cell.wait_for(state="attached")
            out["first_render_s"] = time.perf_counter() - t0
            n0 = int(grid.get_attribute("aria-rowcount"))

            # the slider: one step right, from the keyboard
            slider = (page.locator(".widget-slider .noUi-handle").first if impl == "nbstate"
                      else page.locator("[data-testid=stSlider] input").first)
            slider.focus()
            t0 = time.perf_counter()
            slider.press("ArrowRight")
            page.wait_for_function(
                "([sel, n]) => { const g = document.querySelector(sel); "
                "return g && Number(g.getAttribute('aria-rowcount')) !== n; }",
                arg=[GRID[impl], n0], polling="raf")
            out["slider_update_s"] = time.perf_counter() - t0
            n1 = int(grid.get_attribute("aria-rowcount"))
            out["rows_after_slider"] = n1 - 1

            # scroll to the end
            t0 = time.perf_counter()
            page.locator(SCROLLER[impl]).first.evaluate(
                "s => { s.scrollTop = s.scrollHeight; s.dispatchEvent(new Event('scroll')); }")
            grid.locator(f"[role=row][aria-rowindex='{n1}'] [role=gridcell]").first.wait_for(
                state="attached")
            out["scroll_to_end_s"] = time.perf_counter() - t0

            if impl == "nbstate":  # (Streamlit's headers are drawn on its canvas)
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
            out["server_rss_mib"] = rss_mib(proc, kernel=impl == "nbstate")
            browser.close()
    finally:
        for c in psutil.Process(proc.pid).children(recursive=True):
            c.kill()
        proc.kill()
        proc.wait()
        shutil.rmtree(tmp, ignore_errors=True)
    return out


def table(results: list[dict]) -> str:
    lines = ["| rows | impl | first render (s) | slider update (s) | scroll to end (s) | "
             "sort (s) | JS heap (MiB) | server RSS (MiB) |", "|---:|---|---:|---:|---:|---:|"
             "---:|---:|"]
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


def write_results(path: Path, results: list[dict]) -> None:
    load = os.getloadavg()
    body = (f"{SECTION}\n\nProduced by `python benchmarks/grid_bench.py` on "
            f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; load average at the end "
            f"{load[0]:.2f}/{load[1]:.2f}/{load[2]:.2f}. One headless Chromium, one fresh "
            "server and page per row: 10 float columns, `st.dataframe(df[df.a > t])` under a "
            "slider (see the script's docstring for what each column times).\n\n"
            + table(results) + "\n")
    text = path.read_text() if path.exists() else ""
    if SECTION in text:
        start = text.index(SECTION)
        nxt = text.find("\n## ", start + len(SECTION))
        text = text[:start] + body + (text[nxt + 1:] if nxt >= 0 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + body
    path.write_text(text)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=int, nargs="*", default=[10_000, 1_000_000])
    ap.add_argument("--impl", nargs="*", default=["nbstate", "streamlit"])
    ap.add_argument("--results", type=Path, default=None)
    args = ap.parse_args()
    results = []
    for rows in args.rows:
        for impl in args.impl:
            try:
                r = measure(impl, rows)
            except Exception as e:  # noqa: BLE001 - one failed measurement is reported
                r = {"impl": impl, "rows": rows,
                     "error": f"{type(e).__name__}: {e}".splitlines()[0][:160]}
            print(json.dumps(r), flush=True)
            results.append(r)
    print(table(results))
    if args.results:
        write_results(args.results, results)


if __name__ == "__main__":
    main()
