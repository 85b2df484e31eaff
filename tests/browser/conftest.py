"""Browser fixtures: one Jupyter server (JupyterLab, Notebook 7 and Voila) and one headless
Chromium for the whole of tests/browser (package scope: both are gone once its last test has
run, so a later test may start a Playwright of its own).

The server runs from a temporary directory holding copies of the demo notebooks (and the small
scenario notebooks of ``notebooks.py``), with a temporary config, data and runtime directory, no
token and no password, on a free localhost port. Chromium is Debian's (``/usr/bin/chromium``);
nothing is downloaded.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from . import notebooks

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
SERVER_START_TIMEOUT = 90.0


def _chromium() -> str | None:
    for candidate in (os.environ.get("NBSTATE_CHROMIUM"), "/usr/bin/chromium",
                      shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and os.path.exists(candidate):
            return candidate
    return None


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).resolve().parent
    reason = None
    if _chromium() is None:
        reason = "Chromium is not installed (apt-get install chromium)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            reason = "playwright (Python) is not installed"
    for item in items:
        if here in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.browser)
            if reason:
                item.add_marker(pytest.mark.skip(reason=reason))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A running ``jupyter server`` with its base URL and root directory."""

    def __init__(self, url: str, root: Path, proc: subprocess.Popen, log: Path) -> None:
        self.url, self.root, self.proc, self.log = url, root, proc, log

    def lab(self, notebook: str) -> str:
        return f"{self.url}/lab/tree/{notebook}"

    def notebook7(self, notebook: str) -> str:
        return f"{self.url}/notebooks/{notebook}"

    def voila(self, notebook: str) -> str:
        return f"{self.url}/voila/render/{notebook}"

    def log_tail(self, n: int = 4000) -> str:
        try:
            return self.log.read_text(errors="replace")[-n:]
        except OSError:
            return ""


@pytest.fixture(scope="package")
def server(tmp_path_factory) -> Iterator[Server]:
    base = tmp_path_factory.mktemp("jupyter")
    root, cfg, data, runtime = (base / d for d in ("root", "config", "data", "runtime"))
    for d in (root, cfg, data, runtime):
        d.mkdir()
    for nb in sorted((ROOT / "notebooks").glob("*.ipynb")):
        shutil.copy(nb, root / nb.name)
    for src in (ROOT / "notebooks").glob("*.csv"):
        shutil.copy(src, root / src.name)
    notebooks.write_all(root)
    (cfg / "jupyter_server_config.json").write_text(json.dumps({
        "ServerApp": {"jpserver_extensions": {"jupyter_lsp": False,
                                              "jupyter_server_terminals": False}},
        "LabApp": {"expose_app_in_browser": True},
        "JupyterNotebookApp": {"expose_app_in_browser": True},
    }))
    # No "news" question, no update check: nothing pops up over the notebook.
    (cfg / "labconfig").mkdir()
    (cfg / "labconfig" / "page_config.json").write_text(json.dumps({"disabledExtensions": {
        "@jupyterlab/apputils-extension:announcements": True,
    }}))
    env = _env(base)
    port = _free_port()
    cmd = [sys.executable, "-m", "jupyter", "server", "--no-browser",
           f"--port={port}", "--ip=127.0.0.1", "--port-retries=0",
           f"--ServerApp.root_dir={root}", "--IdentityProvider.token=",
           "--ServerApp.password=", "--ServerApp.disable_check_xsrf=True",
           f"--LabApp.workspaces_dir={base / 'workspaces'}",
           f"--LabApp.user_settings_dir={base / 'settings'}",
           "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
           "--LabApp.extension_manager=readonly", "--allow-root",
           "--VoilaConfiguration.show_tracebacks=True"]
    with _serve(cmd, root, env, base / "server.log", f"http://127.0.0.1:{port}",
                "/api/status") as srv:
        yield srv
        _shutdown_kernels(srv)


@pytest.fixture(scope="package")
def voila(server) -> Iterator[Server]:
    """Voila on its own (``voila dashboard.ipynb``), as a dashboard is usually served."""
    base = server.root.parent
    port = _free_port()
    cmd = [sys.executable, "-m", "voila", "dashboard.ipynb", "--no-browser",
           f"--port={port}", "--Voila.ip=127.0.0.1", "--Voila.port_retries=0",
           "--VoilaConfiguration.show_tracebacks=True"]
    # (voila's own pages execute the notebook: wait for the port only)
    with _serve(cmd, server.root, _env(base), base / "voila.log", f"http://127.0.0.1:{port}",
                None) as srv:
        yield srv


def _env(base: Path) -> dict[str, str]:
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(base / "config"),
               JUPYTER_DATA_DIR=str(base / "data"), JUPYTER_RUNTIME_DIR=str(base / "runtime"),
               JUPYTER_PLATFORM_DIRS="1",
               PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    env.pop("JUPYTER_PATH", None)
    return env


@contextlib.contextmanager
def _serve(cmd: list[str], root: Path, env: dict, log: Path, url: str,
           probe: str | None) -> Iterator[Server]:
    """Run ``cmd`` until the block ends; yield once ``url + probe`` answers 200 (or, with no
    probe, once the port takes connections)."""
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT)
    srv = Server(url, root, proc, log)
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    try:
        while True:  # wait for the server to answer (a condition, polled; not a fixed sleep)
            if proc.poll() is not None:
                raise RuntimeError(f"{cmd[2]} exited:\n{srv.log_tail()}")
            try:
                if probe is None:
                    host, port = url.rsplit("/", 1)[-1].split(":")
                    socket.create_connection((host, int(port)), timeout=2).close()
                    break
                with urllib.request.urlopen(url + probe, timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"{cmd[2]} did not start:\n{srv.log_tail()}")
            time.sleep(0.2)
        yield srv
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _shutdown_kernels(srv: Server) -> None:
    try:
        with urllib.request.urlopen(f"{srv.url}/api/kernels", timeout=5) as r:
            kernels = json.load(r)
        for k in kernels:
            req = urllib.request.Request(f"{srv.url}/api/kernels/{k['id']}", method="DELETE")
            urllib.request.urlopen(req, timeout=10).close()
    except OSError:
        pass


@pytest.fixture(scope="package")
def browser():
    from playwright.sync_api import expect, sync_playwright

    # Conditions are waited for, never slept on: allow a loaded 2-core CI machine some time.
    expect.set_options(timeout=15_000)

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=_chromium(), args=CHROMIUM_ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    if call.when == "call":
        item.browser_failed = outcome.get_result().failed


@pytest.fixture
def page(browser, server, request):
    """A fresh page (own context: no shared storage); its uncaught errors are collected in
    ``page.page_errors``, and a failing test leaves a screenshot ``failed-<test>.png``."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    context.set_default_timeout(30_000)
    pg = context.new_page()
    pg.page_errors = []
    pg.on("pageerror", lambda exc: pg.page_errors.append(f"{exc}\n{exc.stack}"))
    try:
        yield pg
        if getattr(request.node, "browser_failed", False):
            SCREENSHOTS.mkdir(exist_ok=True)
            name = "".join(c if c.isalnum() else "-" for c in request.node.name)
            pg.screenshot(path=str(SCREENSHOTS / f"failed-{name}.png"), full_page=True)
    finally:
        context.close()
        _shutdown_kernels(server)


@pytest.fixture(scope="package")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS
