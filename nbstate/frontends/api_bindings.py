"""The live frontend of the element types added for the rest of Streamlit's ``st`` namespace.

ipywidgets draws what it can: ``NaiveDatetimePicker`` (``datetime_input``), ``ToggleButtons``
(``feedback``, short ``pagination``), ``BoundedIntText`` (long ``pagination``), ``Dropdown``
(``menu_button``), ``Button`` (page links, a dialog's close button), ``FileUpload`` with an
``accept`` of ``image/*``/``audio/*`` (``camera_input``, ``audio_input``), ``GridBox``
(``grid``), and ``HTML`` for display elements (``<audio>``, ``<video>``, the PDF viewer,
badges, balloons...). What it cannot draw is an anywidget (ESM in ``nbstate/js/``, as
``anywidgets.py`` explains): ``LinkButton`` (a link that opens a tab and may report the
click), ``FragmentTimer`` (the browser's clock for ``run_every``), ``PageConfig`` (the page's
title and icon), ``UrlQuery`` (``st.query_params`` in the page's URL, in Voila) and ``EChart``
(ECharts from its CDN). A dialog is a box whose stylesheet (in
an HTML widget inside it) lays it over the app as a modal.

Example:
    >>> from nbstate.elements import Element
    >>> el = Element("badge", props={"label": "New", "color": "green", "icon": None})
    >>> "New" in render(el)
    True
"""

from __future__ import annotations

import html as _h
import os
from typing import Any

import anywidget
import ipywidgets as W
import traitlets as t

from ..elements import Element
from . import html as _html
from .anywidgets import asset
from .bindings import (
    _STYLE,
    NOTHING,
    Binding,
    Box,
    Press,
    RichOutput,
    Simple,
    Upload,
    _option_at,
    register_binding,
)

# -- anywidgets --------------------------------------------------------------------------------


class LinkButton(anywidget.AnyWidget):
    """``st.link_button``: opens ``url`` in a new tab; reports clicks when ``report``."""

    _esm = asset("link_button.js")
    label = t.Unicode("").tag(sync=True)
    url = t.Unicode("").tag(sync=True)
    disabled = t.Bool(False).tag(sync=True)
    help = t.Unicode("").tag(sync=True)
    button_type = t.Unicode("secondary").tag(sync=True)
    report = t.Bool(False).tag(sync=True)
    stretch = t.Bool(False).tag(sync=True)


class FragmentTimer(anywidget.AnyWidget):
    """``@st.fragment(run_every=...)``: the browser sends a click every ``interval`` s."""

    _esm = asset("fragment_timer.js")
    interval = t.Float(0).tag(sync=True)
    disabled = t.Bool(False).tag(sync=True)


class PageConfig(anywidget.AnyWidget):
    """``st.set_page_config``'s title and icon, applied to the page the app is on."""

    _esm = asset("page_config.js")
    title = t.Unicode("").tag(sync=True)
    icon = t.Unicode("").tag(sync=True)


class UrlQuery(anywidget.AnyWidget):
    """``st.query_params`` as the page URL's query (Voila): the browser puts ``query`` in its
    address bar with ``history.replaceState``, as Streamlit's frontend does."""

    _esm = asset("url_query.js")
    query = t.Unicode("").tag(sync=True)


def in_voila() -> bool:
    """Is the app the whole page (Voila gives its kernels ``SERVER_SOFTWARE=voila/...``)?"""
    return os.environ.get("SERVER_SOFTWARE", "").startswith("voila")


class EChart(anywidget.AnyWidget):
    """``st.echarts_chart``: ECharts draws the option ``spec`` (JSON)."""

    _esm = asset("echarts_chart.js")
    spec = t.Unicode("{}").tag(sync=True)
    height = t.Int(400).tag(sync=True)
    renderer = t.Unicode("canvas").tag(sync=True)


# -- HTML of display elements --------------------------------------------------------------------

