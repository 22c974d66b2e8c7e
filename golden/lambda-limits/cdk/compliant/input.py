from aws_cdk import Duration, Stack, aws_lambda as _lambda
from constructs import Construct


class ReportsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, memory: int, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        _lambda.Function(
            self,
            "RenderFunction",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="render.handler",
            code=_lambda.Code.from_asset("lambda/render"),
            timeout=Duration.minutes(2),
            memory_size=memory,
        )
        _lambda.CfnFunction(
            self,
            "MailFunction",
            role="arn:aws:iam::111122223333:role/mail",
            code=_lambda.CfnFunction.CodeProperty(zip_file="def handler(e, c): pass"),
            runtime="python3.12",
            handler="index.handler",
            timeout=10,
            memory_size=256,
        )
