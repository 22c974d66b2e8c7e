"""Payments platform: public API, asynchronous settlement, and the ledger it writes to."""

from typing import Optional

from aws_cdk import (
    CfnOutput,
    Duration,
    RemovalPolicy,
    Stack,
    StackProps,
    aws_apigateway as apigateway,
    aws_cloudfront as cloudfront,
    aws_cloudfront_origins as origins,
    aws_dynamodb as dynamodb,
    aws_ec2 as ec2,
    aws_elasticache as elasticache,
    aws_events as events,
    aws_events_targets as targets,
    aws_iam as iam,
    aws_kms as kms,
    aws_lambda as _lambda,
    aws_lambda_event_sources as event_sources,
    aws_rds as rds,
    aws_s3 as s3,
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

        # Customer-managed key for everything that stores payment data
        payments_key = kms.Key(
            self,
            "PaymentsKey",
            description=f"Payments data key ({environment_suffix})",
            enable_key_rotation=True,
            removal_policy=RemovalPolicy.RETAIN,
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

        settlement_queue = sqs.Queue(
            self,
            "SettlementQueue",
            queue_name=f"payments-settlement-{environment_suffix}",
            visibility_timeout=Duration.seconds(120),
            encryption=sqs.QueueEncryption.KMS,
            encryption_master_key=payments_key,
        )

        # Two zones: the merchants database and the idempotency cache use the private subnets
        vpc = ec2.Vpc(self, "PaymentsVpc", max_azs=2, nat_gateways=1)

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
        )

        # Idempotency keys of recent payment requests: a retried request is not charged twice
        cache_subnets = elasticache.CfnSubnetGroup(
            self,
            "IdempotencyCacheSubnets",
            description="Private subnets of the idempotency cache",
            subnet_ids=[subnet.subnet_id for subnet in vpc.private_subnets],
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
        )

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
        )
        settle_fn.add_event_source(event_sources.SqsEventSource(settlement_queue, batch_size=10))

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
        )
        events.Rule(
            self,
            "NightlyReconciliation",
            schedule=events.Schedule.cron(minute="30", hour="1"),
            targets=[targets.LambdaFunction(reconcile_fn)],
        )

        # The checkout page merchants embed: a static site behind CloudFront that calls the API
        checkout_bucket = s3.Bucket(self, "CheckoutSiteBucket")
        cloudfront.Distribution(
            self,
            "CheckoutSite",
            default_behavior=cloudfront.BehaviorOptions(
                origin=origins.S3BucketOrigin.with_origin_access_control(checkout_bucket),
            ),
            default_root_object="index.html",
        )

        api = apigateway.RestApi(
            self,
            "PaymentsApi",
            rest_api_name=f"payments-api-{environment_suffix}",
            deploy_options=apigateway.StageOptions(
                stage_name=environment_suffix,
                metrics_enabled=True,
            ),
        )
        payments = api.root.add_resource("payments")
        payments.add_method("POST", apigateway.LambdaIntegration(accept_fn))
        payment = payments.add_resource("{payment_id}")
        payment.add_method("GET", apigateway.LambdaIntegration(accept_fn))

        CfnOutput(self, "ApiUrl", value=api.url)
        CfnOutput(self, "LedgerTableName", value=ledger_table.table_name)
