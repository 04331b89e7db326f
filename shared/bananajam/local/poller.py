"""The SQS → worker bridge: real SQS-shaped batches, honouring `batchItemFailures`."""

from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass
from typing import Any

from bananajam.api.observability import logger
from bananajam.local.functions import LocalContext, load_handler

# Failed messages would reappear after the queue's visibility timeout (12 minutes); locally
# they are made visible again after this many seconds so retries and the DLQ are observable.
LOCAL_RETRY_SECONDS = 5


@dataclass
class DrainResult:
    received: int = 0
    deleted: int = 0
    failed: int = 0


def sqs_event(messages: list[dict[str, Any]], queue_arn: str, region: str) -> dict[str, Any]:
    """The event Lambda's SQS event source mapping sends for `messages`."""
    records = []
    for m in messages:
        attrs = m.get("Attributes", {})
        records.append(
            {
                "messageId": m["MessageId"],
                "receiptHandle": m["ReceiptHandle"],
                "body": m["Body"],
                "attributes": {
                    "ApproximateReceiveCount": attrs.get("ApproximateReceiveCount", "1"),
                    "SentTimestamp": attrs.get("SentTimestamp", str(int(time.time() * 1000))),
                    "SenderId": attrs.get("SenderId", "000000000000"),
                    "ApproximateFirstReceiveTimestamp": attrs.get(
                        "ApproximateFirstReceiveTimestamp", str(int(time.time() * 1000))
                    ),
                },
                "messageAttributes": {},
                "md5OfBody": m.get("MD5OfBody", hashlib.md5(m["Body"].encode()).hexdigest()),
                "eventSource": "aws:sqs",
                "eventSourceARN": queue_arn,
                "awsRegion": region,
            }
        )
    return {"Records": records}


class Poller:
    """Receives from the queue and invokes the worker handler like the event source mapping."""

    def __init__(self, sqs: Any, queue_url: str, region: str, code_uri: str, handler: str) -> None:
        self.sqs = sqs
        self.queue_url = queue_url
        self.region = region
        self.handler = load_handler(code_uri, handler)
        self.queue_arn = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])[
            "Attributes"
        ]["QueueArn"]
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def poll_once(self, wait_seconds: int = 0) -> DrainResult:
        r = self.sqs.receive_message(
            QueueUrl=self.queue_url,
            MaxNumberOfMessages=10,
            WaitTimeSeconds=wait_seconds,
            AttributeNames=["All"],
        )
        messages = r.get("Messages", [])
        if not messages:
            return DrainResult()
        event = sqs_event(messages, self.queue_arn, self.region)
        try:
            resp = self.handler(event, LocalContext("WorkerFunction"))
            failed_ids = {f["itemIdentifier"] for f in (resp or {}).get("batchItemFailures", [])}
        except Exception:
            # The whole batch failed (Powertools raises when every record fails): keep them all.
            logger.exception("worker batch failed")
            failed_ids = {m["MessageId"] for m in messages}
        done = [m for m in messages if m["MessageId"] not in failed_ids]
        for start in range(0, len(done), 10):
            self.sqs.delete_message_batch(
                QueueUrl=self.queue_url,
                Entries=[
                    {"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]}
                    for i, m in enumerate(done[start : start + 10])
                ],
            )
        for m in messages:
            if m["MessageId"] in failed_ids:
                self.sqs.change_message_visibility(
                    QueueUrl=self.queue_url,
                    ReceiptHandle=m["ReceiptHandle"],
                    VisibilityTimeout=LOCAL_RETRY_SECONDS,
                )
        return DrainResult(len(messages), len(done), len(failed_ids))

    def drain(self) -> DrainResult:
        """Poll until the queue has nothing visible (the `bananajam invoke worker` command)."""
        total = DrainResult()
        while True:
            r = self.poll_once()
            if r.received == 0:
                return total
            total.received += r.received
            total.deleted += r.deleted
            total.failed += r.failed

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.poll_once(wait_seconds=1)
            except Exception:
                logger.exception("poller error")
                self._stop.wait(1)

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="sqs-poller", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join(timeout=5)
