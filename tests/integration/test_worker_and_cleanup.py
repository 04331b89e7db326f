"""The SQS worker and the local poller against moto: partial failures are honoured."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from bananajam.local.poller import Poller, sqs_event


def test_worker_reports_only_bad_records(
    aws: Any, load_function: Callable[..., Any], lambda_context: Any
) -> None:
    worker = load_function("batch", "worker")
    msgs = [
        {"MessageId": "good", "ReceiptHandle": "r1", "Body": json.dumps({"job_id": "j"})},
        {"MessageId": "bad", "ReceiptHandle": "r2", "Body": "not json"},
        {"MessageId": "list", "ReceiptHandle": "r3", "Body": "[1, 2]"},
    ]
    resp = worker.handler(sqs_event(msgs, "arn:aws:sqs:us-east-1:1:q", "us-east-1"), lambda_context)
    assert sorted(f["itemIdentifier"] for f in resp["batchItemFailures"]) == ["bad", "list"]


def test_poller_deletes_only_successes(aws: Any) -> None:
    sqs, url = aws["sqs"], aws["queue_url"]
    sqs.send_message(QueueUrl=url, MessageBody=json.dumps({"job_id": "ok"}))
    sqs.send_message(QueueUrl=url, MessageBody="{broken")
    poller = Poller(sqs, url, "us-east-1", "functions/batch", "worker.handler")
    first = poller.drain()
    assert (first.received, first.deleted, first.failed) == (2, 1, 1)
    attrs = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
    left = int(attrs["ApproximateNumberOfMessages"]) + int(
        attrs["ApproximateNumberOfMessagesNotVisible"]
    )
    assert left == 1  # the broken one waits for its retry; the good one is gone


def test_cleanup_handler_reports(
    aws: Any, load_function: Callable[..., Any], lambda_context: Any
) -> None:
    cleanup = load_function("cache", "cleanup")
    from bananajam.local.scheduler import scheduler_event

    report = cleanup.handler(scheduler_event("CleanupFunction"), lambda_context)
    assert {"expired": 0, "evicted": 0, "bytes_freed": 0}.items() <= report.items()


def test_resources_follow_the_template(aws: Any) -> None:
    desc = aws["dynamodb"].describe_table(TableName="bj-test")["Table"]
    assert {k["AttributeName"] for k in desc["KeySchema"]} == {"PK", "SK"}
    assert desc["GlobalSecondaryIndexes"][0]["IndexName"] == "GSI1"
    ttl = aws["dynamodb"].describe_time_to_live(TableName="bj-test")
    assert ttl["TimeToLiveDescription"]["AttributeName"] == "expires_at"
    attrs = aws["sqs"].get_queue_attributes(QueueUrl=aws["queue_url"], AttributeNames=["All"])
    redrive = json.loads(attrs["Attributes"]["RedrivePolicy"])
    assert 3 <= int(redrive["maxReceiveCount"]) <= 5
    assert redrive["deadLetterTargetArn"].endswith(":bj-test-jobs-dlq")
    block = aws["s3"].get_public_access_block(Bucket="bj-test-assets")
    assert all(block["PublicAccessBlockConfiguration"].values())
