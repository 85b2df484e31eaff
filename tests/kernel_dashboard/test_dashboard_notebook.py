"""notebooks/dashboard.ipynb run top to bottom in a real kernel and used as a reader would:
filters in columns rerun the app (the cached load is not redone), the panel inside
@st.fragment reruns alone, and tabs, metrics and charts are updated in place."""

from __future__ import annotations

from pathlib import Path

import pytest

from nbstate.testing.kernel import KernelSession

NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "dashboard.ipynb"


@pytest.fixture(scope="module")
def dash():
    with KernelSession(cwd=str(NOTEBOOK.parent), timeout=90) as k:
        apps = k.run_notebook(str(NOTEBOOK))
        root = apps["dashboard"]
        assert "Traceback" not in k.text(root) and "Error" not in k.text(root)
        # count slow loads from here on (the notebook's load_sales sleeps)
        k.execute("import sys as _sys, time as _time\n_real_sleep = _time.sleep\nLOADS = []\n"
                  "def _counting_sleep(s):\n"
                  "    if _sys._getframe(1).f_code.co_name == 'load_sales':\n"
                  "        LOADS.append(s)\n"
                  "    _real_sleep(s)\n"
                  "_time.sleep = _counting_sleep")
        yield k, root
        k.execute("_time.sleep = _real_sleep")


def by_class(root, cls):
    return [m for m in root.walk() if cls in m.classes and not m.closed]


def test_the_dashboard_shows_columns_metrics_tabs_chart_table_and_fragment(dash):
    k, root = dash
    assert len(by_class(root, "nbstate-columns")) == 3  # filters, metrics, the panel's row
    tabs = by_class(root, "nbstate-tabs")[0]
    assert tabs["titles"] == ["Chart", "Table"]
    assert "data:image/png;base64," in str(tabs.children[0].children[0].get("value"))
    assert tabs.children[1].children[0].get("nrows", 0) > 0  # the dataframe's grid
    metrics = [m for m in root.walk() if "nbstate-metric" in str(m.get("value", ""))]
    assert len(metrics) == 4
    frag = by_class(root, "nbstate-fragment")[0]
    assert k.find(description="Region", within=frag) and k.find(description="Cumulative",
                                                                 within=frag)
    assert any("spec" in m.state and "selection_mode" in m.state
               for m in frag.walk())  # the panel's altair chart (nbstate's vega-embed widget)
    assert "cached by" in k.text(root)
    k.execute("load_sales.clear()")  # the counting works: a load after clearing counts
    k.execute("load_sales(); LOADS.clear()")


def test_a_change_inside_the_fragment_updates_only_the_fragment(dash):
    k, root = dash
    frag = by_class(root, "nbstate-fragment")[0]
    inside = list(frag.walk())
    marker = next(m for m in root.walk() if "stale" in m.state)
    with k.updates_during() as ups:
        k.set(k.find(description="Cumulative", within=frag), True)
        k.set(k.find(description="Region", within=frag), 1)  # South
    changed = {id(u["model"]) for u in ups if u["model"] is not marker}
    assert changed and changed <= {id(m) for m in inside}
    assert "South, revenue in 2024-12" in k.text(frag)
    assert k.eval("LOADS") == []


def test_filters_rerun_the_app_without_reloading_the_data(dash):
    k, root = dash
    chart = next(m for m in root.walk() if "nbstate-image" in str(m.get("value", "")))
    first_png = chart["value"]
    k.set(k.find(description="Metric", within=root), 1)  # units
    assert "Total units" in k.text(root)
    k.set(k.find(description="Months", within=root), [3, 8])
    assert "12 rows, total units" in k.text(root) and chart["value"] != first_png
    k.set(k.find(description="Regions", within=root), [2, 3])  # East, West
    frag = by_class(root, "nbstate-fragment")[0]
    assert "East, units in 2024-08" in k.text(frag)  # the panel follows the full rerun
    k.set(k.find(description="Regions", within=root), [])
    assert "Pick at least one region." in k.text(root)
    assert by_class(root, "nbstate-fragment") == []
    k.set(k.find(description="Regions", within=root), [0])  # North
    assert "North" in k.text(by_class(root, "nbstate-fragment")[0])
    assert k.eval("LOADS") == []  # five full reruns, no slow load
