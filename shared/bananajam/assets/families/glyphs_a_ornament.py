"""Ornamental glyphs: brushed dividers, radial mandalas and bevelled mystic frames."""

from __future__ import annotations

import math
from typing import Literal

import numpy as np
from pydantic import Field

from bananajam.assets import draw
from bananajam.assets.canvas import Canvas
from bananajam.assets.families import _glyph_kit_a as kit
from bananajam.assets.params import AssetParams
from bananajam.assets.registry import RenderContext, asset
from bananajam.assets.themes import Palette as Pal
from bananajam.assets.themes import mix, shade, tint

Motif = Literal["diamond", "orb", "star", "eye", "lotus"]


def motif(c: Canvas, kind: str, x: float, y: float, r: float, pal: Pal, points: int = 4) -> None:
    """A small shaded emblem: the centrepiece of dividers and the corners of frames."""
    body, hi = mix(pal.ink, pal.accent, 0.6), mix(pal.accent, pal.glow, 0.6)
    focus = (x - r * 0.3, y - r * 0.3)
    if kind == "diamond":
        pts = [(x, y - r), (x + r * 0.62, y), (x, y + r), (x - r * 0.62, y)]
        kit.shaded_poly(c, pts, body, hi, focus, n=5)
        c.polygon(kit.scaled(pts, (x, y), 0.4), fill=tint(pal.glow, 0.4))
    elif kind == "star":
        kit.shaded_poly(c, draw.star(x, y, r, r * 0.42, points, -math.pi / 2), body, hi, focus)
    elif kind == "eye":
        top = draw.arc_points(x, y + r * 0.55, r * 1.1, r * 1.1, -2.6, -0.54, 16)
        bot = draw.arc_points(x, y - r * 0.55, r * 1.1, r * 1.1, 0.54, 2.6, 16)
        kit.shaded_poly(c, top + bot, body, hi, (x, y), n=4)
        c.circle(x, y, r * 0.36, fill=pal.glow)
        c.circle(x, y, r * 0.16, fill=pal.ink)
    elif kind == "lotus":
        for k, a in enumerate((-1.1, -0.55, 0.0, 0.55, 1.1)):
            tip = (x + r * math.sin(a), y - r * math.cos(a) * 0.95)
            side = r * (0.28 if k % 2 else 0.34)
            ox, oy = x + side * math.cos(a), y + r * 0.35 + side * math.sin(a)
            pts = [(x - (ox - x), oy), (tip[0], tip[1]), (ox, oy)]
            pts = draw.catmull_rom(
                [
                    pts[0],
                    ((pts[0][0] + tip[0]) / 2 - side * 0.3, y),
                    tip,
                    ((ox + tip[0]) / 2 + side * 0.3, y),
                    pts[2],
                ],
                5,
            )
            c.polygon(pts, fill=mix(body, hi, 0.3 + 0.2 * (k % 2)))
        c.circle(x, y + r * 0.35, r * 0.16, fill=pal.glow)
    else:
        kit.halo(c, x, y, r * 1.4, pal.glow, 0.5)
        c.circle(x, y, r * 0.75, fill=body)
        for k in range(1, 5):
            c.circle(
                x - r * 0.06 * k,
                y - r * 0.06 * k,
                r * 0.75 * (1 - k * 0.17),
                fill=mix(body, hi, k / 4),
            )


class DividerParams(AssetParams):
    style: Literal["brush", "vine", "beads", "lattice"] = "brush"
    motif: Motif = "diamond"
    flourishes: int = Field(2, ge=0, le=4)
    thickness: float = Field(0.16, ge=0.09, le=0.24)
    span: float = Field(0.92, ge=0.6, le=1.0)
    wave: float = Field(0.5, ge=0.0, le=1.0)


