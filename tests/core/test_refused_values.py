"""SPEC §3 (last rule) and §10: a value the real frontend could not send is refused.

Nothing is stored, no callback runs, the app does not rerun, session state is exactly as it
was, and a warning names the widget's label and key and what was wrong.
"""

from __future__ import annotations

import datetime as dt

import pytest

from nbstate.testing import AppTest
from nbstate.uploads import UploadedFile

# (widget call with key="w", refused value, fragment of the reason)
REFUSED = [
    ('st.slider("Level", 0, 10, 5, key="w", on_change=cb)', 11, "above the maximum"),
    ('st.slider("Level", 0, 10, 5, key="w", on_change=cb)', -1, "below the minimum"),
    ('st.slider("Level", 0, 10, 5, key="w", on_change=cb)', 2.5, "expected an int"),
    ('st.slider("Level", 0, 10, 5, key="w", on_change=cb)', True, "expected an int"),
    ('st.slider("Level", 0, 10, 5, key="w", on_change=cb)', "3", "expected an int"),
    ('st.slider("Level", 0.0, 1.0, key="w", on_change=cb)', float("nan"), "finite"),
    ('st.slider("Level", 0.0, 1.0, key="w", on_change=cb)', float("inf"), "finite"),
    ('st.slider("Level", 0, 10, (2, 5), key="w", on_change=cb)', (6, 3), "low end"),
    ('st.slider("Level", 0, 10, (2, 5), key="w", on_change=cb)', 4, "pair"),
    ('st.number_input("Level", 0, 10, key="w", on_change=cb)', 99, "above the maximum"),
    ('st.number_input("Level", 0, 10, key="w", on_change=cb)', False, "expected an int"),
    ('st.number_input("Level", key="w", on_change=cb)', float("nan"), "finite"),
    ('st.number_input("Level", key="w", on_change=cb)', None, "expected a number"),
    ('st.selectbox("Level", ["a", "b"], key="w", on_change=cb)', "c", "not one of the options"),
    ('st.selectbox("Level", ["a", "b"], key="w", on_change=cb)', None, "not one of the options"),
    ('st.selectbox("Level", [1, 2], key="w", on_change=cb)', True, "not one of the options"),
    ('st.radio("Level", ["a", "b"], key="w", on_change=cb)', "z", "not one of the options"),
    ('st.multiselect("Level", ["a", "b"], key="w", on_change=cb)', ["a", "q"], "not one of"),
    ('st.multiselect("Level", ["a", "b"], key="w", on_change=cb)', "a", "expected a list"),
    ('st.multiselect("Level", "abc", key="w", on_change=cb, max_selections=1)', ["a", "b"],
     "at most 1"),
    ('st.select_slider("Level", ["S", "M"], key="w", on_change=cb)', "XL", "not one of"),
    ('st.checkbox("Level", key="w", on_change=cb)', 1, "expected True or False"),
    ('st.toggle("Level", key="w", on_change=cb)', "yes", "expected True or False"),
    ('st.text_input("Level", key="w", on_change=cb, max_chars=3)', "abcd", "max_chars"),
    ('st.text_input("Level", key="w", on_change=cb)', 5, "expected a str"),
    ('st.text_area("Level", key="w", on_change=cb)', None, "expected a str"),
    ('st.date_input("Level", dt.date(2024, 1, 1), key="w", on_change=cb, '
     'max_value=dt.date(2024, 12, 31))', dt.date(2025, 1, 1), "above the maximum"),
    ('st.date_input("Level", dt.date(2024, 1, 1), key="w", on_change=cb)', "2024-01-02",
     "expected a date"),
    ('st.time_input("Level", dt.time(1, 0), key="w", on_change=cb)', "01:00", "expected a time"),
    ('st.color_picker("Level", key="w", on_change=cb)', "red", "#rrggbb"),
    ('st.file_uploader("Level", type="csv", key="w", on_change=cb)',
     UploadedFile("x.png", b"png"), "not of an allowed type"),
    ('st.file_uploader("Level", key="w", on_change=cb)', b"raw bytes", "uploaded file"),
    ('st.pills("Level", ["a", "b"], key="w", on_change=cb)', "c", "not one of"),
]


@pytest.mark.parametrize("call, bad, reason", REFUSED, ids=[f"{c[:30]}={b!r}"
                                                             for c, b, _ in REFUSED])
def test_refused_value_changes_nothing_and_warns(app, call, bad, reason):
    at = app(f"""
        import datetime as dt
        def cb():
            st.session_state.called = True
        st.session_state.runs = st.session_state.get("runs", 0) + 1
        st.session_state.got = {call}
    """)
    before = at.session_state.to_dict()
    kind = call.split("(")[0].removeprefix("st.")
    # sent as a frontend sends it: past AppTest's own checks, which raise where Streamlit's
    # AppTest raises (tests/core/test_fidelity.py)
    at._pending[at.get(kind)[0].id] = bad
    at.run()
    assert at.session_state.to_dict() == before
    assert "called" not in at.session_state
    assert len(at.warning) == 1
    msg = at.warning[0].value
    assert f'`st.{kind}` "Level" (key "w")' in msg
    assert reason in msg
    # the widget still shows its current value, and a later valid value works as usual
    assert at.get(kind)[0].value == before["w"]
    at.run()
    assert at.warning.len == 0 and at.session_state["runs"] == before["runs"] + 1


