"""Display elements: ``write``, ``markdown``, ``text``, headings, ``code``, ``json``, alerts.

Each function appends one plain element record to the container the run is in.

Example (inside an app):
    >>> st.write("Hello", 42, {"a": 1})                                 # doctest: +SKIP
"""

from __future__ import annotations

import dataclasses
import inspect
import io
import json as _json
import sys
import textwrap
import types
from collections import ChainMap, UserDict, UserList
from collections.abc import Callable, ItemsView, KeysView, ValuesView
from types import MappingProxyType
from typing import Any, NamedTuple

from . import write_types as wt
from .charts import altair_chart, plotly_chart
from .chat import StreamingOutput, write_stream
from .data import dataframe, pyplot
from .elements import Element
from .embed import html
from .errors import InvalidArgumentError, NbstateAPIException
from .icons import check_icon, leading_icon
from .layout import ElementHandle, handle, replaces_one
from .media import graphviz_chart, pydeck_chart
from .params import size_ignored, text_props
from .rich import image, latex
from .run import exception_element, require
from .write_types import MEM_ADDRESS

# st.help() with no argument describes the st module (this package), as in Streamlit
_ST = sys.modules[__package__]


def _text_body(func: str, body: Any) -> str:
    """The text an element shows. As Streamlit's ``clean_text``: dedented and stripped, so a
    triple-quoted, indented string is not turned into a Markdown code block (code keeps its
    text as given)."""
    text_ = body if isinstance(body, str) else str(body)
    if func == "code":
        return text_
    if "\n" not in text_:
        # one line: dedent only strips leading blanks, which strip() removes anyway; this
        # skips its regexes for the common st.write(f"...") on every run
        return text_.strip()
    return textwrap.dedent(text_).strip()


def _simple(type_: str, func: str, body: Any, **props: Any) -> ElementHandle:
    ctx = require(func)
    props["body"] = _text_body(func, body)
    return handle(ctx, Element(type_, props=props))


def _width(width: Any, default: Any) -> dict:
    """A fixed width in pixels is honoured by the live frontend (kept in the props);
    "stretch"/"content" are how the notebook lays text out anyway."""
    if isinstance(width, int) and not isinstance(width, bool) and width != default:
        return {"width": width}
    return {}


def markdown(body: Any, unsafe_allow_html: bool = False, *, help: str | None = None,
             width: Any = "auto", text_alignment: str = "left", anchors: bool = True,
             wrap: bool = True) -> ElementHandle:
    """Markdown text. HTML in it is shown as text unless ``unsafe_allow_html=True``.

    Returns a handle: calling an ``st`` function on it replaces this text.

    Example:
        >>> st.markdown("**bold** and _italic_", text_alignment="center")  # doctest: +SKIP
    """
    # anchors: headings inside the Markdown get ids (links to them) unless anchors=False
    return _simple("markdown", "markdown", body, unsafe_allow_html=bool(unsafe_allow_html),
                   help=help, **text_props("markdown", text_alignment, wrap),
                   **_width(width, "auto"), **({} if anchors else {"anchors": False}))


def text(body: Any, *, help: str | None = None, width: Any = "content",
         text_alignment: str = "left", wrap: bool = True) -> ElementHandle:
    """Fixed-width text, shown as is (no Markdown, no HTML).

    Example:
        >>> h = st.text("loading...")                                  # doctest: +SKIP
        >>> h.text("done")                # replaces it                 # doctest: +SKIP
    """
    return _simple("text", "text", body, help=help, **text_props("text", text_alignment, wrap),
                   **_width(width, "content"))


def _heading(kind: str, body: Any, anchor: Any, help: str | None, divider: Any,
             icon: str | None, width: Any, text_alignment: str, wrap: bool) -> ElementHandle:
    extra = text_props(kind, text_alignment, wrap)
    if icon:
        extra["icon"] = check_icon(icon, kind)
    return _simple(kind, kind, body, anchor=anchor if isinstance(anchor, str) else None,
                   hide_anchor=anchor is False, help=help,
                   divider=divider if divider else False, **extra, **_width(width, "stretch"))


def title(body: Any, anchor: str | bool | None = None, *, help: str | None = None,
          icon: str | None = None, width: Any = "stretch", text_alignment: str = "left",
          wrap: bool = True) -> ElementHandle:
    """A title (h1).

    Example:
        >>> st.title("My dashboard", icon="📊")                          # doctest: +SKIP
    """
    return _heading("title", body, anchor, help, False, icon, width, text_alignment, wrap)


