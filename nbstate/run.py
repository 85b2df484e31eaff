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

import copy
import linecache
import os
import sys
import threading
import time
import traceback
import uuid
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from .autowrite import compile_app
from .elements import Element, same  # type-strict: 1.0 after 1 is a change (callbacks fire)
from .errors import (
    DuplicateElementId,
    DuplicateElementKey,
    InvalidFormCallbackError,
    MarkdownFormattedException,
    NoAppContextError,
    RefusedValue,
    RerunApp,
    StopApp,
    ValueAssignmentNotAllowedError,
    short_repr,
)
from .identity import hashable, widget_id
from .options import coerce_enum
from .state import SessionState, SessionStateProxy, WidgetState, fresh

_UNSET: Any = WidgetState.UNSET

#: props that Streamlit 1.67 hashes into a keyless widget's id besides the ones every
#: widget function puts in ``ident`` (label, options, min/max/step, format, max_chars...)
KEYLESS_PROPS = ("help", "width", "placeholder", "icon", "type", "horizontal", "captions",
                 "height", "autocomplete", "file_name", "mime")

_local = threading.local()
_PKG_DIR = os.path.dirname(os.path.abspath(__file__))

#: functions that add to the props of each tree's root (``hook(app, props)``): page-level
#: state kept outside the run, as the URL query of ``st.query_params`` (page.py)
ROOT_HOOKS: list[Callable[[App, dict[str, Any]], None]] = []

#: functions that may run a script app's code their own way: ``runner(app, run_script)``
#: returns True if it ran it (calling ``run_script`` or not), as the page menu of a script
#: beside a ``pages/`` folder does (pages_dir.py)
SCRIPT_RUNNERS: list[Callable[[App, Callable[[], None]], bool]] = []


def current() -> RunContext | None:
    """The context of the run under way in this thread, or None (also when the run this
    thread was given has ended)."""
    ctx = getattr(_local, "ctx", None)
    return None if ctx is None or ctx.over[0] else ctx


def add_app_context(thread: threading.Thread, ctx: RunContext | None = None) -> threading.Thread:
    """Let ``thread`` call ``st.*`` on behalf of the current run (Streamlit's
    ``add_script_run_ctx``). Without it, ``st.*`` in a thread raises ``NoAppContextError``.

    Example:
        >>> t = threading.Thread(target=lambda: None)
        >>> add_app_context(t) is t
        True
    """
    ctx = ctx if ctx is not None else current()
    target_run = thread.run

    def run_with_context() -> None:
        # the thread's own view of the run: its `with st.expander()` must not capture the
        # main thread's output, nor the main thread's its
        _local.ctx = ctx.for_thread() if ctx is not None else None
        try:
            target_run()
        finally:
            _local.ctx = None

    thread.run = run_with_context  # type: ignore[method-assign]
    return thread


def require(func: str) -> RunContext:
    ctx = getattr(_local, "ctx", None)
    if ctx is None or ctx.over[0]:
        # (a thread given the context of a run that has ended would write into nothing)
        raise NoAppContextError(func, ended=ctx is not None)
    return ctx


