"""Audit logs kept since the first release."""

import pulumi
import pulumi_aws as aws

audit_logs = aws.cloudwatch.LogGroup("audit-logs", name="/payments/audit")

pulumi.export("audit_log_group", audit_logs.name)
