"""The package as pip installs it: `python -m build` makes a wheel and an sdist that carry the
front-end assets; the wheel, installed (not editable) in a fresh venv, runs an app in a real
kernel that a test clicks.

The fresh venv gets the wheel alone (``--no-deps``) and reaches the dependencies already
installed here through a path file, so the test downloads nothing but the build backend (which
pip caches) and takes well under a minute.
"""

from __future__ import annotations

import json
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest

from nbstate.testing.kernel import KernelSession

ROOT = Path(__file__).resolve().parents[1]
ASSETS = ["nbstate/js/download_button.js", "nbstate/js/stale_marker.js",
          "nbstate/js/stale_marker.css"]

pytestmark = pytest.mark.kernel


@pytest.fixture(scope="module")
def dist(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    proc = subprocess.run([sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    [wheel] = out.glob("nbstate-*.whl")
    [sdist] = out.glob("nbstate-*.tar.gz")
    return wheel, sdist


def test_wheel_and_sdist_carry_the_assets(dist):
    wheel, sdist = dist
    names = set(zipfile.ZipFile(wheel).namelist())
    for asset in ASSETS:
        assert asset in names
        # the packaged file is the one the js/ node tests test (js/ holds symlinks to it)
        assert zipfile.ZipFile(wheel).read(asset) == (ROOT / asset).read_bytes()
    assert "nbstate/frontends/static.py" in names
    entry = next(n for n in names if n.endswith("entry_points.txt"))
    points = zipfile.ZipFile(wheel).read(entry).decode()
    assert "nbstate = nbstate.cli:main" in points  # the `nbstate` command
    assert "nbstate = nbstate.testing.pytest_plugin" in points  # the pytest plugin
    with tarfile.open(sdist) as tar:
        members = {m.split("/", 1)[1] for m in tar.getnames() if "/" in m}
    for asset in ASSETS:
        assert asset in members
    assert "pyproject.toml" in members and "README.md" in members


def test_installed_wheel_runs_an_app_in_a_real_kernel(dist, tmp_path, monkeypatch):
    wheel, _ = dist
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True,
                   timeout=120)
    python = venv / "bin" / "python"
    proc = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install",
                           "-q", "--no-deps", "--no-index", str(wheel)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()"
                           "['purelib'])"], capture_output=True, text=True,
                          check=True).stdout.strip()
    # the dependencies: this environment's packages, after the venv's own (the wheel's nbstate)
    Path(site, "deps-from-test-env.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    spec = tmp_path / "share" / "jupyter" / "kernels" / "nbstate-wheel"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [str(python), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "nbstate wheel", "language": "python"}))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "share" / "jupyter"))

    with KernelSession(kernel_name="nbstate-wheel", cwd=str(tmp_path)) as k:
        where = k.eval("__import__('nbstate').__file__")
        assert where.startswith(site), where  # the installed wheel, not this checkout
        k.execute("%load_ext nbstate")
        root = k.run_app_cell("""
            n = st.slider("n", 0, 10, 2)
            st.write("n squared is", n * n)
            st.download_button("Save", data=b"x", file_name="x.txt")
        """)
        assert "n squared is 4" in k.text(root)
        k.set(k.find(description="n", within=root), 7)
        assert "n squared is 49" in k.text(root)
        # the front-end assets load from the installed package
        assert k.eval("len(__import__('nbstate.frontends.anywidgets', fromlist=['x'])"
                      ".StaleMarker._esm) > 1000")
