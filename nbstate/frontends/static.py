"""A static picture of an app: what a saved notebook keeps when the widgets are gone.

The live app is an ipywidgets output; a notebook saved with it, then opened with no kernel
(nbconvert's HTML, nbviewer, GitHub, JupyterLab after the kernel stopped), has no widget
models to draw it from. So an app shows as two outputs: the live output (the widget view and
a short ``text/plain``) and, right after it, the picture output, with its own display id,
made from the run's element tree:

- ``text/html``: the app drawn in plain HTML (display elements through ``html.render``, the
  same HTML the live app shows; widgets as their label and value; layout as boxes), under a
  note that it is a picture and not live;
- ``text/plain``: an outline, one line per element (a widget's kind, label and value; texts;
  a table's shape), stable from run to run, so that ``pytest --nbval`` (strict) compares what
  the app shows with the saved notebook and a change in it fails.

The picture is made at the end of the cell's run, and again after interactions (on the
kernel's event loop, once they pause: see ``ipy.LiveApp``), sent only when it changed; its
own output is updated (``update_display_data``), never the live one, which JupyterLab would
draw anew (losing focus, scroll and open menus). Its size is bounded (``MAX_HTML``,
``MAX_OUTLINE``, ``MAX_ROWS``).

While the app is live the picture is hidden by CSS of its own (a ``<style>`` in its HTML;
no extension needed): the live root box carries the class ``live_class(name)``, and a
notebook or page that holds such a box hides the picture of the same app. Where the widget
models are gone, the same stylesheet hides the live output's "Error displaying widget"
text, so the picture stands in its place (see ``_style``).

Example:
    >>> from nbstate.elements import Element
    >>> tree = Element("app", props={"name": "demo"}, children=[
    ...     Element("notices", children=[]),
    ...     Element("main", children=[
    ...         Element("title", props={"body": "Hello"}),
    ...         Element("slider", id="w1", props={"label": "x", "value": 3})])])
    >>> print(outline(tree))
    nbstate app 'demo' (a picture of its last run; run the cell to use it)
    # Hello
    slider "x": 3
"""

from __future__ import annotations

import datetime
import hashlib
import html as _html
from typing import Any

from ..elements import Element
from .html import _SURROGATE, render

#: rows of a table the picture keeps (a saved notebook stays small); the rest are counted
MAX_ROWS = 50

#: the picture's HTML stops drawing elements past about this many characters (a huge app's
#: saved output stays small; the rest are counted in a note)
MAX_HTML = 100_000

#: the outline stops past about this many characters (the rest are counted in its last line)
MAX_OUTLINE = 50_000

#: one element's text in the outline is cut past this many characters
MAX_ELEMENT = 5_000

#: seconds the picture stays invisible while the live output before it says "Loading
#: widget..." (a reloaded page gets its widget models from the kernel meanwhile)
LOADING_WAIT = 4

#: element types whose ``body`` is their text, with the outline's prefix
_TEXTS = {"title": "# ", "header": "## ", "subheader": "### ", "markdown": "", "text": "",
          "caption": "", "code": "", "stdout": "", "latex": "", "info": "info: ",
          "success": "success: ", "warning": "warning: ", "error": "error: ",
          "toast": "toast: ", "json": ""}

#: layout types shown as a titled group (``(label prop, title)``); others are transparent
_GROUPS = {"sidebar": (None, "sidebar"), "columns": (None, "columns"), "tabs": (None, "tabs"),
           "tab": ("label", "tab"), "expander": ("label", "expander"),
           "popover": ("label", "popover"), "status": ("label", "status"),
           "form": (None, "form")}


def _value(v: Any) -> str:
    if isinstance(v, str):
        return repr(v)
    if isinstance(v, (datetime.date, datetime.time)):
        return v.isoformat()
    if isinstance(v, (list, tuple)):
        inner = ", ".join(_value(x) for x in v)
        return f"({inner})" if isinstance(v, tuple) else f"[{inner}]"
    try:
        return str(v)
    except Exception:  # a value whose str() fails still shows its type
        return f"<{type(v).__name__}>"


