"""Shared helpers of the UI family: design-space fitting, metallic gradient fills and engraving.

Every UI renderer draws in the coordinates of its default size ("design space"); `Fit` maps that
box uniformly into whatever size was requested, centred, so the subject is never cropped or
stretched. Metal is drawn as a multi-stop gradient clipped to a silhouette (`shaded`), then edged
with a dark bevel line and a light rim.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import aggdraw
import numpy as np
from PIL import Image

from bananajam.assets import draw
from bananajam.assets.canvas import Canvas, Point
from bananajam.assets.registry import RenderContext
from bananajam.assets.themes import RGB, Palette, hue_shift, mix, shade, tint

Poly = Sequence[Point]
Stroke = tuple[Poly, RGB, float, float]  # outline, colour, width, opacity


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


def lut(stops: Sequence[RGB]) -> np.ndarray:
    s = np.asarray(stops, np.float32) / 255.0
    pos = np.linspace(0.0, len(s) - 1, 256)
    i = np.minimum(pos.astype(np.int32), len(s) - 2)
    t = (pos - i)[:, None]
    return (s[i] * (1 - t) + s[i + 1] * t).astype(np.float32)  # type: ignore[no-any-return]


@functools.lru_cache(maxsize=64)
def _palette(stops: tuple[RGB, ...]) -> bytes:
    """The 256-entry RGB palette of a gradient through `stops` (themes repeat: cached)."""
    return bytes((lut(stops) * 255.0 + 0.5).astype(np.uint8).tobytes())


def shaded(
    c: Canvas,
    polys: Sequence[Poly],
    stops: Sequence[RGB],
    angle: float = 0.0,
    radial: Point | None = None,
    radius: float = 0.0,
    holes: Sequence[Poly] = (),
    opacity: float = 1.0,
    strokes: Sequence[Stroke] = (),
) -> None:
    """Fill the union of `polys` (minus `holes`) with a gradient through `stops`.

    Linear along `angle` (radians, 0 = left→right) across the shape's extent, or radial from
    point `radial` out to `radius`. `strokes` (outline, colour, width, opacity) are drawn on top
    inside the same pixel box, so a whole metal part costs one region read and write.
    """
    if not any(len(poly) for poly in polys):
        return
    allp = np.concatenate([np.asarray(poly, np.float64).reshape(-1, 2) for poly in polys])
    (lx, ly), (hx, hy) = allp.min(axis=0).tolist(), allp.max(axis=0).tolist()
    pad = max((w * c.scale for _, _, w, _ in strokes), default=0.0) + 1.0
    x0, y0 = max(0, int(lx - pad)), max(0, int(ly - pad))
    x1 = min(c.pixel_size[0], int(hx + pad) + 2)
    y1 = min(c.pixel_size[1], int(hy + pad) + 2)
    if x1 - x0 < 1 or y1 - y0 < 1:
        return
    w, h = x1 - x0, y1 - y0
    cover = aggdraw.Draw("L", (w, h), 0)  # coverage of polys minus holes, scaled by opacity
    cover.setantialias(True)
    for brush, group in ((aggdraw.Brush(round(255 * opacity)), polys), (aggdraw.Brush(0), holes)):
        for poly in group:
            if len(poly) >= 3:
                cover.polygon((np.asarray(poly, np.float64) - (x0, y0)).ravel().tolist(), brush)
    # the gradient is smooth: evaluate it on a 1/4 grid (sample centres matching PIL's
    # bilinear resize) and scale it up
    sw, sh = -(-w // 4), -(-h // 4)
    gx = x0 + (np.arange(sw, dtype=np.float32) + 0.5) * (w / sw)
    gy = y0 + (np.arange(sh, dtype=np.float32)[:, None] + 0.5) * (h / sh)
    if radial is not None:
        t = np.hypot(gx - radial[0], gy - radial[1]) / max(radius, 1e-3)
    else:
        ca, sa = math.cos(angle), math.sin(angle)
        proj = allp[:, 0] * ca + allp[:, 1] * sa
        lo, hi = float(proj.min()), float(proj.max())
        t = (gx * ca + gy * sa - lo) / max(hi - lo, 1e-3)
    idx = np.clip(t * 255.0, 0, 255).astype(np.uint8)
    ramp = Image.fromarray(idx, "L")
    if (sw, sh) != (w, h):
        ramp = ramp.resize((w, h), Image.Resampling.BILINEAR)
    ramp.putpalette(_palette(tuple(tuple(st) for st in stops)), "RGB")
    grad = ramp.convert("RGBA")
    # pasting an opaque patch through a coverage mask is exactly premultiplied "over"
    mask = Image.frombytes("L", (w, h), cover.tobytes())
    dst = c.read_region((x0, y0, x1, y1))
    dst.paste(grad, (0, 0), mask)
    if strokes:
        d = aggdraw.Draw(dst)
        d.setantialias(True)
        sc = c.scale
        for poly, color, width, op in strokes:
            if len(poly) >= 3:
                pen = aggdraw.Pen(tuple(color), max(0.3, width * sc), round(255 * op))
                d.polygon((np.asarray(poly, np.float64) * sc - (x0, y0)).ravel().tolist(), pen)
        d.flush()
    c.write_region(dst, (x0, y0))


def plate(
    c: Canvas,
    polys: Sequence[Poly],
    m: Metal,
    edge: float,
    angle: float = 0.8,
    holes: Sequence[Poly] = (),
    extra: Sequence[Stroke] = (),
) -> None:
    """A metal part: gradient body, dark bevel outline, and a thin light rim offset up-left.

    `extra` outlines are drawn over it in the same pixel box (cheaper than drawing them after)."""
    strokes: list[Stroke] = []
    for poly in (*polys, *holes):
        off = [(x - edge * 0.45, y - edge * 0.45) for x, y in poly]
        strokes += [(poly, m.deep, edge, 1.0), (off, m.light, edge * 0.35, 0.45)]
    shaded(c, polys, m.stops(), angle, holes=holes, strokes=[*strokes, *extra])


def engrave(c: Canvas, pts: Poly, m: Metal, width: float, smooth: bool = True) -> None:
    """An engraved groove: a light lip below a tapered dark cut."""
    lip = [(x + width * 0.35, y + width * 0.45) for x, y in pts]
    draw.brush(c, lip, width, m.light, opacity=0.5, smooth=smooth)
    draw.brush(c, pts, width, m.deep, opacity=0.9, smooth=smooth)


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
