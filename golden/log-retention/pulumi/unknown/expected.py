"""Retention from configuration or shared settings."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
retention = config.require_int("logRetentionDays")

app_logs = aws.cloudwatch.LogGroup("app-logs", retention_in_days=retention)

log_settings = {"retention_in_days": 90}
worker_logs = aws.cloudwatch.LogGroup("worker-logs", **log_settings)
