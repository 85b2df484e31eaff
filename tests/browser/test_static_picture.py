"""What a person sees of an app's picture (issue 14): hidden while the app is live, up to date
with the last state in the saved notebook, shown in place of the app where its widgets are gone
(JupyterLab after the kernel stopped, nbconvert's HTML), never in Voila; and the demo
dashboards in Voila (nothing but the dashboard)."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import nbformat
from playwright.sync_api import expect

from .conftest import _env, _shutdown_kernels
from .jupyter import app_root, drag_slider, labelled, open_notebook

APP = """%%app picture
import nbstate as st
st.title("Saved sales")
left, right = st.columns(2)
units = left.slider("Units", 0, 100, 42)
right.metric("Revenue", "1,234", "+5%")
st.write(f"units are {units}")
st.table({"a": [1, 2, 3], "b": [4, 5, 6]})
"""

KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}


def _notebook(path, *cells: str) -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(c) for c in ("%load_ext nbstate", *cells)]
    nb.metadata["kernelspec"] = KERNELSPEC
    nbformat.write(nb, path)


def _saved_notebook(root):
    """A notebook executed headless and saved without widget state (as JupyterLab saves)."""
    _notebook(root / "picture-src.ipynb", APP)
    proc = subprocess.run([sys.executable, "-m", "nbconvert", "--to", "notebook", "--execute",
                           "picture-src.ipynb", "--output", "picture.ipynb"], cwd=root,
                          capture_output=True, text=True, timeout=240)
    assert proc.returncode == 0, proc.stderr[-3000:]
    saved = json.loads((root / "picture.ipynb").read_text())
    saved["metadata"].pop("widgets", None)
    (root / "picture.ipynb").write_text(json.dumps(saved))


def _display(locator) -> str:
    return locator.evaluate("e => getComputedStyle(e).display")


def _hidden_picture(page):
    """The app's picture is in the page, takes no room and is not drawn."""
    pic = page.locator(".jp-OutputArea-output .nbstate-static")
    expect(pic).to_have_count(1)
    expect(pic).to_be_hidden()
    assert _display(pic) == "none" and pic.bounding_box() is None
    return pic


# Samples every frame: records when any app picture takes room on the page.
_WATCH_PICTURE = """() => {
  window.__pictureDrawn = [];
  window.__pictureTimes = {};
  const tick = () => {
    const t = window.__pictureTimes;
    if (!t.picture && document.querySelector(".nbstate-static")) t.picture = performance.now();
    if (!t.live && document.querySelector(".nbstate-app")) t.live = performance.now();
    for (const p of document.querySelectorAll(".nbstate-static")) {
      const style = getComputedStyle(p);
      if (style.display !== "none" && style.visibility !== "hidden"
          && p.getBoundingClientRect().height > 0) window.__pictureDrawn.push(p.textContent);
    }
    requestAnimationFrame(tick);
  };
  tick();
}"""

_RUN_APP_CELL = """async () => {
  const app = window.jupyterapp;
  app.shell.currentWidget.content.activeCellIndex = 1;
  await app.commands.execute("notebook:run-cell");
}"""

_SAVE = """async () => {
  const app = window.jupyterapp;
  await app.commands.execute("docmanager:save");
  const cell = app.shell.currentWidget.content.widgets[1];
  return cell.model.trusted;
}"""


