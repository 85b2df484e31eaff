"""An nbstate app in VS Code's notebook environment: an EMULATION, not VS Code.

VS Code cannot run here (no VS Code, its marketplace unreachable). What its notebook webview
gives an ipywidgets output, and what this test rebuilds: no JupyterLab ``--jp-*`` CSS
variables, the body's theme class (``vscode-light``, ``vscode-dark``, ``vscode-high-contrast``)
and VS Code's ``--vscode-*`` variables on the root element, with VS Code's default webview
styles (the editor's background, foreground and font).

How: an app is rendered by Voila in Chromium; its DOM (``.nbstate-app``'s outer HTML) and every
style rule of the page are copied, with each ``--jp-*`` variable definition dropped (those of
nbstate's own rules, scoped to the app, stay: VS Code loads them too). A plain HTML page made of
these (ipywidgets' own ``--jp-widgets-*`` variables kept: ipywidgets' stylesheet comes with
the widgets), with VS Code's body class and variables, is served on localhost and measured: the text
is readable (its contrast against what is behind it), it takes VS Code's theme colours (not
the built-in fallbacks), inputs and tables are not light boxes on a dark editor, and the
layout (labels above inputs, nothing outside the app) holds.

What it does not show: VS Code's own widget renderer (its versions of ipywidgets and
anywidget), its iframe sizing and its event handling; nothing is clicked here.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path

import nbformat
import pytest
from playwright.sync_api import expect

from .notebooks import notebook
from .test_look import _CONTRAST, _LABELS

APP = '''\
%%app vscode
import pandas as pd
import nbstate as st

with st.sidebar:
    st.selectbox("Region", ["north", "south"], key="region")
st.title("In VS Code")
st.text_input("Name", key="name", help="Your name")
st.slider("Level", 0, 100, 20, key="level")
st.multiselect("Tags", ["alpha", "beta", "gamma"], ["beta"], key="tags")
st.toggle("Power", key="power")
st.write("Some body text in the app.")
st.button("Primary", type="primary")
st.button("Secondary")
st.metric("Revenue", "1,000", "+4%")
st.dataframe(pd.DataFrame({"city": ["Oslo", "Lima"], "temp": [3.5, 19.25]}))
with st.expander("More", expanded=True):
    st.write("inside the expander")
st.write("end of vscode")
'''

# VS Code's colours for its default themes (Dark Modern, Light Modern, Dark High Contrast), as
# its webview defines them on the root element
THEMES = {
    "vscode-dark": {
        "--vscode-editor-background": "#1f1f1f", "--vscode-editor-foreground": "#cccccc",
        "--vscode-foreground": "#cccccc", "--vscode-descriptionForeground": "#9d9d9d",
        "--vscode-disabledForeground": "#8b8b8b", "--vscode-editorWidget-background": "#202020",
        "--vscode-input-background": "#313131", "--vscode-sideBar-background": "#181818",
        "--vscode-focusBorder": "#0078d4", "--vscode-widget-border": "#313131",
        "--vscode-font-family": "-apple-system, BlinkMacSystemFont, 'Segoe WPC', 'Segoe UI', "
                                "'Ubuntu', 'Droid Sans', sans-serif",
    },
    "vscode-light": {
        "--vscode-editor-background": "#ffffff", "--vscode-editor-foreground": "#3b3b3b",
        "--vscode-foreground": "#3b3b3b", "--vscode-descriptionForeground": "#3b3b3b",
        "--vscode-disabledForeground": "#616161", "--vscode-editorWidget-background": "#f8f8f8",
        "--vscode-input-background": "#ffffff", "--vscode-sideBar-background": "#f8f8f8",
        "--vscode-focusBorder": "#005fb8", "--vscode-widget-border": "#e5e5e5",
        "--vscode-font-family": "-apple-system, BlinkMacSystemFont, 'Segoe WPC', 'Segoe UI', "
                                "'Ubuntu', 'Droid Sans', sans-serif",
    },
    "vscode-high-contrast": {
        "--vscode-editor-background": "#000000", "--vscode-editor-foreground": "#ffffff",
        "--vscode-foreground": "#ffffff", "--vscode-descriptionForeground": "#ffffff",
        "--vscode-disabledForeground": "#a5a5a5", "--vscode-editorWidget-background": "#0c141f",
        "--vscode-input-background": "#000000", "--vscode-sideBar-background": "#000000",
        "--vscode-focusBorder": "#f38518", "--vscode-contrastBorder": "#6fc3df",
        "--vscode-font-family": "-apple-system, BlinkMacSystemFont, 'Segoe WPC', 'Segoe UI', "
                                "'Ubuntu', 'Droid Sans', sans-serif",
    },
}

# the page's style rules as text, each --jp-* variable definition dropped but ipywidgets' own
# --jp-widgets-* (its stylesheet comes with the widgets in any frontend) and those of
# nbstate's rules (scoped to the app: they come with it in VS Code too)
_STYLES = """() => {
  // (a rule's text, not its declarations one by one: a shorthand holding var() has empty
  // longhands in the CSSOM)
  const out = [];
  for (const sheet of document.styleSheets) {
    let rules;
    try { rules = sheet.cssRules; } catch (e) { continue; }
    for (const r of rules) {
      const text = r.cssText;
      out.push(text.includes('nbstate') ? text
               : text.replace(/--jp-(?!widgets-)[\\w-]+\\s*:[^;{}]*;?/g, ''));
    }
  }
  return out.join('\\n');
}"""

# VS Code's default webview styles (what a webview's page gets before its own)
_WEBVIEW_DEFAULTS = """
html { background-color: var(--vscode-editor-background); }
body { margin: 0; padding: 0 20px; color: var(--vscode-editor-foreground);
       font-family: var(--vscode-font-family); font-size: 13px; }
