"""st.cache_data / st.cache_resource with Streamlit's semantics, used from apps."""

import datetime as dt
import threading
import time

import pytest

import nbstate as st
from nbstate.cache import UnhashableParamError, UnserializableReturnValueError
from nbstate.testing import AppTest


@pytest.fixture(autouse=True)
def _clear_caches():
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


def test_heavy_work_is_not_redone_on_reruns():
    at = AppTest.from_string("""
import nbstate as st
if "calls" not in st.session_state:
    st.session_state.calls = 0

@st.cache_data
def load(n):
    st.session_state.calls += 1
    return list(range(n))

n = st.slider("n", 1, 10, 3, key="n")
st.write(f"rows={len(load(n))} calls={st.session_state.calls}")
""").run()
    assert at.markdown[0].value == "rows=3 calls=1"
    at.run().run()
    assert at.markdown[0].value == "rows=3 calls=1"
    at.slider(key="n").set_value(5).run()
    assert at.markdown[0].value == "rows=5 calls=2"
    at.slider(key="n").set_value(3).run()
    assert at.markdown[0].value == "rows=3 calls=2"


def test_cache_data_returns_copies_cache_resource_shares():
    @st.cache_data
    def data():
        return {"items": [1]}

    @st.cache_resource
    def resource():
        return {"items": [1]}

    a = data()
    a["items"].append(2)
    assert data() == {"items": [1]}
    assert data() is not data()
    r = resource()
    r["items"].append(2)
    assert resource() is r and resource()["items"] == [1, 2]


def test_arguments_are_hashed_by_value_and_underscore_params_are_not():
    calls = []

    @st.cache_data
    def f(x, _conn):
        calls.append(x)
        return x

    f([1, 2], object())
    f([1, 2], object())
    f([1, 3], object())
    assert calls == [[1, 2], [1, 3]]


def test_pandas_arguments_hash_by_content():
    pd = pytest.importorskip("pandas")
    calls = []

    @st.cache_data
    def total(df):
        calls.append(1)
        return int(df["a"].sum())

    assert total(pd.DataFrame({"a": [1, 2]})) == 3
    assert total(pd.DataFrame({"a": [1, 2]})) == 3
    assert total(pd.DataFrame({"a": [1, 5]})) == 6
    assert len(calls) == 2


def test_ttl_expires_entries():
    calls = []

    @st.cache_data(ttl=dt.timedelta(milliseconds=50))
    def f():
        calls.append(1)
        return len(calls)

    assert f() == 1 and f() == 1
    time.sleep(0.08)
    assert f() == 2


def test_ttl_strings_and_bad_ttl():
    @st.cache_data(ttl="1h")
    def f():
        return 1

    assert f() == 1
    with pytest.raises(st.errors.NbstateAPIException, match="ttl"):
        st.cache_data(ttl="soon")


def test_max_entries_evicts_least_recently_used():
    calls = []

    @st.cache_data(max_entries=2)
    def f(x):
        calls.append(x)
        return x

    f(1), f(2), f(1), f(3)  # 2 is the least recently used, so it goes
    f(1)
    assert calls == [1, 2, 3]
    f(2)
    assert calls == [1, 2, 3, 2]


def test_clear_one_function_and_clear_all():
    calls = []

    @st.cache_data
    def f(x):
        calls.append(x)
        return x

    @st.cache_data
    def g(x):
        calls.append(-x)
        return x

    f(1), g(1)
    f.clear()
    f(1), g(1)
    assert calls == [1, -1, 1]
    st.cache_data.clear()
    f(1), g(1)
    assert calls == [1, -1, 1, 1, -1]


def test_hash_funcs_decide_how_an_unhashable_type_hashes():
    class Conn:
        def __init__(self, url):
            self.url = url
            self.lock = threading.Lock()  # not picklable

    calls = []

    @st.cache_data(hash_funcs={Conn: lambda c: c.url})
    def query(conn):
        calls.append(conn.url)
        return conn.url

    query(Conn("a")), query(Conn("a")), query(Conn("b"))
    assert calls == ["a", "b"]

    @st.cache_data
    def bad(conn):
        return 1

    with pytest.raises(UnhashableParamError, match="underscore"):
        bad(Conn("a"))


def test_unpicklable_return_value_is_a_clear_error():
    @st.cache_data
    def f():
        return threading.Lock()

    with pytest.raises(UnserializableReturnValueError, match="cache_resource"):
        f()


def test_one_computation_per_key_under_concurrent_callers():
    calls = []

    @st.cache_resource
    def slow():
        calls.append(1)
        time.sleep(0.05)
        return object()

    got = []
    threads = [threading.Thread(target=lambda: got.append(slow())) for _ in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1 and len({id(g) for g in got}) == 1


def test_cached_frames_are_handed_out_as_copies_on_write():
    # pandas 3 copies on write: a hit is a shallow copy, as independent as an unpickled one
    # (tests/streamlit_diff/test_agree.py compares the mutations with Streamlit's), made at
    # once instead of unpickling the whole frame on every rerun
    np = pytest.importorskip("numpy")
    pd = pytest.importorskip("pandas")
    if int(pd.__version__.split(".")[0]) < 3:
        pytest.skip("copy-on-write is always on from pandas 3")
    calls = []

    @st.cache_data
    def load(n):
        calls.append(n)
        return pd.DataFrame({"x": np.arange(n, dtype=float), "s": [str(i) for i in range(n)]})

    computed = load(1000)
    a, b = load(1000), load(1000)
    assert calls == [1000] and a is not b and a is not computed
    assert np.shares_memory(a["x"].to_numpy(), b["x"].to_numpy())  # nothing copied yet
    a.loc[0, "x"] = -1.0
    computed.loc[1, "x"] = -2.0
    assert not np.shares_memory(a["x"].to_numpy(), b["x"].to_numpy())
    assert load(1000)["x"].iloc[:2].tolist() == [0.0, 1.0] == b["x"].iloc[:2].tolist()

    pl = pytest.importorskip("polars")

    @st.cache_data
    def polars_frame():
        return pl.DataFrame({"x": np.arange(1000, dtype=float)})

    p1, p2 = polars_frame(), polars_frame()
    p1, p2 = polars_frame(), polars_frame()  # (hits)
    assert p1 is not p2
    assert np.shares_memory(p1["x"].to_numpy(), p2["x"].to_numpy())  # cloned, not copied
    p1[0, "x"] = -1.0
    assert polars_frame()[0, "x"] == 0.0 == p2[0, "x"]

    @st.cache_data
    def cells():  # Python objects in the cells: unpickled copies, as before
        return pd.DataFrame({"tags": [["a"], ["b"]]})

    cells()
    cells()["tags"].iloc[0].append("mutated")
    assert cells()["tags"].iloc[0] == ["a"]


def test_a_cached_frame_persists_to_disk(tmp_path, monkeypatch):
    pd = pytest.importorskip("pandas")
    monkeypatch.setenv("HOME", str(tmp_path))

    def make():
        @st.cache_data(persist="disk")
        def frame():
            return pd.DataFrame({"x": [1.5, 2.5]})
        return frame

    frame = make()
    assert frame()["x"].tolist() == [1.5, 2.5]
    frame._cache.clear()  # as after a kernel restart: only the disk has it
    again = make()()
    assert again["x"].tolist() == [1.5, 2.5] and isinstance(again, pd.DataFrame)
