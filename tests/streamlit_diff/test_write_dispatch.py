"""``st.write`` shows each object as Streamlit's does (streamlit/elements/write.py): one script
runs in Streamlit's ``AppTest`` and nbstate's, and each written object must give the same
node types (and the same Markdown, JSON and exceptions) in both, in the same order."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("streamlit")
pytestmark = pytest.mark.streamlit

SETUP = """
import collections, dataclasses, io, json, sqlite3, types
import numpy as np
import pandas as pd
import pyarrow as pa
import altair as alt
import plotly.graph_objects as go
from PIL import Image
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

df = pd.DataFrame({"a": [1, 2], "b": [3, 4]})
chart = alt.Chart(df).mark_point().encode(x="a", y="b")
png = io.BytesIO()
Image.new("RGB", (4, 4), "red").save(png, "PNG")
png.seek(0)
fig, ax = plt.subplots()
ax.plot([1, 2])
cursor = sqlite3.connect(":memory:").execute("select 1 as a, 2 as b")
Pair = collections.namedtuple("Pair", "a b")

@dataclasses.dataclass
class Point:
    x: int = 1

class Plain:
    pass

class Fancy:
    def _repr_html_(self):
        return "<b>fancy</b>"

class Convertible:
    def to_pandas(self):
        return df

def f(x):
    return x

def words():
    yield "Hello "
    yield "world"

async def async_words():
    yield "async "
    yield "words"

def mixed():
    yield "text"
    yield {"k": 1}
