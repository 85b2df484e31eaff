"""Layout containers through AppTest: columns, tabs, expander, container, empty, sidebar,
popover; the `with` form and the method form; widgets inside keep identity and state."""

import pytest

from nbstate.errors import NbstateAPIException
from nbstate.testing import AppTest


def app(src: str) -> AppTest:
    return AppTest.from_string("import nbstate as st\n" + src).run()


def test_columns_with_and_method_forms_place_elements_in_each_column():
    at = app("""
left, mid, right = st.columns([2, 1, 1], gap="large")
left.write("in left")
with mid:
    st.write("in mid")
right.slider("r", 0, 10, 3, key="r")
""")
    cols = at.columns
    assert len(cols) == 3
    assert cols[0].markdown[0].value == "in left"
    assert cols[1].markdown[0].value == "in mid"
    assert cols[2].slider(key="r").value == 3
    assert [round(c.weight, 2) for c in cols] == [0.5, 0.25, 0.25]


@pytest.mark.parametrize("spec", [0, -1, [], [1, 0], [1, -2], "2", True])
def test_columns_bad_spec_is_an_error_naming_the_spec(spec):
    at = app(f"st.columns({spec!r})")
    assert at.exception[0].message.startswith("The `spec` argument to `st.columns`")


def test_columns_bad_gap_names_the_argument():
    at = app("st.columns(2, gap='huge')")
    assert "gap" in at.exception[0].message


def test_widget_inside_column_keeps_state_across_reruns():
    at = app("""
a, b = st.columns(2)
with b:
    v = st.number_input("n", 0, 10, 1, key="n")
st.write(f"n={v}")
""")
    at.number_input(key="n").increment().run()
    at.run()
    assert at.session_state["n"] == 2
    assert at.markdown[0].value == "n=2"


def test_tabs_hold_their_own_elements():
    at = app("""
one, two = st.tabs(["One", "Two"])
one.write("first")
with two:
    st.checkbox("c", key="c")
""")
    assert [t.label for t in at.tabs] == ["One", "Two"]
    assert at.tabs[0].markdown[0].value == "first"
    assert at.tabs[1].checkbox(key="c").value is False


def test_tabs_need_labels():
    at = app("st.tabs([])")
    assert "non-empty list" in at.exception[0].message


def test_expander_and_container_and_popover():
    at = app("""
with st.expander("More", expanded=True):
    st.text("hidden detail")
box = st.container(border=True)
box.text("boxed")
with st.popover("Settings"):
    st.toggle("Verbose", key="v")
""")
    assert at.expander[0].label == "More" and at.expander[0].expanded is True
    assert at.expander[0].text[0].value == "hidden detail"
    assert at.container[0].border is True
    assert at.container[0].text[0].value == "boxed"
    assert at.popover[0].toggle(key="v").value is False


def test_empty_placeholder_replaces_its_content():
    at = app("""
slot = st.empty()
slot.text("loading")
slot.text("done")
other = st.empty()
with other.container():
    st.text("a")
    st.text("b")
""")
    # a filled slot is what it holds, as in Streamlit's AppTest: a text, then a container
    assert [e.element_type for e in at.main.children.values()] == ["text", "container"]
    assert at.main[0].value == "done"
    assert [t.value for t in at.main[1].text] == ["a", "b"]
    assert len(at.empty) == 0


def test_empty_can_be_cleared():
    at = app("""
slot = st.empty()
slot.text("x")
slot.empty()
""")
    assert len(at.empty) == 1 and len(at.text) == 0  # an emptied slot is an empty element


def test_a_placeholder_from_an_earlier_run_raises_and_leaves_that_run_as_it_was():
    at = app("""
if "slot" not in st.session_state:
    st.session_state.slot = st.empty()
    st.session_state.slot.text("first run")
else:
    st.session_state.slot.text("later")
""")
    first = at.tree.contents[1].contents[0]  # the slot of the first run
    assert [e.props["body"] for e in first.walk() if e.type == "text"] == ["first run"]
    assert at.text.values == ["first run"]
    at.run()
    assert "earlier run" in at.exception[0].message
    # the earlier tree is untouched
    assert [e.props["body"] for e in first.walk() if e.type == "text"] == ["first run"]


def test_sidebar_with_and_method_forms():
    at = app("""
st.sidebar.selectbox("Page", ["Home", "Data"], key="page")
with st.sidebar:
    st.write("in the sidebar")
st.write("main", st.session_state.page)
""")
    assert at.sidebar.selectbox(key="page").value == "Home"
    assert at.sidebar.markdown[0].value == "in the sidebar"
    assert at.main.markdown[0].value == "main Home"
    at.sidebar.selectbox(key="page").select("Data").run()
    assert at.main.markdown[0].value == "main Data"


def test_container_from_an_earlier_run_cannot_be_written_to():
    at = app("""
if "box" not in st.session_state:
    st.session_state.box = st.container()
st.session_state.box.write("x")
""")
    assert len(at.exception) == 0
    at.run()
    assert "earlier run" in at.exception[0].message


def test_widgets_keep_identity_when_their_container_moves():
    # the same keyed widget rendered in another column is the same widget: state survives
    at = app("""
where = st.radio("where", ["left", "right"], key="where")
a, b = st.columns(2)
target = a if where == "left" else b
target.slider("s", 0, 10, 0, key="s")
""")
    at.slider(key="s").set_value(6).run()
    at.radio(key="where").set_value("right").run()
    assert at.columns[1].slider(key="s").value == 6


def test_errors_module_is_reachable_and_base_class():
    assert issubclass(NbstateAPIException, Exception)
