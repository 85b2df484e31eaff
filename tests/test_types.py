"""mypy over the whole of nbstate/ (the configuration is ``[tool.mypy]`` in pyproject.toml):
``mypy nbstate`` exits 0. A new type error fails here, with mypy's report."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_package_passes_mypy(tmp_path, monkeypatch):
    api = pytest.importorskip("mypy.api")
    monkeypatch.chdir(ROOT)  # pyproject.toml's [tool.mypy]
    out, err, code = api.run([f"--cache-dir={tmp_path}", "nbstate"])
    assert code == 0, out + err
