import pulumi
import pulumi_aws as aws

services = ["scheduler", "notifier"]

# One log group per service, built in a comprehension-free loop.
for service in services:
    aws.cloudwatch.LogGroup(
      f"{service}-logs",   # two-space continuation indent
      name=f"/ecs/{service}"
      # no trailing comma on purpose
    )

access_logs = aws.cloudwatch.LogGroup('access-logs', opts=pulumi.ResourceOptions(retain_on_delete=True))  # kept after teardown
