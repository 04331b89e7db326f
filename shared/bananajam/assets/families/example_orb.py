"""Temporary smoke-test type (replaced by the glyph family)."""

from __future__ import annotations

import math

from pydantic import Field

from bananajam.assets import draw
from bananajam.assets.canvas import Canvas
from bananajam.assets.params import AssetParams
from bananajam.assets.registry import RenderContext, asset
from bananajam.assets.themes import mix


class OrbParams(AssetParams):
    size: float = Field(0.7, ge=0.4, le=0.9)
    rings: int = Field(2, ge=0, le=4)
    sparks: int = Field(6, ge=0, le=16)


@asset("zz_orb_demo", "glyphs", (300, 300), OrbParams, tags=("orb",))
def orb(ctx: RenderContext[OrbParams]) -> Canvas:
    c = ctx.canvas()
    p, pal = ctx.params, ctx.palette
    W, H, u = ctx.width, ctx.height, ctx.unit
    cx, cy, r = W / 2, H / 2, u * 0.35 * p.size
    c.glow(lambda g: g.circle(cx, cy, r * 1.2, fill=pal.glow), radius=u * 0.08, opacity=0.8)
    draw.radial_shade(c, cx, cy, r, pal.highlight, pal.ink)
    for k in range(p.rings):
        draw.ring(c, cx, cy, r * (1.15 + 0.12 * k), u * 0.012, mix(pal.accent, pal.glow, 0.3), 0.8)
    rng = ctx.rng("sparks")
    for _ in range(p.sparks):
        a = rng.uniform(0, 2 * math.pi)
        d = r * rng.uniform(1.1, 1.5)
        c.polygon(draw.star(cx + d * math.cos(a), cy + d * math.sin(a), u * 0.03, u * 0.01, 4),
                  fill=pal.glow)
    return c
