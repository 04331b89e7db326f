"""Glyphs part B, spectral beings: shadow beasts, spectral serpents and flickering wisps."""

from __future__ import annotations

import math
from typing import Literal

import numpy as np
from pydantic import Field

from bananajam.assets.canvas import Canvas, Point
from bananajam.assets.families._glyph_fill_b import gradient_poly
from bananajam.assets.families._glyph_kit_b import (
    Fit,
    Stroke,
    brush,
    dots,
    eye,
    rune,
    sparkles,
    strokes,
)
from bananajam.assets.families._glyph_light_b import glow_pass
from bananajam.assets.params import AssetParams
from bananajam.assets.registry import RenderContext, asset
from bananajam.assets.themes import mix, shade, tint

TAU = 2 * math.pi


def _shaggy(
    rng: np.random.Generator, cx: float, cy: float, rx: float, ry: float, n: int, fur: float
) -> list[Point]:
    """An ellipse with a spiky fur edge."""
    a = np.linspace(0, TAU, n * 2, endpoint=False)
    r = np.where(np.arange(n * 2) % 2 == 0, 1 + fur * rng.uniform(0.3, 1.0, n * 2), 1 - fur * 0.3)
    return [
        (float(cx + rx * q * math.cos(t)), float(cy + ry * q * math.sin(t)))
        for q, t in zip(r, a, strict=True)
    ]


class BeastParams(AssetParams):
    pose: Literal["crouch", "rear", "loom"] = "crouch"
    eyes: int = Field(2, ge=1, le=6)
    horns: Literal["none", "ram", "spike", "antler"] = "spike"
    bulk: float = Field(1.0, ge=0.8, le=1.15)
    maw: bool = False
    tendrils: int = Field(5, ge=2, le=8)


