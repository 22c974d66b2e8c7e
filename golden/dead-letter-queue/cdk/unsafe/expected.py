from aws_cdk import (
    Duration,
    Stack,
    aws_events as events,
    aws_events_targets as targets,
    aws_lambda as _lambda,
    aws_sqs as sqs,
)
from constructs import Construct


class NightlyReportStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        report_fn_dlq = sqs.Queue(
            self,
            "NightlyReportDlq",
            retention_period=Duration.days(14),
            encryption=sqs.QueueEncryption.SQS_MANAGED,
        )

        report_fn = _lambda.Function(
            self,
            "NightlyReport",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="report.handler",
            code=_lambda.Code.from_asset("lambda/report"),
            dead_letter_queue=report_fn_dlq,
        )

        events.Rule(
            self,
            "NightlySchedule",
            schedule=events.Schedule.cron(minute="0", hour="2"),
            targets=[targets.LambdaFunction(report_fn)],
        )
