"""Particle textures for game VFX: radial spark bursts and clusters of glowing magic motes.

Both are transparent and centred, drawn in the palette's glow role with a white-hot tint at the
cores; soft light comes from one cheap reduced-resolution glow pass, sharp shapes on top.
"""

from __future__ import annotations

import math
from typing import Literal

import numpy as np
from pydantic import Field

from bananajam.assets import draw
from bananajam.assets.canvas import Canvas
from bananajam.assets.families._creature_kit_b import curve, discs, fill, oval, ribbon
from bananajam.assets.params import AssetParams
from bananajam.assets.registry import RenderContext, asset
from bananajam.assets.themes import hue_shift, mix, tint


class SparkParams(AssetParams):
    sparks: int = Field(18, ge=6, le=40)
    spread: float = Field(1.0, ge=0.35, le=1.0)
    style: Literal["needle", "teardrop", "dashed"] = "needle"
    curl: float = Field(0.0, ge=-0.35, le=0.35)
    core: float = Field(0.5, ge=0.2, le=1.0)
    jitter: float = Field(0.4, ge=0.0, le=1.0)
    rays: Literal["even", "star", "cross"] = "even"


@asset("spark_burst", "glyphs", (256, 256), SparkParams, tags=("particle", "vfx", "spark"))
def spark_burst(ctx: RenderContext[SparkParams]) -> Canvas:
    """A radial burst of tapered sparks and streaks around a white-hot core."""
    p, pal = ctx.params, ctx.palette
    c = ctx.canvas()
    rng = ctx.rng("sparks")
    cx, cy, R = ctx.width / 2, ctx.height / 2, ctx.unit * 0.47
    heading = float(rng.uniform(0, 2 * math.pi))
    n = p.sparks
    # Most bursts are full stars; narrow spreads become directional cones pushed off-centre.
    spread = 1.0 if p.spread >= 0.62 else p.spread
    if spread < 1.0:
        cx -= math.cos(heading) * R * 0.45 * (1 - spread)
        cy -= math.sin(heading) * R * 0.45 * (1 - spread)
        R *= 1.0 + 0.45 * (1 - spread)
    angles = heading + (np.arange(n) / n - 0.5) * 2 * math.pi * spread
    angles += rng.uniform(-0.5, 0.5, n) * p.jitter * 2 * math.pi * spread / n
    lengths = R * (1.0 - p.jitter * rng.uniform(0.0, 0.55, n))
    if p.rays == "star":
        lengths *= np.where(np.arange(n) % 2 == 0, 1.0, 0.55)
    elif p.rays == "cross":
        lengths *= 0.45 + 0.55 * np.abs(np.cos((angles - heading) * 2)) ** 3
    # Fit: scale the burst about the canvas centre so no spark tip leaves the canvas.
    bend = p.curl * 0.9 * (0.4 if spread < 1.0 else 1.0)
    hw, hh = ctx.width / 2, ctx.height / 2
    tx = np.abs(cx - hw + lengths * np.cos(angles + bend)).max() + ctx.unit * 0.02
    ty = np.abs(cy - hh + lengths * np.sin(angles + bend)).max() + ctx.unit * 0.02
    f = min(1.0, hw * 0.97 / tx, hh * 0.97 / ty)
    cx, cy, R, lengths = hw + (cx - hw) * f, hh + (cy - hh) * f, R * f, lengths * f
    starts = R * rng.uniform(0.04, 0.22, n) * (1.5 - p.core)
    widths = ctx.unit * rng.uniform(0.012, 0.03, n) * (1.3 if p.style == "teardrop" else 1.0)
    hot, mid = tint(pal.glow, 0.55), mix(pal.glow, pal.accent, 0.35)
    core_r = R * 0.22 * p.core

    def halo(g: Canvas) -> None:
        g.circle(cx, cy, core_r * 1.6, fill=pal.glow, opacity=0.9)
        for a, ln in zip(angles[::2], lengths[::2], strict=True):
            g.line(
                [(cx, cy), (cx + math.cos(a) * ln * 0.7, cy + math.sin(a) * ln * 0.7)],
                mid,
                ctx.unit * 0.04,
                0.5,
            )

    c.glow(halo, radius=ctx.unit * 0.06)
    t = np.linspace(0.0, 1.0, 12)
    if p.style == "needle":
        prof = draw.taper(12, 0.5, 0.5, 1.0)
    elif p.style == "teardrop":
        prof = np.sqrt(np.clip(1 - t, 0, 1)) * np.clip(t * 6, 0, 1) * 1.3
    else:
        prof = 0.7 * ((t * 5) % 1.0 < 0.6) * (1 - t * 0.6)
    ang = angles[:, None] + bend * t**2
    d = starts[:, None] + (lengths - starts)[:, None] * t
    paths = np.stack([cx + d * np.cos(ang), cy + d * np.sin(ang)], axis=-1)
    w = widths[:, None] * prof
    outer = ribbon(paths, np.maximum(w * 2.0, 0.3))
    inner = ribbon(paths, np.maximum(w, 0.3))
    tips = discs(paths[:, -1, 0], paths[:, -1, 1], widths * 0.45, 8)
    for k in range(n):
        fill(c, outer[k], mid, 0.35)
        fill(c, inner[k], hot, 0.95)
        fill(c, tips[k], hot, 0.8)
    fill(c, oval(cx, cy, core_r, core_r, n=24), pal.glow, 0.9)
    fill(c, oval(cx, cy, core_r * 0.55, core_r * 0.55, n=20), tint(pal.glow, 0.85))
    return c


