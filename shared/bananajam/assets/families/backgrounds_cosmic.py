"""Cosmic backgrounds: a domain-warped ink nebula and a fractured moon over a starry haze."""

from __future__ import annotations

import math
from typing import Literal

import numpy as np
from pydantic import Field

from bananajam.assets import draw
from bananajam.assets.canvas import Canvas
from bananajam.assets.families import _bg_kit as kit
from bananajam.assets.families import _bg_kit_b as kit_b
from bananajam.assets.families import _bg_light as lights
from bananajam.assets.params import AssetParams
from bananajam.assets.registry import RenderContext, asset
from bananajam.assets.themes import Palette, hue_shift, mix, shade, tint


def nebula_field(
    rng: np.random.Generator, w: int, h: int, cells: float, warp: float
) -> tuple[np.ndarray, np.ndarray]:
    """A domain-warped cloud density and a ridged filament field, both in [0, 1] (tileable)."""
    tileable = True
    base = kit.fbm(rng, w, h, cells, 5, 0.55, tileable)
    wx = kit.fbm(rng, w, h, cells * 0.7, 3, 0.5, tileable) - 0.5
    wy = kit.fbm(rng, w, h, cells * 0.7, 3, 0.5, tileable) - 0.5
    sx = (np.arange(w)[None, :] + wx * warp * w * 0.35).astype(np.int32) % w
    sy = (np.arange(h)[:, None] + wy * warp * h * 0.35).astype(np.int32) % h
    at = sy * w + sx  # one flat index, taken from both fields
    cloud = base.ravel().take(at)
    fil = kit.fbm(rng, w, h, cells * 1.6, 4, 0.55, tileable).ravel().take(at)
    ridged = 1.0 - np.abs(fil * 2.0 - 1.0)
    return cloud, ridged**6


def nebula_colour(
    pal: Palette, cloud: np.ndarray, fil: np.ndarray, hue: float, glow: float
) -> np.ndarray:
    """Colour a density field through the palette: ground, ink wash, accent, glow core."""
    second = hue_shift(pal.accent, hue)
    stops = [
        shade(pal.parchment, 0.3),
        pal.parchment,
        mix(pal.ink, second, 0.35),
        mix(second, pal.accent, 0.5),
        mix(pal.accent, pal.glow, 0.6),
        tint(pal.glow, 0.3),
    ]
    v = np.clip(cloud, 0, 1) ** 1.3
    rgb = kit.ramp(v, stops)
    kit.add_tint(rgb, kit.col(pal.glow) * 0.55, fil * glow * (0.3 + v))
    return np.clip(rgb, 0.0, 1.0)  # type: ignore[no-any-return]


class NebulaParams(AssetParams):
    structure: Literal["veil", "core", "pillars", "ring", "drift"] = "core"
    warp: float = Field(0.6, ge=0.15, le=1.3)
    scale: float = Field(2.5, ge=1.3, le=4.5)
    filaments: float = Field(0.6, ge=0.0, le=1.2)
    stars: int = Field(220, ge=60, le=480)
    hue: float = Field(0.0, ge=-40.0, le=40.0)


