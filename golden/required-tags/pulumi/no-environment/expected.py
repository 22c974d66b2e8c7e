"""A program that names nothing after its environment: the stack is the environment."""

import pulumi
import pulumi_aws as aws

notifications = aws.sns.Topic(
    "notifications",
    display_name="Notifications",
    tags={"Environment": pulumi.get_stack(), "ManagedBy": "pulumi"},
)