class Session:
    """One user session (one kernel, or one AppTest): a store shared by its apps."""

    def __init__(self) -> None:
        self.store = SessionState()
        self.proxy = SessionStateProxy(self.store)
        self.apps: dict[str, App] = {}
        self.id = uuid.uuid4().hex  # Streamlit's session id (ScriptRunContext.session_id)


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
        self.main.path = ("main",)
        self.sidebar: Element | None = None
        self.bottom: Element | None = None  # st.bottom (a chat input pins itself there)
        self.logo: Element | None = None  # st.logo's last call: pinned at the app's top
        self.one_shot: list[Any] = []  # widget states that hold a value for this run only
        # set while flushing what a reader waits for (a stream's first chunk): a live
        # frontend shows it without its usual wait
        self.urgent = False
        self.stack: list[Element] = [self.main]
        # widget ids of this run -> their position: the order callbacks run in next time
        self.ids: dict[str, int] = {}
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
        self.dialog_open: str | None = None  # the title of the dialog this run opened
        # > 0 while a container's method runs (`c.toast(...)`): what Streamlit sends to its
        # event block when called as `st.toast` stays in the container then
        self.by_method = 0
        self.events = 0  # elements of Streamlit's event block so far (see ``event_order``)
        # "callbacks" while the changed widgets' callbacks run, before the app code
        self.phase = "run"
        # what callbacks wrote into containers of the last run, by the container's path:
        # it opens the container of the same path in this run (as Streamlit's deltas do)
        self.pending: dict[tuple, Element] = {}
        # > 0 while an element handle builds the element that replaces its own: the tree is
        # shown again once the new element is in place, not half-way
        self.hold_flush = 0
        # set once the app's code of this run has returned: threads that outlive the run
        # get NoAppContextError (shared with the threads' views of this context)
        self.over = [False]

    def event_order(self) -> int:
        """The place of an element Streamlit puts in its event block, outside the page's
        flow (``st.toast``, a dialog, style-only ``st.html``), among this run's others: the
        element stays where the run is (frontends float toasts and dialogs), ``AppTest``
        lists it in that block, in this order, as Streamlit's does."""
        self.events += 1
        return self.events

    @property
    def session_id(self) -> str:
        """The session's id, as Streamlit's ``ScriptRunContext.session_id``."""
        return self.app.session.id

    def for_thread(self) -> RunContext:
        """This run as a thread given its context sees it: the same elements, ids, keys and
        state, but a container stack of its own, starting at the run's top container."""
        view = copy.copy(self)
        view.stack = [self.stack[0]]
        view.sidebar_stack = []
        view.form = None
        return view

    def flush(self) -> None:
        """Let a live frontend show the run so far (progress bars, spinners, status): it is
        handed a function that builds the tree so far, called only if it shows it."""
        cb = self.app.on_flush
        if cb is not None and not self.hold_flush:
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
        path.append(len(stack[-1].contents))
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
        parent = self.stack[-1]
        if parent.type == "empty":
            # `with st.empty():` shows one element: each write replaces the last
            parent.contents.clear()
        self.place(parent, el)
        if self.app.on_flush is not None:
            self.flush()  # a live frontend shows output as it comes (it throttles)
        return el

    def place(self, parent: Element, el: Element) -> Element:
        """Append ``el`` to ``parent`` (a container's own parts, as the columns of a row,
        are placed directly)."""
        kids = parent.contents
        if el.children is not None:
            # a container remembers where it stands, so a callback of the next run can
            # write into it (see ``adopt``)
            el.path = (*parent.path, len(kids)) if parent.path is not None else None
            if self.pending and el.path in self.pending:
                el.children.extend(self.pending.pop(el.path).contents)
        kids.append(el)
        return el

    def adopt(self, old: Element) -> Element | None:
        """The element a callback writes to for ``old``, a container of the last run: its
        elements open the container of the same place in this run. None outside callbacks
        (a container of an earlier run cannot be written to from the app code)."""
        if self.phase != "callbacks" or old.path is None:
            return None
        el = self.pending.get(old.path)
        if el is None:
            el = self.pending[old.path] = Element(old.type, props={}, children=[])
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
               default: Any, value_given: bool = False,
               callback: Callable | str | None = None,
               args: Iterable | None = None, kwargs: Mapping | None = None,
               id_default: Any = _UNSET, format_func: Callable | None = None) -> Any:
        """Register one widget call of this run and return (a copy of) its current value.

        ``ident``: the parameters that make a keyed widget; a keyless one adds its default
        (``id_default`` where the argument differs from the value, as ``"now"``) and the
        other parameters Streamlit hashes (SPEC §4). ``format_func``: a choice widget's, kept
        on its record for tests (``AppTest``'s ``format_func``), as Streamlit keeps it."""
        name = kind.name
        form = self.form
        # a widget's on_change/on_click: a function, or one of 1.67's modes
        if callback is not None and not callable(callback):
            if callback == "ignore":  # 1.67: a change is stored without a rerun (live)
                props["no_rerun"] = True
            callback = None  # "rerun"/"ignore" (1.67's on_change modes): no function to call
        if form is not None and callback is not None and not kind.submit:
            raise InvalidFormCallbackError(name, label, key)
        wid = self.id_for(name, key, ident, props,
                              default if id_default is _UNSET else id_default)
        if wid in self.ids:
            if key is not None:
                raise DuplicateElementKey(key)
            raise DuplicateElementId(name, label)
        if key is not None and key in self.keys:
            raise DuplicateElementKey(key)
        store = self.store
        rec = store.widgets.get(wid)
        value = self._value_of(kind, rec, key, props, default, value_given, label)
        if value is not None and "options" in props:
            value = coerce_enum(value, props["options"])
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
        # (a choice widget given no format_func shows str() of its options)
        rec.format_func = format_func or (str if "labels" in props else None)
        rec.args = tuple(args) if args else ()
        rec.kwargs = dict(kwargs) if kwargs else {}
        if key is not None:
            self._claim(key, wid, value)
        self.ids[wid] = len(self.ids)
        if form is not None:
            info = self.form_info[form]
            info["widgets"].append(wid)
            if kind.submit:
                info["submit"] = True
        # a form cleared on submit shows its defaults while the submitted values stay
        props["value"] = value if rec.shown is _UNSET else rec.shown
        self.emit(Element(name, wid, key, props, [] if kind.container else None))
        return fresh(value)

    def id_for(self, name: str, key: str | None, ident: tuple, props: dict,
               default: Any) -> str:
        """The id the widget call ``name(..., key=key)`` gets in this run (SPEC §4)."""
        if key is None:
            # each of the main area and the sidebar may hold the same keyless widget
            side = self.sidebar is not None and any(e is self.sidebar for e in self.stack)
            ident = (*ident, hashable(default), side,
                     *[hashable(props.get(p)) for p in KEYLESS_PROPS])
        # each app owns its widgets: the same call in two apps of one session (two cells with
        # st.button("Go")) makes two widgets
        return widget_id(name, key, ident, (self.app.name, self.form))

    def _value_of(self, kind: Any, rec: WidgetState | None, key: str | None, props: dict,
                  default: Any, value_given: bool, label: Any) -> Any:
        """The value a widget call shows: written through session state, else kept from
        the last run, else the default."""
        store = self.store
        if key is not None and key in store.api_writes:
            if not kind.settable:
                raise ValueAssignmentNotAllowedError(key)
            value = kind.from_state(props, store.values[key], default, label, key)
            if value_given and key not in store.warned:
                store.warned.add(key)
                self.emit(_warning(
                    f'The widget with key "{key}" was created with a default value but also '
                    "had its value set via the Session State API."))
            return value
        return rec.value if rec is not None else default

    def _claim(self, key: str, wid: str, value: Any) -> None:
        """A keyed widget takes its key: frozen for this run, mirrored in session state."""
        store = self.store
        self.keys.add(key)
        self.frozen.add(key)
        owner = store.key_owner.get(key)
        if owner is not None and owner != wid:
            other = store.widgets.get(owner)
            if other is not None and other.app is not self.app:
                # one session, two apps: both widgets would write the same key
                self.emit(_warning(
                    f'The key "{key}" is also used by a widget of the app '
                    f'"{other.app.name}": both share st.session_state["{key}"] and the '
                    "last one to run sets it. Give each widget its own key."))
        store.key_owner[key] = wid
        store.sync_widget(key, value)

    # -- containers ---------------------------------------------------------------------
    def push(self, el: Element) -> None:
        self.stack.append(el)

    def pop(self, el: Element) -> None:
        # tolerate out-of-order exits after an exception unwound several `with` blocks
        while len(self.stack) > 1:
            if self.stack.pop() is el:
                break


