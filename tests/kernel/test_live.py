"""A live app in a real kernel, driven as the browser drives it: forms, identity, cleanup,
flicker-free updates, coalescing, refusals, errors, re-execution, print()."""

from __future__ import annotations


def test_form_holds_values_until_submit(kernel, app):
    root = app("""
    st.session_state.setdefault("seen", [])
    def sent():
        st.session_state.seen.append((st.session_state.fs, st.session_state.ft))
    with st.form("f"):
        st.slider("Level", 0, 10, 1, key="fs")
        st.text_input("Name", key="ft")
        st.form_submit_button("Send", on_click=sent)
    st.write(f"level={st.session_state.fs} name={st.session_state.ft!r} seen={st.session_state.seen}")
    """)
    slider = kernel.find(description="Level", within=root)
    with kernel.updates_during() as ups:
        kernel.set(slider, 6)
        kernel.set(kernel.find(description="Name", within=root), "Ada")
    assert ups == []  # nothing reran: the browser holds the form's values
    assert "level=1 name='' seen=[]" in kernel.text(root)

    kernel.click(kernel.find(description="Send", within=root))
    assert "level=6 name='Ada' seen=[(6, 'Ada')]" in kernel.text(root)
    assert slider.value == 6


def test_clear_on_submit_resets_the_displayed_widgets(kernel, app):
    root = app("""
    with st.form("c", clear_on_submit=True):
        st.slider("Amount", 0, 10, 2, key="amount")
        st.form_submit_button("Add")
    st.write(f"amount={st.session_state.amount}")
    """)
    slider = kernel.find(description="Amount", within=root)
    kernel.set(slider, 9)
    kernel.click(kernel.find(description="Add", within=root))
    assert slider.value == 2  # the kernel set the browser's slider back to its default
    # session state keeps the submitted value until the next submit (SPEC §7)
    assert kernel.state("amount") == 9 and "amount=9" in kernel.text(root)
    kernel.click(kernel.find(description="Add", within=root))  # sends what the form shows
    assert kernel.state("amount") == 2 and "amount=2" in kernel.text(root)
    assert slider.value == 2


def test_label_change_is_a_new_widget(kernel, app):
    root = app("""
    st.session_state.setdefault("flip", False)
    def flip():
        st.session_state.flip = not st.session_state.flip
    st.button("Flip", on_click=flip)
    st.slider("B" if st.session_state.flip else "A", 0, 10, key="lab")
    st.write(f"lab={st.session_state.lab}")
    """)
    a = kernel.find(description="A", within=root)
    kernel.set(a, 7)
    assert "lab=7" in kernel.text(root)
    kernel.click(kernel.find(description="Flip", within=root))
    b = kernel.find(description="B", within=root)
    assert a.closed and not b.closed
    assert b.value == 0
    assert "lab=0" in kernel.text(root)


def test_cleanup_closes_the_comm_and_forgets_the_key(kernel, app):
    root = app("""
    if st.checkbox("Show", True, key="show"):
        st.text_input("Extra", key="extra")
    """)
    extra = kernel.find(description="Extra", within=root)
    kernel.set(extra, "typed")
    kernel.set(kernel.find(description="Show", within=root), False)
    assert extra.closed
    assert kernel.eval("'extra' in __import__('nbstate').session_state") is False
    assert kernel.find_all(description="Extra", within=root) == []


def test_rerun_that_changes_nothing_sends_no_update(kernel, app):
    root = app("""
    st.button("Nothing")
    st.slider("Still", 0, 10, 5, key="still")
    st.write("static text")
    """)
    with kernel.updates_during() as ups:
        kernel.click(kernel.find(description="Nothing", within=root))
        kernel.set(kernel.find(description="Still", within=root), 5)
    assert ups == []


def test_only_changed_elements_are_updated_in_place(kernel, app):
    root = app("""
    n = st.slider("n", 0, 10, 1, key="inplace")
    st.title("Fixed title")
    st.write(f"n is {n}")
    """)
    before = {m.comm_id for m in root.walk()}
    with kernel.updates_during() as ups:
        kernel.set(kernel.find(description="n", within=root), 4)
    assert [u["state"] for u in ups] == [
        {"value": '<div class="nbstate-markdown"><p>n is 4</p>\n</div>'}]
    assert {m.comm_id for m in root.walk()} == before  # nothing recreated


