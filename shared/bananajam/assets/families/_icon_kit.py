"""Shared kit of the item-icon families: a fitted frame, palette materials and cel-shaded parts.

Icons are designed in a normalised square (-1..1, y down); each index gets its own tilt, stretch
and fill, and the posed subject is fitted to the canvas, so any size or aspect ratio shows all of
it. Parts get a shadow rim, mid body, light band, glint and ink outline over a glow halo; convex
parts are shaded by homotheties (no clipping), concave ones by a masked paste in their bounding box.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import aggdraw
import numpy as np
from PIL import Image, ImageChops

from bananajam.assets.canvas import Canvas, Point
from bananajam.assets.families.icons_geometry import (
    along,
    arc,
    bezier,
    clip_convex,
    ellipse,
    glint_point,
    inside,
    is_convex,
    mirror,
    move,
    rect,
    rotate,
    rounded,
    scale,
    thickness,
)
from bananajam.assets.registry import RenderContext
from bananajam.assets.themes import RGB, Palette, hue_shift, mix, shade, tint

Pts = list[Point]
__all__ = [
    "along",
    "arc",
    "bezier",
    "clip_convex",
    "ellipse",
    "inside",
    "mirror",
    "move",
    "rect",
    "rotate",
    "rounded",
    "scale",
    "thickness",
]
TAGS = ("icon", "item", "new")


@dataclass(frozen=True)
class Mat:
    """The three cel tones and the glint colour of one material."""

    shadow: RGB
    mid: RGB
    light: RGB
    spec: RGB


def mat_from(base: RGB, pal: Palette, lift: float = 0.45) -> Mat:
    """A material around `base`: shadow towards ink, light and glint towards glow."""
    return Mat(
        shadow=mix(shade(base, 0.25), pal.ink, 0.45),
        mid=base,
        light=mix(base, pal.glow, lift),
        spec=tint(pal.glow, 0.7),
    )


def metal(pal: Palette) -> Mat:
    """Bright steel: a pale glow-tinted grey."""
    return mat_from(mix(shade(pal.glow, 0.35), pal.accent, 0.15), pal, 0.6)


def gold(pal: Palette) -> Mat:
    """The theme's accent as polished precious metal."""
    return mat_from(mix(pal.accent, pal.glow, 0.2), pal, 0.5)


def wood(pal: Palette) -> Mat:
    """A dark warm body material (wood, leather)."""
    return mat_from(mix(pal.ink, pal.accent, 0.45), pal, 0.28)


def paper(pal: Palette) -> Mat:
    """Parchment paper: a pale, low-saturation glow."""
    return mat_from(mix(pal.glow, pal.accent, 0.22), pal, 0.5)


def jewel(pal: Palette, hue: float) -> Mat:
    """A saturated accent shifted by `hue` degrees (gems, liquids, emblems)."""
    return mat_from(hue_shift(pal.accent, hue), pal, 0.5)


def _shrink(pts: Sequence[Point], depth: float, toward_light: bool) -> Pts:
    """Scale a convex shape about its up-left (or down-right) extreme so the far side moves in by
    about `depth` along the light diagonal."""
    diag = [x + y for x, y in pts]
    lo, hi = min(diag), max(diag)
    span = (hi - lo) * 0.7071
    if span <= 1e-9:
        return list(pts)
    k = max(0.25, 1.0 - depth / span)
    qx, qy = pts[diag.index(lo if toward_light else hi)]
    return [(qx + (x - qx) * k, qy + (y - qy) * k) for x, y in pts]


