"""What a person sees of an app where its widgets are gone (a saved notebook opened later), and
the demo dashboards in Voila (nothing but the dashboard)."""

from __future__ import annotations

import json
import subprocess
import sys

from playwright.sync_api import expect

from .jupyter import app_root

APP = """%%app picture
import nbstate as st
st.title("Saved sales")
left, right = st.columns(2)
left.slider("Units", 0, 100, 42)
right.metric("Revenue", "1,234", "+5%")
st.table({"a": [1, 2, 3], "b": [4, 5, 6]})
"""


def _saved_notebook(root):
    """A notebook executed headless and saved without widget state (as JupyterLab saves)."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("%load_ext nbstate"), nbformat.v4.new_code_cell(APP)]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, root / "picture-src.ipynb")
    proc = subprocess.run([sys.executable, "-m", "nbconvert", "--to", "notebook", "--execute",
                           "picture-src.ipynb", "--output", "picture.ipynb"], cwd=root,
                          capture_output=True, text=True, timeout=240)
    assert proc.returncode == 0, proc.stderr[-3000:]
    saved = json.loads((root / "picture.ipynb").read_text())
    saved["metadata"].pop("widgets", None)
    (root / "picture.ipynb").write_text(json.dumps(saved))


def test_saved_notebook_shows_the_apps_picture_in_jupyterlab(page, server):
    _saved_notebook(server.root)
    page.goto(server.lab("picture.ipynb") + "?reset")  # opened, not run
    pic = page.locator(".jp-OutputArea-output .nbstate-static")
    expect(pic).to_be_visible(timeout=60_000)
    expect(pic.locator(".nbstate-static-note")).to_contain_text("not live")
    expect(pic.locator("h1")).to_have_text("Saved sales")
    widget = pic.locator(".nbstate-static-widget").first
    expect(widget).to_contain_text("Units")
    expect(widget).to_contain_text("42")
    expect(pic.locator("table tbody tr")).to_have_count(3)
    # the two columns sit side by side
    units = widget.bounding_box()
    revenue = pic.get_by_text("Revenue").bounding_box()
    assert revenue["x"] > units["x"] + units["width"] / 2
    assert page.locator("text=model not found").count() == 0


def test_voila_shows_only_the_dashboard(page, server):
    page.goto(server.voila("dashboard.ipynb"), timeout=120_000)
    root = app_root(page)
    expect(root).to_contain_text("Sales 2024")
    body = page.locator("body").inner_text()
    assert "AppTest" not in body and "Headless" not in body
    # the app is the last thing on the page: no cell's output comes after it
    cells = page.locator(".jp-Cell")
    last = cells.nth(cells.count() - 1)
    assert last.locator(".nbstate-app").count() == 1
