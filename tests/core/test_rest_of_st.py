"""The rest of Streamlit 1.67's ``st`` namespace, through ``AppTest`` (issue 10).

Each test runs an app as a user would write it and checks what the app shows or returns.
"""

from __future__ import annotations

import datetime as dt
import os
import warnings

import pytest

import nbstate as st
from nbstate.errors import (
    ConfigOptionError,
    IgnoredParameterWarning,
    NoIdentityProviderError,
    StreamlitSecretNotFoundError,
    UnserializableSessionStateError,
)
from nbstate.testing import AppTest, patch_config_options


def run(src: str, **kw) -> AppTest:
    return AppTest.from_string(src, **kw).run()


# -- set_page_config, options ------------------------------------------------------------------


def test_set_page_config_anywhere_last_call_wins():
    at = run("""
        import nbstate as st
        st.write("first")
        st.set_page_config(page_title="Sales", page_icon="📈", layout="wide")
        st.set_page_config(initial_sidebar_state=300)
    """)
    page = at.tree.props["page"]
    assert page == {"title": "Sales", "icon": "📈", "layout": "wide", "sidebar_state": "auto",
                    "sidebar_width": 300}
    assert at.markdown[0].value == "first"


def test_set_page_config_bad_layout_names_it():
    at = run("import nbstate as st\nst.set_page_config(layout='huge')")
    assert "layout must be 'centered' or 'wide'" in at.exception[0].value


def test_set_page_config_menu_items_checked():
    at = run("import nbstate as st\nst.set_page_config(menu_items={'Help me': 'x'})")
    assert "unknown key" in at.exception[0].value


def test_get_set_option_and_unknown_option():
    assert st.get_option("runner.enforceSerializableSessionState") is False
    assert st.get_option("client.showErrorDetails") == "full"
    assert st.get_option("theme.primaryColor") is None
    with pytest.raises(ConfigOptionError, match="no meaning in a notebook"):
        st.get_option("server.port")
    with pytest.raises(ConfigOptionError, match="config.toml"):
        st.set_option("theme.primaryColor", "red")
    with pytest.raises(ConfigOptionError, match="must be one of"):
        st.set_option("client.showErrorDetails", "some")


def test_show_error_details_redacts_uncaught_exceptions_not_st_exception():
    src = """
        import nbstate as st
        try:
            raise ValueError("secret detail")
        except ValueError as e:
            st.exception(e)
        raise KeyError("db password")
    """
    at = run(src)
    assert "db password" in at.exception[1].value
    with patch_config_options({"client.showErrorDetails": "type"}):
        at = run(src)
        assert "secret detail" in at.exception[0].value  # st.exception shows it all
        assert "db password" not in at.exception[1].value
        assert "redacted" in at.exception[1].value
        assert at.exception[1].type == "KeyError"
        assert at.exception[1].stack_trace == []
    st.set_option("client.showErrorDetails", "none")
    try:
        at = run(src)
        assert at.exception[1].type == ""
    finally:
        st.set_option("client.showErrorDetails", "full")


@patch_config_options({"runner.enforceSerializableSessionState": True})
def test_enforce_serializable_session_state_as_decorator():
    at = run("""
        import threading
        import nbstate as st
        st.session_state.ok = [1, 2]
        st.session_state.lock = threading.Lock()
    """)
    assert at.exception[0].type == "UnserializableSessionStateError"
    assert '"lock"' in at.exception[0].value
    assert at.session_state.ok == [1, 2]
    assert UnserializableSessionStateError.__name__ == at.exception[0].type


def test_config_toml_theme(tmp_path, monkeypatch):
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "config.toml").write_text('[theme]\nbase = "dark"\n')
    monkeypatch.chdir(tmp_path)
    from nbstate import config

    config.reload_files()
    try:
        assert st.get_option("theme.base") == "dark"
        assert st.context.theme.type == "dark"
    finally:
        monkeypatch.undo()
        config.reload_files()


# -- dialog --------------------------------------------------------------------------------------

DIALOG_APP = """
import nbstate as st

@st.dialog("Cast your vote")
def vote(item):
    st.write(f"Why is {item} your favorite?")
    reason = st.text_input("Because...", key="reason")
    if st.button("Submit"):
        st.session_state.vote = {"item": item, "reason": reason}
        st.rerun()

if "vote" not in st.session_state:
    if st.button("A"):
        vote("A")
else:
    st.write(f"You voted for {st.session_state.vote['item']} because "
             f"{st.session_state.vote['reason']}")
"""


