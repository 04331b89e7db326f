"""Item icons, supplies: potions, hearts and scrolls in the inventory-icon style."""

from __future__ import annotations

import math
from typing import Literal

import numpy as np
from pydantic import Field

from bananajam.assets import draw
from bananajam.assets.canvas import Canvas
from bananajam.assets.families import _icon_kit as kit
from bananajam.assets.families._icon_kit import Pts
from bananajam.assets.params import AssetParams
from bananajam.assets.registry import RenderContext, asset
from bananajam.assets.themes import hue_shift, mix, shade, tint


class PotionParams(AssetParams):
    bottle: Literal["round", "vial", "square", "cone"] = "round"
    stopper: Literal["cork", "wax", "glass"] = "cork"
    level: float = Field(0.7, ge=0.3, le=0.95)
    liquid_hue: float = Field(0.0, ge=-60, le=60)
    bubbles: int = Field(3, ge=0, le=6)
    neck: float = Field(0.25, ge=0.12, le=0.34)


def _bottle(kind: str, top: float) -> Pts:
    """The bottle body (convex), from the neck's foot at `top` down to y=0.92."""
    if kind == "vial":
        return kit.rounded(-0.36, top - 0.05, 0.36, 0.92, 0.34)
    if kind == "square":
        return kit.rounded(-0.64, top + 0.06, 0.64, 0.92, 0.14)
    if kind == "cone":
        return [(-0.2, top), (0.2, top), (0.78, 0.8), (0.72, 0.92), (-0.72, 0.92), (-0.78, 0.8)]
    r = (0.92 - top) / 2
    return kit.ellipse(0, top + r, r * 1.02, r, 48)


@asset("icon_potion", "ui", (256, 256), PotionParams, tags=(*kit.TAGS, "potion", "consumable"))
def icon_potion(ctx: RenderContext[PotionParams]) -> Canvas:
    """An inventory potion icon: a glass bottle of glowing liquid with bubbles and a stopper."""
    p, pal = ctx.params, ctx.palette
    icon = kit.Icon(ctx)
    rng = ctx.rng("bubbles")
    glass = kit.Mat(
        shade(pal.ink, 0.3),
        mix(pal.ink, pal.glow, 0.14),
        mix(pal.ink, pal.glow, 0.3),
        tint(pal.glow, 0.7),
    )
    liquid = kit.jewel(pal, p.liquid_hue)
    neck_top = -0.66
    foot = neck_top + p.neck + (0.1 if p.bottle == "vial" else 0.16)
    body = _bottle(p.bottle, foot)
    nw = 0.19 if p.bottle != "vial" else 0.27
    neck = kit.rect(-nw, neck_top, nw, foot + 0.04)
    icon.part(neck, glass, rim=0.3, band=0.15, glint=0)
    icon.part(body, glass, rim=0.12, band=0.08, glint=0)
    y0, y1 = min(y for _, y in body), max(y for _, y in body)
    surface = y1 - (y1 - y0) * p.level * 0.92
    inner = kit.scale(body, 0.86, about=(0, (y0 + y1) / 2 + 0.04))
    fluid = kit.clip_convex(kit.rect(-1, surface, 1, 1), inner)
    icon.part(fluid, liquid, rim=0.18, band=0.12, glint=0, outline=False, halo=False)
    xs = [x for x, y in fluid if abs(y - surface) < 1e-6] or [0.0]
    half = (max(xs) - min(xs)) / 2
    icon.flat(kit.ellipse(0, surface, half, min(0.06, half * 0.2), 24), liquid.light)
    for _ in range(p.bubbles):
        bx, by = rng.uniform(-half * 0.7, half * 0.7), rng.uniform(surface + 0.08, y1 - 0.1)
        br = rng.uniform(0.03, 0.075)
        if kit.inside(fluid, bx, by):
            icon.flat(kit.ellipse(bx, by, br, br, 12), liquid.spec, opacity=0.75)
    sx = min(x for x, _ in body)
    streak = draw.arc_points(0, (y0 + y1) / 2, abs(sx) * 0.72, (y1 - y0) * 0.36, 3.4, 4.3, 10)
    widths = draw.taper(10, 0.3, 0.3) * 0.1 + 0.01
    icon.flat(draw.stroke_outline(streak, widths), glass.spec, opacity=0.85)
    icon.flat(kit.ellipse(sx * 0.42, y1 - 0.16, 0.04, 0.04, 10), glass.spec, opacity=0.6)
    icon.edge(body)
    icon.part(
        kit.rounded(-nw - 0.07, neck_top - 0.03, nw + 0.07, neck_top + 0.09, 0.05),
        glass,
        rim=0.3,
        band=0.2,
        glint=0,
    )
    if p.stopper == "cork":
        icon.part(
            kit.rounded(-nw + 0.03, -0.95, nw - 0.03, neck_top + 0.02, 0.05),
            kit.wood(pal),
            rim=0.25,
            band=0.18,
            glint=0,
        )
    elif p.stopper == "wax":
        seal = kit.jewel(pal, p.liquid_hue + 25)
        icon.part(kit.rounded(-nw - 0.07, -0.93, nw + 0.07, neck_top + 0.1, 0.08), seal, glint=0.1)
        for dx, length in ((-nw + 0.02, 0.2), (nw - 0.06, 0.13)):
            icon.part(
                kit.ellipse(dx, neck_top + 0.06 + length / 2, 0.05, length / 2 + 0.02, 14),
                seal,
                rim=0.25,
                band=0.2,
                glint=0,
            )
    else:
        icon.part(
            kit.ellipse(0, -0.83, nw + 0.03, nw * 0.6 + 0.05, 24),
            glass,
            rim=0.2,
            band=0.1,
            glint=0.18,
        )
        icon.part(kit.rect(-nw + 0.05, -0.75, nw - 0.05, neck_top + 0.02), kit.gold(pal), glint=0)
    return icon.render()


