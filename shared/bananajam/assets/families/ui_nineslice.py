"""9-slice UI pieces: a panel and a button with ornate corners and uniform bevelled edges.

Layout contract (for the frontend's 9-slice scaler): ornaments live only inside the four corner
squares of side `corner × min(width, height)`; along every edge the border is a cross-section
profile that depends only on the distance to that edge, so the middle slices stretch cleanly; the
interior is a flat fill with an edge-uniform inner shadow.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
from pydantic import Field

from bananajam.assets import draw
from bananajam.assets.canvas import Canvas, Point
from bananajam.assets.families import _ui_kit as k
from bananajam.assets.families import ui_lights as lt
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


Shape = Literal["square", "rounded", "chamfered", "notched", "scalloped"]
Ornament = Literal["filigree", "rivets", "gem", "leaf", "star"]
_PROFILES = {
    "round": (0, 1, 2, 3, 4, 5, 5, 1),
    "flat": (0, 2, 2, 3, 3, 3, 5, 1),
    "double": (0, 2, 4, 0, 2, 4, 5, 1),
}


@dataclass(frozen=True)
class Style:
    """The per-index look of a 9-slice frame (all edge-uniform except the corner regions)."""

    corner: float
    border: float
    shape: str
    cut: float
    profile: str
    inset: int
    ornament: str
    size: float
    hue: float
    step: float
    lift: float
    gap: float
    band: float


def _edge_distance(xs: np.ndarray, ys: np.ndarray, w: int, h: int, st: Style, cr: float) -> Any:
    """Distance to the frame's outline, with the corner shape cut into the corner squares."""
    fx, fy = np.minimum(xs, w - xs), np.minimum(ys, h - ys)
    d = np.minimum(fx, fy)
    r = st.cut * cr
    if st.shape == "rounded":
        inside = (fx < r) & (fy < r)
        d = np.where(inside, np.minimum(d, r - np.hypot(r - fx, r - fy)), d)
    elif st.shape == "chamfered":
        d = np.minimum(d, (fx + fy - r) * 0.7071)
    elif st.shape == "notched":
        d = np.minimum(d, np.maximum(fx - r * 0.6, fy - r * 0.6))
    elif st.shape == "scalloped":
        d = np.minimum(d, np.hypot(fx, fy) - r)
    return d