"""

def kinds(at: Any, streamlit: bool) -> list[str]:
    """The types of the main area's nodes, by Streamlit's names. (nbstate's AppTest gives an
    exception node its class name as ``.type``, as for ``at.exception``; its
    ``element_type`` is "exception".)"""
    if streamlit:
        return [n.type for n in at.main.children.values()]
    return ["exception" if n.element_type == "exception" else n.type
            for n in at.main.children.values()]


def written(pair: Any, args: str, setup: str = "") -> list[str]:
    """Run ``st.write(args)`` in both apps; the node types both show (they must agree, with
    the same Markdown, JSON and exceptions)."""
    both = pair(SETUP + setup + f"st.write({args})\n", timeout=30).run()
    assert kinds(both.nb, False) == kinds(both.st, True)
    both.assert_agree(widgets=False)
    return kinds(both.nb, False)


@pytest.mark.parametrize("args, shown", [
    # charts
    ("go.Figure(go.Bar(y=[2, 3, 1]))", ["plotly_chart"]),
    ("[go.Scatter(y=[1, 2]), go.Bar(y=[3])]", ["plotly_chart"]),  # a list of traces
    ('{"data": [go.Bar(y=[1])], "layout": {}}', ["plotly_chart"]),  # a figure dict
    ("chart", ["vega_lite_chart"]),
    ("chart | chart", ["vega_lite_chart"]),  # any Altair chart kind
    ("fig", ["image"]),  # matplotlib, by st.pyplot
    # dataframe-like
    ("np.array([1, 2, 3])", ["dataframe"]),
    ("np.array([[1, 2], [3, 4]])", ["dataframe"]),
    ("pd.Series([1, 2])", ["dataframe"]),
    ("pd.Index([1, 2])", ["dataframe"]),
    ("df.style", ["dataframe"]),
    ("pd.array([1, 2])", ["dataframe"]),
    ("pa.table({'a': [1]})", ["dataframe"]),
    ("pa.array([1, 2])", ["dataframe"]),
    ('{"a": pd.Series([1, 2])}', ["dataframe"]),  # a dict of Series is a frame
    ("cursor", ["dataframe"]),  # a DB API cursor
    ("Convertible()", ["dataframe"]),  # anything with to_pandas()
    ("np.zeros((1, 1, 1))", ["exception"]),  # a 3-D array: st.dataframe's error
    # images
    ('Image.new("RGB", (4, 4))', ["image"]),
    ("Image.open(png)", ["image"]),
    # JSON
    ('{"a": 1, "b": [2, None]}', ["json"]),
    ("[1, 2]", ["json"]),
    ("Pair(1, 2)", ["json"]),
    ("collections.UserDict(a=1)", ["json"]),
    ("collections.ChainMap({'a': 1})", ["json"]),
    ("collections.UserList([1])", ["json"]),
    ("types.MappingProxyType({'a': 1})", ["json"]),
    ('{"a": 1}.items()', ["json"]),
    ("st.query_params", ["json"]),
    # exceptions (Exception only: other BaseExceptions are text)
    ('ValueError("boom")', ["exception"]),
    ("KeyboardInterrupt()", ["markdown"]),
    # st.help
    ("f", ["help_info"]),
    ("json", ["help_info"]),  # a module
    ("Plain", ["help_info"]),  # a class
    ("Point()", ["help_info"]),  # a dataclass
    ("Point", ["help_info"]),
    ("Plain()", ["help_info"]),  # its str() only names its type and address
    ("Fancy()", ["help_info"]),  # _repr_html_ without unsafe_allow_html
    ("st.sidebar", ["help_info"]),
    # streams: st.write_stream
    ("words()", ["markdown"]),
    ("words", ["markdown"]),
    ("async_words()", ["markdown"]),
    ("st.write_stream(mixed)", ["markdown", "json", "markdown", "json"]),
    # text
    ('io.StringIO("*from* a buffer")', ["markdown"]),
    ("3.5", ["markdown"]),
    ("(1, 2)", ["markdown"]),
    ('"multi\\nline", range(3)', ["markdown"]),
    # several arguments: consecutive text is one Markdown
    ('"a", df, "b"', ["markdown", "dataframe", "markdown"]),
    ('"total:", 42, [1], "end"', ["markdown", "json", "markdown"]),
    ('"see", go.Figure(), np.arange(3), Image.new("L", (2, 2))',
     ["markdown", "plotly_chart", "dataframe", "image"]),
    # _repr_html_ with unsafe_allow_html: st.html (Streamlit writes the text before it after)
    ("Fancy(), unsafe_allow_html=True", ["html"]),
    ('"a", Fancy(), "b", unsafe_allow_html=True', ["html", "markdown"]),
    ("df, unsafe_allow_html=True", ["dataframe"]),  # a frame's _repr_html_ is not used
])
def test_write_shows_each_object_as_streamlit(pair, args, shown):
    assert written(pair, args) == shown


def test_write_shows_polars_frames_and_series_as_dataframes(pair):
    pytest.importorskip("polars")
    assert written(pair, 'pl.DataFrame({"a": [1]}), pl.Series([1, 2])',
                   "import polars as pl\n") == ["dataframe", "dataframe"]


@pytest.mark.filterwarnings("ignore:Could not serialize pd.DataFrame.attrs")  # (Streamlit's)
@pytest.mark.parametrize("args", [
    "pl.DataFrame({'a': [1, 2]}).lazy()",  # its first rows
    "pa.table({'a': [1, 2]}).__dataframe__()",  # the dataframe interchange protocol
])
def test_lazy_frames_and_interchange_objects_are_dataframes(pair, args):
    pytest.importorskip("polars")
    both = pair(SETUP + f"import polars as pl\nst.write({args})\n", timeout=30).run()
    assert kinds(both.st, True) == kinds(both.nb, False) == ["dataframe"]
    assert both.nb.dataframe[0].value["a"].tolist() == both.st.dataframe[0].value[
        "a"].tolist() == [1, 2]


@pytest.mark.parametrize("body, refused", [
    ('st.container().write("a", 1)', True),
    ('st.empty().write("a", 1)', True),
    ('c1, c2 = st.columns(2)\nc1.write("a", 1)', True),
    ('st.expander("e").write("a", 1)', True),
    ('h = st.text("t")\nh.write("a", 1)', True),
    ('with st.container():\n    st.write("a", 1)', False),
    ('with st.empty():\n    st.write("a", 1)', False),
    ('st.sidebar.write("a", 1)', False),
    ('st.container().write("one")', False),
])
def test_several_arguments_written_into_one_element_are_refused(body, refused):
    from streamlit.testing.v1 import AppTest as StAppTest

    from nbstate.testing import AppTest as NbAppTest

    theirs = StAppTest.from_string("import streamlit as st\n" + body).run()
    ours = NbAppTest.from_string("import nbstate as st\n" + body).run()
    for at in (ours, theirs):
        messages = [e.value for e in at.exception]
        assert bool(messages) == refused, messages
        if refused:
            assert messages[0].startswith("Cannot replace a single element with multiple")
