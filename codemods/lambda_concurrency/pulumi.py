"""lambda-concurrency for Pulumi Python: ``lambda_.Function`` reserves its concurrency.

Missing ``reserved_concurrent_executions`` → added with the configured
``reserved_concurrency``, before ``tags=``/``opts=``. Any explicit value is the
author's decision (including -1, "unreserved"): compliant.

Not covered: provisioned concurrency (``lambda_.ProvisionedConcurrencyConfig``),
a different, paid feature, and checking that the reservations of a file fit the
account's concurrency limit.
"""

from __future__ import annotations

from iacfix.codemods.common.pulumi_properties import Explicit, Param, required

detect = required(
    "lambda_.Function",
    {"reserved_concurrent_executions": Explicit(Param("reserved_concurrency"), "reserved concurrency")},
    what="Lambda function",
    detail="lambda-concurrency",
)
