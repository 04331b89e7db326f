"""The protocols services depend on; adapters implement them, tests use in-memory fakes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol


@dataclass(frozen=True)
class StoredObject:
    """An object in the store: its size and metadata, and its bytes when they were fetched."""

    key: str
    size: int
    metadata: dict[str, str] = field(default_factory=dict)
    content_type: str = "application/octet-stream"
    body: bytes | None = None


class ObjectStore(Protocol):
    """Where rendered images live (S3)."""

    def get(self, key: str) -> StoredObject | None: ...

    def head(self, key: str) -> StoredObject | None: ...

    def put(
        self,
        key: str,
        body: bytes,
        *,
        content_type: str,
        metadata: Mapping[str, str],
        cache_control: str | None = None,
    ) -> None: ...

    def presign_get(self, key: str, expires_in: int) -> str: ...

    def delete_many(self, keys: Sequence[str]) -> int: ...

    def check(self) -> None:
        """Raise `DependencyError` when the store cannot be reached."""
        ...


Item = dict[str, Any]


@dataclass(frozen=True)
class Page:
    """One page of a query, with the opaque token of the next page (None at the end)."""

    items: list[Item]
    next_token: str | None = None


class KeyValueTable(Protocol):
    """The single DynamoDB table (key layout documented in `adapters.dynamo_table`)."""

    def get(self, pk: str, sk: str) -> Item | None: ...

    def put(self, item: Item, *, only_if_new: bool = False) -> bool:
        """Write `item`; with `only_if_new`, return False instead of overwriting."""
        ...

    def add(self, pk: str, sk: str, counters: Mapping[str, int], **sets: Any) -> Item:
        """Atomically add to numeric attributes (creating them) and set others; new item back."""
        ...

    def delete(self, pk: str, sk: str) -> None: ...

    def query(
        self, pk: str, *, sk_prefix: str | None = None, limit: int = 100, token: str | None = None
    ) -> Page: ...

    def query_gsi1(
        self, gsi1pk: str, *, newest_first: bool = True, limit: int = 50, token: str | None = None
    ) -> Page: ...

    def check(self) -> None: ...


class MessageQueue(Protocol):
    """The jobs queue (SQS)."""

    def send_batch(self, bodies: Sequence[str]) -> list[int]:
        """Send messages (any number, chunked by 10); return the indices that failed."""
        ...

    def check(self) -> None: ...


class Meter(Protocol):
    """Counts business events (CloudWatch metrics through Powertools in production)."""

    def count(self, name: str, value: int = 1) -> None: ...


class NullMeter:
    """Counts nothing (unit tests, scripts)."""

    def count(self, name: str, value: int = 1) -> None:
        return None
