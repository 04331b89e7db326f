"""Job status, listing (GSI1 newest first) and cancel."""

from __future__ import annotations

from typing import Any

from bananajam.adapters.dynamo_codec import decode_token
from bananajam.errors import ConflictError, FieldError
from bananajam.services.job_service import (
    ACTIVE,
    JobTable,
    item_sk,
    job_pk,
    live,
    load_job,
    now_iso,
)
from bananajam.services.ports import Item, ObjectStore

MAX_LIST_PAGES = 20


def summary(job: Item) -> dict[str, Any]:
    total = int(job["total"])
    s, f = int(job.get("succeeded", 0)), int(job.get("failed", 0))
    return {
        "job_id": job["job_id"],
        "name": job.get("name"),
        "status": job["status"],
        "total": total,
        "succeeded": s,
        "failed": f,
        "progress": round(min(1.0, (s + f) / total), 4) if total else 1.0,
        "created_at": job["created_at"],
        "started_at": job.get("started_at"),
        "finished_at": job.get("finished_at"),
        "error": job.get("error"),
    }


def _records(table: JobTable, job_id: str, prefix: str) -> list[Item]:
    out: list[Item] = []
    token: str | None = None
    while True:
        page = table.query(job_pk(job_id), sk_prefix=prefix, limit=500, token=token)
        out += [r for r in page.items if live(r) is not None]
        token = page.next_token
        if not token:
            return out


def item_records(table: JobTable, job_id: str) -> dict[int, Item]:
    return {int(r["i"]): r for r in _records(table, job_id, "ITEM#")}


def job_specs(table: JobTable, job: Item) -> list[dict[str, Any]]:
    """The job's item specs, in position order: its `SPECS#<n>` chunks, or (a one-item
    diversity job, or a job written before the chunks) the `specs` list on META itself."""
    if "specs" in job:
        return list(job["specs"])
    specs: list[dict[str, Any]] = []
    for chunk in sorted(_records(table, str(job["job_id"]), "SPECS#"), key=lambda r: r["first"]):
        specs += chunk["specs"]
    return specs[: int(job["total"])]


class JobQueries:
    def __init__(self, table: JobTable, store: ObjectStore, presign_seconds: int) -> None:
        self._table = table
        self._store = store
        self._expiry = presign_seconds

    def status(self, job_id: str) -> dict[str, Any]:
        job = load_job(self._table, job_id)
        records = item_records(self._table, job_id)
        pending = "cancelled" if job["status"] == "cancelled" else "queued"
        items = []
        for i, spec in enumerate(job_specs(self._table, job)):
            r = records.get(i, {})
            key = r.get("key")
            items.append(
                {
                    "i": i,
                    "asset": spec["asset"],
                    "index": r.get("index", spec["index"]),
                    "theme": r.get("theme", spec.get("theme")),
                    "status": r.get("status", pending),
                    "key": key,
                    "url": self._store.presign_get(key, self._expiry) if key else None,
                    "error": r.get("error"),
                }
            )
        return {**summary(job), "items": items}

    def list(self, status: str | None, limit: int, token: str | None) -> dict[str, Any]:
        if token:
            start = decode_token(token) or {}
            if set(start) != {"PK", "SK", "GSI1PK", "GSI1SK"} or start.get("GSI1PK") != "JOBS":
                raise FieldError.single("next_token", "is not a token this service issued")
        jobs: list[dict[str, Any]] = []
        for _ in range(MAX_LIST_PAGES):
            # Asking for exactly the number still missing keeps the next token exact.
            page = self._table.query_gsi1("JOBS", limit=limit - len(jobs), token=token)
            for job in page.items:
                if live(job) is not None and (status is None or job["status"] == status):
                    jobs.append(summary(job))
            token = page.next_token
            if not token or len(jobs) >= limit:
                break
        return {"jobs": jobs, "next_token": token}

    def cancel(self, job_id: str) -> dict[str, Any]:
        load_job(self._table, job_id)
        moved = self._table.set_if_status(
            job_pk(job_id), "META", ACTIVE, status="cancelled", finished_at=now_iso()
        )
        if moved is None:
            job = load_job(self._table, job_id)
            raise ConflictError(
                f"job {job_id} is already {job['status']}",
                {"job_id": job_id, "status": job["status"]},
            )
        return summary(moved)


def recorded_item(table: JobTable, job_id: str, i: int) -> Item | None:
    return live(table.get(job_pk(job_id), item_sk(i)))
