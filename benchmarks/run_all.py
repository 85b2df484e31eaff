#!/usr/bin/env python3
"""Run the rerun-latency matrix and write benchmarks/RESULTS.md.

Every configuration (implementation x variant x N) runs in its own subprocess of
``rerun_bench.py`` (so imports, caches and peak RSS do not leak between them), a few
repetitions each. Repetitions are the outer loop, so slow drift on a shared machine is spread
over all configurations instead of landing on one. Per configuration the table gives the
median over repetitions of the per-repetition medians (and p90s), the spread of those medians,
the first run, and the peak RSS.

    python benchmarks/run_all.py            # full run: 5 repetitions, ~8 min on 2 cores
    python benchmarks/run_all.py --quick    # 1 repetition, short timing windows, ~1-2 min

The raw JSON lines go to benchmarks/out/ (git-ignored).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shlex
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCH = HERE / "rerun_bench.py"

STREAMLIT_NO_STATS = "streamlit[browser.gatherUsageStats=false]"
# (label used in the table, rerun_bench arguments)
IMPLS: dict[str, list[str]] = {
    "nbstate": ["--impl", "nbstate"],
    "streamlit": ["--impl", "streamlit"],
    STREAMLIT_NO_STATS: ["--impl", "streamlit", "--st-option", "browser.gatherUsageStats=false"],
    "bare": ["--impl", "bare"],
    "interact": ["--impl", "interact"],
}
VARIANTS = ("slider", "button")
NS = (1, 10, 100, 1000)

# other benchmarks (kernel_bench.py, kernel_fragment_bench.py, fragment_cache_bench.py,
# soak.py) keep their own sections in the same RESULTS.md between such markers
SECTION = re.compile(r"<!-- ([\w-]+):start -->.*?<!-- \1:end -->", re.S)

# targets of the issue
TARGET_VS_STREAMLIT = 10.0  # nbstate at least this many times faster, at every N
TARGET_VS_BARE = 20.0  # at N = 1000, nbstate within this factor of the bare exec floor


def run_one(impl: str, variant: str, n: int, rep: int, args: argparse.Namespace) -> dict:
    cmd = [
        sys.executable,
        str(BENCH),
        *IMPLS[impl],
        "--variant",
        variant,
        "--widgets",
        str(n),
        "--rep",
        str(rep),
        "--min-time",
        str(args.min_time),
        "--min-iters",
        str(args.min_iters),
        "--max-iters",
        str(args.max_iters),
        "--warmup",
        str(args.warmup),
    ]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=args.timeout)
    wall = time.perf_counter() - t0
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if not lines:
        rec = {
            "impl": impl,
            "variant": variant,
            "widgets": n,
            "rep": rep,
            "error": f"no JSON (rc={proc.returncode}): {proc.stderr.strip()[-500:]}",
        }
    else:
        rec = json.loads(lines[-1])
    rec["impl"] = impl
    rec["wall_s"] = round(wall, 2)
    return rec


def aggregate(recs: list[dict]) -> dict:
    ok = [r for r in recs if "error" not in r]
    if not ok:
        return {"error": recs[0].get("error", "?") if recs else "not run"}

    def med(path: tuple[str, ...]) -> float:
        vals = []
        for r in ok:
            v = r
            for p in path:
                v = v[p]
            vals.append(v)
        return statistics.median(vals)

    run_meds = [r["run"]["median_ms"] for r in ok]
    return {
        "run_median": med(("run", "median_ms")),
        "run_p90": med(("run", "p90_ms")),
        "run_min": min(r["run"]["min_ms"] for r in ok),
        "run_spread": (min(run_meds), max(run_meds)),
        "total_median": med(("total", "median_ms")),
        "total_p90": med(("total", "p90_ms")),
        "first_run": med(("first_run_ms",)),
        "rss_peak": max(r["rss_peak_mib"] for r in ok),
        "iters": sorted(r["iters"] for r in ok),
        "reps": len(ok),
        "errors": [r["error"] for r in recs if "error" in r],
    }


def fmt(x: float) -> str:
    """Three significant digits, no scientific notation."""
    if x != x:  # nan
        return "–"
    if x >= 100:
        return f"{x:.0f}"
    if x >= 10:
        return f"{x:.1f}"
    if x >= 1:
        return f"{x:.2f}"
    if x >= 0.1:
        return f"{x:.3f}"
    return f"{x:.4f}"


def machine_info(sample: dict | None) -> list[str]:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    vers = (sample or {}).get("versions", {})
    pkgs = ", ".join(f"{k} {v}" for k, v in vers.items() if k != "python")
    return [
        f"- CPU: {os.cpu_count()} cores ({cpu or platform.processor() or platform.machine()}), "
        f"{platform.system()} {platform.release()}",
        f"- Python {platform.python_version()} ({platform.python_implementation()})",
        f"- Packages: {pkgs}",
    ]


def ratio_rows(agg: dict, metric: str) -> list[tuple]:
    """(variant, N, nbstate, fastest streamlit, x faster, bare, x bare) for one metric."""
    rows = []
    for variant in VARIANTS:
        for n in NS:
            nb = agg.get(("nbstate", variant, n), {})
            sts = [agg.get((s, variant, n), {}) for s in ("streamlit", STREAMLIT_NO_STATS)]
            sts = [s[metric] for s in sts if metric in s]
            bare = agg.get(("bare", variant, n), {})
            if metric not in nb or not sts or metric not in bare:
                continue
            st = min(sts)
            rows.append(
                (
                    variant,
                    n,
                    nb[metric],
                    st,
                    st / nb[metric],
                    bare[metric],
                    nb[metric] / bare[metric],
                )
            )
    return rows


def write_results(
    path: Path,
    agg: dict,
    recs: list[dict],
    args: argparse.Namespace,
    command: str,
    started: dt.datetime,
    elapsed: float,
    load: tuple[tuple, tuple],
) -> bool | None:
    """Write the file; True if both targets are met, False if not, None if not measured."""
    out: list[str] = []
    w = out.append
    w("# Rerun latency: nbstate vs Streamlit's AppTest and the floors")
    w("")
    w(
        f"Produced by `{command}` on {started:%Y-%m-%d %H:%M} UTC "
        f"({'quick mode, indicative only' if args.quick else 'full run'}; "
        f"{args.reps} repetition(s) per configuration, each in its own process; "
        f"whole run {elapsed / 60:.1f} min)."
    )
    w("")
    w("Machine:")
    w("")
    out.extend(
        machine_info(next((r for r in recs if "versions" in r and r["impl"] == "nbstate"), None))
    )
    w(
        f"- Load average (1/5/15 min) at start {load[0][0]:.2f}/{load[0][1]:.2f}/{load[0][2]:.2f}, "
        f"at end {load[1][0]:.2f}/{load[1][1]:.2f}/{load[1][2]:.2f} (other work was running on "
        "the machine if these are well above 0)."
    )
    w("")
    w("What is measured (see `rerun_bench.py`): the same script text for every implementation:")
    w("N keyed `st.slider`s, three `st.write`s of their sum/max/count, and for the `button`")
    w('variant a button whose `on_click` increments a counter. An interaction is "set slider j')
    w('to a new value, rerun" (`slider`) or "click the button, rerun" (`button`). **rerun** is')
    w("`run()` alone (callbacks + script + cleanup + tree); **interaction** adds finding the")
    w("widget (`at.slider[j]`) and `set_value`/`click`. Every interaction is checked after its")
    w("timer stops (session-state total or counter, and the displayed text at the end).")
    w("`bare` is `exec` of the same script against a stub module whose `slider` returns the")
    w("session value (the floor for running the script's Python); `interact` is")
    w("`ipywidgets.interactive` over N `IntSlider`s, no kernel. Streamlit is measured as")
    w("shipped and with `browser.gatherUsageStats=false` (faster); ratios use the faster one.")
    w("")

    # -- targets ----------------------------------------------------------------------
    met_all: bool | None = True
    w("## Targets")
    w("")
    for metric, name in (("run_median", "rerun"), ("total_median", "interaction")):
        rows = ratio_rows(agg, metric)
        if not rows:
            w(f"- {name}: not measured (needs nbstate, streamlit and bare).")
            met_all = None
            continue
        worst_st = min(rows, key=lambda r: r[4])
        ok_st = all(r[4] >= TARGET_VS_STREAMLIT for r in rows) and len(rows) == 2 * len(NS)
        at1000 = [r for r in rows if r[1] == 1000]
        worst_bare = max(at1000, key=lambda r: r[6]) if at1000 else None
        ok_bare = worst_bare is not None and worst_bare[6] <= TARGET_VS_BARE
        if met_all is not None:
            met_all = met_all and ok_st and ok_bare
        w(
            f"- **{name} median, >= {TARGET_VS_STREAMLIT:.0f}x faster than Streamlit's AppTest at "
            f"every N: {'MET' if ok_st else 'NOT MET'}**; smallest factor "
            f"{worst_st[4]:.1f}x ({worst_st[0]}, N = {worst_st[1]})."
        )
        if worst_bare is None:
            w(f"- {name} median at N = 1000 vs bare: not measured.")
        else:
            w(
                f"- **{name} median at N = 1000 within {TARGET_VS_BARE:.0f}x of the bare floor: "
                f"{'MET' if ok_bare else 'NOT MET'}**; worst {worst_bare[6]:.1f}x "
                f"({worst_bare[0]}: {fmt(worst_bare[2])} ms vs {fmt(worst_bare[5])} ms)."
            )
    w("")

    # -- ratios -----------------------------------------------------------------------
    w("## nbstate against Streamlit and the bare floor (medians, ms)")
    w("")
    w(
        "| variant | N | nbstate rerun | Streamlit rerun | x faster | bare rerun | x bare "
        "| nbstate interaction | Streamlit interaction | x faster | x bare |"
    )
    w("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    runs = {(r[0], r[1]): r for r in ratio_rows(agg, "run_median")}
    tots = {(r[0], r[1]): r for r in ratio_rows(agg, "total_median")}
    for key in runs:
        r, t = runs[key], tots.get(key)
        tcols = f"{fmt(t[2])} | {fmt(t[3])} | {t[4]:.1f} | {t[6]:.1f}" if t else "– | – | – | –"
        w(
            f"| {r[0]} | {r[1]} | {fmt(r[2])} | {fmt(r[3])} | {r[4]:.1f} | {fmt(r[5])} | "
            f"{r[6]:.1f} | {tcols} |"
        )
    w("")

    # -- full table -------------------------------------------------------------------
    w("## All configurations")
    w("")
    w('Medians over repetitions of each repetition\'s median (and p90); "spread" is the')
    w("lowest..highest per-repetition rerun median. Peak RSS is `ru_maxrss` of the process,")
    w("the highest over repetitions. First run is the initial `run()` (the widget build for")
    w("`interact`). Min is the fastest single rerun seen: on a busy machine it shows what the")
    w("code costs when it is not preempted.")
    w("")
    w(
        "| impl | variant | N | rerun median (ms) | rerun p90 (ms) | spread (ms) | min (ms) "
        "| interaction median (ms) | first run (ms) | peak RSS (MiB) | reps x iters |"
    )
    w("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for impl in IMPLS:
        for variant in VARIANTS:
            for n in NS:
                a = agg.get((impl, variant, n))
                if a is None:
                    continue
                if "run_median" not in a:
                    w(f"| {impl} | {variant} | {n} | error: {a['error'][:80]} | | | | | | | |")
                    continue
                lo, hi = a["run_spread"]
                it = a["iters"]
                iters = f"{it[0]}" if it[0] == it[-1] else f"{it[0]}–{it[-1]}"
                w(
                    f"| {impl} | {variant} | {n} | {fmt(a['run_median'])} | {fmt(a['run_p90'])} "
                    f"| {fmt(lo)}..{fmt(hi)} | {fmt(a['run_min'])} | {fmt(a['total_median'])} "
                    f"| {fmt(a['first_run'])} "
                    f"| {a['rss_peak']:.1f} | {a['reps']} x {iters} |"
                )
    errors = [r for r in recs if "error" in r]
    if errors:
        w("")
        w("Failed runs:")
        w("")
        for r in errors:
            w(f"- {r['impl']} {r['variant']} N={r['widgets']} rep {r['rep']}: {r['error'][:300]}")
    w("")
    # the other benchmarks' sections in the same file: carry them over
    old = path.read_text() if path.exists() else ""
    for m in SECTION.finditer(old):
        out.extend([m.group(0), ""])
    path.write_text("\n".join(out) + "\n")
    return met_all


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--quick",
        action="store_true",
        help="1 repetition and short timing windows (indicative figures)",
    )
    ap.add_argument("--reps", type=int, help="repetitions per configuration (default 5; 1 quick)")
    ap.add_argument(
        "--min-time",
        type=float,
        help="seconds of timed interactions per process (default 1.5; 0.3 quick)",
    )
    ap.add_argument("--min-iters", type=int, help="default 20; 10 quick")
    ap.add_argument("--max-iters", type=int, default=2000)
    ap.add_argument("--warmup", type=int, default=5)
    ap.add_argument("--timeout", type=float, default=300.0, help="per process (s)")
    ap.add_argument(
        "--impls", default=",".join(IMPLS), help="comma-separated subset of: " + ", ".join(IMPLS)
    )
    ap.add_argument("--results", default=str(HERE / "RESULTS.md"))
    ap.add_argument("--jsonl", help="raw records (default benchmarks/out/rerun-<time>.jsonl)")
    args = ap.parse_args(argv)
    args.reps = args.reps or (1 if args.quick else 5)
    args.min_time = args.min_time if args.min_time is not None else (0.3 if args.quick else 1.5)
    args.min_iters = args.min_iters or (10 if args.quick else 20)
    impls = [i.strip() for i in args.impls.split(",") if i.strip()]
    unknown = set(impls) - set(IMPLS)
    if unknown:
        ap.error(f"unknown impls {sorted(unknown)}")

    started = dt.datetime.now(dt.timezone.utc)
    out_dir = HERE / "out"
    out_dir.mkdir(exist_ok=True)
    jsonl = Path(args.jsonl) if args.jsonl else out_dir / f"rerun-{started:%Y%m%dT%H%M%S}.jsonl"
    command = "python benchmarks/run_all.py" + (
        " " + shlex.join(argv if argv is not None else sys.argv[1:])
        if (argv if argv is not None else sys.argv[1:])
        else ""
    )
    load0 = os.getloadavg()
    t0 = time.perf_counter()
    recs: list[dict] = []
    configs = [(i, v, n) for i in impls for v in VARIANTS for n in NS]
    total = len(configs) * args.reps
    done = 0
    with jsonl.open("w") as f:
        for rep in range(args.reps):
            for impl, variant, n in configs:
                rec = run_one(impl, variant, n, rep, args)
                recs.append(rec)
                f.write(json.dumps(rec) + "\n")
                f.flush()
                done += 1
                shown = rec.get("error") or f"rerun median {rec['run']['median_ms']} ms"
                print(
                    f"[{done}/{total} {time.perf_counter() - t0:6.0f}s] rep {rep} {impl} "
                    f"{variant} N={n}: {shown}",
                    file=sys.stderr,
                    flush=True,
                )
    elapsed = time.perf_counter() - t0
    agg = {}
    for impl, variant, n in configs:
        agg[(impl, variant, n)] = aggregate(
            [r for r in recs if (r["impl"], r["variant"], r["widgets"]) == (impl, variant, n)]
        )
    met = write_results(
        Path(args.results), agg, recs, args, command, started, elapsed, (load0, os.getloadavg())
    )
    verdict = {True: "targets met", False: "targets NOT met", None: "targets not judged"}[met]
    print(f"wrote {args.results} ({verdict}); raw records in {jsonl}", file=sys.stderr)
    return 0 if not any("error" in r for r in recs) else 1


if __name__ == "__main__":
    sys.exit(main())