def header(body: Any, anchor: str | bool | None = None, *, help: str | None = None,
           icon: str | None = None, divider: bool | str = False, width: Any = "stretch",
           text_alignment: str = "left", wrap: bool = True) -> ElementHandle:
    """A header (h2).

    Example:
        >>> st.header("Results", divider=True)                          # doctest: +SKIP
    """
    return _heading("header", body, anchor, help, divider, icon, width, text_alignment, wrap)


def subheader(body: Any, anchor: str | bool | None = None, *, help: str | None = None,
              icon: str | None = None, divider: bool | str = False, width: Any = "stretch",
              text_alignment: str = "left", wrap: bool = True) -> ElementHandle:
    """A subheader (h3).

    Example:
        >>> st.subheader("Details")                                     # doctest: +SKIP
    """
    return _heading("subheader", body, anchor, help, divider, icon, width, text_alignment,
                    wrap)


def caption(body: Any, unsafe_allow_html: bool = False, *, help: str | None = None,
            width: Any = "stretch", text_alignment: str = "left",
            wrap: bool = True) -> ElementHandle:
    """Small, muted text.

    Example:
        >>> st.caption("Source: survey 2024")                           # doctest: +SKIP
    """
    return _simple("caption", "caption", body, unsafe_allow_html=bool(unsafe_allow_html),
                   help=help, **text_props("caption", text_alignment, wrap),
                   **_width(width, "stretch"))


def code(body: Any, language: str | None = "python", *, line_numbers: bool = False,
         wrap_lines: bool = False, height: Any = "content",
         width: Any = "stretch") -> ElementHandle:
    """A code block (``height`` in pixels scrolls a longer one).

    Example:
        >>> st.code("print('hi')")                                     # doctest: +SKIP
    """
    size_ignored("code", width, "stretch")
    extra = {"height": height} if isinstance(height, int) and not isinstance(height, bool) \
        else {}
    return _simple("code", "code", body, language=language, line_numbers=bool(line_numbers),
                   wrap_lines=bool(wrap_lines), **extra)


#: shown by st.json as the list of their items, as Streamlit's (which also lists sets, ranges,
#: deques... given to st.json: nbstate shows their repr)
_LIST_LIKE = (ItemsView, KeysView, ValuesView, map, enumerate, UserList)


def _to_jsonable(body: Any) -> Any:
    """``body`` as the value st.json shows, by Streamlit's conversions (and a dataclass as its
    fields, where Streamlit shows its repr)."""
    if wt.is_custom_dict(body):  # st.session_state, st.query_params...
        return body.to_dict()
    if isinstance(body, (ChainMap, MappingProxyType, UserDict)) or wt.is_pydantic_model(body):
        return dict(body)
    if wt.is_sequence_of_pydantic_models(body):
        return [m.model_dump(mode="json") if hasattr(m, "model_dump") else m.dict()
                for m in body]
    if isinstance(body, _LIST_LIKE):
        return list(body)
    if dataclasses.is_dataclass(body) and not isinstance(body, type):
        return dataclasses.asdict(body)
    if hasattr(body, "_asdict"):
        return body._asdict()
    return body


def json(body: Any, *, expanded: bool | int = True, width: Any = "stretch") -> ElementHandle:
    """Pretty-printed JSON of a dict, list, JSON string or ``st.session_state``.

    Example:
        >>> st.json({"a": [1, 2]})                                     # doctest: +SKIP
    """
    size_ignored("json", width, "stretch")
    ctx = require("json")
    if isinstance(body, str):
        try:
            _json.loads(body)
            text_ = body
        except ValueError:
            raise InvalidArgumentError(f"`st.json`: the string is not valid JSON: {body[:80]!r}")\
                from None
    else:
        # as Streamlit: objects JSON cannot hold show as their repr, keys it cannot hold
        # (tuples...) are left out instead of failing the run
        text_ = _json.dumps(_to_jsonable(body), default=_safe_repr, skipkeys=True)
    return handle(ctx, Element("json", props={"body": text_, "expanded": expanded}))


