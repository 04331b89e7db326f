"""Engine benchmark: per-type render and encode time at default size, totals, import time.

Prints figures only; it asserts nothing (timings on shared machines are noisy).
Usage: python bench/engine.py [--names a b ...] [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time


def import_time() -> float:
    code = (
        "import time; t=time.perf_counter(); import bananajam.assets; print(time.perf_counter()-t)"
    )
    runs = [
        float(subprocess.check_output([sys.executable, "-c", code], text=True)) for _ in range(3)
    ]
    return min(runs) * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--names", nargs="*")
    ap.add_argument("--repeat", type=int, default=5, help="indices 0..N-1 per type")
    args = ap.parse_args()

    from bananajam.assets import call_asset, default_registry
    from bananajam.assets.frontend import FRONTEND_CATALOGUE as FRONTEND

    reg = default_registry()
    names = args.names or reg.names()
    medians: dict[str, float] = {}
    split: dict[str, tuple[float, float]] = {}
    for name in names:
        t = reg.get(name)
        totals, renders, encodes = [], [], []
        for i in range(args.repeat):
            t0 = time.perf_counter()
            r = call_asset(name, i)
            t1 = time.perf_counter()
            r.encode("png")
            t2 = time.perf_counter()
            totals.append((t2 - t0) * 1000)
            renders.append((t1 - t0) * 1000)
            encodes.append((t2 - t1) * 1000)
        medians[name] = statistics.median(totals)
        split[name] = (statistics.median(renders), statistics.median(encodes))
        print(
            f"{t.category:12s} {name:24s} {t.default_width:5d}x{t.default_height:<5d}"
            f" median {medians[name]:6.1f} ms = render {split[name][0]:6.1f}"
            f" + encode {split[name][1]:5.1f}   max {max(totals):6.1f}"
        )
    total = sum(medians.values())
    frontend = [n for n in medians if n in FRONTEND]
    print(f"\ntypes: {len(medians)}  sum of medians (one of each): {total:.0f} ms")
    print(
        f"frontend catalogue ({len(frontend)} types): "
        f"{sum(medians[n] for n in frontend):.0f} ms  (target < 700 ms; previous system ~2900 ms)"
    )
    print(
        f"  of which render {sum(split[n][0] for n in frontend):.0f} ms,"
        f" encode {sum(split[n][1] for n in frontend):.0f} ms"
    )
    bgs = [n for n in medians if reg.get(n).category == "backgrounds"]
    worst = max(bgs, key=lambda n: medians[n]) if bgs else None
    if worst:
        print(f"slowest background: {worst} {medians[worst]:.0f} ms (target < 150 ms)")
    print(f"import bananajam.assets: {import_time():.0f} ms (best of 3, fresh processes)")


if __name__ == "__main__":
    main()
