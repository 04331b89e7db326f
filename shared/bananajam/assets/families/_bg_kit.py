"""Shared helpers for the background and seamless-texture families.

Fields are computed at a reduced working resolution with fast lattice noise (a random lattice
upsampled by Pillow's bicubic filter, optionally wrapped so it tiles), coloured in numpy, scaled
up once to the requested size, and then crisp vector detail is drawn on top with aggdraw.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterator, Sequence
from typing import Any

import aggdraw
import numpy as np
from PIL import Image

from bananajam.assets import _pixels as px
from bananajam.assets.canvas import Canvas
from bananajam.assets.registry import RenderContext
from bananajam.assets.themes import RGB, tint

BILINEAR = Image.Resampling.BILINEAR


def work_size(width: int, height: int, longest: int = 256) -> tuple[int, int]:
    """A reduced size with the same aspect whose longest side is at most `longest`."""
    k = min(1.0, longest / max(width, height))
    return max(4, round(width * k)), max(4, round(height * k))


def lattice_noise(
    rng: np.random.Generator,
    width: int,
    height: int,
    cells: float,
    tileable: bool = False,
    stretch: float = 1.0,
) -> np.ndarray:
    """Smooth noise in ~[0, 1]: a random lattice upsampled bicubically (`stretch` widens x)."""
    cx = max(1, round(cells / stretch))
    cy = max(1, round(cells * height / width))
    if not tileable:
        cx, cy = cx + 1, cy + 1
    lat = rng.random((cy, cx), dtype=np.float32)
    # Pillow's bicubic resize of the padded lattice (same values) as matrix products whose
    # weights already fold in the padding, in row blocks of at most 2**18 multiply-adds:
    # OpenBLAS threads bigger products and its idle threads spin.
    ky = _lattice_weights(cy, height, tileable)
    kxt = _lattice_weights(cx, width, tileable).T
    out = np.empty((height, width), np.float32)
    step = max(1, (1 << 18) // (cx * max(cy, width)))
    for r in range(0, height, step):
        np.matmul(ky[r : r + step] @ lat, kxt, out=out[r : r + step])
    return out


@functools.lru_cache(maxsize=128)
def _lattice_weights(n: int, n_out: int, tileable: bool) -> np.ndarray:
    """The n_out × n matrix taking a lattice axis of n values to n_out samples: Pillow's bicubic
    weights over the lattice padded by two (wrapped, or mirrored as `np.pad`'s "reflect"), with
    each padded column added onto the lattice column it copies."""
    box = (2.0, 2.0 + n) if tileable else (2.5, 1.5 + n)
    m = _bicubic_weights(n + 4, box[0], box[1], n_out)
    src = np.pad(np.arange(n), 2, mode="wrap" if tileable else "reflect")
    folded = np.zeros((n, n_out), np.float32)
    np.add.at(folded, src, m.T)
    return np.ascontiguousarray(folded.T)


def _bicubic_weights(n_in: int, lo: float, hi: float, n_out: int) -> np.ndarray:
    """The n_out × n_in matrix of Pillow's BICUBIC resampling of the span lo..hi (a = -0.5,
    weights normalised per output sample, the filter widened when shrinking)."""
    step = (hi - lo) / n_out
    c = lo + (np.arange(n_out) + 0.5) * step - 0.5  # in the input's pixel-index coordinates
    base = np.floor(c)
    if step <= 1.0 and base[0] >= 1.0 and base[-1] + 2.0 < n_in:
        # enlarging inside the input: four taps per sample, Keys' weights in closed form
        t = c - base
        t2, t3 = t * t, t * t * t
        rows, col0 = np.arange(n_out), base.astype(np.intp) - 1
        m = np.zeros((n_out, n_in), np.float32)
        m[rows, col0] = -0.5 * t3 + t2 - 0.5 * t
        m[rows, col0 + 1] = 1.5 * t3 - 2.5 * t2 + 1.0
        m[rows, col0 + 2] = -1.5 * t3 + 2.0 * t2 + 0.5 * t
        m[rows, col0 + 3] = 0.5 * t3 - 0.5 * t2
        return m
    fs = max(step, 1.0)
    first = np.maximum(0.0, np.floor(c - 2.0 * fs + 1.0)).astype(np.intp)
    taps = first[:, None] + np.arange(2 * math.ceil(2.0 * fs) + 1)
    x = np.abs(taps - c[:, None]) / fs
    w = np.where(x < 1.0, (1.5 * x - 2.5) * x * x + 1.0, ((2.5 - 0.5 * x) * x - 4.0) * x + 2.0)
    w[(x >= 2.0) | (taps >= np.minimum(n_in, np.floor(c + 2.0 * fs + 1.0))[:, None])] = 0.0
    m = np.zeros((n_out, n_in + taps.shape[1]), np.float32)
    np.put_along_axis(m, taps, w / w.sum(axis=1, keepdims=True), axis=1)
    return m[:, :n_in]


def fbm(
    rng: np.random.Generator,
    width: int,
    height: int,
    cells: float = 3.0,
    octaves: int = 4,
    persistence: float = 0.5,
    tileable: bool = False,
    stretch: float = 1.0,
) -> np.ndarray:
    """A fractal sum of lattice noise, normalised to [0, 1]."""
    total = np.zeros((height, width), np.float32)
    amp = 1.0
    for k in range(octaves):
        total += amp * lattice_noise(rng, width, height, cells * 2**k, tileable, stretch)
        amp *= persistence
    lo, hi = float(total.min()), float(total.max())
    return (total - lo) / (hi - lo + 1e-6)


def col(c: RGB) -> np.ndarray:
    """A palette colour as a float 0..1 vector for numpy blending."""
    return np.asarray(c, np.float32) / 255.0


def lerp(a: np.ndarray, b: np.ndarray, t: np.ndarray) -> np.ndarray:
    """Blend two colours (or images) by a field `t` (H×W)."""
    # Channel by channel: numpy is several times slower on a trailing axis of 3 broadcast
    # against an H×W×1 field (or a colour against an image) than on whole planes.
    shape = np.broadcast_shapes(np.shape(a), np.shape(b), (*t.shape, 1))
    out = np.empty(shape, np.float32)
    if np.shape(a) == shape and np.shape(b) == shape:
        np.subtract(b, a, out=out)
        for c in range(shape[-1]):
            out[..., c] *= t
        out += a
        return out
    tmp = np.empty(t.shape, np.float32)
    for c in range(shape[-1]):
        np.subtract(b[..., c], a[..., c], out=tmp)
        tmp *= t
        np.add(tmp, a[..., c], out=out[..., c])
    return out


def add_tint(rgb: np.ndarray, color: np.ndarray, field: np.ndarray) -> np.ndarray:
    """`rgb += color * field[..., None]` in place, a plane at a time (see `lerp`); `rgb`."""
    for c in range(rgb.shape[-1]):
        rgb[..., c] += field * color[c]
    return rgb


def smoothstep(e0: float, e1: float, x: np.ndarray) -> np.ndarray:
    t = np.clip((x - e0) / (e1 - e0), 0.0, 1.0)
    return t * t * (3.0 - 2.0 * t)


def ramp(field: np.ndarray, colors: Sequence[RGB]) -> np.ndarray:
    """`noise.ramp` kept in float32 (a [0, 1] field through evenly spaced colour stops)."""
    # One gather from a fine table of the ramp (its steps are a fifth of a colour level)
    # instead of interpolating between stops per pixel: about 3x cheaper.
    lut = _ramp_table(tuple(tuple(c) for c in colors))
    at = np.clip(field, 0.0, 1.0, dtype=np.float32)
    at *= np.float32(_RAMP_STEPS - 1)
    at += np.float32(0.5)
    out: np.ndarray = np.take(lut, at.astype(np.intp), axis=0)
    return out


_RAMP_STEPS = 4096


@functools.lru_cache(maxsize=64)
def _ramp_table(colors: tuple[tuple[int, ...], ...]) -> np.ndarray:
    stops = np.asarray(colors, np.float64) / 255.0
    pos = np.linspace(0.0, len(stops) - 1.0, _RAMP_STEPS)
    i = np.minimum(pos.astype(np.intp), len(stops) - 2)
    frac = (pos - i)[:, None]
    table: np.ndarray = (stops[i] * (1.0 - frac) + stops[i + 1] * frac).astype(np.float32)
    return table


def vertical(height: int, width: int, stops: Sequence[RGB]) -> np.ndarray:
    """A top-to-bottom gradient image through evenly spaced colour stops."""
    s = np.asarray(stops, np.float32) / 255.0
    pos = np.linspace(0.0, len(s) - 1.0, height, dtype=np.float32)
    i = np.minimum(pos.astype(np.int32), len(s) - 2)
    t = (pos - i)[:, None]
    row = s[i] * (1 - t) + s[i + 1] * t
    return np.broadcast_to(row[:, None, :], (height, width, 3)).copy()


def grid(width: int, height: int) -> tuple[np.ndarray, np.ndarray]:
    """Normalised pixel-centre coordinates (0..1 across each side), each H×W."""
    xs = (np.arange(width, dtype=np.float32) + 0.5) / width
    ys = (np.arange(height, dtype=np.float32) + 0.5) / height
    return np.meshgrid(xs, ys)


def to_u8(rgb: np.ndarray) -> Image.Image:
    # Opaque RGB: Pillow resizes it directly (RGBA would be premultiplied and back, twice).
    return Image.fromarray(np.clip(rgb * 255.0 + 0.5, 0, 255).astype(np.uint8), "RGB")


def ground(
    ctx: RenderContext[Any],
    rgb: np.ndarray,
    tileable: bool = False,
    flat: bool = False,
    covered: float | None = None,
    soft: bool = False,
) -> Canvas:
    """A full-size opaque canvas whose pixels are the (reduced) float image scaled up.

    `flat` keeps the canvas in RGB (AGG draws on it directly, no RGBA conversion): only for
    pictures that draw plain shapes on the ground and never composite or blend layers.
    `covered` is a y (canvas pixels) below which the picture later paints everything opaque
    (a foreground hill): the rows under it are not scaled up, just filled flat.
    `soft` scales up through `px.soft_upscale` (bilinear to half size, then each pixel doubled,
    when enlarged 4x or more): for fields with no sharp detail, where 2 px steps are a level or
    two; a quarter of the resampling, and the doubled rows deflate faster."""
    # The ground replaces every pixel: start from a 1x1 surface rather than filling a full-size
    # one (`ctx.canvas()` for an opaque picture), then hand it the scaled-up image.
    c = Canvas(ctx.width, ctx.height, ctx.palette.parchment, scale=1.0 / max(ctx.width, ctx.height))
    c.scale = 1.0
    img = to_u8(rgb)
    up = px.soft_upscale if soft else px.resize
    if img.size != (ctx.width, ctx.height):
        if tileable:
            h, w = rgb.shape[:2]
            img = to_u8(np.pad(rgb, ((2, 2), (2, 2), (0, 0)), mode="wrap"))
            img = px.resize(img, (ctx.width, ctx.height), box=(2, 2, 2 + w, 2 + h))
        elif covered is not None and math.ceil(covered) + 3 < ctx.height:
            # `box` scales just the visible rows; they come out exactly as in the full resize
            rows, (h, w) = max(1, math.ceil(covered) + 3), rgb.shape[:2]
            top = up(img, (ctx.width, rows), box=(0, 0, w, rows * h / ctx.height))
            img = Image.new("RGB", (ctx.width, ctx.height), tuple(ctx.palette.parchment))
            img.paste(top, (0, 0))
        else:
            img = up(img, (ctx.width, ctx.height))
    c.img = img if flat else img.convert("RGBA")
    return c


def wrapped(
    x: float, y: float, reach: float, width: int, height: int
) -> Iterator[tuple[float, float]]:
    """The copies of a feature at (x, y) needed so that it wraps around a tile's edges."""
    xs = [x] + [x + d for d in (-width, width) if -reach < x + d < width + reach]
    ys = [y] + [y + d for d in (-height, height) if -reach < y + d < height + reach]
    for yy in ys:
        for xx in xs:
            yield xx, yy


