#!/usr/bin/env python3
"""Kernel-path cost of an interaction inside ``@st.fragment`` vs a full rerun (issue 5).

    python benchmarks/kernel_fragment_bench.py [--widgets 1000] [--blocks 5] [--per-block 20]
    python benchmarks/kernel_fragment_bench.py --results benchmarks/RESULTS.md

A real ipykernel (``nbstate.testing.kernel.KernelSession``) shows the ``%%app`` of
``fragment_cache_bench.FRAGMENT_APP``: N keyed sliders outside a fragment (and their sum), one
slider inside it (and its value). One interaction is the ``update`` message a browser sends
when a slider moves, timed on the client from sending it to the kernel's ``idle`` for it (the
rerun, the reconciliation and every message it caused are done by then):

  fragment        the slider inside the fragment: reruns the fragment only
  full            a slider outside: reruns the whole app
  fragment, no skip (what-if)
                  the fragment interaction with the reconciler's identity skip turned off
                  (each update compares every displayed element again), to show what it saves
  floor           a slider of a second app of one slider in the same kernel: the round trip
                  every interaction pays, whatever the app

The rows take turns in blocks. After each interaction (timer stopped) the shown text is
checked and the ``update`` messages the kernel sent are counted; a fragment interaction must
send exactly one (the fragment's text), and the app's sum must not have been re-rendered.
Target: fragment median <= 5% of the full median; the section also gives both above the floor.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from fragment_cache_bench import FRAGMENT_APP  # noqa: E402

SECTION_START = "<!-- kernel-fragment-bench:start -->"
SECTION_END = "<!-- kernel-fragment-bench:end -->"
RECONCILE = "nbstate.frontends.reconcile"

# what-if: every update forgets that the last pass completed, so nothing is skipped
NO_SKIP = f"""
_View = __import__('{RECONCILE}', fromlist=['_']).View
_View._orig_update = _View.update
def _update_no_skip(self, tree):
    self._trust = False
    return _View._orig_update(self, tree)
