"""Gradient fills of the UI family: a silhouette filled with a multi-stop gradient, outlined in
the same pixel box.

A part is painted in one region of the canvas: its coverage is rasterised by AGG, the gradient
is made as an opaque Pillow image, the old pixels are pasted into that through the complement of
the coverage (exactly premultiplied "over" of an opaque fill), and the outlines go on top by AGG
before the box is written back.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Sequence

import aggdraw
import numpy as np
from PIL import Image

from bananajam.assets.canvas import Canvas, Point
from bananajam.assets.themes import RGB

Poly = Sequence[Point]
Stroke = tuple[Poly, RGB, float, float]  # outline, colour, width, opacity
Line = tuple[list[float], RGB, float, float, float]  # flat outline, colour, width, opacity, shift
Mark = tuple[list[float], RGB, float, float]  # flat polygon, colour, opacity, pen width (0: fill)
Box = tuple[int, int, int, int]
_BILINEAR = Image.Resampling.BILINEAR
_PAD = 256  # ramp entries repeated past each end of a cached strip (see `_strip`)


def flat(poly: Poly) -> list[float]:
    """Points as the flat x, y, x, y... list AGG takes."""
    return list(itertools.chain.from_iterable(poly))


def lut(stops: Sequence[RGB]) -> np.ndarray:
    s = np.asarray(stops, np.float32) / 255.0
    pos = np.linspace(0.0, len(s) - 1, 256)
    i = np.minimum(pos.astype(np.int32), len(s) - 2)
    t = (pos - i)[:, None]
    return (s[i] * (1 - t) + s[i + 1] * t).astype(np.float32)  # type: ignore[no-any-return]


@functools.lru_cache(maxsize=64)
def _ramp(stops: tuple[RGB, ...]) -> np.ndarray:
    """The 256 opaque RGBA colours of a gradient through `stops` (themes repeat: cached)."""
    out = np.full((256, 4), 255, np.uint8)
    out[:, :3] = lut(stops) * 255.0 + 0.5
    return out


@functools.lru_cache(maxsize=64)
def _strip(stops: tuple[RGB, ...]) -> Image.Image:
    """The ramp as a one-row image, each end colour repeated `_PAD` more times."""
    ramp = _ramp(stops)
    row = np.concatenate([ramp[:1].repeat(_PAD, 0), ramp, ramp[-1:].repeat(_PAD, 0)])
    return Image.fromarray(row[None], "RGBA")


def _linear(box: Box, stops: tuple[RGB, ...], angle: float, pts: np.ndarray) -> Image.Image:
    """The opaque linear gradient over pixel `box`, along `angle` across the extent of `pts`:
    the ramp strip spread over the box by an affine nearest-neighbour lookup."""
    x0, y0, x1, y1 = box
    ca, sa = math.cos(angle), math.sin(angle)
    proj = pts @ (ca, sa)
    lo, hi = float(proj.min()), float(proj.max())
    k = 255.0 / max(hi - lo, 1e-3)  # ramp entries per pixel along the gradient
    ends = (min(x0 * ca, x1 * ca) + min(y0 * sa, y1 * sa) - lo) * k
    if ends < -_PAD or (max(x0 * ca, x1 * ca) + max(y0 * sa, y1 * sa) - lo) * k > 255 + _PAD:
        # a box far past the ends of a short gradient: clamp the lookup explicitly
        n = int(max(abs(ca) * (x1 - x0) + abs(sa) * (y1 - y0), 1)) + 2
        p0 = min(x0 * ca, x1 * ca) + min(y0 * sa, y1 * sa)
        t = np.clip((p0 + 0.5 + np.arange(n) - lo) * k + 0.5, 0, 255).astype(np.intp)
        strip = Image.fromarray(_ramp(stops)[t][None], "RGBA")
        coeffs = (ca, sa, x0 * ca + y0 * sa - p0, 0.0, 0.0, 0.0)
    else:  # entry (p - lo) * k + 0.5 of the ramp, rounded, where p is the projected pixel centre
        strip = _strip(stops)
        coeffs = (ca * k, sa * k, (x0 * ca + y0 * sa - lo) * k + 0.5 + _PAD, 0.0, 0.0, 0.0)
    return strip.transform((x1 - x0, y1 - y0), Image.Transform.AFFINE, coeffs)


def _radial(box: Box, stops: tuple[RGB, ...], at: Point, radius: float) -> Image.Image:
    """The opaque radial gradient over pixel `box`, from `at` out to `radius`: evaluated on a
    1/4 grid (sample centres matching PIL's bilinear resize) and scaled up. A large one is
    interpolated to half size and each pixel doubled: it changes by a level or so per pixel."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    sw, sh = -(-w // 4), -(-h // 4)
    gx = x0 + (np.arange(sw, dtype=np.float32) + 0.5) * (w / sw)
    gy = y0 + (np.arange(sh, dtype=np.float32)[:, None] + 0.5) * (h / sh)
    t = np.hypot(gx - at[0], gy - at[1]) * (255.0 / max(radius, 1e-3))
    idx = Image.fromarray(np.clip(t, 0, 255).astype(np.uint8), "L")
    half = w * h >= 40_000 and radius >= 100
    if (sw, sh) != (w, h):
        idx = idx.resize(((w + 1) // 2, (h + 1) // 2) if half else (w, h), _BILINEAR)
    idx.putpalette(_ramp(stops)[:, :3].tobytes(), "RGB")
    out = idx.convert("RGBA")
    return out.resize((w, h), Image.Resampling.NEAREST) if out.size != (w, h) else out


def shaded(
    c: Canvas,
    polys: Sequence[Poly],
    stops: Sequence[RGB],
    angle: float = 0.0,
    radial: Point | None = None,
    radius: float = 0.0,
    holes: Sequence[Poly] = (),
    opacity: float = 1.0,
    strokes: Sequence[Stroke] = (),
    marks: Sequence[Mark] = (),
) -> None:
    """Fill the union of `polys` (minus `holes`) with a gradient through `stops`.

    Linear along `angle` (radians, 0 = left→right) across the shape's extent, or radial from
    point `radial` out to `radius`. `strokes` (outline, colour, width, opacity), then `marks`,
    are drawn on top inside the same pixel box, so a whole part costs one region read and write.
    """
    lines = [(flat(q), col, w, op, 0.0) for q, col, w, op in strokes]
    paint(c, polys, holes, stops, angle, radial, radius, opacity, lines, marks)


def _reach(marks: Sequence[Mark]) -> tuple[float, float, float, float] | None:
    """The logical box the marks cover (grown by half the widest pen)."""
    drawn = [mk for mk in marks if len(mk[0]) >= 6]
    if not drawn:
        return None
    xy = np.fromiter(itertools.chain.from_iterable(mk[0] for mk in drawn), np.float64)
    xy = xy.reshape(-1, 2)
    (x0, y0), (x1, y1) = xy.min(axis=0).tolist(), xy.max(axis=0).tolist()
    pad = max(mk[3] for mk in drawn) / 2
    return x0 - pad, y0 - pad, x1 + pad, y1 + pad


def _draw_marks(d: aggdraw.Draw, marks: Sequence[Mark], sc: float, at: tuple[int, int]) -> None:
    """Marks in logical units onto the box image `d` whose corner is canvas pixel `at`; the
    same shapes (and so the same pixels) as `Canvas.polygon` draws on the whole canvas."""
    d.settransform((sc, 0.0, -at[0], 0.0, sc, -at[1]))
    brushes: dict[tuple[RGB, int], aggdraw.Brush] = {}
    for q, color, op, width in marks:
        if len(q) >= 6:
            alpha = max(0, min(255, round(op * 255)))
            if width > 0:
                d.polygon(q, aggdraw.Pen(tuple(color), max(0.3, width * sc), alpha))
                continue
            brush = brushes.get((color, alpha))
            if brush is None:
                brush = brushes[color, alpha] = aggdraw.Brush(tuple(color), alpha)
            d.polygon(q, brush)


def ink(c: Canvas, marks: Sequence[Mark]) -> None:
    """Draw `marks` inside their own pixel box (one region read and write): on a canvas whose
    pixels are held as an image this avoids handing the whole picture to AGG and back."""
    reach = _reach(marks)
    if reach is None:
        return
    sc, (cw, ch) = c.scale, c.pixel_size
    x0, y0 = max(0, int(reach[0] * sc) - 2), max(0, int(reach[1] * sc) - 2)
    x1, y1 = min(cw, int(reach[2] * sc) + 3), min(ch, int(reach[3] * sc) + 3)
    if x1 <= x0 or y1 <= y0:
        return
    d = aggdraw.Draw(c.read_region((x0, y0, x1, y1)))
    d.setantialias(True)
    _draw_marks(d, marks, sc, (x0, y0))
    out = Image.frombuffer("RGBA", (x1 - x0, y1 - y0), d.tobytes(), "raw", "RGBA", 0, 1)
    c.write_region(out, (x0, y0))


def paint(
    c: Canvas,
    polys: Sequence[Poly],
    holes: Sequence[Poly],
    stops: Sequence[RGB],
    angle: float,
    radial: Point | None,
    radius: float,
    opacity: float,
    lines: Sequence[Line],
    marks: Sequence[Mark] = (),
) -> None:
    """`shaded` with outlines given as `Line`s: flat points drawn shifted by (shift, shift)."""
    body = [flat(q) for q in polys if len(q)]
    if not body:
        return
    allp = np.array(list(itertools.chain.from_iterable(body)), np.float64).reshape(-1, 2)
    (lx, ly), (hx, hy) = allp.min(axis=0).tolist(), allp.max(axis=0).tolist()
    sc = c.scale
    pad = max((ln[2] * sc for ln in lines), default=0.0) + 1.0
    reach = _reach(marks)
    if reach is not None:  # the box also holds the marks
        lx, ly = min(lx, reach[0] * sc - 1.0), min(ly, reach[1] * sc - 1.0)
        hx, hy = max(hx, reach[2] * sc + 1.0), max(hy, reach[3] * sc + 1.0)
    x0, y0 = max(0, int(lx - pad)), max(0, int(ly - pad))
    x1 = min(c.pixel_size[0], int(hx + pad) + 2)
    y1 = min(c.pixel_size[1], int(hy + pad) + 2)
    if x1 - x0 < 1 or y1 - y0 < 1:
        return
    w, h = x1 - x0, y1 - y0
    keep = aggdraw.Draw("L", (w, h), 255)  # 255 - coverage of polys minus holes (× opacity)
    keep.setantialias(True)
    keep.settransform((-x0, -y0))
    brush = aggdraw.Brush(round(255 * (1.0 - opacity)))
    for q in body:
        if len(q) >= 6:
            keep.polygon(q, brush)
    brush = aggdraw.Brush(255)
    for hole in holes:
        if len(hole) >= 3:
            keep.polygon(flat(hole), brush)
    key = tuple(stops)
    if radial is not None:
        out = _radial((x0, y0, x1, y1), key, radial, radius)
    else:
        out = _linear((x0, y0, x1, y1), key, angle, allp)
    # `out` is new (so writable): the old pixels go into it where the shape does not cover
    out.paste(c.read_region((x0, y0, x1, y1)), (0, 0), Image.frombytes("L", (w, h), keep.tobytes()))
    if lines or marks:
        d = aggdraw.Draw(out)
        d.setantialias(True)
        for q, color, width, op, dxy in lines:
            if len(q) >= 6:
                d.settransform((sc, 0.0, dxy * sc - x0, 0.0, sc, dxy * sc - y0))
                d.polygon(q, aggdraw.Pen(color, max(0.3, width * sc), round(255 * op)))
        _draw_marks(d, marks, sc, (x0, y0))
        out = Image.frombuffer("RGBA", (w, h), d.tobytes(), "raw", "RGBA", 0, 1)
    c.write_region(out, (x0, y0))
