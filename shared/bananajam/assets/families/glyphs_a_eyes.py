"""Seeing glyphs: the astral eye, the framed mystic eye and star constellations."""

from __future__ import annotations

import math
from typing import Literal

import numpy as np
from pydantic import Field

from bananajam.assets import draw
from bananajam.assets.canvas import Canvas, Point
from bananajam.assets.families import _glyph_kit_a as kit
from bananajam.assets.params import AssetParams
from bananajam.assets.registry import RenderContext, asset
from bananajam.assets.themes import Palette, mix, shade, tint


def lids(cx: float, cy: float, a: float, opening: float) -> tuple[list[Point], list[Point]]:
    """Upper and lower lid curves of an almond eye, half-width `a`, both left to right."""
    xs = np.linspace(-1.0, 1.0, 25)
    bulge = (1 - xs**2) ** 0.85
    top = [(cx + a * x, cy - a * opening * b) for x, b in zip(xs, bulge, strict=True)]
    bot = [(cx + a * x, cy + a * opening * 0.8 * b) for x, b in zip(xs, bulge, strict=True)]
    return top, bot


def eye(
    c: Canvas,
    cx: float,
    cy: float,
    a: float,
    opening: float,
    iris: float,
    pal: Palette,
    pupil: str,
    style: str,
    rng: np.random.Generator,
) -> None:
    """An almond eye: shaded socket, layered iris with a patterned ring, pupil and glints."""
    top, bot = lids(cx, cy, a, opening)
    almond = top + bot[::-1]
    kit.shaded_poly(c, almond, shade(pal.ink, 0.3), mix(pal.ink, pal.accent, 0.5), (cx, cy), 4)
    ir = a * opening * 0.8 * iris
    for k in range(5):
        c.circle(cx, cy, ir * (1 - 0.12 * k), fill=mix(pal.accent, pal.glow, k / 5))
    if style == "rays":
        for k in range(18):
            t = 2 * math.pi * k / 18
            c.line(
                [
                    (cx + ir * 0.4 * math.cos(t), cy + ir * 0.4 * math.sin(t)),
                    (cx + ir * 0.95 * math.cos(t), cy + ir * 0.95 * math.sin(t)),
                ],
                shade(pal.accent, 0.3),
                width=ir * 0.06,
            )
    elif style == "spiral":
        tt = np.linspace(0, 1, 40)
        sp = [
            (cx + ir * 0.9 * q * math.cos(q * 14), cy + ir * 0.9 * q * math.sin(q * 14)) for q in tt
        ]
        kit.brush(c, sp, ir * 0.12, shade(pal.accent, 0.3), start=0.3, end=0.1)
    elif style == "rings":
        for k in range(3):
            draw.ring(c, cx, cy, ir * (0.55 + 0.15 * k), ir * 0.04, shade(pal.accent, 0.35))
    else:
        for _ in range(30):
            t, q = rng.uniform(0, 2 * math.pi), ir * rng.uniform(0.35, 0.9)
            c.circle(
                cx + q * math.cos(t), cy + q * math.sin(t), ir * 0.04, fill=tint(pal.glow, 0.5)
            )
    pr = ir * 0.42
    if pupil == "slit":
        c.polygon(
            draw.catmull_rom(
                [
                    (cx, cy - ir * 0.92),
                    (cx + pr * 0.35, cy),
                    (cx, cy + ir * 0.92),
                    (cx - pr * 0.35, cy),
                ],
                6,
                closed=True,
            ),
            fill=pal.ink,
        )
    elif pupil == "star":
        c.polygon(draw.star(cx, cy, pr * 1.3, pr * 0.5, 5, -math.pi / 2), fill=pal.ink)
    elif pupil == "ring":
        draw.ring(c, cx, cy, pr * 0.8, pr * 0.35, pal.ink)
        c.circle(cx, cy, pr * 0.3, fill=tint(pal.glow, 0.6))
    else:
        c.circle(cx, cy, pr, fill=pal.ink)
    kit.sparkle(c, cx - ir * 0.35, cy - ir * 0.38, ir * 0.35, tint(pal.glow, 0.7))
    lid = mix(pal.accent, pal.glow, 0.35)
    kit.brush(c, top, a * 0.11, lid, start=0.1, end=0.1)
    kit.brush(c, bot, a * 0.06, mix(pal.accent, pal.ink, 0.2), start=0.15, end=0.15)
    kit.brush(c, [(x, y + a * 0.03) for x, y in top[3:-3]], a * 0.03, tint(pal.glow, 0.4))


