"""Item icons, arms: swords and shields in the inventory-icon style (ink outline, cel shading)."""

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
from bananajam.assets.themes import mix


class SwordParams(AssetParams):
    blade: Literal["straight", "broad", "rapier", "saber", "flame"] = "straight"
    guard: Literal["cross", "wings", "disc", "crescent"] = "cross"
    pommel: Literal["round", "gem", "ring", "spike"] = "round"
    blade_width: float = Field(0.16, ge=0.1, le=0.22)
    grip_length: float = Field(0.42, ge=0.3, le=0.55)
    fuller: bool = True


def _blade(kind: str, hw: float, top: float, base: float) -> Pts:
    """The blade along the local y axis, tip at `top`, meeting the guard at `base`."""
    if kind == "broad":
        hw *= 1.25
        return [(-hw * 0.9, base), (-hw, top + 0.55), (0, top), (hw, top + 0.55), (hw * 0.9, base)]
    if kind == "rapier":
        return [
            (-hw * 0.45, base),
            (-hw * 0.3, top + 0.3),
            (0, top),
            (hw * 0.3, top + 0.3),
            (hw * 0.45, base),
        ]
    if kind == "saber":
        t = np.linspace(0.0, 1.0, 14)
        spine = [(-hw * 0.7 + 0.2 * s**2, base + (top - base) * s) for s in t]
        edge = [(hw + 0.26 * s**2.2 - hw * s**3, base + (top - base) * s) for s in t]
        return [*spine, *edge[::-1]][::-1]
    if kind == "flame":
        t = np.linspace(0.0, 0.86, 17)
        wave = [hw * (1.0 + 0.28 * math.sin(s * 22.0)) * (1.0 - 0.25 * s) for s in t]
        left = [(-w, base + (top - base) * s) for w, s in zip(wave, t, strict=True)]
        right = [(w, base + (top - base) * s) for w, s in zip(wave, t, strict=True)]
        return [*left, (0, top), *right[::-1]]
    return [(-hw, base), (-hw, top + 0.35), (0, top), (hw, top + 0.35), (hw, base)]


def _guard(kind: str, y: float, hw: float) -> Pts:
    span = max(0.42, hw * 3.2)
    if kind == "wings":
        return [
            (-span * 1.15, y - 0.2),
            (-hw, y - 0.02),
            (hw, y - 0.02),
            (span * 1.15, y - 0.2),
            (span * 0.8, y + 0.1),
            (0, y + 0.13),
            (-span * 0.8, y + 0.1),
        ]
    if kind == "disc":
        return kit.ellipse(0, y + 0.04, span * 0.62, 0.16, 24)
    if kind == "crescent":
        outer = kit.arc(0, y - 0.25, span, 0.42, 0.15 * math.pi, 0.85 * math.pi, 14)
        inner = kit.arc(0, y - 0.3, span * 0.8, 0.3, 0.85 * math.pi, 0.15 * math.pi, 14)
        return [*outer, *inner]
    return kit.rounded(-span, y - 0.05, span, y + 0.09, 0.05)


@asset("icon_sword", "ui", (256, 256), SwordParams, tags=(*kit.TAGS, "weapon"))
def icon_sword(ctx: RenderContext[SwordParams]) -> Canvas:
    """An inventory sword icon: shaded blade, guard, wrapped grip and pommel on a soft glow."""
    p, pal = ctx.params, ctx.palette
    icon = kit.Icon(ctx)
    rng = ctx.rng("sword")
    angle = math.radians(45 + rng.uniform(-6, 6))
    total = 2.4
    top, guard_y = -total / 2, total / 2 - p.grip_length - 0.2
    grip_end = guard_y + 0.09 + p.grip_length

    def rot(pts: Pts) -> Pts:
        return kit.rotate(pts, angle)

    steel, gold, grip = kit.metal(pal), kit.gold(pal), kit.wood(pal)
    blade = _blade(p.blade, p.blade_width, top, guard_y + 0.02)
    icon.part(
        rot(blade),
        steel,
        rim=0.28,
        band=0.22,
        glint=0.2,
        convex=p.blade == "broad" or p.blade in ("straight", "rapier"),
    )
    if p.fuller and p.blade != "flame":
        fw = p.blade_width * (0.35 if p.blade != "rapier" else 0.12)
        fuller = [(-fw / 2, guard_y - 0.05), (0, top + 0.55), (fw / 2, guard_y - 0.05)]
        icon.flat(rot(fuller), steel.shadow, opacity=0.85)
    gw = 0.07 + p.blade_width * 0.35
    icon.part(rot(kit.rect(-gw, guard_y, gw, grip_end)), grip, rim=0.35, band=0.2, glint=0)
    for k in range(1, 5):
        yy = guard_y + (grip_end - guard_y) * k / 5
        icon.stroke(rot([(-gw, yy - 0.04), (gw, yy + 0.04)]), grip.shadow, 0.025)
    icon.part(
        rot(_guard(p.guard, guard_y, p.blade_width)),
        gold,
        rim=0.3,
        band=0.25,
        glint=0.15,
        convex=p.guard != "crescent",
    )
    py = grip_end + 0.08
    if p.pommel == "gem":
        gem = kit.jewel(pal, float(rng.uniform(-60, 60)))
        icon.part(
            rot(kit.rect(-gw * 1.2, grip_end - 0.02, gw * 1.2, grip_end + 0.05)), gold, glint=0
        )
        icon.part(rot(draw.regular_polygon(0, py + 0.04, 0.14, 4, math.pi / 4)), gem, glint=0.18)
    elif p.pommel == "ring":
        icon.part(rot(kit.ellipse(0, py + 0.03, 0.15, 0.15, 28)), gold, glint=0.12)
        icon.flat(rot(kit.ellipse(0, py + 0.03, 0.07, 0.07, 18)), icon.ink)
    elif p.pommel == "spike":
        icon.part(
            rot([(-gw * 1.6, grip_end - 0.02), (gw * 1.6, grip_end - 0.02), (0, py + 0.2)]),
            gold,
            glint=0.1,
        )
    else:
        icon.part(rot(kit.ellipse(0, py, 0.12, 0.12, 28)), gold, glint=0.15)
    return icon.render()


