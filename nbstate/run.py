"""The run loop: ``App``, ``Session`` and the context of the run under way.

``App.interact(changes)`` is the one way in for every frontend: validate the frontend values,
store them, run the changed widgets' callbacks, run the app code top to bottom, clean up.
It returns the run's element tree. Nothing here imports ipywidgets or IPython.

Example:
    >>> src = "import nbstate as st\\nst.write(st.slider('x', 0, 10, 3) * 2)"
    >>> app = App(src, session=Session())
    >>> tree = app.run()
    >>> [e.props.get("body") for e in tree.walk() if e.type == "markdown"]
    ['`6`']
"""

from __future__ import annotations

import linecache
import os
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from .autowrite import compile_app
from .elements import Element
from .errors import (
    DuplicateElementId,
    DuplicateElementKey,
    InvalidFormCallbackError,
    NoAppContextError,
    RefusedValue,
    RerunApp,
    StopApp,
    ValueAssignmentNotAllowedError,
)
from .identity import widget_id
from .state import SessionState, SessionStateProxy, WidgetState

_local = threading.local()
_PKG_DIR = os.path.dirname(os.path.abspath(__file__))


def current() -> RunContext | None:
    """The context of the run under way in this thread, or None."""
    return getattr(_local, "ctx", None)


def get_app_context() -> RunContext | None:
    """The run context of this thread (Streamlit's ``get_script_run_ctx``)."""
    return getattr(_local, "ctx", None)


def add_app_context(thread: threading.Thread, ctx: RunContext | None = None) -> threading.Thread:
    """Let ``thread`` call ``st.*`` on behalf of the current run (Streamlit's
    ``add_script_run_ctx``). Without it, ``st.*`` in a thread raises ``NoAppContextError``.

    Example:
        >>> t = threading.Thread(target=lambda: None)
        >>> add_app_context(t) is t
        True
    """
    ctx = ctx if ctx is not None else get_app_context()
    target_run = thread.run

    def run_with_context() -> None:
        _local.ctx = ctx
        try:
            target_run()
        finally:
            _local.ctx = None

    thread.run = run_with_context  # type: ignore[method-assign]
    return thread


def require(func: str) -> RunContext:
    ctx = getattr(_local, "ctx", None)
    if ctx is None:
        raise NoAppContextError(func)
    return ctx


class Session:
    """One user session (one kernel, or one AppTest): a store shared by its apps."""

    def __init__(self) -> None:
        self.store = SessionState()
        self.proxy = SessionStateProxy(self.store)
        self.apps: dict[str, App] = {}


_default_session: Session | None = None
_default_lock = threading.Lock()


def default_session() -> Session:
    """The session of plain notebook code (one kernel = one session)."""
    global _default_session
    if _default_session is None:
        with _default_lock:
            if _default_session is None:
                _default_session = Session()
    return _default_session


def active_store() -> SessionState:
    ctx = getattr(_local, "ctx", None)
    if ctx is not None:
        return ctx.store
    bound = getattr(_local, "session", None)
    return (bound or default_session()).store


