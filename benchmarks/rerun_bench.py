#!/usr/bin/env python3
"""Rerun-latency anchors for nbstate, measured against Streamlit's AppTest and two floors.

One process measures one configuration and prints one JSON line:

    python rerun_bench.py --impl streamlit --widgets 100 --variant slider

--impl
  streamlit  streamlit.testing.v1.AppTest.from_string(script) with `import streamlit as st`
  nbstate    nbstate.testing.AppTest.from_string(script) with `import nbstate as st`; the
             same calls as streamlit (from_string, run, slider[i].set_value(v).run(),
             button[i].click().run(), session_state). Fails cleanly until nbstate exists.
  bare       exec() of the *same* script text against a trivial stub module whose widget
             functions return the session-state value or the default: the floor for
             executing the script's Python once per rerun (bytecode compiled once).
  interact   ipywidgets.interactive over N IntSliders, in-process, no kernel (comm is
             DummyComm): widgets are built once, each value change calls f(**values).

--variant
  slider     N keyed sliders + three st.write()s of their values; an interaction is
             "set one slider to a new value, then rerun".
  button     the same N sliders plus st.button(on_click=cb) whose callback increments
             st.session_state["count"]; an interaction is "click, then rerun".

Every interaction is checked after its timer stops (session_state["_total"] or the
counter must have the expected value), so a run that silently does nothing fails; at the
end the AppTest's tree must also show the expected sum (and count).

benchmarks/run_all.py runs the whole matrix, one process per configuration, and writes
benchmarks/RESULTS.md.

Timings: first_run_ms is the initial run (AppTest.run() / first exec / widget build).
Per interaction we report median/p90/mean/min of the whole interaction ("total":
widget lookup + set_value/click + run) and of the rerun alone ("run"). RSS: ru_maxrss
after imports and at the end (peak), in MiB.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import sys
import time
import types

STUB_MODULE = "_nbbench_stub_st"


# --------------------------------------------------------------------------------------
# The app script (identical text for streamlit / nbstate / bare, only the import differs)
# --------------------------------------------------------------------------------------


def build_script(n: int, variant: str, module: str) -> str:
    lines = [
        f"import {module} as st",
        "",
        f"N = {n}",
        "vals = []",
        "for i in range(N):",
        '    vals.append(st.slider(f"Slider {i}", min_value=0, max_value=100, value=0, key=f"k{i}"))',
        "total = sum(vals)",
        'st.session_state["_total"] = total',
        'st.write(f"sum = {total}")',
        'st.write(f"max = {max(vals)}")',
        'st.write(f"nonzero = {sum(1 for v in vals if v)}")',
    ]
    if variant == "button":
        lines += [
            "",
            'if "count" not in st.session_state:',
            '    st.session_state["count"] = 0',
            "",
            "def _inc():",
            '    st.session_state["count"] += 1',
            "",
            'st.button("Increment", key="inc", on_click=_inc)',
            "st.write(f\"count = {st.session_state['count']}\")",
        ]
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------


def maxrss_mib() -> float:
    # Linux: ru_maxrss is in KiB
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def cur_rss_mib() -> float:
    try:
        with open("/proc/self/statm") as f:
            pages = int(f.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / (1024.0 * 1024.0)
    except OSError:
        return float("nan")


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    if not xs:
        return float("nan")
    k = (len(xs) - 1) * p
    lo = int(k)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def summarize(xs_s: list[float]) -> dict:
    ms = [x * 1000.0 for x in xs_s]
    return {
        "median_ms": round(statistics.median(ms), 4),
        "p90_ms": round(pct(ms, 0.90), 4),
        "mean_ms": round(statistics.fmean(ms), 4),
        "min_ms": round(min(ms), 4),
        "max_ms": round(max(ms), 4),
    }


class IterPlan:
    """Run at least min_iters and at least min_time seconds, at most max_iters."""

    def __init__(self, args):
        self.fixed = args.iters
        self.min_iters = args.min_iters
        self.max_iters = args.max_iters
        self.min_time = args.min_time

    def keep_going(self, done: int, elapsed: float) -> bool:
        if self.fixed:
            return done < self.fixed
        if done < self.min_iters:
            return True
        if done >= self.max_iters:
            return False
        return elapsed < self.min_time


def slider_value(it: int) -> int:
    # 1..99, never the default 0 and never equal to the previous value of the same slider
    return 1 + (it % 99)


def pick_slider(it: int, expected: list[int]) -> tuple[int, int]:
    """The slider to move at interaction ``it`` and a new value for it (never its current one)."""
    n = len(expected)
    j = it % n
    v = slider_value(it // n + j)
    if v == expected[j]:
        v = 1 + (v % 99)
    return j, v


def measure(args, plan: IterPlan, one) -> dict:
    """Warm up, then time interactions until the plan says stop.

    ``one(it)`` performs interaction ``it``, checks its outcome after the timer stopped, and
    returns three perf_counter() stamps: before finding the widget, before the rerun, after.
    """
    totals: list[float] = []
    runs: list[float] = []
    for it in range(args.warmup):
        one(it)
    it = args.warmup
    start = time.perf_counter()
    while plan.keep_going(len(runs), time.perf_counter() - start):
        t_a, t_b, t_c = one(it)
        totals.append(t_c - t_a)
        runs.append(t_c - t_b)
        it += 1
    return {"total": summarize(totals), "run": summarize(runs), "iters": len(runs)}


# --------------------------------------------------------------------------------------
# AppTest implementations (streamlit and, later, nbstate)
# --------------------------------------------------------------------------------------


def load_apptest(impl: str):
    if impl == "streamlit":
        from streamlit.testing.v1 import AppTest  # noqa: WPS433

        return AppTest, "streamlit"
    if impl == "nbstate":
        from nbstate.testing import AppTest  # noqa: WPS433

        return AppTest, "nbstate"
    raise ValueError(impl)


def make_apptest(AppTest, script: str, timeout: float):
    # Streamlit's from_string takes default_timeout (default 3 s, too short for N=1000 on
    # 2 cores); nbstate mirrors that signature, but fall back if it does not take it.
    try:
        return AppTest.from_string(script, default_timeout=timeout)
    except TypeError:
        return AppTest.from_string(script)


def run_apptest(args, plan: IterPlan) -> dict:
    AppTest, module = load_apptest(args.impl)
    if args.st_option:
        # e.g. --st-option browser.gatherUsageStats=false (streamlit only)
        from streamlit import config as st_config

        for kv in args.st_option:
            k, v = kv.split("=", 1)
            val = {"true": True, "false": False}.get(v.lower(), v)
            st_config.set_option(k, val)
    rss_import = maxrss_mib()
    script = build_script(args.widgets, args.variant, module)
    n = args.widgets

    at = make_apptest(AppTest, script, args.timeout)
    t0 = time.perf_counter()
    at.run()
    first = time.perf_counter() - t0
    check_no_exception(at)
    assert at.session_state["_total"] == 0, "initial total should be 0"

    expected = [0] * n
    count = 0

    def one(it: int):
        nonlocal count
        if args.variant == "slider":
            j, v = pick_slider(it, expected)
            t_a = time.perf_counter()
            w = at.slider[j].set_value(v)
            t_b = time.perf_counter()
            w.run()
            t_c = time.perf_counter()
            expected[j] = v
            got = at.session_state["_total"]
            if got != sum(expected):
                raise AssertionError(f"it={it}: _total={got}, expected {sum(expected)}")
        else:
            t_a = time.perf_counter()
            w = at.button[0].click()
            t_b = time.perf_counter()
            w.run()
            t_c = time.perf_counter()
            count += 1
            got = at.session_state["count"]
            if got != count:
                raise AssertionError(f"it={it}: count={got}, expected {count}")
        return t_a, t_b, t_c

    timings = measure(args, plan, one)
    check_no_exception(at)
    check_displayed(at, sum(expected), count if args.variant == "button" else None)
    return {
        "first_run_ms": round(first * 1000, 3),
        "rss_after_import_mib": round(rss_import, 1),
        **timings,
    }


def check_displayed(at, total: int, count: int | None) -> None:
    """The last run's tree shows what the script wrote (not only session_state is right)."""
    bodies = [m.value for m in at.markdown]
    want = [f"sum = {total}"] + ([f"count = {count}"] if count is not None else [])
    missing = [w for w in want if w not in bodies]
    if missing:
        raise AssertionError(f"displayed markdown {bodies[:5]} lacks {missing}")


