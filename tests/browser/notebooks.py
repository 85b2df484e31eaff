"""The small scenario notebooks the browser tests write next to the demo notebooks.

Each is a ``%load_ext nbstate`` cell and one ``%%app`` cell, so that the same notebook runs in
JupyterLab, Notebook 7 and Voila.
"""

from __future__ import annotations

from pathlib import Path

import nbformat

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}

#: one of each interaction a person does: drag a slider, click a button, type, pick an option,
#: fill a form and submit it, download a file; the checkbox adds and removes a widget; the slow
#: step's rerun lasts long enough to see the stale marker; the broken callback leaves the app
#: stale (and usable) under its error.
WIDGETS = '''\
%%app widgets
import time

import nbstate as st

st.title("Widgets")
level = st.slider("Level", 0, 10, 3, key="level")
st.write(f"level is {level}")

if "clicks" not in st.session_state:
    st.session_state.clicks = 0

def add_one():
    st.session_state.clicks += 1

st.button("Add one", on_click=add_one)
st.write(f"clicks: {st.session_state.clicks}")

name = st.text_input("Name", key="name")
st.write(f"hello {name or 'nobody'}")

colour = st.selectbox("Colour", ["red", "green", "blue"], key="colour")
st.write(f"colour: {colour}")

with st.form("order"):
    qty = st.number_input("Quantity", min_value=1, max_value=9, value=1, key="qty")
    note = st.text_input("Note", key="note")
    sent = st.form_submit_button("Send order")
st.write(f"order: {st.session_state.qty} x {st.session_state.note or '-'}"
         + (" (just sent)" if sent else ""))

if st.download_button("Download CSV", "a,b\\n1,2\\n", file_name="table.csv", mime="text/csv"):
    st.write("download clicked")

if "slow" not in st.session_state:
    st.session_state.slow = 0

def slow_step():
    time.sleep(1.5)
    st.session_state.slow += 1

st.button("Slow step", on_click=slow_step)
st.write(f"slow steps: {st.session_state.slow}")

def broken():
    raise RuntimeError("the callback broke")

st.button("Break", on_click=broken)

if st.checkbox("More options", key="more"):
    st.slider("Extra", 0, 5, 2, key="extra")
st.write("end of app")
'''

#: values and labels from the app must show as text; only unsafe_allow_html renders HTML.
#: Every attack uses the same broken image, so that the trusted one firing shows the others
#: would have fired by then too.
SAFETY = '''\
%%app safety
import nbstate as st

BAD = "<img src=nbstate-missing.png onerror=\\"window.__pwned = (window.__pwned || []).concat('%s')\\">"

st.text("<script>window.__pwned = ['text-script']</script>" + BAD % "text")
st.markdown("md: " + BAD % "markdown")
st.write("write: " + BAD % "write")
st.title(BAD % "title")
st.caption(BAD % "caption")
st.code(BAD % "code")
st.error(BAD % "error")
st.button("label " + BAD % "button")
st.slider("slider " + BAD % "slider", 0, 10, 1)
st.text_input("input " + BAD % "text_input", value=BAD % "value")
st.selectbox("pick", [BAD % "option", "plain"])
st.markdown("[a javascript: link](javascript:window.__pwned=['link'])")
st.json({"key": BAD % "json"})
st.table([{"name": BAD % "table"}])
st.dataframe({"name": [BAD % "dataframe"]})
st.metric("metric " + BAD % "metric_label", BAD % "metric_value")
st.markdown(
    '<b id="trusted-html">trusted bold</b>'
    '<img src=nbstate-missing.png onerror="window.__trusted = true">',
    unsafe_allow_html=True)
'''


#: a sidebar beside the main area, as in Streamlit
SIDEBAR = '''\
%%app sidebar
import nbstate as st

page = st.sidebar.radio("Page", ["Home", "Data"], key="page")
with st.sidebar:
    st.write("sidebar note")
st.title(f"Page: {page}")
st.write("main area text")
'''


