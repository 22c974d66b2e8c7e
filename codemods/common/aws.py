"""Facts about AWS itself, the same in every language: stated once, read by every adapter
and detector that needs them."""

from __future__ import annotations

import re

# Services whose principal invokes a Lambda function asynchronously (an event is queued
# and retried; failures are lost without a dead-letter queue or on-failure destination).
ASYNC_INVOKERS = (
    "s3", "sns", "events", "scheduler", "ses", "iot", "logs", "config", "codecommit",
    "cloudformation", "lambda.alarms.cloudwatch",
)
_ASYNC_PRINCIPAL = re.compile(
    r"^(" + "|".join(re.escape(s) for s in ASYNC_INVOKERS) + r")\.amazonaws\.com(\.cn)?$"
)


def no_xray_grant(scope: str) -> str:
    """Why tracing is reported, not turned on, for a function whose role is not one of the
    ``scope`` (module, template): Lambda rejects tracing when the role cannot write traces."""
    return (f"its execution role is not a role of this {scope}, so iacfix cannot grant it X-Ray write "
            "access: attach AWSXRayDaemonWriteAccess to it, then turn tracing on")


def invokes_asynchronously(principal: object) -> bool:
    """Whether a service principal (``sns.amazonaws.com``) invokes Lambda asynchronously."""
    return isinstance(principal, str) and _ASYNC_PRINCIPAL.match(principal) is not None
