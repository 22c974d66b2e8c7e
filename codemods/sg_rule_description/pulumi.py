"""sg-rule-description for Pulumi Python: every security-group rule has a description.

Checked: the inline rules of ``ec2.SecurityGroup`` (``ingress=[...]``/``egress=[...]``
list literals of ``ec2.SecurityGroupIngressArgs(...)``/``SecurityGroupEgressArgs(...)``
calls or dicts), ``ec2.SecurityGroupRule`` and ``vpc.SecurityGroupIngressRule``/
``vpc.SecurityGroupEgressRule``. A rule without ``description`` (or with ``""``)
gets one, written by ``describe.describe`` from the rule's direction, protocol,
ports and peer, in the file's quote style: a CIDR literal, the variable of a
referenced security group or prefix list (``app_sg.id`` → ``app_sg``), "this
security group" for ``self=True``; several peers are listed. What the file does
not spell out is left out of the text ("Allow tcp traffic from app_sg").

One Gap per rule (inline rules: detail ``ingress[0]``, ``egress[1]``, …, the
position of the rule in its list), at the rule, so an ``iacfix: ignore`` on the
rule's line or on the security group counts. The description goes after the
rule's other arguments (standalone rules: before ``tags=``/``opts=``).

Not covered (no finding): a description the detector cannot read (a variable,
an f-string — the author wrote one), rule lists built by code (comprehensions,
concatenations, variables), rules with ``**`` splats.
"""

from __future__ import annotations

from typing import List, Optional

import libcst as cst

from iacfix.codemods.common import pulumi as pc
from iacfix.codemods.sg_rule_description.describe import describe, peers_text
from iacfix.core import Gap
from iacfix.transforms import python as py

INLINE = ("ingress", "egress")
# standalone rule classes → (protocol, peer arguments)
STANDALONE = {
    "ec2.SecurityGroupRule": ("protocol", ("cidr_blocks", "ipv6_cidr_blocks", "prefix_list_ids",
                                           "source_security_group_id", "self")),
    "vpc.SecurityGroupIngressRule": ("ip_protocol", ("cidr_ipv4", "cidr_ipv6", "prefix_list_id",
                                                     "referenced_security_group_id")),
    "vpc.SecurityGroupEgressRule": ("ip_protocol", ("cidr_ipv4", "cidr_ipv6", "prefix_list_id",
                                                    "referenced_security_group_id")),
}
INLINE_PEERS = ("cidr_blocks", "ipv6_cidr_blocks", "prefix_list_ids", "security_groups", "self")
UNKNOWN = pc.UNKNOWN


def detect(doc, ctx):
    for site in pc.aws_calls(doc, "ec2.SecurityGroup"):
        if pc.has_splat(site):
            continue
        for direction in INLINE:
            rules = pc.kw_value(site, direction)
            if not isinstance(rules, cst.List):
                continue
            for i, el in enumerate(rules.elements):
                if isinstance(el, cst.StarredElement):
                    break
                yield from _rule(doc, site, el.value, direction, "protocol", INLINE_PEERS, f"{direction}[{i}]")
    for qual, (proto, peers) in STANDALONE.items():
        for site in pc.aws_calls(doc, qual):
            if pc.has_splat(site):
                continue
            if qual.startswith("vpc."):
                direction = "ingress" if qual.endswith("IngressRule") else "egress"
            else:
                direction = pc.literal(pc.kw_value(site, "type"))
                direction = direction if direction in INLINE else None
            yield from _rule(doc, site, pc.props_call(site), direction, proto, peers, "sg-rule-description")


