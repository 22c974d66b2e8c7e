from aws_cdk import (
    Duration,
    Stack,
    aws_iam as iam,
    aws_lambda as lambda_,
    aws_s3 as s3,
    aws_s3_notifications as s3n,
    aws_sns as sns,
    aws_sns_subscriptions as subs,
    aws_sqs as sqs,
)
from constructs import Construct


class DocumentsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, environment_suffix: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        ingest_role = iam.Role(
            self,
            "IngestRole",
            assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"),
            managed_policies=[
                iam.ManagedPolicy.from_aws_managed_policy_name("service-role/AWSLambdaBasicExecutionRole"),
            ],
        )

        self.ingest_function_dlq = sqs.Queue(
            self,
            "IngestFunctionDlq",
            queue_name=f"documents-ingest-dlq-{environment_suffix}",
            retention_period=Duration.days(14),
            encryption=sqs.QueueEncryption.SQS_MANAGED,
        )

        self.ingest_function = lambda_.Function(
            self,
            "IngestFunction",
            function_name=f"documents-ingest-{environment_suffix}",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="ingest.handler",
            code=lambda_.Code.from_asset("lambda/ingest"),
            role=ingest_role,
            timeout=Duration.minutes(1),
            dead_letter_queue=self.ingest_function_dlq,
        )

        uploads = s3.Bucket(self, "Uploads")
        uploads.add_event_notification(
            s3.EventType.OBJECT_CREATED,
            s3n.LambdaDestination(self.ingest_function),
            s3.NotificationKeyFilter(prefix="incoming/"),
        )

        notify_fn_dlq = sqs.Queue(self, "NotifyFunctionDlq", retention_period=Duration.days(14),
                                  encryption=sqs.QueueEncryption.SQS_MANAGED)

        notify_fn = lambda_.Function(self, "NotifyFunction", runtime=lambda_.Runtime.PYTHON_3_12,
                                     handler="notify.handler", code=lambda_.Code.from_asset("lambda/notify"),
                                     dead_letter_queue=notify_fn_dlq)
        alerts = sns.Topic(self, "Alerts")
        alerts.add_subscription(subs.LambdaSubscription(notify_fn))
