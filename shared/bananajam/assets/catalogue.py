"""Assembling the default registry: every built-in family plus the shipped and configured specs."""

from __future__ import annotations

import importlib
import pkgutil
import threading
from pathlib import Path

from bananajam.assets.registry import BUILTINS, Registry

_lock = threading.Lock()
_default: Registry | None = None
_extra_spec_dirs: list[Path] = []
BUILTIN_SPEC_DIR = Path(__file__).parent / "specs"


def _import_families() -> None:
    from bananajam.assets import families

    for mod in pkgutil.iter_modules(families.__path__):
        importlib.import_module(f"{families.__name__}.{mod.name}")


def configure_spec_dirs(*dirs: str | Path) -> None:
    """Add spec directories (from settings) before the registry is first built."""
    global _default
    with _lock:
        _extra_spec_dirs.extend(Path(d) for d in dirs)
        _default = None


def build_registry(spec_dirs: list[Path] | None = None) -> Registry:
    """A fresh registry of the built-ins plus the specs in `spec_dirs` (and the shipped ones)."""
    from bananajam.assets.dsl.loader import load_spec_dir

    _import_families()
    reg = Registry(BUILTINS)
    for d in [BUILTIN_SPEC_DIR, *(spec_dirs or [])]:
        for t in load_spec_dir(d):
            reg.add(t)
    return reg


def default_registry() -> Registry:
    """The process-wide registry, built once on first use (thread-safe)."""
    global _default
    if _default is None:
        with _lock:
            if _default is None:
                _default = build_registry(list(_extra_spec_dirs))
    return _default
