"""What people see of the last gaps of issue 10, in a real browser: st.logo pinned at the top
of the app (and of the sidebar's column once there is a sidebar) although the app calls it last;
st.query_params written by the app changes the page URL's query in Voila (and a reload reads
it back), while JupyterLab's own URL is left alone. Each test measures the DOM and leaves a
screenshot."""

from __future__ import annotations

import nbformat
import pytest
from playwright.sync_api import expect

from .jupyter import app_root, open_app, page_errors
from .notebooks import notebook

LOGO = ("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='96' "
        "height='24'%3E%3Crect width='96' height='24' fill='%23ff4b4b'/%3E%3C/svg%3E")

APP = f'''\
%%app gaps
import nbstate as st

st.title("Gaps")
st.write("tab:", st.query_params.get("tab", "-"))
if st.button("Go to b"):
    st.query_params["tab"] = "b"
if st.toggle("Sidebar", key="side"):
    st.sidebar.write("Filters")
st.logo("{LOGO}", link="https://example.com")
'''


@pytest.fixture
def gaps(server):
    nbformat.write(notebook("%load_ext nbstate", APP), server.root / "scenario_gaps.ipynb")
    return "scenario_gaps.ipynb"


def _box(locator) -> dict:
    box = locator.bounding_box()
    assert box is not None, locator
    return box


def test_logo_pinned_above_the_app_then_atop_the_sidebar(page, server, screenshots, gaps):
    root = open_app(page, server, "lab", gaps)
    title = root.locator("h1", has_text="Gaps").first
    expect(title).to_be_visible()
    logo = root.locator(".nbstate-logo img")
    expect(logo).to_have_count(1)
    page.wait_for_function("(img) => img.complete && img.naturalWidth > 0",
                           arg=logo.element_handle())
    app, lb, tb = _box(root), _box(logo), _box(title)
    # called last, shown first: above the title, at the app's left edge
    assert lb["y"] + lb["height"] <= tb["y"] + 1, (lb, tb)
    assert abs(lb["x"] - app["x"]) < 24, (lb, app)
    assert root.locator(".nbstate-logo a").get_attribute("href") == "https://example.com"
    root.screenshot(path=str(screenshots / "logo-top-lab.png"))
    root.get_by_role("switch", name="Sidebar").click()
    side = root.locator(".nbstate-sidebar").first
    expect(side).to_contain_text("Filters")
    # with a sidebar: at the top of the sidebar's column, beside the main area's top
    page.wait_for_function(
        "([l, s]) => { const a = l.getBoundingClientRect(), b = s.getBoundingClientRect();"
        " return a.bottom <= b.top + 1 && a.left >= b.left - 1 && a.right <= b.right + 1; }",
        arg=[logo.element_handle(), side.element_handle()])
    lb, tb = _box(logo), _box(title)
    assert lb["x"] + lb["width"] <= tb["x"], (lb, tb)  # left of the main area
    assert lb["y"] <= tb["y"] + tb["height"], (lb, tb)  # at the main area's top, not below
    root.screenshot(path=str(screenshots / "logo-sidebar-lab.png"))
    assert page_errors(page) == []


def test_query_params_written_by_the_app_are_the_voila_page_url(page, server, screenshots,
                                                                 gaps):
    page.goto(server.voila(gaps) + "?tab=a&from=mail", timeout=120_000)
    root = app_root(page)
    expect(root).to_contain_text("tab: a")
    # nothing written yet: the URL stays as the page was opened
    assert page.evaluate("() => location.search") == "?tab=a&from=mail"
    root.get_by_role("button", name="Go to b").click()
    page.wait_for_function("() => location.search === '?tab=b&from=mail'")
    assert page.url.split("?")[0] == server.voila(gaps)  # the same page, no navigation
    root.screenshot(path=str(screenshots / "query-params-voila.png"))
    # a reload opens the app at the URL the app wrote
    page.reload(timeout=120_000)
    expect(app_root(page)).to_contain_text("tab: b")
    assert page_errors(page) == []


def test_query_params_leave_jupyterlabs_url_alone(page, server, gaps):
    root = open_app(page, server, "lab", gaps)
    before = page.evaluate("() => location.pathname + location.search")
    root.get_by_role("button", name="Go to b").click()
    root.get_by_role("switch", name="Sidebar").click()  # a run that reads it
    expect(root).to_contain_text("tab: b")
    assert page.evaluate("() => location.pathname + location.search") == before
    assert "tab=b" not in page.url


CHAT = '''\
%%app voice
import nbstate as st
v = st.chat_input("Say something", accept_file=True, accept_audio=True)
if v is not None:
    st.write(f"heard {v.audio.name} ({v.audio.size} bytes)" if v.audio else f"read {v.text}")
'''


def test_chat_input_microphone_sends_an_audio_file(page, server, screenshots):
    nbformat.write(notebook("%load_ext nbstate", CHAT), server.root / "scenario_voice.ipynb")
    root = open_app(page, server, "lab", "scenario_voice.ipynb")
    mic = root.get_by_role("button", name="Attach audio")
    attach = root.get_by_role("button", name="Attach files")
    send = root.get_by_role("button", name="Send message")
    expect(mic).to_be_visible()
    ab, mb, sb = _box(attach), _box(mic), _box(send)
    # beside the attach button, on the same line, before the send button
    assert ab["x"] + ab["width"] <= mb["x"] + 1 and mb["x"] + mb["width"] <= sb["x"] + 1
    assert abs((ab["y"] + ab["height"] / 2) - (mb["y"] + mb["height"] / 2)) < 4
    root.locator(".nbstate-chat-audio-picker").set_input_files(
        files=[{"name": "note.wav", "mimeType": "audio/wav", "buffer": b"RIFF0000WAVEfmt "}])
    expect(root.locator(".nbstate-chat-files")).to_contain_text("note.wav")
    root.screenshot(path=str(screenshots / "chat-audio-lab.png"))
    send.click()
    expect(root).to_contain_text("heard note.wav (16 bytes)")
    assert page_errors(page) == []
