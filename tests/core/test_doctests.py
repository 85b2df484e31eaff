"""The examples in the core modules' docstrings run (``pytest --doctest-modules`` style).

The frontends and the IPython magic need a kernel's libraries; their doctests are left to
tests/kernel.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest


def _core_modules() -> list[str]:
    import nbstate

    names = ["nbstate"]
    for info in pkgutil.walk_packages(nbstate.__path__, "nbstate."):
        if info.name.startswith(("nbstate.frontends", "nbstate.magic", "nbstate.testing.kernel")):
            continue
        names.append(info.name)
    return names


CORE = _core_modules()


@pytest.mark.parametrize("name", CORE)
def test_doctests(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
