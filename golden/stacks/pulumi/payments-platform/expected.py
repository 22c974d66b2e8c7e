"""Payments platform: HTTP API, payment and settlement functions, queues and ledger table."""

import json

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or "dev"
lambda_runtime = "python3.12"

common_tags = {
    "Project": "payments",
    "Owner": "payments-platform",
    "Environment": environment_suffix,
    "ManagedBy": "pulumi",
}

# --- Encryption -------------------------------------------------------------

alarm_topic = aws.sns.Topic(
    "alarms",
    name=f"alarms-{environment_suffix}",
    tags={**common_tags, "DataClass": "financial"},
)

payments_key = aws.kms.Key(
    f"payments-key-{environment_suffix}",
    description="Encrypts payment queues and the ledger table",
    enable_key_rotation=True,
    deletion_window_in_days=30,
    tags=common_tags,
    opts=pulumi.ResourceOptions(protect=True),
)

payments_key_alias = aws.kms.Alias(
    f"payments-key-alias-{environment_suffix}",
    name=f"alias/payments-key-{environment_suffix}",
    target_key_id=payments_key.key_id,
)

# --- Storage ----------------------------------------------------------------

ledger_table = aws.dynamodb.Table(
    f"ledger-{environment_suffix}",
    billing_mode="PAY_PER_REQUEST",
    hash_key="paymentId",
    range_key="createdAt",
    attributes=[
        aws.dynamodb.TableAttributeArgs(name="paymentId", type="S"),
        aws.dynamodb.TableAttributeArgs(name="createdAt", type="S"),
    ],
    server_side_encryption=aws.dynamodb.TableServerSideEncryptionArgs(
        enabled=True,
        kms_key_arn=payments_key.arn,
    ),
    point_in_time_recovery=aws.dynamodb.TablePointInTimeRecoveryArgs(enabled=True),
    tags={**common_tags, "DataClass": "financial"},
    opts=pulumi.ResourceOptions(protect=True),
)

aws.cloudwatch.MetricAlarm(
    f"ledger-read-throttles-{environment_suffix}",
    alarm_description="DynamoDB table ledger_table throttled 10 or more reads in 5 minutes",
    namespace="AWS/DynamoDB",
    metric_name="ReadThrottleEvents",
    dimensions={"TableName": ledger_table.name},
    statistic="Sum",
    period=300,
    evaluation_periods=1,
    threshold=10,
    comparison_operator="GreaterThanOrEqualToThreshold",
    treat_missing_data="notBreaching",
    alarm_actions=[alarm_topic.arn],
    tags={**common_tags, "DataClass": "financial"},
)

aws.cloudwatch.MetricAlarm(
    f"ledger-write-throttles-{environment_suffix}",
    alarm_description="DynamoDB table ledger_table throttled 10 or more writes in 5 minutes",
    namespace="AWS/DynamoDB",
    metric_name="WriteThrottleEvents",
    dimensions={"TableName": ledger_table.name},
    statistic="Sum",
    period=300,
    evaluation_periods=1,
    threshold=10,
    comparison_operator="GreaterThanOrEqualToThreshold",
    treat_missing_data="notBreaching",
    alarm_actions=[alarm_topic.arn],
    tags={**common_tags, "DataClass": "financial"},
)

payment_queue_dlq = aws.sqs.Queue(
    f"payment-queue-dlq-{environment_suffix}",
    name=f"payment-queue-dlq-{environment_suffix}",
    message_retention_seconds=1209600,
    kms_master_key_id=payments_key.id,
    tags=common_tags,
)

payment_queue = aws.sqs.Queue(
    f"payment-queue-{environment_suffix}",
    name=f"payment-queue-{environment_suffix}",
    visibility_timeout_seconds=180,
    kms_master_key_id=payments_key.id,
    redrive_policy=pulumi.Output.json_dumps(
        {"deadLetterTargetArn": payment_queue_dlq.arn, "maxReceiveCount": 3}
    ),
    tags=common_tags,
)

