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

#: how many widget views an element is (itself and the views inside it)
_VIEWS = "(el) => 1 + el.querySelectorAll('.jupyter-widgets').length"


@pytest.mark.parametrize("frontend", ["lab", "notebook7", "voila"])
def test_reruns_touch_only_the_widgets_that_change(page, server, frontend):
    root = open_app(page, server, frontend, "scenario_widgets.ipynb")
    expect(root).to_contain_text("end of app")
    views_before = root.locator(".jupyter-widgets").count()

    # 7 reruns that only change values: no view removed or added
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
    print(f"\nflicker ({frontend}), 7 value-only reruns: {stats}")
    assert stats["removed"] == 0, stats
    assert stats["added"] == 0, stats
    assert root.locator(".jupyter-widgets").count() == views_before

    # a rerun that adds a widget (above a display element) adds only that widget's view
    more = root.get_by_role("checkbox", name="More options")
    watch_flicker(root)
    more.check()
    extra = labelled(root, "Extra", ".widget-slider")
    expect(extra).to_be_visible()
    added = flicker(page)
    print(f"flicker ({frontend}), a rerun adding a widget: {added}")
    extra_views = extra.evaluate(_VIEWS)
    assert added["removed"] == 0, added
    assert added["added"] == extra_views, (added, extra_views)

    # and the rerun that removes it removes only that view
    watch_flicker(root)
    more.uncheck()
    expect(root.locator(".widget-slider")).to_have_count(1)
    removed = flicker(page)
    print(f"flicker ({frontend}), a rerun removing a widget: {removed}")
    assert removed["added"] == 0, removed
    assert removed["removed"] == extra_views, removed
    assert all("Extra" in t for t in removed["removedTexts"]), removed
    assert root.locator(".jupyter-widgets").count() == views_before
    assert page_errors(page) == []
