"""Streamlit 1.67's parameters and return values, through AppTest: element handles, st.help,
chart inputs and selection states, the newer keyword-only parameters (honoured, or warned
about once), deferred download data, SVG images."""

from __future__ import annotations

import warnings

import pytest

from nbstate.errors import IgnoredParameterWarning
from nbstate.frontends.html import render
from nbstate.testing import AppTest


def app(src: str) -> AppTest:
    return AppTest.from_string("import nbstate as st\n" + src).run()


def html_of(view) -> str:
    return render(view._el)


# -- handles: what element functions return --------------------------------------------------
def test_a_placeholder_shows_only_its_last_element():
    at = app("h = st.empty()\nh.text('a')\nh.text('b')\nst.write('after')")
    assert at.text.values == ["b"]
    assert at.markdown.values == ["after"]


def test_an_element_handle_replaces_its_element_in_place():
    at = app("""
st.write("first")
h = st.text("loading")
st.write("last")
h.text("done")
""")
    assert at.text.values == ["done"]
    kinds = [c.element_type for c in at.main.children.values()]
    assert kinds == ["markdown", "text", "markdown"]  # in the same place, not appended


def test_progress_toast_and_markdown_handles():
    at = app("""
bar = st.progress(0, text="start")
bar.progress(50, text="half")
t = st.toast("saving")
t.toast("saved", icon="✅")
m = st.markdown("*a*")
m.markdown("*b*")
""")
    assert [(p.value, p.text) for p in at.progress] == [(50, "half")]
    assert [(t.body, t.icon) for t in at.toast] == [("saved", "✅")]
    assert at.markdown.values == ["*b*"]


def test_empty_on_a_handle_removes_the_element():
    at = app("st.text('gone').empty()\nst.text('kept')")
    assert at.text.values == ["kept"]


def test_a_handle_has_no_commands_streamlit_lacks():
    # (1.67 has no add_rows: ported code that calls it gets a message saying so)
    at = app("""
h = st.text("x")
st.text(str(hasattr(h, "add_rows")))
h.add_rows([1])
""")
    assert at.text.values == ["x", "False"]
    assert at.exception[0].type == "AttributeError"
    assert at.exception[0].message.startswith("`add_rows()` is not a valid Streamlit command")


def test_a_handle_can_become_another_element_and_chain():
    at = app("""
h = st.text("x")
h.metric("Users", 10).metric("Users", 11)
""")
    assert at.text.len == 0
    assert [m.value for m in at.metric] == ["11"]


def test_sidebar_handles_replace_in_the_sidebar():
    at = app("h = st.sidebar.text('a')\nh.text('b')\nst.text('main')")
    assert at.sidebar.text.values == ["b"]
    assert at.main.text.values == ["main"]


def test_a_handle_in_a_container_stays_in_it():
    at = app("""
c = st.container(border=True)
h = c.text("inner")
st.text("outer")
h.text("inner 2")
""")
    assert [t.value for t in at.container[0].text] == ["inner 2"]
    assert at.text.values == ["inner 2", "outer"]


def test_a_handle_of_an_earlier_run_is_refused():
    at = AppTest.from_string("""
import nbstate as st
if "h" not in st.session_state:
    st.session_state.h = st.text("first run")
else:
    st.session_state.h.text("again")
""").run()
    at.run()
    assert "earlier run" in at.exception[0].message


