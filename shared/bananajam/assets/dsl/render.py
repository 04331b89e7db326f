"""Drawing a validated spec: one small renderer per layer type.

Spec coordinates are in the spec's own width and height and are scaled to the requested size.
The index varies a spec through `SpecParams` (how strongly declared jitter and size variance
apply, and how dense counted layers are) and through per-layer seeded generators (positions).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from pydantic import Field

from bananajam.assets import draw, noise
from bananajam.assets.canvas import Canvas
from bananajam.assets.dsl.models import (
    BackgroundNoiseLayer,
    FillLayer,
    NoiseLayer,
    RingLayer,
    ShapeLayer,
    Spec,
    SpiralLayer,
    SplatterLayer,
    StarfieldLayer,
    Variation,
)
from bananajam.assets.params import AssetParams
from bananajam.assets.registry import RenderContext
from bananajam.assets.themes import RGB, mix, shade, tint


class SpecParams(AssetParams):
    """Variation knobs every spec type has."""

    jitter_gain: float = Field(2.0, ge=1.0, le=4.0, description="Multiplies declared jitter.")
    size_gain: float = Field(1.5, ge=1.0, le=2.5, description="Multiplies size variance.")
    density: float = Field(1.0, ge=0.6, le=1.4, description="Scales counts.")


@dataclass(frozen=True)
class Frame:
    """Maps spec coordinates to logical canvas pixels."""

    sx: float
    sy: float

    @property
    def s(self) -> float:
        return min(self.sx, self.sy)

    def pt(self, x: float, y: float) -> tuple[float, float]:
        return x * self.sx, y * self.sy


def _jitter(rng: np.random.Generator, var: Variation, gain: float) -> tuple[float, float]:
    j = var.jitter * gain
    return float(rng.uniform(-j, j)), float(rng.uniform(-j, j))


def _size(rng: np.random.Generator, var: Variation, gain: float) -> float:
    v = min(0.95, var.size_variance * gain)
    return float(1.0 + rng.uniform(-v, v))


def _fill(c: Canvas, layer: FillLayer, ctx: RenderContext[SpecParams], f: Frame, i: int) -> None:
    c.rect(0, 0, c.width, c.height, fill=ctx.palette.role(layer.color))


def _background_noise(
    c: Canvas, layer: BackgroundNoiseLayer, ctx: RenderContext[SpecParams], f: Frame, i: int
) -> None:
    pal = ctx.palette
    base = pal.parchment if layer.parchment else pal.ink
    w, h = max(8, c.img.width // 4), max(8, c.img.height // 4)
    field = noise.fbm(ctx.rng(f"layer{i}"), w, h, cells=5.0, octaves=4)
    rgb = noise.ramp(field, [shade(base, 0.5), base, tint(base, 0.25)])
    c.paste_rgb(rgb, np.full((h, w), layer.intensity, np.float32))


def _noise(c: Canvas, layer: NoiseLayer, ctx: RenderContext[SpecParams], f: Frame, i: int) -> None:
    pal = ctx.palette
    cell = max(1.0, 2.0 * layer.scale * f.s)
    w, h = max(4, round(c.img.width / cell)), max(4, round(c.img.height / cell))
    # 256 grain levels through colour and alpha lookup tables: a gather instead of a ramp per pixel.
    levels = ctx.rng(f"layer{i}").integers(0, 256, (h, w), dtype=np.uint8)
    steps = np.linspace(0.0, 1.0, 256, dtype=np.float32)
    colours = noise.ramp(steps, [pal.ink, pal.parchment, pal.glow])
    alphas = np.abs(steps - 0.5) * 2.0 * (layer.opacity / 255.0)
    c.paste_rgb(colours[levels], alphas[levels])


def _ring(c: Canvas, layer: RingLayer, ctx: RenderContext[SpecParams], f: Frame, i: int) -> None:
    rng, p = ctx.rng(f"layer{i}"), ctx.params
    cx, cy = layer.center or (ctx.width / f.sx / 2, ctx.height / f.sy / 2)
    dx, dy = _jitter(rng, layer.variation, p.jitter_gain)
    x, y = f.pt(cx + dx, cy + dy)
    r = layer.radius * f.s * _size(rng, layer.variation, p.size_gain)
    colour = ctx.palette.role(layer.color)
    if layer.glow:
        c.glow(lambda g: draw.ring(g, x, y, r, layer.thickness * f.s * 3, colour), r * 0.08 + 2)
    draw.ring(c, x, y, r, layer.thickness * f.s, colour)


def _spiral(
    c: Canvas, layer: SpiralLayer, ctx: RenderContext[SpecParams], f: Frame, i: int
) -> None:
    rng, p = ctx.rng(f"layer{i}"), ctx.params
    cx, cy = layer.center or (ctx.width / f.sx / 2, ctx.height / f.sy / 2)
    dx, dy = _jitter(rng, layer.variation, p.jitter_gain)
    x, y = f.pt(cx + dx, cy + dy)
    phase = float(rng.uniform(0, 2 * math.pi))
    t = np.linspace(0.0, layer.turns * 2 * math.pi, max(24, int(layer.turns * 48)))
    rad = layer.spacing * f.s * _size(rng, layer.variation, p.size_gain) * t / (2 * math.pi)
    pts = [
        (x + r * math.cos(a + phase), y + r * math.sin(a + phase))
        for a, r in zip(t, rad, strict=True)
    ]
    draw.brush(c, pts, layer.thickness * f.s * 2, ctx.palette.role(layer.color), smooth=False)


def _splatter(
    c: Canvas, layer: SplatterLayer, ctx: RenderContext[SpecParams], f: Frame, i: int
) -> None:
    rng = ctx.rng(f"layer{i}")
    colour = ctx.palette.role(layer.color)
    count = round(layer.count * ctx.params.density)
    w, h = ctx.width, ctx.height
    for _ in range(count):
        if layer.area == "center":
            x, y = rng.normal(w / 2, w / 8), rng.normal(h / 2, h / 8)
        else:
            x, y = rng.uniform(0, w), rng.uniform(0, h)
        r = layer.max_radius * f.s * float(rng.uniform(0.2, 1.0))
        k = 9
        angles = np.linspace(0, 2 * math.pi, k, endpoint=False) + rng.uniform(0, 1)
        radii = r * rng.uniform(0.6, 1.2, k)
        blob = [
            (x + rr * math.cos(a), y + rr * math.sin(a))
            for a, rr in zip(angles, radii, strict=True)
        ]
        c.polygon(draw.catmull_rom(blob, 4, closed=True), fill=colour, opacity=0.85)
        for _ in range(int(rng.integers(1, 4))):
            a, d = rng.uniform(0, 2 * math.pi), r * rng.uniform(1.3, 2.4)
            c.circle(
                x + d * math.cos(a),
                y + d * math.sin(a),
                r * rng.uniform(0.08, 0.2),
                fill=colour,
                opacity=0.85,
            )


def _starfield(
    c: Canvas, layer: StarfieldLayer, ctx: RenderContext[SpecParams], f: Frame, i: int
) -> None:
    rng = ctx.rng(f"layer{i}")
    colour = ctx.palette.role(layer.color)
    count = round(layer.count * ctx.params.density)
    xs, ys = rng.uniform(0, ctx.width, count), rng.uniform(0, ctx.height, count)
    sizes = rng.power(0.25, count) * 2.2 * max(0.5, f.s)
    bright = rng.uniform(0.35, 1.0, count)
    for x, y, s, b in zip(xs, ys, sizes, bright, strict=True):
        c.circle(float(x), float(y), float(s) * 0.6 + 0.3, fill=colour, opacity=float(b))
        if s > 1.8 * max(0.5, f.s):
            arm = float(s) * 3
            c.polygon(
                draw.star(float(x), float(y), arm, arm * 0.18, 4),
                fill=tint(colour, 0.4),
                opacity=float(b) * 0.8,
            )


def _shape(c: Canvas, layer: ShapeLayer, ctx: RenderContext[SpecParams], f: Frame, i: int) -> None:
    rng, p, var = ctx.rng(f"layer{i}"), ctx.params, layer.variation
    colour: RGB = ctx.palette.role(layer.fill)
    edge = mix(colour, ctx.palette.glow, 0.35)
    if layer.shape == "circle" and layer.center and layer.radius:
        dx, dy = _jitter(rng, var, p.jitter_gain)
        x, y = f.pt(layer.center[0] + dx, layer.center[1] + dy)
        r = layer.radius * f.s * _size(rng, var, p.size_gain)
        # A lit sphere with a soft halo: spec shapes get shading, not flat discs.
        c.glow(lambda g: g.circle(x, y, r * 1.15, fill=colour), r * 0.35, opacity=0.6)
        draw.radial_shade(c, x, y, r, tint(colour, 0.35), shade(colour, 0.35))
        c.circle(x, y, r, outline=edge, width=max(1.0, r * 0.04))
        return
    if layer.shape == "rect" and layer.rect:
        x0, y0, x1, y1 = layer.rect
        pts = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    else:
        pts = list(layer.points or [])
    # Jitter each vertex on its own, and scale about the centroid: the outline itself varies.
    mx, my = sum(q[0] for q in pts) / len(pts), sum(q[1] for q in pts) / len(pts)
    k = _size(rng, var, p.size_gain)
    moved = []
    for x, y in pts:
        dx, dy = _jitter(rng, var, p.jitter_gain)
        moved.append(f.pt(mx + (x - mx) * k + dx, my + (y - my) * k + dy))
    # Bevel shading: the shape in a darker tone, a lighter inset copy pulled towards the
    # top-left light, then a rim in the glow colour.
    cx, cy = sum(q[0] for q in moved) / len(moved), sum(q[1] for q in moved) / len(moved)
    inset = [(cx + (x - cx) * 0.86 - 2 * f.s, cy + (y - cy) * 0.9 - 2 * f.s) for x, y in moved]
    c.polygon(moved, fill=shade(colour, 0.25))
    c.polygon(inset, fill=tint(colour, 0.08), opacity=0.85)
    c.polygon(moved, outline=edge, width=max(1.0, 2 * f.s))


LayerFn = Callable[[Canvas, object, RenderContext[SpecParams], Frame, int], None]
_DISPATCH: dict[type, LayerFn] = {
    FillLayer: _fill,  # type: ignore[dict-item]
    BackgroundNoiseLayer: _background_noise,  # type: ignore[dict-item]
    NoiseLayer: _noise,  # type: ignore[dict-item]
    RingLayer: _ring,  # type: ignore[dict-item]
    SpiralLayer: _spiral,  # type: ignore[dict-item]
    SplatterLayer: _splatter,  # type: ignore[dict-item]
    StarfieldLayer: _starfield,  # type: ignore[dict-item]
    ShapeLayer: _shape,  # type: ignore[dict-item]
}


def make_renderer(spec: Spec) -> Callable[[RenderContext[SpecParams]], Canvas]:
    """A renderer drawing the spec's layers in order."""

    def render(ctx: RenderContext[SpecParams]) -> Canvas:
        c = ctx.canvas()
        frame = Frame(ctx.width / spec.width, ctx.height / spec.height)
        for i, layer in enumerate(spec.layers):
            _DISPATCH[type(layer)](c, layer, ctx, frame, i)
        return c

    render.__doc__ = spec.description or f"Spec type {spec.name}."
    return render
