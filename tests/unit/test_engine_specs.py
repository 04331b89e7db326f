"""The JSON spec language: both dialects, every layer type, and clear validation errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from bananajam.assets import Registry, call_asset
from bananajam.assets.catalogue import build_registry
from bananajam.assets.dsl.loader import load_spec, load_spec_dir
from bananajam.errors import SpecError

FLAT_LAYERS: list[dict[str, Any]] = [
    {"type": "fill", "color": "parchment"},
    {"type": "background_noise", "parchment": True, "intensity": 0.6},
    {"type": "noise", "scale": 1.5, "opacity": 60},
    {"type": "ring", "radius": 60, "thickness": 5, "glow": True},
    {"type": "spiral", "turns": 3, "thickness": 3, "spacing": 12},
    {"type": "splatter", "count": 8, "max_radius": 14, "area": "center"},
    {"type": "starfield", "count": 80},
    {
        "type": "shape",
        "shape": "rect",
        "rect": [20, 20, 60, 90],
        "fill": "ink",
        "variation": {"jitter": 4},
    },
    {
        "type": "shape",
        "shape": "circle",
        "center": [100, 50],
        "radius": 20,
        "fill": "#a0c4ff",
        "variation": {"size_variance": 0.2},
    },
    {
        "type": "shape",
        "shape": "polygon",
        "points": [[10, 190], [60, 120], [110, 190]],
        "fill": "accent",
    },
]


def _nested(layer: dict[str, Any]) -> dict[str, Any]:
    return {"type": layer["type"], "params": {k: v for k, v in layer.items() if k != "type"}}


def _spec(layers: list[dict[str, Any]], category: str = "glyphs") -> dict[str, Any]:
    return {
        "name": "test_spec",
        "category": category,
        "width": 200,
        "height": 200,
        "layers": layers,
    }


def _render(spec: dict[str, Any], index: int = 0) -> np.ndarray:
    t = load_spec(spec)
    img = call_asset(t.name, index, "astral_blue", registry=Registry([t])).image
    return np.asarray(img)


@pytest.mark.parametrize(
    "layer", FLAT_LAYERS, ids=lambda layer: str(layer.get("shape", layer["type"]))
)
def test_every_layer_type_draws_in_both_dialects_identically(layer: dict[str, Any]) -> None:
    flat = _render(_spec([layer]))
    nested = _render(_spec([_nested(layer)]))
    assert np.array_equal(flat, nested)
    assert flat[..., 3].max() > 0, "the layer drew nothing"


def test_index_varies_a_spec() -> None:
    spec = _spec(FLAT_LAYERS)
    assert not np.array_equal(_render(spec, 1), _render(spec, 2))


def test_spec_coordinates_scale_with_the_requested_size() -> None:
    t = load_spec(_spec([{"type": "shape", "shape": "rect", "rect": [0, 0, 100, 200]}]))
    img = np.asarray(call_asset(t.name, 0, width=400, height=400, registry=Registry([t])).image)
    assert img[200, 100, 3] == 255 and img[200, 300, 3] == 0  # left half filled, right empty


@pytest.mark.parametrize(
    ("layers", "field", "fragment"),
    [
        (
            [{"type": "fill"}, {"type": "fill"}, {"type": "ring", "radius": 0}],
            "layers[2].radius",
            "must be > 0",
        ),
        ([{"type": "ring", "params": {"radius": -5}}], "layers[0].radius", "must be > 0"),
        ([{"type": "glitter"}], "layers[0]", "unknown layer type 'glitter'"),
        ([{"type": "noise", "opacity": 300}], "layers[0].opacity", "must be <= 255"),
        (
            [{"type": "shape", "shape": "circle", "center": [1, 2]}],
            "layers[0].radius",
            "is required",
        ),
        ([{"type": "fill", "color": "chartreuse"}], "layers[0].color", "theme role"),
        ([{"type": "ring", "radius": 5, "sparkle": True}], "layers[0].sparkle", "not a known"),
        ([{"type": "ring", "radius": 5, "params": {"radius": 6}}], "layers[0].radius", "both"),
        ([], "layers", "at least 1"),
    ],
)
def test_bad_specs_get_a_message_naming_the_field(
    layers: list[dict[str, Any]], field: str, fragment: str
) -> None:
    with pytest.raises(SpecError) as exc:
        load_spec(_spec(layers))
    fields = {f["field"]: f["message"] for f in exc.value.fields}
    assert field in fields, exc.value.fields
    assert fragment in fields[field]
    assert f"{field}: " in exc.value.message


def test_spec_directory_loads_and_rejects_a_bad_file(tmp_path: Path) -> None:
    good = _spec([{"type": "fill"}]) | {"name": "my_glyph"}
    (tmp_path / "a.json").write_text(json.dumps(good))
    assert [t.name for t in load_spec_dir(tmp_path)] == ["my_glyph"]
    reg = build_registry([tmp_path])
    assert "my_glyph" in reg and reg.get("my_glyph").source == "spec"
    (tmp_path / "b.json").write_text("{not json")
    with pytest.raises(SpecError, match=r"b\.json"):
        load_spec_dir(tmp_path)


def test_shipped_void_monolith_spec_matches_the_original_file() -> None:
    shipped = Path(__file__).parents[2] / "shared/bananajam/assets/specs/void_monolith.json"
    spec = json.loads(shipped.read_text())
    assert spec["name"] == "void_monolith" and len(spec["layers"]) == 4
    assert spec["layers"][1] == {
        "type": "shape",
        "shape": "rect",
        "rect": [150, 200, 350, 700],
        "fill": "ink",
        "variation": {"jitter": 5},
    }
