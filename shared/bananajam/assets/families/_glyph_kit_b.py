"""Drawing helpers for the glyphs part-B families: fitting, glowing strokes, runes, cracks, fills.

Renderers design at their type's default size and draw through a `Fit`, which scales that design
uniformly into any requested size and centres it, so the subject is never cropped.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from typing import Any

import aggdraw
import numpy as np

from bananajam.assets import draw
from bananajam.assets.canvas import Canvas, Point
from bananajam.assets.registry import RenderContext
from bananajam.assets.themes import RGB, mix, tint

Stroke = list[Point]


class Fit:
    """Maps design coordinates (the default size) onto the requested canvas, centred."""

    def __init__(self, ctx: RenderContext[Any], dw: float, dh: float) -> None:
        self.s = min(ctx.width / dw, ctx.height / dh)
        self.ox = (ctx.width - dw * self.s) / 2
        self.oy = (ctx.height - dh * self.s) / 2

    def p(self, x: float, y: float) -> Point:
        return (self.ox + x * self.s, self.oy + y * self.s)

    def pts(self, seq: Sequence[Point]) -> list[Point]:
        return [(self.ox + x * self.s, self.oy + y * self.s) for x, y in seq]

    def d(self, v: float) -> float:
        return v * self.s


def polar(cx: float, cy: float, r: float, a: float, ry: float | None = None) -> Point:
    """The point at angle `a` on a circle (or ellipse with vertical radius `ry`)."""
    return (cx + r * math.cos(a), cy + (r if ry is None else ry) * math.sin(a))


def strokes(
    c: Canvas,
    lines: Sequence[Stroke],
    width: float,
    color: RGB,
    opacity: float = 1.0,
    dense: bool = False,
) -> None:
    """Tapered ink strokes for every polyline in `lines` (straight runs are subdivided).

    Polylines of equal length are outlined together in numpy; opaque strokes are filled as one
    AGG path (their union: the same picture as stroke by stroke, in one call).
    """
    by_len: dict[int, list[Stroke]] = {}
    for ln in lines:
        if len(ln) >= 2:
            by_len.setdefault(len(ln), []).append(ln)
    groups = {n: np.asarray(g, np.float64) for n, g in by_len.items()}
    if not dense:
        groups = {(n - 1) * 6 + 1: _densify(a) for n, a in groups.items()}
    if not groups:
        return
    ink = aggdraw.Brush(tuple(color), _alpha(opacity))
    path = aggdraw.Path() if opacity >= 1.0 else None
    for n, arr in groups.items():
        polys = _outlines(arr * c.scale, _widths(n, width * c.scale / 2, 0.2, 0.25))
        for poly in polys.reshape(len(arr), -1).tolist():
            if path is None:
                c.draw.polygon(poly, ink)
            else:
                path.polygon(poly)
    if path is not None:
        c.draw.path(path, ink)


def _widths(n: int, half: float, start: float, end: float) -> np.ndarray:
    """Half-widths of a tapered stroke at `n` evenly spaced points."""
    return _taper(n, start, end) * half


@functools.cache
def _taper(n: int, start: float, end: float) -> np.ndarray:
    t = np.linspace(0.0, 1.0, n)
    prof = np.minimum(np.minimum(t / start, 1.0), np.minimum((1.0 - t) / end, 1.0)) ** 0.8
    return np.maximum(prof, 0.05)


def _outlines(a: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Closed outlines (..., 2n, 2) of strokes along polylines `a` (..., n, 2), half-widths `w`."""
    d = np.empty_like(a)
    d[..., 1:-1, :] = a[..., 2:, :] - a[..., :-2, :]
    d[..., 0, :], d[..., -1, :] = a[..., 1, :] - a[..., 0, :], a[..., -1, :] - a[..., -2, :]
    ln = np.hypot(d[..., 0], d[..., 1])
    ln[ln == 0] = 1.0
    off = np.stack([-d[..., 1], d[..., 0]], axis=-1) * (w / ln)[..., None]
    return np.concatenate([a + off, (a - off)[..., ::-1, :]], axis=-2)


def _densify(a: np.ndarray, per: int = 6) -> np.ndarray:
    """Polylines (..., n, 2) with `per` evenly spaced points per segment: (..., (n-1)*per+1, 2)."""
    t = _steps(per)
    seg = a[..., :-1, None, :] + (a[..., 1:, :] - a[..., :-1, :])[..., None, :] * t
    flat = seg.reshape(*a.shape[:-2], -1, 2)
    return np.concatenate([flat, a[..., -1:, :]], axis=-2)


@functools.cache
def _steps(per: int) -> np.ndarray:
    return np.linspace(0.0, 1.0, per, endpoint=False)[:, None]


def brush(
    c: Canvas,
    pts: Sequence[Point],
    width: float,
    color: RGB,
    opacity: float = 1.0,
    start: float = 0.2,
    end: float = 0.25,
) -> None:
    """A tapered stroke along an already dense polyline (a vectorised `draw.brush`)."""
    a = np.asarray(pts, np.float64) * c.scale
    poly = _outlines(a, _widths(len(a), width * c.scale / 2, start, end))
    c.draw.polygon(poly.ravel().tolist(), aggdraw.Brush(tuple(color), _alpha(opacity)))


