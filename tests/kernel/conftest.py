"""A real ipykernel per test module, driven as a browser would (nbstate.testing.kernel)."""

from __future__ import annotations

import itertools
import textwrap

import pytest

from nbstate.testing.kernel import KernelSession

pytest.importorskip("jupyter_client")

_cells = itertools.count()


@pytest.fixture(scope="module")
def kernel(tmp_path_factory):
    """One kernel for the module, with nbstate loaded."""
    with KernelSession(cwd=str(tmp_path_factory.mktemp("kernel")), timeout=60) as k:
        k.execute("%load_ext nbstate")
        yield k


@pytest.fixture
def app(kernel):
    """``app(body, cell_id=None)``: execute a ``%%app`` cell (``import nbstate as st`` is put
    in front) in a cell of its own and return the app's root model."""

    def run(body: str, *, cell_id: str | None = None, name: str = "") -> object:
        cell_id = cell_id or f"cell{next(_cells)}"
        src = f"%%app {name}\nimport nbstate as st\n" + textwrap.dedent(body)
        kernel.execute(src, cell_id=cell_id)
        return kernel.app()

    return run


def pytest_collection_modifyitems(config, items):
    here = __file__.rsplit("/", 1)[0]
    for item in items:
        if str(item.fspath).startswith(here):
            item.add_marker(pytest.mark.kernel)
