"""The element tree: plain records a run produces and frontends consume.

An ``Element`` is data only: its ``type`` (``"slider"``, ``"markdown"``, ``"form"`` ...), the widget
id for widgets (``None`` for display elements, which are matched by position), the user key, a
``props`` dict, and ``children`` for containers. Frontends never call back into an element.

Example:
    >>> e = Element("markdown", props={"body": "hi"})
    >>> e.type, e.props["body"]
    ('markdown', 'hi')
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


class Element:
    __slots__ = ("type", "id", "key", "props", "children", "path")

    def __init__(self, type: str, id: str | None = None, key: str | None = None,
                 props: dict[str, Any] | None = None,
                 children: list[Element] | None = None) -> None:
        self.type = type
        self.id = id
        self.key = key
        self.props = props if props is not None else {}
        self.children = children
        # a container's place in its run, as child indices under "main"/"sidebar" (set by
        # the run context when it is emitted); None where it does not matter
        self.path: tuple | None = None

    def __repr__(self) -> str:
        ch = f", {len(self.children)} children" if self.children is not None else ""
        ident = f" id={self.id!r}" if self.id else ""
        return f"<Element {self.type}{ident} {self.props!r}{ch}>"

    @property
    def contents(self) -> list[Element]:
        """The children of an element known to be a container (a stack entry, a form...):
        ``children`` typed as a list. A leaf element (``children`` None) raises TypeError.

        Example:
            >>> Element("form", children=[]).contents
            []
        """
        kids = self.children
        if kids is None:
            raise TypeError(f"a {self.type} element is no container: it has no children")
        return kids

    def walk(self) -> Iterator[Element]:
        """Yield this element and every descendant, depth first, in display order."""
        yield self
        if self.children:
            for c in self.children:
                yield from c.walk()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Element):
            return NotImplemented
        # loose about types (a prop of 1 equals one of 1.0), as plain == on the props
        return (self.type == other.type and self.id == other.id and self.key == other.key
                and same_props(self.props, other.props, strict=False)
                and self.children == other.children)

    __hash__ = None  # type: ignore[assignment]


def same(a: Any, b: Any, *, strict: bool = True) -> bool:
    """Value equality that never raises, the one rule for "has this value changed?".

    ``strict`` (the default) also asks for the same type: ``1`` is no ``1.0`` and ``True`` no
    ``1``. That is what widget values need (a run that turns a slider's ``1`` into ``1.0`` changed
    what the widget returns, ``run.App`` fires its callback) and what the browser needs (the
    reconciler resends a trait whose value changed type). ``strict=False`` is plain ``==``: the
    rule of ``Element.__eq__``, comparing what two trees hold. Values whose ``==`` raises or is
    ambiguous (arrays and frames compare elementwise) count as different, unless they are the
    same object.

    Example:
        >>> same(1, 1.0), same(1, 1.0, strict=False), same([1], [1])
        (False, True, True)
    """
    if a is b:
        return True
    if strict and type(a) is not type(b):
        return False
    try:
        return bool(a == b)
    except Exception:  # arrays, frames and objects whose == misbehaves count as different
        return False


def same_props(a: dict[str, Any], b: dict[str, Any], *, strict: bool = True) -> bool:
    """Two props dicts with the same keys, their values ``same`` (see there for ``strict``)."""
    return a.keys() == b.keys() and all(same(v, b[k], strict=strict) for k, v in a.items())


#: container types: elements whose children are other elements
CONTAINERS = frozenset({"app", "main", "sidebar", "form", "container", "columns", "column",
                        "tabs", "tab", "expander", "empty", "popover", "status"})