class RunContext:
    """What one run builds: the element tree, the ids and keys seen, the form stack."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.store = app.session.store
        self.main = Element("main", children=[])
        self.sidebar: Element | None = None
        self.bottom: Element | None = None  # st.bottom (a chat input pins itself there)
        self.one_shot: list[Any] = []  # widget states that hold a value for this run only
        # set while flushing what a reader waits for (a stream's first chunk): a live
        # frontend shows it without its usual wait
        self.urgent = False
        self.stack: list[Element] = [self.main]
        self.ids: set[str] = set()
        self.keys: set[str] = set()
        # keys of the widgets and forms created so far: session-state writes to them are
        # refused (a container's key is no widget's and stays writable, as in Streamlit)
        self.frozen: set[str] = set()
        self.form: str | None = None
        self.form_info: dict[str, dict] = {}
        self.triggers: set[str] = set()
        self.fragment: str | None = None  # id of the fragment whose code is running
        self.fragments: dict[str, Fragment] = {}
        self._fragment_calls: dict[str, int] = {}
        self.sidebar_stack: list = []
        self.fragment_el: Element | None = None  # set for a fragment-only rerun

    def flush(self) -> None:
        """Let a live frontend show the run so far (progress bars, spinners, status): it is
        handed a function that builds the tree so far, called only if it shows it."""
        cb = self.app.on_flush
        if cb is not None:
            cb(self.tree_so_far)

    def tree_so_far(self) -> Element:
        return self.app._partial_root(self)

    def run_fragment(self, func: Callable, args: tuple, kwargs: dict) -> Any:
        """Run a fragment during a full run, recording it so it can rerun on its own."""
        if self.fragment is not None:  # a fragment inside a fragment is part of the outer one
            return func(*args, **kwargs)
        name = f"{func.__module__}.{func.__qualname__}"
        n = self._fragment_calls.get(name, 0)
        self._fragment_calls[name] = n + 1
        fid = f"fragment-{name}-{n}"
        # the root's children are notices, main, sidebar; the stack starts at main
        stack = self.stack
        in_sidebar = len(stack) > 1 and stack[1] is self.sidebar
        if in_sidebar:
            stack = stack[1:]
        path = [2 if in_sidebar else 1]
        for parent, child in zip(stack, stack[1:], strict=False):
            path.extend(_path_to(parent, child))
        path.append(len(stack[-1].children))
        el = self.emit(Element("fragment", id=fid, children=[]))
        self.fragments[fid] = Fragment(fid, func, args, kwargs, path)
        self.push(el)
        self.fragment = fid
        try:
            return func(*args, **kwargs)
        finally:
            self.fragment = None
            self.pop(el)

    # -- elements -----------------------------------------------------------------------
    def emit(self, el: Element) -> Element:
        self.stack[-1].children.append(el)
        if self.app.on_flush is not None:
            self.flush()  # a live frontend shows output as it comes (it throttles)
        return el

    def check_key(self, key: str | None, *, freeze: bool = False) -> None:
        """Claim a user key for an element of this run (any element, not only widgets);
        ``freeze``: session state may no longer set it in this run (a form's key)."""
        if key is not None:
            if key in self.keys:
                raise DuplicateElementKey(key)
            self.keys.add(key)
            if freeze:
                self.frozen.add(key)

    # -- widgets ------------------------------------------------------------------------
    def widget(self, kind: Any, label: Any, key: str | None, ident: tuple, props: dict,
               default: Any, value_given: bool = False, callback: Callable | None = None,
               args: Iterable | None = None, kwargs: Mapping | None = None) -> Any:
        """Register one widget call of this run and return its current value."""
        name = kind.name
        form = self.form
        if form is not None and callback is not None and not kind.submit:
            raise InvalidFormCallbackError(name, label, key)
        # each app owns its widgets: the same call in two apps of one session (two cells with
        # st.button("Go")) makes two widgets
        wid = widget_id(name, key, ident, (self.app.name, form))
        if wid in self.ids:
            if key is not None:
                raise DuplicateElementKey(key)
            raise DuplicateElementId(name, label)
        if key is not None and key in self.keys:
            raise DuplicateElementKey(key)
        store = self.store
        rec = store.widgets.get(wid)
        from_api = key is not None and key in store.api_writes
        if from_api:
            if not kind.settable:
                raise ValueAssignmentNotAllowedError(key)
            value = kind.from_state(props, store.values[key], default, label, key)
            if value_given and key not in store.warned:
                store.warned.add(key)
                self.emit(Element("warning", props={"body": (
                    f'The widget with key "{key}" was created with a default value but also '
                    "had its value set via the Session State API.")}))
        elif rec is not None:
            value = rec.value
        else:
            value = default
        if value is None:
            # emptied through session state: the frontend shows it empty and may send None
            props["allow_none"] = True
        if rec is None:
            rec = WidgetState(wid, kind, key, label, props, value, default, self.app, form)
            store.widgets[wid] = rec
            self.app.widget_ids.add(wid)
        else:
            rec.spec = props
            rec.value = value
            rec.default = default
        rec.fragment = self.fragment
        if self.fragment is not None and self.fragment in self.fragments:
            self.fragments[self.fragment].widget_ids.add(wid)
        rec.callback = callback
        rec.args = tuple(args) if args else ()
        rec.kwargs = dict(kwargs) if kwargs else {}
        if key is not None:
            self.keys.add(key)
            self.frozen.add(key)
            owner = store.key_owner.get(key)
            if owner is not None and owner != wid:
                other = store.widgets.get(owner)
                if other is not None and other.app is not self.app:
                    # one session, two apps: both widgets would write the same key
                    self.emit(Element("warning", props={"body": (
                        f'The key "{key}" is also used by a widget of the app '
                        f'"{other.app.name}": both share st.session_state["{key}"] and the '
                        "last one to run sets it. Give each widget its own key.")}))
            store.key_owner[key] = wid
            store.sync_widget(key, value)
        self.ids.add(wid)
        if form is not None:
            info = self.form_info[form]
            info["widgets"].append(wid)
            if kind.submit:
                info["submit"] = True
        props["value"] = value
        self.emit(Element(name, wid, key, props))
        return value

    # -- containers ---------------------------------------------------------------------
    def push(self, el: Element) -> None:
        self.stack.append(el)

    def pop(self, el: Element) -> None:
        # tolerate out-of-order exits after an exception unwound several `with` blocks
        while len(self.stack) > 1:
            if self.stack.pop() is el:
                break


class Fragment:
    """A fragment met during the last full run: what to call to rerun it alone."""

    __slots__ = ("id", "func", "args", "kwargs", "path", "widget_ids")

    def __init__(self, fid: str, func: Callable, args: tuple, kwargs: dict,
                 path: list[int]) -> None:
        self.id = fid
        self.func = func
        self.args = args
        self.kwargs = kwargs
        # child indices from the app's root element down to the fragment: stable, because a
        # run only appends after a container it has entered
        self.path = path
        self.widget_ids: set[str] = set()  # the widgets its latest run rendered


class App:
    """An app: code plus the widgets it owns, run again on every interaction.

    Example:
        >>> app = App("import nbstate as st\\nst.text('hi')", session=Session())
        >>> app.run().children[1].children[0].props["body"]
        'hi'
    """

    def __init__(self, target: str | Callable, *, name: str | None = None,
                 session: Session | None = None, namespace: dict | None = None,
                 filename: str | None = None, args: tuple = (), kwargs: dict | None = None,
                 fresh_namespace: bool | None = None) -> None:
        self.session = session or default_session()
        self.name = name or f"app{len(self.session.apps) + 1}"
        self.args = args
        self.kwargs = kwargs or {}
        self.widget_ids: set[str] = set()
        self.tree: Element | None = None
        self.notices: list[Element] = []
        self.runs = 0
        self.running = False
        self.deadline: float | None = None  # perf_counter() time; AppTest's run timeout
        # a live frontend's hook to show a run in progress: called at each element emitted or
        # changed, with a function that builds the tree so far (the frontend throttles)
        self.on_flush: Callable[[Callable[[], Element]], None] | None = None
        # a live kernel shows an interrupt (the stop button) like any error and stays live;
        # headless callers want Ctrl-C to stop them
        self.catch_interrupts = False
        self.fragments: dict[str, Fragment] = {}
        self.filename = filename or f"<nbstate app {self.name}>"
        self.fresh_namespace = namespace is None if fresh_namespace is None else fresh_namespace
        self._namespace = namespace if namespace is not None else {}
        self.set_target(target)
        self.session.apps[self.name] = self

    def set_target(self, target: str | Callable) -> None:
        """Give the app new code (an edited cell); state and widgets are kept."""
        if callable(target):
            self.func: Callable | None = target
            self.code = None
        else:
            self.func = None
            source = target if target.endswith("\n") else target + "\n"
            # so tracebacks can quote the user's lines
            linecache.cache[self.filename] = (len(source), None, source.splitlines(True),
                                              self.filename)
            # bare expressions are shown, as Streamlit's magic does
            self.code = compile_app(source, self.filename)

    # -- the one way in ---------------------------------------------------------------
    def run(self) -> Element:
        """A run with no frontend change (first run, cell re-executed, AppTest.run())."""
        return self.interact(())

    def interact(self, changes: Mapping[str, Any] | Iterable[tuple[str, Any]]) -> Element:
        """Apply frontend values ``{widget id: value}``, run callbacks, rerun; return the tree.

        A value a widget cannot take is refused (a warning element names the widget) and,
        if nothing else changed, no rerun happens.
        """
        if isinstance(changes, Mapping):
            changes = changes.items()
        store = self.session.store
        ctx = RunContext(self)
        # a burst may carry several values for one widget: each is checked in arrival order,
        # the last valid one stays, and the widget's callback runs once, at its first arrival
        arrived: dict[str, WidgetState] = {}
        before: dict[str, Any] = {}
        refused: list[Element] = []
        submitted: list[str] = []
        for wid, raw in changes:
            rec = store.widgets.get(wid)
            if rec is None or rec.app is not self:
                refused.append(Element("warning", props={"body": (
                    f"An update for widget {wid!r} was ignored: that widget no longer exists "
                    "in this app (it was cleaned up or the app was re-executed).")}))
                continue
            kind = rec.kind
            if rec.spec.get("disabled"):
                # a disabled widget takes no input in any real frontend
                refused.append(Element("warning", props={
                    "body": _refusal(rec, raw, "the widget is disabled")}))
                continue
            try:
                value = kind.check(rec.spec, raw)
            except RefusedValue as r:
                refused.append(Element("warning", props={"body": _refusal(rec, raw, r.reason)}))
                continue
            except Exception as e:  # noqa: BLE001 - a value no check foresaw is refused too
                reason = f"it could not be checked ({type(e).__name__}: {e})"
                refused.append(Element("warning", props={"body": _refusal(rec, raw, reason)}))
                continue
            if kind.button_like:
                if value and wid not in ctx.triggers:
                    ctx.triggers.add(wid)
                    arrived[wid] = rec
                    if kind.submit and rec.form is not None:
                        submitted.append(rec.form)
                continue
            if wid not in before:
                before[wid] = rec.value
                arrived[wid] = rec
            rec.value = value
            if rec.key is not None:
                store.sync_widget(rec.key, value)
        applied = [rec for wid, rec in arrived.items()
                   if wid in ctx.triggers or not _same(before[wid], rec.value)]
        self.notices = refused
        if refused and not applied and self.tree is not None:
            # every change was refused: no callbacks, no rerun; show why. (Valid values equal
            # to the current ones still rerun, as Streamlit's AppTest.run() always does.)
            self.tree = self._root(self.tree.children[1], stale=False)
            return self.tree

        frags = {rec.fragment for rec in applied}
        fid = frags.pop() if len(frags) == 1 else None
        if fid is not None and fid in self.fragments and self.tree is not None:
            # a change inside a fragment reruns only that fragment
            ctx.fragment_el = Element("fragment", id=fid, children=[])
            ctx.stack = [ctx.fragment_el]
            ctx.fragment = fid

        self.running = True
        _local_ctx_prev = getattr(_local, "ctx", None)
        try:
            # button-like widgets are True for the single run after the click
            for rec in applied:
                if rec.id in ctx.triggers:
                    rec.value = True
                    if rec.key is not None:
                        store.sync_widget(rec.key, True)
            _local.ctx = ctx
            for rec in applied:
                if rec.callback is None:
                    continue
                try:
                    rec.callback(*rec.args, **rec.kwargs)
                except (RerunApp, StopApp):
                    pass  # as in Streamlit: st.rerun()/st.stop() in a callback is a no-op
                except (Exception, KeyboardInterrupt) as e:  # noqa: BLE001 - shown, app stays live
                    if isinstance(e, KeyboardInterrupt) and not self.catch_interrupts:
                        raise
                    ctx.main.children.append(exception_element(e))
                    self._reset_triggers(ctx)
                    prev = self.tree.children[1].children if self.tree is not None else []
                    # the stale elements show the values that were applied before the error
                    ctx.main.children.extend(_current_values(prev, store.widgets))
                    self.tree = self._root(ctx.main, stale=True)
                    return self.tree
            if ctx.fragment_el is not None:
                done = self._exec_fragment(ctx)
                if done is not None:
                    self.tree = done
                    return done
                ctx = RunContext(self)  # the fragment asked for a full rerun
                _local.ctx = ctx
            while True:
                rerun = self._exec(ctx)
                self._reset_triggers(ctx)
                if not rerun:
                    break
                if self.deadline is not None and time.perf_counter() > self.deadline:
                    raise TimeoutError(
                        f"App {self.name!r} kept calling st.rerun() past its timeout.")
                ctx = RunContext(self)
                _local.ctx = ctx
            for form in submitted:
                self._clear_form(ctx, form)
        finally:
            _local.ctx = _local_ctx_prev
            store.frozen = set()
            self.running = False
        self.tree = self._root(ctx.main, sidebar=ctx.sidebar)
        return self.tree

    # -- pieces -----------------------------------------------------------------------
    def _exec_fragment(self, ctx: RunContext) -> Element | None:
        """Rerun one fragment and splice it into the last tree; None if a full rerun is due."""
        store = self.session.store
        frag = self.fragments[ctx.fragment]
        while True:
            completed, scope = self._guarded(ctx, lambda: frag.func(*frag.args, **frag.kwargs))
            if scope == "app":
                self._reset_triggers(ctx)
                return None
            again = scope == "fragment"
            if completed:
                # cleanup looks only at this fragment's widgets: its cost must not grow
                # with the rest of the app
                gone = frag.widget_ids - ctx.ids
                for wid in gone:
                    rec = store.widgets.get(wid)
                    if rec is not None:
                        store.forget_widget(rec)
                self.widget_ids -= gone
                frag.widget_ids = set(ctx.ids)
            self._reset_triggers(ctx)
            _end_run(ctx)
            if not again:
                break
            fresh = RunContext(self)
            fresh.fragment_el = Element("fragment", id=frag.id, children=[])
            fresh.stack = [fresh.fragment_el]
            fresh.fragment = frag.id
            ctx = fresh
            _local.ctx = ctx
        return self._splice(ctx.fragment_el)

    def _splice(self, frag_el: Element) -> Element:
        """The last tree with one fragment replaced; untouched subtrees are shared, so a
        frontend compares nothing outside the fragment."""
        tree = self.tree
        path = self.fragments[frag_el.id].path
        chain = [tree]
        try:
            for i in path:
                chain.append(chain[-1].children[i])
        except (IndexError, TypeError):
            return tree  # the tree changed shape since: nothing to splice
        old = chain[-1]
        if old.type != "fragment" or old.id != frag_el.id:
            return tree
        new_child = frag_el
        for parent, i in zip(reversed(chain[:-1]), reversed(path), strict=True):
            kids = list(parent.children)
            kids[i] = new_child
            new_child = Element(parent.type, parent.id, parent.key, parent.props, kids)
        new_child.children[0] = Element("notices", children=list(self.notices))
        return new_child

    def _partial_root(self, ctx: RunContext) -> Element:
        if ctx.fragment_el is not None and self.tree is not None:
            return self._splice(ctx.fragment_el)
        main = ctx.main
        if ctx.bottom is not None and (not main.children or main.children[-1] is not ctx.bottom):
            main = Element("main", children=[*main.children, ctx.bottom])
        return self._root(main, sidebar=ctx.sidebar)

    def _exec(self, ctx: RunContext) -> bool:
        """Run the code once; clean up if it completed. True if it asked for a rerun."""
        completed, scope = self._guarded(ctx, self._call_code)
        rerun = scope is not None
        for info in ctx.form_info.values():
            if not info["submit"]:
                ctx.emit(missing_submit_element(info["key"]))
        if completed:
            self._cleanup(ctx)
        self.fragments = ctx.fragments
        _end_run(ctx)
        if ctx.bottom is not None:
            ctx.main.children.append(ctx.bottom)
        return rerun

    def _call_code(self) -> None:
        if self.func is not None:
            self.func(*self.args, **self.kwargs)
        else:
            ns = self._namespace
            if self.fresh_namespace:
                ns = {"__name__": "__main__", "__file__": self.filename}
            exec(self.code, ns)  # noqa: S102 - running the user's app is the point

    def _guarded(self, ctx: RunContext, call: Callable[[], Any]) -> tuple[bool, str | None]:
        """Run user code once: (completed, the scope of an ``st.rerun()`` or None).

        An exception becomes an exception element where the run stopped; ``st.stop()`` ends
        the run quietly; neither counts as completed, so no cleanup follows."""
        store = self.session.store
        store.frozen = ctx.frozen
        self.runs += 1
        try:
            call()
            return True, None
        except RerunApp as r:
            return True, r.scope
        except StopApp:
            return False, None
        except (Exception, KeyboardInterrupt) as e:  # noqa: BLE001 - shown, app stays live
            if isinstance(e, KeyboardInterrupt) and not self.catch_interrupts:
                raise
            del ctx.stack[1:]
            ctx.emit(exception_element(e))
            return False, None
        finally:
            store.frozen = set()

    def _cleanup(self, ctx: RunContext) -> None:
        store = self.session.store
        gone = self.widget_ids - ctx.ids
        if gone:
            for wid in gone:
                rec = store.widgets.get(wid)
                if rec is not None:
                    store.forget_widget(rec)
            self.widget_ids -= gone

    def _reset_triggers(self, ctx: RunContext) -> None:
        store = self.session.store
        for wid in ctx.triggers:
            rec = store.widgets.get(wid)
            if rec is not None:
                rec.value = False
                if rec.key is not None and store.key_owner.get(rec.key) == wid:
                    store.sync_widget(rec.key, False)
        # the next tree shows buttons as not pressed
        ctx.triggers = set()

    def _clear_form(self, ctx: RunContext, form: str) -> None:
        info = ctx.form_info.get(form)
        if info is None or not info["clear"]:
            return
        store = self.session.store
        reset = {}
        for wid in info["widgets"]:
            rec = store.widgets.get(wid)
            if rec is None or rec.kind.button_like:
                continue
            rec.value = rec.default
            if rec.key is not None:
                store.sync_widget(rec.key, rec.default)
            reset[wid] = rec.default
        for el in ctx.main.walk():
            if el.id in reset:
                el.props["value"] = reset[el.id]

    def _root(self, main: Element, *, stale: bool = False,
              sidebar: Element | None = None) -> Element:
        children = [Element("notices", children=list(self.notices)), main]
        if sidebar is not None:
            children.append(sidebar)
        return Element("app", props={"name": self.name, "stale": stale}, children=children)

    def close(self) -> None:
        """Forget every widget of this app (the cell was re-executed elsewhere or closed)."""
        store = self.session.store
        for wid in list(self.widget_ids):
            rec = store.widgets.get(wid)
            if rec is not None:
                store.forget_widget(rec)
        self.widget_ids.clear()
        if self.session.apps.get(self.name) is self:
            del self.session.apps[self.name]


def _end_run(ctx: RunContext) -> None:
    """A value for one run only (a chat input's submitted text) is None afterwards."""
    store = ctx.store
    for rec in ctx.one_shot:
        rec.value = None
        if rec.key is not None and store.key_owner.get(rec.key) == rec.id:
            store.sync_widget(rec.key, None)
    ctx.one_shot = []


def _path_to(parent: Element, target: Element) -> list[int]:
    """Child indices from ``parent`` down to ``target`` (a container entered with ``with``,
    perhaps inside a columns row or tabs group). Searched from the end: it is usually recent."""
    kids = parent.children or []
    for i in range(len(kids) - 1, -1, -1):
        k = kids[i]
        if k is target:
            return [i]
        if k.children:
            try:
                return [i, *_path_to(k, target)]
            except LookupError:
                continue
    raise LookupError("container not found under its parent")


def _current_values(children: list[Element], widgets: dict) -> list[Element]:
    """``children`` with every widget showing its widget state's current value. Changed
    elements (and the containers above them) are copies: the earlier tree stays as it was."""
    out: list[Element] = []
    changed = False
    for el in children:
        new = el
        rec = widgets.get(el.id) if el.id is not None else None
        if rec is not None and "value" in el.props and not _same(el.props["value"], rec.value):
            new = Element(el.type, el.id, el.key, {**el.props, "value": rec.value}, el.children)
        if el.children:
            kids = _current_values(el.children, widgets)
            if kids is not el.children:
                new = Element(new.type, new.id, new.key, new.props, kids)
        changed = changed or new is not el
        out.append(new)
    return out if changed else children


def _same(a: Any, b: Any) -> bool:
    if a is b:
        return True
    try:
        return bool(a == b) and type(a) is type(b)
    except Exception:  # noqa: BLE001 - objects whose == misbehaves count as changed
        return False


def describe_widget(rec: WidgetState) -> str:
    out = f'`st.{rec.kind.name}` "{rec.label}"'
    if rec.key is not None:
        out += f' (key "{rec.key}")'
    return out


def _refusal(rec: WidgetState, raw: Any, reason: str) -> str:
    try:
        shown = repr(raw)
    except Exception:  # noqa: BLE001 - e.g. an int too long to print
        shown = f"<a {type(raw).__name__} that cannot be shown>"
    if len(shown) > 80:
        shown = shown[:77] + "..."
    return (f"{describe_widget(rec)} refused the value {shown} from the frontend: {reason}. "
            f"It keeps its value {rec.value!r}.")


def exception_element(e: BaseException) -> Element:
    """An exception element: type, message and the traceback trimmed to the user's code."""
    frames = [f for f in traceback.extract_tb(e.__traceback__)
              if not os.path.abspath(f.filename).startswith(_PKG_DIR)]
    stack = traceback.format_list(frames)
    try:
        message = str(e)
    except Exception:  # noqa: BLE001 - an exception whose str() fails still shows
        message = f"<{type(e).__name__}: str() failed>"
    name = getattr(type(e), "display_type", type(e).__name__)
    return Element("exception", props={"type": name, "message": message,
                                       "stack_trace": [s.rstrip("\n") for s in stack],
                                       "is_warning": False})


def missing_submit_element(form_key: str) -> Element:
    return Element("exception", props={
        "type": "MissingSubmitButtonError",
        "message": (
            f"Missing Submit Button\n\nThis form (key \"{form_key}\") has no submit button, "
            "which means that user interactions will never be sent to your app.\n\nTo create "
            "a submit button, use the `st.form_submit_button()` function inside the form."),
        "stack_trace": [], "is_warning": False})
