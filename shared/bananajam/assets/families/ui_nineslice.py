"""9-slice UI pieces: a panel and a button with ornate corners and uniform bevelled edges.

Layout contract (for the frontend's 9-slice scaler): ornaments live only inside the four corner
squares of side `corner × min(width, height)`; along every edge the border is a cross-section
profile that depends only on the distance to that edge, so the middle slices stretch cleanly; the
interior is a flat fill with an edge-uniform inner shadow.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

import numpy as np
from pydantic import Field

from bananajam.assets import draw
from bananajam.assets.canvas import Canvas, Point
from bananajam.assets.families import _ui_kit as k
from bananajam.assets.params import AssetParams
from bananajam.assets.registry import RenderContext, asset
from bananajam.assets.themes import RGB, mix, shade, tint

State = Literal["normal", "hover", "pressed", "disabled"]


def _grey(c: RGB, amount: float) -> RGB:
    lum = round(0.3 * c[0] + 0.59 * c[1] + 0.11 * c[2])
    return mix(c, (lum, lum, lum), amount)


def _metal(ctx: RenderContext[Any], hue: float, state: State) -> k.Metal:
    m = k.metal(ctx.palette, hue, 0.1)
    if state == "hover":
        m = k.Metal(m.deep, m.base, m.light, m.shine, tint(m.shine, 0.4))
    if state == "disabled":
        m = k.Metal(
            *(_grey(shade(t, 0.25), 0.75) for t in (m.deep, m.dark, m.base, m.light, m.shine))
        )
    return m


def _frame(
    ctx: RenderContext[Any],
    corner: float,
    border: float,
    ornament: str,
    hue: float,
    state: State,
    fill: RGB,
) -> Canvas:
    """Draw the bevelled border, flat interior and four mirrored corner ornaments."""
    c = ctx.canvas()
    pal, W, H = ctx.palette, ctx.width, ctx.height
    u = float(min(W, H))
    b = max(2.0, border * u)
    m = _metal(ctx, hue, state)
    xs, ys = c.pixel_grid()
    dists = np.stack([ys, xs, W - xs, H - ys])  # top, left, right, bottom
    side = np.argmin(dists, axis=0)
    d = np.min(dists, axis=0)
    t = np.clip(d / b, 0.0, 1.0)
    lut = k.lut([m.deep, m.light, m.shine, m.base, m.dark, m.deep, m.deep, m.light])
    rgb = lut[(t * 255).astype(np.uint8)]
    lit = np.where(side < 2, 1.0, -1.0) * (-1.0 if state == "pressed" else 1.0)
    rgb = np.clip(rgb * (1.0 + 0.22 * lit * (t < 1.0))[..., None], 0.0, 1.0)
    inner = np.asarray(fill, np.float32) / 255.0
    shadow = np.exp(-np.maximum(d - b, 0.0) / (0.07 * u))[..., None]
    glow = np.asarray(pal.glow if state == "hover" else shade(pal.ink, 0.5), np.float32) / 255.0
    core = inner * (1 - 0.55 * shadow) + glow * 0.55 * shadow
    rgb = np.where((d > b)[..., None], core, rgb)
    alpha = np.clip(d + 0.5, 0.0, 1.0) * (0.55 if state == "disabled" else 1.0)
    c.paste_rgb(rgb.astype(np.float32), alpha.astype(np.float32))
    cr = corner * u
    for sx, sy in ((1, 1), (-1, 1), (1, -1), (-1, -1)):
        ox, oy = (0.0 if sx > 0 else W), (0.0 if sy > 0 else H)

        def at(
            pts: list[Point], sx: int = sx, sy: int = sy, ox: float = ox, oy: float = oy
        ) -> list[Point]:
            return [(ox + sx * x * cr, oy + sy * y * cr) for x, y in pts]

        _corner(c, at, ornament, m, cr, pal.glow if state != "disabled" else m.light)
    return c


def _corner(
    c: Canvas, at: Callable[[list[Point]], list[Point]], kind: str, m: k.Metal, cr: float, gem: RGB
) -> None:
    """One corner ornament in unit corner space (0..1 from the corner inwards)."""
    edge = max(0.8, cr * 0.045)
    bracket = [
        (0.04, 0.04),
        (0.96, 0.04),
        (0.96, 0.2),
        (0.42, 0.26),
        (0.26, 0.42),
        (0.2, 0.96),
        (0.04, 0.96),
    ]
    k.plate(c, [at(bracket)], m, edge, 0.8)
    if kind == "filigree":
        for curl in (
            [(0.3, 0.3), (0.62, 0.34), (0.78, 0.5), (0.62, 0.6), (0.55, 0.48)],
            [(0.3, 0.3), (0.34, 0.62), (0.5, 0.78), (0.6, 0.62), (0.48, 0.55)],
        ):
            draw.brush(c, at(curl), cr * 0.12, m.deep, start=0.05, end=0.6)
            draw.brush(c, at(curl), cr * 0.06, m.shine, start=0.05, end=0.6)
    elif kind == "rivets":
        for x, y in ((0.7, 0.12), (0.12, 0.7), (0.4, 0.12), (0.12, 0.4)):
            ((px, py),) = at([(x, y)])
            k.boss(c, px, py, cr * 0.07, m)
    elif kind == "leaf":
        leaf = draw.catmull_rom(
            [(0.2, 0.2), (0.7, 0.35), (0.92, 0.92), (0.35, 0.7)], 8, closed=True
        )
        k.plate(c, [at(leaf)], m, edge, 2.4)
        k.engrave(c, at([(0.24, 0.24), (0.55, 0.55), (0.86, 0.86)]), m, cr * 0.04)
    ((gx, gy),) = at([(0.26, 0.26)])
    k.boss(c, gx, gy, cr * (0.14 if kind == "gem" else 0.1), m, gem=gem)


class PanelParams(AssetParams):
    corner: float = Field(0.24, ge=0.18, le=0.3)
    border: float = Field(0.07, ge=0.045, le=0.1)
    ornament: Literal["filigree", "rivets", "gem", "leaf"] = "filigree"
    tone: float = Field(0.5, ge=0.0, le=1.0)
    hue: float = Field(0.0, ge=-12.0, le=12.0)


@asset("ui_panel", "ui", (192, 192), PanelParams, tags=("9-slice", "panel", "frame", "new"))
def ui_panel(ctx: RenderContext[PanelParams]) -> Canvas:
    """A 9-slice panel: ornaments only in corners of `corner`×min side (default 24%)."""
    p, pal = ctx.params, ctx.palette
    fill = mix(pal.parchment, pal.ink, p.tone)
    return _frame(ctx, p.corner, p.border, p.ornament, p.hue, "normal", fill)


class ButtonParams(AssetParams):
    state: State = "normal"
    corner: float = Field(0.24, ge=0.18, le=0.3)
    border: float = Field(0.09, ge=0.06, le=0.13)
    ornament: Literal["filigree", "rivets", "gem", "leaf"] = "gem"
    hue: float = Field(0.0, ge=-12.0, le=12.0)


@asset("ui_button", "ui", (192, 96), ButtonParams, tags=("9-slice", "button", "new"))
def ui_button(ctx: RenderContext[ButtonParams]) -> Canvas:
    """A 9-slice button in four states; corner ornaments within `corner`×min side (24%)."""
    p, pal = ctx.params, ctx.palette
    face = {
        "normal": mix(pal.ink, pal.accent, 0.35),
        "hover": mix(pal.ink, pal.accent, 0.55),
        "pressed": mix(pal.ink, pal.accent, 0.2),
        "disabled": _grey(mix(pal.ink, pal.accent, 0.2), 0.8),
    }[p.state]
    c = _frame(ctx, p.corner, p.border, p.ornament, p.hue, p.state, face)
    return c
