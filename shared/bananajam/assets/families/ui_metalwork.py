"""UI metalwork: ancient keys, broken chains and gilded cogs, in polished palette metal."""

from __future__ import annotations

import math
from typing import Literal

from pydantic import Field

from bananajam.assets import draw
from bananajam.assets.canvas import Canvas, Point
from bananajam.assets.families import _ui_kit as k
from bananajam.assets.families import ui_lights as lt
from bananajam.assets.params import AssetParams
from bananajam.assets.registry import RenderContext, asset
from bananajam.assets.themes import tint


class KeyParams(AssetParams):
    bow: Literal["ring", "trefoil", "quatrefoil", "diamond", "crown"] = "ring"
    teeth: int = Field(3, ge=2, le=6)
    shaft: float = Field(0.5, ge=0.0, le=1.0)
    double_bit: bool = False
    gem: bool = True
    hue: float = Field(0.0, ge=-14.0, le=14.0)


def _bow(shape: str, cx: float, cy: float, r: float) -> tuple[list[list[Point]], list[list[Point]]]:
    """Outer silhouettes and cut-outs of a key bow centred at (cx, cy)."""
    e = k.ellipse_pts
    if shape == "ring":
        return [e(cx, cy, r, r)], [e(cx, cy, r * 0.58, r * 0.58)]
    if shape in ("trefoil", "quatrefoil"):
        n = 3 if shape == "trefoil" else 4
        lobes, holes = [], []
        for i in range(n):
            a = -math.pi / 2 + 2 * math.pi * i / n + (math.pi / 4 if n == 4 else 0)
            lx, ly = cx + r * 0.48 * math.cos(a), cy + r * 0.48 * math.sin(a)
            lobes.append(e(lx, ly, r * 0.55, r * 0.55))
            holes.append(e(lx, ly, r * 0.24, r * 0.24))
        return [*lobes, e(cx, cy, r * 0.5, r * 0.5)], holes
    if shape == "diamond":
        outer = draw.regular_polygon(cx, cy, r * 1.05, 4, -math.pi / 2)
        return [outer], [draw.regular_polygon(cx, cy, r * 0.55, 4, -math.pi / 2)]
    crown = [
        (cx - r, cy + r * 0.6),
        (cx - r, cy - r * 0.5),
        (cx - r * 0.5, cy - r * 0.05),
        (cx, cy - r * 0.95),
        (cx + r * 0.5, cy - r * 0.05),
        (cx + r, cy - r * 0.5),
        (cx + r, cy + r * 0.6),
        (cx, cy + r * 0.9),
    ]
    return [crown], [e(cx, cy + r * 0.15, r * 0.42, r * 0.35)]


@asset("ancient_key", "ui", (200, 400), KeyParams, tags=("key", "metal", "item", "ornate"))
def ancient_key(ctx: RenderContext[KeyParams]) -> Canvas:
    """An ornate skeleton key: shaped bow, engraved shaft and a notched bit."""
    c, p, pal = ctx.canvas(), ctx.params, ctx.palette
    f = k.posed(ctx, 200, 400, 0.4, 0.22, slim=0.75)
    m = k.metal(pal, p.hue, 0.1)
    rng = ctx.rng("bit")
    size = ctx.rng("proportions").uniform(0.0, 1.0, 2)
    cx, br = 100.0, 50.0 + 20.0 * float(size[0])
    shift = 20.0 * (1.0 - float(size[1]))  # keeps shorter keys centred in the box
    bow_y = 18 + br + shift
    sw = 17 + 8 * p.shaft
    top, bot = bow_y + br * 0.7, 345.0 + 40.0 * float(size[1]) + shift
    bit_h = 40 + 10 * p.teeth
    # bit: a stepped plate on the right (and mirrored left), notches from the seed
    step = bit_h / p.teeth
    depths = rng.integers(0, 3, p.teeth)
    right: list[Point] = [(cx, bot - bit_h)]
    for i, d in enumerate(depths):
        x = cx + sw / 2 + 58 - 14 * float(d)
        right += [(x, bot - bit_h + i * step + 2), (x, bot - bit_h + (i + 1) * step - 2)]
    right.append((cx, bot - 6))
    bits = [right] + ([k.mirror_x(right, cx)] if p.double_bit else [])
    shaft = [(cx - sw / 2, top), (cx + sw / 2, top), (cx + sw / 2, bot), (cx - sw / 2, bot)]
    outer, holes = _bow(p.bow, cx, bow_y, br)
    polys = [f.pts(q) for q in (*outer, shaft, *bits)]
    lt.aura(c, polys, pal.glow, f.l(14), 0.35)
    edge = max(1.0, f.l(3.2))
    k.plate(c, [f.pts(b) for b in bits], m, edge, angle=0.3)
    k.plate(c, [f.pts(shaft)], m, edge, angle=0.0)
    k.plate(c, [f.pts(q) for q in outer], m, edge, angle=0.9, holes=[f.pts(h) for h in holes])
    # collar rings and the tip knob
    for y in (top + 6, top + 22 + 30 * p.shaft, bot - bit_h - 14):
        ring = k.stadium(cx, y, 12, sw + 16)
        k.plate(c, [f.pts(k.rotate(ring, cx, y, math.pi / 2))], m, edge, angle=0.0)
    lt.boss(c, *f.p(cx, bot + 2), f.l(sw * 0.55), m)
    # engraved spiral banding along the shaft
    y0, y1 = top + 40 + 30 * p.shaft, bot - bit_h - 28
    n = max(1, int((y1 - y0) / 22))
    for i in range(n):
        y = y0 + i * (y1 - y0) / n
        k.engrave(
            c,
            f.pts([(cx - sw * 0.35, y), (cx, y + 6), (cx + sw * 0.35, y + 12)]),
            m,
            max(0.6, f.l(2.4)),
        )
    for i, d in enumerate(depths):
        if d == 0:
            y = bot - bit_h + (i + 0.5) * step
            lt.boss(c, *f.p(cx + sw / 2 + 30, y), f.l(4.5), m)
    if p.gem:
        gy = bow_y + (br * 0.15 if p.bow == "crown" else 0.0)
        gr = br * (0.3 if p.bow in ("ring", "diamond") else 0.2)
        lt.halo(c, *f.p(cx, gy), f.l(gr * 1.6), f.l(12), pal.glow, 0.7)
        lt.boss(c, *f.p(cx, gy), f.l(gr), m, gem=pal.glow)
    return c


