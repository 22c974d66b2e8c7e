"""log_retention for Terraform: ``aws_cloudwatch_log_group`` resources have a retention period.

Checked: ``retention_in_days`` is set. Missing (or ``null``) → the fix adds
``retention_in_days = <retention_days>``; ``retention_in_days = 0`` (never
expire) → unsafe finding, replaced with ``--unsafe-fixes``; any other value, a
variable included, is the author's decision → no finding.
Not covered: log groups Lambda or other services create implicitly (a function
without its ``/aws/lambda/<name>`` log group in the file keeps logs forever);
whether the stated value is one CloudWatch accepts.
"""

from __future__ import annotations

from iacfix.codemods.common.terraform_properties import Explicit, Param, required

detect = required(
    "aws_cloudwatch_log_group",
    {"retention_in_days": Explicit(Param("retention_days"), "retention period", unsafe=(0,))},
    what="Log group",
    slug="log-retention",
    wrong_msg="{what} '{name}' keeps its logs forever ({setting})",
)
