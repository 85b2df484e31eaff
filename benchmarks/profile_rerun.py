#!/usr/bin/env python3
"""Profile nbstate's rerun hot path: at.slider[j].set_value(v).run() (or a click) on the
rerun benchmark's script, with cProfile (default) or pyinstrument.

    python benchmarks/profile_rerun.py -n 1000                  # cProfile, top functions
    python benchmarks/profile_rerun.py -n 1000 --pyinstrument   # call tree
    python benchmarks/profile_rerun.py -n 1 --variant button --iters 20000

pyinstrument is not a dependency: ``pip install pyinstrument`` to use it.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from rerun_bench import build_script


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--widgets", "-n", type=int, default=1000)
    ap.add_argument("--variant", choices=["slider", "button"], default="slider")
    ap.add_argument("--iters", type=int, default=300)
    ap.add_argument("--pyinstrument", action="store_true")
    ap.add_argument("--top", type=int, default=20, help="cProfile: rows to print")
    args = ap.parse_args(argv)

    from nbstate.testing import AppTest

    at = AppTest.from_string(
        build_script(args.widgets, args.variant, "nbstate"), default_timeout=600
    ).run()

    def interactions(k: int) -> None:
        for it in range(k):
            if args.variant == "slider":
                at.slider[it % args.widgets].set_value(1 + it % 99).run()
            else:
                at.button[0].click().run()

    interactions(10)  # warm the caches, as the benchmark's warmup does
    if args.pyinstrument:
        from pyinstrument import Profiler

        prof = Profiler(interval=0.0002)
        prof.start()
        interactions(args.iters)
        prof.stop()
        print(prof.output_text(unicode=False, color=False))
    else:
        prof = cProfile.Profile()
        prof.enable()
        interactions(args.iters)
        prof.disable()
        pstats.Stats(prof).sort_stats("tottime").print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