def test_burst_of_updates_coalesces(kernel, app):
    root = app("""
    st.session_state.setdefault("runs", 0)
    st.session_state.setdefault("cb", 0)
    st.session_state.runs += 1
    def cb():
        st.session_state.cb += 1
    v = st.slider("Drag", 0, 100, 0, key="drag", on_change=cb)
    st.write(f"drag={v}")
    """)
    runs_before = kernel.state("runs")
    kernel.burst(kernel.find(description="Drag", within=root), list(range(1, 51)))
    runs = kernel.state("runs") - runs_before
    assert 1 <= runs <= 2
    assert kernel.state("cb") == runs
    assert "drag=50" in kernel.text(root)


def test_out_of_range_value_is_refused_and_set_back(kernel, app):
    root = app("""
    st.session_state.setdefault("refused_calls", 0)
    def cb():
        st.session_state.refused_calls += 1
    st.slider("Bounded", 0, 10, 3, key="bounded", on_change=cb)
    """)
    slider = kernel.find(description="Bounded", within=root)
    with kernel.updates_during() as ups:
        kernel.set(slider, 99)
    assert {"value": 3} in [u["state"] for u in ups if u["model"] is slider]
    assert slider.value == 3
    assert kernel.state("bounded") == 3
    assert kernel.state("refused_calls") == 0
    text = kernel.text(root)
    assert '"Bounded"' in text and 'key "bounded"' in text and "99" in text

    dropdown_root = app("""
    st.selectbox("Choice", ["x", "y"], key="choice")
    """)
    dd = kernel.find(description="Choice", within=dropdown_root)
    kernel.set(dd, 7)  # an index the browser could never send
    assert dd["index"] == 0
    assert kernel.state("choice") == "x"


def test_exception_in_callback_leaves_the_app_working(kernel, app):
    root = app("""
    def cb():
        if st.session_state.risky == 13:
            raise ValueError("unlucky number")
    v = st.number_input("Risky", 0, 20, 1, key="risky", on_change=cb)
    st.write(f"risky={v}")
    """)
    box = kernel.find(description="Risky", within=root)
    kernel.set(box, 13)
    text = kernel.text(root)
    assert "ValueError" in text and "unlucky number" in text
    assert 'raise ValueError("unlucky number")' in text  # the user's traceback
    kernel.set(box, 5)
    text = kernel.text(root)
    assert "risky=5" in text and "unlucky" not in text


def test_exception_in_app_code_shows_and_app_stays_live(kernel, app):
    root = app("""
    v = st.slider("Div", 0, 5, 1, key="div")
    st.write(f"inverse={1 / v}")
    """)
    s = kernel.find(description="Div", within=root)
    kernel.set(s, 0)
    assert "ZeroDivisionError" in kernel.text(root)
    kernel.set(s, 2)
    assert "inverse=0.5" in kernel.text(root)


def test_kernel_side_write_reaches_the_browser_without_echo(kernel, app):
    root = app("""
    st.session_state.setdefault("kw_runs", 0)
    st.session_state.kw_runs += 1
    def reset():
        st.session_state.target = 0
    st.button("Reset", on_click=reset)
    st.slider("Target", 0, 10, 4, key="target")
    """)
    target = kernel.find(description="Target", within=root)
    kernel.set(target, 8)
    runs = kernel.state("kw_runs")
    kernel.click(kernel.find(description="Reset", within=root))
    assert target.value == 0
    assert kernel.state("kw_runs") == runs + 1


def test_set_before_create_from_a_plain_cell(kernel, app):
    kernel.execute("import nbstate\nnbstate.session_state['preset'] = 'from a cell'")
    root = app("""
    st.text_input("Preset", key="preset")
    """)
    assert kernel.find(description="Preset", within=root).value == "from a cell"


def test_reexecuting_the_cell_keeps_state_and_reuses_its_widgets(kernel, app):
    body = """
    st.session_state.setdefault("execs", 0)
    st.session_state.execs += 1
    v = st.slider("Kept", 0, 10, 2, key="kept")
    st.write(f"kept={v}")
    st.write("SUFFIX")
    """
    old_root = app(body.replace("SUFFIX", "first"), cell_id="same-cell")
    old = kernel.find(description="Kept", within=old_root)
    kernel.set(old, 6)
    new_root = app(body.replace("SUFFIX", "edited"), cell_id="same-cell")
    # the new output area shows the same live models (the notebook dropped the old area)
    assert new_root is old_root and not old_root.closed
    new = kernel.find(description="Kept", within=new_root)
    assert new is old and new.value == 6 and not new.closed
    assert "kept=6\nedited" in kernel.text(new_root)
    kernel.set(new, 1)
    assert "kept=1\nedited" in kernel.text(new_root)
    # two executions and two changes, each one run: the count survived re-execution
    assert kernel.state("execs") == 4


