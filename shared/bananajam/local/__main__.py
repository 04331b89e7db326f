"""`python -m bananajam.local` (what `make dev` runs): the whole service on 127.0.0.1.

PORT (default 3000) serves the API; BANANAJAM_MOTO_PORT (default: a free port) serves moto.
Ctrl-C or SIGTERM stops uvicorn, the poller, the scheduler and moto, in that order.
"""

from __future__ import annotations

import os
import signal
import sys

from bananajam.local.stack import LocalStack, free_port, port_is_free, worker_and_schedules


def main() -> int:
    import logging

    import uvicorn

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # moto's per-request access log

    from bananajam.config import get_settings
    from bananajam.local.gateway import Gateway
    from bananajam.local.poller import Poller
    from bananajam.local.scheduler import Scheduler

    port = int(os.environ.get("PORT") or 3000)
    moto_port = int(os.environ.get("BANANAJAM_MOTO_PORT") or free_port())
    if not port_is_free(port):
        print(
            f"port {port} is in use; set PORT=<another> (e.g. PORT=3001 make dev)", file=sys.stderr
        )
        return 1
    stack = LocalStack(port=port, moto_port=moto_port)
    stack.start_aws()
    settings = get_settings()
    parts = worker_and_schedules()
    gateway = Gateway()
    from bananajam.adapters.clients import client

    _, code_uri, handler = parts["worker"]
    poller = Poller(
        client("sqs", settings), stack.info["queue_url"], settings.region, code_uri, handler
    )
    scheduler = Scheduler(parts["schedules"])
    poller.start()
    scheduler.start()
    stack.write_state()
    base = f"http://127.0.0.1:{port}"
    every = ", ".join(f"{n} every {p:.0f}s" for n, (p, _, _) in parts["schedules"].items())
    print(
        f"BananaJam local stack\n"
        f"  API       {base}\n"
        f"  try       {base}/health  {base}/assets  {base}/generate/void_lotus?index=3\n"
        f"  moto      {stack.endpoint}  (table {settings.table_name}, bucket "
        f"{settings.bucket_name}, queue {settings.queue_name})\n"
        f"  worker    polling {settings.queue_name}; schedules: {every}\n"
        f"  on demand `bananajam invoke cleanup`, `bananajam invoke worker`\n"
        f"  stop      Ctrl-C",
        flush=True,
    )
    config = uvicorn.Config(
        gateway, host="127.0.0.1", port=port, log_level="warning", lifespan="on"
    )
    server = uvicorn.Server(config)
    # uvicorn re-raises the signal it caught once it has shut down; these handlers absorb that
    # re-raise so the poller, scheduler and moto below are stopped too, and the exit code is 0.
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: None)
    try:
        server.run()  # handles SIGINT/SIGTERM itself and returns after a graceful shutdown
    finally:
        poller.stop()
        scheduler.stop()
        stack.clear_state()
        stack.stop_aws()
        print("BananaJam local stack stopped", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