@asset("shadow_beast", "glyphs", (600, 700), BeastParams, tags=("beast", "shadow", "creature"))
def shadow_beast(ctx: RenderContext[BeastParams]) -> Canvas:
    """A shaggy beast of living shadow with burning eyes, horns and smoke trailing below."""
    c, p, pal, f = ctx.canvas(), ctx.params, ctx.palette, Fit(ctx, 600, 700)
    rng = ctx.rng("fur")
    b = p.bulk
    body_c, body_r, head_c, head_r = {
        "crouch": ((300, 470), (215 * b, 165), (300, 330), 105),
        "rear": ((300, 450), (165 * b, 200), (300, 225), 95),
        "loom": ((300, 430), (230 * b, 185), (300, 360), 125),
    }[p.pose]
    body = _shaggy(rng, *body_c, *body_r, 34, 0.12)
    head = _shaggy(rng, *head_c, head_r, head_r * 0.9, 22, 0.14)
    hx, hy = head_c
    horns: list[Stroke] = []
    for s in (-1.0, 1.0):
        bx, by = hx + s * head_r * 0.55, hy - head_r * 0.6
        if p.horns == "ram":
            horns.append(
                [(bx, by), (bx + s * 80, by - 50), (bx + s * 110, by + 20), (bx + s * 70, by + 50)]
            )
        elif p.horns == "spike":
            horns.append([(bx, by), (bx + s * 40, by - 90), (bx + s * 60, by - 170)])
        elif p.horns == "antler":
            horns.append([(bx, by), (bx + s * 50, by - 90), (bx + s * 110, by - 150)])
            horns.append([(bx + s * 45, by - 80), (bx + s * 5, by - 150)])
    smoke: list[Stroke] = []
    srng = ctx.rng("smoke")
    for k in range(p.tendrils):
        x = body_c[0] + body_r[0] * (2 * (k + 0.5) / p.tendrils - 1) * 0.85
        y = body_c[1] + body_r[1] * 0.6
        pts = [
            (x + 30 * math.sin(t * 3 + k) * srng.uniform(0.5, 1.2), y + t * 90)
            for t in np.linspace(0, 1, 16)
        ]
        smoke.append(pts)
    aura = mix(pal.accent, pal.glow, 0.15)
    F = f.pts

    def light(g: Canvas) -> None:
        g.polygon(F(body), fill=aura)
        g.polygon(F(head), fill=aura)
        for h in horns:
            brush(g, F(h), f.d(44), aura, start=0.05, end=0.9)

    glow_pass(c, light, f.d(22), 0.85, blank=ctx.transparent)
    for pts in smoke:
        brush(c, F(pts), f.d(46), shade(pal.ink, 0.3), 0.85, start=0.05, end=0.95)
    skin = shade(pal.ink, 0.35)
    gradient_poly(c, F(body), mix(pal.ink, pal.accent, 0.25), skin, (0.0, 1.0))
    for h in horns:
        brush(c, F(h), f.d(34), mix(pal.ink, pal.accent, 0.3), start=0.05, end=0.9)
        brush(c, F(h), f.d(10), mix(pal.accent, pal.glow, 0.2), 0.7, start=0.05, end=0.9)
    gradient_poly(c, F(head), mix(pal.ink, pal.accent, 0.35), skin, (0.0, 1.0))
    fur = [[q, (q[0] + (q[0] - head_c[0]) * 0.08, q[1] + 14)] for q in body[::3]]
    strokes(c, [F(s) for s in fur], f.d(7), mix(pal.ink, pal.accent, 0.5), 0.6)
    erng = ctx.rng("eyes")
    n = p.eyes
    er = head_r * (0.2 if n <= 2 else 0.15)
    spots: list[Point] = []
    for k in range(n):
        row = 0 if n <= 3 else k % 2
        col = k if n <= 3 else k // 2
        ncol = n if n <= 3 else (n + 1) // 2
        x = hx + (col - (ncol - 1) / 2) * head_r * (0.85 if ncol <= 2 else 0.55)
        y = hy - head_r * 0.05 + row * er * 2.2 - (row == 0 and n > 3) * er * 0.6
        x += erng.uniform(-3, 3)
        spots.append((x, y))
    glow_pass(c, lambda g: dots(g, [f.p(*q) for q in spots], f.d(er * 2), pal.glow), f.d(er), 0.9)
    for x, y in spots:
        eye(c, *f.p(x, y), f.d(er), pal.glow)
    if p.maw:
        my = hy + head_r * 0.5
        mw = head_r * 0.6
        c.ellipse(*f.p(hx, my), f.d(mw), f.d(head_r * 0.22), fill=shade(pal.ink, 0.7))
        for k in range(7):
            tx = hx - mw * 0.8 + mw * 1.6 * k / 6
            up = k % 2 == 0
            ty = my - head_r * 0.2 if up else my + head_r * 0.2
            c.polygon(
                F([(tx - 7, ty), (tx + 7, ty), (tx, ty + (22 if up else -22))]),
                fill=tint(pal.glow, 0.4),
            )
    for s in (-1.0, 1.0):
        claws = [
            [
                (body_c[0] + s * body_r[0] * 0.55 + d * 18, body_c[1] + body_r[1] * 0.75),
                (body_c[0] + s * body_r[0] * 0.55 + d * 22, body_c[1] + body_r[1] * 0.75 + 45),
            ]
            for d in (-1, 0, 1)
        ]
        strokes(c, [F(q) for q in claws], f.d(12), mix(pal.accent, pal.glow, 0.3))
    sparkles(c, ctx.rng("motes"), 6, *f.p(300, 420), f.d(260), f.d(300), f.d(9), pal.glow)
    return c


class SerpentParams(AssetParams):
    coil: Literal["s", "spiral", "loop"] = "s"
    waves: float = Field(2.0, ge=1.2, le=3.5)
    amp: float = Field(0.8, ge=0.45, le=1.0)
    thickness: float = Field(1.0, ge=0.7, le=1.35)
    pattern: Literal["bands", "scales", "runes"] = "bands"
    fins: bool = True


def _fit_box(pts: np.ndarray, x0: float, y0: float, x1: float, y1: float) -> np.ndarray:
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    k = min((x1 - x0) / max(hi[0] - lo[0], 1e-6), (y1 - y0) / max(hi[1] - lo[1], 1e-6))
    mid = (lo + hi) / 2
    return (pts - mid) * k + np.array([(x0 + x1) / 2, (y0 + y1) / 2])  # type: ignore[no-any-return]


