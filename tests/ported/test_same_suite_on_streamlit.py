"""``test_ported_apps.py`` passes on Streamlit's own AppTest too, with only its import changed: the
suite is a Streamlit suite, and the line ``from nbstate.testing import AppTest`` is the whole
port."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
NBSTATE_IMPORT = "from nbstate.testing import AppTest"
STREAMLIT_IMPORT = "from streamlit.testing.v1 import AppTest"


def _run_suite(folder: Path) -> tuple[subprocess.CompletedProcess, float]:
    """Run the suite in a pytest of its own; return it and the seconds its tests took
    (set-up, call and tear-down of each, as ``--durations`` reports them)."""
    (folder / "pytest.ini").write_text("[pytest]\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--durations=0",
         "-vv", "test_ported_apps.py"],
        cwd=folder, env=env, capture_output=True, text=True, timeout=600)
    spent = sum(float(m) for m in re.findall(r"^([0-9.]+)s (?:setup|call|teardown) ",
                                             proc.stdout, flags=re.M))
    return proc, spent


def _copy(tmp: Path, name: str, source: str) -> Path:
    folder = tmp / name
    shutil.copytree(HERE / "apps", folder / "apps")
    (folder / "test_ported_apps.py").write_text(source)
    return folder


@pytest.mark.streamlit
def test_the_ported_suite_is_a_streamlit_suite(tmp_path):
    pytest.importorskip("streamlit")
    ours = (HERE / "test_ported_apps.py").read_text()
    assert ours.count(NBSTATE_IMPORT) == 1
    theirs = ours.replace(NBSTATE_IMPORT, STREAMLIT_IMPORT)
    # the apps import streamlit, never nbstate
    for app in (HERE / "apps").glob("*.py"):
        text = app.read_text()
        assert "import streamlit as st" in text and "nbstate" not in text, app.name

    on_streamlit, t_streamlit = _run_suite(_copy(tmp_path, "streamlit", theirs))
    assert on_streamlit.returncode == 0, on_streamlit.stdout[-3000:] + on_streamlit.stderr[-2000:]
    on_nbstate, t_nbstate = _run_suite(_copy(tmp_path, "nbstate", ours))
    assert on_nbstate.returncode == 0, on_nbstate.stdout[-3000:] + on_nbstate.stderr[-2000:]
    n = ours.count("\ndef test_")
    for proc in (on_streamlit, on_nbstate):
        assert f"{n} passed" in proc.stdout
    print(f"\n{n} tests: {t_streamlit:.2f} s on Streamlit's AppTest, {t_nbstate:.2f} s on "
          "nbstate's (the tests' own time)")
