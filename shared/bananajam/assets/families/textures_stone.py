"""Seamless stone textures: rounded cobblestones and carved flagstones with glowing runes.

Every feature is placed on a torus (cells and slabs wrap around), noise is tileable and lighting
uses wrapping gradients, so the left edge continues the right and the top continues the bottom.
"""

from __future__ import annotations

import math

import numpy as np
from pydantic import Field

from bananajam.assets.canvas import Canvas
from bananajam.assets.families import _bg_kit as kit
from bananajam.assets.families import _bg_kit_b as kit_b
from bananajam.assets.families import _bg_light as lights
from bananajam.assets.params import AssetParams
from bananajam.assets.registry import RenderContext, asset
from bananajam.assets.themes import Palette, mix, shade, tint

TAGS = ("tileable", "seamless", "texture", "stone")


def stone_colour(
    pal: Palette, tone: np.ndarray, light: np.ndarray, gap: np.ndarray, moss: float
) -> np.ndarray:
    """Stone faces from per-pixel tone and lighting, with dark (or mossy) joints between them."""
    dark, mid_, pale = (
        shade(pal.mid, 0.35),
        mix(pal.ink, pal.accent, 0.4),
        mix(pal.accent, pal.glow, 0.2),
    )
    face = kit.lerp(kit.col(dark), kit.col(mid_), np.clip(tone * 1.4, 0, 1))
    face = kit.lerp(face, kit.col(pale), np.clip(light, 0, 1) * 0.75)
    face = kit.lerp(face, kit.col(shade(pal.ink, 0.5)), np.clip(-light, 0, 1) * 0.8)
    joint = kit.col(mix(shade(pal.ink, 0.55), pal.accent, moss * 0.35))
    return kit.lerp(face, joint, gap)


class CobbleParams(AssetParams):
    stones: int = Field(5, ge=3, le=9)
    mortar: float = Field(0.1, ge=0.04, le=0.2)
    roundness: float = Field(0.5, ge=0.2, le=1.0)
    jitter: float = Field(0.8, ge=0.3, le=1.0)
    moss: float = Field(0.3, ge=0.0, le=1.0)


@asset(
    "seamless_cobblestone",
    "backgrounds",
    (256, 256),
    CobbleParams,
    tags=(*TAGS, "cobblestone", "floor", "road"),
)
def seamless_cobblestone(ctx: RenderContext[CobbleParams]) -> Canvas:
    """A seamless tile of rounded, bevelled cobblestones set in dark (sometimes mossy) mortar."""
    p, pal = ctx.params, ctx.palette
    w, h = kit.work_size(ctx.width, ctx.height, 384)
    gx, gy = kit_b.tile_counts(w, h, p.stones)
    f1, f2, ids = kit_b.worley(ctx.rng("cells"), w, h, gx, gy, p.jitter)
    cell = min(w / gx, h / gy)
    edge = (f2 - f1) / cell
    rough = kit.fbm(ctx.rng("rough"), w, h, 6 * gx / max(gx, gy) * 2, 4, 0.55, True)
    bevel = kit.smoothstep(p.mortar * 0.5, p.mortar * 0.5 + 0.25 * p.roundness, edge)
    height = bevel * (1 - 0.3 * p.roundness * (f1 / cell)) + rough * 0.12
    light = kit_b.relief(height, cell * 0.55)
    tones = ctx.rng("tones").random(gx * gy).astype(np.float32)
    tone = tones[ids] * 0.5 + rough * 0.4 + 0.1
    gap = 1.0 - kit.smoothstep(p.mortar * 0.35, p.mortar * 0.6, edge + (rough - 0.5) * 0.05)
    rgb = stone_colour(pal, tone, light, gap, p.moss)
    c = kit.ground(ctx, np.clip(rgb, 0, 1), tileable=True)
    return c


class RunicParams(AssetParams):
    rows: int = Field(3, ge=2, le=6)
    slab: float = Field(1.4, ge=0.8, le=2.4)
    runes: float = Field(0.4, ge=0.0, le=0.9)
    wear: float = Field(0.5, ge=0.1, le=1.0)
    joint: float = Field(0.05, ge=0.02, le=0.1)


