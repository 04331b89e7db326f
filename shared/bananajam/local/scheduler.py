"""Fires scheduled handlers on the template's `ScheduleV2` rate, and on demand."""

from __future__ import annotations

import threading
import uuid
from datetime import UTC, datetime
from typing import Any

from bananajam.api.observability import logger
from bananajam.local.functions import LocalContext, load_handler


def scheduler_event(function: str) -> dict[str, Any]:
    """The event EventBridge Scheduler sends a Lambda target (no payload configured)."""
    return {
        "version": "0",
        "id": str(uuid.uuid4()),
        "detail-type": "Scheduled Event",
        "source": "aws.scheduler",
        "account": "000000000000",
        "time": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "region": "us-east-1",
        "resources": [f"arn:aws:scheduler:us-east-1:000000000000:schedule/default/{function}"],
        "detail": {},
    }


class Scheduler:
    def __init__(self, jobs: dict[str, tuple[float, str, str]]) -> None:
        """`jobs`: function name → (period seconds, code uri, handler)."""
        self.jobs = jobs
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    def fire(self, function: str) -> Any:
        _, code_uri, handler = self.jobs[function]
        return load_handler(code_uri, handler)(scheduler_event(function), LocalContext(function))

    def _loop(self, function: str, period: float) -> None:
        while not self._stop.wait(period):
            try:
                logger.info(
                    "scheduled run", extra={"function": function, "result": self.fire(function)}
                )
            except Exception:
                logger.exception("scheduled run failed", extra={"function": function})

    def start(self) -> None:
        for name, (period, _, _) in self.jobs.items():
            t = threading.Thread(
                target=self._loop, args=(name, period), name=f"sched-{name}", daemon=True
            )
            t.start()
            self._threads.append(t)

    def stop(self) -> None:
        self._stop.set()
        for t in self._threads:
            t.join(timeout=5)
