"""Near-duplicate report: for each type, indices 0..N-1 in one theme, rendered at feature size.

Prints the closest pair (descriptor distance relative to the type's typical distance, and the
smallest dHash Hamming distance) and how many pairs the near-duplicate rule flags. The engine's
test requires 0 flagged pairs for every type. Usage:
    python bench/neardup_report.py [--names a b] [--theme void_purple] [--count 100] [--show]
`--show` lists the flagged pairs so you can render and compare them.
"""

from __future__ import annotations

import argparse

import numpy as np

from bananajam.assets import default_registry
from bananajam.diversity import measure, neardup, scores


def report(name: str, theme: str, count: int, show: bool) -> int:
    f = measure.sample_features(name, list(range(count)), theme, "lattice")
    d = scores.distances(f)
    typical = neardup.typical_distance(d)
    off = d + np.eye(len(d)) * 1e9
    ham = neardup.hamming_matrix(f.dhashes) + np.eye(len(d), dtype=np.int32) * 999
    dups = neardup.find(f, d)
    i, j = np.unravel_index(np.argmin(off), off.shape)
    print(
        f"{name:26s} closest {int(i):3d},{int(j):3d} d/typical={off.min() / typical:.3f} "
        f"min_hamming={int(ham.min()):3d}  flagged={len(dups)}"
    )
    if show:
        for p in dups[:20]:
            rel = p.distance / typical
            print(f"    {p.i:3d} {p.j:3d} {p.reason:9s} d/typ={rel:.3f} ham={p.hamming}")
    return len(dups)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--names", nargs="*")
    ap.add_argument("--theme", default="void_purple")
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    names = args.names or default_registry().names()
    flagged = sum(report(n, args.theme, args.count, args.show) > 0 for n in names)
    print(f"\n{flagged} of {len(names)} types have near-duplicate pairs in theme {args.theme}")


if __name__ == "__main__":
    main()