_BADGE: dict[Any, tuple[str, str]]
_BADGE = {"red": ("#ff2b2b", "rgba(255,43,43,.1)"), "orange": ("#e2660c", "rgba(255,164,33,.1)"),
          "yellow": ("#926c05", "rgba(255,255,18,.15)"), "blue": ("#0068c9", "rgba(28,131,225,.1)"),
          "green": ("#158237", "rgba(33,195,84,.1)"), "violet": ("#6d3fc0", "rgba(128,61,245,.1)"),
          "gray": ("#555867", "rgba(49,51,63,.1)"), "primary": ("#ff4b4b", "rgba(255,75,75,.1)")}


def _e(x: Any) -> str:
    return _h.escape(str(x), quote=True)


def _width(p: dict) -> str:
    w = p.get("width")
    return f"width: {int(w)}px; max-width: 100%;" if w else "width: 100%;"


def _audio(el: Element) -> str:
    p = el.props
    flags = "".join(f" {f}" for f in ("loop", "autoplay") if p.get(f))
    return (f'<audio class="nbstate-audio" controls{flags} src="{_e(p["src"])}" '
            f'aria-label="{_e(p.get("alt") or "audio")}" style="{_width(p)}"></audio>')


def _video(el: Element) -> str:
    p = el.props
    flags = "".join(f" {f}" for f in ("loop", "autoplay", "muted") if p.get(f))
    tracks = "".join(f'<track kind="captions" label="{_e(s["label"])}" src="{_e(s["src"])}"'
                     f'{" default" if i == 0 else ""}/>'
                     for i, s in enumerate(p.get("subtitles") or ()))
    return (f'<video class="nbstate-video" controls{flags} src="{_e(p["src"])}" '
            f'aria-label="{_e(p.get("alt") or "video")}" style="{_width(p)}">{tracks}</video>')


def _pdf(el: Element) -> str:
    p = el.props
    h = p.get("height")
    height = "100%" if h == "stretch" else f"{h}px"
    return (f'<iframe class="nbstate-pdf" src="{_e(p["src"])}" title="{_e(p.get("alt") or "PDF")}"'
            f' style="width: 100%; height: {height}; border: 1px solid rgba(128,128,128,.3);">'
            "</iframe>")


def _badge(el: Element) -> str:
    p = el.props
    fg, bg = _BADGE.get(p.get("color"), _BADGE["blue"])
    icon = f"{_e(p['icon'])} " if p.get("icon") and not str(p["icon"]).startswith(":") else ""
    title = f' title="{_e(p["help"])}"' if p.get("help") else ""
    return (f'<span class="nbstate-badge"{title} style="display: inline-block; color: {fg}; '
            f'background: {bg}; padding: 0.1em 0.5em; border-radius: 0.5em; '
            f'font-size: 0.875em; font-weight: 500;">{icon}{_e(p["label"])}</span>')


def _space(el: Element) -> str:
    from ..media import SPACE_SIZES

    size = el.props.get("size")
    h = f"{size}px" if isinstance(size, int) else SPACE_SIZES.get(size, "0.75rem")
    grow = 1 if h == "auto" else 0
    return f'<div class="nbstate-space" style="height: {h}; flex: {grow};"></div>'


_FALL = {"balloons": ("\U0001f388", "up"), "snow": ("\u2744\ufe0f", "down")}


def _celebration(el: Element) -> str:
    sym, way = _FALL[el.type]
    frames = ("from { transform: translateY(110vh); opacity: 1; } to { transform: "
              "translateY(-20vh); opacity: 0.9; }" if way == "up" else
              "from { transform: translateY(-10vh); opacity: 1; } to { transform: "
              "translateY(105vh); opacity: 0.6; }")
    items = "".join(
        f'<span style="position: absolute; left: {(i * 37) % 100}%; font-size: '
        f'{1.5 + (i % 3) * 0.6}rem; animation: nbstate-{el.type} {3 + (i % 4) * 0.5}s ease-in '
        f'{(i % 7) * 0.25}s 1 both;">{sym}</span>' for i in range(24))
    return (f"<style>@keyframes nbstate-{el.type} {{ {frames} }}</style>"
            f'<div class="nbstate-{el.type}" aria-hidden="true" style="position: fixed; inset: 0; '
            f'pointer-events: none; overflow: hidden; z-index: 999;">{items}</div>')


