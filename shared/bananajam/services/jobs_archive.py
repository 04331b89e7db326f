"""Job archive: one zip of the job's images plus manifest.json, built once under `archives/`.

The zip lives outside the `cache/` prefix, so cache clearing never deletes it; a second call
finds it with a HEAD and only presigns. Unfinished jobs get a 409.
"""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

from bananajam.errors import ConflictError
from bananajam.services.job_service import FINISHED, JobTable, load_job
from bananajam.services.jobs_queries import item_records, job_specs
from bananajam.services.ports import ObjectStore

ARCHIVE_PREFIX = "archives/"


def archive_key(job_id: str) -> str:
    return f"{ARCHIVE_PREFIX}{job_id}.zip"


class JobArchive:
    def __init__(self, table: JobTable, store: ObjectStore, presign_seconds: int) -> None:
        self._table = table
        self._store = store
        self._expiry = presign_seconds

    def link(self, job_id: str) -> dict[str, Any]:
        job = load_job(self._table, job_id)
        if job["status"] not in FINISHED:
            raise ConflictError(
                f"job {job_id} is {job['status']}; the archive is built when it finishes",
                {"job_id": job_id, "status": job["status"]},
            )
        key = archive_key(job_id)
        head = self._store.head(key)
        count = int(head.metadata.get("items", "0")) if head else self._build(job, key)
        return {
            "job_id": job_id,
            "key": key,
            "url": self._store.presign_get(key, self._expiry),
            "expires_in": self._expiry,
            "items": count,
        }

    def _build(self, job: dict[str, Any], key: str) -> int:
        records = item_records(self._table, job["job_id"])
        manifest = []
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:  # PNG/WebP are compressed
            for i, spec in enumerate(job_specs(self._table, job)):
                r = records.get(i)
                if not r or not r.get("key"):
                    continue
                obj = self._store.get(r["key"])
                if obj is None or obj.body is None:
                    continue
                index = r.get("index", spec["index"])
                name = f"{i:05d}_{spec['asset']}_{index}.{spec.get('format', 'png')}"
                zf.writestr(name, obj.body)
                manifest.append(
                    {
                        "i": i,
                        "file": name,
                        "asset": spec["asset"],
                        "index": r.get("index", spec["index"]),
                        "theme": obj.metadata.get("theme", r.get("theme")),
                        "params": r.get("params") or spec.get("params") or {},
                        "seed": int(obj.metadata.get("seed", "0")),
                        "key": r["key"],
                    }
                )
            zf.writestr(
                "manifest.json",
                json.dumps({"job_id": job["job_id"], "items": manifest}, indent=2),
            )
        self._store.put(
            key,
            buf.getvalue(),
            content_type="application/zip",
            metadata={"job-id": job["job_id"], "items": str(len(manifest))},
        )
        return len(manifest)
