"""A person uses the widgets app in JupyterLab, Notebook 7 and Voila.

One notebook (``notebooks.WIDGETS``) per frontend: drag a slider, click a button, type into a
text input, pick from a selectbox, fill a form and submit it, download a file. Every step checks
what the page shows afterwards: the text the app writes and the widget's own display.
"""

from __future__ import annotations

import re

import nbformat
import pytest
from playwright.sync_api import expect

from .jupyter import drag_slider, labelled, open_app, page_errors
from .notebooks import notebook

FRONTENDS = ["lab", "notebook7", "voila"]


@pytest.mark.parametrize("frontend", FRONTENDS)
def test_person_uses_every_widget(page, server, screenshots, frontend):
    root = open_app(page, server, frontend, "scenario_widgets.ipynb")
    expect(root).to_contain_text("level is 3")
    expect(root).to_contain_text("clicks: 0")
    expect(root).to_contain_text("hello nobody")
    expect(root).to_contain_text("colour: red")
    expect(root).to_contain_text("order: 1 x -")
    expect(root).to_contain_text("end of app")

    # drag the slider
    slider = labelled(root, "Level", ".widget-slider")
    drag_slider(slider, 7)
    expect(root).to_contain_text("level is 7")
    expect(slider.locator(".widget-readout")).to_have_text("7")

    # click the button (its callback counts)
    button = root.get_by_role("button", name="Add one")
    button.click()
    expect(root).to_contain_text("clicks: 1")
    button.click()
    expect(root).to_contain_text("clicks: 2")

    # type into a text input, then Enter
    name = labelled(root, "Name", ".widget-text").locator("input")
    name.click()
    name.press_sequentially("Ada")
    name.press("Enter")
    expect(root).to_contain_text("hello Ada")
    expect(name).to_have_value("Ada")

    # pick from a selectbox
    colour = labelled(root, "Colour", ".widget-dropdown").locator("select")
    colour.select_option(label="blue")
    expect(root).to_contain_text("colour: blue")
    expect(colour.locator("option:checked")).to_have_text("blue")

    # fill the form: nothing happens until it is submitted
    qty = labelled(root, "Quantity", ".widget-text").locator("input")
    qty.fill("3")
    qty.press("Tab")
    note = labelled(root, "Note", ".widget-text").locator("input")
    note.click()
    note.press_sequentially("gift wrap")
    note.press("Tab")
    expect(root).to_contain_text("order: 1 x -")
    root.get_by_role("button", name="Send order").click()
    expect(root).to_contain_text("order: 3 x gift wrap (just sent)")
    expect(qty).to_have_value("3")
    # earlier answers are untouched by the form's run
    expect(root).to_contain_text("level is 7")
    expect(root).to_contain_text("hello Ada")
    expect(root).to_contain_text("colour: blue")

    page.screenshot(path=str(screenshots / f"widgets-{frontend}.png"), full_page=True)
    assert page_errors(page) == []


@pytest.mark.parametrize("frontend", ["lab", "voila"])
def test_download_button_saves_the_file(page, server, frontend):
    root = open_app(page, server, frontend, "scenario_widgets.ipynb")
    button = root.get_by_role("button", name="Download CSV")
    with page.expect_download() as info:
        button.click()
    download = info.value
    assert download.suggested_filename == "table.csv"
    with open(download.path(), "rb") as f:
        assert f.read() == b"a,b\n1,2\n"
    # the click also reached the kernel: st.download_button was True for one run
    expect(root).to_contain_text("download clicked")


def test_the_app_is_marked_stale_during_a_slow_rerun_and_not_after_a_failed_callback(page, server):
    root = open_app(page, server, "lab", "scenario_widgets.ipynb")
    badge = root.locator(".nbstate-stale-marker")
    expect(badge).to_have_attribute("data-running", "false")
    expect(badge).to_be_hidden()
    slow = root.get_by_role("button", name="Slow step")
    slow.click()  # the app learns that its reruns are slow: the next one is marked
    expect(root).to_contain_text("slow steps: 1")
    slow.click()
    expect(root).to_have_class(re.compile(r"\bnbstate-stale\b"))
    expect(badge).to_be_visible()
    expect(badge).to_have_text("Running...")
    expect(root).to_contain_text("slow steps: 2")
    expect(root).not_to_have_class(re.compile(r"\bnbstate-stale\b"))
    expect(badge).to_be_hidden()

    # a callback that raises: its error shows at the top, the last run's elements stay, not
    # faded (the run is over) and usable; the next good rerun clears the error
    root.get_by_role("button", name="Break").click()
    expect(root).to_contain_text("the callback broke")
    expect(root).not_to_have_class(re.compile(r"\bnbstate-stale\b"))
    expect(badge).to_be_hidden()  # nothing is running
    expect(root).to_contain_text("slow steps: 2")
    root.get_by_role("button", name="Add one").click()
    expect(root).to_contain_text("clicks: 1")
    expect(root).not_to_contain_text("the callback broke")
    expect(root).not_to_have_class(re.compile(r"\bnbstate-stale\b"))
    assert page_errors(page) == []


FOLDER = '''\
%%app folder
import nbstate as st

files = st.file_uploader("Data", type="csv", accept_multiple_files="directory", key="data")
st.write(f"names={sorted(f.name for f in files)} sizes={sorted(f.size for f in files)}")
'''


@pytest.mark.parametrize("frontend", ["lab", "voila"])
def test_a_folder_uploader_picks_a_folder_and_sends_its_allowed_files(page, server, tmp_path,
                                                                      frontend):
    folder = tmp_path / "data"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.csv").write_text("x\n1\n")
    (folder / "sub" / "b.csv").write_text("y\n22\n")
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    nbformat.write(notebook("%load_ext nbstate", FOLDER), server.root / "scenario_folder.ipynb")
    root = open_app(page, server, frontend, "scenario_folder.ipynb")
    expect(root).to_contain_text("names=[]")
    with page.expect_file_chooser() as chooser:
        root.locator(".nbstate-directory").click()
    assert chooser.value.element.get_attribute("webkitdirectory") is not None
    chooser.value.set_files(str(folder))
    # the png is not of the allowed type: only the csv files come, named by their path
    expect(root).to_contain_text("names=['data/a.csv', 'data/sub/b.csv'] sizes=[4, 5]")
    assert "refused" not in root.inner_text()
    assert page_errors(page) == []


THREADS = '''\
%%app threads
import threading
import nbstate as st

def reset():
    st.session_state.level = 1
st.button("Reset", on_click=reset)
level = st.slider("Level", 0, 10, 0, key="level")
st.write(f"level={level} on {threading.current_thread().name}")
'''


def test_interactions_run_the_app_on_the_kernels_main_thread(page, server):
    # JupyterLab 4.4+ sends widget messages on a kernel subshell; once a rerun answering one
    # updated the slider, ipykernel hands the slider's messages to that subshell's thread
    nbformat.write(notebook("%load_ext nbstate", THREADS), server.root / "scenario_threads.ipynb")
    root = open_app(page, server, "lab", "scenario_threads.ipynb")
    expect(root).to_contain_text("level=0 on MainThread")
    root.get_by_role("button", name="Reset").click()
    expect(root).to_contain_text("level=1 on MainThread")
    handle = root.locator(".widget-slider .noUi-handle").first
    handle.focus()
    handle.press("ArrowRight")
    expect(root).to_contain_text("level=2 on MainThread")
    assert page_errors(page) == []
