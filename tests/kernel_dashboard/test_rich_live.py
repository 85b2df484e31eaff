"""Rich output in a live kernel: tables, metrics, images, charts, progress, status, latex,
toast. Each shows in the app's output as the browser receives it, and a chart that changes is
updated in place without touching the rest of the app."""

from __future__ import annotations

import base64
import json


def html_of(root) -> str:
    return "\n".join(str(m.get("value", "")) for m in root.walk()
                     if m.name in ("HTML", "HTMLMath") and not m.closed)


def toasts_of(root) -> list:
    """The app's toasts (``look.Toast`` models: the browser floats them in the window)."""
    return [m for m in root.walk() if "uid" in m.state and "duration" in m.state
            and not m.closed]


def outputs_of(root) -> list[dict]:
    """The display data of every Output model in the app, in order."""
    return [o["data"] for m in root.walk() if m.name == "Output" and not m.closed
            for o in m.get("outputs", ())]


def test_dataframe_and_table_show_columns_index_and_rows(kernel, app):
    root = app("""
    df = pd.DataFrame({"city": ["Oslo", "Lima", "Pune"], "temp": [3.5, 19.25, 31.0]},
                      index=pd.Index(["n", "s", "e"], name="code"))
    st.dataframe(df)
    st.table([{"name": "Ada", "age": 36}, {"name": "Alan", "age": 41}])
    """)
    grid = next(m for m in root.walk() if "nrows" in m.state)  # the dataframe's grid
    assert [c["label"] for c in grid["columns"]] == ["code", "city", "temp"]
    reply = kernel.custom(grid, {"type": "window", "seq": 1, "r0": 0, "r1": 3,
                                 "cols": [0, 1, 2], "sort": None})
    assert reply["cells"] == [["n", "Oslo", "3.5"], ["s", "Lima", "19.25"], ["e", "Pune", "31"]]
    html = html_of(root)
    table = html[html.index("nbstate-table"):]
    assert "<th" in table and ">0</th>" in table and ">1</th>" in table  # the index shows
    for cell in ("name", "age", "Ada", "36", "Alan", "41"):
        assert f">{cell}<" in table


def test_metric_shows_value_delta_arrow_and_colour(kernel, app):
    root = app("""
    st.metric("Temperature", "21 °C", "-1.5 °C")
    st.metric("Revenue", 1200, 80)
    st.metric("Errors", 7, 3, delta_color="inverse")
    st.metric("Flat", 5, 0)
    st.metric("Off", 5, -2, delta_color="off")
    """)
    metrics = [m["value"] for m in root.walk() if "nbstate-metric" in str(m.get("value", ""))]
    assert len(metrics) == 5
    temp, revenue, errors, flat, off = metrics
    assert "21 °C" in temp and "-1.5 °C" in temp
    assert 'data-color="red"' in temp and "&#8595;" in temp  # down, normal colours: red
    assert 'data-color="green"' in revenue and "&#8593;" in revenue and "1200" in revenue
    assert 'data-color="red"' in errors and "&#8593;" in errors  # up is bad here
    assert 'data-color="gray"' in flat
    assert 'data-color="gray"' in off and "&#8595;" in off


def test_images_from_arrays_pil_bytes_and_paths(kernel, app, tmp_path):
    kernel.execute(
        "from PIL import Image\n"
        "import io\n"
        "_buf = io.BytesIO(); Image.new('RGB', (2, 2), 'red').save(_buf, format='PNG')\n"
        "png_bytes = _buf.getvalue()\n"
        "open('dot.png', 'wb').write(png_bytes)")
    root = app("""
    st.image(np.zeros((3, 3)), caption="array")
    st.image(Image.new("RGB", (4, 4), "blue"), caption="pil", width=120)
    st.image(png_bytes, caption="bytes")
    st.image("dot.png", caption="path", use_container_width=True)
    """)
    images = [m["value"] for m in root.walk() if "nbstate-image" in str(m.get("value", ""))]
    assert len(images) == 4
    assert "; width: 100%" in images[3] and "; width: 100%" not in images[0]
    for html, cap in zip(images, ["array", "pil", "bytes", "path"]):
        assert 'src="data:image/png;base64,' in html and cap in html
        data = html.split("base64,", 1)[1].split('"', 1)[0]
        assert base64.b64decode(data)[:8] == b"\x89PNG\r\n\x1a\n"
    assert "width: 120px" in images[1]


