"""Light and stud helpers of the UI family: auras, halos, sparks and domed studs.

Each works inside its own pixel box (auras only where they can show), so none of them makes the
canvas copy its whole picture between AGG and numpy.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence

import aggdraw
import numpy as np
from PIL import Image, ImageChops, ImageFilter

from bananajam.assets import _pixels as px
from bananajam.assets import draw
from bananajam.assets.canvas import Canvas, Point
from bananajam.assets.families._ui_fill import Mark, flat
from bananajam.assets.families._ui_kit import Metal
from bananajam.assets.themes import RGB, mix, shade, tint

Poly = Sequence[Point]


def aura(
    c: Canvas,
    polys: Sequence[Poly],
    color: RGB,
    radius: float,
    opacity: float,
    solid: Poly | None = None,
    first: bool = False,
) -> None:
    """A soft additive light around (and under) a silhouette.

    `solid` is a shape the caller covers with opaque paint afterwards: the light is not blended
    inside a rectangle that fits in it (nobody would see it there), which saves most of the work.
    `first` says nothing is drawn yet: adding onto empty ground is a copy, so the light is
    written straight in.
    """
    factor = max(1, min(8, int(radius * c.scale / 3)))
    # one flat colour: the light is its coverage times that colour, so only the coverage is
    # drawn small, blurred and scaled up, and a palette turns it into premultiplied colour
    cover = _soft(c, polys, radius, factor)
    size = c.pixel_size
    region = px.affected(cover, size)
    if region is None:
        return
    hidden = _inner_box(solid, c.scale) if solid is not None else None
    fx, fy = cover.width / size[0], cover.height / size[1]
    ramp = _light_palette(tuple(color), opacity)
    for x0, y0, x1, y1 in _strips(region, hidden):
        w, h = x1 - x0, y1 - y0
        box = (x0 * fx, y0 * fy, x1 * fx, y1 * fy)
        # blurred light enlarged 4x or more changes by a level or two per pixel: interpolated
        # at half size and each pixel doubled (as `Canvas.composite` does) it looks the same
        half = px.soft_halves((w, h), factor)
        at = ((w + 1) // 2, (h + 1) // 2) if half else (w, h)
        patch = cover.resize(at, Image.Resampling.BILINEAR, box=box)
        patch.putpalette(ramp, "RGBA")
        out = patch.convert("RGBA")
        if half:
            out = out.resize((w, h), Image.Resampling.NEAREST)
        if not first:
            out = ImageChops.add(c.read_region((x0, y0, x1, y1)), out)
        c.write_region(out, (x0, y0))


Box = tuple[int, int, int, int]


def _soft(c: Canvas, polys: Sequence[Poly], radius: float, factor: int) -> Image.Image:
    """The coverage of `polys` drawn at 1/`factor` size and blurred by `radius`: the alpha a
    reduced canvas would hold after `Canvas.blur`, without blurring three colour channels."""
    s = c.scale / factor
    w, h = max(1, round(c.width * s)), max(1, round(c.height * s))
    d = aggdraw.Draw("L", (w, h), 0)
    d.setantialias(True)
    d.settransform((s, 0.0, 0.0, 0.0, s, 0.0))
    brush = aggdraw.Brush(255)
    for poly in polys:
        if len(poly) >= 3:
            d.polygon(flat(poly), brush)
    img = Image.frombytes("L", (w, h), d.tobytes())
    bbox = img.getbbox()
    if bbox is None:
        return img
    blur = ImageFilter.GaussianBlur(radius * s)
    box = px.padded(bbox, int(3 * radius * s) + 3, (w, h))
    if (box[2] - box[0]) * (box[3] - box[1]) > 0.7 * w * h:
        return img.filter(blur)
    img.paste(img.crop(box).filter(blur), box[:2])  # the ground far from the shapes stays 0
    return img


@functools.lru_cache(maxsize=32)
def _light_palette(color: tuple[int, ...], opacity: float) -> bytes:
    """Coverage → premultiplied RGBA of `color` at `opacity` (a 256-entry RGBA palette)."""
    a = np.arange(256, dtype=np.float64) * opacity
    rgba = np.stack([*(a * (ch / 255.0) for ch in color), a], axis=1)
    return bytes(np.clip(np.round(rgba), 0, 255).astype(np.uint8).tobytes())


_T = np.linspace(0.0, 1.0, 24)[:, None]
# 96 points around the unit square's edge (its corners among them), as fractions of a box
_RIM = np.vstack(
    [
        np.hstack([_T, _T * 0]),
        np.hstack([_T, _T * 0 + 1]),
        np.hstack([_T * 0, _T]),
        np.hstack([_T * 0 + 1, _T]),
    ]
)
_CORNERS = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])


def _inner_box(poly: Poly, scale: float) -> Box | None:
    """A pixel rectangle inside `poly` (centred on its box, as large as a few tries allow):
    the first size whose corners, then 24 points along each side, all fall inside."""
    pts = np.asarray(poly, np.float64) * scale
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    mid, half = (lo + hi) / 2, (hi - lo) / 2
    tries = [(mid - half * k + 3, mid + half * k - 3) for k in (0.85, 0.75, 0.66, 0.55)]
    tries = [(a, b) for a, b in tries if (b > a).all()]  # 3 px clear of the antialiased edge
    if not tries:
        return None
    corners = np.vstack([a + (b - a) * _CORNERS for a, b in tries])
    fit = np.all(_inside(corners, pts).reshape(-1, 4), axis=1)
    for (a, b), ok in zip(tries, fit, strict=True):
        if ok and _inside(a + (b - a) * _RIM, pts).all():
            return int(a[0]), int(a[1]), int(b[0]), int(b[1])
    return None


def _inside(q: np.ndarray, poly: np.ndarray) -> np.ndarray:
    """Even-odd point-in-polygon for many points at once."""
    x, y = q[:, :1], q[:, 1:]
    x0, y0 = poly[:, 0], poly[:, 1]
    x1, y1 = np.roll(x0, -1), np.roll(y0, -1)
    cross = (y0 > y) != (y1 > y)
    xi = x0 + (y - y0) * (x1 - x0) / np.where(y1 == y0, 1e-12, y1 - y0)
    return (np.count_nonzero(cross & (x < xi), axis=1) % 2) == 1  # type: ignore[no-any-return]


def _strips(region: Box, hole: Box | None) -> list[Box]:
    """`region` minus the rectangle `hole`, as up to four rectangles."""
    if hole is None:
        return [region]
    rx0, ry0, rx1, ry1 = region
    hx0, hy0 = max(hole[0], rx0), max(hole[1], ry0)
    hx1, hy1 = min(hole[2], rx1), min(hole[3], ry1)
    if hx1 <= hx0 or hy1 <= hy0:
        return [region]
    out = [(rx0, ry0, rx1, hy0), (rx0, hy1, rx1, ry1), (rx0, hy0, hx0, hy1), (hx1, hy0, rx1, hy1)]
    return [b for b in out if b[2] > b[0] and b[3] > b[1]]


def spark(c: Canvas, x: float, y: float, r: float, color: RGB, opacity: float = 1.0) -> None:
    """A four-point twinkle."""
    c.polygon(draw.star(x, y, r, r * 0.22, 4, -math.pi / 2), fill=color, opacity=opacity)


def twinkle(x: float, y: float, r: float, color: RGB, opacity: float = 1.0) -> Mark:
    """`spark` as a mark (for `k.plate`, `k.shaded` or `k.ink`)."""
    return (flat(draw.star(x, y, r, r * 0.22, 4, -math.pi / 2)), color, opacity, 0.0)


def halo(c: Canvas, x: float, y: float, r: float, blur: float, color: RGB, opacity: float) -> None:
    """A soft additive light disc of radius `r` feathered by `blur`, blended only in its box
    (a cheap local stand-in for `Canvas.glow` on one small circle)."""
    reach = r + 2.0 * blur
    x0, y0 = max(0, int(x - reach)), max(0, int(y - reach))
    x1, y1 = min(c.pixel_size[0], int(x + reach) + 1), min(c.pixel_size[1], int(y + reach) + 1)
    if x1 - x0 < 1 or y1 - y0 < 1:
        return
    gx = np.arange(x0, x1, dtype=np.float32) + 0.5
    gy = np.arange(y0, y1, dtype=np.float32)[:, None] + 0.5
    t = np.clip((np.hypot(gx - x, gy - y) - r + blur) / (3.0 * max(blur, 0.5)), 0.0, 1.0)
    # the light is one colour: its coverage, turned into premultiplied colour by a palette
    patch = Image.fromarray(((1.0 - t) ** 2 * 255.0 + 0.5).astype(np.uint8), "L")
    patch.putpalette(_light_palette(tuple(color), opacity), "RGBA")
    out = ImageChops.add(c.read_region((x0, y0, x1, y1)), patch.convert("RGBA"))
    c.write_region(out, (x0, y0))


def _discs(
    im: Image.Image, at: tuple[int, int], s: float, discs: Sequence[Sequence[float]]
) -> None:
    """Paint (cx, cy, r, opacity, *rgb) discs in logical units onto the box image `im` at `at`."""
    d = aggdraw.Draw(im)
    d.setantialias(True)
    for cx, cy, r, op, *rgb in discs:
        px0, py0 = (cx - r) * s - at[0], (cy - r) * s - at[1]
        box = (px0, py0, px0 + 2 * r * s, py0 + 2 * r * s)
        d.ellipse(box, aggdraw.Brush(tuple(int(v) for v in rgb), max(0, min(255, round(op * 255)))))
    d.flush()


def _stepped(
    r: float, m: Metal, gem: RGB | None
) -> list[tuple[float, float, float, aggdraw.Brush]]:
    """A small stud as discs (dx, dy, radius, brush) about its centre: seat, steps toward the
    light, spark."""
    top = gem if gem is not None else m.shine
    inner, outer = tint(top, 0.3), shade(gem or m.dark, 0.3)
    out = [(0.0, 0.0, r * 1.18, aggdraw.Brush(tuple(m.deep), 255))]
    for i in range(4):
        f = 1.0 - i / 4.0
        o = -0.35 * r * (1.0 - f)
        out.append((o, o, r * f, aggdraw.Brush(tuple(mix(outer, inner, i / 3.0)), 255)))
    out.append((-r * 0.35, -r * 0.38, r * 0.22, aggdraw.Brush(tuple(tint(top, 0.7)), 217)))
    return out


def studs(c: Canvas, centres: Sequence[Point], r: float, m: Metal, gem: RGB | None = None) -> None:
    """A row of `boss` studs of radius `r`; small ones share one pixel box (one read, one write)
    instead of one trip through the whole canvas each."""
    s = c.scale
    if r * s > 10 or not centres:
        for x, y in centres:
            boss(c, x, y, r, m, gem)
        return
    pts = np.asarray(centres, np.float64) * s
    reach = r * 1.18 * s
    x0, y0 = (max(0, int(v - reach) - 2) for v in pts.min(axis=0))
    x1 = min(c.pixel_size[0], int(pts[:, 0].max() + reach) + 3)
    y1 = min(c.pixel_size[1], int(pts[:, 1].max() + reach) + 3)
    if x1 <= x0 or y1 <= y0:
        return
    im = c.read_region((x0, y0, x1, y1))
    d = aggdraw.Draw(im)
    d.setantialias(True)
    discs = _stepped(r, m, gem)  # the same colours for every stud: made once
    for x, y in centres:
        for dx, dy, rr, brush in discs:
            px0, py0 = (x + dx - rr) * s - x0, (y + dy - rr) * s - y0
            d.ellipse((px0, py0, px0 + 2 * rr * s, py0 + 2 * rr * s), brush)
    d.flush()
    c.write_region(im, (x0, y0))


def boss(c: Canvas, x: float, y: float, r: float, m: Metal, gem: RGB | None = None) -> None:
    """A round stud or set gem: dark seat, domed body, specular spark.

    Large studs get a sphere-shaded dome painted in their own pixel box; small ones are stepped
    discs drawn straight through AGG (a box of their own would cost a canvas-wide copy)."""
    s, reach = c.scale, r * 1.18
    top = gem if gem is not None else m.shine
    inner, outer = tint(top, 0.3), shade(gem or m.dark, 0.3)
    seat: list[tuple[float, ...]] = [(x, y, reach, 1.0, *m.deep)]
    spark = (x - r * 0.35, y - r * 0.38, r * 0.22, 0.85, *tint(top, 0.7))
    if r * s <= 10:  # small studs: stepped discs shrinking toward the light, no pixel pass
        for dx, dy, rr, brush in _stepped(r, m, gem):
            box = ((x + dx - rr) * s, (y + dy - rr) * s, (x + dx + rr) * s, (y + dy + rr) * s)
            c.draw.ellipse(box, brush)
        return
    x0, y0 = max(0, int((x - reach) * s) - 2), max(0, int((y - reach) * s) - 2)
    x1 = min(c.pixel_size[0], int((x + reach) * s) + 3)
    y1 = min(c.pixel_size[1], int((y + reach) * s) + 3)
    if x1 <= x0 or y1 <= y0:
        return
    im = c.read_region((x0, y0, x1, y1))
    _discs(im, (x0, y0), s, seat)
    _dome(im, (x0, y0), s, x, y, r, inner, outer)
    _discs(im, (x0, y0), s, [spark])
    c.write_region(im, (x0, y0))


def _dome(
    im: Image.Image, at: tuple[int, int], s: float, cx: float, cy: float, r: float, a: RGB, b: RGB
) -> None:
    """`draw.radial_shade` (light up-left) blended over the box image `im` at pixel `at`."""
    gx0, gy0 = max(0, int((cx - r) * s) - 1), max(0, int((cy - r) * s) - 1)
    gx1 = min(at[0] + im.width, int((cx + r) * s) + 2)
    gy1 = min(at[1] + im.height, int((cy + r) * s) + 2)
    if gx1 <= gx0 or gy1 <= gy0:
        return
    ys, xs = np.mgrid[gy0:gy1, gx0:gx1].astype(np.float32)
    xs, ys = (xs + 0.5) / s, (ys + 0.5) / s
    edge = np.clip((r - np.hypot(xs - cx, ys - cy)) * s + 0.5, 0.0, 1.0)
    t = np.clip(np.hypot(xs - (cx - 0.35 * r), ys - (cy - 0.35 * r)) / (r * 1.6), 0.0, 1.0)
    t = t[..., None]
    rgb = np.asarray(a, np.float32) * (1 - t) + np.asarray(b, np.float32) * t
    patch = np.empty((*edge.shape, 4), np.uint8)
    patch[..., :3] = np.clip(rgb / 255.0 * edge[..., None] * 255.0 + 0.5, 0, 255)
    patch[..., 3] = np.clip(edge * 255.0 + 0.5, 0, 255)
    arr = np.array(im, np.uint16)
    sub = arr[gy0 - at[1] : gy1 - at[1], gx0 - at[0] : gx1 - at[0]]
    al = patch[..., 3:4].astype(np.uint16)
    sub[...] = np.clip(patch.astype(np.uint16) + (sub * (255 - al) + 127) // 255, 0, 255)
    im.paste(Image.fromarray(arr.astype(np.uint8), "RGBA"))
