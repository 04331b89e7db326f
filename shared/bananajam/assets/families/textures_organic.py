"""Seamless textures from soft fields: a starry nebula tile and a mossy ground tile.

Fields are tileable noise and cellular noise on a torus; stars, fronds, pebbles and spores are
drawn again at their wrapped positions, so every tile continues across its edges.
"""

from __future__ import annotations

import math

import aggdraw
import numpy as np
from pydantic import Field

from bananajam.assets import draw
from bananajam.assets.canvas import Canvas
from bananajam.assets.families import _bg_kit as kit
from bananajam.assets.families import _bg_kit_b as kit_b
from bananajam.assets.families.backgrounds_cosmic import nebula_colour, nebula_field
from bananajam.assets.params import AssetParams
from bananajam.assets.registry import RenderContext, asset
from bananajam.assets.themes import mix, shade, tint

TAGS = ("tileable", "seamless", "texture")


class SpaceParams(AssetParams):
    scale: int = Field(2, ge=1, le=4)
    warp: float = Field(0.6, ge=0.2, le=1.2)
    density: float = Field(0.5, ge=0.15, le=0.9)
    stars: int = Field(60, ge=20, le=140)
    hue: float = Field(0.0, ge=-40.0, le=40.0)


@asset(
    "seamless_nebula",
    "backgrounds",
    (256, 256),
    SpaceParams,
    tags=(*TAGS, "space", "stars", "nebula", "skybox"),
)
def seamless_nebula(ctx: RenderContext[SpaceParams]) -> Canvas:
    """A seamless starry-space tile: wrapped nebula wisps, filaments and twinkling stars."""
    p, pal = ctx.params, ctx.palette
    W, H = ctx.width, ctx.height
    w, h = kit.work_size(W, H, 192)
    cells = p.scale * max(W, H) / min(W, H)
    cloud, fil = nebula_field(ctx.rng("cloud"), w, h, cells, p.warp)
    veil = kit.fbm(ctx.rng("veil"), w, h, cells, 3, 0.5, True)
    density = np.clip(cloud * (0.3 + kit.smoothstep(0.7 - p.density * 0.7, 1.0, veil)) * 1.1, 0, 1)
    rgb = nebula_colour(pal, density, fil * density, p.hue, 0.8)
    c = kit.ground(ctx, rgb, tileable=True)
    area = W * H / 256**2
    kit.stars(c, ctx.rng("stars"), int(p.stars * area) + 4, pal.glow, size=0.8, tile=True)
    return c


class MossParams(AssetParams):
    clumps: int = Field(6, ge=3, le=10)
    lush: float = Field(0.6, ge=0.2, le=1.0)
    pebbles: int = Field(3, ge=0, le=8)
    spores: int = Field(6, ge=0, le=20)
    fronds: float = Field(0.6, ge=0.2, le=1.0)


@asset(
    "seamless_moss",
    "backgrounds",
    (256, 256),
    MossParams,
    tags=(*TAGS, "moss", "ground", "grass", "forest"),
)
def seamless_moss(ctx: RenderContext[MossParams]) -> Canvas:
    """A seamless mossy-ground tile: cushioned clumps, tiny fronds, pebbles and glowing spores."""
    p, pal = ctx.params, ctx.palette
    W, H = ctx.width, ctx.height
    u = min(W, H)
    w, h = kit.work_size(W, H, 320)
    gx, gy = kit_b.tile_counts(w, h, p.clumps)
    f1, _, _ = kit_b.worley(ctx.rng("clumps"), w, h, gx, gy, 1.0)
    cell = min(w / gx, h / gy)
    fine = kit.fbm(ctx.rng("fine"), w, h, 4 * p.clumps, 4, 0.6, True)
    cushion = np.clip(1.0 - f1 / (cell * (0.55 + 0.3 * p.lush)), 0, 1) ** 0.6
    height = cushion * (0.6 + 0.4 * fine) + fine * 0.25
    light = kit_b.relief(height, cell * 0.25)
    stops = [
        shade(pal.ink, 0.5),
        mix(pal.ink, pal.accent, 0.25),
        mix(pal.ink, pal.accent, 0.55),
        mix(pal.accent, pal.glow, 0.25),
    ]
    rgb = kit.ramp(np.clip(height * (0.7 + 0.3 * p.lush), 0, 1), stops)
    rgb = kit.lerp(rgb, kit.col(mix(pal.accent, pal.glow, 0.3)), np.clip(light, 0, 1) * 0.35)
    rgb = kit.lerp(rgb, kit.col(shade(pal.ink, 0.5)), np.clip(-light, 0, 1) * 0.6)
    soil = 1.0 - kit.smoothstep(0.05, 0.3, cushion + fine * 0.2)
    rgb = kit.lerp(rgb, kit.col(mix(pal.parchment, pal.ink, 0.4)), soil * (1.1 - p.lush))
    c = kit.ground(ctx, np.clip(rgb, 0, 1), tileable=True)
    rng = ctx.rng("pebbles")
    for _ in range(p.pebbles):
        x, y, r = rng.uniform(0, W), rng.uniform(0, H), u * rng.uniform(0.03, 0.07)
        for sx, sy in kit.wrapped(x, y, r * 1.3, W, H):
            c.ellipse(sx, sy + r * 0.2, r * 1.1, r * 0.8, fill=shade(pal.ink, 0.6), opacity=0.6)
            draw.radial_shade(c, sx, sy, r, mix(pal.mid, pal.glow, 0.3), shade(pal.mid, 0.5))
    rng = ctx.rng("fronds")
    # Hundreds of one-segment fronds: straight to AGG with the two pens made once.
    agg, s, fw = c.draw, c.scale, max(0.3, max(0.5, u * 0.003) * c.scale)
    pens = [aggdraw.Pen(mix(pal.accent, pal.glow, 0.45), fw, 128), aggdraw.Pen(pal.shadow, fw, 128)]
    for _ in range(int(450 * p.fronds * W * H / 256**2)):
        x, y = rng.uniform(0, W), rng.uniform(0, H)
        a, ln = rng.uniform(-2.4, -0.7), u * rng.uniform(0.01, 0.022)
        dx, dy = ln * math.cos(a), ln * math.sin(a)
        for sx, sy in kit.wrapped(x, y, ln, W, H):
            pen = pens[0] if rng.random() < 0.6 else pens[1]
            agg.line((sx * s, sy * s, (sx + dx) * s, (sy + dy) * s), pen)
    rng = ctx.rng("spores")
    spores = [(rng.uniform(0, W), rng.uniform(0, H)) for _ in range(p.spores)]
    if spores:
        r = u * 0.012

        def paint(g: Canvas) -> None:
            for x, y in spores:
                for sx, sy in kit.wrapped(x, y, r * 5, W, H):
                    g.circle(sx, sy, r * 2.2, fill=pal.glow)

        kit_b.wrap_glow(c, paint, r * 2.0, 1.0)
        for x, y in spores:
            for sx, sy in kit.wrapped(x, y, r, W, H):
                c.circle(sx, sy, r * 0.7, fill=tint(pal.glow, 0.5))
    return c
