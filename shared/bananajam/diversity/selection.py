"""Choosing diverse subsets of candidates.

Both selectors are deterministic: ties break towards the lower candidate position, and they work
on exact integer-derived distances, so the same candidates always give the same choice.
- `farthest_point`: greedy max-min (a 2-approximation of the best dispersion), starting from the
  candidate nearest the centroid, and refusing candidates that would be near-duplicates.
- `greedy_dpp`: greedy MAP inference for a DPP with the RBF kernel (Chen et al., 2018 style,
  incremental Cholesky), which trades spread for coverage.
"""

from __future__ import annotations

import numpy as np


def farthest_point(d: np.ndarray, k: int, forbid_below: float = 0.0) -> list[int]:
    """Pick up to k indices greedily maximising the minimum distance to those already chosen.

    Candidates closer than `forbid_below` to a chosen one are never picked, so the result can be
    shorter than k when the pool has too few distinct candidates.
    """
    n = d.shape[0]
    if n == 0 or k <= 0:
        return []
    start = int(np.argmin(d.sum(axis=1)))  # the most central candidate: a stable anchor
    chosen = [start]
    nearest = d[start].copy()
    nearest[start] = -1.0
    while len(chosen) < min(k, n):
        best = int(np.argmax(nearest))  # argmax returns the first maximum: lowest position wins
        if nearest[best] < 0 or nearest[best] < forbid_below:
            break
        chosen.append(best)
        nearest = np.minimum(nearest, d[best])
        nearest[chosen] = -1.0
    return chosen


def greedy_dpp(kernel: np.ndarray, k: int) -> list[int]:
    """Greedy MAP selection under a DPP with similarity matrix `kernel` (ones on the diagonal)."""
    n = kernel.shape[0]
    k = min(k, n)
    cis = np.zeros((k, n))
    gains = np.diag(kernel).astype(np.float64).copy()
    chosen: list[int] = []
    j = int(np.argmax(gains))
    while len(chosen) < k:
        chosen.append(j)
        m = len(chosen) - 1
        if gains[j] <= 1e-10:
            chosen.pop()
            break
        e = (kernel[j, :] - cis[:m, j] @ cis[:m, :]) / np.sqrt(gains[j])
        cis[m, :] = e
        gains = gains - e * e
        gains[chosen] = -np.inf
        j = int(np.argmax(gains))
    return chosen


def random_subsets(n: int, k: int, trials: int, seed: int) -> list[list[int]]:
    """`trials` seeded random k-subsets of range(n), for the random baseline."""
    rng = np.random.Generator(np.random.PCG64(seed))
    return [sorted(rng.choice(n, size=min(k, n), replace=False).tolist()) for _ in range(trials)]


def refine_swaps(
    kernel: np.ndarray, chosen: list[int], allowed: np.ndarray, passes: int = 2
) -> list[int]:
    """Local search: swap members for outside candidates while the subset's Vendi rises.

    `allowed[i, j]` is False when i and j may not both be chosen (near-duplicates). Each pass
    tries, per position in order, every outside candidate in index order and keeps the best
    strict improvement, so the result is deterministic and never scores below the start.
    """
    from bananajam.diversity.scores import vendi

    cur = list(chosen)
    best = vendi(kernel[np.ix_(cur, cur)])
    n = kernel.shape[0]
    for _ in range(passes):
        improved = False
        for pos in range(len(cur)):
            rest = cur[:pos] + cur[pos + 1 :]
            ok: np.ndarray = np.asarray(allowed[:, rest].all(axis=1))
            ok[cur] = False
            swap_in = None
            for c in np.flatnonzero(ok[:n]).tolist():
                trial = [*rest[:pos], c, *rest[pos:]]
                v = vendi(kernel[np.ix_(trial, trial)])
                if v > best + 1e-9:
                    best, swap_in = v, c
            if swap_in is not None:
                cur[pos] = swap_in
                improved = True
        if not improved:
            break
    return cur
