"""Drawing kit for creatures part A: fitted frames, fast smooth shapes and ink-shaded body parts.

Creatures are designed in their own unit box and mapped onto the requested canvas by a `Frame`
(fitted, centred, optionally mirrored), so any size or aspect ratio shows the whole animal.
Shapes are numpy arrays of points; `fill` hands them straight to AGG, and `shaded` gives a body
part a painted look: a glow rim, a dark edge and lighter inset layers shifted towards the light.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import aggdraw
import numpy as np
import numpy.typing as npt

from bananajam.assets.canvas import Canvas
from bananajam.assets.themes import RGB, Palette, mix, shade, tint

Arr = npt.NDArray[np.float64]
LIGHT: Arr = np.array([-0.45, -0.89])  # towards the light (up-left), a unit vector


class Frame:
    """Maps design units onto the canvas: the box (x0, y0, x1, y1) is fitted and centred."""

    def __init__(
        self,
        width: int,
        height: int,
        box: tuple[float, float, float, float],
        fill: float = 0.92,
        flip: bool = False,
    ) -> None:
        x0, y0, x1, y1 = box
        self.s = float(min(width / max(x1 - x0, 1e-6), height / max(y1 - y0, 1e-6)) * fill)
        self.ox = float((width - (x1 - x0) * self.s) / 2 - x0 * self.s)
        self.oy = float((height - (y1 - y0) * self.s) / 2 - y0 * self.s)
        self.mirror = float(x0 + x1)
        self.flip = flip

    @staticmethod
    def around(
        width: int, height: int, parts: list[Arr], fill: float = 0.92, flip: bool = False
    ) -> Frame:
        """The frame that fits every point of `parts`."""
        allp = np.vstack(parts)
        lo, hi = allp.min(axis=0), allp.max(axis=0)
        box = (float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1]))
        return Frame(width, height, box, fill, flip)

    def __call__(self, pts: npt.ArrayLike) -> Arr:
        p = np.array(pts, dtype=np.float64).reshape(-1, 2)
        if self.flip:
            p[:, 0] = self.mirror - p[:, 0]
        return p * self.s + (self.ox, self.oy)

    def pt(self, x: float, y: float) -> tuple[float, float]:
        """One point in canvas pixels."""
        p = self((x, y))[0]
        return float(p[0]), float(p[1])

    def n(self, v: float) -> float:
        """A length in canvas pixels."""
        return v * self.s


@dataclass(frozen=True)
class Tones:
    """The colours of one shaded part: shadow edge, body, lit centre and rim light."""

    dark: RGB
    base: RGB
    lit: RGB
    rim: RGB

    @staticmethod
    def of(base: RGB, pal: Palette, lit: float = 0.35, dark: float = 0.5) -> Tones:
        return Tones(mix(base, pal.ink, dark), base, mix(base, pal.glow, lit), tint(pal.glow, 0.15))


@functools.lru_cache(maxsize=16)
def _basis(samples: int) -> Arr:
    """Catmull-Rom weights of (p0, p1, p2, p3) at `samples` steps per segment (S×4)."""
    t = np.linspace(0.0, 1.0, samples, endpoint=False)[:, None]
    m = np.array([[0, 2, 0, 0], [-1, 0, 1, 0], [2, -5, 4, -1], [-1, 3, -3, 1]], np.float64)
    return 0.5 * np.hstack([np.ones_like(t), t, t**2, t**3]) @ m


@functools.lru_cache(maxsize=64)
def _windows(m: int) -> npt.NDArray[np.intp]:
    """Row indices (m×4) of the four control points of each of m segments."""
    return np.arange(m)[:, None] + np.arange(4)


def smooth(points: npt.ArrayLike, samples: int = 6, closed: bool = True) -> Arr:
    """A Catmull-Rom curve through `points`, vectorised over all segments."""
    P = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    if len(P) < 3:
        return P
    E = np.concatenate([P[-1:], P, P[:2]] if closed else [P[:1], P, P[-1:]])
    out = (_basis(samples) @ E[_windows(len(E) - 3)]).reshape(-1, 2)  # m×S×2 flattened
    return out if closed else np.vstack([out, P[-1:]])


def smooth_many(rings: Arr, samples: int = 6) -> Arr:
    """`smooth` (closed) of a B×N×2 stack of outlines at once: a B×(N·samples)×2 stack."""
    E = np.concatenate([rings[:, -1:], rings, rings[:, :2]], axis=1)
    win = E[:, _windows(rings.shape[1])]  # B×N×4×2
    out: Arr = np.einsum("sk,bmkd->bmsd", _basis(samples), win)
    return out.reshape(len(rings), -1, 2)


@functools.lru_cache(maxsize=512)
def _brush(color: tuple[int, ...], alpha: int) -> aggdraw.Brush:
    return aggdraw.Brush(color, alpha)


def fill(c: Canvas, pts: Arr, color: RGB, opacity: float = 1.0) -> None:
    """Fill a polygon given as an N×2 array of logical coordinates."""
    if len(pts) < 3 or opacity <= 0:
        return
    brush = _brush(tuple(color), max(0, min(255, round(opacity * 255))))
    c.draw.polygon((pts * c.scale).ravel().tolist(), brush)


def inward(P: Arr) -> Arr:
    """Unit vertex normals of a closed outline, pointing inside (`inset` is P + inward(P) * d)."""
    E = np.concatenate((P[-1:], P, P[:1]))
    tang = E[2:] - E[:-2]  # next point minus previous, wrapping
    norm = np.maximum(np.hypot(tang[:, 0], tang[:, 1]), 1e-9)[:, None]
    area2 = float(P[:, 0] @ E[2:, 1] - E[2:, 0] @ P[:, 1])
    sign = (-1.0, 1.0) if area2 > 0 else (1.0, -1.0)
    out: Arr = tang[:, ::-1] * sign / norm
    return out


def inset(P: Arr, d: float) -> Arr:
    """A closed outline moved inwards by `d` along its vertex normals."""
    return P + inward(P) * d


def tube(centre: Arr, widths: npt.ArrayLike) -> Arr:
    """The closed outline of a variable-width band along a polyline."""
    half = (np.asarray(widths, dtype=np.float64) * 0.5).reshape(-1, 1)
    E = np.concatenate((centre[:1], centre, centre[-1:]))
    tang = E[2:] - E[:-2]  # np.gradient along the points (doubled inside), minus its overhead
    norm = np.maximum(np.hypot(tang[:, 0], tang[:, 1]), 1e-9)[:, None]
    off = tang[:, ::-1] * (-1.0, 1.0) * (half / norm)
    return np.concatenate((centre + off, (centre - off)[::-1]))


def profile(n: int, w0: float, w1: float, power: float = 1.0, tip: float = 0.0) -> Arr:
    """Widths along a limb: from `w0` to `w1`, optionally tapering to a point over `tip`."""
    t = np.linspace(0.0, 1.0, n)
    w = w0 + (w1 - w0) * t**power
    if tip > 0:
        w *= np.clip((1 - t) / tip, 0.0, 1.0) ** 0.7
    return np.maximum(w, 0.0)


def stroke(
    c: Canvas,
    pts: npt.ArrayLike,
    width: float,
    color: RGB,
    opacity: float = 1.0,
    start: float = 0.15,
    end: float = 0.3,
    samples: int = 6,
) -> None:
    """A tapered ink stroke through control points."""
    path = smooth(pts, samples, closed=False)
    t = np.linspace(0.0, 1.0, len(path))
    w = np.minimum(np.clip(t / max(start, 1e-6), 0, 1), np.clip((1 - t) / max(end, 1e-6), 0, 1))
    fill(c, tube(path, np.maximum(w**0.8 * width, width * 0.05)), color, opacity)


def layered(below: RGB, top: RGB, opacity: float) -> RGB:
    """The colour `top` laid at `opacity` over opaque `below` gives (as AGG blends it)."""
    return mix(below, top, max(0, min(255, round(opacity * 255))) / 255)


_INSETS = (0.12, 0.28, 0.46, 0.66)


def shaded(c: Canvas, outline: Arr, tones: Tones, depth: float, rim: float = 0.14) -> None:
    """Paint a closed part: rim light, dark edge, then lighter insets shifted towards the light.

    `depth` is about half the part's thickness in pixels; the insets never leave the outline.
    Each inset is a 75 % lighter layer over the nested one below it; since that ground is opaque,
    the blended colour is worked out here and the inset filled opaque (same pixels, and AGG copies
    opaque spans instead of blending them, the bulk of a part's cost).
    """
    if rim > 0:
        fill(c, outline + LIGHT * depth * rim, tones.rim, 0.85)
    fill(c, outline, tones.dark)
    step = inward(outline) + LIGHT * 0.4  # inset and light shift, per unit of depth
    col = tones.dark
    for k, f in enumerate(_INSETS):
        col = layered(col, mix(tones.dark, tones.lit, (k + 1) / 4.6), 0.75)
        fill(c, outline + step * (depth * f), col)


def ellipse_pts(cx: float, cy: float, rx: float, ry: float, rot: float = 0.0, n: int = 28) -> Arr:
    """Points of a rotated ellipse, as an N×2 array."""
    a = np.linspace(0.0, 2 * np.pi, n, endpoint=False)
    x, y = rx * np.cos(a), ry * np.sin(a)
    cr, sr = np.cos(rot), np.sin(rot)
    return np.stack([cx + x * cr - y * sr, cy + x * sr + y * cr], axis=1)


def eye(c: Canvas, x: float, y: float, r: float, pal: Palette, slit: bool = False) -> None:
    """A glowing eye: dark socket, bright iris, pupil and a catch-light."""
    c.circle(x, y, r * 1.35, fill=shade(pal.ink, 0.4))
    c.circle(x, y, r, fill=mix(pal.glow, pal.accent, 0.3))
    c.circle(x - r * 0.1, y - r * 0.1, r * 0.7, fill=tint(pal.glow, 0.3))
    if slit:
        c.ellipse(x, y, r * 0.22, r * 0.8, fill=shade(pal.ink, 0.6))
    else:
        c.circle(x, y, r * 0.45, fill=shade(pal.ink, 0.6))
    c.circle(x - r * 0.35, y - r * 0.35, max(r * 0.22, 0.4), fill=tint(pal.glow, 0.8))


def blob(rng: np.random.Generator, cx: float, cy: float, r: float, jitter: float, n: int) -> Arr:
    """An irregular rounded patch of about radius `r`."""
    a = np.linspace(0.0, 2 * np.pi, n, endpoint=False) + rng.uniform(0, np.pi)
    rr = r * (1 + rng.uniform(-jitter, jitter, n))
    return smooth(np.stack([cx + rr * np.cos(a), cy + rr * np.sin(a)], axis=1), 4)


def place(local: npt.ArrayLike, origin: npt.ArrayLike, angle: float, scale: float) -> Arr:
    """Rotate local points (x along the heading, y to its right) and move them to `origin`."""
    L = np.asarray(local, dtype=np.float64).reshape(-1, 2) * scale
    ca, sa = np.cos(angle), np.sin(angle)
    out: Arr = np.stack([L[:, 0] * ca - L[:, 1] * sa, L[:, 0] * sa + L[:, 1] * ca], axis=1)
    return out + np.asarray(origin, dtype=np.float64)


def polar(origin: npt.ArrayLike, angle: float, length: float) -> Arr:
    """The point `length` away from `origin` at `angle` (radians, y down)."""
    return np.asarray(origin, dtype=np.float64) + length * np.array([np.cos(angle), np.sin(angle)])


def inside(pts: Arr, poly: Arr) -> npt.NDArray[np.bool_]:
    """Which of `pts` lie inside the closed polygon `poly` (even-odd rule, vectorised)."""
    x, y = pts[:, 0:1], pts[:, 1:2]
    x0, y0 = poly[:, 0], poly[:, 1]
    x1, y1 = np.roll(x0, -1), np.roll(y0, -1)
    cross = (y0 > y) != (y1 > y)
    xs = x0 + (y - y0) * (x1 - x0) / np.where(y1 == y0, 1e-12, y1 - y0)
    hits: npt.NDArray[np.bool_] = np.count_nonzero(cross & (x < xs), axis=1) % 2 == 1
    return hits


def scatter(
    rng: np.random.Generator, poly: Arr, step: float, radius: float, keep: float = 1.0
) -> list[tuple[float, float, float]]:
    """Jittered-grid spots (x, y, r) whose discs fit inside `poly`."""
    lo, hi = poly.min(axis=0), poly.max(axis=0)
    gy, gx = np.mgrid[lo[1] : hi[1] : step * 0.87, lo[0] : hi[0] : step]
    pts = np.stack([gx.ravel(), gy.ravel()], axis=1)
    pts[:, 0] += np.where(np.round((pts[:, 1] - lo[1]) / (step * 0.87)) % 2 == 1, step / 2, 0)
    pts += rng.uniform(-0.22, 0.22, pts.shape) * step
    r = radius * rng.uniform(0.75, 1.15, len(pts))
    ok = inside(pts, inset(poly, radius * 1.1)) & (rng.random(len(pts)) < keep)
    return [(float(a), float(b), float(c)) for (a, b), c in zip(pts[ok], r[ok], strict=True)]


def leg(top: Arr, swing: float, length: float, hind: bool) -> Arr:
    """A long leg's centreline from shoulder or hip to hoof."""
    if hind:
        stifle = polar(top, math.pi / 2 - 0.35 - swing, length * 0.3)
        hock = polar(stifle, math.pi / 2 + 0.45 - swing, length * 0.33)
        hoof = polar(hock, math.pi / 2 - swing * 0.6, length * 0.4)
        return np.vstack([top, stifle, hock, hoof])
    knee = polar(top, math.pi / 2 - swing, length * 0.55)
    hoof = polar(knee, math.pi / 2 - swing * 0.5 + 0.05, length * 0.45)
    return np.vstack([top, knee, hoof])


def pts(*parts: npt.ArrayLike) -> Arr:
    """Stack points and point arrays into one N×2 array."""
    return np.vstack([np.asarray(q, dtype=np.float64).reshape(-1, 2) for q in parts])
