"""dynamodb-pitr for Pulumi Python: ``dynamodb.Table`` has point-in-time recovery enabled.

Missing → ``point_in_time_recovery=aws.dynamodb.TablePointInTimeRecoveryArgs(enabled=True)``
is added; an existing ``TablePointInTimeRecoveryArgs(...)`` or dict without
``enabled`` gets ``enabled=True`` merged in; ``enabled=False`` → reported as
unsafe (replaced with ``--unsafe-fixes``); a value from a variable, a function
call or ``**kwargs`` → no finding.

Not covered: ``dynamodb.GlobalTable`` (the legacy 2017 global tables; their
replicas are configured per region) and ``recovery_period_in_days`` (left to
the author; 35 days when unset).
"""

from __future__ import annotations

from iacfix.codemods.common.pulumi_properties import Exactly, Struct, required

detect = required(
    "dynamodb.Table",
    {
        "point_in_time_recovery": Struct(
            "dynamodb.TablePointInTimeRecoveryArgs",
            {"enabled": Exactly(True, "point-in-time recovery")},
            label="point-in-time recovery",
        )
    },
    what="DynamoDB table",
    detail="dynamodb-pitr",
)
