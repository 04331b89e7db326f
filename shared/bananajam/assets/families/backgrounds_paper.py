"""Void parchment: dark aged paper with mottling, stains, creases, scorched edges and script."""

from __future__ import annotations

import math
from typing import Literal

import aggdraw
import numpy as np
from pydantic import Field

from bananajam.assets import draw
from bananajam.assets.canvas import Canvas
from bananajam.assets.families import _bg_kit as kit
from bananajam.assets.families import _bg_kit_b as kit_b
from bananajam.assets.params import AssetParams
from bananajam.assets.registry import RenderContext, asset
from bananajam.assets.themes import mix, shade


class ParchmentParams(AssetParams):
    grain: float = Field(3.0, ge=1.5, le=6.0)
    stains: int = Field(4, ge=0, le=9)
    burn: float = Field(0.5, ge=0.1, le=1.0)
    creases: int = Field(1, ge=0, le=3)
    border: Literal["none", "ruled", "margin", "runes"] = "ruled"
    script: bool = True


@asset(
    "void_parchment",
    "backgrounds",
    (1024, 1024),
    ParchmentParams,
    tags=("paper", "parchment", "texture", "scroll"),
)
def void_parchment(ctx: RenderContext[ParchmentParams]) -> Canvas:
    """Aged dark parchment: mottled fibres, tide-mark stains, folds, scorched edges, faded ink."""
    p, pal = ctx.params, ctx.palette
    W, H, u = ctx.width, ctx.height, ctx.unit
    w, h = kit.work_size(W, H, 240)
    cells = p.grain * max(W, H) / u
    mott = kit.fbm(ctx.rng("mottle"), w, h, cells, 5, 0.6)
    fibre = kit.fbm(ctx.rng("fibre"), w, h, cells * 4, 2, 0.5, stretch=4.0)
    base = [
        shade(pal.parchment, 0.2),
        mix(pal.parchment, pal.accent, 0.12),
        mix(pal.parchment, pal.accent, 0.28),
        mix(pal.parchment, pal.glow, 0.4),
    ]
    tooth = kit.lattice_noise(ctx.rng("tooth"), w, h, w / 2.5, stretch=1.5)
    rgb = kit.ramp(mott * 0.7 + fibre * 0.2 + tooth * 0.1, base)
    x, y = kit.grid(w, h)
    ax = W / u
    ay = H / u
    rng = ctx.rng("stains")
    keep = np.ones_like(mott)  # the stains all tint towards one ink: combine their weights
    for _ in range(p.stains):
        sx, sy, r = rng.random(), rng.random(), rng.uniform(0.05, 0.2)
        # beyond 2.2 radii the tide mark has faded below float precision: work in its box only
        c0, c1 = max(0, int((sx - 2.2 * r / ax) * w)), min(w, int((sx + 2.2 * r / ax) * w) + 2)
        r0, r1 = max(0, int((sy - 2.2 * r / ay) * h)), min(h, int((sy + 2.2 * r / ay) * h) + 2)
        if c0 >= c1 or r0 >= r1:
            continue
        box = np.s_[r0:r1, c0:c1]
        d = np.hypot((x[box] - sx) * ax, (y[box] - sy) * ay) / r + (mott[box] - 0.5) * 0.8
        keep[box] *= 1.0 - (np.exp(-((d - 1.0) ** 2) * 30) * 0.5 + (d < 1) * 0.18)
    # every tint below is a blend towards a flat colour: gathered, then applied in one pass
    steps = []
    if p.stains:
        steps.append((kit.col(mix(pal.ink, pal.accent, 0.2)), 1.0 - keep))
    rng = ctx.rng("creases")
    fold_keep, lit_keep = np.ones_like(mott), np.ones_like(mott)
    for _ in range(p.creases):
        a, off = rng.uniform(0, math.pi), rng.uniform(0.3, 0.7)
        d = (x - 0.5) * ax * math.sin(a) - (y - 0.5) * ay * math.cos(a) + (off - 0.5) * 0.6
        fold_keep *= 1.0 - np.exp(-((d * 45) ** 2)) * 0.6
        lit_keep *= 1.0 - np.exp(-(((d - 0.02) * 45) ** 2)) * 0.35
    if p.creases:
        steps.append((kit.col(shade(pal.parchment, 0.5)), 1.0 - fold_keep))
        steps.append((kit.col(mix(pal.parchment, pal.glow, 0.35)), 1.0 - lit_keep))
    edge = np.minimum(np.minimum(x, 1 - x) * ax, np.minimum(y, 1 - y) * ay)
    ragged = edge + (fibre - 0.5) * 0.04 * p.burn
    scorch = 1.0 - kit.smoothstep(0.0, 0.02 + 0.06 * p.burn, ragged)
    vignette = np.clip(np.hypot(x - 0.5, y - 0.5) * 1.3, 0, 1) ** 2
    steps.append((kit.col(shade(pal.ink, 0.5)), np.clip(scorch * 0.9 + vignette * 0.35, 0, 1)))
    glow_rim = np.exp(-(((ragged - 0.02 - 0.05 * p.burn) * 60) ** 2)) * p.burn
    steps.append((kit.col(pal.accent), glow_rim * 0.25))
    rgb = kit_b.lerp_chain(rgb, steps)
    c = kit.ground(ctx, np.clip(rgb, 0, 1), flat=True, soft=True)
    _marks(c, ctx, u)
    return c