class HeartParams(AssetParams):
    style: Literal["full", "cracked", "winged", "crystal", "half"] = "full"
    plump: float = Field(1.0, ge=0.86, le=1.06)
    tilt: float = Field(0.0, ge=-14, le=14)
    hue: float = Field(0.0, ge=-30, le=30)
    sparkles: int = Field(2, ge=0, le=4)


def _heart(scale: float, plump: float, tilt: float, dy: float = 0.0) -> Pts:
    t = np.linspace(0, 2 * math.pi, 64, endpoint=False)
    x = 16 * np.sin(t) ** 3 / 17.0 * plump
    y = -(13 * np.cos(t) - 5 * np.cos(2 * t) - 2 * np.cos(3 * t) - np.cos(4 * t)) / 16.5 - 0.16
    pts = [(float(a) * scale, float(b) * scale + dy) for a, b in zip(x, y, strict=True)]
    return kit.rotate(pts, math.radians(tilt), (0, dy))


@asset("icon_heart", "ui", (256, 256), HeartParams, tags=(*kit.TAGS, "health"))
def icon_heart(ctx: RenderContext[HeartParams]) -> Canvas:
    """An inventory heart icon: full, cracked, winged, crystal or half-filled life heart."""
    p, pal = ctx.params, ctx.palette
    icon = kit.Icon(ctx)
    rng = ctx.rng("heart")
    red = kit.jewel(pal, p.hue)
    winged = p.style == "winged"
    size = 0.7 if winged else 0.95
    heart = _heart(size, p.plump if not winged else 1.0, p.tilt, 0.2 if winged else 0.0)
    if winged:
        feathers = kit.paper(pal)
        for sx in (-1, 1):
            for k in range(3):
                f = kit.ellipse(sx * (0.58 - 0.03 * k), -0.42 + 0.2 * k, 0.42 - 0.07 * k, 0.12, 24)
                icon.part(
                    kit.rotate(f, sx * (-0.5 + 0.22 * k), (sx * 0.3, -0.3 + 0.2 * k)),
                    feathers,
                    rim=0.22,
                    band=0.2,
                    glint=0,
                )
    icon.part(heart, red, rim=0.1, band=0.09, glint=0.1, convex=False)
    if p.style == "half":
        empty = kit.clip_convex(kit.scale(heart, 0.98), kit.rect(0, -1, 1, 1))
        icon.flat(empty, shade(pal.ink, 0.2))
        icon.edge(heart)
        icon.stroke([(0, -0.6), (0, 0.9)], icon.ink, 0.035)
    elif p.style == "cracked":
        x, y, pts = 0.05, -0.5, []
        for k in range(6):
            pts.append((x, y))
            x, y = (0.16 if k % 2 == 0 else -0.14) + rng.uniform(-0.05, 0.05), y + 0.22
        icon.stroke(pts, icon.ink, 0.05)
        icon.stroke(kit.move(pts, -0.03, 0), red.light, 0.015)
    elif p.style == "crystal":
        cx, cy = 0.0, 0.05 * size
        for k, (a, b) in enumerate(zip(heart[::8], [*heart[8::8], heart[0]], strict=True)):
            tone = (red.light, red.mid, red.shadow, red.mid)[k % 4]
            icon.flat([(cx, cy), a, b], tone, opacity=0.55)
        icon.flat(kit.scale(heart, 0.45, about=(cx, cy)), red.light, opacity=0.5)
        icon.edge(heart)
    for _ in range(p.sparkles):
        t = rng.uniform(-math.pi, 0)
        icon.sparkle(0.78 * math.cos(t), -0.2 + 0.62 * math.sin(t), rng.uniform(0.08, 0.14))
    return icon.render()


