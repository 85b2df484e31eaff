"""st.dataframe's grid in Chromium (Voila and JupyterLab): a million rows, every one reachable
by scrolling, sorted in the kernel, rows selected; the DOM holds only what is in view."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .jupyter import open_app, page_errors


def rows_in_dom(grid) -> int:
    return grid.locator("[role=row]").count()


def cell(grid, rowindex: int, colindex: int):
    return grid.locator(f"[role=row][aria-rowindex='{rowindex}'] [aria-colindex='{colindex}']")


def scroll_to(grid, where: str) -> None:
    grid.locator(".nbstate-grid-scroller").evaluate(
        f"s => {{ s.scrollTop = {where}; s.dispatchEvent(new Event('scroll')); }}")


@pytest.mark.parametrize("frontend", ["voila", "lab"])
def test_a_million_rows_scroll_sort_and_select(page, server, screenshots, frontend):
    root = open_app(page, server, frontend, "scenario_grid.ipynb")
    grid = root.locator("[role=grid]")
    expect(grid).to_have_attribute("aria-rowcount", "1000001")  # the rows + the header row
    expect(grid).to_have_attribute("aria-colcount", "5")  # row markers, index, 3 columns
    headers = grid.locator("[role=columnheader]")
    expect(headers).to_have_text(["", "", "n", "Quarter", "even"])
    # columns: 1 marker, 2 index, 3 n, 4 Quarter, 5 even
    expect(cell(grid, 2, 3)).to_have_text("0")
    expect(cell(grid, 3, 4)).to_have_text("0.25")
    expect(cell(grid, 3, 5).locator("input[type=checkbox]")).not_to_be_checked()
    expect(cell(grid, 2, 5).locator("input[type=checkbox]")).to_be_checked()
    assert rows_in_dom(grid) < 40

    # scroll to the end: the last row is drawn, and only the rows in view are in the DOM
    scroll_to(grid, "s.scrollHeight")
    expect(cell(grid, 1_000_001, 3)).to_have_text("999999")
    expect(cell(grid, 1_000_001, 4)).to_have_text("249999.75")
    assert rows_in_dom(grid) < 40

    # sort by n, descending (two clicks on its header): all rows are sorted, in the kernel
    scroll_to(grid, "0")
    header = headers.filter(has_text=re.compile(r"^n"))
    header.click()
    expect(header).to_have_attribute("aria-sort", "ascending")
    header.click()
    expect(header).to_have_attribute("aria-sort", "descending")
    expect(cell(grid, 2, 3)).to_have_text("999999")
    expect(cell(grid, 2, 2)).to_have_text("999999")  # the index moved with its row
    expect(cell(grid, 3, 3)).to_have_text("999998")
    scroll_to(grid, "s.scrollHeight")
    expect(cell(grid, 1_000_001, 3)).to_have_text("0")

    # select two rows (their positions in the data, whatever the sort)
    scroll_to(grid, "0")
    expect(cell(grid, 2, 3)).to_have_text("999999")
    cell(grid, 2, 1).locator("input").click()
    expect(root).to_contain_text("selected: [999999]")
    cell(grid, 4, 1).locator("input").click()
    expect(root).to_contain_text("selected: [999999, 999997]")
    expect(grid.locator("[role=row][aria-selected=true]")).to_have_count(2)

    # the keyboard reaches the cells
    cell(grid, 3, 3).click()
    grid.press("ArrowDown")
    grid.press("ArrowRight")
    # the active cell: display row 2 (aria-rowindex 4), column 2 (Quarter)
    expect(grid).to_have_attribute("aria-activedescendant", re.compile(r"-2-2$"))
    active = page.locator("#" + grid.get_attribute("aria-activedescendant"))
    expect(active).to_have_attribute("aria-colindex", "4")
    expect(active).to_have_text("249999.25")  # the row of n = 999997
    root.screenshot(path=str(screenshots / f"grid-{frontend}.png"))
    grid.press("Control+End")
    expect(cell(grid, 1_000_001, 4)).to_be_visible()
    assert page_errors(page) == []