class AstralEyeParams(AssetParams):
    opening: float = Field(0.5, ge=0.32, le=0.72)
    rays: int = Field(12, ge=0, le=24)
    iris: float = Field(0.8, ge=0.55, le=1.0)
    pupil: Literal["round", "slit", "star", "ring"] = "round"
    orbits: int = Field(1, ge=0, le=3)


@asset("astral_eye", "glyphs", (400, 400), AstralEyeParams, tags=("eye", "astral", "cosmic"))
def astral_eye(ctx: RenderContext[AstralEyeParams]) -> Canvas:
    """A cosmic eye with a star-flecked iris, crowned by sun rays and tilted orbit rings."""
    p, pal, u = ctx.params, ctx.palette, ctx.unit
    cx, cy = ctx.width / 2, ctx.height / 2
    a = u * (0.36 if p.rays else 0.42)
    rng = ctx.rng("astral")

    def glow(g: Canvas) -> None:
        g.ellipse(cx, cy, a * 1.1, a * p.opening * 1.3, fill=pal.glow)

    c = kit.glow_canvas(ctx.width, ctx.height, glow, u * 0.06)
    ray_col = mix(pal.accent, pal.glow, 0.3)
    for k in range(p.rays):
        t = 2 * math.pi * k / p.rays + 0.5 * math.pi / p.rays
        r0 = math.hypot(a * math.cos(t), a * p.opening * math.sin(t)) * 1.08
        r1 = u * (0.48 if k % 2 == 0 else 0.4)
        kit.brush(
            c,
            [
                (cx + r0 * math.cos(t), cy + r0 * math.sin(t)),
                (cx + r1 * math.cos(t), cy + r1 * math.sin(t)),
            ],
            u * 0.03,
            ray_col,
            smooth=False,
            start=0.05,
            end=0.95,
        )
    tilt = rng.uniform(-0.6, 0.6)
    orbit_pts = []
    for k in range(p.orbits):
        rx, ry = a * (1.08 + 0.1 * k), a * (0.3 + 0.12 * k)
        tt = tilt + k * rng.uniform(0.4, 1.0)
        ring = [
            (
                cx + rx * math.cos(s) * math.cos(tt) - ry * math.sin(s) * math.sin(tt),
                cy + rx * math.cos(s) * math.sin(tt) + ry * math.sin(s) * math.cos(tt),
            )
            for s in np.linspace(0, 2 * math.pi, 60)
        ]
        c.line(ring, tint(pal.accent, 0.2), width=u * 0.008, opacity=0.8)
        orbit_pts.append(ring[int(rng.integers(0, 60))])
    eye(c, cx, cy, a, p.opening, p.iris, pal, p.pupil, "stars", rng)
    for x, y in orbit_pts:
        c.circle(x, y, u * 0.022, fill=pal.highlight)
    for _ in range(6):
        t, q = rng.uniform(0, 2 * math.pi), u * rng.uniform(0.3, 0.46)
        kit.sparkle(
            c,
            cx + q * math.cos(t),
            cy + q * math.sin(t),
            u * rng.uniform(0.015, 0.03),
            pal.highlight,
        )
    return c


class MysticEyeParams(AssetParams):
    frame: Literal["triangle", "inverted", "diamond", "circle", "hexagon", "none"] = "triangle"
    lashes: int = Field(6, ge=0, le=12)
    opening: float = Field(0.45, ge=0.28, le=0.66)
    iris: Literal["rings", "spiral", "rays", "flecks"] = "rings"
    size: float = Field(1.0, ge=0.72, le=1.25)
    rays: int = Field(0, ge=0, le=16)
    tear: bool = False


def _eye_frame(kind: str, cx: float, cy: float, fr: float, spin: float) -> list[Point]:
    """The outline of the eye's frame (an empty list for no frame)."""
    if kind == "triangle":
        return draw.regular_polygon(cx, cy + fr * 0.2, fr * 1.05, 3, -math.pi / 2 + spin)
    if kind == "inverted":
        return draw.regular_polygon(cx, cy - fr * 0.2, fr * 1.05, 3, math.pi / 2 + spin)
    if kind == "diamond":
        w = fr * (0.8 + spin * 2.0)
        return [(cx, cy - fr), (cx + w, cy), (cx, cy + fr), (cx - w, cy)]
    if kind == "hexagon":
        return draw.regular_polygon(cx, cy, fr * 0.95, 6, spin * 4.0)
    if kind == "circle":
        return draw.regular_polygon(cx, cy, fr * 0.92, 40)
    return []


