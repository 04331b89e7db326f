"""BananaJam: deterministic, themed procedural art served from AWS Lambda."""

__version__ = "1.0.0"