"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def vscode_pages(server, browser, tmp_path_factory):
    """One page per VS Code theme, built from the app as Voila draws it, served on
    localhost: ``{theme class: url}``."""
    nbformat.write(notebook("%load_ext nbstate", APP), server.root / "scenario_vscode.ipynb")
    context = browser.new_context(viewport={"width": 1100, "height": 1600})
    try:
        page = context.new_page()
        page.goto(server.voila("scenario_vscode.ipynb"), timeout=120_000)
        root = page.locator(".nbstate-app").first
        expect(root).to_contain_text("end of vscode", timeout=60_000)
        expect(root.locator(".nbstate-grid-cell", has_text="Lima")).to_be_visible()
        styles = page.evaluate(_STYLES)
        html = root.evaluate("(r) => r.outerHTML")
    finally:
        context.close()
    site = tmp_path_factory.mktemp("vscode")
    for cls, colours in THEMES.items():
        variables = " ".join(f"{k}: {v};" for k, v in colours.items())
        (site / f"{cls}.html").write_text(
            f'<!doctype html>\n<html style="{variables}"><head><meta charset="utf-8">'
            f"<style>{_WEBVIEW_DEFAULTS}</style><style>{styles}</style></head>"
            f'<body class="{cls}">{html}</body></html>', encoding="utf-8")
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{httpd.server_address[1]}"
        yield {cls: f"{url}/{cls}.html" for cls in THEMES}
    finally:
        httpd.shutdown()
        httpd.server_close()


def _rgb(hex_colour: str) -> str:
    h = hex_colour.lstrip("#")
    return "rgb({}, {}, {})".format(*(int(h[i:i + 2], 16) for i in (0, 2, 4)))


# the background an element shows: its own, or else the nearest one behind it
_BEHIND = """(el) => {
  for (let n = el; n; n = n.parentElement) {
    const c = getComputedStyle(n).backgroundColor;
    const a = (c.match(/[\\d.]+/g) || []).map(Number);
    if (a.length === 3 || (a.length === 4 && a[3] > 0.5)) return c;
  }
  return 'rgb(255, 255, 255)';
}"""

