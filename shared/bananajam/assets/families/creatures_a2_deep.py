"""Deep-sea creatures of part A: a serpentine abyss leviathan and a glowing abyssal jellyfish."""

from __future__ import annotations

import math
from typing import Literal

import numpy as np
from pydantic import Field

from bananajam.assets.canvas import Canvas
from bananajam.assets.families._creature_kit_a import (
    Frame,
    Tones,
    ellipse_pts,
    eye,
    fill,
    place,
    pts,
    scatter,
    shaded,
    smooth,
    stroke,
    tube,
)
from bananajam.assets.families.creatures_a2_kit import (
    aura,
    glow_dot,
    quick_shaded,
    shaded_tube,
    wave,
)
from bananajam.assets.params import AssetParams
from bananajam.assets.registry import RenderContext, asset
from bananajam.assets.themes import hue_shift, mix, shade, tint


class LeviathanParams(AssetParams):
    waves: float = Field(1.3, ge=0.6, le=2.2)
    swell: float = Field(0.32, ge=0.16, le=0.5)
    girth: float = Field(1.0, ge=0.7, le=1.4)
    fins: int = Field(8, ge=3, le=15)
    jaw: float = Field(0.35, ge=0.0, le=0.75)
    marks: Literal["photophores", "stripes", "scutes"] = "photophores"
    facing_left: bool = False


SKULL = [(-0.3, -0.55), (0.4, -0.62), (1.1, -0.4), (1.55, -0.12), (1.5, 0.06), (0.3, 0.1)]
SKULL += [(-0.3, 0.45)]
JAW = [(0.0, 0.0), (1.3, 0.05), (1.2, 0.28), (0.35, 0.46), (-0.25, 0.42)]


