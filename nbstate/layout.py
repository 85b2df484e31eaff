"""Containers: ``st.form`` and the object every container returns.

A ``Container`` is what ``st.form(...)`` (and later columns, tabs...) return: use it with
``with`` or call ``st`` functions on it as methods (``form.slider(...)``), as with Streamlit's
DeltaGenerator.

Example (inside an app):
    >>> with st.form("login"):                                         # doctest: +SKIP
    ...     user = st.text_input("User")
    ...     st.form_submit_button("Log in")
"""

from __future__ import annotations

from typing import Any

from .elements import Element
from .errors import (
    DuplicateElementKey,
    InvalidArgumentError,
    InvalidLayoutContextError,
    NbstateAPIException,
)
from .icons import check_icon
from .params import choice, ignored, on_change, size_ignored
from .run import RunContext, current, require
from .state import normalize_key

_INHERIT = object()


class Container:
    """A place in the element tree; a context manager and a namespace of ``st`` functions."""

    __slots__ = ("_el", "_form", "_ctx", "_prev")

    def __init__(self, el: Element, ctx: RunContext, form: Any = _INHERIT) -> None:
        self._el = el
        self._ctx = ctx
        # the form this container sits in: the one open where it was created, unless given.
        # So `form.columns(2)` makes columns whose widgets belong to the form, as in Streamlit.
        self._form = ctx.form if form is _INHERIT else form
        self._prev: list = []  # per `with` under way: (context entered, element, its form)

    def __enter__(self) -> Container:
        ctx, el = self._target()
        ctx.push(el)
        self._prev.append((ctx, el, ctx.form))
        ctx.form = self._form
        return self

    def __exit__(self, *exc: Any) -> None:
        ctx, el, form = self._prev.pop() if self._prev else (self._ctx, self._el, None)
        ctx.pop(el)
        ctx.form = form
        key = el.key
        if exc[0] is None and el.type == "form" and key is not None and key in ctx.form_info:
            ctx.form_info[key]["closed"] = True

    def _target(self) -> tuple[RunContext, Element]:
        """Where a write to this container goes: this thread's view of the run under way (a
        thread given the app's context has a container stack of its own), or, for a callback
        writing into a container of the last run, the element that opens the container of
        the same place in the new run, as in Streamlit."""
        ctx = current()
        if ctx is not None:
            if ctx.over is self._ctx.over:  # (`over` is the run's own)
                return ctx, self._el
            adopted = ctx.adopt(self._el)
            if adopted is not None:
                return ctx, adopted
        raise NbstateAPIException(
            "This container belongs to an earlier run: a fragment cannot write to "
            "elements outside of its own container, and a container cannot be reused "
            "across runs. Create the container in the code that writes to it.")

    def _check_run(self) -> RunContext:
        return self._target()[0]

    def __getattr__(self, name: str) -> Any:
        import nbstate

        if name.startswith("_") or name not in CONTAINER_METHODS:
            raise AttributeError(
                f"{type(self).__name__} has no attribute {name!r}: a container offers the "
                "st element and widget functions (st.write, st.slider, ...).")
        fn = getattr(nbstate, name)

        def in_container(*args: Any, **kwargs: Any) -> Any:
            # the plain container entry, not a subclass's `with` (st.status completes on
            # leaving a `with` block, not on s.text())
            Container.__enter__(self)
            ctx = self._prev[-1][0]  # (the run entered: this thread's, maybe not self._ctx)
            ctx.by_method += 1
            try:
                return fn(*args, **kwargs)
            finally:
                ctx.by_method -= 1
                Container.__exit__(self, None, None, None)

        in_container.__name__ = name
        in_container.__doc__ = fn.__doc__
        return in_container


