"""The ink wolf of creatures part A: a brush-painted canine in side view, four poses."""

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
    pts,
    scatter,
    shaded,
    smooth,
    stroke,
    tube,
)
from bananajam.assets.families._creature_kit_a_fast import clipped, halo
from bananajam.assets.params import AssetParams
from bananajam.assets.registry import RenderContext, asset
from bananajam.assets.themes import mix, shade


class WolfParams(AssetParams):
    pose: Literal["stand", "howl", "prowl", "run"] = "stand"
    bulk: float = Field(1.0, ge=0.8, le=1.25)
    tail_lift: float = Field(0.3, ge=-0.4, le=0.9)
    ear_size: float = Field(1.0, ge=0.75, le=1.35)
    fur_strokes: int = Field(16, ge=6, le=30)
    facing_left: bool = False


WOLF_HEAD = [
    (-0.1, 0.0),
    (0.05, -0.32),
    (0.35, -0.3),
    (0.9, -0.12),
    (1.0, -0.02),
    (0.85, 0.12),
    (0.45, 0.25),
    (0.05, 0.3),
]
POSES = {  # head centre, muzzle heading, front swing, hind swing, tail bias
    "stand": ((0.92, 0.24), 0.2, 0.1, -0.1, 0.0),
    "howl": ((0.86, 0.14), -1.1, 0.05, -0.05, -0.3),
    "prowl": ((0.99, 0.43), 0.35, 0.3, -0.2, 0.4),
    "run": ((1.0, 0.33), 0.05, 0.75, -0.7, -0.2),
}


