"""Glyphs part B, circular emblems: runic circles, sigils and single burning void runes."""

from __future__ import annotations

import math
from typing import Literal

import numpy as np
from pydantic import Field

from bananajam.assets import draw
from bananajam.assets.canvas import Canvas, Point
from bananajam.assets.families._glyph_fill_b import gradient_poly, sphere
from bananajam.assets.families._glyph_kit_b import (
    Fit,
    Stroke,
    brush,
    dots,
    polar,
    rotate,
    rune,
    sparkles,
    strokes,
)
from bananajam.assets.families._glyph_light_b import glow_pass
from bananajam.assets.params import AssetParams
from bananajam.assets.registry import RenderContext, asset
from bananajam.assets.themes import mix, shade, tint

TAU = 2 * math.pi


class RunicCircleParams(AssetParams):
    rings: int = Field(3, ge=2, le=5)
    runes: int = Field(10, ge=5, le=16)
    figure: Literal["star", "polygon", "triangles", "eye", "spokes"] = "star"
    sides: int = Field(6, ge=3, le=8)
    gaps: float = Field(0.3, ge=0.0, le=0.8)


@asset("runic_circle", "glyphs", (600, 600), RunicCircleParams, tags=("rune", "circle", "arcane"))
def runic_circle(ctx: RenderContext[RunicCircleParams]) -> Canvas:
    """A summoning circle: broken concentric rings, a band of glowing runes and an inner figure."""
    c, p, pal, f = ctx.canvas(), ctx.params, ctx.palette, Fit(ctx, 600, 600)
    cx, cy = f.p(300, 300)
    R = f.d(285)
    rng = ctx.rng("rings")
    c.circle(cx, cy, R * 0.97, fill=shade(pal.ink, 0.2), opacity=0.85)
    radii = sorted([R * 0.95, R * 0.42, *(R * rng.uniform(0.48, 0.9, p.rings - 2))])
    band = max(range(len(radii) - 1), key=lambda k: radii[k + 1] - radii[k])
    ring_col = mix(pal.accent, pal.glow, 0.35)
    for k, r in enumerate(radii):
        w = R * (0.035 if k == len(radii) - 1 else 0.018)
        a = rng.uniform(0, TAU)
        segs = 1 if rng.random() > p.gaps else int(rng.integers(2, 7))
        for s in range(segs):
            a0 = a + TAU * s / segs
            a1 = a0 + TAU / segs * (1.0 if segs == 1 else rng.uniform(0.6, 0.92))
            brush(c, draw.arc_points(cx, cy, r, r, a0, a1, 40), w, ring_col, 0.95)
    r0, r1 = radii[band], radii[band + 1]
    rr, size = (r0 + r1) / 2, min((r1 - r0) * 0.62, TAU * (r0 + r1) / 2 / p.runes * 0.7)
    lines: list[Stroke] = []
    rrng = ctx.rng("runes")
    for k in range(p.runes):
        a = TAU * k / p.runes - math.pi / 2
        x, y = polar(cx, cy, rr, a)
        lines += [rotate(s, x, y, a + math.pi / 2) for s in rune(rrng, x, y, size)]
    wr = max(0.6, size * 0.15)
    ri = radii[0]
    core = ri * (0.3 if p.figure != "eye" else 0.22)

    def light(g: Canvas) -> None:
        draw.ring(g, cx, cy, R * 0.8, R * 0.22, shade(pal.accent, 0.4))
        strokes(g, lines, wr * 3, pal.glow)
        g.circle(cx, cy, core * 1.6, fill=pal.glow)

    glow_pass(c, light, R * 0.04, 0.85)
    strokes(c, lines, wr, tint(pal.glow, 0.3))
    ticks = int(rng.integers(24, 72))
    for k in range(ticks):
        a = TAU * k / ticks
        c.line([polar(cx, cy, R * 0.985, a), polar(cx, cy, R * 1.02, a)], ring_col, R * 0.008)
    fig: list[Stroke] = []
    rot = rng.uniform(0, TAU)
    if p.figure == "star":
        pts = draw.regular_polygon(cx, cy, ri, p.sides, rot)
        step = 2 if p.sides > 4 else 1
        fig = [[pts[i], pts[(i + step) % p.sides]] for i in range(p.sides)]
    elif p.figure == "polygon":
        for q in (1.0, 0.62):
            pts = draw.regular_polygon(cx, cy, ri * q, p.sides, rot + (q < 1) * math.pi / p.sides)
            fig.append([*pts, pts[0]])
    elif p.figure == "triangles":
        for q in range(2):
            pts = draw.regular_polygon(cx, cy, ri, 3, rot + q * math.pi / 3)
            fig.append([*pts, pts[0]])
    elif p.figure == "spokes":
        fig = [
            [
                polar(cx, cy, ri * 0.25, rot + TAU * k / p.sides),
                polar(cx, cy, radii[-1], rot + TAU * k / p.sides),
            ]
            for k in range(p.sides)
        ]
    else:
        fig = [
            draw.arc_points(cx, cy - ri * 0.45, ri * 0.95, ri * 0.8, 0.35, math.pi - 0.35, 20),
            draw.arc_points(
                cx, cy + ri * 0.45, ri * 0.95, ri * 0.8, math.pi + 0.35, TAU - 0.35, 20
            ),
        ]
    strokes(c, fig, R * 0.022, pal.accent)
    sphere(c, cx, cy, core, pal.highlight, pal.accent)
    return c


