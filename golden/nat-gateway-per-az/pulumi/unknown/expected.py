"""Network whose gateways the stack's configuration chooses."""

import pulumi
import pulumi_aws as aws
import pulumi_awsx as awsx

config = pulumi.Config()
strategy = config.get("natStrategy") or awsx.ec2.NatGatewayStrategy.SINGLE

vpc = awsx.ec2.Vpc(
    "orders-vpc",
    nat_gateways=awsx.ec2.NatGatewayConfigurationArgs(strategy=strategy),
)

reports = awsx.ec2.Vpc(
    "reports-vpc",
    number_of_availability_zones=config.require_int("zones"),
    nat_gateways=awsx.ec2.NatGatewayConfigurationArgs(strategy=awsx.ec2.NatGatewayStrategy.SINGLE),
)

app_sg = aws.ec2.SecurityGroup("orders-app", vpc_id=vpc.vpc_id, description="Orders service tasks")
