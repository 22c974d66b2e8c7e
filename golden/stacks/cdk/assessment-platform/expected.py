"""Assessment platform: candidates submit code, graders run it in containers, results are scored."""

from aws_cdk import (
    CfnOutput,
    Duration,
    RemovalPolicy,
    Stack,
    Tags,
    aws_apigateway as apigateway,
    aws_cloudwatch as cloudwatch,
    aws_cloudwatch_actions as cw_actions,
    aws_dynamodb as dynamodb,
    aws_ec2 as ec2,
    aws_ecs as ecs,
    aws_efs as efs,
    aws_iam as iam,
    aws_kinesis as kinesis,
    aws_kms as kms,
    aws_lambda as _lambda,
    aws_lambda_event_sources as event_sources,
    aws_logs as logs,
    aws_rds as rds,
    aws_secretsmanager as secretsmanager,
    aws_sns as sns,
    aws_sqs as sqs,
)
from constructs import Construct


class AssessmentPlatformStack(Stack):
    """Submission API, grading cluster and the stores they share."""

    def __init__(self, scope: Construct, construct_id: str, environment_suffix: str = "dev", **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        alarm_topic = sns.Topic(self, "AlarmTopic", topic_name=f"alarms-{environment_suffix}")

        # Candidate code and results are personal data: one key for all stores
        data_key = kms.Key(
            self,
            "AssessmentDataKey",
            description=f"Assessment platform data ({environment_suffix})",
            removal_policy=RemovalPolicy.RETAIN,
            enable_key_rotation=True,
            alias=f"alias/assessment-data-key-{environment_suffix}",
        )

        submissions_table = dynamodb.TableV2(
            self,
            "SubmissionsTable",
            table_name=f"assessment-submissions-{environment_suffix}",
            partition_key=dynamodb.Attribute(name="submission_id", type=dynamodb.AttributeType.STRING),
            encryption=dynamodb.TableEncryptionV2.customer_managed_key(data_key),
            removal_policy=RemovalPolicy.RETAIN,
            point_in_time_recovery_specification=dynamodb.PointInTimeRecoverySpecification(
                point_in_time_recovery_enabled=True,
            ),
        )
        submissions_table.metric("ReadThrottleEvents", statistic="Sum").create_alarm(
            self,
            "SubmissionsTableReadThrottles",
            alarm_name=f"assessment-submissions-read-throttles-{environment_suffix}",
            alarm_description="DynamoDB table SubmissionsTable throttled 10 or more reads in 5 minutes",
            threshold=10,
            evaluation_periods=1,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        ).add_alarm_action(cw_actions.SnsAction(alarm_topic))
        submissions_table.metric("WriteThrottleEvents", statistic="Sum").create_alarm(
            self,
            "SubmissionsTableWriteThrottles",
            alarm_name=f"assessment-submissions-write-throttles-{environment_suffix}",
            alarm_description="DynamoDB table SubmissionsTable throttled 10 or more writes in 5 minutes",
            threshold=10,
            evaluation_periods=1,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        ).add_alarm_action(cw_actions.SnsAction(alarm_topic))
        CfnOutput(self, "SubmissionsTableName", value=submissions_table.table_name)
        results_table = dynamodb.Table(
            self,
            "ResultsTable",
            table_name=f"assessment-results-{environment_suffix}",
            partition_key=dynamodb.Attribute(name="candidate_id", type=dynamodb.AttributeType.STRING),
            sort_key=dynamodb.Attribute(name="submission_id", type=dynamodb.AttributeType.STRING),
            billing_mode=dynamodb.BillingMode.PAY_PER_REQUEST,
            encryption=dynamodb.TableEncryption.CUSTOMER_MANAGED,
            encryption_key=data_key,
            removal_policy=RemovalPolicy.RETAIN,
            point_in_time_recovery_specification=dynamodb.PointInTimeRecoverySpecification(
                point_in_time_recovery_enabled=True,
            ),
        )

        results_table.metric("ReadThrottleEvents", statistic="Sum").create_alarm(
            self,
            "ResultsTableReadThrottles",
            alarm_name=f"assessment-results-read-throttles-{environment_suffix}",
            alarm_description="DynamoDB table ResultsTable throttled 10 or more reads in 5 minutes",
            threshold=10,
            evaluation_periods=1,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        ).add_alarm_action(cw_actions.SnsAction(alarm_topic))

        results_table.metric("WriteThrottleEvents", statistic="Sum").create_alarm(
            self,
            "ResultsTableWriteThrottles",
            alarm_name=f"assessment-results-write-throttles-{environment_suffix}",
            alarm_description="DynamoDB table ResultsTable throttled 10 or more writes in 5 minutes",
            threshold=10,
            evaluation_periods=1,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        ).add_alarm_action(cw_actions.SnsAction(alarm_topic))

        CfnOutput(self, "ResultsTableName", value=results_table.table_name)

        # Every submission is recorded on the stream before it is graded
        submission_stream = kinesis.Stream(
            self,
            "SubmissionStream",
            stream_name=f"assessment-submissions-{environment_suffix}",
            shard_count=2,
            encryption=kinesis.StreamEncryption.MANAGED,
            retention_period=Duration.hours(24),
        )
        submission_stream.metric_get_records_iterator_age_milliseconds().create_alarm(
            self,
            "SubmissionStreamIteratorAge",
            alarm_name=f"assessment-submissions-iterator-age-{environment_suffix}",
            alarm_description=(
                "Kinesis stream SubmissionStream has unread records 12 hours old, 50 percent of its 24-hour "
                "retention, after which they expire"
            ),
            threshold=43200000,
            evaluation_periods=1,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        ).add_alarm_action(cw_actions.SnsAction(alarm_topic))
        grading_dlq = sqs.Queue(
            self,
            "GradingQueueDlq",
            queue_name=f"assessment-grading-dlq-{environment_suffix}",
            retention_period=Duration.days(14),
            encryption=sqs.QueueEncryption.SQS_MANAGED,
        )
        grading_queue = sqs.Queue(
            self,
            "GradingQueue",
            queue_name=f"assessment-grading-{environment_suffix}",
            visibility_timeout=Duration.minutes(15),
            encryption=sqs.QueueEncryption.SQS_MANAGED,
            dead_letter_queue=sqs.DeadLetterQueue(max_receive_count=3, queue=grading_dlq),
        )

        grading_dlq.metric_approximate_number_of_messages_visible().create_alarm(
            self,
            "GradingQueueDlqMessages",
            alarm_name=f"assessment-grading-dlq-messages-{environment_suffix}",
            alarm_description=(
                "Dead-letter queue GradingQueueDlq holds more than 0 messages: messages failed processing"
            ),
            threshold=0,
            evaluation_periods=1,
            comparison_operator=cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        ).add_alarm_action(cw_actions.SnsAction(alarm_topic))

        CfnOutput(self, "GradingQueueUrl", value=grading_queue.queue_url)

        # Graders run untrusted code in Fargate tasks, isolated from the API
        vpc = ec2.Vpc(self, "GradingVpc", max_azs=2)
        cluster = ecs.Cluster(
            self,
            "GradingCluster",
            cluster_name=f"assessment-grading-{environment_suffix}",
            vpc=vpc,
            container_insights_v2=ecs.ContainerInsights.ENABLED,
        )
        grader_sg = ec2.SecurityGroup(self, "GraderSecurityGroup", vpc=vpc)
        fixtures_sg = ec2.SecurityGroup(self, "FixturesSecurityGroup", vpc=vpc)
        fixtures_sg.add_ingress_rule(
            grader_sg,
            ec2.Port.tcp(2049),
            description="Allow NFS (tcp/2049) from GraderSecurityGroup",
        )
        fixtures_fs = efs.CfnFileSystem(
            self,
            "FixturesFileSystem",
            performance_mode="generalPurpose",
            throughput_mode="elastic",
            encrypted=True,
        )
        for i, subnet in enumerate(vpc.private_subnets):
            efs.CfnMountTarget(
                self,
                f"FixturesMountTarget{i}",
                file_system_id=fixtures_fs.ref,
                subnet_id=subnet.subnet_id,
                security_groups=[fixtures_sg.security_group_id],
            )

        grader_logs = logs.LogGroup(
            self,
            "GraderLogs",
            log_group_name=f"/assessment/{environment_suffix}/grader",
            removal_policy=RemovalPolicy.DESTROY,
        )

        # Graders present this token to the fixtures service for the hidden test cases
        grader_token = secretsmanager.Secret(
            self,
            "GraderApiToken",
            secret_name=f"assessment/grader-api-token-{environment_suffix}",
            description=f"Grader token for the fixtures service ({environment_suffix})",
            generate_secret_string=secretsmanager.SecretStringGenerator(
                password_length=32,
                exclude_characters="/@ \"'\\",
            ),
        )
        grader_task = ecs.FargateTaskDefinition(self, "GraderTask", cpu=1024, memory_limit_mib=2048)
        grader_task.add_container(
            "grader",
            image=ecs.ContainerImage.from_registry("public.ecr.aws/docker/library/python:3.12-slim"),
            logging=ecs.LogDrivers.aws_logs(stream_prefix="grader", log_group=grader_logs),
            environment={
                "RESULTS_TABLE": results_table.table_name,
                "FIXTURES_TOKEN_SECRET_ARN": grader_token.secret_arn,
            },
        )
        results_table.grant_read_write_data(grader_task.task_role)
        grader_task.add_to_task_role_policy(
            iam.PolicyStatement(
                actions=["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
                resources=[grader_token.secret_arn],
            )
        )

        # Scores for the reporting dashboards; a small instance while the platform is in pilot
        reporting_db_sg = ec2.SecurityGroup(self, "ReportingDbSecurityGroup", vpc=vpc)
        reporting_db_sg.add_ingress_rule(
            ec2.Peer.ipv4("10.100.0.0/16"),
            ec2.Port.tcp(5432),
            description="Allow PostgreSQL (tcp/5432) from 10.100.0.0/16",
        )
        reporting_db_parameter_group = rds.ParameterGroup(
            self,
            "ReportingDatabaseParameterGroup",
            engine=rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.VER_16_4),
        )
        reporting_db = rds.DatabaseInstance(
            self,
            "ReportingDatabase",
            engine=rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.VER_16_4),
            instance_type=ec2.InstanceType.of(ec2.InstanceClass.T3, ec2.InstanceSize.MICRO),
            vpc=vpc,
            vpc_subnets=ec2.SubnetSelection(subnet_type=ec2.SubnetType.PRIVATE_WITH_EGRESS),
            security_groups=[reporting_db_sg],
            credentials=rds.Credentials.from_generated_secret("reporting"),
            storage_encryption_key=data_key,
            enable_performance_insights=False,
            removal_policy=RemovalPolicy.RETAIN,
            storage_type=rds.StorageType.GP3,
            parameter_group=reporting_db_parameter_group,
            backup_retention=Duration.days(7),
            deletion_protection=True,
            cloudwatch_logs_exports=["postgresql", "upgrade"],
            preferred_backup_window="03:00-03:30",
            preferred_maintenance_window="sun:04:00-sun:04:30",
        )

        reporting_db.metric_cpu_utilization().create_alarm(
            self,
            "ReportingDatabaseCpu",
            alarm_description=(
                "DB instance ReportingDatabase used more than 80 percent of its CPU on average for 5 minutes"
            ),
            threshold=80,
            evaluation_periods=1,
            comparison_operator=cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        ).add_alarm_action(cw_actions.SnsAction(alarm_topic))

        audit_log_group = logs.CfnLogGroup(
            self,
            "AuditLogGroup",
            log_group_name=f"/assessment/{environment_suffix}/audit",
            retention_in_days=30,
        )

        function_env = {
            "SUBMISSIONS_TABLE": submissions_table.table_name,
            "RESULTS_TABLE": results_table.table_name,
            "SUBMISSION_STREAM": submission_stream.stream_name,
            "GRADING_QUEUE_URL": grading_queue.queue_url,
            "AUDIT_LOG_GROUP": audit_log_group.ref,
        }

        submit_fn_log_group = logs.LogGroup(
            self,
            "SubmitFunctionLogGroup",
            retention=logs.RetentionDays.ONE_MONTH,
        )

        submit_fn = _lambda.Function(
            self,
            "SubmitFunction",
            function_name=f"assessment-submit-{environment_suffix}",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="submit.handler",
            code=_lambda.Code.from_asset("lambda/submit"),
            environment=function_env,
            timeout=Duration.seconds(3),
            memory_size=128,
            reserved_concurrent_executions=10,
            log_group=submit_fn_log_group,
            tracing=_lambda.Tracing.ACTIVE,
        )
        submit_fn.metric_errors().create_alarm(
            self,
            "SubmitFunctionErrors",
            alarm_name=f"assessment-submit-errors-{environment_suffix}",
            alarm_description="Lambda function SubmitFunction failed 5 or more times in 5 minutes",
            threshold=5,
            evaluation_periods=1,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        ).add_alarm_action(cw_actions.SnsAction(alarm_topic))
        submit_fn.metric_throttles().create_alarm(
            self,
            "SubmitFunctionThrottles",
            alarm_name=f"assessment-submit-throttles-{environment_suffix}",
            alarm_description="Lambda function SubmitFunction was throttled 1 or more times in 5 minutes",
            threshold=1,
            evaluation_periods=1,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        ).add_alarm_action(cw_actions.SnsAction(alarm_topic))
        submissions_table.grant_write_data(submit_fn)
        submission_stream.grant_write(submit_fn)

        dispatch_fn_log_group = logs.LogGroup(
            self,
            "DispatchFunctionLogGroup",
            retention=logs.RetentionDays.ONE_MONTH,
        )

        # Fans submissions out to the grading queue
        dispatch_fn = _lambda.Function(
            self,
            "DispatchFunction",
            function_name=f"assessment-dispatch-{environment_suffix}",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="dispatch.handler",
            code=_lambda.Code.from_asset("lambda/dispatch"),
            environment=function_env,
            timeout=Duration.seconds(60),
            memory_size=128,
            reserved_concurrent_executions=10,
            log_group=dispatch_fn_log_group,
            tracing=_lambda.Tracing.ACTIVE,
        )
        dispatch_fn.add_event_source(
            event_sources.KinesisEventSource(
                submission_stream,
                starting_position=_lambda.StartingPosition.TRIM_HORIZON,
                batch_size=50,
            )
        )
        dispatch_fn.metric_errors().create_alarm(
            self,
            "DispatchFunctionErrors",
            alarm_name=f"assessment-dispatch-errors-{environment_suffix}",
            alarm_description="Lambda function DispatchFunction failed 5 or more times in 5 minutes",
            threshold=5,
            evaluation_periods=1,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        ).add_alarm_action(cw_actions.SnsAction(alarm_topic))
        dispatch_fn.metric_throttles().create_alarm(
            self,
            "DispatchFunctionThrottles",
            alarm_name=f"assessment-dispatch-throttles-{environment_suffix}",
            alarm_description="Lambda function DispatchFunction was throttled 1 or more times in 5 minutes",
            threshold=1,
            evaluation_periods=1,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        ).add_alarm_action(cw_actions.SnsAction(alarm_topic))
        grading_queue.grant_send_messages(dispatch_fn)

        api_access_logs = logs.LogGroup(
            self,
            "AssessmentApiAccessLogs",
            log_group_name=f"assessment-api-access-logs-{environment_suffix}",
            retention=logs.RetentionDays.ONE_MONTH,
        )

        api = apigateway.LambdaRestApi(
            self,
            "AssessmentApi",
            rest_api_name=f"assessment-api-{environment_suffix}",
            handler=submit_fn,
            proxy=False,
            deploy_options=apigateway.StageOptions(
                access_log_destination=apigateway.LogGroupLogDestination(api_access_logs),
                access_log_format=apigateway.AccessLogFormat.json_with_standard_fields(
                    caller=False,
                    http_method=True,
                    ip=True,
                    protocol=True,
                    request_time=True,
                    resource_path=True,
                    response_length=True,
                    status=True,
                    user=False,
                ),
                tracing_enabled=True,
                throttling_rate_limit=100,
                throttling_burst_limit=200,
            ),
        )
        api.metric("4XXError", statistic="Average").create_alarm(
            self,
            "AssessmentApi4xxErrors",
            alarm_name=f"assessment-api-4xx-errors-{environment_suffix}",
            alarm_description=(
                "REST API AssessmentApi answered 5 percent or more of its requests with a 4XX error "
                "(throttling included) in 5 minutes"
            ),
            threshold=0.05,
            evaluation_periods=1,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        ).add_alarm_action(cw_actions.SnsAction(alarm_topic))
        api.metric_server_error().create_alarm(
            self,
            "AssessmentApi5xxErrors",
            alarm_name=f"assessment-api-5xx-errors-{environment_suffix}",
            alarm_description=(
                "REST API AssessmentApi answered 10 or more requests with a 5XX error in 5 minutes"
            ),
            threshold=10,
            evaluation_periods=1,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        ).add_alarm_action(cw_actions.SnsAction(alarm_topic))
        submissions = api.root.add_resource("submissions")
        submissions.add_method("POST")

        # Results export for the analytics account: its code is built and uploaded by the
        # analytics team's pipeline, so the function points at their artifact by key
        export_role = iam.Role(
            self,
            "ResultsExportRole",
            assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"),
            managed_policies=[
                iam.ManagedPolicy.from_aws_managed_policy_name("service-role/AWSLambdaBasicExecutionRole"),
                iam.ManagedPolicy.from_aws_managed_policy_name("AWSXRayDaemonWriteAccess"),
            ],
        )
        results_table.grant_read_data(export_role)
        _lambda.CfnFunction(
            self,
            "ResultsExportFunction",
            runtime="python3.12",
            handler="export.handler",
            role=export_role.role_arn,
            code=_lambda.CfnFunction.CodeProperty(
                s3_bucket=f"assessment-analytics-artifacts-{environment_suffix}",
                s3_key="results-export/latest.zip",
            ),
            environment=_lambda.CfnFunction.EnvironmentProperty(
                variables={"RESULTS_TABLE": results_table.table_name},
            ),
            timeout=3,
            memory_size=128,
            reserved_concurrent_executions=10,
            tracing_config=_lambda.CfnFunction.TracingConfigProperty(mode="Active"),
        )

        CfnOutput(self, "ApiUrl", value=api.url)
        CfnOutput(self, "GradingClusterName", value=cluster.cluster_name)
        CfnOutput(self, "GraderSecurityGroupId", value=grader_sg.security_group_id)
        CfnOutput(self, "ReportingDbEndpoint", value=reporting_db.db_instance_endpoint_address)

        Tags.of(self).add("Environment", environment_suffix)
        Tags.of(self).add("ManagedBy", "cdk")