def _shown_value(el: Element, quote: bool = True) -> str:
    """A widget's value as the user sees it: an option's label for select widgets (a text
    in quotes for the outline, bare for the HTML)."""
    p = el.props
    if not quote and isinstance(p.get("value"), str) and not p.get("options"):
        return p["value"]
    v = p.get("value")
    options, labels = p.get("options"), p.get("labels")
    if isinstance(options, (list, tuple)) and isinstance(labels, (list, tuple)):
        def label_of(x: Any) -> Any:
            for o, lab in zip(options, labels, strict=False):
                try:
                    if o is x or o == x:
                        return lab
                except Exception:  # options that do not compare
                    continue
            return x
        if isinstance(v, (list, tuple)):
            return _value([label_of(x) for x in v])
        if v is None:
            return "None"
        shown = label_of(v)
        return shown if not quote and isinstance(shown, str) else _value(shown)
    return _value(v)


def _body(el: Element) -> str:
    try:
        return str(el.props.get("body", ""))
    except Exception:
        return ""


def _line(el: Element) -> str | None:
    """The outline of one leaf element (``None``: nothing to show)."""
    t, p = el.type, el.props
    if t == "dataframe_button":  # (a grid's button column: its buttons are in the grid)
        return None
    if el.id is not None and t != "form":  # a widget
        label = p.get("label", "")
        if t in ("button", "form_submit_button", "download_button", "link_button"):
            return f'{t} "{label}"'
        return f'{t} "{label}": {_shown_value(el)}'
    if t in _TEXTS:
        return _TEXTS[t] + _body(el)
    if t in ("dataframe", "table", "data_editor"):
        nrows, cols = _table_shape(el)
        return f"{t} {nrows} rows x {len(cols)} columns {_value(cols)}"
    if t == "metric":
        delta = p.get("delta")
        return f'metric "{p.get("label", "")}": {p.get("value", "")}' + (
            f" ({delta})" if delta not in (None, "") else "")
    if t == "exception":
        return f"{p.get('type', 'Exception')}: {p.get('message', '')}"
    if t == "progress":
        text = p.get("text")
        return f"progress {p.get('value')}" + (f": {text}" if text else "")
    if t == "image":
        caps = [i["caption"] for i in p.get("images") or () if i.get("caption")]
        n = len(p.get("images") or ())
        return ("image" if n == 1 else f"{n} images") + (f": {', '.join(caps)}" if caps else "")
    if t == "chart":
        return f"chart ({p.get('chart_type') or p.get('library') or 'chart'})"
    if t == "display_data":
        text = (p.get("data") or {}).get("text/plain")
        return "".join(text) if isinstance(text, list) else str(text or "display_data")
    if t == "divider":
        return "---"
    if t == "spinner":
        return f"spinner: {p.get('text', '')}"
    return t


