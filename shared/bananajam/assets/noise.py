"""Vectorised value noise and fractal sums, optionally seamless (tileable).

Noise is evaluated on a coarse lattice of random values and interpolated with a smoothstep, all
in numpy. For speed, callers usually evaluate it at reduced resolution and let the canvas scale it
up: soft fields do not need full-resolution detail.
"""

from __future__ import annotations

import numpy as np


def _smooth(t: np.ndarray) -> np.ndarray:
    return t * t * (3.0 - 2.0 * t)  # type: ignore[no-any-return]


def value_noise(
    rng: np.random.Generator, width: int, height: int, cells: float, tileable: bool = False
) -> np.ndarray:
    """One octave of value noise in [0, 1], `cells` lattice cells across the width."""
    cx = max(1, round(cells)) if tileable else max(1, int(np.ceil(cells)))
    cy = max(1, round(cells * height / width)) if tileable else int(np.ceil(cells * height / width))
    cy = max(cy, 1)
    lattice = rng.random((cy + 1, cx + 1), dtype=np.float32)
    if tileable:
        lattice[-1, :] = lattice[0, :]
        lattice[:, -1] = lattice[:, 0]
    xs = np.linspace(0.0, cx if tileable else cells, width, endpoint=not tileable, dtype=np.float32)
    span_y = cy if tileable else cells * height / width
    ys = np.linspace(0.0, span_y, height, endpoint=not tileable, dtype=np.float32)
    xi = np.minimum(xs.astype(np.int32), cx - 1)
    yi = np.minimum(ys.astype(np.int32), cy - 1)
    tx = _smooth(xs - xi)[None, :]
    ty = _smooth(ys - yi)[:, None]
    a = lattice[yi[:, None], xi[None, :]]
    b = lattice[yi[:, None], xi[None, :] + 1]
    c = lattice[yi[:, None] + 1, xi[None, :]]
    d = lattice[yi[:, None] + 1, xi[None, :] + 1]
    top = a + (b - a) * tx
    bottom = c + (d - c) * tx
    return top + (bottom - top) * ty  # type: ignore[no-any-return]


def fbm(
    rng: np.random.Generator,
    width: int,
    height: int,
    cells: float = 4.0,
    octaves: int = 4,
    persistence: float = 0.5,
    tileable: bool = False,
) -> np.ndarray:
    """Fractal sum of value-noise octaves, normalised to [0, 1]."""
    total = np.zeros((height, width), np.float32)
    amp, norm, freq = 1.0, 0.0, cells
    for _ in range(octaves):
        total += amp * value_noise(rng, width, height, freq, tileable)
        norm += amp
        amp *= persistence
        freq *= 2.0
    total /= norm
    lo, hi = float(total.min()), float(total.max())
    return (total - lo) / (hi - lo + 1e-6)


def ramp(field: np.ndarray, colors: list[tuple[int, int, int]]) -> np.ndarray:
    """Map a [0, 1] field through evenly spaced colour stops to an H×W×3 float image in 0..1."""
    stops = np.asarray(colors, np.float32) / 255.0
    pos = np.clip(field, 0.0, 1.0) * (len(stops) - 1)
    i = np.minimum(pos.astype(np.int32), len(stops) - 2)
    t = (pos - i)[..., None]
    return stops[i] * (1 - t) + stops[i + 1] * t  # type: ignore[no-any-return]
