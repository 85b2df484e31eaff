"""The shape of the element tree a test walks, against Streamlit's ``AppTest``: ``at[i]`` is
main, the sidebar, the event block (``st.toast``, dialogs, style-only ``st.html``) and the
bottom block; a block is a sequence of its children (``at.main[1]``, ``len(at.sidebar)``)
and iterates over itself and everything in it; ``get_by_key`` finds any keyed element or
container; ``at.button_group`` lists pills and segmented controls. One script runs in both
``AppTest``s; the same walk must give the same types, values and keys."""

from __future__ import annotations

import json
import textwrap

import pytest

from nbstate.testing import AppTest as NbAppTest
from nbstate.testing import AppTestError

pytest.importorskip("streamlit")
pytestmark = pytest.mark.streamlit

def both(body: str):
    from streamlit.testing.v1 import AppTest

    body = textwrap.dedent(body)
    theirs = AppTest.from_string("import streamlit as st\n" + body).run()
    ours = NbAppTest.from_string("import nbstate as st\n" + body).run()
    assert not theirs.exception and not ours.exception, (theirs.exception, ours.exception)
    return theirs, ours


def walk(at, streamlit: bool) -> list[str]:
    return [n.type for n in at]


EVENTS = """
st.toast("first")
st.button("b")
with st.sidebar:
    st.toast("from the sidebar's with")
    st.write("side")
c = st.container()
c.toast("c's own")
with c:
    st.toast("from c's with")
st.sidebar.toast("the sidebar's own")
st.html("<style>p { color: teal }</style>")
st.html("<p>shown</p>")

@st.dialog("Hello")
def hello():
    st.write("in the dialog")

hello()
st.write("last")
"""


def test_toasts_dialogs_and_style_only_html_are_in_the_event_block():
    theirs, ours = both(EVENTS)
    assert len(ours) == len(theirs) == 3
    assert [len(ours[i]) for i in range(3)] == [len(theirs[i]) for i in range(3)]
    # (inside a dialog, nbstate also lists its title and its close button)
    inside = {"dialog_title", "dialog_dismiss"}
    assert [t for t in walk(ours, False) if t not in inside] == walk(theirs, True)
    # st.toast goes to the event block in call order; c.toast stays in c
    assert [t.value for t in ours.toast] == [t.value for t in theirs.toast] == [
        "c's own", "the sidebar's own", "first", "from the sidebar's with", "from c's with"]
    assert [t.value for t in ours.main.toast] == ["c's own"]
    assert [h.value for h in ours.html] == [h.value for h in theirs.html]
    assert [e.type for e in ours[2].children.values()] == [
            e.type for e in theirs[2].children.values()] == [
        "toast", "toast", "toast", "html", "dialog"]
    # positions in main are Streamlit's: no toast between the button and the container
    assert ours.main[0].label == theirs.main[0].label == "b"
    last = len(theirs.main) - 1  # (Streamlit's block is indexed by position, not from the end)
    assert ours.main[last].value == theirs.main[last].value == "last"


def test_the_bottom_block_is_the_fourth_top_block():
    theirs, ours = both("""
    st.write("above")
    st.chat_input("Ask", key="ask")
    with st.sidebar:
        st.chat_input("Side", key="side")
    """)
    assert len(ours) == len(theirs) == 4
    assert walk(ours, False) == walk(theirs, True)
    assert ours[3][0].placeholder == theirs[3][0].placeholder == "Ask"
    assert [c.placeholder for c in ours.chat_input] == [
        c.placeholder for c in theirs.chat_input] == ["Side", "Ask"]


LAYOUT = """
st.title("T")
st.write("x")
st.slider("s", key="sk")
with st.form("f1"):
    st.text_input("t", key="tk")
    st.form_submit_button("go")
with st.expander("e"):
    st.write("in e")
with st.sidebar:
    st.checkbox("cb", key="cbk")
st.pills("p", ["a", "b"], key="pk")
st.segmented_control("sc", ["a", "b"], key="sck")
with st.container(key="box"):
    st.button("b", key="bk")
left, right = st.columns(2)
right.metric("m", 1)
"""