def test_print_and_display_land_inside_the_app(kernel):
    res = kernel.execute("%%app\nimport nbstate as st\nprint('printed in the app')\n"
                         "from IPython.display import display, Markdown\n"
                         "display(Markdown('*shown*'))\nst.write('after')", cell_id="printer")
    assert "printed in the app" not in res.stdout
    root = kernel.app()
    text = kernel.text(root)
    assert text.index("printed in the app") < text.index("*shown*") < text.index("after")


def test_app_runs_in_the_notebook_namespace(kernel, app):
    kernel.execute("base = 40")
    root = app("""
    total = base + st.number_input("Add", 0, 10, 2, key="add")
    st.write(f"total={total}")
    """)
    assert "total=42" in kernel.text(root)
    assert kernel.eval("total") == 42


def test_widget_in_a_plain_cell_raises(kernel):
    res = kernel.execute("import nbstate as st\nst.slider('x')", allow_error=True)
    assert res.error["ename"] == "NoAppContextError"


def test_two_apps_share_state_but_own_their_widgets(kernel, app):
    first = app("""
    st.text_input("Shared", key="shared")
    """, name="first")
    second = app("""
    st.write(f"shared={st.session_state.get('shared')!r}")
    """, name="second")
    assert "shared=''" in kernel.text(second)
    kernel.set(kernel.find(description="Shared", within=first), "hello")
    # the second app reruns when it is re-executed (or interacted with)
    second = app("""
    st.write(f"shared={st.session_state.get('shared')!r}")
    """, name="second")
    assert "shared='hello'" in kernel.text(second)
    # the second app's completed runs never clean up the first app's widget
    assert kernel.state("shared") == "hello"


def test_no_comm_leak_after_reruns_and_close(kernel, app):
    baseline = kernel.eval("len(__import__('ipywidgets').Widget.widgets)")
    root = app("""
    n = st.slider("Rows", 0, 5, 2, key="rows")
    for i in range(n):
        st.text_input(f"Row {i}", key=f"row{i}")
        st.write(f"row {i}")
    """, name="leaky")
    rows = kernel.find(description="Rows", within=root)
    for v in (5, 0, 3, 1, 4):
        kernel.set(rows, v)
    app("st.write('again')", name="leaky")
    kernel.execute("__import__('nbstate').frontends.ipy._LIVE['leaky'].close()")
    assert kernel.eval("len(__import__('ipywidgets').Widget.widgets)") == baseline


def test_slow_app_is_marked_stale_while_it_reruns(kernel, app):
    root = app("""
    import time
    v = st.slider("Slow", 0, 10, 1, key="slow")
    time.sleep(0.3)
    st.write(f"slow={v}")
    """)
    marker = next(m for m in root.walk() if m.name == "Any")
    with kernel.updates_during() as ups:
        kernel.set(kernel.find(description="Slow", within=root), 2)
    marks = [u["state"]["running"] for u in ups if u["model"] is marker]
    # running from the start (each push of the output under way says so too), then not
    assert marks[0] is True and all(marks[:-1]) and marks[-1] is False
    assert "slow=2" in kernel.text(root) and marker["running"] is False
    assert marker["stale"] is False


def test_callback_error_leaves_previous_output_live_and_not_faded(kernel, app):
    root = app("""
    def boom():
        raise RuntimeError("callback failed")
    st.button("Boom", on_click=boom)
    st.write("still here")
    """)
    marker = next(m for m in root.walk() if m.name == "Any")
    kernel.click(kernel.find(description="Boom", within=root))
    text = kernel.text(root)
    assert "callback failed" in text and "still here" in text
    # the run is over: nothing stays faded after an exception
    assert marker["stale"] is False and marker["running"] is False


