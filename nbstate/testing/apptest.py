"""``AppTest``: drive an app headless, as ``streamlit.testing.v1.AppTest`` does.

It is a frontend of the core, like the ipywidgets one: it keeps the element tree of the last
run, turns ``set_value``/``click``/... into the values a real frontend would send (holding a
form's values until its submit button is clicked), and hands them to ``App.interact``.

Example:
    >>> at = AppTest.from_string('''
    ... import nbstate as st
    ... n = st.number_input("n", 0, 10, 1, key="n")
    ... st.write(n * 10)
    ... ''').run()
    >>> at.number_input(key="n").increment().run().markdown[0].value
    '`20`'
"""

from __future__ import annotations

import ctypes
import datetime as _dt
import inspect
import json
import re
import textwrap
import threading
import time
from collections.abc import Callable, ItemsView, Iterable, Iterator, KeysView, ValuesView
from pathlib import Path
from typing import Any

from ..elements import Element
from ..errors import AppTestError, RefusedValue
from ..icons import leading_icon
from ..options import find_option, option_index
from ..run import App, Session
from .proto import ProtoView
from .proto import field as proto_field


class AppTest:
    """A headless app under test. Build it with ``from_string``, ``from_file``,
    ``from_function`` or ``from_notebook``, then ``run()``."""

    def __init__(self, target: str | Path | Callable, *, default_timeout: float = 3,
                 name: str | None = None, namespace: dict | None = None,
                 filename: str | None = None, args: tuple = (),
                 kwargs: dict | None = None) -> None:
        self.default_timeout = default_timeout
        self._session = Session()
        if isinstance(target, (str, Path)) and _is_script_path(target):
            # AppTest("app.py", default_timeout=...): Streamlit's constructor takes a path
            filename = str(target)
            target = Path(target).read_text(encoding="utf-8")
        assert not isinstance(target, Path)  # (read just above)
        if isinstance(target, str):
            try:
                compile(target, filename or "<app>", "exec")
            except SyntaxError as e:
                # as in Streamlit's AppTest: a script that does not compile runs as one that
                # raises, so the test sees the error in at.exception
                target = _raiser(e)
        self._app = App(target, name=name or "test", session=self._session,
                        namespace=namespace, filename=filename, args=args, kwargs=kwargs)
        self._filename = filename
        self._pending: dict[str, Any] = {}
        # values Streamlit's AppTest would raise on at the next run (SPEC §10)
        self._unsendable: list[Exception] = []
        self._held: dict[str, dict[str, Any]] = {}
        self._tree: Element | None = None
        # from_function: the namespace each run starts from (its arguments)
        self._fresh_ns: dict[str, Any] | None = None
        # the last run's elements with their form, in display order, and per accessor name;
        # built on first access after a run, so at.slider[j] does not rebuild per access
        self._walked: list[tuple[Element, str | None]] | None = None
        self._shaped: list[Element] | None = None
        self._menus: list[Element] = []  # the page menus of st.navigation (no block's)
        self._by_accessor: dict[str, list[tuple[Element, str | None]]] = {}

    # -- construction ---------------------------------------------------------------
    @classmethod
    def from_string(cls, script: str, *, default_timeout: float = 3) -> AppTest:
        """An app from source text.

        Example:
            >>> AppTest.from_string("import nbstate as st\\nst.text('hi')").run().text[0].value
            'hi'
        """
        return cls(textwrap.dedent(script), default_timeout=default_timeout)

    @classmethod
    def from_file(cls, script_path: str | Path, *, default_timeout: float = 3) -> AppTest:
        """An app from a ``.py`` file: a relative path is found beside the calling test file,
        as Streamlit's ``from_file`` finds it (or, failing that, in the working directory)."""
        path = Path(script_path)
        if not path.is_absolute():
            beside = Path(inspect.stack()[1].filename).parent / path
            if beside.exists() or not path.exists():
                path = beside
        return cls(path.read_text(), default_timeout=default_timeout, filename=str(path))

    @classmethod
    def from_function(cls, script: Callable[..., Any], *, default_timeout: float = 3,
                      args: tuple | None = None, kwargs: dict | None = None) -> AppTest:
        """An app from a function's source: its body runs as the script (so it must import
        what it uses), called with ``args``/``kwargs``, as in Streamlit.

        Example:
            >>> def app():
            ...     import nbstate as st
            ...     st.text("from a function")
            >>> AppTest.from_function(app).run().text[0].value
            'from a function'
        """
        source = textwrap.dedent(inspect.getsource(script))
        call = f"\n{script.__name__}(*__nbstate_args, **__nbstate_kwargs)\n"
        at = cls(source + call, default_timeout=default_timeout)
        at._app.fresh_namespace = False
        # __nbstate_app__: `import streamlit` in the function gives nbstate even in a thread
        at._app._namespace = {"__name__": "__main__", "__nbstate_args": tuple(args or ()),
                              "__nbstate_kwargs": dict(kwargs or {}), "__nbstate_app__": True}
        at._fresh_ns = dict(at._app._namespace)
        return at

    @classmethod
    def from_notebook(cls, path: str | Path, cell: str | int | None = None, *,
                      default_timeout: float = 3) -> AppTest:
        """The ``%%app`` cell of a notebook, by app name or by index among the app cells.

        The notebook's plain code cells above it run first (magics skipped), so the app
        sees what they define, as it would in the kernel.
        """
        from ..magic import parse_app_cell

        nb = json.loads(Path(path).read_text())
        ns: dict[str, Any] = {"__name__": "__main__"}
        plain: list[str] = []
        apps: list[tuple[str | None, str, list[str]]] = []
        files: dict[int, Path] = {}  # `%%app --file x.py` cells: the script, by app index
        for c in nb.get("cells", []):
            if c.get("cell_type") != "code":
                continue
            src = "".join(c["source"]) if isinstance(c["source"], list) else c["source"]
            parsed = parse_app_cell(src)
            if parsed is None:
                plain.append(src)
            else:
                if parsed[1] is not None:  # relative to the notebook, the kernel's cwd
                    files[len(apps)] = Path(path).parent / parsed[1]
                apps.append((parsed[0], parsed[2], list(plain)))
        if not apps:
            raise ValueError(f"{path}: no %%app cell found")
        if cell is None:
            index = 0
        elif isinstance(cell, int):
            index = range(len(apps))[cell]
        else:
            named = [i for i, a in enumerate(apps) if a[0] == cell]
            if not named:
                raise ValueError(f"{path}: no %%app cell named {cell!r} "
                                 f"(found {[a[0] for a in apps]})")
            index = named[0]
        name, body, before = apps[index]
        script = files.get(index)
        if script is not None:  # a Streamlit script runs in a namespace of its own
            return cls(script.read_text(encoding="utf-8"), default_timeout=default_timeout,
                       name=name, filename=str(script))
        for src in before:
            lines = [ln for ln in src.splitlines()
                     if not ln.lstrip().startswith(("%", "!"))]
            exec(compile("\n".join(lines), f"<{path} cell>", "exec"), ns)
        return cls(body, default_timeout=default_timeout, name=name, namespace=ns)

    # -- running --------------------------------------------------------------------
    def run(self, *, timeout: float | None = None) -> AppTest:
        """Send what was set, run the app (callbacks first), and return this ``AppTest``."""
        limit = self.default_timeout if timeout is None else timeout
        changes = list(self._pending.items())
        self._pending.clear()
        if self._unsendable:
            error = self._unsendable[0]
            self._unsendable.clear()
            raise error
        if self._fresh_ns is not None:
            self._app._namespace = dict(self._fresh_ns)
        start = time.perf_counter()
        self._app.deadline = start + limit if limit else None
        token = _watchdog.start(limit) if limit and hasattr(ctypes, "pythonapi") else None
        timed_out = False
        try:
            try:
                with self._secrets_in_force():
                    self._tree = self._app.interact(changes)
            finally:
                self._app.deadline = None
                if token is not None:
                    timed_out = _watchdog.stop(token)
        except (_RunTimedOut, TimeoutError):
            if token is not None:
                _watchdog.stop(token)  # if the interrupt landed inside stop() itself
            timed_out = True
        if timed_out:
            raise AppTestTimeoutError(
                f"AppTest script run timed out after {limit}(s): the app's code (or its "
                "st.rerun() loop) did not finish. Pass a longer run(timeout=...) if it is "
                "only slow.")
        self._walked = self._shaped = None
        self._by_accessor = {}
        return self

    def _queue(self, view: ElementView, value: Any) -> None:
        rec = self._session.store.widgets.get(view.id or "")
        try:
            value = as_sent(view._el, value, rec.format_func if rec is not None else None)
        except (TypeError, ValueError) as e:
            self._unsendable.append(e)
        kind = view.element_type
        wid = view.id
        assert wid is not None  # only widgets are set
        if view.form is not None and kind != "form_submit_button":
            self._held.setdefault(view.form, {})[wid] = value
        else:
            if kind == "form_submit_button" and view.form is not None:
                self._pending.update(self._held.pop(view.form, {}))
            self._pending[wid] = value

    def _pending_value(self, view: ElementView) -> Any:
        if view.id in self._pending:
            return self._pending[view.id]
        if view.form is not None and view.id in self._held.get(view.form, {}):
            return self._held[view.form][view.id]
        return _MISSING

    # -- state ----------------------------------------------------------------------
    @property
    def session_state(self) -> _TestSessionState:
        """The app's ``st.session_state``; reads and writes between runs."""
        return _TestSessionState(self._session)

    # -- elements -------------------------------------------------------------------
    def _roots(self) -> list[Element]:
        """The top blocks of the last run as Streamlit's ``AppTest`` has them (``at[i]``):
        main, the sidebar, the event block, and the bottom block if the app has one."""
        if self._shaped is None:
            self._shaped, self._menus = _roots(self._tree) if self._tree is not None \
                else ([], [])
        return self._shaped

    def _elements(self) -> list[tuple[Element, str | None]]:
        if self._walked is None:
            out: list[tuple[Element, str | None]] = []
            if self._tree is not None:
                _collect(self._tree.contents[0], None, out)  # the run's notices, first
                for i, root in enumerate(self._roots()):
                    if i:  # (main is no element of its own)
                        out.append((root, None))
                    _collect(root, None, out)
                # st.logo and the page menu: in no block (Streamlit's AppTest has neither):
                # ``at.logo``, ``at.navigation[0].get("page_link")`` here
                out += [(c, None) for c in self._tree.contents[2:] if c.type == "logo"]
                out += [(m, None) for m in self._menus]
            self._walked = out
        return self._walked

    # Streamlit's AppTest is the root block of its tree: at[0] is main, at[1] the sidebar
    def __len__(self) -> int:
        return len(self._roots())

    def __getitem__(self, i: int) -> ElementView:
        return ElementView(self, self._roots()[i], None)

    def __iter__(self) -> Iterator[ElementView]:
        """The root, then every block and element, depth first, as Streamlit's."""
        return iter(ElementView(self, Element("root", children=self._roots()), None))

    def get_by_key(self, key: str) -> ElementView:
        """The one element, widget or container with this user key (``at.get_by_key("x")``):
        ``KeyError`` if none has it, ``AppTestError`` if several have.

        Example:
            >>> at = AppTest.from_string("import nbstate as st\\nst.slider('s', key='s')").run()
            >>> at.get_by_key("s").value
            0
        """
        return _by_key(self, [v for v in self if v._el.type != "root"], key)

    def _all(self) -> ElementList:
        return ElementList(self, self._elements())

    def get(self, element_type: str) -> ElementList:
        """Every element of one type, in display order (``at.get("slider")``)."""
        found = self._by_accessor.get(element_type)
        if found is None:
            found = [p for p in self._elements() if _of_type(p[0], element_type)]
            self._by_accessor[element_type] = found
        return ElementList(self, found)

    @property
    def main(self) -> ElementView | None:
        """The app's main area, as a block with the same accessors (``at.main.slider``);
        None before the first run."""
        return ElementView(self, self._roots()[0], None) if self._tree else None

    @property
    def sidebar(self) -> ElementView:
        """The sidebar block (empty if the app wrote nothing there): ``at.sidebar.slider``."""
        roots = self._roots()
        return ElementView(self, roots[1] if roots else Element("sidebar", children=[]), None)

    @property
    def tree(self) -> Element | None:
        """The element tree of the last run (plain records)."""
        return self._tree

    def __getattr__(self, name: str) -> ElementList:
        if name in _ELEMENT_TYPES:
            return self.get(name)
        raise AttributeError(name)

    def __repr__(self) -> str:
        return f"AppTest({self._app.name!r}, {len(self._all())} elements)"

    # -- pages, query parameters, secrets (the rest of st: issue 10) ----------------------
    def switch_page(self, page_path: str) -> AppTest:
        """Go to a page of the app's ``st.navigation`` at the next ``run()`` (by file path,
        URL path or title), as Streamlit's ``AppTest.switch_page``.

        Example:
            >>> at = AppTest.from_string('''
            ... import nbstate as st
            ... def a(): st.text("page a")
            ... def b(): st.text("page b")
            ... st.navigation([st.Page(a), st.Page(b)]).run()
            ... ''').run()
            >>> at.switch_page("b").run().text[0].value
            'page b'
        """
        from ..page import app_extras

        target = str(page_path)
        main_dir = Path(self._filename).parent if self._filename else Path.cwd()
        pages = (app_extras(self._app).get("pages") or {}).values()
        # as Streamlit's: a file relative to the main script; here also a page of the last
        # run's st.navigation by URL path or title (a function's page has no file)
        if not (main_dir / target).is_file() and not any(
                target in (p.url_path, p.title) for p in pages):
            raise ValueError(
                f"Could not find page {target!r} relative to the main script "
                f"{self._filename or '<string>'!r}. Resolved page path: "
                f"{str((main_dir / target).resolve())!r}.")
        app_extras(self._app)["page"] = target
        return self

    @property
    def query_params(self) -> Any:
        """The session's ``st.query_params`` (set them before ``run()``)."""
        from ..page import QueryParams

        return QueryParams(self._session)

    def _secrets_in_force(self) -> Any:
        import contextlib

        if not getattr(self, "_secrets", None):
            return contextlib.nullcontext()
        from ..secrets import secrets

        # as Streamlit's AppTest: they are st.secrets for the run, instead of secrets.toml's,
        # and are not put in os.environ
        return secrets.overriding(self._secrets, replace=True)

    @property
    def secrets(self) -> dict[str, Any]:
        """Secrets for the app under test, over those of ``secrets.toml`` (set them before
        ``run()``), as Streamlit's ``AppTest.secrets``."""
        if not hasattr(self, "_secrets"):
            self._secrets: dict[str, Any] = {}
        return self._secrets


