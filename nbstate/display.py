"""Display elements: ``write``, ``markdown``, ``text``, headings, ``code``, ``json``, alerts.

Each function appends one plain element record to the container the run is in.

Example (inside an app):
    >>> st.write("Hello", 42, {"a": 1})                                 # doctest: +SKIP
"""

from __future__ import annotations

import dataclasses
import inspect
import json as _json
import re
import sys
import textwrap
import types
from collections.abc import ItemsView, KeysView, ValuesView
from types import MappingProxyType
from typing import Any

from .elements import Element
from .errors import InvalidArgumentError
from .layout import ElementHandle, handle
from .params import size_ignored, text_props
from .run import exception_element, require
from .state import SessionStateProxy

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
        extra["icon"] = icon
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


def _to_jsonable(body: Any) -> Any:
    if isinstance(body, SessionStateProxy):
        return body.to_dict()
    if isinstance(body, (MappingProxyType, ItemsView, KeysView, ValuesView, map, enumerate)):
        return list(body) if not isinstance(body, MappingProxyType) else dict(body)
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
    extra = {"title": _text_body(kind, title)} if title is not None else {}
    return _simple(kind, kind, body, icon=icon, **extra)


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


def _write_repr(arg: Any) -> str:
    try:
        s = str(arg)
    except Exception as e:  # an object whose str() fails still shows something
        return f"`<{type(arg).__name__} object: str() raised {type(e).__name__}: {e}>`"
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


def write(*args: Any, unsafe_allow_html: bool = False) -> None:
    """Write anything: text as Markdown, dicts and lists as JSON, exceptions, frames, objects.

    Strings that follow each other are joined into one Markdown element, as in Streamlit.

    Example:
        >>> st.write("Total:", 42)                                      # doctest: +SKIP
    """
    require("write")  # (outside an app: the error says what to do)
    if len(args) == 1 and isinstance(args[0], str):
        markdown(args[0], unsafe_allow_html=unsafe_allow_html)
        return
    buf: list[str] = []

    def flush() -> None:
        if buf:
            markdown(" ".join(buf), unsafe_allow_html=unsafe_allow_html)
            buf.clear()

    for arg in args:
        if isinstance(arg, str):
            buf.append(arg)
        elif isinstance(arg, BaseException):
            flush()
            exception(arg)
        elif _is_dataframe(arg):
            flush()
            from . import data as _data

            _data.dataframe(arg)
        elif isinstance(arg, ElementHandle):
            flush()
            help(arg)
        elif isinstance(arg, (dict, list, SessionStateProxy, MappingProxyType, ItemsView,
                              KeysView, ValuesView, map, enumerate)) or hasattr(arg, "_asdict"):
            flush()
            json(arg)
        elif _is_figure(arg):
            flush()
            from . import data as _data

            _data.pyplot(arg)
        elif inspect.isgenerator(arg):
            flush()
            for item in arg:
                write(item, unsafe_allow_html=unsafe_allow_html)
        elif isinstance(arg, _HELP_TYPES) or dataclasses.is_dataclass(arg) or inspect.isclass(
                arg) or _MEM_ADDRESS.match(_safe_str(arg)):
            # functions, modules, classes, dataclasses and objects without a readable str()
            # are described by st.help, as Streamlit's st.write does
            flush()
            help(arg)
        else:
            buf.append(_write_repr(arg))
    flush()


def _is_dataframe(x: Any) -> bool:
    t = type(x)
    return t.__module__.startswith("pandas") and t.__name__ in ("DataFrame", "Series")


def _is_figure(x: Any) -> bool:
    t = type(x)
    return t.__module__.startswith("matplotlib") and t.__name__ == "Figure"


_HELP_TYPES = (types.BuiltinFunctionType, types.BuiltinMethodType, types.FunctionType,
               types.MethodType, types.ModuleType)
# "<foo.Bar object at 0x10e4cfa90>": a str() that says nothing (Streamlit's is_mem_address_str)
_MEM_ADDRESS = re.compile(r"^<[a-zA-Z_].* at 0x[0-9a-fA-F]+>$")


def _safe_str(obj: Any) -> str:
    try:
        return str(obj)
    except Exception:  # an object whose str() fails is written as such later
        return ""


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
        if isinstance(obj, str) or not _MEM_ADDRESS.match(shown):
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