def _skeleton(el: Element) -> str:
    h = el.props.get("height") or 80
    return ('<style>@keyframes nbstate-pulse { 50% { opacity: 0.45; } }</style>'
            f'<div class="nbstate-skeleton" style="height: {h}px; border-radius: 0.5em; '
            'background: rgba(128,128,128,.18); animation: nbstate-pulse 1.6s ease-in-out '
            'infinite;"></div>')


def _logo(el: Element) -> str:
    p = el.props
    sizes: dict[Any, int] = {"small": 20, "medium": 24, "large": 32}
    h = sizes.get(p.get("size"), 24)
    # as in Streamlit: the sidebar shows `image`; the app's header `icon_image` if given
    src = p["src"] if p.get("in_sidebar") or not p.get("icon_src") else p["icon_src"]
    img = f'<img src="{_e(src)}" alt="logo" style="height: {h}px; max-width: 100%;"/>'
    if p.get("link"):
        img = f'<a href="{_e(p["link"])}" target="_blank" rel="noopener">{img}</a>'
    return f'<div class="nbstate-logo">{img}</div>'


def _page_link_url(el: Element) -> str:
    p = el.props
    icon = f"{_e(p['icon'])} " if p.get("icon") and not str(p["icon"]).startswith(":") else ""
    return (f'<a class="nbstate-page-link" href="{_e(p["url"])}" target="_blank" '
            f'rel="noopener">{icon}{_e(p["label"])}</a>')


def _graphviz(el: Element) -> str:
    p = el.props
    if p.get("svg"):
        return f'<div class="nbstate-graphviz" style="overflow: auto;">{p["svg"]}</div>'
    return ('<div class="nbstate-graphviz"><div style="font-size: 0.85em; opacity: 0.7;">'
            "Graphviz's <code>dot</code> program is not installed, so the graph is shown as its "
            "DOT source (Debian: <code>apt-get install graphviz</code>).</div>"
            f'<pre style="white-space: pre-wrap;">{_e(p["spec"])}</pre></div>')


def _pydeck(el: Element) -> str:
    p = el.props
    return (f'<iframe class="nbstate-pydeck" srcdoc="{_e(p["html"])}" '
            f'title="{_e(p.get("alt") or "map")}" style="width: 100%; height: {p["height"]}px; '
            'border: none;"></iframe>')


_DIALOG_CSS = """<style>
.nbstate-dialog { position: fixed !important; top: 8vh; left: 50%; transform: translateX(-50%);
  z-index: 1000; max-height: 84vh; overflow: auto !important; box-sizing: border-box;
  background: var(--jp-layout-color0, #fff); color: var(--jp-ui-font-color0, #31333f);
  border-radius: 0.5rem; padding: 1.5rem;
  box-shadow: 0 0 0 100vmax rgba(14, 17, 23, 0.5), 0 8px 32px rgba(0, 0, 0, 0.3); }
.nbstate-dialog.nbstate-dialog-left { left: 2rem; transform: none; }
.nbstate-dialog.nbstate-dialog-right { left: auto; right: 2rem; transform: none; }
.nbstate-dialog .nbstate-dialog-close { position: absolute; right: 0.5rem; top: 0.5rem; }
</style>"""


def _dialog_title(el: Element) -> str:
    p = el.props
    icon = f"{_e(p['icon'])} " if p.get("icon") and not str(p["icon"]).startswith(":") else ""
    return (f'{_DIALOG_CSS}<h3 class="nbstate-dialog-title" style="margin: 0 2.5rem 0.8rem 0;">'
            f'{icon}{_e(p.get("title", ""))}</h3>')