# -- st.help and st.write of objects -----------------------------------------------------------
def test_write_of_a_dataclass_class_function_and_module_shows_help():
    at = app('''
import dataclasses, json as jsonmod
@dataclasses.dataclass
class Point:
    """A point."""
    x: int
    y: int = 0
def area(w: int, h: int = 1) -> int:
    """The area."""
    return w * h
st.write(Point(1, 2))
st.write(Point)
st.write(area)
st.write(jsonmod)
''')
    helps = at.help
    assert [h.obj_type for h in helps] == ["Point", "class", "function", "module"]
    assert helps[0].value == "Point(x=1, y=2)"
    assert helps[0].doc_string == "A point."
    assert helps[1].value == "Point" and "(x: int, y: int = 0)" in helps[1].summary
    assert helps[2].summary == "__main__.area(w: int, h: int = 1) -> int"
    assert (helps[2].name, helps[2].doc_string) == ("area", "The area.")
    assert (helps[3].name, helps[3].value) == ("jsonmod", "json")
    assert "JSON" in helps[3].doc_string
    assert {m["name"] for m in helps[3].members} >= {"dumps", "loads"}
    assert at.json.len == 0 and at.markdown.len == 0


def test_magic_on_a_function_shows_help():
    at = app("def f(a, b=2):\n    'Adds.'\n    return a + b\nf\n")
    assert at.help[0].doc_string == "Adds." and at.help[0].obj_type == "function"


def test_write_of_an_object_without_a_readable_str_shows_help():
    at = app("class Thing:\n    'A thing.'\n    size = 3\nst.write(Thing())")
    h = at.help[0]
    assert h.obj_type == "Thing" and h.doc_string == "A thing."
    assert {"name": "size", "type": "int", "value": "3", "doc_string": None,
            "weight": 0} in h.members


def test_help_renders_as_html():
    at = app("st.help(len)")
    out = html_of(at.help[0])
    assert "nbstate-help" in out and "Return the number of items" in out


# -- containers, tabs, expanders, popovers --------------------------------------------------
def test_container_takes_1_67_layout_parameters():
    at = app("""
with st.container(horizontal=True, horizontal_alignment="right", vertical_alignment="center",
                  gap="large", key="row"):
    st.button("Cancel")
    st.button("OK")
""")
    c = at.container[0]
    assert (c.horizontal, c.horizontal_alignment, c.vertical_alignment, c.gap, c.key) == (
        True, "right", "center", "large", "row")
    assert [b.label for b in c.button] == ["Cancel", "OK"]


@pytest.mark.parametrize("call,fragment", [
    ("st.container(horizontal_alignment='middle')", "horizontal_alignment"),
    ("st.container(wrap=False)", "horizontal=True"),
    ("st.container(gap='huge')", "gap"),
    ("st.tabs(['a', 'b'], default='c')", "default"),
    ("st.expander('x', type='fancy')", "type"),
    ("st.tabs(['a'], on_change=5)", "on_change"),
])
def test_bad_layout_arguments_say_what_is_wrong(call, fragment):
    at = app(call)
    assert fragment in at.exception[0].message


def test_tabs_expander_popover_without_on_change_are_not_tracked():
    at = app("""
a, b = st.tabs(["A", "B"], default="B", key="t")
with st.expander("More", key="e") as e:
    st.write(a.open, e.open)
""")
    assert at.markdown.values == ["`None` `None`"]
    assert at.tree.children[1].children[0].props["default"] == 1
    assert "t" not in at.session_state and at.expander[0].key == "e"


def test_tracked_tabs_run_only_the_open_tab_and_call_back():
    at = app("""
st.session_state.setdefault("switches", 0)
def switched():
    st.session_state.switches += 1
a, b = st.tabs(["A", "B"], key="t", on_change=switched)
if a.open:
    a.write("content of A")
if b.open:
    b.write("content of B")
st.write("open:", st.session_state.t, st.session_state.switches)
""")
    assert at.markdown.values == ["content of A", "open: A `0`"]
    from nbstate.testing.apptest import ElementView

    group = ElementView(at, at.tree.children[1].children[0], None)  # what the browser sets
    group.set_value("B").run()
    assert at.markdown.values == ["content of B", "open: B `1`"]
    at.session_state.t = "A"  # as Streamlit: the key can open a tab
    at.run()
    assert at.markdown.values == ["content of A", "open: A `1`"]


