"""Variety: no two indices 0..99 of one type and theme may look like the same picture.

Renders are small (feature size, longest side 64 px) for speed; the rule is the diversity
system's own near-duplicate rule (`bananajam.diversity.neardup`), so engine and service agree.
"""

from __future__ import annotations

import pytest

from bananajam.assets import default_registry
from bananajam.diversity import measure, neardup, scores

THEMES = ("void_purple", "sepia_ancient")  # the most and the least saturated originals


@pytest.mark.slow
@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("name", default_registry().names())
def test_indices_0_to_99_have_no_near_duplicates(name: str, theme: str) -> None:
    f = measure.sample_features(name, list(range(100)), theme, "lattice")
    found = neardup.find(f, scores.distances(f))
    pairs = [(p.i, p.j, p.reason) for p in found[:5]]
    assert not found, f"{name} in {theme}: {len(found)} near-duplicate pairs, e.g. {pairs}"