RENDERERS = {"audio": _audio, "video": _video, "pdf": _pdf, "badge": _badge, "space": _space,
             "balloons": _celebration, "snow": _celebration, "skeleton": _skeleton,
             "logo": _logo, "page_link": _page_link_url,
             "dialog_title": _dialog_title,
             "graphviz_chart": _graphviz, "pydeck_chart": _pydeck}


def render(el: Element) -> str:
    """The HTML of one of this module's display elements."""
    return RENDERERS[el.type](el)


# -- widgets -----------------------------------------------------------------------------------


class DatetimeBox(Simple):
    """datetime_input: a NaiveDatetimePicker bounded by the element's min and max."""

    def extra(self, el: Element) -> dict[str, Any]:
        return {"min": el.props.get("min"), "max": el.props.get("max")}


class Feedback(Simple):
    """feedback: ToggleButtons of its symbols; the value is the index (or None)."""

    value_key = "index"

    def extra(self, el: Element) -> dict[str, Any]:
        return {"options": [(s, i) for i, s in enumerate(el.props.get("symbols", ()))],
                "style": {"button_width": "2.6em"}}

    def traits(self, el: Element) -> dict[str, Any]:
        return {"disabled": bool(el.props.get("disabled"))}


class Pages(Simple):
    """pagination: ToggleButtons of the page numbers (a number box past max_visible_pages)."""

    value_key = "index"

    def extra(self, el: Element) -> dict[str, Any]:
        n = el.props["num_pages"]
        return {"options": [(str(i), i) for i in range(1, n + 1)],
                "style": {"button_width": "2.6em"}}

    def traits(self, el: Element) -> dict[str, Any]:
        return {"disabled": bool(el.props.get("disabled"))}

    def to_trait(self, el: Element, value: Any) -> Any:
        return None if value is None else value - 1

    def from_trait(self, el: Element, raw: Any) -> Any:
        return raw + 1 if type(raw) is int else raw


class PageBox(Simple):
    """pagination with many pages: a number box from 1 to the last page."""

    def extra(self, el: Element) -> dict[str, Any]:
        return {"min": 1, "max": el.props["num_pages"], "description": "Page"}

    def traits(self, el: Element) -> dict[str, Any]:
        return {"disabled": bool(el.props.get("disabled"))}


class Menu(Simple):
    """menu_button: a Dropdown whose label is the button's; picking an option is the click."""

    value_key = "index"

    def extra(self, el: Element) -> dict[str, Any]:
        return {"options": [(str(lab), i) for i, lab in enumerate(el.props.get("labels", []))]}

    def to_trait(self, el: Element, value: Any) -> Any:
        return None  # nothing stays picked: the menu closes after each pick

    def from_trait(self, el: Element, raw: Any) -> Any:
        if raw is None:
            return NOTHING
        return _option_at(el.props.get("options", []), raw)

    def from_frontend(self, el: Element, states: list[dict[str, Any]]) -> Any:
        return self.from_trait(el, states[0].get("index"))


class Link(Binding):
    """link_button: the LinkButton anywidget (reports clicks when it is a widget)."""

    def create(self, el: Element) -> W.Widget:
        return LinkButton(**self.traits(el))

    def traits(self, el: Element) -> dict[str, Any]:
        p = el.props
        icon = p.get("icon")
        label = str(p.get("label", ""))
        if icon and not str(icon).startswith(":"):
            label = f"{icon} {label}" if p.get("icon_position") != "right" else f"{label} {icon}"
        return {"label": label, "url": str(p.get("url", "")), "disabled": bool(p.get("disabled")),
                "help": str(p.get("help") or ""), "button_type": str(p.get("type") or "secondary"),
                "report": el.id is not None, "stretch": bool(p.get("stretch"))}

    def on_custom(self, el: Element, content: Any) -> Any:
        if el.id is not None and isinstance(content, dict) and content.get("event") == "click":
            return True
        return NOTHING


