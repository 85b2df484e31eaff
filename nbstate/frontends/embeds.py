"""The live frontend of ``st.html``, ``st.iframe`` and ``st.components.v1.html``/``iframe``.

- ``html`` elements: the ``HtmlBlock`` anywidget (``nbstate/js/html_block.js``). Streamlit
  sanitizes ``st.html`` in the browser with DOMPurify and, with
  ``unsafe_allow_javascript=True``, re-creates the ``<script>`` tags so they run; an ipywidgets
  ``HTML`` widget does neither (it sets ``innerHTML``: scripts never run, ``on...``
  attributes do). So the same library with the same settings runs here: DOMPurify 3
  (Apache-2.0 / MPL-2.0, ``nbstate/js/purify.min.js``: its npm package's 3.5.0 build, the
  source-map comment dropped) is
  loaded in front of the module.
- ``iframe`` elements: an ``<iframe>`` in an ipywidgets ``HTML`` widget, with Streamlit's
  sandbox and feature policy (``nbstate.embed.SANDBOX``/``ALLOW``); HTML content given
  ``height="content"`` is sized to its document when it loads.

Example:
    >>> from nbstate.elements import Element
    >>> html = iframe_html(Element("iframe", props={"srcdoc": "<b>x</b>", "height": 150,
    ...                                              "width": "stretch", "scrolling": False}))
    >>> 'srcdoc="&lt;b&gt;x&lt;/b&gt;"' in html and 'sandbox="allow-forms' in html
    True
"""

from __future__ import annotations

import html as _html
from functools import cache
from typing import Any

import anywidget
import traitlets as t

from ..elements import Element
from .anywidgets import asset
from .bindings import Binding, register_binding


@cache
def html_block_esm() -> str:
    """DOMPurify (as a local ``DOMPurify``, not a global) followed by ``html_block.js``."""
    return ("const module = { exports: {} }; const exports = module.exports;\n"
            + asset("purify.min.js")
            + "\nconst DOMPurify = module.exports;\n"
            + asset("html_block.js"))


class HtmlBlock(anywidget.AnyWidget):
    """``st.html``: sanitized HTML (scripts kept and run with ``allow_javascript``).

    Example:
        >>> w = HtmlBlock(body="<b>hi</b>")
        >>> "DOMPurify" in w._esm
        True
    """

    _esm = html_block_esm()

    body = t.Unicode("").tag(sync=True)
    allow_javascript = t.Bool(False).tag(sync=True)
    style_only = t.Bool(False).tag(sync=True)
    width = t.Unicode("stretch").tag(sync=True)


class HtmlBinding(Binding):
    def create(self, el: Element) -> Any:
        return HtmlBlock(**self.traits(el))

    def traits(self, el: Element) -> dict[str, Any]:
        p = el.props
        return {"body": str(p.get("body", "")),
                "allow_javascript": bool(p.get("unsafe_allow_javascript")),
                "style_only": bool(p.get("style_only")), "width": str(p.get("width",
                                                                             "stretch"))}


def _css_size(v: Any, content: str) -> str:
    if v == "stretch":
        return "100%"
    if v == "content":
        return content
    return f"{int(v)}px"


# sizes the frame to its document once loaded (same origin: the sandbox allows it)
_FIT = ("try{{var d=this.contentDocument.documentElement;{w}{h}}}catch(e){{}}")


def iframe_html(el: Element) -> str:
    """The ``<iframe>`` markup of an ``iframe`` element."""
    from ..embed import ALLOW, SANDBOX

    p = el.props
    srcdoc, src = p.get("srcdoc"), p.get("src")
    width, height = p.get("width", "stretch"), p.get("height", 150)
    scrolling = bool(p.get("scrolling"))
    attrs = [f'class="nbstate-iframe" title="{_html.escape(p.get("alt") or "st.iframe")}"',
             f'data-command="{_html.escape(str(p.get("command", "iframe")))}"',
             f'sandbox="{SANDBOX}"', f'allow="{ALLOW}"',
             f'scrolling="{"auto" if scrolling else "no"}"']
    if srcdoc is not None:
        attrs.append(f'srcdoc="{_html.escape(srcdoc, quote=True)}"')
    elif src:
        attrs.append(f'src="{_html.escape(src, quote=True)}"')
    if p.get("tab_index") is not None:
        attrs.append(f'tabindex="{int(p["tab_index"])}"')
    style = (f"width: {_css_size(width, '100%')}; max-width: 100%; "
             f"height: {_css_size(height, '150px')}; border: none; padding: 0; margin: 0; "
             "color-scheme: normal; display: block;")
    if not scrolling:
        style += " overflow: hidden;"
    attrs.append(f'style="{style}"')
    if srcdoc is not None and "content" in (width, height):
        fit = _FIT.format(
            w="this.style.width=Math.ceil(d.scrollWidth)+'px';" if width == "content" else "",
            h="this.style.height=Math.ceil(d.scrollHeight)+'px';" if height == "content" else "")
        attrs.append(f'onload="{_html.escape(fit, quote=True)}"')
    return f"<iframe {' '.join(attrs)}></iframe>"


class ComponentFrame(anywidget.AnyWidget):
    """A custom component's page, spoken to with Streamlit's component protocol
    (``nbstate/js/component_frame.js``); a value the page sends arrives as a custom message
    ``{"event": "value", "value": ...}``.

    Example:
        >>> f = ComponentFrame(src="http://localhost:3001", name="demo.rating")
        >>> f.args
        {}
    """

    _esm = asset("component_frame.js")

    src = t.Unicode("").tag(sync=True)
    name = t.Unicode("").tag(sync=True)
    args = t.Dict().tag(sync=True)
    disabled = t.Bool(False).tag(sync=True)
    tab_index = t.Int(None, allow_none=True).tag(sync=True)
    sandbox = t.Unicode("").tag(sync=True)
    allow = t.Unicode("").tag(sync=True)
    #: after this long without the page's componentReady, a note says why it may not load
    ready_timeout_ms = t.Int(8000).tag(sync=True)


class ComponentBinding(Binding):
    """``component_instance`` elements: a ``ComponentFrame``; its value comes from custom
    messages (a page may send the same value twice: each is a rerun, as in Streamlit)."""

    def create(self, el: Element) -> Any:
        return ComponentFrame(**self.traits(el))

    def traits(self, el: Element) -> dict[str, Any]:
        from ..embed import ALLOW, SANDBOX

        p = el.props
        if p.get("url"):
            src = p["url"]
        else:
            from .component_server import url_for

            src = url_for(p["path"])
        return {"src": src, "name": str(p.get("name", "")), "args": dict(p.get("args") or {}),
                "disabled": bool(p.get("disabled")), "tab_index": p.get("tab_index"),
                "sandbox": SANDBOX, "allow": ALLOW}

    def on_custom(self, el: Element, content: Any) -> Any:
        from .bindings import NOTHING, Unrecognized

        if not isinstance(content, dict) or content.get("event") != "value":
            return NOTHING
        if "unsupported" in content:
            return Unrecognized(f"a value sent as {content['unsupported']!r} data (nbstate's "
                                "components take JSON values only)")
        return content.get("value")


def register() -> None:
    """Show ``html`` elements with ``HtmlBlock``, ``iframe`` elements as iframes and custom
    components with ``ComponentFrame``."""
    from . import html as _render

    register_binding("html", HtmlBinding())
    register_binding("component_instance", ComponentBinding())
    _render.RENDERERS["iframe"] = iframe_html


register()
