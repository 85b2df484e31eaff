"""What people see of the reliability fixes, in JupyterLab: a datetime slider of half a million
steps shows its value beside its label and reaches its last step, a date slider over thirty
years shows the chosen day, containers nested 150 deep display, and sys.exit() in a callback
shows an error while the app stays live."""

from __future__ import annotations

import re

import nbformat
from playwright.sync_api import expect

from .jupyter import drag_slider, labelled, open_app
from .notebooks import notebook

APP = '''\
%%app reliability
import datetime as dt
import sys

import nbstate as st

when = st.slider("When", dt.datetime(2000, 1, 1), dt.datetime(2001, 1, 1),
                 dt.datetime(2000, 6, 1), step=dt.timedelta(minutes=1), key="when")
st.write(f"when is {when:%Y-%m-%d %H:%M}")
day = st.slider("Day", dt.date(2000, 1, 1), dt.date(2030, 1, 1), dt.date(2029, 6, 1))
st.write(f"day is {day}")

def leave():
    sys.exit(2)

st.button("Leave", on_click=leave)

def nest(n):
    if n == 0:
        st.write("the very bottom")
        return
    with st.container():
        nest(n - 1)

nest(150)
'''


def test_long_sliders_deep_nesting_and_exit(page, server):
    nbformat.write(notebook("%load_ext nbstate", APP), server.root / "scenario_reliability.ipynb")
    root = open_app(page, server, "lab", "scenario_reliability.ipynb")
    expect(root).to_contain_text("the very bottom", timeout=60_000)

    # the half-million-step slider shows its value, not a step number, and reaches its end
    when = root.locator(".widget-slider").filter(
        has=page.locator(".widget-label", has_text=re.compile(r"^\s*When: "))).first
    expect(when.locator(".widget-label").first).to_have_text("When: 2000-06-01 00:00")
    drag_slider(when, 10**9)  # past the end: the handle stops at the last step
    expect(root).to_contain_text("when is 2001-01-01 00:00")
    expect(when.locator(".widget-label").first).to_have_text("When: 2001-01-01 00:00")

    # thirty years of days: the shown day is the value
    day = labelled(root, "Day", ".widget-slider")
    expect(day.locator(".widget-readout")).to_have_text("2029-06-01")
    expect(root).to_contain_text("day is 2029-06-01")

    # sys.exit() in a callback: an error in the app, which stays live
    root.get_by_role("button", name="Leave").click()
    expect(root).to_contain_text("SystemExit")
    expect(root).to_contain_text("app stays live")
    drag_slider(day, -10**9)  # past the start: the handle stops at the first step
    expect(root).to_contain_text("day is 2000-01-01")
    expect(root).not_to_contain_text("SystemExit")
