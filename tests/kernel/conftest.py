"""A real ipykernel per test module, driven as a browser would (nbstate.testing.kernel)."""

from __future__ import annotations

import pytest

from nbstate.testing.kernel import KernelSession

pytest.importorskip("jupyter_client")


@pytest.fixture(scope="module")
def kernel(tmp_path_factory):
    """One kernel for the module, with nbstate loaded."""
    with KernelSession(cwd=str(tmp_path_factory.mktemp("kernel")), timeout=60) as k:
        k.execute("%load_ext nbstate")
        yield k


@pytest.fixture
def app(kernel):
    """``app(body, cell_id=None, name="")``: execute a ``%%app`` cell (``import nbstate as
    st`` put in front) in a cell of its own and return the app's root model."""
    return kernel.run_app_cell


def pytest_collection_modifyitems(config, items):
    here = __file__.rsplit("/", 1)[0]
    for item in items:
        if str(item.fspath).startswith(here):
            item.add_marker(pytest.mark.kernel)
