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
}

# --- Keys and storage -------------------------------------------------------

data_key = aws.kms.Key(
    f"assessment-data-key-{environment_suffix}",
    description="Encrypts submissions, results and exam events",
    deletion_window_in_days=30,
    tags=base_tags,
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
    tags=base_tags,
)

results_table = aws.dynamodb.Table(
    f"results-{environment_suffix}",
    billing_mode="PAY_PER_REQUEST",
    hash_key="examId",
    attributes=[aws.dynamodb.TableAttributeArgs(name="examId", type="S")],
    deletion_protection_enabled=True,
    tags=base_tags,
)

exam_events = aws.kinesis.Stream(
    f"exam-events-{environment_suffix}",
    shard_count=2,
    tags=base_tags,
)

grading_queue = aws.sqs.Queue(
    f"grading-{environment_suffix}",
    visibility_timeout_seconds=300,
    tags=base_tags,
)

attachments_fs = aws.efs.FileSystem(
    f"attachments-{environment_suffix}",
    throughput_mode="elastic",
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
        ),
        aws.ec2.SecurityGroupIngressArgs(
            protocol="tcp",
            from_port=6379,
            to_port=6379,
            security_groups=[results_api_sg.id],
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
    length=16,
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
    performance_insights_enabled=True,
    performance_insights_retention_period=7,
    tags=base_tags,
)

reporting_db_secret = aws.secretsmanager.Secret(
    f"reporting-db-credentials-{environment_suffix}",
    name="assessments/reporting-db-credentials",
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
    tags=base_tags,
)

# --- Compute ----------------------------------------------------------------

workers_cluster = aws.ecs.Cluster(
    f"grading-workers-{environment_suffix}",
    tags=base_tags,
)

grader_logs = aws.cloudwatch.LogGroup(
    f"grader-logs-{environment_suffix}",
    name=f"/aws/lambda/grader-{environment_suffix}",
    tags=base_tags,
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
    policy=json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Action": ["secretsmanager:GetSecretValue"],
                    "Resource": "*",
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
    tags=base_tags,
    opts=pulumi.ResourceOptions(depends_on=[grader_logs]),
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
    tags=base_tags,
)

# --- Results API ------------------------------------------------------------

results_api = aws.apigateway.RestApi(
    f"results-api-{environment_suffix}",
    description="Candidate results",
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

results_stage = aws.apigateway.Stage(
    f"results-stage-{environment_suffix}",
    rest_api=results_api.id,
    deployment=deployment.id,
    stage_name=environment_suffix,
    tags=base_tags,
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
