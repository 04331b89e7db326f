"""The giraffe of creatures part A: long neck, ossicones and a patched, shaded hide."""

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
    leg,
    place,
    polar,
    profile,
    scatter,
    shaded,
    smooth,
    smooth_many,
    stroke,
    tube,
)
from bananajam.assets.families._creature_kit_a_fast import clipped_fill, halo
from bananajam.assets.params import AssetParams
from bananajam.assets.registry import RenderContext, asset
from bananajam.assets.themes import mix, shade

HEAD = [
    (-0.15, 0.0),
    (-0.05, -0.4),
    (0.3, -0.36),
    (0.72, -0.22),
    (1.0, -0.06),
    (0.97, 0.2),
    (0.62, 0.28),
    (0.2, 0.4),
    (-0.1, 0.28),
]  # giraffe head, muzzle along +x


class GiraffeParams(AssetParams):
    neck_lean: float = Field(0.35, ge=0.05, le=0.85)
    neck_length: float = Field(0.38, ge=0.3, le=0.46)
    head_drop: float = Field(0.4, ge=0.05, le=1.0)
    stride: float = Field(0.4, ge=0.0, le=1.0)
    pattern: Literal["reticulated", "blotched", "spotted"] = "reticulated"
    patch_size: float = Field(1.0, ge=0.7, le=1.4)
    facing_left: bool = False


def _patches(rng: np.random.Generator, part: Arr, size: float, style: str) -> Arr:
    """Giraffe patch outlines scattered over one body part (design units), as a B×K×2 stack.

    The same draws and shapes as one `blob` per spot, made for all spots at once."""
    step = 0.052 * size
    rad, jit, n, keep = {
        "reticulated": (0.47, 0.22, 6, 1.0),
        "blotched": (0.58, 0.4, 7, 0.8),
        "spotted": (0.3, 0.12, 9, 0.7),
    }[style]
    spots = np.asarray(scatter(rng, part, step, step * rad * 0.25, keep)).reshape(-1, 3)
    u = rng.random((len(spots), n + 1))  # per spot: the start angle, then n radius jitters
    a = np.linspace(0.0, 2 * np.pi, n, endpoint=False) + (0.0 + np.pi * u[:, :1])
    rr = (spots[:, 2:] * 4) * (1 + (-jit + (jit - -jit) * u[:, 1:]))
    ring = np.stack([spots[:, :1] + rr * np.cos(a), spots[:, 1:2] + rr * np.sin(a)], axis=-1)
    return smooth_many(ring, 4)


