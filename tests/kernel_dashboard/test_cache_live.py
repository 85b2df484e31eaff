"""st.cache_data / st.cache_resource in a live kernel: a slow load is done once, not on each
rerun, and not again when the cell is executed again."""

from __future__ import annotations

CACHE_APP = """
import time

@st.cache_data
def load(rows):
    st.session_state["loads"] = st.session_state.get("loads", 0) + 1
    time.sleep(0.2)  # a slow load
    return pd.DataFrame({"n": range(rows)})

@st.cache_resource
def connection():
    st.session_state["connects"] = st.session_state.get("connects", 0) + 1
    return object()

rows = st.select_slider("Rows", [10, 20, 30], 10, key="cache_rows")
df = load(rows)
df["n"] = -1  # callers get their own copy: the cached frame stays as it was
conn = connection()
st.session_state.setdefault("conn_ids", set()).add(id(conn))
st.write(f"{len(df)} rows, loads={st.session_state.loads}")
st.button("Rerun", key="cache_rerun")
"""


def test_cached_load_is_not_redone_on_reruns(kernel, app, state):
    root = app(CACHE_APP, cell_id="cache-cell")
    assert "10 rows, loads=1" in kernel.text(root)
    rerun = kernel.find(description="Rerun", within=root)
    for _ in range(3):
        kernel.click(rerun)
    assert state("loads") == 1 and "10 rows, loads=1" in kernel.text(root)

    rows = kernel.find(description="Rows", within=root)
    kernel.set(rows, 1)  # new argument: one more load
    assert "20 rows, loads=2" in kernel.text(root)
    kernel.set(rows, 0)  # back to the first: cached
    assert "10 rows, loads=2" in kernel.text(root)
    # executing the cell again keeps the cache (the function's code did not change)
    root = app(CACHE_APP, cell_id="cache-cell")
    assert "10 rows, loads=2" in kernel.text(root)
    assert state("connects") == 1
    assert kernel.eval("len(__import__('nbstate').session_state['conn_ids'])") == 1
    # the copy handed out was changed by the app, the cached value was not
    assert kernel.eval("int(load(10)['n'].sum())") == 45
    # handed out as copies on write (pandas 3): two hits share the data until one writes
    assert kernel.eval("__import__('numpy').shares_memory(load(10)['n'].to_numpy(), "
                       "load(10)['n'].to_numpy())")


def test_clearing_the_cache_loads_again(kernel, app, state):
    root = app("""
    @st.cache_data
    def slow_square(x):
        st.session_state["squares"] = st.session_state.get("squares", 0) + 1
        return x * x

    if st.button("Clear", key="sq_clear"):
        slow_square.clear()
    st.write(f"{slow_square(7)} computed {st.session_state.squares}x")
    """)
    assert "49 computed 1x" in kernel.text(root)
    kernel.click(kernel.find(description="Clear", within=root))
    assert "49 computed 2x" in kernel.text(root)


def test_a_cache_miss_in_a_slow_app_shows_a_spinner_while_it_computes(kernel, app):
    root = app("""
    import time

    @st.cache_data
    def crunch(n):
        time.sleep(0.3)
        return n * 2

    n = st.number_input("N", 0, 100, 1, key="crunch_n")
    st.write(f"crunched {crunch(n)}")
    """)
    number = kernel.find(description="N", within=root)
    kernel.set(number, 2)  # a miss: slow, so the next rerun shows its progress
    before = set(kernel.models)
    kernel.set(number, 3)  # another miss
    opened = [kernel.models[c] for c in set(kernel.models) - before]
    spinners = [m for m in opened if "nbstate-spinner" in str(m.get("value", ""))]
    assert spinners and "Running `crunch(...)`." in spinners[0]["value"]
    assert all(m.closed for m in spinners) and "crunched 6" in kernel.text(root)
    before = set(kernel.models)
    kernel.set(number, 2)  # a hit: no spinner
    assert [m for m in (kernel.models[c] for c in set(kernel.models) - before)
            if "nbstate-spinner" in str(m.get("value", ""))] == []
