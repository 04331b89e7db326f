"""UI frames: the arcane mirror and the astral portal gate (ornate metal around a glowing pane)."""

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
from bananajam.assets.themes import Palette, mix, shade, tint


def _pane(kind: str, cx: float, cy: float, rx: float, ry: float) -> list[Point]:
    """An oval, round or arched outline centred at (cx, cy)."""
    if kind == "arch":
        top = draw.arc_points(cx, cy - ry + rx, rx, rx, math.pi, 2 * math.pi, 36)
        return [(cx - rx, cy + ry), *top, (cx + rx, cy + ry)]
    if kind == "round":
        return k.ellipse_pts(cx, cy, rx, rx)
    return k.ellipse_pts(cx, cy, rx, ry)


def _swirl(
    f: k.Fit, pal: Palette, cx: float, cy: float, r: float, arms: int, spin: float
) -> list[k.Mark]:
    """Spiral brush arms of light inside a pane (marks for the pane's own pixel box)."""
    out = []
    for i in range(arms):
        a0 = spin + 2 * math.pi * i / arms
        pts = [
            (cx + t * math.cos(a0 + t / r * 3.2), cy + t * math.sin(a0 + t / r * 3.2) * 1.1)
            for t in [r * j / 14 for j in range(1, 15)]
        ]
        out.append(k.stroke(f.pts(pts), f.l(r * 0.12), pal.highlight, 0.5, start=0.2, end=0.5))
    return out


class MirrorParams(AssetParams):
    shape: Literal["oval", "arch", "round"] = "oval"
    crest: Literal["star", "crown", "eye", "none"] = "star"
    beads: int = Field(10, ge=0, le=18)
    frame: float = Field(0.5, ge=0.0, le=1.0)
    scrolls: bool = True
    hue: float = Field(0.0, ge=-12.0, le=12.0)


