"""Creatures B, hoppers: the kangaroo, a big-footed jumper in shaded ink.

Both are built around the hip: the upper body is drawn upright and leaned by the pose, the hind
leg (thigh, shin, long foot) and tail are placed per pose, and `Sketch` fits the result inside
the canvas whatever its aspect.
"""

from __future__ import annotations

import math
from typing import Literal

import numpy as np
from pydantic import Field

from bananajam.assets.canvas import Canvas
from bananajam.assets.families._creature_kit_b import (
    Arr,
    Pts,
    Sketch,
    Tone,
    curve,
    hind_leg,
    oval,
    rotate,
    tones,
    upper,
)
from bananajam.assets.params import AssetParams
from bananajam.assets.registry import RenderContext, asset
from bananajam.assets.themes import Palette, mix, shade

Pt = tuple[float, float]

# pose: lean (deg), knee, heel, toe, tail tip, tail mid, arm direction (deg from down, forward +)
POSES: dict[str, tuple[float, Pt, Pt, Pt, Pt, Pt, float]] = {
    "stand": (8, (0.17, 0.17), (-0.04, 0.34), (0.32, 0.38), (-0.72, 0.36), (-0.4, 0.28), 35),
    "hop": (52, (0.02, 0.24), (-0.26, 0.3), (-0.52, 0.42), (-0.85, -0.1), (-0.45, 0.02), 70),
    "box": (-14, (0.2, 0.14), (0.02, 0.34), (0.36, 0.38), (-0.5, 0.38), (-0.3, 0.3), 120),
    "graze": (68, (0.2, 0.14), (-0.02, 0.32), (0.32, 0.38), (-0.8, 0.3), (-0.45, 0.18), 0),
}


class KangarooParams(AssetParams):
    pose: Literal["stand", "hop", "box", "graze"] = "stand"
    ear_len: float = Field(0.17, ge=0.1, le=0.26)
    tail_len: float = Field(1.0, ge=0.75, le=1.25)
    build: float = Field(1.0, ge=0.82, le=1.22)
    joey: bool = False
    markings: Literal["plain", "stripes", "pale_belly"] = "pale_belly"


@asset("kangaroo", "creatures", (600, 800), KangarooParams)
def kangaroo(ctx: RenderContext[KangarooParams]) -> Canvas:
    """A shaded ink kangaroo: big hind legs, heavy tail, tall ears; standing, hopping or boxing."""
    p, pal = ctx.params, ctx.palette
    rng = ctx.rng("pose")
    lean, knee, heel, toe, tail_tip, tail_mid, arm = POSES[p.pose]
    j = rng.uniform(-1, 1, 8)
    lean += 12 * float(j[0])
    arm += 30 * float(j[1])
    knee = (knee[0] + 0.06 * float(j[2]), knee[1] + 0.03 * float(j[2]))
    toe = (toe[0] + 0.08 * float(j[3]), toe[1])
    tail_tip = (tail_tip[0], tail_tip[1] + 0.16 * float(j[4]))
    tail_mid = (tail_mid[0], tail_mid[1] + 0.08 * float(j[4]) + 0.05 * float(j[5]))
    ear = p.ear_len * (1 + 0.25 * float(j[6]))
    hue = float(rng.uniform(-14, 14))
    body, far = tones(pal, hue), tones(pal, hue, depth=0.6)
    b = p.build
    sk = Sketch()
    # far limbs first
    sk.limb(_arm(lean, arm + 15, 0.2, 0.08), 0.05, 0.03, far)
    hind_leg(
        sk,
        (knee[0] - 0.05, knee[1]),
        (heel[0] - 0.05, heel[1]),
        (toe[0] - 0.06, toe[1] - 0.01),
        b,
        far,
    )
    tail = [
        (-0.12, 0.02),
        (tail_mid[0] * p.tail_len, tail_mid[1]),
        (tail_tip[0] * p.tail_len, tail_tip[1]),
    ]
    sk.limb(tail, 0.16 * b, 0.03, body)
    torso = [
        (-0.22 * b, 0.06),
        (-0.2 * b, -0.22),
        (-0.08 * b, -0.5),
        (0.02, -0.66),
        (0.12, -0.62),
        (0.14 * b, -0.42),
        (0.2 * b, -0.16),
        (0.16 * b, 0.08),
        (0.0, 0.14),
    ]
    sk.part(upper(lean, curve(torso)), body, 4)
    if p.markings == "pale_belly":
        belly = [(0.04, -0.4), (0.14 * b, -0.3), (0.17 * b, -0.06), (0.1 * b, 0.08), (0.02, -0.1)]
        sk.flat(upper(lean, curve(belly)), body.lite, 0.45)
    elif p.markings == "stripes":
        for k in range(4):
            y = -0.45 + 0.12 * k
            sk.stroke(
                upper(lean, [(-0.15 * b, y), (-0.09 * b, y + 0.03), (-0.02, y + 0.1)]),
                0.035,
                shade(body.dark, 0.3),
                0.8,
            )
    if p.joey:
        sk.part(upper(lean, oval(0.16 * b, -0.17, 0.06, 0.055)), body, 2)
        sk.flat(upper(lean, curve([(0.12, -0.21), (0.1, -0.31), (0.15, -0.23)])), body.base)
        jx, jy = upper(lean, [(0.19 * b, -0.185)])[0]
        sk.eye(float(jx), float(jy), 0.014, pal)
    sk.stroke(upper(lean, [(0.02, -0.02), (0.1 * b, 0.0), (0.2 * b, -0.05)]), 0.03, body.dark, 0.9)
    hind_leg(sk, knee, heel, toe, b, body)
    _head(sk, lean, ear, body, far, pal)
    sk.limb(_arm(lean, arm, 0.22, 0.0), 0.06, 0.035, body)
    c = ctx.canvas()
    sk.render(c, flip=bool(rng.random() < 0.4), turn=0.2 * float(j[7]))
    return c