def outline(tree: Element, max_chars: int = MAX_OUTLINE) -> str:
    """A readable, stable text outline of an app's tree (the picture's ``text/plain``), at
    most about ``max_chars`` long (the lines past that are counted in a last line)."""
    name = tree.props.get("name", "")
    lines = [f"nbstate app {name!r} (a picture of its last run; run the cell to use it)"]
    left = [max_chars]
    skipped = [0]

    def add(line: str) -> None:
        if len(line) >= left[0]:
            left[0] = 0
            skipped[0] += 1
            return
        left[0] -= len(line) + 1
        lines.append(line)

    def walk(el: Element, depth: int) -> None:
        pad = "  " * depth
        if left[0] <= 0:
            skipped[0] += 1 if el.children is None else _leaves(el)
            return
        if el.children is not None:
            if not el.children:
                return
            group = _GROUPS.get(el.type)
            if group is not None:
                prop, title = group
                label = el.props.get(prop) if prop else None
                add(f"{pad}{title}" + (f' "{label}"' if label is not None else "") + ":")
                depth += 1
            for i, c in enumerate(el.children):
                if el.type == "columns" and c.children:
                    add(f"{'  ' * depth}column {i + 1}:")
                    for k in c.children:
                        walk(k, depth + 1)
                else:
                    walk(c, depth)
            return
        text = _line(el)
        if text is None:
            return
        if len(text) > MAX_ELEMENT:
            text = text[:MAX_ELEMENT] + f" ... ({len(text) - MAX_ELEMENT:,} more characters)"
        first, *rest = text.rstrip("\n").split("\n") or [""]
        add("\n".join([pad + first, *(f"{pad}  {r}" for r in rest)]))

    for c in tree.children or []:
        walk(c, 0)
    if skipped[0]:
        lines.append(f"... and {skipped[0]:,} more elements (the outline is kept small)")
    return "\n".join(lines)


def _esc(x: Any) -> str:
    return _html.escape(str(x), quote=True)


class _Budget:
    """What is left of the picture's size, and the elements left out once it is spent."""

    def __init__(self, chars: int) -> None:
        self.left = chars
        self.skipped = 0

    def take(self, html: str) -> str:
        if len(html) > self.left:
            self.skipped += 1
            return ""
        self.left -= len(html)
        return html


def _leaves(el: Element) -> int:
    return 1 if el.children is None else sum(_leaves(c) for c in el.children)


#: layout as inline styles (an untrusted notebook's HTML loses its <style>, not these);
#: the many widgets' looks are short classes of the picture's stylesheet (a huge app's picture
#: stays small)
_GROUP = ("border: 1px solid rgba(128,128,128,.35); border-radius: 0.5em; "
          "padding: 0.4em 0.8em; margin: 0.3em 0;")
_ROW = "display: flex; gap: 1em;"
_SMALL = "font-size: 0.85em; opacity: 0.7;"


def _widget_html(el: Element) -> str:
    p = el.props
    label = _esc(p.get("label", ""))
    if el.type in ("button", "form_submit_button", "download_button", "link_button"):
        return f'<div class="nbs-w"><button disabled>{label}</button></div>'
    return (f'<div class="nbs-w"><div>{label}</div><div class="nbs-v">'
            f'{_esc(_shown_value(el, quote=False))}</div></div>')


def _table_shape(el: Element) -> tuple[int, list[str]]:
    """(rows, column names) of a table element: a grid's from its source (the data as the
    app passed it, never converted whole), a static table's from its rows."""
    p = el.props
    src = p.get("source")
    if src is not None:
        try:
            cols = [c["name"] for c in src.columns(hide_index=True)]
            return src.nrows, cols
        except Exception:  # the outline is a courtesy
            return 0, []
    return len(p.get("rows") or []), list(p.get("columns") or [])


def _first_rows(el: Element) -> dict:
    """The props of a static table of a table element's first ``MAX_ROWS`` rows."""
    p = el.props
    src = p.get("source")
    if src is None:
        return {**p, "rows": (p.get("rows") or [])[:MAX_ROWS]}
    from ..data import _records

    try:
        cols, index, rows, _ = _records(src.frame.head(MAX_ROWS))
    except Exception:  # the picture is a courtesy
        cols, index, rows = [], [], []
    return {"columns": cols, "index_labels": index, "rows": rows,
            "hide_index": p.get("hide_index")}


