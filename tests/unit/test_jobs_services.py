"""The job services (submission, worker, queries) against in-memory fakes of their ports."""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import FakeStore, pick_asset
from job_fakes import FakeJobTable, FakeQueue

from bananajam.config import Settings
from bananajam.errors import ConflictError, DependencyError, FieldError
from bananajam.models.jobs import BatchBody
from bananajam.services.asset_service import AssetService
from bananajam.services.job_service import JobMessage, UnknownJobError, final_status
from bananajam.services.jobs_queries import JobQueries
from bananajam.services.jobs_submission import JobSubmission, expand
from bananajam.services.jobs_worker import JobWorker

ASSET = pick_asset()


class Parts:
    def __init__(self, per_message: int = 10) -> None:
        self.table, self.queue, self.store = FakeJobTable(), FakeQueue(), FakeStore()
        self.assets = AssetService(self.store, Settings(memory_cache_bytes=0))
        self.submission = JobSubmission(
            self.table,
            self.queue,
            self.assets,
            ttl_days=7,
            max_items=500,
            items_per_message=per_message,
        )
        self.finals: list[str] = []
        self.worker = JobWorker(self.table, self.assets, meter=self, max_receive_count=4)
        self.queries = JobQueries(self.table, self.store, 3600)

    def count(self, name: str, value: int = 1) -> None:
        if name.startswith("BatchJob_"):
            self.finals.append(name.removeprefix("BatchJob_"))

    def submit(self, *items: dict[str, Any], key: str | None = None) -> str:
        body = BatchBody.model_validate({"items": list(items)})
        return self.submission.submit(body, request_id="req-1", idempotency_key=key).job_id

    def messages(self) -> list[dict[str, Any]]:
        return [json.loads(b) for b in self.queue.sent]

    def deliver(self, body: dict[str, Any], receive_count: int = 1) -> None:
        self.worker.process(JobMessage("m", body, receive_count))


def item(**kw: Any) -> dict[str, Any]:
    return {"asset": ASSET, "width": 16, "height": 16, **kw}


@pytest.fixture
def p() -> Parts:
    return Parts()


def test_ranges_expand_to_consecutive_indices(p: Parts) -> None:
    body = BatchBody.model_validate(
        {"items": [item(count=3, start_index=5), item(index=9), item(count=2)]}
    )
    assert [s["index"] for s in expand(body, p.assets, 500)] == [5, 6, 7, 9, 0, 1]


@pytest.mark.parametrize(
    ("counts", "ok"), [((500,), True), ((250, 251), False), ((300, 200, 1), False)]
)
def test_at_most_500_items_after_expansion(p: Parts, counts: tuple[int, ...], ok: bool) -> None:
    body = BatchBody.model_validate({"items": [{"asset": ASSET, "count": n} for n in counts]})
    if ok:
        assert len(expand(body, p.assets, 500)) == 500
        return
    with pytest.raises(FieldError) as err:
        expand(body, p.assets, 500)
    assert [f["field"] for f in err.value.fields] == ["items"]


@pytest.mark.parametrize(
    ("bad", "field"),
    [
        ({"asset": ASSET + "_nope"}, "items[2].asset"),
        (item(theme="no_such_theme"), "items[2].theme"),
        (item(width=99_999), "items[2].width"),
        (item(start_index=3), "items[2].start_index"),
        (item(count=2, index=1), "items[2].index"),
    ],
)
def test_a_bad_item_is_named_and_nothing_is_written(
    p: Parts, bad: dict[str, Any], field: str
) -> None:
    with pytest.raises(FieldError) as err:
        p.submit(item(index=0), item(count=4), bad, key="k1")
    assert [f["field"] for f in err.value.fields] == [field]
    assert p.table.items == {} and p.queue.send_calls == 0


def test_items_are_chunked_into_messages_with_positions() -> None:
    p = Parts(per_message=4)
    job_id = p.submit(item(count=10))
    msgs = p.messages()
    assert [[it["i"] for it in m["items"]] for m in msgs] == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]
    assert {(m["job_id"], m["request_id"]) for m in msgs} == {(job_id, "req-1")}
    assert p.queue.send_calls == 1  # one SendMessageBatch call; the adapter splits by 10


def test_idempotent_resubmission_creates_and_sends_nothing(p: Parts) -> None:
    first = p.submit(item(count=3), key="same")
    sent = len(p.queue.sent)
    assert p.submit(item(count=3), key="same") == first
    assert len(p.queue.sent) == sent and len([k for k in p.table.items if k[1] == "META"]) == 2


