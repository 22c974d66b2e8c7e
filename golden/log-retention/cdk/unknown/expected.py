from aws_cdk import Stack, aws_lambda as _lambda, aws_logs as logs
from constructs import Construct


class TenantLogsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, retention: logs.RetentionDays, days: int, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        logs.LogGroup(self, "TenantLogs", retention=retention)
        logs.CfnLogGroup(self, "TenantAudit", retention_in_days=days)
        _lambda.Function(
            self,
            "TenantFunction",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="tenant.handler",
            code=_lambda.Code.from_asset("lambda/tenant"),
            log_retention=retention,
        )
