"""Recovery was turned off to cut costs in a load test and never turned back on."""

import pulumi_aws as aws

scores = aws.dynamodb.Table(
    "scores",
    billing_mode="PAY_PER_REQUEST",
    hash_key="candidateId",
    attributes=[aws.dynamodb.TableAttributeArgs(name="candidateId", type="S")],
    point_in_time_recovery=aws.dynamodb.TablePointInTimeRecoveryArgs(enabled=True),
)

feedback = aws.dynamodb.Table(
    "feedback",
    billing_mode="PAY_PER_REQUEST",
    hash_key="id",
    attributes=[{"name": "id", "type": "S"}],
    point_in_time_recovery={"enabled": True},
)
