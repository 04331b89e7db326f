"""UI dials: the ancient sundial, the ink compass rose and the void compass (round, 500×500)."""

from __future__ import annotations

import math
from typing import Literal

import aggdraw
from pydantic import Field

from bananajam.assets import draw
from bananajam.assets.canvas import Canvas, Point
from bananajam.assets.families import _ui_kit as k
from bananajam.assets.families import ui_lights as lt
from bananajam.assets.params import AssetParams
from bananajam.assets.registry import RenderContext, asset
from bananajam.assets.themes import RGB, mix, shade, tint

C = 250.0  # the design centre of every dial


def _polar(r: float, a: float) -> Point:
    return (C + r * math.cos(a), C + r * math.sin(a))


def _ticks(
    c: Canvas,
    f: k.Fit,
    n: int,
    r0: float,
    r1: float,
    color: RGB,
    w: float,
    rot: float = -math.pi / 2,
) -> None:
    """Radial ticks, every quarter longer: the hairline quads two-point brushes make (a brush
    thins to 4 % of its width at both ends), all filled as one AGG path."""
    path, s = aggdraw.Path(), c.scale
    for i in range(n):
        a = rot + 2 * math.pi * i / n
        long = i % max(1, n // 4) == 0
        (x0, y0), (x1, y1) = f.pts([_polar(r0 - (r1 - r0) * 0.6 if long else r0, a), _polar(r1, a)])
        q = f.l(w * (1.6 if long else 1)) * 0.02 / (math.hypot(x1 - x0, y1 - y0) or 1.0)
        nx, ny = (y0 - y1) * q, (x1 - x0) * q
        path.moveto((x0 + nx) * s, (y0 + ny) * s)
        path.lineto((x1 + nx) * s, (y1 + ny) * s)
        path.lineto((x1 - nx) * s, (y1 - ny) * s)
        path.lineto((x0 - nx) * s, (y0 - ny) * s)
        path.close()
    c.path(path, fill=color)


class SundialParams(AssetParams):
    plate: Literal["round", "octagon", "dodecagon"] = "round"
    hours: int = Field(12, ge=8, le=24)
    motif: Literal["rays", "rings", "sun"] = "rays"
    hour: float = Field(0.5, ge=0.0, le=1.0)
    gnomon: float = Field(0.5, ge=0.0, le=1.0)


@asset("ancient_sundial", "ui", (500, 500), SundialParams, tags=("sundial", "time", "dial"))
def ancient_sundial(ctx: RenderContext[SundialParams]) -> Canvas:
    """A bronze sundial seen from above: hour ticks, engraved face, gnomon and its shadow."""
    c, p, pal = ctx.canvas(), ctx.params, ctx.palette
    f = k.posed(ctx, 500, 500, 0.6, 0.16)
    m = k.metal(pal, 0.0, 0.15)
    edge = max(1.0, f.l(4))
    sides = {"round": 0, "octagon": 8, "dodecagon": 12}[p.plate]
    outer = (
        draw.regular_polygon(C, C, 240, sides, math.pi / sides)
        if sides
        else k.ellipse_pts(C, C, 238, 238)
    )
    lt.aura(c, [f.pts(outer)], pal.glow, f.l(18), 0.3, solid=f.pts(outer), first=True)
    k.plate(c, [f.pts(outer)], m, edge, 0.8)
    face = f.pts(k.ellipse_pts(C, C, 200, 200))
    stone = [tint(mix(pal.ink, pal.accent, 0.45), 0.1), mix(pal.ink, pal.accent, 0.3), pal.ink]
    k.shaded(c, [face], stone, radial=f.p(C - 60, C - 70), radius=f.l(330))
    c.polygon(face, outline=m.deep, width=edge)
    _ticks(c, f, p.hours, 168, 194, m.light, 5)
    for i in range(0, p.hours, max(1, p.hours // 4)):
        a = -math.pi / 2 + 2 * math.pi * i / p.hours
        c.polygon(f.pts(draw.star(*_polar(218, a), 12, 4, 4, a)), fill=m.shine)
    rng = ctx.rng("motif")
    if p.motif == "rays":
        for i in range(p.hours):
            a = -math.pi / 2 + 2 * math.pi * (i + 0.5) / p.hours
            k.engrave(c, f.pts([_polar(44, a), _polar(100, a + 0.04), _polar(150, a)]), m, f.l(6))
    elif p.motif == "rings":
        for r in (62.0, 104.0, 146.0):
            c.polygon(f.pts(k.ellipse_pts(C, C, r, r)), outline=m.deep, width=f.l(5))
            c.polygon(
                f.pts(k.ellipse_pts(C + 2, C + 2, r, r)), outline=m.light, width=f.l(2), opacity=0.4
            )
        for _ in range(10):
            a, r = rng.uniform(0, 2 * math.pi), rng.choice([83.0, 125.0])
            c.circle(*f.p(*_polar(r, a)), f.l(5), fill=m.light)
    else:
        sun = draw.star(C, C, 150, 95, p.hours, -math.pi / 2)
        k.shaded(
            c,
            [f.pts(sun)],
            [m.light, m.base, m.dark],
            radial=f.p(C, C),
            radius=f.l(150),
            opacity=0.7,
        )
        c.polygon(f.pts(sun), outline=m.deep, width=f.l(3))
    # shadow cast by the gnomon, then the gnomon blade (pointing north)
    a = -math.pi / 2 + (p.hour - 0.5) * math.radians(220)
    ln = 150 + 40 * p.gnomon
    sh = [
        _polar(14, a + 1.5),
        _polar(ln, a + 0.02),
        _polar(ln * 0.9, a - 0.06),
        _polar(14, a - 1.5),
    ]
    c.polygon(f.pts(sh), fill=shade(pal.ink, 0.5), opacity=0.6)
    gw = 16 + 16 * p.gnomon
    blade = [(C - gw / 2, C + 20), (C - 4, C - 170 - 30 * p.gnomon), (C + gw / 2, C + 20)]
    k.plate(c, [f.pts(blade)], m, edge * 0.8, 0.0)
    lt.halo(c, *f.p(C, C), f.l(40), f.l(14), pal.glow, 0.6)
    lt.boss(c, *f.p(C, C + 10), f.l(22), m, gem=pal.glow)
    return c


class RoseParams(AssetParams):
    points: Literal[4, 8, 16] = 8
    rings: int = Field(2, ge=1, le=3)
    slim: float = Field(0.5, ge=0.0, le=1.0)
    turn: float = Field(0.0, ge=-12.0, le=12.0)
    fleur: bool = True


@asset("ink_compass_rose", "ui", (500, 500), RoseParams, tags=("compass", "map", "ink"))
def ink_compass_rose(ctx: RenderContext[RoseParams]) -> Canvas:
    """A map compass rose in ink wash: split-shaded star points inside brushed rings."""
    c, p, pal = ctx.canvas(), ctx.params, ctx.palette
    f = k.fit(ctx, 500, 500)
    rot = -math.pi / 2 + math.radians(p.turn)
    rng = ctx.rng("ink")
    c.glow(lambda g: g.circle(*f.p(C, C), f.l(170), fill=pal.accent), f.l(40), 0.35)
    ink, wash = mix(pal.ink, pal.accent, 0.25), mix(pal.accent, pal.glow, 0.25)
    for i in range(p.rings):
        r = 205 - 34 * i
        n = 40
        jit = rng.normal(0, 2.0, n)
        pts = [_polar(r + float(jit[j]), rot + 0.3 + 2 * math.pi * j / (n - 3)) for j in range(n)]
        draw.brush(
            c,
            f.pts(pts),
            f.l(14 - 4 * i),
            wash if i else tint(pal.accent, 0.15),
            opacity=0.9,
            start=0.1,
            end=0.25,
        )
    _ticks(c, f, p.points * 4, 212, 232, tint(pal.accent, 0.2), 4, rot)
    tiers = [(226.0, 0), (150.0, 4), (104.0, 8)]
    for length, start in reversed(tiers):
        n = min(p.points, 4) if start == 0 else (start if p.points >= start * 2 else 0)
        if n == 0:
            continue
        off = math.pi / n if start else 0.0
        half = (0.13 + 0.1 * (1 - p.slim)) * (1.0 if start == 0 else 0.8)
        base_r = length * half * 1.6
        light = tint(mix(pal.accent, pal.glow, 0.5), 0.1 if start == 0 else 0.0)
        dark = mix(pal.ink, pal.accent, 0.45 if start == 0 else 0.3)
        for j in range(n):
            a = rot + off + 2 * math.pi * j / n
            tip, mid = _polar(length, a), _polar(0, a)
            l_side, r_side = (
                _polar(base_r, a - math.pi / 2 * 0.5),
                _polar(base_r, a + math.pi / 2 * 0.5),
            )
            c.polygon(f.pts([mid, l_side, tip]), fill=light, outline=ink, width=f.l(2.5))
            c.polygon(f.pts([mid, tip, r_side]), fill=dark, outline=ink, width=f.l(2.5))
    c.circle(*f.p(C, C), f.l(26), fill=ink)
    if p.fleur:
        top = _polar(236, rot)
        tx, ty = top
        ang = rot + math.pi / 2
        leaf = [
            (tx, ty - 34),
            (tx + 16, ty - 10),
            (tx + 6, ty + 4),
            (tx, ty - 4),
            (tx - 6, ty + 4),
            (tx - 16, ty - 10),
        ]
        c.polygon(f.pts(k.rotate(leaf, tx, ty, ang)), fill=pal.highlight, outline=ink, width=f.l(3))
    for _ in range(5):
        a, rd = rng.uniform(0, 2 * math.pi), rng.uniform(120, 230)
        c.circle(*f.p(*_polar(rd, a)), f.l(rng.uniform(2, 5)), fill=ink, opacity=0.6)
    # the boss's pixel pass last (fleur and dots never reach it): AGG keeps the picture
    draw.radial_shade(c, *f.p(C, C), f.l(18), pal.highlight, pal.accent)
    return c


class VoidCompassParams(AssetParams):
    marks: int = Field(8, ge=4, le=12)
    arms: int = Field(3, ge=2, le=5)
    needle: Literal["diamond", "arrow", "crescent"] = "diamond"
    case: Literal["round", "facet", "lobed"] = "round"
    bail: bool = True
    hue: float = Field(0.0, ge=-12.0, le=12.0)


@asset("void_compass", "ui", (500, 500), VoidCompassParams, tags=("compass", "void", "device"))
def void_compass(ctx: RenderContext[VoidCompassParams]) -> Canvas:
    """A pocket compass whose dial is a swirling void; the needle points somewhere unknown."""
    c, p, pal = ctx.canvas(), ctx.params, ctx.palette
    f = k.posed(ctx, 500, 500, 0.8, 0.12)
    m = k.metal(pal, p.hue)
    edge = max(1.0, f.l(4))
    cy = 268.0 if p.bail else C
    rr = 212.0 if p.bail else 232.0
    cr = ctx.rng("case").uniform(0.0, 1.0, 2)
    lobes = 6 + 2 * int(cr[1] * 4)
    case = k.outline(C, cy, rr, p.case, lobes)
    polys = [f.pts(case)]
    # the case's light goes first (written straight in); bail or crown are metal over it
    lt.aura(c, polys, pal.glow, f.l(18), 0.35, solid=polys[0], first=True)
    if p.bail:
        loop = k.ellipse_pts(C, 34, 30, 26)
        stem = k.stadium(C, 62, 34, 44)
        k.plate(c, [f.pts(loop)], m, edge, 0.8, holes=[f.pts(k.ellipse_pts(C, 34, 16, 12))])
        k.plate(c, [f.pts(stem)], m, edge, 0.0)
    else:  # a winding crown and a hinge lug somewhere round the rim
        ka = float(ctx.rng("knob").uniform(0.0, 2 * math.pi))
        for da, kw, kl in ((0.0, 44.0, 36.0), (2.4, 26.0, 18.0)):
            knob = k.rotate(k.stadium(C, cy - rr - kl * 0.4, kw, kl * 2), C, cy, ka + da)
            k.plate(c, [f.pts(knob)], m, edge, ka + da)
    face_r = rr * (0.66 + 0.16 * float(cr[0]))
    face = k.ellipse_pts(C, cy, face_r, face_r)
    stars: list[k.Mark] = []  # the case's marks, drawn in its pixel box (clear of the face)
    for i in range(p.marks):
        a = -math.pi / 2 + 2 * math.pi * i / p.marks
        x, y = C + (rr * 0.89) * math.cos(a), cy + (rr * 0.89) * math.sin(a)
        big = i % max(1, p.marks // 4) == 0
        stars.append((k.flat(f.pts(draw.star(x, y, 15 if big else 9, 4, 4, a))), m.deep, 1, 0))
        tip = k.flat(f.pts(draw.star(x - 1, y - 1, 13 if big else 7, 3, 4, a)))
        stars.append((tip, m.shine, 1.0, 0.0))
    k.plate(c, polys, m, edge, 0.8, holes=[f.pts(face)], marks=stars)
    rng = ctx.rng("swirl")  # the swirl and the sparks, drawn in the face's pixel box
    spin = rng.uniform(0, 2 * math.pi)
    swirl = []
    for i in range(p.arms):
        a0 = spin + 2 * math.pi * i / p.arms
        pts = [
            (C + r * math.cos(a0 + r * 0.018), cy + r * math.sin(a0 + r * 0.018))
            for r in range(12, int(face_r * 0.95), 8)
        ]
        swirl.append(k.stroke(f.pts(pts), f.l(16), pal.ink, 0.55, start=0.3, end=0.4))
    for _ in range(9):
        a, r = rng.uniform(0, 2 * math.pi), rng.uniform(0.3, 0.9) * face_r
        at = f.p(C + r * math.cos(a), cy + r * math.sin(a))
        swirl.append(lt.twinkle(*at, f.l(rng.uniform(4, 9)), pal.highlight, 0.8))
    void = [tint(pal.glow, 0.2), pal.accent, mix(pal.ink, pal.accent, 0.25), shade(pal.ink, 0.4)]
    k.shaded(c, [f.pts(face)], void, radial=f.p(C, cy), radius=f.l(face_r), marks=swirl)
    a = rng.uniform(0, 2 * math.pi)
    ln = face_r * 0.86
    if p.needle == "diamond":
        north = [(0.0, -ln), (22.0, 0.0), (-22.0, 0.0)]
        south = [(22.0, 0.0), (0.0, ln), (-22.0, 0.0)]
    elif p.needle == "arrow":
        north = [
            (0.0, -ln),
            (30.0, -ln * 0.62),
            (8.0, -ln * 0.66),
            (8.0, 0.0),
            (-8.0, 0.0),
            (-8.0, -ln * 0.66),
            (-30.0, -ln * 0.62),
        ]
        south = [(8.0, 0.0), (16.0, ln * 0.8), (0.0, ln * 0.6), (-16.0, ln * 0.8), (-8.0, 0.0)]
    else:
        north = [
            *draw.arc_points(-ln * 0.2, -ln * 0.55, ln * 0.45, ln * 0.45, -1.2, 1.2, 16),
            (ln * 0.08, 0.0),
            (-ln * 0.08, 0.0),
        ]
        south = [(12.0, 0.0), (0.0, ln * 0.7), (-12.0, 0.0)]
    place = [(C + x, cy + y) for x, y in north]
    tail = [(C + x, cy + y) for x, y in south]
    lt.aura(c, [f.pts(k.rotate(place, C, cy, a))], pal.glow, f.l(16), 0.9)
    k.plate(c, [f.pts(k.rotate(tail, C, cy, a))], m, edge * 0.7, a)
    k.shaded(
        c,
        [f.pts(k.rotate(place, C, cy, a))],
        [pal.highlight, pal.glow, pal.accent],
        angle=a - math.pi / 2,
        strokes=[(f.pts(k.rotate(place, C, cy, a)), m.deep, edge * 0.7, 1.0)],
    )
    lt.boss(c, *f.p(C, cy), f.l(20), m)
    return c