def _leaf_html(el: Element) -> str:
    if el.type == "dataframe_button":  # (a grid's button column: nothing of its own to show)
        return ""
    if el.id is not None and el.type != "form":
        return _widget_html(el)
    p = el.props
    if el.type in ("dataframe", "table", "data_editor") and (
            p.get("source") is not None or len(p.get("rows") or []) > MAX_ROWS):
        nrows, _ = _table_shape(el)
        cut = Element("table", props={**_first_rows(el), "border": True})
        note = (f'<div style="{_SMALL}">The first {MAX_ROWS} of {nrows:,} rows.</div>'
                if nrows > MAX_ROWS else "")
        return render(cut) + note
    if el.type == "display_data":
        data = p.get("data") or {}
        for mime in ("text/html", "image/png", "text/plain"):
            if mime in data:
                v = data[mime]
                v = "".join(v) if isinstance(v, list) else v
                if mime == "text/html":
                    return f"<div>{v}</div>"
                if mime == "image/png":
                    return f'<img src="data:image/png;base64,{_esc(v)}"/>'
                return f"<pre>{_esc(v)}</pre>"
        return ""
    if el.type == "chart":
        return (f'<div class="nbstate-static-chart" style="{_GROUP} opacity: 0.7;">'
                f'{_esc(_line(el))}: drawn when the app is live</div>')
    return render(el)


def _html_of(el: Element, budget: _Budget) -> str:
    if el.children is None:
        if budget.left <= 0:
            budget.skipped += 1
            return ""
        return budget.take(_leaf_html(el))
    if not el.children:
        return ""
    if budget.left <= 0:  # spent: what is left is only counted
        budget.skipped += _leaves(el)
        return ""
    inner = [_html_of(c, budget) for c in el.children]
    out = _box_html(el, inner)
    budget.left -= len(out) - sum(map(len, inner))  # the box's own markup counts too
    return out


def _box_html(el: Element, inner: list[str]) -> str:
    t, p = el.type, el.props
    if t == "columns":
        cols = "".join(f'<div style="flex: {_esc(c.props.get("weight", 1))} 1 0; '
                       f'min-width: 0;">{h}</div>' for c, h in zip(el.children or (), inner,
                                                                   strict=True))
        return f'<div style="{_ROW}">{cols}</div>'
    body = "".join(inner)
    if t == "column":
        return body
    if t == "tab":
        return (f'<div style="{_GROUP}"><div style="font-weight: 600;">'
                f'{_esc(p.get("label", ""))}</div>{body}</div>')
    if t in ("expander", "popover", "status"):
        return (f'<details open style="{_GROUP}"><summary>{_esc(p.get("label", ""))}'
                f'</summary>{body}</details>')
    if t in ("form", "sidebar"):
        return f'<div class="nbstate-static-{t}" style="{_GROUP}">{body}</div>'
    return f"<div>{body}</div>"


def token(name: str) -> str:
    """A short, stable token of an app's name, for the CSS classes that tie its live output
    to its picture (the same in every run, so that the saved HTML is too).

    Example:
        >>> token("demo") == token("demo") != token("other")
        True
    """
    return hashlib.blake2b(str(name).encode("utf-8", "replace"), digest_size=5).hexdigest()


def live_class(name: str) -> str:
    """The class of the live output's root box: while it is in the page, the picture hides."""
    return f"nbstate-shown-{token(name)}"


def picture_class(name: str) -> str:
    """The class of the picture's root element."""
    return f"nbstate-picture-{token(name)}"


