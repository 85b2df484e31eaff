"""Ways out of a run that are not ``Exception``s: ``sys.exit()``, ``exit()``, ``quit()``,
``raise SystemExit``, ``GeneratorExit``, a user's ``BaseException`` subclass, and a kernel
interrupt landing while nbstate itself updates the output. Each shows what happened in the
app, the kernel survives and goes idle, the app stays live, and no widget comm is left open."""

from __future__ import annotations

import time

import pytest

EXITS = {
    "sys.exit()": "import sys; sys.exit()",
    "sys.exit(3)": "import sys; sys.exit(3)",
    "exit()": "exit()",
    "quit()": "quit()",
    "raise SystemExit": "raise SystemExit('bye')",
}


@pytest.mark.parametrize("how", list(EXITS))
def test_exit_in_app_code_is_shown_and_the_kernel_lives(kernel, app, how):
    root = app(f"""
    go = st.checkbox("Go", key="exit_go")
    if go:
        {EXITS[how]}
    st.write(f"alive go={{go}}")
    """)
    box = kernel.find(description="Go", within=root)
    kernel.set(box, True)
    text = kernel.text(root)
    assert "SystemExit" in text and "app stays live" in text
    assert "alive go=True" not in text
    assert kernel.eval("1 + 1") == 2  # the kernel process is still there
    kernel.set(box, False)  # and the app still answers
    text = kernel.text(root)
    assert "alive go=False" in text and "SystemExit" not in text


@pytest.mark.parametrize("how", list(EXITS))
def test_exit_in_a_callback_is_shown_and_the_app_stays_live(kernel, app, how):
    k = f"cb_runs_{list(EXITS).index(how)}"
    root = app(f"""
    st.session_state.setdefault("{k}", 0)
    def leave():
        st.session_state["{k}"] += 1
        if st.session_state["{k}"] == 1:
            {EXITS[how]}
    st.button("Leave", on_click=leave)
    st.write(f"runs={{st.session_state['{k}']}}")
    """)
    button = kernel.find(description="Leave", within=root)
    kernel.click(button)
    text = kernel.text(root)
    assert "SystemExit" in text
    assert kernel.eval("1 + 1") == 2
    kernel.click(button)
    assert "runs=2" in kernel.text(root) and "SystemExit" not in kernel.text(root)


def test_exit_in_the_first_run_is_shown_in_the_app(kernel, app):
    root = app("""
    st.write("before")
    exit()
    """)
    text = kernel.text(root)
    assert "before" in text and "SystemExit" in text
    assert kernel.eval("1 + 1") == 2
    # exit() is IPython's own again outside the app: it was only caught during the run
    assert kernel.eval("type(get_ipython().ask_exit).__name__") == "method"


@pytest.mark.parametrize("raiser", [
    "raise Boom('a BaseException of the app')",
    "raise GeneratorExit('generator exit from the app')",
])
def test_other_base_exceptions_are_shown_and_the_kernel_goes_idle(kernel, app, raiser):
    root = app(f"""
    class Boom(BaseException):
        pass
    n = st.number_input("N", 0, 10, 0, key="bx_n_{len(raiser)}")
    if n == 2:
        {raiser}
    st.write(f"n={{n}}")
    """)
    field = kernel.find(description="N", within=root)
    opened = kernel.open_models()
    kernel.set(field, 2)  # waits until the kernel is idle for the message
    text = kernel.text(root)
    assert ("Boom" in text and "a BaseException of the app" in text) or (
        "GeneratorExit" in text and "generator exit from the app" in text)
    kernel.set(field, 3)
    assert "n=3" in kernel.text(root)
    # what replaced the failed run's output was closed: no comm more than before
    assert len(kernel.open_models()) == len(opened), (set(opened) ^ set(kernel.open_models()))


def settle(kernel, done, timeout: float = 30) -> None:
    """Read what the kernel still sends after going idle until ``done()`` (a rerun that the
    burst detection deferred, on a loaded machine, may finish after the message's idle)."""
    deadline = time.monotonic() + timeout
    kernel._drain()
    while not done() and time.monotonic() < deadline:
        kernel._drain()


def test_interrupt_while_nbstate_recreates_thousands_of_widgets(kernel, app, tmp_path):
    """The interrupt lands in nbstate's own code (a binding creating widget 1,500 of
    3,000): the output is finished first, then the interrupt is shown; no comm leaks."""
    flag = tmp_path / "creating"
    kernel.execute(f"""
import pathlib, time
from nbstate.frontends import bindings as _b
_calls = [0]
_real_create = _b.Html.create
def _slow_create(self, el):
    _calls[0] += 1
    if _calls[0] == 1500 and _armed[0]:
        pathlib.Path({str(flag)!r}).write_text("now")
        time.sleep(2)
    return _real_create(self, el)
_armed = [False]
_b.Html.create = _slow_create
""")
    try:
        root = app("""
        flip = st.toggle("Flip", key="many_flip")
        for i in range(3000):
            if flip:
                st.markdown(f"row {i}")
            else:
                st.text(f"row {i}")  # another element type: every widget is re-created
        """)
        kernel.execute("_calls[0] = 0; _armed[0] = True")
        before = len(kernel.open_models())
        mid = kernel.set(kernel.find(description="Flip", within=root), True, wait=False)
        kernel.wait_for_file(flag, "the binding", timeout=60)
        kernel.interrupt()
        kernel.wait(mid)
        settle(kernel, lambda: "row 2999" in kernel.text(root)
               and len(kernel.open_models()) <= before + 1)
        text = kernel.text(root)
        assert "KeyboardInterrupt" in text and "update was completed first" in text
        assert text.count("row ") == 3000 and "row 2999" in text  # the whole new run shows
        assert len(kernel.open_models()) == before + 1  # the notice (its layout and style are shared)
        kernel.set(kernel.find(description="Flip", within=root), False)  # still live
        settle(kernel, lambda: len(kernel.open_models()) <= before)
        text = kernel.text(root)
        assert "KeyboardInterrupt" not in text and text.count("row ") == 3000
        assert len(kernel.open_models()) == before
    finally:
        kernel.execute("_b.Html.create = _real_create")
