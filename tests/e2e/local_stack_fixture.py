"""The local stack for end-to-end tests: `python -m bananajam.local` on free ports.

Each e2e module binds `stack = local_stack_fixture.stack`, so it gets a stack of its own. (Not a
conftest.py: test modules import helpers from it, and a second `conftest` module name would
shadow the suite-wide one.)
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Stack:
    base: str
    moto: str
    proc: subprocess.Popen[str]
    client: httpx.Client


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """A fresh stack for the module (free ports, no BANANAJAM_/AWS_ env leaking in)."""
    port, moto_port = free_port(), free_port()
    log = tmp_path_factory.mktemp("stack") / "stack.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BANANAJAM_", "AWS_"))}
    env.update(PORT=str(port), BANANAJAM_MOTO_PORT=str(moto_port), PYTHONUNBUFFERED="1")
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "bananajam.local"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            text=True,
        )
    base = f"http://127.0.0.1:{port}"
    client = httpx.Client(base_url=base, timeout=30)
    deadline = time.monotonic() + 60
    while True:
        try:
            if client.get("/health").status_code == 200:
                break
        except httpx.TransportError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"local stack did not start:\n{log.read_text()[-3000:]}")
        time.sleep(0.2)
    yield Stack(base, f"http://127.0.0.1:{moto_port}", proc, client)
    client.close()
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


def pick(stack: Stack) -> str:
    """A type every stack serves (void_lotus unless the catalogue lacks it)."""
    names = [a["name"] for a in stack.client.get("/assets").json()["assets"]]
    return "void_lotus" if "void_lotus" in names else names[0]
