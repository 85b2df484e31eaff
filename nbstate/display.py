"""Display elements: ``write``, ``markdown``, ``text``, headings, ``code``, ``json``, alerts.

Each function appends one plain element record to the container the run is in.

Example (inside an app):
    >>> st.write("Hello", 42, {"a": 1})                                 # doctest: +SKIP
"""

from __future__ import annotations

import dataclasses
import inspect
import json as _json
import textwrap
from collections.abc import ItemsView, KeysView, ValuesView
from types import MappingProxyType
from typing import Any

from .elements import Element
from .errors import InvalidArgumentError
from .run import exception_element, require
from .state import SessionStateProxy


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


def _simple(type_: str, func: str, body: Any, **props: Any) -> None:
    ctx = require(func)
    props["body"] = _text_body(func, body)
    ctx.emit(Element(type_, props=props))


def markdown(body: Any, unsafe_allow_html: bool = False, *, help: str | None = None,
             width: Any = "stretch") -> None:
    """Markdown text. HTML in it is shown as text unless ``unsafe_allow_html=True``.

    Example:
        >>> st.markdown("**bold** and _italic_")                        # doctest: +SKIP
    """
    _simple("markdown", "markdown", body, unsafe_allow_html=bool(unsafe_allow_html), help=help)


def text(body: Any, *, help: str | None = None, width: Any = "content") -> None:
    """Fixed-width text, shown as is (no Markdown, no HTML).

    Example:
        >>> st.text("plain <b>not bold</b>")                            # doctest: +SKIP
    """
    _simple("text", "text", body, help=help)


def _heading(kind: str, body: Any, anchor: Any, help: str | None, divider: Any) -> None:
    _simple(kind, kind, body, anchor=anchor if isinstance(anchor, str) else None,
            hide_anchor=anchor is False, help=help, divider=divider if divider else False)


def title(body: Any, anchor: str | bool | None = None, *, help: str | None = None,
          width: Any = "stretch") -> None:
    """A title (h1).

    Example:
        >>> st.title("My dashboard")                                   # doctest: +SKIP
    """
    _heading("title", body, anchor, help, False)


def header(body: Any, anchor: str | bool | None = None, *, help: str | None = None,
           divider: bool | str = False, width: Any = "stretch") -> None:
    """A header (h2).

    Example:
        >>> st.header("Results", divider=True)                          # doctest: +SKIP
    """
    _heading("header", body, anchor, help, divider)


def subheader(body: Any, anchor: str | bool | None = None, *, help: str | None = None,
              divider: bool | str = False, width: Any = "stretch") -> None:
    """A subheader (h3).

    Example:
        >>> st.subheader("Details")                                     # doctest: +SKIP
    """
    _heading("subheader", body, anchor, help, divider)


def caption(body: Any, unsafe_allow_html: bool = False, *, help: str | None = None,
            width: Any = "stretch") -> None:
    """Small, muted text.

    Example:
        >>> st.caption("Source: survey 2024")                           # doctest: +SKIP
    """
    _simple("caption", "caption", body, unsafe_allow_html=bool(unsafe_allow_html), help=help)


def code(body: Any, language: str | None = "python", *, line_numbers: bool = False,
         wrap_lines: bool = False, height: Any = None, width: Any = "stretch") -> None:
    """A code block.

    Example:
        >>> st.code("print('hi')")                                     # doctest: +SKIP
    """
    _simple("code", "code", body, language=language, line_numbers=bool(line_numbers),
            wrap_lines=bool(wrap_lines))


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


def json(body: Any, *, expanded: bool | int = True, width: Any = "stretch") -> None:
    """Pretty-printed JSON of a dict, list, JSON string or ``st.session_state``.

    Example:
        >>> st.json({"a": [1, 2]})                                     # doctest: +SKIP
    """
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
    ctx.emit(Element("json", props={"body": text_, "expanded": expanded}))


def divider(*, width: Any = "stretch") -> None:
    """A horizontal rule.

    Example:
        >>> st.divider()                                               # doctest: +SKIP
    """
    require("divider").emit(Element("divider", props={}))


def _alert(kind: str, body: Any, icon: str | None) -> None:
    _simple(kind, kind, body, icon=icon)


def info(body: Any, *, icon: str | None = None, width: Any = "stretch") -> None:
    """A blue information box.

    Example:
        >>> st.info("Pick a file to start")                             # doctest: +SKIP
    """
    _alert("info", body, icon)


def success(body: Any, *, icon: str | None = None, width: Any = "stretch") -> None:
    """A green success box.

    Example:
        >>> st.success("Saved")                                        # doctest: +SKIP
    """
    _alert("success", body, icon)


def warning(body: Any, *, icon: str | None = None, width: Any = "stretch") -> None:
    """A yellow warning box.

    Example:
        >>> st.warning("Low disk space")                                # doctest: +SKIP
    """
    _alert("warning", body, icon)


def error(body: Any, *, icon: str | None = None, width: Any = "stretch") -> None:
    """A red error box.

    Example:
        >>> st.error("Could not connect")                               # doctest: +SKIP
    """
    _alert("error", body, icon)


def exception(exception: BaseException, width: Any = "stretch") -> None:
    """Show an exception with its traceback.

    Example:
        >>> try:                                                       # doctest: +SKIP
        ...     1 / 0
        ... except ZeroDivisionError as e:
        ...     st.exception(e)
    """
    require("exception").emit(exception_element(exception))


def _safe_repr(obj: Any) -> str:
    """``repr(obj)``, or a placeholder naming the error if that repr raises."""
    try:
        return repr(obj)
    except Exception as e:  # noqa: BLE001 - an object whose repr() fails still shows something
        return f"<{type(obj).__name__} object: repr() raised {type(e).__name__}: {e}>"


def _write_repr(arg: Any) -> str:
    try:
        s = str(arg)
    except Exception as e:  # noqa: BLE001 - an object whose str() fails still shows something
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
    ctx = require("write")
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
        elif isinstance(arg, (dict, list, SessionStateProxy, MappingProxyType, ItemsView,
                              KeysView, ValuesView, map, enumerate)) or hasattr(arg, "_asdict"):
            flush()
            json(arg)
        elif dataclasses.is_dataclass(arg) and not isinstance(arg, type):
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
        else:
            buf.append(_write_repr(arg))
    flush()
    del ctx


def _is_dataframe(x: Any) -> bool:
    t = type(x)
    return t.__module__.startswith("pandas") and t.__name__ in ("DataFrame", "Series")


def _is_figure(x: Any) -> bool:
    t = type(x)
    return t.__module__.startswith("matplotlib") and t.__name__ == "Figure"
