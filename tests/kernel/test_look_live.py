"""Streamlit's look in a real kernel (issue 12): what the models the browser gets say about
it. The button types and widths, help, a form's Enter and the new switch and tag widgets
arrive as classes and traits; the values go both ways through the same protocol as before."""

from __future__ import annotations


def test_buttons_carry_their_type_and_width_as_classes(kernel, app):
    root = app("""
    st.button("Plain")
    st.button("Go", type="primary", use_container_width=True)
    st.button("Link-like", type="tertiary", width=240)
    with st.form("f", enter_to_submit=False):
        st.text_input("Field", key="field")
        st.form_submit_button("Send", width="stretch")
    """)
    plain = kernel.find(description="Plain", within=root)
    assert set(plain["_dom_classes"]) == {"nbstate-button", "nbstate-button-secondary"}
    go = kernel.find(description="Go", within=root)
    assert {"nbstate-button-primary", "nbstate-stretch"} <= set(go["_dom_classes"])
    tert = kernel.find(description="Link-like", within=root)
    assert "nbstate-button-tertiary" in tert["_dom_classes"]
    assert kernel.models[tert["layout"].removeprefix("IPY_MODEL_")]["width"] == "240px"
    send = kernel.find(description="Send", within=root)
    assert {"nbstate-submit", "nbstate-stretch"} <= set(send["_dom_classes"])
    form = kernel.find(name="VBox", within=root, _dom_classes=["nbstate-form",
                                                                "nbstate-no-enter"])
    assert form is not None


def test_help_marks_the_widget_and_a_bad_width_is_refused(kernel, app):
    root = app("""
    st.text_input("Name", help="Your name", key="n")
    st.text_input("Plain", key="p")
    try:
        st.button("Bad", width="huge")
    except Exception as e:
        st.write(type(e).__name__, str(e))
    """)
    assert kernel.find(description="Name", within=root)["_dom_classes"] == ["nbstate-help"]
    assert kernel.find(description="Name", within=root)["tooltip"] == "Your name"
    assert kernel.find(description="Plain", within=root)["_dom_classes"] == []
    text = kernel.text(root)
    assert "st.button" in text and "width must be" in text and "'huge'" in text


def test_switch_and_tags_send_values_and_receive_writes(kernel, app):
    root = app("""
    def reset():
        st.session_state.tags = ["c"]
        st.session_state.power = False
    tags = st.multiselect("Tags", ["a", "b", "c"], key="tags", max_selections=2,
                          placeholder="Pick some")
    on = st.toggle("Power", key="power")
    st.button("Reset", on_click=reset)
    st.write(f"tags={tags} power={on}")
    """)
    tags = kernel.find(name="Any", description="Tags", within=root)
    assert tags["options"] == ["a", "b", "c"]
    assert (tags["placeholder"], tags["max_selections"]) == ("Pick some", 2)
    power = kernel.find(name="Any", description="Power", within=root)
    kernel.set(tags, [1, 0])  # a click on "b", then on "a"
    kernel.set(power, True)
    assert "tags=['b', 'a'] power=True" in kernel.text(root)
    kernel.click(kernel.find(description="Reset", within=root))
    assert tags["index"] == [2] and power["value"] is False
    assert "tags=['c'] power=False" in kernel.text(root)


def test_radio_captions_travel_under_their_options_and_the_index_stays_the_value(kernel, app):
    root = app("""
    plan = st.radio("Plan", ["basic", "pro"], captions=["for one", "for a team"], key="plan")
    st.write(f"plan={plan}")
    """)
    radio = kernel.find(description="Plan", within=root)
    assert radio["_options_labels"] == ["basic\nfor one", "pro\nfor a team"]
    assert "nbstate-captions" in radio["_dom_classes"]
    kernel.set(radio, 1)
    assert "plan=pro" in kernel.text(root)


def test_folds_carry_a_status_state_and_a_popover_type_as_classes(kernel, app):
    root = app("""
    work = st.status("Working")
    with st.status("Failing"):
        st.write("x")
        st.session_state.setdefault("fail", True)
    fails = st.status("Broken", state="error")
    with st.popover("Go", type="primary"):
        st.write("in")
    with st.popover("Off", disabled=True):
        st.write("in")
    if st.checkbox("Finish", key="finish"):
        work.update(state="complete")
    """)

    def fold(title):
        return next(m for m in root.walk() if m.get("titles") == [title])

    assert set(fold("Working").classes) == {"nbstate-status", "nbstate-status-running"}
    assert "nbstate-status-complete" in fold("Failing").classes  # a `with` block's end
    assert "nbstate-status-error" in fold("Broken").classes
    assert set(fold("Go").classes) == {"nbstate-popover", "nbstate-popover-primary"}
    assert {"nbstate-popover-secondary", "nbstate-disabled"} <= set(fold("Off").classes)
    kernel.set(kernel.find(description="Finish", within=root), True)
    assert "nbstate-status-complete" in fold("Working").classes  # update() changes the icon


def test_a_toast_is_a_floating_toast_widget_not_html(kernel, app):
    root = app("""
    st.toast("Saved **all**", icon=":material/check:", duration="long")
    """)
    [toast] = [m for m in root.walk() if "uid" in m.state]
    assert toast["body"].strip() == "<p>Saved <strong>all</strong></p>"
    assert toast["icon"] == ""  # a Material icon name cannot show (no such font here)
    assert toast["duration"] == 10
