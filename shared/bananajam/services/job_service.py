"""The jobs seam: what the SQS worker calls for each message, plus the job record layout.

The worker parses each SQS body as a JSON object and calls `JobProcessor.process`. A raised
exception marks that one message as failed (it is retried, then lands in the DLQ). Processing
is idempotent: a redelivered message does not count twice (see `jobs_worker`).

Records (single table, `adapters.dynamo_table`): the job is `JOB#<id>`/`META` (GSI1 `JOBS`,
newest first), kept small (status, `succeeded`/`failed` counters, timestamps, name, total,
error), because every counter update is billed on its whole size; the item specs live in
`JOB#<id>`/`SPECS#<n:03d>` chunks of `SPECS_PER_RECORD` (item `i` is in chunk `i // 100`), read
only by status and archive, since each queue message carries the specs of its own items; each
finished item is `JOB#<id>`/`ITEM#<i:05d>`; an idempotency key is `IDEMP#<key>`/`META`.
All carry `expires_at`.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from bananajam.errors import NotFoundError
from bananajam.services.ports import Item, KeyValueTable

ACTIVE = ["queued", "running"]
FINISHED = {"succeeded", "partial", "failed", "cancelled"}


class UnknownJobError(NotFoundError):
    code = "unknown_job"

    def __init__(self, job_id: str) -> None:
        super().__init__(f"No job '{job_id}'.", {"job_id": job_id})


def job_pk(job_id: str) -> str:
    return f"JOB#{job_id}"


def item_sk(i: int) -> str:
    return f"ITEM#{i:05d}"


SPECS_PER_RECORD = 100


def specs_sk(chunk: int) -> str:
    return f"SPECS#{chunk:03d}"


def now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def live(item: Item | None) -> Item | None:
    """`item` unless its TTL has passed (DynamoDB deletes expired items late)."""
    if item is None:
        return None
    exp = item.get("expires_at")
    if isinstance(exp, int | float) and exp <= time.time():
        return None
    return item


def final_status(succeeded: int, failed: int) -> str:
    if failed == 0:
        return "succeeded"
    return "failed" if succeeded == 0 else "partial"


class JobTable(KeyValueTable, Protocol):
    """The table operations jobs need beyond `KeyValueTable` (DynamoTable has them)."""

    def get_consistent(self, pk: str, sk: str) -> Item | None: ...

    def set_if_status(self, pk: str, sk: str, allowed: list[str], **sets: Any) -> Item | None: ...

    def put_new_and_add(
        self, items: list[Item], pk: str, sk: str, counters: Mapping[str, int]
    ) -> bool: ...


def load_job(table: KeyValueTable, job_id: str) -> Item:
    job = live(table.get(job_pk(job_id), "META"))
    if job is None:
        raise UnknownJobError(job_id)
    return job


@dataclass(frozen=True)
class JobMessage:
    """One queue message, as the worker hands it over."""

    message_id: str
    body: dict[str, Any]
    receive_count: int


class JobProcessor(Protocol):
    def process(self, message: JobMessage) -> None: ...


class NoopJobProcessor:
    """Accepts every well-formed message and does nothing."""

    def process(self, message: JobMessage) -> None:
        return None


def handle_message(
    processor: JobProcessor, message_id: str, raw_body: str, receive_count: int
) -> None:
    """Parse one SQS body and process it; a malformed body raises, failing only this message."""
    import json

    body = json.loads(raw_body)
    if not isinstance(body, dict):
        raise ValueError(f"message {message_id}: body is not a JSON object")
    processor.process(JobMessage(message_id, body, receive_count))