def _frame(ctx: RenderContext[Any], st: Style, state: State, fill: RGB, label: str = "") -> Canvas:
    """Draw the bevelled border, flat interior and four mirrored corner ornaments."""
    c = ctx.canvas()
    pal, W, H = ctx.palette, ctx.width, ctx.height
    u = float(min(W, H))
    b = max(2.0, st.border * u)
    cr = st.corner * u
    m = _metal(ctx, st.hue, state)
    xs, ys = c.pixel_grid()
    d = _edge_distance(xs, ys, W, H, st, cr)
    lit = np.where(np.minimum(xs, W - xs) < np.minimum(ys, H - ys), xs < W / 2, ys < H / 2)
    lit = np.where(lit, 1.0, -1.0) * (-1.0 if state == "pressed" else 1.0)
    tones = (m.deep, m.dark, m.base, m.light, m.shine, m.deep)
    lut = k.lut([tones[i] for i in _PROFILES[st.profile]])
    t = np.clip(d / b, 0.0, 1.0)
    rgb = lut[(t * 255).astype(np.uint8)]
    rgb = np.clip(rgb * (1.0 + 0.22 * lit * (t < 1.0))[..., None], 0.0, 1.0)
    inner = np.asarray(fill, np.float32) / 255.0
    depth = 0.12 if label == "recessed" else 0.07
    shadow = np.exp(-np.maximum(d - b, 0.0) / (depth * u))[..., None]
    glow = np.asarray(pal.glow if state == "hover" else shade(pal.ink, 0.5), np.float32) / 255.0
    core = inner * (1 - 0.55 * shadow) + glow * 0.55 * shadow
    if label == "glossy":
        band = np.clip(1.0 - np.abs(ys / H - 0.3) / 0.16, 0.0, 1.0)
        band = np.maximum(band, np.exp(-(((d - b - 0.07 * u) / (0.03 * u)) ** 2)))[..., None]
        core = core + (np.asarray(m.shine, np.float32) / 255.0 - core) * 0.3 * band
    line = np.asarray(m.light, np.float32) / 255.0
    for i in range(st.inset):
        at = b + u * st.gap * (1.0 + 1.2 * i)
        on = np.clip(1.0 - np.abs(d - at) / max(0.8, u * 0.008), 0.0, 1.0)[..., None]
        core = core + (line - core) * 0.7 * on
    if label == "plaque":
        at = b + u * 0.2
        on = np.clip(1.0 - np.abs(d - at) / max(1.0, u * 0.014), 0.0, 1.0)[..., None]
        core = core * (1.0 - 0.25 * (d > at)[..., None]) + (line - core) * 0.8 * on
    # a raised or sunken inner plate at a per-index distance, with a lit bevel
    at = b + st.step * u
    rise = np.clip((d - at) / max(1.0, u * 0.012) + 0.5, 0.0, 1.0)[..., None]
    lift = st.lift
    core = np.clip(core * (1.0 + lift * rise), 0.0, 1.0)
    bevel = np.clip(1.0 - np.abs(d - at) / max(0.8, u * 0.01), 0.0, 1.0)
    core = np.clip(core * (1.0 + 0.8 * np.sign(lift) * lit * bevel)[..., None], 0.0, 1.0)
    sheen = np.exp(-(((d - b - st.band * u) / ((0.03 + st.gap) * u)) ** 2))[..., None]
    tone = m.base if st.lift * st.band > 0.06 or st.lift < -0.35 else shade(pal.ink, 0.4)
    core = core + (np.asarray(tone, np.float32) / 255.0 - core) * 0.4 * sheen
    if label:  # a soft reflection on the label, kept inside the centre slice (stretches cleanly)
        sx, sw = 0.2 + 1.6 * (st.band - 0.08), 0.08 + 0.6 * st.gap
        win = np.clip(
            np.minimum(np.minimum(xs - cr, W - cr - xs), np.minimum(ys - cr, H - cr - ys)),
            0.0,
            None,
        )
        spot = np.exp(-(((xs / W - sx) / sw) ** 2)) * np.clip(win / (0.14 * u), 0.0, 1.0)
        core = core + (np.asarray(m.light, np.float32) / 255.0 - core) * 0.45 * spot[..., None]
    rgb = np.where((d > b)[..., None], core, rgb)
    alpha = np.clip(d + 0.5, 0.0, 1.0) * (0.55 if state == "disabled" else 1.0)
    c.paste_rgb(rgb.astype(np.float32), alpha.astype(np.float32))
    off = st.cut * (0.45 if st.shape != "square" else 0.0) + 0.08
    sz = st.size
    for sx, sy in ((1, 1), (-1, 1), (1, -1), (-1, -1)):
        ox, oy = (0.0 if sx > 0 else W), (0.0 if sy > 0 else H)

        def at_(
            pts: list[Point], sx: int = sx, sy: int = sy, ox: float = ox, oy: float = oy
        ) -> list[Point]:
            return [(ox + sx * (off + x * sz) * cr, oy + sy * (off + y * sz) * cr) for x, y in pts]

        gem = pal.glow if state != "disabled" else m.light
        _corner(c, at_, st.ornament, m, cr * sz, gem, st.shape == "square")
    return c


