"""The one typed settings object, read from `BANANAJAM_*` environment variables.

Settings are validated on first use (`get_settings()`), never at import time, and a bad value
fails with one clear message naming the variable. Services receive a `Settings` instance; they
never read `os.environ` themselves.
"""

from __future__ import annotations

import threading
from typing import Annotated

from pydantic import BaseModel, Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict
from pydantic_settings import SettingsError as _SourceError


class Limits(BaseModel):
    """Request limits from the contract; a request over one gets a 422 naming it."""

    max_body_bytes: int = Field(1_048_576, ge=1024)
    min_size: int = Field(16, ge=1)
    max_size: int = Field(2048, ge=16)
    max_batch_items: int = Field(500, ge=1)
    max_diverse_count: int = Field(64, ge=1)
    max_diverse_pool: int = Field(512, ge=1)


class Settings(BaseSettings):
    """Every knob of the service.

    Env names are `BANANAJAM_<FIELD>`; limits are `BANANAJAM_LIMITS__<FIELD>`.
    """

    model_config = SettingsConfigDict(
        env_prefix="BANANAJAM_", env_nested_delimiter="__", extra="ignore", frozen=True
    )

    table_name: str = "bananajam-local"
    bucket_name: str = "bananajam-local-assets"
    queue_name: str = "bananajam-local-jobs"
    queue_url: str | None = None
    dlq_name: str = "bananajam-local-jobs-dlq"
    aws_endpoint_url: str | None = None
    region: str = "us-east-1"
    cors_origins: Annotated[list[str], NoDecode] = Field(default_factory=lambda: ["*"])
    local: bool = False
    limits: Limits = Field(default_factory=Limits)
    presign_expiry_seconds: int = Field(3600, ge=60, le=604_800)
    cache_ttl_seconds: int = Field(30 * 86_400, ge=60)
    cache_budget_bytes: int = Field(5 * 1024**3, ge=1)
    job_ttl_days: int = Field(7, ge=1)
    # Must equal template.yaml JobsQueue.RedrivePolicy.maxReceiveCount (a unit test checks it):
    # on this receive the worker records a message's unfinished items as failed instead of
    # raising, so the job still finishes.
    job_max_receive_count: int = Field(4, ge=1, le=1000)
    # Items per SQS message: the job counters are written once per message, so this divides
    # the write rate on the job's partition key.
    job_items_per_message: int = Field(10, ge=1, le=50)
    idempotency_ttl_seconds: int = Field(86_400, ge=60)
    # Above this an image is answered with a 303 to S3: base64 turns 4.5 MB into about 6 MB,
    # the cap on a synchronous Lambda response.
    max_inline_bytes: int = Field(4_500_000, ge=1)
    # In-process LRU of recent images (content-addressed, so never stale); 0 turns it off.
    memory_cache_bytes: int = Field(32 * 1024**2, ge=0)
    # POST /diversity/optimize runs synchronously when its estimated cost is at most this many
    # seconds (the HTTP API gives up at 30 s); above it the run becomes a batch job (202).
    optimize_sync_seconds: float = Field(20.0, ge=0)
    admin_token: str | None = None
    admin_token_parameter: str | None = None
    spec_dir: str | None = None
    metrics_namespace: str = "BananaJam"
    service_name: str = "bananajam"

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        # A plain comma list is friendlier in env vars and SAM parameters than a JSON array.
        if isinstance(value, str) and not value.strip().startswith("["):
            return [v.strip() for v in value.split(",") if v.strip()]
        return value


class SettingsError(RuntimeError):
    """The environment holds an invalid setting."""


_lock = threading.Lock()
_settings: Settings | None = None


def get_settings() -> Settings:
    """The process-wide settings, validated on first use."""
    global _settings
    if _settings is None:
        with _lock:
            if _settings is None:
                try:
                    _settings = Settings()
                except _SourceError as exc:
                    raise SettingsError(f"invalid BananaJam settings: {exc}") from None
                except ValidationError as exc:
                    bad = "; ".join(
                        f"BANANAJAM_{'__'.join(str(p) for p in e['loc']).upper()}: {e['msg']}"
                        for e in exc.errors()
                    )
                    raise SettingsError(f"invalid BananaJam settings: {bad}") from None
    return _settings


def reset_settings(settings: Settings | None = None) -> None:
    """Forget (or replace) the cached settings; tests and the local stack use this."""
    global _settings
    with _lock:
        _settings = settings
