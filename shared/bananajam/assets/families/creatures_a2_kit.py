"""Shared helpers for creatures part A, second half: shaded tubes, feathers and cheap auras.

Everything here works in canvas pixels (after a `Frame` has mapped design units), builds on
`_creature_kit_a` and never allocates extra layers, so the painted look stays fast.
"""

from __future__ import annotations

import aggdraw
import numpy as np
import numpy.typing as npt

from bananajam.assets.canvas import Canvas
from bananajam.assets.families._creature_kit_a import (
    LIGHT,
    Arr,
    Tones,
    fill,
    inset,
    inward,
    layered,
    smooth,
    tube,
)
from bananajam.assets.themes import RGB, mix


def shaded_tube(
    c: Canvas, centre: Arr, widths: npt.ArrayLike, tones: Tones, rim: float = 0.12
) -> None:
    """Paint a variable-width band: rim light, dark edge, narrower lit bands towards the light.

    The lit bands nest, so each is filled opaque in the colour its 75 % layer makes there."""
    w = np.broadcast_to(np.asarray(widths, dtype=np.float64), (len(centre),))
    if rim > 0:
        fill(c, tube(centre + LIGHT * (w[:, None] * rim), w), tones.rim, 0.85)
    fill(c, tube(centre, w), tones.dark)
    col = tones.dark
    for k, f in enumerate((0.18, 0.38, 0.58, 0.76)):
        off = LIGHT * (w[:, None] * f * 0.28)
        col = layered(col, mix(tones.dark, tones.lit, (k + 1) / 4.6), 0.75)
        fill(c, tube(centre + off, w * (1 - f)), col)


def aura(
    c: Canvas, outline: Arr, color: RGB, reach: float, steps: int = 3, op: float = 0.1
) -> None:
    """A soft light around a shape: `steps` widening fills of opacity `op`, stacked.

    Drawn as nested rings, each in the opacity its stack of layers adds up to, so every pixel is
    blended once instead of once per layer."""
    a = max(0, min(255, round(op * 255))) / 255
    inner: Arr | None = None
    for k in range(1, steps + 1):
        ring = inset(outline, -reach * k / steps) * c.scale
        path = aggdraw.Path()
        path.polygon(ring.ravel().tolist())
        if inner is not None:
            path.polygon(inner[::-1].ravel().tolist())  # reversed: a hole under nonzero winding
        covered = 1 - (1 - a) ** (steps - k + 1)
        c.draw.path(path, aggdraw.Brush(tuple(color), round(covered * 255)))
        inner = ring


def leaf(pts: npt.ArrayLike, width: float, power: float = 0.7, samples: int = 5) -> Arr:
    """A feather or petal outline along control points, widest in the middle."""
    centre = smooth(pts, samples, closed=False)
    t = np.linspace(0.0, 1.0, len(centre))
    return tube(centre, width * np.sin(np.pi * np.clip(t, 0.02, 0.98)) ** power)


def wave(
    x0: float, y0: float, length: float, amp: float, freq: float, phase: float, n: int = 14
) -> Arr:
    """A downward wavy centreline (for tentacles and ribbons) whose sway grows along it."""
    t = np.linspace(0.0, 1.0, n)
    return np.stack([x0 + amp * t * np.sin(freq * t * np.pi * 2 + phase), y0 + length * t], axis=1)


def glow_dot(c: Canvas, x: float, y: float, r: float, core: RGB, halo_col: RGB) -> None:
    """A small luminous spot: two faint halos and a bright core."""
    c.circle(x, y, r * 2.6, fill=halo_col, opacity=0.12)
    c.circle(x, y, r * 1.7, fill=halo_col, opacity=0.25)
    c.circle(x, y, r, fill=core)


def quick_shaded(c: Canvas, outline: Arr, tones: Tones, depth: float, rim: float = 0.12) -> None:
    """A cheaper `shaded` for small parts (feathers, fins): rim, dark edge and two lit insets."""
    if rim > 0:
        fill(c, outline + LIGHT * depth * rim, tones.rim, 0.85)
    fill(c, outline, tones.dark)
    mid = mix(tones.dark, tones.lit, 0.45)
    step = inward(outline) * depth
    fill(c, outline + step * 0.2 + LIGHT * depth * 0.1, mid)
    fill(c, outline + step * 0.5 + LIGHT * depth * 0.2, layered(mid, tones.lit, 0.7))
