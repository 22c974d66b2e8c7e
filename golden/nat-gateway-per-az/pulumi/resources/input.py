"""Orders network, written resource by resource."""

import pulumi_aws as aws

zones = aws.get_availability_zones(state="available")

vpc = aws.ec2.Vpc("orders", cidr_block="10.0.0.0/16")

public_a = aws.ec2.Subnet("public-a", vpc_id=vpc.id, cidr_block="10.0.0.0/24", availability_zone=zones.names[0])
private_a = aws.ec2.Subnet("private-a", vpc_id=vpc.id, cidr_block="10.0.10.0/24", availability_zone=zones.names[0])
private_b = aws.ec2.Subnet("private-b", vpc_id=vpc.id, cidr_block="10.0.11.0/24", availability_zone=zones.names[1])

nat_eip = aws.ec2.Eip("nat", domain="vpc")
nat = aws.ec2.NatGateway("nat", allocation_id=nat_eip.id, subnet_id=public_a.id)

private_routes = aws.ec2.RouteTable("private", vpc_id=vpc.id)
aws.ec2.Route(
    "private-egress",
    route_table_id=private_routes.id,
    destination_cidr_block="0.0.0.0/0",
    nat_gateway_id=nat.id,
)
aws.ec2.RouteTableAssociation("private-a", subnet_id=private_a.id, route_table_id=private_routes.id)
aws.ec2.RouteTableAssociation("private-b", subnet_id=private_b.id, route_table_id=private_routes.id)
