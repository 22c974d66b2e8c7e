"""Assessment data platform: ingest exam events, grade submissions, serve results."""

import json

import pulumi
import pulumi_aws as aws
import pulumi_random as random

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or "dev"
vpc_id = config.get("vpcId")
vpc_subnet_ids = config.get_object("subnetIds") or []

base_tags = {
    "Project": "assessments",
    "CostCenter": "learning",
    "Environment": environment_suffix,
    "ManagedBy": "pulumi",
}

# --- Keys and storage -------------------------------------------------------

alarm_topic = aws.sns.Topic(
    "alarms",
    name=f"alarms-{environment_suffix}",
    tags=base_tags,
)

data_key = aws.kms.Key(
    f"assessment-data-key-{environment_suffix}",
    description="Encrypts submissions, results and exam events",
    deletion_window_in_days=30,
    enable_key_rotation=True,
    tags=base_tags,
    opts=pulumi.ResourceOptions(protect=True),
)

data_key_alias = aws.kms.Alias(
    f"assessment-data-key-alias-{environment_suffix}",
    name=f"alias/assessment-data-key-{environment_suffix}",
    target_key_id=data_key.key_id,
)

submissions_table = aws.dynamodb.Table(
    f"submissions-{environment_suffix}",
    billing_mode="PAY_PER_REQUEST",
    hash_key="candidateId",
    range_key="submittedAt",
    attributes=[
        aws.dynamodb.TableAttributeArgs(name="candidateId", type="S"),
        aws.dynamodb.TableAttributeArgs(name="submittedAt", type="S"),
    ],
    server_side_encryption=aws.dynamodb.TableServerSideEncryptionArgs(
        enabled=True,
        kms_key_arn=data_key.arn,
    ),
    point_in_time_recovery=aws.dynamodb.TablePointInTimeRecoveryArgs(enabled=True),
    tags=base_tags,
    opts=pulumi.ResourceOptions(protect=True),
)

aws.cloudwatch.MetricAlarm(
    f"submissions-read-throttles-{environment_suffix}",
    alarm_description=(
        "DynamoDB table submissions_table throttled 10 or more reads in 5 minutes"
    ),
    namespace="AWS/DynamoDB",
    metric_name="ReadThrottleEvents",
    dimensions={"TableName": submissions_table.name},
    statistic="Sum",
    period=300,
    evaluation_periods=1,
    threshold=10,
    comparison_operator="GreaterThanOrEqualToThreshold",
    treat_missing_data="notBreaching",
    alarm_actions=[alarm_topic.arn],
    tags=base_tags,
)

aws.cloudwatch.MetricAlarm(
    f"submissions-write-throttles-{environment_suffix}",
    alarm_description=(
        "DynamoDB table submissions_table throttled 10 or more writes in 5 minutes"
    ),
    namespace="AWS/DynamoDB",
    metric_name="WriteThrottleEvents",
    dimensions={"TableName": submissions_table.name},
    statistic="Sum",
    period=300,
    evaluation_periods=1,
    threshold=10,
    comparison_operator="GreaterThanOrEqualToThreshold",
    treat_missing_data="notBreaching",
    alarm_actions=[alarm_topic.arn],
    tags=base_tags,
)

results_table = aws.dynamodb.Table(
    f"results-{environment_suffix}",
    billing_mode="PAY_PER_REQUEST",
    hash_key="examId",
    attributes=[aws.dynamodb.TableAttributeArgs(name="examId", type="S")],
    deletion_protection_enabled=True,
    point_in_time_recovery=aws.dynamodb.TablePointInTimeRecoveryArgs(enabled=True),
    tags=base_tags,
    opts=pulumi.ResourceOptions(protect=True),
)