@asset("spectral_serpent", "glyphs", (600, 800), SerpentParams, tags=("serpent", "spirit"))
def spectral_serpent(ctx: RenderContext[SerpentParams]) -> Canvas:
    """A translucent serpent of light winding through the air, patterned and finned."""
    c, p, pal, f = ctx.canvas(), ctx.params, ctx.palette, Fit(ctx, 600, 800)
    ph = ctx.rng("phase").uniform(0, TAU)
    t = np.linspace(0.0, 1.0, 90)
    if p.coil == "s":
        xy = np.stack([np.sin(p.waves * math.pi * t + ph) * p.amp, -t * 2.2], axis=1)
    elif p.coil == "spiral":
        a = t * TAU * (0.8 + p.waves * 0.4) + ph
        r = 0.25 + t * p.amp
        xy = np.stack([r * np.cos(a), r * np.sin(a)], axis=1)
    else:
        a = t * TAU * p.waves * 0.5 + ph
        xy = np.stack(
            [np.sin(a) * p.amp + 0.35 * np.cos(3 * a), -t * 2.0 + 0.35 * np.sin(3 * a)], axis=1
        )
    W = 46 * p.thickness
    spine = _fit_box(xy, 60 + W, 90 + W, 540 - W, 760 - W)
    pts = [(float(x), float(y)) for x, y in spine]
    F = f.pts
    glow_pass(
        c,
        lambda g: brush(g, F(pts), f.d(W * 2.4), pal.accent, start=0.9, end=0.05),
        f.d(18),
        0.7,
        blank=ctx.transparent,
    )
    brush(c, F(pts), f.d(W), mix(pal.ink, pal.accent, 0.45), 0.9, start=0.9, end=0.05)
    belly = [(x - 0.22 * W, y - 0.22 * W) for x, y in pts]
    brush(c, F(belly), f.d(W * 0.35), mix(pal.accent, pal.glow, 0.5), 0.55, start=0.9, end=0.1)
    d = np.gradient(spine, axis=0)
    d /= np.maximum(np.hypot(d[:, 0], d[:, 1]), 1e-6)[:, None]
    nrm = np.stack([-d[:, 1], d[:, 0]], axis=1)
    width = np.minimum(t / 0.9, 1.0) ** 0.8 * W / 2
    marks: list[Stroke] = []
    for i in range(12, 86, 5):
        q, n_, w_ = spine[i], nrm[i], width[i] * 0.8
        if p.pattern == "bands":
            marks.append([tuple(q - n_ * w_), tuple(q + n_ * w_)])
        elif p.pattern == "scales":
            back = q - d[i] * w_ * 0.8
            marks.append([tuple(q - n_ * w_), tuple(back), tuple(q + n_ * w_)])
        elif i % 10 == 2:
            marks += rune(ctx.rng(f"rune{i}"), float(q[0]), float(q[1]), w_ * 1.4)
    if p.fins:
        for i in range(20, 84, 8):
            q, n_ = spine[i], nrm[i]
            tip = q + n_ * width[i] * 2.3 - d[i] * width[i]
            marks.append([tuple(q + n_ * width[i] * 0.8), tuple(tip)])
    fm = [F(m) for m in marks]
    glow_pass(c, lambda g: strokes(g, fm, f.d(12), pal.glow), f.d(5), 0.8)
    strokes(c, fm, f.d(5), tint(pal.glow, 0.3))
    hx, hy = pts[-1]
    ang = math.atan2(d[-1, 1], d[-1, 0])
    head = [
        (hx + math.cos(ang + a) * W * r, hy + math.sin(ang + a) * W * r)
        for a, r in ((0, 1.2), (0.9, 0.8), (2.0, 0.75), (math.pi, 0.6), (-2.0, 0.75), (-0.9, 0.8))
    ]
    c.polygon(F(head), fill=mix(pal.ink, pal.accent, 0.55), outline=pal.glow, width=f.d(3))
    ex, ey = hx + math.cos(ang - 0.7) * W * 0.5, hy + math.sin(ang - 0.7) * W * 0.5
    eye(c, *f.p(ex, ey), f.d(W * 0.18), pal.highlight)
    sparkles(c, ctx.rng("motes"), 8, *f.p(300, 420), f.d(250), f.d(330), f.d(10), pal.glow)
    return c


