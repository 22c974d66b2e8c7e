"""Point-in-time recovery settings written as dicts, without their flag."""

import pulumi_aws as aws

invitations = aws.dynamodb.Table(
    "invitations",
    billing_mode="PAY_PER_REQUEST",
    hash_key="email",
    attributes=[{"name": "email", "type": "S"}],
    point_in_time_recovery={"recovery_period_in_days": 35},
)

reminders = aws.dynamodb.Table(
    "reminders",
    billing_mode="PAY_PER_REQUEST",
    hash_key="id",
    attributes=[{"name": "id", "type": "S"}],
    point_in_time_recovery={
        "recoveryPeriodInDays": 10,
    },
)
