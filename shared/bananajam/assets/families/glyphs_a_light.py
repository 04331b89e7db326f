"""Light-bearing glyphs: the ethereal feather and the ethereal torch with its layered flame."""

from __future__ import annotations

import itertools
from typing import Literal

import numpy as np
from pydantic import Field

from bananajam.assets import draw
from bananajam.assets.canvas import Canvas, Point
from bananajam.assets.families import _glyph_kit_a as kit
from bananajam.assets.params import AssetParams
from bananajam.assets.registry import RenderContext, asset
from bananajam.assets.themes import RGB, hue_shift, mix, shade, tint


class FeatherParams(AssetParams):
    curve: float = Field(0.12, ge=-0.3, le=0.3)
    width: float = Field(0.3, ge=0.2, le=0.42)
    splits: int = Field(2, ge=0, le=4)
    shape: Literal["quill", "plume", "sword", "round"] = "quill"
    barbs: int = Field(22, ge=12, le=34)
    dissolve: bool = False


def _vane_profile(shape: str, t: np.ndarray) -> np.ndarray:
    if shape == "plume":
        return np.sqrt(np.sin(np.pi * t))
    if shape == "sword":
        return np.clip(t * 5, 0, 1) * (1 - t) ** 0.6  # type: ignore[no-any-return]
    if shape == "round":
        return np.sin(np.pi * np.clip(t * 0.9 + 0.1, 0, 1)) ** 0.4
    return np.sin(np.pi * t**0.8)


@asset("ethereal_feather", "glyphs", (300, 500), FeatherParams, tags=("feather", "ethereal"))
def ethereal_feather(ctx: RenderContext[FeatherParams]) -> Canvas:
    """A luminous feather: curved quill, split shaded vanes with barbs, dissolving into motes."""
    p, pal = ctx.params, ctx.palette
    x0, y0, w, h = kit.fit(ctx, 3 / 5)
    rng = ctx.rng("feather")
    n = 40
    t = np.linspace(0.0, 1.0, n)
    bend = p.curve * w * 0.9
    sx = x0 + w / 2 + bend * (np.sin(np.pi * t) - 0.5 * t) - bend * 0.25
    sy = y0 + h * (0.96 - 0.86 * t)
    spine = list(zip(sx.tolist(), sy.tolist(), strict=True))
    tx, ty = np.gradient(sx), np.gradient(sy)
    norm = np.hypot(tx, ty)
    nx, ny = -ty / norm, tx / norm
    vt = np.clip((t - 0.18) / 0.82, 0, 1)
    hw = _vane_profile(p.shape, vt) * w * p.width * (vt > 0)
    cuts = sorted(rng.uniform(0.25, 0.9, p.splits).tolist())
    bounds = [0.18, *cuts, 1.0]
    lift = h * 0.05

    def edge(i: int, side: float) -> Point:
        j = min(n - 1, i + 2)
        return (
            float(sx[j] + side * nx[i] * hw[i]),
            float(sy[j] + side * ny[i] * hw[i] - lift * 0.3),
        )

    vanes: list[tuple[float, list[Point]]] = []
    for side in (-1.0, 1.0):
        for a, b in itertools.pairwise(bounds):
            i0, i1 = int(a * (n - 1)), max(int(a * (n - 1)) + 2, int(b * (n - 1)))
            gap = side * (b - a) * w * 0.02
            pts = [(float(sx[i]), float(sy[i])) for i in range(i0, i1 + 1)]
            outer = [edge(i, side) for i in range(i1, i0 - 1, -1)]
            vanes.append((side, [(x + gap, y) for x, y in pts + outer]))

    def glow(g: Canvas) -> None:
        for _, v in vanes:
            g.polygon(v, fill=pal.glow)

    c = kit.glow_canvas(ctx.width, ctx.height, glow, w * 0.07)
    for side, v in vanes:
        lit = side < 0
        dark = mix(pal.ink, pal.accent, 0.6 if lit else 0.4)
        light = mix(pal.accent, pal.glow, 0.55 if lit else 0.2)
        cx_, cy_ = v[0]
        kit.shaded_poly(c, v, dark, light, (cx_, cy_), n=5, reach=0.7)
    ends = [
        ((float(sx[i]), float(sy[i])), edge(i, side * 0.92))
        for side in (-1.0, 1.0)
        for i in (int(n * 0.2 + (n * 0.78 - 1) * k / p.barbs) for k in range(p.barbs))
        if hw[i] > 0
    ]
    if ends:
        a, b = np.asarray(ends).transpose(1, 0, 2)
        mid = (a + b) / 2 - (0.0, lift * 0.15)
        barb = kit.agg_pen(c, tint(pal.glow, 0.2), w * 0.004, 0.45)
        d = c.draw
        for q in _barbs(a, mid, b) * c.scale:
            d.line(q.ravel().tolist(), barb)
    draw.brush(c, spine, w * 0.035, tint(pal.glow, 0.4), start=0.02, end=0.6)
    draw.brush(c, spine[:8], w * 0.05, mix(pal.accent, pal.glow, 0.4), start=0.05, end=0.3)
    if p.dissolve:
        mote = ctx.rng("motes")
        for _ in range(26):
            i = int(mote.integers(int(n * 0.5), n))
            d = float(hw[i]) * mote.uniform(0.9, 1.8) * mote.choice([-1.0, 1.0])
            c.circle(
                float(sx[i] + nx[i] * d),
                float(sy[i] + ny[i] * d - lift * mote.random()),
                w * mote.uniform(0.006, 0.016),
                fill=pal.highlight,
            )
    kit.sparkle(c, spine[-1][0], spine[-1][1], w * 0.06, tint(pal.glow, 0.6))
    return c