def _style(name: str) -> str:
    """The picture's own stylesheet (``app.css`` is not there when the widgets are gone).

    The first rules hide the picture wherever the app's live output is in the same notebook
    (JupyterLab, Notebook 7, Voila) or page (VS Code's output webview); the next one keeps it
    invisible while the live output before it is loading ("Loading widget...", no element
    yet), for ``LOADING_WAIT`` seconds at most: a notebook reloaded beside its running kernel
    gets its live view meanwhile, one opened with no kernel at all (which stays "Loading")
    shows the picture after that. The last one hides the live output's placeholder text where
    the widget models are gone ("Error displaying widget: model not found", "Loading
    widget...", a ``text/plain`` fallback), so that the picture takes its place."""
    live, pic = f".{live_class(name)}", f".{picture_class(name)}"
    child, out = ".jp-OutputArea-child", ".jp-OutputArea-output"
    hide = "{display: none !important}"
    # (one rule each: a selector a browser rejects drops only its own rule; no :has() in
    # another :has(), which no browser accepts)
    return (
        f"<style>"
        f".jp-Notebook:has({live}) {pic} {hide}"
        f"body:not(:has(.jp-Notebook)):has({live}) {pic} {hide}"
        f"{child}:not(:has({live})):not(:has(> {out}.jupyter-widgets)):not(:has(> {out} > pre))"
        f" + {child} {pic} "
        f"{{animation: nbstate-picture-wait {LOADING_WAIT}s step-end}}"
        f"@keyframes nbstate-picture-wait {{0%, 100% {{visibility: hidden}}}}"
        f"{child}:has(+ {child} {pic}):not(:has({live})) {hide}"
        f"{pic} .nbs-w {{margin: 0.3em 0}}"
        f"{pic} .nbs-w > div:first-child {{font-size: 0.9em}}"
        f"{pic} .nbs-v {{padding: 0.25em 0.6em; border: 1px solid rgba(128,128,128,.35); "
        f"border-radius: 0.3em; display: inline-block; min-width: 8em}}"
        f"</style>")


def picture_html(tree: Element, max_chars: int = MAX_HTML) -> str:
    """The app's tree as static HTML (the picture's ``text/html``), with a note that it is
    not live; at most about ``max_chars`` long (the elements past that are counted in a
    note, not drawn)."""
    name = tree.props.get("name", "")
    budget = _Budget(max_chars)
    kids = {c.type: c for c in tree.children or []}
    body = _html_of(kids["notices"], budget) if "notices" in kids else ""
    logo = _html_of(kids["logo"], budget) if "logo" in kids else ""  # st.logo, at the top
    main = _html_of(kids["main"], budget) if "main" in kids else ""
    side = kids.get("sidebar")
    side_html = _html_of(side, budget) if side is not None and side.children else ""
    if side_html or (side is not None and logo):
        main = (f'<div style="{_ROW}"><div style="flex: 0 0 16em;">{logo}{side_html}</div>'
                f'<div style="flex: 1 1 0; min-width: 0;">{main}</div></div>')
    else:
        body = logo + body
    note = (f'<div class="nbstate-static-note" style="{_SMALL} margin-bottom: 0.4em;">A '
            f'picture of the app {_esc(name)} as last shown: not live. Run the cell to use '
            f'the app.</div>')
    more = (f'<div style="{_SMALL}">{budget.skipped:,} more elements are not drawn (the '
            f'picture is kept small).</div>' if budget.skipped else "")
    return (f'<div class="nbstate-static {picture_class(name)}" data-app="{_esc(name)}">'
            f'{_style(name)}{note}{body}{main}{more}</div>')


def mimebundle(tree: Element) -> dict[str, str]:
    """The picture output's bundle: ``{"text/plain": outline, "text/html": picture}`` (a lone
    surrogate the app wrote, which cannot travel as UTF-8, shows as U+FFFD)."""
    out = {"text/plain": outline(tree), "text/html": picture_html(tree)}
    return {k: _SURROGATE.sub("\ufffd", v) for k, v in out.items()}


def pending_bundle(name: str) -> dict[str, str]:
    """The picture output of an app whose first run is still under way (shown at once when
    that run is slow): empty, with the rules that keep it hidden while the app is live."""
    return {"text/plain": f"nbstate app {name!r} (running)",
            "text/html": f'<div class="nbstate-static {picture_class(name)}" '
                         f'data-app="{_esc(name)}">{_style(name)}</div>'}


def live_text(name: str) -> str:
    """The live output's ``text/plain``: a short line (the outline is in the picture's
    output, right after it).

    Example:
        >>> live_text("demo")
        "nbstate app 'demo' (live output; a picture of it follows)"
    """
    return f"nbstate app {name!r} (live output; a picture of it follows)"
