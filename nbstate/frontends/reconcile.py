"""The displayed tree of one app's output, reconciled in place against each run's element tree.

A ``View`` keeps one persistent box (the app's output) and a ``Node`` per displayed element.
On each run it walks the new element tree: a widget element whose id is already shown, or a
display element of the same type at the same place, keeps its ipywidget and only the traits
that changed are sent (one ``update`` message per widget at most; none when nothing changed).
Everything else is created, and what is no longer shown is closed (with its layout and style
models, so no comm leaks). A subtree whose ``Element`` is the very object shown last time (what
a fragment rerun leaves untouched: ``App._splice`` shares it) is not visited at all, so a
fragment rerun costs what the fragment shows, not what the whole app shows.

Values from the browser are read at the comm-message level, before ipywidgets' validators
could clamp or coerce them, and handed on (``send``) as ``[(widget id, value), ...]`` for
``App.interact``; widgets inside a form hold their values until the form's submit button is
pressed. A value the core refused is set back in the browser, since the reconciler compares
each widget's value with what the browser shows.

Example:
    >>> from nbstate.elements import Element
    >>> sent = []
    >>> view = View(sent.extend)
    >>> tree = Element("app", props={"stale": False}, children=[
    ...     Element("notices", children=[]),
    ...     Element("main", children=[Element("markdown", props={"body": "hi"})])])
    >>> view.update(tree)
    >>> view.main.children[0].widget.value
    '<div class="nbstate-markdown"><p>hi</p>\\n</div>'
    >>> view.close()
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import ipywidgets as W

from ..elements import Element, same, same_props  # type-strict: a changed type is resent
from . import compat, relay
from .anywidgets import APP_CLASS, StaleMarker
from .api_bindings import apply_page
from .bindings import (
    NOTHING,
    Binding,
    Box,
    ToWidget,
    Unrecognized,
    binding_for,
    from_json,
    is_shared,
    own_layout,
    set_layout,
)
from .pacing import PACER

_MISSING = object()


def close_widget(w: W.Widget) -> None:
    """Close a widget and the layout/style models it owns (shared ones stay open)."""
    for name in ("layout", "style"):
        sub = compat.owned_widget(w, name)
        if isinstance(sub, W.Widget) and not is_shared(sub):
            PACER.spend()  # (a comm_close counts against the server's rate limit)
            sub.close()
    if getattr(w, "comm", None) is not None:
        PACER.spend()
    w.close()


_log = logging.getLogger("nbstate")

class Node:
    """One displayed element: its binding, its ipywidget, and what the browser shows."""

    __slots__ = ("binding", "widget", "el", "type", "wid", "sent", "parts", "front",
                 "front_value", "kernel_value", "children", "form", "closed")

    def __init__(self, binding: Binding, widget: W.Widget, el: Element) -> None:
        self.binding = binding
        self.widget = widget
        self.el = el
        self.type = el.type
        # a container is a widget when its binding takes values (tabs or an expander with
        # on_change): a form has an id too, but no value
        self.wid = el.id if el.children is None or binding.value_keys else None
        self.sent: dict[str, Any] = {}
        self.parts: list[W.Widget] = []
        self.front: list[dict[str, Any]] = []
        self.front_value: Any = None
        self.kernel_value: Any = None
        self.children: list[Node] = []
        self.form: str | None = None
        self.closed = False

    def walk(self) -> Iterator[Node]:
        yield self
        for c in self.children:
            yield from c.walk()

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        inner = self.binding.inner(self.widget)
        for part in self.parts:
            if part is not self.widget:
                close_widget(part)
        if inner is not None and inner is not self.widget:
            close_widget(inner)
        close_widget(self.widget)


def _apply(w: W.Widget, traits: dict[str, Any], force: tuple[str, ...] = (),
           silent: tuple[str, ...] = ()) -> None:
    """Set ``traits`` on ``w`` and send them in one message: only those that changed, plus
    ``force`` (sent even if the kernel-side value did not change), minus ``silent`` (set
    kernel-side only: the browser already shows them)."""
    if not traits and not force:
        return
    PACER.spend()  # one update message (at most)
    with w.hold_sync():
        with w.hold_trait_notifications():
            for k, v in traits.items():
                if k == "layout" and isinstance(v, dict):
                    set_layout(w, v)
                else:
                    setattr(w, k, v)
        compat.send_also(w, force)
        compat.send_not(w, silent)


def _with_resets(w: W.Widget, sent: dict[str, Any], desired: dict[str, Any]) -> dict[str, Any]:
    """``desired`` plus a reset of each trait sent before that the binding no longer sets
    (``border=False`` after ``True``, a ``text_area`` whose ``height`` went back to None):
    a layout property goes back to None (the CSS default), another trait to its default."""
    for k, old in sent.items():
        new = desired.get(k, _MISSING)
        if k == "layout" and isinstance(old, dict):
            new = new if isinstance(new, dict) else {}
            gone = {a: None for a in old if a not in new}
            if gone:
                desired[k] = {**gone, **new}
        elif new is _MISSING:
            try:
                desired[k] = w.trait_defaults(k)
            except Exception:  # no such trait: nothing to reset
                continue
    return desired


class _AppBox(W.VBox):
    """The app's output box. Its repr is short: displaying it makes IPython compute the
    ``text/plain`` repr, which for a VBox is the repr of every widget inside, recursively
    (containers nested 150 deep exceed the recursion limit)."""

    def __repr__(self) -> str:
        return f"<nbstate app output ({len(self.children)} items)>"


class View:
    """The live output of one app: a persistent box, updated in place run after run.

    ``send(changes)`` is called with ``[(widget id, value), ...]`` when the browser changes
    something (a whole form's values at once on submit).
    """

    def __init__(self, send: Callable[[list[tuple[str, Any]]], None]) -> None:
        self.send = send
        self.marker = StaleMarker()
        self.root = _AppBox([self.marker], _dom_classes=(APP_CLASS,))
        self.marker.app = self.root  # lets the marker key this app's boxes in the browser
        relay.own(self.marker)
        relay.own(self.root)
        # the root box's first children, before the tree's (st.set_page_config may add one)
        self.prefix: list[W.Widget] = [self.marker]
        self.sidebar_columns = "var(--nbstate-sidebar-width, 21rem) minmax(0, 1fr)"
        self.by_id: dict[str, Node] = {}
        self.held: dict[str, dict[str, Any]] = {}
        self.quiet: dict[str, Any] = {}  # values of on_change="ignore" widgets, not yet sent
        self.main: Node | None = None
        self._top: list[Node] = []
        self._created: list[Node] = []
        self._dirty: set[Node] = set()  # widgets the browser sent a value since the last pass
        self._trust = True  # the last pass completed: each node shows its ``el`` in full
        self._skip = False
        self.closed = False

    # -- reconciling ----------------------------------------------------------------------
    def update(self, tree: Element, *, partial: bool = False) -> None:
        """Show ``tree`` (an ``app`` element), changing only what differs from the last one.

        ``partial``: a run still under way (its progress); values the browser sent meanwhile
        are left for the run's final tree to settle.
        """
        if self.closed:
            return
        used: set[int] = set()
        dropped: list[Node] = []
        self._created = []
        trusted, self._trust = self._trust, False
        try:
            self._reconcile(tree, dropped, used, trusted, partial)
            self._trust = True
        except BaseException:
            # a binding failed half-way: close what this pass built and did not attach, so
            # a later update starts from what is shown (and no comm is left open)
            shown = {id(n) for top in self._top for n in top.walk()}
            for n in self._created:
                if id(n) not in shown:
                    if n.wid is not None and self.by_id.get(n.wid) is n:
                        del self.by_id[n.wid]
                    n.close()
            raise
        finally:
            self._created = []

    def _reconcile(self, tree: Element, dropped: list[Node], used: set[int],
                   trusted: bool, partial: bool = False) -> None:
        holder = _Holder(self._top, self.root)
        top = tree.children or []
        has_sidebar = any(c.type == "sidebar" for c in top)
        has_logo = any(c.type == "logo" for c in top)
        if has_sidebar or has_logo:
            # the logo (st.logo, pinned) and the sidebar come before the main area (in the
            # DOM too, for a narrow screen)
            order = {"notices": 0, "logo": 1, "sidebar": 2}
            top = sorted(top, key=lambda c: order.get(c.type, 3))
            tree = Element(tree.type, props=tree.props, children=top)
        self._skip = trusted
        apply_page(self, tree.props.get("page"), has_sidebar)
        self._sync_children(holder, tree, None, used, dropped, prefix=self.prefix)
        self._top = holder.children
        self.main = next((n for n in self._top if n.type == "main"), None)
        self._lay_out_sidebar(has_sidebar, has_logo)
        # what left its container and was not taken up elsewhere (a keyed widget may move)
        for gone in dropped:
            for n in gone.walk():
                if id(n) not in used:
                    if n.wid is not None and self.by_id.get(n.wid) is n:
                        del self.by_id[n.wid]
                    n.close()
        # a value the browser sent to a widget in a skipped subtree (refused by the core, or
        # not applied yet) is set back, as the full comparison would have done
        if not partial:
            for n in self._dirty:
                if not n.closed:
                    self._update(n, n.el)
            self._dirty.clear()
        for form, held in list(self.held.items()):
            for wid in list(held):
                if wid not in self.by_id:
                    del held[wid]
            if not held:
                del self.held[form]
        stale = bool(tree.props.get("stale"))
        marker = self.marker
        if marker.stale != stale or (marker.running and not partial):
            with marker.hold_sync():  # one message: the run is over, and is it stale?
                marker.stale = stale
                if not partial:
                    marker.running = False

    def _lay_out_sidebar(self, has_sidebar: bool, has_logo: bool = False) -> None:
        """With a sidebar, the app's box is a grid: the sidebar in a column beside the main
        area, as in Streamlit, under the logo if there is one. Traits that already hold
        these values send nothing."""
        lay = self.root.layout
        if not has_sidebar:
            if lay.display == "grid":
                with self.root.hold_sync():
                    lay.display = None
                    lay.grid_template_columns = None
                    lay.grid_template_areas = None
                    lay.grid_template_rows = None
            return
        with self.root.hold_sync():
            lay.display = "grid"
            lay.grid_template_columns = self.sidebar_columns
            if has_logo:  # the logo tops the sidebar's column; the main area spans both rows
                lay.grid_template_areas = ('"marker marker" "notices notices" "logo main" '
                                           '"sidebar main"')
                lay.grid_template_rows = "auto auto auto 1fr"
            else:
                lay.grid_template_areas = '"marker marker" "notices notices" "sidebar main"'
                lay.grid_template_rows = None
            lay.grid_gap = "0 1.5rem"
            own_layout(self.marker).grid_area = "marker"
            for n in self._top:
                if n.type in ("notices", "sidebar", "main", "logo"):
                    own_layout(n.widget).grid_area = n.type
                if n.type in ("sidebar", "logo"):
                    own_layout(n.widget).border_right = "1px solid #e6e6e6"
                    n.widget.layout.padding = "0 1rem 0 0"

    def _sync_children(self, node: Any, el: Element, form: str | None, used: set[int],
                       dropped: list[Node], prefix: Sequence[W.Widget] = ()) -> None:
        olds: list[Node] = node.children
        new: list[Node] = []
        at: dict[int, int] | None = None
        cursor = 0  # just after the old sibling matched last
        skip, nold = self._skip, len(olds)
        cn: Node | None
        for child in el.children or ():
            if skip and cursor < nold:
                cn = olds[cursor]
                if cn.el is child:
                    # the very element shown last time, at its place (what a fragment rerun
                    # left alone): nothing in it can differ, so its subtree is not visited.
                    # (Not marked used: ids are unique and keyless matches look from the
                    # cursor on, so nothing else can take it, unless the cursor goes back.)
                    cursor += 1
                    new.append(cn)
                    continue
            cn = self._match(child, olds, cursor, used)
            if cn is not None:
                if cursor < nold and olds[cursor] is cn:
                    cursor += 1
                else:
                    if at is None:
                        at = {id(o): k for k, o in enumerate(olds)}
                    if id(cn) in at:
                        if at[id(cn)] + 1 < cursor:  # a widget moved back: see above
                            used.update(id(n) for n in new)
                        cursor = at[id(cn)] + 1
                if skip and cn.el is child:  # the same, moved among its siblings
                    used.add(id(cn))
                    cn.form = form
                    new.append(cn)
                    continue
            binding = binding_for(child)
            if cn is not None and cn.binding is not binding:
                cn = None
            if cn is None:
                cn = self._create(child, binding, form, used, dropped)
                if child.children is not None:  # created with its children in it
                    used.add(id(cn))
                    cn.form = form
                    new.append(cn)
                    continue
            else:
                self._update(cn, child)
            used.add(id(cn))
            cn.form = form
            if child.children is not None:
                self._sync_children(cn, child, child.key if child.type == "form" else form,
                                    used, dropped)
            new.append(cn)
        # the same nodes in the same order (the usual case), after a pass that completed: the
        # box's children are as they were (Nodes compare by identity)
        same = skip and new == olds
        if not same:
            kept = {id(c) for c in new}
            dropped.extend(o for o in olds if id(o) not in kept)
        node.children = new
        if isinstance(node, _Pending):
            return  # its widget is made next, with these children
        inner = node.binding.inner(node.widget)
        widgets = [*prefix, *(c.widget for c in new)] if not same else None
        if widgets is not None and (len(inner.children) != len(widgets) or any(
                a is not b for a, b in zip(inner.children, widgets, strict=True))):
            extra = node.binding.child_traits(el)
            _apply(inner, {"children": widgets, **extra})
        else:
            extra = node.binding.child_traits(el)
            if extra:
                _apply(inner, {k: v for k, v in extra.items() if getattr(inner, k) != v})

    def _match(self, child: Element, olds: list[Node], cursor: int,
               used: set[int]) -> Node | None:
        if child.id is not None:
            cn = self.by_id.get(child.id) if child.children is None else None
            if cn is None:  # a container with an id (a form): by id among the siblings
                if cursor < len(olds) and olds[cursor].el.id == child.id:
                    cn = olds[cursor]
                else:
                    cn = next((o for o in olds if o.el.id == child.id), None)
        else:
            # a keyless element takes the next keyless old sibling after the last match, so a
            # widget added or removed before it does not shift it (no re-creation: no flicker)
            cn = next((olds[k] for k in range(cursor, len(olds))
                       if olds[k].el.id is None and id(olds[k]) not in used), None)
        if cn is None or cn.type != child.type or id(cn) in used or cn.closed:
            return None
        return cn

    def _create(self, el: Element, binding: Binding, form: str | None = None,
                used: set[int] | None = None, dropped: list[Node] | None = None) -> Node:
        kids: list[Node] | None = None
        if el.children is not None:
            # a container: its children first, then the container with them in its
            # comm_open (created empty and then filled, it would send one more message)
            pending = _Pending(binding)
            self._sync_children(pending, el, el.key if el.type == "form" else form,
                                used if used is not None else set(),
                                dropped if dropped is not None else [])
            kids = pending.children
            w = binding.create_with(el, [c.widget for c in kids])
            if w is None:
                w = binding.create(el)
                _apply(binding.inner(w), {"children": [c.widget for c in kids],
                                          **binding.child_traits(el)})
        else:
            w = binding.create(el)
        n = Node(binding, w, el)
        relay.own(w)  # (the browser's messages for it are handled on the main thread)
        if kids is not None:
            n.children = kids
        self._created.append(n)
        n.sent = dict(binding.traits(el))
        if n.wid is not None:
            self.by_id[n.wid] = n
            n.parts = binding.parts(w)
            keys = binding.value_keys
            n.front = [{k: getattr(p, k) for k in keys} for p in n.parts]
            n.front_value = n.kernel_value = el.props.get("value")
        elif el.props.get("buttons") is not None:
            # a display grid with keyed button columns: its clicks (GridBinding.on_custom)
            n.parts = binding.parts(w)
            n.front = [{} for _ in n.parts]
        for i, part in enumerate(n.parts):  # (the widgets whose messages carry its value)
            relay.own(part)
            part.comm.on_msg(self._handler(n, i))
        return n

    def _update(self, n: Node, el: Element) -> None:
        b = n.binding
        if n.el is el or same_props(n.el.props, el.props):
            changed = {}  # same props, same traits: skip rendering them again
        else:
            desired = _with_resets(n.widget, n.sent, b.traits(el))
            changed = {k: v for k, v in desired.items()
                       if not same(n.sent.get(k, _MISSING), v)}
            n.sent.update(changed)
        n.el = el
        if n.wid is None or not b.value_keys:
            if changed:
                _apply(n.widget, changed)
            return
        value = el.props.get("value")
        held = n.form is not None and n.wid in self.held.get(n.form, {})
        if held or same(value, n.kernel_value) and same(value, n.front_value):
            if changed:
                _apply(n.widget, changed)
            return
        # the browser shows something else (a kernel-side write, a refused value): send it;
        # or the browser already shows it (an accepted change): set it kernel-side silently
        show = not same(value, n.front_value)
        keys = b.value_keys
        per_part = b.value_traits(el, value)
        for i, part in enumerate(n.parts):
            traits = dict(changed) if part is n.widget else {}
            traits.update(per_part[i])
            if show:
                _apply(part, traits, force=keys)
            else:
                _apply(part, traits, silent=tuple(k for k in keys if k not in changed))
            n.front[i] = {k: getattr(part, k) for k in keys}
        if n.widget not in n.parts and changed:
            _apply(n.widget, changed)
        n.front_value = n.kernel_value = value

    # -- messages from the browser --------------------------------------------------------
    def _handler(self, n: Node, i: int) -> Callable[[dict], None]:
        def on_msg(msg: dict) -> None:
            try:
                self._on_msg(n, i, msg)
            except Exception as e:  # a bad message must not kill the comm
                # one line per bad message (a hostile client can send many); the traceback
                # only at debug level
                _log.warning("nbstate: a message for a %s widget was dropped: %s: %s",
                             n.type, type(e).__name__, e)
                _log.debug("traceback of the dropped message", exc_info=True)

        return on_msg

    def _on_msg(self, n: Node, i: int, msg: dict) -> None:
        part = n.parts[i]
        if n.closed or self.closed:
            return
        data = msg["content"]["data"]
        method = data.get("method")
        if method == "update":
            try:
                state = dict(data.get("state") or {})
                compat.put_buffers(state, data.get("buffer_paths") or [],
                                   msg.get("buffers") or [])
            except Exception as e:  # a malformed update: the core refuses it
                if n.binding.value_keys:  # (the browser's value is unchanged: nothing to undo)
                    self._changed(n, Unrecognized(f"a malformed update ({type(e).__name__})"))
                return
            values = {k: state.pop(k) for k in list(state) if k in n.binding.value_keys}
            # other traits the browser may set; names no trait has (a buffer path can even
            # make a key that is no string, on which set_state raises) are left out, and a
            # bad one does not keep the value from reaching the core
            rest = {k: v for k, v in state.items() if isinstance(k, str) and k in part.keys}
            if rest:
                try:
                    part.set_state(rest)
                except Exception as e:  # logged like any bad message
                    _log.warning("nbstate: traits of a %s widget were not set: %s: %s",
                                 n.type, type(e).__name__, e)
            if not values:
                return
            for k, raw in values.items():
                try:
                    n.front[i][k] = from_json(part, k, raw)
                except Exception:  # malformed: the core refuses it
                    n.front[i][k] = Unrecognized(repr(raw))
            value = n.binding.from_frontend(n.el, n.front)
            n.front_value = value
            self._dirty.add(n)
            self._changed(n, value)
        elif method == "custom":
            value = n.binding.on_custom(n.el, data.get("content"))
            if isinstance(value, ToWidget):  # (a grid's button column: its trigger widget)
                self._send([(value.wid, value.value)])
            elif value is NOTHING:
                compat.handle_msg(part, msg)
            elif not n.el.props.get("disabled"):
                self._changed(n, value)
        else:
            compat.handle_msg(part, msg)

    def _changed(self, n: Node, value: Any) -> None:
        wid = n.wid
        assert wid is not None  # only widgets report values
        if n.el.props.get("ignore") and n.binding.value_keys:
            # on_change="ignore" (st.data_editor): the value waits for the next rerun, which
            # it does not start itself
            self.quiet[wid] = value
            return
        if n.form is not None:
            if n.type == "form_submit_button":
                changes = list(self.held.pop(n.form, {}).items())
                changes.append((wid, value))
                self._send(changes)
            else:
                self.held.setdefault(n.form, {})[wid] = value
            return
        self._send([(wid, value)])

    def _send(self, changes: list[tuple[str, Any]]) -> None:
        if self.quiet:
            changes = [*self.quiet.items(), *changes]
            self.quiet.clear()
        self.send(changes)

    # -- closing --------------------------------------------------------------------------
    def close(self) -> None:
        """Close every widget of this output (the cell was re-executed or the app closed)."""
        if self.closed:
            return
        self.closed = True
        for top in self._top:
            for n in top.walk():
                n.close()
        self._top = []
        self.by_id.clear()
        self.held.clear()
        self.quiet.clear()
        for w in self.prefix:  # the stale marker, and the page config's widget if any
            close_widget(w)
        close_widget(self.root)

    def widget_count(self) -> int:
        """How many element nodes are displayed (for tests and diagnostics)."""
        return sum(1 for top in self._top for _ in top.walk())


class _Pending:
    """A container not made yet: its children are reconciled (created) first."""

    def __init__(self, binding: Binding) -> None:
        self.binding = binding
        self.children: list[Node] = []


class _Holder:
    """The root box as a node: its children are the tree's top containers."""

    binding = Box()

    def __init__(self, children: list[Node], widget: W.Box) -> None:
        self.children = children
        self.widget = widget
