"""log-retention for Pulumi Python: ``cloudwatch.LogGroup`` has a retention period.

Missing ``retention_in_days`` → added with the configured ``retention_days``.
``retention_in_days=0`` (never expire) → reported as unsafe (replaced with
``--unsafe-fixes``: it deletes older log events). Any other explicit value,
or one from a variable or config, → compliant.

Not covered: log groups that AWS services create on their own (a Lambda
function's ``/aws/lambda/<name>`` group when the program declares none); the
value is not checked against the list CloudWatch accepts.
"""

from __future__ import annotations

from iacfix.codemods.common.pulumi_properties import Explicit, Param, required

detect = required(
    "cloudwatch.LogGroup",
    {
        "retention_in_days": Explicit(
            Param("retention_days"), "retention period", unsafe=(0,), off="keeps its logs forever"
        )
    },
    what="Log group",
    detail="log-retention",
)
