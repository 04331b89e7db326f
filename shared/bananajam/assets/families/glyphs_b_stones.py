"""Glyphs part B, carved relics: runic obelisks, shattered glyph tablets and void anchors."""

from __future__ import annotations

import math
from typing import Literal

import numpy as np
from pydantic import Field

from bananajam.assets import draw
from bananajam.assets.canvas import Canvas, Point
from bananajam.assets.families._glyph_fill_b import gradient_fills, sphere
from bananajam.assets.families._glyph_kit_b import (
    Fit,
    Stroke,
    crack,
    rotate,
    rune,
    sparkles,
    strokes,
)
from bananajam.assets.families._glyph_light_b import glow_pass
from bananajam.assets.params import AssetParams
from bananajam.assets.registry import RenderContext, asset
from bananajam.assets.themes import RGB, mix, shade, tint


def _half_plane(poly: np.ndarray, v: np.ndarray) -> list[Point]:
    """The part of a convex polygon where `v` (a value per vertex) is >= 0."""
    out: list[Point] = []
    n = len(poly)
    for i in range(n):
        p, q, a, b = poly[i], poly[(i + 1) % n], v[i], v[(i + 1) % n]
        if a >= 0:
            out.append((float(p[0]), float(p[1])))
        if (a >= 0) != (b >= 0):
            x, y = p + (q - p) * (a / (a - b))
            out.append((float(x), float(y)))
    return out


def banded_poly(
    c: Canvas, pts: list[Point], c0: RGB, c1: RGB, axis: Point, bands: int = 16
) -> None:
    """A linear gradient fill drawn as nested vector bands (no canvas flush, unlike a raster
    gradient); `axis` weighs x and y across the bounding box as in `gradient_poly`."""
    arr = np.asarray(pts, dtype=float)
    lo, size = arr.min(axis=0), np.maximum(np.ptp(arr, axis=0), 1e-6)
    t = ((arr - lo) / size) @ np.asarray(axis, dtype=float)
    t /= max(float(t.max()), 1e-6)
    c.polygon(pts, fill=mix(c0, c1, 0.5 / bands))
    for k in range(1, bands):
        band = _half_plane(arr, t - k / bands)
        if len(band) >= 3:
            c.polygon(band, fill=mix(c0, c1, (k + 0.5) / bands))


class ObeliskParams(AssetParams):
    height: float = Field(0.85, ge=0.65, le=1.0)
    width: float = Field(0.5, ge=0.38, le=0.7)
    taper: float = Field(0.65, ge=0.4, le=0.9)
    rows: int = Field(5, ge=2, le=7)
    cap: Literal["pyramid", "crystal", "orb", "broken"] = "pyramid"
    steps: int = Field(2, ge=0, le=3)


