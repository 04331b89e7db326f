"""Shore creatures of part A: a curling ink octopus and a spiny ink crab with raised claws."""

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
    profile,
    pts,
    scatter,
    shaded,
    smooth,
    stroke,
    tube,
)
from bananajam.assets.families.creatures_a2_kit import aura, leaf, shaded_tube
from bananajam.assets.params import AssetParams
from bananajam.assets.registry import RenderContext, asset
from bananajam.assets.themes import hue_shift, mix, shade, tint


class OctopusParams(AssetParams):
    pose: Literal["float", "sprawl", "curl"] = "float"
    mantle: float = Field(1.0, ge=0.75, le=1.35)
    reach: float = Field(1.0, ge=0.75, le=1.3)
    curl: float = Field(1.4, ge=0.4, le=2.8)
    markings: Literal["spots", "rings", "plain"] = "spots"
    tilt: float = Field(0.0, ge=-0.35, le=0.35)


POSE_SPREAD = {"float": (0.55, 0.8), "sprawl": (1.35, 0.9), "curl": (0.9, 1.6)}


def _arm(base: Arr, a0: float, length: float, curl: float, n: int = 22) -> Arr:
    """A curling arm centreline: the heading turns faster towards the tip."""
    t = np.linspace(0.0, 1.0, n)
    ang = a0 + curl * t**2.2
    step = length / (n - 1)
    d = np.stack([np.cos(ang), np.sin(ang)], axis=1) * step
    out: Arr = base + np.vstack([[0.0, 0.0], np.cumsum(d[:-1], axis=0)])
    return out


@asset("ink_octopus", "creatures", (600, 500), OctopusParams, tags=("octopus", "sea", "ink"))
def ink_octopus(ctx: RenderContext[OctopusParams]) -> Canvas:
    """An octopus with a shaded mantle, eight curling suckered arms and two glowing eyes."""
    c, p, pal = ctx.canvas(), ctx.params, ctx.palette
    rng = ctx.rng("octopus-arms")
    spread, curl_k = POSE_SPREAD[p.pose]
    mh = 0.42 * p.mantle
    mantle = smooth(
        [
            (-0.26, 0.02),
            (-0.3, -mh * 0.5),
            (-0.16 + p.tilt * 0.2, -mh * 0.95),
            (0.04 + p.tilt * 0.3, -mh * 1.05),
            (0.24 + p.tilt * 0.2, -mh * 0.75),
            (0.28, -mh * 0.25),
            (0.22, 0.06),
            (0.0, 0.1),
        ]
    )
    arms: list[tuple[Arr, Arr, bool]] = []
    for k in range(8):
        u = (k + 0.5) / 8 * 2 - 1  # -1 (left) .. 1 (right)
        side = 1.0 if u > 0 else -1.0
        a0 = math.pi / 2 - u * spread + rng.uniform(-0.15, 0.15)
        curl = side * -p.curl * curl_k * rng.uniform(0.6, 1.2) * (1 if k % 3 else -0.6)
        base = np.array([u * 0.2, 0.04])
        cl = _arm(base, a0, 0.75 * p.reach * rng.uniform(0.85, 1.1), curl)
        arms.append((cl, profile(len(cl), 0.13, 0.012, 0.8), k % 2 == 0))
    f = Frame.around(ctx.width, ctx.height, [mantle, *[tube(a, w) for a, w, _ in arms]], 0.92)
    skin = mix(pal.accent, hue_shift(pal.glow, 15), 0.3)
    tones = Tones.of(skin, pal, 0.4, 0.5)
    back = Tones.of(mix(skin, pal.ink, 0.5), pal, 0.2, 0.5)
    sucker = tint(mix(skin, pal.glow, 0.5), 0.2)
    aura(c, f(mantle), mix(pal.glow, pal.accent, 0.5), f.n(0.06), 3, 0.06)
    for cl, w, is_back in sorted(arms, key=lambda a: not a[2]):
        cc = f(cl)
        shaded_tube(c, cc, w * f.s, back if is_back else tones, rim=0.0 if is_back else 0.12)
        if not is_back:
            tang = np.gradient(cc, axis=0)
            nrm = np.stack([-tang[:, 1], tang[:, 0]], 1) / np.hypot(*tang.T)[:, None]
            for i in range(2, len(cc) - 3, 2):
                q = cc[i] + nrm[i] * w[i] * f.s * 0.22
                c.circle(q[0], q[1], w[i] * f.s * 0.18, fill=sucker, opacity=0.85)
    shaded(c, f(mantle), tones, f.n(mh * 0.45))
    if p.markings == "spots":
        for x, y, r in scatter(rng, mantle, 0.07, 0.018, 0.8):
            c.circle(*f.pt(x, y), f.n(r), fill=tones.dark, opacity=0.6)
    elif p.markings == "rings":
        for x, y, r in scatter(rng, mantle, 0.1, 0.03, 0.7):
            c.circle(*f.pt(x, y), f.n(r), outline=tint(pal.glow, 0.3), width=f.n(0.008))
    shine = ellipse_pts(-0.1 + p.tilt * 0.2, -mh * 0.72, 0.07, 0.04, -0.4, 12)
    fill(c, f(shine), tint(pal.glow, 0.5), 0.45)
    for sx in (-1.0, 1.0):
        ex, ey = f.pt(sx * 0.15, -0.05)
        c.ellipse(ex, ey, f.n(0.07), f.n(0.05), fill=tones.dark)
        eye(c, ex, ey, f.n(0.038), pal, slit=True)
    return c


