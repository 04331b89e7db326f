"""Content-addressed cache keys and the variation-strategy seam.

Key: `cache/<engine_version>/<category>/<asset>/<hash>.<ext>`, where hash is blake2b over the
canonical JSON of everything that can change the bytes: name, index, theme, resolved params,
width, height, strategy, strategy version and format. The engine version is in the path, so a new
engine never serves an old engine's images, and cleanup can drop a whole version by prefix.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

CACHE_PREFIX = "cache/"


@dataclass(frozen=True)
class ActiveStrategy:
    """The variation strategy used for a type and its version (bumped when re-optimised)."""

    name: str
    version: int


class StrategySource(Protocol):
    """Which variation strategy a type uses now (issue 6 backs this with DynamoDB `DIV#<type>`)."""

    def active(self, asset: str) -> ActiveStrategy: ...


class DefaultStrategySource:
    """Every type uses the engine's default strategy, version 1."""

    def active(self, asset: str) -> ActiveStrategy:
        return ActiveStrategy("lattice", 1)


@dataclass(frozen=True)
class KeyParts:
    """The inputs of a cache key, all resolved (no defaults left open)."""

    engine_version: str
    category: str
    asset: str
    index: int
    theme: str
    params: Mapping[str, Any]
    width: int
    height: int
    strategy: str
    strategy_version: int
    fmt: str


def canonical_json(value: Any) -> str:
    """Sorted keys, no spaces, no NaN: the same value always gives the same text."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), allow_nan=False)


def cache_key(parts: KeyParts) -> str:
    """The object key for one rendered request."""
    payload = canonical_json(
        {
            "name": parts.asset,
            "index": parts.index,
            "theme": parts.theme,
            "params": dict(parts.params),
            "width": parts.width,
            "height": parts.height,
            "strategy": parts.strategy,
            "strategy_version": parts.strategy_version,
            "format": parts.fmt,
        }
    )
    digest = hashlib.blake2b(payload.encode(), digest_size=16).hexdigest()
    return (
        f"{CACHE_PREFIX}{parts.engine_version}/{parts.category}/{parts.asset}/{digest}.{parts.fmt}"
    )


def is_cache_key(key: str) -> bool:
    """True only for keys this module makes (cache clearing must never touch anything else)."""
    return key.startswith(CACHE_PREFIX) and key.count("/") == 4 and ".." not in key
