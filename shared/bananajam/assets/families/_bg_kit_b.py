"""Background kit, part two: seamless-tile helpers (cellular noise, relief lighting, wrapping
glows), batched stroke geometry for pages of tiny marks drawn straight through AGG, ridge
profiles and chained tints."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from PIL import Image, ImageFilter

from bananajam.assets.canvas import Canvas


def catmull3(ctrl: np.ndarray, samples: int = 6) -> np.ndarray:
    """Catmull-Rom curves through many three-point strokes at once: N×3×2 -> N×(2s+1)×2."""
    e = np.concatenate([ctrl[:, :1], ctrl, ctrl[:, 2:]], axis=1)  # end padding
    t = np.linspace(0.0, 1.0, samples, endpoint=False)[None, :, None]
    segs = []
    for j in range(2):
        p0, p1, p2, p3 = (e[:, j + k, None] for k in range(4))
        segs.append(
            0.5
            * (
                2 * p1
                + t * (p2 - p0)
                + t * t * (2 * p0 - 5 * p1 + 4 * p2 - p3)
                + t**3 * (3 * p1 - p0 - 3 * p2 + p3)
            )
        )
    return np.concatenate([*segs, ctrl[:, 2:]], axis=1)


def outlines(
    pts: np.ndarray, widths: np.ndarray, scale: float = 1.0, cap: int = 0
) -> list[list[float]]:
    """Outline polygons (flat pixel coordinate lists for AGG) of N variable-width strokes along
    N×n×2 polylines, `widths` N×n (or n) full widths: `draw.stroke_outline` for a batch.
    `cap` > 0 rounds each stroke's far end with that many points (a half disc in the outline,
    instead of a separate disc drawn over it)."""
    tan = np.empty_like(pts)
    tan[:, 1:-1] = pts[:, 2:] - pts[:, :-2]
    tan[:, 0], tan[:, -1] = pts[:, 1] - pts[:, 0], pts[:, -1] - pts[:, -2]
    norm = np.maximum(np.hypot(tan[..., 0], tan[..., 1]), 1e-9)
    half = np.broadcast_to(widths, pts.shape[:2]) / (2 * norm)
    off = np.stack([-tan[..., 1] * half, tan[..., 0] * half], axis=-1)
    sides = [pts + off]
    if cap > 0:  # from the left edge round the tip to the right edge
        a = np.linspace(0.0, np.pi, cap + 2)[None, 1:-1, None]
        ahead = (tan[:, -1] * half[:, -1:])[:, None]
        sides.append(pts[:, -1:] + off[:, -1:] * np.cos(a) + ahead * np.sin(a))
    sides.append((pts - off)[:, ::-1])
    poly = np.concatenate(sides, axis=1) * scale
    out: list[list[float]] = poly.reshape(len(pts), -1).tolist()
    return out


def worley(
    rng: np.random.Generator, width: int, height: int, gx: int, gy: int, jitter: float = 0.9
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Tileable cellular noise: distance to the nearest and second-nearest feature point
    (in pixels) and the nearest point's cell id, with one jittered point per grid cell."""
    pts = 0.5 + (rng.random((gy, gx, 2), dtype=np.float32) - 0.5) * jitter
    sx, sy = width / gx, height / gy
    # Cells are axis-aligned, so a pixel's cell splits into a column part and a row part: the
    # per-neighbour feature points are gathered with two 1-D takes, distances kept squared.
    xs = (np.arange(width, dtype=np.float32) + 0.5) / sx
    ys = (np.arange(height, dtype=np.float32) + 0.5) / sy
    ix, iy = np.floor(xs).astype(np.int32), np.floor(ys).astype(np.int32)
    f1 = np.full((height, width), 1e18, np.float32)
    f2 = np.full((height, width), 1e18, np.float32)
    ids = np.zeros((height, width), np.int32)
    for dy in (-1, 0, 1):
        cy = iy + dy
        wy = cy % gy
        rows = pts.take(wy, axis=0)
        oy = (cy.astype(np.float32) - ys)[:, None]
        for dx in (-1, 0, 1):
            cx = ix + dx
            wx = cx % gx
            p = rows.take(wx, axis=1)
            ddx = ((cx.astype(np.float32) - xs)[None, :] + p[..., 0]) * np.float32(sx)
            ddy = (oy + p[..., 1]) * np.float32(sy)
            d = ddx * ddx + ddy * ddy
            closer = d < f1
            f2 = np.where(closer, f1, np.minimum(f2, d))
            ids = np.where(closer, (wy * gx)[:, None] + wx[None, :], ids)
            f1 = np.minimum(f1, d)
    f1, f2 = np.sqrt(f1), np.sqrt(f2)
    return f1, f2, ids