@asset("ink_divider", "glyphs", (1000, 100), DividerParams, tags=("ink", "ornament", "divider"))
def ink_divider(ctx: RenderContext[DividerParams]) -> Canvas:
    """A mirrored brush-stroke divider with curls and a glowing centre emblem."""
    p, pal = ctx.params, ctx.palette
    x0, y0, w, h = kit.fit(ctx, 10.0)
    mx, cy = x0 + w / 2, y0 + h / 2
    rng = ctx.rng("divider")
    mr = h * float(rng.uniform(0.3, 0.46))
    end = w / 2 * p.span - h * 0.05

    reach = end * float(rng.uniform(0.3, 0.95))

    def glow(g: Canvas) -> None:
        g.circle(mx, cy, mr * 1.1, fill=pal.glow)
        g.line([(mx - reach, cy), (mx + reach, cy)], pal.accent, h * 0.25, 0.5)

    c = kit.glow_canvas(ctx.width, ctx.height, glow, h * 0.22)
    body, hi = mix(pal.accent, pal.glow, 0.2), mix(pal.accent, pal.glow, 0.75)
    xs = np.linspace(mr * 1.05, end, 40)
    freq, phase = rng.uniform(1.0, 3.5), rng.uniform(0, 2 * math.pi)
    wave = np.sin(xs / h * 0.25 * freq + phase)
    gaps = rng.uniform(0.5, 1.5, p.flourishes + 1)
    slots = np.cumsum(gaps)[:-1] / gaps.sum()
    curls = [mr * 1.3 + float(q) * (end - mr * 1.3) for q in slots]
    for side in (-1.0, 1.0):

        def sx(d: float, s: float = side) -> float:
            return mx + s * d

        amp = (0.14 if p.style in ("vine", "lattice") else 0.0) + 0.18 * p.wave
        main = [(sx(float(d)), cy + h * amp * float(v)) for d, v in zip(xs, wave, strict=True)]
        wide = p.thickness * h * (0.65 if p.style == "lattice" else 1.0)
        kit.ink_stroke(c, main, wide, body, pal.accent, start=0.04, end=0.85)
        kit.brush(
            c,
            [(x, y - wide * 0.18) for x, y in main[:28]],
            wide * 0.3,
            hi,
            0.8,
            start=0.05,
            end=0.9,
        )
        if p.style == "lattice":
            twin = [(x, 2 * cy - y) for x, y in main]
            kit.ink_stroke(c, twin, wide, body, pal.accent, start=0.04, end=0.85)
        for k, d in enumerate(curls):
            up = -1.0 if k % 2 == 0 else 1.0
            rr = h * (0.2 - 0.025 * k)
            a = np.linspace(0, 1.6 * math.pi, 20)
            spiral = [
                (
                    sx(d + rr * (1 - t / 12) * math.sin(t)),
                    cy + up * (rr - rr * (1 - t / 12) * math.cos(t)),
                )
                for t in a
            ]
            kit.brush(c, spiral, h * 0.07, body, start=0.1, end=0.7)
            c.circle(spiral[-1][0], spiral[-1][1], h * 0.035, fill=hi)
        if p.style == "vine":
            for k in range(3, 38, 6):
                x, y = main[k]
                ly = y - h * 0.16 * (1 if k % 12 == 3 else -1)
                leaf = draw.catmull_rom(
                    [(x, y), (sx(float(xs[k]) + h * 0.12), ly), (sx(float(xs[k]) + h * 0.3), ly)], 5
                )
                kit.brush(c, leaf, h * 0.1, mix(body, hi, 0.4), start=0.1, end=0.6)
        if p.style == "beads":
            for k in range(6):
                d = mr * 1.4 + (end - mr * 1.4) * (k + 0.5) / 6
                c.circle(sx(d), cy, h * (0.1 - 0.012 * k), fill=hi)
        c.polygon(draw.star(sx(end + h * 0.02), cy, h * 0.12, h * 0.04, 4), fill=hi)
    motif(c, p.motif, mx, cy, mr, pal, points=int(rng.integers(4, 9)))
    return c


class MandalaParams(AssetParams):
    order: int = Field(8, ge=5, le=16)
    rings: int = Field(3, ge=2, le=5)
    petal: Literal["teardrop", "pointed", "round", "spike"] = "pointed"
    core: int = Field(5, ge=3, le=9)
    beads: bool = True
    twist: float = Field(0.0, ge=0.0, le=1.0)


def _profile(kind: str, t: np.ndarray) -> np.ndarray:
    if kind == "round":
        return np.sqrt(np.sin(np.pi * t))
    if kind == "teardrop":
        return np.sin(np.pi * t**0.6)
    if kind == "spike":
        return np.sqrt(np.clip(t * 5, 0, 1)) * (1 - t) * 0.9  # type: ignore[no-any-return]
    return np.sin(np.pi * t)


_T12 = np.linspace(0, 1, 12)
_PROFILES = {k: _profile(k, _T12) for k in ("round", "teardrop", "spike", "pointed")}