_MISSING = object()


def as_sent(el: Element, v: Any, format_func: Callable[[Any], Any] | None = None) -> Any:
    """A value a test sets, as Streamlit's AppTest sends it (SPEC §10): converted where it
    converts (a datetime for a date or time input, a reversed select_slider range, a float
    for an int number input, an option's shown label for a choice widget's option),
    ``ValueError``/``TypeError`` where it raises (not an option of a selectbox or radio; a box
    or checkbox given the wrong type). Any other value goes to the app, which refuses what a
    real frontend could not send."""
    t, p = el.type, el.props
    what = f'`st.{t}` "{p.get("label")}"'
    if t in _LABELLED and format_func is not None and v is not None:
        if t == "multiselect" or (t != "selectbox" and t != "radio" and p.get("multi")):
            if isinstance(v, (list, tuple)):
                v = type(v)(_by_label(el, x, format_func) for x in v)
        else:
            v = _by_label(el, v, format_func)
    if t in ("selectbox", "radio") and v is not None:
        try:
            find_option(p.get("options", []), v)
        except RefusedValue:
            raise ValueError(f"{v!r} is not one of the options of {what}: "
                             f"{p.get('labels')}") from None
    elif t in ("text_input", "text_area") and not (v is None or isinstance(v, str)):
        raise TypeError(f"{what} takes a str (or None), got {type(v).__name__}")
    elif t in ("checkbox", "toggle") and type(v) is not bool:
        raise TypeError(f"{what} takes True or False, got {type(v).__name__}")
    elif t == "date_input":
        return _dates(v)
    elif t == "time_input" and isinstance(v, _dt.datetime):
        return v.time()
    elif t == "datetime_input" and isinstance(v, _dt.datetime):
        # as Streamlit's AppTest sends it: to the minute, the wall clock without a timezone
        return v.replace(second=0, microsecond=0, tzinfo=None)
    elif t == "select_slider" and isinstance(v, (list, tuple)) and len(v) == 2:
        return _sorted_range(p.get("options", []), v)
    elif t == "number_input" and p.get("dtype") == "int" and type(v) is float and \
            v == v and abs(v) != float("inf"):
        return int(v)
    return v


