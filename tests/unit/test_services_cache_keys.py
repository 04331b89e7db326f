"""Cache key format and canonical hashing."""

from __future__ import annotations

from bananajam.services.cache_keys import KeyParts, cache_key, canonical_json, is_cache_key


def parts(**kw: object) -> KeyParts:
    base: dict[str, object] = dict(
        engine_version="1.0.0",
        category="glyphs",
        asset="void_lotus",
        index=3,
        theme="astral_blue",
        params={"b": 1, "a": 2},
        width=64,
        height=64,
        strategy="lattice",
        strategy_version=1,
        fmt="png",
    )
    base.update(kw)
    return KeyParts(**base)  # type: ignore[arg-type]


def test_key_layout() -> None:
    key = cache_key(parts())
    prefix, version, category, asset, leaf = key.split("/")
    assert (prefix, version, category, asset) == ("cache", "1.0.0", "glyphs", "void_lotus")
    digest, ext = leaf.split(".")
    assert ext == "png" and len(digest) == 32 and int(digest, 16) >= 0
    assert is_cache_key(key)


def test_param_order_does_not_matter_but_values_do() -> None:
    assert cache_key(parts(params={"a": 2, "b": 1})) == cache_key(parts())
    assert cache_key(parts(params={"a": 3, "b": 1})) != cache_key(parts())
    assert cache_key(parts(strategy_version=2)) != cache_key(parts())
    assert cache_key(parts(engine_version="1.0.1")).split("/")[1] == "1.0.1"


def test_canonical_json_is_compact_and_sorted() -> None:
    assert canonical_json({"b": [1, 2], "a": "x"}) == '{"a":"x","b":[1,2]}'


def test_only_cache_keys_are_cache_keys() -> None:
    assert not is_cache_key("archives/job.zip")
    assert not is_cache_key("cache/../secrets")
    assert not is_cache_key("cache/1.0.0/x.png")
