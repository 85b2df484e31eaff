"""Random sequences of interactions on one app, through Streamlit's AppTest and nbstate's:
after every step both agree on session state, Markdown and exceptions."""

from __future__ import annotations

import pytest

pytest.importorskip("streamlit")
hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as hs  # noqa: E402

pytestmark = pytest.mark.streamlit

APP = """
if "total" not in st.session_state:
    st.session_state.total = 0
def add(n):
    st.session_state.total += n
def reset():
    st.session_state.level = 0
    st.session_state.name = ""
level = st.slider("Level", 0, 10, key="level")
name = st.text_input("Name", key="name", on_change=add, args=(1,))
if st.checkbox("More", key="more"):
    st.number_input("Count", 0, 5, key="count")
    st.selectbox("Pick", ["a", "b", "c"], key="pick")
st.button("Add level", on_click=add, args=(level,))
st.button("Reset", on_click=reset)
with st.form("f"):
    fx = st.slider("Form slider", 0, 5, key="fx")
    st.multiselect("Tags", ["x", "y", "z"], key="tags")
    sent = st.form_submit_button("Send")
st.write("level", level, "name", name, "total", st.session_state.total, "sent", sent)
"""


def _on(kind, index, method, *args):
    def act(at):
        widgets = at.get(kind)
        if len(widgets) > index:
            getattr(widgets[index], method)(*args)
    act.__name__ = f"{kind}[{index}].{method}{args}"
    return act


def _steps(*acts):
    def act(at):
        for a in acts:
            a(at)
    act.__name__ = " + ".join(a.__name__ for a in acts)
    return act


ACTIONS = hs.one_of(
    hs.integers(0, 10).map(lambda v: _on("slider", 0, "set_value", v)),
    hs.sampled_from(["", "ann", "bo"]).map(lambda v: _on("text_input", 0, "input", v)),
    hs.sampled_from(["check", "uncheck"]).map(lambda m: _on("checkbox", 0, m)),
    hs.integers(0, 5).map(lambda v: _on("number_input", 0, "set_value", v)),
    hs.sampled_from(["a", "b", "c"]).map(lambda v: _on("selectbox", 0, "select", v)),
    hs.integers(0, 1).map(lambda i: _on("button", i, "click")),
    # a form is filled in and sent in one step: Streamlit's AppTest forgets values held in a
    # form across other runs (see DIFFERENCES in test_agree.py)
    hs.tuples(hs.integers(0, 5), hs.sampled_from(["x", "y", "z"])).map(
        lambda t: _steps(_on("slider", 1, "set_value", t[0]),
                         _on("multiselect", 0, "select", t[1]), _on("button", 2, "click"))),
    hs.just(lambda at: None),
)


# widgets that come and go: cleanup, set-before-create from a callback, st.rerun
PAGES = """
mode = st.radio("Mode", ["a", "b", "c"], key="mode")
def seed():
    # only keys of widgets on screen: Streamlit drops a value written to the key of a widget
    # cleaned up earlier one run later (see DIFFERENCES in test_agree.py)
    if st.session_state.mode == "a":
        st.session_state.n = 5
    if st.session_state.mode == "b":
        st.session_state.txt = "seeded"
if mode == "a":
    st.number_input("N", 0, 10, key="n")
elif mode == "b":
    st.text_input("Txt", key="txt")
    st.write("keyless", st.slider("Keyless", 0, 5))
else:
    st.write("nothing here")
st.button("Seed", on_click=seed)
if st.button("Rerun"):
    st.session_state.reruns = st.session_state.get("reruns", 0) + 1
    st.rerun()
st.write(sorted(st.session_state.keys()))
"""

PAGE_ACTIONS = hs.one_of(
    hs.sampled_from(["a", "b", "c"]).map(lambda v: _on("radio", 0, "set_value", v)),
    hs.integers(0, 10).map(lambda v: _on("number_input", 0, "set_value", v)),
    hs.sampled_from(["", "typed"]).map(lambda v: _on("text_input", 0, "input", v)),
    hs.integers(0, 5).map(lambda v: _on("slider", 0, "set_value", v)),
    hs.integers(0, 1).map(lambda i: _on("button", i, "click")),
    hs.just(lambda at: None),
)

# callbacks that write other widgets' keys, deleting keys, st.stop, keyless widgets
CONTROL = """
def mirror():
    st.session_state.copy = st.session_state.src
def bump():
    st.session_state.count = min(st.session_state.count + 3, 10)
st.text_input("Source", key="src", on_change=mirror)
st.text_input("Copy", key="copy")
st.number_input("Count", 0, 10, key="count")
st.button("Bump", on_click=bump)
st.session_state.setdefault("note", 0)
if st.button("Forget note"):
    # (not st.session_state.clear(): Streamlit's AppTest fails once a widget's key is gone)
    del st.session_state["note"]
else:
    st.session_state.note += 1
if st.checkbox("Halt", key="halt"):
    st.write("halted")
    st.stop()
st.write("keyless", st.slider("Keyless", 0, 3))
st.write(sorted(st.session_state.keys()))
"""

CONTROL_ACTIONS = hs.one_of(
    hs.sampled_from(["", "a", "b"]).map(lambda v: _on("text_input", 0, "input", v)),
    hs.sampled_from(["", "z"]).map(lambda v: _on("text_input", 1, "input", v)),
    hs.integers(0, 10).map(lambda v: _on("number_input", 0, "set_value", v)),
    hs.integers(0, 1).map(lambda i: _on("button", i, "click")),
    hs.sampled_from(["check", "uncheck"]).map(lambda m: _on("checkbox", 0, m)),
    hs.integers(0, 3).map(lambda v: _on("slider", 0, "set_value", v)),
    hs.just(lambda at: None),
)

SETTINGS = settings(max_examples=10, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


def _play(pair, app, steps):
    p = pair(app).run()
    p.assert_agree()
    for act in steps:
        p.step(act)
        p.assert_agree()


@SETTINGS
@given(steps=hs.lists(ACTIONS, min_size=1, max_size=8))
def test_random_interaction_sequences_agree(pair, steps):
    _play(pair, APP, steps)


@SETTINGS
@given(steps=hs.lists(PAGE_ACTIONS, min_size=1, max_size=8))
def test_random_sequences_with_widgets_that_come_and_go_agree(pair, steps):
    _play(pair, PAGES, steps)


@SETTINGS
@given(steps=hs.lists(CONTROL_ACTIONS, min_size=1, max_size=8))
def test_random_sequences_with_callbacks_deletes_and_stop_agree(pair, steps):
    _play(pair, CONTROL, steps)
