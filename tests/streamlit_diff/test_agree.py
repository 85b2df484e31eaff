"""Differential tests: one script, run through ``streamlit.testing.v1.AppTest`` (with
``import streamlit as st``) and ``nbstate.testing.AppTest`` (with ``import nbstate as st``),
with the same interactions. After the first run and after every interaction both must agree on
session state, on the Markdown shown and on the exceptions shown (by class).

Where SPEC deliberately differs from current Streamlit, the case is listed in DIFFERENCES at the
end of this module, with the reason; those tests run both apps, check that they agree on
everything else, and assert the SPEC behaviour for nbstate.
"""

from __future__ import annotations

import datetime as dt

import pytest

pytest.importorskip("streamlit")
pytestmark = pytest.mark.streamlit


def state(key, value):
    """An interaction that writes session state from the test, between runs."""

    def act(at):
        at.session_state[key] = value

    return act


# (id, script body, interactions; each is followed by a run of both apps)
CASES = [
    # format_func must give text; what it raises is the app's own error, as it is
    *[(f"format-func-{w}-{bad}", f"""
        st.write("before")
        st.{w}("w", [1, 2], format_func=lambda v: {expr})
     """, []) for w in ("selectbox", "radio", "multiselect", "select_slider", "pills",
                        "segmented_control", "menu_button")
      for bad, expr in (("returns-int", "v * 10"), ("returns-none", "None"),
                        ("raises", "1 / 0"))],
    ("menu-button-duplicate-labels", """
        st.menu_button("m", ["a", "b"], format_func=lambda v: "same")
     """, []),
    ("menu-button-without-options", """
        st.menu_button("m", [])
     """, []),
    ("counter-on-click-args", """
        if "count" not in st.session_state:
            st.session_state.count = 0
        def inc(n):
            st.session_state.count += n
        st.button("inc", on_click=inc, args=(2,))
        st.write("count", st.session_state.count)
     """, [lambda at: at.button[0].click(), lambda at: at.button[0].click(), lambda at: None]),
    ("button-true-for-one-run", """
        if st.button("b", key="b"):
            st.write("clicked")
        st.write("b is", st.session_state.b)
     """, [lambda at: at.button[0].click(), lambda at: None]),
    ("slider-keyed", """
        v = st.slider("Level", 0, 10, 3, key="level")
        st.write("level", v, st.session_state.level)
     """, [lambda at: at.slider[0].set_value(7), lambda at: None]),
    ("slider-keyless-persists", """
        st.write(st.slider("s", 0.0, 1.0, 0.5))
     """, [lambda at: at.slider[0].set_value(0.25), lambda at: None]),
    ("range-slider", """
        lo, hi = st.slider("r", 0, 100, (20, 80), key="r")
        st.write(lo, hi)
     """, [lambda at: at.slider[0].set_range(10, 90)]),
    ("text-input-on-change-copies", """
        def copy():
            st.session_state.copy = st.session_state.name.upper()
        st.text_input("Your name", key="name", on_change=copy)
        st.write("hello", st.session_state.name)
     """, [lambda at: at.text_input[0].input("ann"), lambda at: at.text_input[0].input("bo")]),
    ("checkbox-reveals", """
        if st.checkbox("more", key="more"):
            st.write("more content")
     """, [lambda at: at.checkbox[0].check(), lambda at: at.checkbox[0].uncheck()]),
    ("toggle", """
        st.write("on" if st.toggle("t", key="t") else "off")
     """, [lambda at: at.toggle[0].set_value(True)]),
    ("selectbox-index-none", """
        v = st.selectbox("pick", ["a", "b", "c"], index=None, key="pick")
        st.write("picked", str(v))
     """, [lambda at: at.selectbox[0].select("b"), lambda at: at.selectbox[0].select("c")]),
    ("selectbox-format-func", """
        v = st.selectbox("n", [1, 2, 3], format_func=lambda o: f"#{o}", key="n")
        st.write(v * 10)
     """, [lambda at: at.selectbox[0].select(3)]),
    ("radio", """
        st.write(st.radio("size", ["S", "M", "L"], index=1, key="size"))
     """, [lambda at: at.radio[0].set_value("L")]),
    ("multiselect", """
        v = st.multiselect("fruit", ["apple", "pear", "plum"], ["pear"], key="fruit")
        st.write(", ".join(v))
     """, [lambda at: at.multiselect[0].select("plum"),
           lambda at: at.multiselect[0].unselect("pear")]),
    ("number-input-int", """
        n = st.number_input("n", 0, 10, 5, key="n")
        st.write(n, type(n).__name__)
     """, [lambda at: at.number_input[0].increment(),
           lambda at: at.number_input[0].decrement(),
           lambda at: at.number_input[0].decrement()]),
    ("number-input-float", """
        x = st.number_input("x", value=1.5, step=0.5, key="x")
        st.write(x, type(x).__name__)
     """, [lambda at: at.number_input[0].increment(), lambda at: at.number_input[0].set_value(9.0)]),
    ("select-slider", """
        st.write(st.select_slider("size", ["S", "M", "L"], value="M", key="size"))
     """, [lambda at: at.select_slider[0].set_value("L")]),
    ("text-area", """
        st.write(len(st.text_area("notes", key="notes")))
     """, [lambda at: at.text_area[0].input("hello world")]),
    ("date-input", """
        import datetime as dt
        d = st.date_input("when", dt.date(2024, 1, 1), key="when")
        st.write(d.isoformat())
     """, [lambda at: at.date_input[0].set_value(dt.date(2024, 3, 4))]),
    ("time-input", """
        import datetime as dt
        t = st.time_input("at", dt.time(8, 0), key="at")
        st.write(t.isoformat())
     """, [lambda at: at.time_input[0].set_value(dt.time(9, 30))]),
    ("color-picker", """
        st.write(st.color_picker("c", "#00ff00", key="c"))
     """, [lambda at: at.color_picker[0].set_value("#123456")]),
    ("date-range", """
        import datetime as dt
        st.write(repr(st.date_input("d", (dt.date(2024, 1, 1), dt.date(2024, 1, 5)), key="d")))
     """, [lambda at: at.date_input[0].set_value((dt.date(2024, 1, 2), dt.date(2024, 1, 3)))]),
    ("select-slider-range", """
        st.write(repr(st.select_slider("s", list("abcde"), ("b", "d"), key="s")))
     """, [lambda at: at.select_slider[0].set_range("a", "e")]),
    ("pills-multi", """
        st.write(repr(st.pills("p", ["a", "b", "c"], selection_mode="multi", key="p")))
     """, [lambda at: at.pills[0].select("b"), lambda at: at.pills[0].select("c"),
           lambda at: at.pills[0].unselect("b")]),
    ("pills-single-and-segmented-control", """
        st.write(repr(st.pills("p", ["a", "b", "c"], key="p")))
        st.write(repr(st.segmented_control("g", ["x", "y"], default="x", key="g")))
     """, [lambda at: at.pills[0].set_value("b"), lambda at: at.pills[0].set_value(None),
           lambda at: at.segmented_control[0].set_value("y")]),
    ("slider-float-range", """
        st.write(repr(st.slider("s", 0.0, 1.0, (0.25, 0.75), key="s")))
     """, [lambda at: at.slider[0].set_range(0.5, 1.0)]),
    ("slider-date-time-datetime", """
        import datetime as dt
        st.write(repr(st.slider("d", value=dt.date(2024, 1, 10), key="d")))
        st.write(repr(st.slider("t", value=dt.time(12, 0), key="t")))
        st.write(repr(st.slider("dt", value=dt.datetime(2024, 1, 10, 12), key="dt")))
     """, [lambda at: at.slider[0].set_value(dt.date(2024, 1, 12)),
           lambda at: at.slider[1].set_value(dt.time(13, 0)),
           lambda at: at.slider[2].set_value(dt.datetime(2024, 1, 11, 12))]),
    ("inputs-with-value-none", """
        st.write(repr(st.number_input("n", value=None, key="n")))
        st.write(repr(st.text_input("t", value=None, key="t")))
        st.write(repr(st.time_input("tm", value=None, key="tm")))
     """, [lambda at: at.number_input[0].set_value(3.5), lambda at: at.text_input[0].input("q")]),
    ("multiselect-max-selections", """
        st.write(repr(st.multiselect("m", list("abc"), max_selections=2, key="m")))
     """, [lambda at: at.multiselect[0].select("a").select("b")]),
    ("number-input-step-and-format", """
        st.write(st.number_input("n", 0, 100, 5, 5, format="%d", key="n"))
     """, [lambda at: at.number_input[0].increment(), lambda at: at.number_input[0].increment()]),
    ("set-before-create", """
        if "level" not in st.session_state:
            st.session_state.level = 4
        st.write(st.slider("Level", 0, 10, key="level"))
     """, [lambda at: at.slider[0].set_value(9)]),
    ("set-from-test-between-runs", """
        st.write(st.text_input("t", key="t"))
     """, [state("t", "from test"), lambda at: None]),
    ("callback-resets-widgets", """
        def reset():
            st.session_state.level = 0
            st.session_state.name = ""
        st.slider("Level", 0, 10, key="level")
        st.text_input("Name", key="name")
        st.button("Reset", on_click=reset)
        st.write(st.session_state.level, st.session_state.name)
     """, [lambda at: at.slider[0].set_value(6), lambda at: at.text_input[0].input("x"),
           lambda at: at.button[0].click()]),
    ("callback-kwargs-sees-new-values", """
        def cb(tag, *, factor):
            st.session_state.seen = f"{tag}:{st.session_state.n * factor}"
        st.number_input("n", 0, 100, key="n", on_change=cb, args=("n",), kwargs={"factor": 3})
        st.write(st.session_state.get("seen", "none"))
     """, [lambda at: at.number_input[0].set_value(7)]),
    ("cleanup-unrendered-widget", """
        if st.checkbox("show", True, key="show"):
            st.slider("x", 0, 10, key="x")
        st.write(sorted(st.session_state.keys()))
     """, [lambda at: at.slider[0].set_value(6), lambda at: at.checkbox[0].uncheck(),
           lambda at: at.checkbox[0].check()]),
    ("dummy-key-workaround", """
        def keep():
            st.session_state._x = st.session_state.x
        if st.checkbox("show", True, key="show"):
            if "_x" in st.session_state:
                st.session_state.x = st.session_state._x
            st.slider("x", 0, 10, key="x", on_change=keep)
     """, [lambda at: at.slider[0].set_value(6), lambda at: at.checkbox[0].uncheck(),
           lambda at: at.checkbox[0].check()]),
    ("rerun", """
        st.session_state.runs = st.session_state.get("runs", 0) + 1
        if st.session_state.runs % 2 == 1:
            st.rerun()
        st.write("runs", st.session_state.runs)
     """, [lambda at: None]),
    ("stop", """
        name = st.text_input("name", key="name")
        if not name:
            st.write("enter a name")
            st.stop()
        st.write("hello", name)
     """, [lambda at: at.text_input[0].input("Ann")]),
    ("clear-session-state", """
        st.session_state.setdefault("a", 1)
        if st.button("clear"):
            for key in st.session_state.keys():
                del st.session_state[key]
        st.write(len(st.session_state))
     """, [lambda at: at.button[0].click(), lambda at: None]),
    ("mapping-api", """
        ss = st.session_state
        ss.update({"a": 1}, b=2)
        ss["c"] = ss.get("c", 0) + 1
        st.write(sorted(ss.keys()), ss.get("zz", "default"), "a" in ss, len(ss))
        st.write(ss.to_dict())
     """, [lambda at: None]),
    ("write-dispatch", """
        st.write("text", 5, 1.5, True, None)
        st.write({"a": [1, 2]})
        st.write("**bold**")
        st.markdown("# heading")
     """, []),
    ("form-two-submit-buttons-keyed", """
        with st.form("f"):
            v = st.text_input("t", key="t")
            a = st.form_submit_button("A", key="a")
            b = st.form_submit_button("B", key="b")
        st.write("a", a, "b", b, "ss", st.session_state.a, st.session_state.b, v)
     """, [lambda at: (at.text_input[0].input("x"), at.button[1].click()), lambda at: None]),
    ("button-then-rerun", """
        if st.button("go", key="go"):
            st.session_state.seen = st.session_state.go
            st.rerun()
        st.write(st.session_state.get("seen"), st.session_state.go)
     """, [lambda at: at.button[0].click()]),
    ("stop-after-widget", """
        x = st.slider("x", 0, 10, key="x")
        if x > 5:
            st.session_state.big = True
            st.stop()
        st.write("small", x)
     """, [lambda at: at.slider[0].set_value(8), lambda at: at.slider[0].set_value(2)]),
    ("form-with-columns", """
        form = st.form("f")
        c1, c2 = form.columns(2)
        a = c1.text_input("a", key="a")
        b = c2.slider("b", 0, 9, key="b")
        sent = form.form_submit_button("Send")
        st.write(a, b, sent)
     """, [lambda at: (at.text_input[0].input("x"), at.slider[0].set_value(3),
                      at.button[0].click()), lambda at: None]),
    ("callback-in-form-column", """
        with st.form("f"):
            c1, c2 = st.columns(2)
            st.form_submit_button("Send")
        st.write("before")
        c1.text_input("a", key="a", on_change=lambda: None)
     """, []),
    ("container-key-is-writable", """
        with st.container(key="box"):
            st.write("in box")
        st.session_state.box = 1
        st.write(st.session_state.box)
     """, []),
    ("form-key-is-not-writable", """
        with st.form("f"):
            st.form_submit_button()
        st.session_state.f = 1
     """, []),
    ("magic-bare-expressions", """
        st.session_state.key = "value"
        st.session_state
        "hello *magic*"
        x = st.slider("x", 0, 10, key="x")
        x * 2
        "a", 1
        if x > 2:
            "big"
     """, [lambda at: at.slider[0].set_value(4)]),
    ("write-json-objects-json-cannot-hold", """
        import datetime as dt
        st.write({1: "int key", (1, 2): "tuple key", "d": dt.date(2024, 1, 2), "n": None})
        st.json([1, "a", {"b": [True]}])
     """, []),
    ("form-submit-on-click", """
        def form_callback():
            st.write(st.session_state.my_slider)
            st.write(st.session_state.my_checkbox)
        with st.form(key='my_form'):
            st.slider('My slider', 0, 10, 5, key='my_slider')
            st.checkbox('Yes or No', key='my_checkbox')
            sent = st.form_submit_button(label='Submit', on_click=form_callback)
        st.write("sent", sent)
     """, [lambda at: (at.slider[0].set_value(9), at.checkbox[0].check(),
                      at.button[0].click()), lambda at: None]),
    ("number-input-out-of-range-from-state", """
        st.write(st.number_input("n", 0, 10, 3, key="n"))
     """, [{"n": 50}]),
    ("selectbox-non-option-from-state", """
        st.write(st.selectbox("s", ["a", "b"], index=1, key="s"))
     """, [{"s": "zzz"}, lambda at: at.selectbox[0].select("a")]),
    ("radio-non-option-from-state", """
        st.write(st.radio("r", ["a", "b"], key="r"))
     """, [{"r": "zzz"}]),
    ("multiselect-drops-non-options-from-state", """
        st.write(st.multiselect("m", ["a", "b", "c"], key="m"))
     """, [{"m": ["c", "zzz", "a"]}]),
    ("none-from-state-empties-inputs", """
        import datetime as dt
        st.write(str(st.number_input("n", 0, 10, key="n")), str(st.text_input("t", "x", key="t")),
                 str(st.selectbox("s", ["a", "b"], key="s")), str(st.radio("r", "ab", key="r")),
                 str(st.date_input("d", dt.date(2024, 1, 1), key="d")))
     """, [{"n": None, "t": None, "s": None, "r": None, "d": None}]),
    ("select-slider-non-option-from-state", """
        st.write(st.select_slider("s", ["a", "b", "c"], value="b", key="s"))
     """, [{"s": "zzz"}]),
    ("date-out-of-range-from-state", """
        import datetime as dt
        d = st.date_input("d", dt.date(2024, 1, 1), dt.date(2023, 1, 1), dt.date(2025, 1, 1),
                          key="d")
        st.write(d.isoformat())
     """, [{"d": dt.date(2030, 1, 1)}]),
    ("text-longer-than-max-chars-from-state", """
        st.write(st.text_area("t", key="t", max_chars=2))
     """, [{"t": "abcdef"}]),
    ("slider-above-max-from-state", """
        st.write("top")
        st.slider("s", 0, 10, key="s")
        st.write("bottom")
     """, [{"s": 99}, lambda at: None]),
    ("slider-below-min-from-state", """
        st.slider("s", 5, 10, key="s")
     """, [{"s": 1}]),
    ("text-input-wrong-type-from-state", """
        st.write("top")
        st.text_input("t", key="t")
     """, [{"t": 5}]),
    ("widget-already-instantiated", """
        st.slider("s", 0, 10, key="s")
        st.write("before")
        st.session_state.s = 3
        st.write("after")
     """, []),
    ("button-value-assignment", """
        if "b" not in st.session_state:
            st.session_state.b = True
        st.write("top")
        st.button("b", key="b")
     """, []),
    ("duplicate-key", """
        st.write("one")
        st.slider("a", key="k")
        st.checkbox("b", key="k")
     """, []),
    ("duplicate-id", """
        st.checkbox("same")
        st.write("between")
        st.checkbox("same")
     """, []),
    ("missing-key", """
        st.write("top")
        st.write(st.session_state["value"])
     """, []),
    ("exception-keeps-state", """
        st.session_state.before = True
        n = st.number_input("n", 0, 10, 1, key="n")
        st.write(10 // n)
     """, [lambda at: at.number_input[0].set_value(0), lambda at: at.number_input[0].set_value(5)]),
    ("form-callback-not-allowed", """
        with st.form("f"):
            st.write("inside")
            st.slider("s", on_change=lambda: None)
            st.form_submit_button()
     """, []),
    ("submit-button-outside-form", """
        st.write("top")
        st.form_submit_button("go")
     """, []),
    ("argument-error-classes", """
        import datetime as dt
        for call in (lambda: st.selectbox("P", ["a"], index=2),
                     lambda: st.select_slider("S", []),
                     lambda: st.number_input("C", 10, 5),
                     lambda: st.number_input("C", 0, 10, 11),
                     lambda: st.number_input("C", 0, 10.5),
                     lambda: st.multiselect("F", ["a"], ["b"])):
            try:
                call()
            except st.errors.StreamlitAPIException as e:
                st.write(type(e).__name__.removeprefix("Streamlit"))
     """, []),
    ("int-keys", """
        st.session_state[3] = "three"
        st.write(st.session_state["3"])
     """, []),
    # -- fidelity: behaviour the seed pages leave to Streamlit --------------------------------
    ("keyless-same-label-other-default", """
        v = st.number_input("N", value=1)
        w = st.number_input("N", value=2)
        st.write(v, w)
     """, [lambda at: at.number_input[1].set_value(7)]),
    ("keyless-default-change-is-new-widget", """
        d = st.session_state.get("d", 1)
        st.write(st.slider("s", 0, 10, d))
        if st.button("two"):
            st.session_state.d = 2
            st.rerun()
     """, [lambda at: at.slider[0].set_value(8), lambda at: at.button[0].click(),
           lambda at: None]),
    ("keyless-help-change-is-new-widget", """
        h = st.session_state.get("h", "one")
        st.write(st.checkbox("c", help=h))
        if st.button("help"):
            st.session_state.h = "two"
            st.rerun()
     """, [lambda at: at.checkbox[0].check(), lambda at: at.button[0].click()]),
    ("keyed-default-change-keeps-value", """
        d = st.session_state.get("d", 1)
        st.write(st.slider("s", 0, 10, d, key="s"))
        if st.button("two"):
            st.session_state.d = 2
            st.rerun()
     """, [lambda at: at.slider[0].set_value(8), lambda at: at.button[0].click()]),
    ("keyless-button-in-main-and-sidebar", """
        st.write(st.button("Go"), st.sidebar.button("Go"))
     """, [lambda at: at.button[1].click()]),
    ("callbacks-in-app-order", """
        st.session_state.setdefault("log", [])
        def cb(n):
            st.session_state.log.append(n)
        st.checkbox("a", key="a", on_change=cb, args=("a",))
        st.checkbox("b", key="b", on_change=cb, args=("b",))
        st.write(", ".join(st.session_state.log))
     """, [lambda at: (at.checkbox[1].check(), at.checkbox[0].check())]),
    ("clear-on-submit-state-kept-for-other-reruns", """
        with st.form("f", clear_on_submit=True):
            st.text_input("t", key="t")
            st.form_submit_button()
        st.write("state", st.session_state.t)
        st.button("other")
     """, [lambda at: at.button[1].click()]),
    ("stop-inside-form", """
        st.write("top")
        with st.form("f"):
            st.text_input("t")
            st.stop()
            st.form_submit_button()
     """, []),
    ("exception-inside-form", """
        with st.form("f"):
            st.text_input("t")
            raise ValueError("inside")
     """, []),
    ("missing-key-exact-types", """
        for get in (lambda: st.session_state["nope"], lambda: st.session_state.nope):
            try:
                get()
            except Exception as e:
                st.write(type(e).__name__)
     """, []),
    ("streamlit-prefixed-error-names", """
        st.text_input("a", key="k")
        try:
            st.text_input("b", key="k")
        except st.errors.StreamlitDuplicateElementKey:
            st.write("caught")
     """, []),
    ("multiselect-returns-a-copy", """
        v = st.multiselect("m", ["a", "b"], ["a"], key="m")
        v.append("b")
        st.write(", ".join(st.session_state.m))
     """, [lambda at: None]),
    ("enum-options-survive-a-redefined-class", """
        import enum
        class Colour(enum.Enum):
            RED = 1
            GREEN = 2
        c = st.selectbox("c", Colour)
        st.write(type(c) is Colour, c.name)
     """, [lambda at: at.selectbox[0].set_value(at.selectbox[0].value.__class__["GREEN"]),
           lambda at: None]),
    ("status-written-through-methods-stays-running", """
        s = st.status("working", state="running")
        s.markdown("waiting")
     """, []),
    ("with-empty-keeps-the-last-write", """
        with st.empty():
            for i in range(3):
                st.write(f"line {i}")
     """, []),
    ("callback-writes-into-last-runs-container", """
        box = st.container()
        def cb(c):
            c.write("from the callback")
        st.button("go", on_click=cb, args=(box,))
        with box:
            st.write("from the app")
     """, [lambda at: at.button[0].click(), lambda at: None]),
    ("preset-value-none-default-no-warning", """
        import datetime as dt
        st.write(str(st.date_input("d", value=None, key="d")),
                 str(st.selectbox("s", ["a", "b"], index=None, key="s")),
                 str(st.time_input("t", value=None, key="t")))
     """, [{"d": dt.date(2024, 1, 2), "s": "b", "t": dt.time(1, 2)}]),
    ("short-hex-colour-as-given", """
        st.write(st.color_picker("c", "#ABC", key="c"))
     """, [lambda at: at.color_picker[0].pick("#123456")]),
    ("apptest-converts-datetime-for-date-input", """
        import datetime as dt
        st.write(repr(st.date_input("d", dt.date(2024, 1, 1), key="d")))
     """, [lambda at: at.date_input[0].set_value(dt.datetime(2024, 1, 5, 3, 4))]),
    ("cache-data-miss-hands-out-the-computed-object", """
        SOURCE = [1, 2]
        @st.cache_data
        def load():
            return SOURCE
        first = load()     # the computing call: the function's own object
        second = load()    # a hit: a copy of what was stored
        first.append(3)    # the cache keeps what was stored when computed
        st.write(first is SOURCE, second is SOURCE, load() == [1, 2], SOURCE)
     """, [lambda at: None]),
    ("cache-data-frame-copies-are-independent", """
        import pandas as pd
        @st.cache_data
        def load():
            return pd.DataFrame({"a": [1.0, 2.0], "b": [3, 4]},
                                index=pd.Index(["x", "y"], name="i"))
        load()                       # computed: later calls are hits
        one = load()
        one.loc["x", "a"] = 99.0     # every way a caller can change its copy
        one["c"] = one["b"] * 2
        one.index.name = "renamed"
        one.attrs["note"] = "mine"
        one["b"] += 10
        one = one.drop(columns="a")
        two = load()
        view = two["a"].to_numpy()
        st.write(two is not one, two.to_dict(), two.index.name, two.attrs,
                 view.flags.writeable, list(one.columns), one["b"].tolist())
        if st.button("again"):
            st.write(load().to_dict())
     """, [lambda at: at.button[0].click()]),
    ("cache-data-polars-copies-are-independent", """
        import polars as pl
        @st.cache_data
        def load():
            return pl.DataFrame({"a": [1.0, 2.0], "b": ["x", "y"]})
        load()
        one = load()
        one[0, "a"] = 99.0
        one.insert_column(0, pl.Series("z", [0, 0]))
        two = load()
        two.columns = ["c", "d"]
        st.write(load().to_dicts(), one.to_dicts(), two.columns, one is not two)
     """, [lambda at: None]),
    ("cache-data-object-cells-are-copied", """
        import pandas as pd
        @st.cache_data
        def load():
            return pd.DataFrame({"tags": [["a"], ["b"]], "n": [1, 2]})
        load()
        first = load()
        first.loc[0, "tags"].append("mutated")   # a list inside a cell
        ser = load()["n"]
        ser.iloc[0] = -1
        st.write(load()["tags"].tolist(), load()["n"].tolist())
     """, [lambda at: None]),
    ("apptest-sorts-reversed-select-slider-range", """
        st.write(repr(st.select_slider("s", list("abcde"), ("b", "c"), key="s")))
     """, [lambda at: at.select_slider[0].set_range("e", "a")]),
]


