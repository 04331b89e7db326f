"""Creatures B, fliers: the bat familiar and the void raven.

The bat is front-facing and mirrored wing for wing; the raven is a side view built from fanned
tapered feathers.
"""

from __future__ import annotations

import math
from typing import Literal

import numpy as np
from pydantic import Field

from bananajam.assets.canvas import Canvas
from bananajam.assets.families._creature_kit_b import (
    Sketch,
    Tone,
    curve,
    oval,
    rotate,
    tones,
    wing,
)
from bananajam.assets.params import AssetParams
from bananajam.assets.registry import RenderContext, asset
from bananajam.assets.themes import mix, tint

Pt = tuple[float, float]


def mirror(pts: list[Pt]) -> list[Pt]:
    return [(-x, y) for x, y in pts]


class BatParams(AssetParams):
    wings: float = Field(0.2, ge=-0.5, le=0.7)
    fingers: int = Field(4, ge=3, le=5)
    ears: float = Field(1.0, ge=0.7, le=1.5)
    chubby: float = Field(1.0, ge=0.8, le=1.3)
    tattered: bool = False
    face: Literal["fangs", "grin", "calm"] = "fangs"


@asset("bat_familiar", "creatures", (500, 400), BatParams, tags=("new", "jam", "bat", "flying"))
def bat_familiar(ctx: RenderContext[BatParams]) -> Canvas:
    """A witch's bat familiar: spread wings, tall ears, glowing eyes and a little fanged face."""
    p, pal = ctx.params, ctx.palette
    rng = ctx.rng("bat")
    fur = tones(pal, float(rng.uniform(-20, 20)), warm=0.05)
    skin = tones(pal, float(rng.uniform(-20, 20)), depth=0.45)
    ch = p.chubby
    sk = Sketch()
    for side in (-1, 1):
        lift = p.wings + float(rng.uniform(-0.22, 0.22))
        wrist = (0.55, -0.18 - 0.35 * lift)
        tips = []
        for k in range(p.fingers):
            a = math.radians(-40 + 95 * k / (p.fingers - 1) - 35 * lift)
            ln = 0.55 - 0.08 * k + float(rng.uniform(-0.04, 0.04))
            tips.append((wrist[0] + ln * math.cos(a) * 0.9, wrist[1] + ln * math.sin(a)))
        pts = [(0.12, -0.06), wrist, *tips, (0.1, 0.22)]
        if side < 0:
            pts = mirror(pts)
        wing(sk, pts[0], pts[1], pts[2:-1], fur, skin, 0.3 if p.tattered else 0.2, pts[-1])
        if p.tattered:
            for tx, ty in pts[3:-1:2]:
                wx, wy = pts[1]
                sk.flat(oval(tx + (wx - tx) * 0.2, ty + (wy - ty) * 0.2, 0.03, 0.02), pal.ink, 0.9)
    sk.limb([(-0.04, 0.2), (-0.06, 0.3), (-0.04, 0.36)], 0.04, 0.02, fur)  # dangling feet
    sk.limb([(0.04, 0.2), (0.06, 0.3), (0.04, 0.36)], 0.04, 0.02, fur)
    sk.part(curve(oval(0.0, 0.06, 0.16 * ch, 0.2 * ch)), fur, 4)
    sk.flat(curve(oval(0.0, 0.1, 0.09 * ch, 0.12 * ch)), fur.lite, 0.35)
    for k in range(5):  # fluff collar
        x = -0.12 + 0.06 * k
        sk.stroke([(x, -0.08), (x * 1.1, -0.02), (x * 0.9, 0.04)], 0.04, fur.base, 0.9)
    for side in (-1, 1):
        e = p.ears
        ear = [
            (0.03, -0.22),
            (0.1, -0.25 - 0.12 * e),
            (0.12 + 0.04 * e, -0.26 - 0.2 * e),
            (0.16, -0.2 - 0.08 * e),
            (0.14, -0.12),
        ]
        ear = mirror(ear) if side < 0 else ear
        sk.part(curve(ear), fur, 2)
        inner = [(x * 0.85 + 0.01 * side, y * 0.9 - 0.01) for x, y in ear[1:4]]
        sk.flat(curve([(0.07 * side, -0.17), *inner]), mix(fur.dark, pal.accent, 0.4), 0.8)
    sk.part(curve(oval(0.0, -0.15, 0.15, 0.12)), fur, 3)
    sk.part(oval(0.0, -0.11, 0.05, 0.03), fur, 1, rim=0.4)
    sk.flat(oval(-0.015, -0.115, 0.008, 0.006), fur.dark)
    sk.flat(oval(0.015, -0.115, 0.008, 0.006), fur.dark)
    er = 0.035 + 0.005 * p.ears
    for side in (-1, 1):
        sk.eye(0.065 * side, -0.17, er, pal, -0.3 * side)
    mouth = {"fangs": 0.0, "grin": 0.02, "calm": -0.01}[p.face]
    sk.stroke([(-0.04, -0.075), (0.0, -0.07 + mouth), (0.04, -0.075)], 0.012, pal.ink)
    if p.face != "calm":
        for side in (-1, 1):
            x = 0.022 * side
            sk.flat([(x - 0.01, -0.074), (x + 0.01, -0.074), (x, -0.045)], tint(pal.glow, 0.7))
    c = ctx.canvas()
    sk.render(c, turn=float(rng.uniform(-0.2, 0.2)))
    return c


