"""st.* from background threads: a clear error without the app's context, working with it."""

import threading

from nbstate.testing import AppTest


def test_widget_call_from_a_plain_thread_is_a_clear_error():
    at = AppTest.from_string("""
import threading
import nbstate as st
errors = []
def work():
    try:
        st.slider("x", 0, 10)
    except Exception as e:
        errors.append(e)
t = threading.Thread(target=work); t.start(); t.join()
st.write(type(errors[0]).__name__, str(errors[0]))
""").run()
    text = at.markdown[0].value
    assert text.startswith("NoAppContextError")
    assert "background thread" in text


def test_thread_with_the_app_context_can_write_and_set_state():
    at = AppTest.from_string("""
import threading
import nbstate as st
from nbstate.run import add_app_context
def work():
    st.session_state["from_thread"] = 42
    st.write("written by a thread")
t = add_app_context(threading.Thread(target=work)); t.start(); t.join()
st.write("after", st.session_state["from_thread"])
""").run()
    assert [m.value for m in at.markdown] == ["written by a thread", "after `42`"]


def test_session_state_from_a_thread_outside_any_app_uses_the_default_session():
    import nbstate as st
    box = {}
    t = threading.Thread(target=lambda: box.update(v="k" in st.session_state))
    t.start()
    t.join()
    assert box["v"] is False

