"""Powertools Logger and Metrics singletons shared by the apps, the worker and the cleanup."""

from __future__ import annotations

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.metrics import MetricUnit

from bananajam.config import Settings

logger = Logger(service="bananajam")
metrics = Metrics(service="bananajam")


class PowertoolsMeter:
    """`Meter` that adds CloudWatch EMF metrics (flushed by `metrics.log_metrics`)."""

    def count(self, name: str, value: int = 1) -> None:
        metrics.add_metric(name=name, unit=MetricUnit.Count, value=value)


def configure(settings: Settings) -> None:
    """Apply settings that Powertools reads: the metrics namespace."""
    if not metrics.namespace:
        metrics.namespace = settings.metrics_namespace
