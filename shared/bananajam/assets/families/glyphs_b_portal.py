"""Glyphs part B, void portals: a swirling vortex of light in a frame of stones, thorns or rings."""

from __future__ import annotations

import functools
import math
from typing import Literal

import numpy as np
from PIL import Image
from pydantic import Field

from bananajam.assets import draw
from bananajam.assets.canvas import Canvas
from bananajam.assets.families._glyph_kit_b import (
    Fit,
    Stroke,
    polar,
    rotate,
    rune,
    strokes,
)
from bananajam.assets.families._glyph_light_b import glow_pass
from bananajam.assets.params import AssetParams
from bananajam.assets.registry import RenderContext, asset
from bananajam.assets.themes import RGB, mix, shade, tint

TAU = 2 * math.pi


class PortalParams(AssetParams):
    arms: int = Field(4, ge=2, le=8)
    twist: float = Field(2.0, ge=-4.0, le=4.0)
    frame: Literal["stones", "thorns", "rings"] = "stones"
    squash: float = Field(1.0, ge=0.65, le=1.0)
    stones: int = Field(12, ge=7, le=18)


@functools.cache
def _ramp_lut(cols: tuple[RGB, ...]) -> np.ndarray:
    """1024 colours evenly through the stops `cols` (as `noise.ramp`), as uint8 RGB."""
    pos = np.linspace(0.0, 1.0, 1024) * (len(cols) - 1)
    i = np.minimum(pos.astype(int), len(cols) - 2)
    t = (pos - i)[:, None]
    stops = np.asarray(cols, np.float64)
    return np.asarray(np.rint(stops[i] * (1 - t) + stops[i + 1] * t), np.uint8)


def _paste_soft(
    c: Canvas, colour: np.ndarray, cover: np.ndarray, at: tuple[int, int], size: tuple[int, int]
) -> None:
    """Paste an opaque RGB patch through its coverage, both given at `at` on a grid of `size`
    pixels spanning the canvas (zero coverage at the patch's border), resized to full pixels."""
    (w, h), (ix, iy) = c.pixel_size, at
    fx, fy = size[0] / w, size[1] / h
    x0, y0 = math.ceil(ix / fx), math.ceil(iy / fy)
    x1 = min(w, math.floor((ix + colour.shape[1]) / fx))
    y1 = min(h, math.floor((iy + colour.shape[0]) / fy))
    if x1 <= x0 or y1 <= y0:
        return
    box = (x0 * fx - ix, y0 * fy - iy, x1 * fx - ix, y1 * fy - iy)
    out = (x1 - x0, y1 - y0)
    rgb = Image.fromarray(colour, "RGB").resize(out, Image.Resampling.BILINEAR, box=box)
    mask = Image.fromarray(cover, "L").resize(out, Image.Resampling.BILINEAR, box=box)
    dst = c.read_region((x0, y0, x1, y1))
    dst.paste(rgb, (0, 0), mask)
    c.write_region(dst, (x0, y0))


