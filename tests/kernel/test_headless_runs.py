"""Notebooks run headless (nbval, nbconvert --execute, papermill) fail when an app raises; a
live frontend's cell does not (the app shows the exception and stays live). The saved output
keeps a static picture of the app (text/html and a text/plain outline).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from nbstate.testing.kernel import KernelError, KernelSession

RAISES = """%%app broken
import nbstate as st
st.title("Before the error")
x = st.slider("x", 0, 10, 0)
print(10 / x)
"""

WORKS = """%%app fine
import nbstate as st
st.title("Fine")
st.slider("x", 0, 10, 4)
try:
    1 / 0
except ZeroDivisionError as e:
    st.exception(e)  # shown on purpose: not a failure
"""


def _notebook(path: Path, *cells: str) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("%load_ext nbstate"),
                *(nbformat.v4.new_code_cell(c) for c in cells)]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, path)
    return path


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True,
                          timeout=240)


# -- in a kernel, as nbclient and as a browser send their cells ----------------------------
def test_headless_cell_fails_with_the_apps_traceback(tmp_path):
    with KernelSession(cwd=str(tmp_path), headless=True) as k:
        k.execute("%load_ext nbstate")
        with pytest.raises(KernelError) as info:
            k.execute(RAISES)
        text = str(info.value)
        assert "AppRunError" in text and "'broken'" in text
        assert "ZeroDivisionError: division by zero" in text
        assert "print(10 / x)" in text  # the app's own line
        assert "nbstate/run.py" not in text  # trimmed to the app's code
        # the app was still shown (its picture is in the output), and a later fixed cell works
        k.execute(RAISES.replace("10 / x", "10 / (x + 1)"))
        assert "10.0" in k.text()


def test_headless_cell_with_a_shown_exception_passes(tmp_path):
    with KernelSession(cwd=str(tmp_path), headless=True) as k:
        k.execute("%load_ext nbstate")
        k.execute(WORKS)
        assert "ZeroDivisionError" in k.text()


def test_live_frontend_cell_does_not_fail(tmp_path):
    # as JupyterLab sends cells: the app shows its exception and stays live
    with KernelSession(cwd=str(tmp_path)) as k:
        k.execute("%load_ext nbstate")
        res = k.execute(RAISES)
        assert not [o for o in res.outputs if o["output_type"] == "error"]
        assert "ZeroDivisionError" in k.text()
        k.set(k.find(description="x"), 5)
        assert "2.0" in k.text() and "ZeroDivisionError" not in k.text()


def test_voila_cell_does_not_fail(tmp_path):
    # Voila runs the cells through nbclient before its page connects: its app stays live
    with KernelSession(cwd=str(tmp_path), headless=True,
                       env={"VOILA_BASE_URL": "/", "SERVER_SOFTWARE": "voila/0.5"}) as k:
        k.execute("%load_ext nbstate")
        k.execute(RAISES)
        assert "ZeroDivisionError" in k.text()


# -- the tools people run in CI ------------------------------------------------------------
def test_nbval_fails_on_a_notebook_whose_app_raises(tmp_path):
    _notebook(tmp_path / "bad.ipynb", RAISES)
    _notebook(tmp_path / "good.ipynb", WORKS)
    bad = _run("-m", "pytest", "-p", "no:cacheprovider", "--nbval-lax", "bad.ipynb",
               cwd=tmp_path)
    assert bad.returncode == 1, bad.stdout[-3000:]
    assert "ZeroDivisionError" in bad.stdout and "print(10 / x)" in bad.stdout
    good = _run("-m", "pytest", "-p", "no:cacheprovider", "--nbval-lax", "good.ipynb",
                cwd=tmp_path)
    assert good.returncode == 0, good.stdout[-3000:]


def test_nbconvert_execute_fails_on_a_notebook_whose_app_raises(tmp_path):
    _notebook(tmp_path / "bad.ipynb", RAISES)
    bad = _run("-m", "nbconvert", "--to", "notebook", "--execute", "bad.ipynb",
               "--output", "bad-run.ipynb", cwd=tmp_path)
    assert bad.returncode != 0
    assert "AppRunError" in bad.stderr and "ZeroDivisionError" in bad.stderr, bad.stderr[-3000:]


def test_saved_notebook_keeps_a_static_picture(tmp_path):
    _notebook(tmp_path / "good.ipynb", WORKS)
    run = _run("-m", "nbconvert", "--to", "notebook", "--execute", "good.ipynb",
               "--output", "saved.ipynb", cwd=tmp_path)
    assert run.returncode == 0, run.stderr[-3000:]
    saved = json.loads((tmp_path / "saved.ipynb").read_text())
    # two outputs: the live one (the widget view, live when the kernel is there), then the
    # picture (its HTML, and the outline that strict nbval compares)
    live, pic = (o["data"] for o in saved["cells"][1]["outputs"])
    assert set(live) == {"application/vnd.jupyter.widget-view+json", "text/plain"}
    assert "".join(live["text/plain"]) == "nbstate app 'fine' (live output; a picture of it follows)"
    assert set(pic) == {"text/html", "text/plain"}
    plain = "".join(pic["text/plain"])
    assert plain.splitlines()[1:] == ["# Fine", 'slider "x": 4',
                                      "ZeroDivisionError: division by zero"]
    html = "".join(pic["text/html"])
    assert "not live" in html and "Fine" in html and "ZeroDivisionError" in html
    # nbconvert's HTML (what nbviewer shows) of a notebook saved without widget state (as
    # JupyterLab saves by default) draws the picture
    saved["metadata"].pop("widgets", None)
    (tmp_path / "saved.ipynb").write_text(json.dumps(saved))
    page = _run("-m", "nbconvert", "--to", "html", "saved.ipynb", cwd=tmp_path)
    assert page.returncode == 0, page.stderr[-2000:]
    text = (tmp_path / "saved.html").read_text()
    assert text.count('class="nbstate-static ') == 1 and text.count("not live") == 1
    assert "a picture of its last run" not in text  # the outline is not drawn beside it


def test_strict_nbval_compares_the_apps_outline(tmp_path):
    nb = _notebook(tmp_path / "app.ipynb", WORKS)
    run = _run("-m", "nbconvert", "--to", "notebook", "--execute", "--inplace", "app.ipynb",
               cwd=tmp_path)
    assert run.returncode == 0, run.stderr[-3000:]
    same = _run("-m", "pytest", "-p", "no:cacheprovider", "--nbval", "app.ipynb", cwd=tmp_path)
    assert same.returncode == 0, same.stdout[-3000:]
    # the app now shows another value than the saved notebook: strict nbval fails
    saved = json.loads(nb.read_text())
    saved["cells"][1]["source"] = WORKS.replace('"x", 0, 10, 4', '"x", 0, 10, 5')
    nb.write_text(json.dumps(saved))
    changed = _run("-m", "pytest", "-p", "no:cacheprovider", "--nbval", "app.ipynb",
                   cwd=tmp_path)
    assert changed.returncode == 1
    assert "mismatch 'text/" in changed.stdout, changed.stdout[-3000:]


def test_strict_nbval_passes_on_demo_notebooks_saved_with_their_pictures(tmp_path):
    # a demo notebook executed and saved (as a user commits it), then checked by strict nbval:
    # each app's outline and picture come out the same in the new run
    demo = Path(__file__).resolve().parents[2] / "notebooks"
    names = ["counter.ipynb", "dashboard.ipynb"]
    for f in [*names, *(p.name for p in demo.glob("*.csv"))]:
        shutil.copy(demo / f, tmp_path / f)
    for name in names:
        run = _run("-m", "nbconvert", "--to", "notebook", "--execute", "--inplace", name,
                   cwd=tmp_path)
        assert run.returncode == 0, run.stderr[-3000:]
        saved = json.loads((tmp_path / name).read_text())
        pictures = [o for c in saved["cells"] for o in c.get("outputs", ())
                    if "nbstate-static" in "".join(o.get("data", {}).get("text/html", ""))]
        assert pictures, name
    check = _run("-m", "pytest", "-p", "no:cacheprovider", "--nbval", *names, cwd=tmp_path)
    assert check.returncode == 0, check.stdout[-3000:]