def brush_outlines(
    c: Canvas, lines: np.ndarray, width: float, start: float = 0.2, end: float = 0.25
) -> list[list[float]]:
    """The flat AGG outlines `brush` would fill for each dense polyline of `lines` (P, n, 2),
    worked out together (draw them with `c.draw.polygon`)."""
    w = _widths(lines.shape[1], width * c.scale / 2, start, end)
    out: list[list[float]] = _outlines(lines * c.scale, w).reshape(len(lines), -1).tolist()
    return out


def _alpha(opacity: float) -> int:
    return max(0, min(255, round(opacity * 255)))


def densify(pts: Sequence[Point], per: int = 6) -> list[Point]:
    """Subdivide a polyline so a brush taper has points to swell through."""
    return [(float(x), float(y)) for x, y in _densify(np.asarray(pts, np.float64), per)]


def fill_all(c: Canvas, polys: Sequence[Sequence[Point]], color: RGB) -> None:
    for poly in polys:
        c.polygon(poly, fill=color)


def dots(c: Canvas, pts: Sequence[Point], r: float, color: RGB, opacity: float = 1.0) -> None:
    for x, y in pts:
        c.circle(x, y, r, fill=color, opacity=opacity)


def rune(rng: np.random.Generator, cx: float, cy: float, size: float) -> list[Stroke]:
    """A random angular rune: a stem on a 3x4 grid plus branches, as polylines."""
    w, h = size * 0.62, size
    col = [cx - w / 2, cx, cx + w / 2]
    row = [cy - h / 2 + h * k / 3 for k in range(4)]
    out: list[Stroke] = []
    stem = int(rng.choice([0, 1, 1, 2]))
    if rng.random() < 0.85:
        out.append([(col[stem], row[0]), (col[stem], row[3])])
    if rng.random() < 0.25:
        other = 2 - stem if stem != 1 else 0
        out.append([(col[other], row[0]), (col[other], row[3])])
    for _ in range(int(rng.integers(1, 4))):
        r0 = int(rng.integers(0, 4))
        c1, r1 = int(rng.integers(0, 3)), int(rng.integers(0, 4))
        if c1 == stem:
            c1 = (c1 + 1 + int(rng.integers(0, 2))) % 3
        if rng.random() < 0.4:
            mid_r = min(3, max(0, r0 + int(rng.choice([-1, 1]))))
            out.append([(col[stem], row[r0]), (col[c1], row[mid_r]), (col[stem], row[r1])])
        else:
            out.append([(col[stem], row[r0]), (col[c1], row[r1])])
    return out


def rotate(pts: Sequence[Point], cx: float, cy: float, a: float) -> list[Point]:
    ca, sa = math.cos(a), math.sin(a)
    return [
        (cx + (x - cx) * ca - (y - cy) * sa, cy + (x - cx) * sa + (y - cy) * ca) for x, y in pts
    ]


def crack(
    rng: np.random.Generator, x: float, y: float, angle: float, length: float, depth: int = 2
) -> list[Stroke]:
    """A jagged crack from (x, y) with random side branches, as polylines."""
    n = max(3, int(rng.integers(4, 8)))
    seg = length / n
    pts: Stroke = [(x, y)]
    out: list[Stroke] = []
    a = angle
    for _ in range(n):
        a += float(rng.normal(0, 0.45))
        x, y = x + seg * math.cos(a), y + seg * math.sin(a)
        pts.append((x, y))
        if depth > 0 and rng.random() < 0.3:
            side = float(rng.choice([-1.0, 1.0]))
            out += crack(rng, x, y, a + side * rng.uniform(0.5, 1.1), length * 0.4, depth - 1)
    return [pts, *out]


def sparkles(
    c: Canvas,
    rng: np.random.Generator,
    n: int,
    cx: float,
    cy: float,
    rx: float,
    ry: float,
    size: float,
    color: RGB,
) -> None:
    """Four-point glints scattered in an elliptical band around (cx, cy)."""
    for _ in range(n):
        a = rng.uniform(0, 2 * math.pi)
        d = rng.uniform(0.75, 1.05)
        r = size * rng.uniform(0.5, 1.0)
        x, y = cx + rx * d * math.cos(a), cy + ry * d * math.sin(a)
        c.polygon(draw.star(x, y, r, r * 0.28, 4, rng.uniform(0, 0.4)), fill=color, opacity=0.9)


def eye(c: Canvas, x: float, y: float, r: float, glow: RGB, slit: bool = True) -> None:
    """A glowing almond eye with a dark slit pupil."""
    almond = [
        *draw.arc_points(x, y + r * 0.5, r * 1.3, r * 1.1, math.pi * 1.18, math.pi * 1.82, 8),
        *draw.arc_points(x, y - r * 0.5, r * 1.3, r * 1.1, math.pi * 0.18, math.pi * 0.82, 8),
    ]
    c.polygon(almond, fill=glow)
    c.ellipse(x, y, r * 0.35, r * 0.35, fill=tint(glow, 0.7))
    if slit:
        c.ellipse(x, y, r * 0.12, r * 0.42, fill=mix(glow, (0, 0, 0), 0.85))
