"""Glyphs part B, void anchors: heavy iron wreathed in void light, runes burning on the shank."""

from __future__ import annotations

import math
from typing import Literal

from pydantic import Field

from bananajam.assets import draw
from bananajam.assets.canvas import Canvas, Point
from bananajam.assets.families._glyph_kit_b import (
    Fit,
    Stroke,
    brush,
    densify,
    rotate,
    rune,
    sparkles,
    strokes,
)
from bananajam.assets.families._glyph_light_b import glow_pass
from bananajam.assets.params import AssetParams
from bananajam.assets.registry import RenderContext, asset
from bananajam.assets.themes import mix, shade


class AnchorParams(AssetParams):
    curve: float = Field(0.9, ge=0.55, le=1.25)
    fluke: Literal["arrow", "crescent", "barb"] = "arrow"
    stock: bool = True
    chain: int = Field(3, ge=0, le=6)
    tilt: float = Field(0.0, ge=-0.3, le=0.3)
    ring: float = Field(1.0, ge=0.7, le=1.3)


@asset("void_anchor", "glyphs", (400, 600), AnchorParams, tags=("anchor", "void", "relic"))
def void_anchor(ctx: RenderContext[AnchorParams]) -> Canvas:
    """A heavy iron anchor wreathed in void light, runes burning down its shank."""
    c, p, pal, f = ctx.canvas(), ctx.params, ctx.palette, Fit(ctx, 400, 600)
    cx, cy = 200.0, 300.0
    rr = 34 * p.ring
    ring_y = 40 + rr
    top, bottom = ring_y + rr, 500.0
    arm_r = 165.0
    acy = bottom - arm_r
    span = p.curve
    arc = draw.arc_points(cx, acy, arm_r, arm_r * 0.85, math.pi / 2 - span, math.pi / 2 + span, 30)
    left_arm = arc[15:]
    right_arm = list(reversed(arc[:16]))
    shank = [(cx, top - 4), (cx, bottom + 6)]
    flukes: list[list[Point]] = []
    for arm, sgn in ((left_arm, 1.0), (right_arm, -1.0)):
        tip, prev = arm[-1], arm[-4]
        ang = math.atan2(tip[1] - prev[1], tip[0] - prev[0])
        L = 48.0
        if p.fluke == "arrow":
            back = (tip[0] - L * math.cos(ang), tip[1] - L * math.sin(ang))
            nx, ny = -math.sin(ang) * L * 0.55, math.cos(ang) * L * 0.55
            flukes.append(
                [
                    (tip[0] + 14 * math.cos(ang), tip[1] + 14 * math.sin(ang)),
                    (back[0] + nx, back[1] + ny),
                    back,
                    (back[0] - nx, back[1] - ny),
                ]
            )
        elif p.fluke == "crescent":
            a = math.atan2(tip[1] - acy, tip[0] - cx)
            flukes.append(
                [*draw.arc_points(tip[0], tip[1], 30, 30, a - 1.6, a + 1.6, 12), (tip[0], tip[1])]
            )
        else:
            back = (tip[0] - math.cos(ang) * 40, tip[1] - math.sin(ang) * 40)
            flukes.append(
                [
                    (tip[0] + math.cos(ang) * 10, tip[1] + math.sin(ang) * 10),
                    (tip[0] + sgn * 38, tip[1] + 22),
                    back,
                ]
            )
    stock = [(cx - 95, top + 45), (cx + 95, top + 45)] if p.stock else []

    def tf(pts: list[Point]) -> list[Point]:
        return f.pts(rotate(pts, cx, cy, p.tilt))

    body = mix(pal.ink, pal.accent, 0.45)
    edge = shade(pal.ink, 0.35)
    rng = ctx.rng("chain")
    chain = [(cx + 50 + 18 * k + rng.uniform(-3, 3), ring_y + 10 + 40 * k) for k in range(p.chain)]

    def silhouette(g: Canvas, col: tuple[int, int, int], grow: float) -> None:
        g.ellipse(*tf([(cx, ring_y)])[0], f.d(rr), f.d(rr), outline=col, width=f.d(16 + grow))
        brush(g, tf(densify(shank)), f.d(34 + grow), col, start=0.01, end=0.01)
        brush(g, tf(arc), f.d(26 + grow), col, start=0.08, end=0.08)
        if stock:
            brush(g, tf(densify(stock)), f.d(22 + grow), col, start=0.01, end=0.01)
            for x in (cx - 95, cx + 95):
                g.circle(*tf([(x, top + 45)])[0], f.d(14 + grow / 2), fill=col)
        for fl in flukes:
            g.polygon(tf(fl), fill=col, outline=col, width=f.d(2 + grow))

    glow_pass(c, lambda g: silhouette(g, pal.accent, 30), f.d(16), 0.75, blank=ctx.transparent)
    for k, (x, y) in enumerate(chain):
        ry, rx = (18, 10) if k % 2 else (10, 18)
        c.ellipse(*tf([(x, y)])[0], f.d(rx), f.d(ry), outline=edge, width=f.d(9))
        c.ellipse(
            *tf([(x, y)])[0], f.d(rx), f.d(ry), outline=mix(body, pal.glow, 0.2), width=f.d(5)
        )
    silhouette(c, edge, 8)
    silhouette(c, body, 0)
    hl = mix(body, pal.glow, 0.45)
    brush(c, tf(densify([(cx - 8, top + 60), (cx - 8, bottom - 30)])), f.d(5), hl, 0.8)
    brush(c, tf(arc[4:26]), f.d(5), hl, 0.7)
    runes: list[Stroke] = []
    rrng = ctx.rng("runes")
    n = 3 if p.stock else 4
    for k in range(n):
        y = top + 85 + (bottom - top - 150) * k / max(1, n - 1)
        runes += [tf(s) for s in rune(rrng, cx + 4, y, 26)]
    glow_pass(c, lambda g: strokes(g, runes, f.d(10), pal.glow), f.d(5), 0.9)
    strokes(c, runes, f.d(4), pal.highlight)
    sparkles(c, ctx.rng("motes"), 6, *f.p(cx, cy), f.d(160), f.d(260), f.d(10), pal.glow)
    return c