def _arm(lean: float, arm: float, length: float, back: float) -> Arr:
    """Shoulder, elbow and paw of a forearm hanging `arm` degrees forward of straight down."""
    (sx, sy), (ex, ey) = upper(lean, [(0.1 - back, -0.45), (0.17 - back, -0.4)])
    a = math.radians(arm)
    if arm == 0:  # grazing: reach the ground
        tail = [((ex + sx) / 2 + 0.06, (ey + 0.38) / 2), (ex + 0.1, 0.36)]
    else:
        tail = [
            (ex + math.sin(a) * length * 0.5, ey + math.cos(a) * length * 0.5),
            (ex + math.sin(a) * length, ey + math.cos(a) * length),
        ]
    return np.asarray([(sx, sy), (ex, ey), *tail])


def _head(sk: Sketch, lean: float, ear: float, body: Tone, far: Tone, pal: Palette) -> None:
    """Head with a long muzzle, two tall ears, an eye and a nose."""
    tilt = -lean * 0.6 if lean > 30 else 0.0
    neck = upper(lean, [(0.05, -0.7)])[0]

    def h(pts: Pts) -> Arr:
        return rotate(
            np.asarray(pts, float) + neck, (float(neck[0]), float(neck[1])), math.radians(tilt)
        )

    for dx, tone in ((-0.05, far), (0.0, body)):
        leaf = [
            (-0.02 + dx, -0.06),
            (-0.06 + dx, -0.06 - ear * 0.6),
            (-0.05 + dx, -0.08 - ear),
            (0.02 + dx, -0.06 - ear * 0.55),
            (0.05 + dx, -0.05),
        ]
        sk.part(h(curve(leaf)), tone, 2)
        inner = [
            (-0.01 + dx, -0.08),
            (-0.04 + dx, -0.06 - ear * 0.6),
            (-0.04 + dx, -0.07 - ear * 0.85),
            (0.01 + dx, -0.07 - ear * 0.5),
        ]
        sk.flat(h(curve(inner)), mix(body.dark, pal.accent, 0.25), 0.8)
    skull = [
        (-0.08, 0.0),
        (-0.05, -0.08),
        (0.06, -0.1),
        (0.15, -0.06),
        (0.24, 0.0),
        (0.23, 0.05),
        (0.12, 0.06),
        (0.0, 0.07),
    ]
    sk.part(h(curve(skull)), body, 3)
    sk.flat(h(oval(0.225, 0.005, 0.022, 0.017)), body.dark)
    sk.stroke(h([(0.21, 0.04), (0.16, 0.05), (0.12, 0.045)]), 0.012, body.dark, 0.8)
    ex, ey = h([(0.06, -0.04)])[0]
    sk.eye(float(ex), float(ey), 0.025, pal, 0.6)