def test_dialog_opens_reruns_alone_and_closes_on_rerun():
    at = run(DIALOG_APP)
    assert len(at.dialog) == 0
    at.button[0].click().run()
    assert len(at.dialog) == 1
    assert at.dialog[0].title == "Cast your vote"
    assert at.markdown[0].value == "Why is A your favorite?"
    # a widget inside the dialog reruns only the dialog: it stays open
    at.text_input(key="reason").input("it is first").run()
    assert len(at.dialog) == 1
    at.button[1].click().run()  # Submit: st.rerun() closes it
    assert len(at.dialog) == 0
    assert at.markdown[0].value == "You voted for A because it is first"


def test_dialog_close_button_calls_on_dismiss_and_closes():
    at = run("""
        import nbstate as st
        st.session_state.setdefault("dismissed", 0)
        def gone():
            st.session_state.dismissed += 1
        @st.dialog("Hi", on_dismiss=gone)
        def hi():
            st.write("hello")
        if st.button("open"):
            hi()
        st.write(st.session_state.dismissed)
    """)
    at.button[0].click().run()
    assert len(at.dialog) == 1
    at.get("dialog_dismiss")[0].click().run()
    assert len(at.dialog) == 0
    assert at.markdown[-1].value == "`1`" or at.markdown[-1].value == "1"


def test_two_dialogs_in_one_run_is_an_error():
    at = run("""
        import nbstate as st
        @st.dialog("a")
        def a(): st.write("a")
        a(); a()
    """)
    assert "Only one dialog" in at.exception[0].value


# -- grid ----------------------------------------------------------------------------------------


def test_grid_cells_in_order():
    at = run("""
        import nbstate as st
        g = st.grid(3, gap=("small", 8))
        for i in range(5):
            g.metric(f"m{i}", i)
        with g:
            st.button("in grid")
    """)
    grid = at.grid[0]
    assert grid.columns == 3 and grid.gap == ("small", 8)
    assert [c.type for c in grid.children.values()] == ["metric"] * 5 + ["button"]


# -- media and decoration -------------------------------------------------------------------------


def test_audio_from_array_is_wav_and_bytes_and_times(tmp_path):
    np = pytest.importorskip("numpy")
    at = run("""
        import numpy as np
        import nbstate as st
        st.audio(np.sin(np.linspace(0, 100, 8000)), sample_rate=8000)
        st.audio(b"RIFF....", format="audio/wav", start_time="2s", end_time=5)
        st.video("https://example.com/v.mp4", start_time=3, muted=True, autoplay=True,
                 subtitles="1\\n00:00:00,000 --> 00:00:01,000\\nHi")
    """)
    a = at.audio[0]
    assert a.src.startswith("data:audio/wav;base64,UklGR")  # "RIFF"
    assert at.audio[1].src.endswith("#t=2,5")
    v = at.video[0]
    assert v.src == "https://example.com/v.mp4#t=3" and v.muted and v.autoplay
    assert v.subtitles[0]["src"].startswith("data:text/vtt;base64,")
    del np


def test_audio_array_without_rate_is_an_error():
    at = run("import nbstate as st\nst.audio([0.1, 0.2])")
    assert "sample_rate must be given" in at.exception[0].value


def test_pdf_badge_space_balloons_snow_logo(tmp_path):
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF-1.4 minimal")
    png = tmp_path / "logo.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n....")
    at = run(f"""
        import nbstate as st
        st.logo({str(png)!r}, link="https://example.com")
        st.pdf({str(pdf)!r}, height=300)
        st.badge("New", color="green", icon="✨")
        st.space("large")
        st.space(40)
        st.balloons()
        st.snow()
    """)
    assert at.pdf[0].src.startswith("data:application/pdf;base64,")
    assert at.pdf[0].height == 300
    assert (at.badge[0].label, at.badge[0].color) == ("New", "green")
    assert [s.value for s in at.space] == ["large", 40]
    assert len(at.balloons) == 1 and len(at.snow) == 1
    assert at.logo[0].link == "https://example.com"
    at = run("import nbstate as st\nst.badge('x', color='pink')")
    assert "color must be one of" in at.exception[0].value


