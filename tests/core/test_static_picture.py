"""The static picture of an app (frontends/static.py): the outline a saved notebook keeps as
text/plain, and its HTML, made from a run's tree."""

from __future__ import annotations

import re

from nbstate.frontends.static import (
    MAX_HTML,
    MAX_OUTLINE,
    MAX_ROWS,
    live_class,
    live_text,
    mimebundle,
    outline,
    pending_bundle,
    picture_class,
    picture_html,
)
from nbstate.testing import AppTest

DASH = """
import nbstate as st
import pandas as pd
st.title("Shop")
with st.sidebar:
    st.slider("Budget", 0, 100, 30, key="budget")
a, b = st.columns(2)
a.text_input("Name", "ann", key="name")
b.selectbox("Size", [1, 2, 3], format_func=lambda n: f"size {n}", index=1, key="size")
t1, t2 = st.tabs(["Table", "Empty"])
t1.dataframe(pd.DataFrame({"x": range(5), "y": range(5)}))
with st.expander("More"):
    st.checkbox("Gift", key="gift")
with st.form("f"):
    st.multiselect("Tags", ["a", "b", "c"], ["a", "c"], key="tags")
    st.form_submit_button("Send")
st.metric("Total", "12", "+2")
st.write("Thanks, **ann**")
st.info("Two lines\\nof info")
"""


def test_outline_lists_widgets_texts_and_tables_in_display_order():
    at = AppTest.from_string(DASH, default_timeout=30).run()
    assert outline(at._tree).splitlines() == [
        "nbstate app 'test' (a picture of its last run; run the cell to use it)",
        "# Shop",
        "columns:",
        "  column 1:",
        "    text_input \"Name\": 'ann'",
        "  column 2:",
        "    selectbox \"Size\": 'size 2'",  # the option's label, as the user sees it
        "tabs:",
        "  tab \"Table\":",
        "    dataframe 5 rows x 2 columns ['x', 'y']",
        "expander \"More\":",
        "  checkbox \"Gift\": False",
        "form:",
        "  multiselect \"Tags\": ['a', 'c']",
        "  form_submit_button \"Send\"",
        "metric \"Total\": 12 (+2)",
        "Thanks, **ann**",
        "info: Two lines",
        "  of info",
        "sidebar:",
        "  slider \"Budget\": 30",
    ]


def test_outline_follows_the_app_and_is_stable_across_reruns():
    at = AppTest.from_string(DASH, default_timeout=30).run()
    first = outline(at._tree)
    assert outline(at.run()._tree) == first  # nothing changed: the same text
    at.slider(key="budget").set_value(75).run()
    changed = outline(at._tree)
    assert 'slider "Budget": 75' in changed and 'slider "Budget": 30' not in changed


def test_outline_shows_the_apps_exception():
    at = AppTest.from_string("import nbstate as st\nst.text('a')\n1 / 0").run()
    assert outline(at._tree).splitlines()[1:] == ["a", "ZeroDivisionError: division by zero"]


def test_html_picture_says_it_is_not_live_and_draws_the_app():
    at = AppTest.from_string(DASH, default_timeout=30).run()
    html = picture_html(at._tree)
    assert "not live" in html and "<h1" in html and "Shop" in html
    assert html.count('class="nbs-w"') == 6  # every widget, submit included
    assert ">size 2</div>" in html and ">ann</div>" in html
    assert "<table" in html and "display: flex" in html  # the table; the columns side by side


def test_html_picture_keeps_a_saved_notebook_small():
    at = AppTest.from_string(
        "import nbstate as st\nst.table([[i, i * 2] for i in range(5000)])").run()
    html = picture_html(at._tree)
    assert html.count("<tr>") <= MAX_ROWS + 1 and "5,000 rows" in html


def test_bundle_replaces_a_lone_surrogate():
    at = AppTest.from_string("import nbstate as st\nst.text('bad \\ud800 text')").run()
    bundle = mimebundle(at._tree)
    for text in bundle.values():
        text.encode("utf-8")  # travels as JSON
    assert "bad \ufffd text" in bundle["text/plain"]


def test_huge_app_picture_and_outline_stay_bounded():
    at = AppTest.from_string("import nbstate as st\nst.title('Top')\n"
                             "for i in range(5000):\n    st.slider(f's{i}', 0, 9, 1, key=f'k{i}')\n"
                             "st.write('the end')", default_timeout=60).run()
    html, plain = picture_html(at._tree), outline(at._tree)
    assert len(html) < MAX_HTML + 5_000 and len(plain) < MAX_OUTLINE + 500
    # what is drawn comes first, the rest is counted
    assert "<h1" in html and ">s0</div>" in html and "the end" not in html
    drawn = html.count('class="nbs-w"')
    assert 500 < drawn < 5000
    assert f"{5000 - drawn + 1:,} more elements are not drawn" in html  # (the text too)
    lines = plain.splitlines()
    assert lines[1] == "# Top" and lines[2] == 'slider "s0": 1'
    assert re.fullmatch(r"\.\.\. and [\d,]+ more elements \(the outline is kept small\)",
                        lines[-1])
    assert len(lines) - 3 + int(lines[-1].split()[2].replace(",", "")) == 5001  # all counted


def test_picture_carries_the_rules_that_hide_it_while_its_app_is_live():
    at = AppTest.from_string("import nbstate as st\nst.text('hi')").run()
    html = picture_html(at._tree)
    name = at._tree.props["name"]
    live, pic = live_class(name), picture_class(name)
    assert live != live_class(name + "x")  # one app's live output hides its own picture only
    assert f'class="nbstate-static {pic}"' in html
    style = html[html.index("<style>"):html.index("</style>")]
    assert f".jp-Notebook:has(.{live}) .{pic} {{display: none !important}}" in style
    assert f"body:not(:has(.jp-Notebook)):has(.{live}) .{pic}" in style  # VS Code, others
    # no :has() inside another :has() (a browser drops the whole rule)
    for m in re.finditer(r":has\(", style):
        depth, i = 1, m.end()
        while depth:
            depth += {"(": 1, ")": -1}.get(style[i], 0)
            i += 1
        assert ":has(" not in style[m.end():i], style[m.start():i]
    assert html == picture_html(at._tree)  # the same for the same tree (strict nbval)


def test_live_output_text_and_pending_picture_are_short():
    assert live_text("demo") == "nbstate app 'demo' (live output; a picture of it follows)"
    pending = pending_bundle("demo")
    assert f'class="nbstate-static {picture_class("demo")}"' in pending["text/html"]
    assert "not live" not in pending["text/html"] and len(pending["text/html"]) < 2_000


def test_many_boxes_and_one_huge_text_stay_bounded_too():
    boxes = AppTest.from_string(
        "import nbstate as st\nfor i in range(4000):\n    a, b = st.columns(2)\n"
        "    a.write(i)\n", default_timeout=60).run()
    assert len(picture_html(boxes._tree)) < MAX_HTML + 5_000
    long = AppTest.from_string(
        "import nbstate as st\nst.text('x' * 200_000)\nst.text('after')").run()
    lines = outline(long._tree).splitlines()
    assert lines[1].endswith(" ... (195,000 more characters)") and lines[2] == "after"
