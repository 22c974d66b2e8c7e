"""Tables of the grading service."""

import pulumi
import pulumi_aws as aws
from pulumi_aws import dynamodb

grades = aws.dynamodb.Table(
    "grades",
    billing_mode="PAY_PER_REQUEST",
    hash_key="candidateId",
    attributes=[aws.dynamodb.TableAttributeArgs(name="candidateId", type="S")],
    point_in_time_recovery=aws.dynamodb.TablePointInTimeRecoveryArgs(enabled=True),
)

rubrics = dynamodb.Table(
    "rubrics",
    hash_key="rubricId",
    read_capacity=5,
    write_capacity=5,
    attributes=[{"name": "rubricId", "type": "S"}],
    point_in_time_recovery={"enabled": True, "recovery_period_in_days": 14},
)
