"""Landscape backgrounds: layered misty ridges under a glowing light, and a floating sky island."""

from __future__ import annotations

import math
from typing import Literal

import numpy as np
from pydantic import Field

from bananajam.assets import draw
from bananajam.assets.canvas import Canvas, Point
from bananajam.assets.families import _bg_kit as kit
from bananajam.assets.families import _bg_kit_b as kit_b
from bananajam.assets.families import _bg_light as lights
from bananajam.assets.params import AssetParams
from bananajam.assets.registry import RenderContext, asset
from bananajam.assets.themes import RGB, Palette, mix, shade, tint


class MistParams(AssetParams):
    horizon: float = Field(0.62, ge=0.42, le=0.8)
    layers: int = Field(4, ge=2, le=6)
    ridges: Literal["hills", "peaks", "pines", "spires"] = "hills"
    light_x: float = Field(0.5, ge=0.12, le=0.88)
    mist: float = Field(0.7, ge=0.3, le=1.0)
    motes: int = Field(14, ge=0, le=40)


@asset(
    "ethereal_mist",
    "backgrounds",
    (1024, 1024),
    MistParams,
    tags=("mist", "landscape", "fog", "mountains"),
)
def ethereal_mist(ctx: RenderContext[MistParams]) -> Canvas:
    """Ranks of misty ridges fading into a glowing sky, fog pooled in every valley."""
    p, pal = ctx.params, ctx.palette
    W, H = ctx.width, ctx.height
    w, h = kit.work_size(W, H, 200)
    light = (p.light_x, float(p.horizon * ctx.rng("light").uniform(0.35, 0.7)))
    rgb = lights.sky(pal, w, h, p.horizon, light, 0.9)
    _, y = kit.grid(w, h)
    rng = ctx.rng("ridges")
    far, near = mix(pal.parchment, pal.accent, 0.45), shade(pal.ink, 0.2)
    fog = kit.col(mix(pal.accent, pal.glow, 0.35))
    profiles = []
    for k in range(p.layers):
        t = k / max(1, p.layers - 1)
        bumps = {"hills": 1.5, "peaks": 3.0, "pines": 2.0, "spires": 2.5}[p.ridges] + k * 0.6
        prof = kit_b.ridge_profile(rng, w, bumps, 0.3 if p.ridges == "hills" else 0.45)
        amp = (0.22 - 0.1 * t) * (1.3 if p.ridges == "peaks" else 1.0)
        line = (p.horizon - amp * 0.5 + (1 - p.horizon) * 0.75 * t - prof * amp).astype(np.float32)
        profiles.append(line)
    # Each ridge only changes the rows from its crest down, and the front ridge (drawn crisp
    # later) hides everything under its highest point: blend and scale up just the rows between.
    covered = float(profiles[-1].max()) * H
    bottom = min(h, math.ceil(covered * h / H) + 2)
    rgb = rgb.astype(np.float32)
    for k, line in enumerate(profiles[:-1]):
        t = k / max(1, p.layers - 1)
        # the edge is antialiased across the ridge, not just down it: steep slopes stay smooth
        edge = 0.004 * np.hypot(1.0, np.gradient(line) * h).astype(np.float32)
        top = max(0, int((float((line - edge).min()) - 0.001) * h) - 1)
        yy = y[top:bottom] - line[None, :]
        solid = kit.smoothstep(-1.0, 1.0, yy / edge)
        part = kit.lerp(rgb[top:bottom], kit.col(mix(far, near, t * 0.8)), solid)
        band = kit.fbm(ctx.rng(f"fog{k}"), w, h, 2.5, 3, 0.5, stretch=3.0)[top:bottom]
        depth = np.clip(yy / 0.1, 0, 1) * solid
        veil = depth**1.4 * (0.35 + 0.65 * band) * p.mist * 0.85
        rgb[top:bottom] = kit.lerp(part, fog, np.clip(veil, 0, 0.85))
    c = kit.ground(ctx, np.clip(rgb, 0, 1), flat=True, covered=covered, soft=True)
    for s_, op in ((2.2, 0.12), (1.5, 0.2)):
        c.circle(light[0] * W, light[1] * H, ctx.unit * 0.035 * s_, fill=pal.glow, opacity=op)
    c.circle(light[0] * W, light[1] * H, ctx.unit * 0.035, fill=tint(pal.glow, 0.4))
    front = profiles[-1]
    xs = np.linspace(0, W, len(front))
    pts = [(float(a), float(b * H)) for a, b in zip(xs, front, strict=True)]
    _front_ridge(c, ctx, pts, near)
    rng = ctx.rng("motes")
    motes = [(rng.uniform(0, W), rng.uniform(p.horizon * 0.8, 1.0) * H) for _ in range(p.motes)]
    for mx, my in motes:
        c.circle(mx, my, ctx.unit * 0.012, fill=pal.glow, opacity=0.15)
        c.circle(mx, my, ctx.unit * rng.uniform(0.002, 0.005), fill=pal.highlight, opacity=0.8)
    return c