def test_tracked_expander_and_popover_report_open():
    at = app("""
with st.expander("More", True, key="e", on_change="rerun") as e:
    st.write("expander open:", e.open)
with st.popover("Menu", key="p", on_change="rerun") as p:
    st.write("popover open:", p.open)
""")
    assert at.markdown.values == ["expander open: `True`", "popover open: `False`"]
    at.expander[0].set_value(False)
    at.popover[0].set_value(True).run()
    assert at.markdown.values == ["expander open: `False`", "popover open: `True`"]
    assert (at.session_state.e, at.session_state.p) == (False, True)


def test_expander_bind_warns_once():
    at = AppTest.from_string("import nbstate as st\nst.expander('x', key='k', bind='query-params')")
    with pytest.warns(IgnoredParameterWarning, match="page URL"):
        at.run()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        at.run()  # once per session


def test_duplicate_container_keys_are_refused():
    at = app("st.expander('a', key='k')\nst.tabs(['x'], key='k')")
    assert at.exception[0].type == "DuplicateElementKey"


# -- display elements ----------------------------------------------------------------------
def test_text_elements_take_alignment_wrap_icon_and_title():
    at = app("""
st.markdown("centred", text_alignment="center")
st.text("long line", wrap=False)
st.header("Sales", icon="📈")
st.error("Disk full", title="Cannot save")
st.caption("c", width=200)
""")
    assert 'text-align: center' in html_of(at.markdown[0])
    assert "white-space: pre;" in html_of(at.text[0])
    assert "📈" in html_of(at.header[0])
    assert "Cannot save" in html_of(at.error[0]) and at.error[0].title == "Cannot save"
    assert "width: 200px" in html_of(at.caption[0])
    at = app("st.markdown('x', text_alignment='middle')")
    assert "text_alignment" in at.exception[0].message


def test_metric_icon_description_and_chart():
    at = app("""
st.metric("Users", 120, 5, icon="👤", delta_description="since May", border=True,
          chart_data=[1, 3, 2, 5], chart_type="bar", height=150)
""")
    m = at.metric[0]
    assert (m.icon, m.delta_description, m.chart_data, m.chart_type) == (
        "👤", "since May", [1.0, 3.0, 2.0, 5.0], "bar")
    out = html_of(m)
    assert "👤" in out and "since May" in out and out.count("<rect") == 4
    assert "height: 150px" in out
    at = app("st.metric('x', 1, chart_data=[1, 'a'])")
    assert "chart_data" in at.exception[0].message


def test_table_hides_index_and_header_and_scrolls():
    at = app("st.table({'a': [1, 2], 'b': [3, 4]}, hide_index=True, hide_header=True, "
             "height=80, border='horizontal')")
    out = html_of(at.table[0])
    assert "<thead>" not in out and "max-height: 80px" in out
    assert out.count("<th") == 0  # no index column either
    # horizontal rules between rows, no vertical lines
    assert "border-bottom" in out and "border: 1px" not in out


def test_image_of_svg_text_with_link_and_alt():
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect/></svg>'
    at = app(f"st.image({svg!r}, link='https://example.com', alt='a square')")
    img = at.image[0]
    assert img.value[0].startswith("data:image/svg+xml;base64,")
    out = html_of(img)
    assert 'href="https://example.com"' in out and 'alt="a square"' in out


# -- widgets' newer parameters -------------------------------------------------------------
def test_bind_warns_once_per_session_naming_the_reason():
    at = AppTest.from_string("import nbstate as st\nst.checkbox('c', bind='query-params')\n"
                             "st.slider('s', bind='query-params')")
    with pytest.warns(IgnoredParameterWarning, match="no page URL") as rec:
        at.run()
    assert len([w for w in rec if "checkbox" in str(w.message)]) == 1
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        at.run()
    at = app("st.checkbox('c', bind='url')")
    assert "bind" in at.exception[0].message