def _barbs(a: np.ndarray, mid: np.ndarray, b: np.ndarray) -> np.ndarray:
    """`draw.catmull_rom([a, mid, b], 4)` for a batch of barbs at once (B×9×2)."""
    p0, p1, p2, p3 = (np.stack(q, axis=1) for q in ((a, a), (a, mid), (mid, b), (b, b)))
    t = np.linspace(0.0, 1.0, 4, endpoint=False)[None, None, :, None]
    p0, p1, p2, p3 = p0[:, :, None], p1[:, :, None], p2[:, :, None], p3[:, :, None]
    seg = 0.5 * (
        (2 * p1)
        + t * (-p0 + p2)
        + t * t * (2 * p0 - 5 * p1 + 4 * p2 - p3)
        + t * t * t * (-p0 + 3 * p1 - 3 * p2 + p3)
    )
    return np.concatenate([seg.reshape(len(a), -1, 2), b[:, None]], axis=1)


class TorchParams(AssetParams):
    flame: float = Field(0.44, ge=0.3, le=0.52)
    tongues: int = Field(3, ge=2, le=6)
    handle: Literal["wood", "iron", "bone"] = "wood"
    head: Literal["cup", "cage", "wrap"] = "cup"
    lean: float = Field(0.0, ge=-0.25, le=0.25)
    embers: int = Field(6, ge=0, le=14)


def _flame(x: float, y: float, fw: float, fh: float, lean: float, wig: float) -> list[Point]:
    """A flame tongue standing on (x, y): bulging base, wavering body, pointed tip."""
    return draw.catmull_rom(
        [
            (x - fw, y),
            (x - fw * 1.05 + wig, y - fh * 0.3),
            (x - fw * 0.45 + lean * 0.5, y - fh * 0.68),
            (x + lean, y - fh),
            (x + fw * 0.5 + lean * 0.5 - wig, y - fh * 0.6),
            (x + fw * 1.05, y - fh * 0.28),
            (x + fw, y),
            (x, y + fw * 0.35),
        ],
        6,
        closed=True,
    )


def _cylinder(c: Canvas, x: float, y0: float, y1: float, r0: float, r1: float, col: RGB) -> None:
    """A tapered upright shaft shaded as a cylinder lit from the left."""
    for k in range(5):
        f = 1 - 0.2 * k
        off = (1 - f) * 0.5
        c.polygon(
            [
                (x - r0 * f - r0 * off, y0),
                (x + r0 * f - r0 * off, y0),
                (x + r1 * f - r1 * off, y1),
                (x - r1 * f - r1 * off, y1),
            ],
            fill=mix(shade(col, 0.55), tint(col, 0.3), k / 4),
        )


