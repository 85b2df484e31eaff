"""Floods with memory bounds: a flood of valid updates, a flood of refused values, and many
edited re-executions of one cell. The kernel's resident memory and its open widget comms stay
bounded. ``NBSTATE_LONG=1``: 20,000 updates, 10,000 refusals, 200 edits (the issue's sizes);
otherwise a tenth of that."""

from __future__ import annotations

from hostile import LONG, Browser

UPDATES = 20_000 if LONG else 2_000
REFUSALS = 10_000 if LONG else 1_000
EDITS = 200 if LONG else 20
MiB = 1024 * 1024


def _rss(kernel) -> int:
    """The kernel's resident memory (bytes), after a garbage collection."""
    return kernel.eval("(__import__('gc').collect(), int(open('/proc/self/statm').read()"
                       ".split()[1]) * __import__('os').sysconf('SC_PAGE_SIZE'))[1]")


def _comms(kernel) -> int:
    return kernel.eval("len(__import__('ipywidgets').Widget.widgets)")


def _send(browser: Browser, model, values, chunk: int = 2_000) -> None:
    for i in range(0, len(values), chunk):
        browser.send_all([browser.comm(model, {"method": "update", "state": {"value": v},
                                               "buffer_paths": []})
                          for v in values[i:i + chunk]])


def test_flood_of_updates(kernel, app, browser: Browser):
    root = app("""
    v = st.slider("Flood", 0, 100_000, 0, key="flood_v")
    st.write(f"flood={v}")
    """)
    s = kernel.find(description="Flood", within=root)
    _send(browser, s, list(range(1, 201)))  # warm up
    rss, comms, ever = _rss(kernel), _comms(kernel), len(kernel.models)
    _send(browser, s, list(range(1, UPDATES + 1)))
    assert len(kernel.models) == ever  # updated in place: no widget opened
    assert f"flood={UPDATES}" in kernel.text(root)
    assert _comms(kernel) == comms
    assert _rss(kernel) - rss < 20 * MiB


def test_flood_of_refusals(kernel, app, browser: Browser):
    root = app("""
    v = st.slider("Refuse", 0, 10, 5, key="refuse_v")
    st.write(f"refuse={v}")
    """)
    s = kernel.find(description="Refuse", within=root)
    _send(browser, s, [11 + i for i in range(200)])  # warm up: the warning exists
    rss, comms, ever = _rss(kernel), _comms(kernel), len(kernel.models)
    _send(browser, s, [11 + i for i in range(REFUSALS)])
    assert len(kernel.models) - ever <= 3  # at most one warning was ever opened
    text = kernel.text(root)
    assert "refuse=5" in text and text.count("refused the value") == 1
    assert kernel.state("refuse_v") == 5
    assert _comms(kernel) == comms  # no widget per refusal
    assert _rss(kernel) - rss < 20 * MiB


def test_many_edited_re_executions_of_one_cell(kernel, app):
    def body(i: int) -> str:
        return f"""
        st.slider("Edit {i % 3}", 0, 10, key="edit_k{i % 3}")
        for j in range(20):
            st.write(f"line {{j}} of edit {i}")
        """

    for i in range(3):
        app(body(i), cell_id="edited-cell")
    rss, comms = _rss(kernel), _comms(kernel)
    for i in range(3, EDITS + 3):
        root = app(body(i), cell_id="edited-cell")
    assert f"line 19 of edit {EDITS + 2}" in kernel.text(root)
    assert _comms(kernel) <= comms + 10  # each edit closes the last output's widgets
    assert kernel.eval("len(__import__('nbstate').frontends.ipy.live_apps())") >= 1
    assert _rss(kernel) - rss < 30 * MiB
