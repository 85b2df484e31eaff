"""SPEC §5: the order of a rerun."""

from __future__ import annotations

import pytest

LOG_APP = """
    log = st.session_state.setdefault("log", [])
    def cb(name, *args, **kwargs):
        log.append((name, args, kwargs, st.session_state.get(name)))
    log.append(("script", st.session_state.get("a"), st.session_state.get("b")))
    a = st.slider("a", 0, 10, key="a", on_change=cb, args=("a", 1), kwargs={"x": 2})
    b = st.text_input("b", key="b", on_change=cb, args=("b",))
    log.append(("returned", a, b))
"""


def test_callback_runs_before_the_script_with_args_and_sees_new_value(app):
    at = app(LOG_APP)
    at.session_state["log"].clear()
    at.slider[0].set_value(4).run()
    assert at.session_state["log"] == [
        ("a", (1,), {"x": 2}, 4),
        ("script", 4, ""),
        ("returned", 4, ""),
    ]


def test_callbacks_run_once_each_in_the_widgets_order_in_the_app(app):
    at = app(LOG_APP)
    at.session_state["log"].clear()
    at.text_input[0].input("hi")
    at.slider[0].set_value(9)
    at.run()
    # SPEC §5: the slider comes first in the app, so its callback runs first, whatever
    # order the values arrived in
    assert [e[0] for e in at.session_state["log"]] == ["a", "b", "script", "returned"]
    # every callback sees every new value
    assert at.session_state["log"][0][3] == 9 and at.session_state["log"][1][3] == "hi"


def test_unchanged_value_runs_no_callback(app):
    at = app(LOG_APP)
    at.session_state["log"].clear()
    at.slider[0].set_value(0).run()
    assert [e[0] for e in at.session_state["log"]] == ["script", "returned"]


def test_callback_may_write_widget_keys(app):
    at = app("""
        def reset():
            st.session_state.name = ""
            st.session_state.level = 0
        st.slider("Level", 0, 10, key="level")
        st.text_input("Name", key="name")
        st.button("Reset", on_click=reset)
    """)
    at.slider[0].set_value(8).run()
    at.text_input[0].input("Ann").run()
    at.button[0].click().run()
    assert not at.exception
    assert at.session_state["level"] == 0 and at.session_state["name"] == ""
    assert at.slider[0].value == 0 and at.text_input[0].value == ""


def test_callback_writing_the_changed_widget_key_wins(app):
    at = app("""
        def clamp():
            if st.session_state.v > 5:
                st.session_state.v = 5
        st.session_state.seen = st.slider("v", 0, 10, key="v", on_change=clamp)
    """)
    at.slider[0].set_value(9).run()
    assert at.session_state["seen"] == 5 and at.slider[0].value == 5


def test_button_is_true_for_exactly_one_run(app):
    at = app("""
        st.session_state.seen = st.session_state.get("seen", []) + [st.button("b", key="b")]
    """)
    at.button[0].click().run()
    at.run()
    at.run()
    assert at.session_state["seen"] == [False, True, False, False]
    assert at.session_state["b"] is False


def test_button_click_with_other_change_in_same_batch(app):
    at = app("""
        n = st.number_input("n", 0, 10, key="n")
        if st.button("show"):
            st.write("n is", n)
    """)
    at.number_input[0].set_value(3)
    at.button[0].click()
    at.run()
    assert at.markdown.values == ["n is `3`"]
    at.run()
    assert at.markdown.values == []


def test_on_click_sees_button_true(app):
    at = app("""
        def cb():
            st.session_state.inside = st.session_state.go
        st.button("Go", key="go", on_click=cb)
    """)
    at.button[0].click().run()
    assert at.session_state["inside"] is True and at.session_state["go"] is False


def test_rerun_ends_the_run_and_starts_a_new_one(app):
    at = app("""
        st.session_state.runs = st.session_state.get("runs", 0) + 1
        st.write("run", st.session_state.runs)
        if st.session_state.runs == 1:
            st.rerun()
            st.write("never")
    """)
    assert at.session_state["runs"] == 2
    assert at.markdown.values == ["run `2`"]


def test_rerun_forever_hits_the_timeout(app):
    at = app("st.rerun()", run=False)
    with pytest.raises(RuntimeError, match="timed out after 0.2"):
        at.run(timeout=0.2)


