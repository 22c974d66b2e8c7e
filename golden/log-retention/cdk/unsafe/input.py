from aws_cdk import Stack, aws_lambda as _lambda, aws_logs as logs
from constructs import Construct


class DebugStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        logs.LogGroup(
            self,
            "DebugLogs",
            retention=logs.RetentionDays.INFINITE,
        )
        _lambda.Function(
            self,
            "DebugFunction",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="debug.handler",
            code=_lambda.Code.from_asset("lambda/debug"),
            log_retention=logs.RetentionDays.INFINITE,
        )
