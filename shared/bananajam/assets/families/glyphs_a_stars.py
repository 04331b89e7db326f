"""Star glyphs: constellation figures of glinting stars joined by brushed lines."""

from __future__ import annotations

import math
from typing import Literal

import numpy as np
from pydantic import Field

from bananajam.assets import draw
from bananajam.assets.canvas import Canvas
from bananajam.assets.families import _glyph_kit_a as kit
from bananajam.assets.params import AssetParams
from bananajam.assets.registry import RenderContext, asset
from bananajam.assets.themes import mix, tint


class ConstellationParams(AssetParams):
    stars: int = Field(8, ge=5, le=13)
    layout: Literal["chain", "loop", "branch", "cross"] = "chain"
    ring: bool = False
    dust: int = Field(30, ge=0, le=80)
    bright: float = Field(0.6, ge=0.3, le=1.0)


def _layout(
    rng: np.random.Generator, n: int, kind: str
) -> tuple[np.ndarray, list[tuple[int, int]]]:
    pts = np.zeros((n, 2))
    edges: list[tuple[int, int]] = []
    if kind == "loop":
        t = np.sort(rng.uniform(0, 2 * math.pi, n))
        q = rng.uniform(0.6, 1.0, n)
        pts = np.stack([np.cos(t) * q, np.sin(t) * q * rng.uniform(0.6, 1.0)], axis=1)
        edges = [(i, (i + 1) % n) for i in range(n)]
    elif kind == "cross":
        h = n // 2
        a = rng.uniform(0, math.pi)
        for i in range(n):
            b = a if i < h else a + math.pi / 2 + rng.uniform(-0.3, 0.3)
            s = (i % h if i < h else i - h) / max(1, (h if i < h else n - h) - 1) * 2 - 1
            pts[i] = (s * math.cos(b) + rng.normal(0, 0.08), s * math.sin(b) + rng.normal(0, 0.08))
        edges = [(i, i + 1) for i in range(n - 1) if i != h - 1]
    else:
        heading = rng.uniform(0, 2 * math.pi)
        for i in range(1, n):
            j = i - 1 if kind == "chain" else int(rng.integers(0, i))
            heading += rng.uniform(-1.2, 1.2) if kind == "chain" else rng.uniform(0, 2 * math.pi)
            pts[i] = pts[j] + rng.uniform(0.6, 1.0) * np.array(
                [math.cos(heading), math.sin(heading)]
            )
            edges.append((j, i))
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    span = float(max(hi[0] - lo[0], hi[1] - lo[1], 1e-6))
    return (pts - (lo + hi) / 2) / span, edges


@asset(
    "mystic_constellation",
    "glyphs",
    (500, 500),
    ConstellationParams,
    tags=("stars", "constellation", "astral"),
)
def mystic_constellation(ctx: RenderContext[ConstellationParams]) -> Canvas:
    """A constellation figure of glinting stars joined by faint brushed lines, in a star ring."""
    p, pal, u = ctx.params, ctx.palette, ctx.unit
    cx, cy = ctx.width / 2, ctx.height / 2
    rng = ctx.rng("stars")
    rel, edges = _layout(rng, p.stars, p.layout)
    span = u * (0.66 if p.ring else 0.8)
    pos = [(cx + float(x) * span, cy + float(y) * span) for x, y in rel]
    mags = rng.uniform(0.35, 1.0, p.stars)
    mags[int(rng.integers(0, p.stars))] = 1.25

    def glow(g: Canvas) -> None:
        for (x, y), m in zip(pos, mags, strict=True):
            g.circle(x, y, u * 0.05 * m, fill=pal.glow)
        if p.ring:
            g.ellipse(cx, cy, u * 0.45, u * 0.45, outline=pal.accent, width=u * 0.03, opacity=0.6)

    c = kit.glow_canvas(ctx.width, ctx.height, glow, u * 0.04)
    dr = ctx.rng("dust")
    for _ in range(p.dust):
        c.circle(
            cx + dr.uniform(-0.47, 0.47) * u,
            cy + dr.uniform(-0.47, 0.47) * u,
            u * dr.uniform(0.002, 0.006),
            fill=tint(pal.accent, 0.3),
            opacity=0.7,
        )
    if p.ring:
        draw.ring(c, cx, cy, u * 0.45, u * 0.012, mix(pal.accent, pal.glow, 0.3))
        draw.ring(c, cx, cy, u * 0.41, u * 0.005, pal.accent)
        for k in range(36):
            t = 2 * math.pi * k / 36
            r0 = u * (0.41 if k % 3 == 0 else 0.425)
            c.line(
                [
                    (cx + r0 * math.cos(t), cy + r0 * math.sin(t)),
                    (cx + u * 0.45 * math.cos(t), cy + u * 0.45 * math.sin(t)),
                ],
                pal.accent,
                width=u * 0.005,
            )
    line_col = mix(pal.accent, pal.glow, 0.35)
    for i, j in edges:
        draw.brush(
            c,
            kit.lerp_pts(pos[i], pos[j], 5),
            u * 0.012,
            line_col,
            opacity=0.85,
            smooth=False,
            start=0.2,
            end=0.2,
        )
    for (x, y), m in zip(pos, mags, strict=True):
        r = u * 0.045 * m * (0.6 + 0.5 * p.bright)
        kit.halo(c, x, y, r * 1.1, pal.glow, 0.5 * p.bright, n=4)
        kit.sparkle(c, x, y, r, tint(pal.glow, 0.5))
    return c
