"""Geometry for the item icons: shapes in normalised units, fast convex clipping, glint spots."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from bananajam.assets.canvas import Point

Pts = list[Point]


def ellipse(cx: float, cy: float, rx: float, ry: float, n: int = 40, a0: float = 0.0) -> Pts:
    a = a0 + np.linspace(0.0, 2 * math.pi, n, endpoint=False)
    return [(cx + rx * math.cos(t), cy + ry * math.sin(t)) for t in a]


def arc(cx: float, cy: float, rx: float, ry: float, a0: float, a1: float, n: int = 16) -> Pts:
    return [(cx + rx * math.cos(t), cy + ry * math.sin(t)) for t in np.linspace(a0, a1, n)]


def bezier(p0: Point, p1: Point, p2: Point, n: int = 12) -> Pts:
    """A quadratic Bezier curve from p0 to p2 pulled towards p1."""
    t = np.linspace(0.0, 1.0, n)[:, None]
    xy = (1 - t) ** 2 * np.asarray(p0) + 2 * (1 - t) * t * np.asarray(p1) + t * t * np.asarray(p2)
    return [(float(x), float(y)) for x, y in xy]


def along(pts: Sequence[Point], count: int, offset: float = 0.5) -> Pts:
    """`count` points evenly spaced by arc length around a closed polygon."""
    arr = np.asarray([*pts, pts[0]], float)
    seg = np.hypot(*np.diff(arr, axis=0).T)
    cum = np.concatenate([[0.0], np.cumsum(seg)])
    at = (np.arange(count) + offset) / max(count, 1) * cum[-1]
    xs, ys = np.interp(at, cum, arr[:, 0]), np.interp(at, cum, arr[:, 1])
    return [(float(x), float(y)) for x, y in zip(xs, ys, strict=True)]


def mirror(half: Sequence[Point]) -> Pts:
    """A left-right symmetric outline from its right half (listed top to bottom)."""
    return [*half, *[(-x, y) for x, y in reversed(half)]]


def rect(x0: float, y0: float, x1: float, y1: float) -> Pts:
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def rounded(x0: float, y0: float, x1: float, y1: float, r: float, n: int = 6) -> Pts:
    """A rounded rectangle."""
    r = min(r, (x1 - x0) / 2, (y1 - y0) / 2)
    h = math.pi / 2
    return [
        *arc(x1 - r, y0 + r, r, r, -h, 0, n),
        *arc(x1 - r, y1 - r, r, r, 0, h, n),
        *arc(x0 + r, y1 - r, r, r, h, 2 * h, n),
        *arc(x0 + r, y0 + r, r, r, 2 * h, 3 * h, n),
    ]


def move(pts: Sequence[Point], dx: float, dy: float) -> Pts:
    return [(x + dx, y + dy) for x, y in pts]


def scale(pts: Sequence[Point], s: float, sy: float | None = None, about: Point = (0, 0)) -> Pts:
    ax, ay = about
    k = s if sy is None else sy
    return [(ax + (x - ax) * s, ay + (y - ay) * k) for x, y in pts]


def rotate(pts: Sequence[Point], angle: float, about: Point = (0, 0)) -> Pts:
    ca, sa = math.cos(angle), math.sin(angle)
    ax, ay = about
    return [
        (ax + (x - ax) * ca - (y - ay) * sa, ay + (x - ax) * sa + (y - ay) * ca) for x, y in pts
    ]


def is_convex(pts: Sequence[Point]) -> bool:
    """Whether a simple polygon turns the same way at every vertex."""
    n, pos, neg = len(pts), False, False
    for i in range(n):
        (ax, ay), (bx, by), (cx, cy) = pts[i - 2], pts[i - 1], pts[i]
        z = (bx - ax) * (cy - by) - (by - ay) * (cx - bx)
        pos, neg = pos or z > 1e-9, neg or z < -1e-9
        if pos and neg:
            return False
    return n >= 3


def clip_convex(subject: Sequence[Point], clip: Sequence[Point]) -> Pts:
    """Sutherland-Hodgman: `subject` clipped to the convex polygon `clip` (any winding)."""
    if len(clip) > len(subject) and is_convex(subject):
        subject, clip = clip, subject  # same intersection, fewer clipping passes
    c = np.asarray(clip, float)
    nxt = np.roll(c, -1, axis=0)
    sign = 1.0 if float(np.sum(c[:, 0] * nxt[:, 1] - nxt[:, 0] * c[:, 1])) > 0 else -1.0
    out = np.asarray(subject, float)
    for (ax, ay), (bx, by) in zip(c, nxt, strict=True):
        s = sign * ((bx - ax) * (out[:, 1] - ay) - (by - ay) * (out[:, 0] - ax))
        keep = s >= 0
        if keep.all():
            continue
        if not keep.any():
            return []
        prev, sp = np.roll(out, 1, axis=0), np.roll(s, 1)
        cross = keep != (sp >= 0)
        t = np.where(cross, sp / np.where(cross, sp - s, 1.0), 0.0)
        both = np.stack([prev + (out - prev) * t[:, None], out], axis=1)
        out = both[np.stack([cross, keep], axis=1)]
    return [(float(x), float(y)) for x, y in out]


def thickness(pts: Sequence[Point]) -> float:
    """A shape's typical width (its diameter for a disc, about its short side for a bar)."""
    area2, perimeter = 0.0, 0.0
    px, py = pts[-1]
    for x, y in pts:  # plain Python: faster than numpy for the short outlines used here
        area2 += px * y - x * py
        perimeter += math.hypot(x - px, y - py)
        px, py = x, y
    return 1.7 * abs(area2) / max(perimeter, 1e-9)


def inside(pts: Sequence[Point], x: float, y: float) -> bool:
    """Even-odd point-in-polygon test."""
    p = np.asarray(pts, float)
    q = np.roll(p, -1, axis=0)
    span = (p[:, 1] > y) != (q[:, 1] > y)
    dy = np.where(span, q[:, 1] - p[:, 1], 1.0)
    cut = p[:, 0] + (y - p[:, 1]) * (q[:, 0] - p[:, 0]) / dy
    return bool(np.count_nonzero(span & (x < cut)) % 2)


def glint_point(pts: Sequence[Point], reach: float = 0.6) -> Point:
    """A point well inside the shape towards the light (upper left)."""
    arr = np.asarray(pts, float)
    centre = arr.mean(axis=0)
    cand = centre + (arr[:: max(1, len(arr) // 24)] - centre) * reach
    for gx, gy in cand[np.argsort(cand.sum(axis=1))]:
        if inside(pts, gx, gy):
            return float(gx), float(gy)
    return float(centre[0]), float(centre[1])
