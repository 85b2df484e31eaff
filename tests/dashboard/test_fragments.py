"""@st.fragment: an interaction inside a fragment reruns only the fragment."""

from nbstate.testing import AppTest

SRC = """
import nbstate as st
st.session_state["full_runs"] = st.session_state.get("full_runs", 0) + 1
outside = st.slider("outside", 0, 10, 1, key="out")

@st.fragment
def panel(title):
    st.session_state["frag_runs"] = st.session_state.get("frag_runs", 0) + 1
    v = st.slider("inside", 0, 10, 2, key="in")
    if st.button("again", key="again"):
        st.rerun(scope="fragment")
    if st.button("all", key="all"):
        st.rerun()
    st.write(f"{title}: inside={v} outside={outside}")

panel("P")
st.write("end")
"""


def runs(at):
    return at.session_state["full_runs"], at.session_state["frag_runs"]


def test_widget_inside_fragment_reruns_only_the_fragment():
    at = AppTest.from_string(SRC).run()
    assert runs(at) == (1, 1)
    at.slider(key="in").set_value(7).run()
    assert runs(at) == (1, 2)
    assert at.markdown[0].value == "P: inside=7 outside=1"
    assert at.markdown[1].value == "end"


def test_widget_outside_reruns_everything_including_the_fragment():
    at = AppTest.from_string(SRC).run()
    at.slider(key="out").set_value(4).run()
    assert runs(at) == (2, 2)
    assert at.markdown[0].value == "P: inside=2 outside=4"


def test_rerun_scope_fragment_and_app():
    at = AppTest.from_string(SRC).run()
    at.button(key="again").click().run()
    assert runs(at) == (1, 3)  # the click's run, then the fragment again
    at.button(key="all").click().run()
    assert runs(at) == (2, 5)


def test_fragment_cleanup_only_touches_its_own_widgets():
    at = AppTest.from_string("""
import nbstate as st
st.checkbox("outer", key="outer")
@st.fragment
def f():
    show = st.toggle("show", True, key="show")
    if show:
        st.text_input("t", key="t")
f()
""").run()
    at.text_input(key="t").input("hello").run()
    at.toggle(key="show").set_value(False).run()
    assert "t" not in at.session_state
    assert at.session_state["outer"] is False


def test_fragment_cannot_write_to_the_sidebar():
    at = AppTest.from_string("""
import nbstate as st
@st.fragment
def f():
    st.sidebar.write("x")
f()
""").run()
    assert "st.sidebar" in at.exception[0].message


def test_fragment_inside_a_column_is_spliced_back_in_place():
    at = AppTest.from_string("""
import nbstate as st
left, right = st.columns(2)
left.write("left text")
with right:
    st.write("before")
    @st.fragment
    def f():
        v = st.number_input("v", 0, 9, 0, key="v")
        st.write(f"v={v}")
    f()
    st.write("after")
""").run()
    at.number_input(key="v").increment().run()
    right = at.columns[1]
    assert [m.value for m in right.markdown] == ["before", "v=1", "after"]
    assert at.columns[0].markdown[0].value == "left text"
