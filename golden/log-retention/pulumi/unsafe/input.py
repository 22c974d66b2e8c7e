"""Someone set the retention to "never expire"."""

import pulumi_aws as aws

exam_logs = aws.cloudwatch.LogGroup(
    "exam-logs",
    name="/assessments/exams",
    retention_in_days=0,
)
