"""Drawing kit for the creatures-B and particle families: a fit-to-canvas sketch of shaded parts.

A creature is built in its own design coordinates as a list of parts (smooth closed blobs, tapered
limbs, flat marks, brush strokes, eyes). `Sketch.render` measures the whole figure, fits it inside
the requested canvas (any aspect, optional mirror) and paints every part in one aggdraw session:
a glow-coloured rim offset towards the light, a dark base, then stacked lighter copies shrunk
towards the highlight, which reads as a soft ink-wash gradient at no numpy cost.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import aggdraw
import numpy as np

from bananajam.assets import draw
from bananajam.assets.canvas import Canvas, Point
from bananajam.assets.themes import RGB, Palette, hue_shift, mix, tint

Arr = np.ndarray
Pts = Arr | Sequence[Point]
Mapper = Callable[[Pts], Arr]
LIGHT = (-0.55, -0.83)  # canvas-space direction towards the key light (upper left)


@dataclass(frozen=True)
class Tone:
    """The four colours one shaded part is painted with."""

    dark: RGB
    base: RGB
    lite: RGB
    rim: RGB


def tones(pal: Palette, hue: float = 0.0, depth: float = 0.0, warm: float = 0.0) -> Tone:
    """Body colours from the palette: `depth` pushes a part back, `warm` pulls it to the glow."""
    acc = hue_shift(mix(pal.accent, pal.glow, warm), hue)
    return Tone(
        dark=mix(pal.ink, acc, 0.2 - 0.1 * depth),
        base=mix(pal.ink, acc, 0.55 - 0.25 * depth),
        lite=mix(acc, pal.glow, 0.4 - 0.3 * depth),
        rim=mix(pal.glow, acc, 0.25 + 0.45 * depth),
    )


@functools.lru_cache(maxsize=16)
def _basis(samples: int) -> Arr:
    """Catmull-Rom weights of (p0, p1, p2, p3) at `samples` steps per segment (S×4)."""
    t = np.linspace(0.0, 1.0, samples, endpoint=False)[:, None]
    m = np.array([[0, 2, 0, 0], [-1, 0, 1, 0], [2, -5, 4, -1], [-1, 3, -3, 1]], np.float64)
    out: Arr = 0.5 * np.hstack([np.ones_like(t), t, t**2, t**3]) @ m
    return out


@functools.lru_cache(maxsize=64)
def _windows(m: int) -> Arr:
    """Row indices (m×4) of the four control points of each of m segments."""
    return np.arange(m)[:, None] + np.arange(4)


def curve(ctrl: Pts, samples: int = 6, closed: bool = True) -> Arr:
    """A smooth Catmull-Rom curve through control points, vectorised (closed by default)."""
    p = np.asarray(ctrl, float)
    if len(p) < 3:
        return p
    e = np.concatenate((p[-1:], p, p[:2]) if closed else (p[:1], p, p[-1:]))
    out: Arr = (_basis(samples) @ e[_windows(len(e) - 3)]).reshape(-1, 2)  # m×S×2 flattened
    return out if closed else np.concatenate((out, p[-1:]))


def oval(cx: float, cy: float, rx: float, ry: float, rot: float = 0.0, n: int = 20) -> Arr:
    """An ellipse outline as a polygon (rotated by `rot` radians)."""
    a = np.linspace(0.0, 2 * np.pi, n, endpoint=False)
    x, y = rx * np.cos(a), ry * np.sin(a)
    ca, sa = math.cos(rot), math.sin(rot)
    return np.stack([cx + x * ca - y * sa, cy + x * sa + y * ca], axis=1)


def rotate(pts: Pts, pivot: Point, angle: float) -> Arr:
    """Points rotated about `pivot` by `angle` radians (clockwise on screen for angle > 0)."""
    p = np.asarray(pts, float) - pivot
    ca, sa = math.cos(angle), math.sin(angle)
    return np.stack([p[:, 0] * ca - p[:, 1] * sa, p[:, 0] * sa + p[:, 1] * ca], axis=1) + pivot


def tube(path: Pts, w0: float, w1: float, samples: int = 6) -> tuple[Arr, Arr]:
    """A limb's evenly resampled centreline and widths (w0 → w1, with rounded ends)."""
    arr = curve(path, samples, closed=False) if len(path) > 2 else np.asarray(path, float)
    seg = np.hypot(*np.diff(arr, axis=0).T)
    d0 = np.concatenate([[0.0], np.cumsum(seg)])
    n = int(np.clip(d0[-1] / (min(w0, w1) * 0.2 + 1e-9), 8, 32))
    d = np.linspace(0.0, float(d0[-1]), n)
    arr = np.stack([np.interp(d, d0, arr[:, 0]), np.interp(d, d0, arr[:, 1])], axis=1)
    w = w0 + (w1 - w0) * d / max(float(d[-1]), 1e-9)
    # round caps: half-circle profiles over half a width at each end
    e = np.minimum(np.clip(d / (w0 * 0.5), 0, 1), np.clip((d[-1] - d) / (w1 * 0.5), 0, 1))
    return arr, w * np.sqrt(np.clip(1 - (1 - e) ** 2, 0.05, 1.0))


