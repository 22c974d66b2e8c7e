"""log_retention for CloudFormation: ``AWS::Logs::LogGroup`` resources have a retention period.

Checked: ``RetentionInDays``. Missing (logs are kept forever) → the fix adds it with
the ``retention_days`` parameter. Any explicit value, literal or intrinsic, is the
author's decision: no finding. CloudFormation has no explicit "never expire"
value, so there is no unsafe case.
Not covered: log groups that Lambda, API Gateway or other services create
implicitly (they are not in the template: declare them as AWS::Logs::LogGroup
resources to manage their retention).
"""

from __future__ import annotations

from iacfix.codemods.common.cloudformation_properties import Explicit, Param, required

detect = required(
    "AWS::Logs::LogGroup",
    {"RetentionInDays": Explicit(Param("retention_days"), "retention period")},
    what="Log group",
    slug="log-retention",
)
