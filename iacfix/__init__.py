"""iacfix: turn infrastructure-as-code that deploys into code that is production-ready."""

__version__ = "0.1.0"
