"""Flicker, measured in the page: a MutationObserver counts the widget views (ipywidgets' and
anywidget's DOM nodes) removed under the app's root while a person interacts.

A rerun that only changes values must remove none. A rerun that adds or removes a widget adds
or removes only that widget's nodes (the reconciler keeps the elements after it, and the stale
marker's keyed children update keeps ipywidgets from re-creating their views).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .jupyter import drag_slider, flicker, labelled, open_app, page_errors, watch_flicker

_WIDGET_NODES = "(el) => 1 + el.querySelectorAll('.jupyter-widgets').length"


@pytest.fixture
def widgets_app(page, server):
    root = open_app(page, server, "lab", "scenario_widgets.ipynb")
    expect(root).to_contain_text("end of app")
    return root


def test_value_reruns_remove_no_widget_nodes(page, widgets_app):
    root = widgets_app
    widgets_before = root.locator(".jupyter-widgets").count()

    watch_flicker(root)
    slider = labelled(root, "Level", ".widget-slider")
    for value in (8, 2, 5):
        drag_slider(slider, value)
        expect(root).to_contain_text(f"level is {value}")
    for n in (1, 2, 3):
        root.get_by_role("button", name="Add one").click()
        expect(root).to_contain_text(f"clicks: {n}")
    colour = labelled(root, "Colour", ".widget-dropdown").locator("select")
    colour.select_option(label="green")
    expect(root).to_contain_text("colour: green")
    stats = flicker(page)
    print(f"\nflicker, 7 value-only reruns (lab): {stats}")
    assert stats["removed"] == 0, stats
    assert stats["added"] == 0, stats
    assert root.locator(".jupyter-widgets").count() == widgets_before
    assert page_errors(page) == []


def test_adding_and_removing_a_widget_touches_only_its_nodes(page, widgets_app):
    root = widgets_app
    more = root.get_by_role("checkbox", name="More options")

    watch_flicker(root)
    more.check()
    extra = labelled(root, "Extra", ".widget-slider")
    expect(extra).to_be_visible()
    added = flicker(page)
    print(f"\nflicker, a rerun adding a widget (lab): {added}")
    extra_nodes = extra.evaluate(_WIDGET_NODES)
    assert added["removed"] == 0, added
    assert added["added"] == extra_nodes, (added, extra_nodes)

    watch_flicker(root)
    more.uncheck()
    expect(root.locator(".widget-slider")).to_have_count(1)
    removed = flicker(page)
    print(f"flicker, a rerun removing a widget (lab): {removed}")
    assert removed["added"] == 0, removed
    assert removed["removed"] == extra_nodes, removed
    assert all("Extra" in t for t in removed["removedTexts"]), removed
    assert page_errors(page) == []
