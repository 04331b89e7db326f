"""Serverless benchmark: cold imports, warm handler latency through Mangum, local-stack req/s.

Prints figures only; it asserts nothing (timings on shared machines are noisy).
Usage: python bench/serverless.py [--iterations 30] [--seconds 5] [--skip-stack]
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import io
import os
import socket
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
MODULES = [
    ("generate", "app"),
    ("batch", "app"),
    ("batch", "worker"),
    ("jobs", "app"),
    ("cache", "app"),
    ("cache", "cleanup"),
    ("diversity", "app"),
]
AIMS = {"generate/app": 600, "jobs/app": 300, "cache/app": 300}


def cold_import(area: str, module: str, runs: int = 3) -> tuple[float, bool]:
    code = (
        "import importlib.util,sys,time\n"
        "t=time.perf_counter()\n"
        f"s=importlib.util.spec_from_file_location('m', r'{ROOT}/functions/{area}/{module}.py')\n"
        "m=importlib.util.module_from_spec(s); s.loader.exec_module(m)\n"
        "print(time.perf_counter()-t, 'numpy' in sys.modules or 'PIL' in sys.modules)\n"
    )
    best, heavy = float("inf"), False
    for _ in range(runs):
        out = subprocess.check_output([sys.executable, "-c", code], text=True, cwd=ROOT)
        seconds, numpy = out.split()
        best, heavy = min(best, float(seconds) * 1000), numpy == "True"
    return best, heavy


def event(path: str, query: str) -> dict[str, Any]:
    return {
        "version": "2.0",
        "routeKey": f"GET {path}",
        "rawPath": path,
        "rawQueryString": query,
        "headers": {"host": "bench"},
        "requestContext": {
            "http": {"method": "GET", "path": path, "protocol": "HTTP/1.1", "sourceIp": "1.1.1.1"},
            "requestId": uuid.uuid4().hex,
            "stage": "$default",
        },
        "isBase64Encoded": False,
    }


class Ctx:
    function_name = "bench"
    memory_limit_in_mb = 1536
    invoked_function_arn = "arn:aws:lambda:us-east-1:0:function:bench"
    aws_request_id = "bench"

    def get_remaining_time_in_millis(self) -> int:
        return 30_000


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p * (len(values) - 1)))]


def _timed(handler: Any, path: str, query: str, want: str, n: int) -> list[float]:
    ctx, out = Ctx(), []
    for k in range(n):
        q = query.format(k=k)
        t = time.perf_counter()
        r = handler(event(path, q), ctx)
        out.append((time.perf_counter() - t) * 1000)
        assert r["headers"]["x-cache"] == want and base64.b64decode(r["body"])
    return out


def _line(label: str, ms: list[float], note: str = "") -> str:
    p50, p95 = pct(ms, 0.5), pct(ms, 0.95)
    return f"  {label:40s} p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  (n={len(ms)}){note}"


def warm_latency(iterations: int) -> None:
    os.environ.update(
        AWS_ACCESS_KEY_ID="bench", AWS_SECRET_ACCESS_KEY="bench", AWS_DEFAULT_REGION="us-east-1"
    )
    import boto3
    from moto import mock_aws

    from bananajam.config import get_settings, reset_settings
    from bananajam.local.functions import load_module
    from bananajam.local.resources import create_from_template
    from bananajam.services import wiring

    path, q = "/generate/void_lotus", "index=3&width=512&height=512"
    lines = []
    # Powertools prints one EMF metrics line per invocation; keep the figures readable.
    with mock_aws(), contextlib.redirect_stdout(io.StringIO()):
        clients = {s: boto3.client(s, region_name="us-east-1") for s in ("dynamodb", "s3", "sqs")}
        create_from_template(get_settings(), clients)
        handler = load_module("functions/generate", "app").handler
        _timed(handler, path, q, "miss", 1)
        hits = _timed(handler, path, q, "hit", iterations)
        lines.append(_line("hit, in-memory LRU (512 px)", hits, "  aim: p50 < 15 ms"))
        os.environ["BANANAJAM_MEMORY_CACHE_BYTES"] = "0"
        reset_settings()
        wiring.reset()
        s3_hits = _timed(handler, path, q, "hit", iterations)
        lines.append(_line("hit, S3 GET (memory cache off) (512 px)", s3_hits))
        misses = _timed(
            handler, path, "index={k}1000&width=512&height=512", "miss", max(5, iterations // 3)
        )
        lines.append(_line("miss: render + PutObject (512 px)", misses))
        del os.environ["BANANAJAM_MEMORY_CACHE_BYTES"]
        reset_settings()
        wiring.reset()
    print("\n".join(lines))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def stack_throughput(seconds: float, clients: int = 16) -> None:
    import httpx

    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BANANAJAM_", "AWS_"))}
    env.update(PORT=str(port), BANANAJAM_MOTO_PORT=str(free_port()))
    proc = subprocess.Popen(
        [sys.executable, "-m", "bananajam.local"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(f"{base}/health").status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        urls = [f"{base}/generate/void_lotus?index={i}&width=256&height=256" for i in range(8)]
        for u in urls:
            httpx.get(u, timeout=60)  # fill the cache
        counts = [0] * clients
        errors = [0] * clients
        stop = time.perf_counter() + seconds

        def run(k: int) -> None:
            with httpx.Client(timeout=30) as c:
                n = 0
                while time.perf_counter() < stop:
                    r = c.get(urls[(k + n) % len(urls)])
                    n += 1
                    if r.status_code == 200 and r.headers.get("x-cache") == "hit":
                        counts[k] += 1
                    else:
                        errors[k] += 1

        started = time.perf_counter()
        threads = [threading.Thread(target=run, args=(k,)) for k in range(clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - started
        print(
            f"  cached GET /generate/void_lotus (256 px), {clients} clients, {elapsed:.1f} s: "
            f"{sum(counts) / elapsed:7.1f} req/s  ({sum(errors)} non-hit answers)"
        )
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--iterations", type=int, default=30)
    ap.add_argument("--seconds", type=float, default=5.0)
    ap.add_argument("--skip-stack", action="store_true")
    args = ap.parse_args()
    print("cold import of each function module (best of 3 fresh processes)")
    for area, module in MODULES:
        ms, heavy = cold_import(area, module)
        aim = AIMS.get(f"{area}/{module}")
        note = f"  aim < {aim} ms" if aim else ""
        file = f"functions/{area}/{module}.py"
        print(f"  {file:30s} {ms:6.0f} ms  numpy/Pillow: {'yes' if heavy else 'no '}{note}")
    print("warm in-process handler latency through Mangum, against moto")
    warm_latency(args.iterations)
    if not args.skip_stack:
        print("local stack throughput (uvicorn + moto server)")
        stack_throughput(args.seconds)


if __name__ == "__main__":
    main()
