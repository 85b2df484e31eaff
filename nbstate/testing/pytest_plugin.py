"""A pytest plugin: every ``%%app`` cell of the notebooks pytest collects, run through ``AppTest``.

``pytest --nbstate-apps notebooks/`` collects one test per ``%%app`` cell of each ``.ipynb``
file: the notebook's plain code cells above it run first (as in the kernel, magics skipped),
then the app runs once, headless; the test fails if the run raised (with the app's traceback)
or took longer than ``--nbstate-timeout`` seconds. It needs no kernel, so it is fast enough to
run on every commit beside ``pytest --nbval``, which checks the saved outputs in a kernel.

The plugin is registered by nbstate's ``pytest11`` entry point; without ``--nbstate-apps`` it
only adds its options and the ``notebook_apps`` fixture.

Example (in a shell):
    pytest --nbstate-apps notebooks/

Example (in a test module):
    def test_my_notebook(notebook_apps):
        for name, at in notebook_apps("dash.ipynb").items():
            assert not at.exception, name
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest


def pytest_addoption(parser: Any) -> None:
    group = parser.getgroup("nbstate")
    group.addoption("--nbstate-apps", action="store_true", default=False,
                    help="collect one test per %%app cell of each .ipynb file: it runs the "
                         "app headless (AppTest) and fails if the app raises")
    group.addoption("--nbstate-timeout", type=float, default=30.0,
                    help="seconds one app run may take under --nbstate-apps (default 30)")


def app_cells(path: str | Path) -> list[str]:
    """The names of a notebook's ``%%app`` cells, in order (``#N`` for an unnamed one).

    Example:
        >>> app_cells("notebooks/counter.ipynb")                        # doctest: +SKIP
        ['counter']
    """
    from ..magic import split_app_cell

    nb = json.loads(Path(path).read_text(encoding="utf-8"))
    names: list[str] = []
    for c in nb.get("cells", []):
        if c.get("cell_type") != "code":
            continue
        src = c.get("source", "")
        parsed = split_app_cell("".join(src) if isinstance(src, list) else src)
        if parsed is not None:
            names.append(parsed[0] or f"#{len(names)}")
    return names


@contextlib.contextmanager
def _in_dir(directory: Path) -> Iterator[None]:
    # a notebook's cells read files next to it, as its kernel (started there) would
    old = os.getcwd()
    os.chdir(directory)
    try:
        yield
    finally:
        os.chdir(old)


def run_notebook_apps(path: str | Path, *, timeout: float = 30.0) -> dict[str, Any]:
    """Run each ``%%app`` cell of the notebook once through ``AppTest``; ``{name: AppTest}``.

    Example:
        >>> ats = run_notebook_apps("notebooks/counter.ipynb")           # doctest: +SKIP
        >>> ats["counter"].exception                                     # doctest: +SKIP
        []
    """
    from .apptest import AppTest

    path = Path(path).resolve()
    out = {}
    with _in_dir(path.parent):
        for i, name in enumerate(app_cells(path)):
            at = AppTest.from_notebook(path, cell=i, default_timeout=timeout)
            out[name] = at.run()
    return out


@pytest.fixture
def notebook_apps() -> Callable[..., dict[str, Any]]:
    """``notebook_apps(path, timeout=30)``: each ``%%app`` cell of a notebook, run once
    through ``AppTest``, by app name."""
    return run_notebook_apps


def pytest_collect_file(file_path: Path, parent: Any) -> Any:
    if file_path.suffix == ".ipynb" and parent.config.getoption("nbstate_apps") \
            and ".ipynb_checkpoints" not in file_path.parts:
        return AppNotebook.from_parent(parent, path=file_path)
    return None


class AppNotebook(pytest.File):
    """A notebook, as the collector of its ``%%app`` cells."""

    def collect(self) -> Iterator[AppCell]:
        for i, name in enumerate(app_cells(self.path)):
            yield AppCell.from_parent(self, name=f"app[{name}]", index=i)


class AppFailed(Exception):
    """An app of a notebook raised while it ran under ``--nbstate-apps``."""


class AppCell(pytest.Item):
    """One ``%%app`` cell: run once, headless; fails if the app raised."""

    def __init__(self, *, index: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.index = index

    def runtest(self) -> None:
        from .apptest import AppTest

        timeout = self.config.getoption("nbstate_timeout")
        with _in_dir(self.path.parent):
            at = AppTest.from_notebook(self.path, cell=self.index, default_timeout=timeout)
            at.run()
        error = at._app.last_error
        if error is not None:
            from ..errors import AppRunError

            raise AppFailed(AppRunError(at._app.name, error).traceback_text())

    def repr_failure(self, excinfo: Any, style: Any = None) -> Any:
        if isinstance(excinfo.value, AppFailed):
            return f"{self.path.name}: the {self.name} cell's app raised:\n{excinfo.value}"
        return super().repr_failure(excinfo)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, self.name