class ScrollParams(AssetParams):
    form: Literal["open", "rolled"] = "open"
    seal: Literal["wax", "ribbon", "none"] = "wax"
    writing: Literal["text", "rune", "map"] = "text"
    lines: int = Field(4, ge=2, le=6)
    length: float = Field(0.9, ge=0.7, le=1.0)
    tilt: float = Field(0.0, ge=-18, le=18)


def _roll(icon: kit.Icon, x0: float, x1: float, y: float, r: float, mat: kit.Mat) -> None:
    """A horizontal paper roll with spiral end caps."""
    icon.part(kit.rounded(x0, y - r, x1, y + r, r * 0.5), mat, rim=0.3, band=0.25, glint=0)
    for x in (x0, x1):
        icon.part(kit.ellipse(x, y, r * 0.55, r, 16), mat, rim=0.2, band=0.1, glint=0)
        icon.stroke(kit.arc(x, y, r * 0.3, r * 0.55, 0, 5.0, 10), mat.shadow, r * 0.18)


@asset("icon_scroll", "ui", (256, 256), ScrollParams, tags=(*kit.TAGS, "scroll", "quest"))
def icon_scroll(ctx: RenderContext[ScrollParams]) -> Canvas:
    """An inventory scroll icon: an open sheet with writing or a rolled scroll, sealed or tied."""
    p, pal = ctx.params, ctx.palette
    icon = kit.Icon(ctx)
    rng = ctx.rng("scroll")
    sheet = kit.paper(pal)
    seal = kit.mat_from(shade(hue_shift(pal.accent, rng.uniform(-30, 30)), 0.35), pal, 0.45)
    ink = mix(pal.ink, pal.accent, 0.3)
    h = p.length * 0.8
    hw = float(rng.uniform(0.46, 0.74))  # sheet half-width / roll thickness: changes the outline
    if p.form == "rolled":
        a = math.radians(-35 + p.tilt * 2.2)
        t = 0.18 + 0.16 * (hw - 0.46) / 0.28
        body = kit.rotate(kit.rounded(-0.9, -t, 0.9, t, t * 0.45), a)
        icon.part(body, sheet, rim=0.3, band=0.2, glint=0.1)
        icon.part(kit.rotate(kit.ellipse(0.9, 0, t * 0.55, t, 14), a), sheet, rim=0.2, glint=0)
        icon.stroke(
            kit.rotate(kit.arc(0.9, 0, t * 0.27, t * 0.58, 0, 5.2, 10), a), sheet.shadow, 0.04
        )
        icon.stroke(kit.rotate([(-0.9, t * 0.6), (-0.6, t * 0.6)], a), sheet.shadow, 0.02, 0.7)
        for dx in (-0.05, 0.05) if rng.random() < 0.5 else (-0.4, -0.3, 0.3, 0.4):
            icon.part(
                kit.rotate(kit.rect(dx - 0.05, -t - 0.03, dx + 0.05, t + 0.03), a),
                seal,
                glint=0,
                halo=False,
            )
    else:
        top, bot = -h, h
        wave = [
            (hw + 0.04 * math.sin(math.pi * t), top + (bot - top) * t)
            for t in np.linspace(0.05, 0.95, 8)
        ]
        page = kit.rotate(kit.mirror(wave), math.radians(p.tilt * 0.4))
        icon.part(page, sheet, rim=0.06, band=0.05, glint=0, convex=False)
        if p.writing == "map":
            trail = [(-0.4, 0.3), (-0.15, 0.05), (0.1, 0.2), (0.3, -0.2)]
            for k in range(3):
                icon.stroke(kit.move(trail[k : k + 2], 0, 0), ink, 0.03, 0.8)
            icon.stroke([(0.22, -0.3), (0.38, -0.12)], seal.mid, 0.05)
            icon.stroke([(0.38, -0.3), (0.22, -0.12)], seal.mid, 0.05)
            icon.flat(kit.ellipse(-0.25, -0.3, 0.14, 0.1, 16), ink, opacity=0.35)
        elif p.writing == "rune":
            icon.flat(kit.ellipse(0, -0.05, 0.34, 0.34, 32), ink, opacity=0.8)
            icon.flat(kit.ellipse(0, -0.05, 0.27, 0.27, 32), sheet.mid)
            icon.flat(draw.star(0, -0.05, 0.26, 0.1, 5, -math.pi / 2), ink, opacity=0.85)
        else:
            for k in range(p.lines):
                y = top + 0.3 + (bot - top - 0.6) * k / max(p.lines - 1, 1)
                x1 = 0.45 - rng.uniform(0.0, 0.35) * (k == p.lines - 1 or rng.random() < 0.3)
                icon.stroke([(-hw * 0.72, y), (x1 * hw / 0.62, y)], ink, 0.05, 0.8)
        _roll(icon, -hw - 0.16, hw + 0.16, top - 0.02, 0.13, sheet)
        _roll(icon, -hw - 0.16, hw + 0.16, bot + 0.02, 0.13, sheet)
    if p.seal == "wax":
        sx, sy = (0.0, 0.0) if p.form == "rolled" else (hw * 0.68, h - 0.22)
        icon.part(kit.ellipse(sx + 0.06, sy + 0.2, 0.07, 0.2, 14), seal, rim=0.3, glint=0)
        icon.part(draw.star(sx, sy, 0.2, 0.17, 9), seal, rim=0.1, band=0.1, glint=0.12)
        icon.flat(kit.ellipse(sx, sy, 0.09, 0.09, 16), seal.shadow, opacity=0.6)
    elif p.seal == "ribbon":
        sx, sy = (0.0, 0.0) if p.form == "rolled" else (-hw * 0.72, h - 0.2)
        for side in (-1, 1):
            tail = [(sx, sy), (sx + side * 0.2, sy + 0.42), (sx + side * 0.06, sy + 0.36)]
            icon.part(tail, seal, rim=0.15, band=0.1, glint=0)
        icon.part(kit.ellipse(sx, sy, 0.1, 0.08, 14), seal, glint=0)
    return icon.render()
