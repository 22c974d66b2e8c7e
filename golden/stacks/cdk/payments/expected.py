"""Payments platform: public API, asynchronous settlement, and the ledger it writes to."""

from typing import Optional

from aws_cdk import (
    CfnOutput,
    Duration,
    RemovalPolicy,
    Stack,
    StackProps,
    Tags,
    aws_apigateway as apigateway,
    aws_cloudfront as cloudfront,
    aws_cloudfront_origins as origins,
    aws_cloudwatch as cloudwatch,
    aws_cloudwatch_actions as cw_actions,
    aws_dynamodb as dynamodb,
    aws_ec2 as ec2,
    aws_elasticache as elasticache,
    aws_events as events,
    aws_events_targets as targets,
    aws_iam as iam,
    aws_kms as kms,
    aws_lambda as _lambda,
    aws_lambda_event_sources as event_sources,
    aws_logs as logs,
    aws_rds as rds,
    aws_s3 as s3,
    aws_sns as sns,
    aws_sqs as sqs,
)
from constructs import Construct


class PaymentsStackProps(StackProps):
    def __init__(self, environment_suffix: Optional[str] = None, **kwargs):
        super().__init__(**kwargs)
        self.environment_suffix = environment_suffix


class PaymentsStack(Stack):
    """Accepts payments over REST, settles them from a queue, reconciles nightly."""

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        props: Optional[PaymentsStackProps] = None,
        **kwargs,
    ) -> None:
        super().__init__(scope, construct_id, **kwargs)

        environment_suffix = (
            props.environment_suffix if props else None
        ) or self.node.try_get_context("environmentSuffix") or "dev"

        alarm_topic = sns.Topic(self, "AlarmTopic", topic_name=f"alarms-{environment_suffix}")

        # Customer-managed key for everything that stores payment data
        payments_key = kms.Key(
            self,
            "PaymentsKey",
            description=f"Payments data key ({environment_suffix})",
            enable_key_rotation=True,
            removal_policy=RemovalPolicy.RETAIN,
            alias=f"alias/payments-key-{environment_suffix}",
        )

        ledger_table = dynamodb.Table(
            self,
            "LedgerTable",
            table_name=f"payments-ledger-{environment_suffix}",
            partition_key=dynamodb.Attribute(name="payment_id", type=dynamodb.AttributeType.STRING),
            sort_key=dynamodb.Attribute(name="entry_ts", type=dynamodb.AttributeType.STRING),
            billing_mode=dynamodb.BillingMode.PAY_PER_REQUEST,
            encryption=dynamodb.TableEncryption.CUSTOMER_MANAGED,
            encryption_key=payments_key,
            point_in_time_recovery_specification=dynamodb.PointInTimeRecoverySpecification(
                point_in_time_recovery_enabled=True,
            ),
            removal_policy=RemovalPolicy.RETAIN,
        )

        ledger_table.metric("ReadThrottleEvents", statistic="Sum").create_alarm(
            self,
            "LedgerTableReadThrottles",
            alarm_name=f"payments-ledger-read-throttles-{environment_suffix}",
            alarm_description="DynamoDB table LedgerTable throttled 10 or more reads in 5 minutes",
            threshold=10,
            evaluation_periods=1,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        ).add_alarm_action(cw_actions.SnsAction(alarm_topic))

        ledger_table.metric("WriteThrottleEvents", statistic="Sum").create_alarm(
            self,
            "LedgerTableWriteThrottles",
            alarm_name=f"payments-ledger-write-throttles-{environment_suffix}",
            alarm_description="DynamoDB table LedgerTable throttled 10 or more writes in 5 minutes",
            threshold=10,
            evaluation_periods=1,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        ).add_alarm_action(cw_actions.SnsAction(alarm_topic))

        settlement_dlq = sqs.Queue(
            self,
            "SettlementQueueDlq",
            queue_name=f"payments-settlement-dlq-{environment_suffix}",
            retention_period=Duration.days(14),
            encryption=sqs.QueueEncryption.KMS,
            encryption_master_key=payments_key,
        )

        settlement_queue = sqs.Queue(
            self,
            "SettlementQueue",
            queue_name=f"payments-settlement-{environment_suffix}",
            visibility_timeout=Duration.seconds(120),
            encryption=sqs.QueueEncryption.KMS,
            encryption_master_key=payments_key,
            dead_letter_queue=sqs.DeadLetterQueue(max_receive_count=3, queue=settlement_dlq),
        )

        settlement_dlq.metric_approximate_number_of_messages_visible().create_alarm(
            self,
            "SettlementQueueDlqMessages",
            alarm_name=f"payments-settlement-dlq-messages-{environment_suffix}",
            alarm_description=(
                "Dead-letter queue SettlementQueueDlq holds more than 0 messages: messages failed "
                "processing"
            ),
            threshold=0,
            evaluation_periods=1,
            comparison_operator=cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        ).add_alarm_action(cw_actions.SnsAction(alarm_topic))

        CfnOutput(self, "SettlementQueueUrl", value=settlement_queue.queue_url)

        # Two zones: the merchants database and the idempotency cache use the private subnets
        vpc = ec2.Vpc(self, "PaymentsVpc", max_azs=2)

        data_stores_sg = ec2.SecurityGroup(
            self,
            "DataStoresSecurityGroup",
            vpc=vpc,
            description="Postgres and Redis, reachable from inside the VPC",
        )
        data_stores_sg.add_ingress_rule(
            ec2.Peer.ipv4(vpc.vpc_cidr_block), ec2.Port.tcp(5432), "Postgres from the VPC"
        )
        data_stores_sg.add_ingress_rule(
            ec2.Peer.ipv4(vpc.vpc_cidr_block), ec2.Port.tcp(6379), "Redis from the VPC"
        )

        merchants_db_parameter_group = rds.ParameterGroup(
            self,
            "MerchantsDatabaseParameterGroup",
            engine=rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.VER_16_9),
        )

        # Merchant accounts, fee schedules and payout details
        merchants_db = rds.DatabaseInstance(
            self,
            "MerchantsDatabase",
            engine=rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.VER_16_9),
            instance_type=ec2.InstanceType.of(ec2.InstanceClass.T4G, ec2.InstanceSize.MEDIUM),
            vpc=vpc,
            vpc_subnets=ec2.SubnetSelection(subnet_type=ec2.SubnetType.PRIVATE_WITH_EGRESS),
            security_groups=[data_stores_sg],
            allocated_storage=50,
            storage_encrypted=True,
            storage_encryption_key=payments_key,
            database_name="merchants",
            credentials=rds.Credentials.from_generated_secret("payments"),
            removal_policy=RemovalPolicy.RETAIN,
            storage_type=rds.StorageType.GP3,
            parameter_group=merchants_db_parameter_group,
            backup_retention=Duration.days(7),
            deletion_protection=True,
            cloudwatch_logs_exports=["postgresql", "upgrade"],
            preferred_backup_window="03:00-03:30",
            preferred_maintenance_window="sun:04:00-sun:04:30",
        )

        merchants_db.metric_cpu_utilization().create_alarm(
            self,
            "MerchantsDatabaseCpu",
            alarm_description=(
                "DB instance MerchantsDatabase used more than 80 percent of its CPU on average for 5 "
                "minutes"
            ),
            threshold=80,
            evaluation_periods=1,
            comparison_operator=cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        ).add_alarm_action(cw_actions.SnsAction(alarm_topic))

        CfnOutput(self, "MerchantsDatabaseEndpoint", value=merchants_db.db_instance_endpoint_address)

        # Idempotency keys of recent payment requests: a retried request is not charged twice
        cache_subnets = elasticache.CfnSubnetGroup(
            self,
            "IdempotencyCacheSubnets",
            description="Private subnets of the idempotency cache",
            subnet_ids=[subnet.subnet_id for subnet in vpc.private_subnets],
        )
        idempotency_cache_parameter_group = elasticache.CfnParameterGroup(
            self,
            "IdempotencyCacheParameterGroup",
            cache_parameter_group_family="redis7",
            description="redis7 parameters of IdempotencyCache",
        )
        idempotency_cache = elasticache.CfnReplicationGroup(
            self,
            "IdempotencyCache",
            replication_group_description="Idempotency keys of recent payment requests",
            engine="redis",
            engine_version="7.1",
            cache_node_type="cache.t4g.small",
            num_cache_clusters=2,
            cache_subnet_group_name=cache_subnets.ref,
            security_group_ids=[data_stores_sg.security_group_id],
            cache_parameter_group_name=idempotency_cache_parameter_group.ref,
            at_rest_encryption_enabled=True,
            transit_encryption_enabled=True,
            automatic_failover_enabled=True,
            multi_az_enabled=True,
            snapshot_retention_limit=7,
        )

        CfnOutput(self, "IdempotencyCacheEndpoint", value=idempotency_cache.attr_primary_end_point_address)

        handler_role = iam.Role(
            self,
            "PaymentsHandlerRole",
            assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"),
            managed_policies=[
                iam.ManagedPolicy.from_aws_managed_policy_name("service-role/AWSLambdaBasicExecutionRole"),
            ],
        )
        ledger_table.grant_read_write_data(handler_role)
        settlement_queue.grant_send_messages(handler_role)

        common_env = {
            "LEDGER_TABLE": ledger_table.table_name,
            "SETTLEMENT_QUEUE_URL": settlement_queue.queue_url,
        }

        accept_fn_log_group = logs.LogGroup(
            self,
            "AcceptPaymentFunctionLogGroup",
            retention=logs.RetentionDays.ONE_MONTH,
        )

        # Synchronous: behind the API
        accept_fn = _lambda.Function(
            self,
            "AcceptPaymentFunction",
            function_name=f"payments-accept-{environment_suffix}",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="accept.handler",
            code=_lambda.Code.from_asset("lambda/accept"),
            role=handler_role,
            environment=common_env,
            timeout=Duration.seconds(10),
            memory_size=128,
            reserved_concurrent_executions=10,
            log_group=accept_fn_log_group,
            tracing=_lambda.Tracing.ACTIVE,
        )

        accept_fn.metric_errors().create_alarm(
            self,
            "AcceptPaymentFunctionErrors",
            alarm_name=f"payments-accept-errors-{environment_suffix}",
            alarm_description="Lambda function AcceptPaymentFunction failed 5 or more times in 5 minutes",
            threshold=5,
            evaluation_periods=1,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        ).add_alarm_action(cw_actions.SnsAction(alarm_topic))

        accept_fn.metric_throttles().create_alarm(
            self,
            "AcceptPaymentFunctionThrottles",
            alarm_name=f"payments-accept-throttles-{environment_suffix}",
            alarm_description=(
                "Lambda function AcceptPaymentFunction was throttled 1 or more times in 5 minutes"
            ),
            threshold=1,
            evaluation_periods=1,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        ).add_alarm_action(cw_actions.SnsAction(alarm_topic))

        settle_fn_log_group = logs.LogGroup(
            self,
            "SettlePaymentFunctionLogGroup",
            retention=logs.RetentionDays.ONE_MONTH,
        )

        # Polls the settlement queue
        settle_fn = _lambda.Function(
            self,
            "SettlePaymentFunction",
            function_name=f"payments-settle-{environment_suffix}",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="settle.handler",
            code=_lambda.Code.from_asset("lambda/settle"),
            role=handler_role,
            environment=common_env,
            timeout=Duration.seconds(60),
            memory_size=128,
            reserved_concurrent_executions=10,
            log_group=settle_fn_log_group,
            tracing=_lambda.Tracing.ACTIVE,
        )
        settle_fn.add_event_source(event_sources.SqsEventSource(settlement_queue, batch_size=10))

        settle_fn.metric_errors().create_alarm(
            self,
            "SettlePaymentFunctionErrors",
            alarm_name=f"payments-settle-errors-{environment_suffix}",
            alarm_description="Lambda function SettlePaymentFunction failed 5 or more times in 5 minutes",
            threshold=5,
            evaluation_periods=1,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        ).add_alarm_action(cw_actions.SnsAction(alarm_topic))

        settle_fn.metric_throttles().create_alarm(
            self,
            "SettlePaymentFunctionThrottles",
            alarm_name=f"payments-settle-throttles-{environment_suffix}",
            alarm_description=(
                "Lambda function SettlePaymentFunction was throttled 1 or more times in 5 minutes"
            ),
            threshold=1,
            evaluation_periods=1,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        ).add_alarm_action(cw_actions.SnsAction(alarm_topic))

        reconcile_fn_log_group = logs.LogGroup(
            self,
            "ReconcileFunctionLogGroup",
            retention=logs.RetentionDays.ONE_MONTH,
        )

        reconcile_fn_dlq = sqs.Queue(
            self,
            "ReconcileFunctionDlq",
            queue_name=f"payments-reconcile-dlq-{environment_suffix}",
            retention_period=Duration.days(14),
            encryption=sqs.QueueEncryption.SQS_MANAGED,
        )

        # Invoked asynchronously by EventBridge every night
        reconcile_fn = _lambda.Function(
            self,
            "ReconcileFunction",
            function_name=f"payments-reconcile-{environment_suffix}",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="reconcile.handler",
            code=_lambda.Code.from_asset("lambda/reconcile"),
            role=handler_role,
            environment=common_env,
            timeout=Duration.minutes(5),
            memory_size=128,
            reserved_concurrent_executions=10,
            log_group=reconcile_fn_log_group,
            tracing=_lambda.Tracing.ACTIVE,
            dead_letter_queue=reconcile_fn_dlq,
        )
        reconcile_fn.metric_errors().create_alarm(
            self,
            "ReconcileFunctionErrors",
            alarm_name=f"payments-reconcile-errors-{environment_suffix}",
            alarm_description="Lambda function ReconcileFunction failed 5 or more times in 5 minutes",
            threshold=5,
            evaluation_periods=1,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        ).add_alarm_action(cw_actions.SnsAction(alarm_topic))
        reconcile_fn.metric_throttles().create_alarm(
            self,
            "ReconcileFunctionThrottles",
            alarm_name=f"payments-reconcile-throttles-{environment_suffix}",
            alarm_description=(
                "Lambda function ReconcileFunction was throttled 1 or more times in 5 minutes"
            ),
            threshold=1,
            evaluation_periods=1,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        ).add_alarm_action(cw_actions.SnsAction(alarm_topic))
        reconcile_fn_dlq.metric_approximate_number_of_messages_visible().create_alarm(
            self,
            "ReconcileFunctionDlqMessages",
            alarm_name=f"payments-reconcile-dlq-messages-{environment_suffix}",
            alarm_description=(
                "Dead-letter queue ReconcileFunctionDlq holds more than 0 messages: messages failed "
                "processing"
            ),
            threshold=0,
            evaluation_periods=1,
            comparison_operator=cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        ).add_alarm_action(cw_actions.SnsAction(alarm_topic))
        events.Rule(
            self,
            "NightlyReconciliation",
            schedule=events.Schedule.cron(minute="30", hour="1"),
            targets=[targets.LambdaFunction(reconcile_fn)],
        )

        # The checkout page merchants embed: a static site behind CloudFront that calls the API
        checkout_bucket = s3.Bucket(self, "CheckoutSiteBucket", removal_policy=RemovalPolicy.RETAIN)
        cloudfront.Distribution(
            self,
            "CheckoutSite",
            default_behavior=cloudfront.BehaviorOptions(
                origin=origins.S3BucketOrigin.with_origin_access_control(checkout_bucket),
            ),
            default_root_object="index.html",
        )

        api_access_logs = logs.LogGroup(
            self,
            "PaymentsApiAccessLogs",
            retention=logs.RetentionDays.ONE_MONTH,
        )

        api = apigateway.RestApi(
            self,
            "PaymentsApi",
            rest_api_name=f"payments-api-{environment_suffix}",
            deploy_options=apigateway.StageOptions(
                stage_name=environment_suffix,
                metrics_enabled=True,
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
            default_cors_preflight_options=apigateway.CorsOptions(
                allow_origins=["https://app.example.com"],
                allow_headers=["Authorization", "Content-Type"],
            ),
        )
        api.metric("4XXError", statistic="Average").create_alarm(
            self,
            "PaymentsApi4xxErrors",
            alarm_name=f"payments-api-4xx-errors-{environment_suffix}",
            alarm_description=(
                "REST API PaymentsApi answered 5 percent or more of its requests with a 4XX error "
                "(throttling included) in 5 minutes"
            ),
            threshold=0.05,
            evaluation_periods=1,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        ).add_alarm_action(cw_actions.SnsAction(alarm_topic))
        api.metric_server_error().create_alarm(
            self,
            "PaymentsApi5xxErrors",
            alarm_name=f"payments-api-5xx-errors-{environment_suffix}",
            alarm_description=(
                "REST API PaymentsApi answered 10 or more requests with a 5XX error in 5 minutes"
            ),
            threshold=10,
            evaluation_periods=1,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        ).add_alarm_action(cw_actions.SnsAction(alarm_topic))
        payments = api.root.add_resource("payments")
        payments.add_method("POST", apigateway.LambdaIntegration(accept_fn))
        payment = payments.add_resource("{payment_id}")
        payment.add_method("GET", apigateway.LambdaIntegration(accept_fn))

        CfnOutput(self, "ApiUrl", value=api.url)
        CfnOutput(self, "LedgerTableName", value=ledger_table.table_name)

        Tags.of(self).add("Environment", environment_suffix)
        Tags.of(self).add("ManagedBy", "cdk")