#: the ``st`` functions a container offers as methods (Streamlit's DeltaGenerator's), that
#: is every public name but those that place nothing
NOT_CONTAINER_METHODS = frozenset({
    "cache_data", "cache_resource", "fragment", "rerun", "stop", "session_state", "errors",
    "run_app", "sidebar", "UploadedFile", "load_ipython_extension", "set_page_config",
    "get_option", "set_option", "query_params", "secrets", "context", "connection",
    "navigation", "Page", "switch_page", "user", "login", "logout", "dialog",
    "column_config", "components", "App", "testing",
})


class _ContainerMethods:
    def __contains__(self, name: object) -> bool:
        import nbstate

        return (isinstance(name, str) and name in getattr(nbstate, "__all__", ())
                and name not in NOT_CONTAINER_METHODS)


CONTAINER_METHODS = _ContainerMethods()


def form(key: str, clear_on_submit: bool = False, *, enter_to_submit: bool = True,
         border: bool = True, width: Any = "stretch", height: Any = "content") -> Container:
    """A form: its widgets send their values together when its submit button is pressed.

    Example:
        >>> with st.form("my_form", clear_on_submit=True):              # doctest: +SKIP
        ...     st.slider("My slider", 0, 10, 5, key="my_slider")
        ...     st.form_submit_button("Submit")
    """
    size_ignored("form", width, "stretch", height=height, default_height="content")
    ctx = require("form")
    # enter_to_submit is not read: Enter in a notebook form's text box never submits it (the
    # text boxes are ipywidgets, not an HTML form), so only the submit button does; a warning
    # for the default would be noise
    size_ignored("form", width, "stretch", None, height, "content")
    key = normalize_key(key)
    if ctx.form is not None:
        raise InvalidLayoutContextError(
            f'`st.form("{key}")` is inside the form "{ctx.form}": forms cannot be nested in '
            "other forms. Close the outer form's `with` block first.")
    if key in ctx.form_info:
        raise DuplicateElementKey(key)
    ctx.check_key(key, freeze=True)
    el = ctx.emit(Element("form", id=f"form-{key}", key=key,
                          props={"clear_on_submit": bool(clear_on_submit),
                                 "border": bool(border),
                                 "enter_to_submit": bool(enter_to_submit)}, children=[]))
    ctx.form_info[key] = {"key": key, "clear": bool(clear_on_submit), "submit": False,
                          "widgets": [], "closed": False}
    return Container(el, ctx, form=key)


def container(*, border: bool | None = None, key: Any = None, width: Any = "stretch",
              height: Any = "content", horizontal: bool = False, wrap: bool = True,
              horizontal_alignment: str = "left", vertical_alignment: str = "top",
              gap: str | int | None = "small", autoscroll: bool | None = None) -> Container:
    """A group of elements: bordered, of fixed (scrolling) height, or a horizontal row.

    Example:
        >>> box = st.container(border=True)                             # doctest: +SKIP
        >>> box.write("inside")                                         # doctest: +SKIP
        >>> with st.container(horizontal=True, horizontal_alignment="right"):  # doctest: +SKIP
        ...     st.button("Cancel"); st.button("OK")
    """
    ctx = require("container")
    if key is not None:
        key = normalize_key(key)
        ctx.check_key(key)
    choice("container", "horizontal_alignment", horizontal_alignment,
           ("left", "center", "right", "distribute"))
    choice("container", "vertical_alignment", vertical_alignment,
           ("top", "center", "bottom", "distribute"))
    if wrap is False and not horizontal:
        raise InvalidArgumentError(
            "`st.container(wrap=False)` needs `horizontal=True`: a vertical container has no "
            "row of elements to keep on one line. Set `horizontal=True` or remove `wrap`.")
    fixed = isinstance(height, int) and not isinstance(height, bool)
    if autoscroll:
        ignored("container", "autoscroll", autoscroll,
                "a notebook's widget box cannot scroll itself to new content")
    el = ctx.emit(Element("container", key=key, props={
        "border": bool(border) if border is not None else fixed,
        "height": height, "width": width, "horizontal": bool(horizontal), "wrap": bool(wrap),
        "horizontal_alignment": horizontal_alignment,
        "vertical_alignment": vertical_alignment, "gap": _gap("container", gap)},
        children=[]))
    return Container(el, ctx)