def test_a_list_of_images_is_one_element_side_by_side(kernel, app):
    root = app("""
    st.image([np.zeros((3, 3)), np.ones((3, 3))], caption=["dark", "light"],
             alt=["a dark square", None])
    """)
    [html] = [m["value"] for m in root.walk() if "nbstate-image" in str(m.get("value", ""))]
    assert 'class="nbstate-images" style="display: flex; flex-wrap: wrap;' in html
    assert html.count('class="nbstate-image"') == 2
    assert html.index("dark</div>") < html.index("light</div>")
    assert html.count(" alt=") == 1 and 'alt="a dark square"' in html


def test_charts_show_as_vega_lite_and_plotly_outputs(kernel, app):
    root = app("""
    import altair as alt
    import plotly.graph_objects as go
    import matplotlib.pyplot as plt
    data = pd.DataFrame({"a": [1, 4, 2], "b": [3, 1, 5]})
    st.line_chart(data)
    st.bar_chart(data, y="a")
    st.area_chart(data)
    st.scatter_chart(data, x="a", y="b")
    st.altair_chart(alt.Chart(data).mark_point().encode(x="a", y="b"))
    st.plotly_chart(go.Figure(go.Bar(y=[2, 3, 1])))
    fig, ax = plt.subplots()
    ax.plot([1, 2, 3])
    st.pyplot(fig)
    """)
    # nbstate's chart widgets (vega-embed, plotly.js): the spec travels as JSON text
    charts = [m for m in root.walk() if "selection_mode" in m.state]
    vega = [json.loads(m["spec"]) for m in charts if "spec" in m.state]
    assert [s["mark"]["type"] if isinstance(s["mark"], dict) else s["mark"] for s in vega] == [
        "line", "bar", "area", "circle", "point"]
    for spec in vega:  # the data travels with the spec: no network, no files
        assert any(isinstance(v, list) and v for v in spec.get("datasets", {}).values())
    plotly = [json.loads(m["figure"]) for m in charts if "figure" in m.state]
    assert len(plotly) == 1
    assert plotly[0]["data"][0]["type"] == "bar"
    assert any("data:image/png;base64," in str(m.get("value", "")) for m in root.walk())


def test_write_shows_a_plotly_figure_as_a_chart_and_an_array_as_a_grid(kernel, app):
    root = app("""
    import plotly.graph_objects as go
    st.write("Sales:", go.Figure(go.Bar(y=[2, 3, 1])))
    st.write(np.array([[1, 2], [3, 4], [5, 6]]))
    """)
    html = html_of(root)
    assert "Sales:" in html and "Figure(" not in html and "[[1 2]" not in html  # no text
    charts = [m for m in root.walk() if "figure" in m.state and "selection_mode" in m.state]
    assert [json.loads(c["figure"])["data"][0]["type"] for c in charts] == ["bar"]
    grid = next(m for m in root.walk() if "nrows" in m.state)  # the array's dataframe
    assert grid["nrows"] == 3 and [c["label"] for c in grid["columns"]] == ["", "0", "1"]
    reply = kernel.custom(grid, {"type": "window", "seq": 1, "r0": 0, "r1": 3,
                                 "cols": [1, 2], "sort": None})
    assert reply["cells"] == [["1", "2"], ["3", "4"], ["5", "6"]]


