"""``st.expander``, ``st.status`` and ``st.popover`` look and act as Streamlit 1.67's (issue 12),
measured in the page.

- expander: a chevron before the label, pointing right while closed and down while open;
- status: its state's icon where the chevron is (a turning spinner while running, a check once
  complete, "!" on error), the chevron when the pointer is over the header;
- tabs: labels on a line, no boxes, the current one red and underlined;
- popover: a button as wide as its label with a chevron after it (down, up while open); its
  panel opens over the content below (nothing below moves, the window shows the panel there),
  and a click outside it, or Escape, closes it (the kernel hears it: ``on_change`` reruns).
"""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest
from playwright.sync_api import expect

from .jupyter import open_app, page_errors
from .notebooks import notebook
from .test_look import lab_theme

DOCS = Path(__file__).resolve().parents[2] / "docs"

APP = '''\
%%app folds
import nbstate as st

st.title("Folds")
with st.expander("Details"):
    st.write("inside the expander")
work = st.status("Working")  # (not left: a `with` block's end completes it)
work.write("working on it")
with st.status("Finished", state="complete"):
    st.write("all done")
with st.status("Broken", state="error"):
    st.write("it failed")
if "opened" not in st.session_state:
    st.session_state.opened = 0
def count():
    st.session_state.opened += 1
with st.popover("Settings", key="pop", on_change=count):
    st.checkbox("Verbose", key="verbose")
    st.write("popover body")
st.write(f"popover changes: {st.session_state.opened}")
st.write("below the popover, one")
st.write("below the popover, two")
st.write("below the popover, three")
st.button("Primary popover neighbour")
first, second = st.tabs(["First tab", "Second tab"])
first.write("in the first tab")
second.write("in the second tab")
_, _, last = st.columns(3)
with last.popover("Right side"):
    st.write("a panel wider than its column")
st.write("end of folds")
'''

# the ::before / ::after of a header: its content, size, rotation (degrees) and animation
_MARK = """(h, which) => {
  const s = getComputedStyle(h, which);
  const m = s.transform === 'none' ? null : new DOMMatrix(s.transform);
  return { content: s.content, width: parseFloat(s.width), display: s.display,
           angle: m ? Math.round(Math.atan2(m.b, m.a) * 180 / Math.PI) : 0,
           animation: s.animationName, color: s.color, background: s.backgroundColor };
}"""


@pytest.fixture(scope="module")
def folds(server):
    nbformat.write(notebook("%load_ext nbstate", APP), server.root / "scenario_folds.ipynb")
    return "scenario_folds.ipynb"


def turned(h, which, degrees) -> None:
    """Wait until the header's chevron has turned to ``degrees`` (it turns in 0.15 s)."""
    h.page.wait_for_function(
        """([h, which, deg]) => { const t = getComputedStyle(h, which).transform;
             if (t === 'none') return deg === 0;
             const m = new DOMMatrix(t);
             return Math.abs(Math.atan2(m.b, m.a) * 180 / Math.PI - deg) < 1; }""",
        arg=[h.element_handle(), which, degrees])


def header(root, cls, text):
    return root.locator(f".{cls} .jupyter-widget-Collapse-header", has_text=text)


