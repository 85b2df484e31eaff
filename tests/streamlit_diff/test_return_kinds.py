"""What each public ``st`` function returns, nbstate against Streamlit 1.67 (issue 10): the
same call runs in Streamlit's AppTest and in nbstate's, and the kind of the value it returns
must agree: ``None``, an element handle (Streamlit's DeltaGenerator: a handle whose ``st``
methods replace the element), a list of handles, a context manager, a callable, a selection
state, or a value of the same type.

``st.rerun``, ``st.stop`` and ``st.switch_page`` end the run (they never return) and are
left out; ``st.data_editor`` belongs to the data-grid work.
"""

from __future__ import annotations

import textwrap

import pytest

pytest.importorskip("streamlit")
pytestmark = pytest.mark.streamlit

PROBE = '''
import datetime as dt
import importlib

import numpy as np
import pandas as pd


def _kind(x):
    if x is None:
        return "None"
    if isinstance(x, (list, tuple)) and x and all(callable(getattr(i, "markdown", None))
                                                 for i in x):
        return "list[handle]"
    if callable(getattr(x, "markdown", None)):
        return "handle"
    if hasattr(x, "__enter__") and hasattr(x, "__exit__"):
        return "context manager"
    if callable(x):
        return "callable"
    if hasattr(x, "keys") and "selection" in x:
        return "selection state"
    return "value:" + type(x).__name__


def _probe(name, f):
    try:
        kind = _kind(f())
    except Exception:
        kind = "raises"
    st.session_state["_kinds"] = {**st.session_state.get("_kinds", {}), name: kind}


def v1():
    return importlib.import_module(st.__name__ + ".components.v1")


def altair():
    import altair as alt
    return alt.Chart(pd.DataFrame({"a": [1, 2]})).mark_point().encode(x="a")


def plotly():
    import plotly.graph_objects as go
    return go.Figure()
'''

#: name -> the call (in an app whose `st` is streamlit or nbstate)
CALLS = {
    "Page": "st.Page(lambda: None, title='p')",
    "altair_chart": "st.altair_chart(altair())",
    "altair_chart(on_select)": "st.altair_chart(altair().add_params(__import__('altair')"
                               ".selection_point()), on_select='rerun')",
    "area_chart": "st.area_chart([1, 2, 3])",
    "bar_chart": "st.bar_chart([1, 2, 3])",
    "line_chart": "st.line_chart([1, 2, 3])",
    "scatter_chart": "st.scatter_chart([1, 2, 3])",
    "audio": "st.audio(np.ones(100), sample_rate=8000)",
    "audio_input": "st.audio_input('rec')",
    "badge": "st.badge('new')",
    "balloons": "st.balloons()",
    "bottom.text": "st.bottom.text('x')",
    "button": "st.button('b')",
    "cache_data": "st.cache_data(lambda: 1)",
    "cache_resource": "st.cache_resource(lambda: 1)",
    "camera_input": "st.camera_input('cam')",
    "caption": "st.caption('c')",
    "chat_input": "st.chat_input('say')",
    "chat_message": "st.chat_message('user')",
    "checkbox": "st.checkbox('c')",
    "code": "st.code('x = 1')",
    "color_picker": "st.color_picker('c')",
    "columns": "st.columns(2)",
    "components.v1.html": "v1().html('<b>x</b>')",
    "components.v1.iframe": "v1().iframe('https://example.com')",
    "connection": "st.connection('sql', url='sqlite://')",
    "container": "st.container()",
    "container().columns": "st.container().columns(2)",
    "dataframe": "st.dataframe(pd.DataFrame({'a': [1]}))",
    "date_input": "st.date_input('d', dt.date(2024, 1, 1))",
    "datetime_input": "st.datetime_input('d', dt.datetime(2024, 1, 1))",
    "dialog": "st.dialog('T')",
    "divider": "st.divider()",
    "download_button": "st.download_button('d', 'data')",
    "echarts_chart": "st.echarts_chart({'xAxis': {'type': 'category', 'data': ['a']}, "
                     "'yAxis': {}, 'series': [{'type': 'bar', 'data': [1]}]})",
    "echo": "st.echo()",
    "empty": "st.empty()",
    "error": "st.error('e')",
    "exception": "st.exception(ValueError('x'))",
    "expander": "st.expander('e')",
    "feedback": "st.feedback()",
    "file_uploader": "st.file_uploader('f')",
    "form": "st.form('f')",
    "form_submit_button": "st.form('ff').form_submit_button()",
    "fragment": "st.fragment(lambda: None)",
    "get_option": "st.get_option('client.showErrorDetails')",
    "graphviz_chart": "st.graphviz_chart('digraph { a -> b }')",
    "grid": "st.grid(2)",
    "header": "st.header('h')",
    "help": "st.help(len)",
    "html": "st.html('<b>x</b>')",
    "html(style only)": "st.html('<style>p {color: red}</style>')",
    "iframe": "st.iframe('https://example.com')",
    "image": "st.image(np.zeros((2, 2)))",
    "info": "st.info('i')",
    "json": "st.json({'a': 1})",
    "latex": "st.latex('x^2')",
    "link_button": "st.link_button('l', 'https://example.com')",
    "link_button(on_click)": "st.link_button('l', 'https://example.com', on_click='rerun')",
    "login": "st.login()",
    "logo": "st.logo('https://example.com/logo.png')",
    "logout": "st.logout()",
    "map": "st.map(pd.DataFrame({'lat': [1.0], 'lon': [2.0]}))",
    "markdown": "st.markdown('m')",
    "menu_button": "st.menu_button('m', ['a', 'b'])",
    "mermaid_chart": "st.mermaid_chart('graph TD; A-->B')",
    "metric": "st.metric('m', 1)",
    "multiselect": "st.multiselect('m', [1, 2])",
    "navigation": "st.navigation([st.Page(lambda: None, title='p')])",
    "number_input": "st.number_input('n')",
    "page_link": "st.page_link('https://example.com', label='x')",
    "pagination": "st.pagination(3)",
    "pills": "st.pills('p', [1, 2])",
    "plotly_chart": "st.plotly_chart(plotly())",
    "plotly_chart(on_select)": "st.plotly_chart(plotly(), on_select='rerun')",
    "popover": "st.popover('p')",
    "progress": "st.progress(0)",
    "pydeck_chart": "st.pydeck_chart(__import__('pydeck').Deck())",
    "pyplot": "st.pyplot(__import__('matplotlib.pyplot', fromlist=['x']).figure())",
    "radio": "st.radio('r', [1, 2])",
    "segmented_control": "st.segmented_control('s', [1, 2])",
    "select_slider": "st.select_slider('s', [1, 2])",
    "selectbox": "st.selectbox('s', [1, 2])",
    "set_option": "st.set_option('client.showErrorDetails', True)",
    "set_page_config": "st.set_page_config(page_title='t')",
    "sidebar.container": "st.sidebar.container()",
    "sidebar.text": "st.sidebar.text('x')",
    "skeleton": "st.skeleton()",
    "slider": "st.slider('s')",
    "snow": "st.snow()",
    "space": "st.space()",
    "spinner": "st.spinner('s')",
    "status": "st.status('s')",
    "subheader": "st.subheader('s')",
    "success": "st.success('s')",
    "table": "st.table(pd.DataFrame({'a': [1]}))",
    "tabs": "st.tabs(['a', 'b'])",
    "text": "st.text('t')",
    "text_area": "st.text_area('t')",
    "text_input": "st.text_input('t')",
    "time_input": "st.time_input('t', dt.time(1, 2))",
    "title": "st.title('t')",
    "toast": "st.toast('t')",
    "toggle": "st.toggle('t')",
    "vega_lite_chart": "st.vega_lite_chart(pd.DataFrame({'a': [1]}), "
                       "{'mark': 'bar', 'encoding': {'x': {'field': 'a'}}})",
    "video": "st.video('https://example.com/v.mp4')",
    "warning": "st.warning('w')",
    "write": "st.write('w')",
    "write(DataFrame)": "st.write(pd.DataFrame({'a': [1]}))",
    "write_stream": "st.write_stream(iter(['a', 'b']))",
    "write_stream(objects)": "st.write_stream(iter(['a', 1]))",
}

