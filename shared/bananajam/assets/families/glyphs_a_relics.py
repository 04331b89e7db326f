"""Relic glyphs: an unrolled ancient scroll, a carved rune stone and faceted crystal shards."""

from __future__ import annotations

import math
from typing import Literal

import numpy as np
from pydantic import Field

from bananajam.assets import draw
from bananajam.assets.canvas import Canvas
from bananajam.assets.families import _glyph_kit_a as kit
from bananajam.assets.params import AssetParams
from bananajam.assets.registry import RenderContext, asset
from bananajam.assets.themes import RGB, hue_shift, mix, shade, tint


class ScrollParams(AssetParams):
    length: float = Field(0.85, ge=0.6, le=1.0)
    lines: int = Field(8, ge=4, le=12)
    layout: Literal["text", "diagram", "runes", "map"] = "text"
    rollers: Literal["knob", "plain", "spiked"] = "knob"
    tattered: bool = False
    seal: bool = True


def _roller(
    c: Canvas, x0: float, x1: float, y: float, r: float, wood: RGB, style: str, cap: RGB
) -> None:
    """A horizontal shaded cylinder with end caps."""
    for k in range(6):
        t = k / 5
        off = r * (1 - t) * 0.9
        c.rect(
            x0, y - r + off * 0.35, x1, y + r - off, fill=mix(shade(wood, 0.5), tint(wood, 0.3), t)
        )
    for x in (x0, x1):
        if style == "spiked":
            c.polygon(draw.star(x, y, r * 1.9, r * 0.8, 6), fill=cap)
        elif style == "knob":
            c.circle(x, y, r * 1.35, fill=shade(cap, 0.3))
            c.circle(x - r * 0.2, y - r * 0.25, r * 0.95, fill=cap)
        else:
            c.rect(x - r * 0.5, y - r * 1.25, x + r * 0.5, y + r * 1.25, fill=cap)


