"""Shared kit of the item-icon families: a fitted frame, palette materials and cel-shaded parts.

Icons are designed in a normalised square (-1..1, y down) mapped onto the centre of the canvas, so
any size or aspect ratio shows the whole subject. Parts get a shadow rim, mid body, light band,
glint and ink outline over a glow halo; convex parts are shaded by exact polygon clipping (cheap),
concave ones through a masked layer.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from bananajam.assets.canvas import Canvas, Point
from bananajam.assets.families.icons_geometry import (
    along,
    arc,
    bezier,
    clip_convex,
    ellipse,
    glint_point,
    inside,
    intersect_convex,
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
    "glint_point",
    "inside",
    "intersect_convex",
    "mirror",
    "move",
    "rect",
    "rotate",
    "rounded",
    "scale",
    "thickness",
]
WHITE: RGB = (255, 255, 255)
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


# -- the icon ---------------------------------------------------------------------------------
class Icon:
    """A deferred list of shaded parts, drawn over a glow halo when `render` is called."""

    def __init__(self, ctx: RenderContext[Any], fill: float = 0.9) -> None:
        self.pal = ctx.palette
        self.canvas = ctx.canvas()
        self.cx, self.cy = ctx.width / 2, ctx.height / 2
        self.r = ctx.unit * 0.5 * fill
        self.ow = max(1.0, ctx.unit * 0.028)
        self.ink = shade(self.pal.ink, 0.55)
        self.ops: list[Callable[[], None]] = []
        self.silhouette: list[Pts] = []

    def m(self, pts: Sequence[Point]) -> Pts:
        """Normalised points to canvas pixels."""
        return [(self.cx + x * self.r, self.cy + y * self.r) for x, y in pts]

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
        if halo:
            self.silhouette.append(pts)
        self.ops.append(lambda: self._draw_part(pts, mat, rim, band, glint, convex, outline))

    def flat(self, pts: Pts, color: RGB, opacity: float = 1.0, outline: bool = False) -> None:
        """An unshaded shape (details, emblems, highlights)."""
        ink = self.ink if outline else None
        w = self.ow * 0.7

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
        if convex:
            c.polygon(self.m(pts), fill=mat.shadow)
            inner = intersect_convex(pts, lit)
            c.polygon(self.m(inner), fill=mat.light)
            c.polygon(self.m(intersect_convex(inner, body)), fill=mat.mid)
        else:
            tones = c.blank()
            tones.polygon(self.m(pts), fill=mat.light)
            tones.polygon(self.m(body), fill=mat.mid)
            tones.composite(self._mask(lit), mode="multiply")
            layer = c.blank()
            layer.polygon(self.m(pts), fill=mat.shadow)
            layer.composite(tones)
            layer.composite(self._mask(pts), mode="multiply")
            c.composite(layer)
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

    def _mask(self, pts: Pts) -> Canvas:
        mask = self.canvas.blank()
        mask.polygon(self.m(pts), fill=WHITE)
        return mask

    def render(self, halo: float = 0.55) -> Canvas:
        """Draw the glow halo behind the collected silhouette, then every part in order."""
        c = self.canvas
        glow_col = self.pal.glow
        polys = [self.m(p) for p in self.silhouette]

        def silhouette(g: Canvas) -> None:
            for p in polys:
                g.polygon(p, fill=glow_col, outline=glow_col, width=self.r * 0.06)

        if halo > 0 and polys:
            c.glow(silhouette, radius=self.r * 0.09, opacity=halo, mode="over")
        for op in self.ops:
            op()
        return c