aws.cloudwatch.MetricAlarm(
    f"results-read-throttles-{environment_suffix}",
    alarm_description=(
        "DynamoDB table results_table throttled 10 or more reads in 5 minutes"
    ),
    namespace="AWS/DynamoDB",
    metric_name="ReadThrottleEvents",
    dimensions={"TableName": results_table.name},
    statistic="Sum",
    period=300,
    evaluation_periods=1,
    threshold=10,
    comparison_operator="GreaterThanOrEqualToThreshold",
    treat_missing_data="notBreaching",
    alarm_actions=[alarm_topic.arn],
    tags=base_tags,
)

aws.cloudwatch.MetricAlarm(
    f"results-write-throttles-{environment_suffix}",
    alarm_description=(
        "DynamoDB table results_table throttled 10 or more writes in 5 minutes"
    ),
    namespace="AWS/DynamoDB",
    metric_name="WriteThrottleEvents",
    dimensions={"TableName": results_table.name},
    statistic="Sum",
    period=300,
    evaluation_periods=1,
    threshold=10,
    comparison_operator="GreaterThanOrEqualToThreshold",
    treat_missing_data="notBreaching",
    alarm_actions=[alarm_topic.arn],
    tags=base_tags,
)

exam_events = aws.kinesis.Stream(
    f"exam-events-{environment_suffix}",
    shard_count=2,
    encryption_type="KMS",
    kms_key_id="alias/aws/kinesis",
    retention_period=24,
    shard_level_metrics=[
        "IncomingBytes",
        "IncomingRecords",
        "OutgoingBytes",
        "OutgoingRecords",
        "WriteProvisionedThroughputExceeded",
        "ReadProvisionedThroughputExceeded",
        "IteratorAgeMilliseconds",
    ],
    tags=base_tags,
)

aws.cloudwatch.MetricAlarm(
    f"exam-events-iterator-age-{environment_suffix}",
    alarm_description=(
        "Kinesis stream exam_events has unread records 12 hours old, 50 percent of its "
        "24-hour retention, after which they expire"
    ),
    namespace="AWS/Kinesis",
    metric_name="GetRecords.IteratorAgeMilliseconds",
    dimensions={"StreamName": exam_events.name},
    statistic="Maximum",
    period=300,
    evaluation_periods=1,
    threshold=43200000,
    comparison_operator="GreaterThanOrEqualToThreshold",
    treat_missing_data="notBreaching",
    alarm_actions=[alarm_topic.arn],
    tags=base_tags,
)

grading_queue_dlq = aws.sqs.Queue(
    f"grading-dlq-{environment_suffix}",
    message_retention_seconds=1209600,
    sqs_managed_sse_enabled=True,
    tags=base_tags,
)

grading_queue = aws.sqs.Queue(
    f"grading-{environment_suffix}",
    visibility_timeout_seconds=300,
    sqs_managed_sse_enabled=True,
    redrive_policy=pulumi.Output.json_dumps(
        {"deadLetterTargetArn": grading_queue_dlq.arn, "maxReceiveCount": 3}
    ),
    tags=base_tags,
)

aws.cloudwatch.MetricAlarm(
    f"grading-dlq-messages-{environment_suffix}",
    alarm_description=(
        "Dead-letter queue grading_queue_dlq holds more than 0 messages: messages "
        "failed processing"
    ),
    namespace="AWS/SQS",
    metric_name="ApproximateNumberOfMessagesVisible",
    dimensions={"QueueName": grading_queue_dlq.name},
    statistic="Maximum",
    period=300,
    evaluation_periods=1,
    threshold=0,
    comparison_operator="GreaterThanThreshold",
    treat_missing_data="notBreaching",
    alarm_actions=[alarm_topic.arn],
    tags=base_tags,
)

attachments_fs = aws.efs.FileSystem(
    f"attachments-{environment_suffix}",
    throughput_mode="elastic",
    encrypted=True,
    tags=base_tags,
)

# --- Reporting database and cache -------------------------------------------

