"""Raw HTML and embedded pages: ``st.html``, ``st.iframe`` and ``st.components.v1``'s
``html``/``iframe``, with Streamlit 1.67's signatures and input rules.

- ``st.html(body)``: HTML in the app, not iframed. The live frontend sanitizes it in the
  browser with DOMPurify, as Streamlit does (scripts and event-handler attributes removed);
  ``unsafe_allow_javascript=True`` keeps and runs its scripts. A body made only of
  ``<style>`` tags takes no room; its CSS applies to the app (in a notebook, scoped to the
  app's box, so that it does not restyle the notebook around it).
- ``st.iframe(src)``: a URL, a local file (``pathlib.Path``), or HTML text in an iframe.
- ``components.v1.html(html)`` / ``components.v1.iframe(src)``: HTML text / a URL in an
  iframe 150 px high. Streamlit 1.67 deprecates both in favour of ``st.iframe``; calling them
  issues a ``DeprecationWarning`` once per session (Streamlit logs the same text on its
  console).

Each adds one element record: ``html`` (``body``, ``width``, ``unsafe_allow_javascript``,
``style_only``) or ``iframe`` (``src``, ``srcdoc``, ``width``, ``height``, ``scrolling``,
``tab_index``, ``alt``, ``command``).

Example (inside an app):
    >>> st.html("<p style='color: teal'>Hi</p>")                     # doctest: +SKIP
    >>> st.iframe("https://example.com", height=300)                   # doctest: +SKIP
"""

from __future__ import annotations

import base64
import mimetypes
import re
import textwrap
import warnings
from pathlib import Path
from typing import Any, Literal

from .elements import Element
from .errors import InvalidArgumentError, MissingRequiredParameterError, NbstateAPIException
from .layout import ElementHandle, handle
from .run import require

#: the sandbox and feature policy of Streamlit's iframes (its frontend's IFrameUtil)
SANDBOX = ("allow-forms allow-modals allow-popups allow-popups-to-escape-sandbox "
           "allow-same-origin allow-scripts allow-downloads")
ALLOW = ("accelerometer; ambient-light-sensor; autoplay; battery; camera; clipboard-write; "
         "document-domain; encrypted-media; fullscreen; geolocation; gyroscope; "
         "layout-animations; legacy-image-formats; magnetometer; microphone; midi; "
         "oversized-images; payment; picture-in-picture; publickey-credentials-get; sync-xhr; "
         "usb; vr ; wake-lock; xr-spatial-tracking")

_HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml"})
_MAX_PATH_LENGTH = 4096


def _clean_text(body: Any) -> str:
    # Streamlit's clean_text: dedented, stripped
    return textwrap.dedent(str(body)).strip()


def _is_file(obj: str) -> bool:
    if len(obj) > _MAX_PATH_LENGTH or "<" in obj:
        return False
    try:
        return Path(obj).is_file()
    except (TypeError, OSError, ValueError):
        return False


def _only_style_tags(content: str) -> bool:
    rest = re.sub(r"<!--.*?-->", "", content, flags=re.DOTALL)
    rest = re.sub(r"<style[^>]*>.*?</style>", "", rest, flags=re.DOTALL | re.IGNORECASE)
    return rest.strip() == ""


def _check_size(func: str, name: str, value: Any, allowed: tuple[str, ...]) -> None:
    if isinstance(value, str) and value in allowed:
        return
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return
    shown = " or ".join(f'"{a}"' for a in allowed)
    raise InvalidArgumentError(
        f"`st.{func}` got {name}={value!r}: it must be {shown} or a positive integer "
        "(pixels).")


def _check_tab_index(func: str, tab_index: Any) -> None:
    if tab_index is None:
        return
    if isinstance(tab_index, bool) or not isinstance(tab_index, int):
        raise InvalidArgumentError(
            f"`st.{func}` got tab_index={tab_index!r} ({type(tab_index).__name__}): it must "
            "be None or an int.")
    if tab_index < -1:
        raise InvalidArgumentError(
            f"`st.{func}` got tab_index={tab_index}: it must be None, -1 or a non-negative "
            "integer.")


def html(body: Any, *, width: int | Literal["stretch", "content"] = "stretch",
         unsafe_allow_javascript: bool = False) -> ElementHandle:
    """Insert HTML into the app (not in an iframe).

    ``body`` is HTML text, a ``pathlib.Path`` to a file of HTML (a ``.css`` file is wrapped in
    ``<style>``), or any object (its ``_repr_html_()`` if it has one, else ``str()``). The
    browser sanitizes it with DOMPurify as Streamlit does: scripts and ``on...`` attributes
    are dropped unless ``unsafe_allow_javascript=True`` (never with untrusted input).

    Example:
        >>> st.html("<p><span style='text-decoration: line-through'>Oops</span>!</p>")
        ...                                                              # doctest: +SKIP
    """
    ctx = require("html")
    if callable(getattr(body, "_repr_html_", None)):
        content = body._repr_html_()
    elif isinstance(body, Path):
        content = body.read_text(encoding="utf-8")
        if body.suffix.lower() == ".css":
            content = f"<style>{content}</style>"
    else:
        if isinstance(body, str) and _is_file(body):
            warnings.warn(
                "Passing a local file path as a string to `st.html` is no longer supported. "
                "To load a local file, pass a `pathlib.Path` object instead.",
                DeprecationWarning, stacklevel=2)
        content = _clean_text(body)
    if content is None or content == "":
        raise MissingRequiredParameterError(
            "`st.html` needs a non-empty `body`: the HTML it was given is empty.")
    _check_size("html", "width", width, ("stretch", "content"))
    style_only = _only_style_tags(content)
    props = {"body": content, "width": width, "style_only": style_only,
             # as in Streamlit, style-only HTML never runs scripts
             "unsafe_allow_javascript": bool(unsafe_allow_javascript) and not style_only}
    if style_only:  # (it takes no room: Streamlit's event block)
        props["event"] = ctx.event_order()
    return handle(ctx, Element("html", props=props))


