"""Charts under AppTest (issue 12 and issue 10's chart selections): Streamlit 1.67's default
widths and heights reach the spec, and ``on_select`` makes an Altair/Vega-Lite chart return
Streamlit's selection object, which a selection (``set_value``) changes, with a rerun, the
callback and the key in session state."""

from __future__ import annotations

import json

import pytest

from nbstate.testing import AppTest

pytest.importorskip("altair")

HEAD = """import nbstate as st
import altair as alt
import pandas as pd
df = pd.DataFrame({"x": [1, 2, 3], "y": [3, 1, 4], "name": ["a", "b", "c"]})
base = alt.Chart(df).mark_circle().encode(x="x:Q", y="y:Q")
"""


def app(body: str) -> AppTest:
    return AppTest.from_string(HEAD + body, default_timeout=30).run()


def specs(at: AppTest) -> list[dict]:
    return [json.loads(c.spec) for c in at.chart]


def test_default_sizes_are_streamlits():
    at = app("""
st.line_chart(df, x="x", y="y")
st.altair_chart(base)
st.altair_chart(base | base)
st.altair_chart(base, use_container_width=False)
st.altair_chart(base, width=320, height=200)
st.bar_chart(df, x="name", y="y", width="content", height=250)
""")
    assert not at.exception
    line, alone, hconcat, narrow, fixed, bar = specs(at)
    assert line["width"] == alone["width"] == "container"  # width="stretch" by default
    assert "width" not in hconcat  # Streamlit: "content" for hconcat, facet and repeat
    assert "width" not in narrow
    assert (fixed["width"], fixed["height"]) == (320, 200)
    assert "width" not in bar and bar["height"] == 250
    assert [c.fill for c in at.chart] == [True, True, False, False, False, False]
    assert at.chart[4].pixel_height == 200 and at.chart[5].pixel_height == 250


SELECT = """
calls = st.session_state.setdefault("calls", [])
pick = alt.selection_point(name="pick")
brush = alt.selection_interval(name="brush")
event = st.altair_chart(base.add_params(pick, brush), key="sel",
                        on_select=lambda: calls.append(dict(st.session_state.sel.selection)))
st.write(f"pick={event.selection.get('pick')} brush={event['selection'].get('brush')}")
"""


def test_a_selection_returns_streamlits_selection_object_and_runs_the_callback():
    at = app(SELECT)
    assert not at.exception
    assert at.session_state.sel == {"selection": {"brush": {}, "pick": {}}}
    assert at.markdown.values == ["pick={} brush={}"]
    at.chart[0].set_value({"selection": {"pick": [{"x": 3, "y": 4}]}}).run()
    # as Streamlit's frontend sends it: the parameters selected so far
    assert at.markdown.values == ["pick=[{'x': 3, 'y': 4}] brush=None"]
    assert at.session_state.calls == [{"pick": [{"x": 3, "y": 4}]}]
    state = at.session_state.sel
    assert state.selection.pick == [{"x": 3, "y": 4}]  # attributes, as Streamlit's
    # an interval: {field: [low, high]}; the parameters' names alone are accepted too
    at.chart[0].set_value({"brush": {"x": [1, 2], "y": [0, 5]}}).run()
    assert at.session_state.sel.selection.brush == {"x": [1, 2], "y": [0, 5]}
    assert len(at.session_state.calls) == 2


def test_the_selection_object_is_read_only_and_its_key_cannot_be_set():
    at = app(SELECT + """
try:
    event.selection["pick"] = 1
except Exception as e:
    st.text(type(e).__name__)
""")
    assert at.text.values == ["NbstateAPIException"]
    at.session_state.sel = {"selection": {}}
    at.run()
    assert at.exception and "sel" in at.exception[0].message


def test_a_selection_that_does_not_fit_the_chart_is_refused():
    at = app(SELECT)
    at.chart[0].set_value({"selection": {"nope": []}}).run()
    assert "no selection parameter 'nope'" in at.warning[0].value
    assert at.session_state.sel == {"selection": {"brush": {}, "pick": {}}}
    assert at.session_state.calls == []


def test_selection_mode_picks_the_parameters_and_checks_them():
    at = app("""
pick = alt.selection_point(name="pick")
brush = alt.selection_interval(name="brush")
e = st.altair_chart(base.add_params(pick, brush), on_select="rerun", selection_mode="pick")
st.write(sorted(e.selection))
""")
    assert at.chart[0].selection_mode == ["pick"]
    assert at.json.values == ['["pick"]']
    # a point selection without fields reports its points' values (encodings added)
    params = {p["name"]: p for p in json.loads(at.chart[0].spec)["params"]}
    assert params["pick"]["select"] == {"type": "point", "encodings": ["x", "y"]}
    at = app("st.altair_chart(base, on_select='rerun')")
    assert "does not have any selection parameters" in at.exception[0].message
    at = app("st.altair_chart(base.add_params(alt.selection_point(name='p')), "
             "on_select='rerun', selection_mode=['q'])")
    assert "'q' is not defined" in at.exception[0].message