def ribbon(path: Arr, widths: Arr) -> Arr:
    """The closed outline of a variable-width band along a polyline (or a batch of them)."""
    e = np.concatenate((path[..., :1, :], path, path[..., -1:, :]), axis=-2)
    tan = e[..., 2:, :] - e[..., :-2, :]  # next minus previous (one-sided at the ends)
    norm = np.hypot(tan[..., 0], tan[..., 1])
    norm[norm == 0] = 1.0
    off = tan[..., ::-1] * (-1.0, 1.0) * (widths / (2 * norm))[..., None]
    out: Arr = np.concatenate([path + off, (path - off)[..., ::-1, :]], axis=-2)
    return out


def discs(xs: Arr, ys: Arr, rs: Arr, n: int = 12) -> Arr:
    """A batch of circle polygons (k×n×2) for many centres and radii at once."""
    a = np.linspace(0.0, 2 * np.pi, n, endpoint=False)
    ring = np.stack([np.cos(a), np.sin(a)], axis=-1)
    out: Arr = np.stack([xs, ys], axis=-1)[:, None, :] + np.asarray(rs)[:, None, None] * ring
    return out


@functools.lru_cache(maxsize=512)
def _brush(color: tuple[int, ...], alpha: int) -> aggdraw.Brush:
    return aggdraw.Brush(color, alpha)


def fill(c: Canvas, pts: Arr, color: RGB, opacity: float = 1.0) -> None:
    """Fill a polygon given as an N×2 array in logical pixels (the fast path for many shapes)."""
    if len(pts) >= 3:
        brush = _brush(tuple(color), max(0, min(255, round(opacity * 255))))
        c.draw.polygon((pts * c.scale).ravel().tolist(), brush)


@dataclass
class Sketch:
    """A figure in design coordinates, fitted to the canvas when rendered."""

    ops: list[tuple[str, Arr, tuple[Any, ...]]] = field(default_factory=list)

    def part(
        self, pts: Pts, tone: Tone, steps: int = 3, rim: float = 1.0, focus: Point | None = None
    ) -> None:
        """A shaded volume, convex or star-shaped about `focus` (the copies shrink towards it)."""
        self.ops.append(("part", np.asarray(pts, float), (tone, steps, rim, focus)))

    def limb(self, path: Pts, w0: float, w1: float, tone: Tone, rim: float = 1.0) -> None:
        """A tapered tube with a highlight running along its lit side."""
        centre, w = tube(path, w0, w1)
        self.ops.append(("part", ribbon(centre, w), (tone, 0, rim, None)))
        self.ops.append(("shift", ribbon(centre, w * 0.45), (tone.lite, 0.5, max(w0, w1) * 0.18)))

    def flat(self, pts: Pts, color: RGB, opacity: float = 1.0) -> None:
        self.ops.append(("flat", np.asarray(pts, float), (color, opacity)))

    def stroke(self, pts: Pts, width: float, color: RGB, opacity: float = 1.0) -> None:
        """A tapered brush mark (width in design units)."""
        path = curve(pts, 6, closed=False)
        widths = np.maximum(draw.taper(len(path), 0.3, 0.4) * width, width * 0.05)
        self.ops.append(("flat", ribbon(path, widths), (color, opacity)))

    def eye(self, x: float, y: float, r: float, pal: Palette, look: float = 0.0) -> None:
        """A glowing eye: halo, iris, slit pupil and a catch-light."""
        self.flat(oval(x, y, r * 1.7, r * 1.7, n=16), pal.glow, 0.18)
        self.flat(oval(x, y, r, r, n=16), tint(pal.glow, 0.2))
        px = x + look * r * 0.3
        self.flat(oval(px, y, r * 0.38, r * 0.8, n=12), pal.ink)
        self.flat(oval(px - r * 0.3, y - r * 0.35, r * 0.22, r * 0.22, n=10), tint(pal.glow, 0.85))

    def render(
        self, c: Canvas, margin: float = 0.05, flip: bool = False, turn: float = 0.0
    ) -> Mapper:
        """Fit the figure (turned by `turn` radians, mirrored if `flip`) inside `c` and paint it.

        Returns the design → canvas mapping, for anything drawn on top afterwards.
        """
        ca, sa = math.cos(turn), math.sin(turn)
        rot = np.asarray([[ca, sa], [-sa, ca]])
        allp = np.concatenate([pts for _, pts, _ in self.ops]) @ rot
        lo, hi = allp.min(axis=0), allp.max(axis=0)
        span = np.maximum(hi - lo, 1e-6)
        s = min(c.width * (1 - 2 * margin) / span[0], c.height * (1 - 2 * margin) / span[1])
        off = (np.asarray([c.width, c.height]) - span * s) / 2
        sign = np.asarray([-1.0 if flip else 1.0, 1.0])
        anchor = np.asarray([hi[0] if flip else lo[0], lo[1]])
        mat, shift = rot * (sign * s), off - anchor * sign * s

        def m(pts: Pts) -> Arr:
            out: Arr = np.asarray(pts, float) @ mat + shift
            return out

        light = np.asarray(LIGHT)
        rim_px = max(0.6, 0.012 * c.unit)
        for kind, pts, args in self.ops:
            cp = m(pts)
            if kind == "part":
                focus = None if args[3] is None else m([args[3]])[0]
                _shaded(c, cp, args[0], args[1], rim_px * args[2], focus)
            elif kind == "shift":
                fill(c, cp + light * args[2] * s, args[0], args[1])
            else:
                fill(c, cp, args[0], args[1])
        return m


