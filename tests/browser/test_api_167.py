"""Streamlit 1.67's parameters as a person sees them in JupyterLab and Voila: a horizontal
container lays its buttons out in a right-aligned row, text_alignment centres text, a metric
draws its chart, a replaced element shows only its new content, and a download button whose
data is a function saves what the function returns when clicked, and tabs with on_change run
only the open tab's content, switching when the reader clicks another."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .jupyter import open_app, page_errors


@pytest.mark.parametrize("frontend", ["lab", "voila"])
def test_layout_and_display_parameters_show(page, server, screenshots, frontend):
    root = open_app(page, server, frontend, "scenario_api167.ipynb")
    expect(root).to_contain_text("end of app")
    cancel = root.get_by_role("button", name="Cancel").bounding_box()
    ok = root.get_by_role("button", name="OK").bounding_box()
    assert abs(cancel["y"] - ok["y"]) < 2 and cancel["x"] + cancel["width"] <= ok["x"]
    main = root.locator(".nbstate-main").first.bounding_box()
    # right-aligned: the row ends at the main area's right edge, far from its left edge
    assert ok["x"] + ok["width"] > main["x"] + main["width"] - 40
    assert cancel["x"] > main["x"] + main["width"] / 2

    text = root.get_by_text("centred text", exact=True)
    box = text.bounding_box()
    centre = box["x"] + box["width"] / 2
    # the paragraph spans the area; its text is centred in it
    assert text.evaluate("e => getComputedStyle(e.closest('.nbstate-laid-out')).textAlign") \
        == "center"
    assert abs(centre - (main["x"] + main["width"] / 2)) < main["width"] * 0.1

    chart = root.locator("svg.nbstate-metric-chart")
    expect(chart).to_be_visible()
    assert chart.bounding_box()["height"] > 20

    expect(root).to_contain_text("replaced text")
    expect(root).not_to_contain_text("loading")
    root.screenshot(path=str(screenshots / f"api167-{frontend}.png"))
    assert page_errors(page) == []


@pytest.mark.parametrize("frontend", ["lab", "voila"])
def test_deferred_download_saves_what_the_function_returns(page, server, frontend):
    root = open_app(page, server, frontend, "scenario_api167.ipynb")
    button = root.get_by_role("button", name="Deferred CSV")
    with page.expect_download() as info:
        button.click()
    download = info.value
    assert download.suggested_filename == "deferred.csv"
    with open(download.path(), "rb") as f:
        assert f.read() == b"x,y\n3,4\n"
    expect(root).to_contain_text("deferred clicked")
    assert page_errors(page) == []


@pytest.mark.parametrize("frontend", ["lab", "voila"])
def test_tracked_tabs_render_the_tab_the_reader_opens(page, server, frontend):
    root = open_app(page, server, frontend, "scenario_api167.ipynb")
    expect(root).to_contain_text("lazy content one")
    expect(root).not_to_contain_text("lazy content two")
    root.get_by_role("tab", name="Second tab").click()
    expect(root).to_contain_text("lazy content two")
    expect(root).not_to_contain_text("lazy content one")
    expect(root.get_by_role("tab", name="Second tab")).to_have_attribute("aria-selected",
                                                                          "true")
    assert page_errors(page) == []
