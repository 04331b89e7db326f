"""Local-ops subcommands of `bananajam`: invoke the real handlers against the running stack.

`bananajam invoke cleanup` runs the scheduled cleanup once; `bananajam invoke worker` drains
the jobs queue once through the worker handler (honouring batchItemFailures). Both talk to the
endpoint of the running `make dev` (from .dev-state/stack.json) or BANANAJAM_AWS_ENDPOINT_URL.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict


def _invoke_cleanup(args: argparse.Namespace) -> None:
    from bananajam.local.scheduler import Scheduler
    from bananajam.local.stack import use_running_stack, worker_and_schedules

    use_running_stack()
    schedules = worker_and_schedules()["schedules"]
    result = Scheduler(schedules).fire(next(iter(schedules)))
    print(json.dumps(result, indent=2))


def _invoke_worker(args: argparse.Namespace) -> None:
    from bananajam.adapters.clients import client
    from bananajam.adapters.sqs_queue import SqsQueue
    from bananajam.config import get_settings
    from bananajam.local.poller import Poller
    from bananajam.local.stack import use_running_stack, worker_and_schedules

    use_running_stack()
    settings = get_settings()
    name, code_uri, handler = worker_and_schedules()["worker"]
    sqs = client("sqs", settings)
    poller = Poller(sqs, SqsQueue(settings).url, settings.region, code_uri, handler)
    result = poller.drain()
    print(json.dumps({"function": name, **asdict(result)}, indent=2))
    if result.failed:
        print(f"{result.failed} message(s) failed and will be retried", file=sys.stderr)


def _cache_reconcile(args: argparse.Namespace) -> None:
    """Make the cache index agree with the bucket's cache/ prefix (issue 5)."""
    import time

    from bananajam.local.stack import use_running_stack
    from bananajam.services import wiring
    from bananajam.services.cache_reconcile import CacheReconciler

    if not args.no_stack:
        use_running_stack()
    table, store, service = wiring.table(), wiring.object_store(), wiring.cache_service()
    report = CacheReconciler(table, store, service).reconcile(time.time())  # type: ignore[arg-type]
    print(json.dumps(asdict(report), indent=2))


def add_ops_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register `invoke cleanup` and `invoke worker` on the `bananajam` parser."""
    p = sub.add_parser("invoke", help="run a non-HTTP handler once against the local stack")
    what = p.add_subparsers(dest="target", required=True)
    c = what.add_parser("cleanup", help="run the scheduled cache cleanup now")
    c.set_defaults(fn=_invoke_cleanup)
    w = what.add_parser("worker", help="drain the jobs queue once through the worker")
    w.set_defaults(fn=_invoke_worker)
    cache = sub.add_parser("cache", help="cache maintenance")
    cache_what = cache.add_subparsers(dest="cache_target", required=True)
    r = cache_what.add_parser("reconcile", help="repair the cache index from the bucket listing")
    r.add_argument(
        "--no-stack",
        action="store_true",
        help="use BANANAJAM_* settings (e.g. real AWS) instead of the running make dev stack",
    )
    r.set_defaults(fn=_cache_reconcile)