def petals(
    cx: float, cy: float, angles: np.ndarray, r0: float, r1: float, hw: float, kind: str
) -> np.ndarray:
    """`petal` outlines for many angles at once (k×24×2)."""
    half = np.concatenate([_PROFILES[kind], -_PROFILES[kind][::-1]]) * hw
    rad = r0 + (r1 - r0) * np.concatenate([_T12, _T12[::-1]])
    ca, sa = np.cos(angles)[:, None], np.sin(angles)[:, None]
    return np.stack([cx + rad * ca - half * sa, cy + rad * sa + half * ca], axis=-1)


@asset("ink_mandala", "glyphs", (600, 600), MandalaParams, tags=("ink", "mandala", "radial"))
def ink_mandala(ctx: RenderContext[MandalaParams]) -> Canvas:
    """A radial mandala: rings of shaded petals, bead circles and a glowing star core."""
    p, pal, u = ctx.params, ctx.palette, ctx.unit
    cx, cy, R = ctx.width / 2, ctx.height / 2, u * 0.47
    rng = ctx.rng("mandala")
    kinds = ["pointed", "round", "teardrop", "spike"]

    def glow(g: Canvas) -> None:
        g.circle(cx, cy, R * 0.45, fill=pal.glow)
        g.circle(cx, cy, R * 0.95, fill=pal.accent, opacity=0.35)

    c = kit.glow_canvas(ctx.width, ctx.height, glow, u * 0.06)
    edges = np.linspace(R * 0.2, R, p.rings + 1)
    for k in range(p.rings - 1, -1, -1):
        r0, r1 = float(edges[k]), float(edges[k + 1])
        mult = 1 + (k % 2) if p.order < 10 else 1
        count = p.order * mult
        kind = (
            p.petal if k % 2 == 0 else kinds[(kinds.index(p.petal) + int(rng.integers(1, 4))) % 4]
        )
        off = (p.twist * 0.5 + 0.5 * (k % 2)) * 2 * math.pi / count
        hw = min(0.95 * r1 * math.sin(math.pi / count) * 1.5, (r1 - r0) * 0.7)
        shade_t = k / max(1, p.rings - 1)
        dark = mix(pal.ink, pal.accent, 0.55 - 0.25 * shade_t)
        light = mix(pal.accent, pal.glow, 0.55 - 0.3 * shade_t)
        angs = off + 2 * math.pi * np.arange(count) / count
        sc = c.scale
        outer = petals(cx, cy, angs, r0 * 0.92, r1, hw, kind) * sc
        inner = petals(cx, cy, angs, r0 + (r1 - r0) * 0.18, r1 - (r1 - r0) * 0.22, hw * 0.5, kind)
        ends = np.asarray([[r0], [r1 * 0.85]])
        veins = (np.stack([np.cos(angs), np.sin(angs)], axis=-1)[:, None, :] * ends + (cx, cy)) * sc
        edge, body = kit.agg_pen(c, pal.accent, u * 0.004), kit.agg_brush(dark)
        # each inner petal lies on its own opaque petal: its 85 % fill is blended here, once
        lit = kit.agg_brush(kit.layered(dark, light, 0.85))
        vein = kit.agg_pen(c, tint(pal.glow, 0.2), u * 0.003, 0.7)
        d = c.draw
        for o, i, v in zip(outer, inner * sc, veins, strict=True):
            d.polygon(o.ravel().tolist(), edge, body)
            d.polygon(i.ravel().tolist(), lit)
            d.line(v.ravel().tolist(), vein)
        draw.ring(c, cx, cy, r0 * 0.94, u * 0.008, mix(pal.accent, pal.glow, 0.4))
        if p.beads:
            nb = count * 2
            for j in range(nb):
                a = off + 2 * math.pi * (j + 0.5) / nb
                c.circle(
                    cx + r1 * 0.98 * math.cos(a),
                    cy + r1 * 0.98 * math.sin(a),
                    u * 0.007,
                    fill=pal.highlight,
                )
    rc = float(edges[0]) * 0.9
    c.circle(cx, cy, rc, fill=shade(pal.accent, 0.5))
    star = draw.star(cx, cy, rc, rc * 0.45, p.core, -math.pi / 2)
    kit.shaded_poly(c, star, pal.accent, tint(pal.glow, 0.3), (cx, cy), n=5, reach=0.9)
    c.circle(cx, cy, rc * 0.22, fill=tint(pal.glow, 0.5))
    return c