class PageLink(Press):
    """A page link (st.page_link, the page menu): a flat button, bold for the current page; a
    link to a URL is HTML."""

    def create(self, el: Element) -> W.Widget:
        if el.id is None:
            return W.HTML(value=_page_link_url(el))
        return W.Button(**self.traits(el))

    def traits(self, el: Element) -> dict[str, Any]:
        if el.id is None:
            return {"value": _page_link_url(el)}
        out = super().traits(el)
        out["_dom_classes"] = ("nbstate-page-link",)
        out["style"] = {"font_weight": "bold" if el.props.get("current") else "normal",
                        "button_color": "transparent"}
        return out


class Timer(Press):
    def create(self, el: Element) -> W.Widget:
        return FragmentTimer(**self.traits(el))

    def traits(self, el: Element) -> dict[str, Any]:
        return {"interval": float(el.props.get("interval") or 0),
                "disabled": bool(el.props.get("disabled"))}


class Media(Upload):
    """camera_input / audio_input: a file picker for images / sounds."""

    def extra(self, el: Element) -> dict[str, Any]:
        return {"accept": str(el.props.get("accept") or ""), "multiple": False}


class Mermaid(RichOutput):
    """mermaid_chart: a ```mermaid Markdown block, which JupyterLab draws."""

    def traits(self, el: Element) -> dict[str, Any]:
        body = el.props.get("body", "")
        return {"outputs": ({"output_type": "display_data", "metadata": {},
                             "data": {"text/markdown": f"```mermaid\n{body}\n```",
                                      "text/plain": body}},)}


class ECharts(Binding):
    def create(self, el: Element) -> W.Widget:
        return EChart(**self.traits(el))

    def traits(self, el: Element) -> dict[str, Any]:
        p = el.props
        return {"spec": p.get("spec") or "{}", "height": int(p.get("height") or 400),
                "renderer": p.get("renderer") or "canvas"}


class Dialog(Box):
    """A dialog: a box laid over the app (its stylesheet comes with its title element)."""

    def create(self, el: Element) -> W.Widget:
        pos = el.props.get("position")
        classes = ("nbstate-dialog", *((f"nbstate-dialog-{pos}",) if pos != "center" else ()))
        return W.VBox(**self.traits(el), _dom_classes=classes)

    def traits(self, el: Element) -> dict[str, Any]:
        return {"layout": {"width": f"min({int(el.props.get('width') or 500)}px, 95vw)"}}


class DialogClose(Press):
    def create(self, el: Element) -> W.Widget:
        return W.Button(**self.traits(el), _dom_classes=("nbstate-dialog-close",),
                        layout={"width": "2.4rem"})

    def traits(self, el: Element) -> dict[str, Any]:
        return {"description": "\u2715", "tooltip": "Close", "disabled": False}


_GRID_GAPS = {"xxsmall": "0.25rem", "xsmall": "0.5rem", "small": "1rem", "medium": "2rem",
              "large": "4rem", "xlarge": "6rem", "xxlarge": "8rem", None: "0"}
_ALIGN: dict[Any, str] = {"top": "flex-start", "center": "center", "bottom": "flex-end"}


class Grid(Box):
    def __init__(self) -> None:
        super().__init__(W.GridBox)

    def traits(self, el: Element) -> dict[str, Any]:
        p = el.props
        cols = p.get("columns")
        mcw = p.get("min_column_width")
        width = f"{mcw}px" if isinstance(mcw, int) else "12rem"
        template = (f"repeat({cols}, minmax(0, 1fr))" if isinstance(cols, int)
                    else f"repeat(auto-fill, minmax({width}, 1fr))")
        row_gap, col_gap = p.get("gap", ("small", "small"))
        rows = p.get("row_height")
        lay = {"grid_template_columns": template,
               "grid_gap": f"{_gap_css(row_gap)} {_gap_css(col_gap)}",
               "align_items": _ALIGN.get(p.get("vertical_alignment"), "flex-start"),
               "grid_auto_rows": f"{rows}px" if isinstance(rows, int) else None,
               "grid_auto_flow": "row dense" if p.get("dense") else None}
        if p.get("border"):
            lay.update(border="1px solid rgba(128, 128, 128, 0.35)", padding="0.5em")
        return {"layout": {k: v for k, v in lay.items() if v is not None}}


