"""Glyphs part B, void circuits: glowing traces routed on a grid out from a runed core."""

from __future__ import annotations

import math
from typing import Literal

from pydantic import Field

from bananajam.assets import draw
from bananajam.assets.canvas import Canvas, Point
from bananajam.assets.families._glyph_fill_b import gradient_poly
from bananajam.assets.families._glyph_kit_b import Fit
from bananajam.assets.families._glyph_light_b import glow_pass
from bananajam.assets.params import AssetParams
from bananajam.assets.registry import RenderContext, asset
from bananajam.assets.themes import RGB, mix, shade, tint

TAU = 2 * math.pi


class CircuitParams(AssetParams):
    grid: int = Field(8, ge=6, le=11)
    traces: int = Field(10, ge=6, le=18)
    core: Literal["square", "circle", "diamond"] = "square"
    diagonal: bool = False
    frame: Literal["round", "square", "octagon"] = "round"


@asset("void_circuit", "glyphs", (400, 400), CircuitParams, tags=("circuit", "void", "tech"))
def void_circuit(ctx: RenderContext[CircuitParams]) -> Canvas:
    """An arcane circuit: glowing traces routed on a grid out from a runed core to pads."""
    c, p, pal, f = ctx.canvas(), ctx.params, ctx.palette, Fit(ctx, 400, 400)
    rng = ctx.rng("routes")
    cx, cy, R = 200.0, 200.0, 190.0
    if p.frame == "round":
        panel = draw.regular_polygon(cx, cy, R, 48)
    elif p.frame == "octagon":
        panel = draw.regular_polygon(cx, cy, R, 8, math.pi / 8)
    else:
        panel = draw.regular_polygon(cx, cy, R * 1.2, 4, math.pi / 4)
        panel = [(min(max(x, 12.0), 388.0), min(max(y, 12.0), 388.0)) for x, y in panel]
    gradient_poly(c, f.pts(panel), mix(pal.ink, pal.accent, 0.3), shade(pal.ink, 0.4), (1, 1))
    c.polygon(f.pts(panel), outline=mix(pal.accent, pal.glow, 0.2), width=f.d(5))
    n = p.grid
    step = 2 * R * 0.78 / (n - 1)
    x0 = cx - step * (n - 1) / 2

    def node(i: int, j: int) -> Point:
        return (x0 + i * step, x0 + j * step)

    mid = (n - 1) / 2
    used: dict[tuple[int, int], bool] = {}
    for i in range(n):
        for j in range(n):
            if abs(i - mid) < 1.2 and abs(j - mid) < 1.2:
                used[(i, j)] = True
    moves = [(1, 0), (-1, 0), (0, 1), (0, -1)]
    if p.diagonal:
        moves += [(1, 1), (1, -1), (-1, 1), (-1, -1)]
    routes: list[list[tuple[int, int]]] = []
    for k in range(p.traces * 3):
        if len(routes) >= p.traces:
            break
        a = TAU * k / p.traces + rng.uniform(-0.3, 0.3)
        d = rng.uniform(1.6, 2.7)
        i = round(mid + d * math.cos(a))
        j = round(mid + d * math.sin(a))
        if used.get((i, j)) or not (0 <= i < n and 0 <= j < n):
            continue
        path = [(i, j)]
        used[(i, j)] = True
        heading = moves[int(rng.integers(0, len(moves)))]
        for _ in range(int(rng.integers(3, n + 2))):
            if rng.random() < 0.35:
                heading = moves[int(rng.integers(0, len(moves)))]
            ni, nj = path[-1][0] + heading[0], path[-1][1] + heading[1]
            if not (0 <= ni < n and 0 <= nj < n) or used.get((ni, nj)):
                break
            if math.hypot(node(ni, nj)[0] - cx, node(ni, nj)[1] - cy) > R * 0.86:
                break
            used[(ni, nj)] = True
            path.append((ni, nj))
        if len(path) >= 2:
            routes.append(path)
    lines = [
        f.pts(
            [
                (cx + (q[0] - cx) * 0.35, cy + (q[1] - cy) * 0.35) if m == 0 else q
                for m, q in enumerate([node(*path[0]), *[node(*v) for v in path]])
            ]
        )
        for path in routes
    ]
    tw = f.d(step * 0.16)

    def light(g: Canvas) -> None:
        for ln in lines:
            g.line(ln, pal.glow, tw * 3)

    glow_pass(c, light, f.d(6), 0.85)
    for ln in lines:
        c.line(ln, shade(pal.ink, 0.3), tw * 1.8)
        c.line(ln, mix(pal.accent, pal.glow, 0.5), tw)
        ex, ey = ln[-1]
        c.circle(ex, ey, tw * 2.2, fill=shade(pal.ink, 0.2), outline=pal.glow, width=tw * 0.8)
        c.circle(ex, ey, tw * 0.8, fill=pal.highlight)
    cs = step * 1.25
    cc: RGB = mix(pal.ink, pal.accent, 0.55)
    if p.core == "square":
        core = draw.regular_polygon(cx, cy, cs * 1.2, 4, math.pi / 4)
    elif p.core == "diamond":
        core = draw.regular_polygon(cx, cy, cs * 1.3, 4, 0)
    else:
        core = draw.regular_polygon(cx, cy, cs, 32)
    glow_pass(c, lambda g: g.polygon(f.pts(core), fill=pal.glow), f.d(10), 0.8)
    gradient_poly(c, f.pts(core), tint(cc, 0.2), shade(cc, 0.5), (1, 1))
    c.polygon(f.pts(core), outline=pal.glow, width=f.d(3))
    sym = draw.star(cx, cy, cs * 0.6, cs * 0.2, int(rng.integers(3, 7)), rng.uniform(0, 1))
    c.polygon(f.pts(sym), fill=pal.highlight)
    return c
