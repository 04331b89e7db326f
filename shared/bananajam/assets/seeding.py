"""Deterministic seeding: stable hashes in, independent numpy generators out.

No global random state and no Python `hash()` (it is salted per process). A request's seed is a
blake2b digest of its canonical JSON, and every drawing step gets a child generator derived from
(seed, step label), so adding a step never shifts the randomness of the others.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import numpy as np


def canonical_json(value: Any) -> str:
    """JSON with sorted keys and no whitespace: the same value always gives the same text."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True, default=str)


def stable_hash(*parts: Any, digest_size: int = 8) -> int:
    """A non-negative integer digest of `parts`, identical in every process and on every machine."""
    data = canonical_json(list(parts)).encode("utf-8")
    return int.from_bytes(hashlib.blake2b(data, digest_size=digest_size).digest(), "big")


def request_seed(
    engine_version: str,
    name: str,
    index: int,
    theme: str,
    params: dict[str, Any],
    width: int,
    height: int,
) -> int:
    """The seed of one render: a function of everything that can change its pixels."""
    return stable_hash(engine_version, name, index, theme, params, width, height)


class Seeds:
    """Hands out one independent `numpy.random.Generator` per named drawing step."""

    __slots__ = ("seed",)

    def __init__(self, seed: int) -> None:
        self.seed = seed

    def rng(self, step: str) -> np.random.Generator:
        return np.random.Generator(np.random.PCG64(stable_hash(self.seed, step)))

    def child(self, step: str) -> Seeds:
        """A sub-seeder, for helpers that need several steps of their own."""
        return Seeds(stable_hash(self.seed, "child", step))
