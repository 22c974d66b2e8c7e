from aws_cdk import (
    Stack,
    Tags,
    aws_ecr as ecr,
)
from constructs import Construct


class RegistryStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        ecr.Repository(self, "ServiceImages", repository_name="payments/service", image_scan_on_push=True)

        Tags.of(self).add("ManagedBy", "cdk")
