"""Drawing helpers shared by the glyphs part A families (fitting, cheap glows, shaded fills).

Speed matters more than generality here: glows are drawn once on a small canvas and become the
starting pixels of the picture (no full-size compositing), and soft gradients are built from a
few stacked vector shapes inside the single aggdraw session of a render.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Sequence
from typing import Any

import aggdraw
import numpy as np
from PIL import Image

from bananajam.assets import _pixels as px
from bananajam.assets import draw
from bananajam.assets.canvas import Canvas, Point
from bananajam.assets.registry import RenderContext
from bananajam.assets.themes import RGB, mix

Box = tuple[float, float, float, float]


def fit(ctx: RenderContext[Any], aspect: float) -> Box:
    """The largest box (x0, y0, w, h) of width/height `aspect` centred in the canvas."""
    W, H = float(ctx.width), float(ctx.height)
    w = min(W, H * aspect)
    h = w / aspect
    return ((W - w) / 2, (H - h) / 2, w, h)


def _upscale(img: Image.Image, size: tuple[int, int]) -> tuple[Image.Image, tuple[int, int]] | None:
    """Resize premultiplied pixels as they are, with public Pillow API only: the part of the
    result the glow reaches, and where it goes (None when the glow is empty).

    The canvas holds premultiplied bytes labelled "RGBA"; resizing them as "RGBA" would
    premultiply again, so the small glow is relabelled "RGBa" (which Pillow resizes as is).
    Bilinear upscaling costs per output pixel, so a large glow is interpolated to half the size
    and doubled by pixel repetition (NEAREST needs no premultiply, so it runs on "RGBA"):
    2 px steps are invisible in a blurred glow. Only the box the glow can touch is resampled
    (Pillow's `box` gives the same samples there as resizing the whole picture).
    """
    w, h = size
    big = w * h >= 40_000
    mid = ((w + 1) // 2, (h + 1) // 2) if big else size
    reach = px.affected(img, mid)
    if reach is None:
        return None
    x0, y0, x1, y1 = reach
    fx, fy = img.width / mid[0], img.height / mid[1]
    src = (x0 * fx, y0 * fy, x1 * fx, y1 * fy)
    part = px.relabel(img, "RGBa").resize((x1 - x0, y1 - y0), Image.Resampling.BILINEAR, box=src)
    out = px.relabel(part, img.mode)
    if not big:
        return out, (x0, y0)
    x0, y0 = 2 * x0, 2 * y0
    out = out.resize((out.width * 2, out.height * 2), Image.Resampling.NEAREST)
    if out.width > w - x0 or out.height > h - y0:  # an odd size's last half pixel
        out = out.crop((0, 0, min(out.width, w - x0), min(out.height, h - y0)))
    return out, (x0, y0)


def glow_canvas(
    width: int, height: int, draw_fn: Callable[[Canvas], None], radius: float
) -> Canvas:
    """A transparent canvas whose pixels start as a blurred glow drawn by `draw_fn`.

    The glow is drawn at low resolution, blurred and scaled up once: the subject is then drawn
    on top in the same canvas, so no full-size compositing pass is needed.
    """
    c = Canvas(width, height)
    factor = max(2, min(8, int(radius / 3)))
    small = c.reduced(factor)
    draw_fn(small)
    small.blur(radius)
    small.flush()
    glow = _upscale(small.img, c.pixel_size)
    if glow is not None and glow[0].size == c.pixel_size:
        c.img = glow[0]  # the glow reaches every pixel: it is the whole starting picture
    elif glow is not None:
        c.write_region(*glow)
    return c


@functools.lru_cache(maxsize=256)
def _brush(color: tuple[int, ...], alpha: int) -> aggdraw.Brush:
    return aggdraw.Brush(color, alpha)


@functools.lru_cache(maxsize=256)
def _pen(color: tuple[int, ...], width: float, alpha: int) -> aggdraw.Pen:
    return aggdraw.Pen(color, width, alpha)


def _alpha(opacity: float) -> int:
    return max(0, min(255, round(opacity * 255)))


def agg_brush(color: RGB, opacity: float = 1.0) -> aggdraw.Brush:
    """The aggdraw brush `Canvas.polygon(fill=...)` would make (cached), for batch drawing."""
    return _brush(tuple(color), _alpha(opacity))


def agg_pen(c: Canvas, color: RGB, width: float, opacity: float = 1.0) -> aggdraw.Pen:
    """The aggdraw pen `Canvas` would make for `c` (cached), for batch drawing."""
    return _pen(tuple(color), max(0.3, width * c.scale), _alpha(opacity))


def layered(below: RGB, top: RGB, opacity: float) -> RGB:
    """The colour `top` laid at `opacity` over opaque `below` gives (as AGG blends it)."""
    return mix(below, top, _alpha(opacity) / 255)


def halo(
    c: Canvas, cx: float, cy: float, r: float, color: RGB, opacity: float = 0.5, n: int = 6
) -> None:
    """A soft vector glow: `n` stacked faint discs shrinking towards the centre."""
    for k in range(n):
        rr = r * (1.0 - 0.8 * k / n)
        c.circle(cx, cy, rr, fill=color, opacity=opacity / n * (1 + k * 0.3))


def scaled(points: Sequence[Point], centre: Point, s: float) -> list[Point]:
    """`points` scaled by `s` about `centre`."""
    ox, oy = centre
    return [(ox + (x - ox) * s, oy + (y - oy) * s) for x, y in points]


def shaded_poly(
    c: Canvas,
    points: Sequence[Point],
    dark: RGB,
    light: RGB,
    focus: Point,
    n: int = 6,
    reach: float = 0.85,
    opacity: float = 1.0,
) -> None:
    """A polygon with a soft gradient: copies shrinking towards `focus` go from dark to light."""
    if len(points) < 3:
        return
    f = np.asarray(focus, dtype=float) * c.scale
    rel = np.asarray(points, dtype=float) * c.scale - f
    d = c.draw
    for k in range(n):
        t = k / n
        col = mix(dark, light, t) if k else dark
        d.polygon((f + rel * (1.0 - reach * t)).ravel().tolist(), agg_brush(col, opacity))


# `draw.brush` with the kit's coarser curve (6 points per segment; its strokes were drawn so)
brush = functools.partial(draw.brush, samples=6)


def ink_stroke(
    c: Canvas,
    points: Sequence[Point],
    width: float,
    core: RGB,
    wash: RGB,
    start: float = 0.15,
    end: float = 0.25,
) -> None:
    """A brush stroke with a wide faint ink-wash bleed under a solid tapered core."""
    path = draw.catmull_rom_array(points, 6) if 2 < len(points) < 12 else np.asarray(points, float)
    prof = draw.taper(len(path), start, end)
    wide = np.maximum(prof * width * 2.2, width * 0.09)
    c.polygon(draw.stroke_outline(path, wide), fill=wash, opacity=0.22)
    c.polygon(draw.stroke_outline(path, np.maximum(prof * width, width * 0.04)), fill=core)


def sparkle(c: Canvas, x: float, y: float, r: float, color: RGB, opacity: float = 1.0) -> None:
    """A four-pointed glint with a bright dot."""
    c.polygon(draw.star(x, y, r, r * 0.18, 4, -math.pi / 2), fill=color, opacity=opacity)
    c.circle(x, y, r * 0.22, fill=color, opacity=opacity)


def blob(
    rng: np.random.Generator, cx: float, cy: float, r: float, lobes: int, rough: float
) -> list[Point]:
    """A smooth irregular closed outline (an ink blot or a pebble)."""
    n = max(5, lobes)
    angles = np.linspace(0.0, 2 * math.pi, n, endpoint=False) + rng.uniform(0, 1)
    radii = r * (1.0 + rough * rng.uniform(-1.0, 1.0, n))
    pts = [(cx + q * math.cos(a), cy + q * math.sin(a)) for a, q in zip(angles, radii, strict=True)]
    return draw.catmull_rom(pts, samples=6, closed=True)


def rune_strokes(
    rng: np.random.Generator, cx: float, cy: float, w: float, h: float, strokes: int
) -> list[list[Point]]:
    """A procedural rune: a stave plus `strokes` segments joining nodes of a 3×3 grid."""
    nodes = [(i, j) for j in range(3) for i in range(3)]

    def at(node: tuple[int, int]) -> Point:
        return (cx + (node[0] - 1) * w / 2, cy + (node[1] - 1) * h / 2)

    stave = int(rng.integers(0, 3))
    out: list[list[Point]] = [[at((stave, 0)), at((stave, 2))]]
    used: list[tuple[tuple[int, int], tuple[int, int]]] = [((stave, 0), (stave, 2))]
    tries = 0
    while len(out) <= strokes and tries < 40:
        tries += 1
        a = nodes[int(rng.integers(0, 9))]
        b = nodes[int(rng.integers(0, 9))]
        if a == b or max(abs(a[0] - b[0]), abs(a[1] - b[1])) > 1 + (tries > 20):
            continue
        if (a, b) in used or (b, a) in used:
            continue
        used.append((a, b))
        out.append([at(a), at(b)])
    return out


def lerp_pts(a: Point, b: Point, n: int) -> list[Point]:
    """`n` evenly spaced points from a to b (for brushing straight marks)."""
    return [(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t) for t in np.linspace(0, 1, n)]
