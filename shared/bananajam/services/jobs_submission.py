"""Batch submission: validate every item, expand ranges, record the job once, enqueue.

The job is written as its `SPECS#<n>` chunks (100 specs each) and then a small `META`; each
queue message carries the specs of its own items (10 by default, ~1.5 KB), so the worker never
reads the item list.

Idempotency is a conditional put of `IDEMP#<key>` (attribute_not_exists) holding the job id,
with a TTL (`idempotency_ttl_seconds`, 24 h): the same contract as Powertools Idempotency's
DynamoDB persistence (first writer wins, later callers get the stored result), without a second
table or decorator, and the key is claimed *before* the job is written so two concurrent
retries create one job.
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass
from typing import Any

from bananajam.errors import BananaJamError, DependencyError, FieldError
from bananajam.models.jobs import BatchBody
from bananajam.services.asset_service import AssetService, GenerateCommand
from bananajam.services.job_service import (
    SPECS_PER_RECORD,
    JobTable,
    job_pk,
    live,
    now_iso,
    specs_sk,
)
from bananajam.services.ports import Item, MessageQueue


@dataclass(frozen=True)
class Submitted:
    job_id: str
    status: str
    total: int
    replayed: bool = False


def _field_of(exc: BananaJamError) -> str:
    if exc.code == "unknown_asset":
        return "asset"
    if exc.code == "unknown_theme":
        return "theme"
    return ""


def expand(body: BatchBody, service: AssetService, max_items: int) -> list[dict[str, Any]]:
    """Validate and expand the items; a bad item raises a 422 naming `items[<n>].<field>`."""
    total = sum(it.count or 1 for it in body.items)
    if total > max_items:
        raise FieldError.single("items", f"expands to {total} items; at most {max_items}")
    specs: list[dict[str, Any]] = []
    for n, it in enumerate(body.items):
        if it.count is None and it.start_index is not None:
            raise FieldError.single(f"items[{n}].start_index", "needs count")
        if it.count is not None and it.index is not None:
            raise FieldError.single(f"items[{n}].index", "use start_index with count")
        first = it.start_index if it.count is not None else it.index
        for k in range(it.count or 1):
            spec = {
                "asset": it.asset,
                "index": (first or 0) + k,
                "theme": it.theme,
                "width": it.width,
                "height": it.height,
                "params": it.params,
                "format": it.format,
            }
            try:
                service.plan(command_of(spec))
            except FieldError as exc:
                raise FieldError(
                    [{**f, "field": f"items[{n}].{f['field']}"} for f in exc.fields]
                ) from None
            except BananaJamError as exc:
                if isinstance(exc, DependencyError):
                    raise
                field = f"items[{n}].{_field_of(exc)}".rstrip(".")
                raise FieldError([{"field": field, "message": exc.message}]) from None
            specs.append(spec)
            if it.count is None:
                break
    return specs


def command_of(spec: dict[str, Any]) -> GenerateCommand:
    return GenerateCommand(
        spec["asset"],
        int(spec["index"]),
        spec.get("theme"),
        spec.get("params"),
        spec.get("width"),
        spec.get("height"),
        spec.get("format", "png"),
    )


class JobSubmission:
    def __init__(
        self,
        table: JobTable,
        queue: MessageQueue,
        assets: AssetService,
        *,
        ttl_days: int,
        max_items: int,
        items_per_message: int = 10,
        idempotency_ttl_seconds: int = 86_400,
    ) -> None:
        self._table = table
        self._queue = queue
        self._assets = assets
        self._ttl = ttl_days * 86_400
        self._max = max_items
        self._per_message = items_per_message
        self._idem_ttl = idempotency_ttl_seconds

    def submit(
        self, body: BatchBody, *, request_id: str, idempotency_key: str | None = None
    ) -> Submitted:
        specs = expand(body, self._assets, self._max)  # nothing is written before this passes
        job_id = uuid.uuid4().hex
        if idempotency_key:
            prior = self._claim(idempotency_key, job_id)
            if prior is not None:
                existing = live(self._table.get(job_pk(prior), "META"))
                if existing is not None:
                    return Submitted(prior, existing["status"], existing["total"], True)
                job_id = prior  # claimed earlier but the job write never happened: finish it
        created = now_iso()
        expires = int(time.time()) + self._ttl
        pk = job_pk(job_id)
        for n, first in enumerate(range(0, len(specs), SPECS_PER_RECORD)):
            # The specs first, META last: a listed job always has all of its specs.
            chunk = specs[first : first + SPECS_PER_RECORD]
            self._table.put(
                {"PK": pk, "SK": specs_sk(n), "first": first, "specs": chunk, "expires_at": expires}
            )
        job: Item = {
            "PK": pk,
            "SK": "META",
            "GSI1PK": "JOBS",
            "GSI1SK": f"{created}#{job_id}",
            "job_id": job_id,
            "name": body.name,
            "status": "queued",
            "total": len(specs),
            "succeeded": 0,
            "failed": 0,
            "created_at": created,
            "request_id": request_id,
            "expires_at": expires,
        }
        self._table.put(job)
        self._enqueue(job_id, specs, request_id, idempotency_key)
        return Submitted(job_id, "queued", len(specs))

    def _claim(self, key: str, job_id: str) -> str | None:
        """Claim `key` for `job_id`; the job id it already names, when it was claimed before."""
        pk = f"IDEMP#{key}"
        record = {
            "PK": pk,
            "SK": "META",
            "job_id": job_id,
            "expires_at": int(time.time()) + self._idem_ttl,
        }
        if self._table.put(record, only_if_new=True):
            return None
        prior = live(self._table.get(pk, "META"))
        if prior is None:  # expired but not yet deleted by TTL: the key is free again
            self._table.put(record)
            return None
        return str(prior["job_id"])

    def _enqueue(
        self, job_id: str, specs: list[dict[str, Any]], request_id: str, key: str | None
    ) -> None:
        per = self._per_message
        bodies = [
            json.dumps(
                {
                    "job_id": job_id,
                    "request_id": request_id,
                    "items": [
                        {"i": i, **spec} for i, spec in enumerate(specs[start : start + per], start)
                    ],
                },
                separators=(",", ":"),
            )
            for start in range(0, len(specs), per)
        ]
        try:
            failed = self._queue.send_batch(bodies)
            reason = f"{len(failed)} of {len(bodies)} queue messages were not sent"
        except DependencyError as exc:
            failed, reason = list(range(len(bodies))), f"the queue was unavailable ({exc.message})"
        if not failed:
            return
        # Never leave the job queued forever: fail it (messages already sent are skipped by the
        # worker's status check) and free the idempotency key so a retry can start afresh.
        self._table.set_if_status(
            job_pk(job_id),
            "META",
            ["queued", "running"],
            status="failed",
            finished_at=now_iso(),
            error=f"enqueue failed: {reason}",
        )
        if key:
            self._table.delete(f"IDEMP#{key}", "META")
        raise DependencyError(
            f"could not enqueue job {job_id}: {reason}; the job was marked failed",
            {"dependency": "sqs", "job_id": job_id},
        )
