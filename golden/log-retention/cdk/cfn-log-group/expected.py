from aws_cdk import Stack
from aws_cdk import aws_logs
from constructs import Construct


class VpcLogsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        flow_logs = aws_logs.CfnLogGroup(
            self,
            "FlowLogs",
            log_group_name="/vpc/flow-logs",
            retention_in_days=30,
        )
        aws_logs.CfnLogGroup(self, "Dns", log_group_name="/dns", retention_in_days=30)
