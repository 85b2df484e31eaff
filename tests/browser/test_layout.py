"""The sidebar sits beside the app's main area, as in Streamlit, and works."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .jupyter import open_app, page_errors


@pytest.mark.parametrize("frontend", ["lab", "voila"])
def test_sidebar_is_a_column_left_of_the_main_area(page, server, screenshots, frontend):
    root = open_app(page, server, frontend, "scenario_sidebar.ipynb")
    side = root.locator(".nbstate-sidebar").first
    expect(side).to_contain_text("sidebar note")
    main = root.locator(".nbstate-main").first
    expect(main).to_contain_text("main area text")
    s, m = side.bounding_box(), main.bounding_box()
    assert s["x"] + s["width"] <= m["x"] + 1  # left of the main area
    assert abs(s["y"] - m["y"]) < 40  # side by side, not stacked
    root.get_by_text("Data", exact=True).click()
    expect(main).to_contain_text("Page: Data")
    root.screenshot(path=str(screenshots / f"sidebar-{frontend}.png"))
    assert page_errors(page) == []
