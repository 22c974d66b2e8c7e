"""REST API for the merchant dashboard."""

import json

import pulumi
import pulumi_aws as aws

# the account's API Gateway CloudWatch role, set by this program
logs_role = aws.iam.Role(
    'api-gateway-logs',
    assume_role_policy=json.dumps({
        'Version': '2012-10-17',
        'Statement': [{
            'Effect': 'Allow',
            'Principal': {'Service': 'apigateway.amazonaws.com'},
            'Action': 'sts:AssumeRole',
        }],
    }),
    managed_policy_arns=['arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs'],
)

account = aws.apigateway.Account(
    'api-gateway-account',
    cloudwatch_role_arn=logs_role.arn,
)

rest_api = aws.apigateway.RestApi(
    'merchant-api',
    body=json.dumps({
        'openapi': '3.0.1',
        'info': {'title': 'merchant', 'version': '1.0'},
        'paths': {},
    }),
)

deployment = aws.apigateway.Deployment(
    'merchant-deployment',
    rest_api=rest_api.id,
)

stage = aws.apigateway.Stage(
    'merchant-prod',
    rest_api=rest_api.id,
    deployment=deployment.id,
    stage_name='prod',
    xray_tracing_enabled=True,
)

pulumi.export('invoke_url', stage.invoke_url)
