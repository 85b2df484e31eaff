"""The project as a new user meets it: the README's commands, the `nbstate` command, the pytest
plugin that runs a notebook's apps, the demo notebooks in Voila, the CI script."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

from nbstate.cli import UNNEEDED_EXTENSIONS, demo_command, serve_command

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text()


def _readme_commands() -> list[str]:
    block = re.search(r"```bash\n(.*?)```", README, re.S).group(1)
    return [line.split("  #")[0].strip() for line in block.splitlines() if line.strip()]


def test_readme_first_commands_and_ci_agree():
    first, second = _readme_commands()[:2]
    assert '.venv/bin/pip install -e ".[lab]"' in first and "nbstate demo" in first
    assert "python -m pytest" in second
    ci = (ROOT / ".ci" / "run").read_text()
    # .ci/run runs exactly the README's second command, after its apt installs
    assert ci.rstrip().splitlines()[-1] == second
    assert "nodejs" in ci and "chromium" in ci


def test_extras_bring_what_the_demos_import():
    import tomllib

    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    lab = " ".join(meta["optional-dependencies"]["lab"])
    imported = set()
    for nb in (ROOT / "notebooks").glob("*.ipynb"):
        for cell in json.loads(nb.read_text())["cells"]:
            src = "".join(cell["source"])
            imported |= set(re.findall(r"^\s*(?:import|from) (\w+)", src, re.M))
    third_party = imported - {"nbstate", "time", "datetime", "math", "random", "json", "io"}
    for module in third_party:
        assert module in lab, f"the demo notebooks import {module}: add it to the lab extra"
    test = meta["optional-dependencies"]["test"]
    assert "streamlit==1.67.*" in test  # the version tests/streamlit_diff describes
    assert meta["scripts"]["nbstate"] == "nbstate.cli:main"


def test_demo_command_passes_allow_root_only_as_root(monkeypatch):
    import nbstate.cli as cli

    monkeypatch.setattr(cli, "_is_root", lambda: True)
    assert "--allow-root" in demo_command(Path("nb"), ["--no-browser"])
    monkeypatch.setattr(cli, "_is_root", lambda: False)
    assert "--allow-root" not in demo_command(Path("nb"), [])


def test_serve_command_preheats_and_leaves_out_unneeded_extensions():
    cmd = serve_command(Path("dash.ipynb"), ["--port=9000"])
    assert cmd[1:4] == ["-m", "voila", "dash.ipynb"] and cmd[-1] == "--port=9000"
    assert "--preheat_kernel=True" in cmd
    deny = [c for c in cmd if c.startswith("--VoilaConfiguration.extension_denylist=")]
    assert len(deny) == 1 and json.loads(deny[0].split("=", 1)[1]) == list(UNNEEDED_EXTENSIONS)
    plain = serve_command(Path("dash.ipynb"), preheat=False, all_extensions=True)
    assert plain == [sys.executable, "-m", "voila", "dash.ipynb"]


def test_serve_refuses_a_missing_notebook(tmp_path, capsys):
    from nbstate.cli import main

    with pytest.raises(SystemExit) as e:
        main(["serve", str(tmp_path / "nope.ipynb")])
    assert e.value.code == 2
    assert "no notebook" in capsys.readouterr().err


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_nbstate_demo_serves_the_demo_notebooks(tmp_path):
    # the console script, as the README's first command runs it (as root here, in CI)
    port = _free_port()
    env = {"JUPYTER_CONFIG_DIR": str(tmp_path / "cfg"), "JUPYTER_RUNTIME_DIR": str(tmp_path),
           "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "nbstate.cli", "demo", "--no-browser", f"--port={port}",
         "--IdentityProvider.token=", "--ServerApp.password="],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    try:
        deadline = time.time() + 90
        names = None
        while time.time() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(
                        f"http://127.0.0.1:{port}/api/contents", timeout=5) as r:
                    names = {c["name"] for c in json.load(r)["content"]}
                break
            except OSError:
                time.sleep(0.5)
        assert proc.poll() is None, proc.stdout.read().decode()[-3000:]
        assert names is not None and {"dashboard.ipynb", "counter.ipynb"} <= names
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        proc.stdout.close()


# -- the pytest plugin: every %%app cell of a notebook through AppTest -----------------------
def _notebook(path: Path, *cells: str) -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(c) for c in cells]
    nbformat.write(nb, path)


def test_pytest_plugin_runs_each_app_cell(tmp_path):
    (tmp_path / "data.txt").write_text("41")
    _notebook(tmp_path / "good.ipynb", "%load_ext nbstate",
              "N = int(open('data.txt').read())",  # a plain cell above, next to its data
              "%%app first\nimport nbstate as st\nst.write(st.slider('x', 0, 100, N + 1))",
              "%%app\nimport nbstate as st\nst.text('unnamed')")
    _notebook(tmp_path / "bad.ipynb",
              "%%app broken\nimport nbstate as st\nst.title('hi')\n{}['missing']")
    proc = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider",
                           "--nbstate-apps", "-v", "."], cwd=tmp_path, capture_output=True,
                          text=True, timeout=120)
    out = proc.stdout
    assert proc.returncode == 1, out[-3000:]
    assert "good.ipynb::app[first] PASSED" in out
    assert "good.ipynb::app[#1] PASSED" in out
    assert "bad.ipynb::app[broken] FAILED" in out
    assert "KeyError: 'missing'" in out and "{}['missing']" in out


def test_notebook_apps_fixture_runs_the_demo_apps(notebook_apps):
    apps = notebook_apps(ROOT / "notebooks" / "counter.ipynb")
    at = apps["counter"]
    assert not at.exception
    at.button[0].click().run()
    assert at.session_state["count"] == 1


# -- Voila: a demo notebook is its dashboard ---------------------------------------------------
@pytest.mark.parametrize("name", ["counter", "form", "dashboard"])
def test_demo_notebooks_hold_only_the_dashboard(name):
    # Voila shows every cell's output and every markdown cell: a demo has its title, its
    # setup cells (no output) and its app, and nothing after the app
    nb = json.loads((ROOT / "notebooks" / f"{name}.ipynb").read_text())
    cells = nb["cells"]
    apps = [i for i, c in enumerate(cells) if "".join(c["source"]).startswith("%%app")]
    assert len(apps) == 1 and apps[0] == len(cells) - 1, "cells after the app show in Voila"
    for c in cells[:-1]:
        src = "".join(c["source"])
        if c["cell_type"] == "code":
            last = src.strip().splitlines()[-1]
            assert re.match(r"(%|import |from |[A-Z_]+ = |def |\s)", last), (
                f"{name}: a setup cell whose last line shows a value in Voila: {last!r}")
