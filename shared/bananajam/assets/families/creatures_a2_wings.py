"""Winged creatures of part A: a patterned ink butterfly and a flaming ink phoenix."""

from __future__ import annotations

import math
from typing import Literal

import numpy as np
from pydantic import Field

from bananajam.assets.canvas import Canvas
from bananajam.assets.families._creature_kit_a import (
    Arr,
    Frame,
    Tones,
    ellipse_pts,
    eye,
    fill,
    inset,
    place,
    polar,
    pts,
    shaded,
    smooth,
    stroke,
)
from bananajam.assets.families.creatures_a2_kit import aura, glow_dot, leaf, quick_shaded
from bananajam.assets.params import AssetParams
from bananajam.assets.registry import RenderContext, asset
from bananajam.assets.themes import hue_shift, mix, shade, tint


class ButterflyParams(AssetParams):
    span: float = Field(1.0, ge=0.8, le=1.25)
    apex: Literal["pointed", "rounded", "hooked"] = "rounded"
    tails: bool = False
    pattern: Literal["eyespots", "bands", "veins"] = "eyespots"
    spread: float = Field(0.0, ge=-0.3, le=0.3)
    hind: float = Field(1.0, ge=0.7, le=1.3)
    margin: bool = True


APEX = {
    "pointed": [(0.5, -0.5), (0.7, -0.52), (0.6, -0.3)],
    "rounded": [(0.45, -0.48), (0.62, -0.4), (0.6, -0.22)],
    "hooked": [(0.45, -0.5), (0.72, -0.58), (0.58, -0.38), (0.6, -0.24)],
}


def _rot(p: Arr, a: float) -> Arr:
    ca, sa = math.cos(a), math.sin(a)
    out: Arr = np.stack([p[:, 0] * ca - p[:, 1] * sa, p[:, 0] * sa + p[:, 1] * ca], axis=1)
    return out