#: what Streamlit's AppTest cannot show here, with what Streamlit 1.67 returns where it can:
#: st.pdf needs the optional streamlit-pdf component (without it Streamlit raises; with it,
#: a DeltaGenerator, as its signature says)
STREAMLIT_WITHOUT_EXTRAS = {"pdf": "handle"}
CALLS["pdf"] = "st.pdf(b'%PDF-1.4')"

#: names whose return value the data-grid work brings

#: functions that end the run, and names that are not functions
NOT_CALLED = {"rerun", "stop", "switch_page", "App", "data_editor"}


def _kinds(module: str) -> dict[str, str]:
    """Every call of CALLS in one app (each call alone would cost a Streamlit AppTest)."""
    calls = "".join(f"_probe({name!r}, lambda: {call})\n" for name, call in CALLS.items())
    src = f"import {module} as st\n" + textwrap.dedent(PROBE) + "\n" + calls
    if module == "streamlit":
        from streamlit.testing.v1 import AppTest

        at = AppTest.from_string(src, default_timeout=60).run()
    else:
        from nbstate.testing import AppTest

        at = AppTest.from_string(src, default_timeout=60).run()
    return at.session_state["_kinds"]


@pytest.fixture(scope="module")
def kinds() -> dict[str, dict[str, str]]:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return {"nbstate": _kinds("nbstate"), "streamlit": _kinds("streamlit")}


def test_every_public_function_is_probed():
    import inspect

    import streamlit

    probed = {name.split("(")[0].split(".")[0] for name in CALLS}
    public = {k for k in dir(streamlit) if not k.startswith("_")
              and callable(getattr(streamlit, k)) and not inspect.ismodule(getattr(streamlit, k))}
    assert sorted(public - probed - NOT_CALLED) == []


@pytest.mark.parametrize("name", sorted(CALLS))
def test_returns_what_streamlit_returns(name, kinds):
    ours = kinds["nbstate"].get(name, "<not run>")
    theirs = STREAMLIT_WITHOUT_EXTRAS.get(name) or kinds["streamlit"].get(name, "<not run>")
    assert ours == theirs, f"{CALLS[name]}: nbstate returns {ours}, Streamlit 1.67 {theirs}"
