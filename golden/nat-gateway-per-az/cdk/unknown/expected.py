from aws_cdk import (
    Stack,
    aws_ec2 as ec2,
)
from constructs import Construct


class NetworkStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, nat_count: int, zones: int, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        ec2.Vpc(self, "OrdersVpc", max_azs=3, nat_gateways=nat_count)

        ec2.Vpc(self, "ReportsVpc", max_azs=zones, nat_gateways=1)

        ec2.Vpc(
            self,
            "BatchVpc",
            nat_gateways=1,
            subnet_configuration=self.subnet_layout(),
        )

    def subnet_layout(self) -> list:
        return [
            ec2.SubnetConfiguration(name="public", subnet_type=ec2.SubnetType.PUBLIC, cidr_mask=24),
            ec2.SubnetConfiguration(name="app", subnet_type=ec2.SubnetType.PRIVATE_WITH_EGRESS, cidr_mask=22),
        ]
