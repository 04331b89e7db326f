"""The catalogue: every frontend type exists with its category and size, and renders well."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from bananajam.assets import call_asset, default_registry
from bananajam.assets.frontend import FRONTEND_CATALOGUE as FRONTEND_TYPES

REGISTRY = default_registry()
ALL_TYPES = REGISTRY.names()


def test_every_frontend_type_is_served_with_its_category_and_default_size() -> None:
    for name, (category, w, h) in FRONTEND_TYPES.items():
        t = REGISTRY.get(name)
        assert (t.category, t.default_width, t.default_height) == (category, w, h), name


def test_catalogue_adds_at_least_fifteen_new_types() -> None:
    new = set(ALL_TYPES) - set(FRONTEND_TYPES)
    assert len(new) >= 15, sorted(new)


def test_void_monolith_comes_from_the_shipped_spec() -> None:
    assert REGISTRY.get("void_monolith").source == "spec"


def _check_transparency(name: str, img: Image.Image) -> None:
    t = REGISTRY.get(name)
    arr = np.asarray(img)
    if t.category == "backgrounds":
        assert img.mode == "RGB", name
        assert arr.std() > 2.0, f"{name}: a background should not be a flat colour"
        return
    assert img.mode == "RGBA", name
    alpha = arr[..., 3]
    if "9-slice" in t.tags:
        return  # a 9-slice panel may fill its whole rectangle (square corners)
    assert alpha.min() == 0, f"{name}: needs a transparent background"
    coverage = float((alpha > 0).mean())
    assert 0.02 < coverage < 0.995, f"{name}: subject covers {coverage:.1%} of the canvas"


@pytest.mark.parametrize("name", ALL_TYPES)
def test_renders_at_default_size_with_the_right_transparency(name: str) -> None:
    r = call_asset(name, 1)
    t = REGISTRY.get(name)
    assert r.image.size == (t.default_width, t.default_height)
    _check_transparency(name, r.image)
    assert r.meta.name == name and r.meta.category == t.category and r.meta.index == 1


@pytest.mark.parametrize("name", ALL_TYPES)
@pytest.mark.parametrize("size", [(64, 64), (1024, 1024), (1024, 256)])
def test_renders_at_other_sizes_without_cropping_to_nothing(
    name: str, size: tuple[int, int]
) -> None:
    r = call_asset(name, 2, width=size[0], height=size[1])
    assert r.image.size == size
    _check_transparency(name, r.image)
