"""Shared helpers of the UI family: design-space fitting, metallic gradient fills and engraving.

Every UI renderer draws in the coordinates of its default size ("design space"); `Fit` maps that
box uniformly into whatever size was requested, centred, so the subject is never cropped or
stretched. Metal is drawn as a multi-stop gradient clipped to a silhouette (`shaded`), then edged
with a dark bevel line and a light rim.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bananajam.assets import draw
from bananajam.assets.canvas import Canvas, Point
from bananajam.assets.families._ui_fill import Line, Mark, Stroke, flat, ink, lut, paint, shaded
from bananajam.assets.registry import RenderContext
from bananajam.assets.themes import RGB, Palette, hue_shift, mix, shade, tint

Poly = Sequence[Point]
__all__ = ["Mark", "Stroke", "flat", "ink", "lut", "shaded"]


@dataclass(frozen=True)
class Fit:
    """A design-space → canvas transform: an optional pose (tilt, squash) about the design
    centre (cx, cy), then a uniform scale `s` to the canvas point (ox, oy)."""

    s: float
    ox: float
    oy: float
    m: tuple[float, float, float, float] = (1.0, 0.0, 0.0, 1.0)
    cx: float = 0.0
    cy: float = 0.0

    def p(self, x: float, y: float) -> Point:
        a, b, c, d = self.m
        dx, dy = x - self.cx, y - self.cy
        return (self.ox + (a * dx + b * dy) * self.s, self.oy + (c * dx + d * dy) * self.s)

    def pts(self, seq: Poly) -> list[Point]:
        a, b, c, d = self.m
        s, cx, cy, ox, oy = self.s, self.cx, self.cy, self.ox, self.oy
        return [
            (ox + (a * (x - cx) + b * (y - cy)) * s, oy + (c * (x - cx) + d * (y - cy)) * s)
            for x, y in seq
        ]

    def l(self, v: float) -> float:  # noqa: E743 - a length, named like the others' one letter
        a, b, c, d = self.m
        return v * self.s * math.sqrt(abs(a * d - b * c))


def fit(
    ctx: RenderContext[Any],
    dw: float,
    dh: float,
    margin: float = 0.03,
    tilt: float = 0.0,
    squash: float = 1.0,
    slim: float = 1.0,
) -> Fit:
    """Fit a dw×dh design box into the requested size, centred, with a small margin.

    `tilt` (radians) rotates the design about its centre and `squash` scales it horizontally
    (>1 wider), both before fitting, so a posed subject still never crops. `slim` < 1 says the
    subject only spans that fraction of the box's width, so a tilted narrow subject stays large.
    """
    ca, sa = math.cos(tilt), math.sin(tilt)
    m = (ca * squash, -sa, sa * squash, ca)
    ew = abs(m[0]) * dw * slim + abs(m[1]) * dh
    eh = abs(m[2]) * dw * slim + abs(m[3]) * dh
    s = min(ctx.width / ew, ctx.height / eh) * (1.0 - 2.0 * margin)
    return Fit(s, ctx.width / 2.0, ctx.height / 2.0, m, dw / 2.0, dh / 2.0)


def posed(
    ctx: RenderContext[Any],
    dw: float,
    dh: float,
    tilt: float,
    squash: float,
    margin: float = 0.03,
    slim: float = 1.0,
) -> Fit:
    """`fit` with a per-index pose from the seeded rng: tilt within ±`tilt` radians and a
    horizontal squash within 1 ± `squash` (drawn evenly so neighbours differ visibly)."""
    r = ctx.rng("pose").uniform(-1.0, 1.0, 2)
    return fit(ctx, dw, dh, margin, float(r[0]) * tilt, 1.0 + float(r[1]) * squash, slim)


@dataclass(frozen=True)
class Metal:
    """The tones of one polished metal, darkest first."""

    deep: RGB
    dark: RGB
    base: RGB
    light: RGB
    shine: RGB

    def stops(self) -> list[RGB]:
        """A brushed-metal cross-section: dark edges, a bright band off-centre."""
        return [self.dark, self.base, self.light, self.shine, self.light, self.base, self.dark]

    def dome(self) -> list[RGB]:
        """A radial ramp for bosses and studs (light centre out to dark rim)."""
        return [self.shine, self.light, self.base, self.dark]


def metal(pal: Palette, hue: float = 0.0, warmth: float = 0.0) -> Metal:
    """A metal built from the palette; `hue` shifts the accent a few degrees for variety."""
    base = hue_shift(pal.accent, hue) if hue else pal.accent
    base = mix(base, pal.glow, warmth)
    return Metal(
        deep=shade(pal.ink, 0.35),
        dark=mix(pal.ink, base, 0.3),
        base=mix(pal.ink, base, 0.75),
        light=mix(base, pal.glow, 0.55),
        shine=tint(pal.glow, 0.35),
    )


def ellipse_pts(cx: float, cy: float, rx: float, ry: float, n: int = 72) -> list[Point]:
    return draw.arc_points(cx, cy, rx, ry, 0.0, 2 * math.pi * (n - 1) / n, n)


def plate(
    c: Canvas,
    polys: Sequence[Poly],
    m: Metal,
    edge: float,
    angle: float = 0.8,
    holes: Sequence[Poly] = (),
    extra: Sequence[Stroke] = (),
    marks: Sequence[Mark] = (),
) -> None:
    """A metal part: gradient body, dark bevel outline, and a thin light rim offset up-left.

    `extra` outlines, then `marks`, are drawn over it in the same pixel box (cheaper than
    drawing them after)."""
    lines: list[Line] = []
    for poly in (*polys, *holes):
        q = flat(poly)
        lines += [(q, m.deep, edge, 1.0, 0.0), (q, m.light, edge * 0.35, 0.45, -edge * 0.45)]
    lines += [(flat(q), col, w, op, 0.0) for q, col, w, op in extra]
    paint(c, polys, holes, m.stops(), angle, None, 0.0, 1.0, lines, marks)


def stroke(
    pts: Poly,
    width: float,
    color: RGB,
    opacity: float = 1.0,
    smooth: bool = True,
    start: float = 0.15,
    end: float = 0.2,
) -> Mark:
    """The tapered polygon `draw.brush` fills, as a mark for `plate`, `shaded` or `ink`."""
    outline = draw.brush_outline(pts, width, smooth, start, end)
    return (outline.ravel().tolist(), color, opacity, 0.0)


def engrave(c: Canvas, pts: Poly, m: Metal, width: float, smooth: bool = True) -> None:
    """An engraved groove: a light lip below a tapered dark cut."""
    lip = [(x + width * 0.35, y + width * 0.45) for x, y in pts]
    draw.brush(c, lip, width, m.light, opacity=0.5, smooth=smooth)
    draw.brush(c, pts, width, m.deep, opacity=0.9, smooth=smooth)


def groove(pts: Poly, m: Metal, width: float, smooth: bool = True) -> list[Mark]:
    """`engrave` as marks (for `plate`, `shaded` or `ink`)."""
    lip = [(x + width * 0.35, y + width * 0.45) for x, y in pts]
    return [stroke(lip, width, m.light, 0.5, smooth), stroke(pts, width, m.deep, 0.9, smooth)]


def mirror_x(pts: Poly, cx: float) -> list[Point]:
    """Mirror a point list about the vertical line x = cx (reversed to keep winding)."""
    return [(2 * cx - x, y) for x, y in reversed(pts)]


def rotate(pts: Poly, cx: float, cy: float, a: float) -> list[Point]:
    """Rotate points by `a` radians about (cx, cy)."""
    ca, sa = math.cos(a), math.sin(a)
    return [
        (cx + (x - cx) * ca - (y - cy) * sa, cy + (x - cx) * sa + (y - cy) * ca) for x, y in pts
    ]


def stadium(cx: float, cy: float, w: float, h: float, n: int = 14) -> list[Point]:
    """A vertical rounded bar (semicircular ends) w wide and h tall."""
    r = w / 2.0
    top = draw.arc_points(cx, cy - h / 2 + r, r, r, math.pi, 2 * math.pi, n)
    bot = draw.arc_points(cx, cy + h / 2 - r, r, r, 0.0, math.pi, n)
    return [*top, *bot]


def outline(cx: float, cy: float, r: float, kind: str, lobes: int, n: int = 72) -> list[Point]:
    """A closed rim of radius r: "round", "facet" (a regular `lobes`-gon) or "lobed" (wavy)."""
    out = []
    for i in range(n):
        a = 2 * math.pi * i / n
        q = 1.0
        if kind == "facet":
            seg = 2 * math.pi / lobes
            q = math.cos(math.pi / lobes) / math.cos((a + math.pi / 2) % seg - math.pi / lobes)
        elif kind == "lobed":
            q = 0.94 + 0.06 * math.cos(lobes * a)
        out.append((cx + r * q * math.cos(a), cy + r * q * math.sin(a)))
    return out
