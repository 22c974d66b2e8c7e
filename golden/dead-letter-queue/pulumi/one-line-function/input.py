import pulumi
import pulumi_aws as aws

stage = pulumi.get_stack()
tags = {"Team": "billing"}

role = aws.iam.Role("invoice-role", assume_role_policy=aws.iam.get_policy_document(statements=[{"actions": ["sts:AssumeRole"], "principals": [{"type": "Service", "identifiers": ["lambda.amazonaws.com"]}]}]).json, tags=tags)

invoices = aws.sns.Topic("invoices", tags=tags)

# Renders an invoice PDF for every published invoice.
renderer = aws.lambda_.Function("invoice-renderer", runtime="python3.12", handler="render.handler", role=role.arn, code=pulumi.FileArchive("./render"), tags=tags)

aws.sns.TopicSubscription("invoice-renderer-sub", topic=invoices.arn, protocol="lambda", endpoint=renderer.arn)
aws.lambda_.Permission("invoice-renderer-invoke", action="lambda:InvokeFunction", function=renderer.name, principal="sns.amazonaws.com", source_arn=invoices.arn)
