"""The catalogue: asset types, themes and categories, in the new and the old shape."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache
from typing import Any

from bananajam.assets import CATEGORIES, all_themes, default_registry
from bananajam.config import get_settings
from bananajam.errors import FieldError


@cache
def configure_specs() -> None:
    """Register the settings' spec directory with the engine, once per process.

    It must happen before the registry is first built, so every route that resolves asset
    names calls this first (it is a no-op after the first call).
    """
    spec_dir = get_settings().spec_dir
    if spec_dir:
        from bananajam.assets.catalogue import configure_spec_dirs

        configure_spec_dirs(spec_dir)


def themes() -> list[dict[str, Any]]:
    """Every theme with its colours, as the catalogue lists them."""
    return [t.as_dict() for t in all_themes()]


def list_assets(
    category: str | None = None, tag: str | None = None, q: str | None = None
) -> dict[str, Any]:
    """`GET /assets`: entries filtered by category, tag and free text, plus themes/categories."""
    if category is not None and category not in CATEGORIES:
        raise FieldError.single("category", f"must be one of {list(CATEGORIES)}")
    entries = [t.describe() for t in default_registry().search(category, tag, q)]
    return {
        "assets": entries,
        "total": len(entries),
        "themes": themes(),
        "categories": list(CATEGORIES),
    }


def asset_count() -> int:
    return len(default_registry())


def list_generators() -> dict[str, Any]:
    """`GET /generators`: the previous system's shape, kept for old frontends."""
    generators: dict[str, Any] = {}
    for t in default_registry():
        entry = {
            "name": t.name,
            "category": t.category,
            "description": t.description,
            "default_size": [t.default_width, t.default_height],
            "transparent": t.transparent,
            "tags": list(t.tags),
            "aliases": list(t.aliases),
            "endpoint": f"/generate/{t.name}",
        }
        generators[t.name] = entry
    return {
        "status": "success",
        "generators": generators,
        "total_generators": len(generators),
        "timestamp": datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
    }
