"""Oddly laid out: two-space indents, hanging arguments, comments everywhere."""

import json

import pulumi
import pulumi_aws as aws


class Reports(pulumi.ComponentResource):
  def __init__(self, name, opts=None):
    super().__init__("acme:Reports", name, None, opts)
    # the execution role
    self.role = aws.iam.Role(f"{name}-role",
          assume_role_policy=json.dumps({"Version": "2012-10-17",
              "Statement": [{"Effect": "Allow",
                             "Principal": {"Service": "lambda.amazonaws.com"},
                             "Action": "sts:AssumeRole"}]}),  # trust
          opts=pulumi.ResourceOptions(parent=self))  # end of role
    self.role_xray = aws.iam.RolePolicyAttachment(f"{name}-role-xray",
          role=self.role.name,
          policy_arn="arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess",
          opts=pulumi.ResourceOptions(parent=self))
    # renders the monthly report
    self.renderer = aws.lambda_.Function(f"{name}-renderer",
          runtime="python3.12",  # pinned
          handler="render.handler",
          role=self.role.arn,
          # the zip is built by CI
          code=pulumi.FileArchive("./render"),
          tracing_config=aws.lambda_.FunctionTracingConfigArgs(mode="Active"),
          opts=pulumi.ResourceOptions(parent=self))


Reports("reports")
