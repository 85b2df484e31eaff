"""The differential scripts run unmodified: every script of ``test_agree.CASES`` with
``import streamlit as st`` (the very text Streamlit runs) gives in nbstate exactly what it
gives with ``import nbstate as st``, after every interaction; and st.html / st.iframe /
components.v1 show what Streamlit's AppTest shows for the same script."""

from __future__ import annotations

import textwrap
import warnings

import pytest
from test_agree import CASES  # (this folder is on sys.path: pytest rootdir mode)

from nbstate.testing import AppTest as NbAppTest

pytest.importorskip("streamlit")
pytestmark = pytest.mark.streamlit


def _same(a: NbAppTest, b: NbAppTest) -> None:
    # compared as text: a script that defines a class (an Enum of options) makes its own
    # class object in each app
    assert repr(list(a.tree.walk())) == repr(list(b.tree.walk()))
    assert repr(a.session_state.to_dict()) == repr(b.session_state.to_dict())


@pytest.mark.parametrize("body, steps", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_import_streamlit_is_import_nbstate(body, steps):
    body = textwrap.dedent(body)
    plain = NbAppTest.from_string("import nbstate as st\n" + body)
    ported = NbAppTest.from_string("import streamlit as st\n" + body)
    if steps and isinstance(steps[0], dict):
        for key, value in steps[0].items():
            plain.session_state[key] = value
            ported.session_state[key] = value
        steps = steps[1:]
    plain.run()
    ported.run()
    _same(plain, ported)
    for act in steps:
        act(plain)
        act(ported)
        plain.run()
        ported.run()
        _same(plain, ported)


EMBEDS = """
import streamlit as st
import streamlit.components.v1 as components
st.html("<p>Hello <b>html</b></p>")
st.html('''
    <div class="card">indented</div>
''')
st.iframe("https://example.com/a")
st.iframe("<p>inline</p>", height=120, tab_index=0)
components.html("<p>frame</p>", height=90, scrolling=True)
components.iframe("https://example.com/b", width=300)
"""


def test_embeds_show_what_streamlit_shows():
    from streamlit.testing.v1 import AppTest as StAppTest

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        st_at = StAppTest.from_string(EMBEDS).run()
        nb_at = NbAppTest.from_string(EMBEDS).run()
    assert not st_at.exception and not nb_at.exception
    assert nb_at.html.values == st_at.html.values
    theirs = [e.proto for e in st_at.get("iframe")]
    ours = nb_at.get("iframe")
    assert len(ours) == len(theirs) == 4
    for o, t in zip(ours, theirs):
        assert (o.src or "") == t.src
        assert (o.srcdoc or "") == t.srcdoc
        assert o.scrolling == t.scrolling
        assert (o.tab_index if o.tab_index is not None else 0) == t.tab_index