def _front_ridge(c: Canvas, ctx: RenderContext[MistParams], pts: list[Point], colr: RGB) -> None:
    """The nearest ridge, crisp, with pine or spire silhouettes and a rim of light."""
    p, W, H, u = ctx.params, ctx.width, ctx.height, ctx.unit
    c.polygon([*pts, (W + 1.0, H + 1.0), (-1.0, H + 1.0)], fill=colr)
    draw.brush(c, pts[:: max(1, len(pts) // 60)], u * 0.006, ctx.palette.accent, 0.5)
    rng = ctx.rng("trees")
    if p.ridges not in ("pines", "spires"):
        return
    n = int(rng.integers(10, 26)) if p.ridges == "pines" else int(rng.integers(3, 7))
    for _ in range(n):
        i = int(rng.integers(0, len(pts)))
        x, y = pts[i]
        if p.ridges == "pines":
            hgt = u * rng.uniform(0.05, 0.12)
            wid = hgt * 0.32
            tiers = [(x, y - hgt)]
            for k in range(4):
                f = (k + 1) / 4
                tiers = [(x - wid * f, y - hgt * (1 - f) + hgt * 0.08), *tiers]
                tiers.append((x + wid * f, y - hgt * (1 - f) + hgt * 0.08))
            c.polygon([*tiers, (x, y + u * 0.02)], fill=colr)
        else:
            hgt, wid = u * rng.uniform(0.12, 0.3), u * rng.uniform(0.02, 0.045)
            lean = rng.uniform(-0.3, 0.3) * wid
            c.polygon(
                [
                    (x - wid, y + 2),
                    (x - wid * 0.4 + lean, y - hgt * 0.7),
                    (x + lean * 2, y - hgt),
                    (x + wid * 0.5 + lean, y - hgt * 0.6),
                    (x + wid, y + 2),
                ],
                fill=colr,
            )


def rock(
    c: Canvas,
    rng: np.random.Generator,
    cx: float,
    top: float,
    width: float,
    depth: float,
    pal: Palette,
) -> list[Point]:
    """A floating rock: a faceted, downward-pointing crag lit from the upper left.

    Returns the points of its top rim (left to right) for things growing on it.
    """
    n = 9
    rim = [
        (cx - width / 2 + width * k / (n - 1), top + rng.uniform(-0.03, 0.03) * width)
        for k in range(n)
    ]
    tip = (cx + rng.uniform(-0.15, 0.15) * width, top + depth)
    mid = []
    for k in range(n):
        f = k / (n - 1)
        bulge = math.sin(f * math.pi) ** 0.7
        mid.append(
            (
                cx - width / 2 + width * f * 1.0 + (tip[0] - cx) * bulge * 0.5,
                top + depth * (0.25 + 0.45 * bulge) * rng.uniform(0.8, 1.15),
            )
        )
    lit, dark = mix(pal.accent, pal.ink, 0.35), shade(pal.ink, 0.3)
    for k in range(n - 1):
        f = k / (n - 2)
        face = mix(lit, dark, f * 0.9)
        c.polygon([rim[k], rim[k + 1], mid[k + 1], mid[k]], fill=face)
        c.polygon([mid[k], mid[k + 1], tip], fill=shade(face, 0.25 + 0.1 * (k % 2)))
    for k in range(1, n - 1, 2):
        draw.brush(
            c,
            [mid[k], ((mid[k][0] + tip[0]) / 2, (mid[k][1] + tip[1]) / 2)],
            width * 0.012,
            tint(lit, 0.2),
            0.35,
        )
    cap = [*rim, *[(x, y - width * 0.025) for x, y in reversed(rim)]]
    c.polygon(cap, fill=mix(pal.accent, pal.glow, 0.25))
    return rim


class IslandParams(AssetParams):
    width: float = Field(0.6, ge=0.42, le=0.78)
    depth: float = Field(0.8, ge=0.45, le=1.2)
    crown: Literal["tree", "crystals", "ruins", "shrine"] = "tree"
    satellites: int = Field(3, ge=0, le=6)
    waterfall: bool = True
    clouds: float = Field(0.6, ge=0.2, le=1.0)


@asset(
    "floating_island",
    "backgrounds",
    (500, 500),
    IslandParams,
    tags=("island", "sky", "fantasy", "clouds"),
)
def floating_island(ctx: RenderContext[IslandParams]) -> Canvas:
    """A faceted rock island adrift in a cloud sea, crowned by a tree, crystals or ruins."""
    p, pal = ctx.params, ctx.palette
    W, H, u = ctx.width, ctx.height, ctx.unit
    w, h = kit.work_size(W, H, 125)  # 4x: the soft ground upscale applies
    rgb = lights.sky(pal, w, h, 0.9, (0.5, 0.3), 0.6)
    _, y = kit.grid(w, h)
    cl = kit.fbm(ctx.rng("clouds"), w, h, 3.0 * W / u, 4, 0.55, stretch=2.0)
    mask = kit.smoothstep(0.55 - 0.3 * p.clouds, 0.85, cl * (0.4 + y))
    rgb = kit.lerp(rgb, kit.col(mix(pal.parchment, pal.glow, 0.3)), mask * 0.75)
    bx, by, bw, bh = lights.fit(ctx, 1.0)
    iw = bw * p.width
    top = by + bh * (0.52 - 0.2 * p.depth * p.width)
    # the island's halo is part of the sky: evaluated on the small ground, not blended full-size
    rgb = lights.halo_rgb(np.clip(rgb, 0, 1), (W, H), bx + bw / 2, top, iw * 0.5, pal.accent, 0.45)
    c = kit.ground(ctx, np.clip(rgb, 0, 1), soft=True)
    kit.stars(c, ctx.rng("stars"), 30 + W * H // 8000, pal.glow, (0, 0, W, H * 0.45))
    rng = ctx.rng("island")
    for _ in range(p.satellites):
        sx = bx + bw * rng.choice([rng.uniform(0.05, 0.2), rng.uniform(0.8, 0.95)])
        sw = bw * rng.uniform(0.06, 0.13)
        rock(c, rng, sx, by + bh * rng.uniform(0.2, 0.75), sw, sw * rng.uniform(0.8, 1.4), pal)
    rim = rock(c, rng, bx + bw / 2, top, iw, iw * p.depth * 0.75, pal)
    vines = ctx.rng("vines")
    for _ in range(int(vines.integers(3, 8))):
        x0, y0 = rim[int(vines.integers(1, len(rim) - 1))]
        ln = iw * vines.uniform(0.1, 0.35)
        pts = [
            (x0, y0),
            (x0 + vines.normal(0, 4), y0 + ln * 0.5),
            (x0 + vines.normal(0, 6), y0 + ln),
        ]
        draw.brush(c, pts, u * 0.007, mix(pal.accent, pal.ink, 0.2), start=0.05, end=0.6)
    if p.waterfall:
        x0, y0 = rim[-2]
        fall = [(x0, y0), (x0 + u * 0.02, y0 + u * 0.1), (x0 + u * 0.025, float(H))]
        c.glow(lambda g: g.line(fall, pal.glow, u * 0.03), radius=u * 0.02, opacity=0.7)
        draw.brush(c, fall, u * 0.02, tint(pal.glow, 0.2), 0.85, start=0.02, end=0.0)
    _crown(c, ctx, rim, iw)
    return c


def _crown(c: Canvas, ctx: RenderContext[IslandParams], rim: list[Point], iw: float) -> None:
    """Whatever stands on the island's top."""
    p, pal = ctx.params, ctx.palette
    rng = ctx.rng("crown")
    cx, cy = rim[len(rim) // 2]
    ink, glow = shade(pal.ink, 0.2), pal.glow
    if p.crown == "tree":
        trunk = [
            (cx, cy),
            (cx + rng.normal(0, iw * 0.04), cy - iw * 0.25),
            (cx + iw * 0.05, cy - iw * 0.4),
        ]
        draw.brush(c, trunk, iw * 0.06, ink, start=0.0, end=0.6)
        for _ in range(5):
            ox, oy = rng.normal(0, iw * 0.13), rng.normal(0, iw * 0.06)
            c.circle(
                cx + iw * 0.05 + ox,
                cy - iw * 0.45 + oy,
                iw * rng.uniform(0.08, 0.14),
                fill=mix(pal.accent, ink, 0.4),
            )
        c.glow(lambda g: g.circle(cx, cy - iw * 0.45, iw * 0.15, fill=glow), iw * 0.1, 0.6)
    elif p.crown == "crystals":
        polys = []
        for _ in range(int(rng.integers(3, 6))):
            x = cx + rng.normal(0, iw * 0.12)
            hgt, wd = iw * rng.uniform(0.12, 0.32), iw * rng.uniform(0.03, 0.06)
            lean = rng.normal(0, wd)
            polys.append(
                [
                    (x - wd, cy),
                    (x - wd * 0.8 + lean, cy - hgt * 0.8),
                    (x + lean, cy - hgt),
                    (x + wd * 0.8 + lean, cy - hgt * 0.8),
                    (x + wd, cy),
                ]
            )
        c.glow(lights.painter(shapes=polys, color=glow), iw * 0.04, 0.6)
        for poly in polys:
            c.polygon(poly, fill=mix(pal.accent, glow, 0.3))
            base = ((poly[0][0] + poly[-1][0]) / 2, cy)
            c.polygon([poly[0], poly[1], poly[2], base], fill=tint(glow, 0.3), opacity=0.7)
    else:
        cols = 4 if p.crown == "ruins" else 2
        for k in range(cols):
            x = cx - iw * 0.22 + iw * 0.44 * k / max(1, cols - 1)
            hgt = iw * (rng.uniform(0.1, 0.3) if p.crown == "ruins" else 0.3)
            c.rect(x - iw * 0.025, cy - hgt, x + iw * 0.025, cy, fill=mix(pal.accent, ink, 0.5))
            c.rect(
                x - iw * 0.025,
                cy - hgt,
                x - iw * 0.008,
                cy,
                fill=tint(pal.accent, 0.1),
                opacity=0.5,
            )
        if p.crown == "shrine":
            c.polygon(
                [
                    (cx - iw * 0.3, cy - iw * 0.3),
                    (cx, cy - iw * 0.42),
                    (cx + iw * 0.3, cy - iw * 0.3),
                ],
                fill=mix(pal.accent, ink, 0.6),
            )
            lights.halo(c, cx, cy - iw * 0.14, iw * 0.1, glow, 0.9)
            c.circle(cx, cy - iw * 0.14, iw * 0.035, fill=tint(glow, 0.4))
