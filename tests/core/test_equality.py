"""One rule for "is this value the same?" (``nbstate.elements.same``), used by the run loop (a
widget value changed: callbacks fire), the element tree (``Element.__eq__``) and the reconciler
(a trait is resent)."""

from __future__ import annotations

import pytest

from nbstate import run
from nbstate.elements import Element, same, same_props


def test_one_implementation():
    assert run.same is same
    reconcile = pytest.importorskip("nbstate.frontends.reconcile")
    assert reconcile.same is same and reconcile.same_props is same_props


@pytest.mark.parametrize("a, b, strict, loose", [
    (1, 1, True, True),
    (1, 1.0, False, True),      # a widget value turning float is a change
    (True, 1, False, True),
    ("a", "a", True, True),
    ([1, 2], [1, 2], True, True),
    ((1,), [1], False, False),
    (float("nan"), float("nan"), False, False),
])
def test_strict_and_loose(a, b, strict, loose):
    assert same(a, b) is strict
    assert same(a, b, strict=False) is loose


def test_ambiguous_equality_counts_as_different_and_never_raises():
    np = pytest.importorskip("numpy")
    x, y = np.array([1, 2]), np.array([1, 2])
    assert not same(x, y) and not same(x, y, strict=False)
    assert same(x, x)

    class Bad:
        def __eq__(self, other):
            raise RuntimeError("no")

    assert not same(Bad(), Bad()) and not same(Bad(), Bad(), strict=False)


def test_elements_compare_loosely_props_strictly():
    a = Element("metric", props={"value": 1})
    b = Element("metric", props={"value": 1.0})
    assert a == b                                  # Element.__eq__: plain ==
    assert not same_props(a.props, b.props)        # the reconciler: resend the changed type
    assert Element("metric", props={"value": 1, "x": 2}) != a