def _get(doc, rule, name):
    """A field of a rule (Args/resource call or dict): its value node, None when absent, UNKNOWN when unreadable."""
    if isinstance(rule, cst.Call):
        if pc.has_splat(rule):
            return UNKNOWN
        return pc.kw_value(rule, name)
    if isinstance(rule, cst.Dict):
        if pc.dict_keys(doc, rule) is None:
            return UNKNOWN
        el = pc.dict_get(rule, name) or pc.dict_get(rule, pc.camel(name))
        if el is None and (name in pc.dict_keys(doc, rule) or pc.camel(name) in pc.dict_keys(doc, rule)):
            return UNKNOWN  # set in a spread dict
        return el.value if el is not None else None
    return UNKNOWN


def _value(node):
    v = pc.literal(node)
    return None if v is UNKNOWN else v


def _peer_names(doc, node) -> Optional[List[str]]:
    """How the file names the peers of one peer argument; None when one cannot be read."""
    items = node.elements if isinstance(node, cst.List) else [node]
    out = []
    for it in items:
        v = it.value if isinstance(it, (cst.Element, cst.StarredElement)) else it
        if isinstance(it, cst.StarredElement):
            return None
        s = pc.literal(v)
        if isinstance(s, str):
            out.append(s)
            continue
        if isinstance(v, cst.Attribute) and v.attr.value in ("id", "arn", "prefix_list_id"):
            v = v.value
        if isinstance(v, cst.Attribute) and isinstance(v.value, cst.Name) and v.value.value == "self":
            v = v.attr  # self.app_sg → app_sg
        if isinstance(v, (cst.Name, cst.Attribute)):
            out.append(doc.code(v))
            continue
        return None
    return out


def _peer(doc, rule, peers) -> Optional[str]:
    names = []
    for p in peers:
        node = _get(doc, rule, p)
        if node is None:
            continue
        if node is UNKNOWN:
            return None
        if p == "self":
            if pc.literal(node) is True:
                names.append("this security group")
            elif pc.literal(node) is not False:
                return None
            continue
        found = _peer_names(doc, node)
        if found is None:
            return None
        names += found
    return peers_text(names)


def _rule(doc, site, rule, direction, proto_key, peers, detail):
    if not isinstance(rule, (cst.Call, cst.Dict)):
        return
    desc = _get(doc, rule, "description")
    if desc is UNKNOWN or (desc is not None and pc.literal(desc) != ""):
        return  # described (or unreadable)
    proto = _get(doc, rule, proto_key)
    text = describe(
        direction or "ingress",
        _value(proto) if proto is not UNKNOWN else None,
        _value(_get(doc, rule, "from_port")) if _get(doc, rule, "from_port") is not UNKNOWN else None,
        _value(_get(doc, rule, "to_port")) if _get(doc, rule, "to_port") is not UNKNOWN else None,
        _peer(doc, rule, peers) if direction else None,
    )
    like = next((n for n in (proto, desc) if isinstance(n, cst.SimpleString)), None)
    code = py.str_code(doc, text, like)
    pos = pc.where(site)
    inline = rule is not pc.props_call(site)
    if inline:
        line = doc.range(rule).start.line
        pos = {"line": line, "column": doc.range(rule).start.column + 1, "end_line": doc.range(rule).end.line,
               "suppress_lines": (site.line, site.line - 1, *pos["suppress_lines"])}
    what = f"Security group '{pc.display(site)}' rule {detail}" if inline else f"Security group rule '{pc.display(site)}'"
    yield Gap(
        **pos,
        resource_type=pc.rtype(site),
        resource_name=pc.label(site),
        message=f"{what} has no description",
        fix=lambda: _fix(doc, rule, desc, code, inline),
        detail=detail,
    )


def _fix(doc, rule, desc, code, inline):
    if desc is not None:  # description=""
        return doc.replace_node(desc, code)
    if isinstance(rule, cst.Dict):
        return doc.add_dict_entries(rule, [(py.str_code(doc, "description", _key(rule)), py.Code(code))])
    return doc.add_kwargs(rule, [("description", py.Code(code))], before=None if inline else pc.LAST)


def _key(d: cst.Dict):
    return next((el.key for el in d.elements if isinstance(el, cst.DictElement)), None)