def divider(*, width: Any = "stretch") -> ElementHandle:
    """A horizontal rule.

    Example:
        >>> st.divider()                                               # doctest: +SKIP
    """
    size_ignored("divider", width, "stretch")
    return handle(require("divider"), Element("divider", props={}))


def _alert(kind: str, body: Any, icon: str | None, title: Any, width: Any) -> ElementHandle:
    size_ignored(kind, width, "stretch")
    ctx = require(kind)
    props: dict[str, Any] = {"body": _text_body(kind, body), "icon": check_icon(icon, kind)}
    if icon is None:  # a leading emoji or :material/...: is the icon, as in Streamlit
        props["icon"], props["body"] = leading_icon(props["body"])
    if title is not None:
        props["title"] = _text_body(kind, title)
    return handle(ctx, Element(kind, props=props))


def info(body: Any, *, icon: str | None = None, width: Any = "stretch",
         title: Any = None) -> ElementHandle:
    """A blue information box.

    Example:
        >>> st.info("Pick a file to start")                             # doctest: +SKIP
    """
    return _alert("info", body, icon, title, width)


def success(body: Any, *, icon: str | None = None, width: Any = "stretch",
            title: Any = None) -> ElementHandle:
    """A green success box.

    Example:
        >>> st.success("Saved")                                        # doctest: +SKIP
    """
    return _alert("success", body, icon, title, width)


def warning(body: Any, *, icon: str | None = None, width: Any = "stretch",
            title: Any = None) -> ElementHandle:
    """A yellow warning box.

    Example:
        >>> st.warning("Low disk space")                                # doctest: +SKIP
    """
    return _alert("warning", body, icon, title, width)


def error(body: Any, *, icon: str | None = None, width: Any = "stretch",
          title: Any = None) -> ElementHandle:
    """A red error box.

    Example:
        >>> st.error("Could not connect")                               # doctest: +SKIP
    """
    return _alert("error", body, icon, title, width)


def exception(exception: BaseException, width: Any = "stretch") -> ElementHandle:
    """Show an exception with its traceback.

    Example:
        >>> try:                                                       # doctest: +SKIP
        ...     1 / 0
        ... except ZeroDivisionError as e:
        ...     st.exception(e)
    """
    size_ignored("exception", width, "stretch")
    return handle(require("exception"), exception_element(exception))


def _safe_repr(obj: Any) -> str:
    """``repr(obj)``, or a placeholder naming the error if that repr raises."""
    try:
        return repr(obj)
    except Exception as e:  # an object whose repr() fails still shows something
        return f"<{type(obj).__name__} object: repr() raised {type(e).__name__}: {e}>"


def _code_span(s: str) -> str:
    """``s`` as inline code, or as a code block if it has several lines; fenced by more
    backticks than any run of them in ``s``, as Streamlit's."""
    ticks = "`" * (_longest_run(s, "`") + 1)
    if "\n" in s:
        ticks = "`" * max(3, len(ticks))
        return f"{ticks}\n{s}\n{ticks}"
    return f"{ticks}{s}{ticks}"


def _longest_run(s: str, ch: str) -> int:
    best = cur = 0
    for c in s:
        cur = cur + 1 if c == ch else 0
        best = max(best, cur)
    return best


def help(obj: Any = _ST, *, width: Any = "stretch") -> ElementHandle:
    """Describe an object: its name, type, signature or value, docstring and members.

    Example:
        >>> st.help(pandas.DataFrame)                                   # doctest: +SKIP
    """
    size_ignored("help", width, "stretch")
    ctx = require("help")
    var = _variable_name()
    summary, signature = _help_value(obj)
    if summary == var:
        summary = None  # st.help(re) says "re", not "re re"
    doc = inspect.getdoc(obj)
    if doc is None and type(obj) not in (type, types.ModuleType) and not (
            inspect.isfunction(obj) or inspect.ismethod(obj)):
        doc = inspect.getdoc(type(obj))
    members = []
    for attr in dir(obj):
        if attr.startswith("_"):
            continue
        try:
            v = getattr(obj, attr)
        except Exception:  # members that fail to read are left out
            continue
        if inspect.ismodule(v):
            continue
        readable = not (inspect.isclass(v) or callable(v))
        mdoc = None if readable else (inspect.getdoc(v) or "").partition("\n")[0] or None
        members.append({"name": attr, "type": "class" if inspect.isclass(v) else
                        type(v).__name__, "value": _shorten(_safe_repr(v)) if readable else None,
                        "doc_string": mdoc,
                        "weight": 2 if inspect.isclass(v) else (1 if callable(v) else 0)})
    members.sort(key=lambda m: (m["weight"], m["name"]))
    return handle(ctx, Element("help", props={
        "name": var or "",  # "" when unknown, as Streamlit's proto leaves it
        # obj_type: Streamlit's proto.type ("type" is the element's own, as in its AppTest)
        "obj_type": "class" if inspect.isclass(obj) else type(obj).__name__,
        # value: what Streamlit's AppTest gives (the name where the summary is a signature);
        # summary: the value or signature shown
        "value": var if var and (summary is None or signature) else summary,
        "summary": summary, "doc_string": doc.strip() if doc else None, "members": members}))