#: gap sizes in rem (Streamlit's scale); an int is pixels
GAPS = {"xxsmall": 0.25, "xsmall": 0.5, "small": 1.0, "medium": 2.0, "large": 4.0,
        "xlarge": 6.0, "xxlarge": 8.0}


def _gap(func: str, gap: Any) -> str | int | None:
    if gap is None or gap in GAPS or (isinstance(gap, int) and not isinstance(gap, bool)
                                      and gap >= 0):
        return gap
    raise InvalidArgumentError(
        f"`st.{func}`: gap must be one of {', '.join(repr(g) for g in GAPS)}, None or a "
        f"number of pixels, got {gap!r}.")


def columns(spec: int | list[float] | tuple[float, ...], *, gap: str | int | None = "small",
            vertical_alignment: str = "top", border: bool = False,
            width: Any = "stretch", wrap: bool = True) -> list[Container]:
    """Side-by-side columns: a count, or a list of relative widths.

    Example:
        >>> left, right = st.columns([2, 1])                            # doctest: +SKIP
        >>> left.slider("x", 0, 10)                                     # doctest: +SKIP
        >>> with right:                                                 # doctest: +SKIP
        ...     st.write("on the right")
    """
    size_ignored("columns", width, "stretch")
    ctx = require("columns")
    if isinstance(spec, bool):
        spec = None  # type: ignore[assignment]
    if isinstance(spec, int) and spec > 0:
        weights = [1.0] * spec
    elif isinstance(spec, (list, tuple)) and spec and all(
            isinstance(w, (int, float)) and not isinstance(w, bool) and w > 0 for w in spec):
        weights = [float(w) for w in spec]
    else:
        raise InvalidArgumentError(
            "The `spec` argument to `st.columns` must be either a positive integer (number of "
            "columns) or a list of positive numbers (width ratios of the columns), got "
            f"{spec!r}.")
    if vertical_alignment not in ("top", "center", "bottom"):
        raise InvalidArgumentError(
            "`st.columns`: vertical_alignment must be 'top', 'center' or 'bottom', got "
            f"{vertical_alignment!r}.")
    total = sum(weights)
    row = ctx.emit(Element("columns", props={"gap": _gap("columns", gap),
                                             "vertical_alignment": vertical_alignment,
                                             "border": bool(border), "wrap": bool(wrap)},
                           children=[]))
    out = []
    for w in weights:
        col = ctx.place(row, Element("column", children=[], props={
            "weight": w / total, "border": bool(border), "gap": row.props["gap"]}))
        out.append(Container(col, ctx))
    return out


class FoldContainer(Container):
    """What ``st.expander``, ``st.popover`` and each of ``st.tabs`` return."""

    __slots__ = ("_open",)

    def __init__(self, el: Element, ctx: RunContext, open: bool | None = None) -> None:
        super().__init__(el, ctx)
        self._open = open

    @property
    def open(self) -> bool | None:
        """Whether it is open (for a tab: whether it is the selected one). None when its
        state is not tracked (``on_change="ignore"``, the default), as in Streamlit.

        Example:
            >>> a, b = st.tabs(["A", "B"], on_change="rerun")            # doctest: +SKIP
            >>> if b.open:                 # only the open tab's content runs
            ...     st.write(expensive())                                # doctest: +SKIP
        """
        return self._open


