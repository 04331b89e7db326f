"""Pixel plumbing: the two-half resize gives the picture of one resize."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from bananajam.assets import _pixels as px


@pytest.mark.parametrize(
    ("mode", "size", "box"),
    [
        ("RGB", (1024, 1024), None),
        ("RGBa", (601, 677), (3.2, 5.1, 70.7, 80.3)),
        ("L", (700, 501), (0.0, 10.0, 75.0, 60.0)),
    ],
)
def test_split_resize_matches_one_resize(
    mode: str, size: tuple[int, int], box: tuple[float, float, float, float] | None
) -> None:
    rng = np.random.default_rng(3)
    shape = (88, 75) if mode == "L" else (88, 75, len(mode))
    src = Image.frombytes(mode, (75, 88), rng.integers(0, 256, shape, dtype=np.uint8).tobytes())
    assert size[0] * size[1] >= px.SPLIT_PIXELS  # the split path is the one under test
    whole = np.asarray(src.resize(size, Image.Resampling.BILINEAR, box=box)).astype(int)
    halves = px.resize(src, size, box=box)
    assert halves.mode == mode and halves.size == size
    assert np.abs(np.asarray(halves).astype(int) - whole).max() <= 1  # a rounding step at most
