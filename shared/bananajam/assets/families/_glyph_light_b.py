"""Soft light for the glyphs part-B families: blurred glows drawn small and added back.

A glow is drawn at 1/4..1/8 resolution, blurred there and added to the canvas. The add is done
here in numpy rather than by `Canvas.composite`: enlarged 4x or more, the light is interpolated at
every other pixel (as `_pixels.soft_upscale` does) and doubled with a repeat, then added with
saturation into the region it reaches (a third of the cost of a NEAREST resize plus channel add).
A light at full density (enlarged less) is cut into bands of rows as wide as it reaches there.
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
        small.img = px.scale_all(small.img, opacity)
    _add_light(c, small.img, blank)


def _add_light(c: Canvas, src: Image.Image, blank: bool) -> None:
    """Add premultiplied `src` (the whole canvas at lower resolution) onto `c`, like
    `c.composite(small, "add")`, band by band over the rows the light reaches."""
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
    half = px.soft_halves((rw, rh), enlarge)
    if half:
        x0, x1 = _even(x0, x1, size[0])
        y0, y1 = _even(y0, y1, size[1])
    premul = px.as_premul(src)
    # a halved light costs a quarter as much: not worth cutting into bands
    bands = [(x0, y0, x1, y1)] if half else _bands(src, (x0, y0, x1, y1), fx, fy)
    for bx0, by0, bx1, by1 in bands:
        bw, bh = bx1 - bx0, by1 - by0
        box = (bx0 * fx, by0 * fy, bx1 * fx, by1 * fy)
        out = ((bw + 1) // 2, (bh + 1) // 2) if half else (bw, bh)
        img = premul.resize(out, Image.Resampling.BILINEAR, box=box)
        light = np.asarray(img)
        if blank:  # adding onto transparent ground is the light itself
            img = Image.fromarray(light, "RGBA")  # the same bytes, labelled as the canvas's
            if half:  # doubled by NEAREST (a copy, unlike a resample: no premultiplying)
                img = img.resize((out[0] * 2, out[1] * 2), Image.Resampling.NEAREST)
                img = img.crop((0, 0, bw, bh)) if img.size != (bw, bh) else img
            c.write_region(img, (bx0, by0))
            continue
        if half:
            light = light.repeat(2, 0).repeat(2, 1)[:bh, :bw]
        dst = np.asarray(c.read_region((bx0, by0, bx1, by1)))
        room = 255 - dst
        np.minimum(room, light, out=room)
        room += dst
        c.write_region(Image.fromarray(room, "RGBA"), (bx0, by0))


_BAND = 32  # rows per band
_CALL_PX = 4_000  # a band costs about as much as resampling this many more pixels
_REACH = 2  # source pixels a bilinear sample reads past a lit one (as `px.affected`)


def _bands(
    src: Image.Image, region: tuple[int, int, int, int], fx: float, fy: float
) -> list[tuple[int, int, int, int]]:
    """`region` cut into bands of rows, each only as wide as the light reaching its rows (the
    glow of a winding stroke fills little of its box), neighbours merged while that is cheaper.
    Resampling a band's box gives the same samples as resampling the whole region there."""
    x0, y0, x1, y1 = region
    if y1 - y0 < 3 * _BAND:
        return [region]
    lit = np.asarray(src).view(np.uint32)[..., 0] != 0  # any channel set
    h, w = lit.shape
    if np.count_nonzero(lit) * 3 > (x1 - x0) * (y1 - y0) * fx * fy:  # dense: one box
        return [region]
    on = lit.any(axis=1)
    first = np.pad(np.where(on, lit.argmax(axis=1), w), _REACH, constant_values=w)
    last = np.where(on, w - 1 - lit[:, ::-1].argmax(axis=1), -1)
    last = np.pad(last, _REACH, constant_values=-1)
    n = 2 * _REACH + 1  # each source row with the rows a sample there also reads
    first = np.min([first[k : k + h] for k in range(n)], axis=0)
    last = np.max([last[k : k + h] for k in range(n)], axis=0)
    tops = np.arange(y0, y1, _BAND)
    starts = np.minimum((tops * fy).astype(int), h - 1)
    ends = np.minimum((np.minimum(tops + _BAND, y1) * fy).astype(int), h - 1)
    lo = np.minimum(np.minimum.reduceat(first, starts), first[ends])
    hi = np.maximum(np.maximum.reduceat(last, starts), last[ends])
    u0 = np.maximum(x0, ((lo - _REACH) / fx).astype(int))
    u1 = np.minimum(x1, ((hi + 1 + _REACH) / fx).astype(int) + 1)
    out: list[tuple[int, int, int, int]] = []
    for a, b0, b1 in zip(tops.tolist(), u0.tolist(), u1.tolist(), strict=True):
        b = min(y1, a + _BAND)
        if b1 <= b0:
            continue
        if out and out[-1][3] == a:
            p0, pa, p1, _ = out[-1]
            m0, m1 = min(p0, b0), max(p1, b1)
            if (m1 - m0) * (b - pa) - (p1 - p0) * (a - pa) - (b1 - b0) * (b - a) < _CALL_PX:
                out[-1] = (m0, pa, m1, b)
                continue
        out.append((b0, a, b1, b))
    return out


def _even(a: int, b: int, n: int) -> tuple[int, int]:
    """The span a..b grown by a pixel to an even length where it fits in 0..n."""
    if (b - a) % 2:
        return (a, b + 1) if b < n else (max(0, a - 1), b)
    return a, b