def test_sidebar_survives_a_callback_exception(kernel, app):
    root = app("""
    def boom():
        raise RuntimeError("callback failed")
    with st.sidebar:
        st.write("side note")
        side = st.slider("Side", 0, 9, 1, key="side_after_boom")
    st.button("Boom2", on_click=boom)
    st.write(f"side={side}")
    """)
    slider = kernel.find(description="Side", within=root)
    kernel.click(kernel.find(description="Boom2", within=root))
    text = kernel.text(root)
    assert "callback failed" in text and "side note" in text
    # the very same widget is still shown (not closed) and still drives the app
    assert kernel.find(description="Side", within=root) is slider
    kernel.set(slider, 4)
    text = kernel.text(root)
    assert "side=4" in text and "callback failed" not in text


def test_display_elements_render_safely(kernel, app):
    root = app("""
    st.markdown("**bold** <b>raw</b>")
    st.markdown("<i>trusted</i>", unsafe_allow_html=True)
    st.text("<not html>")
    st.code("x < 1")
    st.error("bad <thing>")
    st.table({"a": [1, 2], "b": ["x", "<y>"]})
    """)
    values = [m["value"] for m in root.walk() if m.name == "HTML"]
    html = "\n".join(values)
    assert "<strong>bold</strong> &lt;b&gt;raw&lt;/b&gt;" in html
    assert "<i>trusted</i>" in html
    assert "&lt;not html&gt;" in html and "x &lt; 1" in html
    assert "bad &lt;thing&gt;" in html
    assert "<table" in html and "&lt;y&gt;" in html


def test_deleting_the_cell_closes_its_app(kernel, app):
    root = app("""
    st.checkbox("Doomed", key="doomed")
    """, cell_id="doomed-cell")
    box = kernel.find(description="Doomed", within=root)
    kernel.set(box, True)
    kernel.execute("1", metadata={"deletedCells": ["doomed-cell"]})
    assert root.closed and box.closed
    assert kernel.eval("'doomed' in __import__('nbstate').session_state") is False


def test_run_app_with_a_function(kernel):
    kernel.execute(
        "import nbstate\n"
        "def tiny():\n"
        "    import nbstate as st\n"
        "    n = st.number_input('Tiny', 0, 9, 3, key='tiny')\n"
        "    st.write(f'tiny={n * 2}')\n"
        "handle = nbstate.run_app(tiny, name='tiny-app')")
    root = kernel.app()
    assert "tiny=6" in kernel.text(root)
    kernel.set(kernel.find(description="Tiny", within=root), 4)
    assert "tiny=8" in kernel.text(root)
    assert kernel.eval("repr(handle)") == "<nbstate app 'tiny-app'>"


def test_pyplot_figure_shows_once_inside_the_app(kernel):
    kernel.execute("%matplotlib inline")  # the notebook's backend, whatever MPLBACKEND says
    res = kernel.execute("%%app\nimport nbstate as st\nimport matplotlib.pyplot as plt\n"
                         "fig, ax = plt.subplots()\nax.plot([1, 3, 2])\nst.pyplot(fig)\n"
                         "plt.figure(); plt.plot([2, 1]); plt.show()")
    # nothing leaks into the cell's own output: the inline backend finds no open figure
    assert [o for o in res.outputs if "image/png" in o.get("data", {})] == []
    root = kernel.app()
    assert any("data:image/png;base64," in str(m.get("value", "")) for m in root.walk())
    assert any(o["data"].get("image/png") for m in root.walk() if m.name == "Output"
               for o in m.get("outputs", ()))  # plt.show() inside the app: a display


def test_deleting_a_widget_key_in_a_callback_keeps_the_widget(kernel, app):
    root = app("""
    def forget():
        del st.session_state.kept_text
    st.button("Forget", on_click=forget)
    st.text_input("Kept text", key="kept_text")
    st.write(f"in_state={'kept_text' in st.session_state}")
    """)
    box = kernel.find(description="Kept text", within=root)
    kernel.set(box, "still here")
    with kernel.updates_during() as ups:
        kernel.click(kernel.find(description="Forget", within=root))
    assert [u for u in ups if u["model"] is box] == []  # the widget was not reset
    assert "in_state=True" in kernel.text(root)  # recreated from the widget's value
    assert kernel.state("kept_text") == "still here"


