"""The demo notebooks, cell by cell in a real kernel, with their apps clicked as a user would."""

from __future__ import annotations

from pathlib import Path

import pytest

from nbstate.testing.kernel import KernelSession

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"


def run_notebook(k: KernelSession, name: str) -> dict[str, object]:
    """Run the notebook; check each app's first output shows no error."""
    apps = k.run_notebook(str(NOTEBOOKS / name))
    for root in apps.values():
        text = k.text(root)
        assert "Traceback" not in text and "Error" not in text, text
    return apps


@pytest.fixture(scope="module")
def nbkernel():
    with KernelSession(cwd=str(NOTEBOOKS)) as k:
        yield k


def test_counter_notebook(nbkernel):
    k = nbkernel
    [root] = run_notebook(k, "counter.ipynb").values()
    k.set(k.find(description="Step", within=root), 4)
    add = k.find(description="Add 4", within=root)
    for _ in range(3):
        k.click(add)
    assert "count = 12" in k.text(root)
    assert "Double digits!" in k.text(root)
    k.click(k.find(description="Reset", within=root))
    assert "count = 0" in k.text(root)


def test_form_notebook(nbkernel):
    k = nbkernel
    [root] = run_notebook(k, "form.ipynb").values()
    name = k.find(description="Name", within=root)
    k.set(name, "Grace")
    k.set(k.find(description="Team", within=root), 2)
    assert "Nobody yet" in k.text(root)
    k.click(k.find(description="Add", within=root))
    text = k.text(root)
    assert "Grace" in text and "Blue" in text and "Nobody yet" not in text
    assert name.value == ""  # cleared on submit


def test_dashboard_notebook(nbkernel):
    k = nbkernel
    [root] = run_notebook(k, "dashboard.ipynb").values()
    chart = next(m for m in root.walk() if "nbstate-image" in str(m.get("value", "")))
    first_png = chart["value"]
    # the table's index labels (the months), as the grid fetches them
    grid = next(m for m in root.walk() if "nrows" in m.state)
    reply = k.custom(grid, {"type": "window", "seq": 1, "r0": 0, "r1": grid["nrows"],
                            "cols": [0], "sort": None})
    assert any("2024-03" in str(row[0]) for row in reply["cells"])
    k.set(k.find(description="Regions", within=root), [2])  # East
    assert chart["value"] != first_png  # the chart was redrawn in place
    assert "East" in k.text(root) and "North" not in k.text(root)
    k.set(k.find(description="Regions", within=root), [])
    assert "Pick at least one region." in k.text(root)
    # figures drawn by the app do not pile up in the kernel
    assert k.eval("len(__import__('matplotlib.pyplot').pyplot.get_fignums())") == 0
