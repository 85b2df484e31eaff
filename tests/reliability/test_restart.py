"""A kernel restart: the old output's widget models are gone from the kernel (a browser's
update to one reaches nothing and changes nothing), and executing the app cell again in the
new kernel gives a live app."""

from __future__ import annotations

from nbstate.testing.kernel import KernelSession

CELL = """%%app
import nbstate as st
st.session_state.setdefault("clicks", 0)
def more():
    st.session_state.clicks += 1
st.button("More", on_click=more)
n = st.slider("N", 0, 10, 2, key="n")
st.write(f"n={n} clicks={st.session_state.clicks}")
"""


def _open_comms(k: KernelSession) -> int:
    return k.eval("len(__import__('ipywidgets').Widget.widgets)")


def test_restart_leaves_the_old_output_inert_and_the_cell_runs_again(tmp_path):
    with KernelSession(cwd=str(tmp_path), timeout=60) as k:
        k.execute("%load_ext nbstate")
        k.execute(CELL, cell_id="restart-cell")
        old = k.app()
        k.set(k.find(description="N", within=old), 6)
        k.click(k.find(description="More", within=old))
        assert "n=6 clicks=1" in k.text(old)
        old_slider = k.find(description="N", within=old)

        k.km.restart_kernel(now=True)
        k.kc.wait_for_ready(timeout=60)
        k._drain()
        assert _open_comms(k) == 0  # no widget survives: the old output has no model

        with k.updates_during() as ups:
            k.set(old_slider, 9)  # a browser still showing the old slider
            k.click(k.find(description="More", within=old))
        assert ups == []
        assert _open_comms(k) == 0
        assert k.eval("'nbstate' in __import__('sys').modules") is False

        k.execute("%load_ext nbstate")
        k.execute(CELL, cell_id="restart-cell")
        new = k.app()
        assert new.comm_id != old.comm_id
        assert "n=2 clicks=0" in k.text(new)  # a new session: state starts afresh
        k.set(k.find(description="N", within=new), 4)
        k.click(k.find(description="More", within=new))
        assert "n=4 clicks=1" in k.text(new)