results_api_sg = aws.ec2.SecurityGroup(
    f"results-api-sg-{environment_suffix}",
    description="Results API function",
    vpc_id=vpc_id,
    egress=[
        aws.ec2.SecurityGroupEgressArgs(
            protocol="-1",
            from_port=0,
            to_port=0,
            cidr_blocks=["0.0.0.0/0"],
            description="Allow all traffic to anywhere",
        ),
    ],
    tags=base_tags,
)

reporting_sg = aws.ec2.SecurityGroup(
    f"reporting-sg-{environment_suffix}",
    description="Reporting database and results cache",
    vpc_id=vpc_id,
    ingress=[
        aws.ec2.SecurityGroupIngressArgs(
            protocol="tcp",
            from_port=5432,
            to_port=5432,
            security_groups=[results_api_sg.id],
            description="Allow PostgreSQL (tcp/5432) from results_api_sg",
        ),
        aws.ec2.SecurityGroupIngressArgs(
            protocol="tcp",
            from_port=6379,
            to_port=6379,
            security_groups=[results_api_sg.id],
            description="Allow Redis (tcp/6379) from results_api_sg",
        ),
    ],
    tags=base_tags,
)

reporting_db_subnets = aws.rds.SubnetGroup(
    f"reporting-db-subnets-{environment_suffix}",
    subnet_ids=vpc_subnet_ids,
    tags=base_tags,
)

reporting_db_password = random.RandomPassword(
    f"reporting-db-password-{environment_suffix}",
    length=32,
    override_special="!#$%&*()-_=+[]{}<>:?",
)

reporting_db_params = aws.rds.ParameterGroup(
    f"reporting-db-params-{environment_suffix}",
    family="postgres16",
    description="postgres16 parameters of reporting_db",
    tags=base_tags,
)

reporting_db = aws.rds.Instance(
    f"reporting-db-{environment_suffix}",
    engine="postgres",
    engine_version="16.4",
    instance_class="db.t3.micro",
    allocated_storage=20,
    db_name="reporting",
    username="reporting",
    password=reporting_db_password.result,
    db_subnet_group_name=reporting_db_subnets.name,
    vpc_security_group_ids=[reporting_sg.id],
    performance_insights_enabled=False,
    storage_type="gp3",
    parameter_group_name=reporting_db_params.name,
    backup_retention_period=7,
    copy_tags_to_snapshot=True,
    deletion_protection=True,
    enabled_cloudwatch_logs_exports=["postgresql", "upgrade"],
    auto_minor_version_upgrade=True,
    backup_window="03:00-03:30",
    maintenance_window="sun:04:00-sun:04:30",
    tags=base_tags,
    opts=pulumi.ResourceOptions(protect=True),
)

aws.cloudwatch.MetricAlarm(
    f"reporting-db-cpu-{environment_suffix}",
    alarm_description=(
        "DB instance reporting_db used more than 80 percent of its CPU on average for "
        "5 minutes"
    ),
    namespace="AWS/RDS",
    metric_name="CPUUtilization",
    dimensions={"DBInstanceIdentifier": reporting_db.identifier},
    statistic="Average",
    period=300,
    evaluation_periods=1,
    threshold=80,
    comparison_operator="GreaterThanThreshold",
    treat_missing_data="notBreaching",
    alarm_actions=[alarm_topic.arn],
    tags=base_tags,
)

reporting_db_secret = aws.secretsmanager.Secret(
    f"reporting-db-credentials-{environment_suffix}",
    name=f"assessments/reporting-db-credentials-{environment_suffix}",
    description="Credentials of the reporting database",
    tags=base_tags,
)

aws.secretsmanager.SecretVersion(
    f"reporting-db-credentials-version-{environment_suffix}",
    secret_id=reporting_db_secret.id,
    secret_string=pulumi.Output.json_dumps(
        {
            "host": reporting_db.address,
            "username": "reporting",
            "password": reporting_db_password.result,
        }
    ),
)