@asset("runic_obelisk", "glyphs", (400, 700), ObeliskParams, tags=("obelisk", "rune", "stone"))
def runic_obelisk(ctx: RenderContext[ObeliskParams]) -> Canvas:
    """A tapering two-faced stone obelisk carved with glowing runes, crowned by a cap."""
    c, p, pal, f = ctx.canvas(), ctx.params, ctx.palette, Fit(ctx, 400, 700)
    rng = ctx.rng("obelisk")
    cx, base = 200.0, 680.0
    step_h = 22.0
    bw = 390 * p.width
    yb = base - step_h * p.steps
    top_room = 150 if p.cap in ("crystal", "orb") else 80
    yt = yb - (yb - top_room) * p.height
    tw = bw * p.taper
    split = float(ctx.rng("pose").uniform(0.02, 0.3))
    P = f.pts
    c.ellipse(
        *f.p(cx, base),
        f.d(bw * 0.75 + 20 * p.steps),
        f.d(14),
        fill=shade(pal.ink, 0.5),
        opacity=0.7,
    )
    for k in range(p.steps):
        hw = bw / 2 + 14 * (p.steps - k)
        y0 = base - step_h * (k + 1)
        banded_poly(
            c,
            P([(cx - hw, y0), (cx + hw, y0), (cx + hw, y0 + step_h), (cx - hw, y0 + step_h)]),
            pal.mid,
            shade(pal.ink, 0.3),
            (1.0, 0.3),
        )
        c.line(P([(cx - hw, y0), (cx + hw, y0)]), mix(pal.mid, pal.glow, 0.3), f.d(2))
    xm_b, xm_t = cx + bw * split, cx + tw * split
    left = [(cx - bw / 2, yb), (xm_b, yb), (xm_t, yt), (cx - tw / 2, yt)]
    right = [(xm_b, yb), (cx + bw / 2, yb), (cx + tw / 2, yt), (xm_t, yt)]
    lit, dark = mix(pal.ink, pal.accent, 0.5), shade(pal.ink, 0.35)
    banded_poly(c, P(left), lit, mix(pal.ink, pal.accent, 0.12), (0.3, 1.0))
    banded_poly(c, P(right), mix(pal.ink, pal.accent, 0.2), dark, (1.0, 0.4))
    c.line(P([(xm_b, yb), (xm_t, yt)]), mix(lit, pal.glow, 0.35), f.d(2.5))
    apex: list[Point] = []
    if p.cap == "pyramid":
        apex = [(cx + tw * split * 0.5, yt - tw * 0.9)]
        banded_poly(c, P([left[3], left[2], apex[0]]), tint(lit, 0.15), lit, (0.5, 1.0))
        c.polygon(P([right[3], right[2], apex[0]]), fill=dark)
    elif p.cap == "broken":
        jag = [(cx - tw / 2 + tw * t, yt - rng.uniform(0, tw * 0.5)) for t in np.linspace(0, 1, 6)]
        c.polygon(P([(cx - tw / 2, yt + 1), *jag, (cx + tw / 2, yt + 1)]), fill=lit)
    runes: list[Stroke] = []
    rrng = ctx.rng("runes")
    face_w = (bw + tw) / 2 * (0.5 + split)
    size = min((yb - yt) / (p.rows + 0.6) * 0.7, face_w * 0.9)
    for k in range(p.rows):
        y = yt + (yb - yt) * (k + 0.8) / (p.rows + 0.6)
        wy = tw + (bw - tw) * (y - yt) / (yb - yt)
        x = cx - wy / 2 + wy * (0.5 + split) / 2
        runes += [f.pts(s) for s in rune(rrng, x, y, size)]
    cracks = [
        f.pts(s) for s in crack(ctx.rng("crack"), cx - bw * 0.12, yb, -1.5, (yb - yt) * 0.3, 1)
    ]
    strokes(c, cracks, f.d(3.5), shade(pal.ink, 0.5), 0.9)
    orb_y = yt - 75
    wr = f.d(max(3.0, size * 0.11))

    def light(g: Canvas) -> None:
        strokes(g, runes, wr * 3, pal.glow)
        if p.cap in ("crystal", "orb"):
            g.circle(*f.p(cx, orb_y), f.d(55), fill=pal.glow)

    glow_pass(c, light, f.d(12), 0.85)
    strokes(c, runes, wr, tint(pal.glow, 0.3))
    if p.cap == "orb":
        sphere(c, *f.p(cx, orb_y), f.d(38), pal.highlight, pal.accent)
    elif p.cap == "crystal":
        gem = [(cx, orb_y - 65), (cx + 30, orb_y), (cx, orb_y + 50), (cx - 30, orb_y)]
        c.polygon(P(gem), fill=pal.accent)
        c.polygon(P([gem[0], gem[2], gem[3]]), fill=pal.highlight)
    sparkles(c, ctx.rng("motes"), 5, *f.p(cx, yt), f.d(bw * 0.7), f.d(80), f.d(10), pal.glow)
    return c


class TabletParams(AssetParams):
    cuts: int = Field(3, ge=2, le=6)
    top: Literal["round", "flat", "pointed"] = "round"
    rows: int = Field(4, ge=3, le=6)
    gap: float = Field(0.08, ge=0.04, le=0.14)
    tilt: float = Field(0.0, ge=-0.15, le=0.15)


def _clip(poly: list[Point], o: Point, n: Point, keep: float) -> list[Point]:
    """Sutherland-Hodgman: the part of `poly` on the `keep` side of the line (o, normal n)."""

    def side(q: Point) -> float:
        return ((q[0] - o[0]) * n[0] + (q[1] - o[1]) * n[1]) * keep

    out: list[Point] = []
    for i, a in enumerate(poly):
        b = poly[(i + 1) % len(poly)]
        sa, sb = side(a), side(b)
        if sa >= 0:
            out.append(a)
        if (sa >= 0) != (sb >= 0):
            t = sa / (sa - sb)
            out.append((a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t))
    return out


