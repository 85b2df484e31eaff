#!/usr/bin/env python3
"""Issue 5's costs: an interaction inside a fragment vs a full rerun, and a cached slow load.

    python benchmarks/fragment_cache_bench.py [--widgets 1000] [--iters 200] [--json OUT]

1. Fragment: an app with N keyed sliders outside a fragment and one slider inside it. We time
   (a) an interaction with the slider inside the fragment (reruns the fragment only) and
   (b) an interaction with a slider outside (a full rerun), both through the core
   (`App.interact`, what every frontend calls) and through `AppTest` (`set_value().run()`).
   Target: (a) costs at most 5% of (b).
2. Cache: an app whose `@st.cache_data` function sleeps 1 s. We time the first run (pays the
   second) and reruns (must not). Target: reruns cost nothing measurable next to the same app
   without the cached call.

Every interaction is checked (the value it set shows in session state), so a run that does
nothing fails instead of looking fast.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time

from nbstate.run import App, Session
from nbstate.testing import AppTest

FRAGMENT_APP = """
import nbstate as st
vals = [st.slider(f"Slider {{i}}", 0, 100, 0, key=f"k{{i}}") for i in range({n})]
st.write(f"sum = {{sum(vals)}}")

@st.fragment
def panel():
    v = st.slider("inside", 0, 100, 0, key="inside")
    st.write(f"inside = {{v}}")

panel()
"""

CACHE_APP = """
import time
import nbstate as st

@st.cache_data
def load():
    time.sleep(1.0)
    return list(range(1000))

data = {call}
n = st.slider("n", 1, 100, 10, key="n")
st.write(f"{{len(data)}} rows, n = {{n}}")
"""


def med(xs: list[float]) -> float:
    return statistics.median(xs) * 1000


def p90(xs: list[float]) -> float:
    xs = sorted(xs)
    return xs[int(0.9 * (len(xs) - 1))] * 1000


def widget_id(tree, key: str) -> str:
    for el in tree.walk():
        if el.key == key and el.id:
            return el.id
    raise KeyError(key)


def bench_fragment(n: int, iters: int) -> dict:
    app = App(FRAGMENT_APP.format(n=n), session=Session())
    tree = app.run()
    inside, outside = widget_id(tree, "inside"), widget_id(tree, "k0")
    store = app.session.store
    frag, full = [], []
    for i in range(iters):
        v = 1 + i % 99
        t0 = time.perf_counter()
        app.interact({inside: v})
        frag.append(time.perf_counter() - t0)
        assert store.values["inside"] == v
        t0 = time.perf_counter()
        app.interact({outside: v})
        full.append(time.perf_counter() - t0)
        assert store.values["k0"] == v
    at = AppTest.from_string(FRAGMENT_APP.format(n=n), default_timeout=600).run()
    at_frag, at_full = [], []
    for i in range(max(10, iters // 5)):
        v = 1 + i % 99
        t0 = time.perf_counter()
        at.slider(key="inside").set_value(v).run()
        at_frag.append(time.perf_counter() - t0)
        assert at.session_state["inside"] == v
        t0 = time.perf_counter()
        at.slider(key="k0").set_value(v).run()
        at_full.append(time.perf_counter() - t0)
        assert at.session_state["k0"] == v
    return {
        "widgets_outside": n,
        "core_fragment_ms": round(med(frag), 4), "core_fragment_p90_ms": round(p90(frag), 4),
        "core_full_ms": round(med(full), 4), "core_full_p90_ms": round(p90(full), 4),
        "core_ratio_pct": round(100 * med(frag) / med(full), 2),
        "apptest_fragment_ms": round(med(at_frag), 4), "apptest_full_ms": round(med(at_full), 4),
        "apptest_ratio_pct": round(100 * med(at_frag) / med(at_full), 2),
    }


def bench_cache(iters: int) -> dict:
    import nbstate as st

    st.cache_data.clear()
    out = {}
    for label, call in (("cached", "load()"), ("no_call", "list(range(1000))")):
        app = App(CACHE_APP.format(call=call), session=Session())
        t0 = time.perf_counter()
        tree = app.run()
        first = time.perf_counter() - t0
        wid = widget_id(tree, "n")
        xs = []
        for i in range(iters):
            v = 1 + i % 99
            t0 = time.perf_counter()
            app.interact({wid: v})
            xs.append(time.perf_counter() - t0)
            assert app.session.store.values["n"] == v
        out[label] = {"first_run_ms": round(first * 1000, 1), "rerun_ms": round(med(xs), 4),
                      "rerun_p90_ms": round(p90(xs), 4)}
    out["cached_extra_per_rerun_ms"] = round(out["cached"]["rerun_ms"]
                                             - out["no_call"]["rerun_ms"], 4)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--widgets", type=int, default=1000)
    ap.add_argument("--iters", type=int, default=200)
    ap.add_argument("--json", help="also write the results to this file")
    args = ap.parse_args(argv)
    res = {"fragment": bench_fragment(args.widgets, args.iters),
           "cache": bench_cache(args.iters)}
    text = json.dumps(res, indent=2)
    print(text)
    if args.json:
        with open(args.json, "w") as f:
            f.write(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
