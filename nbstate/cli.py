"""The ``nbstate`` command: ``nbstate demo`` opens JupyterLab on the demo notebooks.

JupyterLab refuses to start as root unless told ``--allow-root`` (containers, fresh cloud
machines); ``nbstate demo`` passes it when run as root, so the README's first command works for
everyone. Any further arguments go to ``jupyter lab`` as they are.

Example (in a shell):
    nbstate demo                      # JupyterLab on the demo notebooks
    nbstate demo --no-browser --port 8890
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

#: the demo notebooks of a source checkout (an editable install), next to the package
CHECKOUT_NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def demo_command(directory: Path, extra: Sequence[str] = ()) -> list[str]:
    """The ``jupyter lab`` command line that ``nbstate demo`` runs.

    Example:
        >>> cmd = demo_command(Path("notebooks"), ["--no-browser"])
        >>> cmd[1:3], cmd[-1]
        (['-m', 'jupyterlab'], '--no-browser')
    """
    cmd = [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={directory}"]
    if _is_root() and "--allow-root" not in extra:
        cmd.append("--allow-root")
    return [*cmd, *extra]


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``nbstate`` console script."""
    parser = argparse.ArgumentParser(prog="nbstate", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    demo = sub.add_parser("demo", help="open JupyterLab on the demo notebooks",
                          description="Open JupyterLab on the demo notebooks; further "
                                      "arguments go to `jupyter lab`.")
    demo.add_argument("--dir", type=Path, default=None,
                      help="the notebooks' directory (default: notebooks/ of this checkout)")
    args, extra = parser.parse_known_args(argv)
    directory = args.dir or CHECKOUT_NOTEBOOKS
    if not (directory / "dashboard.ipynb").exists() and args.dir is None:
        parser.exit(2, f"nbstate demo: no demo notebooks in {directory}: they come with a "
                       "source checkout (git clone the project, then `pip install -e .[lab]`), "
                       "or pass --dir DIRECTORY\n")
    try:
        import jupyterlab  # type: ignore[import-untyped]  # noqa: F401
    except ImportError:
        parser.exit(2, "nbstate demo: JupyterLab is not installed: pip install 'nbstate[lab]'\n")
    cmd = demo_command(directory.resolve(), extra)
    # this process becomes JupyterLab: stopping `nbstate demo` stops the server (no orphan)
    os.execv(cmd[0], cmd)
    return 0  # (not reached)


if __name__ == "__main__":  # pragma: no cover - `python -m nbstate.cli demo`
    sys.exit(main())
