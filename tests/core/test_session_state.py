"""SPEC §2: st.session_state behaves as the seed page describes."""

from __future__ import annotations

import pytest

import nbstate as st
from nbstate.errors import InvalidKeyError, NbstateAPIException

MISSING = 'st.session_state has no key "value". Did you forget to initialize it?'


def test_item_and_attribute_access_are_the_same_store(app):
    at = app("""
        st.session_state["a"] = 1
        st.session_state.b = 2
        st.write(st.session_state.a, st.session_state["b"])
        st.session_state.a += 10
        st.session_state["b"] *= 3
        st.write(st.session_state["a"], st.session_state.b)
    """)
    assert at.markdown.values == ["`1` `2`", "`11` `6`"]
    assert at.session_state.to_dict() == {"a": 11, "b": 6}


def test_mapping_api(app):
    at = app("""
        ss = st.session_state
        ss.update({"a": 1}, b=2)
        ss["c"] = 3
        del ss["c"]
        ss.d = 4
        del ss.d
        st.write(sorted(ss.keys()), sorted(ss.values()), sorted(ss.items()))
        st.write(len(ss), sorted(iter(ss)), "a" in ss, "c" in ss)
        st.write(ss.get("a"), ss.get("zz", "dflt"), ss.get("zz"))
        st.write(ss.to_dict())
    """)
    assert at.json.values[:3] == ['["a", "b"]', "[1, 2]", '[["a", 1], ["b", 2]]']
    assert at.markdown.values[0] == "`2`"
    assert at.json.values[3] == '["a", "b"]'
    assert at.markdown.values[1:] == ["`True` `False`", "`1` dflt `None`"]
    assert at.json.values[4] == '{"a": 1, "b": 2}'


def test_values_are_stored_as_given_not_copied(app):
    at = app("""
        class Thing:
            pass
        if "thing" not in st.session_state:
            st.session_state.thing = Thing()
            st.session_state.lst = []
        st.session_state.lst.append(1)
        st.write(len(st.session_state.lst))
    """)
    first = at.session_state["thing"]
    at.run()
    assert at.session_state["thing"] is first
    assert at.markdown.values == ["`2`"]


def test_missing_key_item_access_shows_key_error(raises_in_app):
    at = raises_in_app("st.write(st.session_state['value'])", "KeyError", MISSING)
    assert at.markdown.values == []


def test_missing_key_attribute_access_shows_attribute_error(raises_in_app):
    raises_in_app("st.write(st.session_state.value)", "AttributeError", MISSING)


def test_missing_key_can_be_caught_as_key_error_and_attribute_error(app):
    at = app("""
        try:
            st.session_state["nope"]
        except KeyError as e:
            st.write("key", str(e))
        try:
            st.session_state.nope
        except AttributeError as e:
            st.write("attr", str(e))
        try:
            del st.session_state["nope"]
        except KeyError:
            st.write("del key")
        try:
            del st.session_state.nope
        except AttributeError:
            st.write("del attr")
    """)
    msg = 'st.session_state has no key "nope". Did you forget to initialize it?'
    # a KeyError's text is quoted by Python, as for Streamlit's
    assert at.markdown.values == [f"key '{msg}'", f"attr {msg}", "del key", "del attr"]


def test_missing_key_of_cleaned_up_widget_says_why(app):
    at = app("""
        if "show" not in st.session_state:
            st.session_state.show = True
        if st.session_state.show:
            st.text_input("Name", key="name")
        else:
            st.write(st.session_state["name"])
    """)
    at.session_state["show"] = False
    at.run()  # the widget is not rendered: this run reads its key before cleanup
    assert not at.exception and at.markdown.values == [""]
    at.run()  # now it was cleaned up
    exc = at.exception[0]
    assert exc.type == "KeyError"
    assert 'no key "name"' in exc.message and "cleaned up" in exc.message


def test_keys_become_strings(app):
    at = app("""
        st.session_state[3] = "three"
        st.write(st.session_state["3"], 3 in st.session_state, "3" in st.session_state)
        st.slider("s", 0, 9, key=7)
        st.write(sorted(st.session_state.keys()))
    """)
    assert at.markdown.values == ["three `True` `True`"]
    assert at.json.values == ['["3", "7"]']
    assert at.slider(key="7").value == 0


@pytest.mark.parametrize("stmt", [
    'st.session_state[""] = 1',
    'st.session_state[""]',
    'st.slider("s", key="")',
])
def test_empty_key_is_invalid(raises_in_app, stmt):
    raises_in_app(stmt, "InvalidKeyError", "non-empty string")


def test_invalid_key_error_is_api_exception_and_value_error():
    assert issubclass(InvalidKeyError, NbstateAPIException)
    assert issubclass(InvalidKeyError, ValueError)
    assert "" not in st.session_state


@pytest.mark.parametrize("how", [
    "for key in st.session_state.keys():\n    del st.session_state[key]",
    "for key in list(st.session_state.keys()):\n    del st.session_state[key]",
    "st.session_state.clear()",
])
def test_delete_everything_during_a_run(app, how):
    at = app(f"""
        st.session_state.a = 1
        st.session_state.b = 2
        {how.replace(chr(10), chr(10) + ' ' * 8)}
        st.write(len(st.session_state))
        st.session_state.after = "kept"
    """)
    assert not at.exception
    assert at.markdown.values == ["`0`"]
    assert at.session_state.to_dict() == {"after": "kept"}


def test_clear_deletes_widget_keys_but_widget_keeps_value(app):
    at = app("""
        v = st.slider("s", 0, 10, key="s")
        st.write(v)
        if st.button("clear"):
            st.session_state.clear()
    """)
    at.slider[0].set_value(4).run()
    at.button[0].click().run()
    assert "s" not in at.session_state
    at.run()
    # seed page: deleting a key does not revert the widget; the key comes back
    assert at.session_state["s"] == 4
    assert at.markdown.values == ["`4`"]


def test_write_session_state_shows_its_contents(app):
    at = app("""
        st.session_state.key = "value"
        st.number_input("n", key="n")
        st.write(st.session_state)
    """)
    assert at.json.values == ['{"key": "value", "n": 0.0}']


def test_repr_is_dict_like_and_notebook_display_readable():
    ss = st.session_state
    for k in list(ss):
        del ss[k]
    ss["x"] = 1
    try:
        assert repr(ss) == "{'x': 1}"
        assert '"x": 1' in ss._repr_markdown_()
    finally:
        del ss["x"]


def test_plain_code_reads_and_writes_notebook_session_without_running_anything():
    ss = st.session_state
    ss.plain = 5
    try:
        assert ss["plain"] == 5 and "plain" in ss
    finally:
        del ss.plain
    with pytest.raises(st.errors.NoAppContextError, match="%%app"):
        st.slider("x")


def test_session_state_is_per_apptest(app):
    a = app("st.session_state.setdefault('n', 0)\nst.session_state.n += 1")
    b = app("st.session_state.setdefault('n', 0)\nst.session_state.n += 1")
    a.run()
    assert a.session_state["n"] == 2
    assert b.session_state["n"] == 1


def test_apptest_session_state_can_be_set_before_first_run(app):
    at = app("st.write(st.session_state.get('preset', 'none'))", run=False)
    at.session_state["preset"] = "yes"
    at.run()
    assert at.markdown.values == ["yes"]
    assert at.session_state.preset == "yes"
