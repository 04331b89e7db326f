"""Diversity maths on known cases: Vendi bounds, the near-duplicate rule, selection."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from bananajam.diversity import features, neardup, scores, selection


def test_vendi_of_identical_items_is_one_and_of_orthogonal_items_is_n() -> None:
    assert scores.vendi(np.ones((5, 5))) == pytest_approx(1.0)
    assert scores.vendi(np.eye(7)) == pytest_approx(7.0)
    k = np.array([[1, 0.9, 0], [0.9, 1, 0], [0, 0, 1]])
    assert abs(scores.vendi(k) - 2.1573) < 1e-3  # the published worked example


def pytest_approx(v: float) -> object:
    import pytest

    return pytest.approx(v, abs=1e-9)


def _glyph(shape: str, colour: tuple[int, int, int], size: int = 128) -> Image.Image:
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    if shape == "disc":
        d.ellipse((20, 20, 108, 108), fill=(*colour, 255))
    elif shape == "bars":
        for x in range(10, 120, 24):
            d.rectangle((x, 10, x + 10, 118), fill=(*colour, 255))
    else:
        d.polygon([(64, 5), (123, 120), (5, 120)], fill=(*colour, 255))
    return img


def _pair_is_dup(a: Image.Image, b: Image.Image, others: list[Image.Image]) -> bool:
    f = features.extract([a, b, *others])
    d = scores.distances(f)
    return any({p.i, p.j} == {0, 1} for p in neardup.find(f, d))


def test_near_duplicate_rule_on_crafted_pairs() -> None:
    base = _glyph("disc", (200, 120, 40))
    others = [
        _glyph("bars", (40, 90, 200)),
        _glyph("tri", (90, 200, 90)),
        _glyph("bars", (200, 200, 200)),
        _glyph("tri", (220, 60, 60)),
    ]
    one_pixel = base.copy()
    one_pixel.putpixel((64, 64), (0, 0, 0, 255))
    assert _pair_is_dup(base, one_pixel, others)
    assert _pair_is_dup(base, base.copy(), others)
    recolour = _glyph("disc", (60, 160, 220))
    assert _pair_is_dup(base, recolour, others)  # same picture in other colours
    assert not _pair_is_dup(base, _glyph("bars", (200, 120, 40)), others)


def test_identical_images_are_flagged_as_identical() -> None:
    img = _glyph("tri", (10, 200, 10))
    f = features.extract([img, img.copy()])
    found = neardup.find(f, scores.distances(f), typical=1.0)
    assert [p.reason for p in found] == ["identical"]


def test_features_are_deterministic_and_fixed_length() -> None:
    img = _glyph("bars", (100, 50, 200))
    a, b = features.extract([img]), features.extract([img.copy()])
    assert a.vectors.shape == (1, 1216) and a.vectors.dtype == np.int8
    assert np.array_equal(a.vectors, b.vectors)
    assert np.array_equal(a.dhashes, b.dhashes) and a.dhashes.shape == (1, 4)


def _clustered_points(seed: int = 3) -> np.ndarray:
    rng = np.random.Generator(np.random.PCG64(seed))
    centres = rng.normal(0, 10, (6, 8))
    pts = np.concatenate([c + rng.normal(0, 0.3, (20, 8)) for c in centres])
    return pts


def test_farthest_point_selection_is_deterministic_and_beats_random() -> None:
    pts = _clustered_points()
    d = np.sqrt(((pts[:, None] - pts[None]) ** 2).sum(-1))
    pick = selection.farthest_point(d, 6)
    assert pick == selection.farthest_point(d, 6)
    assert len({i // 20 for i in pick}) == 6  # one per cluster
    k = scores.rbf_kernel(d**2, sigma=3.0)
    chosen = scores.vendi(k[np.ix_(pick, pick)])
    randoms = [scores.vendi(k[np.ix_(s, s)]) for s in selection.random_subsets(120, 6, 20, 1)]
    assert chosen > 1.15 * float(np.mean(randoms))


def test_farthest_point_refuses_near_duplicates() -> None:
    d = np.array([[0, 5, 0.01], [5, 0, 5], [0.01, 5, 0]])
    assert sorted(selection.farthest_point(d, 3, forbid_below=0.1)) in ([0, 1], [1, 2])


def test_greedy_dpp_picks_distinct_clusters() -> None:
    pts = _clustered_points(5)
    d2 = ((pts[:, None] - pts[None]) ** 2).sum(-1)
    pick = selection.greedy_dpp(scores.rbf_kernel(d2, 3.0), 6)
    assert len({i // 20 for i in pick}) == 6
    assert pick == selection.greedy_dpp(scores.rbf_kernel(d2, 3.0), 6)
