from aws_cdk import Stack, aws_lambda as _lambda
from constructs import Construct


class EdgeStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # Sized by the load tests in the platform repo
        # iacfix: ignore[lambda-limits]
        _lambda.Function(
            self,
            "RedirectFunction",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="redirect.handler",
            code=_lambda.Code.from_asset("lambda/redirect"),
        )
        _lambda.Function(self, "PingFunction", runtime=_lambda.Runtime.PYTHON_3_12, handler="ping.handler", code=_lambda.Code.from_inline("def handler(e, c): return 'pong'"))  # iacfix: ignore[IAC008]