class _Batch:
    """What one interaction brought: the widgets whose value changed (in the app's order),
    the warnings of refused values, the forms submitted."""

    __slots__ = ("applied", "refused", "submitted")

    def __init__(self) -> None:
        self.applied: list[WidgetState] = []
        self.refused: list[Element] = []
        self.submitted: list[str] = []


def _check(rec: WidgetState, raw: Any) -> Any:
    """A frontend value as the widget takes it, or ``RefusedValue``."""
    spec = rec.spec
    if spec.get("disabled"):
        # a disabled widget takes no input in any real frontend
        raise RefusedValue("the widget is disabled")
    if spec.get("required") and (raw is None or raw == [] or (
            isinstance(raw, str) and not raw.strip())):
        # required=True (1.67): an empty value is not committed; the widget keeps its last
        raise RefusedValue("a value is required (required=True)")
    try:
        return rec.kind.check(rec.spec, raw)
    except RefusedValue:
        raise
    except Exception as e:  # a value no check foresaw is refused too
        raise RefusedValue(f"it could not be checked ({type(e).__name__}: {e})") from None


def _warning(body: str) -> Element:
    return Element("warning", props={"body": body})


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
        #: the exception that ended the app's last run of its code (None if it did not raise);
        #: a headless cell run fails with it (``frontends/ipy.py``)
        self.last_error: BaseException | None = None
        self.running = False
        self.deadline: float | None = None  # perf_counter() time; AppTest's run timeout
        # a live frontend's hook to show a run in progress: called at each element emitted or
        # changed, with a function that builds the tree so far (the frontend throttles)
        self.on_flush: Callable[[Callable[[], Element]], None] | None = None
        # a live kernel shows an interrupt (the stop button) like any error and stays live;
        # headless callers want Ctrl-C to stop them
        self.catch_interrupts = False
        # a live frontend stores changes of on_change="ignore" widgets without a rerun;
        # AppTest.run() always reruns, as Streamlit's does
        self.quiet_ignored = False
        # (consecutive runs that ended in st.rerun(), the line of the last call)
        self.rerun_streak: tuple[int, int] = (0, 0)
        self.fragments: dict[str, Fragment] = {}
        # the widgets' positions in the last full run: callbacks run in this order
        self.order: dict[str, int] = {}
        # props the app's root element carries for the frontend (st.set_page_config's "page")
        self.root_props: dict[str, Any] = {}
        self.filename = filename or f"<nbstate app {self.name}>"
        self.fresh_namespace = namespace is None if fresh_namespace is None else fresh_namespace
        self._namespace = namespace if namespace is not None else {}
        self.set_target(target)
        self.session.apps[self.name] = self

    def explain_interrupt(self, el: Element) -> None:
        """Say in an interrupt's exception element that the app was in an endless
        ``st.rerun()`` loop, if it was (its traceback alone shows no line of the app)."""
        n, line = self.rerun_streak
        if n >= 2:
            where = f" at line {line} of the app" if line else ""
            el.props["message"] = (
                f"{el.props.get('message') or ''}\n\nThe app was interrupted after calling "
                f"st.rerun(){where} in {n} runs in a row: an st.rerun() that runs on every "
                "run never ends. Call it only when something changed (behind an if)."
            ).lstrip()

    @property
    def notices(self) -> list[Element]:
        """Warnings shown above the app for the last interaction (refused values)."""
        return self._notices

    @notices.setter
    def notices(self, els: list[Element]) -> None:
        self._notices = _one_per_widget(list(els))

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
        if nothing else changed, no rerun happens. The steps: apply the values, press the
        buttons, run the callbacks (in the widgets' order in the app), run the code (a
        fragment alone, or the whole app again while it asks for reruns), clear submitted
        forms. Every way out builds the root the same way, sidebar included.
        """
        ctx = RunContext(self)
        batch = self._apply(changes, ctx)
        self.notices = batch.refused
        if batch.refused and not batch.applied and self.tree is not None:
            # every change was refused: no callbacks, no rerun; show why. (Valid values equal
            # to the current ones still rerun, as Streamlit's AppTest.run() always does.)
            self.tree = self._keep()
            return self.tree
        if self._stores_only(batch, ctx):
            self.tree = self._keep()
            return self.tree
        self._aim_at_fragment(batch, ctx)
        self.running = True
        outer = getattr(_local, "ctx", None)
        try:
            self._press(batch, ctx)
            _local.ctx = ctx
            error = self._callbacks(batch, ctx)
            if error is not None:
                # as in Streamlit the app code does not run; the previous elements stay,
                # interactive, under the exception, so the user can correct the input
                self._reset_triggers(ctx)
                ctx.over[0] = True  # threads a callback started are done with this run
                self.tree = self._keep(head=[error])
                return self.tree
            done = self._run_code(ctx)
            if isinstance(done, Element):  # a fragment alone, spliced into the last tree
                self.tree = done
                return done
            ctx = done
            self._submitted(batch, ctx)
        finally:
            _local.ctx = outer
            self.session.store.frozen = set()
            self.running = False
        self.tree = self._root(ctx.main, sidebar=ctx.sidebar, logo=ctx.logo)
        return self.tree

    # -- the steps --------------------------------------------------------------------
    def _apply(self, changes: Mapping[str, Any] | Iterable[tuple[str, Any]],
               ctx: RunContext) -> _Batch:
        """Check each frontend value and store the valid ones (SPEC §3, §5 step 1).

        A burst may carry several values for one widget: each is checked in arrival order,
        the last valid one stays, and the widget counts as changed once."""
        if isinstance(changes, Mapping):
            changes = changes.items()
        store = self.session.store
        batch = _Batch()
        arrived: dict[str, WidgetState] = {}
        before: dict[str, Any] = {}
        for wid, raw in changes:
            rec = store.widgets.get(wid)
            if rec is None or rec.app is not self:
                batch.refused.append(_warning(
                    f"An update for widget {wid!r} was ignored: that widget no longer exists "
                    "in this app (it was cleaned up or the app was re-executed)."))
                continue
            try:
                value = _check(rec, raw)
            except RefusedValue as r:
                batch.refused.append(_warning(_refusal(rec, raw, r.reason)))
                continue
            if rec.kind.button_like:
                if value and wid not in ctx.triggers:
                    ctx.triggers.add(wid)
                    arrived[wid] = rec
                    if rec.kind.submit and rec.form is not None:
                        batch.submitted.append(rec.form)
                continue
            if wid not in before:
                before[wid] = rec.value
                arrived[wid] = rec
            rec.value = value
            rec.shown = _UNSET
            if rec.key is not None:
                store.sync_widget(rec.key, value)
        for form in batch.submitted:
            self._send_cleared(form, arrived, before)
        changed = [rec for wid, rec in arrived.items()
                   if wid in ctx.triggers or not same(before[wid], rec.value)]
        # callbacks run in the order the widgets appear in the app (the last run's order),
        # not in the order their values arrived
        order = self.order
        changed.sort(key=lambda rec: order.get(rec.id, len(order)))
        batch.applied = changed
        return batch

    def _stores_only(self, batch: _Batch, ctx: RunContext) -> bool:
        """Changes of ``on_change="ignore"`` widgets (1.67) from a live frontend are stored
        without a rerun; the next run sees them. (AppTest.run() always reruns.)"""
        return bool(batch.applied and self.quiet_ignored and self.tree is not None
                    and not ctx.triggers
                    and all(rec.spec.get("no_rerun") for rec in batch.applied))

    def _send_cleared(self, form: str, arrived: dict, before: dict) -> None:
        """A submit sends every widget of the form as the browser shows it: the widgets
        ``clear_on_submit`` emptied and the user left alone send their defaults."""
        store = self.session.store
        for rec in list(store.widgets.values()):
            if rec.app is not self or rec.form != form or rec.shown is _UNSET:
                continue
            if rec.id not in before:
                before[rec.id] = rec.value
                arrived[rec.id] = rec
            rec.value = rec.shown
            rec.shown = _UNSET
            if rec.key is not None:
                store.sync_widget(rec.key, rec.value)

    def _aim_at_fragment(self, batch: _Batch, ctx: RunContext) -> None:
        """A change inside one fragment reruns only that fragment."""
        frags = {rec.fragment for rec in batch.applied}
        fid = frags.pop() if len(frags) == 1 else None
        if fid is not None and fid in self.fragments and self.tree is not None:
            ctx.fragment_el = Element("fragment", id=fid, children=[])
            ctx.stack = [ctx.fragment_el]
            ctx.fragment = fid

    def _press(self, batch: _Batch, ctx: RunContext) -> None:
        """Button-like widgets are True for the single run after the click."""
        store = self.session.store
        for rec in batch.applied:
            if rec.id in ctx.triggers:
                # (a trigger whose check left a richer value: a button column's click)
                rec.value = rec.spec.pop("_pressed", True)
                if rec.key is not None:
                    store.sync_widget(rec.key, rec.value)

    def _callbacks(self, batch: _Batch, ctx: RunContext) -> Element | None:
        """Run the changed widgets' callbacks; the exception element of one that raised."""
        ctx.phase = "callbacks"
        try:
            for rec in batch.applied:
                if rec.callback is None:
                    continue
                try:
                    rec.callback(*rec.args, **rec.kwargs)
                except (RerunApp, StopApp):
                    pass  # as in Streamlit: st.rerun()/st.stop() in a callback is a no-op
                except BaseException as e:  # shown (SystemExit too); app lives
                    if isinstance(e, KeyboardInterrupt) and not self.catch_interrupts:
                        raise
                    return uncaught_element(e)
        finally:
            ctx.phase = "run"
        return None

    def _run_code(self, ctx: RunContext) -> RunContext | Element:
        """Run the fragment alone (the spliced tree) or the app, again while it asks for a
        rerun; the context of the last full run."""
        if ctx.fragment_el is not None:
            done = self._exec_fragment(ctx)
            if done is not None:
                return done
            ctx = self._fresh()  # the fragment asked for a full rerun
        last: Element | None = None  # the last run of an st.rerun() loop that completed
        while True:
            rerun = self._exec(ctx)
            try:
                self._reset_triggers(ctx)
                if last is not None and isinstance(self.last_error, KeyboardInterrupt):
                    kept = self._interrupted_loop(ctx, last)
                    if kept is not None:
                        return kept
                if not rerun:
                    return ctx
                if self.deadline is not None and time.perf_counter() > self.deadline:
                    raise TimeoutError(
                        f"App {self.name!r} kept calling st.rerun() past its timeout.")
                last = self._root(ctx.main, sidebar=ctx.sidebar, logo=ctx.logo)
                ctx = self._fresh()
            except KeyboardInterrupt as e:
                if last is None or not self.catch_interrupts:
                    raise
                # landed in nbstate's own code between two runs of the loop: as in a run
                el = uncaught_element(e)
                self.explain_interrupt(el)
                self.last_error = e
                return self._keep_last(last, el)

    def _interrupted_loop(self, ctx: RunContext, last: Element) -> Element | None:
        """An st.rerun() loop interrupted (the stop button): the last run that completed
        stays on screen under the exception, as after a callback's, so that its widgets can
        end the loop (the interrupted run may have stopped before it drew any)."""
        error = next((e for e in reversed(ctx.main.contents) if e.type == "exception"), None)
        if error is None:
            return None
        return self._keep_last(last, error)

    def _keep_last(self, last: Element, error: Element) -> Element:
        """The loop's last complete run, shown under ``error``."""
        self.tree = last
        return self._keep(head=[error])

    def _fresh(self) -> RunContext:
        """A new run's context (a rerun)."""
        new = RunContext(self)
        _local.ctx = new
        return new

    def _submitted(self, batch: _Batch, ctx: RunContext) -> None:
        for form in batch.submitted:
            self._clear_form(ctx, form)

    # -- pieces -----------------------------------------------------------------------
    def _exec_fragment(self, ctx: RunContext) -> Element | None:
        """Rerun one fragment and splice it into the last tree; None if a full rerun is due."""
        assert ctx.fragment is not None and ctx.fragment_el is not None
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
                self._forget(frag.widget_ids - ctx.ids.keys())
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
        done = ctx.fragment_el
        assert done is not None
        return self._splice(done)

    def _splice(self, frag_el: Element) -> Element:
        """The last tree with one fragment replaced; untouched subtrees are shared, so a
        frontend compares nothing outside the fragment."""
        tree = self.tree
        assert tree is not None and frag_el.id is not None  # a fragment runs after a full run
        path = self.fragments[frag_el.id].path
        chain = [tree]
        try:
            for i in path:
                chain.append(chain[-1].contents[i])
        except (IndexError, TypeError):
            return tree  # the tree changed shape since: nothing to splice
        old = chain[-1]
        if old.type != "fragment" or old.id != frag_el.id:
            return tree
        new_child = frag_el
        for parent, i in zip(reversed(chain[:-1]), reversed(path), strict=True):
            kids = list(parent.contents)
            kids[i] = new_child
            new_child = Element(parent.type, parent.id, parent.key, parent.props, kids)
        new_child.contents[0] = Element("notices", children=list(self.notices))
        return new_child

    def _partial_root(self, ctx: RunContext) -> Element:
        if ctx.fragment_el is not None and self.tree is not None:
            return self._splice(ctx.fragment_el)
        main = ctx.main
        if ctx.bottom is not None and (not main.children or main.children[-1] is not ctx.bottom):
            main = Element("main", children=[*main.contents, ctx.bottom])
        return self._root(main, sidebar=ctx.sidebar, logo=ctx.logo)

    def _exec(self, ctx: RunContext) -> bool:
        """Run the code once; clean up if it completed. True if it asked for a rerun."""
        completed, scope = self._guarded(ctx, self._call_code)
        rerun = scope is not None
        for info in ctx.form_info.values():
            # only a form whose block completed can be missing its button: a run that
            # stopped inside the form (an exception, st.stop()) shows no such error
            if not info["submit"] and (completed or info["closed"]):
                ctx.emit(missing_submit_element(info["key"]))
        if completed:
            self._cleanup(ctx)
        self.fragments = ctx.fragments
        self.order = ctx.ids
        _end_run(ctx)
        if ctx.bottom is not None:
            ctx.main.contents.append(ctx.bottom)
        return rerun

    def _call_code(self) -> None:
        if self.func is not None:
            self.func(*self.args, **self.kwargs)
            return
        ns = self._namespace
        if self.fresh_namespace:
            # APP_MARK: `import streamlit` in code defined here gives nbstate (shim.py)
            ns = {"__name__": "__main__", "__file__": self.filename, "__nbstate_app__": True}
        code = self.code
        assert code is not None  # set_target compiles it when func is None

        def run_script() -> None:
            exec(code, ns)  # running the user's app is the point

        if not os.path.isfile(self.filename):
            run_script()
            return
        # a script file: its folder is on sys.path while it runs, as in Streamlit, so the
        # script's own modules import; a runner may take it over (its pages/ folder)
        folder = os.path.dirname(os.path.abspath(self.filename))
        added = folder not in sys.path
        if added:
            sys.path.insert(0, folder)
        try:
            if not any(runner(self, run_script) for runner in SCRIPT_RUNNERS):
                run_script()
        finally:
            if added:
                try:
                    sys.path.remove(folder)
                except ValueError:
                    pass

    def _guarded(self, ctx: RunContext, call: Callable[[], Any]) -> tuple[bool, str | None]:
        """Run user code once: (completed, the scope of an ``st.rerun()`` or None).

        An exception becomes an exception element where the run stopped; ``st.stop()`` ends
        the run quietly; neither counts as completed, so no cleanup follows."""
        store = self.session.store
        store.frozen = ctx.frozen
        self.runs += 1
        self.last_error = None
        try:
            call()
            self.rerun_streak = (0, 0)
            return True, None
        except RerunApp as r:
            self.rerun_streak = (self.rerun_streak[0] + 1, _user_line(r.__traceback__))
            return True, r.scope
        except StopApp:
            self.rerun_streak = (0, 0)
            return False, None
        except BaseException as e:  # shown, app stays live
            # SystemExit (sys.exit(), exit()), GeneratorExit and a user's BaseException
            # subclass are the app's too: shown, never ending the kernel; only an interrupt
            # of a headless caller propagates
            if isinstance(e, KeyboardInterrupt) and not self.catch_interrupts:
                raise
            del ctx.stack[1:]
            el = uncaught_element(e)
            if isinstance(e, KeyboardInterrupt):
                self.explain_interrupt(el)
            self.rerun_streak = (0, 0)
            ctx.emit(el)
            self.last_error = e
            return False, None
        finally:
            store.frozen = set()
            ctx.over[0] = True

    def _cleanup(self, ctx: RunContext) -> None:
        """SPEC §6: the widgets of this app that the completed run did not render go."""
        self._forget(self.widget_ids - ctx.ids.keys())

    def _forget(self, gone: Iterable[str], *, keep_persistent: bool = True) -> None:
        """Forget these widgets of this app: their state, their key and (in a live frontend)
        their view. ``persist_state=`` widgets (1.67) are kept while not shown."""
        store = self.session.store
        for wid in list(gone):
            rec = store.widgets.get(wid)
            if rec is not None and keep_persistent and rec.spec.get("persist_state"):
                continue
            if rec is not None:
                store.forget_widget(rec)
            self.widget_ids.discard(wid)

    def _reset_triggers(self, ctx: RunContext) -> None:
        store = self.session.store
        for wid in ctx.triggers:
            rec = store.widgets.get(wid)
            if rec is not None:
                rec.value = rec.spec.get("_released", False)
                if rec.key is not None and store.key_owner.get(rec.key) == wid:
                    store.sync_widget(rec.key, rec.value)
        # the next tree shows buttons as not pressed
        ctx.triggers = set()

    def _clear_form(self, ctx: RunContext, form: str) -> None:
        """``clear_on_submit``: after the submit run the form's widgets show their defaults;
        session state keeps the submitted values until the next submit sends the defaults
        (SPEC §7, as Streamlit's browser frontend does)."""
        info = ctx.form_info.get(form)
        if info is None or not info["clear"]:
            return
        store = self.session.store
        reset = {}
        for wid in info["widgets"]:
            rec = store.widgets.get(wid)
            if rec is None or rec.kind.button_like:
                continue
            rec.shown = rec.default
            reset[wid] = rec.default
        for el in ctx.main.walk():
            if el.id in reset:
                el.props["value"] = reset[el.id]

    def _keep(self, head: Iterable[Element] = ()) -> Element:
        """The last tree again, its widgets showing their current values, under ``head``:
        what a run that did not happen (all refused, a callback raised) leaves on screen."""
        widgets = self.session.store.widgets
        tree = self.tree
        old_main = tree.contents[1] if tree is not None else Element("main", children=[])
        main = Element("main", children=[*head, *_current_values(old_main.contents, widgets)])
        main.path = old_main.path
        rest = {c.type: c for c in tree.contents[2:]} if tree is not None else {}
        side = rest.get("sidebar")
        if side is not None:
            kids = _current_values(side.contents, widgets)
            if kids is not side.children:
                side = Element(side.type, side.id, side.key, side.props, kids)
        return self._root(main, sidebar=side, logo=rest.get("logo"))

    def _root(self, main: Element, *, stale: bool = False, sidebar: Element | None = None,
              logo: Element | None = None) -> Element:
        children = [Element("notices", children=list(self.notices)), main]
        if sidebar is not None:
            children.append(sidebar)
        if logo is not None:
            # after the others, so that paths into main and the sidebar stay put; where it
            # shows (top of the sidebar, else of the app) is the frontends' part
            children.append(Element("logo", props={**logo.props,
                                                   "in_sidebar": sidebar is not None}))
        props = {"name": self.name, "stale": stale}
        if self.root_props:
            props.update(self.root_props)
        for hook in ROOT_HOOKS:
            hook(self, props)
        return Element("app", props=props, children=children)

    def discard_invalid_writes(self) -> list[str]:
        """Undo session-state writes to this app's widget keys that their widget cannot take
        (a callback stored text in a slider's key): each widget keeps its last value. Done
        when the app's cell is executed again, so that an app stuck on such an error
        recovers. Returns the keys whose write was undone.

        Example:
            >>> app = App("import nbstate as st\\nst.slider('x', 0, 9, key='k')",
            ...           session=Session())
            >>> _ = app.run(); app.session.proxy["k"] = "text"; app.discard_invalid_writes()
            ['k']
        """
        store = self.session.store
        undone = []
        for wid in list(self.widget_ids):
            rec = store.widgets.get(wid)
            if rec is None or rec.key is None:
                continue
            key = rec.key
            if key not in store.api_writes or key not in store.values:
                continue
            try:
                rec.kind.from_state(rec.spec, store.values[key], rec.default, rec.label, key)
            except Exception:  # any value the widget refuses is undone
                store.sync_widget(key, rec.value)
                undone.append(key)
        return undone

    def close(self) -> None:
        """Forget every widget of this app (the cell was re-executed elsewhere or closed)."""
        self._forget(self.widget_ids, keep_persistent=False)
        if self.session.apps.get(self.name) is self:
            del self.session.apps[self.name]


