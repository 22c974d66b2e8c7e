import pulumi_aws as aws

from settings import environment_suffix

orders = aws.sqs.Queue(f"orders-{environment_suffix}", sqs_managed_sse_enabled=True)