def test_skeleton_is_replaced_by_what_is_written():
    at = run("""
        import nbstate as st
        slot = st.skeleton(height=120)
        st.write("below")
    """)
    assert at.skeleton[0].height == 120
    at = run("""
        import nbstate as st
        slot = st.skeleton(height=120)
        slot.write("loaded")
    """)
    assert len(at.skeleton) == 0 and at.markdown[0].value == "loaded"


def test_help_and_echo():
    at = run('''
        import nbstate as st
        def area(r: float) -> float:
            """The area of a circle."""
            return 3.14 * r * r
        st.help(area)
        with st.echo():
            x = 2 + 3
            st.write(x)
        with st.echo("below"):
            st.text("shown first")
    ''')
    h = at.help[0]
    assert h.name == "area" and h.doc_string == "The area of a circle."
    assert h.value == "area"  # as Streamlit's AppTest gives it: the name
    assert "area(r: float) -> float" in h.summary
    assert at.code[0].value == "x = 2 + 3\nst.write(x)"
    kinds = [e.element_type for e in at.main.children.values()]
    # echo("below"): the output first, then the code
    assert kinds[-2:] == ["text", "code"]
    assert at.code[1].value == 'st.text("shown first")'


# -- widgets ---------------------------------------------------------------------------------------


def test_datetime_input_value_range_and_state():
    at = run("""
        import datetime as dt
        import nbstate as st
        when = st.datetime_input("When", dt.datetime(2025, 1, 2, 9, 30),
                                 min_value=dt.datetime(2025, 1, 1), key="when")
        st.write(str(when))
    """)
    assert at.markdown[0].value == "2025-01-02 09:30:00"
    at.datetime_input(key="when").set_value(dt.datetime(2025, 3, 4, 5, 6)).run()
    assert at.markdown[0].value == "2025-03-04 05:06:00"
    assert at.session_state.when == dt.datetime(2025, 3, 4, 5, 6)
    at.datetime_input(key="when").set_value(dt.datetime(2020, 1, 1)).run()  # below min
    assert at.session_state.when == dt.datetime(2025, 3, 4, 5, 6)
    assert "refused" in at.warning[0].value


def test_feedback_and_pagination():
    at = run("""
        import nbstate as st
        stars = st.feedback("stars", key="stars")
        page = st.pagination(12, default=2, key="page")
        st.write(f"{stars} {page}")
    """)
    assert at.markdown[0].value == "None 2"
    at.feedback(key="stars").set_value(4)
    at.pagination(key="page").set_value(7).run()
    assert at.markdown[0].value == "4 7"
    at.feedback(key="stars").set_value(5).run()  # beyond the fifth star
    assert at.session_state.stars == 4
    at = run("import nbstate as st\nst.feedback('hearts')")
    assert "options must be" in at.exception[0].value


def test_menu_button_returns_the_pick_for_one_run():
    at = run("""
        import nbstate as st
        choice = st.menu_button("Export", ["CSV", "Excel"])
        st.write(repr(choice))
    """)
    assert at.markdown[0].value == "None"
    at.menu_button[0].click("Excel").run()
    assert at.markdown[0].value == "'Excel'"
    at.run()
    assert at.markdown[0].value == "None"


def test_link_button_plain_and_as_widget():
    at = run("""
        import nbstate as st
        st.link_button("Docs", "https://docs.streamlit.io")
        if st.link_button("Track", "https://example.com", on_click="rerun"):
            st.write("clicked")
    """)
    assert [b.url for b in at.link_button] == ["https://docs.streamlit.io", "https://example.com"]
    assert at.link_button[0].id is None
    at.link_button[1].click().run()
    assert at.markdown[0].value == "clicked"


def test_camera_and_audio_input_take_files():
    at = run("""
        import nbstate as st
        photo = st.camera_input("Photo")
        sound = st.audio_input("Say")
        st.write(photo.name if photo else "no photo", sound.name if sound else "no sound")
    """)
    assert at.markdown[0].value == "no photo no sound"
    at.camera_input[0].upload("me.jpg", b"\xff\xd8\xff....", "image/jpeg")
    at.audio_input[0].upload("hi.wav", b"RIFF....", "audio/wav").run()
    assert at.markdown[0].value == "me.jpg hi.wav"


def test_on_change_ignore_warns():
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        run("import nbstate as st\nst.feedback(on_change='ignore')")
    assert any(issubclass(x.category, IgnoredParameterWarning) for x in w)