def _shaded(c: Canvas, pts: Arr, tone: Tone, steps: int, rim: float, focus: Arr | None) -> None:
    """Rim, dark base and `steps` lighter copies shrunk towards the highlight.

    When the part is star-shaped about that point the copies nest, each a 75 % (then 50 %) layer
    over the opaque copy it sits in: they are filled opaque in the colour the blend gives (the
    same picture; AGG copies opaque spans instead of blending them)."""
    light = np.asarray(LIGHT)
    if rim > 0:
        fill(c, pts + light * rim, tone.rim)
    fill(c, pts, tone.dark if steps else tone.base)
    if not steps:
        return
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    centre = (lo + hi) / 2 + light * (hi - lo) * 0.22 if focus is None else focus
    rel = pts - centre
    nxt = np.concatenate((rel[1:], rel[:1]))
    turn = rel[:, 0] * nxt[:, 1] - rel[:, 1] * nxt[:, 0]
    nested = bool((turn >= 0).all() or (turn <= 0).all())  # the centre sees every edge
    below = tone.dark
    for k in range(1, steps + 1):
        f = 1.0 - 0.85 * k / (steps + 1)
        col = mix(tone.base, tone.lite, (k - 1) / max(steps - 1, 1)) if steps > 1 else tone.base
        op = 0.75 if k == 1 else 0.5
        if nested:
            below = mix(below, col, round(op * 255) / 255)
            col, op = below, 1.0
        fill(c, centre + rel * f, col, op)


def wing(
    sk: Sketch,
    shoulder: Point,
    wrist: Point,
    tips: Sequence[Point],
    bone: Tone,
    skin: Tone,
    scallop: float = 0.25,
    hip: Point | None = None,
) -> None:
    """A bat/dragon wing: membrane panels between finger bones fanning from the wrist."""
    sx, sy = shoulder
    wx, wy = wrist
    anchors = [*tips, hip or (sx - (wx - sx) * 0.05, sy + abs(wy - sy) * 0.3 + 0.12)]
    prev = (sx, sy)
    for i, (tx, ty) in enumerate(anchors):
        # panel between the previous edge point and this one, its free edge curving inwards
        px, py = prev
        mx, my = (px + tx) / 2, (py + ty) / 2
        inner = (mx + (wx - mx) * scallop, my + (wy - my) * scallop)
        edge = curve([(px, py), inner, (tx, ty)], 5, closed=False)
        panel = np.concatenate([np.asarray([wrist]), edge])
        sk.part(panel, skin, 2 if i % 2 == 0 else 1, rim=0.6, focus=wrist)
        prev = (tx, ty)
    sk.limb([shoulder, ((sx + wx) / 2, (sy + wy) / 2 - 0.02), wrist], 0.05, 0.035, bone)
    for tx, ty in tips:
        sk.limb([wrist, (tx, ty)], 0.026, 0.008, bone, rim=0.4)


def hind_leg(sk: Sketch, knee: Point, heel: Point, toe: Point, thick: float, tone: Tone) -> None:
    """A big thigh, a shin to the heel and a long foot."""
    ang = math.atan2(knee[1], knee[0])
    sk.part(oval(knee[0] * 0.45, knee[1] * 0.45, 0.2 * thick, 0.15 * thick, ang), tone, 3)
    sk.limb(
        [knee, ((knee[0] + heel[0]) / 2, (knee[1] + heel[1]) / 2), heel],
        0.09 * thick,
        0.06 * thick,
        tone,
    )
    mid = ((heel[0] + toe[0]) / 2, (heel[1] + toe[1]) / 2 + 0.005)
    sk.limb([heel, mid, toe], 0.065 * thick, 0.035 * thick, tone)


def upper(lean: float, pts: Pts) -> Arr:
    """Lean upright-designed points about the hip."""
    return rotate(pts, (0.0, 0.0), math.radians(lean))