results_cache_subnets = aws.elasticache.SubnetGroup(
    f"results-cache-subnets-{environment_suffix}",
    subnet_ids=vpc_subnet_ids,
    tags=base_tags,
)

results_cache_params = aws.elasticache.ParameterGroup(
    f"results-cache-params-{environment_suffix}",
    family="redis7",
    description="redis7 parameters of results_cache",
    tags=base_tags,
)

results_cache = aws.elasticache.ReplicationGroup(
    f"results-cache-{environment_suffix}",
    description="Caches published results",
    engine="redis",
    engine_version="7.1",
    node_type="cache.t4g.small",
    num_cache_clusters=2,
    port=6379,
    subnet_group_name=results_cache_subnets.name,
    security_group_ids=[reporting_sg.id],
    parameter_group_name=results_cache_params.name,
    at_rest_encryption_enabled=True,
    transit_encryption_enabled=True,
    automatic_failover_enabled=True,
    multi_az_enabled=True,
    snapshot_retention_limit=7,
    tags=base_tags,
)

# --- Compute ----------------------------------------------------------------

workers_cluster = aws.ecs.Cluster(
    f"grading-workers-{environment_suffix}",
    settings=[aws.ecs.ClusterSettingArgs(name="containerInsights", value="enabled")],
    tags=base_tags,
)

grader_logs = aws.cloudwatch.LogGroup(
    f"grader-logs-{environment_suffix}",
    name=f"/aws/lambda/grader-{environment_suffix}",
    retention_in_days=30,
    tags=base_tags,
    opts=pulumi.ResourceOptions(protect=True),
)

grader_role = aws.iam.Role(
    f"grader-role-{environment_suffix}",
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
    tags=base_tags,
)

aws.iam.RolePolicyAttachment(
    f"grader-role-xray-{environment_suffix}",
    role=grader_role.name,
    policy_arn="arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess",
)

aws.iam.RolePolicyAttachment(
    f"grader-basic-{environment_suffix}",
    role=grader_role.name,
    policy_arn="arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
)

aws.iam.RolePolicyAttachment(
    f"grader-vpc-access-{environment_suffix}",
    role=grader_role.name,
    policy_arn="arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole",
)

aws.iam.RolePolicy(
    f"grader-reporting-credentials-{environment_suffix}",
    role=grader_role.id,
    policy=pulumi.Output.json_dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Action": ["secretsmanager:GetSecretValue"],
                    "Resource": reporting_db_secret.arn,
                }
            ],
        }
    ),
)

grader = aws.lambda_.Function(
    f"grader-{environment_suffix}",
    runtime="python3.12",
    handler="grader.handler",
    role=grader_role.arn,
    code=pulumi.FileArchive("./functions/grader"),
    environment=aws.lambda_.FunctionEnvironmentArgs(
        variables={
            "SUBMISSIONS_TABLE": submissions_table.name,
            "RESULTS_TABLE": results_table.name,
        },
    ),
    timeout=3,
    memory_size=128,
    reserved_concurrent_executions=10,
    tracing_config=aws.lambda_.FunctionTracingConfigArgs(mode="Active"),
    tags=base_tags,
    opts=pulumi.ResourceOptions(depends_on=[grader_logs]),
)

grader_log_group = aws.cloudwatch.LogGroup(
    f"grader-log-group-{environment_suffix}",
    name=pulumi.Output.concat("/aws/lambda/", grader.name),
    retention_in_days=30,
    tags=base_tags,
)

aws.cloudwatch.MetricAlarm(
    f"grader-errors-{environment_suffix}",
    alarm_description="Lambda function grader failed 5 or more times in 5 minutes",
    namespace="AWS/Lambda",
    metric_name="Errors",
    dimensions={"FunctionName": grader.name},
    statistic="Sum",
    period=300,
    evaluation_periods=1,
    threshold=5,
    comparison_operator="GreaterThanOrEqualToThreshold",
    treat_missing_data="notBreaching",
    alarm_actions=[alarm_topic.arn],
    tags=base_tags,
)

