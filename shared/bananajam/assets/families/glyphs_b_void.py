"""Glyphs part B, void objects: faceted crystals, orbs, lotus blossoms and circuit glyphs."""

from __future__ import annotations

import math
from typing import Literal

import aggdraw
import numpy as np
from pydantic import Field

from bananajam.assets import draw
from bananajam.assets.canvas import Canvas, Point
from bananajam.assets.families._glyph_fill_b import gradient_fills, gradient_poly, sphere
from bananajam.assets.families._glyph_kit_b import (
    Fit,
    Stroke,
    brush,
    brush_outlines,
    crack,
    eye,
    fill_all,
    rotate,
    sparkles,
    strokes,
)
from bananajam.assets.families._glyph_light_b import glow_pass
from bananajam.assets.params import AssetParams
from bananajam.assets.registry import RenderContext, asset
from bananajam.assets.themes import mix, shade, tint

TAU = 2 * math.pi


class CrystalParams(AssetParams):
    count: int = Field(3, ge=1, le=5)
    height: float = Field(0.8, ge=0.55, le=1.0)
    spread: float = Field(0.5, ge=0.15, le=0.9)
    girth: float = Field(1.0, ge=0.7, le=1.4)
    tip: float = Field(0.3, ge=0.15, le=0.5)


@asset("void_crystal", "glyphs", (300, 300), CrystalParams, tags=("crystal", "void", "gem"))
def void_crystal(ctx: RenderContext[CrystalParams]) -> Canvas:
    """A cluster of faceted void crystals rising from a dark rock, lit from within."""
    c, p, pal, f = ctx.canvas(), ctx.params, ctx.palette, Fit(ctx, 300, 300)
    rng = ctx.rng("cluster")
    bx, by = 150.0, 262.0
    order = sorted(range(p.count), key=lambda k: -abs(k - (p.count - 1) / 2))
    shapes: list[tuple[list[Point], list[list[Point]]]] = []
    for k in order:
        side = (k - (p.count - 1) / 2) / max(1, (p.count - 1) / 2)
        main = k == order[-1]
        L = 235 * p.height * (1.0 if main else rng.uniform(0.45, 0.75))
        w = 56 * p.girth * (1.0 if main else rng.uniform(0.55, 0.8))
        ang = side * p.spread * 0.9 + rng.uniform(-0.08, 0.08)
        ox = bx + side * 60 * p.spread
        th = L * p.tip
        xm = w * rng.uniform(-0.2, 0.2)
        faces = [
            [(-w / 2, 0), (xm, w * 0.12), (xm, -L + th), (-w / 2, -L + th * 1.1)],
            [(xm, w * 0.12), (w / 2, 0), (w / 2, -L + th * 1.1), (xm, -L + th)],
            [(-w / 2, -L + th * 1.1), (xm, -L + th), (xm * 0.3, -L)],
            [(xm, -L + th), (w / 2, -L + th * 1.1), (xm * 0.3, -L)],
        ]
        placed = [rotate([(ox + x, by + y) for x, y in fc], ox, by, ang) for fc in faces]
        outline = [placed[0][0], placed[1][1], placed[1][2], placed[2][2], placed[0][3]]
        shapes.append((outline, placed))
    outlines = [f.pts(o) for o, _ in shapes]
    glow_pass(c, lambda g: fill_all(g, outlines, pal.glow), f.d(18), 0.7, blank=ctx.transparent)
    rock = [
        *[(bx - 110, by + 10), (bx - 70, by - 20), (bx + 80, by - 18)],
        *[(bx + 115, by + 12), (bx + 60, by + 30)],
        (bx - 60, by + 30),
    ]
    gradient_poly(c, f.pts(rock), mix(pal.ink, pal.accent, 0.3), shade(pal.ink, 0.5))
    body, lit = mix(pal.accent, pal.ink, 0.35), mix(pal.accent, pal.glow, 0.45)
    lit_faces = gradient_fills(c, [f.pts(pl[0]) for _, pl in shapes], lit, body, (0.2, -1.0))
    dark = mix(body, pal.ink, 0.45), shade(pal.ink, 0.2)
    dark_faces = gradient_fills(c, [f.pts(pl[1]) for _, pl in shapes], *dark, (0.2, -1.0))
    for (outline, placed), lit_face, dark_face in zip(shapes, lit_faces, dark_faces, strict=True):
        lit_face()
        dark_face()
        c.polygon(f.pts(placed[2]), fill=tint(pal.glow, 0.3))
        c.polygon(f.pts(placed[3]), fill=pal.accent)
        c.polygon(f.pts(outline), outline=tint(pal.glow, 0.2), width=f.d(1.6))
        c.line(f.pts([placed[0][1], placed[0][2]]), pal.highlight, f.d(1.6), 0.8)
    sparkles(c, ctx.rng("motes"), 5, *f.p(150, 140), f.d(120), f.d(110), f.d(10), pal.highlight)
    return c


