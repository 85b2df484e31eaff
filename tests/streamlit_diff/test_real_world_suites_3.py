"""What AppTest suites of public Streamlit apps read differently through nbstate's AppTest
(a third sweep): each case runs through Streamlit's AppTest and nbstate's and must read the
same."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from test_real_world_suites import both  # a script through both AppTests

from nbstate.testing import AppTest as NbAppTest

pytest.importorskip("streamlit")
pytestmark = pytest.mark.streamlit


def test_a_sliders_bounds_step_and_format_are_its_messages():
    # Streamlit's AppTest reads a slider's min, max and step from its message: doubles (an
    # int slider's too), microseconds since 1970 for dates and times; a format not given is
    # the default of the slider's type
    theirs, ours = both("""
    import datetime as dt
    st.slider("a", 100, 2000, 500, 100)
    st.slider("b", 0.0, 1.0, 0.5)
    st.slider("c", dt.date(2020, 1, 1), dt.date(2020, 12, 31), dt.date(2020, 6, 1))
    st.slider("d", value=dt.time(12, 0))
    st.slider("e", 0, 10, (2, 5), format="%d units")
    st.slider("f", value=dt.datetime(2020, 1, 1, 12, 30), min_value=dt.datetime(2019, 1, 1),
              max_value=dt.datetime(2021, 1, 1, 5))
    st.slider("g", value=dt.datetime(2020, 1, 1, 12, 30,
                                     tzinfo=dt.timezone(dt.timedelta(hours=2))))
    """)

    def read(at):
        return [(s.min, s.max, s.step, s.format, s.data_type, s.value) for s in at.slider]

    assert read(ours) == read(theirs)
    assert [type(s.min) for s in ours.slider] == [float] * 7
    assert ours.slider[0].format == "%d" and ours.slider[2].format == "YYYY-MM-DD"


def test_a_number_inputs_format_defaults_by_type():
    theirs, ours = both("""
    st.number_input("n", 1, 10, 5)
    st.number_input("f", 0.0, 10.0, 5.0)
    st.number_input("g", value=None)
    st.number_input("h", value=3, format="%03d")
    st.number_input("i", value=None, min_value=1)
    """)
    for at in (ours, theirs):
        assert [n.format for n in at.number_input] == ["%d", "%0.2f", "%0.2f", "%03d", "%d"]


def test_a_choice_widgets_placeholder_is_empty_unless_given():
    # Streamlit keeps "" for no placeholder (its frontend shows its own text) and " " for
    # an explicit empty one
    theirs, ours = both("""
    st.selectbox("s", ["a", "b"])
    st.selectbox("s2", ["a", "b"], placeholder="Pick")
    st.selectbox("s3", ["a", "b"], index=None, placeholder="")
    st.multiselect("m", ["a", "b"])
    st.multiselect("m2", ["a", "b"], placeholder="")
    st.multiselect("m3", ["a", "b"], placeholder="Some")
    """)
    for at in (ours, theirs):
        assert [s.placeholder for s in at.selectbox] == ["", "Pick", " "]
        assert [s.placeholder for s in at.multiselect] == ["", " ", "Some"]


def test_text_elements_help_alert_format_and_metric_format_are_their_messages():
    theirs, ours = both("""
    st.markdown("hi")
    st.markdown("hi2", help="tip")
    st.title("t"); st.header("h", help="x"); st.caption("c"); st.text("x")
    st.divider(); st.latex("x^2")
    st.metric("M", 1); st.metric("N", 1234, format="compact")
    st.error("e"); st.warning("w", icon="⚠️"); st.info("i"); st.success("s")
    """)
    for at in (ours, theirs):
        assert [m.help for m in at.markdown] == ["", "tip"]
        assert [e.help for e in (at.title[0], at.header[0], at.caption[0], at.text[0],
                                 at.divider[0], at.latex[0])] == ["", "x", "", "", "", ""]
        assert (at.divider[0].body, at.latex[0].body) == ("---", "$$\nx^2\n$$")
        assert [m.format for m in at.metric] == ["", "compact"]
        alerts = [*at.error, *at.warning, *at.info, *at.success]
        assert [(a.format, a.body, a.icon) for a in alerts] == [
            (1, "e", ""), (2, "w", "⚠️"), (3, "i", ""), (4, "s", "")]


_LABELLED_APP = """
ids = ["a", "b", "c"]
lab = {"a": "Alpha", "b": "Beta", "c": "Gamma"}
st.radio("R", ids, format_func=lambda i: lab[i], key="r")
st.selectbox("S", ids, format_func=lambda i: lab[i], key="s")
st.multiselect("M", ids, format_func=lambda i: lab[i], key="m")
st.pills("P", ids, format_func=lambda i: lab[i], key="p")
st.segmented_control("SC", ids, format_func=lambda i: lab[i], key="sc", selection_mode="multi")
"""


@pytest.mark.parametrize("step", [
    lambda at: at.radio[0].set_value("Gamma"),
    lambda at: at.selectbox[0].select("Beta"),
    lambda at: at.multiselect[0].set_value(["Gamma", "a"]),
    lambda at: at.multiselect[0].select("Beta"),
    lambda at: at.button_group[0].set_value("Gamma"),
    lambda at: at.button_group[1].set_value(["Gamma"]),
])
def test_a_choice_widget_is_set_by_an_options_shown_label(step):
    # robosmart-investment's suite picks a radio's option by the label the sidebar shows
    # (format_func of an id): Streamlit's AppTest sends format_func(v), or v itself when
    # format_func raises on a str, and the app gets the option with that label
    theirs, ours = both(_LABELLED_APP)
    for at in (theirs, ours):
        step(at)
        at.run()
    keys = ("r", "s", "m", "p", "sc")
    assert [ours.session_state[k] for k in keys] == [theirs.session_state[k] for k in keys]
    assert (ours.radio[0].index, ours.selectbox[0].index) == (
        theirs.radio[0].index, theirs.selectbox[0].index)
    assert not ours.exception and not ours.warning


def test_a_label_that_is_no_options_label_is_still_refused():
    theirs, ours = both(_LABELLED_APP + 'st.radio("N", [1, 2], format_func=lambda i: f"#{i}")')
    for at in (theirs, ours):
        with pytest.raises(ValueError):
            at.radio[0].set_value("Zeta").run()
        with pytest.raises(ValueError):  # format_func("#2") is "##2": no label
            at.radio[1].set_value("#2").run()


def test_apptest_secrets_stand_for_the_files_and_stay_out_of_the_environment(
        tmp_path, monkeypatch):
    # robosmart-investment's suite checks that an environment variable beats at.secrets:
    # Streamlit's AppTest gives its secrets as st.secrets for the run, instead of
    # secrets.toml's, and never puts them in os.environ
    from streamlit.testing.v1 import AppTest

    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "secrets.toml").write_text('from_file = "f"\n')
    (tmp_path / "app.py").write_text(
        "import os\nimport streamlit as st\n"
        "st.write(sorted(st.secrets.keys()))\n"
        "st.write(os.environ.get('PRESET'), os.environ.get('TOKEN'))\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PRESET", "env")
    monkeypatch.delenv("TOKEN", raising=False)
    reads = []
    for cls in (AppTest, NbAppTest):
        at = cls.from_file(str(tmp_path / "app.py"))
        at.secrets["TOKEN"] = "t"
        at.secrets["PRESET"] = "from secrets"
        at.run()
        assert not at.exception
        reads.append(([j.value for j in at.json], [m.value for m in at.markdown]))
        assert "TOKEN" not in os.environ and os.environ["PRESET"] == "env"
    assert reads[1] == reads[0] == (['["PRESET", "TOKEN"]'], ["env `None`"])


def test_a_secrets_files_top_level_numbers_are_environment_variables_too(tmp_path,
                                                                          monkeypatch):
    # as Streamlit's Secrets._maybe_set_environment_variable: str, int and float values
    from nbstate.secrets import Secrets

    f = tmp_path / "secrets.toml"
    f.write_text('s = "x"\nn = 5\nr = 1.5\nb = true\n[db]\nuser = "u"\n')
    for k in ("s", "n", "r", "b", "db"):
        monkeypatch.delenv(k, raising=False)
    assert Secrets(paths=[f])["n"] == 5
    assert [os.environ.get(k) for k in ("s", "n", "r", "b", "db")] == [
        "x", "5", "1.5", None, None]


def test_pills_and_segments_options_read_without_their_leading_icon():
    # robosmart-investment's router is a segmented control of ":material/x: Name" options:
    # Streamlit sends a first word that is all an icon as the option's icon, and its
    # AppTest's options are the rest
    theirs, ours = both("""
    st.segmented_control("Nav", [":material/analytics: Dashboard", ":material/home:  Two",
                                 "Plain", ":smile: Emoji", "🔥 Hot", "🔥", ":material/home:",
                                 "🔥-x y", ":material/nosuchicon: z", "a 🔥"], key="nav")
    st.pills("P", ["a :material/home: b", ":material/home:"], format_func=str.upper)
    """)
    for at in (ours, theirs):
        assert at.button_group[0].options == [
            "Dashboard", " Two", "Plain", ":smile: Emoji", "Hot", "", "", "🔥-x y",
            ":material/nosuchicon: z", "a 🔥"]
        assert at.button_group[1].options == ["A :MATERIAL/HOME: B", ":MATERIAL/HOME:"]


def test_a_datetime_inputs_bounds_value_and_step_are_streamlits():
    # Streamlit 1.67: bounds not given are ten years either side of the value's date (29
    # February taken as the 28th), at 00:00 and 23:59; a bound given as a date takes those
    # times, one given as a time the value's date; datetimes are kept to the minute without
    # a timezone; its AppTest reads the bounds as the message's strings, the step in seconds
    theirs, ours = both("""
    import datetime as dt
    a = st.datetime_input("a", value=dt.datetime(2020, 6, 15, 13, 45, 30, 123), step=60)
    b = st.datetime_input("b", value=dt.datetime(2020, 6, 15, 13, 45, tzinfo=dt.timezone.utc),
                          min_value=dt.time(8, 30), max_value=dt.date(2021, 1, 1))
    c = st.datetime_input("c", value=dt.date(2024, 2, 29))
    d = st.datetime_input("d", value="2020/01/02 03:04:05", min_value="2019-05-05",
                          max_value="2020-02-02T10:00")
    e = st.datetime_input("e", value=None)
    st.write(repr(a), repr(b), repr(c), repr(d))
    st.time_input("t", dt.time(8, 0), step=300)
    """)

    def read(at):
        return ([(d.min, d.max, d.value, d.step) for d in at.datetime_input],
                [m.value for m in at.markdown], at.time_input[0].step)

    assert read(ours) == read(theirs)
    assert read(ours)[0][:3] == [
        ("2010-06-15T00:00", "2030-06-15T23:59", dt.datetime(2020, 6, 15, 13, 45), 60),
        ("2020-06-15T08:30", "2021-01-01T23:59", dt.datetime(2020, 6, 15, 13, 45), 900),
        ("2014-02-28T00:00", "2034-02-28T23:59", dt.datetime(2024, 2, 29), 900)]


@pytest.mark.parametrize("sent", [dt.datetime(2021, 3, 4, 5, 6, 7, 8),
                                  dt.datetime(2021, 3, 4, 5, 6, tzinfo=dt.timezone.utc)])
def test_a_datetime_set_in_a_test_is_sent_to_the_minute_as_its_wall_clock(sent):
    theirs, ours = both("""
    import datetime as dt
    st.write(repr(st.datetime_input("w", dt.datetime(2020, 6, 15, 13, 45))))
    """)
    for at in (theirs, ours):
        at.datetime_input[0].set_value(sent).run()
        assert at.markdown[0].value == "datetime.datetime(2021, 3, 4, 5, 6)"
        assert not at.warning


_ICON_CALLS = ["st.button('b', icon=ICON)", "st.expander('x', icon=ICON)",
               "st.toast('t', icon=ICON)", "st.set_page_config(page_icon=ICON)"]


@pytest.mark.parametrize("icon", [":smile:", "https://e.com/x.png", "data:image/png;base64,x",
                                  "abc", "🔥🔥", "🙂-", "★", "🔥", "⚠️",
                                  "👨\u200d👩\u200d👧", " ", "spinner",
                                  ":material/no_such_icon:"])
def test_an_icon_is_one_emoji_or_a_material_icon_as_streamlit_checks_it(icon):
    # Streamlit 1.67's validate_icon_or_emoji: an emoji shortcode, a URL, plain text or more
    # than one emoji is refused as an icon= (a page icon may be an image; a chat avatar,
    # checked another way, is left out)
    from streamlit.testing.v1 import AppTest

    for call in _ICON_CALLS:
        body = call.replace("ICON", repr(icon))
        theirs = AppTest.from_string("import streamlit as st\n" + body).run()
        ours = NbAppTest.from_string("import nbstate as st\n" + body).run()
        assert bool(ours.exception) == bool(theirs.exception), (body, ours.exception)
        if ours.exception:
            assert ours.exception[0].type == "InvalidIconError"


def test_a_grids_placeholder_and_disabled_are_its_messages():
    # found driving robosmart-investment's and monte-carlo-real-estate-demo's apps through
    # both AppTests: "" for no placeholder; disabled only for disabled=True (a list of
    # columns is their column config's)
    theirs, ours = both("""
    import pandas as pd
    df = pd.DataFrame({"a": [1, None], "b": [2, 3]})
    st.dataframe(df)
    st.dataframe(df, placeholder="-")
    st.data_editor(df, key="e1")
    st.data_editor(df, disabled=True, key="e2")
    st.data_editor(df, disabled=["a"], key="e3")
    """)
    for at in (ours, theirs):
        assert [d.placeholder for d in at.dataframe] == ["", "-", "", "", ""]
        assert [d.disabled for d in at.dataframe] == [False, False, False, True, False]
        assert at.get("data_editor")[0].placeholder == ""


def test_only_choice_widgets_have_options():
    # Streamlit's AppTest: options is an attribute of choice widgets (a slider's message has
    # an empty list); other elements and blocks raise AttributeError (hasattr() is False)
    theirs, ours = both("""
    st.title("t"); st.button("b"); st.slider("s"); st.checkbox("c"); st.feedback("thumbs")
    st.select_slider("ss", ["a", "b"]); st.radio("r", ["x"]); st.multiselect("m", ["a"])
    st.pills("p", ["a"]); st.selectbox("sb", [1, 2], format_func=lambda x: f"#{x}")
    with st.expander("e"):
        st.write("x")
    """)

    def read(at):
        return [(el.type, list(el.options) if hasattr(el, "options") else None)
                for el in at.main]

    assert read(ours) == read(theirs)
    assert ("selectbox", ["#1", "#2"]) in read(ours) and ("title", None) in read(ours)