# -- charts of other kinds -------------------------------------------------------------------------


def test_map_points_and_columns():
    pytest.importorskip("pandas")
    at = run("""
        import pandas as pd
        import nbstate as st
        st.map(pd.DataFrame({"LAT": [48.85, 51.5], "lon": [2.35, -0.12], "n": [3, 9]}),
               size="n", color="#0044ff", zoom=4)
    """)
    import json

    chart = at.chart[0]
    spec = json.loads(chart.spec)
    assert chart.chart_type == "map"
    assert spec["projection"]["type"] == "mercator"
    assert spec["projection"]["center"] == [(2.35 - 0.12) / 2, (48.85 + 51.5) / 2]  # zoom=4
    points = spec["layer"][-1]
    assert points["encoding"]["latitude"]["field"] == "LAT"
    assert points["encoding"]["size"]["field"] == "n"
    assert points["data"]["values"][1] == {"LAT": 51.5, "lon": -0.12, "n": 9}
    at = run("import nbstate as st\nst.map({'x': [1], 'y': [2]})")
    assert "latitude column" in at.exception[0].value


def test_graphviz_mermaid_echarts_pydeck():
    at = run("""
        import nbstate as st
        st.graphviz_chart("digraph { a -> b }")
        st.mermaid_chart('''
            graph LR
              A --> B
        ''')
        st.echarts_chart({"xAxis": {"type": "category", "data": ["a", "b"]},
                          "yAxis": {"type": "value"},
                          "series": [{"type": "bar", "data": [3, 5]}]}, height=300)
        class Deck:
            def to_json(self): return '{"layers": []}'
            def to_html(self, as_string, notebook_display): return "<html>deck</html>"
        st.pydeck_chart(Deck())
    """)
    assert at.graphviz_chart[0].spec == "digraph { a -> b }"
    assert at.mermaid_chart[0].body == "````mermaid\ngraph LR\n  A --> B\n````"  # (Markdown)
    assert '"bar"' in at.echarts_chart[0].spec and at.echarts_chart[0].height == 300
    assert at.pydeck_chart[0].html == "<html>deck</html>"


# -- pages ------------------------------------------------------------------------------------------

PAGES_APP = """
import nbstate as st
st.session_state.setdefault("runs", 0)
def home():
    st.title("Home")
    if st.button("Go to settings"):
        st.switch_page("settings")
    st.page_link(settings_page, label="Settings link")
def settings():
    st.title("Settings")
settings_page = st.Page(settings, icon="⚙️")
pg = st.navigation({"Main": [st.Page(home, default=True)], "Admin": [settings_page]})
pg.run()
"""


def test_navigation_menu_switch_page_and_page_link():
    at = run(PAGES_APP)
    assert at.title[0].value == "Home"
    # the page menu is in no block (as in Streamlit's AppTest, whose tree has none): it is
    # at.navigation[0]
    assert len(at.sidebar) == 0 and len(at.page_link) == 1  # (st.page_link in the page)
    menu = at.navigation[0].get("page_link")
    assert [m.label for m in menu] == ["home", "settings"]
    assert [m.current for m in menu] == [True, False]
    menu[1].click().run()  # the sidebar's page menu
    assert at.title[0].value == "Settings"
    at.navigation[0].get("page_link")[0].click().run()
    assert at.title[0].value == "Home"
    at.button[0].click().run()  # st.switch_page
    assert at.title[0].value == "Settings"
    at.switch_page("home").run()
    at.main.get("page_link")[0].click().run()  # st.page_link in the page
    assert at.title[0].value == "Settings"


def test_page_from_a_file_and_unknown_page(tmp_path, monkeypatch):
    (tmp_path / "1_📈_Plots.py").write_text("import nbstate as st\nst.text('plots page')\n")
    monkeypatch.chdir(tmp_path)
    at = run("""
        import nbstate as st
        p = st.Page("1_📈_Plots.py")
        st.text(f"{p.title}|{p.icon}|{p.url_path}")
        st.navigation([p], position="hidden").run()
    """)
    assert [t.value for t in at.text] == ["Plots|📈|Plots", "plots page"]
    at = run("""
        import nbstate as st
        def a(): st.switch_page("nowhere")
        st.navigation([st.Page(a)]).run()
    """)
    assert "could not find page 'nowhere'" in at.exception[0].value


