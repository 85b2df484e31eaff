"""Fixtures shared by the core and differential suites."""

from __future__ import annotations

import textwrap

import pytest

from nbstate.testing import AppTest


def nbstate_app(src: str) -> AppTest:
    """An AppTest over ``src`` with ``import nbstate as st`` put in front (not yet run)."""
    return AppTest.from_string("import nbstate as st\n" + textwrap.dedent(src))


@pytest.fixture
def app():
    """``app(src)``: build the app and do its first run; ``app(src, run=False)`` only builds."""

    def make(src: str, *, run: bool = True) -> AppTest:
        at = nbstate_app(src)
        return at.run() if run else at

    return make
