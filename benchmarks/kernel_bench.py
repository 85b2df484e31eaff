#!/usr/bin/env python3
"""Kernel-path latency: a frontend update message to the kernel going idle again.

A real ipykernel (started by ``nbstate.testing.kernel.KernelSession`` with jupyter_client)
shows two apps of N sliders and three text outputs (sum, max, how many are non-zero):

  nbstate   the ``%%app`` cell of rerun_bench.build_script(N, "slider"): each update reruns
            the script and the live frontend sends only the traits that changed.
  interact  ``ipywidgets.interactive(f, k0=IntSlider(...), ...)`` with three Labels that f
            updates: the plain ipywidgets way, in the same kernel.

An interaction is what a browser sends when one slider moves: a ``comm_msg`` ``update`` with
the new value. It is timed from sending it to the kernel's ``idle`` status for it (the rerun,
and every message it caused, is done by then), on the client's clock. After each one (timer
stopped) the shown sum must be the expected one, and the ``update`` messages the kernel sent
meanwhile are counted (``echo_update`` replies to the sender are not counted); at the end the
nbstate app must have rerun exactly once per update. A third, what-if row drives the same
nbstate app with ``nbstate.frontends.ipy.BURST_GAP_MS`` set to 0 during its blocks: the
frontend's wait for a burst's next update, which an isolated update should not pay (a gap
between the two nbstate rows says it does). The two apps
take turns in blocks, so drift on a shared machine hits both.

    python benchmarks/kernel_bench.py                  # N = 1, 10, 100; writes out/kernel-*.json
    python benchmarks/kernel_bench.py --quick
    python benchmarks/kernel_bench.py --results benchmarks/RESULTS.md   # add/replace its table

Each N runs in a fresh kernel.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from rerun_bench import build_script, pct, pick_slider  # noqa: E402

# run_all.py carries every section marked like this over when it rewrites RESULTS.md
SECTION_START = "<!-- kernel-bench:start -->"
SECTION_END = "<!-- kernel-bench:end -->"

IPY = "nbstate.frontends.ipy"

INTERACT_CELL = """
import ipywidgets as W
from IPython.display import display
_sl = [W.IntSlider(value=0, min=0, max=100, description=f"Slider {{i}}") for i in range({n})]
_lb = [W.Label() for _ in range(3)]

def _f(**kw):
    vals = list(kw.values())
    total = sum(vals)
    _lb[0].value = f"sum = {{total}}"
    _lb[1].value = f"max = {{max(vals)}}"
    _lb[2].value = f"nonzero = {{sum(1 for v in vals if v)}}"