# the luminance (0 black .. 1 white) of the background an element shows
_LUMINANCE = """(el) => {
  const behind = (""" + _BEHIND + """)(el);
  const [r, g, b] = behind.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}"""


@pytest.mark.parametrize("theme", list(THEMES))
def test_app_follows_vscode_theme_in_an_emulated_webview(page, vscode_pages, theme,
                                                         screenshots):
    page.set_viewport_size({"width": 1100, "height": 1600})
    page.goto(vscode_pages[theme])
    root = page.locator(".nbstate-app").first
    expect(root).to_contain_text("end of vscode")
    # the emulation is honest: no JupyterLab variable in the page, VS Code's are there
    assert page.evaluate(
        "() => ['--jp-layout-color0', '--jp-content-font-color0', '--jp-ui-font-color1']"
        ".every((v) => getComputedStyle(document.body).getPropertyValue(v) === '')")
    assert page.evaluate("() => document.body.dataset.jpThemeLight") is None
    colours = THEMES[theme]
    dark = theme != "vscode-light"
    need = 7 if theme == "vscode-high-contrast" else 4.5

    # the app's text is VS Code's foreground, readable on what is behind it
    title = root.locator("h1", has_text="In VS Code")
    expect(title).to_have_css("color", _rgb(colours["--vscode-editor-foreground"]))
    for el in (title, root.get_by_text("Some body text in the app."),
               root.locator(".widget-label", has_text="Name"),
               root.get_by_role("button", name="Secondary"),
               root.locator(".nbstate-toggle-text", has_text="Power"),
               root.locator(".nbstate-metric > div").nth(1),
               root.locator(".nbstate-grid-cell", has_text="Oslo"),
               root.locator(".nbstate-grid-header .nbstate-grid-cell", has_text="city"),
               root.get_by_text("inside the expander")):
        assert el.evaluate(_CONTRAST) >= need, (el, el.evaluate(_CONTRAST))
    # the table's cells show VS Code's editor background, not the light fallback
    cell = root.locator(".nbstate-grid-cell", has_text="Oslo")
    assert cell.evaluate(_BEHIND) == _rgb(colours["--vscode-editor-background"])
    # inputs and the sidebar: dark boxes on a dark editor, light on a light one
    name = root.locator(".widget-text input").first
    side = root.locator(".nbstate-sidebar").first
    for box in (name, side, cell):
        lum = box.evaluate(_LUMINANCE)
        assert (lum < 0.2) if dark else (lum > 0.5), (box, lum)
    if theme == "vscode-high-contrast":
        # high contrast: VS Code's contrast border around the inputs
        expect(name).to_have_css("border-top-color", _rgb(colours["--vscode-contrastBorder"]))

    root.screenshot(path=str(screenshots / f"emulated-{theme}.png"))
    if os.environ.get("NBSTATE_DOCS_SHOTS"):
        root.screenshot(path=str(Path(__file__).resolve().parents[2] / "docs"
                                 / f"vscode-emulated-{theme.removeprefix('vscode-')}.png"))
    # Streamlit's layout holds: each label above its input, nothing outside the app
    boxes = root.evaluate(_LABELS)
    assert {"Name", "Level", "Tags", "Region"} <= {b["text"] for b in boxes}
    for b in boxes:
        assert b["lBottom"] <= b["iTop"] + 1, b
        assert abs(b["lLeft"] - b["iLeft"]) <= 8, b
    rb = root.bounding_box()
    main = root.locator(".nbstate-main").first.bounding_box()
    assert main["x"] + main["width"] <= rb["x"] + rb["width"] + 1
    sb = side.bounding_box()
    assert 250 <= sb["width"] <= 400 and sb["x"] + sb["width"] <= main["x"] + 1
