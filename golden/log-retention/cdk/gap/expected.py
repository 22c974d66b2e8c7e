from aws_cdk import (
    Duration,
    Stack,
    aws_lambda as _lambda,
    aws_logs as logs,
)
from constructs import Construct


class ScoringStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, environment_suffix: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        score_fn_log_group = logs.LogGroup(
            self,
            "ScoreFunctionLogGroup",
            retention=logs.RetentionDays.ONE_MONTH,
        )

        self.score_fn = _lambda.Function(
            self,
            "ScoreFunction",
            function_name=f"score-{environment_suffix}",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="score.handler",
            code=_lambda.Code.from_asset("lambda/score"),
            timeout=Duration.seconds(20),
            log_group=score_fn_log_group,
        )

        logs.CfnLogGroup(
            self,
            "AuditLogGroup",
            log_group_name=f"/scoring/{environment_suffix}/audit",
            retention_in_days=30,
        )
