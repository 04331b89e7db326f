"""Assembling the local stack: moto server, resources, gateway, poller and scheduler."""

from __future__ import annotations

import json
import os
import socket
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bananajam.local.resources import PROJECT_ROOT, create_from_template, load_template

STATE_FILE = PROJECT_ROOT / ".dev-state" / "stack.json"
FAKE_CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "local",
    "AWS_SECRET_ACCESS_KEY": "local",
    "AWS_DEFAULT_REGION": "us-east-1",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def port_is_free(port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def point_at(endpoint: str) -> None:
    """Make this process's settings and boto3 clients use `endpoint` with fake credentials."""
    from bananajam.adapters.clients import reset_clients
    from bananajam.config import reset_settings
    from bananajam.services import wiring

    for k, v in FAKE_CREDENTIALS.items():
        os.environ.setdefault(k, v)
    os.environ["BANANAJAM_AWS_ENDPOINT_URL"] = endpoint
    reset_settings()
    reset_clients()
    wiring.reset()


def use_running_stack(state_file: Path = STATE_FILE) -> dict[str, Any]:
    """Point at the endpoint of a running `make dev` (for `bananajam invoke ...`)."""
    if os.environ.get("BANANAJAM_AWS_ENDPOINT_URL"):
        return {"endpoint": os.environ["BANANAJAM_AWS_ENDPOINT_URL"]}
    if not state_file.exists():
        raise RuntimeError("no local stack is running (start one with `make dev`)")
    state: dict[str, Any] = json.loads(state_file.read_text())
    point_at(state["endpoint"])
    return state


@dataclass
class LocalStack:
    port: int
    moto_port: int
    endpoint: str = ""
    info: dict[str, str] = field(default_factory=dict)
    _moto: Any = None

    def start_aws(self) -> None:
        from moto.server import ThreadedMotoServer

        from bananajam.adapters.clients import client
        from bananajam.config import get_settings

        self._moto = ThreadedMotoServer(ip_address="127.0.0.1", port=self.moto_port, verbose=False)
        self._moto.start()
        host, port = self._moto.get_host_and_port()
        self.endpoint = f"http://{host}:{port}"
        os.environ["BANANAJAM_LOCAL"] = "true"
        point_at(self.endpoint)
        settings = get_settings()
        clients = {s: client(s, settings) for s in ("dynamodb", "s3", "sqs")}
        self.info = create_from_template(settings, clients)
        os.environ["BANANAJAM_QUEUE_URL"] = self.info["queue_url"]
        point_at(self.endpoint)

    def write_state(self) -> None:
        STATE_FILE.parent.mkdir(exist_ok=True)
        state = {"endpoint": self.endpoint, "url": f"http://127.0.0.1:{self.port}", **self.info}
        STATE_FILE.write_text(json.dumps(state, indent=2))

    def clear_state(self) -> None:
        STATE_FILE.unlink(missing_ok=True)

    def stop_aws(self) -> None:
        if self._moto is not None:
            self._moto.stop()
            self._moto = None


def worker_and_schedules(template: dict[str, Any] | None = None) -> dict[str, Any]:
    """The SQS-triggered function and the scheduled ones, read from template.yaml."""
    from bananajam.local.resources import resources_of_type, schedule_seconds

    tpl = template or load_template()
    functions = resources_of_type(tpl, "AWS::Serverless::Function")
    worker = None
    for name, res in functions.items():
        if any(e.get("Type") == "SQS" for e in res["Properties"].get("Events", {}).values()):
            worker = (name, res["Properties"]["CodeUri"], res["Properties"]["Handler"])
    schedules = {
        name: (
            period,
            functions[name]["Properties"]["CodeUri"],
            functions[name]["Properties"]["Handler"],
        )
        for name, period in schedule_seconds(tpl).items()
    }
    return {"worker": worker, "schedules": schedules}
