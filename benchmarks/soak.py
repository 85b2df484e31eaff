#!/usr/bin/env python3
"""Soak: many reruns of a live app in a real kernel leak no widget, comm or memory.

A real ipykernel (``nbstate.testing.kernel.KernelSession``) shows an app whose widgets
appear, disappear and change labels from one rerun to the next (a 4-step cycle: a slider
whose label alternates, so it is a new widget every rerun; a text input shown half the time;
0 to 3 checkboxes; a selectbox, an expander and a table in some steps; a callback writing
session state). Each rerun is caused as a browser causes it: an ``update`` comm message
setting the "Step" number input, waited on until the kernel is idle.

After ``--warmup`` reruns the kernel's ``len(ipywidgets.Widget.widgets)``, its open comms
(the comm manager's) and its RSS (after ``gc.collect()``) are the baseline; after
``--reruns`` more (a multiple of the cycle, so the same widgets show) they are read again.
The counts must be back at the baseline exactly, the RSS within ``--rss-slack-mib`` (10 MiB).
The browser side is checked too: the models the harness holds open.

    python benchmarks/soak.py                     # 10,000 reruns; prints JSON
    python benchmarks/soak.py --reruns 300 --no-results
    python benchmarks/soak.py --results benchmarks/RESULTS.md   # add/replace its section

Exit status 1 if a count is off or the RSS grew more than the slack.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
START, END = "<!-- soak:start -->", "<!-- soak:end -->"
CYCLE = 4

APP = """%%app soak
import nbstate as st
st.session_state.setdefault("seen", 0)
def seen():
    st.session_state.seen += 1
step = st.number_input("Step", 0, 10**9, 0, key="step", on_change=seen)
phase = step % 4
st.slider(f"Level {phase % 2}", 0, 10, phase, key="level")
if phase in (1, 2):
    st.text_input("Sometimes", key="sometimes")
for i in range(phase):
    st.checkbox(f"Box {i}", key=f"box{i}")
if phase == 3:
    st.selectbox("Options", ["a", "b", "c"], key="options")
    with st.expander("More"):
        st.write({"step": step, "seen": st.session_state.seen})
if phase == 2:
    st.table({"n": list(range(step % 7)), "sq": [i * i for i in range(step % 7)]})
st.write(f"step={step} seen={st.session_state.seen}")
"""

PROBE = """
def _soak_probe():
    import gc, json, ipywidgets
    try:
        from comm import get_comm_manager
        comms = len(get_comm_manager().comms)
    except Exception:
        comms = -1
    gc.collect()
    rss = 0
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1]) * 1024
    return json.dumps({"widgets": len(ipywidgets.Widget.widgets), "comms": comms, "rss": rss})
