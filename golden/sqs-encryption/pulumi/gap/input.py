"""Queue of submissions waiting to be graded."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or "dev"

submissions_queue = aws.sqs.Queue(
    f"submissions-{environment_suffix}",
    visibility_timeout_seconds=120,
    message_retention_seconds=345600,
    tags={"Team": "assessments"},
)

pulumi.export("submissions_queue_url", submissions_queue.url)
