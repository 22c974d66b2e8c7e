"""Assessment platform: candidates submit code, graders run it in containers, results are scored."""

from aws_cdk import (
    CfnOutput,
    Duration,
    RemovalPolicy,
    Stack,
    aws_apigateway as apigateway,
    aws_dynamodb as dynamodb,
    aws_ec2 as ec2,
    aws_ecs as ecs,
    aws_efs as efs,
    aws_kinesis as kinesis,
    aws_kms as kms,
    aws_lambda as _lambda,
    aws_lambda_event_sources as event_sources,
    aws_logs as logs,
    aws_sqs as sqs,
)
from constructs import Construct


class AssessmentPlatformStack(Stack):
    """Submission API, grading cluster and the stores they share."""

    def __init__(self, scope: Construct, construct_id: str, environment_suffix: str = "dev", **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # Candidate code and results are personal data: one key for all stores
        data_key = kms.Key(
            self,
            "AssessmentDataKey",
            description=f"Assessment platform data ({environment_suffix})",
            removal_policy=RemovalPolicy.RETAIN,
        )

        submissions_table = dynamodb.TableV2(
            self,
            "SubmissionsTable",
            table_name=f"assessment-submissions-{environment_suffix}",
            partition_key=dynamodb.Attribute(name="submission_id", type=dynamodb.AttributeType.STRING),
            encryption=dynamodb.TableEncryptionV2.customer_managed_key(data_key),
            removal_policy=RemovalPolicy.RETAIN,
        )
        results_table = dynamodb.Table(
            self,
            "ResultsTable",
            table_name=f"assessment-results-{environment_suffix}",
            partition_key=dynamodb.Attribute(name="candidate_id", type=dynamodb.AttributeType.STRING),
            sort_key=dynamodb.Attribute(name="submission_id", type=dynamodb.AttributeType.STRING),
            billing_mode=dynamodb.BillingMode.PAY_PER_REQUEST,
            encryption=dynamodb.TableEncryption.CUSTOMER_MANAGED,
            encryption_key=data_key,
        )

        # Every submission is recorded on the stream before it is graded
        submission_stream = kinesis.Stream(
            self,
            "SubmissionStream",
            stream_name=f"assessment-submissions-{environment_suffix}",
            shard_count=2,
        )
        grading_queue = sqs.Queue(
            self,
            "GradingQueue",
            queue_name=f"assessment-grading-{environment_suffix}",
            visibility_timeout=Duration.minutes(15),
        )

        # Graders run untrusted code in Fargate tasks, isolated from the API
        vpc = ec2.Vpc(self, "GradingVpc", max_azs=2, nat_gateways=1)
        cluster = ecs.Cluster(
            self,
            "GradingCluster",
            cluster_name=f"assessment-grading-{environment_suffix}",
            vpc=vpc,
        )
        fixtures_sg = ec2.SecurityGroup(self, "FixturesSecurityGroup", vpc=vpc)
        fixtures_fs = efs.CfnFileSystem(
            self,
            "FixturesFileSystem",
            performance_mode="generalPurpose",
            throughput_mode="elastic",
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
        grader_task = ecs.FargateTaskDefinition(self, "GraderTask", cpu=1024, memory_limit_mib=2048)
        grader_task.add_container(
            "grader",
            image=ecs.ContainerImage.from_registry("public.ecr.aws/docker/library/python:3.12-slim"),
            logging=ecs.LogDrivers.aws_logs(stream_prefix="grader", log_group=grader_logs),
            environment={"RESULTS_TABLE": results_table.table_name},
        )
        results_table.grant_read_write_data(grader_task.task_role)

        audit_log_group = logs.CfnLogGroup(
            self,
            "AuditLogGroup",
            log_group_name=f"/assessment/{environment_suffix}/audit",
        )

        function_env = {
            "SUBMISSIONS_TABLE": submissions_table.table_name,
            "RESULTS_TABLE": results_table.table_name,
            "SUBMISSION_STREAM": submission_stream.stream_name,
            "GRADING_QUEUE_URL": grading_queue.queue_url,
            "AUDIT_LOG_GROUP": audit_log_group.ref,
        }

        submit_fn = _lambda.Function(
            self,
            "SubmitFunction",
            function_name=f"assessment-submit-{environment_suffix}",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="submit.handler",
            code=_lambda.Code.from_asset("lambda/submit"),
            environment=function_env,
        )
        submissions_table.grant_write_data(submit_fn)
        submission_stream.grant_write(submit_fn)

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
        )
        dispatch_fn.add_event_source(
            event_sources.KinesisEventSource(
                submission_stream,
                starting_position=_lambda.StartingPosition.TRIM_HORIZON,
                batch_size=50,
            )
        )
        grading_queue.grant_send_messages(dispatch_fn)

        api = apigateway.LambdaRestApi(
            self,
            "AssessmentApi",
            rest_api_name=f"assessment-api-{environment_suffix}",
            handler=submit_fn,
            proxy=False,
        )
        submissions = api.root.add_resource("submissions")
        submissions.add_method("POST")

        CfnOutput(self, "ApiUrl", value=api.url)
        CfnOutput(self, "GradingClusterName", value=cluster.cluster_name)
