from aws_cdk import (
    CfnOutput,
    Duration,
    Stack,
    aws_lambda as _lambda,
    aws_sqs as sqs,
)
from constructs import Construct


class ReportsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        reports_fn_dlq = sqs.Queue(
            self,
            "ReportsFunctionDlq",
            queue_name="reports-dlq",
            retention_period=Duration.days(14),
            encryption=sqs.QueueEncryption.SQS_MANAGED,
        )

        # Invoked by SDK calls from another stack: no invoker in this app.
        reports_fn = _lambda.Function(
            self,
            "ReportsFunction",
            function_name="reports",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="reports.handler",
            code=_lambda.Code.from_asset("lambda/reports"),
            dead_letter_queue=reports_fn_dlq,
        )
        CfnOutput(self, "ReportsFunctionArn", value=reports_fn.function_arn)
