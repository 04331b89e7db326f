"""S3 object store for rendered images."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from bananajam.adapters.clients import client, error_code
from bananajam.config import Settings
from bananajam.errors import DependencyError
from bananajam.services.ports import StoredObject

_MISSING = {"404", "NoSuchKey", "NotFound"}


class S3ObjectStore:
    """`ObjectStore` over one private bucket."""

    def __init__(self, settings: Settings, s3_client: Any | None = None) -> None:
        self._settings = settings
        self._bucket = settings.bucket_name
        self._given = s3_client

    @property
    def _s3(self) -> Any:
        return self._given or client("s3", self._settings)

    def _fail(self, op: str, exc: Exception) -> DependencyError:
        return DependencyError(
            f"object store unavailable during {op}", {"dependency": "s3", "code": error_code(exc)}
        )

    def get(self, key: str) -> StoredObject | None:
        try:
            r = self._s3.get_object(Bucket=self._bucket, Key=key)
        except Exception as exc:
            if error_code(exc) in _MISSING:
                return None
            raise self._fail("get", exc) from exc
        body = r["Body"].read()
        return StoredObject(key, len(body), dict(r.get("Metadata", {})), r["ContentType"], body)

    def head(self, key: str) -> StoredObject | None:
        try:
            r = self._s3.head_object(Bucket=self._bucket, Key=key)
        except Exception as exc:
            if error_code(exc) in _MISSING:
                return None
            raise self._fail("head", exc) from exc
        size = int(r["ContentLength"])
        return StoredObject(key, size, dict(r.get("Metadata", {})), r["ContentType"])

    def put(
        self,
        key: str,
        body: bytes,
        *,
        content_type: str,
        metadata: Mapping[str, str],
        cache_control: str | None = None,
    ) -> None:
        extra = {"CacheControl": cache_control} if cache_control else {}
        try:
            self._s3.put_object(
                Bucket=self._bucket,
                Key=key,
                Body=body,
                ContentType=content_type,
                Metadata=dict(metadata),
                **extra,
            )
        except Exception as exc:
            raise self._fail("put", exc) from exc

    def presign_get(self, key: str, expires_in: int) -> str:
        # Presigning is local computation (no network call), so it is cheap on the hit path.
        url: str = self._s3.generate_presigned_url(
            "get_object", Params={"Bucket": self._bucket, "Key": key}, ExpiresIn=expires_in
        )
        return url

    def delete_many(self, keys: Sequence[str]) -> int:
        deleted = 0
        for start in range(0, len(keys), 1000):
            chunk = [{"Key": k} for k in keys[start : start + 1000]]
            try:
                r = self._s3.delete_objects(Bucket=self._bucket, Delete={"Objects": chunk})
            except Exception as exc:
                raise self._fail("delete", exc) from exc
            deleted += len(r.get("Deleted", []))
        return deleted

    def check(self) -> None:
        try:
            self._s3.head_bucket(Bucket=self._bucket)
        except Exception as exc:
            raise self._fail("check", exc) from exc

    # --- cache reconciliation support (issue 5) ---------------------------------------------

    def list_prefix(self, prefix: str) -> Iterator[tuple[str, int, float]]:
        """(key, size, last-modified epoch seconds) of every object under `prefix`."""
        token: str | None = None
        while True:
            extra = {"ContinuationToken": token} if token else {}
            try:
                r = self._s3.list_objects_v2(Bucket=self._bucket, Prefix=prefix, **extra)
            except Exception as exc:
                raise self._fail("list", exc) from exc
            for obj in r.get("Contents", []):
                yield obj["Key"], int(obj["Size"]), obj["LastModified"].timestamp()
            if not r.get("IsTruncated"):
                return
            token = r.get("NextContinuationToken")
