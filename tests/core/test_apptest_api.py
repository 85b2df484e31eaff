"""SPEC §10: the AppTest API mirrors streamlit.testing.v1.AppTest."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from nbstate.testing import AppTest

DATA = Path(__file__).parent / "data"


def test_from_file_absolute_and_relative_to_the_test():
    for path in (DATA / "counter_app.py", "data/counter_app.py"):
        at = AppTest.from_file(path).run()
        assert at.markdown.values == ["count `0`"]
        at.button(key="add").click().run()
        assert at.markdown.values == ["count `1`"] and at.session_state.count == 1


def test_the_constructor_takes_a_script_path_as_streamlits(tmp_path, monkeypatch):
    # (real-world tests build AppTest(path, default_timeout=...) directly)
    for path in (DATA / "counter_app.py", str(DATA / "counter_app.py")):
        at = AppTest(path, default_timeout=30).run()
        assert at.markdown.values == ["count `0`"]
    monkeypatch.chdir(DATA)
    assert AppTest("counter_app.py", default_timeout=30).run().markdown.values == ["count `0`"]
    # one line of code that names no file is code
    assert AppTest("import nbstate as st; st.text('x.py')").run().text.values == ["x.py"]


def test_element_lists_equal_lists_of_their_elements(app):
    at = app("st.text('a'); st.text('b')")
    assert at.text == list(at.text) == [at.text[0], at.text[1]]
    assert at.text != [at.text[1], at.text[0]] and at.text[:1] == at.text[0:1]


def test_from_file_traceback_names_the_file(tmp_path):
    script = tmp_path / "broken.py"
    script.write_text("import nbstate as st\nst.write('x')\nraise RuntimeError('in file')\n")
    at = AppTest.from_file(script).run()
    assert any("broken.py" in line and "line 3" in line for line in at.exception[0].stack_trace)


def test_from_function_with_args_and_kwargs():
    def app(greeting, name="world"):
        import nbstate as st

        st.write(greeting, name)
        st.text_input("t", key="t")

    at = AppTest.from_function(app, args=("hello",), kwargs={"name": "you"}).run()
    assert at.markdown.values == ["hello you"]
    at.text_input(key="t").input("x").run()
    assert at.session_state["t"] == "x" and at.markdown.values == ["hello you"]


def test_from_notebook_by_index_and_name_sees_earlier_cells():
    nb = DATA / "apps.ipynb"
    assert AppTest.from_notebook(nb).run().markdown.values == ["first app"]
    assert AppTest.from_notebook(nb, cell=0).run().markdown.values == ["first app"]
    for cell in (1, "picker"):
        at = AppTest.from_notebook(nb, cell=cell).run()
        assert at.selectbox[0].options == ["apple", "pear", "plum"]
        at.selectbox(key="fruit").select("plum").run()
        assert at.markdown.values == ["you picked plum"]


def test_from_notebook_unknown_cell_name():
    with pytest.raises(ValueError, match="no %%app cell named 'nope'"):
        AppTest.from_notebook(DATA / "apps.ipynb", cell="nope")


def test_run_returns_the_apptest_and_takes_a_timeout(app):
    at = app("st.write('x')", run=False)
    assert at.run(timeout=5) is at
    assert AppTest.from_string("import nbstate as st\nst.rerun()", default_timeout=0.1) \
        .default_timeout == 0.1


def test_elements_by_position_key_and_len(app):
    at = app("""
        st.slider("a", key="first")
        st.slider("b", key="second")
        st.slider("c")
    """)
    assert len(at.slider) == 3 and at.slider.len == 3
    assert at.slider[1].label == "b" and at.slider[-1].label == "c"
    assert at.slider(key="second").label == "b" and at.slider(key="second").key == "second"
    assert [s.label for s in at.slider[:2]] == ["a", "b"]
    assert at.slider[2].key is None
    with pytest.raises(KeyError):
        at.slider(key="missing")


def test_every_widget_method_returns_the_widget_and_chains_into_run(app):
    at = app("""
        import datetime as dt
        st.session_state.out = dict(
            b=st.button("b"), c=st.checkbox("c", True), t=st.toggle("t"),
            ti=st.text_input("ti"), ta=st.text_area("ta"),
            sb=st.selectbox("sb", ["x", "y"]), r=st.radio("r", ["x", "y"]),
            ms=st.multiselect("ms", ["x", "y", "z"], ["x", "y"]),
            n=st.number_input("n", 0, 10, 5), s=st.slider("s", 0, 10, (2, 8)),
            ss=st.select_slider("ss", ["S", "M", "L"], ("S", "M")),
            d=st.date_input("d", dt.date(2024, 1, 1)), tm=st.time_input("tm", dt.time(1, 0)),
            cp=st.color_picker("cp"))
    """)
    assert at.button[0].click().run() is at
    assert at.session_state.out["b"] is True
    assert at.checkbox[0].uncheck().run().session_state.out["c"] is False
    assert at.toggle[0].check().run().session_state.out["t"] is True
    at.text_input[0].input("one").run()
    at.text_area[0].input("two").run()
    at.selectbox[0].select("y").run()
    at.radio[0].set_value("y").run()
    at.multiselect[0].unselect("x").select("z").run()
    at.number_input[0].increment().run()
    at.number_input[0].decrement().decrement().run()
    at.slider[0].set_range(3, 7).run()
    at.select_slider[0].select_range("M", "L").run()
    at.date_input[0].set_value(dt.date(2024, 5, 6)).run()
    at.time_input[0].set_value(dt.time(9, 30)).run()
    at.color_picker[0].set_value("#ff0000").run()
    assert at.session_state.out == dict(
        b=False, c=False, t=True, ti="one", ta="two", sb="y", r="y", ms=["y", "z"], n=4,
        s=(3, 7), ss=("M", "L"), d=dt.date(2024, 5, 6), tm=dt.time(9, 30), cp="#ff0000")


def test_increment_and_decrement_stay_in_range(app):
    at = app('st.number_input("n", 0, 2, 1, key="n")')
    at.number_input[0].increment().run().number_input[0].increment().run()
    assert at.session_state.n == 2
    for _ in range(3):
        at.number_input[0].decrement().run()
    assert at.session_state.n == 0


def test_set_value_is_seen_before_run_and_sent_on_run(app):
    at = app('st.session_state.v = st.slider("s", 0, 10)')
    at.slider[0].set_value(4)
    assert at.slider[0].value == 4 and at.session_state.v == 0
    at.run()
    assert at.session_state.v == 4


def test_exception_element_api(app):
    at = app("""
        def inner():
            raise ValueError("bad value")
        inner()
    """)
    exc = at.exception[0]
    assert exc.type == "ValueError" and exc.message == "bad value" and exc.value == "bad value"
    assert isinstance(exc.stack_trace, list) and any("inner()" in s for s in exc.stack_trace)


def test_session_state_get_set_in_delete(app):
    at = app("st.write(st.session_state.get('x', 'unset'))")
    assert "x" not in at.session_state
    at.session_state["x"] = 1
    at.session_state.y = 2
    assert "x" in at.session_state and at.session_state["x"] == 1 and at.session_state.y == 2
    assert at.session_state.get("x") == 1 and at.session_state.get("nope", 3) == 3
    assert sorted(at.session_state) == ["x", "y"] and len(at.session_state) == 2
    at.run()
    assert at.markdown.values == ["`1`"]
    del at.session_state["x"]
    del at.session_state.y
    assert at.run().markdown.values == ["unset"]


def test_element_values_labels_and_keys(app):
    at = app("""
        st.title("T")
        st.number_input("Count", key="count", value=3)
        st.caption("c")
    """)
    assert at.title[0].value == "T" and at.caption[0].value == "c"
    n = at.number_input[0]
    assert (n.label, n.key, n.value) == ("Count", "count", 3)
    assert at.get("number_input")[0].key == "count"


def test_upload_through_apptest_gives_uploaded_file(app):
    at = app("""
        f = st.file_uploader("f", key="f")
        if f:
            st.write(f.read().decode())
    """)
    at.file_uploader[0].upload("notes.txt", "hello").run()
    assert at.markdown.values == ["hello"]


def test_at_exposes_a_tree_of_plain_records(app):
    at = app("st.slider('s')\nst.write('hi')")
    kinds = [e.type for e in at.tree.walk()]
    assert "slider" in kinds and "markdown" in kinds


def test_interaction_with_a_widget_that_was_cleaned_up_is_ignored_with_a_warning(app):
    at = app("""
        if st.session_state.get("show", True):
            st.slider("s", key="s")
    """)
    old = at.slider[0]
    at.session_state["show"] = False
    at.run()
    old.set_value(3).run()
    assert "no longer exists" in at.warning[0].value and "s" not in at.session_state


def test_time_input_steps_and_color_pick(app):
    at = app("""
        import datetime as dt
        st.session_state.t = st.time_input("t", dt.time(23, 30), step=1800)
        st.session_state.c = st.color_picker("c")
    """)
    at.time_input[0].increment().run()
    assert at.session_state.t == dt.time(0, 0)
    at.time_input[0].decrement().decrement().run()
    assert at.session_state.t == dt.time(23, 0)
    at.color_picker[0].pick("#abcdef").run()
    assert at.session_state.c == "#abcdef"


def test_apptests_in_threads_keep_their_own_sessions(app):
    from concurrent.futures import ThreadPoolExecutor

    src = """
        n = st.number_input("n", 0, 1000, key="n")
        st.session_state.seen = st.session_state.get("seen", []) + [n]
    """

    def drive(k):
        at = app(src)
        for i in range(1, 30):
            at.number_input[0].set_value(i * k).run()
        return at.session_state["seen"]

    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(drive, [1, 2, 3, 4]))
    for k, seen in zip([1, 2, 3, 4], results):
        assert seen == [i * k for i in range(30)]


def test_button_value_reads_true_from_click_through_its_run(app):
    at = app('st.button("b")')
    assert at.button[0].click().value is True
    assert at.run().button[0].value is True
    assert at.run().button[0].value is False


def test_a_script_that_does_not_compile_shows_a_syntax_error_when_run():
    at = AppTest.from_string("import nbstate as st\nst.write('a'\n").run()
    assert at.exception[0].type == "SyntaxError"
    assert len(at.markdown) == 0
