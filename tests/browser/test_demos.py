"""The demo notebooks of notebooks/, used as a person would, with screenshots.

The counter in JupyterLab, the form in Notebook 7, the dashboard in Voila on its own
(``voila dashboard.ipynb``, as dashboards are served) and in JupyterLab.
"""

from __future__ import annotations

from playwright.sync_api import expect

from .jupyter import app_root, drag_slider, labelled, open_app, page_errors


def test_counter_in_jupyterlab(page, server, screenshots):
    root = open_app(page, server, "lab", "counter.ipynb")
    expect(root).to_contain_text("count = 0")
    step = root.get_by_role("spinbutton", name="Step")
    step.fill("5")
    step.press("Enter")
    add = root.get_by_role("button", name="Add 5")
    expect(add).to_be_visible()
    add.click()
    expect(root).to_contain_text("count = 5")
    add.click()
    expect(root).to_contain_text("count = 10")
    expect(root).to_contain_text("Double digits!")
    expect(step).to_have_value("5")
    root.screenshot(path=str(screenshots / "counter-lab.png"))
    root.get_by_role("button", name="Reset").click()
    expect(root).to_contain_text("count = 0")
    expect(root).not_to_contain_text("Double digits!")
    assert page_errors(page) == []


def test_form_in_notebook7(page, server, screenshots):
    root = open_app(page, server, "notebook7", "form.ipynb")
    expect(root).to_contain_text("Nobody yet")
    name = root.get_by_role("textbox", name="Name")
    name.click()
    name.press_sequentially("Ada Lovelace")
    age = root.get_by_role("spinbutton", name="Age")
    age.fill("36")
    root.get_by_role("combobox", name="Team").select_option(label="Blue")
    root.get_by_role("checkbox", name="Newsletter").check()
    # held by the form: nothing has run yet
    expect(root).to_contain_text("Nobody yet")
    root.get_by_role("button", name="Add").click()
    table = root.locator("table")
    expect(table).to_contain_text("Ada Lovelace")
    expect(table).to_contain_text("36")
    expect(table).to_contain_text("Blue")
    expect(root).not_to_contain_text("Nobody yet")
    # clear_on_submit: the form's widgets are back to their defaults
    expect(name).to_have_value("")
    expect(age).to_have_value("30")
    expect(root.get_by_role("checkbox", name="Newsletter")).not_to_be_checked()
    root.screenshot(path=str(screenshots / "form-notebook7.png"))
    assert page_errors(page) == []


def _use_dashboard(page, root) -> None:
    expect(root).to_contain_text("24 rows, total revenue")
    expect(root.locator("img")).to_have_count(1)  # the chart

    # the region panel is a fragment: it reruns on its own
    root.get_by_role("combobox", name="Region").select_option(label="South")
    expect(root).to_contain_text("South, revenue in 2024-12")
    expect(root).to_contain_text("24 rows, total revenue")

    root.get_by_role("radio", name="units").check()
    expect(root).to_contain_text("24 rows, total units")

    # the multiselect is tags with a dropdown, as Streamlit's: a plain click adds an option
    regions = root.locator(".nbstate-multiselect").filter(has_text="Regions")
    regions.locator("input").click()
    regions.locator(".nbstate-ms-option", has_text="East").click()
    regions.locator("input").press("Escape")  # closes the dropdown
    expect(regions.locator(".nbstate-ms-tag > span")).to_have_text(["North", "South", "East"])
    expect(root).to_contain_text("36 rows, total units")

    drag_slider(labelled(root, "Months", ".widget-slider"), 6, handle=1)
    expect(root).to_contain_text("18 rows, total units")
    expect(labelled(root, "Months", ".widget-slider").locator(".widget-readout")).to_contain_text(
        "6")

    regions.get_by_role("button", name="Clear all").click()
    expect(regions.locator(".nbstate-ms-tag")).to_have_count(0)
    expect(root).to_contain_text("Pick at least one region.")
    expect(root.locator("img")).to_have_count(0)


def test_dashboard_in_voila(page, voila, screenshots):
    page.set_viewport_size({"width": 1000, "height": 1800})  # the whole app in one view
    page.goto(voila.url, timeout=120_000)
    root = app_root(page)
    expect(root).to_contain_text("24 rows, total revenue")
    expect(root.locator("img")).to_have_count(1)
    # (docs/dashboard-voila-light.png, shown in the README, is made by test_look.py)
    root.screenshot(path=str(screenshots / "dashboard-voila.png"))
    _use_dashboard(page, root)
    assert page_errors(page) == []


def test_dashboard_in_jupyterlab(page, server):
    root = open_app(page, server, "lab", "dashboard.ipynb")
    _use_dashboard(page, root)
    assert page_errors(page) == []
