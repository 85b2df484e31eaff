"""st.html and st.components.v1.html in a real browser, from an unmodified Streamlit script
run with ``%%app --file``: the HTML is sanitized as Streamlit sanitizes it (DOMPurify), runs
its scripts only with ``unsafe_allow_javascript=True``, its CSS stays inside the app; the
component HTML runs in an iframe sandboxed as Streamlit's, at the height asked for."""

from __future__ import annotations

import textwrap
from pathlib import Path

import nbformat
import pytest
from playwright.sync_api import expect

from .jupyter import open_app, page_errors
from .notebooks import notebook

SCRIPT = '''
import streamlit as st
import streamlit.components.v1 as components

st.title("Embeds")
st.html("""
<p id="st-html">Hello <b class="mark">bold</b>
<img src="nbstate-missing.png" onerror="window.__html_pwned = 1">
<script>window.__html_script = 1</script></p>
""")
st.html("<div id='js-html'>js</div>"
        "<script>document.getElementById('js-html').dataset.ran = 'yes'</script>",
        unsafe_allow_javascript=True)
st.html("<style>b { color: rgb(255, 0, 0); }</style>")
components.html(
    "<p id='in-frame'>inside the frame</p>"
    "<script>document.getElementById('in-frame').dataset.js = 'ran'</script>",
    height=120)
st.iframe("<p id='fit'>fit to content</p><div style='height: 300px'></div>")
st.write("after the embeds")
'''

SANDBOX = ("allow-forms allow-modals allow-popups allow-popups-to-escape-sandbox "
           "allow-same-origin allow-scripts allow-downloads")


@pytest.fixture
def embed_notebook(server):
    (server.root / "embed_app.py").write_text(textwrap.dedent(SCRIPT))
    nb = notebook("%load_ext nbstate", "%%app --file embed_app.py")
    nb.cells.insert(0, nbformat.v4.new_markdown_cell(
        "Above the app: <b>outside the app</b>"))
    nbformat.write(nb, server.root / "scenario_embed.ipynb")
    return "scenario_embed.ipynb"


@pytest.mark.parametrize("frontend", ["lab", "voila"])
def test_html_and_component_html_render_as_in_streamlit(page, server, screenshots,
                                                        embed_notebook, frontend):
    root = open_app(page, server, frontend, embed_notebook)
    expect(root).to_contain_text("after the embeds")

    # st.html: rendered, sanitized (no script, no event handler), styled by its own CSS
    html = root.locator("#st-html")
    expect(html).to_contain_text("Hello bold")
    expect(html.locator("b.mark")).to_have_css("color", "rgb(255, 0, 0)")
    expect(html.locator("script")).to_have_count(0)
    expect(html.locator("img")).to_have_count(1)
    assert html.locator("img").get_attribute("onerror") is None
    assert page.evaluate("() => [window.__html_pwned, window.__html_script]") == [None, None]

    # unsafe_allow_javascript=True: its script ran
    expect(root.locator("#js-html")).to_have_attribute("data-ran", "yes")

    # the style-only st.html takes no room, and its CSS does not leak out of the app
    style_block = root.locator(".nbstate-html").filter(has=page.locator("style"))
    expect(style_block).to_have_count(1)
    expect(style_block).to_be_hidden()
    outside = page.locator("b", has_text="outside the app")  # a Markdown cell above the app
    expect(outside).to_have_count(1)
    assert outside.evaluate("e => getComputedStyle(e).color") != "rgb(255, 0, 0)"

    # components.html: an iframe sandboxed as Streamlit's, 120 px high, its script ran
    frame_el = root.locator('iframe[data-command="components.v1.html"]')
    expect(frame_el).to_have_attribute("sandbox", SANDBOX)
    box = frame_el.bounding_box()
    assert abs(box["height"] - 120) <= 1, box
    assert box["width"] > 300  # stretches to the app's width
    inner = root.frame_locator('iframe[data-command="components.v1.html"]').locator("#in-frame")
    expect(inner).to_have_text("inside the frame")
    expect(inner).to_have_attribute("data-js", "ran")

    # st.iframe of HTML with height="content": the frame grows to its document
    fit = root.locator('iframe[data-command="iframe"]')
    expect(root.frame_locator('iframe[data-command="iframe"]').locator("#fit")).to_have_text(
        "fit to content")
    page.wait_for_function(
        "(el) => el.getBoundingClientRect().height >= 300", arg=fit.element_handle())
    assert fit.bounding_box()["height"] < 600

    root.screenshot(path=str(screenshots / f"embeds-{frontend}.png"))
    assert page_errors(page) == []


COMPONENT = Path(__file__).resolve().parents[1] / "core" / "data" / "counter_component"

COMPONENT_APP = f'''
import streamlit as st
import streamlit.components.v1 as components

counter = components.declare_component("counter", path={str(COMPONENT)!r})
value = counter(greeting="hello from python", start=10, key="c", default=0)
st.write(f"component value: {{value}}")
'''


@pytest.mark.parametrize("frontend", ["lab", "voila"])
def test_custom_component_speaks_streamlits_protocol(page, server, screenshots, frontend):
    nb = notebook("%load_ext nbstate", "%%app\n" + COMPONENT_APP)
    nbformat.write(nb, server.root / "scenario_component.ipynb")
    root = open_app(page, server, frontend, "scenario_component.ipynb")
    expect(root).to_contain_text("component value: 0")
    inner = root.frame_locator("iframe.nbstate-component")
    # the page got streamlit:render with the call's arguments and a theme
    expect(inner.locator("#greeting")).to_have_text("hello from python (theme light)")
    # streamlit:setFrameHeight sized the frame
    frame = root.locator("iframe.nbstate-component")
    page.wait_for_function("(el) => el.getBoundingClientRect().height === 90",
                           arg=frame.element_handle())
    expect(frame).to_have_attribute("sandbox", SANDBOX)
    # streamlit:setComponentValue reruns the app with the value
    inner.locator("#send").click()
    expect(root).to_contain_text("component value: 11")
    inner.locator("#send").click()
    expect(root).to_contain_text("component value: 12")
    root.screenshot(path=str(screenshots / f"component-{frontend}.png"))
    assert page_errors(page) == []
