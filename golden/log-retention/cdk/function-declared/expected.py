from aws_cdk import Stack, aws_lambda as _lambda, aws_logs as logs
from constructs import Construct


class IngestStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, stage: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # Lambda writes to /aws/lambda/<function name>: the group is declared here, with retention
        logs.LogGroup(self, "IngestLogs", log_group_name="/aws/lambda/ingest", retention=logs.RetentionDays.ONE_WEEK)
        _lambda.Function(
            self,
            "Ingest",
            function_name="ingest",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="ingest.handler",
            code=_lambda.Code.from_asset("lambda/ingest"),
        )
        logs.CfnLogGroup(self, "ExportLogs", log_group_name=f"/aws/lambda/export-{stage}", retention_in_days=14)
        _lambda.Function(
            self,
            "Export",
            function_name=f"export-{stage}",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="export.handler",
            code=_lambda.Code.from_asset("lambda/export"),
        )
        audit = _lambda.Function(
            self,
            "Audit",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="audit.handler",
            code=_lambda.Code.from_asset("lambda/audit"),
        )
        logs.LogGroup(
            self,
            "AuditLogs",
            log_group_name=f"/aws/lambda/{audit.function_name}",
            retention=logs.RetentionDays.ONE_MONTH,
        )