def _mask(structure: str, x: np.ndarray, y: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """The large-scale shape the nebula is gathered into."""
    cx, cy = rng.uniform(0.3, 0.7, 2)
    if structure == "core":
        d = np.hypot(x - cx, y - cy)
        return np.clip(1.15 - d * 1.9, 0, 1)  # type: ignore[no-any-return]
    if structure == "ring":
        d = np.hypot(x - cx, (y - cy) * 1.3)
        return np.clip(1.0 - np.abs(d - 0.3) * 3.5, 0, 1) + 0.15  # type: ignore[no-any-return]
    if structure == "veil":
        a = rng.uniform(0, math.pi)
        d = np.abs((x - cx) * math.sin(a) - (y - cy) * math.cos(a))
        return np.clip(1.1 - d * 3.2, 0, 1)  # type: ignore[no-any-return]
    if structure == "pillars":
        base = 1.0 - y * 0.4
        cols = 0.5 + 0.5 * np.cos((x * rng.integers(2, 5) + rng.random()) * 2 * math.pi)
        return np.clip(base * (0.35 + 0.75 * cols * (y + 0.2)), 0, 1)  # type: ignore[no-any-return]
    return 0.55 + 0.45 * np.sin((x + y * 0.4) * 5.0 + rng.random() * 6)


@asset(
    "ink_nebula",
    "backgrounds",
    (1024, 1024),
    NebulaParams,
    tags=("space", "nebula", "stars", "cosmic"),
)
def ink_nebula(ctx: RenderContext[NebulaParams]) -> Canvas:
    """Domain-warped ink-wash nebula clouds with filaments, dust lanes and a star field."""
    p = ctx.params
    w, h = kit.work_size(ctx.width, ctx.height, 200)
    cells = p.scale * max(ctx.width, ctx.height) / ctx.unit
    cloud, fil = nebula_field(ctx.rng("cloud"), w, h, cells, p.warp)
    x, y = kit.grid(w, h)
    m = _mask(p.structure, x, y, ctx.rng("mask"))
    dust = kit.fbm(ctx.rng("dust"), w, h, cells * 1.3, 4)
    density = np.clip(cloud * (0.35 + 0.9 * m) - kit.smoothstep(0.55, 0.8, dust) * 0.35, 0, 1)
    rgb = nebula_colour(ctx.palette, density, fil * m, p.hue, p.filaments)
    c = kit.ground(ctx, rgb, flat=True, soft=True)
    kit.stars(
        c, ctx.rng("stars"), p.stars * ctx.width * ctx.height // 1024**2 + 12, ctx.palette.glow
    )
    return c


class MoonParams(AssetParams):
    size: float = Field(0.36, ge=0.24, le=0.46)
    phase: float = Field(0.5, ge=-0.9, le=0.9)
    cracks: int = Field(5, ge=2, le=9)
    fragments: int = Field(5, ge=0, le=12)
    offset: float = Field(0.0, ge=-0.6, le=0.6)
    horizon: bool = True


def _crack(rng: np.random.Generator, cx: float, cy: float, r: float) -> list[tuple[float, float]]:
    """A jagged crack from near the centre to the rim of the moon."""
    a = rng.uniform(0, 2 * math.pi)
    start = rng.uniform(0.0, 0.45) * r
    pts = []
    for k, t in enumerate(np.linspace(start, r * 0.99, 6)):
        jig = rng.normal(0, 0.09) if 0 < k < 5 else rng.normal(0, 0.03)
        pts.append(lights.polar(cx, cy, t, a + jig))
    return pts


@asset(
    "fractured_moon",
    "backgrounds",
    (700, 500),
    MoonParams,
    tags=("moon", "space", "night", "cosmic"),
)
def fractured_moon(ctx: RenderContext[MoonParams]) -> Canvas:
    """A huge cracked moon bleeding light through its fractures, shedding shards over a haze."""
    p, pal = ctx.params, ctx.palette
    W, H, u = ctx.width, ctx.height, ctx.unit
    w, h = kit.work_size(W, H, 175)  # 4x: the soft ground upscale applies
    cloud, fil = nebula_field(ctx.rng("haze"), w, h, 2.2 * max(W, H) / u, 0.5)
    sky = kit.vertical(
        h, w, [shade(pal.parchment, 0.4), pal.parchment, mix(pal.parchment, pal.ink, 0.7)]
    )
    haze = kit.lerp(sky, kit.col(mix(pal.ink, pal.accent, 0.35)), cloud**2 * 0.8)
    kit.add_tint(haze, kit.col(pal.glow), fil * 0.18)
    r = u * p.size * 1.05
    cx = W / 2 + p.offset * (W / 2 - r * 1.05)
    cy = H * 0.46 if p.horizon else H / 2
    haze = lights.halo_rgb(
        np.clip(haze, 0, 1), (W, H), cx, cy, r * 1.35, mix(pal.accent, pal.glow, 0.5), 0.55
    )
    c = kit.ground(ctx, np.clip(haze, 0, 1), soft=True)
    kit.stars(c, ctx.rng("stars"), 70 + W * H // 3000, pal.glow)
    lit, dark = tint(pal.glow, 0.15), mix(pal.ink, pal.accent, 0.25)
    lights.shaded_disc(c, cx, cy, r, lit, mix(pal.accent, pal.ink, 0.35), light=(-0.3, -0.35))
    rng = ctx.rng("craters")
    for _ in range(int(rng.integers(6, 12))):
        a, d = rng.uniform(0, 2 * math.pi), r * math.sqrt(rng.uniform(0, 0.75))
        x, y = lights.polar(cx, cy, d, a)
        cr = r * rng.uniform(0.05, 0.15)
        c.circle(x, y, cr, fill=mix(pal.accent, pal.ink, 0.4), opacity=0.35)
        c.circle(x - cr * 0.15, y - cr * 0.15, cr * 0.8, fill=lit, opacity=0.12)
    # the phase shadow: an offset dark disc clipped to the moon by drawing its crescent lune
    sign = 1.0 if p.phase >= 0 else -1.0
    off = (1.0 - abs(p.phase)) * 1.9 * r * sign
    shadow = _lune(cx, cy, r, cx + off, cy)
    if shadow:
        c.polygon(shadow, fill=dark, opacity=0.82)
    rng = ctx.rng("cracks")
    cracks = [_crack(rng, cx, cy, r) for _ in range(p.cracks)]
    glow = mix(pal.glow, (255, 255, 255), 0.15)

    def paint(g: Canvas) -> None:
        for pts in cracks:
            g.line(pts, color=pal.glow, width=u * 0.02)

    c.glow(paint, radius=u * 0.018, opacity=1.0, mode="screen")
    for pts in cracks:
        draw.brush(c, pts, u * 0.016, shade(pal.ink, 0.2), 0.55, smooth=False, start=0.3, end=0.1)
        draw.brush(c, pts, u * 0.007, glow, smooth=False, start=0.3, end=0.05)
    rng = ctx.rng("shards")
    for _ in range(p.fragments):
        a = rng.uniform(0, 2 * math.pi)
        x, y = lights.polar(cx, cy, r * rng.uniform(1.12, 1.7), a)
        s = r * rng.uniform(0.04, 0.13)
        poly = draw.regular_polygon(x, y, s, int(rng.integers(3, 6)), rng.uniform(0, 6.3))
        c.polygon(poly, fill=mix(pal.accent, pal.ink, 0.3))
        c.polygon([poly[0], poly[1], (x, y)], fill=lit, opacity=0.7)
    if p.horizon:
        _horizon(c, ctx, H * 0.8)
    return c


def _lune(cx: float, cy: float, r: float, ox: float, oy: float) -> list[tuple[float, float]]:
    """The part of the moon disc covered by a disc of radius r at (ox, oy), as a polygon."""
    pts = []
    for a in np.linspace(0, 2 * math.pi, 96, endpoint=False):
        x, y = lights.polar(ox, oy, r * 1.02, a)
        if math.hypot(x - cx, y - cy) <= r * 1.01:
            pts.append((x, y))
        else:
            ang = math.atan2(y - cy, x - cx)
            pts.append(lights.polar(cx, cy, r * 1.01, ang))
    return pts


def _horizon(c: Canvas, ctx: RenderContext[MoonParams], base: float) -> None:
    """Two layers of jagged ridges, the far one lighter (atmospheric perspective)."""
    pal, W, H = ctx.palette, ctx.width, ctx.height
    rng = ctx.rng("ridges")
    for k, (lift, colr) in enumerate(
        ((0.1, mix(pal.ink, pal.accent, 0.3)), (0.0, shade(pal.ink, 0.35)))
    ):
        prof = kit_b.ridge_profile(rng, 80, 2.5 + k * 2, 0.55)
        ys = base - lift * H + (k - 0.2) * H * 0.05 - prof * H * (0.12 - k * 0.03)
        xs = np.linspace(-2, W + 2, len(prof))
        poly = [(float(x), float(y)) for x, y in zip(xs, ys, strict=True)]
        c.polygon([*poly, (W + 2.0, H + 2.0), (-2.0, H + 2.0)], fill=colr)
