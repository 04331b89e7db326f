"""Fast layer helpers for the creatures A giraffe and wolf.

Same looks as `halo` and `clipped` in `_creature_kit_a`, but every extra layer covers only the
bounding box of the shape it decorates instead of the whole canvas: the soft halo is drawn as a
small coverage mask, blurred, scaled to its box and screened there; clipped decorations are
painted through a translated aggdraw context onto a box-sized layer.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable

import aggdraw
import numpy as np
from PIL import Image, ImageChops, ImageFilter

from bananajam.assets import _pixels as px
from bananajam.assets.canvas import Canvas
from bananajam.assets.families._creature_kit_a import Arr
from bananajam.assets.themes import RGB


def _box(c: Canvas, outline: Arr, pad: float) -> tuple[int, int, int, int] | None:
    """Pixel box around `outline` (logical coordinates) grown by `pad` pixels, inside the image."""
    s = c.scale
    lo = np.maximum(np.floor(outline.min(axis=0) * s - pad).astype(int), 0)
    hi = np.minimum(np.ceil(outline.max(axis=0) * s + pad).astype(int) + 1, c.pixel_size)
    if (hi <= lo).any():
        return None
    return int(lo[0]), int(lo[1]), int(hi[0]), int(hi[1])


def _mask(size: tuple[int, int], polys: list[tuple[Arr, int]]) -> Image.Image:
    """An antialiased L mask: each (pixel polygon, value) painted in order."""
    m = Image.new("L", size, 0)
    d = aggdraw.Draw(m)
    d.setantialias(True)
    for poly, value in polys:
        d.polygon(poly.ravel().tolist(), aggdraw.Brush(value))
    d.flush()
    return m


@functools.lru_cache(maxsize=32)
def _light(color: RGB, opacity: float) -> bytes:
    """Coverage → premultiplied RGBA of `color` at `opacity`, as a 256-entry palette."""
    out = bytearray()
    for v in range(256):
        a = round(v * opacity)
        out += bytes((*(round(a * ch / 255) for ch in color), a))
    return bytes(out)


def halo(
    c: Canvas, outline: Arr, color: RGB, radius: float, opacity: float = 0.5, first: bool = False
) -> None:
    """Soft light behind a shape, screened onto `c` inside the shape's blurred box only.

    `first` says nothing is drawn on `c` yet: screening onto empty ground changes nothing, so
    the light is written straight in."""
    s = c.scale
    factor = max(1, min(8, int(radius * s / 3)))
    box = _box(c, outline, 3 * radius * s + 2 * factor)
    if box is None:
        return
    w, h = box[2] - box[0], box[3] - box[1]
    small = (max(1, math.ceil(w / factor)), max(1, math.ceil(h / factor)))
    lo = np.asarray(box[:2], float)
    m = _mask(small, [((outline * s - lo) / factor, 255)])
    m = px.soft_upscale(m.filter(ImageFilter.GaussianBlur(radius * s / factor)), (w, h))
    m.putpalette(_light(color, opacity), "RGBA")
    src = m.convert("RGBA")
    c.write_region(src if first else ImageChops.screen(c.read_region(box), src), box[:2])


def clipped(
    c: Canvas, outline: Arr, paint: Callable[[Canvas], None], cut: Arr | None = None
) -> None:
    """Run `paint` over a copy of the shape's box and keep what falls inside `outline` (minus
    `cut`): the painted copy is mixed back by the outline's coverage, which is the same as
    clipping the marks and laying them over."""
    s = c.scale
    box = _box(c, outline, 2)
    if box is None:
        return
    size = (box[2] - box[0], box[3] - box[1])
    lo = np.asarray(box[:2], float)
    before = c.read_region(box)
    layer = Canvas(1, 1, scale=s)
    layer.width, layer.height = c.width, c.height
    layer.img = before.copy()
    d = aggdraw.Draw(layer.img)
    d.setantialias(True)
    d.settransform((-lo[0], -lo[1]))
    layer._draw = d
    paint(layer)
    layer.flush()
    polys = [(outline * s - lo, 255)]
    if cut is not None:
        polys.append((cut * s - lo, 0))
    c.write_region(Image.composite(layer.img, before, _mask(size, polys)), box[:2])


def clipped_fill(c: Canvas, groups: list[tuple[Arr, Arr | None, Arr]], color: RGB) -> None:
    """Opaque `color` shapes (each group a B×K×2 stack) kept inside its outline, minus its cut.

    All shapes share one colour, so a coverage mask is all the layer needed, and the colour is
    laid through it onto the box the outlines span, in one pass. Each group's mask is its shapes
    with everything outside the outline (and inside the cut) painted back to zero."""
    s = c.scale
    boxes = [b for b in (_box(c, outline, 2) for outline, _, _ in groups) if b is not None]
    if not boxes:
        return
    lo_x, lo_y = min(b[0] for b in boxes), min(b[1] for b in boxes)
    size = (max(b[2] for b in boxes) - lo_x, max(b[3] for b in boxes) - lo_y)
    lo = np.asarray((lo_x, lo_y), float)
    frame = [-1.0, -1.0, size[0] + 1.0, -1.0, size[0] + 1.0, size[1] + 1.0, -1.0, size[1] + 1.0]
    cover: Image.Image | None = None
    for outline, cut, shapes in groups:
        if not len(shapes):
            continue
        m = Image.new("L", size, 0)
        d = aggdraw.Draw(m)
        d.setantialias(True)
        ink, clear = aggdraw.Brush(255), aggdraw.Brush(0)
        for sh in shapes:
            d.polygon((sh * s - lo).ravel().tolist(), ink)
        out = aggdraw.Path()
        out.polygon(frame)
        out.polygon((outline * s - lo)[::-1].ravel().tolist())  # a hole if wound the other way
        if _turn(outline) < 0:  # the hole must run against the frame's winding
            out = aggdraw.Path()
            out.polygon(frame)
            out.polygon((outline * s - lo).ravel().tolist())
        d.path(out, clear)
        if cut is not None:
            d.polygon((cut * s - lo).ravel().tolist(), clear)
        d.flush()
        cover = m if cover is None else ImageChops.add(cover, m)
    if cover is None:
        return
    box = (lo_x, lo_y, lo_x + size[0], lo_y + size[1])
    solid = Image.new("RGBA", size, (*color, 255))
    c.write_region(Image.composite(solid, c.read_region(box), cover), box[:2])


def _turn(P: Arr) -> float:
    """Twice the signed area of a closed outline (positive: the same way as the frame)."""
    n = np.concatenate((P[1:], P[:1]))
    return float(P[:, 0] @ n[:, 1] - n[:, 0] @ P[:, 1])
