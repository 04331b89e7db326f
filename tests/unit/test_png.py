"""The PNG writer: lossless round trips, the two-half deflate, and bytes independent of cores."""

from __future__ import annotations

import io
import os
import zlib

import numpy as np
import pytest
from PIL import Image

from bananajam.assets import _parallel, png


def _image(w: int, h: int, mode: str) -> Image.Image:
    rng = np.random.default_rng(w * 7 + h)
    arr = rng.integers(0, 256, (h, w, len(mode)), dtype=np.uint8)
    arr[: h // 3] = arr[: h // 3] // 64  # a smoother band, as rendered pictures have
    return Image.fromarray(arr, mode)


@pytest.mark.parametrize("mode", ["RGB", "RGBA"])
@pytest.mark.parametrize("size", [(1, 1), (40, 3), (600, 500), (1024, 1024), (3, 2000)])
def test_round_trip_is_lossless(size: tuple[int, int], mode: str) -> None:
    img = _image(*size, mode)
    data = png.encode_png(img)
    back = Image.open(io.BytesIO(data))
    back.load()  # Pillow checks every chunk's CRC and the zlib stream's Adler-32 here
    assert back.mode == mode and back.size == size
    assert np.array_equal(np.asarray(back), np.asarray(img))


def _idat(data: bytes) -> bytes:
    return data[data.index(b"IDAT") + 4 : data.index(b"IEND") - 8]


def test_large_images_are_deflated_as_two_halves(monkeypatch: pytest.MonkeyPatch) -> None:
    img = _image(600, 500, "RGBA")
    halves = _idat(png.encode_png(img))
    raw = zlib.decompress(halves)  # one valid zlib stream, Adler-32 included
    assert raw[0] == png.FILTER_UP and len(raw) == 500 * (600 * 4 + 1)
    monkeypatch.setattr(png, "SPLIT_BYTES", 1 << 40)
    whole = _idat(png.encode_png(img))
    assert zlib.decompress(whole) == raw and whole != halves  # the default took the split


def test_adler32_combine_matches_zlib() -> None:
    a, b = os.urandom(70_001), os.urandom(65_536 * 3 + 5)
    assert png.adler32_combine(zlib.adler32(a), zlib.adler32(b), len(b)) == zlib.adler32(a + b)


def test_same_bytes_with_one_core_or_two(monkeypatch: pytest.MonkeyPatch) -> None:
    img = _image(700, 600, "RGB")
    two = png.encode_png(img)
    monkeypatch.setattr(_parallel, "usable_cores", lambda: 1)
    assert _parallel._helper() is None
    assert png.encode_png(img) == two