def test_page_link_to_url():
    at = run("import nbstate as st\nst.page_link('https://example.com', label='Ex', icon='🌍')")
    assert at.page_link[0].url == "https://example.com"


# -- query_params, context, user ---------------------------------------------------------------------


def test_query_params_per_session_and_from_voila_env(monkeypatch):
    src = """
        import nbstate as st
        st.write(st.query_params.get("tab", "none"), st.query_params.get_all("x"))
        st.query_params["seen"] = 1
        st.query_params.x = ["a", "b"]
    """
    at = AppTest.from_string(src)
    at.query_params["tab"] = "sales"
    at.run()
    assert at.markdown[0].value.startswith("sales")
    assert at.query_params.to_dict() == {"tab": "sales", "seen": "1", "x": "b"}
    assert at.query_params.get_all("x") == ["a", "b"]
    other = run(src)  # another session: its own parameters
    assert other.markdown[0].value.startswith("none")
    monkeypatch.setenv("QUERY_STRING", "tab=from+url&x=1&x=2")
    voila = run(src)
    assert voila.markdown[0].value.startswith("from url")
    assert voila.json[0].value == '["1", "2"]'


def test_context_user_login_logout():
    at = run("""
        import nbstate as st
        st.write(st.user.is_logged_in, st.context.headers, st.context.cookies)
        st.logout()
        st.login()
    """)
    assert at.markdown[0].value.startswith("`False`")
    assert at.exception[0].type == "NoIdentityProviderError"
    assert "no identity provider" in at.exception[0].value
    with pytest.raises(NoIdentityProviderError):
        st.login("google")
    with pytest.raises(AttributeError, match="nobody is logged in"):
        st.user.email
    assert isinstance(st.context.timezone_offset, int)


# -- secrets and connections ----------------------------------------------------------------------------


def test_secrets_files_merged_env_and_errors(tmp_path, monkeypatch):
    from nbstate.secrets import Secrets

    home, cwd = tmp_path / "home", tmp_path / "cwd"
    for d in (home, cwd):
        (d / ".streamlit").mkdir(parents=True)
    (home / ".streamlit" / "secrets.toml").write_text(
        'api_key = "home"\nNBSTATE_TEST_TOKEN = "tok"\n[db]\nuser = "ann"\n')
    (cwd / ".streamlit" / "secrets.toml").write_text('api_key = "project"\n')
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(cwd)
    monkeypatch.delenv("NBSTATE_TEST_TOKEN", raising=False)
    s = Secrets()
    assert s.api_key == "project" and s["db"]["user"] == "ann" and s.db.user == "ann"
    assert os.environ["NBSTATE_TEST_TOKEN"] == "tok"
    with pytest.raises(KeyError, match='no key "nope"'):
        s["nope"]
    with pytest.raises(TypeError):
        s.db.user = "bob"
    empty = Secrets(paths=[tmp_path / "missing.toml"])
    with pytest.raises(StreamlitSecretNotFoundError, match="No secrets found"):
        empty["x"]
    assert isinstance(StreamlitSecretNotFoundError("x"), FileNotFoundError)


def test_apptest_secrets():
    at = AppTest.from_string("import nbstate as st\nst.write(st.secrets['token'])")
    at.secrets["token"] = "t0k"
    assert at.run().markdown[0].value == "t0k"
    from nbstate.secrets import secrets

    assert "token" not in secrets  # only while the test's app runs


def test_connection_sql_cached_queries_and_default_sqlite():
    pytest.importorskip("sqlalchemy")
    pytest.importorskip("pandas")
    at = run("""
        import nbstate as st
        from sqlalchemy import text
        conn = st.connection("sql")
        with conn.session as s:
            s.execute(text("create table if not exists pets (name text, owner text)"))
            s.execute(text("delete from pets"))
            s.execute(text("insert into pets values ('Rex', 'ann'), ('Tom', 'bob')"))
            s.commit()
        df = conn.query("select name from pets where owner = :o", params={"o": "ann"})
        st.write(", ".join(df["name"]))
        st.write(st.connection("sql") is conn)
    """)
    assert at.markdown[0].value == "Rex"
    assert at.markdown[1].value == "`True`"


