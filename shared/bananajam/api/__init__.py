"""The HTTP layer shared by the five function apps: app factory, errors, middleware.

Importing this package is light (no engine, no boto3); area routes live in `routes_<area>.py`.
"""