def _help_value(obj: Any) -> tuple[str | None, bool]:
    """(a readable value, or ``module.name(signature)``; whether it is a signature), as
    Streamlit's st.help works them out."""
    if not (inspect.isclass(obj) or inspect.ismodule(obj) or callable(obj)):
        shown = _safe_repr(obj)
        if isinstance(obj, str) or not MEM_ADDRESS.match(shown):
            return _shorten(shown), False
    named = getattr(obj, "__qualname__", None) or getattr(obj, "__name__", None)
    target = obj if named else type(obj)
    name = named or getattr(target, "__qualname__", None) or getattr(target, "__name__", "")
    sig = ""
    if inspect.isclass(target) or callable(target):
        try:
            sig = str(inspect.signature(target))
        except (ValueError, NameError):
            sig = "(...)"
        except TypeError:
            sig = ""
    module = getattr(target, "__module__", None)
    return (f"{module}.{name}{sig}" if module else f"{name}{sig}"), bool(sig)


def _variable_name() -> str | None:
    """The text of the object's expression on the app's line that asked for help: the
    argument of ``st.help(x)``/``st.write(x)``, or a bare expression shown by magic."""
    import ast
    import linecache

    from .params import user_frame

    frame = user_frame()
    if frame is None:
        return None
    line = linecache.getline(frame.f_code.co_filename, frame.f_lineno).strip()
    try:
        node = ast.parse(line).body[0]
    except (SyntaxError, IndexError):
        return None
    call = getattr(node, "value", None)
    if not isinstance(call, ast.Call) or (getattr(call.func, "id", None) or getattr(
            call.func, "attr", None)) not in ("help", "write"):
        return line.removesuffix(",") if isinstance(node, ast.Expr) else None
    if not call.args or isinstance(call.args[0], ast.Constant):
        return None
    arg = call.args[0]
    if isinstance(arg, ast.NamedExpr) and isinstance(arg.target, ast.Name):
        return arg.target.id
    return ast.get_source_segment(line, arg)


def _shorten(s: str, length: int = 300) -> str:
    s = s.strip()
    return s[:length] + "..." if len(s) > length else s


# -- st.write: a table of rules, in Streamlit 1.67's order -------------------------------------
# (after st.help: the table holds this module's help, not the builtin one)
class _Text:
    """The strings ``st.write`` gathers: those that follow each other make one Markdown."""

    def __init__(self, unsafe_allow_html: bool) -> None:
        self.parts: list[str] = []
        self.unsafe_allow_html = unsafe_allow_html

    def flush(self) -> None:
        if self.parts:
            markdown(" ".join(self.parts), unsafe_allow_html=self.unsafe_allow_html)
            self.parts.clear()


_Render = Callable[[_Text, Any], None]


class _Rule(NamedTuple):
    matches: Callable[[Any], bool]
    render: _Render
    #: the rule applies only with ``unsafe_allow_html=True``
    html_only: bool = False


def _shown_by(func: Callable[..., Any]) -> _Render:
    """Write the text gathered so far, then show the object with ``func`` (``st.json``...)."""

    def render(text: _Text, arg: Any) -> None:
        text.flush()
        func(arg)

    return render


def _gathered(text: _Text, arg: str) -> None:
    text.parts.append(arg)


def _replayed(text: _Text, output: StreamingOutput) -> None:
    """What ``st.write_stream`` returned, written again: its callables are called."""
    text.flush()
    for item in output:
        if callable(item):
            item()
        else:
            write(item, unsafe_allow_html=text.unsafe_allow_html)