def check_no_exception(at) -> None:
    exc = getattr(at, "exception", None)
    if exc is not None and len(exc):
        raise RuntimeError(f"app raised: {[getattr(e, 'value', e) for e in exc]}")


# --------------------------------------------------------------------------------------
# bare floor: exec() the same script against a stub module
# --------------------------------------------------------------------------------------


def make_stub() -> types.ModuleType:
    m = types.ModuleType(STUB_MODULE)
    m.session_state = {}
    m._out = []
    m._callbacks = {}
    m._clicked = None

    def slider(label, min_value=None, max_value=None, value=None, step=None, key=None, **kw):
        return m.session_state.get(key, value)

    def button(label, key=None, on_click=None, **kw):
        if on_click is not None:
            m._callbacks[key] = on_click
        return m._clicked == key

    def write(*a, **kw):
        m._out.append(a)

    m.slider = slider
    m.button = button
    m.write = write
    return m


def run_bare(args, plan: IterPlan) -> dict:
    st = make_stub()
    sys.modules[STUB_MODULE] = st
    rss_import = maxrss_mib()
    script = build_script(args.widgets, args.variant, STUB_MODULE)
    n = args.widgets

    t0 = time.perf_counter()
    code = compile(script, "<bench-app>", "exec")
    compile_s = time.perf_counter() - t0

    def rerun():
        st._out.clear()
        exec(code, {"__name__": "__main__"})

    t0 = time.perf_counter()
    rerun()
    first = time.perf_counter() - t0
    assert st.session_state["_total"] == 0

    expected = [0] * n
    count = 0

    def one(it: int):
        nonlocal count
        if args.variant == "slider":
            j, v = pick_slider(it, expected)
            t_a = time.perf_counter()
            st.session_state[f"k{j}"] = v
            t_b = time.perf_counter()
            rerun()
            t_c = time.perf_counter()
            expected[j] = v
            if st.session_state["_total"] != sum(expected):
                raise AssertionError("bare: wrong total")
        else:
            t_a = time.perf_counter()
            st._clicked = "inc"
            t_b = time.perf_counter()
            st._callbacks["inc"]()  # callbacks run before the script, as in Streamlit
            rerun()
            st._clicked = None
            t_c = time.perf_counter()
            count += 1
            if st.session_state["count"] != count:
                raise AssertionError("bare: wrong count")
        return t_a, t_b, t_c

    timings = measure(args, plan, one)
    return {
        "first_run_ms": round(first * 1000, 4),
        "compile_ms": round(compile_s * 1000, 4),
        "rss_after_import_mib": round(rss_import, 1),
        **timings,
    }