def _button_content(label: str) -> str:
    """A pill's or segment's text without its icon: the first space-separated word, if it is
    all an emoji or a ``:material/name:`` icon, is dropped with the one space after it."""
    first, _, rest = label.partition(" ")
    icon, remaining = leading_icon(first.strip())
    return rest if icon and not remaining else label


#: choice widgets whose AppTest value may be an option's label, as in Streamlit's AppTest
_LABELLED = ("selectbox", "radio", "multiselect", "pills", "segmented_control")


def _by_label(el: Element, v: Any, format_func: Callable[[Any], Any]) -> Any:
    """The option a test means by ``v``, as Streamlit's AppTest sends it: an option is
    itself; another value is the option whose label is ``format_func(v)`` or, when
    ``format_func`` raises on a str, the str itself (``set_value("Gamma")`` for the option
    shown as "Gamma"); a value that is neither stays as given (and is refused)."""
    options = el.props.get("options", [])
    if option_index(options, v) is not None:
        return v
    try:
        label = format_func(v)
    except Exception:  # (as Streamlit's AppTest: only a str falls back to itself)
        if not isinstance(v, str):
            return v
        label = v
    labels = [str(x) for x in el.props.get("labels", [])]
    return options[labels.index(str(label))] if str(label) in labels else v


def _dates(v: Any) -> Any:
    if isinstance(v, _dt.datetime):
        return v.date()
    if isinstance(v, (list, tuple)):
        return tuple(_dates(x) for x in v)
    return v


def _sorted_range(options: list, v: Any) -> Any:
    try:
        ends = [find_option(options, x) for x in v]
    except RefusedValue:
        return v  # the app refuses it
    return tuple(sorted(ends, key=lambda o: next(i for i, x in enumerate(options) if x is o)))


def _is_script_path(target: Any) -> bool:
    """Is ``target`` the path of a script (a ``Path``, or one line of text naming an existing
    ``.py`` file) rather than the script's code?"""
    if isinstance(target, Path):
        return True
    return (isinstance(target, str) and "\n" not in target
            and target.strip().endswith(".py") and Path(target.strip()).is_file())


def _raiser(error: SyntaxError) -> Callable[[], None]:
    def app_does_not_compile() -> None:
        raise error

    return app_does_not_compile


class AppTestTimeoutError(RuntimeError, TimeoutError):
    """A run took longer than its timeout (``RuntimeError`` as in Streamlit's AppTest)."""


