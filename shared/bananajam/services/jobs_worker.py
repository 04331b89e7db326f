"""The SQS worker's per-message processing: render, record once, count once, finish once.

Per message (up to `job_items_per_message` items of one job, each with its own spec, so the
item list on `SPECS#<n>` is never read here):
1. read the job's small META (consistent, 1 RCU); a cancelled, failed, finished or expired
   job skips the message; a queued job is moved to running with a conditional update (only
   the first one wins);
2. drop items already recorded (a redelivery), render the rest through `AssetService`
   (the read-through S3 cache: a hit means no render);
3. one transaction puts every item record (`attribute_not_exists`) and ADDs the counters on the
   job, so an item can never be recorded without being counted, or counted twice;
4. a consistent read of the counters; when succeeded + failed == total the status moves to
   succeeded/partial/failed with a condition `status IN (queued, running)`: exactly once.

A render/domain error is that item's failure (not retried). A `DependencyError` (transient AWS)
raises so SQS retries the message; on the receive where `ApproximateReceiveCount` reaches
`max_receive_count` (the setting `job_max_receive_count`, equal to the template's
`maxReceiveCount`) the remaining items are recorded as failed instead, so the job finishes and
the message is acknowledged rather than sent to the DLQ (only a failure to record lands there).
"""

from __future__ import annotations

import time
from typing import Any

from bananajam.errors import BananaJamError, DependencyError
from bananajam.services import diversity_jobs
from bananajam.services.asset_service import AssetService
from bananajam.services.job_service import (
    ACTIVE,
    JobMessage,
    JobTable,
    final_status,
    item_sk,
    job_pk,
    live,
    now_iso,
)
from bananajam.services.jobs_submission import command_of
from bananajam.services.ports import Item, Meter, NullMeter


class JobWorker:
    """`JobProcessor` for batch messages."""

    def __init__(
        self,
        table: JobTable,
        assets: AssetService,
        meter: Meter | None = None,
        *,
        max_receive_count: int = 4,
    ) -> None:
        self._table = table
        self._assets = assets
        self._meter = meter or NullMeter()
        self._max_receives = max_receive_count

    def process(self, message: JobMessage) -> None:
        if diversity_jobs.is_optimize_message(message):  # a slow POST /diversity/optimize
            return diversity_jobs.on_optimize_message(self._table, message)
        if "job_id" not in message.body or not isinstance(message.body.get("items"), list):
            self._meter.count("BatchMessageIgnored")  # not a batch message: nothing to do
            return
        job_id = str(message.body["job_id"])
        items: list[dict[str, Any]] = list(message.body["items"])
        pk = job_pk(job_id)
        job = live(self._table.get_consistent(pk, "META"))
        if job is None or job["status"] not in ACTIVE:
            self._meter.count("BatchItemSkipped", len(items))
            return
        if job["status"] == "queued":
            self._table.set_if_status(
                pk, "META", ["queued"], status="running", started_at=now_iso()
            )
        todo = [it for it in items if self._table.get_consistent(pk, item_sk(int(it["i"]))) is None]
        if not todo:
            return self._maybe_finish(pk)
        records: list[Item] = []
        expires = int(job.get("expires_at") or time.time() + 7 * 86_400)
        try:
            for it in todo:
                records.append(self._render(pk, it, expires))
        except DependencyError:
            if message.receive_count < self._max_receives:
                raise  # transient: let SQS retry the message
            done = {r["i"] for r in records}
            records += [
                self._record(
                    pk, it, expires, error=f"gave up after {message.receive_count} receives"
                )
                for it in todo
                if int(it["i"]) not in done
            ]
        self._commit(pk, records)
        self._maybe_finish(pk)

    def _record(
        self, pk: str, it: dict[str, Any], expires: int, *, error: str | None = None, **extra: Any
    ) -> Item:
        return {
            "PK": pk,
            "SK": item_sk(int(it["i"])),
            "i": int(it["i"]),
            "status": "failed" if error else "succeeded",
            "error": error,
            "finished_at": now_iso(),
            "expires_at": expires,
            **extra,
        }

    def _render(self, pk: str, it: dict[str, Any], expires: int) -> Item:
        try:
            g = self._assets.generate(command_of(it), want_body=False)
        except DependencyError:
            raise
        except BananaJamError as exc:
            return self._record(pk, it, expires, error=f"{exc.code}: {exc.message}")
        except Exception as exc:  # an engine bug on one item must not poison the whole job
            return self._record(pk, it, expires, error=f"render_error: {type(exc).__name__}")
        return self._record(
            pk,
            it,
            expires,
            key=g.key,
            theme=g.theme,
            index=g.index,
            params=g.params,
            cached=g.cached,
        )

    def _commit(self, pk: str, records: list[Item]) -> None:
        for _ in range(3):
            ok = sum(r["status"] == "succeeded" for r in records)
            counters = {"succeeded": ok, "failed": len(records) - ok}
            if not records or self._table.put_new_and_add(records, pk, "META", counters):
                self._meter.count("BatchItemSucceeded", ok)
                self._meter.count("BatchItemFailed", len(records) - ok)
                return
            # A concurrent duplicate recorded some of them first: keep only the still-missing.
            records = [r for r in records if self._table.get_consistent(pk, r["SK"]) is None]
        raise DependencyError("could not record batch items", {"dependency": "dynamodb"})

    def _maybe_finish(self, pk: str) -> None:
        job = self._table.get_consistent(pk, "META")
        if job is None or job["status"] not in ACTIVE:
            return
        s, f = int(job.get("succeeded", 0)), int(job.get("failed", 0))
        if s + f >= int(job["total"]):
            status = final_status(s, f)
            if self._table.set_if_status(pk, "META", ACTIVE, status=status, finished_at=now_iso()):
                self._meter.count(f"BatchJob_{status}")
                diversity_jobs.on_job_finished(self._table, pk)  # logs, never raises
