"""Widget messages sent on a kernel subshell, as JupyterLab 4.4+ sends them (its setting
``commsOverSubshells``, on by default with ipykernel 7). ipykernel 7.4 hands a comm's messages
to the thread that last sent on it: once a rerun that answered a message sent on the subshell
has updated a widget (a callback set its value), that widget's next messages are handled in the
subshell's thread. An app's callbacks and code still run on the main thread, one run at a time
and after the cell the main thread is running (``nbstate/frontends/relay.py``)."""

from __future__ import annotations

import itertools
import time

import pytest

from nbstate.testing.kernel import KernelSession


@pytest.fixture(scope="module")
def kernel(tmp_path_factory):
    with KernelSession(cwd=str(tmp_path_factory.mktemp("subshell")), timeout=60,
                       comms_on_subshell=True) as k:
        k.execute("%load_ext nbstate")
        yield k


_names = itertools.count()

# a slider whose value a button's callback sets: the rerun after the click sends the slider's
# new value in answer to a message sent on the subshell, which routes the slider there
SLIDER = """
import threading, time
st.session_state.setdefault("threads", [])
st.session_state.setdefault("seen_at", [])
st.session_state.setdefault("runs", 0)
st.session_state.runs += 1
def changed():
    st.session_state.threads.append(threading.current_thread().name)
    st.session_state.seen_at.append(time.time())
def reset():
    st.session_state.level = 1
st.button("Reset", on_click=reset)
level = st.slider("Level", 0, 100, 0, key="level", on_change=changed)
st.write(f"level={level} on {threading.current_thread().name}")
"""


@pytest.fixture
def slider(kernel):
    """The slider of a fresh app, its messages now handled on the subshell's thread."""
    def make(extra: str = "") -> tuple:
        root = kernel.run_app_cell(SLIDER + extra, name=f"subshell{next(_names)}")
        kernel.click(kernel.find(description="Reset", within=root))
        assert "level=1" in kernel.text(root)
        return root, kernel.find(description="Level", within=root)
    return make


def test_a_change_runs_the_callback_and_the_app_on_the_main_thread(kernel, slider):
    root, s = slider()
    before = len(kernel.state("threads"))
    kernel.set(s, 5)
    assert kernel.state("threads")[before:] == ["MainThread"]
    assert "level=5 on MainThread" in kernel.text(root)


def test_a_change_during_a_running_cell_is_handled_after_it(kernel, slider):
    root, s = slider()
    before = len(kernel.state("seen_at"))
    with kernel.iopub_during() as msgs:
        cell = kernel.kc.execute("import time\ntime.sleep(1.0)\ncell_ended = time.time()")
        time.sleep(0.3)  # the cell is running
        change = kernel.set(s, 4)  # returns once the kernel handled it
    idle = [m["parent_header"].get("msg_id") for m in msgs
            if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle"]
    assert idle.index(cell) < idle.index(change)
    assert "level=4" in kernel.text(root)
    [seen] = kernel.state("seen_at")[before:]
    assert seen >= kernel.eval("cell_ended")


def test_the_stop_button_stops_a_rerun_started_on_the_subshell(kernel, slider, tmp_path):
    flag = tmp_path / "spinning"
    root, s = slider(f"""
import pathlib
if level == 7:
    pathlib.Path({str(flag)!r}).write_text("now")
    while True:
        time.sleep(0.01)
""")
    mid = kernel.set(s, 7, wait=False)
    kernel.wait_for_file(flag, "the rerun", timeout=30)
    kernel.interrupt()
    kernel.wait(mid)
    assert "KeyboardInterrupt" in kernel.text(root)
    assert kernel.eval("1 + 1") == 2


def test_a_burst_on_the_subshell_is_coalesced(kernel, slider):
    root, s = slider("time.sleep(0.05)\n")
    before = kernel.state("runs")
    kernel.burst(s, list(range(2, 52)))
    runs = kernel.state("runs") - before
    # (one per update would be 50; a loaded machine delivers the burst over more of the
    # 50 ms runs: 6 were seen with two test runs sharing the 2 cores)
    assert 1 <= runs <= 10, runs
    assert "level=51" in kernel.text(root)