_ui = W.interactive(_f, **{{f"k{{i}}": s for i, s in enumerate(_sl)}})
display(W.VBox([_ui, *_lb]))
"""


#: the three text elements of the benchmark app, by their first words
SHOWN = ("sum = ", "max = ", "nonzero = ")


class Target:
    """One app in the kernel: its sliders, how to read its shown sum, and its samples."""

    def __init__(
        self,
        name: str,
        sliders: list,
        read_sum,
        first_ms: float,
        *,
        expected: list[int] | None = None,
        prepare: str = "",
        restore: str = "",
        read_shown=None,
    ) -> None:
        self.name = name
        self.sliders = sliders
        self.read_sum = read_sum
        self.first_ms = first_ms
        # shared with another Target that drives the same app in another configuration
        self.expected = expected if expected is not None else [0] * len(sliders)
        # kernel code run (untimed) before and after each of this target's blocks
        self.prepare = prepare
        self.restore = restore
        # nbstate: the app's shown lines, to check that it sends one update message per
        # element whose displayed content changed, and none for the others
        self.read_shown = read_shown
        self.latencies: list[float] = []
        self.updates: list[int] = []
        self.block_medians: list[float] = []
        self.it = 0

    def interact(self, k, record: bool) -> None:
        j, v = pick_slider(self.it, self.expected)
        self.it += 1
        before = self.read_shown() if self.read_shown is not None else None
        with k.updates_during() as seen:
            t0 = time.perf_counter()
            k.set(self.sliders[j], v)
            t1 = time.perf_counter()
        self.expected[j] = v
        shown = self.read_sum()
        if shown != f"sum = {sum(self.expected)}":
            raise AssertionError(
                f"{self.name}: shows {shown!r}, expected sum = "
                f"{sum(self.expected)} after setting slider {j} to {v}"
            )
        if before is not None:
            after = self.read_shown()
            changed = sum(a != b for a, b in zip(before, after, strict=True))
            if len(seen) != changed:
                raise AssertionError(
                    f"{self.name}: {len(seen)} update messages for {changed} changed "
                    f"elements ({before} -> {after})"
                )
        if record:
            self.latencies.append((t1 - t0) * 1000)
            self.updates.append(len(seen))


def setup(k, n: int) -> list[Target]:
    k.execute("%load_ext nbstate")
    t0 = time.perf_counter()
    k.execute(f"%%app bench{n}\n" + build_script(n, "slider", "nbstate"))
    nb_first = (time.perf_counter() - t0) * 1000
    nb_root = k.app()
    nb_sliders = k.find_all(within=nb_root, name="IntSlider")

    def nb_sum() -> str:
        return next((ln for ln in k.text(nb_root).splitlines() if ln.startswith("sum = ")), "")

    def nb_shown() -> list[str]:
        lines = k.text(nb_root).splitlines()
        return [next((ln for ln in lines if ln.startswith(p)), "") for p in SHOWN]

    t0 = time.perf_counter()
    res = k.execute(INTERACT_CELL.format(n=n))
    ia_first = (time.perf_counter() - t0) * 1000
    ia_root = k.models[res.widget_ids[-1]]
    ia_sliders = k.find_all(within=ia_root, name="IntSlider")
    ia_labels = k.find_all(within=ia_root, name="Label")

    def ia_sum() -> str:
        return ia_labels[0].value

    for name, sl in (("nbstate", nb_sliders), ("interact", ia_sliders)):
        if len(sl) != n:
            raise AssertionError(f"{name}: found {len(sl)} IntSliders, expected {n}")
    nb = Target("nbstate", nb_sliders, nb_sum, nb_first, read_shown=nb_shown)
    targets = [nb, Target("interact", ia_sliders, ia_sum, ia_first)]
    # what-if: during a burst the live frontend waits BURST_GAP_MS for the next update before
    # it reruns; the same app without that wait shows whether an isolated update pays for it
    gap = k.eval(f"getattr(__import__('{IPY}', fromlist=['_']), 'BURST_GAP_MS', None)")
    if gap:
        targets.append(
            Target(
                f"nbstate, BURST_GAP_MS = 0 (what-if; shipped: {gap})",
                nb_sliders,
                nb_sum,
                float("nan"),
                expected=nb.expected,
                read_shown=nb_shown,
                prepare=f"__import__('{IPY}', fromlist=['_']).BURST_GAP_MS = 0",
                restore=f"__import__('{IPY}', fromlist=['_']).BURST_GAP_MS = {gap}",
            )
        )
    return targets


def bench_n(n: int, args: argparse.Namespace) -> dict:
    from nbstate.testing.kernel import KernelSession

    with KernelSession(timeout=120) as k:
        targets = setup(k, n)
        for rnd in range(1 + args.blocks):  # a warm-up round, then the timed blocks
            for t in targets:
                if t.prepare:
                    k.execute(t.prepare)
                start = len(t.latencies)
                for _ in range(args.per_block if rnd else args.warmup):
                    t.interact(k, record=rnd > 0)
                if rnd:
                    t.block_medians.append(statistics.median(t.latencies[start:]))
                if t.restore:
                    k.execute(t.restore)
        # one update message, one rerun: no update was dropped or merged with another
        reruns = k.eval(f"__import__('{IPY}', fromlist=['_']).live_apps()['bench{n}'].reruns")
        updates = sum(t.it for t in targets if t.sliders is targets[0].sliders)
        if reruns != updates:
            raise AssertionError(f"nbstate: {reruns} reruns for {updates} updates")
    out = {}
    for t in targets:
        lat = t.latencies
        out[t.name] = {
            "median_ms": round(statistics.median(lat), 3),
            "p90_ms": round(pct(lat, 0.9), 3),
            "min_ms": round(min(lat), 3),
            "block_medians_ms": [round(x, 3) for x in t.block_medians],
            "updates_median": statistics.median(t.updates),
            "updates_min": min(t.updates),
            "updates_max": max(t.updates),
            "first_display_ms": round(t.first_ms, 1),
            "iters": len(lat),
        }
    return out


def _ms(x: float) -> str:
    return "–" if x != x else f"{x:.0f}"  # nan: not measured (the same app as the row above)


def table(
    results: dict, command: str, started: dt.datetime, elapsed: float, args: argparse.Namespace
) -> str:
    from importlib import metadata

    vers = ", ".join(
        f"{p} {metadata.version(p)}" for p in ("ipykernel", "ipywidgets", "jupyter_client", "pyzmq")
    )
    lines = [
        SECTION_START,
        "## Kernel path: frontend update to kernel idle (issue 3)",
        "",
        f"Produced by `{command}` on {started:%Y-%m-%d %H:%M} UTC ({elapsed / 60:.1f} min; "
        f"{vers}). A real ipykernel per N, driven over the widget comm protocol by",
        "`nbstate.testing.kernel.KernelSession`; one interaction = one slider `update` message,",
        "timed until the kernel's `idle` for it, on the client (so the zmq round trip and the",
        "client reading the replies are included, the same for both). nbstate is the `%%app`",
        "of the rerun benchmark's script; interact is `ipywidgets.interactive` over N",
        "`IntSlider`s with three `Label`s, in the same kernel. The two take turns in blocks of",
        f"{args.per_block}; {args.blocks} blocks each. Updates = `update` messages the kernel sent",
        "per rerun (`echo_update` not counted). After every interaction the shown sum is checked,",
        "and, for nbstate, that the update messages it sent equal the number of its elements",
        "whose shown text changed (sum/max/nonzero; the moved slider is not echoed back), so the",
        "target 'update messages = elements whose displayed content changed' is checked on every",
        "interaction; at the end, that the nbstate app reran exactly once per update. The what-if row drives",
        "the same nbstate app with the live frontend's `BURST_GAP_MS` (how long it waits for a",
        "burst's next update before rerunning) set to 0 during its blocks: an isolated update",
        "should not pay that wait, so the two nbstate rows should agree within the noise.",
        "",
        "| N | impl | median (ms) | p90 (ms) | block medians min..max (ms) | updates per rerun "
        "| first display (ms) | iters |",
        "|---:|---|---:|---:|---:|---:|---:|---:|",
    ]
    for n, per in results.items():
        for impl, r in per.items():
            if "error" in r:
                lines.append(f"| {n} | {impl} | error: {r['error'][:100]} | | | | | |")
                continue
            bm = r["block_medians_ms"]
            upd = (
                f"{r['updates_median']:g}"
                if r["updates_min"] == r["updates_max"]
                else f"{r['updates_median']:g} ({r['updates_min']}..{r['updates_max']})"
            )
            lines.append(
                f"| {n} | {impl} | {r['median_ms']:.2f} | {r['p90_ms']:.2f} | "
                f"{min(bm):.2f}..{max(bm):.2f} | {upd} | {_ms(r['first_display_ms'])} | "
                f"{r['iters']} |"
            )
    for impl in dict.fromkeys(i for per in results.values() for i in per if i != "interact"):
        ratios = [
            f"N = {n}: {per[impl]['median_ms'] / per['interact']['median_ms']:.2f}x"
            for n, per in results.items()
            if "median_ms" in per.get(impl, {}) and "median_ms" in per.get("interact", {})
        ]
        if ratios:
            lines += ["", f"{impl} median / interact median: " + "; ".join(ratios) + "."]
    lines.append(SECTION_END)
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--quick", action="store_true", help="2 blocks of 20 per app and N")
    ap.add_argument("--ns", default="1,10,100")
    ap.add_argument("--blocks", type=int, help="blocks per app (default 6; 2 quick)")
    ap.add_argument("--per-block", type=int, help="interactions per block (default 50; 20 quick)")
    ap.add_argument("--warmup", type=int, default=5)
    ap.add_argument("--results", help="a RESULTS.md whose kernel section to add or replace")
    args = ap.parse_args(argv)
    args.blocks = args.blocks or (2 if args.quick else 6)
    args.per_block = args.per_block or (20 if args.quick else 50)
    argv = sys.argv[1:] if argv is None else argv
    command = "python benchmarks/kernel_bench.py" + ("" if not argv else " " + " ".join(argv))

    started = dt.datetime.now(dt.timezone.utc)
    t0 = time.perf_counter()
    results: dict = {}
    rc = 0
    for n in (int(x) for x in args.ns.split(",")):
        try:
            results[n] = bench_n(n, args)
        except Exception as e:
            results[n] = {"nbstate": {"error": f"{type(e).__name__}: {e}"}}
            rc = 1
        print(f"N={n}: {json.dumps(results[n])}", file=sys.stderr, flush=True)
    elapsed = time.perf_counter() - t0
    out_dir = HERE / "out"
    out_dir.mkdir(exist_ok=True)
    (out_dir / f"kernel-{started:%Y%m%dT%H%M%S}.json").write_text(json.dumps(results, indent=1))
    section = table(results, command, started, elapsed, args)
    if args.results:
        path = Path(args.results)
        text = path.read_text() if path.exists() else ""
        if SECTION_START in text and SECTION_END in text:
            head, rest = text.split(SECTION_START, 1)
            text = head + section + rest.split(SECTION_END, 1)[1].lstrip("\n")
        else:
            text = text.rstrip("\n") + "\n\n" + section
        path.write_text(text)
    print(section)
    return rc


if __name__ == "__main__":
    sys.exit(main())
