"""The static picture of an app (frontends/static.py): the outline a saved notebook keeps as
text/plain, and its HTML, made from a run's tree."""

from __future__ import annotations

from nbstate.frontends.static import MAX_ROWS, mimebundle, outline, picture_html
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
