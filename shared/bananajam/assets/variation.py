"""Variation strategies: how an index becomes a point in a type's unit parameter cube.

Every strategy is index-addressable (point n never depends on how many points were asked for), so
an index keeps its parameters forever for a given strategy. A per-type Cranley-Patterson shift
keeps different types from sharing the same coordinates.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, lru_cache

import numpy as np

from bananajam.assets.seeding import stable_hash

STRATEGIES = ("lattice", "halton", "sobol", "random", "stratified")
DEFAULT_STRATEGY = "lattice"

_PRIMES = (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79)


@cache
def _rd_alpha(dims: int) -> tuple[float, ...]:
    """Roberts' R_d constants: powers of the inverse of the generalised golden ratio."""
    phi = 2.0
    for _ in range(64):
        phi = (1.0 + phi) ** (1.0 / (dims + 1))
    return tuple((1.0 / phi) ** (j + 1) % 1.0 for j in range(dims))


def lattice(index: int, dims: int) -> list[float]:
    """R_d additive recurrence (a rank-1 lattice-like sequence with low discrepancy)."""
    return [(0.5 + (index + 1) * a) % 1.0 for a in _rd_alpha(dims)]


def _radical_inverse(n: int, base: int) -> float:
    inv, f = 0.0, 1.0 / base
    while n > 0:
        n, digit = divmod(n, base)
        inv += digit * f
        f /= base
    return inv


def halton(index: int, dims: int) -> list[float]:
    """Halton sequence (skipping the first 20 points, which are poorly spread in high dims)."""
    n = index + 20
    return [_radical_inverse(n, _PRIMES[j % len(_PRIMES)]) for j in range(dims)]


def random_point(index: int, dims: int, key: str) -> list[float]:
    """Independent uniform draws, seeded by (type, index): the no-structure baseline."""
    rng = np.random.Generator(np.random.PCG64(stable_hash("variation-random", key, index)))
    return [float(v) for v in rng.random(dims)]


StrategyFn = Callable[[int, int, str], list[float]]

_REGISTRY: dict[str, StrategyFn] = {
    "lattice": lambda i, d, _key: lattice(i, d),
    "halton": lambda i, d, _key: halton(i, d),
    "random": random_point,
}


def register_strategy(name: str, fn: StrategyFn) -> None:
    """Add a strategy (the sobol and stratified strategies register themselves this way)."""
    _REGISTRY[name] = fn


def unit_point(strategy: str, index: int, dims: int, key: str) -> list[float]:
    """Point `index` of `strategy` in [0, 1)^dims, shifted per type key."""
    if dims == 0:
        return []
    if strategy not in _REGISTRY:
        _load_extra_strategies()
    try:
        fn = _REGISTRY[strategy]
    except KeyError:
        raise ValueError(f"unknown variation strategy {strategy!r}") from None
    point = fn(index, dims, key)
    return [float((p + s) % 1.0) for p, s in zip(point, _shift(key, dims), strict=True)]


@lru_cache(maxsize=512)
def _shift(key: str, dims: int) -> tuple[float, ...]:
    """The type's Cranley-Patterson rotation (cached: making a generator costs ~0.1 ms)."""
    rng = np.random.Generator(np.random.PCG64(stable_hash("cp-shift", key)))
    return tuple(float(v) for v in rng.random(dims))


def _load_extra_strategies() -> None:
    # Strategies defined in their own module register on import.
    from bananajam.assets import sequences  # noqa: F401
