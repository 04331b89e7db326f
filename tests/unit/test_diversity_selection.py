"""Swap refinement: never lowers Vendi, respects forbidden pairs, is deterministic."""

from __future__ import annotations

import numpy as np

from bananajam.diversity import scores, selection


def _points(n: int = 48, seed: int = 3) -> np.ndarray:
    rng = np.random.Generator(np.random.PCG64(seed))
    return rng.normal(size=(n, 6))


def _kernel(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    d2 = ((x[:, None, :] - x[None, :, :]) ** 2).sum(axis=2)
    return scores.rbf_kernel(d2, float(np.sqrt(np.median(d2) / 2))), np.sqrt(d2)


def test_swaps_never_lower_vendi_and_are_deterministic() -> None:
    k, _ = _kernel(_points())
    start = list(range(8))
    allowed = np.ones_like(k, dtype=bool)
    out = selection.refine_swaps(k, start, allowed)
    assert out == selection.refine_swaps(k, start, allowed)
    assert len(set(out)) == 8
    assert scores.vendi(k[np.ix_(out, out)]) >= scores.vendi(k[np.ix_(start, start)])


def test_swaps_respect_forbidden_pairs() -> None:
    x = _points()
    x[40] = x[0] + 1e-3  # a near-copy of a chosen point, far from the rest
    k, d = _kernel(x)
    allowed = d > 0.5
    out = selection.refine_swaps(k, list(range(8)), allowed, passes=4)
    assert not (0 in out and 40 in out)
    assert all(allowed[i, j] for i in out for j in out if i != j)