def test_partial_send_failure_fails_the_job_and_frees_the_key(p: Parts) -> None:
    p.queue.fail_indices = {1}
    with pytest.raises(DependencyError) as err:
        p.submit(item(count=25), key="k")
    job = p.table.job(err.value.details["job_id"])
    assert job["status"] == "failed" and job["error"].startswith("enqueue failed: 1 of 3")
    assert ("IDEMP#k", "META") not in p.table.items


def run_all(p: Parts) -> None:
    for body in p.messages():
        p.deliver(body)


def test_the_final_transition_happens_once(p: Parts) -> None:
    job_id = p.submit(item(count=12))
    run_all(p)
    run_all(p)  # every message redelivered: counted once, finished once
    job = p.table.job(job_id)
    assert (job["status"], job["succeeded"], job["failed"]) == ("succeeded", 12, 0)
    assert p.finals == ["succeeded"] and job["started_at"] <= job["finished_at"]


def test_a_poisoned_item_fails_alone(p: Parts) -> None:
    job_id = p.submit(item(count=3))
    body = p.messages()[0]
    body["items"][1]["asset"] = "poison"  # passed validation, fails at render time
    p.deliver(body)
    job = p.table.job(job_id)
    assert (job["status"], job["succeeded"], job["failed"]) == ("partial", 2, 1)
    view = p.queries.status(job_id)
    assert [i["status"] for i in view["items"]] == ["succeeded", "failed", "succeeded"]
    assert view["items"][1]["error"].startswith("unknown_asset") and view["items"][0]["url"]


@pytest.mark.parametrize(
    ("s", "f", "status"), [(3, 0, "succeeded"), (2, 1, "partial"), (0, 3, "failed")]
)
def test_final_status(s: int, f: int, status: str) -> None:
    assert final_status(s, f) == status


def test_transient_errors_retry_until_the_last_receive(p: Parts) -> None:
    job_id = p.submit(item(count=2))
    p.store.down = True
    for receive in (1, 2, 3):
        with pytest.raises(DependencyError):
            p.deliver(p.messages()[0], receive)
    assert p.table.job(job_id)["failed"] == 0
    p.deliver(p.messages()[0], 4)
    job = p.table.job(job_id)
    assert (job["status"], job["failed"]) == ("failed", 2) and p.finals == ["failed"]


def test_cancel_skips_the_rest_and_a_finished_job_conflicts(p: Parts) -> None:
    job_id = p.submit(item(count=20))
    first, second = p.messages()
    p.deliver(first)
    assert p.queries.cancel(job_id)["status"] == "cancelled"
    p.deliver(second)
    job = p.table.job(job_id)
    assert (job["status"], job["succeeded"]) == ("cancelled", 10)
    with pytest.raises(ConflictError):
        p.queries.cancel(job_id)
    done = p.submit(item(count=1))
    run_all(p)
    assert p.table.job(done)["status"] == "succeeded"
    with pytest.raises(ConflictError) as err:
        p.queries.cancel(done)
    assert err.value.details == {"job_id": done, "status": "succeeded"}
    with pytest.raises(UnknownJobError):
        p.queries.cancel("nope")


def test_meta_stays_small_and_the_specs_are_chunked(p: Parts) -> None:
    job_id = p.submit(item(count=500, params={}), key="big")
    meta = p.table.job(job_id)
    assert "specs" not in meta and len(json.dumps(meta)) < 2_000
    chunks = sorted(s for pk, s in p.table.items if pk == f"JOB#{job_id}" and s != "META")
    assert chunks == [f"SPECS#{n:03d}" for n in range(5)]
    assert all(
        p.table.items[(f"JOB#{job_id}", s)]["expires_at"] == meta["expires_at"] for s in chunks
    )
    assert max(len(b) for b in p.queue.sent) < 4_000  # 10 items with their specs each
    assert [i["index"] for i in p.queries.status(job_id)["items"]] == list(range(500))


def test_the_worker_never_reads_the_specs(p: Parts) -> None:
    job_id = p.submit(item(count=12, start_index=7))
    for key in [k for k in p.table.items if k[1].startswith("SPECS#")]:
        del p.table.items[key]
    run_all(p)
    job = p.table.job(job_id)
    assert (job["status"], job["succeeded"], job["failed"]) == ("succeeded", 12, 0)
    recorded = [p.table.items[(f"JOB#{job_id}", f"ITEM#{i:05d}")]["index"] for i in range(12)]
    assert recorded == list(range(7, 19))
