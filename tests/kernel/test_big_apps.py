"""Models per element and re-execution in a real kernel (issue 15): a slider or a text is
one widget model (widgets of one look share their Layout and Style models), containers are
opened with their children, and re-executing an app's cell keeps the live models of the
elements whose identity is unchanged (state kept, only what changed sent, what is gone
closed)."""

from __future__ import annotations

SLIDERS = """
for i in range({n}):
    st.slider(f"{p} {{i}}", 0, 100, 5, key=f"{p}_{{i}}")
st.text("{end}")
"""


def _opened(kernel, run):
    """The models the kernel opened while ``run()`` ran, and what ``run()`` returned."""
    before = set(kernel.models)
    out = run()
    return [m for c, m in kernel.models.items() if c not in before], out


def test_a_slider_and_a_text_are_one_model_each(kernel, app):
    app(SLIDERS.format(n=1, p="warm", end="end"))  # (the shared models exist from now on)
    few, _ = _opened(kernel, lambda: app(SLIDERS.format(n=10, p="few", end="end")))
    many, root = _opened(kernel, lambda: app(SLIDERS.format(n=60, p="many", end="end")))
    assert len(many) - len(few) == 50  # each more slider: one model, no layout, no style
    sliders = [m for m in root.walk() if m.name == "IntSlider"]
    assert len(sliders) == 60
    # all the sliders share one Layout and one Style model, which are open
    assert len({m["layout"] for m in sliders}) == 1 and len({m["style"] for m in sliders}) == 1
    shared = kernel.models[sliders[0]["layout"].removeprefix("IPY_MODEL_")]
    assert shared.name == "Layout" and not shared.closed
    # the label is the slider's own description (no separate label widget)
    assert sliders[7]["description"] == "many 7"
    assert [m.name for m in many].count("Label") == 0


def test_containers_are_opened_with_their_children(kernel, app):
    with kernel.updates_during() as ups:
        root = app("""
        a, b = st.columns(2)
        a.slider("In a", 0, 9, key="cont_a")
        with b:
            with st.expander("More", expanded=True):
                st.checkbox("Deep", key="cont_deep")
        t1, t2 = st.tabs(["One", "Two"])
        t1.write("first tab")
        t2.write("second tab")
        with st.container(border=True):
            st.write("boxed")
        """)
    assert kernel.find(description="Deep", within=root).value is False
    assert "second tab" in kernel.text(root) and "boxed" in kernel.text(root)
    # no container but the app's own box was filled after it was opened
    late = [u["model"].name for u in ups if "children" in u["state"] and u["model"] is not root]
    assert late == []


def test_reexecution_reuses_the_live_models(kernel, app):
    body = SLIDERS.format(n=30, p="re", end="END")
    root = app(body.replace("END", "v1"), cell_id="reuse-cell")
    third = kernel.find(description="re 3", within=root)
    kernel.set(third, 42)
    models = {m.comm_id for m in root.walk()}

    # the same code again: the same root and models, nothing opened, closed or updated
    with kernel.updates_during() as ups:
        opened, again = _opened(kernel, lambda: app(body.replace("END", "v1"),
                                                    cell_id="reuse-cell"))
    assert again is root and opened == [] and ups == []
    assert {m.comm_id for m in root.walk()} == models
    assert not any(m.closed for m in root.walk())

    # one line changed: what an interaction sends, one update of that text
    with kernel.updates_during() as ups:
        opened, again = _opened(kernel, lambda: app(body.replace("END", "v2"),
                                                    cell_id="reuse-cell"))
    assert again is root and opened == []
    assert [u["state"] for u in ups] == [{"value": ups[0]["state"]["value"]}]
    assert "v2" in kernel.text(root)
    assert third.value == 42 and kernel.state("re_3") == 42  # session state kept

    # a slider removed, a checkbox added: the slider's model closed, one model opened
    gone = kernel.find(description="re 29", within=root)
    edited = body.replace("range(30)", "range(29)").replace(
        'st.text("END")', 'st.checkbox("New", key="re_new")\nst.text("v3")')
    opened, again = _opened(kernel, lambda: app(edited, cell_id="reuse-cell"))
    assert again is root and [m.name for m in opened] == ["Checkbox"]
    assert gone.closed and not third.closed and third.value == 42
    assert "v3" in kernel.text(root)
    kernel.set(kernel.find(description="New", within=root), True)
    assert kernel.state("re_new") is True


def test_a_reexecuted_app_is_displayed_before_its_run_sends_anything(kernel, app):
    # the notebook empties the cell's output when it runs it: the live output (the last run,
    # until this run updates it) is displayed first, so the browser builds its views while the
    # code runs, and what the run changes comes after it
    body = 'st.text("head")\nst.checkbox("{label}", key="{key}")\n'
    root = app(body.format(label="One", key="shown_one"), cell_id="shown-at-once")
    with kernel.iopub_during() as msgs:
        again = app(body.format(label="Two", key="shown_two"), cell_id="shown-at-once")
    assert again is root
    kinds = [(m["msg_type"], m["content"]) for m in msgs]
    shown = [i for i, (t, c) in enumerate(kinds) if t == "display_data" and c["data"].get(
        "application/vnd.jupyter.widget-view+json", {}).get("model_id") == root.comm_id]
    opened = [i for i, (t, c) in enumerate(kinds) if t == "comm_open"
              and c["data"]["state"].get("description") == "Two"]
    assert len(shown) == 1 and len(opened) == 1 and shown[0] < opened[0]
    assert kernel.find(description="Two", within=root).value is False
