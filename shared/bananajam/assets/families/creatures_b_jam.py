"""Creatures B for game jams: the slime blob and the ember drake, readable at sprite sizes.

Both keep big, simple silhouettes and strong faces so they still read at 64 px; variety comes
from mood, toppers, pose and counts rather than from fine detail.
"""

from __future__ import annotations

import math
from typing import Literal

from pydantic import Field

from bananajam.assets.canvas import Canvas
from bananajam.assets.families._creature_kit_b import Sketch, curve, oval, rotate, tones, wing
from bananajam.assets.params import AssetParams
from bananajam.assets.registry import RenderContext, asset
from bananajam.assets.themes import Palette, mix, shade, tint

Pt = tuple[float, float]


class SlimeParams(AssetParams):
    squish: float = Field(1.0, ge=0.7, le=1.35)
    eyes: int = Field(2, ge=1, le=3)
    mood: Literal["happy", "angry", "sleepy", "surprised"] = "happy"
    drips: int = Field(2, ge=0, le=5)
    core: Literal["none", "bubbles", "gem"] = "bubbles"
    topper: Literal["none", "horns", "antenna", "crown"] = "none"


@asset("slime_blob", "creatures", (400, 400), SlimeParams, tags=("new", "jam", "slime", "jelly"))
def slime_blob(ctx: RenderContext[SlimeParams]) -> Canvas:
    """A bouncy jelly slime: shiny dome, a face with moods, drips and things floating inside."""
    p, pal = ctx.params, ctx.palette
    rng = ctx.rng("slime")
    jelly = tones(pal, float(rng.uniform(-30, 30)), warm=0.15)
    w, h = 0.5 * p.squish, 0.42 / p.squish
    wob = rng.uniform(-0.025, 0.025, 8)
    ctrl = [
        (-w, 0.3),
        (-w * 1.04, 0.08),
        (-w * 0.72, -h * 0.62),
        (0.0, -h),
        (w * 0.72, -h * 0.62),
        (w * 1.04, 0.08),
        (w, 0.3),
        (0.0, 0.34),
    ]
    ctrl = [(x + wob[i], y + wob[(i + 3) % 8]) for i, (x, y) in enumerate(ctrl)]
    sk = Sketch()
    sk.flat(oval(0.0, 0.33, w * 1.25, 0.06), shade(jelly.base, 0.4), 0.7)  # puddle
    if p.topper == "horns":
        for s in (-1, 1):
            sk.limb(
                [(s * w * 0.4, -h * 0.8), (s * w * 0.6, -h * 1.15), (s * w * 0.45, -h * 1.35)],
                0.09,
                0.015,
                tones(pal, 0.0, depth=0.6),
            )
    elif p.topper == "antenna":
        sk.stroke([(0.0, -h * 0.9), (0.05, -h * 1.2), (0.1, -h * 1.4)], 0.03, jelly.base)
        sk.flat(oval(0.1, -h * 1.42, 0.07, 0.07), pal.glow, 0.2)
        sk.part(oval(0.1, -h * 1.42, 0.04, 0.04), jelly, 2)
    sk.part(curve(ctrl), jelly, 5, focus=(-w * 0.3, -h * 0.5))
    if p.core == "bubbles":
        for _ in range(int(rng.integers(4, 9))):
            bx, by = float(rng.uniform(-w * 0.6, w * 0.6)), float(rng.uniform(-0.02, 0.25))
            r = float(rng.uniform(0.015, 0.045))
            sk.flat(oval(bx, by, r, r, n=12), jelly.lite, 0.35)
            sk.flat(oval(bx - r * 0.3, by - r * 0.3, r * 0.3, r * 0.3, n=8), pal.highlight, 0.7)
    elif p.core == "gem":
        gx, gy = float(rng.uniform(-0.12, 0.12)), 0.17
        gem = rotate(
            [(gx, gy - 0.09), (gx + 0.06, gy), (gx, gy + 0.07), (gx - 0.06, gy)],
            (gx, gy),
            float(rng.uniform(-0.5, 0.5)),
        )
        sk.flat(oval(gx, gy, 0.12, 0.12), pal.glow, 0.2)
        sk.flat(gem, mix(pal.glow, pal.accent, 0.35), 0.9)
        sk.flat([*gem[:2].tolist(), (gx, gy)], tint(pal.glow, 0.5), 0.8)
    for k in range(p.drips):
        x = -w * 0.8 + (1.6 * w) * (k + 0.5) / max(p.drips, 1) + float(rng.uniform(-0.03, 0.03))
        ln = float(rng.uniform(0.04, 0.1))
        sk.limb([(x, 0.26), (x, 0.3 + ln * 0.5), (x + 0.005, 0.3 + ln)], 0.05, 0.035, jelly, 0.0)
    sk.flat(curve(oval(-w * 0.45, -h * 0.5, w * 0.2, h * 0.12, -0.6)), pal.highlight, 0.6)
    sk.flat(oval(-w * 0.2, -h * 0.75, 0.025, 0.02), tint(pal.glow, 0.8), 0.9)
    _face(sk, p.eyes, p.mood, w, h, pal, float(rng.uniform(-0.06, 0.06)))
    if p.topper == "crown":
        crown = [
            (-0.17, -h * 0.86),
            (-0.2, -h * 1.3),
            (-0.09, -h * 1.1),
            (0.0, -h * 1.4),
            (0.09, -h * 1.1),
            (0.2, -h * 1.3),
            (0.17, -h * 0.86),
        ]
        sk.part(crown, tones(pal, 0.0, warm=0.7), 2)
    c = ctx.canvas()
    sk.render(c, margin=0.06, turn=float(rng.uniform(-0.08, 0.08)))
    return c


