"""The Sobol and stratified variation strategies (registered into `variation` on import).

Sobol points come from a plain Gray-code-free construction with the direction numbers of
Joe and Kuo (primitive polynomials and initial values for the first 16 dimensions); dimensions
beyond 16 continue with the R_d lattice. Stratified puts the two most important parameters on a
jittered grid visited in bit-reversed order, and fills the rest from the lattice.
"""

from __future__ import annotations

import math
from functools import cache

import numpy as np

from bananajam.assets.seeding import stable_hash
from bananajam.assets.variation import lattice, register_strategy

BITS = 30
# (degree s, polynomial coefficients a, initial direction values m_1..m_s) for dims 2..16.
_JOE_KUO: tuple[tuple[int, int, tuple[int, ...]], ...] = (
    (1, 0, (1,)),
    (2, 1, (1, 3)),
    (3, 1, (1, 3, 1)),
    (3, 2, (1, 1, 1)),
    (4, 1, (1, 1, 3, 3)),
    (4, 4, (1, 3, 5, 13)),
    (5, 2, (1, 1, 5, 5, 17)),
    (5, 4, (1, 1, 5, 5, 5)),
    (5, 7, (1, 1, 7, 11, 19)),
    (5, 11, (1, 1, 5, 1, 1)),
    (5, 13, (1, 1, 1, 3, 11)),
    (5, 14, (1, 3, 5, 5, 31)),
    (6, 1, (1, 3, 3, 9, 7, 49)),
    (6, 13, (1, 1, 1, 15, 21, 21)),
    (6, 16, (1, 3, 1, 13, 27, 49)),
)
MAX_SOBOL_DIMS = len(_JOE_KUO) + 1


@cache
def _directions(dim: int) -> tuple[int, ...]:
    """Direction integers v_1..v_BITS (scaled by 2^BITS) for Sobol dimension `dim` (0-based)."""
    if dim == 0:
        return tuple(1 << (BITS - i - 1) for i in range(BITS))
    s, a, m_init = _JOE_KUO[dim - 1]
    m = list(m_init)
    for i in range(s, BITS):
        new = m[i - s] ^ (m[i - s] << s)
        for k in range(1, s):
            if (a >> (s - 1 - k)) & 1:
                new ^= m[i - k] << k
        m.append(new)
    return tuple(m[i] << (BITS - i - 1) for i in range(BITS))


def sobol(index: int, dims: int) -> list[float]:
    """Point `index + 1` of the Sobol sequence (skipping the all-zero first point)."""
    n = index + 1
    out = []
    for d in range(min(dims, MAX_SOBOL_DIMS)):
        v, x, bit = _directions(d), 0, 0
        k = n
        while k:
            if k & 1:
                x ^= v[bit]
            k >>= 1
            bit += 1
        out.append(x / float(1 << BITS))
    if dims > MAX_SOBOL_DIMS:
        out.extend(lattice(index, dims)[MAX_SOBOL_DIMS:])
    return out


def _bit_reverse(i: int, bits: int) -> int:
    return int(f"{i:0{bits}b}"[::-1], 2) if bits else 0


def stratified(index: int, dims: int, key: str, strata_bits: int = 3) -> list[float]:
    """The first two axes on a jittered 2^b × 2^b grid, the rest from the lattice.

    Axes are in declaration order, so a type declares the parameters that matter most first.
    Consecutive indices visit grid cells in bit-reversed order, so any run of indices spreads
    over the grid instead of sweeping one row.
    """
    point = lattice(index, dims)
    if dims == 0:
        return point
    strata = 1 << strata_bits
    cells = strata ** min(2, dims)
    cell = _bit_reverse(index % cells, int(math.log2(cells)))
    jitter = np.random.Generator(np.random.PCG64(stable_hash("strat", key, index))).random(2)
    point[0] = ((cell % strata) + float(jitter[0])) / strata
    if dims > 1:
        point[1] = ((cell // strata) + float(jitter[1])) / strata
    return point


register_strategy("sobol", lambda i, d, _key: sobol(i, d))
register_strategy("stratified", stratified)
