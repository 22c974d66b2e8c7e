from aws_cdk import Stack
from aws_cdk.aws_lambda_nodejs import NodejsFunction
from constructs import Construct


class EtlStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        NodejsFunction(self, "ExtractFunction", entry="src/extract.ts")