def test_blocks_are_sequences_and_iterate_depth_first():
    theirs, ours = both(LAYOUT)
    assert walk(ours, False) == walk(theirs, True)
    assert len(ours.main) == len(theirs.main) and len(ours.sidebar) == len(theirs.sidebar) == 1
    assert ours.main[1].value == theirs.main[1].value == "x"
    assert ours.sidebar[0].label == theirs.sidebar[0].label == "cb"
    form_ours, form_theirs = ours.main[3], theirs.main[3]
    assert len(form_ours) == len(form_theirs) == 2
    assert [n.type for n in form_ours][:2] == [n.type for n in form_theirs][:2] == [
        "form", "text_input"]
    # an element iterates over itself alone
    assert list(ours.slider[0]) == [ours.slider[0]] and len(list(theirs.slider[0])) == 1
    last = len(theirs.main) - 1
    assert ours.main[last][1][0].value == theirs.main[last][1][0].value  # the metric


def test_get_by_key_finds_widgets_forms_and_containers():
    theirs, ours = both(LAYOUT)
    for key in ("sk", "tk", "f1", "cbk", "box", "bk", "pk", "sck"):
        assert ours.get_by_key(key).type == theirs.get_by_key(key).type, key
    assert ours.get_by_key("sk").value == theirs.get_by_key("sk").value == 0
    # scoped to a block: only what is inside it
    assert ours.main[7].get_by_key("bk").label == theirs.main[7].get_by_key("bk").label
    for at in (ours, theirs):
        with pytest.raises(KeyError):
            at.get_by_key("nope")
        with pytest.raises(KeyError):
            at.sidebar.get_by_key("sk")


def test_get_by_key_with_two_matches_raises_app_test_error():
    ours = NbAppTest.from_string("""
import nbstate as st
st.text_input("t", key="x")
""").run()
    # two elements with one key cannot come from a run (DuplicateElementKey); a block
    # scoped above both is how a test would meet two: a hand-built tree
    from nbstate.elements import Element
    from nbstate.testing.apptest import ElementView

    twice = Element("container", children=[ours.text_input[0]._el, ours.text_input[0]._el])
    with pytest.raises(AppTestError, match="Multiple elements have key 'x'"):
        ElementView(ours, twice, None).get_by_key("x")


def test_button_group_lists_pills_and_segmented_controls():
    theirs, ours = both(LAYOUT)
    assert [b.key for b in ours.button_group] == [b.key for b in theirs.button_group] == [
        "pk", "sck"]
    assert ours.main.button_group[1].label == theirs.main.button_group[1].label == "sc"


ATTRIBUTES = """
st.title("Plain")
st.header("Hot", icon="🔥")
st.selectbox("sb", [1, 2], format_func=lambda v: f"#{v}", key="sb")
st.multiselect("ms", [1, 2, 3], [1, 3], format_func=lambda v: f"n{v}", key="ms")
st.radio("r", ["a", "b"], key="r")
st.pills("p", [1, 2], default=[2], selection_mode="multi", format_func=lambda v: f"p{v}",
         key="p")
st.segmented_control("sc", ["x", "y"], default="y", key="sc")
st.select_slider("ss", [1, 2, 3], value=2, format_func=lambda v: f"{v * 10}", key="ss")
st.columns(2, gap="large")
st.camera_input("Cam", key="cam")
st.file_uploader("Many", type=["csv", "TXT"], accept_multiple_files=True, key="fu")
st.file_uploader("One", key="fu1")
with st.status("Working", state="error"):
    pass
st.image("https://example.com/a.png", caption="A")
st.data_editor({"a": [1]}, num_rows="dynamic", key="de")
st.dataframe({"a": [1]})
"""


def test_elements_carry_streamlits_attributes():
    theirs, ours = both(ATTRIBUTES)
    for at in (ours, theirs):
        assert [t.icon for t in at.title] + [h.icon for h in at.header] == ["", "🔥"]
        assert at.selectbox[0].format_func(2) == "#2"
        assert at.multiselect[0].values == ["n1", "n3"]
        assert at.radio[0].format_func("a") == "a"  # (str, when the app gave none)
        assert at.button_group[0].formatted_values == ["p2"]
        assert at.button_group[1].formatted_values == ["y"]
        assert at.select_slider[0].format_func(3) == "30"
        assert [c.gap for c in at.columns] == ["large", "large"]
        assert at.camera_input[0].resolution is None
        f, one = at.file_uploader
        assert (f.accept_multiple_files, f.accept_directory, f.allowed_type) == (
            True, False, [".csv", ".txt"])
        assert (one.accept_multiple_files, one.allowed_type) == (False, [])
        assert at.status[0].icon == ":material/error:"
        assert at.image[0].captions == ["A"]
        # an editor is a dataframe too (first here: it came first)
        assert [d.editing_mode for d in at.dataframe] == ["dynamic", "read_only"]


