"""A real ipykernel per test module; ``browser`` sends raw comm messages (hostile.py)."""

from __future__ import annotations

import os
from typing import Any

import pytest
from hostile import Browser

from nbstate.testing.kernel import KernelSession

pytest.importorskip("jupyter_client")

class RecordingSession(KernelSession):
    """The harness, also keeping the state each widget model was opened with (``opened``:
    comm id -> state), so that a test sees what was shown even if it changed since."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.opened: dict[str, dict] = {}

    def _handle(self, msg: dict, result: Any) -> None:
        super()._handle(msg, result)
        if msg["msg_type"] == "comm_open":
            model = self.models.get(msg["content"].get("comm_id"))
            if model is not None:
                self.opened[model.comm_id] = dict(model.state)


@pytest.fixture(scope="module")
def kernel(tmp_path_factory):
    """One kernel for the module, with nbstate loaded."""
    with RecordingSession(cwd=str(tmp_path_factory.mktemp("kernel")), timeout=60) as k:
        k.execute("%load_ext nbstate")
        yield k


@pytest.fixture(scope="module")
def browser(kernel):
    return Browser(kernel)


@pytest.fixture
def app(kernel):
    """``app(body, cell_id=None, name="")``: the harness's ``run_app_cell``."""
    return kernel.run_app_cell


def pytest_collection_modifyitems(config, items):
    here = os.path.dirname(__file__)
    for item in items:
        if str(item.fspath).startswith(here):
            item.add_marker(pytest.mark.kernel)
