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

# --- Network ----------------------------------------------------------------

# Two zones: the merchants database and the idempotency cache use the private subnets.
zones = aws.get_availability_zones(state="available")

vpc = aws.ec2.Vpc(
    f"payments-vpc-{environment_suffix}",
    cidr_block="10.30.0.0/16",
    enable_dns_hostnames=True,
    tags=common_tags,
)

internet_gateway = aws.ec2.InternetGateway(
    f"payments-igw-{environment_suffix}",
    vpc_id=vpc.id,
    tags=common_tags,
)

public_subnet_a = aws.ec2.Subnet(
    f"payments-public-a-{environment_suffix}",
    vpc_id=vpc.id,
    cidr_block="10.30.0.0/24",
    availability_zone=zones.names[0],
    map_public_ip_on_launch=True,
    tags=common_tags,
)
private_subnet_a = aws.ec2.Subnet(
    f"payments-private-a-{environment_suffix}",
    vpc_id=vpc.id,
    cidr_block="10.30.10.0/24",
    availability_zone=zones.names[0],
    tags=common_tags,
)
private_subnet_b = aws.ec2.Subnet(
    f"payments-private-b-{environment_suffix}",
    vpc_id=vpc.id,
    cidr_block="10.30.11.0/24",
    availability_zone=zones.names[1],
    tags=common_tags,
)

public_routes = aws.ec2.RouteTable(
    f"payments-public-{environment_suffix}",
    vpc_id=vpc.id,
    tags=common_tags,
)
aws.ec2.Route(
    f"payments-public-egress-{environment_suffix}",
    route_table_id=public_routes.id,
    destination_cidr_block="0.0.0.0/0",
    gateway_id=internet_gateway.id,
)
aws.ec2.RouteTableAssociation(
    f"payments-public-a-{environment_suffix}",
    subnet_id=public_subnet_a.id,
    route_table_id=public_routes.id,
)

nat_eip = aws.ec2.Eip(
    f"payments-nat-{environment_suffix}",
    domain="vpc",
    tags=common_tags,
)
nat_gateway = aws.ec2.NatGateway(
    f"payments-nat-{environment_suffix}",
    allocation_id=nat_eip.id,
    subnet_id=public_subnet_a.id,
    tags=common_tags,
)

private_routes = aws.ec2.RouteTable(
    f"payments-private-{environment_suffix}",
    vpc_id=vpc.id,
    tags=common_tags,
)
aws.ec2.Route(
    f"payments-private-egress-{environment_suffix}",
    route_table_id=private_routes.id,
    destination_cidr_block="0.0.0.0/0",
    nat_gateway_id=nat_gateway.id,
)
aws.ec2.RouteTableAssociation(
    f"payments-private-a-{environment_suffix}",
    subnet_id=private_subnet_a.id,
    route_table_id=private_routes.id,
)
aws.ec2.RouteTableAssociation(
    f"payments-private-b-{environment_suffix}",
    subnet_id=private_subnet_b.id,
    route_table_id=private_routes.id,
)