def _user_line(tb: Any) -> int:
    """The line of the app's code in a traceback (the innermost frame outside nbstate)."""
    line = 0
    while tb is not None:
        if not tb.tb_frame.f_code.co_filename.startswith(_PKG_DIR):
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


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
        if rec is not None and "value" in el.props and not same(el.props["value"], rec.value):
            new = Element(el.type, el.id, el.key, {**el.props, "value": rec.value}, el.children)
        if el.children:
            kids = _current_values(el.children, widgets)
            if kids is not el.children:
                new = Element(new.type, new.id, new.key, new.props, kids)
        changed = changed or new is not el
        out.append(new)
    return out if changed else children


def describe_widget(rec: WidgetState) -> str:
    out = f'`st.{rec.kind.name}` "{rec.label}"'
    if rec.key is not None:
        out += f' (key "{rec.key}")'
    return out


class _Refusal(str):
    """A refusal warning's text, knowing its widget: a burst's refusals of one widget are
    shown as one warning (see ``App.notices``)."""

    wid: str = ""


def _refusal(rec: WidgetState, raw: Any, reason: str) -> str:
    if len(reason) > 300:
        reason = reason[:297] + "..."
    out = _Refusal(f"{describe_widget(rec)} refused the value {short_repr(raw)} from the "
                   f"frontend: {reason}. It keeps its value {short_repr(rec.value)}.")
    out.wid = rec.id
    return out


