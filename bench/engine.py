"""Engine benchmark: per-type render+encode time at default size, catalogue total, import time.

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

    reg = default_registry()
    names = args.names or reg.names()
    medians: dict[str, float] = {}
    for name in names:
        t = reg.get(name)
        times = []
        for i in range(args.repeat):
            t0 = time.perf_counter()
            call_asset(name, i).encode("png")
            times.append((time.perf_counter() - t0) * 1000)
        medians[name] = statistics.median(times)
        print(
            f"{t.category:12s} {name:28s} {t.default_width:5d}x{t.default_height:<5d}"
            f" median {medians[name]:7.1f} ms  max {max(times):7.1f} ms"
        )
    total = sum(medians.values())
    print(f"\ntypes: {len(medians)}  sum of medians (one of each): {total:.0f} ms")
    print(f"import bananajam.assets: {import_time():.0f} ms (best of 3, fresh processes)")


if __name__ == "__main__":
    main()