def test_persist_state_keeps_a_value_while_the_widget_is_not_shown():
    at = AppTest.from_string("""
import nbstate as st
show = st.checkbox("show", True)
if show:
    st.text_input("name", key="kept", persist_state="session")
    st.text_input("other", key="dropped")
""").run()
    at.text_input("kept").input("Ada")
    at.text_input("dropped").input("Bob").run()
    at.checkbox[0].uncheck().run()
    assert "kept" in at.session_state and "dropped" not in at.session_state
    at.checkbox[0].check().run()
    assert at.text_input("kept").value == "Ada"
    assert at.text_input("dropped").value == ""


def test_required_and_validate_refuse_what_the_frontend_sends():
    at = app("""
st.text_input("Name", "x", key="n", required=True)
st.text_input("Zip", key="z", validate=(r"[0-9]{5}", "Five digits, please"))
""")
    at.text_input("n").input("   ").run()
    assert at.text_input("n").value == "x"
    assert "a value is required" in at.warning[0].value
    at.text_input("z").input("12a").run()
    assert "Five digits, please" in at.warning[0].value
    at.text_input("z").input("12345").run()
    assert at.session_state.z == "12345"
    at = app("st.text_input('Zip', validate='[0-9')")
    assert "regular expression" in at.exception[0].message


def test_on_change_modes():
    at = app("""
st.session_state.runs = st.session_state.get("runs", 0) + 1
st.checkbox("quiet", key="q", on_change="ignore")
st.checkbox("loud", key="l", on_change="rerun")
""")
    at.checkbox("q").check().run()  # AppTest.run() always reruns, as Streamlit's does
    assert at.session_state.q is True and at.session_state.runs == 2
    at = app("st.checkbox('x', on_change='later')")
    assert "on_change" in at.exception[0].message


def test_on_change_ignore_stores_without_a_rerun_for_a_live_frontend():
    from nbstate.run import App, Session

    app_ = App("import nbstate as st\nst.session_state.runs = st.session_state.get('runs', 0)"
               " + 1\nst.checkbox('quiet', key='q', on_change='ignore')\n", session=Session())
    app_.quiet_ignored = True  # what the live frontend sets
    tree = app_.run()
    wid = next(e.id for e in tree.walk() if e.type == "checkbox")
    tree = app_.interact({wid: True})
    assert app_.session.proxy["runs"] == 1 and app_.session.proxy["q"] is True
    assert next(e for e in tree.walk() if e.type == "checkbox").props["value"] is True
    app_.run()
    assert app_.session.proxy["runs"] == 2


def test_buttons_take_icon_position_and_warn_about_shortcuts():
    at = AppTest.from_string("import nbstate as st\n"
                             "st.button('Next', icon='➡️', icon_position='right', "
                             "shortcut='Ctrl+K')")
    with pytest.warns(IgnoredParameterWarning, match="keyboard shortcuts"):
        at.run()
    assert at.button[0].icon_position == "right"
    from nbstate.frontends.bindings import binding_for

    el = at.button[0]._el
    assert binding_for(el).traits(el)["description"] == "Next ➡️"


def test_text_input_types_icon_and_live():
    at = app("st.text_input('Mail', type='email', icon='📧', live=True, key='m')")
    t = at.text_input[0]
    assert (t._el.props["type"], t.icon, t.live) == ("email", "📧", True)
    at = app("st.text_input('x', type='secret')")
    assert "type" in at.exception[0].message


def test_download_button_data_may_be_a_function_called_only_when_needed():
    at = app("""
calls = st.session_state.setdefault("calls", [])
def make():
    calls.append(1)
    return "a,b\\n1,2\\n"
st.download_button("Save", make, "t.csv", "text/csv")
""")
    assert at.session_state.calls == []  # not during the run
    from nbstate.widgets import download_data

    assert download_data(at.download_button[0]._el.props) == (b"a,b\n1,2\n", "text/csv")
    assert at.session_state.calls == [1]


