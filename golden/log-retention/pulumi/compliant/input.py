"""Log groups with a retention period chosen per use."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()

api_logs = aws.cloudwatch.LogGroup("api-logs", retention_in_days=14)

audit_logs = aws.cloudwatch.LogGroup(
    "audit-logs",
    retention_in_days=3653,  # ten years, required by the exam board
    kms_key_id="arn:aws:kms:eu-west-1:111122223333:key/audit",
)

debug_logs = aws.cloudwatch.LogGroup("debug-logs", retention_in_days=config.get_int("debugRetention"))
