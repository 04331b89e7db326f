"""Domain errors shared by every layer.

Each error carries a stable machine-readable `code`, a human message and optional details. The HTTP
layer maps codes to statuses in one place (`bananajam.api.errors`); nothing here knows about HTTP.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any


class BananaJamError(Exception):
    """Base class of every expected, user-facing failure."""

    code = "error"

    def __init__(self, message: str, details: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details: dict[str, Any] = details or {}


def close_matches(name: str, candidates: Iterable[str], limit: int = 3) -> list[str]:
    """Closest known names to `name`, best first (for 'did you mean' hints)."""
    return difflib.get_close_matches(name, sorted(set(candidates)), n=limit, cutoff=0.5)


def _did_you_mean(suggestions: list[str]) -> str:
    if not suggestions:
        return ""
    quoted = ", ".join(f"'{s}'" for s in suggestions)
    return f" Did you mean {quoted}?"


class UnknownAssetError(BananaJamError):
    code = "unknown_asset"

    def __init__(self, name: str, suggestions: list[str]) -> None:
        super().__init__(
            f"No asset type '{name}'.{_did_you_mean(suggestions)}",
            {"asset": name, "suggestions": suggestions},
        )
        self.name = name
        self.suggestions = suggestions


class UnknownThemeError(BananaJamError):
    code = "unknown_theme"

    def __init__(self, name: str, suggestions: list[str]) -> None:
        super().__init__(
            f"No theme '{name}'.{_did_you_mean(suggestions)}",
            {"theme": name, "suggestions": suggestions},
        )
        self.name = name
        self.suggestions = suggestions


class FieldError(BananaJamError):
    """One or more input fields are invalid; `fields` lists each with its own message."""

    code = "validation_error"

    def __init__(self, fields: list[dict[str, str]], message: str | None = None) -> None:
        summary = message or "; ".join(f"{f['field']}: {f['message']}" for f in fields)
        super().__init__(summary, {"fields": fields})
        self.fields = fields

    @classmethod
    def single(cls, field: str, message: str) -> FieldError:
        return cls([{"field": field, "message": message}])


class SpecError(FieldError):
    """A JSON asset spec is malformed; the message names the bad field (`layers[2].radius`)."""

    code = "invalid_spec"


class NotFoundError(BananaJamError):
    code = "not_found"


class ConflictError(BananaJamError):
    code = "conflict"


class PayloadTooLargeError(BananaJamError):
    code = "payload_too_large"


class AuthError(BananaJamError):
    """No credential was given (401)."""

    code = "unauthorized"


class ForbiddenError(BananaJamError):
    """A credential was given but it is wrong (403)."""

    code = "forbidden"


class DependencyError(BananaJamError):
    """An AWS dependency failed in a way the caller may retry (503)."""

    code = "dependency_unavailable"
