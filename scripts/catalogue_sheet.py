"""Write docs/catalogue.png: every asset type, one variant each, labelled (for the README)."""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw

from bananajam.assets import call_asset, default_registry

CELL, COLS, LABEL = 120, 10, 14


def main() -> int:
    types = list(default_registry())
    rows = -(-len(types) // COLS)
    sheet = Image.new("RGB", (COLS * CELL, rows * (CELL + LABEL)), (22, 22, 28))
    draw = ImageDraw.Draw(sheet)
    for k, t in enumerate(types):
        aspect = t.default_width / t.default_height
        w, h = (CELL - 8, max(16, round((CELL - 8) / aspect)))
        if aspect < 1:
            w, h = max(16, round((CELL - 8) * aspect)), CELL - 8
        img = call_asset(t.name, 3, width=w, height=h).image.convert("RGBA")
        x, y = (k % COLS) * CELL, (k // COLS) * (CELL + LABEL)
        tile = Image.new("RGBA", (CELL, CELL), (44, 44, 52, 255))
        tile.alpha_composite(img, ((CELL - w) // 2, (CELL - h) // 2))
        sheet.paste(tile.convert("RGB"), (x, y))
        draw.text((x + 3, y + CELL), t.name[:19], fill=(210, 210, 220))
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/catalogue.png")
    out.parent.mkdir(parents=True, exist_ok=True)
    sheet.save(out)
    print(f"wrote {out} ({len(types)} types)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
