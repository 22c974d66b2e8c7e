from aws_cdk import (
    Duration,
    Stack,
    aws_lambda as _lambda,
)
from constructs import Construct


class ScoringStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, environment_suffix: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        self.score_fn = _lambda.Function(
            self,
            "ScoreFunction",
            function_name=f"score-{environment_suffix}",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="score.handler",
            code=_lambda.Code.from_asset("lambda/score"),
            timeout=Duration.seconds(20),
            memory_size=1024,
        )
