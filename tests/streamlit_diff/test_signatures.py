"""Every public callable nbstate shares with Streamlit 1.67 has Streamlit's signature: the same
parameter names, in the same order, of the same kinds, with the same defaults.

``dataframe``, ``data_editor`` and ``column_config`` are another piece of work (their own
issue) and are left out here.
"""

from __future__ import annotations

import inspect

import pytest

st = pytest.importorskip("streamlit")

import nbstate  # noqa: E402

pytestmark = pytest.mark.streamlit

OTHER_WORK = {"dataframe", "data_editor", "column_config"}


def _shared() -> list[str]:
    out = []
    for name in nbstate.__all__:
        if name in OTHER_WORK or not hasattr(st, name):
            continue
        ours, theirs = getattr(nbstate, name), getattr(st, name)
        if callable(ours) and callable(theirs) and not inspect.ismodule(theirs):
            out.append(name)
    return sorted(out)


def _default(v: object, translate: bool) -> object:
    # st.help()'s default is the st module itself: Streamlit's for Streamlit, ours for us
    if v is st and translate:
        return nbstate
    if type(v).__module__ not in ("builtins", "datetime"):
        # a sentinel object of its own module ("<unset>"): the same default if it reads the same
        return ("sentinel", repr(v))
    return v


def _params(fn: object, translate: bool) -> list[tuple]:
    sig = inspect.signature(fn)
    return [(p.name, p.kind.name, _default(p.default, translate))
            for p in sig.parameters.values()]


def test_there_is_something_to_compare():
    shared = _shared()
    assert {"button", "container", "metric", "table", "tabs", "bar_chart", "text",
            "cache_data"} <= set(shared)


@pytest.mark.parametrize("name", _shared())
def test_signature_matches_streamlit(name):
    theirs = _params(getattr(st, name), translate=True)
    ours = _params(getattr(nbstate, name), translate=False)
    assert ours == theirs, (
        f"st.{name}: nbstate {inspect.signature(getattr(nbstate, name))} != streamlit "
        f"{inspect.signature(getattr(st, name))}")
