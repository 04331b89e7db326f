"""Use cases. Services depend on the protocols in `ports`, never on boto3 or FastAPI.

Keep engine imports (numpy/Pillow) inside `asset_service` and `catalogue_service`: the jobs and
cache functions import this package and must stay light.
"""