aws.cloudwatch.MetricAlarm(
    f"payment-queue-dlq-messages-{environment_suffix}",
    name=f"payment-queue-dlq-messages-{environment_suffix}",
    alarm_description=(
        "Dead-letter queue payment_queue_dlq holds more than 0 messages: messages failed "
        "processing"
    ),
    namespace="AWS/SQS",
    metric_name="ApproximateNumberOfMessagesVisible",
    dimensions={"QueueName": payment_queue_dlq.name},
    statistic="Maximum",
    period=300,
    evaluation_periods=1,
    threshold=0,
    comparison_operator="GreaterThanThreshold",
    treat_missing_data="notBreaching",
    alarm_actions=[alarm_topic.arn],
    tags=common_tags,
)

settlement_topic = aws.sns.Topic(f"settlements-{environment_suffix}", tags=common_tags)

# --- Functions --------------------------------------------------------------

lambda_role = aws.iam.Role(
    f"payments-lambda-role-{environment_suffix}",
    assume_role_policy=json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": {"Service": "lambda.amazonaws.com"},
                    "Action": "sts:AssumeRole",
                }
            ],
        }
    ),
    tags=common_tags,
)

aws.iam.RolePolicyAttachment(
    f"payments-lambda-role-xray-{environment_suffix}",
    role=lambda_role.name,
    policy_arn="arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess",
)

aws.iam.RolePolicyAttachment(
    f"payments-lambda-basic-{environment_suffix}",
    role=lambda_role.name,
    policy_arn="arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
)

aws.iam.RolePolicy(
    f"payments-lambda-data-{environment_suffix}",
    role=lambda_role.id,
    policy=pulumi.Output.json_dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Action": ["dynamodb:PutItem", "dynamodb:UpdateItem"],
                    "Resource": ledger_table.arn,
                },
                {
                    "Effect": "Allow",
                    "Action": ["sqs:SendMessage"],
                    "Resource": payment_queue.arn,
                },
            ],
        }
    ),
)

api_handler = aws.lambda_.Function(
    f"payments-api-{environment_suffix}",
    runtime=lambda_runtime,
    handler="api.handler",
    role=lambda_role.arn,
    timeout=10,
    code=pulumi.FileArchive("./functions/api"),
    environment=aws.lambda_.FunctionEnvironmentArgs(
        variables={
            "QUEUE_URL": payment_queue.url,
            "TABLE_NAME": ledger_table.name,
        },
    ),
    memory_size=128,
    tracing_config=aws.lambda_.FunctionTracingConfigArgs(mode="Active"),
    tags=common_tags,
)

api_handler_log_group = aws.cloudwatch.LogGroup(
    f"payments-api-logs-{environment_suffix}",
    name=pulumi.Output.concat("/aws/lambda/", api_handler.name),
    retention_in_days=30,
    tags=common_tags,
)

aws.cloudwatch.MetricAlarm(
    f"payments-api-errors-{environment_suffix}",
    alarm_description="Lambda function api_handler failed 5 or more times in 5 minutes",
    namespace="AWS/Lambda",
    metric_name="Errors",
    dimensions={"FunctionName": api_handler.name},
    statistic="Sum",
    period=300,
    evaluation_periods=1,
    threshold=5,
    comparison_operator="GreaterThanOrEqualToThreshold",
    treat_missing_data="notBreaching",
    alarm_actions=[alarm_topic.arn],
    tags=common_tags,
)

aws.cloudwatch.MetricAlarm(
    f"payments-api-throttles-{environment_suffix}",
    alarm_description=(
        "Lambda function api_handler was throttled 1 or more times in 5 minutes"
    ),
    namespace="AWS/Lambda",
    metric_name="Throttles",
    dimensions={"FunctionName": api_handler.name},
    statistic="Sum",
    period=300,
    evaluation_periods=1,
    threshold=1,
    comparison_operator="GreaterThanOrEqualToThreshold",
    treat_missing_data="notBreaching",
    alarm_actions=[alarm_topic.arn],
    tags=common_tags,
)

