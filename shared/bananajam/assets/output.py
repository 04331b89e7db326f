"""Deterministic image encoding.

PNG is the default, written by `bananajam.assets.png` (Up filter, zlib level 1): the same pixels
always give the same bytes. Level 1 because, measured on the catalogue, level 3 costs ~30% more
time and level 6 two to five times more, for files only 7-30% smaller: soft glows and painted
gradients are what make these images large, and they compress poorly at any level.
WebP is lossy at a fixed quality and method, which libwebp encodes deterministically.
"""

from __future__ import annotations

import io
from typing import Literal

from PIL import Image

from bananajam.assets.png import encode_png

ImageFormat = Literal["png", "webp"]
MEDIA_TYPES: dict[str, str] = {"png": "image/png", "webp": "image/webp"}


def encode(image: Image.Image, fmt: ImageFormat = "png") -> bytes:
    """Encode to PNG (default) or WebP."""
    if fmt == "png":
        return encode_png(image)
    if fmt == "webp":
        buf = io.BytesIO()
        image.save(buf, "WEBP", quality=88, method=3, exact=False)
        return buf.getvalue()
    raise ValueError(f"unsupported format {fmt!r}")
