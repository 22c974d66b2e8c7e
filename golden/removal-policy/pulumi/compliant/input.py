"""Every stateful resource says what happens to it on delete."""

import pulumi
import pulumi_aws as aws

audit_table = aws.dynamodb.Table(
    "audit",
    billing_mode="PAY_PER_REQUEST",
    hash_key="id",
    attributes=[aws.dynamodb.TableAttributeArgs(name="id", type="S")],
    opts=pulumi.ResourceOptions(protect=True),
)

scratch_bucket = aws.s3.Bucket(
    "scratch",
    force_destroy=True,
    opts=pulumi.ResourceOptions(protect=False),
)

archive_bucket = aws.s3.Bucket("archive", opts=pulumi.ResourceOptions(retain_on_delete=True))

audit_logs = aws.cloudwatch.LogGroup("audit-logs", retention_in_days=365, skip_destroy=True)

# access logs of the API stage: api-access-logging owns such log groups
api = aws.apigatewayv2.Api("api", protocol_type="HTTP")
api_access_logs = aws.cloudwatch.LogGroup("api-access-logs", retention_in_days=30)
aws.apigatewayv2.Stage(
    "api-default",
    api_id=api.id,
    name="$default",
    auto_deploy=True,
    access_log_settings=aws.apigatewayv2.StageAccessLogSettingsArgs(
        destination_arn=api_access_logs.arn,
        format='{"requestId":"$context.requestId"}',
    ),
)

queue = aws.sqs.Queue("jobs")  # not stateful in the sense of this check
