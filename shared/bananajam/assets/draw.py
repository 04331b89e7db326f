"""Shape builders shared by the renderers: curves, brush strokes, stars and shaded fills.

These produce point lists (logical coordinates) or draw onto a `Canvas`. They hold the
"ink" look of the catalogue: tapered strokes instead of thin constant lines, soft glows, and
gradient shading clipped to a silhouette.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from bananajam.assets.canvas import Canvas, Point
from bananajam.assets.themes import RGB


def catmull_rom(points: Sequence[Point], samples: int = 8, closed: bool = False) -> list[Point]:
    """A smooth curve through `points` (centripetal-free uniform Catmull-Rom), as a polyline."""
    if len(points) < 3:
        return list(points)
    a = _catmull(points, samples, closed)
    return list(zip(a[:, 0].tolist(), a[:, 1].tolist(), strict=True))


def catmull_rom_array(
    points: Sequence[Point], samples: int = 8, closed: bool = False
) -> np.ndarray:
    """`catmull_rom` as an N×2 array (for callers that keep working in numpy)."""
    if len(points) < 3:
        return np.asarray(points, dtype=float)
    return _catmull(points, samples, closed)


@lru_cache(maxsize=64)
def _powers(samples: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    t = np.linspace(0.0, 1.0, samples, endpoint=False)[None, :, None]
    return t, t * t, t * t * t


def _catmull(points: Sequence[Point], samples: int, closed: bool) -> np.ndarray:
    """`catmull_rom` as an N×2 array (at least 3 points)."""
    pts = list(points)
    ext = [pts[-1], *pts, pts[0], pts[1]] if closed else [pts[0], *pts, pts[-1]]
    t, t2, t3 = _powers(samples)
    e = np.asarray(ext, dtype=float)
    p0, p1, p2, p3 = e[:-3, None], e[1:-2, None], e[2:-1, None], e[3:, None]
    seg = 0.5 * (
        (2 * p1)
        + t * (-p0 + p2)
        + t2 * (2 * p0 - 5 * p1 + 4 * p2 - p3)
        + t3 * (-p0 + 3 * p1 - 3 * p2 + p3)
    )
    flat = seg.reshape(-1, 2)
    return flat if closed else np.concatenate([flat, e[-1:]])


def stroke_outline(
    points: Sequence[Point] | np.ndarray, widths: Sequence[float] | np.ndarray | float
) -> list[Point]:
    """The outline polygon of a variable-width stroke along a polyline (a brush mark)."""
    pts = np.asarray(points, dtype=float)
    if len(pts) < 2:
        return []
    poly = _outline(pts, widths)
    return list(zip(poly[:, 0].tolist(), poly[:, 1].tolist(), strict=True))


def _outline(pts: np.ndarray, widths: Sequence[float] | np.ndarray | float) -> np.ndarray:
    n = len(pts)
    w = np.full(n, float(widths)) if isinstance(widths, (int, float)) else np.asarray(widths, float)
    tangent = np.empty_like(pts)  # np.gradient along the points, without its overhead
    tangent[1:-1] = (pts[2:] - pts[:-2]) / 2.0
    tangent[0] = pts[1] - pts[0]
    tangent[-1] = pts[-1] - pts[-2]
    norm = np.hypot(tangent[:, 0], tangent[:, 1])
    norm[norm == 0] = 1.0
    normal = np.stack([-tangent[:, 1] / norm, tangent[:, 0] / norm], axis=1)
    left = pts + normal * (w[:, None] / 2)
    right = pts - normal * (w[:, None] / 2)
    return np.concatenate([left, right[::-1]])


def taper(n: int, start: float = 0.15, end: float = 0.15, power: float = 0.8) -> np.ndarray:
    """A width profile 0..1 that swells from the ends (for brush strokes of n points)."""
    return _taper(n, start, end, power).copy()


@lru_cache(maxsize=512)
def _taper(n: int, start: float, end: float, power: float) -> np.ndarray:
    t = np.linspace(0.0, 1.0, n)
    rise = np.clip(t / max(start, 1e-6), 0, 1) ** power
    fall = np.clip((1 - t) / max(end, 1e-6), 0, 1) ** power
    out = np.minimum(rise, fall)
    out.setflags(write=False)
    return out


def brush(
    canvas: Canvas,
    points: Sequence[Point],
    width: float,
    color: RGB,
    opacity: float = 1.0,
    smooth: bool = True,
    start: float = 0.15,
    end: float = 0.2,
    samples: int = 8,
) -> None:
    """A tapered ink stroke through `points` (`samples` curve points per segment when smooth)."""
    outline = brush_outline(points, width, smooth, start, end, samples)
    if len(outline):
        canvas.polygon(outline, fill=color, opacity=opacity)


def brush_outline(
    points: Sequence[Point],
    width: float,
    smooth: bool = True,
    start: float = 0.15,
    end: float = 0.2,
    samples: int = 8,
) -> np.ndarray:
    """The polygon `brush` fills (N×2; empty for fewer than two points)."""
    smooth = smooth and len(points) > 2
    path = _catmull(points, samples, False) if smooth else np.asarray(points, float)
    if len(path) < 2:
        return np.empty((0, 2))
    widths = np.maximum(_taper(len(path), start, end, 0.8) * width, width * 0.04)
    return _outline(path, widths)


def regular_polygon(
    cx: float, cy: float, r: float, sides: int, rotation: float = 0.0
) -> list[Point]:
    return [
        (
            cx + r * math.cos(rotation + 2 * math.pi * k / sides),
            cy + r * math.sin(rotation + 2 * math.pi * k / sides),
        )
        for k in range(sides)
    ]


def star(
    cx: float, cy: float, r_outer: float, r_inner: float, points: int, rotation: float = 0.0
) -> list[Point]:
    out: list[Point] = []
    for k in range(points * 2):
        r = r_outer if k % 2 == 0 else r_inner
        a = rotation + math.pi * k / points
        out.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return out


def arc_points(
    cx: float, cy: float, rx: float, ry: float, a0: float, a1: float, n: int = 48
) -> list[Point]:
    """Points along an elliptical arc from angle a0 to a1 (radians)."""
    return [(cx + rx * math.cos(a), cy + ry * math.sin(a)) for a in np.linspace(a0, a1, n)]


def ring(
    canvas: Canvas,
    cx: float,
    cy: float,
    r: float,
    thickness: float,
    color: RGB,
    opacity: float = 1.0,
) -> None:
    """An antialiased annulus."""
    canvas.ellipse(cx, cy, r, r, outline=color, width=thickness, opacity=opacity)


def radial_shade(
    canvas: Canvas,
    cx: float,
    cy: float,
    r: float,
    inner: RGB,
    outer: RGB,
    light: Point = (-0.35, -0.35),
    opacity: float = 1.0,
) -> None:
    """A sphere-like shaded disc: a radial gradient from an off-centre light, AA-edged."""
    s = canvas.scale
    x0, y0 = max(0, int((cx - r) * s) - 1), max(0, int((cy - r) * s) - 1)
    x1 = min(canvas.pixel_size[0], int((cx + r) * s) + 2)
    y1 = min(canvas.pixel_size[1], int((cy + r) * s) + 2)
    if x1 <= x0 or y1 <= y0:
        return
    ys, xs = np.mgrid[y0:y1, x0:x1].astype(np.float32)
    xs = (xs + 0.5) / s
    ys = (ys + 0.5) / s
    d = np.hypot(xs - cx, ys - cy)
    edge = np.clip((r - d) * s + 0.5, 0.0, 1.0) * opacity
    lx, ly = cx + light[0] * r, cy + light[1] * r
    t = np.clip(np.hypot(xs - lx, ys - ly) / (r * 1.6), 0.0, 1.0)[..., None]
    rgb = np.asarray(inner, np.float32) * (1 - t) + np.asarray(outer, np.float32) * t
    blend_region(canvas, x0, y0, rgb / 255.0, edge)


def blend_region(canvas: Canvas, x0: int, y0: int, rgb: np.ndarray, alpha: np.ndarray) -> None:
    """Blend a straight-alpha float patch (h×w×3, h×w; 0..1) over the canvas at pixel (x0, y0)."""
    from PIL import Image

    h, w = alpha.shape
    patch = np.empty((h, w, 4), np.uint8)
    patch[..., :3] = np.clip(rgb * alpha[..., None] * 255.0 + 0.5, 0, 255)
    patch[..., 3] = np.clip(alpha * 255.0 + 0.5, 0, 255)
    box = (x0, y0, x0 + w, y0 + h)
    dst = np.asarray(canvas.read_region(box), dtype=np.uint16)
    a = patch[..., 3:4].astype(np.uint16)
    out = patch.astype(np.uint16) + (dst * (255 - a) + 127) // 255
    canvas.write_region(Image.fromarray(np.clip(out, 0, 255).astype(np.uint8), "RGBA"), (x0, y0))