EVERY_KIND = """
import pandas as pd, altair as alt, plotly.express as px, pydeck as pdk
df = pd.DataFrame({"a": [1, 2], "b": [3, 4]})
st.altair_chart(alt.Chart(df).mark_line().encode(x="a", y="b"))
st.plotly_chart(px.line(df, x="a", y="b"))
st.line_chart(df)
st.map(pd.DataFrame({"lat": [1.0], "lon": [2.0]}))
st.pydeck_chart(pdk.Deck())
st.container(border=True).write("x")
st.columns(2)[0].write("x")
st.pills("P", ["x", "y"])
st.segmented_control("S", ["x", "y"])
st.data_editor(df)
st.badge("New")
st.badge("a[b]", icon="🧪", color="violet")
st.mermaid_chart("graph TD; A-->B")
st.tabs(["a"])[0].write("x")
st.form("f").form_submit_button("go")
st.help(print)
st.datetime_input("dt")
st.grid(2)
st.bottom.write("x")
st.graphviz_chart("digraph { a -> b }")
"""


def test_every_node_has_streamlits_type_name():
    theirs, ours = both(EVERY_KIND)
    assert [n.type for n in ours] == [n.type for n in theirs]
    for name in ("flex_container", "vega_lite_chart", "plotly_chart", "deck_gl_json_chart",
                 "button_group", "tab_container", "grid_container", "help_info",
                 "date_time_input", "markdown", "dataframe", "button"):
        assert len(ours.get(name)) == len(theirs.get(name)), name
    assert ours.markdown.values == theirs.markdown.values  # badges and diagrams are Markdown
    assert ours.markdown.values[2:4] == [":blue-badge[New]", r":violet-badge[🧪 a\[b\]]"]


MESSAGES = """
import datetime, json
import pandas as pd, altair as alt, plotly.express as px
with st.form("f"):
    st.text_input("Name", max_chars=5)
    st.form_submit_button("Go")
st.download_button("Download", "data", file_name="x.txt")
st.text_input("Free")
df = pd.DataFrame({"a": [1, 2], "b": [3, 4]})
st.altair_chart(alt.Chart(df).mark_line().encode(x="a", y="b"))
st.plotly_chart(px.line(df, x="a", y="b"))
st.page_link("https://example.com", label="Ext")
st.link_button("Docs", "https://example.com/docs")
st.markdown("hi", unsafe_allow_html=True)
st.markdown("lo")
st.code("x = 1", line_numbers=True)
st.slider("S", 0, 10, 5)
st.slider("F", 0.0, 1.0, 0.5)
st.slider("D", datetime.date(2024, 1, 1), datetime.date(2024, 2, 1))
st.slider("T", datetime.time(1), datetime.time(5))
st.slider("DT", datetime.datetime(2024, 1, 1), datetime.datetime(2024, 2, 1))
st.metric("M", 1)
st.metric("M2", 1.5, -2)
st.metric("M3", "x", "5%")
st.metric("M4", None, 3.25, delta_color="inverse")
"""


def test_fields_of_the_elements_messages_read_as_in_streamlit():
    theirs, ours = both(MESSAGES)
    for at in (ours, theirs):
        named, free = at.text_input
        assert (named.proto.form_id, named.proto.max_chars) == ("f", 5)
        assert (free.proto.form_id, free.proto.max_chars, free.proto.help) == ("", 0, "")
        assert at.get("download_button")[0].proto.label == "Download"
        assert at.get("page_link")[0].page == "https://example.com"
        assert at.get("link_button")[0].proto.url == "https://example.com/docs"
        assert [m.allow_html for m in at.markdown] == [True, False]
        assert at.code[0].show_line_numbers is True
        assert [s.data_type for s in at.slider] == [0, 1, 3, 4, 2]
        assert [(m.value, m.delta, m.color, m.proto.direction) for m in at.metric] == [
            ("1", "", 2, 2), ("1.5", "-2", 0, 0), ("x", "5%", 1, 1), ("—", "3.25", 0, 1)]
        vega = json.loads(at.get("vega_lite_chart")[0].proto.spec)
        assert vega["mark"]["type"] == "line" and vega["encoding"]["x"]["field"] == "a"
        plotly = json.loads(at.get("plotly_chart")[0].proto.spec)
        assert plotly["data"][0]["type"] == "scatter"
        with pytest.raises(AttributeError):
            at.markdown[0].proto.no_such_field