@asset("arcane_mirror", "ui", (500, 700), MirrorParams, tags=("mirror", "frame", "glass"))
def arcane_mirror(ctx: RenderContext[MirrorParams]) -> Canvas:
    """An ornate scrying mirror: bead-studded frame, crest, side scrolls and a glowing glass."""
    c, p, pal = ctx.canvas(), ctx.params, ctx.palette
    f = k.posed(ctx, 500, 700, 0.12, 0.16)
    m = k.metal(pal, p.hue, 0.15)
    edge = max(1.0, f.l(4))
    cx, cy = 250.0, 385.0 if p.shape != "round" else 330.0
    rx, ry = 165.0, 250.0
    fw = 26 + 24 * p.frame
    inner = _pane(p.shape, cx, cy, rx, ry)
    outer = _pane(p.shape, cx, cy, rx + fw, ry + fw)
    lt.aura(c, [f.pts(outer)], pal.glow, f.l(24), 0.4, solid=f.pts(outer), first=True)
    if p.shape == "round":  # a hand mirror: add the handle
        handle = k.stadium(cx, 590, 44, 210)
        k.plate(c, [f.pts(handle)], m, edge, 0.0)
        for y in (520.0, 680.0):
            k.plate(c, [f.pts(k.rotate(k.stadium(cx, y, 22, 70), cx, y, math.pi / 2))], m, edge)
    if p.scrolls:  # both curls in one pixel box
        curls = []
        for sgn in (-1.0, 1.0):
            x = cx + sgn * (rx + fw * 0.7)
            curl = f.pts(
                [
                    (x, cy - 60),
                    (x + sgn * 44, cy - 30),
                    (x + sgn * 30, cy + 10),
                    (x + sgn * 10, cy - 8),
                    (x + sgn * 22, cy - 20),
                ]
            )
            curls += [
                k.stroke(curl, f.l(22), m.deep, start=0.05, end=0.5),
                k.stroke(curl, f.l(14), m.light, start=0.05, end=0.5),
            ]
        k.ink(c, curls)
    glass = [tint(pal.accent, 0.25), mix(pal.ink, pal.accent, 0.45), shade(pal.ink, 0.3)]
    rng = ctx.rng("glass")
    # the swirl and the streaks are drawn in the glass's own pixel box
    marks = _swirl(f, pal, cx, cy, rx * 0.8, int(rng.integers(2, 5)), rng.uniform(0, 6.3))
    for off, w in ((0.0, 26.0), (60.0, 12.0)):
        streak = [(cx - rx * 0.55 + off, cy + ry * 0.1), (cx - rx * 0.1 + off, cy - ry * 0.5)]
        marks.append(k.stroke(f.pts(streak), f.l(w), pal.highlight, 0.35, smooth=False))
    radial = f.p(cx - 40, cy - 80)
    k.shaded(c, [f.pts(inner)], glass, radial=radial, radius=f.l(ry * 1.3), marks=marks)
    mid = _pane(p.shape, cx, cy, rx + fw / 2, ry + fw / 2)
    groove = (f.pts(mid), m.deep, f.l(3), 0.5)
    k.plate(c, [f.pts(outer)], m, edge, 0.9, holes=[f.pts(inner)], extra=[groove])
    if p.beads:
        step = len(mid) / p.beads
        beads = [mid[int(i * step + step / 2) % len(mid)] for i in range(p.beads)]
        lt.studs(c, [f.p(bx, by) for bx, by in beads], f.l(fw * 0.22), m)
    top = min(y for _, y in outer)
    if p.crest == "star":
        lt.halo(c, *f.p(cx, top - 6), f.l(30), f.l(14), pal.glow, 0.8)
        k.plate(c, [f.pts(draw.star(cx, top - 6, 52, 20, 8, -math.pi / 2))], m, edge, 0.8)
        lt.boss(c, *f.p(cx, top - 6), f.l(14), m, gem=pal.glow)
    elif p.crest == "crown":
        crown = [
            (cx - 70, top + 16),
            (cx - 78, top - 40),
            (cx - 36, top - 14),
            (cx, top - 62),
            (cx + 36, top - 14),
            (cx + 78, top - 40),
            (cx + 70, top + 16),
        ]
        k.plate(c, [f.pts(crown)], m, edge, 0.8)
        tips = [f.p(x, y) for x, y in ((cx - 78, top - 40), (cx, top - 62), (cx + 78, top - 40))]
        lt.studs(c, tips, f.l(9), m, gem=pal.glow)
    elif p.crest == "eye":
        eye = [
            *draw.arc_points(cx, top + 30, 70, 56, -2.4, -0.74, 16),
            *draw.arc_points(cx, top - 42, 70, 56, 0.74, 2.4, 16),
        ]
        k.plate(c, [f.pts(eye)], m, edge, 0.8)
        lt.boss(c, *f.p(cx, top - 6), f.l(16), m, gem=pal.glow)
    return c


class GateParams(AssetParams):
    arch: Literal["round", "pointed", "horseshoe"] = "round"
    runes: int = Field(4, ge=2, le=7)
    arms: int = Field(3, ge=2, le=6)
    steps: int = Field(2, ge=1, le=3)
    pillar: float = Field(0.5, ge=0.0, le=1.0)


def _opening(kind: str, cx: float, floor: float, spring: float, r: float) -> list[Point]:
    """The outline of an arched doorway from the floor up."""
    if kind == "pointed":
        top = draw.catmull_rom(
            [
                (cx - r, spring),
                (cx - r * 0.8, spring - r * 0.75),
                (cx - r * 0.35, spring - r * 1.25),
                (cx, spring - r * 1.5),
            ],
            8,
        )
        return [(cx - r, floor), *top, *k.mirror_x(top, cx), (cx + r, floor)]
    if kind == "horseshoe":
        arc = draw.arc_points(cx, spring, r * 1.08, r * 1.08, math.pi - 0.5, 2 * math.pi + 0.5, 40)
        return [(arc[0][0], floor), *arc, (arc[-1][0], floor)]
    return [
        (cx - r, floor),
        *draw.arc_points(cx, spring, r, r, math.pi, 2 * math.pi, 40),
        (cx + r, floor),
    ]


