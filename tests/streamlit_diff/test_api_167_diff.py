"""Streamlit 1.67's return values and parameters, run through Streamlit's AppTest and
nbstate's with the same script: element handles replace their element, st.help (and st.write
or magic of functions, classes, dataclasses, modules), the selection state of charts with
``on_select``, and the newer parameters of layout, display and widgets."""

from __future__ import annotations

import pytest

pytest.importorskip("streamlit")
pytestmark = pytest.mark.streamlit


def values(at, kind: str) -> list:
    return [e.value for e in at.get(kind)]


def test_handles_replace_their_element(pair):
    p = pair("""
        h = st.empty()
        h.text("a")
        h.text("b")
        st.text("gone").empty()
        bar = st.progress(0, text="start")
        bar.progress(50, text="half")
        t = st.toast("saving")
        t.toast("saved")
        m = st.markdown("first")
        m.markdown("second")
        st.sidebar.text("s1").text("s2")
        st.text("x").metric("Users", 10)
    """).run()
    p.assert_agree()
    for kind in ("text", "progress", "toast", "markdown", "metric"):
        assert values(p.nb, kind) == values(p.st, kind), kind
    assert values(p.nb.sidebar, "text") == values(p.st.sidebar, "text") == ["s2"]
    assert [x.text for x in p.nb.progress] == [x.text for x in p.st.get("progress")]


def test_help_of_objects_written_shown_by_magic_or_asked_for(pair):
    p = pair('''
        import dataclasses, json as jsonmod
        @dataclasses.dataclass
        class Point:
            """A point."""
            x: int
            y: int = 0
        def area(w: int, h: int = 1) -> int:
            """The area."""
            return w * h
        class Thing:
            "A thing."
        st.write(Point(1, 2))
        st.write(Point)
        st.write(area)
        st.write(jsonmod)
        area
        st.write(Thing())
        st.help(len)
        st.help("text")
    ''').run()
    p.assert_agree()
    ours = [(h.name, h.value, h.doc_string) for h in p.nb.get("help")]
    theirs = [(h.name, h.value, h.doc_string) for h in p.st.get("help")]
    assert ours == theirs
    assert [h.obj_type for h in p.nb.get("help")] == [h.proto.type for h in p.st.get("help")]


def test_chart_selection_state(pair):
    pytest.importorskip("altair")
    p = pair("""
        import altair as alt, pandas as pd
        df = pd.DataFrame({"a": [1, 2], "b": [3, 4]})
        c = alt.Chart(df).mark_point().encode(x="a", y="b").add_params(
            alt.selection_point(name="pick"))
        event = st.altair_chart(c, on_select="rerun", key="sel")
        st.write(sorted(event.selection), "selection" in event)
        st.write(dict(st.session_state.sel.selection))
        plain = st.vega_lite_chart(df, {"mark": "bar", "encoding": {"x": {"field": "a"}}})
        st.write(type(plain).__name__ != "dict")
    """).run()
    p.assert_agree()


def test_chart_selection_modes_and_the_plotly_state(pair):
    pytest.importorskip("altair")
    pytest.importorskip("plotly")
    p = pair("""
        import altair as alt, pandas as pd, plotly.express as px
        df = pd.DataFrame({"a": [1, 2], "b": [3, 4]})
        c = alt.Chart(df).mark_point().encode(x="a", y="b").add_params(
            alt.selection_point(name="pick"), alt.selection_interval(name="brush"))
        e = st.altair_chart(c, on_select="rerun", key="sel", selection_mode=["brush"])
        st.write(dict(e.selection), dict(st.session_state.sel))
        f = st.plotly_chart(px.scatter(df, x="a", y="b"), on_select="rerun", key="pl")
        st.write(dict(f.selection), sorted(f))
        for bad in ({}, {"selection_mode": "nope"}):
            try:
                st.altair_chart(c if bad else alt.Chart(df).mark_point(), on_select="rerun",
                                key=f"bad{len(bad)}", **bad)
            except Exception:
                st.write("refused", sorted(bad))
    """).run()
    p.assert_agree()


