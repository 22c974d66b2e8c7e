"""sg_rule_description for AWS CDK v2 Go, as for CDK Python (``cdk.py``).

Checked: ``<sg>.AddIngressRule(peer, connection, description, remoteRule)`` /
``AddEgressRule`` and the ``<x>.Connections().Allow*`` methods that take a description
(``AllowFrom``, ``AllowTo``, ``AllowFromAnyIpv4``, ``AllowInternally``,
``AllowDefaultPortFrom``, ...; CDK Python's ``METHODS``), and the L1 rules:
``&awsec2.CfnSecurityGroup_IngressProperty{...}`` / ``EgressProperty`` and
``awsec2.NewCfnSecurityGroupIngress`` / ``NewCfnSecurityGroupEgress``. A rule whose
description is ``nil`` (or ``jsii.String("")``, or absent from an L1 literal) gets
``jsii.String("...")`` from ``describe.py``: the protocol and ports of
``awsec2.Port_Tcp(jsii.Number(443))``, ``Port_TcpRange``, ``Port_Udp``, ``Port_AllTcp()``,
``Port_AllTraffic()``, ``Port_AllIcmp()``, the ``Port_HTTPS()``-style constants and
``awsec2.NewPort(&awsec2.PortProps{...})`` (L1: ``IpProtocol``, ``FromPort``, ``ToPort``); the
peer: a CIDR (``awsec2.Peer_Ipv4(jsii.String("10.0.0.0/16"))``, ``Peer_AnyIpv4()``, ``CidrIp``),
a prefix list or security group id literal, a construct of the file by its construct id,
another variable by its name, "this security group" for a rule on itself. A description
given by any other expression is compliant.
"""

from __future__ import annotations

import re
from typing import Optional

from iacfix.codemods.common import go as common
from iacfix.codemods.lang.go import names
from iacfix.codemods.lang.go.values import Renderer, literal
from iacfix.codemods.sg_rule_description.cdk import METHODS, PORT_CONSTANTS, PROTOCOL_MEMBERS
from iacfix.codemods.sg_rule_description.describe import describe
from iacfix.core import Gap
from iacfix.transforms.go import JSII, _walk_type, go_string

EC2 = "github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
GO_METHODS = {names.field(m): spec for m, spec in METHODS.items()}
ID_ATTRS = re.compile(r"\.(SecurityGroupId|AttrGroupId|Ref|AttrId|Connections)\(\)$")


def _args(node):
    a = node.child_by_field_name("arguments")
    return [c for c in a.named_children if c.type != "comment"] if a is not None else []


def _ids(doc) -> dict:
    return {s.target: literal(doc, s.arg(1)) for s in doc.calls()
            if s.target and s.func.startswith("New") and isinstance(literal(doc, s.arg(1)), str)}


def _base(doc, node) -> Optional[str]:
    code = re.sub(r"\s+", "", doc.source(node))
    while True:
        new = ID_ATTRS.sub("", code)
        if new == code:
            break
        code = new
    return code if re.fullmatch(r"[A-Za-z_][\w.]*", code) else None


def _peer(doc, node, ids, me) -> Optional[str]:
    if node.type == "call_expression":
        sel = doc.selector(node.child_by_field_name("function"))
        if sel is not None and sel[0] == EC2:
            args = _args(node)
            if sel[1] == "Peer_AnyIpv4":
                return "0.0.0.0/0"
            if sel[1] == "Peer_AnyIpv6":
                return "::/0"
            if sel[1] in ("Peer_Ipv4", "Peer_Ipv6", "Peer_PrefixList", "Peer_SecurityGroupId") and args:
                v = literal(doc, args[0])
                return v if isinstance(v, str) else None
            return None
    v = literal(doc, node)
    if isinstance(v, str):
        return v
    base = _base(doc, node)
    if base is None:
        return None
    if me is not None and base == me:
        return "this security group"
    return ids.get(base) or base.rsplit(".", 1)[-1]


def _int(doc, node) -> Optional[int]:
    v = literal(doc, node) if node is not None else None
    return int(v) if isinstance(v, (int, float)) and not isinstance(v, bool) and float(v).is_integer() else None


def _port(doc, node):
    if node is None or node.type != "call_expression":
        return None, None, None
    sel = doc.selector(node.child_by_field_name("function"))
    if sel is None or sel[0] != EC2:
        return None, None, None
    args = _args(node)
    name = sel[1]
    if name == "NewPort":
        lit = doc.literal(args[0]) if args else None
        if lit is None:
            return None, None, None
        proto = lit.field("Protocol")
        psel = doc.selector(proto.value) if proto is not None else None
        member = PROTOCOL_MEMBERS.get(psel[1][len("Protocol_"):]) if psel and psel[1].startswith("Protocol_") else None
        lo, hi = lit.field("FromPort"), lit.field("ToPort")
        return member, _int(doc, lo.value) if lo else None, _int(doc, hi.value) if hi else None
    if not name.startswith("Port_"):
        return None, None, None
    method = name[len("Port_"):]
    if method in PORT_CONSTANTS:
        proto, port = PORT_CONSTANTS[method]
        return proto, port, port
    if method in ("Tcp", "Udp"):
        p = _int(doc, args[0]) if args else None
        return method.lower(), p, p
    if method in ("TcpRange", "UdpRange"):
        lo, hi = (_int(doc, args[0]), _int(doc, args[1])) if len(args) == 2 else (None, None)
        return method[:3].lower(), lo, hi
    if method in ("AllTcp", "AllUdp"):
        return method[3:].lower(), 0, 65535
    if method == "AllTraffic":
        return "all", None, None
    if method == "AllIcmpV6":
        return "icmpv6", None, None
    if method.startswith("Icmp") or method == "AllIcmp":
        return "icmp", None, None
    return None, None, None