class RavenParams(AssetParams):
    pose: Literal["soar", "downstroke", "perch"] = "soar"
    feathers: int = Field(7, ge=5, le=9)
    tail: float = Field(1.0, ge=0.7, le=1.4)
    eyes: int = Field(1, ge=1, le=3)
    crest: bool = False
    wisps: int = Field(3, ge=0, le=5)


@asset("void_raven", "creatures", (600, 400), RavenParams)
def void_raven(ctx: RenderContext[RavenParams]) -> Canvas:
    """A void raven in ink feathers: fanned wings, heavy beak, glowing eyes and trailing wisps."""
    p, pal = ctx.params, ctx.palette
    rng = ctx.rng("raven")
    plume = tones(pal, float(rng.uniform(-15, 15)), depth=0.55)
    far = tones(pal, 0.0, depth=0.85)
    sk = Sketch()
    perch = p.pose == "perch"
    j = [float(v) for v in rng.uniform(-1, 1, 6)]  # per-index pose jitter
    lift = {"soar": 1.0, "downstroke": -0.6, "perch": 0.0}[p.pose] + 0.4 * j[0]
    for k in range(0 if perch else p.wisps):  # void wisps trailing from the tail
        y = -0.04 + 0.05 * (k - p.wisps / 2)
        sk.stroke(
            [(-0.3, y * 0.5), (-0.55 * p.tail, y), (-0.85 * p.tail, y * 2 + 0.06 * k)],
            0.03,
            mix(pal.glow, pal.accent, 0.4),
            0.45,
        )
    if not perch:
        _raven_wing(sk, (0.02, -0.06), lift * 0.8 + 0.25, p.feathers, far, 0.85)
    for k in range(5):  # tail fan
        a = math.radians((128 if perch else 176) + 18 * j[3] + (k - 2) * (7 + 5 * j[4]))
        ln = 0.32 * p.tail
        sk.limb(
            [(-0.2, 0.02), (-0.2 + ln * math.cos(a), 0.02 + ln * math.sin(a))],
            0.07,
            0.045,
            plume if k % 2 else far,
            rim=0.5,
        )
    if perch:
        sk.stroke([(-0.5, 0.32), (0.0, 0.3), (0.5, 0.34)], 0.05, mix(pal.ink, pal.accent, 0.3))
        for dx in (0.02, 0.08):
            sk.limb([(dx, 0.08), (dx + 0.01, 0.2), (dx + 0.03, 0.3)], 0.03, 0.015, far)
    body_rot = math.radians((35 if perch else 0) + 14 * j[1])
    sk.part(curve(rotate(oval(0.0, 0.0, 0.3, 0.13), (0.0, 0.0), -body_rot)), plume, 4)
    hx, hy = (0.18, -0.26) if perch else (0.32, -0.06)
    hx, hy = hx + 0.03 * j[2], hy - 0.07 * j[2] - 0.4 * math.sin(math.radians(14 * j[1]))
    if p.crest:
        for k in range(3):
            sk.limb(
                [(hx - 0.02, hy - 0.05), (hx - 0.12 - 0.03 * k, hy - 0.12 + 0.04 * k)],
                0.03,
                0.008,
                plume,
                rim=0.5,
            )
    sk.part(curve(oval(hx, hy, 0.11, 0.095, 0.2)), plume, 3)
    beak = [
        (hx + 0.06, hy - 0.05),
        (hx + 0.2, hy + 0.0),
        (hx + 0.25, hy + 0.03),
        (hx + 0.15, hy + 0.04),
        (hx + 0.06, hy + 0.05),
    ]
    sk.part(curve(beak, 5), tones(pal, 0.0, depth=0.9), 2, rim=0.5)
    for k in range(p.eyes):
        sk.eye(hx + 0.03 - 0.045 * k, hy - 0.02 + 0.02 * (k % 2), 0.028 - 0.004 * k, pal, 0.6)
    if perch:
        fold = [
            (0.1, -0.16),
            (-0.12, -0.1),
            (-0.34, 0.12),
            (-0.44, 0.26),
            (-0.26, 0.12),
            (0.04, 0.03),
        ]
        sk.part(curve(fold), plume, 3)
        for k in range(p.feathers // 2):
            y = -0.08 + 0.035 * k
            sk.stroke([(0.0 - 0.02 * k, y), (-0.2, y + 0.08), (-0.38, 0.2)], 0.022, plume.dark, 0.8)
    else:
        _raven_wing(sk, (0.0, -0.04), lift, p.feathers, plume, 1.0)
    c = ctx.canvas()
    sk.render(c, flip=bool(rng.random() < 0.4), turn=0.22 * j[5])
    return c


def _raven_wing(sk: Sketch, root: Pt, lift: float, n: int, tone: Tone, size: float) -> None:
    """A spread wing: inner wing, trailing secondaries and fingered primaries at the tip.

    `lift` > 0 raises the wing above the back, < 0 sweeps it down; `size` shrinks the far wing.
    """
    ang = math.radians(-118 if lift >= 0 else 112) - 0.35 * (lift - (1 if lift >= 0 else -0.6))
    u = np.asarray([math.cos(ang), math.sin(ang)])
    back = np.asarray([-1.0, 0.0]) - u * (-u[0])
    back /= np.linalg.norm(back)
    r = np.asarray(root)
    ln = 0.4 * size
    wrist = r + u * ln
    for k in range(n):  # primaries: long fingered feathers fanning back from the wrist
        t = k / (n - 1)
        d = rotate(u[None, :], (0.0, 0.0), math.radians(-75 * t * (1 if lift >= 0 else -1)))[0]
        base = wrist + back * 0.05 * t * size
        tip = base + d * (0.42 - 0.16 * t) * size
        sk.limb(
            np.stack([base, base + d * 0.12 * size + back * 0.01, tip]),
            0.075 * size,
            0.02 * size,
            tone,
            rim=0.5,
        )
    inner = [
        r + back * 0.2 * size - u * 0.02,
        r - back * 0.05 + u * 0.02,
        r + u * ln * 0.6,
        wrist + u * 0.04 * size,
        wrist + back * 0.16 * size,
        r + u * ln * 0.45 + back * 0.32 * size,
        r + u * ln * 0.1 + back * 0.34 * size,
    ]
    sk.part(curve(inner), tone, 3, rim=0.8)
    for k in range(4):  # secondary feather lines
        t = 0.2 + 0.2 * k
        a0 = r + u * ln * t * 0.9
        sk.stroke([a0 + back * 0.06 * size, a0 + back * 0.3 * size], 0.025 * size, tone.dark, 0.8)
