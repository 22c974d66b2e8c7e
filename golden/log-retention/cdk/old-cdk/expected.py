from aws_cdk import Stack, aws_lambda as _lambda, aws_logs as logs
from constructs import Construct


class ReportsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        _lambda.Function(
            self,
            "ReportFunction",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="report.handler",
            code=_lambda.Code.from_asset("lambda/report"),
            log_retention=logs.RetentionDays.ONE_MONTH,
        )