class SigilParams(AssetParams):
    points: int = Field(5, ge=3, le=9)
    skip: int = Field(2, ge=1, le=3)
    style: Literal["star", "nested", "crossed", "crescent"] = "star"
    frame: Literal["circle", "double", "spiked", "none"] = "circle"
    nodes: bool = True
    rotation: float = Field(0.0, ge=0.0, le=1.0)


@asset("sigil", "glyphs", (500, 500), SigilParams, tags=("sigil", "seal", "arcane"))
def sigil(ctx: RenderContext[SigilParams]) -> Canvas:
    """A bold occult seal: a star polygon with glowing nodes, frame, crescent or cross bars."""
    c, p, pal, f = ctx.canvas(), ctx.params, ctx.palette, Fit(ctx, 500, 500)
    cx, cy = f.p(250, 250)
    R = f.d(232)
    rng = ctx.rng("sigil")
    n, rot = p.points, -math.pi / 2 + p.rotation * TAU / p.points
    k = p.skip if 2 * p.skip < n and math.gcd(n, p.skip) == 1 else 1
    rv = R * 0.78
    verts = draw.regular_polygon(cx, cy, rv, n, rot)
    lines: list[Stroke] = [[verts[i], verts[(i + k) % n]] for i in range(n)]
    if p.style == "nested":
        inner = draw.regular_polygon(cx, cy, rv * 0.5, n, rot + math.pi / n)
        lines += [[inner[i], inner[(i + 1) % n]] for i in range(n)]
        lines += [[inner[i], verts[i]] for i in range(n)]
    elif p.style == "crossed":
        lines += [
            [(cx, cy - R), (cx, cy + R)],
            [(cx - R * 0.55, cy - R * 0.3), (cx + R * 0.55, cy - R * 0.3)],
        ]
    frames: list[Stroke] = []
    if p.frame in ("circle", "double"):
        frames.append(draw.arc_points(cx, cy, R * 0.84, R * 0.84, 0, TAU, 72))
    if p.frame == "double":
        frames.append(draw.arc_points(cx, cy, R * 0.95, R * 0.95, 0, TAU, 72))
    if p.frame == "spiked":
        sp = draw.star(cx, cy, R, R * 0.8, n * 2, rot)
        frames.append([*sp, sp[0]])
    c.circle(cx, cy, R * 0.8, fill=shade(pal.ink, 0.3), opacity=0.75)
    w = R * 0.055
    col = mix(pal.accent, pal.glow, 0.5)

    def light(g: Canvas) -> None:
        strokes(g, lines, w * 2.2, pal.glow)
        strokes(g, frames, w * 1.2, pal.accent)

    glow_pass(c, light, R * 0.07, 0.75)
    for ln in frames:
        c.line(ln, shade(pal.accent, 0.2), w * 0.55)
    strokes(c, lines, w * 1.3, shade(pal.ink, 0.1))
    strokes(c, lines, w * 0.75, col)
    if p.style == "crescent" or rng.random() < 0.3:
        mr = R * (0.28 if p.style == "crescent" else 0.16)
        my = cy - (0 if p.style == "crescent" else R * 0.45)
        c.circle(cx, my, mr, fill=pal.glow)
        c.circle(cx + mr * 0.45, my - mr * 0.2, mr * 0.85, fill=shade(pal.ink, 0.2))
    if p.nodes:
        for x, y in verts:
            c.circle(x, y, w * 1.5, fill=shade(pal.ink, 0.2))
            draw.ring(c, x, y, w * 1.25, w * 0.45, pal.glow)
            c.circle(x, y, w * 0.5, fill=pal.highlight)
    dr = R * rng.uniform(0.08, 0.14)
    c.polygon(draw.regular_polygon(cx, cy, dr, 4, 0), fill=pal.highlight)
    return c