def test_vega_lite_chart_selections_and_a_keyless_chart():
    at = app("""
spec = {"mark": "bar", "params": [{"name": "bars", "select": {"type": "point",
        "fields": ["name"]}}],
        "encoding": {"x": {"field": "name", "type": "nominal"},
                     "y": {"field": "y", "type": "quantitative"}}}
e = st.vega_lite_chart(df, spec, on_select="rerun")
st.write(f"bars: {e.selection.bars}")
""")
    assert at.markdown.values == ["bars: {}"]
    at.chart[0].set_value({"selection": {"bars": [{"name": "b"}]}}).run()
    assert at.markdown.values == ["bars: [{'name': 'b'}]"]
    assert json.loads(at.chart[0].spec)["params"][0]["select"] == {
        "type": "point", "fields": ["name"]}  # the user's fields stay


def test_plotly_chart_selections_are_streamlits_plotly_state():
    pytest.importorskip("plotly")
    at = AppTest.from_string("""import nbstate as st
import plotly.express as px
fig = px.scatter(x=[1, 2, 3], y=[3, 1, 2])
e = st.plotly_chart(fig, on_select="rerun", key="pts", selection_mode=("points", "box"))
st.write(f"indices: {e.selection.point_indices}")
st.plotly_chart(fig, use_container_width=False, height=300)
""", default_timeout=30).run()
    assert not at.exception
    assert at.session_state.pts == {"selection": {"points": [], "point_indices": [],
                                                  "box": [], "lasso": []}}
    assert at.chart[0].selection_mode == ["box", "points"]
    assert [c.fill for c in at.chart] == [True, False] and at.chart[1].pixel_height == 300
    box = {"xref": "x", "yref": "y", "x": [0.5, 2.5], "y": [0, 4]}
    at.chart[0].set_value({"selection": {"points": [{"x": 1, "y": 3, "point_index": 0}],
                                         "point_indices": [0], "box": [box]}}).run()
    assert at.markdown.values == ["indices: [0]"]
    assert at.session_state.pts.selection.box == [box]
    assert at.session_state.pts.selection.lasso == []
    at = AppTest.from_string("import nbstate as st\nst.plotly_chart({}, on_select='rerun', "
                             "selection_mode='circle')", default_timeout=30).run()
    assert "selection_mode" in at.exception[0].message


def test_theme_is_streamlits_or_vega_lites_own():
    at = app("""
st.altair_chart(base)
st.altair_chart(base, theme=None)
st.vega_lite_chart(df, {"mark": "bar"}, theme=None, on_select="ignore")
""")
    assert [c.theme for c in at.chart] == ["streamlit", None, None]
    at = app("st.altair_chart(base, theme='dark')")
    assert "theme must be 'streamlit' or None" in at.exception[0].message


def test_plotly_theme_streamlit_colours_the_figure_and_none_leaves_it():
    pytest.importorskip("plotly")
    src = """
import plotly.graph_objects as go
import nbstate as st
fig = go.Figure(go.Bar(x=[1, 2], y=[3, 4]))
st.plotly_chart(fig, key="a")
st.plotly_chart(fig, theme=None, key="b")
own = go.Figure(go.Bar(x=[1], y=[1]), layout={"colorway": ["#123456"]})
st.plotly_chart(own, key="c")
"""
    at = AppTest.from_string(src).run()
    themed, plain, own = (json.loads(c._el.props["spec"])["layout"] for c in at.chart)
    assert themed["colorway"][0] == "#0068c9" and themed["paper_bgcolor"] == "rgba(0,0,0,0)"
    assert "colorway" not in plain
    assert own["colorway"] == ["#123456"]  # the figure's own layout wins
    bad = AppTest.from_string(
        "import plotly.graph_objects as go\nimport nbstate as st\n"
        "st.plotly_chart(go.Figure(), theme='dark')").run()
    assert 'theme="dark"' in bad.exception[0].value


def test_a_missing_chart_library_is_named_and_a_broken_one_shows_its_own_error(
        monkeypatch, tmp_path):
    import sys

    for name in [m for m in sys.modules if m == "altair" or m.startswith("altair.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "altair", None)  # not installed
    at = AppTest.from_string("import nbstate as st\nst.line_chart([1, 2])").run()
    assert at.exception[0].type == "MissingDependencyError"
    assert "pip install altair" in at.exception[0].message
    # installed, but what it imports is missing: that is what the app shows, not "install
    # altair" (which is there)
    (tmp_path / "altair").mkdir()
    (tmp_path / "altair" / "__init__.py").write_text("import nbstate_no_such_dependency\n")
    monkeypatch.delitem(sys.modules, "altair")
    monkeypatch.syspath_prepend(str(tmp_path))
    at = AppTest.from_string("import nbstate as st\nst.line_chart([1, 2])").run()
    assert at.exception[0].type == "ModuleNotFoundError"
    assert "nbstate_no_such_dependency" in at.exception[0].message