"""


def probe(k) -> dict:
    out = json.loads(k.eval("_soak_probe()"))
    out["browser_open_models"] = len(k.open_models())
    return out


def soak(k, reruns: int, warmup: int = 200, *, progress: bool = False) -> dict:
    """Run the soak app in the harness's kernel ``k`` (nbstate loaded): ``warmup`` reruns,
    a baseline, ``reruns`` more, the same figures again. Both counts are rounded up to a
    multiple of the app's cycle, so that the same widgets show at both readings."""
    warmup = -(-warmup // CYCLE) * CYCLE
    reruns = -(-reruns // CYCLE) * CYCLE
    k.execute(PROBE)
    k.execute(APP, cell_id="soak-cell")
    root = k.app()
    step = k.find(description="Step", within=root)
    for i in range(1, warmup + 1):
        k.set(step, i)
    assert f"step={warmup} seen={warmup}" in k.text(root), k.text(root)
    base = probe(k)
    t0 = time.perf_counter()
    for i in range(warmup + 1, warmup + reruns + 1):
        k.set(step, i)
        if progress and i % 1000 == 0:
            print(f"  {i - warmup} reruns", file=sys.stderr)
    seconds = time.perf_counter() - t0
    text = k.text(root)
    end = probe(k)
    total = warmup + reruns
    return {
        "reruns": reruns, "warmup": warmup, "seconds": round(seconds, 2),
        "ms_per_rerun": round(1000 * seconds / reruns, 3),
        "baseline": base, "end": end,
        "rss_growth_mib": round((end["rss"] - base["rss"]) / 2**20, 2),
        "shown_ok": f"step={total} seen={total}" in text,
    }


def verdict(r: dict, slack_mib: float) -> list[str]:
    """What is wrong with a soak result (empty: nothing)."""
    bad = []
    for key in ("widgets", "comms", "browser_open_models"):
        if r["end"][key] != r["baseline"][key]:
            bad.append(f"{key}: {r['baseline'][key]} -> {r['end'][key]}")
    if r["rss_growth_mib"] > slack_mib:
        bad.append(f"RSS grew {r['rss_growth_mib']} MiB (slack {slack_mib})")
    if not r["shown_ok"]:
        bad.append("the app did not show the last step")
    return bad


def results_section(r: dict, command: str, slack_mib: float, bad: list[str]) -> str:
    import ipykernel
    import ipywidgets

    b, e = r["baseline"], r["end"]
    when = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return f"""{START}
## Soak: {r['reruns']:,} reruns of a live app (issue 6)

Produced by `{command}` on {when} ({r['seconds'] / 60:.1f} min; ipykernel {ipykernel.__version__}, ipywidgets {ipywidgets.__version__}). A real ipykernel shows `soak.APP`, whose widgets appear, disappear and change labels from one rerun to the next (a label that alternates is a new widget every rerun); each rerun is a browser `update` to its "Step" input, waited on until idle. Baseline after {r['warmup']} warm-up reruns; the end figures after {r['reruns']:,} more (same step of the cycle). RSS read after `gc.collect()`.

| reading | `Widget.widgets` | open comms | models open in the browser | kernel RSS (MiB) |
|---|---:|---:|---:|---:|
| after warm-up | {b['widgets']} | {b['comms']} | {b['browser_open_models']} | {b['rss'] / 2**20:.1f} |
| after {r['reruns']:,} reruns | {e['widgets']} | {e['comms']} | {e['browser_open_models']} | {e['rss'] / 2**20:.1f} |

RSS growth: **{r['rss_growth_mib']} MiB** (allowed: {slack_mib} MiB); {r['ms_per_rerun']} ms per rerun, round trip included. Verdict: {'**pass**' if not bad else '**FAIL**: ' + '; '.join(bad)}.
{END}
"""


def write_results(path: Path, section: str) -> None:
    """Replace this benchmark's section of ``path`` (between its markers), or append it at
    the end; the rest of the file is left as it is (re-read right before writing)."""
    text = path.read_text() if path.exists() else ""
    if START in text and END in text:
        a, b = text.index(START), text.index(END) + len(END)
        text = text[:a] + section.strip() + text[b:]
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text if text.endswith("\n") else text + "\n")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reruns", type=int, default=10_000)
    ap.add_argument("--warmup", type=int, default=200)
    ap.add_argument("--rss-slack-mib", type=float, default=10.0)
    ap.add_argument("--results", type=Path, default=None,
                    help="add or replace the soak section of this Markdown file")
    ap.add_argument("--no-results", action="store_true", help="(the default) print JSON only")
    args = ap.parse_args()

    sys.path.insert(0, str(HERE.parent))
    from nbstate.testing.kernel import KernelSession

    with KernelSession(timeout=120) as k:
        k.execute("%load_ext nbstate")
        r = soak(k, args.reruns, args.warmup, progress=True)
    bad = verdict(r, args.rss_slack_mib)
    r["problems"] = bad
    print(json.dumps(r, indent=2))
    if args.results is not None and not args.no_results:
        command = "python benchmarks/soak.py " + " ".join(sys.argv[1:])
        write_results(args.results, results_section(r, command.strip(), args.rss_slack_mib,
                                                    bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