@asset("ink_wolf", "creatures", (600, 500), WolfParams, tags=("wolf", "beast", "ink"))
def ink_wolf(ctx: RenderContext[WolfParams]) -> Canvas:
    """A brush-painted wolf in one of four poses, with a bushy tail, fur strokes and a lit eye."""
    c, p, pal = ctx.canvas(), ctx.params, ctx.palette
    rng = ctx.rng("wolf-fur")
    hc, heading, fs, hs, tb = POSES[p.pose]
    j = [float(v) for v in ctx.rng("wolf-pose").uniform(-1, 1, 5)]  # per-index pose jitter
    hc = (hc[0] + 0.04 * j[0], hc[1] + 0.06 * j[1])
    heading += 0.22 * j[2]
    fs, hs, tb = fs + 0.25 * j[3], hs - 0.25 * j[3], tb + 0.3 * j[4]
    b = p.bulk * 1.35
    body = smooth(
        [
            (0.8, 0.45),
            (0.7, 0.45 - 0.12 * b),
            (0.5, 0.45 - 0.09 * b),
            (0.3, 0.45 - 0.1 * b),
            (0.19, 0.45 - 0.05 * b),
            (0.19, 0.45 + 0.06 * b),
            (0.33, 0.45 + 0.1 * b),
            (0.52, 0.45 + 0.09 * b),
            (0.72, 0.45 + 0.15 * b),
            (0.83, 0.45 + 0.06 * b),
        ]
    )
    head_c = np.array(hc)
    neck_c = smooth(pts((0.7, 0.44), (0.78, 0.38), head_c), 6, closed=False)
    neck = smooth(
        pts(
            (0.62, 0.45 - 0.11 * b),
            place([(0.0, -0.28), (0.1, 0.3)], head_c, heading, 0.24),
            (0.84, 0.45 + 0.1 * b),
            (0.66, 0.5),
        )
    )
    head = smooth(place(WOLF_HEAD, head_c, heading, 0.24))
    ears = [
        smooth(
            place(
                [(0.0, 0.0), (-0.05, -0.5 * p.ear_size), (0.25, -0.02)],
                place([(x, -0.22)], head_c, heading, 0.24)[0],
                heading,
                0.24,
            ),
            3,
        )
        for x in (0.02, 0.2)
    ]
    lift = p.tail_lift + tb
    tail_c = smooth(
        pts(
            (0.2, 0.42),
            polar((0.2, 0.42), math.pi + 0.2 - lift, 0.14),
            polar((0.2, 0.42), math.pi + 0.5 - lift * 0.8, 0.3),
        ),
        6,
        closed=False,
    )
    t = np.linspace(0.0, 1.0, len(tail_c))
    tail = tube(tail_c, 0.03 + 0.13 * np.sin(np.pi * np.minimum(t * 0.9 + 0.1, 1.0)) ** 0.7)
    legs = []
    for x, swing, hind, far in (
        (0.7, -fs * 0.6, False, True),
        (0.3, -hs * 0.6, True, True),
        (0.74, fs, False, False),
        (0.26, hs, True, False),
    ):
        cl = smooth(leg(np.array([x, 0.5]), swing, 0.36, hind), 6, closed=False)
        legs.append((cl, tube(cl, profile(len(cl), 0.12, 0.05, 0.6)), far))
    f = Frame.around(
        ctx.width,
        ctx.height,
        [body, neck, head, tail, *ears, *[sh for _, sh, _ in legs]],
        0.93,
        p.facing_left,
    )
    pelt = mix(pal.ink, pal.accent, 0.6)
    tones = Tones.of(pelt, pal, 0.4, 0.5)
    far_tones = Tones.of(mix(pelt, pal.ink, 0.45), pal, 0.15, 0.5)
    halo(c, f(body), pal.glow, f.n(0.07), 0.35, first=True)
    for cl, sh, far in sorted(legs, key=lambda item: not item[2]):
        shaded(c, f(sh), far_tones if far else tones, f.n(0.03), rim=0.0 if far else 0.12)
        px, py = cl[-1]
        fill(c, f(ellipse_pts(px + 0.025, py - 0.005, 0.045, 0.022)), tones.dark)
    shaded(c, f(tail), tones, f.n(0.04))
    shaded(c, f(body), tones, f.n(0.08))
    shaded(c, f(neck), tones, f.n(0.06), rim=0.1)
    fur_col = (tones.lit, mix(pelt, pal.ink, 0.6))
    strokes: list[Arr] = []
    for x, y, _ in scatter(rng, body, 0.06, 0.01)[: p.fur_strokes]:
        a = math.pi + rng.uniform(-0.3, 0.3)
        strokes.append(pts((x, y), polar((x, y), a, 0.03), polar((x, y), a + 0.2, 0.07)))
    for k, tail_pt in enumerate(tail_c[4:-1:3]):
        strokes.append(pts(tail_pt, polar(tail_pt, math.pi + 0.4 - lift + 0.4 * (k % 2), 0.06)))

    def fur(layer: Canvas) -> None:
        for k, st in enumerate(strokes):
            stroke(layer, f(st), f.n(0.018), fur_col[k % 2], 0.7, start=0.1, end=0.6)

    clipped(c, f(body), fur)
    for k, ear in enumerate(ears):
        shaded(c, f(ear), tones if k else far_tones, f.n(0.02), rim=0.2)
    ruff = [polar(q, heading + math.pi * 0.75 + rng.uniform(-0.3, 0.3), 0.06) for q in neck_c[2:-1]]
    for q, r in zip(neck_c[2:-1], ruff, strict=True):
        stroke(c, f([q, r]), f.n(0.03), tones.base, 0.9, start=0.05, end=0.7)
    shaded(c, f(head), tones, f.n(0.05))
    fill(c, f(smooth(place(WOLF_HEAD[3:7], head_c, heading, 0.24), 3)), tones.lit, 0.35)
    nose = place([(0.98, -0.03)], head_c, heading, 0.24)[0]
    c.circle(*f.pt(*nose), f.n(0.018), fill=shade(pal.ink, 0.5))
    if p.pose in ("howl", "run"):
        mouth = place([(0.55, 0.12), (0.85, 0.1), (0.6, 0.2)], head_c, heading, 0.24)
        fill(c, f(mouth), shade(pal.ink, 0.5))
    ex, ey = f.pt(*place([(0.38, -0.12)], head_c, heading, 0.24)[0])
    eye(c, ex, ey, f.n(0.017), pal, slit=True)
    return c
