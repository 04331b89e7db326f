"""Gradient fills for the glyphs part-B families, drawn as bands in AGG (no raster pass)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any

import aggdraw
import numpy as np
from PIL import Image

from bananajam.assets.canvas import Canvas, Point
from bananajam.assets.themes import RGB, mix


def gradient_poly(
    c: Canvas,
    pts: Sequence[Point],
    c0: RGB,
    c1: RGB,
    axis: Point = (0.0, 1.0),
    opacity: float = 1.0,
) -> None:
    """Fill a polygon with a linear gradient from `c0` to `c1` along `axis` (AA-edged)."""
    for fill in gradient_fills(c, [pts], c0, c1, axis, opacity):
        fill()


def gradient_fills(
    c: Canvas,
    polys: Sequence[Sequence[Point]],
    c0: RGB,
    c1: RGB,
    axis: Point = (0.0, 1.0),
    opacity: float = 1.0,
) -> list[Callable[[], None]]:
    """One gradient fill per polygon (as `gradient_poly`), worked out together, drawn when called.

    All in AGG: steps of ~2 colour levels (at most 64) do not band. Each step is the polygon
    clipped to its slab of the axis (across the polygon's own box), reaching 2 px under the next
    step (drawn outwards from the middle): no seams, and AGG only rasterises the slab's scanlines.
    """
    out: list[Callable[[], None]] = [_nothing] * len(polys)
    if opacity < 1.0:
        mid = mix(c0, c1, 0.5)
        return [functools.partial(c.polygon, p, fill=mid, opacity=opacity) for p in polys]
    use = [i for i, p in enumerate(polys) if len(p) >= 3]
    if not use:
        return out
    n = max(len(polys[i]) for i in use)  # shorter outlines repeat their last point: empty edges
    a = np.array([[*polys[i], *[polys[i][-1]] * (n - len(polys[i]))] for i in use]) * c.scale
    lo_xy, span = a.min(axis=1), np.maximum(np.ptp(a, axis=1), 1e-6)
    ax = np.asarray(axis, np.float64)
    lo, hi = min(0.0, axis[0]) + min(0.0, axis[1]), max(0.0, axis[0]) + max(0.0, axis[1])
    t = (((a - lo_xy[:, None]) / span[:, None]) @ ax - lo) / (hi - lo + 1e-9)
    ov = 2.0 * np.hypot(*(ax / span).T) / (hi - lo + 1e-9)  # 2 px in t units, per polygon
    diff = max(abs(int(u) - int(v)) for u, v in zip(c0, c1, strict=True))
    ks = np.maximum(1, np.minimum(min(64.0, diff / 2.0), np.hypot(*span.T) / 2)).astype(int)
    for k in set(ks.tolist()):
        idx = np.flatnonzero(ks == k)
        m = k // 2
        up, down = np.arange(m + 1, k), np.arange(m - 1, -1, -1)
        band = np.concatenate([[m], up, down])
        o = ov[idx, None]
        s_lo = np.concatenate([[m / k], up / k, down / k])[None, :] - (band <= m) * o
        s_hi = np.concatenate([[m + 1], up + 1, down + 1])[None, :] / k + (band >= m) * o
        s_lo[:, band == 0], s_hi[:, band == k - 1] = -1e9, 1e9
        cols = np.rint(np.add(c0, np.subtract(c1, c0) * ((band + 0.5) / k)[:, None]))
        inks = [aggdraw.Brush(tuple(col)) for col in cols.astype(int).tolist()]
        flat, ends = _slabs(a[idx], t[idx], s_lo[..., None], s_hi[..., None])
        for j, i in enumerate(idx.tolist()):
            ij = ends[j * k : (j + 1) * k + 1]
            out[use[i]] = functools.partial(_draw_slabs, c, flat, ij, inks)
    return out


def _slabs(
    xy: np.ndarray, t: np.ndarray, lo: np.ndarray, hi: np.ndarray
) -> tuple[list[float], list[int]]:
    """Outlines of polygons `xy` (P, n, 2) clipped to slabs lo <= t <= hi (P, K, 1), one after
    another in one flat list, and where each slab's outline starts and ends in it.

    Only the (edge, slab) pairs whose ranges of t meet are worked out (an edge meets a few
    slabs, not all K): the slab bounds rise with the band, so each edge's slabs are one run
    found by a sorted search.
    """
    P, n = t.shape
    K = lo.shape[1]
    lo, hi = lo[..., 0], hi[..., 0]
    nxt = np.r_[1:n, 0]
    t1 = t[:, nxt]
    m = K // 2  # slabs come in drawing order (middle, up, down); pos: the slab of band b
    pos = np.r_[K - 1 : K - 1 - m : -1, 0 : K - m]
    off = (np.arange(P) * 16.0)[:, None]
    lo_key = (np.clip(lo[:, pos], -4.0, 5.0) + off).ravel()
    hi_key = (np.clip(hi[:, pos], -4.0, 5.0) + off).ravel()
    first = np.searchsorted(hi_key, (np.minimum(t, t1) + off).ravel(), "left")
    last = np.searchsorted(lo_key, (np.maximum(t, t1) + off).ravel(), "right")
    cnt = np.maximum(last - first, 0)
    pe = np.repeat(np.arange(P * n), cnt)
    run = np.arange(len(pe)) - np.repeat(np.cumsum(cnt) - cnt, cnt)
    b = np.repeat(first, cnt) + run - (pe // n) * K  # band position of each pair
    p, e = pe // n, pe % n
    slab = p * K + pos[b]
    order = np.argsort(slab * n + e, kind="stable")
    p, e, slab = p[order], e[order], slab[order]
    t0, tn = t[p, e], t1[p, e]
    s_lo, s_hi = lo.ravel()[slab], hi.ravel()[slab]
    ge, le = t0 >= s_lo, t0 <= s_hi
    dt = np.where(tn == t0, 1.0, tn - t0)
    f_lo = np.where(ge != (tn >= s_lo), (s_lo - t0) / dt, 2.0)
    f_hi = np.where(le != (tn <= s_hi), (s_hi - t0) / dt, 2.0)
    f_a, f_b = np.minimum(f_lo, f_hi), np.maximum(f_lo, f_hi)
    # Per slab and edge, in order: the edge's start if inside, then the crossings it makes.
    keep = np.stack([ge & le, f_a <= 1.0, f_b <= 1.0], axis=-1)
    i, j = np.nonzero(keep)
    f = np.where(j == 1, f_a[i], f_b[i])
    f[j == 0] = 0.0
    a, q = xy[p[i], e[i]], xy[p[i], nxt[e[i]]]
    pts = a + (q - a) * f[:, None]
    ends = np.cumsum(np.bincount(slab[i], minlength=P * K)) * 2
    return pts.ravel().tolist(), [0, *ends.tolist()]


def _draw_slabs(c: Canvas, flat: list[float], ends: list[int], inks: list[Any]) -> None:
    dr = c.draw
    for start, end, ink in zip(ends[:-1], ends[1:], inks, strict=True):
        if end > start:
            dr.polygon(flat[start:end], ink)


def _nothing() -> None:
    pass


def sphere(c: Canvas, cx: float, cy: float, r: float, inner: RGB, outer: RGB) -> None:
    """A shaded disc lit from the upper left (as `draw.radial_shade`), in fewer passes:
    distances from 1-D offsets in float32, and the opaque colour pasted through the disc's
    coverage by Pillow (the premultiplied "over" of an opaque colour, in one pass)."""
    s = c.scale
    w, h = c.pixel_size
    x0, y0 = max(0, int((cx - r) * s) - 1), max(0, int((cy - r) * s) - 1)
    x1, y1 = min(w, int((cx + r) * s) + 2), min(h, int((cy + r) * s) + 2)
    if x1 <= x0 or y1 <= y0:
        return
    xs = (np.arange(x0, x1, dtype=np.float32) + 0.5) / s - cx
    ys = (np.arange(y0, y1, dtype=np.float32) + 0.5) / s - cy
    d = np.sqrt(np.add.outer(ys * ys, xs * xs))
    cover = np.clip(np.float32(r * s + 0.5) * 255 - d * np.float32(s * 255) + 0.5, 0, 255)
    lx, ly = xs + np.float32(0.35 * r), ys + np.float32(0.35 * r)  # from the light
    t = np.sqrt(np.add.outer(ly * ly, lx * lx)) * np.float32(1.0 / (r * 1.6))
    np.minimum(t, 1.0, out=t)
    c0 = np.asarray(inner, np.float32) + 0.5
    colour = np.full((y1 - y0, x1 - x0, 4), 255, np.uint8)
    colour[..., :3] = c0 + np.multiply.outer(t, np.asarray(outer, np.float32) - c0 + 0.5)
    dst = c.read_region((x0, y0, x1, y1))
    dst.paste(Image.fromarray(colour, "RGBA"), (0, 0), Image.fromarray(cover.astype(np.uint8), "L"))
    c.write_region(dst, (x0, y0))