class ChainParams(AssetParams):
    links: int = Field(6, ge=4, le=9)
    break_at: float = Field(0.5, ge=0.25, le=0.75)
    girth: float = Field(0.5, ge=0.0, le=1.0)
    swing: float = Field(0.0, ge=-0.35, le=0.35)
    hue: float = Field(0.0, ge=-14.0, le=14.0)


def _half_link(cx: float, cy: float, w: float, h: float, t: float, up: bool) -> list[Point]:
    """One severed half of a face-on link (an arch), opening downwards if `up`."""
    sgn = -1.0 if up else 1.0
    out = []
    for ww, hh in ((w, h), (w - 2 * t, h - 2 * t)):
        r = ww / 2
        a0, a1 = (math.pi, 2 * math.pi) if up else (0.0, math.pi)
        arc = draw.arc_points(cx, cy + sgn * (hh / 2 - r), r, r, a0, a1, 16)
        side = [(arc[0][0], cy + sgn * 0.06 * h), *arc, (arc[-1][0], cy + sgn * 0.02 * h)]
        out.append(side)
    return out[0] + out[1][::-1]


@asset("broken_chain", "ui", (200, 600), ChainParams, tags=("chain", "metal", "broken", "item"))
def broken_chain(ctx: RenderContext[ChainParams]) -> Canvas:
    """A hanging chain of alternating links, snapped open at one link with sparks."""
    c, p, pal = ctx.canvas(), ctx.params, ctx.palette
    f = k.fit(ctx, 200, 600)
    m = k.metal(pal, p.hue)
    n = p.links
    gap = 34.0
    pitch = (560 - gap) / (n * 0.78 + 0.22)
    lh, lw = pitch, min(150.0, pitch * (0.62 + 0.2 * p.girth))
    t = lw * (0.22 + 0.08 * p.girth)
    brk = min(n - 2, max(1, round(p.break_at * (n - 1))))
    edge = max(0.8, f.l(2.6))
    parts: list[tuple[list[list[Point]], list[list[Point]], float]] = []
    for i in range(n):
        cy = 20 + lh / 2 + i * pitch * 0.78 + (gap if i >= brk else 0.0)
        if i % 2 == 0 and i != brk:
            parts.append(
                ([k.stadium(100, cy, lw, lh)], [k.stadium(100, cy, lw - 2 * t, lh - 2 * t)], 0.9)
            )
        elif i % 2 == 1 and i != brk:
            parts.append(
                ([k.stadium(100, cy, t * 1.6, lh)], [k.stadium(100, cy, t * 0.3, lh - 2 * t)], 0.0)
            )
        else:
            cy -= gap
            up = _half_link(100, cy - 4, lw, lh, t, True)
            down = _half_link(100, cy + gap * 0.8, lw, lh, t, False)
            parts.append(([up], [], 0.9))
            parts.append(([down], [], 0.9))
    pivot = (100.0, 20 + brk * pitch * 0.78 + lh / 2)
    drawn = []
    for j, (outer, holes, ang) in enumerate(parts):
        sw = p.swing if j > brk else 0.0
        drawn.append(
            (
                [f.pts(k.rotate(q, *pivot, sw)) for q in outer],
                [f.pts(k.rotate(q, *pivot, sw)) for q in holes],
                ang + sw,
            )
        )
    lt.aura(c, [q for o, _, _ in drawn for q in o], pal.glow, f.l(10), 0.3)
    for outer_c, holes_c, ang in drawn:
        k.plate(c, outer_c, m, edge, ang, holes=holes_c)
    # sparks and glow at the break
    bx, by = f.p(*pivot)
    lt.halo(c, bx, by, f.l(26), f.l(16), pal.glow, 0.9)
    rng = ctx.rng("sparks")
    for _ in range(7):
        a, d = rng.uniform(0, 2 * math.pi), rng.uniform(10, 46)
        x, y = pivot[0] + d * math.cos(a), pivot[1] + d * math.sin(a) * 0.7
        lt.spark(c, *f.p(x, y), f.l(rng.uniform(4, 11)), tint(pal.glow, 0.4))
    return c


