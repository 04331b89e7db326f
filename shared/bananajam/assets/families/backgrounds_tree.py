"""The ethereal tree: a recursive ink-brush tree glowing on a misty hill."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

import aggdraw
import numpy as np
from pydantic import Field

from bananajam.assets import draw
from bananajam.assets.canvas import Canvas, Point
from bananajam.assets.families import _bg_kit as kit
from bananajam.assets.families import _bg_kit_b as kit_b
from bananajam.assets.families import _bg_light as lights
from bananajam.assets.params import AssetParams
from bananajam.assets.registry import RenderContext, asset
from bananajam.assets.themes import mix, shade, tint


class TreeParams(AssetParams):
    depth: int = Field(6, ge=4, le=8)
    spread: float = Field(0.5, ge=0.25, le=0.85)
    lean: float = Field(0.0, ge=-0.3, le=0.3)
    canopy: Literal["orbs", "blossom", "willow", "bare"] = "orbs"
    trunk: float = Field(1.0, ge=0.7, le=1.4)
    hill: float = Field(0.5, ge=0.2, le=0.9)


@dataclass(frozen=True)
class Branch:
    points: list[Point]
    width: float
    level: int


def grow(
    rng: np.random.Generator, p: TreeParams, base: Point, length: float, width: float
) -> list[Branch]:
    """Branches of the tree, trunk first, each a short bent polyline."""
    out: list[Branch] = []
    stack = [(base, -math.pi / 2 + p.lean, length, width, 0)]
    while stack:
        (x, y), ang, ln, wd, lvl = stack.pop()
        bend = rng.normal(0, 0.18)
        mid = lights.polar(x, y, ln * 0.5, ang + bend)
        end = lights.polar(mid[0], mid[1], ln * 0.5, ang - bend * 0.5)
        out.append(Branch([(x, y), mid, end], wd, lvl))
        if lvl >= p.depth - 1:
            continue
        kids = 2 if rng.random() < 0.7 or lvl == 0 else 3
        for k in range(kids):
            f = (k / (kids - 1) - 0.5) * 2
            da = f * p.spread * rng.uniform(0.7, 1.2) + rng.normal(0, 0.08)
            da -= (ang + math.pi / 2) * 0.25  # drift back towards upright
            shrink = rng.uniform(0.7, 0.82)
            stack.append((end, ang + da, ln * shrink, wd * 0.66, lvl + 1))
    return out


@asset(
    "ethereal_tree",
    "backgrounds",
    (700, 800),
    TreeParams,
    tags=("tree", "nature", "spirit", "landscape"),
)
def ethereal_tree(ctx: RenderContext[TreeParams]) -> Canvas:
    """A spirit tree of tapered ink branches with glowing orbs, blossom or willow strands."""
    p, pal = ctx.params, ctx.palette
    W, H = ctx.width, ctx.height
    bx, by, bw, bh = lights.fit(ctx, 700 / 800)
    u = min(bw, bh)
    w, h = kit.work_size(W, H, 180)
    rgb = lights.sky(pal, w, h, 0.85, ((bx + bw / 2) / W, (by + bh * 0.35) / H), 1.1)
    mist = kit.fbm(ctx.rng("mist"), w, h, 3.0, 4, 0.5, stretch=2.5)
    _, y = kit.grid(w, h)
    rgb = kit.lerp(rgb, kit.col(mix(pal.parchment, pal.accent, 0.3)), mist * y * 0.5)
    ground_y = by + bh * (0.92 - 0.12 * p.hill)
    cx = bx + bw / 2
    rng = ctx.rng("tree")
    length = bh * 0.62 / sum(0.76**k for k in range(p.depth))
    branches = grow(rng, p, (cx, ground_y), length, u * 0.07 * p.trunk)
    tips = [b.points[-1] for b in branches if b.level >= p.depth - 2]
    crown = np.mean(np.asarray(tips), axis=0) if tips else np.array([cx, by + bh * 0.3])
    rgb = lights.halo_rgb(
        np.clip(rgb, 0, 1), (W, H), float(crown[0]), float(crown[1]), u * 0.32, pal.accent, 0.7
    )
    c = kit.ground(ctx, np.clip(rgb, 0, 1), soft=True)
    kit.stars(c, ctx.rng("stars"), 40 + W * H // 9000, pal.glow, (0, 0, W, H * 0.5))
    # the hill
    hill = [
        (cx + (k / 20 - 0.5) * W * 1.2, ground_y + (abs(k / 10 - 1) ** 2) * bh * 0.18 * p.hill)
        for k in range(21)
    ]
    c.polygon([*hill, (W + 1.0, H + 1.0), (-1.0, H + 1.0)], fill=shade(pal.ink, 0.3))
    draw.brush(c, hill, u * 0.01, mix(pal.accent, pal.ink, 0.3), 0.7)
    ink = shade(pal.ink, 0.35)
    rng2 = ctx.rng("roots")
    for _ in range(5):
        a = rng2.uniform(-0.9, 0.9)
        ln = u * rng2.uniform(0.1, 0.22)
        pts = [
            (cx + a * u * 0.03, ground_y),
            (cx + a * ln, ground_y + ln * 0.12),
            (cx + a * ln * 1.6, ground_y + ln * 0.2),
        ]
        draw.brush(c, pts, u * 0.025 * p.trunk, ink, start=0.0, end=0.8)
    rim = mix(pal.accent, pal.glow, 0.3)
    # Hundreds of branches in one ink: outlined together, drawn straight through AGG.
    bw_ = np.array([b.width for b in branches])
    path = kit_b.catmull3(np.array([b.points for b in branches], np.float64))
    widths = bw_[:, None] * np.linspace(2.0, 1.32, path.shape[1])[None, :]
    agg, s, fill = c.draw, c.scale, aggdraw.Brush(ink)
    for xy, b in zip(kit_b.outlines(path, widths, s), branches, strict=True):
        agg.polygon(xy, fill)
        (ex, ey), er = b.points[-1], b.width * 0.66 * s
        agg.ellipse((ex * s - er, ey * s - er, ex * s + er, ey * s + er), fill)
    for b in branches[: max(3, len(branches) // 6)]:
        lit = [(x - b.width * 0.5, y) for x, y in b.points]
        draw.brush(c, lit, b.width * 0.3, rim, 0.25, start=0.3, end=0.3)
    _canopy(c, ctx, tips, u)
    return c


def _canopy(c: Canvas, ctx: RenderContext[TreeParams], tips: list[Point], u: float) -> None:
    """Light at the branch tips: orbs, blossom clusters, hanging strands or drifting wisps."""
    p, pal = ctx.params, ctx.palette
    rng = ctx.rng("canopy")
    glow, hi = pal.glow, tint(pal.glow, 0.4)
    if p.canopy == "orbs":
        pick = [t for t in tips if rng.random() < 0.45]
        c.glow(lights.painter(pick, u * 0.03, color=glow), u * 0.03, 0.9)
        orb = u * 0.013  # small: three stacked discs stand in for the sphere gradient
        for x, y0 in pick:
            y = y0 + u * 0.02
            c.circle(x, y, orb, fill=mix(hi, pal.accent, 0.75))
            c.circle(x - orb * 0.18, y - orb * 0.2, orb * 0.68, fill=mix(hi, pal.accent, 0.45))
            c.circle(x - orb * 0.33, y - orb * 0.36, orb * 0.34, fill=mix(hi, pal.accent, 0.12))
    elif p.canopy == "blossom":
        petals = [
            (x + rng.normal(0, u * 0.03), y + rng.normal(0, u * 0.03))
            for x, y in tips
            for _ in range(3)
        ]
        c.glow(lights.painter(petals, u * 0.03, color=pal.accent), u * 0.04, 0.7)
        for x, y in petals:
            r = u * rng.uniform(0.008, 0.02)
            c.circle(x, y, r, fill=mix(pal.accent, glow, rng.uniform(0.1, 0.7)), opacity=0.85)
    elif p.canopy == "willow":
        for x, y in tips[:: max(1, len(tips) // 40)]:
            ln = u * rng.uniform(0.1, 0.3)
            sway = rng.normal(0, u * 0.02)
            pts = [(x, y), (x + sway * 0.5, y + ln * 0.5), (x + sway, y + ln)]
            draw.brush(c, pts, u * 0.006, mix(pal.accent, glow, 0.4), 0.8, start=0.05, end=0.7)
            c.circle(x + sway, y + ln, u * 0.005, fill=hi)
    else:
        ends = tips[:: max(1, len(tips) // 12)]
        wisps = [
            [
                (x, y),
                (x + rng.normal(0, u * 0.05), y - u * 0.05),
                (x + rng.normal(0, u * 0.08), y - u * 0.12),
            ]
            for x, y in ends
        ]
        c.glow(lights.painter(lines=wisps, width=u * 0.012, color=glow), u * 0.015, 0.8)
        for x, y in ends:
            c.circle(x, y, u * 0.006, fill=hi)
