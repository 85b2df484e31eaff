"""``st.toast`` floats as Streamlit 1.67's does (issue 12), measured in the page.

In JupyterLab, Notebook 7 and Voila: the toasts show in the window's top-right corner, under
the notebook's top bars, stacked one under the other without overlapping, in the order the app
made them; they stay put when the notebook scrolls and nothing clips them (the card is what
the window shows at its centre); a toast fades (its opacity drops) and goes after its
``duration``, an "infinite" one stays until its close button is clicked; while the pointer is
over the toasts none of them goes.
"""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest
from playwright.sync_api import expect

from .jupyter import open_app, page_errors
from .notebooks import notebook
from .test_look import _CONTRAST, lab_theme

DOCS = Path(__file__).resolve().parents[2] / "docs"

APP = '''\
%%app toasts
import nbstate as st

st.title("Toasts")
if st.button("Three cheers"):
    st.toast("Hip!", duration=3)
    st.toast("Hip!", duration=3)
    st.toast("Hooray! A **long** toast whose text wraps on more than one line of its card",
             icon="🎉", duration="infinite")
if st.button("One more"):
    st.toast("Once more", duration=2)
for i in range(60):
    st.write(f"line {i} of a long app, so that the notebook scrolls")
st.write("end of toasts")
'''

# every toast card's box in the window, whether the window shows the card at its centre
# (nothing covers or clips it), its opacity, and where the stack lives
_CARDS = """() => {
  const stack = document.querySelector('.nbstate-toasts');
  if (!stack) return null;
  return {
    inBody: stack.parentElement === document.body,
    vw: window.innerWidth, vh: window.innerHeight,
    cards: [...stack.querySelectorAll('.nbstate-toast-card')].map((c) => {
      const r = c.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return { text: c.querySelector('.nbstate-toast-body').textContent.trim(),
               top: r.top, bottom: r.bottom, left: r.left, right: r.right,
               width: r.width, height: r.height, seen: c.contains(hit),
               opacity: Number(getComputedStyle(c).opacity) };
    }),
  };
}"""

# the box of the area that shows the notebook (under JupyterLab's menu, tabs and toolbar, left
# of its right side bar); Voila: the window
_CONTENT = """() => {
  const a = document.querySelector('.jp-WindowedPanel-outer');
  const r = a ? a.getBoundingClientRect() : { top: 0, right: window.innerWidth };
  return { top: r.top, right: r.right };
}"""

_SCROLL = """() => {
  // whatever scrolls the notebook: JupyterLab's panel, Voila's page or its body
  const s = [document.querySelector('.jp-WindowedPanel-outer'), document.scrollingElement,
             document.body, ...document.querySelectorAll('body *')].find((n) => n &&
    n.scrollHeight > n.clientHeight + 100 && (n === document.scrollingElement ||
    /auto|scroll/.test(getComputedStyle(n).overflowY)));
  const before = s.scrollTop;
  s.scrollTop += 600;
  return s.scrollTop - before;
}"""


@pytest.fixture(scope="module")
def toasts_nb(server):
    nbformat.write(notebook("%load_ext nbstate", APP), server.root / "scenario_toasts.ipynb")
    return "scenario_toasts.ipynb"


def cards(page) -> dict:
    return page.evaluate(_CARDS)


