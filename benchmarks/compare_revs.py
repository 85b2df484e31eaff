#!/usr/bin/env python3
"""nbstate's rerun latency at two (or more) git revisions, measured side by side.

Each revision is checked out into benchmarks/out/rev-<sha> (a detached git worktree) and
put first on PYTHONPATH, so ``import nbstate`` in rerun_bench.py gets that revision's code;
the revisions take turns, repetition by repetition, so a busy machine weighs on all alike.
The worktrees are kept for the next comparison; ``git worktree remove benchmarks/out/rev-<sha>``
(or ``--clean``) removes them.

    python benchmarks/compare_revs.py 72b6987^ HEAD
    python benchmarks/compare_revs.py 72b6987^ HEAD --ns 1,1000 --reps 5 --variant button
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def worktree(rev: str) -> tuple[str, Path]:
    sha = subprocess.run(
        ["git", "rev-parse", "--short", rev], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.strip()
    path = HERE / "out" / f"rev-{sha}"
    if not (path / "nbstate" / "__init__.py").exists():
        subprocess.run(
            ["git", "worktree", "add", "--detach", "--force", str(path), sha],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
    return sha, path


def run(path: Path, n: int, variant: str, rep: int, min_time: float) -> dict:
    env = {**os.environ, "PYTHONPATH": str(path)}
    cmd = [
        sys.executable,
        str(HERE / "rerun_bench.py"),
        "--impl",
        "nbstate",
        "-n",
        str(n),
        "--variant",
        variant,
        "--rep",
        str(rep),
        "--min-time",
        str(min_time),
    ]
    out = subprocess.run(cmd, env=env, capture_output=True, text=True).stdout
    line = [ln for ln in out.splitlines() if ln.startswith("{")][-1]
    return json.loads(line)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("revs", nargs="+")
    ap.add_argument("--ns", default="1,10,100,1000")
    ap.add_argument("--variant", choices=["slider", "button"], default="slider")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--min-time", type=float, default=1.0)
    ap.add_argument("--clean", action="store_true", help="remove the worktrees afterwards")
    args = ap.parse_args(argv)
    revs = [worktree(r) for r in args.revs]
    ns = [int(x) for x in args.ns.split(",")]
    got: dict[tuple[str, int], list[dict]] = {}
    for rep in range(args.reps):
        for n in ns:
            for sha, path in revs:
                rec = run(path, n, args.variant, rep, args.min_time)
                if "error" in rec:
                    print(f"{sha} N={n}: {rec['error']}", file=sys.stderr)
                    continue
                got.setdefault((sha, n), []).append(rec)
    print(
        f"nbstate AppTest, variant {args.variant}, median over {args.reps} repetitions of "
        "each process's median (ms)\n"
    )
    print("| N | " + " | ".join(f"{s} rerun | {s} interaction" for s, _ in revs) + " |")
    print("|---:|" + "---:|---:|" * len(revs))
    for n in ns:
        cells = []
        for sha, _ in revs:
            recs = got.get((sha, n), [])
            if not recs:
                cells += ["–", "–"]
                continue
            cells.append(f"{statistics.median(r['run']['median_ms'] for r in recs):.4g}")
            cells.append(f"{statistics.median(r['total']['median_ms'] for r in recs):.4g}")
        print(f"| {n} | " + " | ".join(cells) + " |")
    if args.clean:
        for _, path in revs:
            subprocess.run(
                ["git", "worktree", "remove", "--force", str(path)],
                cwd=ROOT,
                check=True,
                capture_output=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
