"""An nbstate app looks like Streamlit's (issue 12), measured in the page, not just pictured.

In JupyterLab, Notebook 7 and Voila, light and dark: each label sits above its input, a form's inputs
share one left edge and fill the form, a long button label is not clipped, nothing sticks out
of the sidebar, the text stays readable (its contrast against the page). At a 900 px window
with JupyterLab's file browser open the sidebar collapses instead of crushing the main column.
A plain click on a multiselect option adds it, a toggle is a switch, Enter in a form's field
submits the form. The demo notebooks' pictures go to ``docs/`` (``NBSTATE_DOCS_SHOTS=1``).
"""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest
from playwright.sync_api import expect

from .jupyter import open_app, page_errors
from .notebooks import notebook

DOCS = Path(__file__).resolve().parents[2] / "docs"

APP = '''\
%%app look
import nbstate as st

with st.sidebar:
    st.selectbox("A sidebar choice whose label is long enough to wrap twice", ["one", "two"],
                 key="sb")
    st.slider("Sidebar level", 0, 10, 3, key="sl")
    st.text_input("Sidebar text", key="stext")
    st.multiselect("Sidebar tags", ["north", "south", "east", "west"], ["north"], key="stags")
st.title("Look")
st.text_input("Name", key="name", help="Your name")
st.slider("Level", 0, 100, 20, key="level")
st.selectbox("Colour", ["red", "green"], key="colour")
tags = st.multiselect("Tags", ["alpha", "beta", "gamma"], key="tags")
st.write("tags: " + (", ".join(tags) or "none"))
on = st.toggle("Power", key="power", help="Turns it on")
st.write(f"power: {on}")
with st.form("f"):
    st.text_input("First", key="f1")
    st.number_input("Second", 0, 10, 1, key="f2")
    st.selectbox("Third", ["x", "y"], key="f3")
    sent = st.form_submit_button("Send the form now")
st.write(f"form: {st.session_state.f1 or '-'} {st.session_state.f2} sent={sent}")
st.button("A very long button label that a fixed width would clip: it must show in full",
          key="long")
st.button("Primary", type="primary")
st.button("Wide", use_container_width=True)
st.metric("Revenue", "1,000", "+4%", help="Money in")
with st.expander("More details"):
    st.write("inside the expander")
st.radio("Plan", ["basic", "pro"], captions=["for one", "for a team"], key="plan")
st.write("end of look")
'''


@pytest.fixture(scope="module")
def look(server):
    nbformat.write(notebook("%load_ext nbstate", APP), server.root / "scenario_look.ipynb")
    return "scenario_look.ipynb"


def lab_theme(page, theme: str) -> None:
    """JupyterLab's (or Notebook 7's) light or dark theme. Said every time: the choice is a
    user setting, which outlives the page (a dark test before would leave the next dark)."""
    name = "JupyterLab Dark" if theme == "dark" else "JupyterLab Light"
    page.evaluate("""async (name) => {
      await window.jupyterapp.commands.execute("apputils:change-theme", { theme: name });
    }""", name)
    page.wait_for_function(
        "(light) => document.body.getAttribute('data-jp-theme-light') === light",
        arg="false" if theme == "dark" else "true")


def dark_lab(page) -> None:
    lab_theme(page, "dark")


def open_look(page, server, frontend, theme, nb):
    if frontend == "voila":
        page.goto(server.voila(nb) + ("?theme=dark" if theme == "dark" else ""),
                  timeout=120_000)
        root = page.locator(".nbstate-app").first
        expect(root).to_be_visible(timeout=60_000)
    else:
        root = open_app(page, server, frontend, nb)
        lab_theme(page, theme)  # (Notebook 7 has the same theme command)
    expect(root).to_contain_text("end of look")
    return root


# each labelled widget: its label's box and its input's box
_LABELS = """(root) => [...root.querySelectorAll('.widget-inline-hbox')].flatMap((w) => {
  const label = w.querySelector(':scope > .widget-label');
  const input = w.querySelector(
    ':scope > input, :scope > select, :scope > textarea, :scope > .slider-container,' +
    ' :scope > .nbstate-ms-box, :scope > .widget-dropdown select, :scope input');
  if (!label || !input || !label.textContent.trim() || !label.offsetParent) return [];
  const l = label.getBoundingClientRect(), i = input.getBoundingClientRect();
  return [{ text: label.textContent.trim(), lBottom: l.bottom, lLeft: l.left,
            iTop: i.top, iLeft: i.left, iWidth: i.width, wWidth: w.getBoundingClientRect().width }];
})"""

