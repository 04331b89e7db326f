"""Crystal glyphs: faceted prisms lit from one side, clustered, floating or twinned."""

from __future__ import annotations

import math
from typing import Literal

import numpy as np
from pydantic import Field

from bananajam.assets.canvas import Canvas, Point
from bananajam.assets.families import _glyph_kit_a as kit
from bananajam.assets.params import AssetParams
from bananajam.assets.registry import RenderContext, asset
from bananajam.assets.themes import mix, shade, tint


class ShardParams(AssetParams):
    shards: int = Field(3, ge=1, le=6)
    faces: int = Field(3, ge=2, le=4)
    girth: float = Field(0.28, ge=0.2, le=0.36)
    spread: float = Field(0.45, ge=0.15, le=0.8)
    style: Literal["cluster", "floating", "twin"] = "cluster"


def _prism(
    bx: float, by: float, ang: float, length: float, width: float, faces: int, tip: float
) -> list[list[Point]]:
    """Face polygons of a pointed prism standing at (bx, by), tilted by `ang` from vertical."""
    ca, sa = math.cos(ang), math.sin(ang)

    def tr(x: float, y: float) -> Point:
        return (bx + x * ca + y * sa, by + x * sa - y * ca)

    xs = np.linspace(-width / 2, width / 2, faces + 1)
    shoulder = length * (1 - tip)
    out = []
    for i in range(faces):
        a, b = float(xs[i]), float(xs[i + 1])
        sag = width * 0.08
        out.append(
            [
                tr(a, -sag * (i > 0)),
                tr(b, -sag * (i < faces - 1)),
                tr(b, shoulder),
                tr((a + b) * 0.15, length),
                tr(a, shoulder),
            ]
        )
    return out


@asset("crystal_shard", "glyphs", (400, 600), ShardParams, tags=("crystal", "gem", "shard"))
def crystal_shard(ctx: RenderContext[ShardParams]) -> Canvas:
    """Faceted crystal prisms lit from the left: a cluster, a floating shard or crossed twins."""
    p, pal = ctx.params, ctx.palette
    x0, y0, w, h = kit.fit(ctx, 2 / 3)
    cx = x0 + w / 2
    rng = ctx.rng("shards")
    base_y = y0 + h * (0.93 if p.style == "cluster" else 0.78)
    specs: list[tuple[float, float, float, float, float]] = []  # x, y, angle, length, width
    main_l = h * (0.84 if p.style == "cluster" else 0.62)
    if p.style == "twin":
        specs = [
            (cx - w * 0.08, base_y, -p.spread * 0.5, main_l, w * p.girth),
            (cx + w * 0.08, base_y, p.spread * 0.5, main_l * 0.92, w * p.girth),
        ]
    else:
        specs.append((cx, base_y, rng.uniform(-0.08, 0.08), main_l, w * p.girth * 1.3))
    for k in range(p.shards - 1 if p.style != "twin" else 0):
        side = -1 if k % 2 == 0 else 1
        a = side * p.spread * (0.5 + 0.5 * (k // 2 + 1) / 3) * rng.uniform(0.8, 1.1)
        ln = main_l * rng.uniform(0.4, 0.65) / (1 + 0.2 * (k // 2))
        if p.style == "floating":
            fx = cx + side * w * rng.uniform(0.28, 0.4)
            fy = y0 + h * rng.uniform(0.35, 0.75)
            specs.append((fx, fy, a * 0.6, ln * 0.45, w * p.girth * 0.45))
        else:
            specs.append((cx + side * w * 0.06 * (k // 2 + 1), base_y, a, ln, w * p.girth))
    tip = rng.uniform(0.18, 0.3)
    bodies = [_prism(x, y, a, ln, wd, p.faces, tip) for x, y, a, ln, wd in specs]

    def glow(g: Canvas) -> None:
        for faces in bodies:
            for f in faces:
                g.polygon(f, fill=pal.glow)
        if p.style == "floating":
            g.ellipse(cx, base_y + h * 0.08, w * 0.3, h * 0.035, fill=pal.accent)

    c = kit.glow_canvas(ctx.width, ctx.height, glow, w * 0.06)
    light = [
        mix(pal.accent, pal.glow, 0.75),
        mix(pal.accent, pal.glow, 0.3),
        pal.accent,
        mix(pal.ink, pal.accent, 0.55),
    ]
    if p.style == "floating":
        c.ellipse(cx, base_y + h * 0.08, w * 0.22, h * 0.02, fill=pal.glow, opacity=0.5)
        c.ellipse(cx, base_y + h * 0.08, w * 0.12, h * 0.01, fill=tint(pal.glow, 0.5))
    order = [*range(1, len(bodies)), 0] if p.style != "twin" else [0, 1]
    for idx in order:
        faces = bodies[idx]
        for i, f in enumerate(faces):
            col = light[min(3, round(i * 3 / max(1, p.faces - 1)))]
            tipx, tipy = f[3]
            kit.shaded_poly(c, f, shade(col, 0.35), col, (tipx, tipy), n=4, reach=0.6)
        for f in faces[1:]:
            c.line([f[0], f[4], f[3]], tint(pal.glow, 0.4), width=w * 0.006, opacity=0.8)
        c.line([faces[0][0], faces[0][4], faces[0][3]], tint(pal.glow, 0.6), width=w * 0.01)
    if p.style == "cluster":
        rock = kit.blob(rng, cx, base_y, w * 0.32, 9, 0.15)
        rock = [(x, base_y + (y - base_y) * 0.28) for x, y in rock]
        kit.shaded_poly(
            c,
            rock,
            shade(pal.ink, 0.2),
            mix(pal.ink, pal.accent, 0.4),
            (cx - w * 0.1, base_y - h * 0.03),
            n=4,
        )
    sp = ctx.rng("sparkle")
    for _ in range(4):
        x, y, a, ln, _wd = specs[int(sp.integers(0, len(specs)))]
        t = sp.uniform(0.3, 0.9)
        kit.sparkle(
            c,
            x + ln * t * math.sin(a),
            y - ln * t * math.cos(a),
            w * sp.uniform(0.03, 0.06),
            tint(pal.glow, 0.6),
        )
    return c