def _slabs(
    rng: np.random.Generator, w: int, h: int, rows: int, slab: float
) -> tuple[np.ndarray, np.ndarray, list[tuple[float, float, float, float]]]:
    """Running-bond slab ids and edge distance (pixels), plus each slab's box (x0, y0, x1, y1)."""
    rh = h / rows
    per = max(1, round(w / (rh * slab)))
    ids = np.zeros((h, w), np.int32)
    dist = np.zeros((h, w), np.float32)
    boxes: list[tuple[float, float, float, float]] = []
    xs = np.arange(w, dtype=np.float32) + 0.5
    for r in range(rows):
        cuts = (
            np.sort(rng.uniform(0, 1, per)) * 0
            + (np.arange(per) + rng.uniform(-0.3, 0.3, per)) / per
        )
        cuts = np.sort((cuts + rng.random()) % 1.0) * w
        y0, y1 = round(r * rh), round((r + 1) * rh)
        k = np.searchsorted(cuts, xs) % per
        left = cuts[(k - 1) % per]
        dl = (xs - left) % w
        dr = (cuts[k] - xs) % w
        dx = np.minimum(dl, dr)
        yy = np.arange(y0, y1, dtype=np.float32) + 0.5
        dy = np.minimum(yy - r * rh, (r + 1) * rh - yy)
        ids[y0:y1] = (r * per + k)[None, :]
        dist[y0:y1] = np.minimum(dx[None, :], dy[:, None])
        for j in range(per):
            a, b = cuts[j - 1], cuts[j]
            boxes.append((float(a), r * rh, float(b if b > a else b + w), (r + 1) * rh))
    return ids, dist, boxes


@asset(
    "seamless_runic_stone",
    "backgrounds",
    (256, 256),
    RunicParams,
    tags=(*TAGS, "flagstone", "runes", "dungeon", "floor"),
)
def seamless_runic_stone(ctx: RenderContext[RunicParams]) -> Canvas:
    """A seamless tile of worn flagstones in running bond, some carved with glowing runes."""
    p, pal = ctx.params, ctx.palette
    W, H = ctx.width, ctx.height
    w, h = kit.work_size(W, H, 384)
    ids, dist, boxes = _slabs(ctx.rng("slabs"), w, h, p.rows, p.slab)
    rh = h / p.rows
    rough = kit.fbm(ctx.rng("rough"), w, h, 8, 5, 0.55, True)
    bevel = kit.smoothstep(
        rh * p.joint * 0.5, rh * (p.joint + 0.12), dist + (rough - 0.5) * rh * 0.1 * p.wear
    )
    height = bevel + rough * 0.25 * p.wear
    light = kit_b.relief(height, rh * 0.3)
    tones = ctx.rng("tones").random(len(boxes)).astype(np.float32)
    tone = tones[ids % len(boxes)] * 0.35 + rough * 0.45 + 0.15
    gap = 1.0 - kit.smoothstep(rh * p.joint * 0.3, rh * p.joint * 0.6, dist)
    rgb = stone_colour(pal, tone, light, gap, 0.0)
    c = kit.ground(ctx, np.clip(rgb, 0, 1), tileable=True)
    sx, sy = W / w, H / h
    rng = ctx.rng("runes")
    carved = [b for b in boxes if rng.random() < p.runes]
    marks: list[list[tuple[float, float]]] = []
    for b in carved:
        cx, cy = (b[0] + b[2]) / 2 * sx % W, (b[1] + b[3]) / 2 * sy
        r = min(b[2] - b[0], b[3] - b[1]) * 0.3 * min(sx, sy)
        rune = _rune(rng, 0.0, 0.0, r)
        for ox, oy in kit.wrapped(cx, cy, r * 1.5, W, H):
            marks.extend([[(x + ox, y + oy) for x, y in s] for s in rune])
    lw = max(1.0, min(W, H) * 0.011)

    def paint(g: Canvas) -> None:
        for s in marks:
            g.line(s, pal.glow, lw * 2.5)

    if marks:
        kit_b.wrap_glow(c, paint, lw * 2.5, 0.9)
    for s in marks:
        c.line(s, shade(pal.ink, 0.5), lw * 1.7)
    for s in marks:
        c.line(s, tint(pal.glow, 0.3), lw * 0.7)
    return c


def _rune(
    rng: np.random.Generator, cx: float, cy: float, r: float
) -> list[list[tuple[float, float]]]:
    """A runic glyph: a stave with two or three angular twigs, all in straight strokes."""
    staves = [cx] if rng.random() < 0.6 else [cx - r * 0.4, cx + r * 0.4]
    strokes = [[(x, cy - r), (x, cy + r)] for x in staves]
    for _ in range(int(rng.integers(1, 4))):
        x0 = staves[int(rng.integers(0, len(staves)))]
        y0 = cy + rng.uniform(-1, 0.6) * r
        side = rng.choice([-1.0, 1.0])
        ang = rng.uniform(0.4, 1.1) * rng.choice([-1.0, 1.0])
        ln = r * rng.uniform(0.4, 0.8)
        tip = (x0 + side * ln * math.cos(ang), y0 + ln * math.sin(ang))
        if rng.random() < 0.35:
            strokes.append([(x0, y0), tip, (x0, y0 + 2 * ln * math.sin(abs(ang)) + 1e-3)])
        else:
            strokes.append([(x0, y0), tip])
    if rng.random() < 0.3:
        strokes.append(kit_arc(cx, cy, r * 1.35))
    return strokes


def kit_arc(cx: float, cy: float, r: float) -> list[tuple[float, float]]:
    """A carved ring around a rune."""
    return [lights.polar(cx, cy, r, a) for a in np.linspace(0, 2 * math.pi, 40)]
