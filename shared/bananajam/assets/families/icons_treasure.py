"""Item icons, treasure: faceted gems, coins and treasure chests in the inventory-icon style."""

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
from bananajam.assets.themes import mix, shade


class GemParams(AssetParams):
    cut: Literal["brilliant", "emerald", "marquise", "heart", "trillion", "oval"] = "brilliant"
    hue: float = Field(0.0, ge=-45, le=45)
    table: float = Field(0.5, ge=0.3, le=0.62)
    stretch: float = Field(1.0, ge=0.82, le=1.1)
    sparkles: int = Field(2, ge=0, le=4)
    setting: bool = False


def _girdle(cut: str) -> Pts:
    """The gem's outline, one vertex per facet wedge."""
    if cut == "emerald":
        return [
            (-0.52, -0.86),
            (0.52, -0.86),
            (0.8, -0.58),
            (0.8, 0.58),
            (0.52, 0.86),
            (-0.52, 0.86),
            (-0.8, 0.58),
            (-0.8, -0.58),
        ]
    if cut == "marquise":
        side = [(0.62 * math.sin(t), -0.95 * math.cos(t)) for t in np.linspace(0.4, 2.74, 5)]
        return [(0.0, -0.95), *side, (0.0, 0.95), *[(-x, y) for x, y in reversed(side)]]
    if cut == "heart":
        t = np.linspace(0, 2 * math.pi, 14, endpoint=False)
        x = 16 * np.sin(t) ** 3 / 17.0
        y = -(13 * np.cos(t) - 5 * np.cos(2 * t) - 2 * np.cos(3 * t) - np.cos(4 * t)) / 17 - 0.15
        return [(float(a), float(b)) for a, b in zip(x, y, strict=True)]
    if cut == "trillion":
        return draw.regular_polygon(0, 0.15, 1.0, 3, -math.pi / 2)
    if cut == "oval":
        return kit.ellipse(0, 0, 0.72, 0.93, 12, -math.pi / 2)
    return draw.regular_polygon(0, 0, 0.93, 10, -math.pi / 2)


