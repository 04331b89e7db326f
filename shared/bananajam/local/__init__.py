"""The local stack: moto server, resources from template.yaml, one uvicorn, poller, scheduler."""
