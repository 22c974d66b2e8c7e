from aws_cdk import Duration, Stack
from aws_cdk import aws_lambda as lambda_
from aws_cdk.aws_lambda_nodejs import NodejsFunction
from constructs import Construct


class EtlStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        NodejsFunction(self, "ExtractFunction", entry="src/extract.ts", runtime=lambda_.Runtime.NODEJS_20_X)
        lambda_.DockerImageFunction(
            self,
            "TransformFunction",
            code=lambda_.DockerImageCode.from_image_asset("transform"),
            timeout=Duration.minutes(15),
        )
