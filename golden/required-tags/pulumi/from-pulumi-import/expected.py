"""A program that takes pulumi's names with `from pulumi import ...`: the stack name joins
that import instead of a second `import pulumi`."""

from pulumi import Config, export, get_stack
import pulumi_aws as aws

config = Config()

queue = aws.sqs.Queue(
    "jobs",
    sqs_managed_sse_enabled=True,
    tags={"Environment": get_stack(), "ManagedBy": "pulumi"},
)

export("queue_url", queue.url)
