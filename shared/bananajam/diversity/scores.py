"""Distances and the Vendi score.

Vendi (Friedman & Dieng, 2023) is exp of the Shannon entropy of the eigenvalues of K/n, where K
is a similarity matrix with ones on its diagonal: 1 for n identical items, n for n mutually
dissimilar ones ("the effective number of distinct items"). We use an RBF kernel on descriptor
distances with a fixed width per type, so scores of one type compare over time.
"""

from __future__ import annotations

import numpy as np

from bananajam.diversity.features import Features

# Descriptor vectors are int8 scaled by 127; distances are reported in unit-vector terms.
SCALE = 127.0


def sq_distances(f: Features) -> np.ndarray:
    """Exact pairwise squared distances (float64 of exact integers), in descriptor units²."""
    x = f.vectors.astype(np.float64)
    g = x @ x.T  # exact: int8 products summed stay far below 2**53
    n = np.diag(g)
    d2 = np.maximum(n[:, None] + n[None, :] - 2 * g, 0.0)
    return d2 / (SCALE * SCALE)


def distances(f: Features) -> np.ndarray:
    return np.sqrt(sq_distances(f))  # type: ignore[no-any-return]


def rbf_kernel(d2: np.ndarray, sigma: float) -> np.ndarray:
    return np.exp(-d2 / (2.0 * sigma * sigma))


def vendi(kernel: np.ndarray) -> float:
    """The Vendi score of a similarity matrix (ones on the diagonal)."""
    n = kernel.shape[0]
    if n == 0:
        return 0.0
    lam = np.linalg.eigvalsh(kernel / n)
    lam = lam[lam > 1e-12]
    return float(np.exp(-np.sum(lam * np.log(lam))))


def default_sigma(d2: np.ndarray) -> float:
    """Kernel width from a calibration sample: sigma² = median pairwise squared distance / 2."""
    n = d2.shape[0]
    off = d2[~np.eye(n, dtype=bool)]
    med = float(np.median(off)) if off.size else 1.0
    return max(1e-3, float(np.sqrt(med / 2.0)))


def min_pairwise(d: np.ndarray) -> float:
    n = d.shape[0]
    if n < 2:
        return 0.0
    return float(d[~np.eye(n, dtype=bool)].min())