class CogParams(AssetParams):
    teeth: int = Field(12, ge=7, le=24)
    depth: float = Field(0.5, ge=0.0, le=1.0)
    web: Literal["spokes", "holes", "solid"] = "spokes"
    spokes: int = Field(5, ge=3, le=8)
    hub: float = Field(0.5, ge=0.0, le=1.0)
    hue: float = Field(0.0, ge=-12.0, le=12.0)


@asset("gilded_cog", "ui", (500, 500), CogParams, tags=("cog", "gear", "metal", "steampunk"))
def gilded_cog(ctx: RenderContext[CogParams]) -> Canvas:
    """A gilded gear: bevelled teeth, spoked or pierced web, engraved rim and a jewelled hub."""
    c, p, pal = ctx.canvas(), ctx.params, ctx.palette
    f = k.fit(ctx, 500, 500)
    m = k.metal(pal, p.hue, 0.2)
    cx = cy = 250.0
    ro = 238.0
    ri = ro - 26 - 22 * p.depth
    rim_in = ri - 38
    nt = p.teeth
    rot = ctx.rng("rot").uniform(0, 2 * math.pi / nt)
    gear: list[Point] = []
    for i in range(nt):
        a = rot + 2 * math.pi * i / nt
        w = math.pi / nt
        for da, r in ((-w * 0.55, ri), (-w * 0.32, ro), (w * 0.32, ro), (w * 0.55, ri)):
            gear.append((cx + r * math.cos(a + da), cy + r * math.sin(a + da)))
    edge = max(1.0, f.l(4))
    hole = k.ellipse_pts(cx, cy, rim_in, rim_in)
    lt.aura(c, [f.pts(gear)], pal.glow, f.l(18), 0.3, first=True)
    # an engraved ring of dots on the rim, drawn in the gear's own pixel box (a spoke's end
    # may now lie over a dot's edge, as a part on top of the rim would)
    rd = (ri + rim_in) / 2
    dots: list[k.Mark] = []
    for i in range(nt * 2):
        a = rot + math.pi * (i + 0.5) / nt
        dot = f.pts(k.ellipse_pts(cx + rd * math.cos(a), cy + rd * math.sin(a), 3.2, 3.2, 16))
        dots.append((k.flat(dot), m.deep, 1.0, 0.0))
    k.plate(c, [f.pts(gear)], m, edge, 0.8, holes=[f.pts(hole)], marks=dots)
    hub_r = 44 + 36 * p.hub
    if p.web == "spokes":
        for i in range(p.spokes):
            a = rot + 2 * math.pi * i / p.spokes
            sp = k.rotate(
                k.stadium(cx, cy - (rim_in + hub_r) / 2, 30, rim_in - hub_r + 30), cx, cy, a
            )
            k.plate(c, [f.pts(sp)], m, edge, a)
    else:
        cuts, grooves = [], []
        if p.web == "holes":
            rr = (rim_in - hub_r) * 0.36
            for i in range(p.spokes):
                a = rot + 2 * math.pi * (i + 0.5) / p.spokes
                d = (rim_in + hub_r) / 2
                cuts.append(k.ellipse_pts(cx + d * math.cos(a), cy + d * math.sin(a), rr, rr))
        elif p.web == "solid":  # engraved in the web's own pixel box
            for i in range(p.spokes * 2):
                a = rot + math.pi * i / p.spokes
                pts = [
                    (cx + r * math.cos(a + r * 0.004), cy + r * math.sin(a + r * 0.004))
                    for r in (hub_r + 14, (hub_r + rim_in) / 2, rim_in - 12)
                ]
                grooves += k.groove(f.pts(pts), m, f.l(5))
        web = [f.pts(k.ellipse_pts(cx, cy, rim_in + 4, rim_in + 4))]
        k.plate(c, web, m, edge, 2.2, holes=[f.pts(q) for q in cuts], marks=grooves)
    k.plate(c, [f.pts(draw.regular_polygon(cx, cy, hub_r, 8, rot))], m, edge, 0.8)
    lt.halo(c, *f.p(cx, cy), f.l(hub_r * 0.7), f.l(16), pal.glow, 0.7)
    lt.boss(c, *f.p(cx, cy), f.l(hub_r * 0.5), m, gem=pal.glow)
    return c