def test_progress_status_latex_and_toast(kernel, app):
    root = app("""
    bar = st.progress(0, text="starting")
    bar.progress(65, text="most of it")
    with st.status("Crunching", expanded=True) as status:
        st.write("step one done")
        status.update(label="Crunched", state="complete")
    st.latex(r"e^{i\\pi} + 1 = 0")
    st.toast("Saved!", icon="✅")
    """)
    html = html_of(root)
    assert 'value="65"' in html and "most of it" in html and "starting" not in html
    status = next(m for m in root.walk() if "nbstate-status" in m.classes)
    assert status["titles"] == ["Crunched"]
    assert "nbstate-status-complete" in status.classes  # app.css draws its state's icon
    assert "step one done" in kernel.text(status)
    assert r"$$e^{i\pi} + 1 = 0$$" in html
    [toast] = toasts_of(root)  # a floating toast (look.Toast), not a line of the app's HTML
    assert "Saved!" in toast["body"] and toast["icon"] == "✅"


def test_a_changing_chart_is_updated_in_place_and_nothing_else_is(kernel, app, touched):
    root = app("""
    import altair as alt
    left, right = st.columns(2)
    n = left.slider("Points", 2, 20, 3, key="rich_points")
    right.metric("Static metric", 42)
    st.dataframe(pd.DataFrame({"x": range(5)}))
    st.checkbox("Unrelated", key="rich_unrelated")
    frame = pd.DataFrame({"x": range(n), "y": [i * i for i in range(n)]})
    st.altair_chart(alt.Chart(frame).mark_line().encode(x="x", y="y"))
    st.line_chart(frame, x="x", y="y")
    st.write("footer")
    """)
    charts = [m for m in root.walk() if "spec" in m.state and "selection_mode" in m.state]
    before = {m.comm_id for m in root.walk()}
    with kernel.updates_during() as ups:
        kernel.set(kernel.find(description="Points", within=root), 6)
    assert touched(ups, root) == charts  # only the two charts were sent, once each
    assert {m.comm_id for m in root.walk()} == before  # nothing was re-created
    for chart in charts:
        spec = json.loads(chart["spec"])
        [values] = [v for v in spec["datasets"].values()]
        assert len(values) == 6
    # a rerun that leaves the charts as they are sends them nothing
    with kernel.updates_during() as ups:
        kernel.set(kernel.find(description="Unrelated", within=root), True)
    assert touched(ups, root) == []


def test_a_large_dataframe_has_every_row_within_reach(kernel, app):
    root = app("""
    st.dataframe(pd.DataFrame({"n": range(5000)}))
    """)
    grid = next(m for m in root.walk() if "nrows" in m.state)
    assert grid["nrows"] == 5000
    reply = kernel.custom(grid, {"type": "window", "seq": 1, "r0": 4998, "r1": 5000,
                                 "cols": [1], "sort": None})
    assert reply["cells"] == [["4998"], ["4999"]]


def test_a_toast_fades_after_its_duration_and_each_run_shows_it_anew(kernel, app):
    root = app("""
    if st.button("Save", key="toast_save"):
        st.toast("Saved!", icon="✅")
    st.toast("Pinned", duration="infinite")
    st.toast("Quick", duration=2)
    st.toast("Quick", duration=2)
    """)
    pinned, quick, quick2 = toasts_of(root)
    assert pinned["duration"] == 0  # "infinite": it stays until closed
    assert quick["duration"] == 2
    assert quick["uid"] != quick2["uid"]  # the same text twice: two cards
    save = kernel.find(description="Save", within=root)
    kernel.click(save)
    saved = toasts_of(root)[0]
    assert "Saved!" in saved["body"] and saved["duration"] == 4  # "short": 4 s
    first_key = saved["key"]
    with kernel.updates_during() as ups:
        kernel.click(save)  # the same toast again: a new key, so the browser shows it anew
    sent = [u["state"] for u in ups if u["model"] is saved]
    assert any(s.get("key") not in (None, first_key) for s in sent), sent


def test_toast_on_its_handle_changes_the_card(kernel, app):
    root = app("""
    msg = st.toast("Gathering ingredients...")
    msg.toast("Ready!", icon="🥞")
    """)
    [toast] = toasts_of(root)
    assert "Ready!" in toast["body"] and toast["icon"] == "🥞"
