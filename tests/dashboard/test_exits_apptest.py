"""AppTest (no kernel): sys.exit(), SystemExit and a user's BaseException in app code or a
callback are exception elements; the run stops there and the app answers the next run."""

from __future__ import annotations

import pytest

from nbstate.testing import AppTest

APP = """
import sys
import nbstate as st

class Boom(BaseException):
    pass

def cb():
    if st.session_state.how == "callback":
        sys.exit(4)

how = st.radio("How", ["none", "code", "callback", "boom"], key="how", on_change=cb)
if how == "code":
    raise SystemExit("bye")
if how == "boom":
    raise Boom("a BaseException of the app")
st.write(f"alive with {how}")
"""


@pytest.mark.parametrize("how, shown", [
    ("code", "SystemExit"), ("callback", "SystemExit"), ("boom", "Boom")])
def test_exits_are_shown_and_the_app_answers(how, shown):
    at = AppTest.from_string(APP).run()
    at.radio(key="how").set_value(how).run()
    assert at.exception and at.exception[0].type == shown
    if how != "callback":  # (after a callback's error the last run's elements stay, stale)
        assert "alive" not in " ".join(m.value for m in at.markdown)
    at.radio(key="how").set_value("none").run()
    assert not at.exception and at.markdown[-1].value == "alive with none"


def test_an_interrupt_of_a_headless_run_still_stops_the_caller():
    at = AppTest.from_string("raise KeyboardInterrupt")
    with pytest.raises(KeyboardInterrupt):
        at.run()
