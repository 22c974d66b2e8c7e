"""nat_gateway_per_az for Terraform.

The terraform-aws-modules/vpc module (``lang.terraform.module_calls``): ``enable_nat_gateway
= true`` with ``single_nat_gateway = true`` routes the private subnets of every zone in
``azs`` through one gateway. Reported where ``azs`` has two or more zones for sure (a list
literal, ``slice(<list>, a, b)`` with literal bounds, a ``local`` of the module set to one of
those). The fix (unsafe) is the module's "one NAT gateway per availability zone" scenario:
``single_nat_gateway = false`` and ``one_nat_gateway_per_az = true`` (with both true the
single gateway wins, so both are written). It needs a public subnet per zone
(``public_subnets`` at least as long as ``azs``: a literal list, or a ``for`` over the
same zones): otherwise, or with ``reuse_nat_ips = true`` (Elastic IPs allocated outside
the module, one per gateway), the finding has no fix. A value the file does not spell
out (``single_nat_gateway = var.single_nat``) is the author's: no finding.

Raw resources: an ``aws_nat_gateway`` that is the target of the default route
(``0.0.0.0/0``, inline ``route`` blocks of ``aws_route_table`` or ``aws_route``) of the
route tables of private subnets (``aws_route_table_association``) in two or more zones
(``topology``) is reported without a fix. A subnet's zone is its ``availability_zone``
(``availability_zone_id``) literal, ``data.aws_availability_zones.<x>.names[n]`` or
``element(data.aws_availability_zones.<x>.names, n)``; with ``count = N`` and
``[count.index]`` it is N zones. A gateway with ``count``/``for_each`` referenced by
``[count.index]`` is one per instance, a regional one (``availability_mode = "regional"``)
spans zones: neither is reported.
"""

from __future__ import annotations

from typing import Dict, Optional

from iacfix.codemods.common.terraform import gap
from iacfix.codemods.lang.terraform import module_calls
from iacfix.codemods.nat_gateway_per_az import topology
from iacfix.core import Gap, apply_edits, module_docs
from iacfix.transforms import terraform as tf
from iacfix.transforms.terraform import Tree, literal, traversal, unwrap

VPC_MODULE = "terraform-aws-modules/vpc/aws"


def detect(doc, ctx):
    for block in module_calls(doc, VPC_MODULE):
        yield from _module(doc, block)
    yield from _raw(doc)


# ---------------------------------------------------------------------- the VPC module


def _module(doc, block):
    if literal(_value(block, "enable_nat_gateway")) is not True:
        return
    if literal(_value(block, "single_nat_gateway")) is not True:
        return
    azs = _count(doc, block.attr("azs"))
    if azs is None or azs < 2:
        return
    why = _no_fix(doc, block, azs)
    msg = f"VPC module '{block.labels[0]}' spans {azs} availability zones with a single NAT gateway"
    if why:
        msg += f" ({why})"
    yield Gap(line=block.line, column=block.node.meta.column, end_line=block.end_line,
              resource_type="module", resource_name=block.labels[0], message=msg,
              fix=None if why else _fixer(doc, block), unsafe=True)


def _value(block, name):
    a = block.attr(name)
    return a.value if a is not None else None


def _no_fix(doc, block, azs: int) -> str:
    if literal(_value(block, "reuse_nat_ips")) is not False and block.attr("reuse_nat_ips") is not None:
        return "reuse_nat_ips: allocate an Elastic IP per zone, then set one_nat_gateway_per_az"
    public = block.attr("public_subnets")
    n = _count(doc, public)
    if n is None and public is not None and _for_over(doc, public, block.attr("azs")):
        n = azs
    if n is None or n < azs:
        return "one_nat_gateway_per_az needs a public subnet in each zone"
    return ""


def _count(doc, attr) -> Optional[int]:
    """The length of a list the file spells out: a literal, ``slice(x, a, b)``, a local."""
    if attr is None:
        return None
    return _length(doc, attr.value, 0)


