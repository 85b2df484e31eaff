"""Multipage apps made of a ``pages/`` folder beside the script (Streamlit's first multipage
API, still how many apps are written), against Streamlit's ``AppTest``: the script is the
main page; ``at.switch_page``, ``st.switch_page`` and ``st.page_link`` reach the page files
by path; session state is shared; a script that calls ``st.navigation`` ignores the
folder. The page menu itself is in no block of either tree (nbstate's: ``at.navigation``)."""

from __future__ import annotations

import textwrap

import pytest

from nbstate.testing import AppTest as NbAppTest

pytest.importorskip("streamlit")
pytestmark = pytest.mark.streamlit

MAIN = """
import streamlit as st
st.title("Home")
st.session_state.setdefault("visits", 0)
st.session_state.visits += 1
st.write("visits", st.session_state.visits)
if st.button("About"):
    st.switch_page("pages/2_About.py")
st.page_link("pages/10_🧪_Lab_notes.py", label="Notes")
"""

PAGES = {
    "2_About.py": 'import streamlit as st\nst.title("About")\nst.write("visits", '
                  'st.session_state.visits)\n',
    "10_🧪_Lab_notes.py": 'import streamlit as st\nst.title("Notes")\n',
    "1-intro.py": 'import streamlit as st\nst.title("Intro")\n',
    "zeta.py": 'import streamlit as st\nst.title("Zeta")\n',
    "__init__.py": "",
    ".hidden.py": 'raise RuntimeError("not a page")\n',
}


@pytest.fixture
def app_dir(tmp_path):
    (tmp_path / "app.py").write_text(MAIN, encoding="utf-8")
    (tmp_path / "pages").mkdir()
    for name, body in PAGES.items():
        (tmp_path / "pages" / name).write_text(body, encoding="utf-8")
    return tmp_path


def both(path):
    from streamlit.testing.v1 import AppTest

    return AppTest.from_file(str(path)).run(), NbAppTest.from_file(str(path)).run()


def seen(at) -> tuple:
    return ([t.value for t in at.title], at.markdown.values, len(at.sidebar),
            [e.value for e in at.exception])


def test_the_script_is_the_main_page_and_the_page_files_are_reached_by_path(app_dir):
    theirs, ours = both(app_dir / "app.py")
    assert seen(ours) == seen(theirs) == (["Home"], ["visits `1`"], 0, [])
    for at in (theirs, ours):
        at.switch_page("pages/2_About.py").run()
    assert seen(ours) == seen(theirs) == (["About"], ["visits `1`"], 0, [])
    for at in (theirs, ours):
        at.switch_page("app.py").run()
        at.button[0].click().run()  # st.switch_page from the script
    assert seen(ours) == seen(theirs) == (["About"], ["visits `3`"], 0, [])


def test_the_menu_lists_the_pages_in_streamlits_order(app_dir):
    at = NbAppTest.from_file(str(app_dir / "app.py")).run()
    menu = at.navigation[0].get("page_link")
    assert [(m.label, m.icon) for m in menu] == [
        ("app", ""), ("intro", ""), ("About", ""), ("Lab notes", "🧪"), ("zeta", "")]
    assert [m.current for m in menu] == [True, False, False, False, False]
    menu[3].click().run()
    assert at.title[0].value == "Notes"
    assert [m.current for m in at.navigation[0].get("page_link")][3] is True
    at.navigation[0].get("page_link")[0].click().run()
    at.page_link[0].click().run()  # st.page_link("pages/10_🧪_Lab_notes.py")
    assert at.title[0].value == "Notes"


def test_a_script_that_calls_navigation_ignores_the_folder(app_dir):
    (app_dir / "app.py").write_text(textwrap.dedent("""
        import streamlit as st
        def home():
            st.title("Routed home")
        st.navigation([st.Page(home)], position="hidden").run()
        """), encoding="utf-8")
    theirs, ours = both(app_dir / "app.py")
    theirs.run()  # (Streamlit's first run still shows the folder's menu; the next does not)
    assert [t.value for t in ours.title] == [t.value for t in theirs.title] == ["Routed home"]
    assert len(ours.navigation) == 0


def test_show_sidebar_navigation_false_hides_the_menu(app_dir):
    (app_dir / ".streamlit").mkdir()
    (app_dir / ".streamlit" / "config.toml").write_text(
        "[client]\nshowSidebarNavigation = false\n")
    from nbstate import config

    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(app_dir)
        mp.setattr(config, "_file", None)  # (read the folder's config.toml)
        at = NbAppTest.from_file(str(app_dir / "app.py")).run()
        assert len(at.navigation) == 0 and at.title[0].value == "Home"
        at.switch_page("pages/2_About.py").run()
        assert at.title[0].value == "About"
    config._file = None