# -- the icon ---------------------------------------------------------------------------------
class Icon:
    """A deferred list of shaded parts, drawn over a glow halo when `render` is called."""

    def __init__(self, ctx: RenderContext[Any], fill: float = 0.9) -> None:
        self.pal = ctx.palette
        self.canvas = ctx.canvas()
        self.size = (float(ctx.width), float(ctx.height))
        self.cx, self.cy = ctx.width / 2, ctx.height / 2
        self.r = ctx.unit * 0.5 * fill
        self.ow = max(1.0, ctx.unit * 0.028)
        self.ink = shade(self.pal.ink, 0.55)
        self.ops: list[Callable[[], None]] = []
        self.silhouette: list[Pts] = []
        self.extent: list[Point] = []
        # per-index pose: a tilt, a stretch of the proportions and a fill, fitted at render time
        pose = ctx.rng("icon-pose")
        tilt = float(pose.uniform(-0.36, 0.36))
        stretch = float(pose.uniform(-0.14, 0.14))
        self.fill = fill * float(pose.uniform(0.84, 1.0))
        c, s = math.cos(tilt), math.sin(tilt)
        self.xf = ((1 + stretch) * c, -(1 - stretch) * s, (1 + stretch) * s, (1 - stretch) * c)

    def pose(self, pts: Sequence[Point]) -> np.ndarray:
        """Normalised points after the per-index tilt and stretch (N×2)."""
        a, b, c, d = self.xf
        p = np.asarray(pts, dtype=np.float64).reshape(-1, 2)
        return np.stack([a * p[:, 0] + b * p[:, 1], c * p[:, 0] + d * p[:, 1]], axis=1)

    def m(self, pts: Sequence[Point]) -> Pts:
        """Normalised points to canvas pixels (plain Python: the lists are short)."""
        a, b, c, d = (v * self.r for v in self.xf)
        cx, cy = self.cx, self.cy
        return [(cx + a * x + b * y, cy + c * x + d * y) for x, y in pts]

    def part(
        self,
        pts: Pts,
        mat: Mat,
        rim: float = 0.16,
        band: float = 0.14,
        glint: float = 0.09,
        convex: bool = True,
        outline: bool = True,
        halo: bool = True,
    ) -> None:
        """A cel-shaded piece (normalised points); rim/band/glint are fractions of its size."""
        self.extent.extend(pts)
        if halo:
            self.silhouette.append(pts)
        self.ops.append(lambda: self._draw_part(pts, mat, rim, band, glint, convex, outline))

    def flat(self, pts: Pts, color: RGB, opacity: float = 1.0, outline: bool = False) -> None:
        """An unshaded shape (details, emblems, highlights)."""
        ink = self.ink if outline else None
        w = self.ow * 0.7
        self.extent.extend(pts)

        def op() -> None:
            self.canvas.polygon(self.m(pts), fill=color, outline=ink, width=w, opacity=opacity)

        self.ops.append(op)

    def edge(self, pts: Pts, width: float = 1.0) -> None:
        """Just the ink outline of a closed shape (`width` in outline widths)."""
        self.ops.append(
            lambda: self.canvas.polygon(self.m(pts), outline=self.ink, width=self.ow * width)
        )

    def stroke(self, pts: Pts, color: RGB, width: float, opacity: float = 1.0) -> None:
        """A constant-width line; `width` in normalised units."""
        self.extent.extend(pts)
        self.ops.append(lambda: self.canvas.line(self.m(pts), color, width * self.r, opacity))

    def sparkle(self, x: float, y: float, size: float, color: RGB | None = None) -> None:
        """A four-point glint star."""
        col = color or tint(self.pal.glow, 0.6)
        pts = [
            (
                x + size * math.cos(a) * (1.0 if k % 2 == 0 else 0.22),
                y + size * math.sin(a) * (1.0 if k % 2 == 0 else 0.22),
            )
            for k, a in enumerate(np.linspace(-math.pi / 2, 1.5 * math.pi, 8, endpoint=False))
        ]
        self.flat(pts, col)

    def _draw_part(
        self, pts: Pts, mat: Mat, rim: float, band: float, glint: float, convex: bool, outline: bool
    ) -> None:
        c = self.canvas
        size = thickness(pts)
        v = rim * size * 0.7071  # the lit body sits up-left: a shadow rim shows bottom-right
        w = band * size * 0.7071  # the mid body sits down-right: a light band shows up-left
        lit, body = move(pts, -v, -v), move(pts, w, w)
        if rim <= 0 and band <= 0:
            c.polygon(self.m(pts), fill=mat.mid)
        elif convex or is_convex(pts):
            # homotheties about the lit and the shaded extreme stay inside a convex shape exactly:
            # a shadow crescent bottom-right, a light band up-left, no polygon clipping needed
            c.polygon(self.m(pts), fill=mat.shadow)
            inner = _shrink(pts, rim * size, toward_light=True)
            c.polygon(self.m(inner), fill=mat.light)
            c.polygon(self.m(_shrink(inner, band * size, toward_light=False)), fill=mat.mid)
        else:
            c.polygon(self.m(pts), fill=mat.shadow)
            self._tones(pts, lit, body, mat)
        if glint > 0:
            gx, gy = glint_point(pts)
            gr = glint * size
            c.polygon(self.m(ellipse(gx, gy, gr, gr * 0.62, 14)), fill=mat.spec)
            c.polygon(
                self.m(ellipse(gx + gr * 1.3, gy + gr * 1.0, gr * 0.3, gr * 0.3, 8)),
                fill=mat.spec,
                opacity=0.8,
            )
        if outline:
            c.polygon(self.m(pts), outline=self.ink, width=self.ow)

    def _fit(self) -> None:
        """Scale and centre the posed subject so it fills the canvas without cropping."""
        if not self.extent:
            return
        q = self.pose(self.extent)
        lo, hi = q.min(axis=0), q.max(axis=0)
        span = np.maximum(hi - lo, 1e-6)
        w, h = self.size
        self.r = float(min(w / span[0], h / span[1])) * self.fill
        self.cx = w / 2 - float(lo[0] + hi[0]) / 2 * self.r
        self.cy = h / 2 - float(lo[1] + hi[1]) / 2 * self.r

    def _tones(self, pts: Pts, lit: Pts, body: Pts, mat: Mat) -> None:
        """Light and mid tones of a concave part, cut to shape ∩ lit copy, in its bounding box
        only (small masks and one masked paste instead of full-canvas layers)."""
        c = self.canvas
        c.flush()
        k = c.scale
        px = [(x * k, y * k) for x, y in self.m(pts)]
        x0 = max(0, int(min(x for x, _ in px)) - 2)
        y0 = max(0, int(min(y for _, y in px)) - 2)
        x1 = min(c.img.width, int(max(x for x, _ in px)) + 3)
        y1 = min(c.img.height, int(max(y for _, y in px)) + 3)
        if x1 <= x0 or y1 <= y0:
            return
        size = (x1 - x0, y1 - y0)

        def flat(poly: Pts) -> list[float]:
            return [v for x, y in self.m(poly) for v in (x * k - x0, y * k - y0)]

        def layer(mode: str, polys: list[tuple[Pts, Any]]) -> Image.Image:
            img = Image.new(mode, size, 0)
            d = aggdraw.Draw(img)
            d.setantialias(True)
            for poly, fill in polys:
                d.polygon(flat(poly), aggdraw.Brush(fill))
            d.flush()
            return img

        tones = layer("RGBA", [(pts, tuple(mat.light)), (body, tuple(mat.mid))])
        mask = ImageChops.multiply(layer("L", [(pts, 255)]), layer("L", [(lit, 255)]))
        c.img.paste(tones, (x0, y0), mask)

    def render(self, halo: float = 0.55) -> Canvas:
        """Draw the glow halo behind the collected silhouette, then every part in order."""
        self._fit()
        c = self.canvas
        glow_col = self.pal.glow
        polys = [self.m(p) for p in self.silhouette]

        def silhouette(g: Canvas) -> None:
            for p in polys:
                g.polygon(p, fill=glow_col, outline=glow_col, width=self.r * 0.06, opacity=halo)

        if halo > 0 and polys:
            # the canvas is still empty: adding the blurred halo equals laying it under everything
            small = c.reduced(6 if self.r > 40 else 2)
            silhouette(small)
            small.blur(self.r * 0.09)
            c.composite(small, mode="add")
        for op in self.ops:
            op()
        return c
