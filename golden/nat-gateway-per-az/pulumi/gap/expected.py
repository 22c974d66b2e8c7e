"""Network for the orders service."""

import pulumi
import pulumi_aws as aws
import pulumi_awsx as awsx

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or "dev"

vpc = awsx.ec2.Vpc(
    f"orders-vpc-{environment_suffix}",
    cidr_block="10.20.0.0/16",
    number_of_availability_zones=3,
    nat_gateways=awsx.ec2.NatGatewayConfigurationArgs(
        strategy=awsx.ec2.NatGatewayStrategy.ONE_PER_AZ,
    ),
)

batch_vpc = awsx.ec2.Vpc(
    f"batch-vpc-{environment_suffix}",
    availability_zone_names=["eu-west-1a", "eu-west-1b"],
    nat_gateways=awsx.ec2.NatGatewayConfigurationArgs(
        strategy=awsx.ec2.NatGatewayStrategy.SINGLE,
        elastic_ip_allocation_ids=[config.require("natEipAllocationId")],
    ),
)

app_sg = aws.ec2.SecurityGroup("orders-app", vpc_id=vpc.vpc_id, description="Orders service tasks")

pulumi.export("vpc_id", vpc.vpc_id)
