from aws_cdk import RemovalPolicy, Stack, aws_lambda as lambda_, aws_logs as logs
from constructs import Construct


class WorkerStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, worker_name: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # named by a parameter: retained, it would still exist when the stack is created again
        logs.LogGroup(
            self,
            "WorkerLogs",
            log_group_name=f"/workers/{worker_name}",
            retention=logs.RetentionDays.ONE_MONTH,
        )

        # named by the stack: the same
        logs.LogGroup(self, "AuditLogs", log_group_name=f"{self.stack_name}-audit", retention=logs.RetentionDays.ONE_MONTH)

        helper = lambda_.Function(
            self,
            "Helper",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_inline("def handler(event, context):\n    return event\n"),
        )

        # named after a function of the stack: new with every stack, retained as usual
        logs.LogGroup(
            self,
            "HelperEvents",
            log_group_name=f"/events/{helper.function_name}",
            removal_policy=RemovalPolicy.RETAIN,
            retention=logs.RetentionDays.ONE_MONTH,
        )

        # no name: CloudFormation generates one
        logs.LogGroup(self, "AccessLogs", removal_policy=RemovalPolicy.RETAIN, retention=logs.RetentionDays.ONE_MONTH)