def test_connection_query_results_are_cached(tmp_path):
    pytest.importorskip("sqlalchemy")
    pytest.importorskip("pandas")
    db = tmp_path / "shop.db"
    conn = st.connection("shop", type="sql", url=f"sqlite:///{db}")
    with conn.session as s:
        from sqlalchemy import text

        s.execute(text("create table items (n int)"))
        s.execute(text("insert into items values (1)"))
        s.commit()
    assert list(conn.query("select n from items")["n"]) == [1]
    with conn.session as s:
        s.execute(text("insert into items values (2)"))
        s.commit()
    assert list(conn.query("select n from items")["n"]) == [1]  # cached, as in Streamlit
    assert list(conn.query("select n from items", ttl=0.01)["n"]) == [1, 2]


def test_user_connection_class():
    from nbstate.connections import BaseConnection

    class Counter(BaseConnection[dict]):
        made = 0

        def _connect(self, **kwargs):
            Counter.made += 1
            return {"start": kwargs.get("start", 0)}

        def start(self):
            return self._instance["start"]

    a = st.connection("counter", type=Counter, start=5)
    b = st.connection("counter", type=Counter, start=5)
    assert a is b and a.start() == 5 and Counter.made == 1
    with pytest.raises(Exception, match="BaseConnection"):
        st.connection("x", type=dict)


# -- App, fragment(run_every), cache_data(persist) --------------------------------------------------------


def test_app_of_a_script_file(tmp_path):
    script = tmp_path / "dash.py"
    script.write_text("import nbstate as st\nx = st.slider('x', 0, 10, 4)\nx * 2\n")
    errors = []
    at = st.App(script, on_script_error=errors.append).test().run()
    assert at.markdown[0].value == "`8`"
    bad = tmp_path / "bad.py"
    bad.write_text("raise RuntimeError('boom')\n")
    at = st.App(bad, on_script_error=lambda e: errors.append(e) or True).test().run()
    assert len(at.exception) == 0 and str(errors[0]) == "boom"
    with pytest.raises(Exception, match="web server"):
        st.App(script, routes=[object()])


def test_fragment_run_every_ticks_rerun_only_the_fragment():
    at = run("""
        import nbstate as st
        st.session_state.setdefault("full", 0)
        st.session_state.setdefault("ticks", 0)
        st.session_state.full += 1
        @st.fragment(run_every="2s")
        def clock():
            st.session_state.ticks += 1
            st.write(f"tick {st.session_state.ticks}")
        clock()
    """)
    timer = at.get("fragment_timer")[0]
    assert timer.interval == 2.0
    timer.click().run()
    timer = at.get("fragment_timer")[0]
    timer.click().run()
    assert at.markdown[0].value == "tick 3"
    assert at.session_state.full == 1
    at = run("import nbstate as st\n@st.fragment(run_every='soon')\ndef f(): pass")
    assert "run_every must be" in at.exception[0].value


def test_cache_data_persist_disk_survives_a_new_function(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    calls = []

    def make():
        @st.cache_data(persist="disk")
        def load(n):
            calls.append(n)
            return list(range(n))
        return load

    load = make()
    assert load(3) == [0, 1, 2] and calls == [3]
    files = list((tmp_path / ".streamlit" / "cache").glob("*.memo"))
    assert len(files) == 1
    load._cache.clear()  # as after a kernel restart: only the disk has it
    assert make()(3) == [0, 1, 2] and calls == [3]
    load.clear()
    assert not list((tmp_path / ".streamlit" / "cache").glob("*.memo"))
    with pytest.raises(Exception, match="persist must be"):
        st.cache_data(persist="cloud")
    with pytest.raises(TypeError):  # as in Streamlit 1.67: cache_resource has no persist
        st.cache_resource(persist="disk")


def test_page_config_parts_without_meaning_warn():
    with pytest.warns(IgnoredParameterWarning, match="always shown"):
        run("import nbstate as st\nst.set_page_config(initial_sidebar_state='collapsed')")
    with pytest.warns(IgnoredParameterWarning, match="no app menu"):
        run("import nbstate as st\nst.set_page_config(menu_items={'About': 'hi'})")


def test_echarts_gets_streamlits_palette_unless_it_has_colours():
    import json

    at = run("""
        import nbstate as st
        st.echarts_chart({"series": []})
        st.echarts_chart({"series": [], "color": ["#000"]})
        st.echarts_chart({"series": []}, theme=None)
    """)
    colours = [json.loads(c.spec).get("color") for c in at.echarts_chart]
    assert colours[0][0] == "#0068c9" and colours[1] == ["#000"] and colours[2] is None
