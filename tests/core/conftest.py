"""Helpers for the core suite: reading what the user sees."""

from __future__ import annotations

import pytest


@pytest.fixture
def raises_in_app(app):
    """``raises_in_app(src, type_name, *fragments)``: run src, expect an exception element of
    that type whose message contains every fragment; return the AppTest."""

    def check(src: str, type_name: str, *fragments: str):
        at = app(src)
        assert len(at.exception) >= 1, f"no exception shown; markdown: {at.markdown.values}"
        exc = at.exception[0]
        assert exc.type == type_name, (exc.type, exc.message)
        for f in fragments:
            assert f in exc.message, (f, exc.message)
        return at

    return check
