"""UI vessels: the astral hourglass and the spectral lantern (glass held in metal frames)."""

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
from bananajam.assets.themes import Palette, mix, tint


class HourglassParams(AssetParams):
    sand: float = Field(0.5, ge=0.05, le=0.95)
    pillars: int = Field(2, ge=2, le=4)
    bulb: float = Field(2.0, ge=1.0, le=3.5)
    waist: float = Field(0.5, ge=0.0, le=1.0)
    finials: bool = True
    hue: float = Field(0.0, ge=-12.0, le=12.0)


def _bulb(s: float, p: float, top_w: float, waist_w: float) -> float:
    """Half-width of a glass bulb at s (0 at the plate, 1 at the waist)."""
    g = float(max(0.0, 1.0 - s**p) ** (1.0 / p))
    neck = 1.0 - 0.22 * math.exp(-s * 14.0)
    return waist_w + (top_w - waist_w) * g * neck


@asset("astral_hourglass", "ui", (500, 700), HourglassParams, tags=("hourglass", "time", "glass"))
def astral_hourglass(ctx: RenderContext[HourglassParams]) -> Canvas:
    """An hourglass of starry sand between engraved plates and turned pillars."""
    c, p, pal = ctx.canvas(), ctx.params, ctx.palette
    f = k.posed(ctx, 500, 700, 0.15, 0.18)
    m = k.metal(pal, p.hue, 0.1)
    edge = max(1.0, f.l(4))
    cx, y_top, y_mid, y_bot = 250.0, 96.0, 350.0, 604.0
    ww, tw = 10 + 14 * p.waist, 128.0
    ss = [i / 40 for i in range(41)]
    half = [(_bulb(s, p.bulb, tw, ww), y_top + s * (y_mid - y_top)) for s in ss]
    right = half + [(w, 2 * y_mid - y) for w, y in reversed(half)]
    glass = [(cx + w, y) for w, y in right] + [(cx - w, y) for w, y in reversed(right)]
    xs = [cx - 160 + 320 * i / (p.pillars - 1) for i in range(p.pillars)]
    back = [x for i, x in enumerate(xs) if 0 < i < len(xs) - 1]
    front = [xs[0], xs[-1]]
    lt.aura(c, [f.pts(glass)], pal.glow, f.l(26), 0.45, first=True)
    for x in back:
        k.plate(c, [f.pts(k.stadium(x, y_mid, 16, y_bot - y_top))], m, edge * 0.7, 0.0)
    k.shaded(
        c,
        [f.pts(glass)],
        [tint(pal.accent, 0.2), mix(pal.ink, pal.accent, 0.4)],
        angle=0.0,
        opacity=0.35,
    )
    # sand: a heap below and what remains above, in glow-to-accent
    sand = [pal.highlight, pal.glow, pal.accent, mix(pal.accent, pal.ink, 0.4)]
    s_top = 1.0 - 0.9 * p.sand
    top_pts = [
        (cx + _bulb(s, p.bulb, tw, ww) * 0.96, y_top + s * (y_mid - y_top))
        for s in ss
        if s >= s_top
    ]
    heap_s = 1.0 - 0.85 * (1.0 - p.sand)
    bot = [
        (cx + _bulb(s, p.bulb, tw, ww) * 0.96, 2 * y_mid - (y_top + s * (y_mid - y_top)))
        for s in ss
        if s >= heap_s
    ]
    if len(top_pts) > 1:
        poly = [*top_pts, *k.mirror_x(top_pts, cx)]
        poly = [poly[-1], (cx, poly[0][1] + 18), *poly]
        k.shaded(c, [f.pts(poly)], sand, angle=math.pi / 2)
    if len(bot) > 1:
        peak = bot[-1][1] - 26 - 30 * (1 - p.sand)
        heap = [*bot[::-1], *[(2 * cx - x, y) for x, y in bot], (cx, peak)]
        k.shaded(c, [f.pts(heap)], sand, angle=math.pi / 2)
    # the falling sand, the stars, the glass's rim and its shine: one pixel box
    marks: list[k.Mark] = []
    if p.sand > 0.08:
        fall = f.pts([(cx, y_mid - 10), (cx, y_bot - 30)])
        marks.append(k.stroke(fall, f.l(5), pal.highlight, smooth=False, start=0.02, end=0.02))
    rng = ctx.rng("stars")
    for _ in range(12):
        s = rng.uniform(0.1, 0.95)
        y = y_top + s * (y_mid - y_top)
        if rng.random() < 0.5:
            y = 2 * y_mid - y
        w = _bulb(s, p.bulb, tw, ww) * 0.8
        at = f.p(cx + rng.uniform(-w, w), y)
        marks.append(lt.twinkle(*at, f.l(rng.uniform(5, 10)), pal.highlight, 0.8))
    marks.append((k.flat(f.pts(glass)), mix(pal.accent, pal.glow, 0.5), 0.8, edge * 0.8))
    shine = [(cx - _bulb(s, p.bulb, tw, ww) * 0.7, y_top + s * (y_mid - y_top)) for s in ss[4:30]]
    marks.append(k.stroke(f.pts(shine), f.l(9), pal.highlight, 0.55))
    low = f.pts([(x, 2 * y_mid - y) for x, y in shine[::-1]])
    marks.append(k.stroke(low, f.l(7), pal.highlight, 0.4))
    k.ink(c, marks)
    for x in front:
        k.plate(c, [f.pts(k.stadium(x, y_mid, 22, y_bot - y_top))], m, edge, 0.0)
        for yy in (y_mid - 120, y_mid, y_mid + 120):
            k.plate(c, [f.pts(k.ellipse_pts(x, yy, 20, 11))], m, edge * 0.6, 0.8)
    for y0, up in ((30.0, True), (y_bot, False)):
        h = y_top - y0 if up else 66.0
        slab = [(60.0, y0 + h * 0.35), (440.0, y0 + h * 0.35), (420.0, y0 + h), (80.0, y0 + h)]
        cap = [(80.0, y0), (420.0, y0), (440.0, y0 + h * 0.35), (60.0, y0 + h * 0.35)]
        if not up:
            slab, cap = (
                [(x, 2 * y0 + h - y) for x, y in cap],
                [(x, 2 * y0 + h - y) for x, y in slab],
            )
        k.plate(c, [f.pts(slab)], m, edge, math.pi / 2)
        k.plate(c, [f.pts(cap)], m, edge, 0.0)
        yc = y0 + h * (0.67 if up else 0.33)
        lt.studs(c, [f.p(110 + i * 46.7, yc) for i in range(7)], f.l(5), m)
        if p.finials:
            fy = y0 if up else y0 + h
            for x in (80.0, 420.0):
                lt.boss(c, *f.p(x, fy), f.l(15), m, gem=pal.glow if x > 250 else None)
    return c


