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
class Branches:
    """The tree's branches, trunk first and then level by level, as arrays."""

    points: np.ndarray  # N×3×2: start, bent middle and end of each branch
    width: np.ndarray  # N
    level: np.ndarray  # N


def grow(
    rng: np.random.Generator, p: TreeParams, base: Point, length: float, width: float
) -> Branches:
    """Branches of the tree, trunk first, each a short bent polyline: a level at a time, every
    branch of a level drawn from the generator in one batch."""
    x, y = np.array([base[0]]), np.array([base[1]])
    ang, ln, wd = np.array([-math.pi / 2 + p.lean]), np.array([length]), np.array([width])
    levels: list[tuple[np.ndarray, np.ndarray]] = []
    for lvl in range(p.depth):
        bend = rng.normal(0, 0.18, len(x))
        mx, my = x + ln * 0.5 * np.cos(ang + bend), y + ln * 0.5 * np.sin(ang + bend)
        ex, ey = mx + ln * 0.5 * np.cos(ang - bend * 0.5), my + ln * 0.5 * np.sin(ang - bend * 0.5)
        levels.append((np.stack([np.stack([x, mx, ex], 1), np.stack([y, my, ey], 1)], -1), wd))
        if lvl == p.depth - 1:
            break
        kids = np.where((rng.random(len(x)) < 0.7) | (lvl == 0), 2, 3)
        parent = np.repeat(np.arange(len(x)), kids)
        k = np.arange(len(parent)) - np.repeat(np.cumsum(kids) - kids, kids)
        f = (k / (kids[parent] - 1) - 0.5) * 2
        da = f * p.spread * rng.uniform(0.7, 1.2, len(k)) + rng.normal(0, 0.08, len(k))
        da -= (ang[parent] + math.pi / 2) * 0.25  # drift back towards upright
        x, y, ang = ex[parent], ey[parent], ang[parent] + da
        ln, wd = ln[parent] * rng.uniform(0.7, 0.82, len(k)), wd[parent] * 0.66
    return Branches(
        np.concatenate([pts for pts, _ in levels]),
        np.concatenate([w for _, w in levels]),
        np.concatenate([np.full(len(w), lvl) for lvl, (_, w) in enumerate(levels)]),
    )


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
    ends = branches.points[branches.level >= p.depth - 2, -1]
    tips: list[Point] = [(float(a), float(b)) for a, b in ends.tolist()]
    crown = ends.mean(axis=0) if tips else np.array([cx, by + bh * 0.3])
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
    # Hundreds of branches in one ink: outlined together, each with its round end, drawn
    # straight through AGG.
    path = kit_b.catmull3(branches.points)
    widths = branches.width[:, None] * np.linspace(2.0, 1.32, path.shape[1])[None, :]
    agg, fill = c.draw, aggdraw.Brush(ink)
    for xy in kit_b.outlines(path, widths, c.scale, cap=7):
        agg.polygon(xy, fill)
    # the thick limbs (trunk first) catch a rim of light on their left
    limbs = max(3, len(branches.width) // 6)
    for pts, wd in zip(branches.points[:limbs].tolist(), branches.width[:limbs], strict=True):
        lit = [(x - wd * 0.5, y) for x, y in pts]
        draw.brush(c, lit, wd * 0.3, rim, 0.25, start=0.3, end=0.3)
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