class CrabParams(AssetParams):
    shell: float = Field(1.0, ge=0.8, le=1.3)
    claw: float = Field(1.0, ge=0.7, le=1.5)
    big_claw: Literal["left", "right", "even"] = "even"
    lift: float = Field(0.6, ge=0.1, le=1.0)
    spines: int = Field(5, ge=2, le=9)
    stalks: float = Field(1.0, ge=0.5, le=1.6)
    splay: float = Field(1.0, ge=0.7, le=1.3)


def _pincer(palm: Arr, heading: float, size: float, gape: float) -> tuple[Arr, Arr, Arr]:
    """Palm, fixed finger and moving finger of a claw pointing along `heading`."""
    d = np.array([math.cos(heading), math.sin(heading)])
    n = np.array([-d[1], d[0]])
    body = ellipse_pts(palm[0], palm[1], 0.16 * size, 0.105 * size, heading, 20)
    root = palm + d * 0.1 * size
    fixed = leaf(
        pts(
            root + n * 0.04 * size, root + d * 0.14 * size + n * 0.05 * size, root + d * 0.24 * size
        ),
        0.075 * size,
    )
    md = np.array([math.cos(heading - gape), math.sin(heading - gape)])
    mn = np.array([-md[1], md[0]])
    moving = leaf(
        pts(
            root - n * 0.045 * size,
            root + md * 0.13 * size - mn * 0.04 * size,
            root + md * 0.22 * size,
        ),
        0.065 * size,
    )
    return body, fixed, moving


