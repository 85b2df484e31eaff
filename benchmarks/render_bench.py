"""First render and re-execution of big apps in one headless Chromium: nbstate in JupyterLab
(a real ``jupyter server``, default IOPub rate limits) beside Streamlit 1.67 (``streamlit
run``), the same app: N keyed sliders and a text, and the demo dashboard
(``notebooks/dashboard.ipynb``: columns, a multiselect, a range slider, metrics, tabs, a
matplotlib figure, a table, an Altair chart in a fragment; issue 15). Loopback only.

Measured per N (one fresh server and page per implementation):

- **first render**: nbstate: from executing the app cell in a fresh kernel (the
  ``notebook:run-cell`` command) until every slider and the text are in the cell's output DOM;
  Streamlit: from navigation to a fresh server until every slider and the text are in the DOM;
- **re-execution**: nbstate: the cell edited (the text changes) and executed again, until the
  new output shows every element and the new text; **unchanged**: executed again as it is;
  Streamlit: a navigation to the warm server (its equivalent of showing the app again; the
  median of 11);
- **messages / bytes**: websocket frames (and their bytes) the page received meanwhile;
- **JS heap**: ``usedJSHeapSize`` after a forced GC, after the first re-execution and after
  10 more (nbstate), or after 1 and 11 navigations (Streamlit).

Usage::

    .venv/bin/python benchmarks/render_bench.py                      # N = 10, 100, 1000
    .venv/bin/python benchmarks/render_bench.py -n 10 100 1000 --results benchmarks/RESULTS.md
    .venv/bin/python benchmarks/render_bench.py -n --dashboard       # the dashboard only

Each figure is one measurement (a cold first render happens once per server); run it twice to
see the spread on a loaded machine.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import servers  # (this folder: the scripts run from it)
from servers import free_port, wait_http

ROOT = Path(__file__).resolve().parents[1]
VENV = Path(sys.executable).parent
CHROMIUM = os.environ.get("NBSTATE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"

APP = """
for i in range({n}):
    st.slider(f"Slider {{i}}", 0, 100, 5, key=f"k{{i}}")
st.text("{text}")
"""

DASHBOARD_NB = ROOT / "notebooks" / "dashboard.ipynb"


def dashboard_sources(text: str) -> tuple[str, str]:
    """(setup, app) of the demo dashboard: its globals cell, and its app cell's code without
    the ``%%app`` line, with the caption's text replaced by ``text``."""
    import nbformat

    cells = [c.source for c in nbformat.read(DASHBOARD_NB, as_version=4).cells
             if c.cell_type == "code"]
    setup = next(c for c in cells if "REGIONS" in c and "%%app" not in c)
    app = next(c for c in cells if c.startswith("%%app"))
    app = app.split("\n", 1)[1]
    caption = 'st.caption(f"{len(sales)} rows, generated once and cached by `st.cache_data`.")'
    assert caption in app, "the dashboard's caption changed: update render_bench.py"
    return setup, app.replace(caption, f'st.caption("{text}")')


class Target:
    """What is measured: N sliders and a text, or the dashboard (``n`` = None): with its
    imports timed in the app cell (as Streamlit's script imports them on its first run), or,
    ``as_written``, as the notebook is written (its globals cell, with the imports, run
    before the app cell is executed and timed)."""

    def __init__(self, n: int | None, as_written: bool = False) -> None:
        self.n, self.as_written = n, as_written
        self.name = str(n) if n is not None else (
            "dashboard, globals cell run first" if as_written else "dashboard")

    def cells(self, text: str) -> tuple[str, str]:
        """(setup cell, app cell) of the notebook."""
        if self.n is None:
            setup, app = dashboard_sources(text)
            if self.as_written:
                return setup, "%%app bench\n" + app
            return "", "%%app bench\n" + setup + "\n" + app
        return "", "%%app bench\nimport nbstate as st\n" + APP.format(n=self.n, text=text)

    def script(self, text: str) -> str:
        """The same app as a Streamlit script."""
        if self.n is None:
            setup, app = dashboard_sources(text)
            return setup + "\n" + app.replace("import nbstate as st", "import streamlit as st")
        return "import streamlit as st\n" + APP.format(n=self.n, text=text)


