"""boto3 code only: S3 object store, DynamoDB table, SQS queue, SSM parameter.

Every adapter takes an optional client; without one it asks `clients.client(...)`, which creates
clients lazily and reuses them across warm invocations. `ClientError` never leaves this package:
it is translated into `bananajam.errors` domain errors here.
"""
