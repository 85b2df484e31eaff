"""Layout containers in a live kernel: columns, tabs, expander, container, empty, sidebar,
popover, in `with` form and method form. Widgets inside them keep their identity and state
across reruns, and a change in the browser reaches session state and reruns the app."""

from __future__ import annotations

LAYOUT_APP = """
ss = st.session_state
ss["lay_runs"] = ss.get("lay_runs", 0) + 1
a, b, c = st.columns([3, 2, 1], gap="large")
with a:
    speed = st.slider("Speed", 0, 100, 10, key="lay_speed")
level = b.selectbox("Level", ["low", "mid", "high"], key="lay_level")
c.write(f"c sees {speed} {level}")
t1, t2 = st.tabs(["Inputs", "Output"])
with t1:
    name = st.text_input("Name", "Ada", key="lay_name")
t2.write(f"hello {name}")
with st.expander("Advanced", expanded=True):
    verbose = st.checkbox("Verbose", key="lay_verbose")
more = st.expander("Closed")
more.write("hidden until opened")
with st.container(border=True, height=150):
    st.write(f"boxed verbose={verbose}")
plain = st.container()
slot = st.empty()
slot.write("loading")
slot.write(f"loaded {speed}")
with st.popover("Settings"):
    dark = st.toggle("Dark", key="lay_dark")
st.sidebar.radio("Page", ["Home", "About"], key="lay_page")
with st.sidebar:
    st.write(f"on {ss.lay_page}, dark={dark}")
plain.write("written later, shown earlier")
"""


def layout_app(prefix: str) -> str:
    """LAYOUT_APP with its keys prefixed (two live apps must not share widget keys)."""
    return LAYOUT_APP.replace("lay_", f"{prefix}_")


def layout(kernel, model) -> dict:
    """The state of a box's Layout model."""
    return kernel.models[model["layout"][len("IPY_MODEL_"):]].state


def box(root, cls):
    return next(m for m in root.walk() if f"nbstate-{cls}" in m.classes)


def test_containers_show_as_boxes_with_their_children(kernel, app):
    root = app(layout_app("lay1"))
    row = box(root, "columns")
    assert row.name == "HBox"
    assert layout(kernel, row)["grid_gap"] == "4rem"  # gap="large"
    cols = row.children
    assert [m.name for m in cols] == ["VBox"] * 3
    flex = [layout(kernel, m)["flex"] for m in cols]
    assert flex == ["0.5 1 0%", "0.3333333333333333 1 0%", "0.16666666666666666 1 0%"]
    assert kernel.find(description="Speed", within=cols[0])
    assert kernel.find(description="Level", within=cols[1])
    assert "c sees 10 low" in kernel.text(cols[2])

    tabs = box(root, "tabs")
    assert tabs.name == "Tab" and tabs["titles"] == ["Inputs", "Output"]
    assert kernel.find(description="Name", within=tabs.children[0])
    assert "hello Ada" in kernel.text(tabs.children[1])

    opened, closed = [m for m in root.walk() if "nbstate-expander" in m.classes]
    assert opened.name == "Accordion" and opened["titles"] == ["Advanced"]
    assert opened["selected_index"] == 0 and closed["selected_index"] is None
    # the accordion has one section, a box holding the expander's elements
    assert [m.name for m in opened.children] == ["VBox"]
    assert kernel.find(description="Verbose", within=opened.children[0])
    assert "hidden until opened" in kernel.text(closed)

    boxed = box(root, "container")
    assert "boxed verbose=False" in kernel.text(boxed)
    lay = layout(kernel, boxed)
    assert "solid" in lay["border_top"] and "solid" in lay["border_bottom"]
    assert lay["height"] == "150px" and lay["overflow"] == "auto"  # scrolls at its height

    text = kernel.text(root)
    assert "loaded 10" in text and "loading" not in text  # st.empty() holds the last one
    pop = box(root, "popover")
    assert pop["titles"] == ["Settings"] and [m.name for m in pop.children] == ["VBox"]
    assert kernel.find(description="Dark", within=pop.children[0])
    side = box(root, "sidebar")
    assert kernel.find(description="Page", within=side) and "on Home" in kernel.text(side)
    # written to a container after later elements: it still shows at the container's place
    assert text.index("boxed") < text.index("written later") < text.index("loaded 10")