@asset("ethereal_torch", "glyphs", (400, 600), TorchParams, tags=("torch", "fire", "light"))
def ethereal_torch(ctx: RenderContext[TorchParams]) -> Canvas:
    """A hand torch with a shaded shaft and head, crowned by layered spirit flame and embers."""
    p, pal = ctx.params, ctx.palette
    x0, y0, w, h = kit.fit(ctx, 2 / 3)
    cx = x0 + w / 2
    rng = ctx.rng("torch")
    head_y = y0 + h * (0.07 + p.flame + 0.06)
    fh = h * p.flame
    fw = w * 0.2
    lean = p.lean * w
    tongues = []
    for k in range(p.tongues):
        off = (k / max(1, p.tongues - 1) - 0.5) * fw * 1.1 if p.tongues > 1 else 0.0
        scale = 1.0 - 0.45 * abs(off) / fw
        tongues.append(
            (
                cx + off,
                fw * 0.72 * scale,
                fh * scale * rng.uniform(0.75, 1.0),
                lean + rng.uniform(-0.3, 0.3) * fw,
                rng.uniform(-0.2, 0.2) * fw,
            )
        )
    tongues.sort(key=lambda tg: -tg[2])

    def glow(g: Canvas) -> None:
        g.ellipse(cx + lean * 0.5, head_y - fh * 0.4, fw * 1.5, fh * 0.5, fill=pal.glow)

    c = kit.glow_canvas(ctx.width, ctx.height, glow, w * 0.09)
    if p.handle == "wood":
        shaft = hue_shift(mix(pal.ink, pal.accent, 0.45), -10)
    elif p.handle == "iron":
        shaft = mix(pal.ink, tint(pal.glow, 0.2), 0.3)
    else:
        shaft = mix(pal.accent, pal.glow, 0.65)
    bottom = y0 + h * 0.985
    _cylinder(c, cx, head_y, bottom, w * 0.075, w * 0.045, shaft)
    if p.handle == "bone":
        c.circle(cx - w * 0.03, bottom - w * 0.03, w * 0.045, fill=shaft)
        c.circle(cx + w * 0.03, bottom - w * 0.03, w * 0.045, fill=shade(shaft, 0.2))
    for k in range(3 if p.handle != "iron" else 2):
        y = head_y + (bottom - head_y) * (0.25 + 0.22 * k)
        c.rect(cx - w * 0.07, y, cx + w * 0.07, y + h * 0.012, fill=mix(pal.accent, pal.glow, 0.3))
    hw, hh = w * 0.2, h * 0.08
    metal = mix(pal.ink, pal.accent, 0.5)
    if p.head == "cup":
        bowl = [
            (cx - hw, head_y - hh * 0.5),
            (cx + hw, head_y - hh * 0.5),
            (cx + hw * 0.45, head_y + hh),
            (cx - hw * 0.45, head_y + hh),
        ]
        kit.shaded_poly(c, bowl, shade(metal, 0.4), tint(metal, 0.25), (cx - hw * 0.4, head_y), 4)
        c.ellipse(cx, head_y - hh * 0.5, hw, hh * 0.22, fill=mix(pal.accent, pal.glow, 0.4))
    elif p.head == "wrap":
        for k in range(4):
            y = head_y + hh * (0.8 - 0.4 * k)
            band = [
                (cx - hw * 0.55, y),
                (cx + hw * 0.55, y - hh * 0.35),
                (cx + hw * 0.55, y - hh * 0.05),
                (cx - hw * 0.55, y + hh * 0.3),
            ]
            c.polygon(band, fill=mix(shade(pal.accent, 0.4), pal.accent, k / 4))
    for x, width, height, tip, wig in tongues:
        c.polygon(
            _flame(x, head_y - hh * 0.4, width, height, tip, wig), fill=pal.accent, opacity=0.9
        )
    for x, width, height, tip, wig in tongues:
        c.polygon(
            _flame(x, head_y - hh * 0.45, width * 0.7, height * 0.75, tip * 0.8, wig),
            fill=mix(pal.accent, pal.glow, 0.6),
        )
    core = tongues[0]
    c.polygon(
        _flame(core[0], head_y - hh * 0.5, core[1] * 0.45, core[2] * 0.45, core[3] * 0.5, 0),
        fill=tint(pal.glow, 0.6),
    )
    if p.head == "cage":
        for k in range(5):
            bx = cx + (k / 4 - 0.5) * hw * 1.8
            c.line(
                [(bx * 0.6 + cx * 0.4, head_y + hh), (bx, head_y - hh * 0.9)],
                metal,
                width=w * 0.018,
            )
        c.ellipse(cx, head_y + hh, hw * 0.6, hh * 0.2, fill=metal)
        c.line(
            [(cx - hw * 0.9, head_y - hh * 0.9), (cx + hw * 0.9, head_y - hh * 0.9)],
            mix(pal.accent, pal.glow, 0.3),
            width=w * 0.02,
        )
    em = ctx.rng("embers")
    for _ in range(p.embers):
        ex = cx + lean + em.uniform(-1.2, 1.2) * fw
        ey = head_y - fh * em.uniform(0.6, 1.05)
        c.circle(ex, ey, w * em.uniform(0.006, 0.014), fill=pal.highlight)
    return c
