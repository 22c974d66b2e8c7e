from aws_cdk import Stack
from aws_cdk import aws_lambda as lambda_
from constructs import Construct


class ReportStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        report = lambda_.Function(  # iacfix: ignore[alarms] -- a report job, watched by its consumers
            self,
            "NightlyReport",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_asset("lambda"),
        )
