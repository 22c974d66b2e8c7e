"""nat_gateway_per_az for CloudFormation (YAML, JSON, SAM): an ``AWS::EC2::NatGateway``
that is the target of the default route (``AWS::EC2::Route`` with ``DestinationCidrBlock:
0.0.0.0/0`` and ``NatGatewayId``) of the route tables of private subnets
(``AWS::EC2::SubnetRouteTableAssociation``) in two or more availability zones
(``topology``); a regional gateway (``AvailabilityMode: regional``) spans zones and is
not reported. Reported without a fix: a gateway per zone needs an Elastic IP, a public
subnet in each other zone and a route table per zone, which only the author can lay out.

A subnet's zone is known when its ``AvailabilityZone`` is a literal (``eu-west-1a``) or
``!Select [n, !GetAZs ""]`` (``!GetAZs !Ref AWS::Region`` alike) with a literal n, or its
``AvailabilityZoneId`` a literal; a parameter, a mapping, a condition: unknown (no
finding from that subnet).
"""

from __future__ import annotations

from iacfix.codemods.common.cloudformation import gap
from iacfix.codemods.nat_gateway_per_az import topology
from iacfix.transforms.cloudformation import (
    MappingNode, ScalarNode, SequenceNode, get, intrinsic, int_value, ref_target, scalar, tag_of, text_of,
)


def detect(doc, ctx):
    resources = doc.resources()
    nats = {r.name: r for r in resources if r.type == "AWS::EC2::NatGateway" and _zonal(r)}
    if not nats:
        return
    routes, associations, zones = [], [], {}
    for r in resources:
        if r.type == "AWS::EC2::Route":
            if scalar(r.prop("DestinationCidrBlock")) != topology.DEFAULT_ROUTE:
                continue
            nat, table = ref_target(r.prop("NatGatewayId")), ref_target(r.prop("RouteTableId"))
            if nat in nats and table:
                routes.append((table, nat))
        elif r.type == "AWS::EC2::SubnetRouteTableAssociation":
            table, subnet = ref_target(r.prop("RouteTableId")), ref_target(r.prop("SubnetId"))
            if table and subnet:
                associations.append((table, subnet))
        elif r.type == "AWS::EC2::Subnet":
            z = zone(r)
            zones[r.name] = {z} if z is not None else None
    for name, zs in topology.shared_gateways(routes, associations, zones).items():
        yield gap(doc, nats[name], topology.message(name, zs))


def _zonal(nat) -> bool:
    node = nat.prop("AvailabilityMode")
    return topology.zonal(None if node is None else scalar(node) or False)


def zone(subnet):
    """The subnet's zone as ``topology`` compares them, None when the template does not state it."""
    az_id = scalar(subnet.prop("AvailabilityZoneId"))
    if az_id:
        return ("id", az_id)
    node = subnet.prop("AvailabilityZone")
    name = scalar(node)
    if name:
        return ("name", name)
    fn = intrinsic(node)
    if fn is None or fn[0] != "Fn::Select" or not isinstance(fn[1], SequenceNode) or len(fn[1].value) != 2:
        return None
    index, azs = fn[1].value
    n = int_value(index)
    inner = intrinsic(azs)
    if n is None or inner is None or inner[0] != "Fn::GetAZs":
        return None
    region_key = _region(inner[1])
    if region_key is None:
        return None
    return ("index", region_key, n)


def _region(arg):
    """``""`` for the stack's region (``!GetAZs ""``, ``Fn::GetAZs: !Ref AWS::Region``), a
    region's name, or None."""
    if tag_of(arg) == "!GetAZs":  # the short form: the tagged node is the argument
        if isinstance(arg, ScalarNode):
            return arg.value
        return "" if isinstance(arg, MappingNode) and text_of(get(arg, "Ref")) == "AWS::Region" else None
    if ref_target(arg) == "AWS::Region":
        return ""
    return scalar(arg)