data_stores_sg = aws.ec2.SecurityGroup(
    f"payments-data-stores-{environment_suffix}",
    description="Postgres and Redis, reachable from inside the VPC",
    vpc_id=vpc.id,
    ingress=[
        aws.ec2.SecurityGroupIngressArgs(
            description="Postgres from the VPC",
            protocol="tcp",
            from_port=5432,
            to_port=5432,
            cidr_blocks=["10.30.0.0/16"],
        ),
        aws.ec2.SecurityGroupIngressArgs(
            description="Redis from the VPC",
            protocol="tcp",
            from_port=6379,
            to_port=6379,
            cidr_blocks=["10.30.0.0/16"],
        ),
    ],
    tags=common_tags,
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

# Merchant accounts, fee schedules and payout details.
merchants_db_subnets = aws.rds.SubnetGroup(
    f"merchants-db-subnets-{environment_suffix}",
    subnet_ids=[private_subnet_a.id, private_subnet_b.id],
    tags=common_tags,
)

merchants_db_params = aws.rds.ParameterGroup(
    f"merchants-db-params-{environment_suffix}",
    family="postgres16",
    description="postgres16 parameters of merchants_db",
    tags=common_tags,
)

merchants_db = aws.rds.Instance(
    f"merchants-db-{environment_suffix}",
    engine="postgres",
    engine_version="16.9",
    instance_class="db.t4g.medium",
    allocated_storage=50,
    storage_encrypted=True,
    kms_key_id=payments_key.arn,
    db_name="merchants",
    username="payments",
    manage_master_user_password=True,
    db_subnet_group_name=merchants_db_subnets.name,
    vpc_security_group_ids=[data_stores_sg.id],
    storage_type="gp3",
    parameter_group_name=merchants_db_params.name,
    backup_retention_period=7,
    copy_tags_to_snapshot=True,
    deletion_protection=True,
    enabled_cloudwatch_logs_exports=["postgresql", "upgrade"],
    auto_minor_version_upgrade=True,
    backup_window="03:00-03:30",
    maintenance_window="sun:04:00-sun:04:30",
    tags=common_tags,
    opts=pulumi.ResourceOptions(protect=True),
)

aws.cloudwatch.MetricAlarm(
    f"merchants-db-cpu-{environment_suffix}",
    alarm_description=(
        "DB instance merchants_db used more than 80 percent of its CPU on average for 5 "
        "minutes"
    ),
    namespace="AWS/RDS",
    metric_name="CPUUtilization",
    dimensions={"DBInstanceIdentifier": merchants_db.identifier},
    statistic="Average",
    period=300,
    evaluation_periods=1,
    threshold=80,
    comparison_operator="GreaterThanThreshold",
    treat_missing_data="notBreaching",
    alarm_actions=[alarm_topic.arn],
    tags=common_tags,
)

# Idempotency keys of recent payment requests: a retried request is not charged twice.
idempotency_cache_subnets = aws.elasticache.SubnetGroup(
    f"idempotency-cache-subnets-{environment_suffix}",
    subnet_ids=[private_subnet_a.id, private_subnet_b.id],
    tags=common_tags,
)

idempotency_cache_params = aws.elasticache.ParameterGroup(
    f"idempotency-cache-params-{environment_suffix}",
    family="redis7",
    description="redis7 parameters of idempotency_cache",
    tags=common_tags,
)

idempotency_cache = aws.elasticache.ReplicationGroup(
    f"idempotency-cache-{environment_suffix}",
    description="Idempotency keys of recent payment requests",
    engine="redis",
    engine_version="7.1",
    node_type="cache.t4g.small",
    num_cache_clusters=2,
    port=6379,
    subnet_group_name=idempotency_cache_subnets.name,
    security_group_ids=[data_stores_sg.id],
    parameter_group_name=idempotency_cache_params.name,
    at_rest_encryption_enabled=True,
    transit_encryption_enabled=True,
    automatic_failover_enabled=True,
    multi_az_enabled=True,
    snapshot_retention_limit=7,
    tags=common_tags,
)

# --- Checkout page ----------------------------------------------------------

# The static checkout page merchants embed; it calls the HTTP API below.
checkout_site = aws.s3.Bucket(
    f"payments-checkout-{environment_suffix}",
    tags=common_tags,
    opts=pulumi.ResourceOptions(protect=True),
)

aws.s3.BucketWebsiteConfiguration(
    f"payments-checkout-{environment_suffix}",
    bucket=checkout_site.id,
    index_document=aws.s3.BucketWebsiteConfigurationIndexDocumentArgs(
        suffix="index.html",
    ),
)

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
    reserved_concurrent_executions=10,
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
    reserved_concurrent_executions=10,
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
    cors_configuration=aws.apigatewayv2.ApiCorsConfigurationArgs(
        allow_origins=["https://app.example.com"],
        allow_methods=["*"],
        allow_headers=["Authorization", "Content-Type"],
    ),
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
pulumi.export("merchants_db_endpoint", merchants_db.address)
pulumi.export("idempotency_cache_endpoint", idempotency_cache.primary_endpoint_address)
pulumi.export("http_api_url", http_api.api_endpoint)