# --------------------------------------------------------------------------------------
# interact floor: ipywidgets.interactive, no kernel
# --------------------------------------------------------------------------------------


def run_interact(args, plan: IterPlan) -> dict:
    import ipywidgets as W

    rss_import = maxrss_mib()
    n = args.widgets
    state = {"count": 0, "_total": 0}

    # interactive() prints ANSI clear codes to stdout when there is no kernel; keep the
    # JSON stdout clean (the write to devnull stays inside the measured path).
    real_stdout = sys.stdout
    sys.stdout = open(os.devnull, "w")
    try:
        t0 = time.perf_counter()
        sliders = [
            W.IntSlider(value=0, min=0, max=100, description=f"Slider {i}") for i in range(n)
        ]
        labels = [W.Label() for _ in range(4 if args.variant == "button" else 3)]

        def f(**kw):
            vals = list(kw.values())
            total = sum(vals)
            state["_total"] = total
            labels[0].value = f"sum = {total}"
            labels[1].value = f"max = {max(vals)}"
            labels[2].value = f"nonzero = {sum(1 for v in vals if v)}"
            if args.variant == "button":
                labels[3].value = f"count = {state['count']}"

        ui = W.interactive(f, **{f"k{i}": s for i, s in enumerate(sliders)})
        if args.variant == "button":
            btn = W.Button(description="Increment")

            def on_click(_b):
                state["count"] += 1
                ui.update()  # the "rerun": re-read all N values and call f

            btn.on_click(on_click)
            app = W.VBox([ui, btn, *labels])
        else:
            app = W.VBox([ui, *labels])
        first = time.perf_counter() - t0
        assert state["_total"] == 0

        expected = [0] * n
        count = 0

        def one(it: int):
            nonlocal count
            if args.variant == "slider":
                j, v = pick_slider(it, expected)
                t_a = time.perf_counter()
                s = sliders[j]
                t_b = time.perf_counter()
                s.value = v  # observe -> interactive.update -> f(**values)
                t_c = time.perf_counter()
                expected[j] = v
                if state["_total"] != sum(expected):
                    raise AssertionError("interact: wrong total")
            else:
                t_a = time.perf_counter()
                b = btn
                t_b = time.perf_counter()
                b.click()
                t_c = time.perf_counter()
                count += 1
                if state["count"] != count or labels[3].value != f"count = {count}":
                    raise AssertionError("interact: wrong count")
            return t_a, t_b, t_c

        timings = measure(args, plan, one)
    finally:
        sys.stdout.close()
        sys.stdout = real_stdout
    del app
    return {
        "first_run_ms": round(first * 1000, 4),
        "rss_after_import_mib": round(rss_import, 1),
        **timings,
    }


