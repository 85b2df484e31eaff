"""A static picture of an app: what a saved notebook keeps when the widgets are gone.

The live app is an ipywidgets output; a notebook saved with it, then opened with no kernel
(nbconvert's HTML, nbviewer, GitHub, an untrusted notebook in JupyterLab), has no widget
models to draw it from. So the app's output carries two more forms beside the widget view,
both made from the run's element tree:

- ``text/html``: the app drawn in plain HTML (display elements through ``html.render``, the
  same HTML the live app shows; widgets as their label and value; layout as boxes), under a
  note that it is a picture and not live;
- ``text/plain``: an outline, one line per element (a widget's kind, label and value; texts;
  a table's shape), stable from run to run, so that ``pytest --nbval`` (strict) compares what
  the app shows with the saved notebook and a change in it fails.

Both are made once per displayed output (at the end of the cell's run), never per element or
per rerun.

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
import html as _html
from typing import Any

from ..elements import Element
from .html import _SURROGATE, render

#: rows of a table the picture keeps (a saved notebook stays small); the rest are counted
MAX_ROWS = 50

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
    except Exception:  # noqa: BLE001 - a value whose str() fails still shows its type
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
                except Exception:  # noqa: BLE001 - options that do not compare
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
    except Exception:  # noqa: BLE001
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
        cap = p.get("caption")
        return "image" + (f": {cap}" if cap else "")
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


def outline(tree: Element) -> str:
    """A readable, stable text outline of an app's tree (the picture's ``text/plain``)."""
    name = tree.props.get("name", "")
    lines = [f"nbstate app {name!r} (a picture of its last run; run the cell to use it)"]

    def walk(el: Element, depth: int) -> None:
        pad = "  " * depth
        if el.children is not None:
            if not el.children:
                return
            group = _GROUPS.get(el.type)
            if group is not None:
                prop, title = group
                label = el.props.get(prop) if prop else None
                lines.append(f"{pad}{title}" + (f' "{label}"' if label is not None else "")
                             + ":")
                depth += 1
            for i, c in enumerate(el.children):
                if el.type == "columns" and c.children:
                    lines.append(f"{'  ' * depth}column {i + 1}:")
                    for k in c.children:
                        walk(k, depth + 1)
                else:
                    walk(c, depth)
            return
        text = _line(el)
        if text is None:
            return
        first, *rest = text.rstrip("\n").split("\n") or [""]
        lines.append(pad + first)
        lines.extend(f"{pad}  {r}" for r in rest)

    for c in tree.children or []:
        walk(c, 0)
    return "\n".join(lines)


def _esc(x: Any) -> str:
    return _html.escape(str(x), quote=True)


_GROUP_STYLE = ("border: 1px solid rgba(128,128,128,.35); border-radius: 0.5em; "
                "padding: 0.4em 0.8em; margin: 0.3em 0;")


def _widget_html(el: Element) -> str:
    p = el.props
    label = _esc(p.get("label", ""))
    if el.type in ("button", "form_submit_button", "download_button", "link_button"):
        return (f'<div class="nbstate-static-widget" style="margin: 0.3em 0;"><button disabled '
                f'style="padding: 0.3em 0.9em;">{label}</button></div>')
    return (f'<div class="nbstate-static-widget" style="margin: 0.3em 0;">'
            f'<div style="font-size: 0.9em;">{label}</div>'
            f'<div style="padding: 0.25em 0.6em; border: 1px solid rgba(128,128,128,.35); '
            f'border-radius: 0.3em; display: inline-block; min-width: 8em;">'
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
        except Exception:  # noqa: BLE001 - the outline is a courtesy
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
    except Exception:  # noqa: BLE001 - the picture is a courtesy
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
        note = (f'<div style="font-size: 0.85em; opacity: 0.65;">The first {MAX_ROWS} of '
                f'{nrows:,} rows.</div>' if nrows > MAX_ROWS else "")
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
        return (f'<div class="nbstate-static-chart" style="{_GROUP_STYLE} opacity: 0.7;">'
                f'{_esc(_line(el))}: drawn when the app is live</div>')
    return render(el)


def _html_of(el: Element) -> str:
    if el.children is None:
        return _leaf_html(el)
    if not el.children:
        return ""
    t, p = el.type, el.props
    kids = el.children
    if t == "columns":
        cols = "".join(f'<div style="flex: {c.props.get("weight", 1)} 1 0; min-width: 0;">'
                       f'{_html_of(c)}</div>' for c in kids)
        return f'<div style="display: flex; gap: 1em;">{cols}</div>'
    inner = "".join(_html_of(c) for c in kids)
    if t == "column":
        return "".join(_html_of(c) for c in kids)
    if t == "tab":
        return (f'<div style="{_GROUP_STYLE}"><div style="font-weight: 600;">'
                f'{_esc(p.get("label", ""))}</div>{inner}</div>')
    if t in ("expander", "popover", "status"):
        return (f'<details open style="{_GROUP_STYLE}"><summary>{_esc(p.get("label", ""))}'
                f'</summary>{inner}</details>')
    if t in ("form", "sidebar"):
        return f'<div class="nbstate-static-{t}" style="{_GROUP_STYLE}">{inner}</div>'
    return f"<div>{inner}</div>"


def picture_html(tree: Element) -> str:
    """The app's tree as static HTML (the picture's ``text/html``), with a note that it is
    not live."""
    name = tree.props.get("name", "")
    kids = {c.type: c for c in tree.children or []}
    body = _html_of(kids["notices"]) if "notices" in kids else ""
    main = _html_of(kids["main"]) if "main" in kids else ""
    side = kids.get("sidebar")
    logo = _html_of(kids["logo"]) if "logo" in kids else ""  # st.logo, pinned at the top
    if side is not None and (side.children or logo):
        main = (f'<div style="display: flex; gap: 1em;"><div style="flex: 0 0 16em;">'
                f'{logo}{_html_of(side)}</div><div style="flex: 1 1 0; min-width: 0;">'
                f'{main}</div></div>')
    else:
        body = logo + body
    note = (f'<div class="nbstate-static-note" style="font-size: 0.85em; opacity: 0.7; '
            f'margin-bottom: 0.4em;">A picture of the app {_esc(name)!s} as last shown: not '
            f'live. Run the cell to use the app.</div>')
    return (f'<div class="nbstate-static" data-app="{_esc(name)}">{note}{body}{main}</div>')


def mimebundle(tree: Element) -> dict[str, str]:
    """``{"text/plain": outline, "text/html": picture}`` for the app's output (a lone
    surrogate the app wrote, which cannot travel as UTF-8, shows as U+FFFD)."""
    out = {"text/plain": outline(tree), "text/html": picture_html(tree)}
    return {k: _SURROGATE.sub("\ufffd", v) for k, v in out.items()}