@pytest.mark.parametrize("frontend", ["lab", "voila"])
def test_expander_and_status_show_their_chevrons_and_state_icons(page, server, folds, frontend):
    page.set_viewport_size({"width": 1280, "height": 1400})
    root = open_app(page, server, frontend, folds)
    expect(root).to_contain_text("end of folds")
    page.mouse.move(1, 1)  # the pointer over nothing

    # expander: the chevron comes first, pointing right; open, it points down
    exp = header(root, "nbstate-expander", "Details")
    mark = exp.evaluate(_MARK, "::before")
    assert mark["content"] == '""' and mark["width"] > 4, mark
    assert mark["angle"] == -45, mark  # (two borders of a square: -45 deg points right)
    label = exp.locator("span").first.bounding_box()
    hb = exp.bounding_box()
    assert label["x"] >= hb["x"] + 20, (label, hb)  # room for the chevron before the label
    body = root.get_by_text("inside the expander")
    expect(body).to_be_hidden()
    exp.click()
    expect(body).to_be_visible()
    page.mouse.move(1, 1)
    turned(exp, "::before", 45)  # down
    exp.click()
    expect(body).to_be_hidden()

    # status: its state's icon where the chevron is
    running = header(root, "nbstate-status", "Working").evaluate(_MARK, "::before")
    assert running["animation"] == "nbstate-fold-spin", running  # a turning spinner
    done = header(root, "nbstate-status", "Finished").evaluate(_MARK, "::before")
    assert done["content"] == '"\u2713"' and done["animation"] == "none", done
    broken = header(root, "nbstate-status", "Broken").evaluate(_MARK, "::before")
    assert broken["content"] == '"!"' and broken["color"] != broken["background"], broken
    for text in ("Working", "Finished", "Broken"):  # no emoji left in the title itself
        assert header(root, "nbstate-status", text).inner_text().strip() == text
    # the pointer over a status's header: the chevron instead of the icon
    finished = header(root, "nbstate-status", "Finished")
    finished.hover()
    turned(finished, "::before", -45)
    assert finished.evaluate(_MARK, "::before")["content"] == '""'
    assert page_errors(page) == []


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("frontend", ["lab", "voila"])
def test_popover_opens_over_the_content_and_closes_on_an_outside_click(
        page, server, folds, frontend, theme, screenshots):
    page.set_viewport_size({"width": 1280, "height": 1400})
    if frontend == "voila":
        page.goto(server.voila(folds) + ("?theme=dark" if theme == "dark" else ""),
                  timeout=120_000)
        root = page.locator(".nbstate-app").first
    else:
        root = open_app(page, server, frontend, folds)
        lab_theme(page, theme)
    expect(root).to_contain_text("end of folds")
    pop = header(root, "nbstate-popover", "Settings")
    main = root.locator(".nbstate-main, .nbstate-app").first.bounding_box()
    pb = pop.bounding_box()
    assert pb["width"] < main["width"] / 2  # a button as wide as its label, not a full row
    assert pop.evaluate("(h) => getComputedStyle(h).borderTopStyle") == "solid"
    closed = pop.evaluate(_MARK, "::after")
    assert closed["content"] == '""' and closed["angle"] == 45, closed  # down, after the label
    label = pop.locator("span").first.bounding_box()
    assert label["x"] < pb["x"] + pb["width"] - 20  # the chevron is at the right

    one = root.get_by_text("below the popover, one")
    before = one.bounding_box()
    pop.click()
    panel = root.locator(".nbstate-popover .jupyter-widget-Collapse-contents").filter(
        has_text="popover body")
    expect(panel).to_be_visible()
    expect(root).to_contain_text("popover changes: 1")  # on_change heard the opening
    turned(pop, "::after", -135)  # up
    # the panel floats under the button, over what follows: nothing below moved (relative to
    # the button: the click may have scrolled the page to reach it)
    dy = pop.bounding_box()["y"] - pb["y"]
    after = one.bounding_box()
    assert after["y"] - dy == pytest.approx(before["y"], abs=1)
    box = panel.bounding_box()
    assert box["y"] - dy >= pb["y"] + pb["height"] - 1
    assert box["y"] - dy < before["y"] + before["height"]  # it covers the text below
    hit = page.evaluate(
        "([x, y]) => !!document.elementFromPoint(x, y).closest('.nbstate-popover')",
        [before["x"] + 5, before["y"] + dy + before["height"] / 2])
    assert hit  # the window shows the panel there, not the text under it
    bg = panel.evaluate("(p) => getComputedStyle(p).backgroundColor")
    assert bg not in ("rgba(0, 0, 0, 0)", "transparent")
    shot = f"folds-{frontend}-{theme}.png"
    root.screenshot(path=str(screenshots / shot))
    if os.environ.get("NBSTATE_DOCS_SHOTS"):  # the picture in docs/ too
        root.screenshot(path=str(DOCS / shot))
    # a widget in the panel works
    panel.get_by_text("Verbose").click()
    expect(panel.locator("input[type=checkbox]")).to_be_checked()
    expect(panel).to_be_visible()  # a click inside keeps it open
    # a click outside closes it
    root.locator("h1").click()
    expect(panel).to_be_hidden()
    expect(root).to_contain_text("popover changes: 2")
    # Escape closes it too
    pop.click()
    expect(panel).to_be_visible()
    page.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    assert page_errors(page) == []


