"""The front-end pieces: the node unit tests of js/, the packaged copies, the Python classes."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
JS = ROOT / "js"
PACKAGED = ROOT / "nbstate" / "js"


def test_node_unit_tests_pass():
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    proc = subprocess.run([node, "--test", "tests/"], cwd=JS, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    assert "# fail 0" in proc.stdout


@pytest.mark.parametrize("name", ["download_button.js", "stale_marker.js", "stale_marker.css",
                                  "html_block.js", "component_frame.js",
                                  "chat_input.js", "grid.js", "grid.css", "url_query.js",
                                  "vega_chart.js", "plotly_chart.js", "app.css", "toggle.js", "toast.js", "toast.css",
                                  "multiselect.js"])
def test_package_ships_the_same_files_as_js(name):
    # js/<name> is a symlink to the packaged nbstate/js/<name>: one source, tested by node here.
    assert (PACKAGED / name).read_text() == (JS / name).read_text(), (
        f"js/{name} should be a symlink to ../nbstate/js/{name}")


def test_download_button_sends_bytes_and_reports_clicks():
    from nbstate.frontends.anywidgets import DownloadButton, download_button_traits

    b = DownloadButton(**download_button_traits(
        {"label": "Save", "data": b"\x00\xffa,b", "file_name": "t.csv", "mime": "text/csv",
         "disabled": False, "help": None, "type": "primary"}))
    try:
        assert "export default" in b._esm
        state = b.get_state()
        assert state["data"] == b"\x00\xffa,b"
        assert (state["label"], state["file_name"], state["mime"], state["button_type"]) == (
            "Save", "t.csv", "text/csv", "primary")
        clicks = []
        b.on_click(clicks.append)
        b._handle_button_msg(b, {"event": "click"}, [])
        b._handle_button_msg(b, {"event": "other"}, [])
        assert clicks == [b]
        b.disabled = True
        b._handle_button_msg(b, {"event": "click"}, [])
        assert clicks == [b], "a disabled button ignores clicks"
    finally:
        b.close()


def test_stale_marker_carries_its_css():
    from nbstate.frontends.anywidgets import StaleMarker

    m = StaleMarker()
    try:
        assert (m.running, m.stale) == (False, False)
        assert ".nbstate-stale" in m._css
        m.running = True
        assert m.get_state()["running"] is True
    finally:
        m.close()
