"""Loading JSON specs (either dialect) into registry entries."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bananajam.assets.dsl.models import Spec, validate_spec
from bananajam.assets.dsl.render import SpecParams, make_renderer
from bananajam.assets.registry import AssetType
from bananajam.errors import SpecError


def normalise(raw: Any) -> dict[str, Any]:
    """Bring both dialects to the flat form: nested `params` are lifted into the layer."""
    if not isinstance(raw, dict):
        raise SpecError.single("spec", "must be a JSON object")
    layers = raw.get("layers")
    if not isinstance(layers, list):
        return dict(raw)  # validation reports the missing or malformed `layers`
    out = []
    for i, layer in enumerate(layers):
        if isinstance(layer, dict) and "params" in layer:
            params = layer["params"]
            if not isinstance(params, dict):
                raise SpecError.single(f"layers[{i}].params", "must be an object")
            clash = sorted(set(params) & (set(layer) - {"params"}))
            if clash:
                raise SpecError.single(
                    f"layers[{i}].{clash[0]}", "is given both inside and outside 'params'"
                )
            out.append({k: v for k, v in layer.items() if k != "params"} | params)
        else:
            out.append(layer)
    return {**raw, "layers": out}


def spec_to_type(spec: Spec) -> AssetType:
    return AssetType(
        name=spec.name,
        category=spec.category,
        default_width=spec.width,
        default_height=spec.height,
        params_model=SpecParams,
        renderer=make_renderer(spec),
        tags=("spec", *spec.tags),
        transparent=spec.category != "backgrounds",
        source="spec",
        description=spec.description or f"Defined by the JSON spec '{spec.name}'.",
    )


def load_spec(source: dict[str, Any] | str | Path) -> AssetType:
    """Parse, validate and build one spec from a dict, a JSON string or a file path."""
    if isinstance(source, Path) or (isinstance(source, str) and source.endswith(".json")):
        path = Path(source)
        try:
            raw = json.loads(path.read_text())
        except (OSError, json.JSONDecodeError) as exc:
            raise SpecError.single("spec", f"{path.name}: cannot read JSON ({exc})") from None
    elif isinstance(source, str):
        try:
            raw = json.loads(source)
        except json.JSONDecodeError as exc:
            raise SpecError.single("spec", f"invalid JSON ({exc})") from None
    else:
        raw = source
    return spec_to_type(validate_spec(normalise(raw)))


def load_spec_dir(directory: Path) -> list[AssetType]:
    """Every `*.json` spec in a directory, sorted by file name; a bad spec fails loudly."""
    if not directory.is_dir():
        raise SpecError.single("spec_dir", f"{directory} is not a directory")
    types = []
    for path in sorted(directory.glob("*.json")):
        try:
            types.append(load_spec(path))
        except SpecError as exc:
            raise SpecError(
                [
                    {"field": f"{path.name}: {f['field']}", "message": f["message"]}
                    for f in exc.fields
                ]
            ) from None
    return types
