"""The caches never return another call's result and never grow without bound: function
arguments hash as in Streamlit 1.67 (or refuse with UnhashableParamError), a key's lock lives
only while it is computed, expired entries go, a self-recursive call raises, and the
markdown render cache is bounded by size."""

from __future__ import annotations

import functools
import operator
import threading
import time
import types

import pytest

import nbstate as st
from nbstate.cache import UnhashableParamError
from nbstate.frontends import html as _html
from nbstate.testing import AppTest


@pytest.fixture(autouse=True)
def _clear_caches():
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


class Adder:
    def __init__(self, k):
        self.k = k

    def add(self, x):
        return x + self.k


def make(k):
    return lambda x: x + k


@pytest.mark.parametrize("kind", [st.cache_data, st.cache_resource])
def test_closures_and_lambdas_are_refused_not_confused(kind):
    @kind
    def apply(f, data):
        return f(data)

    with pytest.raises(UnhashableParamError) as e:
        apply(make(0), 1)
    msg = str(e.value)
    assert "Cannot hash argument 'f'" in msg and "'apply'" in msg and "def apply(_f, ...)" in msg
    with pytest.raises(UnhashableParamError):
        apply(lambda x: x * 2, 1)

    @kind
    def apply_first(fs, data):
        return fs[0](data)

    with pytest.raises(UnhashableParamError, match="'fs'"):  # inside a container too
        apply_first([make(1)], 1)

    @kind
    def apply_unhashed(_f, data):
        return _f(data)

    assert apply_unhashed(make(0), 1) == 1


def test_partials_builtins_and_methods_hash_by_what_they_do():
    @st.cache_data
    def apply(f, data):
        return f(data)

    assert apply(functools.partial(operator.add, 0), 1) == 1
    assert apply(functools.partial(operator.add, 6), 1) == 7  # not the cached 1
    assert apply(len, [1, 2]) == 2 and apply(sum, [1, 2]) == 3

    assert apply(Adder(0).add, 1) == 1
    assert apply(Adder(6).add, 1) == 7
    with pytest.raises(UnhashableParamError):  # a partial of a lambda is a lambda's
        apply(functools.partial(make(0)), 1)


def test_hash_funcs_can_hash_functions():
    @st.cache_data(hash_funcs={types.FunctionType: lambda f: f.__defaults__})
    def apply(f, data):
        return f(data)

    assert apply(lambda x, k=0: x + k, 1) == 1
    assert apply(lambda x, k=6: x + k, 1) == 7


def test_a_closure_argument_in_an_app_shows_the_error():
    at = AppTest.from_string("""
import nbstate as st
@st.cache_data
def apply(f, x):
    return f(x)
k = st.slider("k", 0, 9, 0)
st.write(apply(lambda x: x + k, 1))
""").run()
    assert at.exception and "Cannot hash argument 'f'" in at.exception[0].value


def test_key_locks_live_only_while_a_key_is_computed():
    @st.cache_data(max_entries=5)
    def square(n):
        return n * n

    for n in range(3000):
        assert square(n) == n * n
    cache = square._cache
    assert len(cache.entries) == 5 and cache.key_locks == {}


def test_expired_entries_go_without_being_read_again():
    @st.cache_data(ttl=0.05)
    def ident(n):
        return n

    for n in range(500):
        ident(n)
    time.sleep(0.12)
    ident(-1)
    assert list(ident._cache.entries) == [ident._key((-1,), {})]


def test_a_cached_function_calling_itself_with_the_same_argument_raises():
    @st.cache_data
    def loop(n):
        return loop(n)

    @st.cache_data
    def fact(n):
        return 1 if n <= 1 else n * fact(n - 1)

    out: list = []

    def call():
        try:
            loop(3)
        except RecursionError as e:
            out.append(str(e))

    t = threading.Thread(target=call, daemon=True)
    t.start()
    t.join(10)
    assert not t.is_alive(), "the cached function deadlocked on itself"
    assert out and "called itself with the same arguments" in out[0]
    assert fact(10) == 3628800  # other arguments recurse as usual
    assert loop._cache.key_locks == {}


def test_markdown_render_cache_is_bounded_by_size():
    big = "word " * (2 * 1024 * 1024 // 5)
    for i in range(40):
        assert _html.markdown_html(f"{i} {big}").startswith(f"<p>{i} word")
    for i in range(3000):
        _html.markdown_html(f"text {i} " + "x" * 20_000)
    assert _html._MD_CACHE.bytes <= _html.MARKDOWN_CACHE_BYTES
    assert sum(len(b) + len(o) for (b, _), o in _html._MD_CACHE.items()) == (
        _html._MD_CACHE.bytes)
    assert _html.markdown_html("**a**") == "<p><strong>a</strong></p>\n"