class LanternParams(AssetParams):
    body: Literal["hex", "round", "tall"] = "hex"
    bars: int = Field(3, ge=2, le=5)
    cap: Literal["dome", "spire", "pagoda"] = "dome"
    flame: Literal["flame", "wisp", "orb"] = "flame"
    light: float = Field(0.6, ge=0.2, le=1.0)


def _flame(
    f: k.Fit, kind: str, cx: float, cy: float, h: float, pal: Palette, rng_x: float
) -> list[k.Mark]:
    """The flame (or wisp) as three nested marks; an orb is shaded apart (see the caller)."""
    tall = h * (0.55 if kind == "flame" else 0.7)
    out = []
    for scale, col in ((1.0, pal.glow), (0.6, pal.highlight), (0.3, tint(pal.glow, 0.8))):
        w, t = h * 0.22 * scale, tall * scale
        tip = (cx + (rng_x * 30 if kind == "wisp" else rng_x * 8) * scale, cy - t * 0.75)
        pts: list[Point] = [tip, (cx + w, cy), (cx, cy + w * 0.9), (cx - w, cy)]
        poly = draw.catmull_rom(pts, 10, closed=True)
        out.append((k.flat(f.pts(poly)), col, 0.95, 0.0))
    return out


@asset("spectral_lantern", "ui", (400, 600), LanternParams, tags=("lantern", "light", "glass"))
def spectral_lantern(ctx: RenderContext[LanternParams]) -> Canvas:
    """A hanging lantern: ring, ornate cap, barred glass cage holding a ghostly flame."""
    c, p, pal = ctx.canvas(), ctx.params, ctx.palette
    f = k.posed(ctx, 400, 600, 0.2, 0.2)
    m = k.metal(pal, 0.0, 0.05)
    edge = max(1.0, f.l(4))
    cx = 200.0
    sr = ctx.rng("shape").uniform(0.0, 1.0, 3)
    y0 = (180.0 if p.body != "tall" else 160.0) + 40.0 * float(sr[0]) - 20.0
    y1 = (470.0 if p.body != "tall" else 500.0) - 40.0 * float(sr[1])
    hw = {"hex": 120.0, "round": 130.0, "tall": 95.0}[p.body] * (0.82 + 0.3 * float(sr[2]))
    if p.body == "round":
        cage = k.ellipse_pts(cx, (y0 + y1) / 2, hw, (y1 - y0) / 2)
    else:
        inset = 28.0 if p.body == "hex" else 12.0
        cage = [
            (cx - hw + inset, y0),
            (cx + hw - inset, y0),
            (cx + hw, y0 + 50),
            (cx + hw, y1 - 50),
            (cx + hw - inset, y1),
            (cx - hw + inset, y1),
            (cx - hw, y1 - 50),
            (cx - hw, y0 + 50),
        ]
    mid = (y0 + y1) / 2
    disc = k.ellipse_pts(*f.p(cx, mid), f.l(hw * 1.25), f.l(hw * 1.25))
    lt.aura(c, [disc], pal.glow, f.l(40), 0.5 + 0.4 * p.light, first=True)
    glass = [pal.accent, mix(pal.ink, pal.accent, 0.6), mix(pal.ink, pal.accent, 0.3)]
    # the flame and the cage's rims are drawn in the glass's own pixel box (an orb, shaded
    # after it, keeps well clear of the rims)
    rng_x = ctx.rng("flame").uniform(-1, 1)
    marks = [] if p.flame == "orb" else _flame(f, p.flame, cx, mid + 40, 200, pal, rng_x)
    rim = k.flat(f.pts(cage))
    marks += [(rim, m.deep, 1.0, edge * 2.2), (rim, m.base, 1.0, edge)]
    k.shaded(
        c,
        [f.pts(cage)],
        glass,
        radial=f.p(cx, mid + 30),
        radius=f.l(hw * 1.6),
        opacity=0.5 + 0.3 * p.light,
        marks=marks,
    )
    if p.flame == "orb":
        draw.radial_shade(c, *f.p(cx, mid + 40), f.l(60), tint(pal.glow, 0.7), pal.glow)
    for i in range(p.bars):
        x = cx - hw + 2 * hw * (i + 1) / (p.bars + 1)
        k.plate(c, [f.pts(k.stadium(x, mid, 12, y1 - y0 + 10))], m, edge * 0.6, 0.0)
    # cap, hanging ring and base
    ring = k.ellipse_pts(cx, 44, 30, 30)
    k.plate(c, [f.pts(ring)], m, edge, 0.8, holes=[f.pts(k.ellipse_pts(cx, 44, 18, 18))])
    top = y0
    if p.cap == "dome":
        cap = [*draw.arc_points(cx, top, hw * 0.9, 95, math.pi, 2 * math.pi, 24)]
    elif p.cap == "spire":
        cap = [
            (cx - hw * 0.95, top),
            (cx - hw * 0.4, top - 40),
            (cx, top - 110),
            (cx + hw * 0.4, top - 40),
            (cx + hw * 0.95, top),
        ]
    else:
        cap = [
            (cx - hw * 1.2, top),
            (cx - hw * 0.6, top - 34),
            (cx - hw * 0.7, top - 48),
            (cx - 24, top - 100),
            (cx + 24, top - 100),
            (cx + hw * 0.7, top - 48),
            (cx + hw * 0.6, top - 34),
            (cx + hw * 1.2, top),
        ]
    k.plate(c, [f.pts(k.stadium(cx, (top - 60 + 70) / 2, 16, top - 60))], m, edge, 0.0)
    k.plate(c, [f.pts(cap)], m, edge, 0.3)
    band = k.rotate(k.stadium(cx, top, 22, 2 * hw + 30), cx, top, math.pi / 2)
    k.plate(c, [f.pts(band)], m, edge, math.pi / 2)
    base = [
        (cx - hw - 14, y1),
        (cx + hw + 14, y1),
        (cx + hw * 0.7, y1 + 50),
        (cx - hw * 0.7, y1 + 50),
    ]
    k.plate(c, [f.pts(base)], m, edge, math.pi / 2)
    lt.studs(c, [f.p(x, y1 + 62) for x in (cx - hw * 0.55, cx + hw * 0.55)], f.l(14), m)
    lt.studs(c, [f.p(cx, y1 + 26)], f.l(12), m, gem=pal.glow)
    lt.studs(c, [f.p(cx - hw + 2 * hw * i / 4, top) for i in range(5)], f.l(5), m)
    return c
