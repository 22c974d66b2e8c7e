"""A program that names nothing after its environment: the stack is the environment."""

import pulumi_aws as aws

notifications = aws.sns.Topic("notifications", display_name="Notifications")