class WispParams(AssetParams):
    tails: int = Field(2, ge=1, le=5)
    sway: float = Field(0.0, ge=-1.0, le=1.0)
    face: Literal["none", "eyes", "hollow"] = "eyes"
    core: float = Field(0.8, ge=0.55, le=1.0)
    flames: int = Field(4, ge=2, le=7)


@asset("spectral_wisp", "glyphs", (400, 600), WispParams, tags=("wisp", "spirit", "flame"))
def spectral_wisp(ctx: RenderContext[WispParams]) -> Canvas:
    """A will-o'-the-wisp: a layered ghost flame with trailing tails and a hollow face."""
    c, p, pal, f = ctx.canvas(), ctx.params, ctx.palette, Fit(ctx, 400, 600)
    rng = ctx.rng("wisp")
    hx, hy, hr = 200.0, 250.0, 120 * p.core
    F = f.pts
    tails: list[Stroke] = []
    for k in range(p.tails):
        off = (k - (p.tails - 1) / 2) * 70
        tip = (min(300.0, max(100.0, 200 + p.sway * 80 + off * 0.7)), 560 - abs(off) * 0.5)
        s = np.linspace(0, 1, 24)
        bend = rng.uniform(30, 60) * (1 if k % 2 else -1)
        tails.append(
            [
                (
                    hx + off * 0.4 + (tip[0] - hx - off * 0.4) * q + bend * math.sin(q * math.pi),
                    hy + (tip[1] - hy) * q,
                )
                for q in s
            ]
        )
    flames: list[Stroke] = []
    for k in range(p.flames):
        a = -math.pi / 2 + (k - (p.flames - 1) / 2) * 0.45
        bx, by = hx + hr * 0.8 * math.cos(a), hy + hr * 0.8 * math.sin(a)
        L = hr * rng.uniform(0.6, 1.1)
        flames.append(
            [
                (bx, by),
                (bx + L * 0.5 * math.cos(a) + p.sway * 15, by + L * 0.5 * math.sin(a)),
                (bx + L * math.cos(a) - p.sway * 10, by + L * math.sin(a) - 20),
            ]
        )

    def layer(g: Canvas, col: tuple[int, int, int], k: float, op: float) -> None:
        for tl in tails:
            brush(g, F(tl), f.d(hr * 1.5 * k), col, op, start=0.02, end=0.95)
        for fl in flames:
            brush(g, F(fl), f.d(hr * 0.55 * k), col, op, start=0.05, end=0.9)
        g.circle(*f.p(hx, hy), f.d(hr * k), fill=col, opacity=op)

    glow_pass(c, lambda g: layer(g, pal.accent, 1.25, 1.0), f.d(28), 0.9, blank=ctx.transparent)
    layer(c, mix(pal.ink, pal.accent, 0.6), 1.0, 0.85)
    layer(c, mix(pal.accent, pal.glow, 0.5), 0.72, 0.8)
    c.circle(*f.p(hx, hy + hr * 0.05), f.d(hr * 0.5), fill=pal.highlight, opacity=0.9)
    if p.face != "none":
        ink = shade(pal.ink, 0.4)
        for sd in (-1, 1):
            c.ellipse(
                *f.p(hx + sd * hr * 0.3, hy - hr * 0.05), f.d(hr * 0.13), f.d(hr * 0.2), fill=ink
            )
        if p.face == "hollow":
            c.ellipse(*f.p(hx, hy + hr * 0.38), f.d(hr * 0.12), f.d(hr * 0.18), fill=ink)
    sparkles(c, ctx.rng("motes"), 7, *f.p(hx, 330), f.d(170), f.d(250), f.d(10), pal.glow)
    return c