# -- charts ----------------------------------------------------------------------------------
@pytest.mark.parametrize("call", [
    "st.bar_chart(np.array([[1, 2], [3, 4]]))",
    "st.line_chart([1, 2, 3])",
    "st.area_chart({'a': [1, 2], 'b': [3, 1]})",
    "st.scatter_chart(pd.Series([1, 4, 2], name='s'))",
    "st.line_chart(np.array([1.0, 2.5]))",
])
def test_simple_charts_take_what_streamlit_takes(call):
    pytest.importorskip("altair")
    at = app(f"import numpy as np, pandas as pd\n{call}")
    assert at.exception.len == 0, at.exception[0].message
    assert at.chart.len == 1


def test_simple_chart_options_shape_the_spec():
    pytest.importorskip("altair")
    import json

    at = app("""
import pandas as pd
df = pd.DataFrame({"day": [1, 2, 3], "a": [3, 1, 2], "b": [1, 1, 1]})
st.bar_chart(df, x="day", y=["a", "b"], x_label="Day", y_label="Sales", horizontal=True,
             stack=False, color=["#ff0000", "#0000ff"], width=300, height=200)
st.line_chart(df, x="day", y="a", color="#00ff00", use_container_width=True)
""")
    bar, line = (json.loads(c.spec) for c in at.chart)
    enc = bar["encoding"]
    assert enc["y"]["title"] == "Day" and enc["x"]["title"] == "Sales"  # horizontal: swapped
    assert enc["x"]["stack"] is None
    assert enc["color"]["scale"]["range"] == ["#ff0000", "#0000ff"]
    assert (bar["width"], bar["height"]) == (300, 200)
    assert line["mark"]["color"] == "#00ff00" and line["width"] == "container"
    at = app("import pandas as pd\nst.line_chart(pd.DataFrame({'a': [1]}), x='nope')")
    assert "nope" in at.exception[0].message


def test_chart_on_select_returns_the_selection_state_in_session_state():
    alt = pytest.importorskip("altair")
    del alt
    src = """
import altair as alt, pandas as pd
df = pd.DataFrame({"a": [1, 2], "b": [3, 4]})
c = alt.Chart(df).mark_point().encode(x="a", y="b").add_params(alt.selection_point(name="pick"))
event = st.altair_chart(c, on_select="rerun", key="sel")
st.write(event.selection.pick, "pick" in st.session_state.sel.selection)
"""
    at = AppTest.from_string("import nbstate as st\n" + src, default_timeout=30).run()
    assert at.json.values == ["{}"] and at.markdown.values == ["`True`"]
    assert at.session_state.sel == {"selection": {"pick": {}}}
    at = app("import altair as alt, pandas as pd\n"
             "st.altair_chart(alt.Chart(pd.DataFrame({'a': [1]})).mark_point(), on_select=3)")
    assert "on_select" in at.exception[0].message


def test_chart_without_on_select_returns_a_handle():
    pytest.importorskip("altair")
    at = app("h = st.line_chart([1, 2])\nh.text('replaced')")
    assert at.chart.len == 0 and at.text.values == ["replaced"]


# -- cache and fragment parameters -----------------------------------------------------------
def test_cache_resource_validate_recomputes_an_invalid_entry():
    at = app("""
made = st.session_state.setdefault("made", [])
@st.cache_resource(validate=lambda r: r["ok"])
def res():
    made.append(1)
    return {"ok": len(made) > 1}
res(); res(); res()
""")
    assert at.session_state.made == [1, 1]


def test_cache_and_fragment_parameters_nbstate_cannot_honour_warn():
    # (persist="disk" and run_every work: tests/core/test_rest_of_st.py)
    with pytest.warns(IgnoredParameterWarning, match="by count"):
        AppTest.from_string("import nbstate as st\n@st.cache_data(max_size='1MB')\n"
                            "def f(): return 1\nf()").run()
    with pytest.warns(IgnoredParameterWarning, match="parallel"):
        AppTest.from_string("import nbstate as st\n@st.fragment(parallel=True)\n"
                            "def f(): st.write('x')\nf()").run()


