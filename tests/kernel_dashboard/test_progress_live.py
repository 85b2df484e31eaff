"""A slow app shows its progress while it reruns: a spinner appears and goes, a progress bar
moves, a status changes, all before the run ends; the rest of the app stays in place."""

from __future__ import annotations

SLOW_APP = """
import time
st.title("Slow report")
n = st.slider("Work", 1, 5, 2, key="{p}_work")
with st.spinner("Crunching numbers..."):
    time.sleep(0.3)
bar = st.progress(0, text="step 0")
for i in range(1, 4):
    time.sleep(0.15)
    bar.progress(i * 33, text=f"step {{i}}")
with st.status("Summing", expanded=True) as s:
    st.write(f"done {{n}}")
    s.update(label="Summed", state="complete")
st.checkbox("Keep me", key="{p}_keep")
"""


def test_spinner_and_progress_show_while_a_slow_app_reruns(kernel, app):
    root = app(SLOW_APP.format(p="prog"))  # slow: its reruns show their progress
    keep = kernel.find(description="Keep me", within=root)
    before = set(kernel.models)
    with kernel.updates_during() as ups:
        kernel.set(kernel.find(description="Work", within=root), 4)
    opened = [kernel.models[c] for c in set(kernel.models) - before]
    spinners = [m for m in opened if "nbstate-spinner" in str(m.get("value", ""))]
    assert spinners and all(m.closed for m in spinners)  # shown during the run, gone after
    assert "Crunching numbers..." in spinners[0]["value"]
    bar = next(m for m in root.walk() if "nbstate-progress" in str(m.get("value", "")))
    steps = [u["state"]["value"] for u in ups if u["model"] is bar]
    assert len(steps) >= 2 and 'value="99"' in steps[-1]  # it moved, then finished
    assert "step 3" in bar["value"]
    assert "done 4" in kernel.text(root)
    assert not keep.closed and kernel.find(description="Keep me", within=root) is keep
    assert [u for u in ups if u["model"] is keep] == []  # the rest stayed as it was


def test_a_fast_app_sends_no_progress(kernel, app, touched):
    root = app("""
    v = st.slider("Quick", 0, 10, 1, key="quick_prog")
    with st.spinner("never seen"):
        pass
    bar = st.progress(v * 10)
    """)
    before = set(kernel.models)
    with kernel.updates_during() as ups:
        kernel.set(kernel.find(description="Quick", within=root), 2)
    assert set(kernel.models) == before  # no spinner was created
    assert [m.name for m in touched(ups, root)] == ["HTML"]  # the bar, once


def test_progress_inside_a_fragment_and_from_a_worker_thread(kernel, app, touched):
    root = app("""
    import threading, time
    from nbstate.run import add_app_context
    st.slider("Outside", 0, 9, 0, key="pf_out")

    @st.fragment
    def job():
        go = st.button("Go", key="pf_go")
        bar = st.progress(0, text="idle")
        if go:
            time.sleep(0.3)  # slow: this run shows its progress
            worker = add_app_context(threading.Thread(target=bar.progress, args=(10,)))
            worker.start()
            worker.join()  # a thread's progress waits for the main thread's next flush
            for i in (50, 100):
                time.sleep(0.15)
                bar.progress(i, text=f"at {i}")
    job()
    """)
    go = kernel.find(description="Go", within=root)
    kernel.click(go)  # makes the fragment's runs slow
    frag = next(m for m in root.walk() if "nbstate-fragment" in m.classes)
    inside = list(frag.walk())
    with kernel.updates_during() as ups:
        kernel.click(go)
    bar = next(m for m in frag.walk() if "nbstate-progress" in str(m.get("value", "")))
    steps = [u["state"]["value"] for u in ups if u["model"] is bar]
    assert any("at 50" in s for s in steps) and "at 100" in steps[-1]
    assert all(m in inside for m in touched(ups, root))  # nothing outside the fragment


def test_a_placeholder_animates_while_a_slow_app_reruns(kernel, app):
    root = app("""
    import time
    st.button("Count down", key="anim_go")
    slot = st.empty()
    for i in (3, 2, 1):
        slot.write(f"T minus {i}")
        time.sleep(0.15)
    slot.success("Lift-off")
    """)
    kernel.click(kernel.find(description="Count down", within=root))  # slow: shows progress
    holder = next(m for m in root.walk() if "nbstate-empty" in m.classes)
    before = set(kernel.models)
    with kernel.updates_during() as ups:
        kernel.click(kernel.find(description="Count down", within=root))
    texts = [u["state"]["value"] for u in ups if "value" in u["state"]]
    texts += [kernel.models[c].get("value", "") for c in set(kernel.models) - before]
    seen = " ".join(str(t) for t in texts)
    assert "T minus 2" in seen and "T minus 1" in seen  # shown while the run went on
    assert kernel.text(holder) == "Lift-off"


def test_progress_in_the_middle_of_a_layout_recreates_nothing(kernel, app):
    root = app("""
    import time
    st.slider("Top", 0, 9, 0, key="mid_top")
    left, right = st.columns(2)
    left.checkbox("Left box", key="mid_left")
    with right:
        st.text_input("Right text", key="mid_text")
        bar = st.progress(0)
        time.sleep(0.3)
        bar.progress(60)
        st.number_input("Right number", 0, 9, 1, key="mid_num")
    tab1, tab2 = st.tabs(["A", "B"])
    tab1.radio("Pick", ["x", "y"], key="mid_pick")
    tab2.write("in b")
    st.selectbox("Bottom", ["p", "q"], key="mid_bottom")
    """)
    widgets = [m for m in root.walk() if m.get("description")]
    models = {m.comm_id for m in root.walk()}
    before = set(kernel.models)
    with kernel.updates_during() as ups:
        kernel.set(kernel.find(description="Top", within=root), 5)
    bar = next(m for m in root.walk() if "nbstate-progress" in str(m.get("value", "")))
    assert any('value="0"' in u["state"].get("value", "") for u in ups if u["model"] is bar)
    assert 'value="60"' in bar["value"]  # shown at 0 during the run, then 60
    assert set(kernel.models) == before  # nothing was created, so nothing was re-created
    assert {m.comm_id for m in root.walk()} == models
    assert not any(m.closed for m in widgets)
