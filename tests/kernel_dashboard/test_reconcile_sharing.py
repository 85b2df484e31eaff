"""The reconciler's skip of shared subtrees (what a fragment rerun leaves untouched) shows
exactly what a full comparison would: random trees, each sharing random subtrees with the one
before, are displayed in one View and compared with a fresh View built from the same tree."""

from __future__ import annotations

import itertools

import ipywidgets as W
from hypothesis import given, settings
from hypothesis import strategies as S

from nbstate.elements import Element
from nbstate.frontends.reconcile import View

_ids = itertools.count()


def shown(w: W.Widget) -> object:
    """What the browser shows of a widget tree: classes, values, labels, nesting."""
    if isinstance(w, W.Box):
        return (type(w).__name__, [shown(c) for c in w.children if isinstance(c, W.DOMWidget)])
    return (type(w).__name__, getattr(w, "description", None), getattr(w, "value", None))


def app_tree(main: list[Element]) -> Element:
    return Element("app", props={"stale": False},
                   children=[Element("notices", children=[]), Element("main", children=main)])


@S.composite
def next_tree(draw, old: list[Element] | None, depth: int = 0) -> list[Element]:
    """Children for a container: some reused from ``old`` (the same objects), some new."""
    out: list[Element] = []
    for _ in range(draw(S.integers(0, 4))):
        kind = draw(S.sampled_from(["reuse", "reuse", "md", "box", "widget"]))
        if kind == "reuse" and old:
            out.append(draw(S.sampled_from(old)))
        elif kind == "box" and depth < 2:
            inner_old = next((o.children for o in old or () if o.type == "container"), None)
            out.append(Element("container", props={},
                               children=draw(next_tree(inner_old, depth + 1))))
        elif kind == "widget":
            wid = draw(S.sampled_from(["wa", "wb", "wc", f"wnew{next(_ids)}"]))
            out.append(Element("checkbox", wid, None, {
                "label": wid, "disabled": False, "value": draw(S.booleans())}))
        else:
            out.append(Element("markdown", props={"body": draw(S.sampled_from("xyz"))}))
    return out


def unique_ids(children: list[Element]) -> bool:
    ids = [e.id for c in children for e in c.walk() if e.id is not None]
    objs = [id(e) for c in children for e in c.walk()]
    return len(ids) == len(set(ids)) and len(objs) == len(set(objs))


@settings(max_examples=150, deadline=None)
@given(S.data())
def test_shared_subtrees_show_what_a_full_comparison_shows(data):
    view = View(lambda changes: None)
    main: list[Element] | None = None
    try:
        for _ in range(data.draw(S.integers(1, 6))):
            new = data.draw(next_tree(main))
            if not unique_ids(new):
                continue
            tree = app_tree(new)
            view.update(tree)
            fresh = View(lambda changes: None)
            fresh.update(tree)
            assert shown(view.root) == shown(fresh.root)
            fresh.close()
            # every displayed widget element has its live node, none closed
            for el in (e for c in new for e in c.walk() if e.id is not None):
                node = view.by_id[el.id]
                assert not node.closed and node.el.props == el.props
            main = new
    finally:
        view.close()


def test_a_widget_moving_back_past_unchanged_elements_is_shown_once():
    def box(value: bool) -> Element:
        return Element("checkbox", "w1", None, {"label": "w", "disabled": False,
                                                "value": value})

    a = Element("markdown", props={"body": "a"})
    b = Element("markdown", props={"body": "b"})
    view = View(lambda changes: None)
    try:
        view.update(app_tree([box(False), a, b]))
        # a and b are the very elements shown; the widget moves after them, then a new text
        view.update(app_tree([a, b, box(True), Element("markdown", props={"body": "c"})]))
        widgets = list(view.main.widget.children)
        assert len({id(w) for w in widgets}) == len(widgets) == 4
        assert [shown(w)[0] for w in widgets] == ["HTML", "HTML", "Checkbox", "HTML"]
        assert widgets[2].value is True and "c" in widgets[3].value
    finally:
        view.close()
