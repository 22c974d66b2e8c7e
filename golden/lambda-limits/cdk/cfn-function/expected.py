from aws_cdk import Stack
from aws_cdk import aws_lambda as lambda_
from constructs import Construct


class InlineStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, role_arn: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        lambda_.CfnFunction(
            self,
            "RotateFunction",
            role=role_arn,
            runtime="python3.12",
            handler="index.handler",
            code=lambda_.CfnFunction.CodeProperty(zip_file="def handler(event, context):\n    return event\n"),
            timeout=3,
            memory_size=128,
        )