def test_refused_value_keeps_other_changes_of_the_same_batch(app):
    at = app("""
        with st.form("f"):
            a = st.slider("a", 0, 10, key="a")
            b = st.text_input("b", key="b", max_chars=2)
            st.form_submit_button()
    """)
    at.slider[0].set_value(4)
    at.text_input[0].input("too long")
    at.button[0].click().run()
    assert at.session_state["a"] == 4 and at.session_state["b"] == ""
    assert len(at.warning) == 1 and '"b" (key "b")' in at.warning[0].value


def test_refused_value_of_keyless_widget_names_its_label(app):
    at = app('st.session_state.v = st.slider("Volume", 0, 10)')
    at.slider[0].set_value(50).run()
    assert at.session_state["v"] == 0
    assert '`st.slider` "Volume" refused the value 50' in at.warning[0].value


def test_valid_value_after_a_refused_one_is_applied(app):
    at = app('st.session_state.v = st.slider("Volume", 0, 10, key="vol")')
    at.slider[0].set_value(50).run()
    at.slider[0].set_value(6).run()
    assert at.session_state.to_dict() == {"vol": 6, "v": 6}
    assert not at.warning


def test_button_refuses_anything_but_a_click(app):
    at = app("""
        def cb():
            st.session_state.clicked = True
        st.button("Go", key="go", on_click=cb)
    """)
    at.button[0].set_value(False).run()
    assert "clicked" not in at.session_state
    assert 'refused' in at.warning[0].value and '"Go" (key "go")' in at.warning[0].value


@pytest.mark.parametrize("call, bad, good", [
    ('st.slider("Level", 0, 10, 0, 2, key="w")', 3, 4),
    ('st.slider("Level", 1, 10, 1, 3, key="w")', 3, 7),
    ('st.slider("Level", 0.0, 1.0, 0.0, 0.25, key="w")', 0.3, 0.75),
    ('st.slider("Level", 0.0, 1.0, key="w")', 0.125, 0.3 + 0.07),
    ('st.slider("Level", 0, 10, (0, 2), 2, key="w")', (1, 2), (2, 6)),
])
def test_slider_refuses_values_off_its_step_grid(app, call, bad, good):
    at = app(f"st.session_state.got = {call}")
    at.slider[0].set_value(bad).run()
    assert "not on the slider's steps" in at.warning[0].value
    at.slider[0].set_value(good).run()
    assert at.session_state["got"] == good and not at.warning


def test_number_input_takes_values_off_its_step(app):
    at = app('st.session_state.got = st.number_input("n", 0, 10, step=2, key="w")')
    at.number_input[0].set_value(3).run()
    assert at.session_state["got"] == 3 and not at.warning


def test_a_disabled_widget_refuses_input_from_the_frontend():
    from nbstate.run import App, Session
    from nbstate.testing import AppTestError

    src = """
import nbstate as st
v = st.slider("Locked", 0, 10, 3, key="locked", disabled=True)
st.write(v)
"""
    # a test cannot do what a browser user cannot (as Streamlit's AppTest)
    at = AppTest.from_string(src).run()
    with pytest.raises(AppTestError, match="disabled slider"):
        at.slider(key="locked").set_value(5)
    # a frontend that sends it anyway is refused by the core
    app = App(src, session=Session())
    tree = app.run()
    [wid] = [el.id for el in tree.walk() if el.key == "locked"]
    app.interact([(wid, 5)])
    assert app.session.store.values["locked"] == 3
    texts = [el.props.get("body") for el in app.tree.walk()]
    assert "`3`" in texts
    [warning] = [el.props["body"] for el in app.tree.walk() if el.type == "warning"]
    assert "disabled" in warning and '"Locked"' in warning


def test_a_burst_keeps_each_widgets_last_valid_value_and_calls_back_once():
    from nbstate.run import App, Session

    app = App("""
import nbstate as st
st.session_state.setdefault("calls", [])
def cb(name):
    st.session_state.calls.append(name)
st.slider("a", 0, 10, 0, key="a", on_change=cb, args=("a",))
st.slider("b", 0, 10, 0, key="b", on_change=cb, args=("b",))
""", session=Session())
    tree = app.run()
    ids = {el.key: el.id for el in tree.walk() if el.id}
    app.interact([(ids["b"], 3), (ids["a"], 4), (ids["b"], 99), (ids["a"], 6), (ids["a"], -1)])
    ss = app.session.store.values
    assert (ss["a"], ss["b"]) == (6, 3)  # the refused 99 and -1 do not undo the valid values
    assert ss["calls"] == ["a", "b"]  # once each, in the widgets' order in the app
    warnings = [el.props["body"] for el in app.tree.walk() if el.type == "warning"]
    assert len(warnings) == 2 and any("99" in w for w in warnings)