def test_layout_containers_hold_live_widgets(kernel, app):
    root = app("""
    left, right = st.columns([2, 1])
    with left:
        a = st.slider("Left", 0, 10, 1, key="lay_a")
    right.write(f"right sees {a}")
    t1, t2 = st.tabs(["First", "Second"])
    t1.write("in the first tab")
    with t2:
        b = st.checkbox("In tab", key="lay_b")
    with st.expander("More", expanded=True):
        st.write(f"expanded b={b}")
    with st.sidebar:
        st.write("side note")
    """)
    names = [m.name for m in root.walk()]
    assert "HBox" in names and "Tab" in names and "Accordion" in names
    tab = next(m for m in root.walk() if m.name == "Tab")
    assert tab["titles"] == ["First", "Second"]
    kernel.set(kernel.find(description="Left", within=root), 7)
    kernel.set(kernel.find(description="In tab", within=root), True)
    text = kernel.text(root)
    assert "right sees 7" in text and "expanded b=True" in text
    assert text.index("side note") < text.index("right sees")  # the sidebar comes first
    assert tab["titles"] == ["First", "Second"]


def test_registered_binding_shows_an_element_and_its_errors_stay_in_the_app(kernel, app):
    kernel.execute("""
from nbstate.frontends.bindings import Html, register_binding

class Shout(Html):
    def traits(self, el):
        if el.props["body"] == "boom":
            raise RuntimeError("binding bug")
        return {"value": el.props["body"].upper()}

register_binding("shout", Shout())
""")
    root = app("""
    from nbstate.elements import Element
    from nbstate.run import current
    word = st.text_input("Word", "hello", key="shout_word")
    current().emit(Element("shout", props={"body": word}))
    """)
    assert "HELLO" in kernel.text(root)
    word = kernel.find(description="Word", within=root)
    kernel.set(word, "boom")
    text = kernel.text(root)
    assert "RuntimeError" in text and "binding bug" in text and "HELLO" in text
    kernel.set(word, "again")
    assert "AGAIN" in kernel.text(root) and "binding bug" not in kernel.text(root)


def test_a_binding_failing_half_way_leaves_no_open_comm(kernel, app):
    kernel.execute("""
import ipywidgets
from nbstate.frontends.bindings import Html, register_binding

class Fragile(Html):
    def create(self, el):
        raise RuntimeError("cannot build")

register_binding("fragile", Fragile())
baseline = len(ipywidgets.Widget.widgets)
""")
    root = app("""
    from nbstate.elements import Element
    from nbstate.run import current
    if st.checkbox("Break", key="fragile_break"):
        st.write("built before the failure")
        current().emit(Element("fragile", props={}))
    """, name="fragile-app")
    kernel.set(kernel.find(description="Break", within=root), True)
    assert "cannot build" in kernel.text(root)
    kernel.set(kernel.find(description="Break", within=root), False)
    assert "cannot build" not in kernel.text(root)
    kernel.execute("__import__('nbstate').frontends.ipy.live_apps()['fragile-app'].close()")
    assert kernel.eval("len(ipywidgets.Widget.widgets) - baseline") == 0


def test_two_apps_with_the_same_keyless_widget_each_own_theirs(kernel, app):
    body = """
    st.session_state.setdefault("go_{n}", 0)
    def go():
        st.session_state["go_{n}"] += 1
    st.button("Go", on_click=go)
    st.write(f"go_{n}={{st.session_state['go_{n}']}}")
    """
    one = app(body.format(n=1), name="same-one")
    two = app(body.format(n=2), name="same-two")
    kernel.click(kernel.find(description="Go", within=one))
    kernel.click(kernel.find(description="Go", within=two))
    kernel.click(kernel.find(description="Go", within=two))
    assert "go_1=1" in kernel.text(one) and "go_2=2" in kernel.text(two)
    assert "no longer exists" not in kernel.text(one) + kernel.text(two)


def test_stop_button_interrupts_a_rerun_and_the_app_stays_live(kernel, app, tmp_path):
    started = tmp_path / "started"
    root = app(f"""
    import pathlib, time
    n = st.number_input("After", 0, 9, 1, key="after_interrupt")
    if st.button("Long"):
        pathlib.Path({str(started)!r}).write_text("x")
        while True:
            time.sleep(0.01)
    st.write(f"after={{n}}")
    """)
    mid = kernel.click(kernel.find(description="Long", within=root), wait=False)
    while not started.exists():  # the rerun is under way
        pass
    kernel.interrupt()
    kernel.wait(mid)
    assert "KeyboardInterrupt" in kernel.text(root)
    kernel.set(kernel.find(description="After", within=root), 4)
    assert "after=4" in kernel.text(root) and "KeyboardInterrupt" not in kernel.text(root)


