"""docs/ stays true: the API table is what the code says, and every module a page names exists."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def _script():
    spec = importlib.util.spec_from_file_location("make_api_table", DOCS / "make_api_table.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_api_table_is_not_stale():
    pytest.importorskip("streamlit")
    proc = subprocess.run([sys.executable, str(DOCS / "make_api_table.py"), "--check"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, (
        "docs/api-status.md does not match the code: run `python docs/make_api_table.py` and "
        "commit the result\n" + proc.stderr)


def test_api_table_reads_signatures_from_the_code():
    pytest.importorskip("streamlit")
    mod = _script()

    def slider(label, min_value=None, *, key=None):
        pass

    def ours(label, min_value=0, *, key=None, extra=1):
        pass

    assert mod.compare("slider", slider, slider) == "yes, same signature"
    text = mod.compare("slider", slider, ours)
    assert "adds `extra`" in text and "`min_value` default 0 (Streamlit: None)" in text
    table = mod.table()
    import nbstate

    for name in ("slider", "button", "session_state"):
        assert re.search(rf"\| `st\.{name}` \| yes", table)
    assert re.search(r"\| `st\.set_page_config` \| no \|", table) or hasattr(
        nbstate, "set_page_config")


@pytest.mark.parametrize("page", ["how-it-works.md", "porting.md", "testing.md"])
def test_pages_name_only_modules_that_exist(page):
    text = (DOCS / page).read_text()
    paths = set(re.findall(r"`((?:nbstate|tests|docs)/[\w/.-]+\.(?:py|md))`", text))
    assert paths, "a page of docs/ names the modules it is about"
    for path in paths:
        assert (ROOT / path).exists(), f"docs/{page} names {path}, which does not exist"


def test_readme_points_to_the_docs():
    readme = (ROOT / "README.md").read_text()
    for page in ("docs/how-it-works.md", "docs/porting.md", "docs/testing.md",
                 "docs/api-status.md"):
        assert page in readme
