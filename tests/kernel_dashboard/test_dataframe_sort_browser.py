"""st.dataframe's click-to-sort, in a real Chromium: the HTML the live frontend sends, put in
the page as the ipywidgets HTML view does (innerHTML), sorted by clicks on its headers."""

from __future__ import annotations

import os
import shutil

import pytest

from nbstate.elements import Element
from nbstate.frontends.html import render

pytestmark = pytest.mark.browser
sync_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = next((c for c in (os.environ.get("NBSTATE_CHROMIUM"), "/usr/bin/chromium",
                             shutil.which("chromium")) if c and os.path.exists(c)), None)


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium")
def test_clicking_a_header_sorts_the_rows_numbers_as_numbers():
    html = render(Element("dataframe", props={
        "columns": ["city", "temp"], "index_labels": ["a", "b", "c", "d"],
        "rows": [["Oslo", 3.5], ["Lima", 19.25], ["Pune", 1000.0], ["Rome", None]]}))
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page()
            page.set_content("<div id=out></div>")
            page.evaluate("h => { document.getElementById('out').innerHTML = h }", html)

            def column(i: int) -> list[str]:
                return page.eval_on_selector_all(
                    "tbody tr", f"rows => rows.map(r => r.cells[{i}].textContent)")

            page.click("thead th:nth-child(3)")
            assert column(2) == ["3.5", "19.25", "1000", "None"]  # numbers first, by value
            page.click("thead th:nth-child(3)")
            assert column(2) == ["None", "1000", "19.25", "3.5"]
            page.click("thead th:nth-child(2)")
            assert column(1) == ["Lima", "Oslo", "Pune", "Rome"]
            assert column(0) == ["b", "a", "c", "d"]  # the index moves with its row
        finally:
            browser.close()