def test_edit_that_does_not_compile_closes_the_old_output(kernel, app):
    root = app("st.slider('Keeps', 0, 9, 2, key='keeps')", cell_id="syntax-cell")
    kernel.set(kernel.find(description="Keeps", within=root), 5)
    res = kernel.execute("%%app\nimport nbstate as st\nst.slider('Keeps', 0, 9, 2, key='keeps'",
                         cell_id="syntax-cell", allow_error=True)
    assert res.error["ename"] == "SyntaxError"
    assert root.closed
    fixed = app("st.slider('Keeps', 0, 9, 2, key='keeps')", cell_id="syntax-cell")
    assert kernel.find(description="Keeps", within=fixed).value == 5


def test_form_submit_with_one_refused_value_applies_the_others(kernel, app):
    root = app("""
    with st.form("partly"):
        st.text_input("Code", "ab", max_chars=3, key="pcode")
        st.slider("Level", 0, 10, 1, key="plevel")
        st.form_submit_button("Save")
    st.write(f"code={st.session_state.pcode!r} level={st.session_state.plevel}")
    """)
    code = kernel.find(description="Code", within=root)
    kernel.set(code, "far too long")
    kernel.set(kernel.find(description="Level", within=root), 7)
    kernel.click(kernel.find(description="Save", within=root))
    text = kernel.text(root)
    assert "code='ab' level=7" in text and "refused" in text
    assert code.value == "ab"  # the refused value was set back in the browser


def test_noop_rerun_of_a_nested_layout_sends_nothing(kernel, app):
    root = app("""
    st.button("Again")
    a, b = st.columns(2)
    a.slider("In column", 0, 5, 1, key="nl_a")
    with b.expander("Open", expanded=True):
        st.write("inside")
    t1, t2 = st.tabs(["One", "Two"])
    t1.text_input("In tab", key="nl_t")
    with st.form("nl_form"):
        st.checkbox("In form", key="nl_c")
        st.form_submit_button("Go")
    with st.sidebar:
        st.caption("side")
    """)
    with kernel.updates_during() as ups:
        for _ in range(3):
            kernel.click(kernel.find(description="Again", within=root))
    assert ups == []


def test_a_disabled_widget_refuses_what_a_hostile_frontend_sends(kernel, app):
    root = app("""
    st.slider("Locked", 0, 10, 3, key="locked_live", disabled=True)
    """)
    slider = kernel.find(description="Locked", within=root)
    kernel.set(slider, 5)
    assert slider.value == 3  # set back in the browser
    assert kernel.state("locked_live") == 3
    assert "disabled" in kernel.text(root)


def test_text_with_a_lone_surrogate_shows_a_replacement_character(kernel, app):
    root = app("""
    n = st.number_input("Times", 0, 5, 1, key="surr_n")
    st.write("bad \\ud800 text " * n)
    """)
    assert "bad \ufffd text" in kernel.text(root)
    kernel.set(kernel.find(description="Times", within=root), 2)
    assert kernel.text(root).count("\ufffd") == 2


def test_an_unchanged_figure_is_not_drawn_again_on_a_rerun(kernel, app):
    # the draws counted in the kernel: a rerun that leaves the figure as it was shows the
    # picture it had, without matplotlib drawing it again
    kernel.execute("from matplotlib.figure import Figure as _F\n_draws = []\n_d = _F.draw\n"
                   "_F.draw = lambda self, r: _draws.append(1) or _d(self, r)")
    root = app("""
    from matplotlib.figure import Figure
    n = st.slider("Points", 2, 10, 3)
    st.checkbox("Unrelated")
    fig = Figure(figsize=(3, 2))
    fig.subplots().plot(range(n))
    st.pyplot(fig)
    """)
    image = next(m for m in root.walk() if "data:image/png;base64," in str(m.get("value", "")))
    first = image.get("value")
    drawn = kernel.eval("len(_draws)")
    assert drawn >= 1
    with kernel.updates_during() as ups:
        kernel.set(kernel.find(description="Unrelated", within=root), True)
    assert kernel.eval("len(_draws)") == drawn
    assert [u for u in ups if u["model"] is image] == []
    kernel.set(kernel.find(description="Points", within=root), 7)
    assert kernel.eval("len(_draws)") == 2 * drawn  # a changed figure is drawn
    assert image.get("value") != first
    kernel.execute("_F.draw = _d")
