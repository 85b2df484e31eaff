"""Values from the app show as text: no HTML or script from st.text, st.markdown, st.write,
headings, alerts, code, labels, options or input values runs in the page. Only
``unsafe_allow_html=True`` renders HTML (and then its script-like attributes do run: that is the
control which shows the attacks had every chance to fire)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .jupyter import open_app


@pytest.mark.parametrize("frontend", ["lab", "voila"])
def test_app_values_never_run_as_html(page, server, frontend):
    root = open_app(page, server, frontend, "scenario_safety.ipynb")
    # the trusted HTML is rendered, and its onerror handler ran: the same broken image as every
    # attack below, so theirs would have run by now as well
    expect(root.locator("#trusted-html")).to_have_text("trusted bold")
    page.wait_for_function("() => window.__trusted === true")
    assert page.evaluate("() => window.__pwned") is None

    # exactly one <img> (the trusted one) and no <script> came out of the app
    expect(root.locator("img")).to_have_count(1)
    expect(root.locator("script")).to_have_count(0)

    # the attacks are on the page as text
    expect(root).to_contain_text("<script>window.__pwned = ['text-script']</script>")
    for where in ("markdown", "write", "title", "caption", "code", "error", "table", "dataframe",
                  "metric_label", "metric_value"):
        expect(root).to_contain_text(
            f"<img src=nbstate-missing.png onerror=\"window.__pwned = "
            f"(window.__pwned || []).concat('{where}')\">")
    expect(root.get_by_role("button", name="label <img", exact=False)).to_be_visible()
    expect(root).to_contain_text("concat('slider')")
    expect(root).to_contain_text("concat('text_input')")
    expect(root.locator("input[type=text]").first).to_have_value(
        "<img src=nbstate-missing.png onerror=\"window.__pwned = "
        "(window.__pwned || []).concat('value')\">")
    expect(root.locator("select option").first).to_contain_text("concat('option')")
    expect(root).to_contain_text("concat('json')")  # JSON shows the string, quotes escaped
    # a javascript: link is not made a link
    expect(root.locator("a[href^='javascript']")).to_have_count(0)
    expect(root).to_contain_text("a javascript: link")
    assert page.evaluate("() => window.__pwned") is None