class OrbParams(AssetParams):
    size: float = Field(0.7, ge=0.55, le=0.8)
    rings: int = Field(1, ge=0, le=3)
    tilt: float = Field(0.3, ge=-0.6, le=0.6)
    inner: Literal["swirl", "eye", "star", "cracks"] = "swirl"
    sparks: int = Field(5, ge=0, le=10)


def _ellipse_pts(
    cx: float, cy: float, rx: float, ry: float, tilt: float, a0: float, a1: float
) -> list[Point]:
    return rotate(draw.arc_points(cx, cy, rx, ry, a0, a1, 40), cx, cy, tilt)


@asset("void_orb", "glyphs", (300, 300), OrbParams, tags=("orb", "void", "sphere"))
def void_orb(ctx: RenderContext[OrbParams]) -> Canvas:
    """A shaded void sphere holding a swirl, eye, star or cracks, circled by orbital rings."""
    c, p, pal, f = ctx.canvas(), ctx.params, ctx.palette, Fit(ctx, 300, 300)
    rng = ctx.rng("orb")
    cx, cy = f.p(150, 150)
    r = f.d(150 * p.size * (0.85 if p.rings else 1.0))
    rings = [
        (r * (1.35 + 0.17 * k), r * (0.32 + 0.1 * k), p.tilt + rng.uniform(-0.25, 0.25))
        for k in range(p.rings)
    ]
    rc = mix(pal.accent, pal.glow, 0.3)
    glow_pass(
        c, lambda g: g.circle(cx, cy, r * 1.05, fill=pal.glow), r * 0.2, 0.8, blank=ctx.transparent
    )
    for rx, ry, t in rings:
        brush(c, _ellipse_pts(cx, cy, rx, ry, t, math.pi, TAU), r * 0.07, rc, 0.9, 0.02, 0.02)
    sphere(c, cx, cy, r, mix(pal.accent, pal.glow, 0.35), shade(pal.ink, 0.3))
    marks: list[Stroke] = []
    if p.inner == "swirl":
        for k in range(3):
            a = np.linspace(0, 4.0, 20) + k * TAU / 3
            q = np.linspace(0.05, 0.85, 20) * r
            marks.append(
                [
                    (cx + float(d) * math.cos(t), cy + float(d) * math.sin(t))
                    for d, t in zip(q, a, strict=True)
                ]
            )
    elif p.inner == "star":
        pts = draw.star(cx, cy, r * 0.75, r * 0.2, int(rng.integers(4, 8)), rng.uniform(0, 1))
        marks = [[(cx, cy), q] for q in pts[::2]]
    elif p.inner == "cracks":
        for k in range(int(rng.integers(3, 6))):
            marks += crack(rng, cx, cy, k * TAU / 5 + rng.uniform(0, 1), r * 0.8, 1)
    if marks:
        glow_pass(
            c,
            lambda g: strokes(g, marks, r * 0.16, pal.glow, dense=p.inner == "swirl"),
            r * 0.06,
            0.9,
        )
        strokes(c, marks, r * 0.06, pal.highlight, dense=p.inner == "swirl")
    else:
        eye(c, cx, cy, r * 0.38, pal.glow)
    c.ellipse(
        cx - r * 0.35, cy - r * 0.45, r * 0.3, r * 0.16, fill=tint(pal.glow, 0.6), opacity=0.45
    )
    for rx, ry, t in rings:
        brush(
            c,
            _ellipse_pts(cx, cy, rx, ry, t, 0, math.pi),
            r * 0.07,
            tint(rc, 0.2),
            0.95,
            0.02,
            0.02,
        )
    sparkles(c, ctx.rng("sparks"), p.sparks, cx, cy, r * 1.45, r * 1.45, r * 0.1, pal.glow)
    return c


class LotusParams(AssetParams):
    petals: int = Field(7, ge=5, le=12)
    layers: int = Field(3, ge=2, le=4)
    shape: Literal["pointed", "round", "flame"] = "pointed"
    open: float = Field(0.7, ge=0.35, le=1.0)
    center: Literal["orb", "star", "flame"] = "orb"


_T = np.linspace(0.0, 1.0, 14)
_PROFILE = {
    "pointed": np.sin(np.pi * _T) ** 0.7 * (1 - _T * 0.3),
    "round": np.sin(np.pi * np.minimum(_T * 0.85, 1.0)) ** 0.5 * (1 - _T**6),
    "flame": np.sin(np.pi * _T) ** 0.8,
}


