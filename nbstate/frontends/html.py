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
from ..lru import LRU

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
    body, unsafe = str(body), bool(unsafe)
    key = (body, unsafe)
    out = _MD_CACHE.get(key)
    if out is None:
        out = _md(unsafe).render(body)
        _MD_CACHE.put(key, out)
    return out


#: reruns show mostly the same texts, so each is parsed once: the rendered markdown is kept,
#: least recently used out first, up to this many characters (source and HTML) in all
MARKDOWN_CACHE_BYTES = 16 * 1024 * 1024
_MD_CACHE = LRU(entries=4096, bytes=MARKDOWN_CACHE_BYTES,
                size=lambda key, html: len(key[0]) + len(html))


def _esc(x: Any) -> str:
    return html.escape(str(x), quote=True)


def _markdown(el: Element) -> str:
    p = el.props
    body = markdown_html(p.get("body", ""), p.get("unsafe_allow_html", False))
    if p.get("anchors", True) and "<h" in body:
        body = _HEADING.sub(_anchored, body)  # markdown(anchors=True): headings get ids
    return f'<div class="nbstate-markdown">{body}</div>'


_HEADING = re.compile(r"<h([1-6])>(.*?)</h\1>", re.S)


def _anchored(m: re.Match) -> str:
    """A Markdown heading with an id made from its text, as Streamlit's anchors."""
    text = html.unescape(re.sub(r"<[^>]+>", "", m.group(2)))
    slug = re.sub(r"[^\w]+", "-", text.lower()).strip("-")
    return f'<h{m.group(1)} id="{_esc(slug)}">{m.group(2)}</h{m.group(1)}>'


def _caption(el: Element) -> str:
    p = el.props
    return (f'<div class="nbstate-caption" style="font-size: 0.85em; opacity: 0.65;">'
            f'{markdown_html(p.get("body", ""), p.get("unsafe_allow_html", False))}</div>')


def _pre(el: Element) -> str:
    cls = f"nbstate-{el.type}"
    wrap = "pre" if el.props.get("wrap") is False else "pre-wrap"
    style = f"margin: 0.2em 0; white-space: {wrap};"
    height = el.props.get("height")
    if isinstance(height, int) and not isinstance(height, bool):
        style += f" max-height: {height}px; overflow: auto;"
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
        icon = f'<span class="nbstate-icon">{_esc(p["icon"])}</span> ' if _shown_icon(
            p.get("icon")) else ""
        return f'<{tag} class="nbstate-{el.type}"{anchor}>{icon}{inner}</{tag}>{rule}'

    return render_heading


def _shown_icon(icon: Any) -> bool:
    """An emoji shows as text; a Material icon name (":material/home:") cannot."""
    return bool(icon) and not str(icon).startswith(":material/")


def _alert(el: Element) -> str:
    edge, fill = _ALERT_COLORS[el.type]
    icon = el.props.get("icon")
    lead = f"{_esc(icon)} " if icon else ""
    body = markdown_html(el.props.get("body", ""))
    title = el.props.get("title")
    if title:
        body = (f'<div class="nbstate-alert-title" style="font-weight: 600;">'
                f'{_md(False).renderInline(str(title))}</div>{body}')
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
    """An image, or a list of them side by side (wrapping), each with its caption."""
    p = el.props
    width = p.get("width")
    size = (f" width: {width}px;" if isinstance(width, int) and not isinstance(width, bool)
            and width > 0 else "")
    if p.get("stretch"):
        size = " width: 100%;"
    figures = []
    for one in p.get("images") or ():
        src = (f"data:image/png;base64,{one['png']}" if one.get("png")
               else str(one.get("src") or ""))
        alt = f' alt="{_esc(one["alt"])}"' if one.get("alt") is not None else ""
        img = f'<img src="{_esc(src)}"{alt} style="max-width: 100%;{size}"/>'
        if p.get("link"):
            img = f'<a href="{_esc(p["link"])}" target="_blank" rel="noopener">{img}</a>'
        caption = one.get("caption")
        cap = (f'<div class="nbstate-image-caption" style="font-size: 0.85em; '
               f'opacity: 0.65;">{_esc(caption)}</div>' if caption else "")
        figures.append(f'<div class="nbstate-image">{img}{cap}</div>')
    if len(figures) == 1:
        return figures[0]
    return ('<div class="nbstate-images" style="display: flex; flex-wrap: wrap; gap: 1rem;">'
            + "".join(figures) + "</div>")


#: metric delta colours, as Streamlit draws them
_DELTA_COLORS: dict[Any, str]
_DELTA_COLORS = {"green": "#09ab3b", "red": "#ff2b2b", "gray": "rgba(128, 128, 128, 0.9)",
                 "orange": "#ff8700", "yellow": "#faca2b", "blue": "#1c83e1",
                 "violet": "#803df5", "primary": "#ff4b4b"}
_ARROWS: dict[Any, str] = {"up": "&#8593;", "down": "&#8595;"}