def test_endless_app_code_hits_the_timeout_and_the_app_stays_usable(app):
    at = app("""
        st.write("start")
        if st.session_state.get("spin", True):
            while True:
                try:
                    pass
                except Exception:  # the timeout is no Exception: user code cannot eat it
                    pass
        st.write("done")
    """, run=False)
    with pytest.raises(TimeoutError, match="timed out"):
        at.run(timeout=0.3)
    at.session_state["spin"] = False
    assert at.run().markdown.values == ["start", "done"]


def test_stop_ends_the_run_quietly_and_keeps_what_was_shown(app):
    at = app("""
        st.write("before")
        st.session_state.x = 1
        st.stop()
        st.write("after")
    """)
    assert at.markdown.values == ["before"] and not at.exception
    assert at.session_state["x"] == 1


def test_stop_skips_cleanup(app):
    at = app("""
        if st.session_state.get("hide"):
            st.stop()
        st.slider("s", 0, 10, key="s")
    """)
    at.slider[0].set_value(6).run()
    at.session_state["hide"] = True
    at.run()
    assert at.session_state["s"] == 6
    at.session_state["hide"] = False
    at.run()
    assert at.slider[0].value == 6


def test_exception_skips_cleanup_and_keeps_earlier_state(app):
    at = app("""
        st.session_state.before = True
        if st.session_state.get("boom"):
            raise RuntimeError("boom")
        st.slider("s", 0, 10, key="s")
    """)
    at.slider[0].set_value(6).run()
    at.session_state["boom"] = True
    at.run()
    assert at.exception[0].type == "RuntimeError" and at.exception[0].message == "boom"
    assert at.session_state["s"] == 6 and at.session_state["before"] is True
    at.session_state["boom"] = False
    at.run()
    assert at.slider[0].value == 6 and not at.exception


def test_rerun_does_clean_up(app):
    at = app("""
        if st.session_state.get("hide"):
            st.session_state.hide = False
            st.rerun()
        st.slider("s", 0, 10, key="s")
    """)
    at.slider[0].set_value(6).run()
    at.session_state["hide"] = True
    at.run()
    assert at.slider[0].value == 0 and at.session_state["s"] == 0


def test_callback_exception_is_shown_and_app_code_does_not_run(app):
    at = app("""
        def cb():
            st.session_state.in_cb = st.session_state.v
            raise ValueError("bad callback")
        st.session_state.runs = st.session_state.get("runs", 0) + 1
        st.slider("v", 0, 10, key="v", on_change=cb)
        st.write("body")
    """)
    at.slider[0].set_value(3).run()
    exc = at.exception[0]
    assert exc.type == "ValueError" and exc.message == "bad callback"
    assert any("raise ValueError" in line for line in exc.stack_trace)
    assert at.session_state["runs"] == 1
    assert at.main.children[0].element_type == "exception"  # shown at the top of the app
    # the value applied before the callback stays; the previous run's elements stay visible
    assert at.session_state["v"] == 3 and at.session_state["in_cb"] == 3
    assert at.markdown.values == ["body"] and len(at.slider) == 1
    # nothing is left faded after an exception (the run is over)
    assert at.tree.props["stale"] is False
    assert at.slider[0].value == 3  # the stale slider shows the value that was applied
    # still interactive: the next change runs normally
    at.run()
    assert not at.exception and at.session_state["runs"] == 2


def test_callback_exception_does_not_clean_up(app):
    at = app("""
        def cb():
            raise ValueError("x")
        st.checkbox("c", key="c")
        if not st.session_state.get("hide"):
            st.slider("s", 0, 10, key="s")
        st.button("b", on_click=cb)
    """)
    at.slider[0].set_value(5).run()
    at.session_state["hide"] = True
    at.button[0].click().run()
    assert at.session_state["s"] == 5


def test_rerun_and_stop_in_callback_are_ignored(app):
    at = app("""
        def cb():
            st.session_state.cb = True
            st.rerun()
        def cb2():
            st.stop()
        st.button("a", on_click=cb)
        st.button("b", on_click=cb2)
        st.write("body")
    """)
    at.button[0].click().run()
    assert at.session_state["cb"] is True and at.markdown.values == ["body"]
    at.button[1].click().run()
    assert at.markdown.values == ["body"]


def test_exception_in_app_stays_interactive(app):
    at = app("""
        n = st.number_input("n", 0, 10, 1, key="n")
        st.write("10 /", n, "=", 10 // n)
    """)
    at.number_input[0].set_value(0).run()
    assert at.exception[0].type == "ZeroDivisionError"
    assert len(at.number_input) == 1
    at.number_input[0].set_value(5).run()
    assert at.markdown.values == ["10 / `5` = `2`"] and not at.exception
