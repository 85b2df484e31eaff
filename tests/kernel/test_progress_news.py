"""A run's progress is pushed to the live output only when it has something to show (issue
15): while a rerun has only made what the output already shows, the push that would merely
mark the rest as the previous run's (faded by the stylesheet 0.3 s later) is left out, so a
re-executed or rerun app that changes nothing sends nothing until its end; a run that goes on
past the fade's delay is marked running, and what a run changes shows as it comes."""

from __future__ import annotations

import time

from nbstate.frontends.ipy import FADE_AFTER

BODY = """import time
import altair as alt
import pandas as pd
st.title("{title}")
st.slider("Level", 0, 10, 3, key="level")
# (a chart made anew each run: the same spec is the same element)
st.altair_chart(alt.Chart(pd.DataFrame({{"x": [1, 2], "y": [3, 4]}})).mark_bar()
                .encode(x="x:O", y="y:Q"))
time.sleep({sleep})
st.write("end")
"""


def _live_pushes(msgs: list[dict]) -> list[dict]:
    """The progress pushes: the marker's update that says a run's output is shown live."""
    return [m for m in msgs if m["msg_type"] == "comm_msg"
            and m["content"]["data"].get("method") == "update"
            and m["content"]["data"].get("state", {}).get("live") is True]


def test_a_rerun_that_changes_nothing_pushes_nothing_before_the_fade(kernel, app):
    app(BODY.format(title="Same", sleep=0.15), cell_id="news-same")
    with kernel.iopub_during() as msgs:
        app(BODY.format(title="Same", sleep=0.15), cell_id="news-same")
    assert _live_pushes(msgs) == []


def test_a_run_that_goes_on_past_the_fade_is_marked_while_it_runs(kernel, app):
    app(BODY.format(title="Long", sleep=FADE_AFTER + 0.5), cell_id="news-long")
    with kernel.iopub_during() as msgs:
        t = time.perf_counter()
        app(BODY.format(title="Long", sleep=FADE_AFTER + 0.5), cell_id="news-long")
        took = time.perf_counter() - t
    pushes = _live_pushes(msgs)
    assert pushes, f"no progress was shown during a run of {took:.2f} s"
    ended = [i for i, m in enumerate(msgs) if m["msg_type"] == "comm_msg"
             and m["content"]["data"].get("state", {}).get("live") is False]
    assert ended and msgs.index(pushes[0]) < ended[-1]  # before the run's end unmarks it
    assert pushes[0]["content"]["data"]["state"].get("running") is True


def test_what_a_run_changes_shows_as_it_comes(kernel, app):
    root = app(BODY.format(title="Before", sleep=0.15), cell_id="news-edit")
    with kernel.iopub_during() as msgs:
        app(BODY.format(title="After", sleep=FADE_AFTER), cell_id="news-edit")
    pushes = _live_pushes(msgs)
    assert pushes, "the changed title was not shown while the run went on"
    assert "After" in kernel.text(root)
