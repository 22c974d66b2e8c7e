"""nat_gateway_per_az for Pulumi Python.

``awsx.ec2.Vpc`` (pulumi_awsx): ``nat_gateways`` with the strategy ``SINGLE``
(``awsx.ec2.NatGatewayConfigurationArgs(strategy=awsx.ec2.NatGatewayStrategy.SINGLE)``, a
dict ``{"strategy": "Single"}`` alike) routes the private subnets of every zone through one
gateway. Reported when the VPC has two or more zones for sure: ``availability_zone_names``
a list of two or more literals, else ``number_of_availability_zones`` absent (awsx's
default is 3) or a literal of at least 2. The fix (unsafe) sets the strategy to
``ONE_PER_AZ`` (``"OnePerAz"``), written as the strategy was (the enum member, or the
string in its quotes); it is awsx's default when there are private subnets, but the
author stated a strategy, so it stays stated. With ``elastic_ip_allocation_ids`` (whose
number must match the strategy: one per zone) the finding has no fix. ``subnet_specs``
without a private subnet (``SubnetType.PRIVATE``) needs no gateway: no finding, and none
when the specs cannot be read. A strategy the file does not spell out is the author's.

Classic ``aws.ec2`` resources (``NatGateway``, ``RouteTable`` with ``routes``, ``Route``,
``RouteTableAssociation``, ``Subnet``), assigned to variables: a NAT gateway that is the
default route (``0.0.0.0/0``) of the private subnets of two or more zones (``topology``)
is reported without a fix; a regional one (``availability_mode="regional"``) spans zones. A subnet's zone is its ``availability_zone`` literal
(``availability_zone_id`` alike) or ``<zones>.names[n]`` with ``<zones> =
aws.get_availability_zones(...)``; a subnet made in a loop has no known zone.
"""

from __future__ import annotations

import libcst as cst

from iacfix.codemods.common import pulumi as pc
from iacfix.codemods.nat_gateway_per_az import topology
from iacfix.core import Gap
from iacfix.transforms import python as py

AWSX = "pulumi_awsx.ec2"
STRATEGY = f"{AWSX}.NatGatewayStrategy"
SINGLE, PER_AZ = ("SINGLE", "Single"), ("ONE_PER_AZ", "OnePerAz")


def detect(doc, ctx):
    for vpc in doc.calls(f"{AWSX}.Vpc"):
        yield from _awsx(doc, vpc)
    yield from _raw(doc)


# ---------------------------------------------------------------------- awsx.ec2.Vpc


def _awsx(doc, vpc):
    if pc.has_splat(vpc):
        return
    config = pc.kw_value(vpc, "nat_gateways")
    strategy = _strategy(doc, config)
    if strategy is None or not _is(doc, strategy, SINGLE):
        return
    zones = _zone_count(vpc)
    if zones is None or zones < 2:
        return
    if not _private(doc, vpc):
        return
    msg = f"VPC '{pc.display(vpc)}' spans {zones} availability zones with a single NAT gateway"
    fix = None
    if _field(config, "elastic_ip_allocation_ids") is not None:
        msg += " (elastic_ip_allocation_ids: allocate an Elastic IP per zone, then set the strategy ONE_PER_AZ)"
    else:
        fix = lambda strategy=strategy: _per_az(doc, strategy)  # noqa: E731
    yield Gap(**pc.where(vpc), resource_type="awsx.ec2.Vpc", resource_name=pc.label(vpc), message=msg,
              fix=fix, unsafe=True)


def _strategy(doc, config):
    """The node of the strategy a NAT gateway configuration states, else None."""
    if isinstance(config, cst.Call) and not doc.qualified_names(config.func) & {f"{AWSX}.NatGatewayConfigurationArgs"}:
        return None
    return _field(config, "strategy")


def _field(config, name: str):
    """A field of ``NatGatewayConfigurationArgs(...)`` or of a dict, else None."""
    if isinstance(config, cst.Call):
        return pc.kw_value(config, name)
    if isinstance(config, cst.Dict):
        e = pc.dict_get(config, name)
        return e.value if e is not None else None
    return None


def _is(doc, node, member) -> bool:
    """Is ``node`` the strategy ``member`` (the enum member, or its string value)?"""
    enum, value = member
    if isinstance(node, (cst.Attribute, cst.Name)):
        return f"{STRATEGY}.{enum}" in doc.qualified_names(node)
    return pc.literal(node) == value


def _zone_count(vpc):
    names = pc.kw_value(vpc, "availability_zone_names")
    if names is not None:
        if isinstance(names, (cst.List, cst.Tuple)) and all(isinstance(pc.literal(e.value), str) for e in names.elements):
            return len(names.elements)
        return None
    n = pc.kw_value(vpc, "number_of_availability_zones")
    if n is None:
        return 3  # awsx's default
    v = pc.literal(n)
    return v if isinstance(v, int) and not isinstance(v, bool) else None


