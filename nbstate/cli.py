"""The ``nbstate`` command: ``nbstate demo`` opens JupyterLab on the demo notebooks;
``nbstate serve NOTEBOOK`` serves a notebook's apps as a dashboard (Voila), the notebook's
``streamlit run``.

JupyterLab refuses to start as root unless told ``--allow-root`` (containers, fresh cloud
machines); ``nbstate demo`` passes it when run as root, so the README's first command works for
everyone. Any further arguments go to ``jupyter lab`` (``voila`` for ``serve``) as they are.

``serve`` runs Voila with what makes a dashboard appear fast:

- **a preheated kernel** (Voila's ``--preheat_kernel``): the notebook runs before anybody opens
  the page, and a new one is readied for the next visitor. What depends on the visitor's
  request (``st.query_params``, ``st.context.url``) waits for it (``page.await_voila_request``);
  what a run reads at its start (the time, a file) is as of the kernel's start, until the
  visitor's first interaction reruns the app: ``--no-preheat`` runs it per visit instead.
- **only the page extensions apps use**: the installed JupyterLab extensions that an nbstate
  app never needs in a dashboard (Notebook 7's UI, plotly's widget extension: ``st.plotly_chart``
  brings its own, syntax highlighting of hidden code) are not loaded (plotly's alone is 4.8 MB
  of JavaScript). ``--all-extensions`` loads them, for notebooks that show other widgets
  beside their apps (plotly's ``FigureWidget``).

Example (in a shell):
    nbstate demo                      # JupyterLab on the demo notebooks
    nbstate demo --no-browser --port 8890
    nbstate serve dashboard.ipynb --port 8866
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


#: page extensions an nbstate dashboard never needs (see the module docstring)
UNNEEDED_EXTENSIONS = ("@jupyter-notebook/lab-extension", "jupyterlab-plotly",
                       "jupyterlab_pygments")


def serve_command(notebook: Path, extra: Sequence[str] = (), *, preheat: bool = True,
                  all_extensions: bool = False) -> list[str]:
    """The ``voila`` command line that ``nbstate serve`` runs.

    Example:
        >>> cmd = serve_command(Path("app.ipynb"), ["--port=8870"])
        >>> cmd[1:4], "--preheat_kernel=True" in cmd, cmd[-1]
        (['-m', 'voila', 'app.ipynb'], True, '--port=8870')
    """
    import json

    cmd = [sys.executable, "-m", "voila", str(notebook)]
    if preheat:
        cmd.append("--preheat_kernel=True")
    if not all_extensions:
        cmd.append("--VoilaConfiguration.extension_denylist="
                   + json.dumps(list(UNNEEDED_EXTENSIONS)))
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
    serve = sub.add_parser("serve", help="serve a notebook's apps as a dashboard (Voila)",
                           description="Serve a notebook as a dashboard with Voila: a "
                                       "preheated kernel, only the page extensions apps use; "
                                       "further arguments go to `voila`.")
    serve.add_argument("notebook", type=Path)
    serve.add_argument("--no-preheat", action="store_true",
                       help="run the notebook when a visitor opens the page, not before")
    serve.add_argument("--all-extensions", action="store_true",
                       help="load every installed page extension (other widgets beside apps)")
    args, extra = parser.parse_known_args(argv)
    if args.command == "serve":
        return _serve(parser, args, extra)
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


def _serve(parser: argparse.ArgumentParser, args: argparse.Namespace,
           extra: Sequence[str]) -> int:
    if not args.notebook.is_file():
        parser.exit(2, f"nbstate serve: no notebook {args.notebook}\n")
    try:
        import voila  # type: ignore[import-untyped]  # noqa: F401
    except ImportError:
        parser.exit(2, "nbstate serve: Voila is not installed: pip install 'nbstate[lab]'\n")
    cmd = serve_command(args.notebook, extra, preheat=not args.no_preheat,
                        all_extensions=args.all_extensions)
    os.execv(cmd[0], cmd)  # this process becomes Voila (stopping it stops the server)
    return 0  # (not reached)


if __name__ == "__main__":  # pragma: no cover - `python -m nbstate.cli demo`
    sys.exit(main())
