"""Ink-brush glyphs: the enso circle, spirals and splatters, drawn as tapered washed strokes."""

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
from bananajam.assets.themes import hue_shift, mix, shade, tint


class EnsoParams(AssetParams):
    thickness: float = Field(0.12, ge=0.06, le=0.2)
    gap: float = Field(0.7, ge=0.45, le=1.7)
    rotation: float = Field(0.0, ge=0.0, le=1.0)
    aspect: float = Field(0.9, ge=0.68, le=1.0)
    load: float = Field(0.2, ge=0.0, le=1.0)
    style: Literal["solid", "dry", "double", "overshoot"] = "solid"
    seal: bool = False


def _polyline(xs: np.ndarray, ys: np.ndarray) -> list[Point]:
    return [(float(x), float(y)) for x, y in zip(xs, ys, strict=True)]


@asset("ink_enso", "glyphs", (800, 800), EnsoParams, tags=("ink", "zen", "circle"))
def ink_enso(ctx: RenderContext[EnsoParams]) -> Canvas:
    """A zen enso: one loaded brush circle with a dry-brush tail, ink wash and an inner glow."""
    p, pal, u = ctx.params, ctx.palette, ctx.unit
    rng = ctx.rng("enso")
    # Per-index pose: the ellipse tilt, its size and a small off-centre drift change the outline.
    tilt = float(rng.uniform(0, math.pi))
    R = u * float(rng.uniform(0.88, 1.0)) * (0.44 - 0.75 * p.thickness)
    cx = ctx.width / 2 + u * float(rng.uniform(-0.025, 0.025))
    cy = ctx.height / 2 + u * float(rng.uniform(-0.025, 0.025))
    a0 = p.rotation * 2 * math.pi - math.pi / 2
    sweep = 2 * math.pi - p.gap + (1.6 if p.style == "overshoot" else 0.0)
    n = 110
    t = np.linspace(0.0, 1.0, n)
    ang = a0 + sweep * t
    phase = rng.uniform(0, 2 * math.pi, 3)
    wob = 0.05 * np.sin(2 * ang + phase[0]) + 0.03 * np.sin(3 * ang + phase[1])
    inward = 0.16 if p.style == "overshoot" else 0.1
    rad = R * (1 + wob - inward * np.clip(ang - a0 - 2 * math.pi + 0.8, 0, None))
    ex, ey = rad * np.cos(ang), rad * np.sin(ang) * p.aspect
    ct, st = math.cos(tilt), math.sin(tilt)
    xs, ys = cx + ex * ct - ey * st, cy + ex * st + ey * ct
    # The brush is heaviest where it was loaded (`load` along the stroke), then runs dry.
    swell = np.exp(-(((t - p.load * 0.7) / 0.38) ** 2))
    width = p.thickness * u * (0.35 + 0.75 * swell) * draw.taper(n, 0.03, 0.3)
    width = np.maximum(width, u * 0.003)
    pts = _polyline(xs, ys)
    ring = [(x, y) for x, y in pts[:: max(1, n // 40)]]

    def glow(g: Canvas) -> None:
        g.line(ring, pal.glow, p.thickness * u * 1.3, 0.55)
        g.ellipse(cx, cy, R * 0.6, R * 0.6 * p.aspect, fill=shade(pal.glow, 0.5), opacity=0.25)

    c = kit.glow_canvas(ctx.width, ctx.height, glow, u * 0.06)
    body, hi = mix(pal.accent, pal.glow, 0.25), mix(pal.accent, pal.glow, 0.7)
    path = np.stack([xs, ys], axis=1)
    c.polygon(draw.stroke_outline(path, width * 1.5), fill=pal.accent, opacity=0.2)
    cut = n if p.style != "dry" else int(n * 0.62)
    c.polygon(draw.stroke_outline(path[:cut], width[:cut] * draw.taper(cut, 0.01, 0.2)), fill=body)
    if p.style == "dry":
        for b in range(7):
            off = (b / 6 - 0.5) * 0.8
            s0 = int(n * rng.uniform(0.5, 0.6))
            s1 = int(n * rng.uniform(0.75, 1.0))
            nx, ny = np.cos(ang[s0:s1]), np.sin(ang[s0:s1])
            seg = _polyline(
                xs[s0:s1] + off * width[s0:s1] * nx, ys[s0:s1] + off * width[s0:s1] * ny
            )
            kit.brush(c, seg, float(width[s0]) * 0.16, body, smooth=False, start=0.05, end=0.5)
    if p.style == "double":
        k = int(n * 0.7)
        inner = _polyline(cx + (xs[:k] - cx) * 0.78, cy + (ys[:k] - cy) * 0.78)
        kit.brush(c, inner, p.thickness * u * 0.4, body, opacity=0.85, smooth=False)
    # Highlight ridge along the inner edge of the loaded part of the stroke.
    k0, k1 = int(n * max(0.0, p.load * 0.7 - 0.3)), int(n * min(1.0, p.load * 0.7 + 0.3))
    ridge = [(x - (x - cx) * 0.02, y - (y - cy) * 0.02) for x, y in pts[k0:k1]]
    kit.brush(c, ridge, p.thickness * u * 0.28, hi, opacity=0.8, smooth=False, end=0.6)
    spl = ctx.rng("splash")
    for _ in range(int(spl.integers(3, 9))):
        x, y = pts[int(spl.integers(0, 12))]
        d = 1 + spl.uniform(-0.25, 0.3)
        c.circle(cx + (x - cx) * d, cy + (y - cy) * d, u * spl.uniform(0.004, 0.014), fill=body)
    if p.seal:
        sx, sy, s = cx + R * 0.78, cy + R * 0.95, u * 0.065
        seal = hue_shift(pal.accent, -25)
        c.rect(sx - s, sy - s, sx + s, sy + s, fill=seal)
        for stroke in kit.rune_strokes(ctx.rng("seal"), sx, sy, s * 1.1, s * 1.3, 3):
            c.line(stroke, shade(seal, 0.7), width=s * 0.18)
    return c


class SpiralParams(AssetParams):
    turns: float = Field(2.5, ge=1.5, le=4.5)
    arms: int = Field(1, ge=1, le=3)
    kind: Literal["archimedean", "logarithmic", "fermat"] = "archimedean"
    thickness: float = Field(0.07, ge=0.035, le=0.11)
    beads: bool = False
    swell_out: bool = True


@asset("ink_spiral", "glyphs", (400, 400), SpiralParams, tags=("ink", "spiral"))
def ink_spiral(ctx: RenderContext[SpiralParams]) -> Canvas:
    """A brushed spiral of one to three arms around a glowing core, optionally beaded."""
    p, pal, u = ctx.params, ctx.palette, ctx.unit
    rng = ctx.rng("spiral")
    spin = rng.choice([-1.0, 1.0])
    # Per-index pose: a tilted oval squash and an eccentric core change the outline and layout.
    squash, tilt = float(rng.uniform(0.7, 1.0)), float(rng.uniform(0, math.pi))
    R = u * 0.41 * float(rng.uniform(0.86, 1.0))
    ecc = u * float(rng.uniform(0.0, 0.09))
    ea = float(rng.uniform(0, 2 * math.pi))
    cx, cy = ctx.width / 2, ctx.height / 2
    kx, ky = cx + ecc * math.cos(ea), cy + ecc * math.sin(ea)
    ct, st = math.cos(tilt), math.sin(tilt)
    n = int(50 + 30 * p.turns)
    t = np.linspace(0.02, 1.0, n)
    if p.kind == "archimedean":
        r = R * t
    elif p.kind == "logarithmic":
        r = R * np.exp(3.2 * (t - 1))
    else:
        r = R * np.sqrt(t)
    prof = (0.3 + 0.7 * t) if p.swell_out else (1.0 - 0.7 * t)
    scale = min(p.thickness * u / math.sqrt(p.arms), 0.6 * R * squash / (p.turns * p.arms))
    width = scale * prof * draw.taper(n, 0.08, 0.12)

    def glow(g: Canvas) -> None:
        g.circle(kx, ky, R * 0.35, fill=pal.glow)
        g.ellipse(cx, cy, R * 0.9, R * 0.9, outline=pal.accent, width=u * 0.05, opacity=0.6)

    c = kit.glow_canvas(ctx.width, ctx.height, glow, u * 0.07)
    base = rng.uniform(0, 2 * math.pi)
    body, hi = mix(pal.accent, pal.glow, 0.2), mix(pal.accent, pal.glow, 0.75)
    arms = []
    # The core sits off-centre and drifts back to the middle as the spiral opens out.
    ox, oy = cx + ecc * math.cos(ea) * (1 - t), cy + ecc * math.sin(ea) * (1 - t)
    for j in range(p.arms):
        ang = base + spin * (p.turns * 2 * math.pi * t) + 2 * math.pi * j / p.arms
        ex, ey = r * np.cos(ang), r * np.sin(ang) * squash
        arms.append(_polyline(ox + ex * ct - ey * st, oy + ex * st + ey * ct))
    for pts in arms:
        c.polygon(draw.stroke_outline(pts, width * 2.2), fill=pal.accent, opacity=0.2)
    core = kit.layered(body, hi, 0.75)  # the highlight lies on its opaque arm: blended once here
    for pts in arms:
        c.polygon(draw.stroke_outline(pts, width), fill=body)
        c.polygon(draw.stroke_outline(pts, width * 0.35), fill=core)
        if p.beads:
            for k in range(n // 5, n, max(4, n // 9)):
                x, y = pts[k]
                c.circle(x, y, float(width[k]) * 0.55, fill=pal.highlight)
    kit.halo(c, kx, ky, R * 0.22, pal.glow, 0.6)
    kit.sparkle(c, kx, ky, R * 0.16, tint(pal.glow, 0.5))
    return c


class SplatterParams(AssetParams):
    drops: int = Field(18, ge=6, le=40)
    spread: float = Field(0.7, ge=0.4, le=1.0)
    lobes: int = Field(9, ge=5, le=14)
    streaks: int = Field(4, ge=0, le=10)
    style: Literal["burst", "drip", "spray", "twin"] = "burst"


@asset("ink_splatter", "glyphs", (400, 400), SplatterParams, tags=("ink", "splatter"))
def ink_splatter(ctx: RenderContext[SplatterParams]) -> Canvas:
    """A glossy ink blot with radiating streaks, flung droplets, drips or a fine spray."""
    p, pal, u = ctx.params, ctx.palette, ctx.unit
    cx, cy = ctx.width / 2, ctx.height / 2
    rng = ctx.rng("blots")
    R = u * (0.2 if p.style != "twin" else 0.15)
    if p.style == "drip":
        cy -= u * 0.12
    centres = [(cx, cy)]
    if p.style == "twin":
        a = rng.uniform(0, math.pi)
        dx, dy = math.cos(a) * u * 0.14, math.sin(a) * u * 0.14
        centres = [(cx - dx, cy - dy), (cx + dx, cy + dy)]
    blots = [kit.blob(rng, x, y, R * rng.uniform(0.85, 1.1), p.lobes, 0.22) for x, y in centres]

    def glow(g: Canvas) -> None:
        for b in blots:
            g.polygon(kit.scaled(b, centres[0], 1.15), fill=pal.glow)

    c = kit.glow_canvas(ctx.width, ctx.height, glow, u * 0.05)
    dark, body, hi = mix(pal.ink, pal.accent, 0.55), pal.accent, mix(pal.accent, pal.glow, 0.6)
    fl = ctx.rng("flung")
    marks: list[tuple[float, float, float, float]] = []  # angle, distance, size, streak?
    for _ in range(p.streaks):
        marks.append(
            (
                fl.uniform(0, 2 * math.pi),
                R * (1.4 + fl.uniform(0.2, 1.2) * p.spread),
                u * fl.uniform(0.02, 0.035),
                1.0,
            )
        )
    for _ in range(p.drops):
        d = R * (1.15 + fl.uniform(0, 1) ** 1.5 * (2.3 * p.spread))
        marks.append((fl.uniform(0, 2 * math.pi), d, u * 0.035 * (R * 1.2 / d) ** 1.2, 0.0))
    for a0_, d0_, s, streak in marks:
        a, d = a0_, d0_
        ox, oy = centres[int(fl.integers(0, len(centres)))]
        if p.style == "drip" and streak:
            a = math.pi / 2 + fl.uniform(-0.25, 0.25)
            d *= 1.0 + fl.uniform(0.0, 0.3)
        ex, ey = ox + d * math.cos(a), oy + d * math.sin(a)
        if streak:
            mid = kit.lerp_pts((ox, oy), (ex, ey), 6)
            kit.brush(c, mid, s * 1.6, body, smooth=False, start=0.02, end=0.9)
            c.circle(ex, ey, s * 0.9, fill=body)
            c.circle(ex - s * 0.3, ey - s * 0.3, s * 0.3, fill=hi)
        else:
            c.circle(ex, ey, max(s, u * 0.004), fill=body)
    if p.style == "spray":
        sp = ctx.rng("spray")
        n = p.drops * 4
        ang = sp.uniform(0, 2 * math.pi, n)
        dist = R * (1.1 + sp.uniform(0, 1, n) ** 0.7 * 1.4 * p.spread)
        for a, d in zip(ang, dist, strict=True):
            c.circle(cx + d * math.cos(a), cy + d * math.sin(a), u * 0.005, fill=hi, opacity=0.8)
    for (x, y), b in zip(centres, blots, strict=True):
        kit.shaded_poly(c, b, dark, body, (x - R * 0.35, y - R * 0.35), n=5, reach=0.7)
        c.ellipse(
            x - R * 0.35, y - R * 0.4, R * 0.22, R * 0.12, fill=tint(pal.glow, 0.3), opacity=0.7
        )
        c.circle(x + R * 0.2, y + R * 0.25, R * 0.06, fill=hi, opacity=0.6)
    return c
