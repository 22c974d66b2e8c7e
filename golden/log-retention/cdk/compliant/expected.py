from aws_cdk import Stack, aws_lambda as _lambda, aws_logs as logs
from constructs import Construct


class LoggingStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # The L2 LogGroup defaults to two years of retention
        app_logs = logs.LogGroup(self, "AppLogs")
        logs.LogGroup(self, "AccessLogs", retention=logs.RetentionDays.ONE_YEAR)
        logs.CfnLogGroup(self, "FlowLogs", retention_in_days=90)
        _lambda.Function(
            self,
            "AppFunction",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="app.handler",
            code=_lambda.Code.from_asset("lambda/app"),
            log_group=app_logs,
        )
        _lambda.Function(
            self,
            "CronFunction",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="cron.handler",
            code=_lambda.Code.from_asset("lambda/cron"),
            log_retention=logs.RetentionDays.TWO_WEEKS,
        )
