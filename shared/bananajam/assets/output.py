"""Deterministic image encoding.

PNG is the default, written by `bananajam.assets.png` (Up filter, zlib-ng level 1; see that
module for the measurements behind the choice): the same pixels always give the same bytes.
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