def _face(sk: Sketch, eyes: int, mood: str, w: float, h: float, pal: Palette, dx: float) -> None:
    """Eyes and mouth for the slime's mood."""
    ey = -h * 0.2
    size = 0.07 if eyes < 3 else 0.055
    xs = [dx] if eyes == 1 else [dx + (k - (eyes - 1) / 2) * w * 0.55 for k in range(eyes)]
    for x in xs:
        r = size * (1.3 if eyes == 1 else 1.0)
        if mood == "sleepy":
            sk.stroke([(x - r, ey), (x, ey + r * 0.5), (x + r, ey)], r * 0.35, pal.ink)
            continue
        sk.flat(oval(x, ey, r * 0.95, r * 1.15, n=18), tint(pal.glow, 0.75))
        pr = r * (0.4 if mood == "surprised" else 0.6)
        sk.flat(oval(x + 0.01, ey + r * 0.15, pr, pr * 1.15, n=14), pal.ink)
        sk.flat(oval(x - pr * 0.2, ey - r * 0.1, pr * 0.35, pr * 0.35, n=8), tint(pal.glow, 0.9))
        if mood == "angry":
            s = 1 if x >= dx else -1
            sk.stroke(
                [(x - r * 1.1 * s, ey - r * 1.6), (x + r * 0.6 * s, ey - r * 0.9)],
                r * 0.45,
                pal.ink,
            )
    my = ey + 0.13
    if mood == "happy":
        sk.part(
            curve([(dx - 0.08, my), (dx, my + 0.02), (dx + 0.08, my), (dx, my + 0.09)], 5),
            tones(pal, 0.0, depth=1.0),
            1,
            rim=0.0,
        )
    elif mood == "surprised":
        sk.flat(oval(dx, my + 0.03, 0.035, 0.045), pal.ink)
    elif mood == "angry":
        sk.stroke([(dx - 0.07, my + 0.04), (dx, my), (dx + 0.07, my + 0.04)], 0.03, pal.ink)
    else:
        sk.stroke([(dx - 0.03, my + 0.02), (dx + 0.03, my + 0.02)], 0.02, pal.ink)


class DrakeParams(AssetParams):
    pose: Literal["stand", "rear", "fly"] = "stand"
    wings: float = Field(0.5, ge=0.0, le=1.0)
    neck: float = Field(1.0, ge=0.7, le=1.4)
    horns: int = Field(2, ge=1, le=3)
    breath: bool = False
    spines: int = Field(5, ge=0, le=8)


