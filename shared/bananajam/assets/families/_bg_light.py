"""Soft light and layout helpers for the backgrounds: skies, halos, shaded discs, fitting.

Split from `_bg_kit` (noise fields, colour maths and grounds), which these build on.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import aggdraw
import numpy as np
from PIL import Image

from bananajam.assets import _pixels as px
from bananajam.assets.canvas import Canvas, Point
from bananajam.assets.families._bg_kit import col, lerp, to_u8, vertical
from bananajam.assets.registry import RenderContext
from bananajam.assets.themes import RGB, Palette, mix, shade


def sky(
    pal: Palette, w: int, h: int, horizon: float, light: tuple[float, float], glow: float
) -> np.ndarray:
    """A dusk sky: dark zenith, accent-tinted horizon band and a soft light bloom (w×h, float)."""
    top = shade(pal.parchment, 0.35)
    band = mix(pal.parchment, pal.accent, 0.35)
    row = vertical(h, 1, [top, pal.parchment, mix(pal.parchment, band, 0.6), band])
    xs = (np.arange(w, dtype=np.float32) + 0.5) / w
    ys = (np.arange(h, dtype=np.float32) + 0.5) / h
    if horizon < 0.2:
        ys = ys * (horizon / 0.2)
    d = np.hypot((xs[None, :] - light[0]) * (w / h), ys[:, None] - light[1])
    bloom = np.exp(d * -5.0)
    bloom *= glow
    # the gradient rows plus the tinted bloom, a plane at a time (no H×W×3 broadcasts)
    tint_ = col(mix(pal.accent, pal.glow, 0.6))
    rgb = np.empty((h, w, 3), np.float32)
    for c in range(3):
        np.multiply(bloom, tint_[c], out=rgb[..., c])
        rgb[..., c] += row[:, :, c]
    return rgb


def halo(c: Canvas, x: float, y: float, r: float, color: RGB, opacity: float) -> None:
    """A soft round glow (few stacked discs on a small canvas, blurred and added)."""

    def paint(g: Canvas) -> None:
        g.circle(x, y, r, fill=color, opacity=0.5)
        g.circle(x, y, r * 0.55, fill=mix(color, (255, 255, 255), 0.2), opacity=0.6)

    c.glow(paint, radius=r * 0.6, opacity=opacity, mode="screen")


def halo_rgb(
    rgb: np.ndarray, size: tuple[int, int], x: float, y: float, r: float, color: RGB, opacity: float
) -> np.ndarray:
    """`halo` evaluated on a reduced ground image (canvas `size`), screen-blended in numpy."""
    h, w = rgb.shape[:2]
    xs = (np.arange(w, dtype=np.float32) + 0.5) * (size[0] / w) - x
    ys = (np.arange(h, dtype=np.float32) + 0.5) * (size[1] / h) - y
    d = np.sqrt(xs[None, :] ** 2 + ys[:, None] ** 2)
    k = 1.702 / (r * 0.6)  # logistic stand-in for a Gaussian-blurred disc edge
    outer = 0.5 / (1.0 + np.exp(np.minimum((d - r) * k, 60.0)))
    inner = 0.6 / (1.0 + np.exp(np.minimum((d - r * 0.55) * k, 60.0)))
    outer *= 1.0 - inner
    core, rim = col(mix(color, (255, 255, 255), 0.2)) * opacity, col(color) * opacity
    out = np.empty(rgb.shape, np.float32)
    src = np.empty(d.shape, np.float32)
    for c in range(3):  # screen, a plane at a time: rgb + src - rgb * src
        np.multiply(inner, core[c], out=src)
        src += outer * rim[c]
        np.multiply(rgb[..., c], 1.0 - src, out=out[..., c])
        out[..., c] += src
    return out


def shaded_disc(
    c: Canvas, cx: float, cy: float, r: float, inner: RGB, outer: RGB, light: Point
) -> None:
    """`draw.radial_shade` for big discs on an opaque ground: the smooth gradient is evaluated at
    a quarter of the resolution and scaled up, the crisp antialiased rim comes from an AGG mask."""
    s = c.scale
    pw, ph = c.pixel_size
    x0, y0 = max(0, int((cx - r) * s) - 1), max(0, int((cy - r) * s) - 1)
    x1, y1 = min(pw, int((cx + r) * s) + 2), min(ph, int((cy + r) * s) + 2)
    if x1 - x0 < 2 or y1 - y0 < 2:
        return
    w, h = x1 - x0, y1 - y0
    sw, sh = max(2, w // 4), max(2, h // 4)
    xs = x0 / s + (np.arange(sw, dtype=np.float32) + 0.5) * (w / sw / s) - (cx + light[0] * r)
    ys = y0 / s + (np.arange(sh, dtype=np.float32) + 0.5) * (h / sh / s) - (cy + light[1] * r)
    t = np.clip(np.sqrt(xs[None, :] ** 2 + ys[:, None] ** 2) / (r * 1.6), 0.0, 1.0)
    # a linear ramp of about a level per 2 px: the soft upscale's doubled pixels do not show
    grad = px.soft_upscale(to_u8(lerp(col(inner), col(outer), t)), (w, h)).convert("RGBA")
    mask = aggdraw.Draw("L", (w, h), 0)
    mask.setantialias(True)
    mask.ellipse(
        ((cx - r) * s - x0, (cy - r) * s - y0, (cx + r) * s - x0, (cy + r) * s - y0),
        aggdraw.Brush(255),
    )
    alpha = Image.frombytes("L", (w, h), mask.tobytes())
    box = (x0, y0, x1, y1)
    c.write_region(Image.composite(grad, c.read_region(box), alpha), (x0, y0))


def fit(ctx: RenderContext[Any], aspect: float) -> tuple[float, float, float, float]:
    """The largest centred box (x, y, w, h) of `aspect` (w/h) inside the canvas."""
    w, h = float(ctx.width), float(ctx.height)
    if w / h > aspect:
        bw, bh = h * aspect, h
    else:
        bw, bh = w, w / aspect
    return (w - bw) / 2, (h - bh) / 2, bw, bh


def polar(cx: float, cy: float, r: float, a: float) -> tuple[float, float]:
    return cx + r * math.cos(a), cy + r * math.sin(a)


def painter(
    discs: Sequence[Point] = (),
    radius: float = 0.0,
    shapes: Sequence[Sequence[Point]] = (),
    lines: Sequence[Sequence[Point]] = (),
    width: float = 1.0,
    color: RGB = (255, 255, 255),
) -> Callable[[Canvas], None]:
    """A draw function for `Canvas.glow`: discs, filled shapes and lines in one colour."""

    def paint(g: Canvas) -> None:
        for x, y in discs:
            g.circle(x, y, radius, fill=color)
        for s in shapes:
            g.polygon(s, fill=color)
        for ln in lines:
            g.line(ln, color, width)

    return paint
