"""Diversity work that runs in the batch machinery instead of an HTTP request.

- Slow optimisations: `POST /diversity/optimize/{type_id}` estimates its cost up front (the
  type's calibrated render time per feature-size sample × sample_size × strategies). Above
  `Settings.optimize_sync_seconds` it records a one-item job (`JOB#<id>`/`META`, the batch
  shape, so `GET /generate/batch/status/{job_id}` follows it) and sends one SQS message with
  `"kind": "optimize"`; the worker hands that message to `run_optimize_job`.
- Recording batch jobs: when a job reaches its final status, `record_job_diversity` measures the
  job's succeeded items per type (at least 2, at most `JOB_SAMPLE_LIMIT`) from small re-renders,
  once, and records them with `source="batch_job"`. It never raises.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections import defaultdict
from typing import Any

from bananajam.services.diversity_service import DiversityService
from bananajam.services.job_service import (
    JobMessage,
    JobTable,
    final_status,
    item_sk,
    job_pk,
    live,
    now_iso,
)
from bananajam.services.ports import Item, MessageQueue

log = logging.getLogger(__name__)
OPTIMIZE_KIND = "optimize"
JOB_SAMPLE_LIMIT = 64
JOB_TTL_SECONDS = 7 * 86_400


def estimate_seconds(type_id: str, sample_size: int, n_strategies: int) -> float:
    """Rough cost of an optimisation: calibrated render time × renders (features are ~1 ms)."""
    from bananajam.diversity import measure

    cal = measure.calibration(type_id)
    return (cal.render_ms + 1.0) * sample_size * n_strategies / 1000.0


def submit_optimize_job(
    table: JobTable, queue: MessageQueue, type_id: str, body: dict[str, Any], request_id: str
) -> dict[str, Any]:
    """Record a one-item optimisation job, enqueue it, and return the 202 batch shape."""
    job_id = uuid.uuid4().hex
    created = now_iso()
    spec = {"asset": type_id, "index": 0, "theme": body.get("theme"), "kind": OPTIMIZE_KIND}
    table.put(
        {
            "PK": job_pk(job_id),
            "SK": "META",
            "GSI1PK": "JOBS",
            "GSI1SK": f"{created}#{job_id}",
            "job_id": job_id,
            "name": f"optimize {type_id}",
            "status": "queued",
            "total": 1,
            "succeeded": 0,
            "failed": 0,
            "created_at": created,
            "request_id": request_id,
            "specs": [spec],
            "expires_at": int(time.time()) + JOB_TTL_SECONDS,
        }
    )
    message = {"kind": OPTIMIZE_KIND, "job_id": job_id, "type_id": type_id, "body": body}
    failed = queue.send_batch([json.dumps(message, separators=(",", ":"))])
    if failed:
        table.set_if_status(
            job_pk(job_id), "META", ["queued"], status="failed", finished_at=now_iso(),
            error="enqueue failed",
        )  # fmt: skip
    return {
        "job_id": job_id,
        "status": "failed" if failed else "queued",
        "total": 1,
        "status_url": f"/generate/batch/status/{job_id}",
    }


def run_optimize_job(table: JobTable, service: DiversityService, message: JobMessage) -> None:
    """The worker's handling of an `optimize` message: run it once, record it, finish the job."""
    from dataclasses import asdict

    pk = job_pk(str(message.body["job_id"]))
    job = live(table.get_consistent(pk, "META"))
    if job is None or job["status"] not in ("queued", "running"):
        return
    table.set_if_status(pk, "META", ["queued"], status="running", started_at=now_iso())
    body: dict[str, Any] = dict(message.body.get("body") or {})
    record: Item = {"PK": pk, "SK": item_sk(0), "i": 0, "finished_at": now_iso()}
    record["expires_at"] = int(job.get("expires_at") or time.time() + JOB_TTL_SECONDS)
    try:
        r = service.optimize(
            str(message.body["type_id"]),
            int(body.get("sample_size", 32)),
            body.get("theme"),
            body.get("strategies"),
        )
        record |= {"status": "succeeded", "error": None, "result": asdict(r)}
    except Exception as exc:  # a failed optimisation fails its job, never the queue
        log.exception("optimize job failed")
        record |= {"status": "failed", "error": f"optimize_error: {type(exc).__name__}"}
    ok = int(record["status"] == "succeeded")
    table.put_new_and_add([record], pk, "META", {"succeeded": ok, "failed": 1 - ok})
    table.set_if_status(
        pk, "META", ["queued", "running"], status=final_status(ok, 1 - ok), finished_at=now_iso()
    )


def record_job_diversity(table: JobTable, service: DiversityService, pk: str) -> None:
    """Measure a finished job's succeeded items per type and record them; log, never raise.

    Duplicated items are kept: they are what the job produced, and count as near-duplicates.
    """
    try:
        from bananajam.diversity import measure
        from bananajam.services.jobs_queries import item_records, job_specs

        job = table.get_consistent(pk, "META") or {}
        records = list(item_records(table, str(job.get("job_id", ""))).values())

        by_type: dict[str, list[tuple[int, str | None]]] = defaultdict(list)
        specs = job_specs(table, job) if job else []
        for r in records:
            i = int(r["i"])
            if r.get("status") != "succeeded" or i >= len(specs) or specs[i].get("kind"):
                continue
            spec = specs[i]
            index = int(r.get("index", spec.get("index", 0)))
            theme = r.get("theme") or spec.get("theme")
            if len(by_type[spec["asset"]]) < JOB_SAMPLE_LIMIT:
                by_type[spec["asset"]].append((index, theme))
        for type_id, pairs in sorted(by_type.items()):
            if len(pairs) < 2:
                continue
            strategy = service.active_strategy(type_id)
            f = measure.pair_features(type_id, pairs, strategy)
            meas = measure.measure(f, measure.calibration(type_id)).as_dict()
            service.record_measurement(type_id, meas, "batch_job")
    except Exception:
        log.exception("recording a batch job's diversity failed; the job is unaffected")


def _service(table: JobTable) -> DiversityService:
    from bananajam.services.strategy_store import TableStrategySource

    return DiversityService(table, TableStrategySource(table))


def is_optimize_message(message: JobMessage) -> bool:
    return message.body.get("kind") == OPTIMIZE_KIND


def on_optimize_message(table: JobTable, message: JobMessage) -> None:
    """The worker's entry point for an `optimize` message."""
    run_optimize_job(table, _service(table), message)


def on_job_finished(table: JobTable, pk: str) -> None:
    """The worker's hook at a job's final transition: record its diversity (never raises)."""
    try:
        record_job_diversity(table, _service(table), pk)
    except Exception:
        log.exception("diversity hook failed; the job is unaffected")
