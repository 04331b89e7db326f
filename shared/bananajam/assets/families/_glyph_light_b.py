"""Soft light for the glyphs part-B families: blurred glows drawn small and added back.

A glow is drawn at 1/4..1/8 resolution, blurred there and added to the canvas. The add is done
here in numpy rather than by `Canvas.composite`: enlarged 4x or more, the light is interpolated at
every other pixel (as `_pixels.soft_upscale` does) and doubled with a repeat, then added with
saturation into the region it reaches (a third of the cost of a NEAREST resize plus channel add).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PIL import Image

from bananajam.assets import _pixels as px
from bananajam.assets.canvas import Canvas


def glow_pass(
    c: Canvas, fn: Callable[[Canvas], None], radius: float, opacity: float, blank: bool = False
) -> None:
    """One soft-light layer, drawn at 1/4..1/8 resolution (a blurred glow hides the pixels).

    `blank` tells that nothing is drawn on `c` yet and its ground is transparent (pass
    `ctx.transparent` for the first mark on `ctx.canvas()`): the light is then written, not added.
    """
    sigma = radius * c.scale
    if sigma < 1.5:
        return
    small = c.reduced(max(1, min(8, round(sigma / 1.5))))
    fn(small)
    small.blur(float(radius))
    if opacity < 1.0:  # scale the small image: the full-size add then skips that pass
        dim = np.minimum(np.rint(np.asarray(small.img) * opacity), 255).astype(np.uint8)
        small.img = Image.fromarray(dim, "RGBA")
    _add_light(c, small.img, blank)


def _add_light(c: Canvas, src: Image.Image, blank: bool) -> None:
    """Add premultiplied `src` (the whole canvas at lower resolution) onto `c`, like
    `c.composite(small, "add")`."""
    size = c.pixel_size
    region = px.affected(src, size)
    if region is None:
        return
    fx, fy = src.width / size[0], src.height / size[1]
    x0, y0, x1, y1 = region
    rw, rh = x1 - x0, y1 - y0
    # Enlarged 4x or more (as `px.soft_upscale` decides), the light is sampled at every other
    # pixel and doubled; an even box keeps each sample centred on its pair of pixels.
    enlarge = min(rw / max(x1 * fx - x0 * fx, 1e-9), rh / max(y1 * fy - y0 * fy, 1e-9))
    half = rw * rh >= px.SOFT_MIN_PIXELS and enlarge >= px.SOFT_MIN_FACTOR
    if half:
        x0, x1 = _even(x0, x1, size[0])
        y0, y1 = _even(y0, y1, size[1])
        rw, rh = x1 - x0, y1 - y0
    box = (x0 * fx, y0 * fy, x1 * fx, y1 * fy)
    out = ((rw + 1) // 2, (rh + 1) // 2) if half else (rw, rh)
    light = np.asarray(px.as_premul(src).resize(out, Image.Resampling.BILINEAR, box=box))
    if half:
        light = light.repeat(2, 0).repeat(2, 1)[:rh, :rw]
    if blank:  # adding onto transparent ground is the light itself
        c.write_region(Image.fromarray(np.ascontiguousarray(light), "RGBA"), (x0, y0))
        return
    region = (x0, y0, x1, y1)
    dst = np.asarray(c.read_region(region))
    room = 255 - dst
    np.minimum(room, light, out=room)
    room += dst
    c.write_region(Image.fromarray(room, "RGBA"), (x0, y0))


def _even(a: int, b: int, n: int) -> tuple[int, int]:
    """The span a..b grown by a pixel to an even length where it fits in 0..n."""
    if (b - a) % 2:
        return (a, b + 1) if b < n else (max(0, a - 1), b)
    return a, b