class ShieldParams(AssetParams):
    shape: Literal["heater", "round", "kite", "tower"] = "heater"
    emblem: Literal["cross", "star", "chevron", "sun", "pale", "boss"] = "cross"
    rim: bool = True
    split: bool = False
    rivets: int = Field(4, ge=0, le=8)
    field_hue: float = Field(0.0, ge=-50, le=50)


def _shield(shape: str) -> Pts:
    if shape == "round":
        return kit.ellipse(0, 0, 0.92, 0.92, 48, -math.pi / 2)
    if shape == "kite":
        top = kit.arc(0, -0.45, 0.72, 0.5, -math.pi / 2, 0, 8)
        return kit.mirror([*top, *kit.bezier((0.72, -0.4), (0.7, 0.35), (0, 1.0), 14)[1:]])
    if shape == "tower":
        return kit.rounded(-0.7, -0.92, 0.7, 0.92, 0.22)
    return kit.mirror(
        [(0, -0.86), (0.86, -0.86), *kit.bezier((0.86, -0.3), (0.86, 0.55), (0, 0.98), 14)]
    )


@asset("icon_shield", "ui", (256, 256), ShieldParams, tags=(*kit.TAGS, "armour"))
def icon_shield(ctx: RenderContext[ShieldParams]) -> Canvas:
    """An inventory shield icon: a shaded heraldic field with rim, emblem and rivets."""
    p, pal = ctx.params, ctx.palette
    icon = kit.Icon(ctx)
    outer = _shield(p.shape)
    field = kit.jewel(pal, p.field_hue)
    field = kit.Mat(
        mix(field.shadow, pal.ink, 0.3), mix(field.mid, pal.ink, 0.25), field.light, field.spec
    )
    rim = kit.metal(pal) if p.shape in ("round", "tower") else kit.gold(pal)
    if p.rim:
        icon.part(outer, rim, rim=0.06, band=0.05, glint=0)
        inner = kit.scale(outer, 0.82, about=(0, -0.04))
        icon.part(inner, field, rim=0.1, band=0.08, glint=0, halo=False)
    else:
        inner = outer
        icon.part(inner, field, rim=0.1, band=0.08, glint=0)
    if p.split:
        icon.flat(kit.clip_convex(kit.rect(-1, -1, 0, 1), inner), mix(field.mid, pal.accent, 0.5))
    sheen = [(-1.0, 0.1), (0.1, -1.0), (0.35, -1.0), (-1.0, 0.35)]
    icon.flat(kit.clip_convex(sheen, inner), field.light, opacity=0.35)
    em, size = kit.gold(pal), 0.5
    if p.emblem == "cross":
        for r in (
            kit.rect(-0.1, -size, 0.1, size),
            kit.rect(-size * 0.75, -0.22, size * 0.75, -0.02),
        ):
            icon.part(kit.clip_convex(r, inner), em, rim=0.25, band=0.25, glint=0, halo=False)
    elif p.emblem == "star":
        icon.part(
            draw.star(0, 0, size * 0.8, size * 0.34, 5, -math.pi / 2),
            em,
            rim=0.1,
            band=0.1,
            glint=0.1,
            convex=False,
            halo=False,
        )
    elif p.emblem == "chevron":
        for sx in (-1, 1):
            arm = [(0, -0.38), (sx * 1.0, 0.3), (sx * 1.0, 0.58), (0, -0.1)]
            icon.part(kit.clip_convex(arm, inner), em, rim=0.2, band=0.2, glint=0, halo=False)
    elif p.emblem == "sun":
        icon.flat(draw.star(0, 0, size * 0.85, size * 0.5, 12), em.light, outline=True)
        icon.part(kit.ellipse(0, 0, size * 0.45, size * 0.45, 28), em, glint=0.15, halo=False)
    elif p.emblem == "pale":
        icon.part(
            kit.clip_convex(kit.rect(-0.2, -1, 0.2, 1), inner),
            em,
            rim=0.2,
            band=0.2,
            glint=0,
            halo=False,
        )
    else:
        icon.part(
            kit.ellipse(0, 0, size * 0.55, size * 0.55, 32),
            kit.metal(pal),
            rim=0.22,
            band=0.16,
            glint=0.16,
            halo=False,
        )
    ring = kit.scale(outer, 0.91, about=(0, -0.02))
    for x, y in kit.along(ring, p.rivets, 0.5 if p.shape != "round" else 0.25):
        icon.part(
            kit.ellipse(x, y, 0.05, 0.05, 12),
            kit.metal(pal),
            rim=0.3,
            band=0.2,
            glint=0,
            halo=False,
        )
    return icon.render()
