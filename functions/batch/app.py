"""The batch function: its FastAPI app behind Mangum (routes: bananajam.api.routes_batch)."""

from typing import Any

from aws_lambda_powertools.logging import correlation_paths
from mangum import Mangum

from bananajam.api import routes_batch
from bananajam.api.factory import create_app
from bananajam.api.observability import logger, metrics

app = create_app("batch", [routes_batch.router])
asgi_handler = Mangum(app, lifespan="off")


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_HTTP)
@metrics.log_metrics
def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return asgi_handler(event, context)
