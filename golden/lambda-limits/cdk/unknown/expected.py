from aws_cdk import Stack, aws_lambda as _lambda
from constructs import Construct


class BatchStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, function_defaults: dict, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        _lambda.Function(
            self,
            "ImportFunction",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="import.handler",
            code=_lambda.Code.from_asset("lambda/import"),
            **function_defaults,
        )