def _one_per_widget(notices: list[Element]) -> list[Element]:
    """One warning per widget (the last value refused, and how many were), and one of each
    other repeated warning: a burst of 10,000 refusals shows one line, not 10,000."""
    if len(notices) < 2:
        return notices
    first: dict[Any, int] = {}
    counts: dict[Any, int] = {}
    out: list[Element] = []
    for el in notices:
        body = el.props.get("body") if el.type == "warning" else None
        if not isinstance(body, str):
            out.append(el)
            continue
        key = ("widget", body.wid) if isinstance(body, _Refusal) else ("text", body)
        if key in first:
            out[first[key]] = el  # the latest refusal says what the widget keeps now
            counts[key] += 1
        else:
            first[key] = len(out)
            counts[key] = 1
            out.append(el)
    for key, i in first.items():
        n = counts[key]
        if n > 1:
            el = out[i]
            what = "values were refused" if key[0] == "widget" else "times"
            out[i] = Element(el.type, el.id, el.key, {
                **el.props, "body": f"{el.props['body']} ({n} {what} in this update.)"})
    return out


def exception_element(e: BaseException) -> Element:
    """An exception element: type, message and the traceback trimmed to the user's code."""
    frames = [f for f in traceback.extract_tb(e.__traceback__)
              if not os.path.abspath(f.filename).startswith(_PKG_DIR)]
    stack = traceback.format_list(frames)
    try:
        message = str(e)
    except Exception:  # an exception whose str() fails still shows
        message = f"<{type(e).__name__}: str() failed>"
    name = type(e).__name__
    if isinstance(e, SystemExit):
        # as IPython shows it for a cell: the kernel lives on, and so does the app
        message = (f"{message}\n\n" if message else "") + (
            "The app asked the interpreter to exit (sys.exit(), exit(), quit() or raise "
            "SystemExit). In a notebook that would end the kernel, so the run stopped here "
            "instead and the app stays live. Use st.stop() to end a run early.")
    return Element("exception", props={"type": name, "message": message,
                                       "stack_trace": [s.rstrip("\n") for s in stack],
                                       "is_warning": False,
                                       "is_markdown": isinstance(e, MarkdownFormattedException)})


#: what an app shows instead of an uncaught exception's message (client.showErrorDetails)
REDACTED = ("This app has encountered an error. The original error message is redacted to "
            "prevent data leaks. Full error details have been recorded in the logs.")


def uncaught_element(e: BaseException) -> Element:
    """An exception the app did not catch, shown as ``client.showErrorDetails`` says (full,
    stacktrace, type or none), as Streamlit does; ``st.exception`` always shows it all."""
    from .config import error_details

    el = exception_element(e)
    details = error_details()
    if details != "full":
        el.props["message"] = REDACTED
        if details != "stacktrace":
            el.props["stack_trace"] = []
        if details == "none":
            el.props["type"] = ""
    return el


def missing_submit_element(form_key: str) -> Element:
    return Element("exception", props={
        "type": "MissingSubmitButtonError",
        "message": (
            f"Missing Submit Button\n\nThis form (key \"{form_key}\") has no submit button, "
            "which means that user interactions will never be sent to your app.\n\nTo create "
            "a submit button, use the `st.form_submit_button()` function inside the form."),
        "stack_trace": [], "is_warning": False})
