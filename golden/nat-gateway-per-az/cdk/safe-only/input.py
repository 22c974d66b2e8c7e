from aws_cdk import (
    Stack,
    aws_ec2 as ec2,
)
from constructs import Construct


class NetworkStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, environment_suffix: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        self.vpc = ec2.Vpc(
            self,
            "OrdersVpc",
            vpc_name=f"orders-{environment_suffix}",
            ip_addresses=ec2.IpAddresses.cidr("10.20.0.0/16"),
            max_azs=3,
            nat_gateways=1,
            subnet_configuration=[
                ec2.SubnetConfiguration(name="public", subnet_type=ec2.SubnetType.PUBLIC, cidr_mask=24),
                ec2.SubnetConfiguration(name="app", subnet_type=ec2.SubnetType.PRIVATE_WITH_EGRESS, cidr_mask=22),
            ],
        )

        ec2.Vpc(self, "BatchVpc", availability_zones=["eu-west-1a", "eu-west-1b", "eu-west-1c"], nat_gateways=2)

        ec2.Vpc(
            self,
            "ReportsVpc",
            nat_gateways=1,
            nat_gateway_provider=ec2.NatProvider.gateway(),
        )
