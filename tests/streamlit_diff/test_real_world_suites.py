"""What AppTest suites of public Streamlit apps do that nbstate's AppTest did differently:
each case runs through Streamlit's AppTest and nbstate's and must read the same."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from nbstate.testing import AppTest as NbAppTest

pytest.importorskip("streamlit")
pytestmark = pytest.mark.streamlit


def both(body: str):
    from streamlit.testing.v1 import AppTest

    body = textwrap.dedent(body)
    return (AppTest.from_string("import streamlit as st\n" + body).run(),
            NbAppTest.from_string("import nbstate as st\n" + body).run())


def test_a_tables_value_is_a_dataframe_with_its_column_index():
    theirs, ours = both("""
    import pandas as pd, numpy as np
    st.table({"k": [1, 2]})
    st.table([[1, 2], [3, 4]])
    df = pd.DataFrame(index=[[0, 1], ["i1", "i2"]], columns=[[2, 3, 4], ["c1", "c2", "c3"]],
                      data=np.arange(6).reshape(2, 3))
    st.dataframe(df)
    """)
    for at in (ours, theirs):
        assert [type(t.value).__name__ for t in at.table] == ["DataFrame", "DataFrame"]
        assert at.table[0].value["k"].tolist() == [1, 2]
        assert list(at.dataframe[0].value.columns) == [(2, "c1"), (3, "c2"), (4, "c3")]


def test_a_markdown_formatted_exception_is_shown_as_markdown():
    theirs, ours = both("""
    st.exception(st.errors.MarkdownFormattedException("# Oh no"))
    st.exception(ValueError("plain"))
    """)
    for at in (ours, theirs):
        assert [(e.is_markdown, e.value) for e in at.exception] == [
            (True, "# Oh no"), (False, "plain")]


def _pages(tmp_path: Path) -> Path:
    (tmp_path / "pages").mkdir()
    (tmp_path / "main.py").write_text("import streamlit as st\nst.text('main page')\n")
    (tmp_path / "pages" / "one.py").write_text("import streamlit as st\nst.text('page one')\n")
    return tmp_path / "main.py"


@pytest.mark.parametrize("target", ["pages/missing.py", "one.py", "main/pages/one.py"])
def test_switch_page_to_a_file_that_is_no_page_raises(tmp_path, target):
    from streamlit.testing.v1 import AppTest

    main = _pages(tmp_path)
    for cls in (AppTest, NbAppTest):
        at = cls.from_file(str(main)).run()
        with pytest.raises(ValueError, match="Could not find page"):
            at.switch_page(target)
        assert at.switch_page("pages/one.py").run().text[0].value == "page one"


def test_from_file_finds_a_relative_path_beside_the_test_file(tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    here = Path(__file__).parent / "apps_beside"
    (tmp_path / "apps_beside").mkdir()
    (tmp_path / "apps_beside" / "app.py").write_text("import streamlit as st\nst.text('cwd')\n")
    monkeypatch.chdir(tmp_path)  # the same relative path names another file from here
    for cls in (AppTest, NbAppTest):
        assert cls.from_file("apps_beside/app.py").run().text[0].value == "beside", cls
    assert here.is_dir()


def test_a_blocks_children_are_a_dict_by_position():
    theirs, ours = both("""
    st.title("T")
    st.write("x")
    """)
    for at in (ours, theirs):
        children = at.main.children
        assert isinstance(children, dict) and list(children) == [0, 1]
        assert [c.type for c in children.values()] == ["title", "markdown"]
        assert at.main[1].value == "x"


def test_a_database_cursor_is_a_table_with_its_column_names():
    theirs, ours = both("""
    import sqlite3
    con = sqlite3.connect(":memory:")
    con.execute("create table t (name text, n int)")
    con.executemany("insert into t values (?, ?)", [("a", 1), ("b", 2)])
    st.dataframe(con.execute("select * from t"))
    st.write(con.execute("select name from t"))
    st.table(con.execute("select n from t"))
    """)
    for at in (ours, theirs):
        assert [d.value.to_dict("list") for d in at.dataframe] == [
            {"name": ["a", "b"], "n": [1, 2]}, {"name": ["a", "b"]}]
        assert at.table[0].value.to_dict("list") == {"n": [1, 2]}


def test_a_submit_button_given_no_key_has_streamlits_key():
    # real suites click a form's submit button by it: at.button(key="FormSubmitter:f-Go")
    body = """
    with st.form("f"):
        name = st.text_input("Name")
        sent = st.form_submit_button("Go")
    with st.form("g"):
        st.form_submit_button("Send", key="send")
    st.write("submitted", sent, name)
    """
    theirs, ours = both(body)
    for at in (ours, theirs):
        assert [b.key for b in at.button] == ["FormSubmitter:f-Go", "send"]
        at.text_input[0].input("ann")
        at.button(key="FormSubmitter:f-Go").click().run()
        assert at.markdown.values == ["submitted `True` ann"]
        assert at.session_state["FormSubmitter:f-Go"] is False  # (after the submit's run)
    # two submit buttons of one label in one form are one key twice, as in Streamlit
    theirs, ours = both("""
    with st.form("f"):
        st.form_submit_button("Go")
        st.form_submit_button("Go")
    """)
    assert theirs.exception and ours.exception


def test_a_link_buttons_and_a_page_links_value_is_its_label():
    theirs, ours = both("""
    st.link_button("GitHub", "https://github.com")
    st.page_link("https://example.com", label="Ex")
    """)
    for at in (ours, theirs):
        assert [e.value for e in list(at.main)[-2:]] == ["GitHub", "Ex"]


def test_an_alert_takes_a_leading_emoji_or_material_icon_as_its_icon():
    theirs, ours = both("""
    st.error("⚠️ Could not load")
    st.success(":material/check: Saved")
    st.info("plain")
    st.warning("🏳️‍🌈_flag-led", icon=None)
    st.warning("⚠️ kept whole", icon="")
    st.info("1️⃣ step one")
    st.info("© 2024 the company")
    st.info("✓ not an emoji")
    """)
    for at in (ours, theirs):
        alerts = [*at.error, *at.success, *at.info, *at.warning]
        assert [(a.value, a.icon) for a in alerts] == [
            ("Could not load", "⚠️"), ("Saved", ":material/check:"), ("plain", ""),
            ("step one", "1️⃣"), ("2024 the company", "©"), ("✓ not an emoji", ""),
            ("flag-led", "🏳️‍🌈"), ("⚠️ kept whole", "")]


def test_the_emoji_an_alert_takes_are_streamlits():
    # every emoji of Streamlit's catalogue (Unicode's), followed by a separator and text
    from streamlit.emojis import ALL_EMOJIS
    from streamlit.string_util import extract_leading_icon

    from nbstate.icons import leading_icon

    for emoji in ALL_EMOJIS:
        text = f"{emoji} - text"
        assert leading_icon(text) == extract_leading_icon(text), emoji
    for text in ("✓ done", "→ next", "★ star", "é", "1 apple", "#hash", "", "ascii only"):
        assert leading_icon(text) == extract_leading_icon(text), text


def test_a_date_inputs_default_bounds_are_ten_years_around_its_dates():
    # of a range: before its start and after its end; without a date: around today
    theirs, ours = both("""
    import datetime as dt
    st.date_input("range", (dt.date(2020, 1, 1), dt.date(2024, 6, 1)))
    st.date_input("one", (dt.date(2020, 2, 29),))
    st.date_input("empty", ())
    st.date_input("single", dt.date(2020, 2, 29))
    st.date_input("none", None)
    st.date_input("today")
    st.date_input("edge", (dt.date(5, 1, 1), dt.date(9995, 1, 1)))
    far = dt.date.today() + dt.timedelta(days=400)
    st.date_input("clamped", "today", min_value=far)
    st.date_input("reversed", (dt.date(2030, 1, 1), dt.date(2020, 1, 1)),
                  min_value=dt.date(2025, 1, 1), max_value=dt.date(2035, 1, 1))
    st.write(st.date_input("picked", (dt.date(2020, 1, 1), dt.date(2024, 6, 1))))
    """)
    assert not theirs.exception and not ours.exception
    assert [(d.value, d.min, d.max) for d in ours.date_input] == \
        [(d.value, d.min, d.max) for d in theirs.date_input]
    import datetime as dt
    assert ours.date_input[0].max == dt.date(2034, 6, 1)
    assert ours.date_input[6].max == dt.date.max
    for at in (ours, theirs):  # a range near its end is accepted
        at.date_input[-1].set_value((dt.date(2030, 1, 1), dt.date(2034, 5, 1))).run()
        assert at.date_input[-1].value == (dt.date(2030, 1, 1), dt.date(2034, 5, 1))
    assert ours.markdown.values == theirs.markdown.values


def test_an_icon_not_given_is_an_empty_string():
    # as a protobuf string field's default: an expander's, a button's, an input's...
    theirs, ours = both("""
    with st.expander("E"):
        st.write("in")
    with st.expander("E2", icon=":material/info:"):
        pass
    with st.status("S", state="error"):
        pass
    with st.status("S2"):
        pass
    st.button("b")
    st.button("b2", icon="🎉")
    st.download_button("d", "data")
    st.link_button("l", "https://example.com")
    st.page_link("https://example.com", label="pl")
    st.metric("m", 1)
    st.number_input("n")
    st.selectbox("s", ["a"])
    st.text_input("t")
    st.text_input("t2", icon="🔍")
    st.header("h")
    st.toast("toast")
    with st.form("f"):
        st.form_submit_button("go")
    """)
    for at in (ours, theirs):
        assert [e.icon for e in at.expander] == ["", ":material/info:"]
        assert [s.icon for s in at.status] == [":material/error:", ":material/check:"]
        assert [b.icon for b in at.button] == ["", "🎉", ""]
        assert [e.proto.icon for e in at.button] == ["", "🎉", ""]
        assert [e.icon for e in (at.download_button[0], at.link_button[0], at.page_link[0],
                                 at.metric[0], at.number_input[0], at.selectbox[0],
                                 at.header[0], at.toast[0])] == [""] * 8
        assert [t.icon for t in at.text_input] == ["", "🔍"]


def test_a_block_has_no_value():
    theirs, ours = both("""
    with st.expander("E"):
        st.write("in")
    with st.expander("More", True, key="e", on_change="rerun"):
        st.write("tracked")
    c1, c2 = st.columns(2)
    t1, t2 = st.tabs(["A", "B"])
    with st.status("S"):
        pass
    with st.container(border=True):
        st.write("z")
    with st.form("f"):
        st.form_submit_button("go")
    with st.popover("P"):
        pass
    with st.chat_message("user"):
        st.write("m")
    st.sidebar.write("side")
    st.empty()
    """)
    for at in (ours, theirs):
        blocks = [*at.expander, *at.columns, *at.tabs, *at.status, *at.container,
                  *at.form, *at.chat_message, at.main, at.sidebar, list(at)[0],
                  at.main[3], at.main[7]]  # (a tab container, a popover)
        for block in blocks:
            with pytest.raises(AttributeError):
                block.value
        assert [at.main[i].type for i in (3, 7)] == ["tab_container", "popover"]
        last = at.main[len(at.main) - 1]
        assert last.type == "empty" and last.value is None
        assert at.expander[0].children[0].value == "in"


def test_a_number_inputs_bounds_and_step_are_floats():
    # (its message's double fields); the value keeps the input's type
    theirs, ours = both("""
    st.number_input("int", 0, 10, key="i")
    st.number_input("float", 0.0, 10.0, step=0.5, key="f")
    st.number_input("free")
    st.number_input("empty", value=None, step=2, key="e")
    """)
    for at in (ours, theirs):
        got = [(n.value, n.min, n.max, n.step) for n in at.number_input]
        assert got == [(0, 0.0, 10.0, 1.0), (0.0, 0.0, 10.0, 0.5), (0.0, None, None, 0.01),
                       (None, None, None, 2.0)]
        assert [[type(x).__name__ for x in row] for row in got] == [
            ["int", "float", "float", "float"], ["float"] * 4,
            ["float", "NoneType", "NoneType", "float"],
            ["NoneType", "NoneType", "NoneType", "float"]]
        assert [(n.proto.has_min, n.proto.step) for n in at.number_input][:2] == [
            (True, 1.0), (True, 0.5)]
        at.number_input(key="i").increment().run()
        at.number_input(key="e").increment().run()  # an empty input stays empty
        assert [type(at.number_input(key="i").value), at.number_input(key="e").value] == [
            int, None]
        assert at.number_input(key="i").value == 1


_ICON_CALLS = [
    'st.button("b", icon=ICON)', 'st.download_button("d", "x", icon=ICON)',
    'st.link_button("l", "https://example.com", icon=ICON)',
    'st.page_link("https://example.com", label="p", icon=ICON)', 'st.metric("m", 1, icon=ICON)',
    'st.number_input("n", icon=ICON)', 'st.selectbox("s", ["a"], icon=ICON)',
    'st.text_input("t", icon=ICON)', 'st.toast("t", icon=ICON)', 'st.info("i", icon=ICON)',
    'st.header("h", icon=ICON)', 'st.badge("b", icon=ICON)', 'st.expander("e", icon=ICON)',
    'st.popover("p", icon=ICON)', 'st.menu_button("m", ["a"], icon=ICON)',
    'st.chat_message("user", avatar=ICON)', 'st.set_page_config(page_icon=ICON)',
    'st.dialog("D", icon=ICON)(lambda: None)()',
    'with st.form("f"):\n    st.form_submit_button("g", icon=ICON)',
    'st.navigation([st.Page(lambda: None, title="x", icon=ICON)])']


@pytest.mark.parametrize("icon", [":material/no_such_icon:", ":material:", ":material/a/b:",
                                  ":Material/add:", " :material/add: "])
def test_a_material_icon_must_name_a_material_symbol(icon):
    # every call with an unknown name; the other forms with the calls that differ in them
    calls = _ICON_CALLS if icon == ":material/no_such_icon:" else [
        c for c in _ICON_CALLS if c.startswith(("st.button", "st.chat", "st.set_page"))]
    for call in calls:
        theirs, ours = both(f"ICON = {icon!r}\n{call}")
        assert bool(ours.exception) == bool(theirs.exception), call
        if ours.exception and "page_icon" not in call and "avatar" not in call:
            assert ours.exception[0].type == "InvalidIconError"
            assert "not a valid Material icon" in ours.exception[0].value, call


def test_only_a_known_material_icon_leads_an_alert():
    theirs, ours = both("""
    st.info(":material/no_such_icon: unknown")
    st.info(":material/thumb_up: known")
    st.button("b", icon=" :material/add: ")
    """)
    for at in (ours, theirs):
        assert [(i.icon, i.value) for i in at.info] == [
            ("", ":material/no_such_icon: unknown"), (":material/thumb_up:", "known")]
        assert at.button[0].icon == ":material/add:"


def test_nbstates_material_icon_names_are_streamlits():
    from streamlit.material_icon_names import ALL_MATERIAL_ICONS

    from nbstate.material_icon_names import NAMES

    assert NAMES == ALL_MATERIAL_ICONS
