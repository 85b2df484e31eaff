"""@st.fragment in a live kernel: a widget inside a fragment reruns only the fragment, and
the rest of the app receives no update message."""

from __future__ import annotations

FRAGMENT_APP = """
ss = st.session_state
ss["{p}_full"] = ss.get("{p}_full", 0) + 1
outside = st.slider("Outside", 0, 10, 1, key="{p}_out")
st.write(f"outside={{outside}}")

@st.fragment
def panel():
    ss["{p}_frag"] = ss.get("{p}_frag", 0) + 1
    v = st.slider("Inside", 0, 10, 2, key="{p}_in")
    if st.button("Again", key="{p}_again"):
        st.rerun(scope="fragment")
    if st.button("Everything", key="{p}_all"):
        st.rerun()
    st.write(f"inside={{v}} outside={{outside}} frag runs={{ss.{p}_frag}}")

panel()
st.write(f"full runs={{ss.{p}_full}}")
"""


def fragment_box(root):
    return next(m for m in root.walk() if "nbstate-fragment" in m.classes)


def test_widget_inside_a_fragment_reruns_only_the_fragment(kernel, app, touched, state):
    root = app(FRAGMENT_APP.format(p="f1"))
    assert (state("f1_full"), state("f1_frag")) == (1, 1)
    frag = fragment_box(root)
    inside_models = list(frag.walk())
    before = {m.comm_id for m in root.walk()}
    with kernel.updates_during() as ups:
        kernel.set(kernel.find(description="Inside", within=root), 7)
    assert (state("f1_full"), state("f1_frag")) == (1, 2)  # the app's code did not run again
    changed = touched(ups, root)
    assert changed and all(m in inside_models for m in changed)  # nothing outside was sent
    assert [m.name for m in changed] == ["HTML"]  # the fragment's text, nothing else
    text = kernel.text(root)
    assert "inside=7 outside=1 frag runs=2" in text and "full runs=1" in text
    assert {m.comm_id for m in root.walk()} == before  # nothing re-created


def test_rerun_scope_fragment_and_a_full_rerun_after_it(kernel, app, touched, state):
    root = app(FRAGMENT_APP.format(p="f2"))
    full, frag = state("f2_full"), state("f2_frag")
    inside = list(fragment_box(root).walk())
    with kernel.updates_during() as ups:
        kernel.click(kernel.find(description="Again", within=root))
    # the click's fragment run, then st.rerun(scope="fragment"): two fragment runs, no full one
    assert (state("f2_full"), state("f2_frag")) == (full, frag + 2)
    assert all(m in inside for m in touched(ups, root))

    # a widget outside the fragment reruns everything, the fragment included
    kernel.set(kernel.find(description="Outside", within=root), 4)
    assert (state("f2_full"), state("f2_frag")) == (full + 1, frag + 3)
    assert "outside=4" in kernel.text(root) and f"full runs={full + 1}" in kernel.text(root)

    # the fragment's view of the outside value follows the full rerun, and fragment reruns
    # after it still leave the outside alone
    with kernel.updates_during() as ups:
        kernel.set(kernel.find(description="Inside", within=root), 3)
    assert "inside=3 outside=4" in kernel.text(root)
    assert all(m in list(fragment_box(root).walk()) for m in touched(ups, root))
    assert state("f2_full") == full + 1

    kernel.click(kernel.find(description="Everything", within=root))
    assert state("f2_full") == full + 2


def test_refused_value_outside_a_fragment_is_set_back_after_a_fragment_rerun(kernel, app):
    # the outside subtree is skipped by the reconciler (same elements as last time); a value
    # the browser sent there that the core refused must still be set back
    root = app(FRAGMENT_APP.format(p="f3"))
    outside = kernel.find(description="Outside", within=root)
    kernel.set(outside, 99)
    assert outside.value == 1
    assert "refused" in kernel.text(root)
    kernel.set(kernel.find(description="Inside", within=root), 5)
    assert outside.value == 1 and "inside=5" in kernel.text(root)


def test_fragment_rerun_in_an_app_with_many_widgets_sends_only_the_fragment(
        kernel, app, touched, state):
    root = app("""
    ss = st.session_state
    ss["big_full"] = ss.get("big_full", 0) + 1
    with st.expander("Many", expanded=True):
        cols = st.columns(4)
        for i in range(200):
            cols[i % 4].checkbox(f"Box {i}", key=f"big{i}")

    @st.fragment
    def small():
        n = st.number_input("Small", 0, 100, 0, key="big_small")
        st.write(f"small={n}")

    small()
    """)
    with kernel.updates_during() as ups:
        kernel.set(kernel.find(description="Small", within=root), 42)
    assert [m.name for m in touched(ups, root)] == ["HTML"]
    assert "small=42" in kernel.text(root) and state("big_full") == 1
    # the widgets outside still work, and a full rerun follows
    kernel.set(kernel.find(description="Box 150", within=root), True)
    assert state("big150") is True and state("big_full") == 2


def test_fragment_reruns_and_shown_progress_leave_no_widget_behind(kernel, app):
    root = app("""
    import time
    st.checkbox("Outer", key="leak_outer")

    @st.fragment
    def part():
        n = st.number_input("Count", 0, 50, 0, key="leak_n")
        for i in range(n % 3):
            st.write(f"line {i}")
        if n >= 10:
            with st.spinner("slow part"):
                time.sleep(0.3)
    part()
    """)
    count = "len(__import__('ipywidgets').Widget.widgets)"
    number = kernel.find(description="Count", within=root)
    kernel.set(number, 10)  # slow from here on: spinners are shown, then closed
    baseline = kernel.eval(count)
    for v in (11, 12, 13, 1, 2, 10):
        kernel.set(number, v)
    kernel.set(number, 10)
    assert kernel.eval(count) == baseline
    assert kernel.text(root).count("line ") == 1  # 10 % 3 == 1