class _Stateful:
    """How tabs, expanders and popovers take 1.67's key, on_change and bind: with a
    callback or ``on_change="rerun"`` their open state is a widget value (in session state
    under the key, reported by the live frontend, rerunning the app when it changes)."""

    __slots__ = ("key", "callback", "tracked")

    def __init__(self, func: str, key: Any, on_change_: Any, bind: Any) -> None:
        ctx = require(func)
        cb, mode = on_change(func, on_change_, modes=("ignore", "rerun"))
        self.callback = cb
        self.tracked = cb is not None or mode == "rerun"
        if bind is not None:
            choice(func, "bind", bind, ("query-params",))
            ignored(func, "bind", bind, "bind")
        self.key = normalize_key(key) if key is not None else None
        if self.key is not None and not self.tracked:
            ctx.check_key(self.key)  # a plain container's key (a widget's is checked there)

    def emit(self, ctx: RunContext, kind: str, label: Any, ident: tuple, props: dict,
             default: Any, given: bool, args: Any, kwargs: Any) -> tuple[Element, Any]:
        """The container's element (and its value, if tracked)."""
        if not self.tracked:
            return ctx.emit(Element(kind, key=self.key, props=props, children=[])), None
        from .kinds import KINDS

        value = ctx.widget(KINDS[kind], label, self.key, ident, props, default, given,
                           self.callback, args, kwargs)
        return ctx.stack[-1].contents[-1], value


def tabs(tabs: list[str] | tuple[str, ...], *, width: Any = "stretch",
         height: Any = "content", default: str | None = None, key: Any = None,
         on_change: Any = "ignore", args: Any = None, kwargs: Any = None,
         bind: Any = None) -> list[FoldContainer]:
    """Tabs: one container per label; ``default`` is the label of the tab shown first.
    With ``on_change`` (a callback or ``"rerun"``), switching tabs reruns the app and each
    tab's ``.open`` says whether it is the one shown.

    Example:
        >>> chart, data = st.tabs(["Chart", "Data"], default="Data")    # doctest: +SKIP
        >>> data.dataframe(df)                                          # doctest: +SKIP
    """
    size_ignored("tabs", width, "stretch")
    ctx = require("tabs")
    labels = list(tabs) if isinstance(tabs, (list, tuple)) else None
    if not labels:
        raise InvalidArgumentError("`st.tabs` needs a non-empty list of tab labels.")
    if not all(isinstance(t, str) for t in labels):
        raise InvalidArgumentError("`st.tabs`: tab labels must be strings.")
    if default is not None and default not in labels:
        raise InvalidArgumentError(
            f"`st.tabs`: default {default!r} is not one of the tab labels {labels!r}.")
    state = _Stateful("tabs", key, on_change, bind)
    idx = labels.index(default) if default is not None else 0
    props = {"labels": labels, "default": idx, "height": height}
    if state.tracked:
        props.update(label=" / ".join(labels), options=labels, help=None, disabled=False,
                     label_visibility="visible", _kind="tabs")
    group, value = state.emit(ctx, "tabs", " / ".join(labels), (tuple(labels),), props,
                              labels[idx], default is not None, args, kwargs)
    out = []
    for label in labels:
        tab = ctx.place(group, Element("tab", props={"label": label}, children=[]))
        out.append(FoldContainer(tab, ctx, label == value if state.tracked else None))
    return out


def expander(label: str, expanded: bool = False, *, key: Any = None, icon: str | None = None,
             type: str = "default", width: Any = "stretch", on_change: Any = "ignore",
             args: Any = None, kwargs: Any = None, bind: Any = None) -> FoldContainer:
    """A box that the reader can open and close. With ``on_change`` (a callback or
    ``"rerun"``), opening or closing it reruns the app and ``.open`` says which it is.

    Example:
        >>> with st.expander("Details", icon="ℹ️"):                     # doctest: +SKIP
        ...     st.write("more")
    """
    size_ignored("expander", width, "stretch")
    ctx = require("expander")
    if not isinstance(label, str) or not label:
        raise InvalidArgumentError("`st.expander` needs a non-empty label.")
    _expandable_type("expander", type)
    state = _Stateful("expander", key, on_change, bind)
    props = {"label": label, "expanded": bool(expanded),
             "icon": check_icon(icon, "expander", label)}
    if state.tracked:
        props.update(help=None, disabled=False, label_visibility="visible", _kind="expander")
    el, value = state.emit(ctx, "expander", label, (label,), props, bool(expanded),
                           bool(expanded), args, kwargs)
    return FoldContainer(el, ctx, value)


