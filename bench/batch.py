"""Batch benchmark: a 200-item job through the local stack, cache cold then warm.

Prints figures only; it asserts nothing (timings on shared machines are noisy).
Usage: python bench/batch.py [--items 200] [--size 128]

The stack is started like the e2e fixture (`python -m bananajam.local` on free ports), with one
addition: a boot shim installs a botocore `before-parameter-build` hook on every client the
stack creates, so every DynamoDB and S3 API call made by the batch function and the worker is
counted (per operation, plus the actions inside each TransactWriteItems) and dumped to a file.
The bench watches the job by reading its DynamoDB record directly from this process, whose
calls are not counted; the figures are therefore submission + worker only.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import boto3
import httpx

ROOT = Path(__file__).resolve().parents[1]
WRITES = {"PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "TransactWriteItems"}

# Runs in the stack's process: count calls, dump them every 100 ms, then start the stack.
BOOT = """
import collections, json, os, runpy, sys, threading, time
import botocore.client
counts, lock, out = collections.Counter(), threading.Lock(), sys.argv[1]
def on_call(model, params, **kw):  # before-parameter-build: once per call, with API params
    name = model.service_model.service_name + "." + model.name
    with lock:
        counts[name] += 1
        if model.name == "TransactWriteItems":
            counts[name + ".actions"] += len(params.get("TransactItems", []))
_create = botocore.client.ClientCreator.create_client
def create_client(self, *a, **k):
    c = _create(self, *a, **k)
    c.meta.events.register("before-parameter-build", on_call)
    return c
botocore.client.ClientCreator.create_client = create_client
def dump():
    while True:
        with lock:
            data = json.dumps(dict(counts))
        with open(out + ".tmp", "w") as f:
            f.write(data)
        os.replace(out + ".tmp", out)
        time.sleep(0.1)
threading.Thread(target=dump, daemon=True).start()
sys.argv = ["bananajam.local"]
runpy.run_module("bananajam.local", run_name="__main__")
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Stack:
    def __init__(self, counts_file: Path) -> None:
        self.port, self.moto_port = free_port(), free_port()
        self.counts_file = counts_file
        env = {k: v for k, v in os.environ.items() if not k.startswith(("BANANAJAM_", "AWS_"))}
        env.update(PORT=str(self.port), BANANAJAM_MOTO_PORT=str(self.moto_port))
        self.log = tempfile.TemporaryFile("w+")  # noqa: SIM115 (lives as long as the stack)
        self.proc = subprocess.Popen(
            [sys.executable, "-c", BOOT, str(counts_file)],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.http = httpx.Client(base_url=f"http://127.0.0.1:{self.port}", timeout=60)
        deadline = time.monotonic() + 90
        while True:
            try:
                if self.http.get("/health").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.log.seek(0)
                raise SystemExit(f"local stack did not start:\n{self.log.read()[-3000:]}")
            time.sleep(0.2)
        self.ddb = boto3.client(
            "dynamodb",
            endpoint_url=f"http://127.0.0.1:{self.moto_port}",
            region_name="us-east-1",
            aws_access_key_id="local",
            aws_secret_access_key="local",
        )

    def counts(self) -> Counter[str]:
        time.sleep(0.3)  # let the dump thread catch up
        return Counter(json.loads(self.counts_file.read_text()))

    def job_status(self, job_id: str) -> str:
        item = self.ddb.get_item(
            TableName="bananajam-local",
            Key={"PK": {"S": f"JOB#{job_id}"}, "SK": {"S": "META"}},
            ConsistentRead=True,
        )["Item"]
        return str(item["status"]["S"])

    def record_sizes(self, job_id: str) -> dict[str, list[int]]:
        """Approximate DynamoDB size (bytes: attribute names + values) of the job's records by
        kind (META, SPECS, ITEM), the size every write and read of that record is billed on."""
        sizes: dict[str, list[int]] = {}
        pages = self.ddb.get_paginator("query").paginate(
            TableName="bananajam-local",
            KeyConditionExpression="PK = :pk",
            ExpressionAttributeValues={":pk": {"S": f"JOB#{job_id}"}},
        )
        for page in pages:
            for item in page["Items"]:
                kind = item["SK"]["S"].split("#", 1)[0]
                sizes.setdefault(kind, []).append(len(json.dumps(item, separators=(",", ":"))))
        return sizes

    def stop(self) -> None:
        self.http.close()
        self.log.close()
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()


def run_job(
    stack: Stack, items: list[dict[str, Any]]
) -> tuple[float, str, Counter[str], dict[str, list[int]]]:
    """Submit, wait until the job's record leaves queued/running;
    (seconds, status, calls, record sizes)."""
    before = stack.counts()
    t0 = time.perf_counter()
    r = stack.http.post("/generate/batch", json={"name": "bench", "items": items})
    if r.status_code != 202:
        raise SystemExit(f"submit failed: {r.status_code} {r.text}")
    job_id = r.json()["job_id"]
    while (status := stack.job_status(job_id)) in ("queued", "running"):
        time.sleep(0.05)
    seconds = time.perf_counter() - t0
    return seconds, status, stack.counts() - before, stack.record_sizes(job_id)


def report(
    label: str,
    n: int,
    seconds: float,
    status: str,
    calls: Counter[str],
    sizes: dict[str, list[int]],
) -> None:
    ddb = {k.split(".", 1)[1]: v for k, v in calls.items() if k.startswith("dynamodb.")}
    s3 = {k.split(".", 1)[1]: v for k, v in calls.items() if k.startswith("s3.")}
    ddb_calls = sum(v for k, v in ddb.items() if not k.endswith(".actions"))
    write_calls = sum(v for k, v in ddb.items() if k in WRITES)
    write_actions = (
        write_calls - ddb.get("TransactWriteItems", 0) + ddb.get("TransactWriteItems.actions", 0)
    )
    print(f"{label}: {n} items, {status}, {seconds:.2f} s end to end, {n / seconds:.1f} items/s")
    print(
        f"  DynamoDB {ddb_calls / n:.2f} calls/item "
        f"({write_calls / n:.2f} write calls, {write_actions / n:.2f} write actions/item)"
    )
    print("    " + ", ".join(f"{k} {v}" for k, v in sorted(ddb.items())))
    print(f"  S3 {sum(s3.values()) / n:.2f} calls/item")
    print("    " + ", ".join(f"{k} {v}" for k, v in sorted(s3.items())))
    meta = max(sizes.get("META", [0]))
    print(
        f"  records (~bytes, JSON of the wire item): META {meta} "
        f"(-> {-(-meta // 1024)} WCU per counter update, {-(-meta // 4096)} RCU per consistent "
        f"read); " + ", ".join(f"{k} {len(v)} x max {max(v)}" for k, v in sorted(sizes.items()))
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--items", type=int, default=200)
    ap.add_argument("--size", type=int, default=128)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        stack = Stack(Path(tmp) / "calls.json")
        try:
            names = [a["name"] for a in stack.http.get("/assets").json()["assets"]]
            picks = names[:: max(1, len(names) // 4)][:4]  # four types across the catalogue
            per, extra = divmod(args.items, len(picks))
            items = [
                {
                    "asset": name,
                    "count": per + (1 if k < extra else 0),
                    "start_index": 1000,
                    "width": args.size,
                    "height": args.size,
                }
                for k, name in enumerate(picks)
            ]
            print(f"batch of {args.items} items at {args.size} px: {', '.join(picks)}")
            print("(one local poller, 10 messages per receive, 10 items per message)")
            report("cold cache", args.items, *run_job(stack, items))
            report("warm cache", args.items, *run_job(stack, items))
        finally:
            stack.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