def stars(
    c: Canvas,
    rng: np.random.Generator,
    count: int,
    color: RGB,
    box: tuple[float, float, float, float] | None = None,
    size: float = 1.0,
    tile: bool = False,
) -> None:
    """A star field: many faint dots, fewer bright ones with a halo, a few four-point glints."""
    x0, y0, x1, y1 = box or (0.0, 0.0, float(c.width), float(c.height))
    u = c.unit * size
    pts = rng.random((count, 2))
    mags = rng.random(count) ** 3
    warm = tint(color, 0.5)
    # Hundreds of tiny marks: every star's sizes and opacity steps are worked out in numpy, and
    # the marks go straight to AGG with brushes cached per opacity step (in the same order).
    d, s = c.draw, c.scale
    r = u * (0.0012 + 0.0045 * mags)
    halo = [aggdraw.Brush(tuple(color), round(255 * k / 24)) for k in range(25)]
    dots = [aggdraw.Brush(tuple(warm), round(255 * k / 24)) for k in range(25)]
    glint = dots[round(0.7 * 24)]
    cols = (
        x0 + pts[:, 0] * (x1 - x0),
        y0 + pts[:, 1] * (y1 - y0),
        r * 8,
        mags,
        r * 3.2 * s,
        np.maximum(r, 0.35) * s,
        r * 7.0 * s,
        r * 0.55 * s,
        np.rint((0.12 + 0.2 * mags) * 24).astype(np.intp),
        np.rint((0.45 + 0.55 * mags) * 24).astype(np.intp),
    )
    for x, y, reach, m, g, k, arm, thin, hk, dk in zip(*(a.tolist() for a in cols), strict=True):
        copies = wrapped(x, y, reach, c.width, c.height) if tile else ((x, y),)
        for lx, ly in copies:
            sx, sy = lx * s, ly * s
            if m > 0.35:
                d.ellipse((sx - g, sy - g, sx + g, sy + g), halo[hk])
            d.ellipse((sx - k, sy - k, sx + k, sy + k), dots[dk])
            if m > 0.6:
                d.polygon((sx - arm, sy, sx, sy - thin, sx + arm, sy, sx, sy + thin), glint)
                d.polygon((sx, sy - arm, sx + thin, sy, sx, sy + arm, sx - thin, sy), glint)