_FORM = """(root) => {
  const form = root.querySelector('.nbstate-form');
  const f = form.getBoundingClientRect();
  // a field's box: the input, with its -/+ steppers for a number
  const fields = [...form.querySelectorAll('input[type=text], input[type=number], select')]
    .filter((n) => n.offsetParent).map((n) => {
      const r = n.getBoundingClientRect();
      const steps = n.nextElementSibling && n.nextElementSibling.matches('.nbstate-steppers')
        ? n.nextElementSibling.getBoundingClientRect() : r;
      return { left: r.left, right: Math.max(r.right, steps.right) };
    });
  return { left: f.left, right: f.right, fields };
}"""

_OVERFLOW = """(side) => {
  const s = side.getBoundingClientRect();
  const out = [...side.querySelectorAll('*')].filter((n) => n.offsetParent).map((n) => {
    const r = n.getBoundingClientRect();
    return { cls: String(n.className), left: r.left, right: r.right };
  }).filter((r) => r.right > s.right + 1 || r.left < s.left - 1);
  return { out, scroll: side.scrollWidth - side.clientWidth };
}"""

# the luminance contrast of an element's text against the page behind the app
_CONTRAST = """(el) => {
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).slice(0, 4).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  let bg = null;
  for (let n = el; n && !bg; n = n.parentElement) {
    const c = rgb(getComputedStyle(n).backgroundColor);
    if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) bg = c;
  }
  bg = bg || [255, 255, 255];
  const a = lum(rgb(getComputedStyle(el).color)), b = lum(bg);
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("frontend", ["lab", "notebook7", "voila"])
def test_layout_is_streamlits(page, server, screenshots, look, frontend, theme):
    page.set_viewport_size({"width": 1400, "height": 2000})  # the whole app in the window
    root = open_look(page, server, frontend, theme, look)
    # the app's own text is readable on the page in either theme
    title = root.locator("h1", has_text="Look")
    assert title.evaluate(_CONTRAST) >= 4.5
    assert root.get_by_text("power: False").evaluate(_CONTRAST) >= 4.5

    # each label is above its input, starting at the same x, the input as wide as its widget
    boxes = root.evaluate(_LABELS)
    texts = {b["text"] for b in boxes}
    assert {"Name", "Level", "Colour", "Tags", "First", "Second", "Third",
            "Sidebar level", "Sidebar text"} <= texts, texts
    for b in boxes:
        assert b["lBottom"] <= b["iTop"] + 1, b
        assert abs(b["lLeft"] - b["iLeft"]) <= 8, b  # (a slider track is inset by its thumb)
        assert b["iWidth"] >= 0.6 * b["wWidth"], b

    # a form's inputs share one left edge and fill its width
    form = root.evaluate(_FORM)
    assert len(form["fields"]) == 3
    lefts = [f["left"] for f in form["fields"]]
    rights = [f["right"] for f in form["fields"]]
    assert max(lefts) - min(lefts) <= 1, form
    assert max(rights) - min(rights) <= 1, form
    assert min(rights) - max(lefts) >= (form["right"] - form["left"]) - 40, form

    # a long button label shows in full, on one or more lines
    long = root.get_by_role("button", name="A very long button label")
    assert long.evaluate("(b) => b.scrollWidth <= b.clientWidth + 1")
    assert long.evaluate("(b) => b.scrollHeight <= b.clientHeight + 1")
    main = root.locator(".nbstate-main").first.bounding_box()
    rb = root.bounding_box()
    fb = root.locator(".nbstate-form").bounding_box()
    # the main column and the form (its border too) stay inside the app's box
    assert main["x"] + main["width"] <= rb["x"] + rb["width"] + 1, (main, rb)
    assert fb["x"] + fb["width"] <= rb["x"] + rb["width"] + 1, (fb, rb)
    # and nothing clips the form's right border: the window shows it there
    # (waited for: a theme change may still be settling over the page)
    page.wait_for_function(
        "(f) => { const r = f.getBoundingClientRect();"
        " const n = document.elementFromPoint(r.right - 0.5, r.top + r.height / 2);"
        " return n === f || f.contains(n); }",
        arg=root.locator(".nbstate-form").element_handle(), timeout=10_000)
    lb = long.bounding_box()
    assert lb["x"] + lb["width"] <= main["x"] + main["width"] + 1
    # a primary button is filled with Streamlit's red; use_container_width fills the column
    primary = root.get_by_role("button", name="Primary")
    expect(primary).to_have_css("background-color", "rgb(255, 75, 75)")
    wide = root.get_by_role("button", name="Wide").bounding_box()
    assert wide["width"] >= main["width"] - 40

    # nothing sticks out of the sidebar, it does not scroll sideways
    side = root.locator(".nbstate-sidebar").first
    expect(side).to_be_visible()
    over = side.evaluate(_OVERFLOW)
    assert over["out"] == [] and over["scroll"] <= 1, over
    sb = side.bounding_box()
    assert 250 <= sb["width"] <= 400  # Streamlit's sidebar width
    assert sb["x"] + sb["width"] <= main["x"] + 1

    # help: a "?" after the label of a widget and of a metric
    name_label = root.locator(".nbstate-help > .widget-label", has_text="Name")
    assert name_label.evaluate("(l) => getComputedStyle(l, '::after').content") == '"?"'
    metric_label = root.locator(".nbstate-metric[title] > div").first
    assert metric_label.evaluate("(l) => getComputedStyle(l, '::after').content") == '"?"'

    # an expander's header starts with a chevron (test_folds_look.py: how it turns)
    header = root.locator(".nbstate-expander .jupyter-widget-Collapse-header")
    chevron = header.evaluate(
        "(h) => { const s = getComputedStyle(h, '::before'); return [s.content, s.transform]; }")
    assert chevron[0] == '""' and chevron[1] != "none", chevron
    # radio captions show under their options
    expect(root.get_by_text("for a team")).to_be_visible()

    shot = screenshots / f"look-{frontend}-{theme}.png"
    root.screenshot(path=str(shot))
    assert page_errors(page) == []


def test_sidebar_collapses_at_a_narrow_window_with_the_file_browser_open(page, server, look):
    page.set_viewport_size({"width": 900, "height": 900})
    root = open_app(page, server, "lab", look)
    expect(root).to_contain_text("end of look")
    page.evaluate("() => window.jupyterapp.shell.activateById('filebrowser')")
    page.wait_for_function(
        "() => document.querySelector('#filebrowser') && "
        "document.querySelector('#filebrowser').getBoundingClientRect().width > 100")
    expect(root).to_have_class(__import__("re").compile(r"\bnbstate-sidebar-collapsed\b"))
    main = root.locator(".nbstate-main").first
    width = main.bounding_box()["width"]
    assert width >= 300, width  # the main column keeps a usable width
    assert width >= root.bounding_box()["width"] - 40
    side = root.locator(".nbstate-sidebar").first
    expect(side).to_be_hidden()
    # the chevron opens it over the main column, which keeps its width
    toggle = root.get_by_role("button", name="Expand sidebar")
    toggle.click()
    expect(side).to_be_visible()
    sb = side.bounding_box()
    assert sb["width"] >= 200
    assert main.bounding_box()["width"] == pytest.approx(width, abs=2)
    over = side.evaluate(_OVERFLOW)
    assert over["out"] == [] and over["scroll"] <= 1, over
    root.get_by_role("button", name="Collapse sidebar").click()
    expect(side).to_be_hidden()
    assert page_errors(page) == []


def test_sidebar_collapses_and_resizes_in_a_wide_window(page, server, look):
    page.set_viewport_size({"width": 1600, "height": 900})
    root = open_app(page, server, "voila", look)
    expect(root).to_contain_text("end of look")
    side = root.locator(".nbstate-sidebar").first
    main = root.locator(".nbstate-main").first
    before = main.bounding_box()["width"]
    root.get_by_role("button", name="Collapse sidebar").click()
    expect(side).to_be_hidden()
    page.wait_for_function("([el, w]) => el.getBoundingClientRect().width > w + 100",
                           arg=[main.element_handle(), before])
    root.get_by_role("button", name="Expand sidebar").click()
    expect(side).to_be_visible()
    # drag the handle on its right edge 80 px to the right: the sidebar widens
    w0 = side.bounding_box()["width"]
    handle = root.locator(".nbstate-sidebar-resizer")
    hb = handle.bounding_box()
    page.mouse.move(hb["x"] + hb["width"] / 2, hb["y"] + 100)
    page.mouse.down()
    page.mouse.move(hb["x"] + hb["width"] / 2 + 80, hb["y"] + 100, steps=5)
    page.mouse.up()
    assert side.bounding_box()["width"] == pytest.approx(w0 + 80, abs=6)
    assert page_errors(page) == []


@pytest.mark.parametrize("frontend", ["lab", "notebook7", "voila"])
def test_multiselect_toggle_and_enter_behave_as_streamlits(page, server, look, frontend):
    root = open_app(page, server, frontend, look)
    expect(root).to_contain_text("end of look")
    expect(root).to_contain_text("tags: none")

    # a plain click on an option adds it; another adds a second one
    tags = root.locator(".nbstate-multiselect").filter(has_text="Tags").last
    field = tags.locator("input")
    field.click()
    page.get_by_role("option", name="beta").click()
    expect(root).to_contain_text("tags: beta")
    field.click()
    page.get_by_role("option", name="alpha").click()
    expect(root).to_contain_text("tags: beta, alpha")
    expect(tags.locator(".nbstate-ms-tag > span")).to_have_text(["beta", "alpha"])
    # typing filters the options; Enter adds the first shown
    field.click()
    field.press_sequentially("gam")
    expect(tags.locator(".nbstate-ms-option")).to_have_text(["gamma"])
    field.press("Enter")
    expect(root).to_contain_text("tags: beta, alpha, gamma")
    # a tag's x removes it
    tags.get_by_role("button", name="Remove alpha").click()
    expect(root).to_contain_text("tags: beta, gamma")

    # the toggle is a switch
    switch = root.get_by_role("switch", name="Power")
    expect(switch).to_have_attribute("aria-checked", "false")
    switch.click()
    expect(root).to_contain_text("power: True")
    expect(switch).to_have_attribute("aria-checked", "true")

    # the number input's + and - step it (sent with the form)
    second = root.locator(".nbstate-form input[type=number]")
    plus = root.locator(".nbstate-form").get_by_role("button", name="Increment")
    plus.click()
    plus.click()
    expect(second).to_have_value("3")
    root.locator(".nbstate-form").get_by_role("button", name="Decrement").click()
    expect(second).to_have_value("2")

    # Enter in a form's text input submits the form (enter_to_submit)
    first = root.locator(".nbstate-form input[type=text]").first
    first.click()
    first.press_sequentially("abc")
    first.press("Enter")
    expect(root).to_contain_text("form: abc 2 sent=True")
    assert page_errors(page) == []


DEMOS = ["dashboard.ipynb", "form.ipynb", "counter.ipynb"]


@pytest.mark.skipif(not os.environ.get("NBSTATE_DOCS_SHOTS"),
                    reason="pictures for docs/: set NBSTATE_DOCS_SHOTS=1")
@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("frontend", ["lab", "notebook7", "voila"])
def test_demo_pictures_for_the_docs(page, server, frontend, theme):
    page.set_viewport_size({"width": 1400, "height": 2400})  # the whole app in the window
    for nb in DEMOS:
        if frontend == "voila":
            page.goto(server.voila(nb) + ("?theme=dark" if theme == "dark" else ""),
                      timeout=120_000)
            root = page.locator(".nbstate-app").first
            expect(root).to_be_visible(timeout=60_000)
        else:
            root = open_app(page, server, frontend, nb)
            lab_theme(page, theme)
        page.wait_for_timeout(3000)  # charts and tables draw after the app shows
        root.screenshot(path=str(DOCS / f"{nb.removesuffix('.ipynb')}-{frontend}-{theme}.png"))
