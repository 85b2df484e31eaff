"""Display elements as HTML: what the live frontend puts in each element's ``HTML`` widget.

One function per element type, registered in ``RENDERERS``; an unknown type falls back to a
short, escaped summary, so a new element type never breaks a live app. Markdown goes through
markdown-it-py with raw HTML escaped unless the element allows it (``unsafe_allow_html``).

Example:
    >>> from nbstate.elements import Element
    >>> render(Element("markdown", props={"body": "**hi** <b>x</b>"}))
    '<div class="nbstate-markdown"><p><strong>hi</strong> &lt;b&gt;x&lt;/b&gt;</p>\\n</div>'
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from ..elements import Element

_ALERT_COLORS = {
    "info": ("#1c83e1", "rgba(28, 131, 225, 0.1)"),
    "success": ("#21c354", "rgba(33, 195, 84, 0.1)"),
    "warning": ("#ffbd45", "rgba(255, 189, 69, 0.15)"),
    "error": ("#ff2b2b", "rgba(255, 43, 43, 0.09)"),
}
_BOX = "padding: 0.6em 1em; border-radius: 0.5em; margin: 0.2em 0;"


@lru_cache(maxsize=2)
def _md(unsafe: bool) -> Any:
    from markdown_it import MarkdownIt

    # "commonmark" with html=False escapes raw HTML; tables and strikethrough as GitHub has them
    return MarkdownIt("commonmark", {"html": unsafe}).enable(["table", "strikethrough"])


def markdown_html(body: str, unsafe: bool = False) -> str:
    """Markdown to HTML; raw HTML in ``body`` is escaped unless ``unsafe``.

    Example:
        >>> markdown_html("<i>x</i>")
        '<p>&lt;i&gt;x&lt;/i&gt;</p>\\n'
    """
    return _markdown_cached(str(body), bool(unsafe))


@lru_cache(maxsize=4096)
def _markdown_cached(body: str, unsafe: bool) -> str:
    # reruns show mostly the same texts: parse each once
    return _md(unsafe).render(body)


def _esc(x: Any) -> str:
    return html.escape(str(x), quote=True)


def _markdown(el: Element) -> str:
    p = el.props
    return (f'<div class="nbstate-markdown">'
            f'{markdown_html(p.get("body", ""), p.get("unsafe_allow_html", False))}</div>')


def _caption(el: Element) -> str:
    p = el.props
    return (f'<div class="nbstate-caption" style="font-size: 0.85em; opacity: 0.65;">'
            f'{markdown_html(p.get("body", ""), p.get("unsafe_allow_html", False))}</div>')


def _pre(el: Element) -> str:
    cls = f"nbstate-{el.type}"
    style = "margin: 0.2em 0; white-space: pre-wrap;"
    if el.type == "code":
        style += " padding: 0.6em; border-radius: 0.4em; background: rgba(128, 128, 128, 0.1);"
        lang = el.props.get("language") or ""
        return (f'<pre class="{cls}" data-language="{_esc(lang)}" style="{style}"><code>'
                f'{_esc(el.props.get("body", ""))}</code></pre>')
    return f'<pre class="{cls}" style="{style}">{_esc(el.props.get("body", ""))}</pre>'


def _heading(tag: str) -> Callable[[Element], str]:
    def render_heading(el: Element) -> str:
        p = el.props
        # inline Markdown only (bold, code, links), as Streamlit's headings allow
        inner = _md(False).renderInline(str(p.get("body", "")))
        anchor = f' id="{_esc(p["anchor"])}"' if p.get("anchor") else ""
        rule = '<hr style="margin: 0.2em 0;"/>' if p.get("divider") else ""
        return f'<{tag} class="nbstate-{el.type}"{anchor}>{inner}</{tag}>{rule}'

    return render_heading


def _alert(el: Element) -> str:
    edge, fill = _ALERT_COLORS[el.type]
    icon = el.props.get("icon")
    lead = f"{_esc(icon)} " if icon else ""
    body = markdown_html(el.props.get("body", ""))
    return (f'<div class="nbstate-alert nbstate-{el.type}" style="{_BOX} '
            f'border-left: 0.3em solid {edge}; background: {fill};">{lead}{body}</div>')


def _json(el: Element) -> str:
    try:
        text = json.dumps(json.loads(el.props.get("body", "null")), indent=2)
    except ValueError:
        text = str(el.props.get("body", ""))
    return (f'<pre class="nbstate-json" style="margin: 0.2em 0; padding: 0.6em; '
            f'background: rgba(128, 128, 128, 0.08);">{_esc(text)}</pre>')


def _exception(el: Element) -> str:
    p = el.props
    edge, fill = _ALERT_COLORS["warning" if p.get("is_warning") else "error"]
    message = _esc(p.get("message", "")).replace("\n", "<br/>")
    stack = "\n".join(p.get("stack_trace") or [])
    trace = (f'<pre style="margin: 0.4em 0 0; white-space: pre-wrap; font-size: 0.85em;">'
             f'{_esc(stack)}</pre>') if stack else ""
    return (f'<div class="nbstate-exception" style="{_BOX} border-left: 0.3em solid {edge}; '
            f'background: {fill};"><b>{_esc(p.get("type", "Exception"))}</b>: {message}'
            f'{trace}</div>')


def _cell(v: Any) -> str:
    if v is None:
        return '<span style="opacity: 0.5;">None</span>'
    if isinstance(v, float):
        if v != v:
            return "NaN"
        if v == 0 or 1e-4 <= abs(v) < 1e6:
            return f"{v:.4f}".rstrip("0").rstrip(".")
        return f"{v:.4g}"
    return _esc(v)


#: rows a static table shows at most; the rest is counted under it (a browser lays out
#: a thousand rows at once, not a hundred thousand: 100k rows would be ~40 MB of HTML)
MAX_ROWS = 1000


def _table(el: Element) -> str:
    p = el.props
    cols = p.get("columns") or []
    index = p.get("index_labels") or p.get("index") or []
    rows = p.get("rows") or []
    show_index = not p.get("hide_index")
    border = p.get("border", True)
    line = "1px solid rgba(128,128,128,.3)"
    grid = f"border: {line};" if border is True else ""
    rule = f"border-bottom: {line};" if border else ""
    th = f"padding: 0.2em 0.6em; text-align: right; {grid} {rule}"
    td = f"padding: 0.2em 0.6em; text-align: right; {grid} {rule}"
    head = "".join(f'<th style="{th}">{_esc(c)}</th>' for c in cols)
    if show_index:
        head = f'<th style="{th}"></th>' + head
    body = []
    for i, row in enumerate(rows[:MAX_ROWS]):
        cells = "".join(f'<td style="{td}">{_cell(v)}</td>' for v in row)
        if show_index:
            label = index[i] if i < len(index) else i
            cells = f'<th style="{td} opacity: 0.7;">{_esc(label)}</th>' + cells
        body.append(f"<tr>{cells}</tr>")
    more = len(rows) - MAX_ROWS
    note = (f'<div class="nbstate-more-rows" style="font-size: 0.85em; opacity: 0.65;">'
            f'The first {MAX_ROWS:,} of {len(rows):,} rows ({more:,} more not shown).</div>'
            if more > 0 else "")
    thead = "" if p.get("hide_header") else f"<thead><tr>{head}</tr></thead>"
    width, height = p.get("width", "stretch"), p.get("height", "content")
    box = "overflow: auto;"
    if isinstance(width, int) and not isinstance(width, bool):
        box += f" max-width: {width}px;"
    if isinstance(height, int) and not isinstance(height, bool):
        box += f" max-height: {height}px;"
    tw = "width: 100%;" if width == "stretch" else ""
    label = f' aria-label="{_esc(p["alt"])}"' if p.get("alt") else ""
    return (f'<div class="nbstate-table" style="{box}"><table{label} style="border-collapse: '
            f'collapse; font-size: 0.9em; {tw}">{thead}<tbody>'
            f'{"".join(body)}</tbody></table>{note}</div>')


def _image(el: Element) -> str:
    p = el.props
    if p.get("png"):
        src = f"data:image/png;base64,{p['png']}"
    else:
        src = str(p.get("src") or "")
    caption = p.get("caption")
    cap = (f'<div style="font-size: 0.85em; opacity: 0.65;">{_esc(caption)}</div>'
           if caption else "")
    width = p.get("width")
    size = (f" width: {width}px;" if isinstance(width, int) and not isinstance(width, bool)
            and width > 0 else "")
    if p.get("stretch"):
        size = " width: 100%;"
    return (f'<div class="nbstate-image"><img src="{_esc(src)}" style="max-width: 100%;'
            f'{size}"/>{cap}</div>')


#: metric delta colours, as Streamlit draws them
_DELTA_COLORS = {"green": "#09ab3b", "red": "#ff2b2b", "gray": "rgba(128, 128, 128, 0.9)"}
_ARROWS = {"up": "&#8593;", "down": "&#8595;"}


def _metric(el: Element) -> str:
    p = el.props
    delta = p.get("delta")
    d = ""
    if delta not in (None, ""):
        color = _DELTA_COLORS.get(p.get("color"), _DELTA_COLORS["gray"])
        arrow = _ARROWS.get(p.get("direction"), "")
        d = (f'<div class="nbstate-metric-delta" data-color="{_esc(p.get("color", "gray"))}" '
             f'style="font-size: 0.9em; color: {color};">{arrow} {_esc(delta)}</div>')
    label = "" if p.get("label_visibility") in ("hidden", "collapsed") else p.get("label", "")
    tip = f' title="{_esc(p["help"])}"' if p.get("help") else ""
    box = f" {_BOX} border: 1px solid rgba(128, 128, 128, 0.35);" if p.get("border") else ""
    return (f'<div class="nbstate-metric" style="margin: 0.2em 0;{box}"{tip}>'
            f'<div style="font-size: 0.9em;">{_esc(label)}</div><div style="font-size: 2em; '
            f'line-height: 1.2;">{_esc(p.get("value", ""))}</div>{d}</div>')


def _progress(el: Element) -> str:
    p = el.props
    v = p.get("value", 0) or 0
    pct = int(v * 100) if isinstance(v, float) else int(v)
    text = p.get("text")
    label = f"<div>{_esc(text)}</div>" if text else ""
    return (f'<div class="nbstate-progress">{label}<progress max="100" value="{pct}" '
            f'style="width: 100%;"></progress></div>')


_TOAST_SECONDS = {"short": 4, "long": 10, "infinite": None}
_TOAST_OUT = ("<style>@keyframes nbstate-toast-out{to{opacity:0;max-height:0;padding-top:0;"
              "padding-bottom:0;margin:0}}</style>")


def _toast(el: Element) -> str:
    p = el.props
    icon = p.get("icon")
    lead = f"{_esc(icon)} " if icon else ""
    duration = p.get("duration", "short")
    secs = _TOAST_SECONDS.get(duration, 4) if isinstance(duration, str) else duration
    # shown for its duration, then it fades and folds away, as Streamlit's toasts go
    out = (f" max-height: 12em; overflow: hidden; animation: nbstate-toast-out 0.5s ease-in "
           f"{secs}s forwards;" if isinstance(secs, (int, float)) else "")
    return (f'{_TOAST_OUT if out else ""}<div class="nbstate-toast" data-run="'
            f'{_esc(p.get("run", ""))}" style="{_BOX} box-shadow: 0 1px 4px rgba(0,0,0,.25);'
            f'{out}">{lead}{markdown_html(p.get("body", ""))}</div>')


def _spinner(el: Element) -> str:
    return f'<div class="nbstate-spinner">&#8987; {_esc(el.props.get("text", ""))}</div>'


def _divider(el: Element) -> str:
    return '<hr class="nbstate-divider"/>'


def _fallback(el: Element) -> str:
    body = el.props.get("body")
    if body is None:
        shown = {k: v for k, v in el.props.items() if not k.startswith("_")}
        body = repr(shown)
        if len(body) > 300:
            body = body[:297] + "..."
    return f'<div class="nbstate-{_esc(el.type)}">{_esc(body)}</div>'


#: element type -> function(Element) -> HTML; add an entry to render a new display type
RENDERERS: dict[str, Callable[[Element], str]] = {
    "markdown": _markdown,
    "caption": _caption,
    "text": _pre,
    "code": _pre,
    "stdout": _pre,
    "title": _heading("h1"),
    "header": _heading("h2"),
    "subheader": _heading("h3"),
    "info": _alert,
    "success": _alert,
    "warning": _alert,
    "error": _alert,
    "json": _json,
    "exception": _exception,
    "table": _table,
    "image": _image,
    "metric": _metric,
    "progress": _progress,
    "divider": _divider,
    "toast": _toast,
    "spinner": _spinner,
}


_SURROGATE = re.compile("[\ud800-\udfff]")


def render(el: Element) -> str:
    """The HTML of one display element.

    Example:
        >>> render(Element("text", props={"body": "<b>"}))[-17:]
        '">&lt;b&gt;</pre>'
    """
    html = RENDERERS.get(el.type, _fallback)(el)
    try:
        html.encode("utf-8")
    except UnicodeEncodeError:
        # a lone surrogate written by the app cannot travel as JSON/UTF-8 to the browser:
        # show U+FFFD in its place instead of failing the whole update
        html = _SURROGATE.sub("\ufffd", html)
    return html
