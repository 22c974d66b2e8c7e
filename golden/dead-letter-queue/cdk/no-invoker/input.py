from aws_cdk import (
    CfnOutput,
    Stack,
    aws_lambda as _lambda,
)
from constructs import Construct


class ReportsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # Invoked by SDK calls from another stack: no invoker in this app.
        reports_fn = _lambda.Function(
            self,
            "ReportsFunction",
            function_name="reports",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="reports.handler",
            code=_lambda.Code.from_asset("lambda/reports"),
        )
        CfnOutput(self, "ReportsFunctionArn", value=reports_fn.function_arn)
