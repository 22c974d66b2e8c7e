"""Networks that keep each zone's egress in its zone."""

import pulumi
import pulumi_aws as aws
import pulumi_awsx as awsx

# awsx's default: a NAT gateway per zone
vpc = awsx.ec2.Vpc("orders-vpc", cidr_block="10.20.0.0/16")

per_az = awsx.ec2.Vpc(
    "reports-vpc",
    nat_gateways=awsx.ec2.NatGatewayConfigurationArgs(strategy=awsx.ec2.NatGatewayStrategy.ONE_PER_AZ),
)

# One zone: one gateway is one per zone
sandbox = awsx.ec2.Vpc(
    "sandbox-vpc",
    number_of_availability_zones=1,
    nat_gateways={"strategy": "Single"},
)

# No private subnets: nothing goes through a gateway
public_only = awsx.ec2.Vpc(
    "edge-vpc",
    subnet_specs=[awsx.ec2.SubnetSpecArgs(type=awsx.ec2.SubnetType.PUBLIC)],
    nat_gateways=awsx.ec2.NatGatewayConfigurationArgs(strategy=awsx.ec2.NatGatewayStrategy.SINGLE),
)

# A regional NAT gateway covers every zone
main = aws.ec2.Vpc("main", cidr_block="10.0.0.0/16")
private_a = aws.ec2.Subnet("private-a", vpc_id=main.id, cidr_block="10.0.1.0/24", availability_zone="eu-west-1a")
private_b = aws.ec2.Subnet("private-b", vpc_id=main.id, cidr_block="10.0.2.0/24", availability_zone="eu-west-1b")
nat = aws.ec2.NatGateway("nat", vpc_id=main.id, availability_mode="regional")
private_routes = aws.ec2.RouteTable(
    "private",
    vpc_id=main.id,
    routes=[aws.ec2.RouteTableRouteArgs(cidr_block="0.0.0.0/0", nat_gateway_id=nat.id)],
)
aws.ec2.RouteTableAssociation("private-a", subnet_id=private_a.id, route_table_id=private_routes.id)
aws.ec2.RouteTableAssociation("private-b", subnet_id=private_b.id, route_table_id=private_routes.id)

pulumi.export("vpc_id", vpc.vpc_id)
