"""REST API for the merchant dashboard."""

import json

import pulumi
import pulumi_aws as aws

config = pulumi.Config()

# the account's API Gateway CloudWatch role, set by this program
account = aws.apigateway.Account(
    'api-gateway-account',
    cloudwatch_role_arn=config.require('apiGatewayLogsRoleArn'),
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

stage_access_logs = aws.cloudwatch.LogGroup(
    'merchant-prod-access-logs',
    retention_in_days=30,
)

stage = aws.apigateway.Stage(
    'merchant-prod',
    rest_api=rest_api.id,
    deployment=deployment.id,
    stage_name='prod',
    access_log_settings=aws.apigateway.StageAccessLogSettingsArgs(
        destination_arn=stage_access_logs.arn,
        format=json.dumps(
            {
                'requestId': '$context.requestId',
                'ip': '$context.identity.sourceIp',
                'requestTime': '$context.requestTime',
                'httpMethod': '$context.httpMethod',
                'resourcePath': '$context.resourcePath',
                'status': '$context.status',
                'protocol': '$context.protocol',
                'responseLength': '$context.responseLength',
            }
        ),
    ),
    xray_tracing_enabled=True,
)

pulumi.export('invoke_url', stage.invoke_url)
