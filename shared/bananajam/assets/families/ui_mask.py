"""UI mask: the shadow-puppet mask, a pierced leather face with gilt trim on a rod."""

from __future__ import annotations

import math
from typing import Literal

from pydantic import Field

from bananajam.assets import draw
from bananajam.assets.canvas import Canvas, Point
from bananajam.assets.families import _ui_kit as k
from bananajam.assets.families import ui_lights as lt
from bananajam.assets.params import AssetParams
from bananajam.assets.registry import RenderContext, asset
from bananajam.assets.themes import mix, shade

# brow tilt (radians, + = inner ends down), mouth curve (+ = smile), eye squash, mouth open
EXPRESSIONS: dict[str, tuple[float, float, float, float]] = {
    "calm": (0.0, 0.2, 0.5, 0.0),
    "angry": (0.45, -0.5, 0.45, 0.3),
    "joy": (-0.15, 1.0, 0.35, 0.6),
    "sorrow": (-0.45, -0.8, 0.6, 0.1),
    "surprise": (-0.2, 0.0, 1.0, 1.0),
}


class MaskParams(AssetParams):
    expression: Literal["calm", "angry", "joy", "sorrow", "surprise"] = "calm"
    horns: int = Field(1, ge=0, le=3)
    jaw: float = Field(0.5, ge=0.0, le=1.0)
    piercings: int = Field(6, ge=0, le=12)
    rod: bool = True


@asset("shadow_puppet_mask", "ui", (500, 600), MaskParams, tags=("mask", "puppet", "theatre"))
def shadow_puppet_mask(ctx: RenderContext[MaskParams]) -> Canvas:
    """A shadow-puppet mask: dark pierced face with glowing eyes, gilt rim, crest and rod."""
    c, p, pal = ctx.canvas(), ctx.params, ctx.palette
    f = k.posed(ctx, 500, 600, 0.28, 0.18)
    m = k.metal(pal, 0.0, 0.2)
    edge = max(1.0, f.l(4))
    brow, smile, eye_h, mouth_open = EXPRESSIONS[p.expression]
    cx, cy = 250.0, 290.0
    sr = ctx.rng("shape").uniform(0.0, 1.0, 4)
    w, h = 135.0 + 55.0 * float(sr[0]), 180.0 + 30.0 * float(sr[1])
    eye_dx, eye_dy = 52.0 + 0.16 * w * float(sr[2]), -50.0 + 40.0 * float(sr[3])
    chin = 0.55 + 0.4 * p.jaw
    face: list[Point] = []
    for i in range(64):
        a = 2 * math.pi * i / 64
        sx, sy = math.cos(a), math.sin(a)
        x = w * sx * (1.0 - (chin * 0.35 * max(0.0, sy) ** 2))
        face.append((cx + x, cy + h * sy * (1.0 + 0.12 * max(0.0, sy))))
    horns: list[list[Point]] = []
    for i in range(p.horns):
        for sgn in (-1.0, 1.0):
            base_x = cx + sgn * (60 + 50 * i)
            ht = 150 - 30 * i
            horn = [
                (base_x - sgn * 24, cy - h * 0.82 + 14 * i),
                (base_x + sgn * (38 + 20 * i), cy - h - ht * 0.6),
                (base_x + sgn * (14 + 30 * i), cy - h - ht * 0.3),
                (base_x + sgn * 30, cy - h * 0.7 + 14 * i),
            ]
            horns.append(draw.catmull_rom(horn, 6, closed=True))
    eyes: list[list[Point]] = []
    for sgn in (-1.0, 1.0):
        ex, ey = cx + sgn * eye_dx, cy + eye_dy
        eyes.append(k.ellipse_pts(ex, ey, 26 + 0.1 * w, 14 + 22 * eye_h, 32))
    my = cy + 110
    mw = 70.0
    lip = [(cx + mw * t, my - smile * 28 * (1 - t * t)) for t in (-1.0, -0.5, 0.0, 0.5, 1.0)]
    low = [(x, y + 8 + 36 * mouth_open * (1 - ((x - cx) / mw) ** 2)) for x, y in lip]
    mouth = draw.catmull_rom([*lip, *low[::-1]], 6, closed=True)
    rng = ctx.rng("holes")
    dots = []
    for i in range(p.piercings):
        a = -math.pi / 2 + math.pi * 2 * (i + 0.5) / p.piercings + float(rng.uniform(-0.1, 0.1))
        rr = 0.8
        dots.append(
            k.ellipse_pts(cx + w * rr * math.cos(a), cy + h * rr * math.sin(a) * 0.9, 7, 7, 12)
        )
    holes = [f.pts(q) for q in (*eyes, mouth, *dots)]
    lt.aura(c, [f.pts(face)], pal.glow, f.l(22), 0.45, first=True)
    if p.rod:
        k.plate(c, [f.pts(k.stadium(cx, 520, 18, 170))], m, edge, 0.0)
    leather = k.Metal(
        shade(pal.ink, 0.5),
        shade(pal.ink, 0.2),
        mix(pal.ink, pal.accent, 0.25),
        mix(pal.ink, pal.accent, 0.45),
        mix(pal.accent, pal.glow, 0.2),
    )
    for hn in horns:
        k.plate(c, [f.pts(hn)], m, edge, 0.6)
    # glowing light behind the cut-outs, then the face with the holes cut away
    lt.aura(c, [f.pts(q) for q in (*eyes, mouth)], pal.glow, f.l(10), 0.9)
    for q in (*eyes, mouth):
        c.polygon(f.pts(q), fill=pal.glow)
    k.shaded(
        c,
        [f.pts(face)],
        [leather.light, leather.base, leather.dark, leather.deep],
        radial=f.p(cx - 50, cy - 90),
        radius=f.l(h * 1.9),
        holes=holes,
    )
    c.polygon(f.pts(face), outline=m.deep, width=edge * 3)
    c.polygon(f.pts(face), outline=m.light, width=edge * 1.2)
    for q in holes:
        c.polygon(q, outline=m.base, width=edge * 0.8)
    for sgn in (-1.0, 1.0):
        bx = cx + sgn * eye_dx
        pts = [
            (bx - sgn * 46, cy + eye_dy - 50 + brow * 40),
            (bx, cy + eye_dy - 66 + brow * 6),
            (bx + sgn * 48, cy + eye_dy - 56 - brow * 30),
        ]
        draw.brush(c, f.pts(pts), f.l(22), m.light, start=0.2, end=0.5)
        k.engrave(c, f.pts([(bx + sgn * 30, cy + 20), (bx + sgn * 10, cy + 60)]), m, f.l(6))
    nose = [(cx, cy - 40), (cx + 18, cy + 50), (cx - 18, cy + 50)]
    k.shaded(c, [f.pts(nose)], [m.light, m.base, m.dark], angle=0.0, opacity=0.8)
    lt.boss(c, *f.p(cx, cy - h * 0.72), f.l(18), m, gem=pal.glow)
    return c
