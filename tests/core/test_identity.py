"""SPEC §4: widget identity."""

from __future__ import annotations

import pytest

from nbstate.errors import DuplicateElementId, DuplicateElementKey, DuplicateWidgetID


def test_same_identity_twice_is_duplicate_element_id(app):
    at = app("""
        st.write("first")
        st.slider("Age", 0, 10)
        st.write("between")
        st.slider("Age", 0, 10)
        st.write("never")
    """)
    exc = at.exception[0]
    assert exc.type == "DuplicateElementId"
    assert "`slider`" in exc.message and '"Age"' in exc.message and "`key`" in exc.message
    # raised at the second element: what came before it stays
    assert at.markdown.values == ["first", "between"]
    assert len(at.slider) == 1


def test_same_key_twice_is_duplicate_element_key_for_any_two_elements(app):
    at = app("""
        st.slider("a", key="k")
        st.text_input("b", key="k")
    """)
    assert at.exception[0].type == "DuplicateElementKey"
    assert "key='k'" in at.exception[0].message
    assert len(at.slider) == 1 and len(at.text_input) == 0


@pytest.mark.parametrize("first, second", [
    ('st.container(key="k")', 'st.checkbox("c", key="k")'),
    ('st.checkbox("c", key="k")', 'st.form("k")'),
    ('st.checkbox("c", key="k")', 'st.checkbox("c", key="k")'),
])
def test_duplicate_key_between_widgets_and_containers(raises_in_app, first, second):
    raises_in_app(f"{first}\n{second}", "DuplicateElementKey", "key='k'")


def test_duplicate_errors_share_a_base_class(app):
    assert issubclass(DuplicateElementId, DuplicateWidgetID)
    assert issubclass(DuplicateElementKey, DuplicateWidgetID)
    at = app("""
        st.checkbox("c")
        try:
            st.checkbox("c")
        except st.errors.DuplicateWidgetID as e:
            st.write("caught", type(e).__name__)
    """)
    assert at.markdown.values == ["caught DuplicateElementId"]


def test_same_label_different_parameters_are_different_widgets(app):
    at = app("""
        st.slider("x", 0, 10)
        st.slider("x", 0, 20)
        st.selectbox("s", ["a"])
        st.selectbox("s", ["b"])
        st.checkbox("c", key="one")
        st.checkbox("c", key="two")
    """)
    assert not at.exception
    assert len(at.slider) == 2 and len(at.selectbox) == 2 and len(at.checkbox) == 2


def test_same_label_different_kind_is_no_duplicate(app):
    at = app('st.checkbox("x")\nst.toggle("x")\nst.text_input("x")\nst.text_area("x")')
    assert not at.exception


LABEL_CHANGE = """
    label = st.session_state.get("label", "Alpha")
    st.number_input(label, key="A")
"""


def test_label_change_is_a_new_widget_and_resets_keyed_value(app):
    at = app(LABEL_CHANGE)
    at.number_input[0].set_value(5.0).run()
    assert at.session_state["A"] == 5.0
    at.session_state["label"] = "Beta"
    at.run()
    # seed widget-behavior.md: st.session_state.A is destroyed and recreated with the default
    assert at.session_state["A"] == 0.0
    assert at.number_input[0].label == "Beta" and at.number_input[0].value == 0.0


def test_label_change_back_does_not_resurrect_the_old_value(app):
    at = app(LABEL_CHANGE)
    at.number_input[0].set_value(5.0).run()
    at.session_state["label"] = "Beta"
    at.run()
    at.session_state["label"] = "Alpha"
    at.run()
    assert at.session_state["A"] == 0.0


@pytest.mark.parametrize("change", [
    "min_value=1", "max_value=50", "step=2", 'format="%d items"',
])
def test_identity_parameter_change_resets_keyed_value(app, change):
    at = app(f"""
        extra = dict({change}) if st.session_state.get("changed") else {{}}
        st.number_input("n", **{{"min_value": 0, "max_value": 100, "step": 1, **extra}}, key="n")
    """)
    at.number_input[0].set_value(7).run()
    at.session_state["changed"] = True
    at.run()
    assert at.session_state["n"] == at.number_input[0].min


def test_options_change_resets_selection(app):
    at = app("""
        opts = st.session_state.get("opts", ["a", "b", "c"])
        st.selectbox("s", opts, key="s")
    """)
    at.selectbox[0].select("c").run()
    at.session_state["opts"] = ["a", "b", "c", "d"]
    at.run()
    assert at.session_state["s"] == "a"


@pytest.mark.parametrize("change", ['disabled=True', 'help="more"', 'on_change=print',
                                    'label_visibility="hidden"', 'placeholder="type"'])
def test_non_identity_changes_keep_the_widget_and_value(app, change):
    at = app(f"""
        extra = dict({change}) if st.session_state.get("changed") else {{}}
        st.text_input("t", key="t", **extra)
    """)
    at.text_input[0].input("kept").run()
    wid = at.text_input[0].id
    at.session_state["changed"] = True
    at.run()
    assert at.session_state["t"] == "kept"
    assert at.text_input[0].id == wid and at.text_input[0].value == "kept"


def test_keyless_widget_keeps_value_across_reruns(app):
    at = app("st.session_state.v = st.slider('s', 0, 10)")
    at.slider[0].set_value(3).run()
    at.run().run()
    assert at.session_state["v"] == 3 and at.slider[0].value == 3


def test_value_argument_change_keeps_the_widget(app):
    at = app("""
        default = st.session_state.get("default", 1)
        st.session_state.v = st.slider("s", 0, 10, default, key="s")
    """)
    at.slider[0].set_value(8).run()
    at.session_state["default"] = 2
    at.run()
    assert at.session_state["v"] == 8