@pytest.mark.parametrize("body, steps", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_streamlit_and_nbstate_agree(pair, body, steps):
    p = pair(body)
    if steps and isinstance(steps[0], dict):
        # session state set before the first run. (Streamlit's AppTest sends every widget's
        # last value on run(), which hides an invalid value written between runs.)
        for key, value in steps[0].items():
            p.set_state(key, value)
        steps = steps[1:]
    p.run()
    p.assert_agree()
    for act in steps:
        p.step(act)
        p.assert_agree()


# -- where SPEC deliberately differs from current Streamlit ------------------------------------
# (name, reason). Each has a test below: both apps run; nbstate is held to SPEC.
DIFFERENCES = [
    ("label-change-is-new-widget",
     "SPEC §4 / seed widget-behavior.md: a keyed widget whose label changes is a new widget, "
     "its key is recreated with the default. Streamlit >= 1.4x identifies keyed widgets by key "
     "(plus a few parameters), so the value survives a label change."),
    ("default-plus-state-warning-shown",
     "SPEC §6: the 'created with a default value but also had its value set via the Session "
     "State API' warning is a visible element (as the seed page's picture shows). Streamlit "
     "only logs it."),
    ("clear-on-submit-after-the-submit-run",
     "SPEC §7: the submit run sees the submitted values and session state keeps them until "
     "the next submit; the widgets show their defaults after it, as Streamlit's browser "
     "frontend does. Streamlit's AppTest clears them before the submit run, so the script "
     "never sees what was submitted."),
    ("refused-frontend-value-warns",
     "SPEC §3: a value the real frontend could not send (out of range, not an option) is "
     "refused with a visible warning naming the widget. Streamlit's AppTest drops it "
     "silently."),
    ("deleted-key-recreated-from-frontend-value",
     "Seed widget-behavior.md: deleting a widget's key does not revert the widget; the key is "
     "recreated from the frontend value. Streamlit resets the widget to its default when the "
     "key is deleted earlier in the run that creates it."),
    ("missing-submit-button-element",
     "SPEC §7: a form with no submit button shows 'Missing Submit Button' as an element. In "
     "Streamlit its frontend draws that message; the AppTest shows nothing."),
    ("fragment-interaction-reruns-the-fragment",
     "Issue 5 / SPEC §10 (AppTest runs the same core as the kernel frontend): a widget inside "
     "@st.fragment reruns the fragment alone, in AppTest as in a browser, so the code outside "
     "it keeps its last output. Streamlit's AppTest has no fragment runs: its run() reruns the "
     "whole script."),
    ("form-values-held-across-other-runs",
     "SPEC §7/§10: the frontend holds a form's changed values until its submit button is "
     "pressed, even when something else reruns the app meanwhile, as a browser does. "
     "Streamlit's AppTest forgets them at the next run()."),
    ("value-written-after-cleanup-is-kept",
     "SPEC §6: cleanup deletes the keys of widgets not rendered; a value the user writes to "
     "such a key afterwards is the user's and stays until a widget takes it (it seeds the "
     "widget when it comes back). Streamlit keeps it for one run, then drops it because the "
     "key still maps to the cleaned-up widget."),
    ("callback-exception-keeps-previous-elements",
     "SPEC §5: after an exception in a callback the app code does not run, as in Streamlit, "
     "but the previous run's elements (sidebar included) stay visible and interactive under "
     "the exception, so the user can correct the input. Streamlit's AppTest shows the "
     "exception alone."),
    ("wrong-type-through-state-raises",
     "SPEC §8: a value of the wrong type written through session state (a str for a checkbox, "
     "a float for an int slider, a non-colour for a colour picker) raises TypeError naming the "
     "widget, key and expected type. Streamlit passes most such values through unchecked."),
    ("slider-arguments-out-of-range-raise",
     "SPEC §3/§8: st.slider with min_value > max_value raises InvalidMinMaxError, a value= "
     "outside [min, max] raises ValueBelowMinError/ValueAboveMaxError. Streamlit 1.67 widens "
     "the range to fit instead."),
    ("error-class-names",
     "SPEC §8: class names are Streamlit's without the product prefix "
     "(DuplicateElementKey, not StreamlitDuplicateElementKey); the comparisons above strip it."),
]


def test_every_difference_has_a_test():
    names = {name.replace("-", "_") for name, _ in DIFFERENCES}
    tests = {n.removeprefix("test_difference_") for n in globals()
             if n.startswith("test_difference_")}
    assert names == tests


def test_difference_label_change_is_new_widget(pair):
    p = pair("""
        label = st.session_state.get("label", "Alpha")
        st.write(st.number_input(label, key="A"))
    """).run()
    p.step(lambda at: at.number_input[0].set_value(5.0))
    p.assert_agree()
    p.set_state("label", "Beta").run()
    assert p.nb.session_state["A"] == 0.0 and p.nb.markdown.values == ["`0.0`"]
    assert p.nb.number_input[0].label == "Beta"


def test_difference_default_plus_state_warning_shown(pair):
    p = pair("""
        if "my_slider" not in st.session_state:
            st.session_state.my_slider = 7
        st.write(st.slider("Choose a Value", 1, 10, 5, key="my_slider"))
    """).run()
    p.assert_agree()
    assert [w.value for w in p.nb.warning] == [
        'The widget with key "my_slider" was created with a default value but also had its '
        "value set via the Session State API."]


def test_difference_clear_on_submit_after_the_submit_run(pair):
    p = pair("""
        with st.form("f", clear_on_submit=True):
            v = st.slider("s", 0, 10, 5, key="s")
            sent = st.form_submit_button()
        st.write(v, sent)
    """).run()
    p.step(lambda at: at.slider[0].set_value(8))
    p.assert_agree(widgets=False)  # the values are held until submit in both
    p.step(lambda at: at.button[0].click())
    assert p.nb.markdown.values == ["`8` `True`"]
    assert p.state("nb") == {"s": 8} and p.nb.slider[0].value == 5  # kept; the form shows 5
    p.run()
    assert p.nb.markdown.values == ["`8` `False`"]
    p.step(lambda at: at.button[0].click())  # the next submit sends the shown default
    p.assert_agree()


def test_difference_refused_frontend_value_warns(pair):
    p = pair('st.write(st.slider("s", 0, 10, 3, key="s"))').run()
    p.step(lambda at: at.slider[0].set_value(20))
    p.assert_agree()
    assert len(p.nb.warning) == 1 and '"s" (key "s")' in p.nb.warning[0].value


def test_difference_deleted_key_recreated_from_frontend_value(pair):
    p = pair("""
        if st.button("forget"):
            del st.session_state.x
        st.write(st.slider("x", 0, 10, key="x"))
    """).run()
    p.step(lambda at: at.slider[0].set_value(7))
    p.assert_agree()
    p.step(lambda at: at.button[0].click())
    assert p.nb.session_state["x"] == 7 and p.nb.markdown.values == ["`7`"]


def test_difference_missing_submit_button_element(pair):
    p = pair("""
        with st.form("f"):
            st.text_input("t")
        st.write("after")
    """).run()
    p.assert_agree()  # exception_types() leaves this element out
    assert p.nb.exception[0].message.startswith("Missing Submit Button")


def test_difference_error_class_names(pair):
    p = pair('st.slider("a", key="k")\nst.slider("b", key="k")').run()
    p.assert_agree()
    assert p.nb.exception[0].type == "DuplicateElementKey"
    assert p.st.exception[0].proto.type.endswith("StreamlitDuplicateElementKey")


def test_difference_wrong_type_through_state_raises(pair):
    p = pair("""
        st.write("top")
        st.checkbox("Agree", key="c")
    """)
    p.set_state("c", "yes").run()
    assert p.state("nb") == p.state("st") == {"c": "yes"}
    exc = p.nb.exception[0]
    assert exc.type == "TypeError" and '`st.checkbox` "Agree" (key "c") expects a bool' in \
        exc.message


def test_difference_fragment_interaction_reruns_the_fragment(pair):
    p = pair("""
        st.session_state.setdefault("n", 0)
        @st.fragment
        def counter():
            if st.button("inc", key="inc"):
                st.session_state.n += 1
            st.write("inside", st.session_state.n)
        counter()
        st.write("outside", st.session_state.n)
    """).run()
    p.step(lambda at: at.button(key="inc").click())
    assert [m.value for m in p.st.markdown] == ["inside `1`", "outside `1`"]
    assert [m.value for m in p.nb.markdown] == ["inside `1`", "outside `0`"]


def test_difference_form_values_held_across_other_runs(pair):
    p = pair("""
        with st.form("f"):
            st.slider("s", 0, 10, key="s")
            st.form_submit_button()
        st.button("other")
    """).run()
    p.step(lambda at: at.slider[0].set_value(4))
    p.step(lambda at: at.button[1].click())
    p.assert_agree(widgets=False)  # nothing was submitted yet (nbstate's slider shows 4)
    p.step(lambda at: at.button[0].click())
    assert p.nb.session_state["s"] == 4


def test_difference_value_written_after_cleanup_is_kept(pair):
    p = pair("""
        def seed():
            st.session_state.n = 5
        if st.checkbox("show", True):
            st.number_input("N", 0, 10, key="n")
        st.button("seed", on_click=seed)
    """).run()
    p.step(lambda at: at.checkbox[0].uncheck())
    p.step(lambda at: at.button[0].click())
    p.assert_agree()  # both hold the written value for this run
    p.run()
    assert p.nb.session_state["n"] == 5
    p.nb.checkbox[0].check().run()
    assert p.nb.number_input[0].value == 5


def test_difference_callback_exception_keeps_previous_elements(pair):
    p = pair("""
        def cb():
            raise ValueError("bad")
        st.session_state.runs = st.session_state.get("runs", 0) + 1
        st.checkbox("c", key="c", on_change=cb)
    """).run()
    p.step(lambda at: at.checkbox[0].check())
    p.assert_agree(widgets=False)  # same state (runs == 1, c True) and the same exception
    assert [c.value for c in p.nb.checkbox] == [True] and p.nb.tree.props["stale"] is False
    assert p.state("nb")["runs"] == 1  # the app code did not run
    p.run()
    p.assert_agree()


@pytest.mark.parametrize("call, error", [
    ('st.slider("Age", 10, 5)', "InvalidMinMaxError"),
    ('st.slider("Age", 0, 10, 11)', "ValueAboveMaxError"),
    ('st.slider("Age", 0, 10, -1)', "ValueBelowMinError"),
])
def test_difference_slider_arguments_out_of_range_raise(pair, call, error):
    p = pair(f'st.write("top")\n{call}').run()
    assert p.st.markdown.values == p.nb.markdown.values == ["top"]
    assert p.nb.exception[0].type == error and '"Age"' in p.nb.exception[0].message
