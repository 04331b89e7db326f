"""The near-duplicate rule, calibrated on the catalogue.

Two images of one type are near-duplicates when ANY of these holds:
1. their pixels are identical (equal digests);
2. their descriptor distance is under `TAU_FRACTION` of the type's typical (median pairwise)
   distance;
3. their 64-bit dHashes differ in at most `DHASH_BITS` bits.
Rule 3 looks at luminance structure only, so a pure recolour of the same picture counts as a
near-duplicate: within one theme that is what a user would call "the same picture".
The figures were calibrated on indices 0..99 of every catalogue type (see README, "Diversity").
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bananajam.diversity.features import Features

TAU_FRACTION = 0.15
DHASH_BITS = 8


@dataclass(frozen=True)
class NearDuplicate:
    i: int
    j: int
    reason: str  # "identical" | "features" | "dhash"
    distance: float
    hamming: int


def hamming_matrix(hashes: np.ndarray) -> np.ndarray:
    """Pairwise Hamming distances of (n, words) uint64 hashes."""
    x = hashes[:, None, :] ^ hashes[None, :, :]
    return np.bitwise_count(x).sum(axis=2).astype(np.int32)  # type: ignore[no-any-return]


def typical_distance(d: np.ndarray) -> float:
    n = d.shape[0]
    off = d[~np.eye(n, dtype=bool)]
    return float(np.median(off)) if off.size else 0.0


def find(
    f: Features,
    d: np.ndarray,
    typical: float | None = None,
    tau_fraction: float = TAU_FRACTION,
    dhash_bits: int = DHASH_BITS,
) -> list[NearDuplicate]:
    """Every near-duplicate pair (i < j), given descriptor distances `d`."""
    n = len(f)
    if n < 2:
        return []
    tau = tau_fraction * (typical if typical is not None else typical_distance(d))
    ham = hamming_matrix(f.dhashes)
    out = []
    iu, ju = np.triu_indices(n, 1)
    for i, j in zip(iu.tolist(), ju.tolist(), strict=True):
        dist, hm = float(d[i, j]), int(ham[i, j])
        if f.digests[i] == f.digests[j]:
            reason = "identical"
        elif dist < tau:
            reason = "features"
        elif hm <= dhash_bits:
            reason = "dhash"
        else:
            continue
        out.append(NearDuplicate(i, j, reason, dist, hm))
    return out