def _missing(doc, node) -> bool:
    return node is None or node.type == "nil" or literal(doc, node) == ""


def detect(doc, ctx):
    ids = _ids(doc)
    found = []  # (position node, description node / (literal, None), direction, port, peer, type, name)
    for call in _walk_type(doc.tree.root_node, "call_expression"):
        fn = call.child_by_field_name("function")
        if fn is None or fn.type != "selector_expression":
            continue
        method = doc.source(fn.child_by_field_name("field"))
        if method not in GO_METHODS:
            continue
        receiver = fn.child_by_field_name("operand")
        if receiver.type == "call_expression":  # x.Connections().AllowFrom(...)
            rf = receiver.child_by_field_name("function")
            if rf is None or rf.type != "selector_expression" or doc.source(rf.child_by_field_name("field")) != "Connections":
                continue
            receiver = rf.child_by_field_name("operand")
        if receiver.type != "identifier" or doc.path_of(doc.source(receiver)) is not None:
            continue
        direction, peer_at, port_at, desc_at = GO_METHODS[method]
        args = _args(call)
        if len(args) <= desc_at or not _missing(doc, args[desc_at]):
            continue
        me = doc.source(receiver)
        if isinstance(peer_at, int):
            peer = _peer(doc, args[peer_at], ids, me) if len(args) > peer_at else None
        else:
            peer = "this security group" if peer_at == "self" else peer_at
        port = _port(doc, args[port_at] if port_at is not None and len(args) > port_at else None)
        found.append((call, ("arg", args[desc_at]), direction, port, peer, "awsec2.SecurityGroup", ids.get(me) or me))
    for node in _walk_type(doc.tree.root_node, "composite_literal"):
        lit = doc.literal(node)
        if lit is None or lit.type_path != EC2 or not lit.plain:
            continue
        kinds = {"CfnSecurityGroup_IngressProperty": "ingress", "CfnSecurityGroup_EgressProperty": "egress",
                 "CfnSecurityGroupIngressProps": "ingress", "CfnSecurityGroupEgressProps": "egress"}
        if lit.type_name not in kinds:
            continue
        desc = lit.field("Description")
        if not _missing(doc, desc.value if desc is not None else None):
            continue
        ingress = kinds[lit.type_name] == "ingress"
        me, name, rtype = None, "security group", "awsec2.CfnSecurityGroup"
        if lit.type_name.endswith("Props"):
            site = next((s for s in doc.calls() if s.arg(2) is not None and s.arg(2) == lit.outer), None)
            group = lit.field("GroupId")
            me = _base(doc, group.value) if group is not None else None
            name = common.name_of(site) if site is not None else name
            rtype = f"awsec2.{lit.type_name[:-len('Props')]}"
        else:
            owner = _owner(doc, node)
            name = common.name_of(owner) if owner is not None else name
        peer = None
        keys = (("CidrIp", "CidrIpv6", "SourceSecurityGroupId", "SourcePrefixListId") if ingress
                else ("CidrIp", "CidrIpv6", "DestinationSecurityGroupId", "DestinationPrefixListId"))
        for k in keys:
            f = lit.field(k)
            if f is not None:
                peer = _peer(doc, f.value, ids, me)
                break
        proto = lit.field("IpProtocol")
        p = literal(doc, proto.value) if proto is not None else None
        p = p if isinstance(p, str) else None
        lo, hi = lit.field("FromPort"), lit.field("ToPort")
        port = (p, _int(doc, lo.value) if lo else None, _int(doc, hi.value) if hi else None)
        found.append((lit.outer, ("field", lit, desc), "ingress" if ingress else "egress", port, peer, rtype, name))

    seen = {}
    for at, desc, direction, (proto, lo, hi), peer, rtype, name in sorted(found, key=lambda f: doc.start(f[0])):
        text = describe(direction, proto, lo, hi, peer)
        key = (rtype, name, text)
        seen[key] = seen.get(key, 0) + 1
        yield Gap(
            line=at.start_point[0] + 1,
            column=doc.column(doc.start(at)),
            end_line=at.end_point[0] + 1,
            resource_type=rtype,
            resource_name=name,
            message=f"Security group rule of '{name}' has no description ({text})",
            fix=lambda desc=desc, text=text: _fix(doc, desc, text),
            detail=text if seen[key] == 1 else f"{text} #{seen[key]}",
        )


def _owner(doc, node):
    cur = node.parent
    while cur is not None:
        if cur.type == "call_expression":
            site = next((s for s in doc.calls() if s.call == cur), None)
            if site is not None and (site.path, site.func) == (EC2, "NewCfnSecurityGroup"):
                return site
        cur = cur.parent
    return None


def _fix(doc, desc, text):
    r = Renderer(doc)
    value = f"{r.pkg(JSII)}.String({go_string(text)})"
    if desc[0] == "arg":
        edits = doc.replace(desc[1], value)
    elif desc[2] is not None:
        edits = doc.replace(desc[2].value, value)
    else:
        edits = doc.insert_fields(desc[1], [(None, "Description", value)])
    return r.import_edits() + edits
