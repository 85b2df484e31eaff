"""Hypothesis stateful testing: a rule-based machine drives one app through Streamlit's AppTest
and nbstate's in lockstep (forms, callbacks, keyless label changes, widgets that are cleaned
up and come back) and checks after every rule that both agree on session state, what is
shown and every widget's value."""

from __future__ import annotations

import pytest

pytest.importorskip("streamlit")
pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, settings
from hypothesis import strategies as hs
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule


def _pair_class():
    # the lockstep driver lives in this folder's conftest.py (a fixture elsewhere); a state
    # machine cannot take fixtures, so load it by path
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location(
        "_streamlit_diff_conftest", Path(__file__).with_name("conftest.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.Pair


Pair = _pair_class()

pytestmark = pytest.mark.streamlit

APP = """
st.session_state.setdefault("clicks", 0)
st.session_state.setdefault("submitted", 0)
def clicked(n):
    st.session_state.clicks += n
def submitted():
    st.session_state.submitted += 1
    st.session_state.last = (st.session_state.fa, st.session_state.fb)
# a keyless widget whose label depends on state: a new label is a new widget (both agree
# for keyless widgets; keyed label changes are a documented difference)
wide = st.checkbox("Wide", key="wide")
st.write("scale", st.slider("Scale (wide)" if wide else "Scale", 0, 10, 2))
if st.toggle("Extra", key="extra"):        # off: the extra widgets are cleaned up
    st.number_input("Extra n", 0, 9, key="extra_n")
    st.radio("Extra pick", ["p", "q"], key="extra_pick")
st.button("Click", on_click=clicked, args=(2,))
with st.form("f", clear_on_submit=False):
    st.slider("Form a", 0, 5, key="fa")
    st.text_input("Form b", key="fb")
    st.form_submit_button("Send", on_click=submitted)
st.write("clicks", st.session_state.clicks, "submitted", st.session_state.submitted)
"""


def _widget(at, kind, label):
    for w in at.get(kind):
        if w.label == label:
            return w
    return None


class AgreeMachine(RuleBasedStateMachine):
    @initialize()
    def start(self):
        self.pair = Pair(APP).run()

    def _do(self, kind, label, method, *args):
        def act(at):
            w = _widget(at, kind, label)
            if w is not None:
                getattr(w, method)(*args)
        self.pair.step(act)

    @rule(on=hs.booleans())
    def wide(self, on):
        self._do("checkbox", "Wide", "check" if on else "uncheck")

    @rule(v=hs.integers(0, 10))
    def scale(self, v):
        def act(at):
            for w in at.slider:
                if w.label.startswith("Scale"):
                    w.set_value(v)
        self.pair.step(act)

    @rule(on=hs.booleans())
    def extra(self, on):
        self._do("toggle", "Extra", "set_value", on)

    @rule(v=hs.integers(0, 9))
    def extra_n(self, v):
        self._do("number_input", "Extra n", "set_value", v)

    @rule(v=hs.sampled_from(["p", "q"]))
    def extra_pick(self, v):
        self._do("radio", "Extra pick", "set_value", v)

    @rule()
    def click(self):
        self._do("button", "Click", "click")

    @rule(a=hs.integers(0, 5), b=hs.sampled_from(["", "x", "yz"]))
    def submit_form(self, a, b):
        # filled in and sent in one step (Streamlit's AppTest forgets held form values
        # across other runs: a documented difference)
        def act(at):
            _widget(at, "slider", "Form a").set_value(a)
            _widget(at, "text_input", "Form b").input(b)
            _widget(at, "button", "Send").click()
        self.pair.step(act)

    @rule()
    def plain_rerun(self):
        self.pair.step(lambda at: None)

    @invariant()
    def agree(self):
        self.pair.assert_agree()


AgreeMachine.TestCase.settings = settings(
    max_examples=15, stateful_step_count=12, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
test_agree_state_machine = AgreeMachine.TestCase