@pytest.mark.parametrize("frontend", ["lab", "notebook7", "voila"])
def test_toasts_float_stack_fade_and_close(page, server, toasts_nb, frontend):
    page.set_viewport_size({"width": 1280, "height": 800})
    root = open_app(page, server, frontend, toasts_nb)
    expect(root).to_contain_text("end of toasts")
    root.get_by_role("button", name="Three cheers").click()
    stack = page.locator("body > .nbstate-toasts")
    expect(stack.locator(".nbstate-toast-card")).to_have_count(3)
    got = cards(page)
    if os.environ.get("NBSTATE_DOCS_SHOTS"):  # docs/: the window's top right, with the toasts
        page.screenshot(path=str(DOCS / f"toasts-{frontend}.png"),
                        clip={"x": 1280 - 700, "y": 0, "width": 700, "height": 420})
    assert got["inBody"]  # outside the output area: nothing there clips or scrolls it
    texts = [c["text"] for c in got["cards"]]
    assert texts[:2] == ["Hip!", "Hip!"] and texts[2].startswith("Hooray! A long toast")
    content = page.evaluate(_CONTENT)
    for c in got["cards"]:
        # the top-right corner of the notebook's area (Voila: of the window), 21rem wide,
        # under the notebook's top bars
        assert 0 <= content["right"] - c["right"] <= 40, (c, content)
        assert c["width"] == pytest.approx(21 * 16, abs=2), c
        assert c["top"] >= content["top"] - 1, (c, content)
        assert c["top"] <= content["top"] + 250, (c, content)
        assert c["bottom"] <= got["vh"], c
        assert c["seen"], c  # the window shows the card: nothing covers or clips it
        assert c["opacity"] == 1, c
    # stacked downwards in the order they came, none over another
    ordered = got["cards"]
    for a, b in zip(ordered, ordered[1:], strict=False):
        assert a["bottom"] <= b["top"] + 0.5, (a, b)
    assert ordered[2]["height"] > ordered[0]["height"]  # the long one wraps, unclipped

    # the notebook scrolls under the toasts; they stay where they are
    assert page.evaluate(_SCROLL) > 100
    moved = cards(page)["cards"]
    for before, after in zip(got["cards"], moved, strict=True):
        assert after["top"] == pytest.approx(before["top"], abs=1)
        assert after["right"] == pytest.approx(before["right"], abs=1)

    # after their 3 s the two "Hip!" toasts fade (opacity drops while still there) and go
    page.wait_for_function(
        """() => [...document.querySelectorAll('.nbstate-toasts .nbstate-toast-card')]
                 .some((c) => Number(getComputedStyle(c).opacity) < 0.9)""", timeout=10_000)
    expect(stack.locator(".nbstate-toast-card")).to_have_count(1, timeout=10_000)
    left = cards(page)["cards"]
    assert left[0]["text"].startswith("Hooray!")
    assert left[0]["top"] == pytest.approx(got["cards"][0]["top"], abs=1)  # moved up
    # the "infinite" one stays until its close button is clicked
    page.wait_for_timeout(1000)
    expect(stack.locator(".nbstate-toast-card")).to_have_count(1)
    stack.get_by_role("button", name="Close").click()
    expect(stack.locator(".nbstate-toast-card")).to_have_count(0)
    assert page_errors(page) == []


def test_a_toast_waits_while_the_pointer_is_over_it_and_shows_again_next_run(
        page, server, toasts_nb):
    root = open_app(page, server, "voila", toasts_nb)
    expect(root).to_contain_text("end of toasts")
    more = root.get_by_role("button", name="One more")
    more.click()
    card = page.locator(".nbstate-toasts .nbstate-toast-card", has_text="Once more")
    expect(card).to_have_count(1)
    card.hover()
    page.wait_for_timeout(3000)  # past its 2 s: the pointer holds it
    expect(card).to_have_count(1)
    page.mouse.move(10, 700)
    expect(card).to_have_count(0, timeout=10_000)
    # the same toast in the next run is a new one: it shows again
    more.click()
    expect(card).to_have_count(1)
    assert page_errors(page) == []


def test_toast_text_is_readable_in_the_dark_theme(page, server, toasts_nb):
    root = open_app(page, server, "lab", toasts_nb)
    expect(root).to_contain_text("end of toasts")
    lab_theme(page, "dark")
    try:
        root.get_by_role("button", name="Three cheers").click()
        card = page.locator(".nbstate-toasts .nbstate-toast-card").last
        expect(card).to_be_visible()
        assert card.locator(".nbstate-toast-body").evaluate(_CONTRAST) >= 4.5
        assert page_errors(page) == []
    finally:
        lab_theme(page, "light")  # (a user setting: the next test's page would be dark)
