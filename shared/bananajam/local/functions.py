"""Load function entry points by file path, the way Lambda does (each folder has an app.py)."""

from __future__ import annotations

import importlib.util
import sys
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from bananajam.local.resources import PROJECT_ROOT

_lock = threading.Lock()
_loaded: dict[str, ModuleType] = {}


def load_module(code_uri: str, module: str) -> ModuleType:
    """`functions/<area>/<module>.py` under the unique name `bj_fn_<area>_<module>`."""
    folder = PROJECT_ROOT / code_uri
    name = f"bj_fn_{folder.name}_{module}"
    with _lock:
        if name not in _loaded:
            spec = importlib.util.spec_from_file_location(name, folder / f"{module}.py")
            if spec is None or spec.loader is None:
                raise ImportError(f"cannot load {folder / module}.py")
            mod = importlib.util.module_from_spec(spec)
            sys.modules[name] = mod
            spec.loader.exec_module(mod)
            _loaded[name] = mod
        return _loaded[name]


def load_handler(code_uri: str, handler: str) -> Callable[[dict[str, Any], Any], Any]:
    """The callable a SAM `Handler: module.func` names."""
    module, func = handler.rsplit(".", 1)
    fn: Callable[[dict[str, Any], Any], Any] = getattr(load_module(code_uri, module), func)
    return fn


@dataclass
class LocalContext:
    """Enough of a Lambda context for Powertools and Mangum."""

    function_name: str
    memory_limit_in_mb: int = 512
    timeout_ms: int = 120_000
    aws_request_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    function_version: str = "$LATEST"
    log_group_name: str = "/aws/lambda/local"
    log_stream_name: str = "local"

    @property
    def invoked_function_arn(self) -> str:
        return f"arn:aws:lambda:us-east-1:000000000000:function:{self.function_name}"

    def get_remaining_time_in_millis(self) -> int:
        return self.timeout_ms