class _RunTimedOut(BaseException):
    """Raised inside a run that outlived its timeout (a BaseException, so app code that
    catches Exception does not swallow it)."""


class _Watchdog:
    """Interrupts a run that outlives its timeout.

    Runs happen in the caller's thread (the core is synchronous). One daemon thread, started
    on first use, looks at the runs under way every ``POLL`` seconds; past a run's deadline
    it raises ``_RunTimedOut`` in that run's thread at its next Python instruction, as a
    debugger's interrupt would, so an endless loop in app code ends the test instead of
    hanging it. Starting and stopping a watch is a dict update, so runs stay cheap.
    """

    POLL = 0.05

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._runs: dict[int, list] = {}  # token -> [thread id, deadline, fired]
        self._next = 0
        self._thread: threading.Thread | None = None

    def start(self, limit: float) -> int:
        with self._lock:
            self._next += 1
            self._runs[self._next] = [threading.get_ident(), time.perf_counter() + limit, False]
            if self._thread is None:
                self._thread = threading.Thread(target=self._loop, daemon=True,
                                                name="nbstate-apptest-watchdog")
                self._thread.start()
            return self._next

    def stop(self, token: int) -> bool:
        """End a watch; True if it fired (an interrupt not yet raised is withdrawn)."""
        with self._lock:
            entry = self._runs.pop(token, None)
        if entry is not None and entry[2]:
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(entry[0]), None)
            return True
        return False

    def _loop(self) -> None:
        while True:
            time.sleep(self.POLL)
            now = time.perf_counter()
            with self._lock:
                for entry in self._runs.values():
                    if not entry[2] and now > entry[1]:
                        entry[2] = True
                        ctypes.pythonapi.PyThreadState_SetAsyncExc(
                            ctypes.c_ulong(entry[0]), ctypes.py_object(_RunTimedOut))


_watchdog = _Watchdog()

_ELEMENT_TYPES = {
    "button", "download_button", "form_submit_button", "checkbox", "toggle", "radio",
    "selectbox", "multiselect", "slider", "select_slider", "text_input", "text_area",
    "number_input", "date_input", "time_input", "color_picker", "file_uploader", "pills",
    "segmented_control", "markdown", "text", "title", "header", "subheader", "caption", "code",
    "json", "divider", "info", "success", "warning", "error", "exception", "form", "container",
    "dataframe", "table", "image", "columns", "column", "tabs", "tab", "expander", "sidebar",
    "metric", "progress", "latex", "empty", "popover", "status", "toast", "chart",
    "fragment", "spinner",
    # the rest of Streamlit's st namespace (issue 10)
    "audio", "video", "pdf", "badge", "space", "balloons", "snow", "skeleton", "help", "logo",
    "page_link", "link_button", "graphviz_chart", "mermaid_chart", "echarts_chart",
    "pydeck_chart", "dialog", "grid", "datetime_input", "feedback", "pagination",
    "menu_button", "camera_input", "audio_input", "navigation", "fragment_timer",
}
# shim area: st.html (at.html, as in Streamlit), st.iframe and components.v1 html/iframe
# (at.get("iframe"): an unnamed element in Streamlit's AppTest too), custom components
# (at.get("component_instance"), Streamlit's name; a widget: .set_value(v) is what its page
# sends)
_ELEMENT_TYPES |= {"html", "iframe", "component_instance"}
# chat and streaming (issue 10): at.chat_input, at.chat_message (blocks), st.bottom's block
_ELEMENT_TYPES |= {"chat_input", "chat_message", "bottom"}

# Streamlit 1.67 signatures and handles (issue 10): st.help's element (at.help)
_ELEMENT_TYPES |= {"help"}
# Streamlit 1.67's AppTest: pills and segmented controls together
_ELEMENT_TYPES |= {"button_group"}


_TAGS = {"title": "h1", "header": "h2", "subheader": "h3"}

# accessor name -> element types it lists (Streamlit's names: at.columns lists the columns)
_ACCESSOR_TYPES = {
    "button": {"button", "form_submit_button"},
    "button_group": {"pills", "segmented_control"},
    "dataframe": {"dataframe", "data_editor"},  # (an editor is a dataframe in Streamlit's)
    "columns": {"column"},
    "tabs": {"tab"},
    "chart": {"chart"},
}


#: nbstate's element type -> the type Streamlit's AppTest gives the same element (the name of
#: its message: a badge is Markdown there, columns a flex container); the same unless here.
#: A chart's depends on its library (``_streamlit_type``).
_STREAMLIT_TYPES = {
    "container": "flex_container", "columns": "flex_container", "fragment": "flex_container",
    "pills": "button_group", "segmented_control": "button_group",
    "form_submit_button": "button", "data_editor": "dataframe", "tabs": "tab_container",
    "grid": "grid_container", "badge": "markdown", "mermaid_chart": "markdown",
    "help": "help_info", "datetime_input": "date_time_input",
    "pydeck_chart": "deck_gl_json_chart", "bottom": "unknown",
}


def _streamlit_type(el: Element) -> str:
    """The type Streamlit's AppTest gives this element."""
    if el.type == "chart":
        if el.props.get("library") == "plotly":
            return "plotly_chart"
        # (st.map draws a deck.gl map in Streamlit, a Vega-Lite one here)
        return "deck_gl_json_chart" if el.props.get("chart_type") == "map" else "vega_lite_chart"
    return _STREAMLIT_TYPES.get(el.type, el.type)


def _of_type(el: Element, element_type: str) -> bool:
    """Is ``el`` listed by ``at.get(element_type)``? By nbstate's name, the accessor's list
    (``at.button`` lists submit buttons), or Streamlit's name (``at.get("flex_container")``,
    ``at.markdown`` lists badges, as Streamlit's)."""
    return (el.type in _ACCESSOR_TYPES.get(element_type, (element_type,))
            or _streamlit_type(el) == element_type)


def _formatted(format_func: Callable[[Any], Any], value: Any) -> Any:
    """An option as shown, as Streamlit's AppTest formats it: a label given for the value
    (a str the function cannot take) is itself."""
    try:
        return format_func(value)
    except Exception:
        if isinstance(value, str):
            return value
        raise