def test_what_a_browser_user_cannot_do_a_test_cannot_either():
    theirs, ours = both("""
    clicked = st.button("Go", disabled=True, key="go")
    st.write(f"clicked={clicked}")
    st.slider("Off", 0, 9, 3, disabled=True)
    st.link_button("Docs", "https://example.com")
    st.title("Heading")
    """)
    for at in (ours, theirs):
        with pytest.raises(Exception, match=r"Cannot update a disabled button widget \(key='go'\)"):
            at.button[0].click()
        with pytest.raises(Exception, match="Cannot update a disabled slider widget"):
            at.slider[0].set_value(5)
        with pytest.raises(Exception, match=r"click\(\) is not supported for link_button"):
            at.get("link_button")[0].click()
        with pytest.raises(Exception, match=r"set_value\(\) is not supported for title"):
            at.title[0].set_value("x")
        at.run()
        assert at.markdown[0].value == "clicked=False" and at.slider[0].value == 3
    with pytest.raises(AppTestError):
        ours.button[0].click()


def test_a_list_of_images_is_one_element_with_its_captions():
    theirs, ours = both("""
    import numpy as np
    st.image(["https://example.com/a.png", "https://example.com/b.png"],
             caption=["A", "B"], alt=["first", None])
    st.image(np.zeros((3, 4, 4, 3), dtype=np.uint8))  # a 4-D array: three images
    st.image("https://example.com/c.png")
    st.image([])
    """)
    for at in (ours, theirs):
        assert [len(i.value) for i in at.image] == [2, 3, 1, 0]
        assert [i.captions for i in at.image] == [["A", "B"], ["", "", ""], [""], []]
        assert at.image[0].value == ["https://example.com/a.png", "https://example.com/b.png"]


@pytest.mark.parametrize("call, message", [
    ("st.image(['u/a.png', 'u/b.png'], caption='one')", "Cannot pair 1 captions with 2 images."),
    ("st.image(['u/a.png', 'u/b.png'], caption=('a', 'b'))",
     "Cannot pair 1 captions with 2 images."),
    ("st.image('u/a.png', caption=['a', 'b'])", "Cannot pair 2 captions with 1 images."),
    ("st.image(['u/a.png', 'u/b.png'], alt='x')", "A single `alt` string can only be used"),
    ("st.image(['u/a.png', 'u/b.png'], alt=3)", "A single `alt` value can only be used"),
    ("st.image(['u/a.png', 'u/b.png'], alt=['x'])", "Cannot pair 1 alt values with 2 images."),
    ("st.image({'u/a.png', 'u/b.png'}, alt=['x', 'y'])", "cannot be paired with a set"),
])
def test_captions_and_alts_pair_with_images_as_in_streamlit(call, message):
    from streamlit.testing.v1 import AppTest

    theirs = AppTest.from_string("import streamlit as st\n" + call).run()
    ours = NbAppTest.from_string("import nbstate as st\n" + call).run()
    for at in (ours, theirs):
        assert message in at.exception[0].value
        assert not at.image
    assert ours.exception[0].type == "NbstateAPIException"  # (Streamlit's is "exception")


def test_a_directory_uploader_reads_as_streamlits():
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # (a folder picker: nothing is ignored)
        theirs, ours = both("""
        files = st.file_uploader("Folder", accept_multiple_files="directory", key="d")
        st.write(f"{files!r}")
        """)
    for at in (ours, theirs):
        up = at.file_uploader[0]
        assert (up.accept_multiple_files, up.accept_directory) == (True, True)
    assert ours.markdown[0].value == theirs.markdown[0].value  # an empty list, as a list


def test_a_filled_placeholder_is_what_it_holds():
    theirs, ours = both("""
    slot = st.empty()
    slot.text("loading")
    slot.text("done")
    st.empty().container().text("a")
    st.empty()
    bar = st.progress(10)
    bar.empty()
    h = st.text("was text")
    h.metric("Users", 10)
    st.sidebar.empty().caption("side")
    """)
    assert walk(ours, False) == walk(theirs, True)
    assert [len(ours[i]) for i in range(3)] == [len(theirs[i]) for i in range(3)]
    assert ours.main[0].value == theirs.main[0].value == "done"
    assert ours.main[4].value == theirs.main[4].value  # the metric, where the text was
    assert len(ours.get("empty")) == len(theirs.get("empty")) == 2