settlement_handler_dlq = aws.sqs.Queue(
    f"settlement-handler-dlq-{environment_suffix}",
    message_retention_seconds=1209600,
    sqs_managed_sse_enabled=True,
    tags=common_tags,
)

settlement_handler_dlq_policy = aws.iam.RolePolicy(
    f"settlement-handler-dlq-policy-{environment_suffix}",
    role=lambda_role.id,
    policy=pulumi.Output.json_dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Action": "sqs:SendMessage",
                    "Resource": settlement_handler_dlq.arn,
                }
            ],
        }
    ),
)

# Books settlement reports published by the card processor.
settlement_handler = aws.lambda_.Function(
    f"settlement-handler-{environment_suffix}",
    runtime=lambda_runtime,
    handler="settlement.handler",
    role=lambda_role.arn,
    timeout=60,
    code=pulumi.FileArchive("./functions/settlement"),
    memory_size=128,
    tracing_config=aws.lambda_.FunctionTracingConfigArgs(mode="Active"),
    dead_letter_config=aws.lambda_.FunctionDeadLetterConfigArgs(
        target_arn=settlement_handler_dlq.arn
    ),
    tags=common_tags,
    opts=pulumi.ResourceOptions(depends_on=[settlement_handler_dlq_policy]),
)

settlement_handler_log_group = aws.cloudwatch.LogGroup(
    f"settlement-handler-logs-{environment_suffix}",
    name=pulumi.Output.concat("/aws/lambda/", settlement_handler.name),
    retention_in_days=30,
    tags=common_tags,
)

aws.cloudwatch.MetricAlarm(
    f"settlement-handler-errors-{environment_suffix}",
    alarm_description=(
        "Lambda function settlement_handler failed 5 or more times in 5 minutes"
    ),
    namespace="AWS/Lambda",
    metric_name="Errors",
    dimensions={"FunctionName": settlement_handler.name},
    statistic="Sum",
    period=300,
    evaluation_periods=1,
    threshold=5,
    comparison_operator="GreaterThanOrEqualToThreshold",
    treat_missing_data="notBreaching",
    alarm_actions=[alarm_topic.arn],
    tags=common_tags,
)

aws.cloudwatch.MetricAlarm(
    f"settlement-handler-throttles-{environment_suffix}",
    alarm_description=(
        "Lambda function settlement_handler was throttled 1 or more times in 5 minutes"
    ),
    namespace="AWS/Lambda",
    metric_name="Throttles",
    dimensions={"FunctionName": settlement_handler.name},
    statistic="Sum",
    period=300,
    evaluation_periods=1,
    threshold=1,
    comparison_operator="GreaterThanOrEqualToThreshold",
    treat_missing_data="notBreaching",
    alarm_actions=[alarm_topic.arn],
    tags=common_tags,
)

aws.cloudwatch.MetricAlarm(
    f"settlement-handler-dlq-messages-{environment_suffix}",
    alarm_description=(
        "Dead-letter queue settlement_handler_dlq holds more than 0 messages: messages "
        "failed processing"
    ),
    namespace="AWS/SQS",
    metric_name="ApproximateNumberOfMessagesVisible",
    dimensions={"QueueName": settlement_handler_dlq.name},
    statistic="Maximum",
    period=300,
    evaluation_periods=1,
    threshold=0,
    comparison_operator="GreaterThanThreshold",
    treat_missing_data="notBreaching",
    alarm_actions=[alarm_topic.arn],
    tags=common_tags,
)

aws.sns.TopicSubscription(
    f"settlement-subscription-{environment_suffix}",
    topic=settlement_topic.arn,
    protocol="lambda",
    endpoint=settlement_handler.arn,
)

