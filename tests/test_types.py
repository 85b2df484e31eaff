"""Static checks of the code. mypy over the whole of nbstate/ (configured in pyproject.toml):
``mypy nbstate`` exits 0; ``ruff check`` is clean. A new error fails here, with the report."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_package_passes_mypy(tmp_path, monkeypatch):
    api = pytest.importorskip("mypy.api")
    monkeypatch.chdir(ROOT)  # pyproject.toml's [tool.mypy]
    out, err, code = api.run([f"--cache-dir={tmp_path}", "nbstate"])
    assert code == 0, out + err


def test_code_passes_ruff():
    """``ruff check`` (rules in ``[tool.ruff]``, unneeded ``noqa`` comments included) is clean
    on the package, the tests and the benchmarks."""
    import shutil
    import subprocess
    import sys

    ruff = shutil.which("ruff") or str(Path(sys.executable).parent / "ruff")
    if not Path(ruff).exists():
        pytest.skip("ruff is not installed")
    proc = subprocess.run([ruff, "check", "--no-cache", "nbstate", "tests", "benchmarks"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
