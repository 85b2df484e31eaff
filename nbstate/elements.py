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

    def walk(self):
        """Yield this element and every descendant, depth first, in display order."""
        yield self
        if self.children:
            for c in self.children:
                yield from c.walk()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Element):
            return NotImplemented
        return (self.type == other.type and self.id == other.id and self.key == other.key
                and _props_equal(self.props, other.props) and self.children == other.children)

    __hash__ = None  # type: ignore[assignment]


def _props_equal(a: dict, b: dict) -> bool:
    if a.keys() != b.keys():
        return False
    for k, v in a.items():
        w = b[k]
        if v is w:
            continue
        try:
            if bool(v != w):
                return False
        except Exception:  # noqa: BLE001 - arrays and frames compare elementwise
            return False
    return True


#: container types: elements whose children are other elements
CONTAINERS = frozenset({"app", "main", "sidebar", "form", "container", "columns", "column",
                        "tabs", "tab", "expander", "empty", "popover", "status"})