def test_live_app_hides_its_picture_and_the_saved_notebook_keeps_the_last_state(page, server):
    _notebook(server.root / "picture-live.ipynb", APP)
    open_notebook(page, server.lab("picture-live.ipynb") + "?reset")
    root = app_root(page)
    expect(root).to_contain_text("units are 42")
    pic = _hidden_picture(page)
    expect(pic.locator(".nbs-w .nbs-v")).to_have_text("42")  # (in the DOM)

    # executed again: the picture is not drawn at any moment (while the new live output
    # loads, before its view is there, it is hidden too)
    page.evaluate(_WATCH_PICTURE)
    page.evaluate(_RUN_APP_CELL)
    root = app_root(page)
    expect(root).to_contain_text("units are 42")
    page.wait_for_timeout(1500)  # (frames sampled meanwhile; the picture came long before)
    assert page.evaluate("() => window.__pictureDrawn") == []
    pic = _hidden_picture(page)

    # a person moves the slider: the picture follows (later, in its own output), and the
    # live view is not drawn anew (the same node, the slider keeps its focus)
    root.evaluate("e => { e.__kept = true; }")
    drag_slider(labelled(root, "Units", ".widget-slider"), 70)
    expect(root).to_contain_text("units are 7")  # 70 give or take a pixel
    value = root.locator(".widget-readout").first.inner_text().strip()
    assert value != "42"
    expect(root).to_contain_text(f"units are {value}")
    expect(pic.locator(".nbs-w .nbs-v")).to_have_text(value, timeout=20_000)
    expect(pic.locator(".nbs-w .nbs-v")).to_have_text(value)
    assert page.locator(".nbstate-app").evaluate("e => e.__kept === true")
    _hidden_picture(page)
    expect(root).to_be_visible()

    # saved: the notebook keeps the picture of the last state
    assert page.evaluate(_SAVE) is True  # (outputs made in this session are trusted)
    saved = nbformat.read(server.root / "picture-live.ipynb", as_version=4)
    live, picture = saved.cells[1].outputs
    assert "application/vnd.jupyter.widget-view+json" in live.data
    assert f'slider "Units": {value}' in picture.data["text/plain"]
    assert f"units are {value}" in picture.data["text/html"]

    # the page is loaded again, the kernel still running: while the widget manager gets the
    # models from the kernel ("Loading widget..."), the picture is not drawn either
    page.add_init_script(f"window.addEventListener('DOMContentLoaded', {_WATCH_PICTURE})")
    t = time.monotonic()
    page.goto(server.lab("picture-live.ipynb"))
    root = app_root(page)
    expect(root).to_contain_text(f"units are {value}")
    times = page.evaluate("() => window.__pictureTimes")
    print(f"reloaded page: live app after {time.monotonic() - t:.1f} s, "
          f"{(times['live'] - times['picture']) / 1000:.2f} s after its picture came")
    page.wait_for_timeout(1000)
    assert page.evaluate("() => window.__pictureDrawn") == []
    _hidden_picture(page)

    # the kernel stops; the notebook is opened again (trusted: JupyterLab saved and signed
    # it), its app's widget models are gone: the picture stands where the app was
    _shutdown_kernels(server)
    page.goto(server.lab("picture-live.ipynb") + "?reset")
    pic = page.locator(".jp-OutputArea-output .nbstate-static")
    expect(pic).to_be_visible(timeout=60_000)
    expect(pic.locator(".nbstate-static-note")).to_contain_text("not live")
    expect(pic.locator(".nbs-w .nbs-v")).to_have_text(value)
    expect(pic.locator("h1")).to_have_text("Saved sales")
    # the live output's placeholder ("Loading widget...", then "Error displaying widget:
    # model not found") is there, and not visible
    gone = page.locator(".jp-OutputArea-child:has(+ .jp-OutputArea-child .nbstate-static)")
    expect(gone).to_have_count(1)
    expect(gone.locator(".jp-OutputArea-output")).to_have_text(
        "Error displaying widget: model not found", timeout=60_000)
    expect(gone).to_be_hidden()
    expect(page.get_by_text("model not found")).to_be_hidden()
    expect(page.locator(".nbstate-app")).to_have_count(0)
    assert page.evaluate("""() => window.jupyterapp.shell.currentWidget.content
        .widgets[1].model.trusted""") is True

    # nbconvert's HTML of the saved notebook: the picture once, nothing else of the app
    proc = subprocess.run([sys.executable, "-m", "nbconvert", "--to", "html",
                           "picture-live.ipynb"], cwd=server.root, capture_output=True,
                          text=True, timeout=240)
    assert proc.returncode == 0, proc.stderr[-2000:]
    page.goto((server.root / "picture-live.html").as_uri(), wait_until="domcontentloaded")
    pic = page.locator(".nbstate-static")
    expect(pic).to_have_count(1)
    expect(pic).to_be_visible()
    expect(pic.locator(".nbs-w .nbs-v")).to_have_text(value)
    expect(page.get_by_text("live output")).to_be_hidden()  # the live output's text/plain
    expect(page.get_by_text("a picture of its last run")).to_have_count(0)  # the outline