_View.update = _update_no_skip
"""
RESTORE = "_View.update = _View._orig_update"


class Row:
    def __init__(self, name: str, slider, check, prepare: str = "", restore: str = ""):
        self.name = name
        self.slider = slider
        self.check = check  # check(value): raises if the app does not show it
        self.prepare = prepare
        self.restore = restore
        self.latencies: list[float] = []
        self.updates: list[int] = []
        self.block_medians: list[float] = []
        self.it = 0

    def interact(self, k, record: bool) -> None:
        self.it += 1
        v = 1 + self.it % 99
        with k.updates_during() as seen:
            t0 = time.perf_counter()
            k.set(self.slider, v)
            t1 = time.perf_counter()
        self.check(v, seen)
        if record:
            self.latencies.append((t1 - t0) * 1000)
            self.updates.append(len(seen))


def bench(n: int, blocks: int, per_block: int, warmup: int) -> dict:
    from nbstate.testing.kernel import KernelSession

    with KernelSession(timeout=300) as k:
        k.execute("%load_ext nbstate")
        t0 = time.perf_counter()
        k.execute("%%app fragbench\n" + FRAGMENT_APP.format(n=n))
        first_ms = (time.perf_counter() - t0) * 1000
        root = k.app()
        sliders = k.find_all(within=root, name="IntSlider")
        if len(sliders) != n + 1:
            raise AssertionError(f"found {len(sliders)} IntSliders, expected {n + 1}")
        inside, outside = sliders[-1], sliders[0]
        texts = [m for m in root.walk() if m.name == "HTML"]
        sum_model = next(m for m in texts if "sum = " in m.value)
        inside_model = next(m for m in texts if "inside = " in m.value)

        def check_inside(v: int, seen: list[dict]) -> None:
            if f"inside = {v}" not in inside_model.value:
                raise AssertionError(f"fragment shows {inside_model.value!r}, expected {v}")
            if [u["model"] for u in seen] != [inside_model]:
                raise AssertionError(f"a fragment interaction sent {len(seen)} updates "
                                     f"to {[u['model'] for u in seen]}")

        def check_outside(v: int, seen: list[dict]) -> None:
            if f"sum = {v}" not in sum_model.value:
                raise AssertionError(f"app shows {sum_model.value!r}, expected sum = {v}")

        # the floor: the same round trip for an app of one slider (no fragment)
        k.execute("%%app floorbench\nimport nbstate as st\n"
                  "st.write(f'floor = {st.slider(\"floor\", 0, 100, 0)}')")
        floor_root = k.app()
        floor_slider = k.find(within=floor_root, name="IntSlider")
        floor_text = next(m for m in floor_root.walk() if m.name == "HTML")

        def check_floor(v: int, seen: list[dict]) -> None:
            if f"floor = {v}" not in floor_text.value:
                raise AssertionError(f"floor app shows {floor_text.value!r}, expected {v}")

        rows = [Row("fragment", inside, check_inside),
                Row("full", outside, check_outside),
                Row("fragment, no skip (what-if)", inside, check_inside, NO_SKIP, RESTORE),
                Row("floor: an app of one slider", floor_slider, check_floor)]
        for rnd in range(1 + blocks):  # a warm-up round, then the timed blocks
            for r in rows:
                if r.prepare:
                    k.execute(r.prepare)
                start = len(r.latencies)
                for _ in range(per_block if rnd else warmup):
                    r.interact(k, record=rnd > 0)
                if rnd:
                    r.block_medians.append(statistics.median(r.latencies[start:]))
                if r.restore:
                    k.execute(r.restore)
        runs = k.eval("__import__('nbstate.frontends.ipy', fromlist=['_'])"
                      ".live_apps()['fragbench'].reruns")
        if runs != sum(r.it for r in rows[:3]):
            raise AssertionError(f"{runs} reruns for {sum(r.it for r in rows[:3])} updates")
        versions = k.eval("tuple(__import__(m).__version__ for m in "
                          "('ipykernel', 'ipywidgets'))")
    out = {"n": n, "first_display_ms": round(first_ms), "versions": versions, "rows": {}}
    for r in rows:
        lat = sorted(r.latencies)
        out["rows"][r.name] = {
            "median_ms": statistics.median(lat),
            "p90_ms": lat[int(0.9 * (len(lat) - 1))],
            "block_medians_ms": r.block_medians,
            "updates": statistics.median(r.updates),
            "iters": len(lat),
        }
    return out


def section(res: dict, args: argparse.Namespace, minutes: float) -> str:
    rows = res["rows"]
    frag, full = rows["fragment"]["median_ms"], rows["full"]["median_ms"]
    noskip = rows["fragment, no skip (what-if)"]["median_ms"]
    floor = rows["floor: an app of one slider"]["median_ms"]
    when = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        SECTION_START,
        "## Kernel path: an interaction inside `@st.fragment` vs a full rerun (issue 5)",
        "",
        f"Produced by `python benchmarks/kernel_fragment_bench.py --results "
        f"benchmarks/RESULTS.md` on {when} ({minutes:.1f} min; ipykernel {res['versions'][0]},"
        f" ipywidgets {res['versions'][1]}). A real ipykernel shows the `%%app` of "
        f"`fragment_cache_bench.FRAGMENT_APP` with N = {res['n']} keyed sliders outside a "
        "fragment and one inside it; one interaction = one slider `update` message, timed on "
        "the client until the kernel's `idle` for it. `fragment` moves the slider inside (only "
        "the fragment reruns), `full` a slider outside (the whole app reruns), `floor` the slider "
        "of a one-slider app in the same kernel. The what-if row "
        "is the fragment interaction with the reconciler's identity skip turned off (every "
        "displayed element compared again). The rows take turns in blocks of "
        f"{args.per_block}, {args.blocks} blocks each; after each interaction the shown text is "
        "checked, a fragment interaction must send exactly one `update` (the fragment's text), "
        "and at the end the app must have rerun once per update.",
        "",
        "| N | interaction | median (ms) | p90 (ms) | block medians min..max (ms) | updates | iters |",
        "|---:|---|---:|---:|---:|---:|---:|",
    ]
    for name, r in rows.items():
        b = r["block_medians_ms"]
        lines.append(f"| {res['n']} | {name} | {r['median_ms']:.2f} | {r['p90_ms']:.2f} | "
                     f"{min(b):.2f}..{max(b):.2f} | {r['updates']:g} | {r['iters']} |")
    lines += [
        "",
        f"fragment / full: **{frag / full:.1%}** (target: at most 5%). Most of what is left is "
        f"the floor, the round trip of any interaction (message in, rerun of a one-slider app, "
        f"message out, idle) at {floor:.2f} ms; above it the fragment interaction costs "
        f"{max(frag - floor, 0):.2f} ms against {full - floor:.2f} ms for the full rerun "
        f"(**{max(frag - floor, 0) / (full - floor):.1%}**). Without the reconciler's skip the "
        f"fragment interaction costs {noskip / full:.1%} of the full rerun. First display of the "
        f"1000-slider app: {res['first_display_ms']} ms.",
        SECTION_END,
    ]
    return "\n".join(lines) + "\n"


def write_results(path: Path, text: str) -> None:
    old = path.read_text() if path.exists() else ""
    if SECTION_START in old and SECTION_END in old:
        a = old.index(SECTION_START)
        b = old.index(SECTION_END) + len(SECTION_END)
        new = old[:a] + text.rstrip("\n") + old[b:]
    else:
        new = old.rstrip("\n") + "\n\n" + text
    path.write_text(new)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--widgets", type=int, default=1000)
    p.add_argument("--blocks", type=int, default=5)
    p.add_argument("--per-block", type=int, default=20)
    p.add_argument("--warmup", type=int, default=5)
    p.add_argument("--results", type=Path, help="add/replace this benchmark's section here")
    args = p.parse_args(argv)
    t0 = time.perf_counter()
    res = bench(args.widgets, args.blocks, args.per_block, args.warmup)
    text = section(res, args, (time.perf_counter() - t0) / 60)
    print(text)
    if args.results:
        write_results(args.results, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