@asset("giraffe", "creatures", (600, 800), GiraffeParams, tags=("giraffe", "savanna", "ink"))
def giraffe(ctx: RenderContext[GiraffeParams]) -> Canvas:
    """A tall ink-painted giraffe: long neck, ossicones, patched hide and a glowing eye."""
    c, p, pal = ctx.canvas(), ctx.params, ctx.palette
    rng = ctx.rng("giraffe-patches")
    body = smooth(
        [
            (0.5, 0.53),
            (0.45, 0.455),
            (0.33, 0.47),
            (0.2, 0.5),
            (0.12, 0.52),
            (0.11, 0.59),
            (0.17, 0.64),
            (0.3, 0.645),
            (0.44, 0.63),
            (0.51, 0.585),
        ]
    )
    base = np.array([0.455, 0.51])
    top = polar(base, -math.pi / 2 + p.neck_lean, p.neck_length)
    mid = (base + top) / 2 + np.array([0.03, 0.0]) * (1 - p.neck_lean)
    neck_c = smooth([base, mid, top], 8, closed=False)
    neck = tube(neck_c, profile(len(neck_c), 0.12, 0.05, 0.6))
    head_a = p.head_drop + p.neck_lean * 0.3
    head = smooth(place(HEAD, top, head_a, 0.17))
    s = p.stride
    legs = [
        (leg(np.array([0.44, 0.58]), -0.22 * s, 0.42, False), True),
        (leg(np.array([0.19, 0.57]), 0.2 * s, 0.43, True), True),
        (leg(np.array([0.41, 0.58]), 0.32 * s, 0.42, False), False),
        (leg(np.array([0.16, 0.57]), -0.28 * s, 0.43, True), False),
    ]
    leg_cl = [(smooth(cl, 6, False), far) for cl, far in legs]
    leg_shapes = [(tube(cl, profile(len(cl), 0.075, 0.03, 0.5)), cl, far) for cl, far in leg_cl]
    ground = max(float(cl[-1, 1]) for cl, _ in leg_cl)
    shadow = ellipse_pts(0.3, ground + 0.01, 0.24, 0.016)
    horn_at = [place([(0.05 + k * 0.08, -0.32)], top, head_a, 0.17)[0] for k in (1, 0)]
    horns = [place([(0, 0), (-0.25, -0.5), (-0.3, -1.0)], h, head_a, 0.1) for h in horn_at]
    parts = [body, neck, head, shadow, *horns, *[sh for sh, _, _ in leg_shapes]]
    f = Frame.around(ctx.width, ctx.height, parts, 0.94, p.facing_left)
    hide = mix(pal.accent, pal.glow, 0.3)
    tones = Tones.of(hide, pal, 0.45, 0.45)
    far_tones = Tones.of(mix(hide, pal.ink, 0.4), pal, 0.15, 0.5)
    spot = mix(hide, pal.ink, 0.72)
    halo(c, f(body), pal.glow, f.n(0.05), 0.3, first=True)
    fill(c, f(shadow), shade(pal.ink, 0.3), 0.5)
    stroke(
        c,
        f([(0.11, 0.53), (0.07, 0.61 + 0.05 * s), (0.065, 0.72)]),
        f.n(0.016),
        spot,
        start=0.05,
        end=0.1,
    )
    fill(c, f(ellipse_pts(0.065, 0.73, 0.014, 0.032)), shade(pal.ink, 0.2))
    for sh, cl, far in leg_shapes:
        shaded(c, f(sh), far_tones if far else tones, f.n(0.02), rim=0.0 if far else 0.1)
        c.circle(*f.pt(*cl[-1]), f.n(0.018), fill=shade(pal.ink, 0.3 if far else 0.15))
    ear = place(
        [(0, 0), (-0.5, -0.25), (-1.0, -0.1), (-0.5, 0.1)],
        place([(0.0, -0.2)], top, head_a, 0.17)[0],
        head_a - 0.3,
        0.1,
    )
    fill(c, f(smooth(ear, 4)), tones.dark)
    mane = neck_c[2 : int(len(neck_c) * 0.92)]
    w = profile(len(mane), 0.12, 0.05, 0.6)
    zig = 0.012 * (np.arange(len(mane)) % 2)
    outer = tube(mane, w + 0.035 + zig)[len(mane) :]
    inner = tube(mane, w - 0.01)[len(mane) :]
    fill(c, f(np.vstack([inner, outer[::-1]])), mix(pal.accent, pal.ink, 0.55))
    shaded(c, f(neck), tones, f.n(0.04))
    neck_spots = _patches(rng, neck, p.patch_size * 0.8, p.pattern)
    body_spots = _patches(rng, body, p.patch_size, p.pattern)
    shaded(c, f(body), tones, f.n(0.06))
    # both patch layers in one pass: neck patches stop where the body overlaps the neck
    necks, bodies = f(neck_spots).reshape(neck_spots.shape), f(body_spots).reshape(body_spots.shape)
    clipped_fill(c, [(f(neck), f(body), necks), (f(body), None, bodies)], spot)
    for k, hp in enumerate(horns):
        stroke(c, f(hp), f.n(0.022), tones.base if k else tones.dark, start=0.0, end=0.0)
        c.circle(*f.pt(*hp[-1]), f.n(0.017), fill=shade(pal.ink, 0.25))
    shaded(c, f(head), tones, f.n(0.04))
    fill(c, f(place(ellipse_pts(0.8, 0.04, 0.2, 0.2), top, head_a, 0.17)), tones.dark, 0.55)
    ex, ey = f.pt(*place([(0.3, -0.12)], top, head_a, 0.17)[0])
    eye(c, ex, ey, f.n(0.014), pal)
    nx, ny = f.pt(*place([(0.88, -0.02)], top, head_a, 0.17)[0])
    c.circle(nx, ny, f.n(0.008), fill=shade(pal.ink, 0.4))
    return c