# --------------------------------------------------------------------------------------


def versions(impl: str) -> dict:
    out = {"python": platform.python_version()}
    from importlib import metadata

    for pkg in ("streamlit", "ipywidgets", "ipykernel", "comm", "protobuf", "nbstate"):
        try:
            out[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            pass
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--impl", required=True, choices=["streamlit", "nbstate", "bare", "interact"])
    ap.add_argument("--widgets", "-n", type=int, required=True)
    ap.add_argument("--variant", choices=["slider", "button"], default="slider")
    ap.add_argument(
        "--iters", type=int, default=0, help="fixed number of timed interactions (0 = adaptive)"
    )
    ap.add_argument("--min-iters", type=int, default=30)
    ap.add_argument("--max-iters", type=int, default=2000)
    ap.add_argument(
        "--min-time",
        type=float,
        default=3.0,
        help="adaptive: keep timing at least this many seconds",
    )
    ap.add_argument("--warmup", type=int, default=5)
    ap.add_argument(
        "--timeout", type=float, default=600.0, help="AppTest default_timeout per run (s)"
    )
    ap.add_argument(
        "--st-option",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="streamlit config option set before the AppTest is built (repeatable), "
        "e.g. browser.gatherUsageStats=false",
    )
    ap.add_argument("--rep", type=int, default=0, help="repetition index, recorded only")
    ap.add_argument("--out", help="append the JSON line to this file too")
    ap.add_argument("--print-script", action="store_true", help="print the app script and exit")
    args = ap.parse_args(argv)
    if args.widgets < 1:
        ap.error("--widgets must be >= 1")

    if args.print_script:
        mod = {"streamlit": "streamlit", "nbstate": "nbstate", "bare": STUB_MODULE}.get(
            args.impl, "streamlit"
        )
        sys.stdout.write(build_script(args.widgets, args.variant, mod))
        return 0

    rec = {
        "impl": args.impl + "".join(f"[{o}]" for o in args.st_option),
        "variant": args.variant,
        "widgets": args.widgets,
        "rep": args.rep,
        "cpus": os.cpu_count(),
        "machine": platform.machine(),
    }
    plan = IterPlan(args)
    rc = 0
    try:
        if args.impl in ("streamlit", "nbstate"):
            res = run_apptest(args, plan)
        elif args.impl == "bare":
            res = run_bare(args, plan)
        else:
            res = run_interact(args, plan)
        rec.update(res)
    except Exception as e:
        rec["error"] = f"{type(e).__name__}: {e}"
        rc = 2
    rec["rss_peak_mib"] = round(maxrss_mib(), 1)
    rec["rss_end_mib"] = round(cur_rss_mib(), 1)
    rec["versions"] = versions(args.impl)
    line = json.dumps(rec, sort_keys=False)
    print(line, flush=True)
    if args.out:
        with open(args.out, "a") as f:
            f.write(line + "\n")
    return rc


if __name__ == "__main__":
    sys.exit(main())
