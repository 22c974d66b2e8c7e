"""dynamodb_pitr for CloudFormation: ``AWS::DynamoDB::Table`` resources have point-in-time recovery.

Checked: ``PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: true}``.
Missing → the fix adds the whole mapping; a specification without
``PointInTimeRecoveryEnabled`` (e.g. only ``RecoveryPeriodInDays``) → the flag is
added into it; ``PointInTimeRecoveryEnabled: false`` → unsafe finding, replaced with
``--unsafe-fixes``; a parameter or other intrinsic → no finding.
Not covered: ``AWS::DynamoDB::GlobalTable`` (recovery is set per replica, in each
entry of ``Replicas`` or in ``ReplicaSpecification`` defaults) and
``AWS::Serverless::SimpleTable`` (SAM has no property for it).
"""

from __future__ import annotations

from iacfix.codemods.common.cloudformation_properties import Exactly, Nested, required

detect = required(
    "AWS::DynamoDB::Table",
    {"PointInTimeRecoverySpecification": Nested(
        {"PointInTimeRecoveryEnabled": Exactly(True, "point-in-time recovery")}, "point-in-time recovery")},
    what="DynamoDB table",
    slug="dynamodb-pitr",
    wrong_msg="{what} '{name}' has point-in-time recovery disabled ({setting})",
)
