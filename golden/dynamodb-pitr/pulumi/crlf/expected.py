"""Answers submitted by candidates, one item per question."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or "dev"

answers_table = aws.dynamodb.Table(
    f"answers-{environment_suffix}",
    billing_mode="PAY_PER_REQUEST",
    hash_key="attemptId",
    range_key="questionId",
    attributes=[
        aws.dynamodb.TableAttributeArgs(name="attemptId", type="S"),
        aws.dynamodb.TableAttributeArgs(name="questionId", type="S"),
    ],
    server_side_encryption=aws.dynamodb.TableServerSideEncryptionArgs(enabled=True),
    point_in_time_recovery=aws.dynamodb.TablePointInTimeRecoveryArgs(enabled=True),
    tags={"Team": "assessments"},
)

pulumi.export("answers_table", answers_table.name)