@pytest.mark.parametrize("frontend", ["lab", "voila"])
def test_a_popover_at_the_right_edge_opens_inside_the_app(page, server, folds, frontend):
    # Streamlit's popover flips: a panel (at least 20rem wide) opened from the last of three
    # columns ends at its button's right edge rather than sticking out of the app (a window
    # as narrow as Streamlit's main column, where the panel cannot fit otherwise)
    page.set_viewport_size({"width": 760, "height": 1400})
    root = open_app(page, server, frontend, folds)
    expect(root).to_contain_text("end of folds")
    pop = header(root, "nbstate-popover", "Right side")
    pop.click()
    panel = root.locator(".nbstate-popover .jupyter-widget-Collapse-contents").filter(
        has_text="a panel wider than its column")
    expect(panel).to_be_visible()
    app = root.bounding_box()
    page.wait_for_function(
        "([p, right]) => p.getBoundingClientRect().right <= right + 1",
        arg=[panel.element_handle(), app["x"] + app["width"]])
    box, button = panel.bounding_box(), pop.bounding_box()
    assert box["x"] >= app["x"] - 1 and box["width"] > button["width"]
    assert box["x"] + box["width"] == pytest.approx(button["x"] + button["width"], abs=3)
    # the first popover, at the left, still opens to the right of its button
    page.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    left = header(root, "nbstate-popover", "Settings")
    left.click()
    first = root.locator(".nbstate-popover .jupyter-widget-Collapse-contents").filter(
        has_text="popover body")
    expect(first).to_be_visible()
    assert first.bounding_box()["x"] == pytest.approx(left.bounding_box()["x"], abs=3)
    assert page_errors(page) == []


@pytest.mark.parametrize("frontend", ["lab", "voila"])
def test_tabs_are_labels_with_the_current_one_underlined(page, server, folds, frontend):
    root = open_app(page, server, frontend, folds)
    expect(root).to_contain_text("end of folds")
    tabs = root.locator(".nbstate-tabs .lm-TabBar-tab")
    first, second = tabs.filter(has_text="First tab"), tabs.filter(has_text="Second tab")
    page.mouse.move(1, 1)
    for tab in (first, second):  # no box: the page shows through
        expect(tab).to_have_css("background-color", "rgba(0, 0, 0, 0)")
    expect(first).to_have_css("color", "rgb(255, 75, 75)")
    expect(first).to_have_css("border-bottom-color", "rgb(255, 75, 75)")
    assert first.evaluate("(t) => getComputedStyle(t, '::before').display") == "none"
    # side by side on one line, each as wide as its label
    f, s = first.bounding_box(), second.bounding_box()
    assert abs(f["y"] - s["y"]) <= 1 and s["x"] >= f["x"] + f["width"]
    assert f["width"] < 150
    second.click()
    expect(root.get_by_text("in the second tab")).to_be_visible()
    expect(second).to_have_css("border-bottom-color", "rgb(255, 75, 75)")
    expect(first).not_to_have_css("color", "rgb(255, 75, 75)")
    assert page_errors(page) == []