def _metric(el: Element) -> str:
    p = el.props
    delta = p.get("shown_delta", p.get("delta"))
    d = ""
    if delta not in (None, ""):
        color = _DELTA_COLORS.get(p.get("color"), _DELTA_COLORS["gray"])
        arrow = _ARROWS.get(p.get("direction"), "")
        d = (f'<div class="nbstate-metric-delta" data-color="{_esc(p.get("color", "gray"))}" '
             f'style="font-size: 0.9em; color: {color};">{arrow} {_esc(delta)}</div>')
        if p.get("delta_description"):
            d = d[:-6] + (f' <span class="nbstate-metric-delta-description" style="opacity: '
                          f'0.7;">{_esc(p["delta_description"])}</span></div>')
    label = "" if p.get("label_visibility") in ("hidden", "collapsed") else p.get("label", "")
    if _shown_icon(p.get("icon")):
        label = f'{p["icon"]} {label}'
    tip = f' title="{_esc(p["help"])}"' if p.get("help") else ""
    box = f" {_BOX} border: 1px solid rgba(128, 128, 128, 0.35);" if p.get("border") else ""
    if isinstance(p.get("height"), int):
        box += f" height: {p['height']}px; overflow: hidden;"
    chart = _sparkline(p["chart_data"], p.get("chart_type", "line"),
                       _DELTA_COLORS.get(p.get("color"), "#1c83e1")) if p.get("chart_data") \
        else ""
    return (f'<div class="nbstate-metric" style="margin: 0.2em 0;{box}"{tip}>'
            f'<div style="font-size: 0.9em;">{_esc(label)}</div><div style="font-size: 2em; '
            f'line-height: 1.2;">{_esc(p.get("shown_value", p.get("value", "")))}</div>{d}'
            f'{chart}</div>')


def _sparkline(values: list, kind: str, color: str, w: int = 200, h: int = 40) -> str:
    """st.metric's chart_data: a small line, area or bar chart as inline SVG."""
    lo, hi = min(values), max(values)
    span = (hi - lo) or 1.0
    n = len(values)

    def y(v: float) -> float:
        return round(h - 2 - (v - lo) / span * (h - 4), 2)

    if kind == "bar":
        bw = w / n
        shapes = "".join(
            f'<rect x="{round(i * bw + bw * 0.1, 2)}" y="{y(v)}" width="{round(bw * 0.8, 2)}" '
            f'height="{round(h - y(v), 2)}" fill="{color}"/>' for i, v in enumerate(values))
    else:
        step = w / max(n - 1, 1)
        pts = " ".join(f"{round(i * step, 2)},{y(v)}" for i, v in enumerate(values))
        shapes = (f'<polygon points="0,{h} {pts} {w},{h}" fill="{color}" opacity="0.25"/>'
                  if kind == "area" else "")
        shapes += f'<polyline points="{pts}" fill="none" stroke="{color}" stroke-width="2"/>'
    return (f'<svg class="nbstate-metric-chart" data-chart-type="{_esc(kind)}" '
            f'viewBox="0 0 {w} {h}" preserveAspectRatio="none" style="width: 100%; '
            f'height: {h}px; display: block;">{shapes}</svg>')


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


def _help(el: Element) -> str:
    """st.help: the object's name, type and value or signature, docstring, members."""
    p = el.props
    name = f'<b>{_esc(p["name"])}</b> ' if p.get("name") else ""
    head = (f'<div>{name}<span style="opacity: 0.6;">{_esc(p.get("obj_type", ""))}</span></div>'
            f'<code>{_esc(p.get("summary") or "")}</code>')
    doc = (f'<pre style="white-space: pre-wrap; margin: 0.4em 0;">{_esc(p["doc_string"])}</pre>'
           if p.get("doc_string") else "")
    rows = "".join(
        f'<tr><td style="padding: 0 0.6em 0 0;"><code>{_esc(m["name"])}</code></td>'
        f'<td style="padding: 0 0.6em 0 0; opacity: 0.6;">{_esc(m["type"])}</td>'
        f'<td>{_esc(m.get("value") or m.get("doc_string") or "")}</td></tr>'
        for m in p.get("members") or ())
    members = (f'<table style="font-size: 0.85em; border-collapse: collapse;">{rows}</table>'
               if rows else "")
    return (f'<div class="nbstate-help" style="{_BOX} border: 1px solid rgba(128,128,128,.3);">'
            f'{head}{doc}{members}</div>')


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
    "help": _help,
}


_SURROGATE = re.compile("[\ud800-\udfff]")
_TEXTS = frozenset({"markdown", "text", "caption", "title", "header", "subheader"})


def _laid_out(p: dict, html: str) -> str:
    """Text elements' ``text_alignment``, ``wrap=False`` and width in pixels (1.67)."""
    style = ""
    if p.get("text_alignment") not in (None, "left"):
        style += f" text-align: {p['text_alignment']};"
    if p.get("wrap") is False:
        style += " white-space: nowrap; overflow-x: auto;"
    width = p.get("width")
    if isinstance(width, int) and not isinstance(width, bool):
        style += f" width: {width}px; max-width: 100%;"
    return f'<div class="nbstate-laid-out" style="{style.strip()}">{html}</div>'


def render(el: Element) -> str:
    """The HTML of one display element.

    Example:
        >>> render(Element("text", props={"body": "<b>"}))[-17:]
        '">&lt;b&gt;</pre>'
    """
    html = RENDERERS.get(el.type, _fallback)(el)
    p = el.props
    if "text_alignment" in p or "wrap" in p or ("width" in p and el.type in _TEXTS):
        html = _laid_out(p, html)
    try:
        html.encode("utf-8")
    except UnicodeEncodeError:
        # a lone surrogate written by the app cannot travel as JSON/UTF-8 to the browser:
        # show U+FFFD in its place instead of failing the whole update
        html = _SURROGATE.sub("\ufffd", html)
    return html