def test_notebook7_hides_the_picture_of_a_live_app(page, server):
    _notebook(server.root / "picture-nb7.ipynb", APP)
    open_notebook(page, server.notebook7("picture-nb7.ipynb"))
    root = app_root(page)
    expect(root).to_contain_text("units are 42")
    _hidden_picture(page)
    expect(page.get_by_text("live output")).to_have_count(0)  # (the widget view is drawn)


def test_saved_notebook_shows_the_apps_picture_in_jupyterlab(page, server):
    # executed headless (nbconvert), not trusted in this JupyterLab: the widget view is not
    # drawn at all, the picture is
    _saved_notebook(server.root)
    page.goto(server.lab("picture.ipynb") + "?reset")  # opened, not run
    pic = page.locator(".jp-OutputArea-output .nbstate-static")
    expect(pic).to_be_visible(timeout=60_000)
    expect(pic.locator(".nbstate-static-note")).to_contain_text("not live")
    expect(pic.locator("h1")).to_have_text("Saved sales")
    widget = pic.locator(".nbs-w").first
    expect(widget).to_contain_text("Units")
    expect(widget).to_contain_text("42")
    expect(pic.locator("table tbody tr")).to_have_count(3)
    # the two columns sit side by side
    units = widget.bounding_box()
    revenue = pic.get_by_text("Revenue").bounding_box()
    assert revenue["x"] > units["x"] + units["width"] / 2
    assert page.locator("text=model not found").count() == 0


# Opens a notebook with no kernel ("No Kernel": the notebook factory is told not to start one).
_OPEN_WITHOUT_KERNEL = """async (path) => {
  const app = window.jupyterapp;
  await app.started;
  await app.restored;
  const factory = app.docRegistry.getWidgetFactory("Notebook");
  Object.defineProperty(factory, "preferKernel", {value: false});
  Object.defineProperty(factory, "canStartKernel", {value: false});
  const panel = await app.commands.execute("docmanager:open", {path});
  await panel.context.ready;
  await panel.sessionContext.ready;
  return [panel.sessionContext.kernelDisplayName, panel.content.widgets[1].model.trusted];
}"""


def test_trusted_notebook_opened_with_no_kernel_shows_the_picture(page, server):
    # no kernel: the widget manager never gets past "Loading widget..."; after a moment the
    # picture stands there instead
    _saved_notebook(server.root)
    (server.root / "picture-nokernel.ipynb").write_text((server.root / "picture.ipynb")
                                                        .read_text())
    trust = subprocess.run([sys.executable, "-m", "jupyter", "trust", "picture-nokernel.ipynb"],
                           cwd=server.root, env=_env(server.root.parent), capture_output=True,
                           text=True, timeout=60)
    assert trust.returncode == 0, trust.stderr
    page.goto(server.url + "/lab?reset")
    page.wait_for_function("() => window.jupyterapp !== undefined", timeout=60_000)
    assert page.evaluate(_OPEN_WITHOUT_KERNEL, "picture-nokernel.ipynb") == ["No Kernel", True]
    pic = page.locator(".jp-OutputArea-output .nbstate-static")
    expect(pic).to_be_visible()
    expect(pic.locator("h1")).to_have_text("Saved sales")
    loading = page.locator(".jp-OutputArea-output", has_text="Loading widget...")
    expect(loading).to_have_count(1)
    expect(loading).to_be_hidden()


def test_voila_shows_the_app_and_not_its_picture(page, server):
    _notebook(server.root / "picture-voila.ipynb", APP)
    page.goto(server.voila("picture-voila.ipynb"), timeout=120_000)
    root = app_root(page)
    expect(root).to_contain_text("units are 42")
    pic = page.locator(".nbstate-static")
    expect(pic).to_have_count(1)
    expect(pic).to_be_hidden()
    assert _display(pic) == "none"
    assert page.get_by_text("not live").is_hidden()


def test_voila_shows_only_the_dashboard(page, server):
    page.goto(server.voila("dashboard.ipynb"), timeout=120_000)
    root = app_root(page)
    expect(root).to_contain_text("Sales 2024")
    body = page.locator("body").inner_text()
    assert "AppTest" not in body and "Headless" not in body
    # the app is the last thing on the page: no cell's output comes after it (its picture,
    # hidden, is the last output)
    cells = page.locator(".jp-Cell")
    last = cells.nth(cells.count() - 1)
    assert last.locator(".nbstate-app").count() == 1