#: what Streamlit's AppTest elements carry under their own names, from nbstate's props:
#: element type -> attribute -> its value (an ``icon`` is a field of their message:
#: ``proto.py``)
_DERIVED: dict[str, dict[str, Callable[[Element], Any]]] = {
    "file_uploader": {
        "accept_multiple_files": lambda e: bool(e.props.get("multiple")),
        "accept_directory": lambda e: bool(e.props.get("directory")),
        "allowed_type": lambda e: list(e.props.get("types") or ())},
    "camera_input": {"resolution": lambda e: e.props.get("resolution")},
    "image": {"captions": lambda e: [i.get("caption") or "" for i in e.props["images"]]},
    "dataframe": {"editing_mode": lambda e: "read_only"},
    "data_editor": {"editing_mode": lambda e: e.props.get("num_rows", "fixed")},
}


def _badge_markdown(p: dict) -> str:
    icon = f"{p['icon']} " if p.get("icon") else ""
    label = str(p.get("label", "")).replace("[", "\\[").replace("]", "\\]")
    return f":{p.get('color', 'blue')}-badge[{icon}{label}]"


def _mermaid_markdown(p: dict) -> str:
    body = str(p.get("body", ""))
    if p.get("alt"):  # (Streamlit marks the diagram's accessible name with a comment line)
        body = f"%% stAlt: {' '.join(str(p['alt']).split())}\n{body}"
    longest = max((len(m) for m in re.findall("`+", body)), default=0)
    fence = "`" * max(4, longest + 1)
    return f"{fence}mermaid\n{body}\n{fence}"


def _roots(tree: Element) -> tuple[list[Element], list[Element]]:
    """Main, sidebar, event (and bottom) blocks of a run's tree, shaped as Streamlit's
    ``AppTest`` shows them, and the page menus of ``st.navigation`` (which Streamlit's tree
    has not): what Streamlit puts in its event block (``st.toast``, dialogs, style-only
    ``st.html``: elements with an ``event`` place, wherever the run emitted them) is taken
    out of main and the sidebar into the event block, in the run's order; the bottom block
    (a chat input's) is a top block of its own; an ``st.empty`` slot (or an element
    replaced through its handle) that holds something is that thing, as Streamlit's
    placeholder is replaced by what is written to it (``at.empty`` lists the empty ones)."""
    rest = {c.type: c for c in tree.contents[2:]}
    taken: list[Element] = []
    body = list(tree.contents[1].contents)
    bottom = body.pop() if body and body[-1].type == "bottom" else None
    main = _shaped(Element("main", children=body), taken)
    side = _shaped(rest.get("sidebar") or Element("sidebar", children=[]), taken)
    low = _shaped(bottom, taken) if bottom is not None else None
    menus = [e for e in taken if e.type == "navigation"]
    events = sorted((e for e in taken if e.type != "navigation"),
                    key=lambda e: e.props["event"])
    roots = [main, side, Element("event", children=events)]
    if low is not None:
        roots.append(low)
    return roots, menus


def _shaped(el: Element, events: list[Element]) -> Element:
    """``el`` without its event elements and page menus (appended to ``events``), its filled
    ``st.empty`` slots replaced by what they hold: ``el`` itself when nothing changes."""
    kids = el.children
    if not kids:
        return el
    out: list[Element] = []
    changed = False
    for c in kids:
        if ("event" in c.props and c.type in _EVENT_TYPES) or c.type == "navigation":
            events.append(c)
            changed = True
            continue
        if c.type == "empty" and c.children:
            c, changed = c.children[0], True
        s = _shaped(c, events)
        changed = changed or s is not c
        out.append(s)
    if not changed:
        return el
    copy = Element(el.type, el.id, el.key, el.props, out)
    copy.path = el.path
    return copy


#: the element types Streamlit may place in its event block (``_roots``)
_EVENT_TYPES = frozenset({"toast", "dialog", "html"})


def _by_key(at: AppTest, views: Iterable[ElementView], key: str) -> ElementView:
    """``get_by_key``: the one view whose element has the user key ``key``."""
    found = [v for v in views if v.key == key]
    if len(found) == 1:
        return found[0]
    if not found:
        raise KeyError(key)
    raise AppTestError(f"Multiple elements have key {key!r}. Scope the query to a container "
                       "or use a typed collection.")


def _collect(el: Element, form: str | None, out: list) -> None:
    """Append (element, its form key) for every descendant of ``el``, in display order."""
    for child in el.children or ():
        f = child.key if child.type == "form" else form
        if child.type not in ("notices", "main"):
            out.append((child, form))
        if child.children is not None:
            _collect(child, f, out)