aws.lambda_.Permission(
    f"settlement-invoke-{environment_suffix}",
    action="lambda:InvokeFunction",
    function=settlement_handler.name,
    principal="sns.amazonaws.com",
    source_arn=settlement_topic.arn,
)

# --- API --------------------------------------------------------------------

http_api = aws.apigatewayv2.Api(
    f"payments-http-api-{environment_suffix}",
    protocol_type="HTTP",
    tags=common_tags,
)

aws.cloudwatch.MetricAlarm(
    f"payments-http-api-4xx-errors-{environment_suffix}",
    alarm_description=(
        "HTTP API http_api answered 5 percent or more of its requests with a 4xx error "
        "(throttling included) in 5 minutes"
    ),
    namespace="AWS/ApiGateway",
    metric_name="4xx",
    dimensions={"ApiId": http_api.id},
    statistic="Average",
    period=300,
    evaluation_periods=1,
    threshold=0.05,
    comparison_operator="GreaterThanOrEqualToThreshold",
    treat_missing_data="notBreaching",
    alarm_actions=[alarm_topic.arn],
    tags=common_tags,
)

aws.cloudwatch.MetricAlarm(
    f"payments-http-api-5xx-errors-{environment_suffix}",
    alarm_description=(
        "HTTP API http_api answered 10 or more requests with a 5xx error in 5 minutes"
    ),
    namespace="AWS/ApiGateway",
    metric_name="5xx",
    dimensions={"ApiId": http_api.id},
    statistic="Sum",
    period=300,
    evaluation_periods=1,
    threshold=10,
    comparison_operator="GreaterThanOrEqualToThreshold",
    treat_missing_data="notBreaching",
    alarm_actions=[alarm_topic.arn],
    tags=common_tags,
)

integration = aws.apigatewayv2.Integration(
    f"payments-integration-{environment_suffix}",
    api_id=http_api.id,
    integration_type="AWS_PROXY",
    integration_uri=api_handler.invoke_arn,
    payload_format_version="2.0",
)

aws.apigatewayv2.Route(
    f"payments-route-{environment_suffix}",
    api_id=http_api.id,
    route_key="POST /payments",
    target=integration.id.apply(lambda integration_id: f"integrations/{integration_id}"),
)

api_stage_access_logs = aws.cloudwatch.LogGroup(
    f"payments-stage-access-logs-{environment_suffix}",
    retention_in_days=30,
    tags=common_tags,
)

api_stage = aws.apigatewayv2.Stage(
    f"payments-stage-{environment_suffix}",
    api_id=http_api.id,
    name="$default",
    auto_deploy=True,
    access_log_settings=aws.apigatewayv2.StageAccessLogSettingsArgs(
        destination_arn=api_stage_access_logs.arn,
        format=json.dumps(
            {
                "requestId": "$context.requestId",
                "ip": "$context.identity.sourceIp",
                "requestTime": "$context.requestTime",
                "httpMethod": "$context.httpMethod",
                "routeKey": "$context.routeKey",
                "status": "$context.status",
                "protocol": "$context.protocol",
                "responseLength": "$context.responseLength",
            }
        ),
    ),
    default_route_settings=aws.apigatewayv2.StageDefaultRouteSettingsArgs(
        throttling_burst_limit=200,
        throttling_rate_limit=100,
    ),
    tags=common_tags,
)

aws.lambda_.Permission(
    f"payments-api-invoke-{environment_suffix}",
    action="lambda:InvokeFunction",
    function=api_handler.name,
    principal="apigateway.amazonaws.com",
    source_arn=http_api.execution_arn.apply(lambda arn: f"{arn}/*/*"),
)

pulumi.export("api_url", api_stage.invoke_url)
pulumi.export("payment_queue_url", payment_queue.url)
pulumi.export("ledger_table", ledger_table.name)
pulumi.export("settlement_topic_arn", settlement_topic.arn)
pulumi.export("http_api_url", http_api.api_endpoint)