def test_widgets_in_containers_reach_state_rerun_and_keep_identity(kernel, app, state):
    root = app(layout_app("lay2"))
    ids = {m.comm_id for m in root.walk()}
    runs = state("lay2_runs")
    speed = kernel.find(description="Speed", within=root)
    kernel.set(speed, 55)
    assert state("lay2_speed") == 55 and state("lay2_runs") == runs + 1
    assert "c sees 55 low" in kernel.text(root) and "loaded 55" in kernel.text(root)

    kernel.set(kernel.find(description="Level", within=root), 2)
    kernel.set(kernel.find(description="Name", within=root), "Grace")
    kernel.set(kernel.find(description="Verbose", within=root), True)
    kernel.set(kernel.find(description="Dark", within=root), True)
    kernel.set(kernel.find(description="Page", within=root), 1)
    assert (state("lay2_level"), state("lay2_name"), state("lay2_verbose"), state("lay2_dark"),
            state("lay2_page")) == ("high", "Grace", True, True, "About")
    text = kernel.text(root)
    for shown in ("c sees 55 high", "hello Grace", "boxed verbose=True", "on About, dark=True"):
        assert shown in text
    assert state("lay2_runs") == runs + 6
    # every widget and box is the one first displayed, and shows its value
    assert {m.comm_id for m in root.walk()} == ids
    assert speed.value == 55


def test_method_form_and_with_form_are_the_same_layout(kernel, app):
    with_form = app("""
    left, right = st.columns(2)
    with left:
        st.write("L")
    with right:
        st.button("R", key="form_r1")
    """)
    method_form = app("""
    left, right = st.columns(2)
    left.write("L")
    right.button("R", key="form_r2")
    """)

    def shape(root):
        return [(m.name, [c for c in m.classes if c.startswith("nbstate-")])
                for m in box(root, "main").walk()]

    assert shape(with_form) == shape(method_form)


def test_empty_replaces_its_content_across_reruns(kernel, app):
    root = app("""
    step = st.number_input("Step", 0, 3, 0, key="empty_step")
    slot = st.empty()
    if step == 0:
        slot.write("nothing yet")
    elif step == 1:
        slot.button("Now a button", key="empty_btn")
    elif step == 2:
        with slot.container():
            st.write("two")
            st.write("lines")
    else:
        slot.empty()
    st.write("below")
    """)
    holder = box(root, "empty")
    step = kernel.find(description="Step", within=root)
    assert kernel.text(holder) == "nothing yet"
    kernel.set(step, 1)
    assert kernel.text(holder) == "" and kernel.find(description="Now a button", within=holder)
    kernel.set(step, 2)
    assert kernel.text(holder) == "two\nlines"
    kernel.set(step, 3)
    assert holder.children == [] and "below" in kernel.text(root)


def test_a_container_appearing_above_leaves_the_widgets_below_in_place(kernel, app, touched):
    root = app("""
    if st.checkbox("Show help", key="shift_help"):
        with st.expander("Help", expanded=True):
            st.write("some help")
    left, right = st.columns(2)
    level = left.slider("Level", 0, 10, 3, key="shift_level")
    right.write(f"level {level}")
    """)
    level = kernel.find(description="Level", within=root)
    kernel.set(level, 8)
    row = box(root, "columns")
    with kernel.updates_during() as ups:
        kernel.set(kernel.find(description="Show help", within=root), True)
    assert "some help" in kernel.text(root)
    # the row, its columns and the slider are the ones shown before: only the app's main box
    # got a new child list
    assert box(root, "columns") is row and kernel.find(description="Level", within=root) is level
    assert level.value == 8 and "level 8" in kernel.text(root)
    assert [m for m in touched(ups, root) if m in list(row.walk())] == []


def test_an_expander_keeps_the_readers_choice_and_a_status_follows_the_app(kernel, app):
    root = app("""
    st.checkbox("Again", key="fold_again")
    with st.expander("Notes", expanded=True):
        st.write("note")
    with st.status("Loading", expanded=True) as status:
        st.write("loaded")
        if st.session_state.fold_again:
            status.update(label="Loaded", state="complete", expanded=False)
    """)
    notes, status = by_classes(root, "nbstate-expander", "nbstate-status")
    assert notes["selected_index"] == 0 and status["selected_index"] == 0
    kernel.update(notes, selected_index=None)  # the reader closes the expander
    kernel.set(kernel.find(description="Again", within=root), True)
    assert notes["selected_index"] is None  # the reader's choice stays
    assert status["selected_index"] is None and status["titles"] == ["Loaded"]
    assert "nbstate-status-complete" in status.classes  # app.css draws its state's icon
    kernel.set(kernel.find(description="Again", within=root), False)
    assert status["selected_index"] == 0 and notes["selected_index"] is None


def by_classes(root, *classes):
    return [next(m for m in root.walk() if c in m.classes) for c in classes]


def test_sidebar_is_a_column_beside_the_main_area(kernel, app):
    root = app("""
    with st.sidebar:
        st.radio("Side page", ["Home", "About"], key="side_grid_page")
    st.write("main text")
    """)
    lay = layout(kernel, root)
    assert lay["display"] == "grid"
    assert lay["grid_template_areas"].endswith('"sidebar main"')
    assert layout(kernel, box(root, "sidebar"))["grid_area"] == "sidebar"
    main = next(m for m in root.children if layout(kernel, m).get("grid_area") == "main")
    assert "main text" in kernel.text(main)
    # an app without a sidebar is a plain column
    plain = app("""
    st.write("no sidebar")
    """)
    assert layout(kernel, plain)["display"] is None