@asset("ink_crab", "creatures", (500, 400), CrabParams, tags=("crab", "shore", "ink"))
def ink_crab(ctx: RenderContext[CrabParams]) -> Canvas:
    """A crab seen from the front: spiny carapace, jointed legs, raised pincers and stalked eyes."""
    c, p, pal = ctx.canvas(), ctx.params, ctx.palette
    rng = ctx.rng("crab-shell")
    rx, ry = 0.42 * p.shell, 0.25 * p.shell
    a = np.linspace(np.pi, 2 * np.pi, p.spines * 2 + 1)
    front = np.stack([rx * np.cos(a), ry * 1.05 * np.sin(a)], axis=1)
    front[1::2] *= 1.08
    back_a = np.linspace(0.15, np.pi - 0.15, 10)
    shell = smooth(pts(front, np.stack([rx * np.cos(back_a), ry * 0.7 * np.sin(back_a)], 1)), 3)
    legs = []
    for s in (-1.0, 1.0):
        for j in range(4):
            root = np.array([s * rx * 0.8, -0.04 + j * 0.06])
            knee = root + np.array([s * (0.2 + 0.03 * j) * p.splay, -0.16 + j * 0.05])
            foot = knee + np.array(
                [s * (0.1 + 0.04 * j) * p.splay, 0.26 + rng.uniform(-0.03, 0.03)]
            )
            legs.append(smooth(pts(root, knee, foot), 4, closed=False))
    sizes = {"left": (1.25, 0.8), "right": (0.8, 1.25), "even": (1.0, 1.0)}[p.big_claw]
    claws = []
    for s, sz in zip((-1.0, 1.0), sizes, strict=True):
        cs = p.claw * sz
        sh = np.array([s * rx * 0.55, -ry * 0.75])
        elbow = sh + np.array([s * 0.22, -0.05 - 0.1 * p.lift])
        palm = elbow + np.array([-s * 0.02, -0.1 - 0.14 * p.lift - 0.06 * cs])
        heading = -math.pi / 2 - s * (0.25 + 0.5 * (1 - p.lift))
        arm = smooth(pts(sh, elbow, palm), 4, closed=False)
        claws.append((arm, *_pincer(palm, heading, cs, 0.35 + 0.3 * rng.random())))
    stalk_top = [np.array([s * 0.09, -ry - 0.12 * p.stalks]) for s in (-1.0, 1.0)]
    parts = [shell, *[tube(leg, 0.06) for leg in legs], *[x for cl in claws for x in cl[1:]]]
    f = Frame.around(ctx.width, ctx.height, [*parts, pts(*stalk_top) - (0, 0.05)], 0.92)
    shell_col = mix(pal.accent, hue_shift(pal.accent, -20), 0.5)
    tones = Tones.of(shell_col, pal, 0.4, 0.5)
    leg_t = Tones.of(mix(shell_col, pal.ink, 0.35), pal, 0.3, 0.5)
    aura(c, f(shell), mix(pal.glow, pal.accent, 0.4), f.n(0.05), 3, 0.06)
    for leg in legs:
        w = profile(len(leg), 0.085, 0.04, 1.0, tip=0.25)
        shaded_tube(c, f(leg), w * f.s, leg_t, rim=0.08)
    for arm, body, fixed, moving in claws:
        shaded_tube(c, f(arm), profile(len(arm), 0.07, 0.09) * f.s, leg_t)
        shaded(c, f(moving), leg_t, f.n(0.025), rim=0.1)
        shaded(c, f(body), tones, f.n(0.07))
        shaded(c, f(fixed), tones, f.n(0.025), rim=0.1)
    shaded(c, f(shell), tones, f.n(ry * 0.5))
    for s, top in zip((-1.0, 1.0), stalk_top, strict=True):
        stroke(c, f(pts((s * 0.06, -ry * 0.8), top)), f.n(0.04), leg_t.lit, 1.0, 0.0, 0.0)
    for u in (-0.5, 0.0, 0.5):
        groove = pts(
            (u * rx * 0.6, -ry * 0.55), (u * rx * 0.4, -ry * 0.1), (u * rx * 0.5, ry * 0.3)
        )
        stroke(c, f(groove), f.n(0.02), tones.dark, 0.35)
    for x, y, r in scatter(rng, shell, 0.08, 0.014, 0.6):
        c.circle(*f.pt(x, y), f.n(r), fill=tones.lit, opacity=0.45)
    mouth = ellipse_pts(0, -ry * 0.72, 0.07, 0.03, 0, 12)
    fill(c, f(mouth), shade(pal.ink, 0.4), 0.8)
    for top in stalk_top:
        eye(c, *f.pt(*top), f.n(0.042), pal)
    return c