# counts the websocket frames and bytes the page receives (kernel channels / Streamlit)
COUNT_WS = """
(() => {
  window.__ws = { frames: 0, bytes: 0 };
  const Orig = window.WebSocket;
  window.WebSocket = function (...args) {
    const ws = new Orig(...args);
    ws.addEventListener("message", (e) => {
      window.__ws.frames += 1;
      const d = e.data;
      window.__ws.bytes += typeof d === "string" ? d.length : (d.byteLength || d.size || 0);
    });
    return ws;
  };
  window.WebSocket.prototype = Orig.prototype;
  Object.assign(window.WebSocket, Orig);
})();
"""


def start_streamlit(tmp: Path, target: Target) -> tuple[subprocess.Popen, str]:
    app = tmp / "app.py"
    app.write_text(target.script("end 1"))
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(app), "--server.headless=true",
         f"--server.port={port}", "--server.address=127.0.0.1",
         "--browser.gatherUsageStats=false", "--server.fileWatcherType=none"],
        cwd=tmp, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    wait_http(url + "/_stcore/health")
    return proc, url


def start_lab(tmp: Path, target: Target) -> tuple[subprocess.Popen, str]:
    setup, app = target.cells("end 1")
    return servers.start_lab(tmp, ["%load_ext nbstate\n" + setup, app])


# JupyterLab: wait for the notebook and its kernel; run cell 0 (load the extension)
OPEN = """
async () => {
  const app = window.jupyterapp;
  await app.started; await app.restored;
  let panel = null;
  for (let i = 0; i < 600 && !panel; i++) {
    const w = app.shell.currentWidget;
    if (w && w.sessionContext && w.content && w.content.widgets) panel = w;
    else await new Promise((r) => setTimeout(r, 50));
  }
  await panel.context.ready; await panel.sessionContext.ready;
  window.__panel = panel;
  panel.content.activeCellIndex = 0;
  await app.commands.execute("notebook:run-cell");
  for (let i = 0; i < 600; i++) {
    if (panel.content.widgets[0].model.executionCount) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}
"""

# execute the app cell (its source replaced by ``src`` if given); resolves at once
RUN = """
async (src) => {
  const panel = window.__panel;
  const cell = panel.content.widgets[1];
  if (src !== null) cell.model.sharedModel.setSource(src);
  panel.content.activeCellIndex = 1;
  window.__count = cell.model.executionCount;
  window.__t0 = performance.now();
  window.jupyterapp.commands.execute("notebook:run-cell");
}
"""

# every slider and the text in the new output (nbstate) or the page (Streamlit)
DONE_NB = """
([n, text]) => {
  // the run has ended (a re-executed app's live output is displayed at once, showing the
  // last run until this one updates it): the kernel has answered the cell's execution
  const count = window.__panel.content.widgets[1].model.executionCount;
  if (count === null || count === undefined || count === window.__count) return false;
  const root = document.querySelector(".nbstate-app");
  if (!root || !root.textContent.includes(text)) return false;
  if (n === null) return drawn(root);
  const s = root.querySelectorAll(".widget-slider");
  if (s.length !== n) return false;
  return n === 0 || s[n - 1].textContent.includes("Slider " + (n - 1));
}
"""
DONE_ST = """
([n, text]) => {
  if (!document.body.textContent.includes(text)) return false;
  if (n === null) return drawn(document.body);
  const s = document.querySelectorAll("[data-testid=stSlider]");
  return s.length === n && (n === 0 || s[n - 1].textContent.includes("Slider " + (n - 1)));
}
"""
# the dashboard is shown when its figure's image has loaded and its Altair chart is drawn
DRAWN = """
window.drawn = (root) => {
  const img = [...root.querySelectorAll("img")].some((i) => i.complete && i.naturalWidth > 0);
  const chart = root.querySelector(".vega-embed canvas, .vega-embed svg.marks");
  return img && chart !== null;
};
"""