def _length(doc, node, depth: int) -> Optional[int]:
    node = unwrap(node)
    if not isinstance(node, Tree) or depth > 3:
        return None
    if node.data == "tuple":
        return sum(1 for c in node.children if isinstance(c, Tree) and c.data != "new_line_or_comment")
    call = tf.function_call(node)
    if call is not None and call[0] == "slice" and len(call[1]) == 3:
        a, b = literal(call[1][1]), literal(call[1][2])
        if isinstance(a, int) and isinstance(b, int) and not isinstance(a, bool) and not isinstance(b, bool):
            return max(b - a, 0)
        return None
    t = traversal(node)
    if t and len(t) == 2 and t[0] == "local" and node.data == "get_attr_expr_term":
        value = _local(doc, t[1])
        return _length(doc, value, depth + 1) if value is not None else None
    return None


def _local(doc, name: str):
    for _, d in module_docs(doc):
        for b in d.blocks_of("locals"):
            a = b.attr(name)
            if a is not None:
                return a.value
    return None


def _for_over(doc, public, azs) -> bool:
    """``public_subnets = [for k, v in <azs> : ...]``, over what ``azs`` is."""
    node = unwrap(public.value)
    if azs is None or not isinstance(node, Tree) or node.data != "for_tuple_expr":
        return False
    intro = next((c for c in node.children if isinstance(c, Tree) and c.data == "for_intro"), None)
    if intro is None:
        return False
    coll = [c for c in intro.children if isinstance(c, Tree)]
    if not coll:
        return False
    return _src(doc, coll[-1]) == _src(doc, azs.value)


def _src(doc, node) -> str:
    return "".join(doc.source(unwrap(node)).split())


def _fixer(doc, block):
    def fix():
        single = block.attr("single_nat_gateway")
        per_az = block.attr("one_nat_gateway_per_az")
        edits = tf.replace_values(doc, [(single.value, "false")] + ([(per_az.value, "true")] if per_az else []))
        if per_az is None:
            text = apply_edits(doc.text, edits)
            cur = tf.parse(text)
            b = next(m for m in cur.blocks_of("module") if m.labels == block.labels)
            anchor = b.attr("single_nat_gateway")
            text = apply_edits(text, tf.insert_into_block(cur, b, [("one_nat_gateway_per_az", "true")], after=anchor))
            return [tf.edit_between(doc.text, text)]
        return edits

    return fix


# ---------------------------------------------------------------------- raw resources


def _reference(node):
    """(type, name, index) of ``type.name[index].attr`` / ``type.name.attr``: index an int,
    "count" (``[count.index]``), "?" (another index) or None (none); None when not a reference."""
    node = unwrap(node)
    if not isinstance(node, Tree):
        return None
    t = traversal(node)
    if not t or len(t) < 2:
        return None
    index = None
    n = node
    while isinstance(n, Tree):
        if n.data == "index_expr_term":
            idx = next((c for c in n.children[1:] if isinstance(c, Tree)), None)
            inner = next((c for c in idx.children if isinstance(c, Tree)), None) if idx is not None else None
            v = literal(inner) if inner is not None else None
            it = traversal(inner) if inner is not None else None
            index = v if isinstance(v, int) and not isinstance(v, bool) else "count" if it == ["count", "index"] else "?"
        kids = [c for c in n.children if isinstance(c, Tree)]
        n = unwrap(kids[0]) if kids else None
    return t[0], t[1], index


def _instances(block) -> Optional[int]:
    """How many instances a resource has: 1, ``count`` when a literal, None when unknown."""
    if block.attr("for_each") is not None:
        return None
    c = block.attr("count")
    if c is None:
        return 1
    v = literal(c.value)
    return v if isinstance(v, int) and not isinstance(v, bool) else None


