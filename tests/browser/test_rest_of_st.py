"""What people see of the rest of Streamlit's ``st`` (issue 10), in a real browser: the page
layout, a dialog over the app, audio/video players, a map, and page navigation from the
sidebar. Each test measures the DOM and leaves a screenshot."""

from __future__ import annotations

import re

import nbformat
import pytest
from playwright.sync_api import expect

from .jupyter import app_root, open_app, page_errors
from .notebooks import notebook

APP = '''\
%%app tour
import numpy as np
import pandas as pd
import nbstate as st

st.set_page_config(page_title="nbstate tour", page_icon="🧭",
                   layout="wide" if st.session_state.get("wide") else "centered")

@st.dialog("Rename the project")
def rename():
    name = st.text_input("New name", key="new_name")
    if st.button("Save"):
        st.session_state.project = name
        st.rerun()

def home():
    st.title("Home")
    st.toggle("Wide layout", key="wide")
    st.write("Project:", st.session_state.get("project", "untitled"))
    st.caption(f"query: {st.query_params.to_dict()}")
    if st.button("Rename"):
        rename()

def media():
    st.title("Media")
    t = np.linspace(0, 1, 8000)
    st.audio(np.sin(2 * np.pi * 440 * t), sample_rate=8000)
    st.video("https://example.com/clip.mp4", muted=True)
    st.map(pd.DataFrame({"lat": [48.85, 51.51, 40.71], "lon": [2.35, -0.13, -74.0]}),
           height=300)
    st.badge("Beta", color="violet")

st.navigation([st.Page(home, title="Home"), st.Page(media, title="Media")]).run()
'''


@pytest.fixture
def tour(server):
    nbformat.write(notebook("%load_ext nbstate", APP), server.root / "scenario_tour.ipynb")
    return "scenario_tour.ipynb"


def test_layout_centered_then_wide(page, server, screenshots, tour):
    page.set_viewport_size({"width": 1900, "height": 900})  # room for a centred column
    root = open_app(page, server, "lab", tour)
    expect(root).to_contain_text("Project: untitled")
    main = root.locator(".nbstate-main").first
    centered = root.bounding_box()["width"]
    assert main.bounding_box()["width"] <= 740  # "centered": Streamlit's 736 px column
    root.get_by_role("switch", name="Wide layout").click()
    expect(root).to_have_css("max-width", "none")
    # "wide": the whole width of the output area
    page.wait_for_function(
        "([el, w]) => el.getBoundingClientRect().width > w + 60",
        arg=[root.element_handle(), centered])
    root.screenshot(path=str(screenshots / "page-config-wide-lab.png"))
    assert page_errors(page) == []


def test_dialog_is_a_modal_over_the_app(page, server, screenshots, tour):
    root = open_app(page, server, "lab", tour)
    root.get_by_role("button", name="Rename").click()
    dialog = page.locator(".nbstate-dialog")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("Rename the project")
    box = dialog.bounding_box()
    # laid over the notebook, centred on it (JupyterLab's notebook panel is the containing
    # block of fixed elements), not in the flow of the output
    panel = page.locator(".jp-NotebookPanel").first.bounding_box()
    assert abs(box["x"] + box["width"] / 2 - (panel["x"] + panel["width"] / 2)) < 40
    assert box["y"] < root.bounding_box()["y"]  # above the app's output, over the code cell
    assert dialog.evaluate("(el) => getComputedStyle(el).position") == "fixed"
    page.screenshot(path=str(screenshots / "dialog-lab.png"))
    field = dialog.locator("input[type=text]").first
    field.fill("Apollo")
    field.press("Enter")
    dialog.get_by_role("button", name="Save").click()
    expect(dialog).to_have_count(0)
    expect(root).to_contain_text("Project: Apollo")
    # the close button closes it too
    root.get_by_role("button", name="Rename").click()
    expect(dialog).to_be_visible()
    dialog.locator(".nbstate-dialog-close").click()
    expect(dialog).to_have_count(0)
    assert page_errors(page) == []


def test_navigation_media_and_map_in_voila(page, server, screenshots, tour):
    page.goto(server.voila(tour) + "?source=newsletter&x=1", timeout=120_000)
    root = app_root(page)
    # st.query_params is the page URL's query in Voila
    expect(root).to_contain_text("query: {'source': 'newsletter', 'x': '1'}")
    side = root.locator(".nbstate-sidebar").first
    expect(side).to_contain_text("Media")
    # Voila serves the app as the page: set_page_config titles the browser tab
    page.wait_for_function("() => document.title === 'nbstate tour'")
    side.get_by_role("button", name="Media").click()
    expect(root.locator(".nbstate-main").first).to_contain_text("Media")
    audio = root.locator("audio.nbstate-audio")
    expect(audio).to_have_count(1)
    # the browser decoded the WAV the kernel made: one second of sound
    page.wait_for_function("(a) => a.readyState >= 1 && Math.abs(a.duration - 1) < 0.01",
                           arg=audio.element_handle())
    video = root.locator("video.nbstate-video")
    expect(video).to_have_attribute("src", "https://example.com/clip.mp4")
    assert video.evaluate("(v) => v.muted && v.controls")
    expect(root.locator(".nbstate-badge")).to_have_text("Beta")
    side.get_by_role("button", name="Home").click()
    expect(root.locator(".nbstate-main").first).to_contain_text("Project:")
    root.screenshot(path=str(screenshots / "navigation-voila.png"))
    assert page_errors(page) == []


def test_map_draws_its_points_in_lab(page, server, screenshots, tour):
    root = open_app(page, server, "lab", tour)
    root.locator(".nbstate-sidebar").get_by_role("button", name="Media").click()
    chart = root.locator(".vega-embed").first
    expect(chart).to_be_visible()
    # Vega-Lite drew the three points (marks of a canvas or SVG chart)
    page.wait_for_function(
        "(el) => { const v = el.querySelector('canvas, svg'); return !!v && "
        "v.getBoundingClientRect().height > 250; }", arg=chart.element_handle())
    root.screenshot(path=str(screenshots / "map-lab.png"))
    assert page_errors(page) == []


CLOCK = '''\
%%app clock
import nbstate as st
st.session_state.setdefault("full_runs", 0)
st.session_state.full_runs += 1

@st.fragment(run_every=0.3)
def clock():
    st.session_state.ticks = st.session_state.get("ticks", 0) + 1
    st.write(f"ticks={st.session_state.ticks} full_runs={st.session_state.full_runs}")

clock()
'''


def test_fragment_run_every_ticks_in_the_browser(page, server, screenshots):
    nbformat.write(notebook("%load_ext nbstate", CLOCK), server.root / "scenario_clock.ipynb")
    root = open_app(page, server, "lab", "scenario_clock.ipynb")
    # the browser's clock reruns the fragment alone: ticks grow, the app ran once
    expect(root).to_contain_text(re.compile(r"ticks=([4-9]|\d\d+) full_runs=1"))
    root.screenshot(path=str(screenshots / "fragment-run-every-lab.png"))
    assert page_errors(page) == []