def _gap_css(gap: Any) -> str:
    return f"{gap}px" if isinstance(gap, int) else _GRID_GAPS.get(gap, "1rem")


class DisplayHtml(Binding):
    def create(self, el: Element) -> W.Widget:
        return W.HTML(value=render(el))

    def traits(self, el: Element) -> dict[str, Any]:
        return {"value": render(el)}


def apply_page(view: Any, page: dict[str, Any] | None, has_sidebar: bool = False) -> None:
    """Apply ``st.set_page_config`` (the root element's ``page`` props) to a live view before
    it reconciles: the layout to the app's box, the sidebar's width, the title and icon
    through a ``PageConfig`` widget."""
    page = page or {}
    lay = view.root.layout
    layout = page.get("layout")
    # "centered" (Streamlit's default): Streamlit's 736 px main column (beside the sidebar,
    # if there is one); "wide": the whole output's width
    width = None
    if layout in (None, "centered"):
        side = f"{int(page['sidebar_width'])}px" if page.get("sidebar_width") else "21rem"
        width = f"calc(736px + {side} + 1.5rem)" if has_sidebar else "736px"
    if lay.max_width != width:
        lay.max_width = width
        lay.margin = "0 auto" if width else None
    sw = page.get("sidebar_width")
    # the reader may resize the sidebar (--nbstate-sidebar-width, set in the browser)
    view.sidebar_columns = (f"var(--nbstate-sidebar-width, {int(sw)}px) minmax(0, 1fr)" if sw
                            else "var(--nbstate-sidebar-width, 21rem) minmax(0, 1fr)")
    pc = getattr(view, "page_config", None)
    title, icon = str(page.get("title") or ""), str(page.get("icon") or "")
    if pc is None and (title or icon):
        # a child of the app's box after the stale marker (the next reconcile places it)
        pc = view.page_config = PageConfig(title=title, icon=icon,
                                           layout={"display": "none", "grid_area": "marker"})
        view.prefix.append(pc)
        view.root.children = (*view.prefix, *view.root.children[1:])
    elif pc is not None and (pc.title, pc.icon) != (title, icon):
        with pc.hold_sync():
            pc.title, pc.icon = title, icon
    query = page.get("query")  # set once the app wrote st.query_params (page.py)
    if query is not None and in_voila():
        uq = getattr(view, "url_query", None)
        if uq is None:
            tops = view.root.children[len(view.prefix):]
            uq = view.url_query = UrlQuery(query=query,
                                           layout={"display": "none", "grid_area": "marker"})
            view.prefix.append(uq)
            view.root.children = (*view.prefix, *tops)
        elif uq.query != query:
            uq.query = query


def _register() -> None:
    html_binding = DisplayHtml()
    for name in RENDERERS:
        register_binding(name, html_binding)
        _html.RENDERERS.setdefault(name, RENDERERS[name])
    upload = Media(W.FileUpload)
    register_binding("datetime_input", DatetimeBox(W.NaiveDatetimePicker, style=_STYLE))
    register_binding("feedback", Feedback(W.ToggleButtons))
    short, long = Pages(W.ToggleButtons), PageBox(W.BoundedIntText, style=_STYLE)
    register_binding("pagination", lambda el: short if el.props["num_pages"] <= max(
        7, el.props.get("max_visible_pages") or 7) else long)
    register_binding("menu_button", Menu(W.Dropdown, style=_STYLE))
    register_binding("link_button", Link())
    register_binding("page_link", PageLink())
    register_binding("fragment_timer", Timer())
    register_binding("camera_input", upload)
    register_binding("audio_input", upload)
    register_binding("mermaid_chart", Mermaid())
    register_binding("echarts_chart", ECharts())
    register_binding("dialog", Dialog())
    register_binding("dialog_dismiss", DialogClose())
    register_binding("grid", Grid())


_register()