@asset("ancient_scroll", "glyphs", (500, 700), ScrollParams, tags=("scroll", "paper", "relic"))
def ancient_scroll(ctx: RenderContext[ScrollParams]) -> Canvas:
    """An unrolled scroll between wooden rollers, inked with text, runes, a diagram or a map."""
    p, pal = ctx.params, ctx.palette
    x0, y0, w, h = kit.fit(ctx, 5 / 7)
    cx = x0 + w / 2
    ph = h * 0.8 * p.length
    top, bot = y0 + h / 2 - ph / 2, y0 + h / 2 + ph / 2
    rng = ctx.rng("scroll")
    # Per-index proportions: paper width and how far the rollers overhang change the silhouette.
    pw = w * float(rng.uniform(0.58, 0.76))
    rx = min(w * 0.42, pw / 2 + w * float(rng.uniform(0.04, 0.12)))
    n = 14
    ys = np.linspace(top, bot, n)
    jag = rng.uniform(-1, 1, (2, n)) * w * (0.025 if p.tattered else 0.006)
    left = [(cx - pw / 2 + float(j), float(y)) for y, j in zip(ys, jag[0], strict=True)]
    right = [(cx + pw / 2 + float(j), float(y)) for y, j in zip(ys, jag[1], strict=True)]
    paper = left + right[::-1]

    def glow(g: Canvas) -> None:
        g.polygon(paper, fill=pal.glow, opacity=0.7)

    c = kit.glow_canvas(ctx.width, ctx.height, glow, w * 0.06)
    sheet = mix(pal.accent, pal.glow, 0.35)
    kit.shaded_poly(c, paper, shade(sheet, 0.45), sheet, (cx, (top + bot) / 2), n=6, reach=0.75)
    c.rect(cx - pw / 2, top, cx + pw / 2, top + ph * 0.05, fill=shade(sheet, 0.5), opacity=0.5)
    ink = shade(pal.ink, 0.2)
    lx0, lx1 = cx - pw * 0.36, cx + pw * 0.36
    ty0, ty1 = top + ph * 0.1, bot - ph * (0.22 if p.seal else 0.1)
    lw = w * 0.014
    txt = ctx.rng("text")
    if p.layout == "text":
        # A centred heading, then paragraphs: the blank lines and indents move per index.
        line_ys = np.linspace(ty0, ty1, p.lines + 1)
        pick = txt.choice(np.arange(2, p.lines), size=int(txt.integers(0, 3)), replace=False)
        gaps = {int(g) for g in pick}
        hw = pw * float(txt.uniform(0.15, 0.3))
        head = kit.lerp_pts((cx - hw, float(line_ys[0])), (cx + hw, float(line_ys[0])), 4)
        kit.brush(c, head, lw * 2.4, ink, smooth=False, start=0.1, end=0.2)
        for k, y in enumerate(line_ys[1:], start=1):
            if k in gaps:
                continue
            x = lx0 + (pw * 0.08 if k == 1 or k - 1 in gaps else 0.0)
            end = lx1 - (pw * txt.uniform(0, 0.3) if txt.random() < 0.3 else 0.0)
            end = lx0 + (lx1 - lx0) * float(txt.uniform(0.3, 0.6)) if k + 1 in gaps else end
            while x < end - w * 0.03:
                wl = min(w * txt.uniform(0.04, 0.13), end - x)
                draw.brush(
                    c,
                    kit.lerp_pts((x, float(y)), (x + wl, float(y) + txt.uniform(-1, 1)), 3),
                    lw,
                    ink,
                    smooth=False,
                    start=0.1,
                    end=0.3,
                )
                x += wl + w * 0.025
    elif p.layout == "runes":
        cols = 4
        rows = max(2, p.lines // 2)
        gx = (lx1 - lx0) / cols
        gy = (ty1 - ty0) / rows
        for i in range(rows):
            for j in range(cols):
                for st in kit.rune_strokes(
                    txt,
                    lx0 + gx * (j + 0.5),
                    ty0 + gy * (i + 0.5),
                    gx * 0.5,
                    gy * 0.6,
                    int(txt.integers(1, 4)),
                ):
                    c.line(st, ink, width=lw)
    elif p.layout == "diagram":
        # Size, height on the sheet and turn of the figure vary per index.
        rr = min(lx1 - lx0, ty1 - ty0) * 0.45 * float(txt.uniform(0.7, 1.0))
        my = ty0 + rr + (ty1 - ty0 - 2 * rr) * float(txt.uniform(0.0, 1.0))
        draw.ring(c, cx, my, rr, lw, ink)
        draw.ring(c, cx, my, rr * 0.8, lw * 0.5, ink)
        sides = 3 + p.lines % 4
        poly = draw.regular_polygon(cx, my, rr * 0.8, sides, txt.uniform(0, 2 * math.pi))
        c.line([*poly, poly[0]], ink, width=lw)
        for x, y in poly:
            c.circle(x, y, lw * 1.6, fill=hue_shift(pal.accent, -30))
        c.circle(cx, my, rr * 0.15, fill=ink)
    else:
        pts = [
            (lx0 + (lx1 - lx0) * txt.uniform(0.1, 0.9), ty0 + (ty1 - ty0) * t)
            for t in np.linspace(0.05, 0.95, 6)
        ]
        coast = kit.blob(txt, cx, (ty0 + ty1) / 2, (lx1 - lx0) * 0.42, 9, 0.3)
        c.polygon(coast, fill=shade(sheet, 0.25), outline=ink, width=lw * 0.8)
        route = draw.catmull_rom(pts, 6)
        for k in range(0, len(route) - 1, 3):
            c.line(route[k : k + 2], hue_shift(pal.accent, -30), width=lw)
        ex, ey = pts[-1]
        c.line([(ex - lw * 3, ey - lw * 3), (ex + lw * 3, ey + lw * 3)], ink, width=lw * 1.4)
        c.line([(ex - lw * 3, ey + lw * 3), (ex + lw * 3, ey - lw * 3)], ink, width=lw * 1.4)
    if p.seal:
        sx, sy, sr = cx + pw * float(rng.uniform(-0.25, 0.25)), bot - ph * 0.11, w * 0.07
        wax = hue_shift(pal.accent, -35)
        for d in (-1, 1):
            draw.brush(
                c,
                [(sx, sy), (sx + d * sr * 0.5, sy + sr * 1.5), (sx + d * sr * 0.8, sy + sr * 2.1)],
                sr * 0.5,
                shade(wax, 0.3),
                start=0.01,
                end=0.1,
            )
        kit.shaded_poly(
            c,
            kit.blob(rng, sx, sy, sr, 10, 0.08),
            shade(wax, 0.4),
            wax,
            (sx - sr * 0.3, sy - sr * 0.3),
            n=4,
        )
        c.polygon(
            draw.star(sx, sy, sr * 0.6, sr * 0.25, 5 + p.lines % 3, -math.pi / 2),
            fill=tint(wax, 0.4),
        )
    wood = mix(pal.ink, pal.accent, 0.5)
    cap = mix(pal.accent, pal.glow, 0.5)
    for y in (top, bot):
        _roller(c, cx - rx, cx + rx, y, w * 0.04, wood, p.rollers, cap)
    return c


class RuneStoneParams(AssetParams):
    sides: int = Field(7, ge=5, le=10)
    rough: float = Field(0.12, ge=0.04, le=0.22)
    strokes: int = Field(3, ge=2, le=5)
    squash: float = Field(0.85, ge=0.68, le=1.0)
    cracks: bool = False
    glow: float = Field(0.7, ge=0.4, le=1.0)


@asset("rune_stone", "glyphs", (200, 200), RuneStoneParams, tags=("rune", "stone", "relic"))
def rune_stone(ctx: RenderContext[RuneStoneParams]) -> Canvas:
    """A shaded pebble carved with a procedural rune that glows from its grooves."""
    p, pal, u = ctx.params, ctx.palette, ctx.unit
    cx, cy = ctx.width / 2, ctx.height / 2
    rng = ctx.rng("stone")
    r = u * 0.4
    tall = rng.random() < 0.5
    sx, sy = (p.squash, 1.0) if tall else (1.0, p.squash)
    stone = [
        (cx + (x - cx) * sx, cy + (y - cy) * sy)
        for x, y in kit.blob(rng, cx, cy, r, p.sides, p.rough)
    ]
    rune = kit.rune_strokes(ctx.rng("rune"), cx, cy, r * sx * 0.8, r * sy * 1.0, p.strokes)

    def glow(g: Canvas) -> None:
        g.polygon(stone, fill=pal.accent, opacity=0.5 * p.glow)
        for st in rune:
            g.line(st, pal.glow, width=u * 0.1)

    c = kit.glow_canvas(ctx.width, ctx.height, glow, u * 0.05)
    rock = mix(pal.ink, pal.accent, 0.35)
    c.polygon(stone, fill=shade(rock, 0.5))
    kit.shaded_poly(
        c,
        kit.scaled(stone, (cx + r * 0.1, cy + r * 0.12), 0.97),
        shade(rock, 0.2),
        mix(rock, pal.glow, 0.3),
        (cx - r * 0.35, cy - r * 0.4),
        n=6,
        reach=0.8,
    )
    if p.cracks:
        cr = ctx.rng("cracks")
        for _ in range(2):
            a = cr.uniform(0, 2 * math.pi)
            pts = [(cx + r * 0.95 * math.cos(a), cy + r * 0.95 * math.sin(a))]
            for _ in range(3):
                a += cr.uniform(-0.6, 0.6)
                x, y = pts[-1]
                pts.append((x - r * 0.18 * math.cos(a), y - r * 0.18 * math.sin(a)))
            draw.brush(c, pts, u * 0.02, shade(rock, 0.6), smooth=False, start=0.02, end=0.9)
    for st in rune:
        c.line(st, shade(rock, 0.7), width=u * 0.07)
    for st in rune:
        c.line(st, mix(pal.glow, pal.accent, 0.3), width=u * 0.042)
        c.line(st, tint(pal.glow, 0.5), width=u * 0.016)
    return c