class VoidRuneParams(AssetParams):
    backing: Literal["disc", "diamond", "shard", "none"] = "disc"
    weight: float = Field(1.0, ge=0.7, le=1.4)
    orbit: int = Field(4, ge=0, le=9)
    tilt: float = Field(0.0, ge=-0.3, le=0.3)
    double: bool = False


@asset("void_rune", "glyphs", (400, 400), VoidRuneParams, tags=("rune", "void"))
def void_rune(ctx: RenderContext[VoidRuneParams]) -> Canvas:
    """One large rune burning with void light over a shaded stone, orbited by motes."""
    c, p, pal, f = ctx.canvas(), ctx.params, ctx.palette, Fit(ctx, 400, 400)
    cx, cy = f.p(200, 200)
    R = f.d(185)
    rng = ctx.rng("rune")
    if p.backing == "disc":
        back: list[Point] = draw.regular_polygon(cx, cy, R * 0.92, 40)
    elif p.backing == "diamond":
        back = [(cx, cy - R), (cx + R * 0.72, cy), (cx, cy + R), (cx - R * 0.72, cy)]
    elif p.backing == "shard":
        a = np.sort(rng.uniform(0, TAU, 7))
        back = [polar(cx, cy, R * rng.uniform(0.75, 0.98), float(t)) for t in a]
    else:
        back = []
    if back:
        gradient_poly(c, back, mix(pal.ink, pal.accent, 0.45), shade(pal.ink, 0.3), (0.6, 1.0))
        c.polygon(back, outline=mix(pal.accent, pal.glow, 0.2), width=R * 0.025)
    size = R * (1.15 if p.backing != "diamond" else 1.0)
    lines = rune(rng, cx, cy, size)
    if p.double:
        lines += rune(rng, cx, cy, size * 0.55)
    lines = [rotate(s, cx, cy, p.tilt) for s in lines]
    w = R * 0.085 * p.weight
    glow_pass(c, lambda g: strokes(g, lines, w * 2.6, pal.glow), R * 0.09, 0.9)
    strokes(c, lines, w * 1.25, shade(pal.ink, 0.2))
    strokes(c, lines, w, mix(pal.glow, pal.accent, 0.25))
    strokes(c, lines, w * 0.35, pal.highlight)
    ends = [pt for s in lines for pt in (s[0], s[-1])]
    dots(c, ends, w * 0.45, pal.highlight)
    for k in range(p.orbit):
        ao = TAU * k / max(1, p.orbit) + rng.uniform(-0.2, 0.2)
        x, y = polar(cx, cy, R * 0.97, ao)
        c.circle(x, y, R * 0.035, fill=pal.glow)
    sparkles(c, ctx.rng("sparks"), 3 + p.orbit // 3, cx, cy, R * 0.9, R * 0.9, R * 0.06, pal.glow)
    return c
