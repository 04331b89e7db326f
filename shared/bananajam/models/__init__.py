"""Pydantic request and response models of the HTTP API (domain objects live in services)."""
