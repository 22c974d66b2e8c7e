from aws_cdk import Stack
from aws_cdk import aws_lambda as lambda_
from constructs import Construct

from payments.iam import worker_role


class PaymentsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        role = worker_role(self)
        lambda_.Function(
            self,
            "Worker",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_asset("src"),
            role=role,
        )
