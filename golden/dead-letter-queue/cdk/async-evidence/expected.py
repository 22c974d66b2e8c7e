from aws_cdk import (
    Duration,
    Stack,
    aws_iam as iam,
    aws_lambda as lambda_,
    aws_lambda_destinations as destinations,
    aws_lambda_event_sources as sources,
    aws_s3 as s3,
    aws_sqs as sqs,
)
from constructs import Construct


class ImportsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        inbox = s3.Bucket(self, "Inbox")
        failures = sqs.Queue(self, "ImportFailures", retention_period=Duration.days(14))

        parse_fn_dlq = sqs.Queue(
            self,
            "ParseFunctionDlq",
            retention_period=Duration.days(14),
            encryption=sqs.QueueEncryption.SQS_MANAGED,
        )

        # S3 event source given at creation
        parse_fn = lambda_.Function(
            self,
            "ParseFunction",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="parse.handler",
            code=lambda_.Code.from_asset("lambda/parse"),
            events=[sources.S3EventSource(inbox, events=[s3.EventType.OBJECT_CREATED])],
            dead_letter_queue=parse_fn_dlq,
        )

        mail_fn_dlq = sqs.Queue(
            self,
            "MailFunctionDlq",
            retention_period=Duration.days(14),
            encryption=sqs.QueueEncryption.SQS_MANAGED,
        )

        # Invoked by SES receipt rules (configured outside this stack)
        mail_fn = lambda_.Function(
            self,
            "MailFunction",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="mail.handler",
            code=lambda_.Code.from_asset("lambda/mail"),
            dead_letter_queue=mail_fn_dlq,
        )
        mail_fn.add_permission(
            "AllowSes",
            principal=iam.ServicePrincipal("ses.amazonaws.com"),
            source_account=self.account,
        )

        # Asynchronous, but failures already go to a destination
        archive_fn = lambda_.Function(
            self,
            "ArchiveFunction",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="archive.handler",
            code=lambda_.Code.from_asset("lambda/archive"),
        )
        archive_fn.configure_async_invoke(on_failure=destinations.SqsDestination(failures), retry_attempts=1)
        archive_fn.add_event_source(sources.S3EventSource(inbox, events=[s3.EventType.OBJECT_REMOVED]))

        # Invoked synchronously by API Gateway only
        status_fn = lambda_.Function(
            self,
            "StatusFunction",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="status.handler",
            code=lambda_.Code.from_asset("lambda/status"),
        )
        status_fn.add_permission("AllowApi", principal=iam.ServicePrincipal("apigateway.amazonaws.com"))
