from aws_cdk import (
    Stack,
    aws_ec2 as ec2,
)
from constructs import Construct


class NetworkStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # CDK's default: one NAT gateway per availability zone
        self.vpc = ec2.Vpc(self, "OrdersVpc", max_azs=3)

        # No NAT gateway at all: isolated subnets reach AWS through endpoints
        ec2.Vpc(
            self,
            "LedgerVpc",
            max_azs=2,
            nat_gateways=0,
            subnet_configuration=[
                ec2.SubnetConfiguration(name="data", subnet_type=ec2.SubnetType.PRIVATE_ISOLATED, cidr_mask=24),
            ],
        )

        # One zone, one gateway
        ec2.Vpc(self, "SandboxVpc", max_azs=1, nat_gateways=1)

        # As many gateways as zones
        ec2.Vpc(self, "BatchVpc", availability_zones=["eu-west-1a", "eu-west-1b"], nat_gateways=2)

        # A gateway per zone for two of three zones: without the stack's env the VPC has two
        ec2.Vpc(self, "ReportsVpc", max_azs=3, nat_gateways=2)

        # One regional NAT gateway covers every zone
        ec2.Vpc(
            self,
            "EdgeVpc",
            max_azs=3,
            nat_gateways=1,
            nat_gateway_provider=ec2.NatProvider.regional_gateway(),
        )
