"""The picture output of a live app in a real kernel (issue 14, issue 15): an output of its own
right after the live one, brought up to date after interactions (once they pause, off the
interaction's path) and sent only when it changed; the live output is never updated."""

from __future__ import annotations

import time

from nbstate.frontends.ipy import PICTURE_AFTER
from nbstate.testing.kernel import message_bytes

APP = """%%app pic
import nbstate as st
x = st.slider("x", 0, 10, 3)
st.button("noop")
st.write(f"x is {x}")
"""

VIEW = "application/vnd.jupyter.widget-view+json"


def _ids(msgs: list[dict], kind: str = "display_data") -> list[str]:
    return [m["content"]["transient"]["display_id"] for m in msgs
            if m["msg_type"] == kind and (m["content"].get("transient") or {}).get("display_id")]


def _picture_msgs(msgs: list[dict], pic_id: str) -> list[dict]:
    return [m for m in msgs if m["msg_type"] in ("display_data", "update_display_data")
            and (m["content"].get("transient") or {}).get("display_id") == pic_id]


def _execute(kernel, code: str, cell_id: str) -> tuple[str, str, list[dict]]:
    """Run the cell; (live output's display id, picture's display id, its messages)."""
    with kernel.iopub_during() as msgs:
        kernel.execute(code, cell_id=cell_id)
    live_id, pic_id = _ids(msgs)
    assert VIEW in kernel.displays[live_id] and VIEW not in kernel.displays[pic_id]
    return live_id, pic_id, msgs


def _settle(kernel) -> None:
    kernel.listen(PICTURE_AFTER + 1.0)


def test_picture_output_follows_the_last_state_and_is_sent_only_when_it_changes(kernel):
    live_id, pic_id, msgs = _execute(kernel, APP, "pic-cell")
    # two outputs: the live one (widget view, a short line) and the picture (HTML, outline)
    live, pic = kernel.displays[live_id], kernel.displays[pic_id]
    assert set(live) == {VIEW, "text/plain"} and "\n" not in live["text/plain"]
    assert set(pic) == {"text/html", "text/plain"}
    assert 'slider "x": 3' in pic["text/plain"] and "x is 3" in pic["text/plain"]
    assert "not live" in pic["text/html"]
    root = kernel.app()
    assert any(c.startswith("nbstate-shown-") for c in root.classes)  # hides the picture

    slider = kernel.find(description="x", within=root)
    with kernel.iopub_during() as during:
        t = time.perf_counter()
        kernel.set(slider, 7)
        rerun = time.perf_counter() - t
        assert not _picture_msgs(during, pic_id)  # not in the interaction's own answer
        _settle(kernel)
    print(f"interaction answered in {rerun * 1000:.1f} ms")  # (a figure, not an assertion)
    [update] = _picture_msgs(during, pic_id)
    assert update["msg_type"] == "update_display_data"
    assert 'slider "x": 7' in kernel.displays[pic_id]["text/plain"]
    assert "x is 7" in kernel.displays[pic_id]["text/plain"]
    assert not _ids(during, "update_display_data").count(live_id)  # the live view stays

    # a burst of changes: one update, with the last value
    with kernel.iopub_during() as during:
        for v in (1, 2, 5):
            kernel.set(slider, v)
        _settle(kernel)
    assert len(_picture_msgs(during, pic_id)) == 1
    assert 'slider "x": 5' in kernel.displays[pic_id]["text/plain"]

    # an interaction that changes nothing the app shows: no picture bytes at all
    with kernel.iopub_during() as during:
        kernel.click(kernel.find(description="noop", within=root))
        _settle(kernel)
    assert sum(message_bytes(m) for m in _picture_msgs(during, pic_id)) == 0
    assert not [m for m in during if m["msg_type"] == "update_display_data"]


def test_reexecution_shows_the_last_picture_at_once_and_updates_it_if_it_changed(kernel):
    _, pic_id, msgs = _execute(kernel, APP.replace("%%app pic", "%%app pic2"), "pic2-cell")
    # executed again: the notebook cleared the cell's outputs, so the live output is displayed
    # at once (it shows the last run until the run updates it), before anything of the run,
    # and the last run's picture right after it (a saved notebook keeps a picture all along);
    # the run's end updates the picture if it changed, and sends nothing if it did not
    for changed, was, shows in ((False, 'slider "x": 3', 'slider "x": 3'),
                                (True, 'slider "x": 3', 'slider "x": 4')):
        code = APP.replace("%%app pic", "%%app pic2")
        if changed:
            code = code.replace("0, 10, 3", "0, 10, 4")
        live, pic2, msgs = _execute(kernel, code, "pic2-cell")
        assert pic2 != pic_id
        with kernel.iopub_during() as later:
            _settle(kernel)
        kinds = [m["msg_type"] for m in msgs if m["msg_type"] in (
            "display_data", "update_display_data", "comm_msg")]
        assert kinds[:2] == ["display_data", "display_data"]
        assert _ids(msgs)[:2] == [live, pic2]  # the live output, then the last picture
        first, *rest = _picture_msgs(msgs + later, pic2)
        assert was in first["content"]["data"]["text/plain"]
        if changed:
            (update,) = rest
            assert update["msg_type"] == "update_display_data"
            assert msgs.index(update) == max(i for i, m in enumerate(msgs)
                                             if m["msg_type"] in kinds)  # after the run's
        else:
            assert rest == []
        assert shows in kernel.displays[pic2]["text/plain"]
        print(f"re-execution: picture {message_bytes(first):,} bytes")
        pic_id = pic2


def test_slow_first_run_never_updates_the_live_output(kernel):
    # a slow first run displays its output while it runs; the end of the run fills the
    # picture output in, and leaves the live one alone (JupyterLab would draw it anew)
    code = """%%app slowpic
import time
import nbstate as st
st.title("Slow")
time.sleep(0.6)
st.slider("y", 0, 10, 2)
"""
    with kernel.iopub_during() as msgs:
        kernel.execute(code, cell_id="slowpic-cell")
    live_id, pic_id = _ids(msgs)
    assert live_id not in _ids(msgs, "update_display_data")
    assert _ids(msgs, "update_display_data") == [pic_id]
    assert 'slider "y": 2' in kernel.displays[pic_id]["text/plain"]
    assert "Slow" in kernel.displays[pic_id]["text/html"]


def test_picture_of_a_huge_app_stays_small(kernel):
    _, pic_id, msgs = _execute(kernel, """%%app hugepic
import nbstate as st
for i in range(3000):
    st.slider(f"s{i}", 0, 10, 1, key=f"h{i}")
""", "hugepic-cell")
    # (a slow run: displayed empty while it ran, then filled in)
    assert sum(message_bytes(m) for m in _picture_msgs(msgs, pic_id)) < 200_000
    # (all 3,000 sliders drawn would be ~300 kB)
    pic = kernel.displays[pic_id]
    assert "more elements are not drawn" in pic["text/html"]
    assert 'slider "s0": 1' in pic["text/plain"]
    assert pic["text/plain"].splitlines()[-1].endswith("(the outline is kept small)")