def _petals(
    x: float, y: float, angs: np.ndarray, L: np.ndarray, W: float, shape: str
) -> np.ndarray:
    """Outlines (P, 28, 2) of petals of lengths `L` and width `W` rising at angles `angs`."""
    pw = _PROFILE[shape] * W / 2
    curl = 0.25 * W * _T**3 if shape == "flame" else 0 * _T
    xs = np.concatenate([curl - pw, (curl + pw)[::-1]])
    ys = -np.concatenate([_T, _T[::-1]])[None, :] * L[:, None]
    ca, sa = np.cos(angs)[:, None], np.sin(angs)[:, None]
    return np.stack([xs * ca - ys * sa + x, xs * sa + ys * ca + y], axis=-1)


@asset("void_lotus", "glyphs", (500, 500), LotusParams, tags=("lotus", "flower", "void"))
def void_lotus(ctx: RenderContext[LotusParams]) -> Canvas:
    """A layered void lotus seen from the side, petals glowing toward a luminous heart."""
    c, p, pal, f = ctx.canvas(), ctx.params, ctx.palette, Fit(ctx, 500, 500)
    rng = ctx.rng("lotus")
    bx, by = 250.0, 350.0
    for k in range(3):
        c.ellipse(
            *f.p(bx, by + 40 + k * 14),
            f.d(200 - k * 50),
            f.d(38 - k * 9),
            outline=mix(pal.ink, pal.accent, 0.5),
            width=f.d(3),
            opacity=0.6,
        )
    glow_pass(
        c, lambda g: g.ellipse(*f.p(bx, by - 90), f.d(200), f.d(150), fill=pal.accent), f.d(30), 0.6
    )
    for layer in range(p.layers):
        q = layer / max(1, p.layers - 1)
        n = p.petals - layer
        spread = (1.7 - 0.9 * q) * p.open + 0.35
        L = 250 - 110 * q
        W = L * (0.42 if p.shape != "round" else 0.5)
        col = mix(mix(pal.ink, pal.accent, 0.35), mix(pal.accent, pal.glow, 0.4), q)
        angs = np.array(
            sorted(
                np.linspace(-spread, spread, n) + rng.uniform(-0.04, 0.04, n),
                key=lambda a: -abs(a),
            )
        )
        pets = _petals(bx, by, angs, L * (1 - 0.12 * np.abs(angs)), W, p.shape) * f.s
        pets += (f.ox, f.oy)
        veins = _petals(bx, by, angs, np.full(n, L * 0.8), 0.1, p.shape)[:, :14] * f.s
        veins += (f.ox, f.oy)
        fills = gradient_fills(c, pets.tolist(), tint(col, 0.25), shade(col, 0.45), (0.0, 1.0))
        # outlines and vein strokes worked out for the layer at once, drawn petal by petal
        edge = aggdraw.Pen(tint(col, 0.35), max(0.3, f.d(1.8) * c.scale))
        vein_ink = aggdraw.Brush(tint(col, 0.45), round(0.6 * 255))
        vein_polys = brush_outlines(c, veins, f.d(5))
        outlines = (pets * c.scale).reshape(n, -1).tolist()
        for pet, vein, fill in zip(outlines, vein_polys, fills, strict=True):
            fill()
            c.draw.polygon(pet, edge)
            c.draw.polygon(vein, vein_ink)
    hy = by - 50
    if p.center == "orb":
        glow_pass(c, lambda g: g.circle(*f.p(bx, hy), f.d(60), fill=pal.glow), f.d(18), 0.9)
        sphere(c, *f.p(bx, hy), f.d(34), pal.highlight, pal.accent)
    elif p.center == "star":
        glow_pass(c, lambda g: g.circle(*f.p(bx, hy), f.d(50), fill=pal.glow), f.d(16), 0.9)
        c.polygon(draw.star(*f.p(bx, hy - 10), f.d(55), f.d(14), 4), fill=pal.highlight)
    else:
        fl: list[Point] = [(bx, hy + 20), (bx - 8, hy - 40), (bx + 6, hy - 110)]
        glow_pass(
            c, lambda g: brush(g, f.pts(fl), f.d(90), pal.glow, start=0.3, end=0.9), f.d(16), 0.9
        )
        brush(c, f.pts(fl), f.d(40), pal.highlight, start=0.3, end=0.9)
    sparkles(c, ctx.rng("motes"), 6, *f.p(bx, 220), f.d(220), f.d(180), f.d(11), pal.glow)
    return c
