from aws_cdk import Stack, aws_lambda as _lambda
from constructs import Construct


class DebugStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # the platform team's log shipper sets retention on every /aws/lambda group
        # iacfix: ignore[log-retention]
        _lambda.Function(
            self,
            "Debug",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="debug.handler",
            code=_lambda.Code.from_asset("lambda/debug"),
        )
