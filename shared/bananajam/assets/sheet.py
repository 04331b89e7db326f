"""Contact sheets: a grid of variants of one type, for judging variety and looks at a glance."""

from __future__ import annotations

from PIL import Image, ImageDraw

from bananajam.assets.catalogue import default_registry
from bananajam.assets.engine import call_asset


def _checker(w: int, h: int, cell: int = 8) -> Image.Image:
    """A dark checkerboard so transparency and dark palettes both stay visible."""
    img = Image.new("RGB", (w, h), (46, 46, 52))
    d = ImageDraw.Draw(img)
    for y in range(0, h, cell):
        for x in range((y // cell % 2) * cell, w, cell * 2):
            d.rectangle((x, y, x + cell - 1, y + cell - 1), fill=(58, 58, 66))
    return img


def contact_sheet(
    name: str,
    count: int = 16,
    theme: str | None = None,
    cell: int = 192,
    start: int = 0,
    columns: int | None = None,
) -> Image.Image:
    """Render indices start..start+count-1 of `name` at thumbnail size into one image."""
    cols = columns or min(count, 8)
    rows = (count + cols - 1) // cols
    pad = 6
    sheet = Image.new("RGB", (cols * (cell + pad) + pad, rows * (cell + pad) + pad), (20, 20, 24))
    t = default_registry().get(name)
    aspect = t.default_width / t.default_height
    for k in range(count):
        w, h = (
            (cell, max(16, round(cell / aspect)))
            if aspect >= 1
            else (max(16, round(cell * aspect)), cell)
        )
        rendered = call_asset(name, start + k, theme, width=w, height=h)
        x = pad + (k % cols) * (cell + pad)
        y = pad + (k // cols) * (cell + pad)
        tile = _checker(cell, cell)
        img = rendered.image
        ox, oy = (cell - img.width) // 2, (cell - img.height) // 2
        if img.mode == "RGBA":
            tile.paste(img, (ox, oy), img)
        else:
            tile.paste(img, (ox, oy))
        sheet.paste(tile, (x, y))
    return sheet
