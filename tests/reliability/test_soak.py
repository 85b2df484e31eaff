"""A short soak (benchmarks/soak.py, 300 reruns; 2,000 with NBSTATE_LONG=1): widgets that
appear, disappear and change labels leave ``Widget.widgets``, the kernel's open comms and
the browser's open models exactly at their baseline."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from hostile import LONG

SOAK = Path(__file__).resolve().parents[2] / "benchmarks" / "soak.py"


def _soak_module():
    spec = importlib.util.spec_from_file_location("nbstate_soak", SOAK)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_reruns_leave_widget_and_comm_counts_at_baseline(kernel):
    soak = _soak_module()
    r = soak.soak(kernel, 2000 if LONG else 300, warmup=40)
    assert r["shown_ok"]
    for key in ("widgets", "comms", "browser_open_models"):
        assert r["end"][key] == r["baseline"][key], (key, r)
    assert r["baseline"]["comms"] > 0