def _marks(c: Canvas, ctx: RenderContext[ParchmentParams], u: float) -> None:
    """Ink on the page: a frame or margin, and rows of faded script."""
    p, pal, W, H = ctx.params, ctx.palette, ctx.width, ctx.height
    ink = mix(pal.ink, pal.accent, 0.25)
    m = u * 0.09
    if p.border in ("ruled", "runes"):
        for k, off in enumerate((m, m + u * 0.018)):
            box = [(off, off), (W - off, off), (W - off, H - off), (off, H - off), (off, off)]
            c.line(box, ink, u * (0.005 if k else 0.0025), 0.6)
    if p.border == "runes":
        rng = ctx.rng("runes")
        step = u * 0.06
        for edge in range(4):
            length = (W if edge % 2 == 0 else H) - 2 * m
            for k in range(int(length / step) - 1):
                t = m + step * (k + 1)
                x, y = [(t, m * 0.55), (W - m * 0.55, t), (W - t, H - m * 0.55), (m * 0.55, t)][
                    edge
                ]
                _glyph(c, rng, x, y, u * 0.018, ink)
    if p.border == "margin":
        c.line([(m * 1.4, m * 0.6), (m * 1.4, H - m * 0.6)], pal.accent, u * 0.004, 0.35)
        for k in range(int((H - 2 * m) / (u * 0.05))):
            yy = m + k * u * 0.05
            c.line([(m * 0.6, yy), (W - m * 0.6, yy)], pal.accent, u * 0.0018, 0.15)
    if not p.script:
        return
    rng = ctx.rng("script")
    line_h = u * rng.uniform(0.05, 0.08)
    lines, fades = [], []
    y = m * 1.8
    while y < H - m * 1.6:
        x = m * 1.8 + rng.uniform(0, u * 0.05)
        end = W - m * 1.8 - rng.uniform(0, u * 0.2)
        ctrl, fade = _script_line(rng, x, end, y, line_h, u * 0.025)
        lines.append(ctrl)
        fades.append(fade)
        y += line_h
    if lines:
        _script(c, np.concatenate(lines), np.concatenate(fades).tolist(), line_h * 0.14, ink)


def _script_line(
    rng: np.random.Generator, x: float, end: float, y: float, line_h: float, gap: float
) -> tuple[np.ndarray, np.ndarray]:
    """One row of faded words (2-6 strokes each, a word begun while x < end), drawn as a batch:
    three control points and a fade per stroke."""
    shortest = 2 * line_h * 0.25 * 1.05 + gap
    n = max(1, int((end - x) / shortest) + 1)  # more words than can start before `end`
    counts = rng.integers(2, 7, n)
    word_fade = rng.uniform(0.45, 0.8, n)
    lw = line_h * rng.uniform(0.25, 0.45, int(counts.sum()))
    word = np.repeat(np.arange(n), counts)
    left = x + np.concatenate([[0.0], np.cumsum(lw * 1.05)[:-1]]) + word * gap
    first = np.concatenate([[0], np.cumsum(counts)[:-1]])
    keep = word < int(np.count_nonzero(left[first] < end))
    lw, left, fade = lw[keep], left[keep], word_fade[word[keep]]
    lo = np.array([0.0, -1.2, 0.3, -0.2, 0.7, 0.0])  # x then y offsets of the three points,
    hi = np.array([0.3, -0.3, 0.7, 0.4, 1.0, -0.8])  # in stroke widths and x-heights
    k = lo + (hi - lo) * rng.random((len(lw), 6))
    xh = line_h * 0.35
    ctrl = np.stack([left[:, None] + lw[:, None] * k[:, 0::2], y + xh * k[:, 1::2]], axis=-1)
    return ctrl, fade


def _script(
    c: Canvas, ctrl: np.ndarray, fades: list[float], width: float, ink: tuple[int, int, int]
) -> None:
    """Tapered three-point brush strokes (the `draw.brush` look), all outlined in one numpy pass
    and handed straight to AGG: a page holds hundreds of them."""
    if not len(ctrl):
        return
    pts = kit_b.catmull3(ctrl)
    widths = np.maximum(draw.taper(pts.shape[1], 0.1, 0.5) * width, width * 0.04)
    outline = kit_b.outlines(pts, widths, c.scale)
    agg, brushes = c.draw, {}
    for xy, fade in zip(outline, fades, strict=True):
        a = round(fade * 255)
        if a not in brushes:
            brushes[a] = aggdraw.Brush(ink, a)
        agg.polygon(xy, brushes[a])


def _glyph(
    c: Canvas, rng: np.random.Generator, x: float, y: float, s: float, ink: tuple[int, int, int]
) -> None:
    """A tiny angular rune of two or three strokes."""
    pts = [
        (x + rng.uniform(-1, 1) * s, y + rng.uniform(-1, 1) * s)
        for _ in range(int(rng.integers(3, 5)))
    ]
    c.line(pts, ink, s * 0.25, 0.7)