def _file_data_url(path: Path) -> str:
    mime = mimetypes.guess_type(str(path))[0] or "application/octet-stream"
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def iframe(src: str | Path, *, width: int | Literal["stretch", "content"] = "stretch",
           height: int | Literal["stretch", "content"] = "content",
           tab_index: int | None = None, alt: str | None = None) -> ElementHandle:
    """Embed a URL, a local file or HTML text in an iframe.

    ``src``: a URL (``http://``, ``https://``, ``data:``, or a path starting with ``/``) is
    loaded; a ``pathlib.Path`` to an HTML file is embedded, another file (PDF, image) is
    embedded as a ``data:`` URL (Streamlit serves it from its media storage; a notebook has
    none); any other text is HTML to show. ``height="content"`` sizes the frame to its
    content for HTML (400 px for a URL, as in Streamlit).

    Example:
        >>> st.iframe("<p>Embedded <b>HTML</b></p>", height=100)      # doctest: +SKIP
    """
    ctx = require("iframe")
    _check_size("iframe", "width", width, ("stretch", "content"))
    _check_size("iframe", "height", height, ("stretch", "content"))
    url: str | None = None
    srcdoc: str | None = None
    if isinstance(src, Path):
        if src.suffix.lower() in _HTML_EXTENSIONS:
            try:
                srcdoc = src.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as e:
                raise NbstateAPIException(f"Unable to read file '{src}': {e}") from e
        else:
            try:
                url = _file_data_url(src)
            except OSError as e:
                raise NbstateAPIException(f"Unable to read file '{src}': {e}") from e
    elif not isinstance(src, str):
        raise InvalidArgumentError(
            f"`st.iframe` got src of type {type(src).__name__}: it must be a str (a URL or "
            "HTML) or a pathlib.Path.")
    elif re.match(r"^(https?|data):", src, flags=re.IGNORECASE):
        url = src
    elif _is_file(src):
        warnings.warn(
            "Passing a local file path as a string to `st.iframe` is no longer supported. "
            "To load a local file, pass a `pathlib.Path` object instead.",
            DeprecationWarning, stacklevel=2)
        srcdoc = src  # as in Streamlit 1.67: the string itself is shown, not the file
    elif src.startswith("/"):
        url = src
    else:
        srcdoc = src
    _check_tab_index("iframe", tab_index)
    alt_text = alt.strip() if isinstance(alt, str) and alt.strip() else None
    if srcdoc is None:  # a URL's content cannot be measured (another origin)
        width = "stretch" if width == "content" else width
        height = 400 if height == "content" else height
    return handle(ctx, Element("iframe", props={
        "src": url, "srcdoc": srcdoc, "width": width, "height": height, "scrolling": True,
        "tab_index": tab_index, "alt": alt_text, "command": "iframe"}))


def _v1_frame(command: str, src: str | None, srcdoc: str | None, width: Any, height: Any,
              scrolling: bool, tab_index: Any) -> ElementHandle:
    ctx = require(f"components.v1.{command}")
    func = f"components.v1.{command}"
    if width is not None:
        _check_size(func, "width", width, ())
    if height is not None:
        _check_size(func, "height", height, ())
    _check_tab_index(func, tab_index)
    out = handle(ctx, Element("iframe", props={
        "src": src, "srcdoc": srcdoc, "width": width if width is not None else "stretch",
        "height": height if height is not None else 150, "scrolling": bool(scrolling),
        "tab_index": tab_index, "alt": None, "command": f"components.v1.{command}"}))
    if command not in _deprecation_shown:
        # once per session: an app reruns on every interaction, and a script's namespace is
        # new on each run, so Python's own once-per-line rule would repeat it every time
        _deprecation_shown.add(command)
        warnings.warn(
            f"st.components.v1.{command} is deprecated and will be removed in a future "
            "release (after 2026-06-01). Please use st.iframe instead.", DeprecationWarning,
            stacklevel=3)
    return out


_deprecation_shown: set[str] = set()


def components_html(html: str, width: int | None = None, height: int | None = None,
                    scrolling: bool = False, *, tab_index: int | None = None) -> ElementHandle:
    """``st.components.v1.html``: HTML text in an iframe (150 px high unless ``height``).

    The iframe runs the HTML's scripts, sandboxed as Streamlit's (scripts, forms, popups,
    same origin): never pass untrusted HTML.

    Example:
        >>> import streamlit.components.v1 as components              # doctest: +SKIP
        >>> components.html("<script>document.write('hi')</script>", height=40)
        ...                                                              # doctest: +SKIP
    """
    return _v1_frame("html", None, html, width, height, scrolling, tab_index)


def components_iframe(src: str, width: int | None = None, height: int | None = None,
                      scrolling: bool = False, *, tab_index: int | None = None) -> ElementHandle:
    """``st.components.v1.iframe``: a URL in an iframe (150 px high unless ``height``).

    Example:
        >>> components.iframe("https://example.com", height=500)     # doctest: +SKIP
    """
    return _v1_frame("iframe", src, None, width, height, scrolling, tab_index)