@asset("ink_butterfly", "creatures", (600, 500), ButterflyParams, tags=("butterfly", "insect"))
def ink_butterfly(ctx: RenderContext[ButterflyParams]) -> Canvas:
    """A butterfly from above: shaded fore- and hindwings with eyespots, bands or veins."""
    c, p, pal = ctx.canvas(), ctx.params, ctx.palette
    rng = ctx.rng("butterfly-wings")
    jit = rng.uniform(-0.03, 0.03, (12, 2))
    fore_l = pts((0.03, -0.06), (0.18, -0.34), *APEX[p.apex], (0.42, -0.06), (0.1, 0.0))
    fore_l = fore_l * p.span + jit[: len(fore_l)] * 0.5
    hind_pts = [(0.03, 0.0), (0.3, 0.0), (0.46, 0.14), (0.42, 0.34), (0.24, 0.46), (0.06, 0.28)]
    if p.tails:
        hind_pts[4:5] = [(0.3, 0.44), (0.3, 0.7), (0.2, 0.46)]
    hind_l = pts(*hind_pts) * p.span * p.hind + jit[: len(hind_pts)] * 0.5
    fore_r = smooth(_rot(fore_l, -p.spread), 5)
    hind_r = smooth(_rot(hind_l, p.spread * 0.5), 5)
    mir = np.array([-1.0, 1.0])
    wings = [(fore_r * mir, hind_r * mir), (fore_r, hind_r)]
    ant = [pts((s * 0.02, -0.2), (s * 0.08, -0.36), (s * 0.13, -0.48)) for s in (-1.0, 1.0)]
    f = Frame.around(ctx.width, ctx.height, [fore_r, hind_r, fore_r * mir, *ant], 0.92)
    hue = rng.uniform(-25, 25)
    wing_col = hue_shift(mix(pal.accent, pal.glow, 0.2), hue)
    tones = Tones.of(wing_col, pal, 0.45, 0.55)
    hind_t = Tones.of(mix(wing_col, pal.ink, 0.2), pal, 0.4, 0.55)
    dark, bright = shade(pal.ink, 0.4), tint(pal.glow, 0.35)
    aura(c, f(fore_r), pal.glow, f.n(0.04), 2, 0.06)
    aura(c, f(fore_r * mir), pal.glow, f.n(0.04), 2, 0.06)
    for fore, hind in wings:
        s = float(np.sign(fore[:, 0].mean()))
        shaded(c, f(hind), hind_t, f.n(0.12), rim=0.06)
        shaded(c, f(fore), tones, f.n(0.14), rim=0.06)
        fc, hc = fore.mean(axis=0), hind.mean(axis=0)
        if p.pattern == "eyespots":
            for q, r in ((hc * 1.1, 0.075 * p.hind), (fc + np.array([s * 0.12, -0.12]), 0.05)):
                x, y = f.pt(*q)
                c.circle(x, y, f.n(r * p.span), fill=dark)
                c.circle(x, y, f.n(r * p.span * 0.75), fill=mix(pal.glow, pal.accent, 0.4))
                c.circle(x, y, f.n(r * p.span * 0.42), fill=dark)
                c.circle(x - f.n(r * 0.15), y - f.n(r * 0.15), f.n(r * 0.14), fill=bright)
        elif p.pattern == "bands":
            band = leaf(
                pts(
                    fc + np.array([-s * 0.1, -0.2]),
                    fc + np.array([s * 0.05, 0.02]),
                    fc + np.array([s * 0.2, 0.1]),
                ),
                0.1,
            )
            fill(c, f(band), bright, 0.55)
            fill(c, f(inset(hind, 0.07 * p.hind)), dark, 0.45)
        else:
            for wing in (fore, hind):
                root = wing[0]
                for q in wing[len(wing) // 8 :: max(2, len(wing) // 7)]:
                    mid = root + (q - root) * 0.5 + rng.uniform(-0.02, 0.02, 2)
                    stroke(c, f(pts(root, mid, root + (q - root) * 0.93)), f.n(0.014), dark, 0.7)
        if p.margin:
            for wing in (fore, hind):
                rim = inset(wing, 0.035)
                for x, y in rim[3 : -3 : max(2, len(rim) // 9)]:
                    c.circle(*f.pt(x, y), f.n(0.013), fill=bright, opacity=0.85)
    body_t = Tones.of(mix(pal.ink, pal.accent, 0.35), pal, 0.35, 0.5)
    for a in ant:
        stroke(c, f(a), f.n(0.014), body_t.lit, 1.0, 0.0, 0.0)
        c.circle(*f.pt(*a[-1]), f.n(0.02), fill=body_t.lit)
    shaded(c, f(leaf(pts((0, -0.05), (0.0, 0.18), (0.0, 0.4)), 0.09, 0.5)), body_t, f.n(0.03))
    shaded(c, f(ellipse_pts(0, -0.1, 0.05, 0.09, 0, 16)), body_t, f.n(0.035))
    hx, hy = f.pt(0, -0.21)
    c.circle(hx, hy, f.n(0.045), fill=body_t.base)
    for s in (-1.0, 1.0):
        eye(c, hx + s * f.n(0.028), hy, f.n(0.014), pal)
    return c


class PhoenixParams(AssetParams):
    wing_raise: float = Field(0.5, ge=-0.7, le=1.0)
    span: float = Field(1.0, ge=0.75, le=1.35)
    fan: float = Field(0.5, ge=0.2, le=1.0)
    feathers: int = Field(9, ge=6, le=14)
    plumes: int = Field(5, ge=3, le=7)
    tail_curl: float = Field(0.3, ge=-0.8, le=0.8)
    crest: int = Field(4, ge=2, le=6)
    flare: bool = True


@asset("ink_phoenix", "creatures", (700, 600), PhoenixParams, tags=("phoenix", "bird", "fire"))
def ink_phoenix(ctx: RenderContext[PhoenixParams]) -> Canvas:
    """A phoenix rising with fanned flame-tipped wings, a plumed crest and long eyed tail plumes."""
    c, p, pal = ctx.canvas(), ctx.params, ctx.palette
    rng = ctx.rng("phoenix-feathers")
    r = p.wing_raise
    wrist = np.array([0.5, -0.25 - 0.35 * r])
    arm = smooth(
        pts((0.08, -0.12), (0.28, -0.2 - 0.15 * r), wrist, wrist + np.array([0.18, -0.1 * r])),
        4,
        False,
    )
    prim, cov, cov_tips = [], [], []
    for k in range(p.feathers):
        t = (k + 0.5) / p.feathers
        base = arm[int(t * (len(arm) - 1))]
        ang = 0.45 * math.pi * (1 - t) + (-0.25 - 0.6 * r) * t + rng.uniform(-0.06, 0.06)
        ln = (0.25 + 0.35 * t) * p.span
        tip = polar(base, ang, ln)
        prim.append(leaf(pts(base, polar(base, ang - 0.15, ln * 0.5), tip), 0.09 + 0.05 * t))
        ctip = polar(base, ang, ln * 0.5)
        cov.append(leaf(pts(base, polar(base, ang - 0.1, ln * 0.28), ctip), 0.1))
        cov_tips.append(polar(base, ang, ln * 0.3))
    wing = smooth(pts(arm, *cov_tips[::-1], (0.05, 0.05)), 3)
    tails = []
    for k in range(p.plumes):
        u = (k + 0.5) / p.plumes * 2 - 1
        ln = (0.7 + 0.25 * (1 - abs(u))) * rng.uniform(0.85, 1.1)
        ang = math.pi / 2 - u * p.fan
        curl = p.tail_curl * (1 if u >= 0 else -1) + rng.uniform(-0.2, 0.2)
        q1 = polar((0, 0.22), ang, ln * 0.45)
        q2 = polar(q1, ang - curl * 0.8, ln * 0.35)
        q3 = polar(q2, ang - curl * 1.8, ln * 0.25)
        tails.append((leaf(pts((0, 0.22), q1, q2, q3), 0.085, 0.4), q3))
    mir = np.array([-1.0, 1.0])
    crest = []
    for k in range(p.crest):
        a = -math.pi / 2 - 0.9 + 1.1 * k / max(p.crest - 1, 1)
        base = np.array([0.0, -0.5])
        crest.append(leaf(pts(base, polar(base, a + 0.3, 0.1), polar(base, a - 0.1, 0.2)), 0.045))
    parts = [*prim, *[x * mir for x in prim], *[t for t, _ in tails], *crest]
    f = Frame.around(ctx.width, ctx.height, parts, 0.93)
    fire = mix(pal.accent, pal.glow, 0.35)
    deep = Tones.of(mix(pal.accent, pal.ink, 0.3), pal, 0.5, 0.5)
    hot = Tones.of(fire, pal, 0.6, 0.4)
    body_t = Tones.of(mix(pal.accent, pal.glow, 0.15), pal, 0.55, 0.45)
    aura(c, f(ellipse_pts(0, -0.1, 0.4, 0.35)), pal.glow, f.n(0.15), 3, 0.05)
    for tail, tip in tails:
        quick_shaded(c, f(tail), deep, f.n(0.025), rim=0.1)
        glow_dot(c, *f.pt(*tip), f.n(0.04), tint(pal.glow, 0.5), pal.glow)
        c.circle(*f.pt(*tip), f.n(0.026), fill=mix(pal.accent, pal.glow, 0.3))
        c.circle(*f.pt(*tip), f.n(0.014), fill=shade(pal.ink, 0.4))
    for m in (mir, np.array([1.0, 1.0])):
        for k, fe in enumerate(prim):
            col = hue_shift(mix(pal.accent, pal.glow, 0.7 * k / p.feathers), 12 * (k % 2))
            quick_shaded(c, f(fe * m), Tones.of(col, pal, 0.5, 0.45), f.n(0.025), rim=0.15)
        if p.flare:
            for fe in prim[-5:]:
                fill(c, f(inset(fe, 0.012) * m), tint(pal.glow, 0.35), 0.55)
        shaded(c, f(wing * m), hot, f.n(0.06), rim=0.1)
        for fe in cov:
            quick_shaded(c, f(fe * m), hot, f.n(0.02), rim=0.0)
    body = smooth(
        pts(
            (0, -0.45),
            (0.12, -0.3),
            (0.14, -0.05),
            (0.05, 0.28),
            (-0.05, 0.28),
            (-0.14, -0.05),
            (-0.12, -0.3),
        )
    )
    shaded(c, f(body), body_t, f.n(0.11))
    chest = smooth(pts((0, -0.25), (0.07, -0.1), (0, 0.15), (-0.07, -0.1)))
    fill(c, f(chest), tint(pal.glow, 0.3), 0.45)
    for k, cr in enumerate(crest):
        shaded(c, f(cr), hot if k % 2 else deep, f.n(0.015), rim=0.15)
    head = ellipse_pts(0, -0.42, 0.085, 0.08)
    shaded(c, f(head), body_t, f.n(0.05))
    beak = place([(0.0, -0.04), (0.12, 0.0), (0.0, 0.04)], (0.0, -0.38), math.pi / 2, 0.5)
    fill(c, f(beak), tint(pal.parchment, 0.6))
    for s in (-1.0, 1.0):
        eye(c, *f.pt(s * 0.04, -0.44), f.n(0.016), pal, slit=True)
    return c