class _TestSessionState:
    def __init__(self, session: Session) -> None:
        self._s = session

    def __getitem__(self, key: str) -> Any:
        return self._s.proxy[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self._s.proxy[key] = value

    def __delitem__(self, key: str) -> None:
        del self._s.proxy[key]

    def __contains__(self, key: object) -> bool:
        return key in self._s.proxy

    def __getattr__(self, key: str) -> Any:
        return getattr(self._s.proxy, key)

    def __setattr__(self, key: str, value: Any) -> None:
        if key == "_s":
            object.__setattr__(self, key, value)
        else:
            setattr(self._s.proxy, key, value)

    def __delattr__(self, key: str) -> None:
        delattr(self._s.proxy, key)

    def __iter__(self) -> Iterator[str]:
        return iter(self._s.proxy)

    def __len__(self) -> int:
        return len(self._s.proxy)

    def get(self, key: str, default: Any = None) -> Any:
        return self._s.proxy.get(key, default)

    def keys(self) -> KeysView[str]:
        return self._s.proxy.keys()

    def values(self) -> ValuesView[Any]:
        return self._s.proxy.values()

    def items(self) -> ItemsView[str, Any]:
        return self._s.proxy.items()

    def to_dict(self) -> dict:
        return self._s.proxy.to_dict()

    def filtered_state(self) -> dict:
        return self.to_dict()

    def __repr__(self) -> str:
        return repr(self._s.proxy)


class ElementList:
    """A list of elements of one type: by position (``[0]``) or by key (``(key="x")``).

    It holds (element, form) pairs and makes the view of an element when it is asked for,
    so ``at.slider[j]`` on an app of 1000 sliders makes one view, not 1000.
    """

    def __init__(self, at: AppTest, items: list[tuple[Element, str | None]]) -> None:
        self._at = at
        self._items = items

    def __getitem__(self, i: int | slice) -> Any:
        if isinstance(i, slice):
            return ElementList(self._at, self._items[i])
        el, form = self._items[i]
        return ElementView(self._at, el, form)

    def __call__(self, key: str) -> ElementView:
        for el, form in self._items:
            if el.key == key:
                return ElementView(self._at, el, form)
        keys = [el.key for el, _ in self._items]
        raise KeyError(f"no element with key {key!r} (keys: {keys})")

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[ElementView]:
        at = self._at
        return (ElementView(at, el, form) for el, form in self._items)

    @property
    def len(self) -> int:
        return len(self._items)

    @property
    def values(self) -> list[Any]:
        return [v.value for v in self]

    def __eq__(self, other: object) -> bool:
        """Equal to a list of the same elements (or another list of them), as Streamlit's."""
        if isinstance(other, ElementList):
            return [(id(e), f) for e, f in self._items] == [(id(e), f) for e, f in other._items]
        return list(self) == other

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"ElementList({list(self)!r})"


class ElementView:
    """One element of the last run: read its value and props; widgets can be set."""

    def __init__(self, at: AppTest, el: Element, form: str | None) -> None:
        self._at = at
        self._el = el
        self.form = form

    # -- reading ----------------------------------------------------------------------
    @property
    def type(self) -> str:
        """The element type as Streamlit's AppTest names it (``"slider"``, ``"flex_container"``
        for a container or columns, ``"vega_lite_chart"``...); for an exception, the
        exception's class name (``element_type`` is nbstate's own name)."""
        if self._el.type == "exception":
            return self._el.props["type"]
        return _streamlit_type(self._el)

    @property
    def element_type(self) -> str:
        """nbstate's name of the element type (``"container"``, ``"chart"``, ``"badge"``)."""
        return self._el.type

    @property
    def id(self) -> str | None:
        return self._el.id

    @property
    def key(self) -> str | None:
        return self._el.key

    @property
    def form_id(self) -> str | None:
        return self.form

    @property
    def _is_block(self) -> bool:
        """A container (a filled ``st.empty`` slot is what it holds; an empty one is an
        element, as in Streamlit's tree)."""
        return self._el.children is not None and self._el.type != "empty"

    @property
    def value(self) -> Any:
        el = self._el
        if self._is_block:
            raise self._no_value()
        if el.type == "divider":
            return "---"  # as Streamlit's AppTest: a divider is Markdown "---"
        if el.type == "latex":
            return f"$$\n{el.props['body']}\n$$"
        if el.type in ("dataframe", "table"):  # the data shown, as a DataFrame (as Streamlit's)
            return _grid_value(self)
        if el.type == "data_editor":  # what st.data_editor returned (the edited data)
            return el.props.get("result")
        if el.type == "badge":  # Streamlit's badge is this Markdown
            return _badge_markdown(el.props)
        if el.type == "mermaid_chart":  # as is a Mermaid diagram: a fenced block
            return _mermaid_markdown(el.props)
        if el.type in ("link_button", "page_link"):  # their label, as Streamlit's AppTest
            return el.props.get("label")
        if el.type == "image":  # the images' URLs, as Streamlit's AppTest (data: URLs here)
            return [i.get("src") or f"data:image/png;base64,{i.get('png', '')}"
                    for i in el.props["images"]]
        if el.id is not None and el.type != "form":
            pending = self._at._pending_value(self)
            if pending is not _MISSING:  # a clicked button reads True until the run, as in
                return pending              # Streamlit's AppTest
            return el.props.get("value")
        if el.type in ("exception",):
            return el.props["message"]
        if "body" in el.props:
            return el.props["body"]
        if el.type in ("dataframe", "table"):
            return el.props.get("data")
        return el.props.get("value")

    def _no_value(self) -> AttributeError:
        """As Streamlit's AppTest: a block has no value."""
        el = self._el
        state = (f"; its state is at.session_state[{el.key!r}]"
                 if el.id is not None and el.key is not None else "")
        return AttributeError(
            f"{self.type} block has no attribute 'value' (as in Streamlit's AppTest): read "
            f"what it holds, e.g. `.children` or `.markdown`{state}")

    # -- what Streamlit's AppTest elements also carry ---------------------------------
    @property
    def tag(self) -> str:
        """A heading's HTML tag: ``h1`` (title), ``h2`` (header), ``h3`` (subheader)."""
        return _TAGS[self._el.type]

    @property
    def anchor(self) -> str:
        return self._el.props.get("anchor") or ""

    @property
    def hide_anchor(self) -> bool:
        return bool(self._el.props.get("hide_anchor", False))

    @property
    def is_caption(self) -> bool:
        return self._el.type == "caption"

    @property
    def is_markdown(self) -> bool:
        """An exception's message is Markdown (never for an app's exceptions)."""
        return bool(self._el.props.get("is_markdown", False))

    @property
    def format_func(self) -> Callable[[Any], Any]:
        """A choice widget's ``format_func`` (``str`` if the app gave none)."""
        rec = self._at._session.store.widgets.get(self._el.id or "")
        if rec is None or rec.format_func is None:
            raise AttributeError(f"{self._el.type} element has no attribute 'format_func'")
        return rec.format_func

    @property
    def values(self) -> list[str]:
        """A multiselect's selected options, formatted (as shown)."""
        if self._el.type != "multiselect":
            raise AttributeError(f"{self._el.type} element has no attribute 'values'")
        return [_formatted(self.format_func, v) for v in self.value or ()]

    @property
    def formatted_values(self) -> list[str]:
        """Pills' or a segmented control's selection, formatted (as shown)."""
        if self._el.type not in ("pills", "segmented_control"):
            raise AttributeError(f"{self._el.type} element has no attribute "
                                 "'formatted_values'")
        v = self.value
        if v is None:
            return []
        return [_formatted(self.format_func, x) for x in (v if self._el.props.get("multi")
                                                          else [v])]

    @property
    def options(self) -> list[str]:
        """The options as shown (formatted), as Streamlit's AppTest gives them: for pills and
        a segmented control, without a first word that is an icon (Streamlit sends it as the
        option's icon: ``":material/home: Home"`` reads ``"Home"``)."""
        if "labels" not in self._el.props and self._el.type != "slider":
            # as Streamlit's: only choice widgets have options (a slider's message has an
            # empty list)
            raise AttributeError(f"{self.type} element has no attribute 'options'")
        labels = [str(x) for x in self._el.props.get("labels", [])]
        if self._el.type in ("pills", "segmented_control"):
            return [_button_content(x) for x in labels]
        return labels

    @property
    def index(self) -> int | None:
        return option_index(self._el.props.get("options", []), self.value, strict=False)

    @property
    def indices(self) -> list[int]:
        opts = self._el.props.get("options", [])
        return [opts.index(v) for v in self.value or []]

    @property
    def children(self) -> dict[int, ElementView]:
        """A block's children by position, as Streamlit's ``Block.children`` (a dict)."""
        return {i: self._child(c) for i, c in enumerate(self._el.children or ())}

    def _child(self, el: Element) -> ElementView:
        return ElementView(self._at, el, self._el.key if self._el.type == "form" else self.form)

    def get(self, element_type: str) -> ElementList:
        """Elements of one type inside this block (``at.sidebar.get("slider")``)."""
        out: list[tuple[Element, str | None]] = []
        _collect(self._el, self.form, out)
        return ElementList(self._at, [p for p in out if _of_type(p[0], element_type)])

    # a block is a sequence of its children (``at.main[0]``, ``len(at.sidebar)``) and
    # iterates over itself and everything in it, as Streamlit's ``Block``; an element
    # iterates over itself
    def __len__(self) -> int:
        return len(self._el.contents)

    def __bool__(self) -> bool:
        return self._el.children is None or bool(self._el.children)

    def __getitem__(self, i: int) -> ElementView:
        return self._child((self._el.children or [])[i])  # (one view; from the end too)

    def __iter__(self) -> Iterator[ElementView]:
        yield self
        for c in self.children.values():
            yield from c

    def __eq__(self, other: object) -> bool:
        """Views of one element of one ``AppTest`` are equal (``at.slider[0] in at.main``)."""
        if not isinstance(other, ElementView):
            return NotImplemented
        return self._el is other._el and self._at is other._at

    def __hash__(self) -> int:
        return id(self._el)

    def get_by_key(self, key: str) -> ElementView:
        """The one element, widget or container inside this block with this user key."""
        return _by_key(self._at, [v for v in self if v is not self], key)

    @property
    def proto(self) -> ProtoView:
        """The element's message fields as Streamlit's AppTest has them (``.proto.form_id``,
        ``.proto.spec``: ``nbstate/testing/proto.py``)."""
        return ProtoView(self)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        if name == "value":  # (the property raised: a block's, not a field of its message)
            raise self._no_value()
        if name == "options":  # (the property raised: no choice widget)
            raise AttributeError(f"{self.type} element has no attribute 'options'")
        derived = _DERIVED.get(self._el.type, {}).get(name)
        if derived is not None:
            return derived(self._el)
        # as Streamlit's elements: a name they lack is looked up on their message (here: a
        # field of that name, else a prop)
        try:
            return proto_field(self, name)
        except AttributeError:
            pass
        if self._el.children is not None and name in _ELEMENT_TYPES:
            return self.get(name)
        raise AttributeError(f"{self._el.type} element has no attribute {name!r}")

    def __repr__(self) -> str:
        key = f", key={self.key!r}" if self.key else ""
        label = self._el.props.get("label")
        lab = f" {label!r}" if label is not None else ""
        value = "" if self._is_block else f" value={self.value!r}"
        return f"<{self._el.type}{lab}{key}{value}>"

    # -- acting (widgets) ---------------------------------------------------------------
    def _require_widget(self, method: str = "set_value") -> None:
        if self._el.id is None or self._el.type == "form":
            raise AppTestError(
                f"{method}() is not supported for {self.type}{self._key_part()}. AppTest can "
                "inspect this element but does not implement interactions for it. Set its "
                "value through at.session_state if it has a key.")

    def _key_part(self) -> str:
        return f" (key={self.key!r})" if self.key else ""

    def _assert_can_interact(self) -> None:
        """As Streamlit's AppTest: what a browser user cannot do, a test cannot either."""
        if self._el.props.get("disabled") is True:  # (a data editor's list: some columns)
            raise AppTestError(
                f"Cannot update a disabled {self.type} widget{self._key_part()}. A browser "
                "user cannot interact with a disabled widget.")

    def set_value(self, value: Any) -> ElementView:
        """Set the value the frontend sends at the next ``run()``; returns this element."""
        self._require_widget()
        self._assert_can_interact()
        if self._el.type == "chat_input":  # text and staged files are sent together
            pending = self._at._pending_value(self)
            if isinstance(pending, dict) and not isinstance(value, dict):
                value = {**pending, "text": value}
        self._at._queue(self, value)
        return self

    def run(self, *, timeout: float | None = None) -> AppTest:
        return self._at.run(timeout=timeout)

    def click(self, option: Any = _MISSING) -> ElementView:
        """Click a button (or a form's submit button, which sends the form's values); for a
        ``menu_button``, pick ``option`` (as Streamlit's ``MenuButton.click(v)``)."""
        if self._el.type == "menu_button":
            if option is _MISSING:
                raise TypeError("menu_button.click(option): say which option to pick")
            return self.set_value(option)
        self._require_widget("click")
        return self.set_value(True)

    def click_index(self, index: int) -> ElementView:
        """Pick a ``menu_button``'s option by position."""
        return self.set_value(self._el.props["options"][index])

    def check(self) -> ElementView:
        return self.set_value(True)

    def uncheck(self) -> ElementView:
        return self.set_value(False)

    def input(self, value: Any) -> ElementView:
        return self.set_value(value)

    def select(self, value: Any) -> ElementView:
        if self._el.type == "multiselect" or (self._el.type in ("pills", "segmented_control")
                                             and self._el.props.get("multi")):
            cur = list(self.value or [])
            if value not in cur:
                cur.append(value)
            return self.set_value(cur)
        return self.set_value(value)

    def select_index(self, index: int) -> ElementView:
        return self.set_value(self._el.props["options"][index])

    def unselect(self, value: Any) -> ElementView:
        cur = [v for v in (self.value or []) if v != value]
        return self.set_value(cur)

    def increment(self) -> ElementView:
        """One step up (a number input, clamped to its maximum; a time input)."""
        return self._step(1)

    def decrement(self) -> ElementView:
        """One step down (a number input, clamped to its minimum; a time input)."""
        return self._step(-1)

    def _step(self, sign: int) -> ElementView:
        props = self._el.props
        step = props.get("step", 1)
        v = self.value
        if v is None:  # as Streamlit's AppTest: an empty input stays empty
            return self
        if isinstance(step, _dt.timedelta):  # time_input: wraps around midnight, as Streamlit
            moved = _dt.datetime.combine(_dt.date.today(), v) + sign * step
            return self.set_value(moved.time())
        new = v + sign * step
        bound = props.get("max" if sign > 0 else "min")
        if bound is not None:
            new = min(new, bound) if sign > 0 else max(new, bound)
        return self.set_value(new)

    def pick(self, value: str) -> ElementView:
        """Pick a colour (``color_picker``), as Streamlit's ``ColorPicker.pick``."""
        return self.set_value(value)

    def set_range(self, lower: Any, upper: Any) -> ElementView:
        return self.set_value((lower, upper))

    select_range = set_range

    def upload(self, name: str, data: bytes | str, type: str | None = None) -> ElementView:
        """Give a file uploader a file (as the browser would); for a chat input, attach it
        to the next message (``set_value`` gives its text)."""
        from ..uploads import UploadedFile

        raw = data.encode() if isinstance(data, str) else data
        if self._el.type == "chat_input":  # (Streamlit's default MIME type there)
            return self._attach(UploadedFile(name, raw, type or "application/octet-stream"))
        f = UploadedFile(name, raw, type)
        if self._el.props.get("multiple"):
            return self.set_value([*(self.value or []), f])
        return self.set_value(f)

    def clear(self) -> ElementView:
        if self._el.type == "chat_input":  # the staged files; the text stays
            pending = self._at._pending_value(self)
            if isinstance(pending, dict):
                self._at._queue(self, pending.get("text") or None)
            return self
        return self.set_value([] if self._el.props.get("multiple") else None)

    def _attach(self, f: Any) -> ElementView:
        """Stage a file for a chat input's next message (as Streamlit's ChatInput.upload)."""
        p = self._el.props
        accept = p.get("accept_file")
        if accept not in (True, "multiple", "directory"):
            raise ValueError(
                f'st.chat_input "{p.get("placeholder")}" does not accept files. Pass '
                "accept_file=True, 'multiple', or 'directory'.")
        types = p.get("file_type")
        if types and not any(f.name.lower().endswith(t) for t in types):
            raise ValueError(
                f'st.chat_input "{p.get("placeholder")}" does not accept the file {f.name!r}: '
                f"accepted types are {types}.")
        pending = self._at._pending_value(self)
        text = pending.get("text", "") if isinstance(pending, dict) else (
            pending if isinstance(pending, str) else "")
        files = list(pending.get("files", [])) if isinstance(pending, dict) else []
        files = [*files, f] if accept in ("multiple", "directory") else [f]
        self._at._queue(self, {"text": text, "files": files})
        return self

    # -- the data grid (st.dataframe selections): nbstate/grid_widgets.py ------------------
    @property
    def selection(self) -> Any:
        """A dataframe's selection state (``{"selection": {"rows", "columns", "cells"}}``)."""
        self._require_widget()
        pending = self._at._pending_value(self)
        return self._el.props.get("value") if pending is _MISSING else pending

    def _select(self, **part: Any) -> ElementView:
        self._require_widget()
        cur = dict(self.selection["selection"]) if self.selection else {}
        cur = {"rows": list(cur.get("rows", [])), "columns": list(cur.get("columns", [])),
               "cells": [list(c) for c in cur.get("cells", [])]}
        cur.update(part)
        return self.set_value({"selection": cur})

    def select_rows(self, rows: list[int]) -> ElementView:
        """Select rows by position in the data (as a reader ticking them in the grid)."""
        return self._select(rows=list(rows))

    def select_columns(self, columns: list[str]) -> ElementView:
        return self._select(columns=list(columns))

    def select_cells(self, cells: list[tuple[int, str]]) -> ElementView:
        return self._select(cells=[list(c) for c in cells])

    def clear_selection(self) -> ElementView:
        return self.set_value({"selection": {"rows": [], "columns": [], "cells": []}})

    def click_button(self, column: str, row: int, label: str | None = None) -> ElementView:
        """Click the button of a keyed ``ButtonColumn`` in row ``row`` (its position in the
        data); ``label``: the action picked when the cell holds several (default: the
        cell's text). Returns this grid (chain ``.run()``)."""
        wid = (self._el.props.get("buttons") or {}).get(column)
        if wid is None:
            raise ValueError(f"column {column!r} of this {self.type} is no ButtonColumn with a "
                             "key: its buttons do nothing")
        tree = self._at._tree
        target = next((el for el in tree.walk() if el.id == wid), None) if tree else None
        assert target is not None  # registered right after the grid in the same run
        if label is None:
            frame = self._el.props["source"].frame
            cell = frame[column].iloc[row] if column in frame.columns and \
                0 <= row < len(frame) else None
            label = str(cell[0] if isinstance(cell, (list, tuple)) else cell)
        # (a click is sent at once, in a form too: Streamlit's button columns are triggers,
        # not form values)
        self._at._queue(ElementView(self._at, target, None), {"row": row, "label": label})
        return self

    # -- st.data_editor (nbstate/grid_editor.py): edits as the grid sends them --------------
    @property
    def editing_state(self) -> Any:
        """A data editor's state (pending edits included): ``{"edited_rows", "added_rows",
        "deleted_rows"}``."""
        self._require_widget()
        pending = self._at._pending_value(self)
        cur: Any = self._el.props.get("value") if pending is _MISSING else pending
        return {"edited_rows": {k: dict(v) for k, v in cur["edited_rows"].items()},
                "added_rows": [dict(r) for r in cur["added_rows"]],
                "deleted_rows": list(cur["deleted_rows"])}

    def edit_cell(self, row: int, column: str, value: Any) -> ElementView:
        """Edit one cell: ``row`` is its position in the data as passed (an added row:
        ``len(data) + i``), ``column`` its name (``"_index"`` for the index)."""
        st = self.editing_state
        n = self._el.props.get("nrows", 0)
        if row >= n:
            st["added_rows"][row - n][column] = value
        else:
            st["edited_rows"].setdefault(row, {})[column] = value
        return self.set_value(st)

    def add_row(self, values: dict | None = None) -> ElementView:
        """Add a row (``values``: column name -> value; the rest empty)."""
        st = self.editing_state
        st["added_rows"].append(dict(values or {}))
        return self.set_value(st)

    def delete_rows(self, rows: Iterable[int]) -> ElementView:
        """Delete rows by their position in the data as passed (added rows: ``len(data) +
        i``)."""
        st = self.editing_state
        n = self._el.props.get("nrows", 0)
        for r in sorted(rows, reverse=True):
            if r >= n:
                del st["added_rows"][r - n]
            elif r not in st["deleted_rows"]:
                st["deleted_rows"].append(r)
        return self.set_value(st)



def _grid_value(view: ElementView) -> Any:
    """The data of a dataframe or table element as a pandas DataFrame, as Streamlit's AppTest
    reads it (MultiIndex columns kept)."""
    from ..tabular import to_frame

    src = view._el.props.get("source")
    return src.data if src is not None else to_frame(view._el.props.get("data"), flatten=False)


_ELEMENT_TYPES.add("data_editor")
