"""A program that takes pulumi's names with `from pulumi import ...`: the stack name joins
that import instead of a second `import pulumi`."""

from pulumi import Config, export
import pulumi_aws as aws

config = Config()

queue = aws.sqs.Queue("jobs", sqs_managed_sse_enabled=True)

export("queue_url", queue.url)
