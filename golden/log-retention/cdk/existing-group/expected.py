from aws_cdk import Stack, aws_lambda as _lambda, aws_logs as logs
from constructs import Construct


class AuditStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # deployed for years: a retention period would delete the older events
        logs.CfnLogGroup(self, "AuditLogGroup", log_group_name="/payments/audit")
        logs.LogGroup(self, "AccessLogGroup", retention=logs.RetentionDays.INFINITE)

        export_function_log_group = logs.LogGroup(
            self,
            "ExportFunctionLogGroup",
            retention=logs.RetentionDays.ONE_MONTH,
        )

        # exports the audit trail nightly
        _lambda.Function(
            self,
            "ExportFunction",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="export.handler",
            code=_lambda.Code.from_asset("lambda/export"),
            log_group=export_function_log_group,
        )