def test_simple_charts_take_arrays_lists_dicts_and_series(pair):
    pytest.importorskip("altair")
    p = pair("""
        import numpy as np, pandas as pd
        st.bar_chart(np.array([[1, 2], [3, 4]]), horizontal=True, sort=False, stack=False)
        st.line_chart([1, 2, 3], x_label="step", y_label="value", width=300, height=200)
        st.area_chart({"a": [1, 2], "b": [2, 1]}, stack="normalize")
        st.scatter_chart(pd.Series([1, 3, 2], name="s"), use_container_width=True)
        st.write("ok")
    """).run()
    p.assert_agree()


def test_layout_and_display_parameters_of_1_67(pair):
    p = pair("""
        with st.container(horizontal=True, horizontal_alignment="distribute", gap="small",
                          key="row", border=True, height=300):
            st.text("left", text_alignment="center", wrap=False)
            st.markdown("right", width=200)
        a, b = st.tabs(["A", "B"], default="B")
        with st.expander("More", type="default"):
            st.header("Inside", icon="📈")
        st.metric("Users", 10, 2, icon="👤", chart_data=[1, 2, 3], delta_description="new")
        st.metric("Revenue", 1234.567, -5, format="dollar", delta_arrow="down")
        st.table({"a": [1, 2]}, hide_index=True, hide_header=True, border="horizontal")
        st.info("Body", title="Heads up")
        st.write(st.container(key="x") is not None)
    """).run()
    p.assert_agree()
    assert values(p.nb, "metric") == values(p.st, "metric")


@pytest.mark.parametrize("call", [
    'st.container(horizontal_alignment="middle")',
    'st.container(wrap=False)',
    'st.text("x", text_alignment="middle")',
    'st.checkbox("x", on_change="later")',
    'st.metric("x", 1, chart_data=[1, "a"])',
    'st.tabs(["a"], default="b")',
])
def test_bad_new_arguments_fail_in_both(pair, call):
    p = pair(f"st.write('before')\n{call}\nst.write('after')").run()
    assert p.nb.exception.len == 1 and len(p.st.exception) == 1
    assert p.nb.markdown.values == p.st.markdown.values == ["before"]


def test_widgets_take_their_newer_parameters(pair):
    p = pair("""
        a = st.checkbox("c", True, key="c", on_change="ignore", wrap=True)
        b = st.selectbox("s", ["x", "y"], key="s", filter_mode="contains", icon="🔎",
                         required=True)
        c = st.multiselect("m", ["x", "y"], ["y"], key="m", select_all=False)
        d = st.text_input("t", "hi", key="t", type="email", live=True, required=True)
        e = st.time_input("ti", None, key="ti", format="12h")
        f = st.pills("p", ["x", "y"], default="x", key="p", required=True)
        g = st.number_input("n", 0, 10, 3, key="n", required=True)
        st.write(a, b, c, d, e, f, g)
        st.button("go", icon="➡️", icon_position="right", key="go")
    """)
    p.run()
    p.assert_agree()
    p.step(lambda at: at.checkbox("c").uncheck())
    p.step(lambda at: at.text_input("t").input("a@b.c"))
    p.step(lambda at: at.button("go").click())
    p.assert_agree()


def test_tracked_tabs_and_expanders(pair):
    p = pair("""
        a, b = st.tabs(["A", "B"], key="t", on_change="rerun")
        if a.open:
            a.write("content of A")
        if b.open:
            b.write("content of B")
        with st.expander("More", True, key="e", on_change="rerun") as e:
            st.write("expander open", e.open)
        with st.popover("Menu", key="p", on_change="rerun") as pop:
            st.write("popover open", pop.open)
        u, v = st.tabs(["U", "V"])
        st.write("untracked", u.open)
    """).run()
    p.assert_agree()
    p.set_state("t", "B").set_state("e", False).run()
    p.assert_agree()
