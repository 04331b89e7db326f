"""The catalogue: every frontend type exists with its category and size, and renders well."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from bananajam.assets import call_asset, default_registry

# name -> (category, width, height), transcribed from the frontend's catalogue document.
FRONTEND_TYPES: dict[str, tuple[str, int, int]] = {
    "ethereal_mist": ("backgrounds", 1024, 1024),
    "ethereal_tree": ("backgrounds", 700, 800),
    "floating_island": ("backgrounds", 500, 500),
    "fractured_moon": ("backgrounds", 700, 500),
    "ink_nebula": ("backgrounds", 1024, 1024),
    "void_parchment": ("backgrounds", 1024, 1024),
    "void_monolith": ("backgrounds", 500, 800),
    "abyss_leviathan": ("creatures", 900, 600),
    "abyssal_jelly": ("creatures", 500, 600),
    "giraffe": ("creatures", 600, 800),
    "ink_butterfly": ("creatures", 600, 500),
    "ink_crab": ("creatures", 500, 400),
    "ink_octopus": ("creatures", 600, 500),
    "ink_phoenix": ("creatures", 700, 600),
    "ink_wolf": ("creatures", 600, 500),
    "kangaroo": ("creatures", 600, 800),
    "void_hopper": ("creatures", 400, 500),
    "void_manta": ("creatures", 600, 600),
    "void_raven": ("creatures", 600, 400),
    "ancient_scroll": ("glyphs", 500, 700),
    "astral_eye": ("glyphs", 400, 400),
    "crystal_shard": ("glyphs", 400, 600),
    "ethereal_feather": ("glyphs", 300, 500),
    "ethereal_torch": ("glyphs", 400, 600),
    "ink_divider": ("glyphs", 1000, 100),
    "ink_enso": ("glyphs", 800, 800),
    "ink_mandala": ("glyphs", 600, 600),
    "ink_spiral": ("glyphs", 400, 400),
    "ink_splatter": ("glyphs", 400, 400),
    "mystic_constellation": ("glyphs", 500, 500),
    "mystic_eye": ("glyphs", 400, 400),
    "mystic_frame": ("glyphs", 500, 500),
    "rune_stone": ("glyphs", 200, 200),
    "runic_circle": ("glyphs", 600, 600),
    "runic_obelisk": ("glyphs", 400, 700),
    "shadow_beast": ("glyphs", 600, 700),
    "shattered_glyph_tablet": ("glyphs", 500, 600),
    "sigil": ("glyphs", 500, 500),
    "spectral_serpent": ("glyphs", 600, 800),
    "spectral_wisp": ("glyphs", 400, 600),
    "void_anchor": ("glyphs", 400, 600),
    "void_circuit": ("glyphs", 400, 400),
    "void_crystal": ("glyphs", 300, 300),
    "void_lotus": ("glyphs", 500, 500),
    "void_orb": ("glyphs", 300, 300),
    "void_portal": ("glyphs", 600, 600),
    "void_rune": ("glyphs", 400, 400),
    "ancient_key": ("ui", 200, 400),
    "ancient_sundial": ("ui", 500, 500),
    "arcane_mirror": ("ui", 500, 700),
    "astral_hourglass": ("ui", 500, 700),
    "astral_portal_gate": ("ui", 600, 700),
    "broken_chain": ("ui", 200, 600),
    "gilded_cog": ("ui", 500, 500),
    "ink_compass_rose": ("ui", 500, 500),
    "shadow_puppet_mask": ("ui", 500, 600),
    "spectral_lantern": ("ui", 400, 600),
    "void_compass": ("ui", 500, 500),
}
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