aws.cloudwatch.MetricAlarm(
    f"grader-throttles-{environment_suffix}",
    alarm_description=(
        "Lambda function grader was throttled 1 or more times in 5 minutes"
    ),
    namespace="AWS/Lambda",
    metric_name="Throttles",
    dimensions={"FunctionName": grader.name},
    statistic="Sum",
    period=300,
    evaluation_periods=1,
    threshold=1,
    comparison_operator="GreaterThanOrEqualToThreshold",
    treat_missing_data="notBreaching",
    alarm_actions=[alarm_topic.arn],
    tags=base_tags,
)

aws.lambda_.EventSourceMapping(
    f"grader-queue-mapping-{environment_suffix}",
    event_source_arn=grading_queue.arn,
    function_name=grader.arn,
    batch_size=10,
)

results_api_handler = aws.lambda_.Function(
    f"results-api-{environment_suffix}",
    runtime="python3.12",
    handler="results.handler",
    role=grader_role.arn,
    timeout=10,
    memory_size=256,
    code=pulumi.FileArchive("./functions/results"),
    environment=aws.lambda_.FunctionEnvironmentArgs(
        variables={
            "REPORTING_DB_SECRET_ARN": reporting_db_secret.arn,
            "RESULTS_CACHE_HOST": results_cache.primary_endpoint_address,
        },
    ),
    vpc_config=aws.lambda_.FunctionVpcConfigArgs(
        subnet_ids=vpc_subnet_ids,
        security_group_ids=[results_api_sg.id],
    ),
    reserved_concurrent_executions=10,
    tracing_config=aws.lambda_.FunctionTracingConfigArgs(mode="Active"),
    tags=base_tags,
)

results_api_handler_log_group = aws.cloudwatch.LogGroup(
    f"results-api-logs-{environment_suffix}",
    name=pulumi.Output.concat("/aws/lambda/", results_api_handler.name),
    retention_in_days=30,
    tags=base_tags,
)

aws.cloudwatch.MetricAlarm(
    f"results-api-errors-{environment_suffix}",
    alarm_description=(
        "Lambda function results_api_handler failed 5 or more times in 5 minutes"
    ),
    namespace="AWS/Lambda",
    metric_name="Errors",
    dimensions={"FunctionName": results_api_handler.name},
    statistic="Sum",
    period=300,
    evaluation_periods=1,
    threshold=5,
    comparison_operator="GreaterThanOrEqualToThreshold",
    treat_missing_data="notBreaching",
    alarm_actions=[alarm_topic.arn],
    tags=base_tags,
)

aws.cloudwatch.MetricAlarm(
    f"results-api-throttles-{environment_suffix}",
    alarm_description=(
        "Lambda function results_api_handler was throttled 1 or more times in 5 "
        "minutes"
    ),
    namespace="AWS/Lambda",
    metric_name="Throttles",
    dimensions={"FunctionName": results_api_handler.name},
    statistic="Sum",
    period=300,
    evaluation_periods=1,
    threshold=1,
    comparison_operator="GreaterThanOrEqualToThreshold",
    treat_missing_data="notBreaching",
    alarm_actions=[alarm_topic.arn],
    tags=base_tags,
)

# --- Results API ------------------------------------------------------------

results_api = aws.apigateway.RestApi(
    f"results-api-{environment_suffix}",
    description="Candidate results",
    tags=base_tags,
)

aws.cloudwatch.MetricAlarm(
    f"results-api-4xx-errors-{environment_suffix}",
    alarm_description=(
        "REST API results_api answered 5 percent or more of its requests with a 4XX "
        "error (throttling included) in 5 minutes"
    ),
    namespace="AWS/ApiGateway",
    metric_name="4XXError",
    dimensions={"ApiName": results_api.name},
    statistic="Average",
    period=300,
    evaluation_periods=1,
    threshold=0.05,
    comparison_operator="GreaterThanOrEqualToThreshold",
    treat_missing_data="notBreaching",
    alarm_actions=[alarm_topic.arn],
    tags=base_tags,
)