@asset("mystic_eye", "glyphs", (400, 400), MysticEyeParams, tags=("eye", "occult", "ink"))
def mystic_eye(ctx: RenderContext[MysticEyeParams]) -> Canvas:
    """An occult eye drawn with brush lashes, set in a glowing frame, with optional sun rays."""
    p, pal, u = ctx.params, ctx.palette, ctx.unit
    cx, cy = ctx.width / 2, ctx.height / 2
    rng = ctx.rng("mystic")
    rays = p.rays if p.rays >= 5 else 0
    fr = u * (0.46 - (0.09 if rays else 0.0)) * float(rng.uniform(0.9, 1.0))
    spin = float(rng.uniform(-0.12, 0.12))
    shape = _eye_frame(p.frame, cx, cy, fr, spin)
    base = {"triangle": 0.58, "inverted": 0.58, "diamond": 0.56, "hexagon": 0.66}
    a = fr * base.get(p.frame, 0.68 if p.frame == "circle" else 0.9) * p.size
    a = min(a, fr * (0.66 if p.frame in base else 0.85 if p.frame == "circle" else 1.05))
    shift = {"triangle": 0.13, "inverted": -0.13}.get(p.frame, 0.0)
    ey = cy + fr * shift + u * float(rng.uniform(-0.03, 0.03))

    def glow(g: Canvas) -> None:
        if shape:
            g.polygon(shape, outline=pal.glow, width=u * 0.05)
        g.ellipse(cx, ey, a, a * p.opening, fill=pal.glow)

    c = kit.glow_canvas(ctx.width, ctx.height, glow, u * 0.05)
    body = mix(pal.accent, pal.glow, 0.2)
    if rays:
        off = float(rng.uniform(0, math.pi))
        for k in range(rays):
            t = off + 2 * math.pi * k / rays
            r0, r1 = fr * 0.98, u * (0.49 if k % 2 == 0 else 0.42)
            ray = kit.lerp_pts(
                (cx + r0 * math.cos(t), cy + r0 * math.sin(t)),
                (cx + r1 * math.cos(t), cy + r1 * math.sin(t)),
                6,
            )
            kit.brush(c, ray, u * 0.04, mix(body, pal.glow, 0.3), smooth=False, end=0.85)
    if shape:
        c.polygon(shape, fill=shade(pal.ink, 0.2), opacity=0.55)
        closed = [*shape, shape[0]]
        if len(shape) > 10:  # the circle: one unbroken brush ring
            kit.ink_stroke(c, closed, u * 0.035, body, pal.accent, start=0.02, end=0.02)
        for i in range(len(shape) if len(shape) < 10 else 0):
            kit.ink_stroke(
                c,
                kit.lerp_pts(closed[i], closed[i + 1], 6),
                u * 0.035,
                body,
                pal.accent,
                start=0.08,
                end=0.3,
            )
    top, _ = lids(cx, ey, a, p.opening)
    reach = float(rng.uniform(0.7, 1.3))
    for k in range(p.lashes):
        i = int(2 + (len(top) - 5) * (k + 0.5) / p.lashes)
        x, y = top[i]
        d = (x - cx) / a
        lash = [(x, y), (x + d * a * 0.18 * reach, y - a * 0.2 * reach)]
        lash.append((x + d * a * 0.34 * reach, y - a * 0.28 * reach))
        kit.brush(c, lash, a * 0.07, body, start=0.05, end=0.7)
    eye(c, cx, ey, a, p.opening, 0.95, pal, "round" if p.iris != "flecks" else "slit", p.iris, rng)
    if p.tear:
        tx, ty, tr = cx + a * 0.25, ey + a * p.opening + a * 0.28, a * 0.1
        drop = draw.catmull_rom(
            [(tx, ty - tr * 2.6), (tx + tr, ty), (tx, ty + tr), (tx - tr, ty)], 6, closed=True
        )
        kit.shaded_poly(c, drop, pal.accent, tint(pal.glow, 0.4), (tx - tr * 0.3, ty), 4)
    if p.frame == "triangle":
        kit.sparkle(c, cx, cy - fr * 0.62, u * 0.04, pal.highlight)
    return c