def _keras_graph(model: Any) -> None:
    # as Streamlit: drawn by TensorFlow's Keras utilities (not installed with nbstate)
    from tensorflow.python.keras.utils import vis_utils

    graphviz_chart(vis_utils.model_to_dot(model).to_string())


def _html_repr(text: _Text, arg: Any) -> None:
    # as Streamlit's: the text gathered so far is not written first (it comes after the HTML)
    html(arg._repr_html_())


def _as_text(text: _Text, arg: Any) -> None:
    """Anything else: its ``str()`` in code ticks, or ``st.help`` when that ``str()`` only
    names the type and an address (``<foo.Bar object at 0x10e4cfa90>``)."""
    try:
        shown = str(arg)
    except Exception as e:  # an object whose str() fails still shows something (Streamlit
        # fails the run)
        text.parts.append(f"`<{type(arg).__name__} object: str() raised "
                          f"{type(e).__name__}: {e}>`")
        return
    if MEM_ADDRESS.match(shown):
        text.flush()
        help(arg)
    else:
        text.parts.append(_code_span(shown))


def _anything(arg: Any) -> bool:
    return True


#: how st.write shows an object: the first rule that matches, in Streamlit 1.67's order
_WRITE_RULES: tuple[_Rule, ...] = (
    _Rule(lambda a: isinstance(a, str), _gathered),
    _Rule(lambda a: isinstance(a, StreamingOutput), _replayed),
    _Rule(lambda a: isinstance(a, Exception), _shown_by(exception)),
    _Rule(wt.is_delta_generator, _shown_by(help)),
    _Rule(wt.is_dataframe_like, _shown_by(dataframe)),
    _Rule(wt.is_altair_chart, _shown_by(altair_chart)),
    _Rule(wt.is_matplotlib_figure, _shown_by(pyplot)),
    _Rule(wt.is_plotly_chart, _shown_by(plotly_chart)),
    _Rule(wt.is_graphviz_chart, _shown_by(graphviz_chart)),
    _Rule(wt.is_sympy_expression, _shown_by(latex)),
    _Rule(wt.is_pillow_image, _shown_by(image)),
    _Rule(wt.is_keras_model, _shown_by(_keras_graph)),
    _Rule(wt.is_json_like, _shown_by(json)),
    _Rule(wt.is_pydeck, _shown_by(pydeck_chart)),
    _Rule(lambda a: isinstance(a, io.StringIO), _shown_by(lambda s: markdown(s.getvalue()))),
    _Rule(wt.is_stream, _shown_by(write_stream)),
    _Rule(wt.is_help_target, _shown_by(help)),  # functions, modules, classes, dataclasses
    _Rule(lambda a: wt.has_callable_attr(a, "_repr_html_"), _html_repr, html_only=True),
    _Rule(wt.is_pandas_compatible, _shown_by(dataframe)),
    _Rule(_anything, _as_text),
)


def write(*args: Any, unsafe_allow_html: bool = False) -> None:
    """Write anything, each argument as Streamlit's ``st.write`` shows it: strings as
    Markdown (those that follow each other joined into one), dataframe-like data as a
    dataframe, charts (Altair, Plotly, Matplotlib, Graphviz, pydeck), images, exceptions,
    dicts and lists as JSON, generators streamed, functions, modules and classes by
    ``st.help``, any other object as its ``str()`` in code ticks.

    ``unsafe_allow_html=True`` renders HTML in the strings, and an object with
    ``_repr_html_`` (that is not one of the above) by ``st.html``.

    Example:
        >>> st.write("Total:", 42, pd.DataFrame({"a": [1, 2]}))         # doctest: +SKIP
    """
    ctx = require("write")  # (outside an app: the error says what to do)
    if len(args) == 1 and isinstance(args[0], str):
        markdown(args[0], unsafe_allow_html=unsafe_allow_html)
        return
    if len(args) > 1 and replaces_one(ctx):
        raise NbstateAPIException(
            "Cannot replace a single element with multiple elements.\n\nThe `write()` "
            "method only supports multiple elements when inserting elements rather than "
            "replacing. That is, only when called as `st.write()` or `st.sidebar.write()`.")
    text = _Text(unsafe_allow_html)
    for arg in args:
        rule = next(r for r in _WRITE_RULES
                    if (unsafe_allow_html or not r.html_only) and r.matches(arg))
        rule.render(text, arg)
    text.flush()
