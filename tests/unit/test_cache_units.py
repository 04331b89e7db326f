"""Pure pieces of the cache feature: filters, credential parsing, key parsing."""

from __future__ import annotations

import pytest

from bananajam.api.routes_cache import presented_token
from bananajam.models.cache import ClearRequest
from bananajam.services.cache_keys import is_cache_key
from bananajam.services.cache_records import iso, parse_key
from bananajam.services.cache_service import matches


def test_empty_filters() -> None:
    assert ClearRequest().is_empty()
    assert ClearRequest(dry_run=True).is_empty()
    assert not ClearRequest(all=True).is_empty()
    assert not ClearRequest(older_than_seconds=0).is_empty()


def test_matches() -> None:
    item = {"asset": "coin", "theme": "dark", "category": "icons", "created_at": 100.0}
    assert matches(item, ClearRequest(asset="coin", theme="dark"), 200)
    assert not matches(item, ClearRequest(asset="coin", theme="light"), 200)
    assert matches(item, ClearRequest(older_than_seconds=100), 200)
    assert not matches(item, ClearRequest(older_than_seconds=101), 200)


@pytest.mark.parametrize(
    ("headers", "token"),
    [
        ({"authorization": "Bearer abc"}, "abc"),
        ({"authorization": "bearer  abc "}, "abc"),
        ({"authorization": "Basic abc"}, None),
        ({"x-admin-token": "t"}, "t"),
        ({}, None),
    ],
)
def test_presented_token(headers: dict[str, str], token: str | None) -> None:
    assert presented_token(headers) == token


@pytest.mark.parametrize(
    "key",
    ["archives/x.png", "cache/../archives/a/b.png", "cache/v1/a/b/../c.png", "cachex/a/b/c/d.png"],
)
def test_crafted_keys_are_not_cache_keys(key: str) -> None:
    assert not is_cache_key(key)


def test_parse_key_and_iso_order() -> None:
    assert parse_key("cache/v1/icons/coin/abc.png") == ("icons", "coin", "png")
    assert parse_key("cache/v1/icons/abc.png") is None
    assert iso(1.5) < iso(10.0) < iso(1e9)
