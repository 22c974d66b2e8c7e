"""Logs another team reads through a subscription; they own the retention."""

import pulumi_aws as aws

# iacfix: ignore[log-retention] -- retention is managed by the security team's tooling
security_logs = aws.cloudwatch.LogGroup(
    "security-logs",
    name="/security/assessments",
)

trail_logs = aws.cloudwatch.LogGroup("trail-logs")  # iacfix: ignore[IAC009]
