"""Frame glyphs: bevelled mystic frames with bead rows and corner ornaments."""

from __future__ import annotations

import math
from typing import Literal

import numpy as np
from pydantic import Field

from bananajam.assets import draw
from bananajam.assets.canvas import Canvas, Point
from bananajam.assets.families import _glyph_kit_a as kit
from bananajam.assets.families.glyphs_a_ornament import motif
from bananajam.assets.params import AssetParams
from bananajam.assets.registry import RenderContext, asset
from bananajam.assets.themes import RGB, mix, shade, tint


class FrameParams(AssetParams):
    shape: Literal["square", "round", "arch", "octagon"] = "square"
    corners: Literal["flourish", "gem", "rune", "star"] = "gem"
    borders: int = Field(2, ge=1, le=3)
    beads: int = Field(24, ge=0, le=48)
    band: float = Field(0.05, ge=0.03, le=0.08)
    aspect: float = Field(1.0, ge=0.62, le=1.0)


def _frame_line(
    shape: str, cx: float, cy: float, s: float, k: float = 1.0
) -> tuple[list[Point], list[Point]]:
    """The closed centre-line of a frame of half-size `s` (height ×k), and its corner anchors."""
    sy = s * k
    if shape == "round":
        line = draw.arc_points(cx, cy, s, sy, 0, 2 * math.pi, 73)
        return line, [
            (cx + s * math.cos(a), cy + sy * math.sin(a)) for a in (0.785, 2.36, 3.93, 5.5)
        ]
    if shape == "octagon":
        pts = draw.regular_polygon(0.0, 0.0, 1 / math.cos(math.pi / 8), 8, math.pi / 8)
        pts = [(cx + x * s, cy + y * sy) for x, y in pts]
        return [*pts, pts[0]], pts
    if shape == "arch":
        aw = s * 0.82
        ah = min(aw, sy * 0.9)
        top = draw.arc_points(cx, cy - sy + ah, aw, ah, math.pi, 2 * math.pi, 25)
        line = [(cx + aw, cy + sy), (cx - aw, cy + sy), *top, (cx + aw, cy + sy)]
        return line, [
            (cx - aw, cy + sy),
            (cx + aw, cy + sy),
            (cx, cy - sy),
            (cx - aw, cy - sy + ah),
            (cx + aw, cy - sy + ah),
        ]
    pts = [(cx - s, cy - sy), (cx + s, cy - sy), (cx + s, cy + sy), (cx - s, cy + sy)]
    return [*pts, pts[0]], pts


def _resample(line: list[Point], n: int) -> list[Point]:
    arr = np.asarray(line)
    seg = np.hypot(*np.diff(arr, axis=0).T)
    cum = np.concatenate([[0.0], np.cumsum(seg)])
    d = np.linspace(0, cum[-1], n, endpoint=False)
    return list(zip(np.interp(d, cum, arr[:, 0]), np.interp(d, cum, arr[:, 1]), strict=True))


@asset("mystic_frame", "glyphs", (500, 500), FrameParams, tags=("frame", "ornament", "border"))
def mystic_frame(ctx: RenderContext[FrameParams]) -> Canvas:
    """A bevelled ornamental frame with bead rows and corner gems, runes, stars or curls."""
    p, pal, u = ctx.params, ctx.palette, ctx.unit
    cx, cy = ctx.width / 2, ctx.height / 2
    s = u * (0.43 - p.band * 0.5)
    bw = p.band * u
    # Per-index proportions: tall or wide panels of varied aspect change the silhouette.
    k = p.aspect if ctx.rng("pose").uniform() < 0.5 else 1.0 / p.aspect
    if k > 1.0:
        s /= k
    line, anchors = _frame_line(p.shape, cx, cy, s, k)

    def glow(g: Canvas) -> None:
        g.line(line, pal.glow, bw * 2.0, 0.8)

    c = kit.glow_canvas(ctx.width, ctx.height, glow, u * 0.04)
    steps: list[tuple[RGB, float]] = [
        (shade(pal.accent, 0.55), 1.0),
        (pal.accent, 0.72),
        (mix(pal.accent, pal.glow, 0.45), 0.4),
        (tint(pal.glow, 0.3), 0.12),
    ]
    for col, f in steps:
        c.line(line, col, bw * f)
    for j in range(1, p.borders):
        for sign in (-1, 1):
            d = sign * bw * (0.45 + 0.45 * j)
            extra, _ = _frame_line(p.shape, cx, cy, s + d, (s * k + d) / (s + d))
            c.line(extra, mix(pal.accent, pal.glow, 0.3), u * 0.006)
    if p.beads:
        inset = bw * (0.7 + 0.45 * p.borders)
        beads, _ = _frame_line(p.shape, cx, cy, s - inset, (s * k - inset) / (s - inset))
        for x, y in _resample(beads, p.beads):
            c.circle(x, y, u * 0.008, fill=pal.highlight)
    rng = ctx.rng("corners")
    r = bw * 1.5
    for i, (x, y) in enumerate(anchors):
        if p.corners == "gem":
            c.circle(x, y, r * 1.05, fill=shade(pal.accent, 0.4))
            kit.shaded_poly(
                c,
                draw.regular_polygon(x, y, r * 0.85, 24),
                pal.accent,
                tint(pal.glow, 0.4),
                (x - r * 0.3, y - r * 0.3),
                n=5,
            )
        elif p.corners == "rune":
            c.circle(x, y, r * 1.1, fill=pal.ink, outline=pal.accent, width=u * 0.006)
            for st in kit.rune_strokes(ctx.rng(f"rune{i}"), x, y, r * 0.9, r * 1.2, 3):
                c.line(st, pal.glow, width=u * 0.01)
        elif p.corners == "star":
            kit.halo(c, x, y, r * 1.6, pal.glow, 0.4)
            motif(c, "star", x, y, r * 1.3, pal, points=int(rng.integers(4, 9)))
        else:
            dx, dy = (x - cx), (y - cy)
            n = math.hypot(dx, dy) or 1.0
            ox, oy = dx / n, dy / n
            for sign in (-1, 1):
                px, py = -oy * sign, ox * sign
                curl = [
                    (x - ox * r * 0.3, y - oy * r * 0.3),
                    (x + px * r * 1.6, y + py * r * 1.6),
                    (x + px * r * 2.2 - ox * r, y + py * r * 2.2 - oy * r),
                    (x + px * r * 1.5 - ox * r * 1.2, y + py * r * 1.5 - oy * r * 1.2),
                ]
                kit.brush(c, curl, r * 0.5, mix(pal.accent, pal.glow, 0.4), start=0.1, end=0.6)
            motif(c, "diamond", x, y, r * 0.9, pal)
    return c