def relief(
    height: np.ndarray, strength: float, light: tuple[float, float] = (-0.6, -0.8)
) -> np.ndarray:
    """Directional lighting of a height field (wrapping, so tiles stay seamless): -1..1."""
    gx = (np.roll(height, -1, axis=1) - np.roll(height, 1, axis=1)) * 0.5
    gy = (np.roll(height, -1, axis=0) - np.roll(height, 1, axis=0)) * 0.5
    return np.clip(-(gx * light[0] + gy * light[1]) * strength, -1.0, 1.0)  # type: ignore[no-any-return]


def tile_counts(width: int, height: int, across: float) -> tuple[int, int]:
    """Whole feature counts along each side so features stay round at any aspect."""
    unit = min(width, height)
    return max(1, round(across * width / unit)), max(1, round(across * height / unit))


def wrap_glow(
    c: Canvas, paint: Callable[[Canvas], None], radius: float, opacity: float, factor: int = 2
) -> None:
    """Like `Canvas.glow`, but the blur wraps around the edges so a tile stays seamless."""
    small = c.reduced(factor)
    paint(small)
    small.flush()
    a = np.asarray(small.img)
    pad = max(2, int(radius * small.scale * 3))
    big = Image.fromarray(np.pad(a, ((pad, pad), (pad, pad), (0, 0)), mode="wrap"), "RGBA")
    big = big.filter(ImageFilter.GaussianBlur(radius * small.scale))
    small.img = big.crop((pad, pad, pad + a.shape[1], pad + a.shape[0]))
    c.composite(small, mode="screen", opacity=opacity)


def ridge_profile(rng: np.random.Generator, n: int, bumps: float, rough: float) -> np.ndarray:
    """A 1-D height profile in [0, 1] (hills plus jagged detail) of n samples."""
    t = np.linspace(0.0, 1.0, n)
    out = np.zeros(n)
    amp, freq = 1.0, bumps
    for _ in range(4):
        k = max(2, int(freq) + 2)
        knots = rng.random(k)
        out += amp * np.interp(t * (k - 1), np.arange(k), knots)
        amp *= rough
        freq *= 2.3
    lo, hi = float(out.min()), float(out.max())
    return (out - lo) / (hi - lo + 1e-9)


def lerp_chain(rgb: np.ndarray, steps: Sequence[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
    """`lerp` towards several flat colours in turn, (colour, field) pairs, in one image pass: the
    chain is affine per pixel, rgb * prod(1 - t) + sum(colour_i * t_i * prod_after_i(1 - t))."""
    keep = np.ones(rgb.shape[:2], np.float32)
    weights = []
    for color, t in reversed(steps):
        weights.append((color, t * keep))
        keep *= 1.0 - t
    out = np.empty(rgb.shape, np.float32)
    acc, tmp = np.empty_like(keep), np.empty_like(keep)
    for c in range(rgb.shape[-1]):  # a plane at a time (see `_bg_kit.lerp`), stored once
        np.multiply(rgb[..., c], keep, out=acc)
        for color, w in weights:
            np.multiply(w, color[c], out=tmp)
            acc += tmp
        out[..., c] = acc
    return out