def _expandable_type(func: str, type: str) -> None:
    choice(func, "type", type, ("default", "compact", "step"))
    if type != "default":
        ignored(func, "type", type, "type")


def popover(label: str, *, type: str = "secondary", help: str | None = None,
            icon: str | None = None, disabled: bool = False,
            use_container_width: bool | None = None, width: Any = "content",
            wrap: bool | None = None, key: Any = None, on_change: Any = "ignore",
            args: Any = None, kwargs: Any = None) -> FoldContainer:
    """A button that opens a small panel of elements. With ``on_change`` (a callback or
    ``"rerun"``), opening or closing it reruns the app and ``.open`` says which it is.

    Example:
        >>> with st.popover("Settings"):                                # doctest: +SKIP
        ...     st.checkbox("Verbose")
    """
    size_ignored("popover", width, "content", use_container_width=use_container_width)
    ctx = require("popover")
    size_ignored("popover", width, "content", use_container_width)
    choice("popover", "type", type, ("primary", "secondary", "tertiary"))
    if wrap is not None and wrap is not False:
        ignored("popover", "wrap", wrap, "wrap_label")
    state = _Stateful("popover", key, on_change, None)
    props = {"label": label, "help": help, "disabled": bool(disabled),
             "icon": check_icon(icon, "popover", label), "type": type}
    if state.tracked:
        props.update(label_visibility="visible", _kind="popover")
    el, value = state.emit(ctx, "popover", label, (label,), props, False, False, args,
                           kwargs)
    return FoldContainer(el, ctx, value)


class ElementHandle:
    """What an element function returns (Streamlit's DeltaGenerator of one element): each
    ``st`` function called on it replaces that element, in place.

    Example (inside an app):
        >>> bar = st.progress(0)                                        # doctest: +SKIP
        >>> bar.progress(50)              # the same bar, now at 50%    # doctest: +SKIP
        >>> st.text("loading").empty()    # gone                        # doctest: +SKIP
    """

    __slots__ = ("_el", "_parent", "_ctx", "_form")

    def __init__(self, el: Element, ctx: RunContext, parent: Element | None = None) -> None:
        self._el = el
        self._ctx = ctx
        self._parent = parent if parent is not None else ctx.stack[-1]
        self._form = ctx.form

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        import nbstate

        fn = getattr(nbstate, name, None)
        if not callable(fn):
            # (an AttributeError, so that hasattr() and duck typing see no such method)
            raise AttributeError(f"`{name}()` is not a valid Streamlit command: an element "
                                 "offers the st functions, which replace it in place.")

        def replace(*args: Any, **kwargs: Any) -> Any:
            return self._replace(fn, args, kwargs)

        replace.__name__ = name
        replace.__doc__ = fn.__doc__
        return replace

    def _replace(self, fn: Any, args: tuple, kwargs: dict) -> Any:
        ctx = self._ctx
        if current() is not ctx:
            raise NbstateAPIException(
                "This element belongs to an earlier run: an element's handle only works in "
                "the run that made it. Call the `st` function again in this run instead.")
        slot = Element("empty", children=[])
        prev_form = ctx.form
        ctx.push(slot)
        ctx.form = self._form
        ctx.hold_flush += 1
        ctx.by_method += 1  # (as a container's method call: see replaces_one)
        try:
            out = fn(*args, **kwargs)
        finally:
            ctx.by_method -= 1
            ctx.hold_flush -= 1
            ctx.pop(slot)
            ctx.form = prev_form
        new = slot.contents
        el = new[0] if len(new) == 1 else (
            slot if not new else Element("container", props={"border": False}, children=new))
        kids = self._parent.contents
        for i in range(len(kids) - 1, -1, -1):
            if kids[i] is self._el:
                kids[i] = el
                break
        else:  # the element is gone (a spinner's end): the new one goes where it was made
            kids.append(el)
        self._el = el
        ctx.flush()
        if isinstance(out, ElementHandle):
            return self
        return out

    def __repr__(self) -> str:
        return f"<element {self._el.type}>"


