"""dynamodb_pitr for Terraform: ``aws_dynamodb_table`` resources have point-in-time recovery.

Checked: a ``point_in_time_recovery`` block with ``enabled = true``. No block →
the fix adds ``point_in_time_recovery { enabled = true }`` after the table's
other arguments and blocks (before tags/lifecycle); a block without ``enabled``
(or ``enabled = null``) → ``enabled = true`` is added into it; ``enabled = false``
→ unsafe finding, replaced with ``--unsafe-fixes``; a variable, a non-literal or
a ``dynamic "point_in_time_recovery"`` block → no finding.
Not covered: ``recovery_period_in_days`` (the 35-day default is kept); global
table replicas' own ``point_in_time_recovery`` argument inside ``replica`` blocks;
``aws_dynamodb_global_table`` (legacy 2017 global tables have no such setting).
"""

from __future__ import annotations

from iacfix.codemods.common.terraform_properties import Block, Exactly, required

detect = required(
    "aws_dynamodb_table",
    {"point_in_time_recovery": Block({"enabled": Exactly(True)}, "point-in-time recovery")},
    what="DynamoDB table",
    slug="dynamodb-pitr",
    wrong_msg="{what} '{name}' has point-in-time recovery disabled ({setting})",
)
