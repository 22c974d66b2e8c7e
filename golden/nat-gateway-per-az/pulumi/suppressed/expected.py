"""Development network."""

import pulumi_aws as aws
import pulumi_awsx as awsx

# iacfix: ignore[nat-gateway-per-az] -- a development VPC: one gateway is enough
vpc = awsx.ec2.Vpc(
    "dev-vpc",
    nat_gateways=awsx.ec2.NatGatewayConfigurationArgs(strategy=awsx.ec2.NatGatewayStrategy.SINGLE),
)

app_sg = aws.ec2.SecurityGroup("dev-app", vpc_id=vpc.vpc_id, description="Development tasks")
