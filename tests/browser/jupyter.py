"""Driving JupyterLab, Notebook 7 and Voila pages the way a person does, plus page probes."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

# Wait until the notebook is open with a live kernel, then run every cell (the app cell too).
_RUN_ALL = """
async () => {
  const app = window.jupyterapp;
  await app.started;
  await app.restored;
  let panel = null;
  for (let i = 0; i < 600 && !panel; i++) {
    const w = app.shell.currentWidget;
    if (w && w.sessionContext && w.content && w.content.widgets) panel = w;
    else await new Promise((r) => setTimeout(r, 50));
  }
  if (!panel) throw new Error("no notebook panel became current");
  await panel.context.ready;
  await panel.sessionContext.ready;
  await app.commands.execute("notebook:run-all-cells");
}
"""


def open_notebook(page: Page, url: str) -> None:
    """Open a notebook in JupyterLab or Notebook 7 and run all its cells."""
    page.goto(url)
    page.wait_for_function("() => window.jupyterapp !== undefined", timeout=60_000)
    page.evaluate(_RUN_ALL)


def open_app(page: Page, server, frontend: str, notebook: str, index: int = 0):
    """Open ``notebook`` in ``frontend`` ("lab", "notebook7" or "voila"), run it, and return
    the app's root box once it shows."""
    if frontend == "voila":
        page.goto(server.voila(notebook), timeout=120_000)  # Voila runs the cells itself
    else:
        # "?reset": a fresh Lab workspace, so no tab of an earlier test is restored
        url = server.lab(notebook) + "?reset" if frontend == "lab" else server.notebook7(notebook)
        open_notebook(page, url)
    return app_root(page, index)


# JupyterLab: execute the notebook's second cell with new source; resolves when the kernel has
# answered (the cell's output then shows this run: the same root box's view, kept by
# stale_marker.js's keepOnClear while the notebook emptied the output area)
RERUN_CELL = """
async (src) => {
  const panel = window.jupyterapp.shell.currentWidget;
  const cell = panel.content.widgets[1];
  cell.model.sharedModel.setSource(src);
  panel.content.activeCellIndex = 1;
  await window.jupyterapp.commands.execute("notebook:run-cell");
}
"""


def labelled(root, label: str, kind: str = ".widget-inline-hbox"):
    """The ipywidget (``kind`` selects its box) whose label reads exactly ``label``."""
    exact = re.compile(rf"^\s*{re.escape(label)}\s*$")
    return root.locator(kind).filter(
        has=root.page.locator(".widget-label", has_text=exact)).first


def app_root(page: Page, index: int = 0):
    """The output box of an app (the frontend gives it the class ``nbstate-app``)."""
    root = page.locator(".nbstate-app").nth(index)
    expect(root).to_be_visible(timeout=60_000)
    return root


# Counts the widget views (ipywidgets' and anywidget's view nodes, class "jupyter-widgets")
# removed from and added to the DOM under an element: not the text inside an HTML widget, and
# not the empty placeholder a Box puts in while a child view is being created.
_WATCH = """
(root) => {
  const isView = (n) => n.nodeType === 1 && n.classList.contains("jupyter-widgets");
  const count = (n) => n.nodeType !== 1 ? 0 :
    (isView(n) ? 1 : 0) + n.querySelectorAll(".jupyter-widgets").length;
  const stats = { removed: 0, added: 0, removedClasses: [], removedTexts: [] };
  const obs = new MutationObserver((records) => {
    for (const r of records) {
      for (const n of r.removedNodes) {
        const c = count(n);
        if (c) {
          stats.removed += c;
          stats.removedClasses.push(String(n.className || n.nodeName));
          stats.removedTexts.push(n.textContent);
        }
      }
      for (const n of r.addedNodes) stats.added += count(n);
    }
  });
  obs.observe(root, { childList: true, subtree: true });
  window.__nbstateFlicker = { stats, obs };
}
"""


def watch_flicker(root) -> None:
    root.evaluate(_WATCH)


def flicker(page: Page) -> dict:
    """What the watcher counted since ``watch_flicker``; stops watching."""
    return page.evaluate(
        "() => { const f = window.__nbstateFlicker; f.obs.disconnect();"
        " return { ...f.stats }; }")


def drag_slider(slider, value: float, handle: int = 0) -> None:
    """Drag an ipywidgets slider's handle (``handle``: 0, or 1 for a range's upper end) to
    ``value`` with the mouse, as a person does.

    ``slider`` is the slider widget's element (``.widget-slider``); the target x position is
    computed from the handle's ``aria-valuemin``/``aria-valuemax`` and the track's box.
    """
    handle = slider.locator(".noUi-handle").nth(handle)
    track = slider.locator(".noUi-base, .noUi-target").first
    slider.scroll_into_view_if_needed()
    # a range's handles bound each other: the track's ends are the outer handles' bounds
    lo = float(slider.locator(".noUi-handle").first.get_attribute("aria-valuemin"))
    hi = float(slider.locator(".noUi-handle").last.get_attribute("aria-valuemax"))
    box = track.bounding_box()
    hbox = handle.bounding_box()
    page = slider.page
    x = box["x"] + box["width"] * (value - lo) / (hi - lo)
    y = hbox["y"] + hbox["height"] / 2
    page.mouse.move(hbox["x"] + hbox["width"] / 2, y)
    page.mouse.down()
    page.mouse.move(x, y, steps=8)
    page.mouse.up()


#: errors the hosts raise on their own, with or without nbstate, in Notebook 7: its shortcut
#: settings plugin reads the schema of a plugin it did not load, and a page load can race the
#: file browser's command registration
HOST_ERRORS = [
    re.compile(r"^Cannot read properties of undefined \(reading 'schema'\)\n"
               r"TypeError[^\n]*\n\s+at [^\n]*/static/notebook/notebook_core\."),
    re.compile(r"^Command 'filebrowser:open-path' not registered\.\n"),
]


def page_errors(page: Page) -> list[str]:
    """The uncaught errors of the page (with their stacks), less the hosts' own."""
    return [e for e in page.page_errors if not any(p.search(e) for p in HOST_ERRORS)]
