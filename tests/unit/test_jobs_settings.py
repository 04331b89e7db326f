"""The job settings agree with template.yaml, and the wiring hands them to the job services."""

from __future__ import annotations

import functools

import pytest

from bananajam.config import Settings
from bananajam.local.resources import load_template, resources_of_type


def _jobs_queue_redrive() -> int:
    queues = resources_of_type(load_template(), "AWS::SQS::Queue")
    redrives = [
        q["Properties"]["RedrivePolicy"]
        for q in queues.values()
        if "RedrivePolicy" in q.get("Properties", {})
    ]
    assert len(redrives) == 1, "exactly one queue (the jobs queue) has a redrive policy"
    return int(redrives[0]["maxReceiveCount"])


def test_max_receive_count_matches_the_template() -> None:
    # The worker gives up on the receive the template sends to the DLQ after; if these drift,
    # either items are failed too early or messages reach the DLQ with their items unrecorded.
    assert Settings().job_max_receive_count == _jobs_queue_redrive()


def test_job_defaults() -> None:
    s = Settings()
    assert (s.job_items_per_message, s.idempotency_ttl_seconds) == (10, 86_400)


def test_settings_reach_the_job_services(monkeypatch: pytest.MonkeyPatch) -> None:
    from bananajam.config import reset_settings
    from bananajam.services import wiring

    reset_settings(
        Settings(job_max_receive_count=7, job_items_per_message=3, idempotency_ttl_seconds=120)
    )
    wiring.reset()
    for name in ("asset_service", "queue", "table"):  # no AWS, no engine: stand-ins
        monkeypatch.setattr(wiring, name, functools.cache(object))
    worker, submission = wiring.job_processor(), wiring.job_submission()
    assert worker._max_receives == 7  # type: ignore[attr-defined]
    assert (submission._per_message, submission._idem_ttl) == (3, 120)
    wiring.reset()