#: Streamlit 1.67's parameters people see: a right-aligned row of buttons, centred text, a
#: metric's chart, a replaced element, a download whose data is made on click
API_167 = '''\
%%app api167
import nbstate as st

with st.container(horizontal=True, horizontal_alignment="right", key="row"):
    st.button("Cancel")
    st.button("OK")
st.markdown("centred text", text_alignment="center")
st.metric("Users", 12, 3, chart_data=[1, 4, 2, 8])
h = st.text("loading")
h.text("replaced text")

def make():
    return "x,y\\n3,4\\n"

if st.download_button("Deferred CSV", make, file_name="deferred.csv", mime="text/csv"):
    st.write("deferred clicked")
first, second = st.tabs(["First tab", "Second tab"], key="tabs167", on_change="rerun")
if first.open:
    first.write("lazy content one")
if second.open:
    second.write("lazy content two")
st.write("end of app")
'''


#: st.dataframe over a million rows, with row selection (tests/browser/test_grid.py)
GRID = '''\
%%app grid
import numpy as np
import pandas as pd

import nbstate as st

@st.cache_data
def load():
    n = np.arange(1_000_000)
    return pd.DataFrame({"n": n, "quarter": n * 0.25, "even": n % 2 == 0})

ev = st.dataframe(load(), key="big", on_select="rerun", selection_mode="multi-row",
                  hide_index=False, column_config={"quarter": "Quarter"})
st.write(f"selected: {ev.selection.rows}")
'''


#: st.data_editor over a million rows (tests/browser/test_grid.py)
EDITOR = '''\
%%app editor
import numpy as np
import pandas as pd

import nbstate as st

@st.cache_data
def load():
    n = np.arange(1_000_000)
    return pd.DataFrame({"n": n, "label": "row " + pd.Series(n).astype(str)})

out = st.data_editor(load(), key="ed", num_rows="dynamic",
                     column_config={"n": st.column_config.NumberColumn("N", min_value=0)})
st.write(f"rows: {len(out)}, last: {out.iloc[-1]['label']}, total: {int(out.n.sum())}")
st.write(f"edits: {st.session_state.ed}")
'''


#: the column types of st.column_config, a Styler, column and cell selection
#: (tests/browser/test_grid.py)
GRID_TYPES = '''\
%%app types
import pandas as pd

import nbstate as st

df = pd.DataFrame({
    "name": ["Ada", "Alan"], "done": [True, False], "share": [0.25, 0.8],
    "site": ["https://example.org/ada", "https://example.org/alan"],
    "trend": [[1, 3, 2], [2, 2, 5]], "tags": [["x", "y"], ["z"]],
    "price": [1234.5, -3.0], **{f"extra{i}": [i, i + 1] for i in range(12)},
})
cc = st.column_config
ev = st.dataframe(df, key="types", on_select="rerun", hide_index=True,
                  selection_mode=["multi-column", "single-cell"], column_config={
                      "name": cc.TextColumn("Name", pinned=True),
                      "share": cc.ProgressColumn("Share", format="percent"),
                      "site": cc.LinkColumn("Site", display_text=r"https://example.org/(.*)"),
                      "trend": cc.LineChartColumn("Trend"), "tags": cc.ListColumn("Tags"),
                      "price": cc.NumberColumn("Price", format="dollar"),
                      "extra0": None})
st.write(f"columns: {ev.selection.columns} cells: {ev.selection.cells}")
st.dataframe(pd.DataFrame({"v": [1, 2]}).style.map(lambda v: "color: red" if v > 1 else ""))
'''


def notebook(*cells: str) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = KERNELSPEC
    nb.metadata["language_info"] = {"name": "python"}
    nb.cells = [nbformat.v4.new_code_cell(c) for c in cells]
    return nb


NOTEBOOKS = {
    "scenario_widgets.ipynb": notebook("%load_ext nbstate", WIDGETS),
    "scenario_safety.ipynb": notebook("%load_ext nbstate", SAFETY),
    "scenario_sidebar.ipynb": notebook("%load_ext nbstate", SIDEBAR),
    "scenario_api167.ipynb": notebook("%load_ext nbstate", API_167),
    "scenario_grid.ipynb": notebook("%load_ext nbstate", GRID),
    "scenario_editor.ipynb": notebook("%load_ext nbstate", EDITOR),
    "scenario_grid_types.ipynb": notebook("%load_ext nbstate", GRID_TYPES),
}


def write_all(root: Path) -> None:
    for name, nb in NOTEBOOKS.items():
        nbformat.write(nb, root / name)
