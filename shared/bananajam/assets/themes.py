"""Colour themes: data (themes.json) turned into palettes with the theme's figures applied.

A theme names four colour roles: `ink` (dark strokes and bodies), `glow` (light and highlights),
`parchment` (the ground) and `accent` (mid tones). `saturation` and `contrast` are applied to every
role once, when the palette is built, so renderers simply draw with the palette's colours.
"""

from __future__ import annotations

import colorsys
import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from bananajam.errors import UnknownThemeError, close_matches

RGB = tuple[int, int, int]
ROLES = ("ink", "glow", "parchment", "accent")


def _clamp(v: float) -> int:
    return max(0, min(255, round(v)))


def adjust(color: RGB, saturation: float, contrast: float) -> RGB:
    """Scale a colour's saturation (HLS) and its contrast about mid grey."""
    r, g, b = (c / 255.0 for c in color)
    h, lum, s = colorsys.rgb_to_hls(r, g, b)
    r, g, b = colorsys.hls_to_rgb(h, lum, min(1.0, s * saturation))
    return (
        _clamp((r - 0.5) * contrast * 255 + 127.5),
        _clamp((g - 0.5) * contrast * 255 + 127.5),
        _clamp((b - 0.5) * contrast * 255 + 127.5),
    )


def mix(a: RGB, b: RGB, t: float) -> RGB:
    """Linear blend from `a` (t=0) to `b` (t=1)."""
    r, g, bl = (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )
    if 0.0 <= t <= 1.0:  # between two valid colours: already in 0..255 (called thousands of times)
        return (r, g, bl)
    return (_clamp(r), _clamp(g), _clamp(bl))


def shade(color: RGB, amount: float) -> RGB:
    """Darken towards black by `amount` (0..1)."""
    return mix(color, (0, 0, 0), amount)


def tint(color: RGB, amount: float) -> RGB:
    """Lighten towards white by `amount` (0..1)."""
    return mix(color, (255, 255, 255), amount)


def hue_shift(color: RGB, degrees: float) -> RGB:
    """Rotate a colour's hue, keeping lightness and saturation."""
    h, lum, s = colorsys.rgb_to_hls(*(c / 255.0 for c in color))
    r, g, b = colorsys.hls_to_rgb((h + degrees / 360.0) % 1.0, lum, s)
    return (_clamp(r * 255), _clamp(g * 255), _clamp(b * 255))


def parse_hex(value: str) -> RGB:
    """'#rrggbb' or '#rgb' to an RGB tuple; raises ValueError otherwise."""
    text = value.lstrip("#")
    if len(text) == 3:
        text = "".join(ch * 2 for ch in text)
    if len(text) != 6:
        raise ValueError(f"not a hex colour: {value!r}")
    return (int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16))


@dataclass(frozen=True)
class Theme:
    """A theme as stored: the raw role colours and the figures to apply."""

    name: str
    ink: RGB
    glow: RGB
    parchment: RGB
    accent: RGB
    saturation: float = 1.0
    contrast: float = 1.0
    description: str = ""

    def palette(self) -> Palette:
        return _palette(self)

    def as_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "ink": list(self.ink),
            "glow": list(self.glow),
            "parchment": list(self.parchment),
            "accent": list(self.accent),
            "saturation": self.saturation,
            "contrast": self.contrast,
            "description": self.description,
        }


@dataclass(frozen=True)
class Palette:
    """The colours renderers draw with: the theme's roles after saturation and contrast."""

    theme: str
    ink: RGB
    glow: RGB
    parchment: RGB
    accent: RGB
    extras: dict[str, RGB] = field(default_factory=dict)

    def role(self, name: str) -> RGB:
        """A role by name, or a hex colour; raises KeyError for anything else."""
        if name in ROLES:
            return getattr(self, name)  # type: ignore[no-any-return]
        if name in self.extras:
            return self.extras[name]
        if name.startswith("#"):
            return parse_hex(name)
        raise KeyError(name)

    @property
    def shadow(self) -> RGB:
        return shade(self.ink, 0.45)

    @property
    def highlight(self) -> RGB:
        return tint(self.glow, 0.45)

    @property
    def mid(self) -> RGB:
        return mix(self.ink, self.accent, 0.55)


@cache
def _palette(theme: Theme) -> Palette:
    def adj(c: RGB) -> RGB:
        return adjust(c, theme.saturation, theme.contrast)

    return Palette(
        theme.name, adj(theme.ink), adj(theme.glow), adj(theme.parchment), adj(theme.accent)
    )


@cache
def all_themes() -> tuple[Theme, ...]:
    """Every theme, in the stable order that index-based selection uses."""
    raw = json.loads(resources.files("bananajam.assets").joinpath("themes.json").read_text())
    out = []
    for t in raw["themes"]:
        out.append(
            Theme(
                name=t["name"],
                ink=tuple(t["ink"]),
                glow=tuple(t["glow"]),
                parchment=tuple(t["parchment"]),
                accent=tuple(t["accent"]),
                saturation=float(t["saturation"]),
                contrast=float(t["contrast"]),
                description=t.get("description", ""),
            )
        )
    return tuple(out)


def theme_names() -> list[str]:
    return [t.name for t in all_themes()]


def get_theme(name: str) -> Theme:
    for t in all_themes():
        if t.name == name:
            return t
    raise UnknownThemeError(name, close_matches(name, theme_names()))


def resolve_theme(name: str | None, index: int) -> Theme:
    """The named theme, or with no name the theme that follows from the index."""
    if name is None:
        themes = all_themes()
        return themes[index % len(themes)]
    return get_theme(name)