aws.cloudwatch.MetricAlarm(
    f"results-api-5xx-errors-{environment_suffix}",
    alarm_description=(
        "REST API results_api answered 10 or more requests with a 5XX error in 5 "
        "minutes"
    ),
    namespace="AWS/ApiGateway",
    metric_name="5XXError",
    dimensions={"ApiName": results_api.name},
    statistic="Sum",
    period=300,
    evaluation_periods=1,
    threshold=10,
    comparison_operator="GreaterThanOrEqualToThreshold",
    treat_missing_data="notBreaching",
    alarm_actions=[alarm_topic.arn],
    tags=base_tags,
)

proxy = aws.apigateway.Resource(
    f"results-proxy-{environment_suffix}",
    rest_api=results_api.id,
    parent_id=results_api.root_resource_id,
    path_part="{proxy+}",
)

proxy_any = aws.apigateway.Method(
    f"results-proxy-any-{environment_suffix}",
    rest_api=results_api.id,
    resource_id=proxy.id,
    http_method="ANY",
    authorization="AWS_IAM",
)

proxy_integration = aws.apigateway.Integration(
    f"results-proxy-integration-{environment_suffix}",
    rest_api=results_api.id,
    resource_id=proxy.id,
    http_method=proxy_any.http_method,
    integration_http_method="POST",
    type="AWS_PROXY",
    uri=results_api_handler.invoke_arn,
)

deployment = aws.apigateway.Deployment(
    f"results-deployment-{environment_suffix}",
    rest_api=results_api.id,
    opts=pulumi.ResourceOptions(depends_on=[proxy_integration]),
)

results_stage_access_logs = aws.cloudwatch.LogGroup(
    f"results-stage-access-logs-{environment_suffix}",
    retention_in_days=30,
    tags=base_tags,
)

results_stage = aws.apigateway.Stage(
    f"results-stage-{environment_suffix}",
    rest_api=results_api.id,
    deployment=deployment.id,
    stage_name=environment_suffix,
    access_log_settings=aws.apigateway.StageAccessLogSettingsArgs(
        destination_arn=results_stage_access_logs.arn,
        format=json.dumps(
            {
                "requestId": "$context.requestId",
                "ip": "$context.identity.sourceIp",
                "requestTime": "$context.requestTime",
                "httpMethod": "$context.httpMethod",
                "resourcePath": "$context.resourcePath",
                "status": "$context.status",
                "protocol": "$context.protocol",
                "responseLength": "$context.responseLength",
            }
        ),
    ),
    xray_tracing_enabled=True,
    tags=base_tags,
)

results_stage_method_settings = aws.apigateway.MethodSettings(
    f"results-stage-method-settings-{environment_suffix}",
    rest_api=results_stage.rest_api,
    stage_name=results_stage.stage_name,
    method_path="*/*",
    settings=aws.apigateway.MethodSettingsSettingsArgs(
        throttling_burst_limit=200,
        throttling_rate_limit=100,
    ),
)

aws.lambda_.Permission(
    f"results-api-invoke-{environment_suffix}",
    action="lambda:InvokeFunction",
    function=results_api_handler.name,
    principal="apigateway.amazonaws.com",
    source_arn=results_api.execution_arn.apply(lambda arn: f"{arn}/*/*"),
)

pulumi.export("results_url", results_stage.invoke_url)
pulumi.export("exam_events_stream", exam_events.name)
pulumi.export("grading_queue_url", grading_queue.url)
pulumi.export("submissions_table_name", submissions_table.name)
pulumi.export("results_table_name", results_table.name)
pulumi.export("reporting_db_endpoint", reporting_db.address)
pulumi.export("results_cache_endpoint", results_cache.primary_endpoint_address)