def _inside(poly: list[Point], q: Point) -> bool:
    sgn = 0.0
    for i, a in enumerate(poly):
        b = poly[(i + 1) % len(poly)]
        cr = (b[0] - a[0]) * (q[1] - a[1]) - (b[1] - a[1]) * (q[0] - a[0])
        if sgn == 0.0:
            sgn = cr
        elif cr * sgn < 0:
            return False
    return True


@asset(
    "shattered_glyph_tablet",
    "glyphs",
    (500, 600),
    TabletParams,
    tags=("tablet", "rune", "stone", "broken"),
)
def shattered_glyph_tablet(ctx: RenderContext[TabletParams]) -> Canvas:
    """A rune-carved stone tablet split into drifting shards, light leaking through the cracks."""
    c, p, pal, f = ctx.canvas(), ctx.params, ctx.palette, Fit(ctx, 500, 600)
    rng = ctx.rng("cuts")
    x0, x1, y0, y1 = 80.0, 420.0, 70.0, 560.0
    cx, cy = 250.0, 315.0
    if p.top == "round":
        top = draw.arc_points(cx, y0 + 170, 170, 170, math.pi, 2 * math.pi, 20)
    elif p.top == "pointed":
        top = [(x0, y0 + 110), (cx, y0 - 30), (x1, y0 + 110)]
    else:
        top = [(x0, y0 + 20), (x0 + 20, y0), (x1 - 20, y0), (x1, y0 + 20)]
    outline = rotate([(x0, y1), *top, (x1, y1)][::-1], cx, cy, p.tilt)
    pieces = [outline]
    for _ in range(p.cuts):
        o = (cx + rng.uniform(-100, 100), cy + rng.uniform(-150, 150))
        a = rng.uniform(0, math.pi)
        n = (math.cos(a), math.sin(a))
        nxt = []
        for poly in pieces:
            for keep in (1.0, -1.0):
                part = _clip(poly, o, n, keep)
                if len(part) >= 3:
                    nxt.append(part)
        pieces = nxt
    moves: list[tuple[float, float, float]] = []
    for poly in pieces:
        mx = sum(q[0] for q in poly) / len(poly)
        my = sum(q[1] for q in poly) / len(poly)
        k = p.gap * rng.uniform(0.7, 1.3)
        moves.append(((mx - cx) * k, (my - cy) * k, rng.uniform(-0.06, 0.06)))
    rrng = ctx.rng("runes")
    cols = 4
    size = min(300 / cols * 0.6, 330 / p.rows * 0.62)
    glyphs: list[Stroke] = []
    for r in range(p.rows):
        for k in range(cols):
            gx, gy = x0 + 340 * (k + 0.5) / cols, y0 + 150 + 330 * (r + 0.5) / p.rows
            q = rotate([(gx, gy)], cx, cy, p.tilt)[0]
            owner = next((i for i, poly in enumerate(pieces) if _inside(poly, q)), None)
            if owner is None or rrng.random() < 0.15:
                continue
            dx, dy, da = moves[owner]
            for s in rune(rrng, q[0], q[1], size):
                glyphs.append(f.pts([(x + dx, y + dy) for x, y in rotate(s, q[0], q[1], da)]))
    moved = []
    for poly, (dx, dy, da) in zip(pieces, moves, strict=True):
        mx = sum(q[0] for q in poly) / len(poly)
        my = sum(q[1] for q in poly) / len(poly)
        moved.append(f.pts([(x + dx, y + dy) for x, y in rotate(poly, mx, my, da)]))
    glow_pass(
        c, lambda g: g.polygon(f.pts(outline), fill=pal.glow), f.d(14), 0.9, blank=ctx.transparent
    )
    lit, dark = mix(pal.ink, pal.accent, 0.5), shade(pal.ink, 0.25)
    for poly, fill in zip(moved, gradient_fills(c, moved, lit, dark, (0.5, 1.0)), strict=True):
        fill()
        c.polygon(poly, outline=mix(lit, pal.glow, 0.4), width=f.d(3))
    wr = f.d(size * 0.12)
    glow_pass(c, lambda g: strokes(g, glyphs, wr * 3, pal.accent), f.d(6), 0.8)
    strokes(c, glyphs, wr, tint(pal.glow, 0.2))
    return c
