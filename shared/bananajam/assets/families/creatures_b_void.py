"""Creatures B, void dwellers: the void hopper (a jerboa of the void) and the void manta.

The hopper reuses the kit's hip-centred hind leg; the manta is seen from above, a symmetric wing
outline shaded towards its spine and strewn with glowing markings.
"""

from __future__ import annotations

import math
from typing import Literal

from pydantic import Field

from bananajam.assets.canvas import Canvas
from bananajam.assets.families._creature_kit_b import (
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
from bananajam.assets.themes import Palette, mix, tint


class VoidHopperParams(AssetParams):
    pose: Literal["sit", "leap", "alert"] = "sit"
    ears: Literal["tall", "droop", "horns"] = "tall"
    eyes: int = Field(2, ge=1, le=3)
    roundness: float = Field(1.0, ge=0.8, le=1.25)
    tail_curl: float = Field(0.5, ge=0.0, le=1.0)
    tuft: Literal["orb", "flame", "crystal"] = "orb"


@asset("void_hopper", "creatures", (400, 500), VoidHopperParams)
def void_hopper(ctx: RenderContext[VoidHopperParams]) -> Canvas:
    """A void jerboa: round body, huge ears, long feet and a whip tail tipped with void light."""
    p, pal = ctx.params, ctx.palette
    rng = ctx.rng("hopper")
    j = [float(v) for v in rng.uniform(-1, 1, 6)]  # per-index pose jitter
    lean = {"sit": 10.0, "leap": 40.0, "alert": -6.0}[p.pose] + 14 * j[0]
    body = tones(pal, float(rng.uniform(-25, 25)), warm=0.1)
    far = tones(pal, 0.0, depth=0.6)
    r = 0.24 * p.roundness
    sk = Sketch()
    # whip tail: a spiral-ish curve behind the body, tipped with a glowing tuft
    curl = p.tail_curl
    sweep = 0.14 * j[1]
    tail = [
        (-0.1, 0.05),
        (-0.35, 0.12),
        (-0.58, 0.0 - 0.1 * curl),
        (-0.66 - sweep, -0.25 * curl - 0.05 + sweep),
        (-0.56 + 0.1 * curl - sweep, -0.38 * curl - 0.1 + 2 * sweep),
    ]
    if p.pose == "leap":
        tail = [(x, y * 0.4 - 0.05) for x, y in tail]
    sk.limb(tail, 0.06, 0.018, far)
    tx, ty = tail[-1]
    _tuft(sk, tx, ty, p.tuft, pal, float(rng.uniform(0, math.pi)))
    knee, heel, toe = {
        "sit": ((0.12, 0.16), (-0.06, 0.3), (0.26, 0.34)),
        "leap": ((-0.02, 0.24), (-0.22, 0.32), (-0.45, 0.42)),
        "alert": ((0.14, 0.14), (-0.02, 0.32), (0.3, 0.34)),
    }[p.pose]
    toe = (toe[0] + 0.07 * j[2], toe[1])
    knee = (knee[0] + 0.04 * j[3], knee[1] - 0.03 * j[3])
    hind_leg(sk, (knee[0] - 0.04, knee[1]), (heel[0] - 0.04, heel[1]), toe, 0.8, far)
    torso = curve(oval(0.0, -0.12, r * 0.85, r, 0.3))
    sk.part(upper(lean, torso), body, 4)
    for k in range(int(rng.integers(2, 6))):  # glowing rune spots along the back
        a = math.radians(200 + 30 * k + float(rng.uniform(-8, 8)))
        sx, sy = r * 0.62 * math.cos(a), -0.12 + r * 0.7 * math.sin(a)
        sk.flat(upper(lean, oval(sx, sy, 0.018, 0.03, a)), pal.glow, 0.75)
    hind_leg(sk, knee, heel, toe, 0.8, body)
    hx, hy = upper(lean, [(0.1, -0.12 - r * 1.05)])[0]
    hx, hy = float(hx), float(hy)
    hr = 0.15 * (0.9 + 0.2 * p.roundness)
    _ears(sk, hx, hy, hr, p.ears, body, far)
    sk.part(curve(oval(hx + 0.02, hy, hr * 1.1, hr * 0.9, 0.15)), body, 3)
    sk.part(oval(hx + hr * 1.0, hy + hr * 0.25, hr * 0.32, hr * 0.25), body, 1, rim=0.5)
    sk.flat(oval(hx + hr * 1.22, hy + hr * 0.2, hr * 0.09, hr * 0.07), body.dark)
    for k in range(p.eyes):
        off = (k - (p.eyes - 1) / 2) * hr * 0.55
        sk.eye(
            hx + hr * 0.45 + off * 0.4,
            hy - hr * 0.15 + off * 0.6,
            hr * (0.32 - 0.05 * p.eyes),
            pal,
            0.5,
        )
    reach = 0.08 * j[4]
    arm = upper(
        lean, [(0.14, -0.16), (0.2 + reach, -0.08 - reach), (0.24 + 2 * reach, -0.02 - reach)]
    )
    sk.limb(arm, 0.04, 0.025, body)
    c = ctx.canvas()
    sk.render(c, flip=bool(rng.random() < 0.4), turn=0.18 * j[5])
    return c


def _ears(sk: Sketch, hx: float, hy: float, hr: float, kind: str, body: Tone, far: Tone) -> None:
    """Two ears (tall leaves, drooping lobes or curled void horns) behind the head."""
    for dx, tone in ((-0.35, far), (0.0, body)):
        bx = hx + dx * hr
        if kind == "tall":
            leaf = [
                (bx - hr * 0.35, hy),
                (bx - hr * 0.7, hy - hr * 1.8),
                (bx - hr * 0.3, hy - hr * 2.6),
                (bx + hr * 0.2, hy - hr * 1.6),
                (bx + hr * 0.3, hy - hr * 0.3),
            ]
            sk.part(curve(leaf), tone, 2)
            sk.flat(
                curve(
                    [
                        (bx - hr * 0.2, hy - hr * 0.4),
                        (bx - hr * 0.45, hy - hr * 1.7),
                        (bx - hr * 0.3, hy - hr * 2.3),
                        (bx + hr * 0.05, hy - hr * 1.5),
                    ]
                ),
                mix(tone.dark, tone.rim, 0.35),
                0.8,
            )
        elif kind == "droop":
            lobe = [
                (bx - hr * 0.3, hy - hr * 0.6),
                (bx - hr * 1.4, hy - hr * 0.5),
                (bx - hr * 1.9, hy + hr * 0.4),
                (bx - hr * 1.3, hy + hr * 0.2),
                (bx - hr * 0.2, hy - hr * 0.1),
            ]
            sk.part(curve(lobe), tone, 2)
        else:
            sk.limb(
                [
                    (bx - hr * 0.2, hy - hr * 0.6),
                    (bx - hr * 0.9, hy - hr * 1.5),
                    (bx - hr * 1.7, hy - hr * 1.3),
                    (bx - hr * 1.5, hy - hr * 0.8),
                ],
                hr * 0.4,
                hr * 0.08,
                tone,
            )


def _tuft(sk: Sketch, x: float, y: float, kind: str, pal: Palette, spin: float) -> None:
    """The glowing tail tip: a haloed orb, a flame wisp or a crystal."""
    for k, a in enumerate((0.06, 0.1, 0.18)):
        sk.flat(oval(x, y, 0.09 - 0.025 * k, 0.09 - 0.025 * k, n=18), pal.glow, a)
    if kind == "orb":
        sk.flat(oval(x, y, 0.035, 0.035, n=16), mix(pal.glow, pal.accent, 0.2))
    elif kind == "flame":
        sk.flat(
            curve([(x - 0.035, y + 0.02), (x, y - 0.1), (x + 0.035, y + 0.02), (x, y + 0.04)]),
            mix(pal.glow, pal.accent, 0.3),
        )
    else:
        sk.flat(
            rotate([(x, y - 0.07), (x + 0.03, y), (x, y + 0.05), (x - 0.03, y)], (x, y), spin),
            mix(pal.glow, pal.accent, 0.25),
        )
    sk.flat(oval(x - 0.008, y - 0.01, 0.014, 0.014, n=10), tint(pal.glow, 0.8))


class MantaParams(AssetParams):
    span: float = Field(1.0, ge=0.8, le=1.3)
    sweep: float = Field(0.0, ge=-0.12, le=0.15)
    horns: float = Field(1.0, ge=0.5, le=1.6)
    tail: float = Field(1.0, ge=0.5, le=1.6)
    markings: Literal["spots", "chevrons", "veins"] = "spots"
    glow_count: int = Field(6, ge=3, le=12)


@asset("void_manta", "creatures", (600, 600), MantaParams)
def void_manta(ctx: RenderContext[MantaParams]) -> Canvas:
    """A void manta ray seen from above: broad shaded wings, horn fins and glowing markings."""
    p, pal = ctx.params, ctx.palette
    rng = ctx.rng("manta")
    skin = tones(pal, float(rng.uniform(-20, 20)), depth=0.3)
    sp, sw = 0.62 * p.span, p.sweep
    half = [
        (0.0, -0.26),
        (0.1, -0.27),
        (0.3, -0.2),
        (sp * 0.85, -0.06 + sw),
        (sp, 0.02 + sw * 1.4),
        (sp * 0.7, 0.06 + sw * 0.4),
        (0.3, 0.12),
        (0.14, 0.24),
        (0.05, 0.3),
    ]
    outline = [*half, *[(-x, y) for x, y in reversed(half[1:-1])]]
    sk = Sketch()
    sk.limb(
        [(0.0, 0.26), (0.03, 0.26 + 0.25 * p.tail), (-0.03, 0.3 + 0.5 * p.tail)],
        0.04,
        0.006,
        skin,
        rim=0.5,
    )
    for side in (-1, 1):
        horn = [
            (0.05 * side, -0.25),
            (0.1 * side, -0.3 - 0.08 * p.horns),
            (0.06 * side, -0.3 - 0.1 * p.horns),
            (0.02 * side, -0.27),
        ]
        sk.part(curve(horn, 4), skin, 1, rim=0.6)
    sk.part(curve(outline, 5), skin, 4, focus=(0.0, -0.08))
    sk.flat(
        curve(
            [(0.0, -0.22), (0.08, -0.1), (0.06, 0.15), (0.0, 0.26), (-0.06, 0.15), (-0.08, -0.1)], 5
        ),
        skin.lite,
        0.3,
    )
    glow = mix(pal.glow, pal.accent, 0.2)
    n = p.glow_count
    for k in range(n):
        t = (k + 0.5) / n
        for side in (-1, 1):
            x = side * (0.12 + (sp * 0.78 - 0.12) * t)
            y = -0.1 + 0.12 * t + sw * t * t
            if p.markings == "spots":
                r = 0.028 * (1.1 - 0.6 * t)
                sk.flat(oval(x, y, r * 1.9, r * 1.9, n=14), glow, 0.18)
                sk.flat(oval(x, y + 0.03 * math.sin(k * 2.1), r, r, n=12), glow, 0.85)
            elif p.markings == "chevrons":
                sk.stroke(
                    [(x - side * 0.04, y - 0.04), (x, y + 0.01), (x - side * 0.04, y + 0.06)],
                    0.022 * (1.2 - 0.6 * t),
                    glow,
                    0.75,
                )
            else:
                sk.stroke(
                    [
                        (side * 0.08, -0.05 + 0.03 * k / n),
                        (x, y - 0.04),
                        (x + side * 0.05, y + 0.02),
                    ],
                    0.014,
                    glow,
                    0.6,
                )
    for side in (-1, 1):
        sk.eye(0.09 * side, -0.21, 0.022, pal, 0.0)
    c = ctx.canvas()
    sk.render(c, turn=float(rng.uniform(-0.5, 0.5)))
    return c