def test_markdown_headings_get_anchors_unless_turned_off():
    at = app("st.markdown('## Sales & costs\\ntext')\nst.markdown('## Plain', anchors=False)")
    assert '<h2 id="sales-costs">' in html_of(at.markdown[0])
    assert "<h2>Plain</h2>" in html_of(at.markdown[1])


def test_chart_alt_text_and_plotly_config_reach_the_spec():
    pytest.importorskip("altair")
    pytest.importorskip("plotly")
    import json

    at = app("""
import plotly.graph_objects as go
st.line_chart([1, 2], alt="Sales over time")
st.plotly_chart(go.Figure(), config={"displayModeBar": False}, alt="empty figure")
""")
    line, fig = (json.loads(c.spec) for c in at.chart)
    assert line["description"] == "Sales over time"
    assert fig["config"] == {"displayModeBar": False}
    assert at.chart[1].alt == "empty figure"


def test_container_autoscroll_warns_that_a_notebook_box_cannot_scroll_itself():
    at = AppTest.from_string("import nbstate as st\nst.container(height=200, autoscroll=True)")
    with pytest.warns(IgnoredParameterWarning, match="scroll itself"):
        at.run()


def test_metric_format_shows_numbers_as_streamlit_formats_them():
    at = app("st.metric('Revenue', 1234.567, -5, format='dollar')\n"
             "st.metric('Share', 0.25, format='percent')\n"
             "st.metric('Count', 1234, format='%,d')\n"
             "st.metric('Label', 'n/a', format='compact')")
    shown = [html_of(m) for m in at.metric]
    assert "$1,234.57" in shown[0] and "-$5.00" in shown[0]
    assert "25.00%" in shown[1] and "1,234" in shown[2] and "n/a" in shown[3]
    assert at.metric[0].value == "1234.567"  # AppTest reads the value as given, as Streamlit's
    at = app("st.metric('x', 1, format='fancy')")
    assert "format" in at.exception[0].message


@pytest.mark.parametrize("call,reason", [
    ("st.selectbox('s', ['a'], accept_new_options=True)", "only the listed options"),
    ("st.multiselect('m', ['a'], filter_mode='prefix')", "type-to-filter"),
    ("st.multiselect('m', ['a'], select_all=False)", "select all"),
    ("st.time_input('t', format='12h')", "browser's own format"),
    ("st.toggle('t', wrap=True)", "one line"),
    ("st.status('s', type='compact')", "one style"),
    ("st.fragment(lambda: None, parallel=True)", "one after the other"),
    ("st.cache_resource(lambda: 1, on_release=print)", "release function"),
    ("st.cache_data(lambda: 1, scope='session')", "one session"),
    ("st.cache_data(lambda: 1, max_size='1GB')", "by count"),
    ("st.cache_data(lambda: 1, refresh_mode='background')", "foreground"),
    ("st.form_submit_button('Go', shortcut='Enter')", "keyboard shortcuts"),
])
def test_each_parameter_nbstate_cannot_honour_warns_with_its_reason(call, reason):
    src = f"import nbstate as st\nwith st.form('f'):\n    {call}\n    st.form_submit_button('ok')"
    at = AppTest.from_string(src)
    with pytest.warns(IgnoredParameterWarning, match=reason):
        at.run()
    assert at.exception.len == 0


def test_email_and_url_inputs_check_their_format_unless_told_not_to():
    at = app("st.text_input('Mail', key='m', type='email')\n"
             "st.text_input('Site', key='u', type='url')\n"
             "st.text_input('Any', key='a', type='email', validate='')")
    at.text_input("m").input("not an address").run()
    assert "Enter an email address." in at.warning[0].value and at.session_state.m == ""
    at.text_input("m").input("ada@example.org")
    at.text_input("u").input("https://example.org")
    at.text_input("a").input("whatever").run()
    assert (at.session_state.m, at.session_state.u, at.session_state.a) == (
        "ada@example.org", "https://example.org", "whatever")