def _corner(
    c: Canvas,
    at: Callable[[list[Point]], list[Point]],
    kind: str,
    m: k.Metal,
    cr: float,
    gem: RGB,
    bracket: bool,
) -> None:
    """One corner ornament in unit corner space (0..1 from the corner inwards)."""
    edge = max(0.8, cr * 0.045)
    if bracket:
        plate = [(0.0, 0.0), (0.9, 0.0), (0.9, 0.16), (0.38, 0.22), (0.22, 0.38), (0.16, 0.9)]
        k.plate(c, [at([*plate, (0.0, 0.9)])], m, edge, 0.8)
    if kind == "filigree":
        for curl in (
            [(0.2, 0.2), (0.6, 0.26), (0.78, 0.46), (0.6, 0.58), (0.52, 0.44)],
            [(0.2, 0.2), (0.26, 0.6), (0.46, 0.78), (0.58, 0.6), (0.44, 0.52)],
        ):
            draw.brush(c, at(curl), cr * 0.12, m.deep, start=0.05, end=0.6)
            draw.brush(c, at(curl), cr * 0.06, m.shine, start=0.05, end=0.6)
    elif kind == "rivets":
        for x, y in ((0.62, 0.1), (0.1, 0.62), (0.36, 0.1), (0.1, 0.36), (0.5, 0.5)):
            ((px, py),) = at([(x, y)])
            lt.boss(c, px, py, cr * 0.075, m)
    elif kind == "leaf":
        leaf = draw.catmull_rom([(0.1, 0.1), (0.66, 0.28), (0.9, 0.9), (0.28, 0.66)], 6, True)
        k.plate(c, [at(leaf)], m, edge, 2.4)
        k.engrave(c, at([(0.16, 0.16), (0.5, 0.5), (0.82, 0.82)]), m, cr * 0.04)
    elif kind == "star":
        k.plate(c, [at(draw.star(0.3, 0.3, 0.34, 0.12, 4, 0.785))], m, edge, 0.8)
    ((gx, gy),) = at([(0.2, 0.2)])
    lt.boss(c, gx, gy, cr * (0.17 if kind == "gem" else 0.1), m, gem=gem)


def _style(ctx: RenderContext[Any], p: Any, corner: float, border: float) -> Style:
    """Per-index continuous jitter from the seeded rng on top of the params."""
    r = ctx.rng("style").uniform(0.0, 1.0, 5)
    return Style(
        corner,
        border,
        p.shape,
        0.35 + 0.45 * float(r[0]),
        p.profile,
        p.inset,
        p.ornament,
        0.6 + 0.4 * float(r[1]),
        p.hue,
        0.06 + 0.22 * float(r[2]),
        float(ctx.rng("lift").choice([-0.45, -0.3, 0.3, 0.5])),
        0.025 + 0.05 * float(r[3]),
        0.08 + 0.34 * float(r[4]),
    )


class PanelParams(AssetParams):
    corner: float = Field(0.24, ge=0.18, le=0.3)
    border: float = Field(0.07, ge=0.035, le=0.12)
    shape: Shape = "square"
    profile: Literal["round", "flat", "double"] = "round"
    inset: int = Field(1, ge=0, le=2)
    ornament: Ornament = "filigree"
    tone: float = Field(0.5, ge=0.0, le=1.0)
    hue: float = Field(0.0, ge=-12.0, le=12.0)


@asset("ui_panel", "ui", (192, 192), PanelParams, tags=("9-slice", "panel", "frame", "new"))
def ui_panel(ctx: RenderContext[PanelParams]) -> Canvas:
    """A 9-slice panel: ornaments only in corners of `corner`×min side (default 24%)."""
    p, pal = ctx.params, ctx.palette
    fill = mix(pal.parchment, pal.ink, p.tone)
    return _frame(ctx, _style(ctx, p, p.corner, p.border), "normal", fill)


class ButtonParams(AssetParams):
    state: State = "normal"
    corner: float = Field(0.24, ge=0.18, le=0.3)
    border: float = Field(0.09, ge=0.05, le=0.14)
    shape: Shape = "rounded"
    profile: Literal["round", "flat", "double"] = "round"
    inset: int = Field(0, ge=0, le=2)
    ornament: Ornament = "gem"
    label: Literal["flat", "recessed", "glossy", "plaque"] = "flat"
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
    c = _frame(ctx, _style(ctx, p, p.corner, p.border), p.state, face, p.label)
    return c
