"""A real ipykernel per test module, with nbstate loaded, driven as a browser would."""

from __future__ import annotations

import pytest

pytest.importorskip("jupyter_client")

from nbstate.testing.kernel import KernelSession, Model


@pytest.fixture(scope="module")
def kernel(tmp_path_factory):
    """One kernel for the module, with nbstate loaded and the data libraries imported (so an
    app's first run does not pay for the imports)."""
    with KernelSession(cwd=str(tmp_path_factory.mktemp("kernel")), timeout=90) as k:
        k.execute("%load_ext nbstate\nimport numpy as np\nimport pandas as pd")
        yield k


@pytest.fixture
def app(kernel):
    """``app(body, cell_id=None, name="")``: execute a ``%%app`` cell (``import nbstate as
    st`` in front) in a cell of its own and return the app's root model."""
    return kernel.run_app_cell


def _marker(root: Model) -> Model:
    return next(m for m in root.walk() if "stale" in m.state)


@pytest.fixture
def touched():
    """``touched(updates, root)``: the models that received update messages (once each, in
    order), the app's stale marker left out (it may flip while a slow rerun runs: not a
    change of what the app shows)."""

    def models(ups: list[dict], root: Model) -> list[Model]:
        mark = _marker(root)
        out: list[Model] = []
        for u in ups:
            if u["model"] is not mark and u["model"] not in out:
                out.append(u["model"])
        return out

    return models


@pytest.fixture
def state(kernel):
    """``state(key)``: ``st.session_state[key]`` read in the kernel."""
    return kernel.state


def pytest_collection_modifyitems(config, items):
    here = __file__.rsplit("/", 1)[0]
    for item in items:
        # the tests that start a kernel (the others run in-process or in a bare browser)
        uses = getattr(item, "fixturenames", ())
        if str(item.fspath).startswith(here) and ("kernel" in uses or "dash" in uses):
            item.add_marker(pytest.mark.kernel)
