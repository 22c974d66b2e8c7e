from aws_cdk import (
    Stack,
    aws_ec2 as ec2,
)
from constructs import Construct


class NetworkStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # iacfix: ignore[nat-gateway-per-az] -- a development VPC: one gateway is enough
        self.vpc = ec2.Vpc(self, "DevVpc", max_azs=2, nat_gateways=1)