@asset("ember_drake", "creatures", (600, 500), DrakeParams, tags=("new", "jam", "dragon"))
def ember_drake(ctx: RenderContext[DrakeParams]) -> Canvas:
    """A small ember dragon: bat wings, horned head, spade tail, glowing belly and optional fire."""
    p, pal = ctx.params, ctx.palette
    rng = ctx.rng("drake")
    scale = tones(pal, float(rng.uniform(-12, 12)), warm=0.1)
    far = tones(pal, 0.0, depth=0.6)
    skin = tones(pal, float(rng.uniform(-20, 20)), depth=0.4, warm=0.3)
    tilt = {"stand": 0.0, "rear": -0.45, "fly": -0.15}[p.pose] + float(rng.uniform(-0.16, 0.16))
    jn, jt = (float(v) for v in ctx.rng("drake-pose").uniform(-1, 1, 2))
    sk = Sketch()

    def b(pts: list[Pt]) -> list[Pt]:  # body frame: tilted about the hip
        return [(float(x), float(y)) for x, y in rotate(pts, (-0.15, 0.05), tilt)]

    lift = p.wings + float(rng.uniform(-0.25, 0.25))
    sh = b([(0.08, -0.1)])[0]
    wrist = (sh[0] - 0.05, sh[1] - 0.25 - 0.2 * lift)
    tips = [
        (wrist[0] + 0.35 * math.cos(a), wrist[1] + 0.4 * math.sin(a))
        for a in (math.radians(d - 40 * lift) for d in (-40, -5, 30, 60))
    ]
    far_tips = [(x + 0.06, y) for x, y in tips]
    far_skin = tones(pal, 0.0, depth=0.8)
    hip = (sh[0] - 0.2, sh[1] + 0.05)
    wing(sk, (sh[0] + 0.06, sh[1]), (wrist[0] + 0.06, wrist[1]), far_tips, far, far_skin, 0.25, hip)
    ground = 0.3 if p.pose != "fly" else 0.2
    tail = [
        *b([(-0.2, 0.05), (-0.4, 0.12), (-0.55, 0.05)]),
        (-0.72 + 0.06 * jt, -0.08 + 0.1 * tilt - 0.2 * jt),
    ]
    sk.limb(tail, 0.13, 0.03, scale)
    tx, ty = tail[-1]
    sk.part(
        curve([(tx + 0.02, ty), (tx - 0.05, ty - 0.06), (tx - 0.12, ty), (tx - 0.05, ty + 0.05)]),
        scale,
        1,
        rim=0.6,
    )
    legs = [(-0.18, 0.08), (0.12, 0.08)]
    for lx, ly in legs:
        hip = b([(lx + 0.03, ly)])[0]
        foot = (hip[0] + (0.06 if p.pose != "fly" else -0.1), ground)
        sk.limb(
            [hip, ((hip[0] + foot[0]) / 2 - 0.04, (hip[1] + foot[1]) / 2), foot], 0.08, 0.04, far
        )
    sk.part(
        curve(
            b(
                [
                    (-0.32, 0.06),
                    (-0.1, -0.12),
                    (0.16, -0.1),
                    (0.22, 0.06),
                    (0.0, 0.16),
                    (-0.22, 0.15),
                ]
            )
        ),
        scale,
        4,
    )
    sk.part(curve(b([(-0.2, 0.1), (0.0, 0.05), (0.18, 0.06), (0.0, 0.15)])), skin, 2, rim=0.0)
    for k in range(p.spines):
        t = k / max(p.spines - 1, 1)
        x, y = b([(-0.28 + 0.42 * t, -0.08 - 0.03 * math.sin(t * math.pi))])[0]
        sk.flat([(x - 0.025, y + 0.02), (x - 0.01, y - 0.06), (x + 0.025, y + 0.02)], far.rim, 0.9)
    for lx, ly in legs:
        hip = b([(lx, ly)])[0]
        foot = (hip[0] + (0.05 if p.pose != "fly" else -0.12), ground + 0.02)
        sk.limb(
            [hip, ((hip[0] + foot[0]) / 2 + 0.04, (hip[1] + foot[1]) / 2), foot], 0.1, 0.05, scale
        )
    neck_top = b([(0.18 + 0.12 * p.neck + 0.1 * jn, -0.1 - 0.28 * p.neck + 0.06 * jn)])[0]
    sk.limb([b([(0.12, -0.02)])[0], b([(0.25, -0.12)])[0], neck_top], 0.14, 0.08, scale)
    hx, hy = neck_top
    for k in range(p.horns):
        sk.limb(
            [
                (hx - 0.02, hy - 0.03),
                (hx - 0.1 - 0.03 * k, hy - 0.1 + 0.04 * k),
                (hx - 0.16 - 0.04 * k, hy - 0.08 + 0.06 * k),
            ],
            0.04,
            0.008,
            far,
            rim=0.6,
        )
    sk.part(
        curve(
            [
                (hx - 0.06, hy),
                (hx, hy - 0.07),
                (hx + 0.12, hy - 0.03),
                (hx + 0.18, hy + 0.02),
                (hx + 0.1, hy + 0.06),
                (hx - 0.03, hy + 0.05),
            ]
        ),
        scale,
        3,
    )
    sk.eye(hx + 0.03, hy - 0.02, 0.025, pal, 0.6)
    sk.flat(oval(hx + 0.15, hy + 0.0, 0.012, 0.008), shade(scale.dark, 0.3))
    if p.breath:
        fire = [
            (hx + 0.17, hy + 0.03),
            (hx + 0.35, hy - 0.06),
            (hx + 0.55, hy + 0.02),
            (hx + 0.4, hy + 0.1),
            (hx + 0.3, hy + 0.08),
        ]
        sk.flat(curve(fire), pal.accent, 0.75)
        sk.flat(
            curve([(x * 0.7 + (hx + 0.2) * 0.3, y * 0.7 + (hy + 0.03) * 0.3) for x, y in fire]),
            pal.glow,
            0.9,
        )
    wing(sk, sh, wrist, tips, scale, skin, 0.25, (sh[0] - 0.22, sh[1] + 0.08))
    c = ctx.canvas()
    sk.render(c, flip=bool(rng.random() < 0.4), turn=float(rng.uniform(-0.2, 0.2)))
    return c