def heap(page) -> float:
    page.evaluate("() => { if (window.gc) { window.gc(); window.gc(); } }")
    return page.evaluate("performance.memory.usedJSHeapSize") / 2**20


def ws(page) -> tuple[int, int]:
    c = page.evaluate("() => window.__ws ? { ...window.__ws } : { frames: 0, bytes: 0 }")
    return c["frames"], c["bytes"]


def nb_phase(page, n: int | None, src: str | None, text: str) -> dict:
    f0, b0 = ws(page)
    t0 = time.perf_counter()
    page.evaluate(RUN, src)
    page.wait_for_function(DONE_NB, arg=[n, text], polling="raf", timeout=600_000)
    t = time.perf_counter() - t0
    page.wait_for_timeout(300)  # (what the kernel still sends after the DOM is complete)
    f1, b1 = ws(page)
    return {"s": t, "frames": f1 - f0, "bytes": b1 - b0}


def _page(pw):
    """Chromium (GC and precise heap figures on) and a page that counts websocket frames."""
    browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
        "--no-sandbox", "--enable-precise-memory-info", "--js-flags=--expose-gc"])
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(600_000)
    page.add_init_script(COUNT_WS + DRAWN)
    return browser, page


def measure_nbstate(target: Target) -> dict:
    from playwright.sync_api import sync_playwright

    tmp = Path(tempfile.mkdtemp(prefix="renderbench-nb-"))
    proc, url = start_lab(tmp, target)
    out: dict = {"impl": "nbstate", "n": target.name}
    n = target.n

    def body(text: str) -> str:
        return target.cells(text)[1]
    try:
        with sync_playwright() as pw:
            browser, page = _page(pw)
            page.goto(f"{url}/lab/tree/app.ipynb?reset")
            page.wait_for_function("() => window.jupyterapp !== undefined")
            page.evaluate(OPEN)
            out["first"] = nb_phase(page, n, None, "end 1")
            edits = [nb_phase(page, n, body("end 2"), "end 2")]
            out["heap_1_mib"] = heap(page)
            # the median of 11 unchanged re-executions (as many as Streamlit's navigations)
            same = sorted((nb_phase(page, n, None, "end 2") for _ in range(11)),
                          key=lambda e: e["s"])
            out["unchanged"] = same[len(same) // 2]
            out["unchanged_all_s"] = [round(e["s"], 3) for e in same]
            for i in range(9):
                edits.append(nb_phase(page, n, body(f"end {i + 3}"),
                                      f"end {i + 3}"))
            out["heap_11_mib"] = heap(page)
            # the median of the 10 edited re-executions (the first one is listed too)
            out["edited"] = sorted(edits, key=lambda e: e["s"])[len(edits) // 2]
            out["edited_all_s"] = [round(e["s"], 3) for e in edits]
            out["rate_exceeded"] = "rate exceeded" in page.content()
            browser.close()
    finally:
        servers.stop(proc)
        shutil.rmtree(tmp, ignore_errors=True)
    return out


def measure_streamlit(target: Target) -> dict:
    from playwright.sync_api import sync_playwright

    tmp = Path(tempfile.mkdtemp(prefix="renderbench-st-"))
    proc, url = start_streamlit(tmp, target)
    out: dict = {"impl": "streamlit", "n": target.name}
    n = target.n
    try:
        with sync_playwright() as pw:
            browser, page = _page(pw)

            def nav() -> dict:
                t0 = time.perf_counter()
                page.goto(url + "/")
                page.wait_for_function(DONE_ST, arg=[n, "end 1"], polling="raf")
                t = time.perf_counter() - t0
                page.wait_for_timeout(300)
                f, b = ws(page)
                return {"s": t, "frames": f, "bytes": b}

            out["first"] = nav()
            again = [nav()]
            out["heap_1_mib"] = heap(page)
            for _ in range(10):
                again.append(nav())
            out["heap_11_mib"] = heap(page)
            # the median of the 11 warm navigations (the first one is listed too)
            out["again"] = sorted(again, key=lambda e: e["s"])[len(again) // 2]
            out["again_all_s"] = [round(e["s"], 3) for e in again]
            browser.close()
    finally:
        servers.stop(proc)
        shutil.rmtree(tmp, ignore_errors=True)
    return out


def table(results: list[dict]) -> str:
    by = {(r["impl"], r["n"]): r for r in results}
    rows = ["| N | | nbstate | Streamlit | ratio |", "|---|---|---|---|---|"]
    for n in sorted({r["n"] for r in results}, key=lambda n: (not str(n).isdigit(), int(n)
                                                          if str(n).isdigit() else 0)):
        nb, st = by.get(("nbstate", n)), by.get(("streamlit", n))
        if not nb or not st:
            continue
        for label, a, b in [("first render (fresh kernel / cold server)", nb["first"],
                             st["first"]),
                            ("re-execution, one line edited, median of 10 (vs warm navigation, median of 11)",
                             nb["edited"], st["again"]),
                            ("re-execution, unchanged, median of 11 (vs warm navigation, median of 11)",
                             nb["unchanged"],
                             st["again"])]:
            rows.append(f"| {n} | {label} | {a['s']:.3f} s | {b['s']:.3f} s | "
                        f"{a['s'] / b['s']:.2f}x |")
        for label, a, b in [("frames / kB, first render", nb["first"], st["first"]),
                            ("frames / kB, edited re-execution", nb["edited"], st["again"]),
                            ("frames / kB, unchanged re-execution", nb["unchanged"],
                             st["again"])]:
            rows.append(f"| {n} | {label} | {a['frames']} / {a['bytes'] / 1e3:.0f} | "
                        f"{b['frames']} / {b['bytes'] / 1e3:.0f} | |")
        rows.append(f"| {n} | JS heap after 1 / 11 (MiB) | {nb['heap_1_mib']:.0f} / "
                    f"{nb['heap_11_mib']:.0f} | {st['heap_1_mib']:.0f} / "
                    f"{st['heap_11_mib']:.0f} | |")
        rows.append(f"| {n} | rate limit exceeded | {nb['rate_exceeded']} | | |")
    return "\n".join(rows)


SECTION = "## First render and re-execution of big apps in Chromium: nbstate (JupyterLab) vs `streamlit run`"


def write_results(path: Path, results: list[dict], argv: list[str]) -> None:
    text = path.read_text() if path.exists() else ""
    load = os.getloadavg()
    section = (f"{SECTION}\n\n`{' '.join(['.venv/bin/python', 'benchmarks/render_bench.py', *argv])}`"
               f" on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} (load average "
               f"{load[0]:.1f}; a first render is one measurement, the rest medians as "
               "labelled; issue 15). "
               "Streamlit's 'first render' is a navigation to a fresh server, its re-execution a "
               "navigation to the warm server; frames are websocket messages the page received.\n\n"
               + table(results) + "\n")
    pat = re.compile(re.escape(SECTION) + r".*?(?=\n## |\Z)", re.S)
    text = pat.sub(section, text) if pat.search(text) else text.rstrip() + "\n\n" + section
    path.write_text(text)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", type=int, nargs="*", default=[10, 100, 1000])
    ap.add_argument("--dashboard", action="store_true", help="measure the demo dashboard too")
    ap.add_argument("--results", type=Path)
    ap.add_argument("--impls", default="nbstate,streamlit")
    ap.add_argument("--from", dest="saved", type=Path,
                    help="make the table from the JSON lines of an earlier run")
    args = ap.parse_args()
    results = []
    if args.saved:
        results = [json.loads(line) for line in args.saved.read_text().splitlines()
                   if line.startswith("{")]
    targets = [Target(n) for n in args.n if n] + (
        [Target(None), Target(None, as_written=True)] if args.dashboard else [])
    for target in [] if args.saved else targets:
        for impl in args.impls.split(","):
            r = (measure_nbstate if impl == "nbstate" else measure_streamlit)(target)
            print(json.dumps(r), flush=True)
            results.append(r)
    print(table(results))
    if args.results:
        write_results(args.results, results, sys.argv[1:])


if __name__ == "__main__":
    main()
