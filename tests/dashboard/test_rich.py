"""metric, progress, spinner, status, toast, latex, image, dataframe/table, charts."""

import pytest

from nbstate.testing import AppTest


def app(src):
    return AppTest.from_string("import nbstate as st\n" + src).run()


@pytest.mark.parametrize("delta,color_arg,color", [
    (5, "normal", "green"), (-5, "normal", "red"), ("-3%", "normal", "red"),
    ("+3%", "inverse", "red"), (-1, "inverse", "green"), (5, "off", "gray"), (None, "normal", "gray"),
])
def test_metric_delta_colours(delta, color_arg, color):
    at = app(f"st.metric('Sales', 120, {delta!r}, delta_color={color_arg!r})")
    m = at.metric[0]
    # (Streamlit's AppTest gives the colour as its message's enum: red 0, green 1, gray 2)
    assert (m.label, m.value, m.color) == ("Sales", "120", {"red": 0, "green": 1, "gray": 2}[color])


def test_metric_bad_delta_color():
    at = app("st.metric('x', 1, 1, delta_color='purple')")
    assert "delta_color" in at.exception[0].message


def test_progress_values_and_updates():
    at = app("""
bar = st.progress(10, text="start")
bar.progress(0.5, text="half")
""")
    assert at.progress[0].value == 50 and at.progress[0].text == "half"
    at = app("st.progress(150)")
    assert "between 0 and 100" in at.exception[0].message


def test_spinner_is_gone_after_its_block_and_status_completes():
    at = app("""
with st.spinner("working"):
    x = 1
with st.status("Downloading") as s:
    st.write("step 1")
""")
    assert len(at.spinner) == 0
    assert at.status[0].state == "complete"
    assert at.status[0].markdown[0].value == "step 1"


def test_status_error_state_when_block_raises():
    at = app("""
with st.status("Work"):
    raise ValueError("boom")
""")
    assert at.status[0].state == "error"
    assert at.exception[0].type == "ValueError"


def test_toast_latex_image():
    at = app("""
st.toast("Saved", icon="✅")
st.latex(r"a^2+b^2=c^2")
st.image(b"\\x89PNG\\r\\n\\x1a\\nfake", caption="cap")
""")
    assert at.toast[0].value == "Saved"
    assert at.latex[0].value == "$$\na^2+b^2=c^2\n$$"  # as Streamlit's AppTest shows it
    assert at.latex[0].body == at.latex[0].value  # its message's body, as in Streamlit's
    assert at.image[0].captions == ["cap"]
    assert at.image[0].value[0].startswith("data:image/png;base64,")


def test_image_missing_file_names_it():
    at = app("st.image('/no/such/file.png')")
    assert "/no/such/file.png" in at.exception[0].message


def test_dataframe_and_table_from_pandas_and_records():
    pytest.importorskip("pandas")
    at = app("""
import pandas as pd
df = pd.DataFrame({"a": [3, 1], "b": ["x", "y"]}, index=["r1", "r2"])
st.dataframe(df)
st.table([{"a": 1, "b": 2}, {"a": 3, "b": 4}])
st.write(df)
""")
    d = at.dataframe[0].value  # the DataFrame, as in Streamlit's AppTest
    assert list(d.columns) == ["a", "b"] and list(d.index) == ["r1", "r2"]
    assert d.values.tolist() == [[3, "x"], [1, "y"]]
    assert at.table[0].rows == [[1, 2], [3, 4]]
    assert len(at.dataframe) == 2  # st.write(DataFrame) is a dataframe


def test_charts_carry_a_vega_lite_spec():
    pytest.importorskip("altair")
    pytest.importorskip("pandas")
    at = app("""
import pandas as pd
df = pd.DataFrame({"day": [1, 2, 3], "sales": [5, 7, 6]})
st.line_chart(df, x="day", y="sales")
st.bar_chart(df, x="day", y="sales")
""")
    import json
    specs = [json.loads(c.spec) for c in at.chart]
    assert [s["mark"]["type"] if isinstance(s["mark"], dict) else s["mark"] for s in specs] == ["line", "bar"]


def test_missing_optional_library_is_named(monkeypatch):
    import sys

    # plotly not installed (None in sys.modules makes its import fail, installed or not)
    for name in [m for m in sys.modules if m == "plotly" or m.startswith("plotly.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "plotly", None)
    monkeypatch.setitem(sys.modules, "plotly.graph_objects", None)
    at = app("st.plotly_chart({})")
    assert "pip install plotly" in at.exception[0].message