@asset("astral_portal_gate", "ui", (600, 700), GateParams, tags=("portal", "gate", "arch"))
def astral_portal_gate(ctx: RenderContext[GateParams]) -> Canvas:
    """A stone-and-metal archway with runed pillars around a swirling starlit portal."""
    c, p, pal = ctx.canvas(), ctx.params, ctx.palette
    f = k.posed(ctx, 600, 700, 0.07, 0.22)
    m = k.metal(pal, 0.0, 0.05)
    stone = k.Metal(
        shade(pal.ink, 0.4),
        mix(pal.ink, pal.accent, 0.2),
        mix(pal.ink, pal.accent, 0.4),
        mix(pal.accent, pal.glow, 0.2),
        tint(pal.accent, 0.3),
    )
    edge = max(1.0, f.l(4))
    cx, floor = 300.0, 640.0 - 18 * p.steps
    r = 165.0
    spring = 330.0 if p.arch != "pointed" else 350.0
    pw = 58 + 30 * p.pillar
    inner = _opening(p.arch, cx, floor, spring, r)
    outer = _opening(p.arch, cx, floor, spring, r + 52)
    # the void covers the middle of this light; nothing is drawn before it
    lt.aura(c, [f.pts(inner)], pal.glow, f.l(40), 0.5, solid=f.pts(inner), first=True)
    void = [tint(pal.glow, 0.4), pal.accent, mix(pal.ink, pal.accent, 0.35), shade(pal.ink, 0.3)]
    rng = ctx.rng("portal")
    # the swirl and the sparks are drawn in the void's own pixel box, as the runes are in their
    # pillar's: the picture never changes hands between its pixel boxes and AGG
    marks = _swirl(f, pal, cx, spring + 40, r * 0.95, p.arms, rng.uniform(0, 6.3))
    for _ in range(14):
        x, y = rng.uniform(cx - r * 0.8, cx + r * 0.8), rng.uniform(spring - r * 0.6, floor - 20)
        marks.append(lt.twinkle(*f.p(x, y), f.l(rng.uniform(4, 10)), pal.highlight, 0.9))
    k.shaded(c, [f.pts(inner)], void, radial=f.p(cx, spring + 40), radius=f.l(r * 1.5), marks=marks)
    k.plate(c, [f.pts(outer)], stone, edge, 0.8, holes=[f.pts(inner)])
    sides: list[list[list[Point]]] = []  # per pillar: the rune strokes
    for sgn in (-1.0, 1.0):
        x = cx + sgn * (r + 26)
        strokes = []
        for i in range(p.runes):
            y = spring + 10 + (floor - spring - 60) * (i + 0.5) / p.runes
            pts = [
                (x + float(rng.uniform(-0.3, 0.3)) * pw, y + float(rng.uniform(-16, 16)))
                for _ in range(3)
            ]
            strokes.append(f.pts(pts))
        sides.append(strokes)
        pil = [
            (x - pw / 2, floor),
            (x - pw / 2, spring - 20),
            (x + pw / 2, spring - 20),
            (x + pw / 2, floor),
        ]
        # the runes sit between the caps (which never reach them): drawn with the pillar
        runes = [
            k.stroke(q, f.l(6), pal.highlight, smooth=False, start=0.1, end=0.1) for q in strokes
        ]
        k.plate(c, [f.pts(pil)], stone, edge, 0.0, marks=runes)
        for y in (spring - 34, floor - 14):
            cap = [
                (x - pw / 2 - 12, y - 14),
                (x + pw / 2 + 12, y - 14),
                (x + pw / 2 + 12, y + 14),
                (x - pw / 2 - 12, y + 14),
            ]
            k.plate(c, [f.pts(cap)], m, edge, math.pi / 2)
    for strokes in sides:  # per pillar: two small boxes, not one wide
        lt.aura(c, [draw.stroke_outline(pts, f.l(8)) for pts in strokes], pal.glow, f.l(10), 0.8)
    key = [
        (cx - 34, min(y for _, y in outer) - 10),
        (cx + 34, min(y for _, y in outer) - 10),
        (cx + 22, min(y for _, y in inner) + 18),
        (cx - 22, min(y for _, y in inner) + 18),
    ]
    k.plate(c, [f.pts(key)], m, edge, 0.8)
    lt.boss(c, *f.p(cx, (key[0][1] + key[2][1]) / 2), f.l(14), m, gem=pal.glow)
    for i in range(p.steps):
        y = floor + 18 * i
        w = r + 90 + 26 * i
        k.plate(
            c,
            [f.pts([(cx - w, y), (cx + w, y), (cx + w + 8, y + 18), (cx - w - 8, y + 18)])],
            stone,
            edge,
            math.pi / 2,
        )
    return c
