"""Helpers the browser benchmarks share to run servers on loopback (``streamlit run``,
Jupyter, Voila): a free port, waiting until a URL answers, JupyterLab on a notebook, and
stopping a server with its children."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url: str, timeout: float = 120) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer")


def start_lab(tmp: Path, cells: list[str]) -> tuple[subprocess.Popen, str]:
    """JupyterLab (its own config, data and runtime folders in ``tmp``; the app exposed as
    ``window.jupyterapp``) on ``tmp/app.ipynb``, a notebook of these code cells."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(c) for c in cells]
    nbformat.write(nb, tmp / "app.ipynb")
    (tmp / "cfg").mkdir()
    (tmp / "cfg" / "jupyter_server_config.json").write_text(json.dumps({
        "ServerApp": {"jpserver_extensions": {"jupyter_lsp": False,
                                              "jupyter_server_terminals": False}},
        "LabApp": {"expose_app_in_browser": True}}))
    port = free_port()
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(tmp / "cfg"),
               JUPYTER_DATA_DIR=str(tmp / "data"), JUPYTER_RUNTIME_DIR=str(tmp / "rt"),
               JUPYTER_PLATFORM_DIRS="1", PYTHONPATH=str(ROOT))
    env.pop("JUPYTER_PATH", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--port={port}",
         "--ip=127.0.0.1", "--port-retries=0", f"--ServerApp.root_dir={tmp}",
         "--IdentityProvider.token=", "--ServerApp.password=",
         "--ServerApp.disable_check_xsrf=True", f"--LabApp.workspaces_dir={tmp / 'ws'}",
         f"--LabApp.user_settings_dir={tmp / 'settings'}",
         "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate", "--allow-root"],
        cwd=tmp, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    wait_http(url + "/api/status")
    return proc, url


def stop(proc: subprocess.Popen) -> None:
    """Stop a server and what it started (kernels, streamlit's script runner)."""
    import psutil

    for c in psutil.Process(proc.pid).children(recursive=True):
        c.kill()
    proc.kill()
    proc.wait()
