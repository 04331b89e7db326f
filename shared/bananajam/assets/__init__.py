"""The asset engine: registry, themes, seeding, drawing and the JSON spec language.

Public entry points:
- `call_asset(name, index, theme, params=None, width=None, height=None)` renders one asset.
- `resolve(...)` fills in defaults without rendering (used for cache keys).
- `default_registry()` lists the catalogue without rendering anything.

Importing it tunes the C allocator for large image buffers (see `_memory`).
This package never imports boto3 or FastAPI.
"""

from bananajam.assets._memory import keep_freed_buffers
from bananajam.assets.catalogue import default_registry
from bananajam.assets.engine import (
    MAX_SIZE,
    MIN_SIZE,
    AssetMeta,
    RenderedAsset,
    ResolvedRequest,
    call_asset,
    render,
    resolve,
)
from bananajam.assets.output import MEDIA_TYPES, encode
from bananajam.assets.registry import CATEGORIES, AssetType, Registry
from bananajam.assets.themes import all_themes, get_theme, theme_names
from bananajam.version import ENGINE_VERSION

keep_freed_buffers()

__all__ = [
    "CATEGORIES",
    "ENGINE_VERSION",
    "MAX_SIZE",
    "MEDIA_TYPES",
    "MIN_SIZE",
    "AssetMeta",
    "AssetType",
    "Registry",
    "RenderedAsset",
    "ResolvedRequest",
    "all_themes",
    "call_asset",
    "default_registry",
    "encode",
    "get_theme",
    "render",
    "resolve",
    "theme_names",
]