@asset("icon_gem", "ui", (256, 256), GemParams, tags=(*kit.TAGS, "gem", "treasure"))
def icon_gem(ctx: RenderContext[GemParams]) -> Canvas:
    """An inventory gem icon: a faceted cut stone lit from the upper left, optionally set."""
    p, pal = ctx.params, ctx.palette
    icon = kit.Icon(ctx)
    rng = ctx.rng("gem")
    stone = kit.jewel(pal, p.hue)
    outer = kit.scale(_girdle(p.cut), p.stretch * 0.92, 0.92)
    cx, cy = (float(v) for v in np.mean(outer, axis=0))
    if p.setting:
        bezel = kit.scale(outer, 1.1, about=(cx, cy))
        icon.part(bezel, kit.gold(pal), rim=0.05, band=0.04, glint=0, convex=False)
        for x, y in kit.along(bezel, 4, 0.125):
            icon.part(kit.ellipse(x, y, 0.09, 0.09, 12), kit.gold(pal), rim=0.3, glint=0.2)
    icon.part(outer, stone, rim=0, band=0, glint=0, convex=False)
    inner = kit.scale(outer, p.table, about=(cx - 0.05, cy - 0.06))
    tones = (stone.shadow, shade(stone.mid, 0.15), stone.mid, stone.light, stone.spec)
    n = len(outer)
    for i in range(n):
        j = (i + 1) % n
        mx = (outer[i][0] + outer[j][0]) / 2 - cx
        my = (outer[i][1] + outer[j][1]) / 2 - cy
        lit = -(mx + my) / (math.hypot(mx, my) * 1.4142 + 1e-9)  # 1 facing the light
        tone = tones[min(3, int((lit + 1) * 2.0))]
        icon.flat([outer[i], outer[j], inner[j], inner[i]], tone)
    icon.flat(inner, mix(stone.mid, stone.light, 0.45))
    tri = [inner[0], inner[n // 3], inner[2 * n // 3]]
    icon.flat(tri, stone.light, opacity=0.45)
    for i in range(n):
        icon.stroke([outer[i], inner[i]], stone.shadow, 0.012, opacity=0.7)
    icon.edge(inner, 0.35)
    icon.edge(outer)
    gx, gy = inner[max(range(n), key=lambda k: -inner[k][0] - inner[k][1])]
    icon.flat(kit.ellipse(gx * 0.6 + cx * 0.4, gy * 0.6 + cy * 0.4, 0.11, 0.06, 14), stone.spec)
    for _ in range(p.sparkles):
        a = rng.uniform(0, 2 * math.pi)
        icon.sparkle(0.72 * math.cos(a), 0.72 * math.sin(a), rng.uniform(0.1, 0.18))
    return icon.render()


class CoinParams(AssetParams):
    face: Literal["star", "crown", "skull", "rune"] = "star"
    stack: int = Field(0, ge=0, le=4)
    silver: bool = False
    milled: bool = True
    squash: float = Field(1.0, ge=0.72, le=1.0)


def _emblem(face: str, r: float) -> list[Pts]:
    """The embossed face motif as convex-or-simple polygons, centred on the origin."""
    if face == "crown":
        return [
            [
                (-0.6 * r, 0.3 * r),
                (-0.65 * r, -0.4 * r),
                (-0.3 * r, -0.05 * r),
                (0, -0.55 * r),
                (0.3 * r, -0.05 * r),
                (0.65 * r, -0.4 * r),
                (0.6 * r, 0.3 * r),
            ],
            kit.rect(-0.6 * r, 0.36 * r, 0.6 * r, 0.5 * r),
        ]
    if face == "skull":
        return [
            kit.ellipse(0, -0.12 * r, 0.5 * r, 0.45 * r, 24),
            kit.rounded(-0.28 * r, 0.1 * r, 0.28 * r, 0.55 * r, 0.08 * r),
        ]
    if face == "rune":
        bars = (
            ((-0.15, -0.62), (-0.15, 0.62)),
            ((-0.15, -0.15), (0.42, -0.55)),
            ((-0.15, 0.2), (0.42, -0.2)),
        )
        return [
            draw.stroke_outline([(x0 * r, y0 * r), (x1 * r, y1 * r)], 0.2 * r)
            for (x0, y0), (x1, y1) in bars
        ]
    return [draw.star(0, 0.04 * r, 0.62 * r, 0.27 * r, 5, -math.pi / 2)]


@asset("icon_coin", "ui", (256, 256), CoinParams, tags=(*kit.TAGS, "coin", "treasure"))
def icon_coin(ctx: RenderContext[CoinParams]) -> Canvas:
    """An inventory coin icon: an embossed coin (star, crown, skull or rune), alone or stacked."""
    p, pal = ctx.params, ctx.palette
    icon = kit.Icon(ctx)
    rng = ctx.rng("coins")
    metal = kit.metal(pal) if p.silver else kit.gold(pal)
    stacked = p.stack > 0
    r = 0.6 if stacked else 0.9
    cx, cy = (0.3, -0.3) if stacked else (0.0, 0.0)
    for k in range(p.stack + 1 if stacked else 0):
        x, y = -0.32 + rng.uniform(-0.06, 0.06), 0.78 - 0.17 * k
        icon.part(kit.ellipse(x, y + 0.07, 0.56, 0.17, 28), metal, rim=0.35, band=0, glint=0)
        icon.part(kit.ellipse(x, y, 0.56, 0.17, 28), metal, rim=0.12, band=0.25, glint=0)
        icon.flat(kit.ellipse(x - 0.04, y - 0.01, 0.36, 0.08, 20), metal.light, opacity=0.6)
    rx = r * p.squash
    shape = ctx.rng("coin-shape")  # minted outline and edge depth: round, octagonal or decagonal
    sides = int(shape.choice([40, 40, 8, 10]))
    turn = -math.pi / 2 + float(shape.uniform(0, 2 * math.pi / sides))
    depth = float(shape.uniform(0.05, 0.16))
    back = kit.ellipse(cx + r * depth, cy + r * depth * 0.75, rx, r, sides, turn)
    icon.part(back, metal, rim=0.5, band=0, glint=0)
    face = kit.ellipse(cx, cy, rx, r, sides, turn)
    icon.part(face, metal, rim=0.07, band=0.06, glint=0)
    inner = kit.ellipse(cx, cy, rx * 0.8, r * 0.8, 40)
    icon.part(
        kit.move(inner, 0.0, 0.0), metal, rim=0.0, band=0.08, glint=0, outline=False, halo=False
    )
    icon.edge(inner, 0.45)
    if p.milled:
        for x, y in kit.along(kit.ellipse(cx, cy, rx * 0.9, r * 0.9, 48), 24):
            icon.flat(kit.ellipse(x, y, 0.018 * r, 0.018 * r, 6), metal.shadow)
    d = 0.04 * r
    for poly in _emblem(p.face, r):
        shaped = [(cx + x * p.squash, cy + y) for x, y in poly]
        icon.flat(kit.move(shaped, d, d), shade(metal.shadow, 0.3))
        icon.flat(kit.move(shaped, -d, -d), metal.spec)
        icon.flat(shaped, mix(metal.mid, metal.light, 0.35))
    if p.face == "skull":
        for sx in (-1, 1):
            icon.flat(
                kit.ellipse(
                    cx + sx * 0.2 * r * p.squash, cy - 0.08 * r, 0.13 * r * p.squash, 0.14 * r, 14
                ),
                metal.shadow,
            )
    icon.flat(kit.ellipse(cx - rx * 0.45, cy - r * 0.5, rx * 0.16, r * 0.09, 16), metal.spec)
    icon.sparkle(cx + rx * 0.62, cy - r * 0.62, r * 0.22)
    return icon.render()


class ChestParams(AssetParams):
    lid: Literal["domed", "flat", "peaked"] = "domed"
    lock: Literal["plate", "padlock", "skull"] = "plate"
    bands: int = Field(2, ge=0, le=3)
    open: bool = False
    width: float = Field(0.9, ge=0.74, le=0.96)
    studs: bool = True


def _lid(kind: str, w: float, top: float, base: float) -> Pts:
    if kind == "domed":
        return [*kit.arc(0, base, w, base - top, math.pi, 2 * math.pi, 24)]
    if kind == "peaked":
        return [
            (-w, base),
            (-w, base - 0.18),
            (-w * 0.7, top),
            (w * 0.7, top),
            (w, base - 0.18),
            (w, base),
        ]
    return kit.rounded(-w, top + 0.12, w, base, 0.08)


@asset("icon_chest", "ui", (256, 256), ChestParams, tags=(*kit.TAGS, "chest", "treasure"))
def icon_chest(ctx: RenderContext[ChestParams]) -> Canvas:
    """An inventory treasure-chest icon: planked wood, metal bands and a lock, shut or open."""
    p, pal = ctx.params, ctx.palette
    icon = kit.Icon(ctx)
    rng = ctx.rng("chest")
    w, seam, bottom = p.width, 0.0 if not p.open else 0.12, 0.84
    wood, trim, gold = (
        kit.wood(pal),
        kit.metal(pal) if p.bands % 2 else kit.gold(pal),
        kit.gold(pal),
    )
    body = kit.rect(-w, seam, w, bottom)
    if p.open:
        back = _lid(p.lid, w * 0.92, -0.86, -0.16)
        icon.part(back, wood, rim=0.1, band=0.06, glint=0)
        icon.flat(kit.scale(back, 0.85, about=(0, -0.2)), shade(wood.shadow, 0.4))
        icon.part(kit.rect(-w * 0.92, -0.2, w * 0.92, -0.1), trim, rim=0.3, glint=0)
        icon.ops.append(lambda: None)
        mound = kit.arc(0, seam + 0.02, w * 0.9, 0.36, math.pi, 2 * math.pi, 18)
        icon.part(mound, gold, rim=0.12, band=0.15, glint=0)
        for _ in range(9):
            x, y = rng.uniform(-0.7, 0.7) * w, seam - rng.uniform(0.0, 0.22)
            icon.flat(kit.ellipse(x, y, 0.1, 0.05, 10), gold.mid, outline=True)  # tiny: flat
            icon.flat(kit.ellipse(x - 0.02, y - 0.012, 0.05, 0.018, 8), gold.light)
        icon.sparkle(-0.3, -0.32, 0.16)
        icon.sparkle(0.35, -0.2, 0.11)
    else:
        icon.part(_lid(p.lid, w, -0.8, seam), wood, rim=0.12, band=0.1, glint=0.08)
    icon.part(body, wood, rim=0.12, band=0.08, glint=0)
    for k in range(1, 4):
        y = seam + (bottom - seam) * k / 4
        icon.stroke([(-w + 0.04, y), (w - 0.04, y)], wood.shadow, 0.025)
    icon.part(
        kit.rect(-w - 0.03, seam - 0.04, w + 0.03, seam + 0.09), trim, rim=0.3, band=0.2, glint=0
    )
    xs = [-w + 0.13, w - 0.13] + ([0.0] if p.bands == 3 else [])
    for x in xs[: max(p.bands, 0)] if p.bands < 3 else xs:
        icon.part(
            kit.rect(x - 0.09, seam + 0.09, x + 0.09, bottom),
            trim,
            rim=0.3,
            band=0.2,
            glint=0,
            halo=False,
        )
        if not p.open:
            top_pts = _lid(p.lid, w, -0.8, seam)
            strap = kit.clip_convex(kit.rect(x - 0.09, -1, x + 0.09, seam), top_pts)
            icon.part(strap, trim, rim=0.3, band=0.2, glint=0, halo=False)
    if p.studs:
        for x in (-w + 0.07, w - 0.07):
            for y in (seam + 0.2, bottom - 0.1):
                icon.flat(kit.ellipse(x, y, 0.045, 0.045, 8), gold.light, outline=True)
    ly = seam + 0.05
    if p.lock == "padlock":
        icon.stroke(kit.arc(0, ly + 0.02, 0.12, 0.14, math.pi, 2 * math.pi, 12), icon.ink, 0.07)
        icon.stroke(kit.arc(0, ly + 0.02, 0.12, 0.14, math.pi, 2 * math.pi, 12), trim.light, 0.03)
        icon.part(kit.rounded(-0.17, ly + 0.02, 0.17, ly + 0.3, 0.06), gold, glint=0.12)
    elif p.lock == "skull":
        icon.part(kit.ellipse(0, ly + 0.1, 0.19, 0.17, 24), trim, rim=0.2, glint=0.12)
        for sx in (-1, 1):
            icon.flat(kit.ellipse(sx * 0.07, ly + 0.1, 0.045, 0.05, 10), icon.ink)
        icon.part(kit.rect(-0.09, ly + 0.2, 0.09, ly + 0.3), trim, rim=0.2, glint=0)
    else:
        icon.part(draw.regular_polygon(0, ly + 0.1, 0.2, 6, math.pi / 6), gold, glint=0.12)
        icon.flat([(0, ly + 0.12), (-0.035, ly + 0.22), (0.035, ly + 0.22)], icon.ink)
        icon.flat(kit.ellipse(0, ly + 0.08, 0.045, 0.045, 10), icon.ink)
    return icon.render()