@asset(
    "abyss_leviathan",
    "creatures",
    (900, 600),
    LeviathanParams,
    tags=("leviathan", "serpent", "sea", "deep"),
)
def abyss_leviathan(ctx: RenderContext[LeviathanParams]) -> Canvas:
    """A coiling sea serpent with a fanged open jaw, dorsal spines and glowing flank marks."""
    c, p, pal = ctx.canvas(), ctx.params, ctx.palette
    rng = ctx.rng("leviathan-body")
    n = 56
    t = np.linspace(0.0, 1.0, n)
    ph = rng.uniform(0, 2 * np.pi)
    y = p.swell * np.sin(2 * np.pi * p.waves * (1 - t) + ph) * (0.5 + 0.5 * (1 - t))
    centre = np.stack([0.2 + 2.1 * t, y], axis=1)
    w = p.girth * (0.02 + 0.3 * t**0.6)
    tang = np.gradient(centre, axis=0)
    tang /= np.hypot(tang[:, 0], tang[:, 1])[:, None]
    up = np.stack([tang[:, 1], -tang[:, 0]], axis=1)
    heading = math.atan2(tang[-1, 1], tang[-1, 0]) + rng.uniform(-0.25, 0.25)
    H = 0.24 * p.girth
    head_o = centre[-1] + tang[-1] * H * 0.3
    skull = smooth(place(SKULL, head_o, heading, H), 4)
    hinge = np.array([0.05, 0.15])
    jl = np.array(JAW) - hinge
    ca, sa = math.cos(p.jaw), math.sin(p.jaw)
    jaw_local = np.stack([jl[:, 0] * ca - jl[:, 1] * sa, jl[:, 0] * sa + jl[:, 1] * ca], 1) + hinge
    jaw = smooth(place(jaw_local, head_o, heading, H), 4)
    fin_idx = np.linspace(n * 0.2, n * 0.88, p.fins).astype(int)
    fins = []
    for k, i in enumerate(fin_idx):
        size = w[i] * (0.9 + 0.5 * rng.random()) * (1.3 if k % 2 else 1.0)
        base = centre[i] + up[i] * w[i] * 0.4
        tip = base + up[i] * size - tang[i] * size * 0.7
        fins.append(smooth(pts(base - tang[i] * w[i] * 0.6, tip, base + tang[i] * w[i] * 0.3), 3))
    pec_base = centre[n - 8] - up[n - 8] * w[n - 8] * 0.3
    pec = smooth(pts(pec_base, pec_base + np.array([(-0.25, 0.28), (-0.05, 0.3)])), 4)
    body_out = tube(centre, w)
    f = Frame.around(ctx.width, ctx.height, [body_out, skull, jaw, *fins, pec], 0.94, p.facing_left)
    skin = mix(pal.ink, hue_shift(pal.accent, -10), 0.55)
    tones = Tones.of(skin, pal, 0.4, 0.55)
    fin_t = Tones.of(mix(skin, pal.glow, 0.2), pal, 0.5, 0.45)
    aura(c, f(body_out), mix(pal.glow, pal.accent, 0.5), f.n(0.05), 3, 0.06)
    shaded(c, f(pec), Tones.of(mix(skin, pal.ink, 0.4), pal, 0.2), f.n(0.04), rim=0)
    for fin in fins:
        quick_shaded(c, f(fin), fin_t, f.n(0.025), rim=0.2)
    cc = f(centre)
    shaded_tube(c, cc, w * f.s, tones)
    belly = centre - up * w[:, None] * 0.28
    fill(c, f(tube(belly, w * 0.28)), mix(skin, pal.glow, 0.45), 0.35)
    mark_idx = np.arange(int(n * 0.12), n - 3, 3)
    for k, i in enumerate(mark_idx):
        if p.marks == "photophores":
            q = centre[i] - up[i] * w[i] * 0.12
            glow_dot(c, *f.pt(*q), f.n(w[i] * 0.09 + 0.004), tint(pal.glow, 0.4), pal.glow)
        elif p.marks == "stripes" and k % 2 == 0:
            a, b = centre[i], centre[min(int(i) + 2, n - 1)]
            band = pts(a + up[i] * w[i] * 0.5, b + up[i] * w[i] * 0.5, b - up[i] * w[i] * 0.1)
            fill(c, f(pts(band, a - up[i] * w[i] * 0.1)), shade(pal.ink, 0.4), 0.55)
        elif p.marks == "scutes":
            q = centre[i] + up[i] * w[i] * 0.18
            fill(
                c, f(ellipse_pts(q[0], q[1], w[i] * 0.16, w[i] * 0.1, heading, 10)), tones.lit, 0.6
            )
    mouth = pts(place([(0.2, 0.1), (1.45, 0.05)], head_o, heading, H), jaw[len(jaw) // 3 :])
    fill(c, f(mouth), shade(pal.ink, 0.55))
    shaded(c, f(jaw), tones, f.n(H * 0.2), rim=0.05)
    shaded(c, f(skull), tones, f.n(H * 0.3))
    tooth = tint(pal.parchment, 0.75)
    for u in np.linspace(0.35, 1.3, 6):
        a = place(
            [(u - 0.06, 0.07), (u + 0.06, 0.07), (u, 0.07 + 0.18 * (1.3 - u * 0.4))],
            head_o,
            heading,
            H,
        )
        fill(c, f(a), tooth)
        b = place(
            np.array([(u - 0.06, 0.02), (u + 0.06, 0.02), (u - 0.02, -0.14)]) - hinge,
            (0, 0),
            p.jaw,
            1,
        )
        fill(c, f(place(b + hinge, head_o, heading, H)), tooth)
    for u in (0.35, 0.7, 1.0):
        ridge = place([(u - 0.25, -0.38), (u, -0.5), (u + 0.2, -0.36)], head_o, heading, H)
        stroke(c, f(ridge), f.n(H * 0.06), tones.lit, 0.5)
    ex, ey = f.pt(*place([(0.65, -0.22)], head_o, heading, H)[0])
    eye(c, ex, ey, f.n(H * 0.11), pal, slit=True)
    return c


class JellyParams(AssetParams):
    bell: float = Field(1.0, ge=0.7, le=1.3)
    dome: float = Field(0.8, ge=0.4, le=1.2)
    lobes: int = Field(10, ge=6, le=16)
    tentacles: int = Field(12, ge=5, le=22)
    arms: int = Field(4, ge=2, le=6)
    pattern: Literal["rings", "canals", "dots"] = "rings"
    drift: float = Field(0.0, ge=-0.4, le=0.4)


@asset("abyssal_jelly", "creatures", (500, 600), JellyParams, tags=("jellyfish", "sea", "glow"))
def abyssal_jelly(ctx: RenderContext[JellyParams]) -> Canvas:
    """A translucent glowing jellyfish: scalloped bell, inner organs, frilled arms and tentacles."""
    c, p, pal = ctx.canvas(), ctx.params, ctx.palette
    rng = ctx.rng("jelly-tentacles")
    rx, ry = 0.5 * p.bell, 0.5 * p.dome
    a = np.linspace(np.pi, 2 * np.pi, 30)
    top = np.stack([rx * np.cos(a), ry * np.sin(a)], axis=1)
    u = np.linspace(1.0, -1.0, p.lobes * 4 + 1)
    rim = np.stack([u * rx * 1.02, 0.07 * np.abs(np.sin(p.lobes * np.pi * (u + 1) / 2)) + 0.02], 1)
    bell = np.vstack([top, rim[1:-1]])
    tents: list[tuple[np.ndarray, float]] = []
    for k in range(p.tentacles):
        x0 = rx * 0.95 * (2 * (k + 0.5) / p.tentacles - 1)
        ln = rng.uniform(0.7, 1.25) * (1.1 - 0.3 * abs(x0) / rx)
        cl = wave(x0, 0.06, ln, rng.uniform(0.04, 0.12), rng.uniform(0.7, 1.6), rng.uniform(0, 6))
        cl[:, 0] += p.drift * cl[:, 1] ** 2 * 0.5
        tents.append((cl, ln))
    arms = []
    for k in range(p.arms):
        x0 = rx * 0.35 * (2 * (k + 0.5) / p.arms - 1)
        ln = rng.uniform(0.55, 0.85)
        cl = wave(x0, 0.02, ln, rng.uniform(0.05, 0.12), rng.uniform(0.5, 1.0), rng.uniform(0, 6))
        cl[:, 0] += p.drift * cl[:, 1] ** 2 * 0.4
        tt = np.linspace(0, 1, len(cl))
        arms.append((cl, (0.09 - 0.07 * tt) * (1 + 0.25 * np.sin(tt * 30 + k))))
    f = Frame.around(ctx.width, ctx.height, [bell, *[cl for cl, _ in tents]], 0.9)
    flesh = mix(pal.accent, pal.glow, 0.25)
    halo_shape = ellipse_pts(0, -ry * 0.4, rx * 0.98, ry * 0.62, 0, 28)
    aura(c, f(halo_shape), mix(pal.glow, pal.accent, 0.4), f.n(0.12), 3, 0.07)
    tcol = (mix(pal.glow, pal.accent, 0.5), mix(pal.accent, pal.ink, 0.2))
    for k, (cl, _) in enumerate(tents):
        stroke(c, f(cl), f.n(0.018), tcol[k % 2], 0.75, start=0.02, end=0.9)
    arm_t = Tones.of(mix(flesh, pal.ink, 0.25), pal, 0.5, 0.45)
    for cl, wd in arms:
        shaded_tube(
            c, f(smooth(cl, 3, closed=False)), np.repeat(wd, 3)[: len(cl) * 3 - 2] * f.s, arm_t
        )
    body_t = Tones(mix(flesh, pal.ink, 0.45), flesh, mix(flesh, pal.glow, 0.6), tint(pal.glow, 0.3))
    fill(c, f(bell + np.array([0.0, -0.012])), body_t.rim, 0.5)
    fill(c, f(bell), body_t.dark, 0.9)
    fill(c, f(rim[::-1] * np.array([0.97, 0.7])), body_t.lit, 0.3)
    dome = ellipse_pts(0, 0, rx, ry, 0, 40)
    dome[:, 1] = np.where(dome[:, 1] > 0, dome[:, 1] * 0.12, dome[:, 1])
    shaded(c, f(dome), body_t, f.n(min(ry, rx) * 0.5), rim=0)
    inner = ellipse_pts(0, -ry * 0.05, rx * 0.6, ry * 0.45, 0, 24)
    inner[:, 1] = np.minimum(inner[:, 1], 0.0)
    fill(c, f(inner), mix(flesh, pal.ink, 0.3), 0.45)
    organ = tint(pal.glow, 0.2)
    if p.pattern == "rings":
        for k in range(p.arms):
            ang = np.pi * (k + 0.5) / p.arms
            ox, oy = -math.cos(ang) * rx * 0.38, -ry * 0.3 - math.sin(ang) * ry * 0.15
            arc = ellipse_pts(ox, oy, rx * 0.13, ry * 0.13, ang, 12)[1:11]
            stroke(c, f(arc), f.n(0.035), organ, 0.8, start=0.2, end=0.2)
    elif p.pattern == "canals":
        for k in range(p.lobes):
            ang = np.pi + np.pi * (k + 0.5) / p.lobes
            q = (rx * 0.95 * math.cos(ang), ry * 0.95 * math.sin(ang) * 0.2 + 0.03)
            stroke(c, f(pts((0, -ry * 0.85), (q[0] * 0.5, -ry * 0.55), q)), f.n(0.02), organ, 0.6)
    else:
        for x, y, r in scatter(rng, inset_top(top), 0.09, 0.022):
            glow_dot(c, *f.pt(x, y), f.n(r), organ, pal.glow)
    shine = ellipse_pts(-rx * 0.4, -ry * 0.62, rx * 0.18, ry * 0.12, -0.5, 14)
    fill(c, f(shine), tint(pal.glow, 0.6), 0.55)
    for x, y in rim[2:-2:4]:
        glow_dot(c, *f.pt(x, y), f.n(0.012), tint(pal.glow, 0.6), pal.glow)
    return c


def inset_top(top: np.ndarray) -> np.ndarray:
    """The dome outline closed along its base, shrunk a little: where dots may go."""
    return top * 0.85
