"""An endless st.rerun() loop interrupted (the stop button, in a live kernel): the last run
that completed stays on screen under the exception, so its widgets can end the loop, even
when the interrupt landed before the interrupted run drew any widget."""

from __future__ import annotations

from nbstate.run import App, Session

CODE = """
import nbstate as st
n = st.session_state.setdefault("n", 0)
st.session_state.n = n + 1
if st.session_state.get("loop") and n >= 4:
    raise KeyboardInterrupt  # where the interrupt lands: before any element of this run
loop = st.toggle("Loop", key="loop")
st.write(f"loop={loop} run={n}")
if loop:
    st.rerun()
"""


def _texts(tree):
    return [e.props.get("body") for e in tree.walk() if e.type == "markdown"]


def test_an_interrupted_rerun_loop_keeps_its_last_complete_run():
    app = App(CODE, session=Session())
    app.catch_interrupts = True  # as the live frontend runs apps
    app.run()
    toggle = next(e for e in app.tree.walk() if e.type == "toggle")
    tree = app.interact({toggle.id: True})
    kinds = [e.type for e in tree.walk()]
    assert "exception" in kinds and "toggle" in kinds, kinds
    assert any("loop=True run=3" in (t or "") for t in _texts(tree)), _texts(tree)
    exc = next(e for e in tree.walk() if e.type == "exception")
    assert "st.rerun()" in exc.props["message"] and "runs in a row" in exc.props["message"]
    # the toggle ends the loop
    tree = app.interact({toggle.id: False})
    assert "exception" not in [e.type for e in tree.walk()]
    assert any("loop=False" in (t or "") for t in _texts(tree)), _texts(tree)


def test_an_interrupt_outside_a_loop_shows_the_run_so_far():
    app = App("import nbstate as st\nst.write('before')\nraise KeyboardInterrupt\n",
              session=Session())
    app.catch_interrupts = True
    tree = app.run()
    kinds = [e.type for e in tree.walk()]
    assert "exception" in kinds and any("before" in (t or "") for t in _texts(tree))


def test_an_interrupt_between_two_runs_of_the_loop_keeps_the_last_run():
    # the interrupt may land in nbstate's own code between two runs (building a run's tree),
    # outside the app's code: the last complete run stays on screen all the same
    from nbstate import run as core

    calls = []

    def interrupt_on_the_sixth(app, props):
        calls.append(1)
        if len(calls) == 6:
            raise KeyboardInterrupt

    app = App(CODE.replace("and n >= 4", "and n >= 10**6"), session=Session())
    app.catch_interrupts = True
    app.run()
    toggle = next(e for e in app.tree.walk() if e.type == "toggle")
    core.ROOT_HOOKS.append(interrupt_on_the_sixth)
    try:
        tree = app.interact({toggle.id: True})
    finally:
        core.ROOT_HOOKS.remove(interrupt_on_the_sixth)
    kinds = [e.type for e in tree.walk()]
    assert "exception" in kinds and "toggle" in kinds, kinds
    assert any("loop=True" in (t or "") for t in _texts(tree)), _texts(tree)
    exc = next(e for e in tree.walk() if e.type == "exception")
    assert "runs in a row" in exc.props["message"]
    tree = app.interact({toggle.id: False})  # the toggle ends the loop
    assert "exception" not in [e.type for e in tree.walk()]
