"""The internals nbstate reads from ipykernel and ipywidgets (nbstate/frontends/compat.py) are
really there on the installed versions: a burst of updates is coalesced, and it is coalesced
because the burst detection saw the waiting messages, not by luck of timing."""

from __future__ import annotations


def _status(kernel) -> dict:
    return kernel.eval("__import__('nbstate.frontends.compat', fromlist=['x']).status()")


def test_installed_versions_are_known_ones(kernel, app):
    app("st.write('hi')")
    status = _status(kernel)
    assert status["untested"] == [], status
    assert status["shell_stream"] is True  # the stream the next message arrives on is found


def test_burst_coalescing_is_active_on_the_installed_ipykernel(kernel, app):
    root = app("""
    st.session_state.setdefault("compat_runs", 0)
    st.session_state.compat_runs += 1
    v = st.slider("Drag", 0, 500, 0, key="compat_drag")
    st.write(f"drag={v}")
    """)
    before = _status(kernel)
    runs = kernel.state("compat_runs")
    kernel.burst(kernel.find(description="Drag", within=root), list(range(1, 301)))
    after = _status(kernel)
    reruns = kernel.state("compat_runs") - runs
    assert 1 <= reruns <= 5, reruns  # 300 updates, a handful of reruns at most
    assert "drag=300" in kernel.text(root)
    # the detection itself fired: waiting shell messages were seen through the internals
    seen = (after["pending_tasks"] - before["pending_tasks"]
            + after["socket_waiting"] - before["socket_waiting"])
    assert seen > 0, (before, after)
