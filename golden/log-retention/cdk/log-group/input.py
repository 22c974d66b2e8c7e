from aws_cdk import Stack, aws_lambda as _lambda
from constructs import Construct

WORKERS = ("resize", "thumbnail")


class MediaStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        self.workers = [
            _lambda.Function(
                self,
                f"{name}-worker",
                runtime=_lambda.Runtime.PYTHON_3_12,
                handler=f"{name}.handler",
                code=_lambda.Code.from_asset(f"lambda/{name}"),
            )
            for name in WORKERS
        ]
        uploadHandler = _lambda.Function(
            self,
            "UploadHandler",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="upload.handler",
            code=_lambda.Code.from_asset("lambda/upload"),
        )
        uploadHandler.add_environment("STAGE", "prod")