def replaces_one(ctx: RunContext) -> bool:
    """Is the st function under way called as a method of a container that is not a top
    block (``c.write(...)``, ``st.empty().write(...)``, a handle's ``h.write(...)``)?
    Streamlit lets such a call place one element only (``st.write`` with several arguments
    raises there); ``st.sidebar.write(...)`` and a ``with`` block place any number."""
    return bool(ctx.by_method) and ctx.stack[-1].type not in ("main", "sidebar", "bottom")


def handle(ctx: RunContext, el: Element) -> ElementHandle:
    """Emit ``el`` where the run is and return its handle (what element functions return)."""
    parent = ctx.stack[-1]
    ctx.emit(el)
    return ElementHandle(el, ctx, parent)


class Placeholder(Container):
    """What ``st.empty()`` returns: each call on it replaces what it shows."""

    __slots__ = ()

    def __getattr__(self, name: str) -> Any:
        fn = Container.__getattr__(self, name)

        def replace(*args: Any, **kwargs: Any) -> Any:
            self._check_run()  # before clearing: an earlier run's tree is not to be touched
            self._el.contents.clear()
            out = fn(*args, **kwargs)
            # a live frontend may show the new content before the run ends (a slow app's
            # `slot.write(...)` in a loop animates, as in Streamlit)
            self._ctx.flush()
            return out

        replace.__name__ = name
        return replace

    def __enter__(self) -> Container:
        self._check_run()
        self._el.contents.clear()
        return Container.__enter__(self)

    def __exit__(self, *exc: Any) -> None:
        Container.__exit__(self, *exc)
        self._ctx.flush()

    def empty(self) -> None:
        """Remove what the placeholder shows."""
        self._check_run()
        self._el.contents.clear()
        self._ctx.flush()


def empty() -> Placeholder:
    """A placeholder holding one element at a time; write to it again to replace it.

    Example:
        >>> slot = st.empty()                                           # doctest: +SKIP
        >>> slot.text("loading...")                                     # doctest: +SKIP
        >>> slot.text("done")            # replaces "loading..."        # doctest: +SKIP
    """
    ctx = require("empty")
    el = ctx.emit(Element("empty", props={}, children=[]))
    return Placeholder(el, ctx)


class _Sidebar:
    """``st.sidebar``: a panel beside the app's main area (one per app, per run)."""

    def _container(self) -> Container:
        ctx = require("sidebar")
        if ctx.fragment is not None:
            raise NbstateAPIException(
                "Calling st.sidebar in a function wrapped with st.fragment is not supported. "
                "Write to the sidebar outside the fragment.")
        if ctx.sidebar is None:
            ctx.sidebar = Element("sidebar", props={}, children=[])
            ctx.sidebar.path = ("sidebar",)
        return Container(ctx.sidebar, ctx, form=None)

    def __enter__(self) -> Container:
        c = self._container()
        self._stack().append(c)
        return c.__enter__()

    def __exit__(self, *exc: Any) -> None:
        self._stack().pop().__exit__(*exc)

    def _stack(self) -> list:
        return require("sidebar").sidebar_stack

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):  # introspection (doctest, inspect, copy) outside any app
            raise AttributeError(name)
        return getattr(self._container(), name)

    def __repr__(self) -> str:
        return "st.sidebar"


sidebar = _Sidebar()