def _private(doc, vpc) -> bool:
    """Does the VPC have private subnets (for sure)? awsx's default specs do."""
    specs = pc.kw_value(vpc, "subnet_specs")
    if specs is None:
        return True
    if not isinstance(specs, (cst.List, cst.Tuple)):
        return False
    for e in specs.elements:
        spec = e.value
        if isinstance(spec, cst.Call):
            t = pc.kw_value(spec, "type")
        elif isinstance(spec, cst.Dict):
            found = pc.dict_get(spec, "type")
            t = found.value if found is not None else None
        else:
            return False
        if t is not None and (f"{AWSX}.SubnetType.PRIVATE" in doc.qualified_names(t) if isinstance(t, cst.Attribute)
                              else pc.literal(t) == "Private"):
            return True
    return False


def _per_az(doc, strategy):
    if isinstance(strategy, cst.Attribute):
        return doc.replace_node(strategy.attr, PER_AZ[0])
    return doc.replace_node(strategy, py.str_code(doc, PER_AZ[1], strategy))


# ---------------------------------------------------------------------- raw resources


def _raw(doc):
    nats = {pc.var(s): s for s in pc.aws_calls(doc, "ec2.NatGateway") if pc.var(s) and _zonal(s)}
    if not nats:
        return

    def one(site, name):
        return pc.kw_value(site, name)

    def var_of(node, known):
        for r in pc.references(doc, node):
            base = r.rsplit(".", 1)[0] if "." in r else r
            if base in known:
                return base
        return None

    routes = []
    for rt in pc.aws_calls(doc, "ec2.RouteTable"):
        if not pc.var(rt):
            continue
        entries = one(rt, "routes")
        if not isinstance(entries, (cst.List, cst.Tuple)):
            continue
        for e in entries.elements:
            route = e.value
            if isinstance(route, cst.Call):
                cidr, target = pc.kw_value(route, "cidr_block"), pc.kw_value(route, "nat_gateway_id")
            elif isinstance(route, cst.Dict):
                c, t = pc.dict_get(route, "cidr_block"), pc.dict_get(route, "nat_gateway_id")
                cidr, target = (c.value if c else None), (t.value if t else None)
            else:
                continue
            nat = var_of(target, nats) if target is not None else None
            if pc.literal(cidr) == topology.DEFAULT_ROUTE and nat:
                routes.append((pc.var(rt), nat))
    tables = {pc.var(s) for s in pc.aws_calls(doc, "ec2.RouteTable") if pc.var(s)}
    for r in pc.aws_calls(doc, "ec2.Route"):
        if pc.literal(one(r, "destination_cidr_block")) != topology.DEFAULT_ROUTE:
            continue
        nat, table = var_of(one(r, "nat_gateway_id"), nats), var_of(one(r, "route_table_id"), tables)
        if nat and table:
            routes.append((table, nat))
    if not routes:
        return
    subnets = {pc.var(s): s for s in pc.aws_calls(doc, "ec2.Subnet") if pc.var(s)}
    zones = {name: _zone(doc, s) for name, s in subnets.items()}
    associations = []
    for a in pc.aws_calls(doc, "ec2.RouteTableAssociation"):
        table, subnet = var_of(one(a, "route_table_id"), tables), var_of(one(a, "subnet_id"), subnets)
        if table and subnet:
            associations.append((table, subnet))
    for name, zs in topology.shared_gateways(routes, associations, zones).items():
        nat = nats[name]
        yield Gap(**pc.where(nat), resource_type=pc.rtype(nat), resource_name=pc.label(nat),
                  message=topology.message(pc.display(nat), zs), detail="raw")


def _zonal(nat) -> bool:
    node = pc.kw_value(nat, "availability_mode")
    v = pc.literal(node) if node is not None else None
    return not pc.has_splat(nat) and topology.zonal(v if isinstance(v, str) or v is None else False)


def _zone(doc, subnet):
    for kw, kind in (("availability_zone", "name"), ("availability_zone_id", "id")):
        node = pc.kw_value(subnet, kw)
        if node is None:
            continue
        v = pc.literal(node)
        if isinstance(v, str):
            return {(kind, v)}
        # <zones>.names[n], <zones> = aws.get_availability_zones(...)
        if isinstance(node, cst.Subscript) and isinstance(node.value, cst.Attribute) \
                and node.value.attr.value in ("names", "zone_ids") and len(node.slice) == 1:
            index = node.slice[0].slice
            n = pc.literal(index.value) if isinstance(index, cst.Index) else None
            base = node.value.value
            if isinstance(n, int) and not isinstance(n, bool) and _zone_list(doc, base):
                return {("index", doc.code(base) + "." + node.value.attr.value, n)}
        return None
    return None


def _zone_list(doc, node) -> bool:
    """Is ``node`` the result of ``aws.get_availability_zones(...)`` (a call, or a variable assigned one)?"""
    values = [node] if isinstance(node, cst.Call) else pc.assigned_values(doc, doc.code(node))
    if len(values) != 1 or not isinstance(values[0], cst.Call):
        return False
    return bool(doc.qualified_names(values[0].func) & {"pulumi_aws.get_availability_zones",
                                                       "pulumi_aws.get_availability_zones_output"})
