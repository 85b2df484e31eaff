"""The shape of the element tree a test walks, against Streamlit's ``AppTest``: ``at[i]`` is
main, the sidebar, the event block (``st.toast``, dialogs, style-only ``st.html``) and the
bottom block; a block is a sequence of its children (``at.main[1]``, ``len(at.sidebar)``)
and iterates over itself and everything in it; ``get_by_key`` finds any keyed element or
container; ``at.button_group`` lists pills and segmented controls. One script runs in both
``AppTest``s; the same walk must give the same types, values and keys."""

from __future__ import annotations

import textwrap

import pytest

from nbstate.testing import AppTest as NbAppTest
from nbstate.testing import AppTestError

pytest.importorskip("streamlit")
pytestmark = pytest.mark.streamlit

#: nbstate's element type -> the type Streamlit's AppTest gives the same node
_STREAMLIT_TYPE = {"pills": "button_group", "segmented_control": "button_group",
                   "form_submit_button": "button", "container": "flex_container",
                   "columns": "flex_container", "fragment": "flex_container",
                   "bottom": "unknown"}


def both(body: str):
    from streamlit.testing.v1 import AppTest

    body = textwrap.dedent(body)
    theirs = AppTest.from_string("import streamlit as st\n" + body).run()
    ours = NbAppTest.from_string("import nbstate as st\n" + body).run()
    assert not theirs.exception and not ours.exception, (theirs.exception, ours.exception)
    return theirs, ours


def walk(at, streamlit: bool) -> list[str]:
    return [n.type if streamlit else _STREAMLIT_TYPE.get(n.type, n.type) for n in at]


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
    assert [e.type for e in ours[2].children] == [
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
        assert _STREAMLIT_TYPE.get(ours.get_by_key(key).type, ours.get_by_key(key).type) \
            == theirs.get_by_key(key).type, key
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