def _zone(node, instances: int):
    """The zones of a subnet's ``availability_zone`` by instance ({index: zone}), None when unknown."""
    v = literal(node)
    if isinstance(v, str):
        return {i: ("name", v) for i in range(instances)}
    node = unwrap(node)
    call = tf.function_call(node)
    if call is not None and call[0] == "element" and len(call[1]) == 2:
        base, idx = call[1]
    elif isinstance(node, Tree) and node.data == "index_expr_term":
        kids = [c for c in node.children if isinstance(c, Tree)]
        base = kids[0]
        idx = next((c for c in kids[1].children if isinstance(c, Tree)), None) if len(kids) > 1 else None
    else:
        return None
    t = traversal(base)
    if not t or len(t) != 4 or t[0] != "data" or t[1] != "aws_availability_zones" or t[3] not in ("names", "zone_ids"):
        return None
    region = ".".join(t[:3]) + "." + t[3]
    i = literal(idx) if idx is not None else None
    if isinstance(i, int) and not isinstance(i, bool):
        return {k: ("index", region, i) for k in range(instances)}
    if idx is not None and traversal(idx) == ["count", "index"]:
        return {k: ("index", region, k) for k in range(instances)}
    return None


def _zonal(nat) -> bool:
    a = nat.attr("availability_mode")
    v = literal(a.value) if a is not None else None
    return topology.zonal(v if isinstance(v, str) or v is None else False)


def _raw(doc):
    nats = {b.labels[1]: b for b in doc.resources("aws_nat_gateway") if _zonal(b)}
    if not nats:
        return
    single = {name for name, b in nats.items() if _instances(b) == 1}

    def nat_of(node):
        r = _reference(node)
        if r is None or r[0] != "aws_nat_gateway" or r[1] not in single:
            return None
        return r[1]

    routes = []
    for rt in doc.resources("aws_route_table"):
        for route in rt.blocks("route"):
            if literal(_value(route, "cidr_block")) == topology.DEFAULT_ROUTE:
                nat = nat_of(_value(route, "nat_gateway_id"))
                if nat:
                    routes.append((rt.labels[1], nat))
    for r in doc.resources("aws_route"):
        if literal(_value(r, "destination_cidr_block")) != topology.DEFAULT_ROUTE:
            continue
        nat = nat_of(_value(r, "nat_gateway_id"))
        table = _reference(_value(r, "route_table_id"))
        if nat and table and table[0] == "aws_route_table":
            routes.append((table[1], nat))
    if not routes:
        return
    zones: Dict = {}
    for s in doc.resources("aws_subnet"):
        n = _instances(s)
        az = s.attr("availability_zone") or s.attr("availability_zone_id")
        by_index = _zone(az.value, n) if n is not None and az is not None else None
        if by_index is not None and s.attr("availability_zone_id") is not None and s.attr("availability_zone") is None:
            by_index = {k: (("id",) + z[1:]) if z[0] == "name" else z for k, z in by_index.items()}
        zones[s.labels[1]] = by_index
    associations = []
    for a in doc.resources("aws_route_table_association"):
        table = _reference(_value(a, "route_table_id"))
        subnet = _reference(_value(a, "subnet_id"))
        if not table or not subnet or table[0] != "aws_route_table" or subnet[0] != "aws_subnet":
            continue
        by_index = zones.get(subnet[1])
        if by_index is None:
            continue
        key = (subnet[1], subnet[2] if isinstance(subnet[2], int) else "all")
        zones_of = {by_index[subnet[2]]} if isinstance(subnet[2], int) and subnet[2] in by_index else \
            set() if isinstance(subnet[2], int) else set(by_index.values())
        zones[key] = zones_of
        associations.append((table[1], key))
    shared = topology.shared_gateways(routes, associations, {k: v for k, v in zones.items() if isinstance(k, tuple)})
    for name, zs in shared.items():
        yield gap(nats[name], topology.message(name, zs), detail="raw")