@asset("void_portal", "glyphs", (600, 600), PortalParams, tags=("portal", "void", "swirl"))
def void_portal(ctx: RenderContext[PortalParams]) -> Canvas:
    """A swirling vortex of void light inside a frame of runed stones, thorns or rings."""
    c, p, pal, f = ctx.canvas(), ctx.params, ctx.palette, Fit(ctx, 600, 600)
    cx, cy = f.p(300, 300)
    R, sq = f.d(290), p.squash
    twist = p.twist if abs(p.twist) > 0.8 else math.copysign(0.8 + abs(p.twist), p.twist)
    rin = R * 0.74
    rng = ctx.rng("arms")
    frame_col = mix(pal.ink, pal.accent, 0.4)
    if p.frame == "thorns":
        star = draw.star(cx, cy, R, rin * 0.9, p.stones * 2, rng.uniform(0, 1))
        pts = [(x, cy + (y - cy) * sq) for x, y in star]
        c.polygon(pts, fill=shade(pal.ink, 0.15), outline=frame_col, width=R * 0.015)
    # The vortex is worked out at a third of the size, over the box of its ellipse only, and
    # pasted as an opaque colour through its soft coverage (one Pillow pass over that box).
    small = c.reduced(3 if c.unit > 120 else 1)
    (sw, sh), ss = small.pixel_size, small.scale
    ix0, ix1 = max(0, int((cx - rin) * ss) - 2), min(sw, int((cx + rin) * ss) + 3)
    iy0, iy1 = max(0, int((cy - rin * sq) * ss) - 2), min(sh, int((cy + rin * sq) * ss) + 3)
    dx = ((np.arange(ix0, ix1, dtype=np.float32) + 0.5) / ss - cx) / rin
    dy = ((np.arange(iy0, iy1, dtype=np.float32) + 0.5) / ss - cy) / (rin * sq)
    r = np.hypot(dx[None, :], dy[:, None])
    th = np.arctan2(dy[:, None], dx[None, :])
    swirl = 0.5 + 0.5 * np.sin(
        p.arms * (th + twist * np.log(r + 0.05)) + ctx.rng("ph").uniform(0, 6)
    )
    val = np.clip((swirl**1.6) * (1 - r) * 1.2 + np.exp(-r * 5) * 0.9, 0, 1)
    cols = (shade(pal.ink, 0.4), pal.ink, pal.mid, pal.accent, pal.glow, pal.highlight)
    colour = _ramp_lut(cols)[(val * 1023 + 0.5).astype(np.intp)]
    cover = np.clip((1 - r) * (rin * ss * 0.5 * 255) + 0.5, 0, 255).astype(np.uint8)
    _paste_soft(c, colour, cover, (ix0, iy0), (sw, sh))
    arms: list[Stroke] = []
    for k in range(p.arms * 2):
        a0 = TAU * k / (p.arms * 2) + rng.uniform(-0.2, 0.2)
        t = np.linspace(1.0, 0.12, 24)
        a = a0 - twist * np.log(t) * rng.uniform(0.8, 1.2)
        arms.append(
            [
                polar(cx, cy, rin * float(q), float(b), rin * sq * float(q))
                for q, b in zip(t, a, strict=True)
            ]
        )
    strokes(c, arms, R * 0.03, tint(pal.glow, 0.2), 0.7, dense=True)
    if p.frame == "stones":
        for k in range(p.stones):
            a0, a1 = TAU * k / p.stones + 0.03, TAU * (k + 1) / p.stones - 0.03
            ro = R * rng.uniform(0.95, 1.0)
            poly = [
                *draw.arc_points(cx, cy, rin, rin * sq, a0, a1, 6),
                *draw.arc_points(cx, cy, ro, ro * sq, a1, a0, 6),
            ]
            lit = 0.5 + 0.5 * math.cos((a0 + a1) / 2 + math.pi * 0.75)
            c.polygon(
                poly,
                fill=mix(shade(pal.ink, 0.2), frame_col, lit),
                outline=shade(pal.ink, 0.4),
                width=R * 0.012,
            )
        marks: list[Stroke] = []
        mrng = ctx.rng("marks")
        for k in range(p.stones):
            am = TAU * (k + 0.5) / p.stones
            x, y = polar(cx, cy, (rin + R * 0.97) / 2, am, (rin + R * 0.97) / 2 * sq)
            marks += [rotate(s, x, y, am + math.pi / 2) for s in rune(mrng, x, y, R * 0.13)]
        glow_pass(c, lambda g: strokes(g, marks, R * 0.04, pal.glow), R * 0.03, 0.8)
        strokes(c, marks, R * 0.014, pal.highlight)
    elif p.frame == "thorns":
        c.ellipse(cx, cy, rin, rin * sq, outline=pal.accent, width=R * 0.03)
    else:
        for k, q in enumerate((1.0, 0.9, 0.82)):
            c.ellipse(
                cx,
                cy,
                R * q * 0.98,
                R * q * sq * 0.98,
                outline=mix(frame_col, pal.glow, k * 0.3),
                width=R * (0.05 - k * 0.012),
            )
    return c