class MoteParams(AssetParams):
    motes: int = Field(24, ge=8, le=48)
    spread: float = Field(0.75, ge=0.55, le=1.0)
    stars: int = Field(4, ge=0, le=10)
    rings: int = Field(2, ge=0, le=5)
    shape: Literal["cloud", "swirl", "column"] = "cloud"
    hue: float = Field(0.0, ge=-30.0, le=30.0)


@asset("magic_particles", "glyphs", (256, 256), MoteParams, tags=("particle", "vfx", "magic"))
def magic_particles(ctx: RenderContext[MoteParams]) -> Canvas:
    """A cluster of soft glowing motes, twinkling stars and thin rings, for particle textures."""
    p, pal = ctx.params, ctx.palette
    c = ctx.canvas()
    rng = ctx.rng("motes")
    cx, cy, R = ctx.width / 2, ctx.height / 2, ctx.unit * 0.44 * p.spread
    glow = hue_shift(pal.glow, p.hue)
    alt = hue_shift(mix(pal.accent, pal.glow, 0.4), -p.hue)
    n = p.motes
    if p.shape == "cloud":
        r = R * np.sqrt(rng.uniform(0, 1, n))
        a = rng.uniform(0, 2 * math.pi, n)
        xs, ys = cx + r * np.cos(a), cy + r * np.sin(a)
    elif p.shape == "swirl":
        t = rng.uniform(0, 1, n)
        a = t * 4 * math.pi + float(rng.uniform(0, 6.3))
        r = R * (0.15 + 0.85 * t) + rng.normal(0, R * 0.06, n)
        xs, ys = cx + r * np.cos(a), cy + r * np.sin(a)
    else:
        xs = cx + rng.normal(0, R * 0.25, n) * (1.2 - rng.uniform(0, 1, n))
        ys = cy + R * rng.uniform(-1, 1, n)
    # Per-index pose: squash and turn the whole cluster so no two outlines coincide.
    pose = ctx.rng("pose")
    squash, turn = float(pose.uniform(0.5, 1.0)), float(pose.uniform(0, math.pi))
    dx, dy = xs - cx, (ys - cy) * squash
    xs = cx + dx * math.cos(turn) - dy * math.sin(turn)
    ys = cy + dx * math.sin(turn) + dy * math.cos(turn)
    xs = np.clip(xs, ctx.width * 0.06, ctx.width * 0.94)
    ys = np.clip(ys, ctx.height * 0.06, ctx.height * 0.94)
    sizes = ctx.unit * 0.008 + ctx.unit * 0.035 * rng.power(3.0, n)[::-1]
    cols = [glow if k % 3 else alt for k in range(n)]

    def soft(g: Canvas) -> None:
        g.circle(cx, cy, R * 0.7, fill=alt, opacity=0.2)
        for x, y, s, col in zip(xs, ys, sizes, cols, strict=True):
            g.circle(float(x), float(y), float(s) * 2.4, fill=col, opacity=0.9)

    c.glow(soft, radius=ctx.unit * 0.035)
    for k in range(p.rings):
        rr = R * float(rng.uniform(0.35, 1.0))
        squash = float(rng.uniform(0.35, 1.0))
        rot = float(rng.uniform(0, math.pi))
        ring = curve(oval(cx, cy, rr, rr * squash, rot, n=24), 3)
        band = ribbon(np.concatenate([ring, ring[:1]]), np.full(len(ring) + 1, ctx.unit * 0.006))
        fill(c, band, alt if k % 2 else glow, 0.55)
    bodies, cores = discs(xs, ys, sizes, 12), discs(xs, ys, sizes * 0.5, 10)
    for body, core, col in zip(bodies, cores, cols, strict=True):
        fill(c, body, col, 0.9)
        fill(c, core, tint(col, 0.7))
    for k in range(p.stars):
        x, y = float(xs[k * 2 % n]), float(ys[k * 2 % n])
        big = ctx.unit * float(rng.uniform(0.04, 0.09))
        spin = float(rng.uniform(0, 0.8))
        fill(c, np.asarray(draw.star(x, y, big, big * 0.16, 4, spin)), tint(glow, 0.6), 0.95)
        fill(
            c,
            np.asarray(draw.star(x, y, big * 0.5, big * 0.1, 4, spin + math.pi / 4)),
            tint(glow, 0.6),
            0.7,
        )
    return c
