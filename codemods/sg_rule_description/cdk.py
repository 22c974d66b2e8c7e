"""sg_rule_description for AWS CDK v2 Python.

Checked: the rule methods ``<sg>.add_ingress_rule(peer, connection, description)`` /
``add_egress_rule`` and the ``<x>.connections.allow_*`` methods that take a
description (``allow_from``, ``allow_to``, ``allow_from_any_ipv4``,
``allow_internally``, ``allow_default_port_from``, ...), and the L1 rules:
``ec2.CfnSecurityGroup.IngressProperty(...)`` / ``EgressProperty(...)`` (inline
rules of a ``CfnSecurityGroup``), ``ec2.CfnSecurityGroupIngress`` and
``ec2.CfnSecurityGroupEgress``. A rule without a description (or with ``""``)
gets ``description="..."`` from ``codemods/sg_rule_description/describe.py``, in
the file's quote style.

What the description says: the protocol and ports of ``ec2.Port.tcp(443)``,
``tcp_range``, ``udp``, ``all_tcp``, ``all_traffic``, ``all_icmp``, the
``ec2.Port.HTTPS``-style constants and ``ec2.Port(protocol=..., from_port=...,
to_port=...)`` (L1: ``ip_protocol``, ``from_port``, ``to_port``); the peer: a CIDR
(``ec2.Peer.ipv4("10.0.0.0/16")``, ``any_ipv4()``, ``cidr_ip``), a prefix list or
security group id literal, a construct of the file by its construct id (``app_sg``
defined as ``ec2.SecurityGroup(self, "AppSecurityGroup")`` → ``AppSecurityGroup``),
another variable by its name, and "this security group" for a rule whose peer is
the security group itself (``allow_internally``, ``add_ingress_rule(sg, ...)`` on
``sg``). What the file does not spell out is left out of the text
("Allow traffic from AppSecurityGroup").

Not covered: a description given by any expression (a variable, an f-string):
compliant; rules written as dicts; calls with ``*args``/``**kwargs``.
"""

from __future__ import annotations

import re
from typing import Optional, Tuple

import libcst as cst

from iacfix.codemods.common import cdk as common
from iacfix.codemods.sg_rule_description.describe import describe
from iacfix.core import Gap
from iacfix.transforms.python import file_quote, kwarg, py_string

EC2 = "aws_cdk.aws_ec2"
# method → (direction, index of the peer (None: self / "any"), index of the port, index of the description)
METHODS = {
    "add_ingress_rule": ("ingress", 0, 1, 2),
    "add_egress_rule": ("egress", 0, 1, 2),
    "allow_from": ("ingress", 0, 1, 2),
    "allow_to": ("egress", 0, 1, 2),
    "allow_from_any_ipv4": ("ingress", "0.0.0.0/0", 0, 1),
    "allow_to_any_ipv4": ("egress", "0.0.0.0/0", 0, 1),
    "allow_internally": ("ingress", "self", 0, 1),
    "allow_default_port_from": ("ingress", 0, None, 1),
    "allow_default_port_from_any_ipv4": ("ingress", "0.0.0.0/0", None, 0),
    "allow_default_port_internally": ("ingress", "self", None, 0),
    "allow_to_default_port": ("egress", 0, None, 1),
}
PORT_CONSTANTS = {
    "DNS_TCP": ("tcp", 53), "DNS_UDP": ("udp", 53), "HTTP": ("tcp", 80), "HTTPS": ("tcp", 443),
    "IMAP": ("tcp", 143), "IMAPS": ("tcp", 993), "LDAP": ("tcp", 389), "MSSQL": ("tcp", 1433),
    "MYSQL_AURORA": ("tcp", 3306), "NFS": ("tcp", 2049), "POP3": ("tcp", 110), "POP3_S": ("tcp", 995),
    "POSTGRES": ("tcp", 5432), "RDP": ("tcp", 3389), "SMB": ("tcp", 445), "SMTP": ("tcp", 25), "SSH": ("tcp", 22),
}
PROTOCOL_MEMBERS = {"TCP": "tcp", "UDP": "udp", "ICMP": "icmp", "ICMPV6": "icmpv6", "ALL": "all"}
INGRESS_PROPERTY, EGRESS_PROPERTY = f"{EC2}.CfnSecurityGroup.IngressProperty", f"{EC2}.CfnSecurityGroup.EgressProperty"
CFN_INGRESS, CFN_EGRESS = f"{EC2}.CfnSecurityGroupIngress", f"{EC2}.CfnSecurityGroupEgress"
CFN_SG = f"{EC2}.CfnSecurityGroup"
# Attributes naming a security group's id: ``app_sg.security_group_id``, ``cfn_sg.attr_group_id``.
ID_ATTRS = ("security_group_id", "attr_group_id", "ref", "attr_id", "connections")

Port = Tuple[Optional[str], Optional[int], Optional[int]]


# ------------------------------------------------------------------ reading
def _ids(doc) -> dict:
    """Variable ("self.app_sg") → construct id ("AppSecurityGroup") of the constructs the file creates."""
    out = {}
    for n in doc.nodes:
        if isinstance(n, cst.Assign) and isinstance(n.value, cst.Call) and len(n.targets) == 1:
            pos = [a.value for a in n.value.args if a.keyword is None and not a.star]
            cid = common.string(pos[1]) if len(pos) > 1 else None
            if cid is not None:
                out[_ref(doc, n.targets[0].target)] = cid
    return out


def _ref(doc, node) -> str:
    return re.sub(r"\s+", "", doc.code(node))


def _base(doc, node) -> Optional[str]:
    """The variable an expression names, without an id attribute: ``self.app_sg.security_group_id`` → "self.app_sg"."""
    while isinstance(node, cst.Attribute) and node.attr.value in ID_ATTRS:
        node = node.value
    if isinstance(node, (cst.Name, cst.Attribute)):
        return _ref(doc, node)
    return None


def _call_name(doc, node) -> Optional[str]:
    """"Peer.ipv4" for ``ec2.Peer.ipv4(...)`` (a call of an aws_ec2 class method), else None."""
    if isinstance(node, cst.Call):
        for q in doc.qualified_names(node.func):
            if q.startswith(f"{EC2}."):
                return q[len(EC2) + 1:]
    return None


def _peer(doc, node, ids, me: Optional[str]) -> Optional[str]:
    name = _call_name(doc, node)
    if name is not None:
        args = [a.value for a in node.args if a.keyword is None]
        if name == "Peer.any_ipv4":
            return "0.0.0.0/0"
        if name == "Peer.any_ipv6":
            return "::/0"
        if name in ("Peer.ipv4", "Peer.ipv6", "Peer.prefix_list", "Peer.security_group_id") and args:
            return common.string(args[0])
        return None
    s = common.string(node)
    if s is not None:
        return s
    base = _base(doc, node)
    if base is None:
        return None
    if me is not None and base == me:
        return "this security group"
    return ids.get(base) or base.rsplit(".", 1)[-1]


def _int(node) -> Optional[int]:
    n = common.number(node)
    return int(n) if n is not None and float(n).is_integer() else None


def _port(doc, node) -> Port:
    if node is None:
        return None, None, None
    if isinstance(node, cst.Attribute):
        for q in doc.qualified_names(node):
            if q.startswith(f"{EC2}.Port."):
                proto, port = PORT_CONSTANTS.get(q.rsplit(".", 1)[1], (None, None))
                return proto, port, port
        return None, None, None
    name = _call_name(doc, node)
    if name is None:
        return None, None, None
    args = [a.value for a in node.args if a.keyword is None]
    method = name.rsplit(".", 1)[-1]
    if name == "Port":
        proto = kwarg(node, "protocol")
        member = None
        if proto is not None:
            for q in doc.qualified_names(proto.value):
                if q.startswith(f"{EC2}.Protocol."):
                    member = PROTOCOL_MEMBERS.get(q.rsplit(".", 1)[1])
        lo, hi = kwarg(node, "from_port"), kwarg(node, "to_port")
        return member, _int(lo.value) if lo else None, _int(hi.value) if hi else None
    if not name.startswith("Port."):
        return None, None, None
    if method in ("tcp", "udp"):
        p = _int(args[0]) if args else None
        return method, p, p
    if method in ("tcp_range", "udp_range"):
        lo, hi = (_int(args[0]), _int(args[1])) if len(args) == 2 else (None, None)
        return method[:3], lo, hi
    if method in ("all_tcp", "all_udp"):
        return method[4:], 0, 65535
    if method == "all_traffic":
        return "all", None, None
    if method == "all_icmp_v6":
        return "icmpv6", None, None
    if method.startswith("icmp") or method == "all_icmp":
        return "icmp", None, None
    return None, None, None


def _l1_port(node: cst.Call) -> Port:
    proto = kwarg(node, "ip_protocol")
    p = None
    if proto is not None:
        p = common.string(proto.value)
        if p is None and _int(proto.value) is not None:
            p = str(_int(proto.value))
    lo, hi = kwarg(node, "from_port"), kwarg(node, "to_port")
    return p, _int(lo.value) if lo else None, _int(hi.value) if hi else None


def _missing(node: Optional[cst.BaseExpression]) -> bool:
    return node is None or common.string(node) == ""


# ---------------------------------------------------------------- detector
def detect(doc, ctx):
    if common.is_cdk_v1(doc):
        return
    ids = _ids(doc)
    found = []  # (call, description node or None, direction, protocol/ports, peer, type, name)
    for method, (direction, peer_at, port_at, desc_at) in METHODS.items():
        for call in common.method_calls(doc, method):
            if any(a.star for a in call.args):
                continue
            pos = [a.value for a in call.args if a.keyword is None]
            desc = kwarg(call, "description")
            desc = desc.value if desc is not None else (pos[desc_at] if len(pos) > desc_at else None)
            if not _missing(desc):
                continue
            receiver = call.func.value
            if isinstance(receiver, cst.Attribute) and receiver.attr.value == "connections":
                receiver = receiver.value
            me = _base(doc, receiver)
            if isinstance(peer_at, int):
                other = pos[peer_at] if len(pos) > peer_at else None
                peer = _peer(doc, other, ids, me) if other is not None else None
            else:
                peer = "this security group" if peer_at == "self" else peer_at
            port = _port(doc, pos[port_at] if port_at is not None and len(pos) > port_at else None)
            name = ids.get(me) or (me or "security group")
            found.append((call, desc, direction, port, peer, "aws_ec2.SecurityGroup", name))
    for site in doc.calls(INGRESS_PROPERTY, EGRESS_PROPERTY, CFN_INGRESS, CFN_EGRESS):
        if site.has_star_kwargs():
            continue
        desc = site.kwarg("description")
        if not _missing(desc.value if desc else None):
            continue
        ingress = site.qualname in (INGRESS_PROPERTY, CFN_INGRESS)
        me = None
        if site.qualname in (CFN_INGRESS, CFN_EGRESS):
            group = site.kwarg("group_id")
            me = _base(doc, group.value) if group is not None else None
            name = common.name_of(site)
        else:
            owner = _owner(doc, site.call)
            name = common.name_of(owner) if owner is not None else "security group"
        peer = None
        keys = (
            ("cidr_ip", "cidr_ipv6", "source_security_group_id", "source_prefix_list_id")
            if ingress
            else ("cidr_ip", "cidr_ipv6", "destination_security_group_id", "destination_prefix_list_id")
        )
        for k in keys:
            a = site.kwarg(k)
            if a is not None:
                peer = _peer(doc, a.value, ids, me)
                break
        found.append((site.call, desc.value if desc else None, "ingress" if ingress else "egress",
                      _l1_port(site.call), peer, site.qualname.replace("aws_cdk.", "", 1), name))

    seen = {}
    quote = file_quote(doc)
    for call, desc, direction, (proto, lo, hi), peer, rtype, name in sorted(found, key=lambda f: doc.start(f[0])):
        text = describe(direction, proto, lo, hi, peer)
        key = (rtype, name, text)
        seen[key] = seen.get(key, 0) + 1
        detail = text if seen[key] == 1 else f"{text} #{seen[key]}"
        r = doc.range(call)
        yield Gap(
            line=r.start.line,
            column=r.start.column + 1,
            end_line=r.end.line,
            resource_type=rtype,
            resource_name=name,
            message=f"Security group rule of '{name}' has no description ({text})",
            fix=lambda call=call, desc=desc, text=text: _fix(doc, call, desc, py_string(text, quote)),
            detail=detail,
        )


def _owner(doc, node):
    """The ``CfnSecurityGroup`` construct an inline rule belongs to."""
    cur = doc.parent(node)
    while cur is not None:
        if isinstance(cur, cst.Call) and CFN_SG in doc.qualified_names(cur.func):
            return doc._site(cur, CFN_SG)
        cur = doc.parent(cur)
    return None


def _fix(doc, call, desc, literal):
    if desc is not None:  # description=""
        return doc.replace_node(desc, literal)
    return doc.add_kwargs(call, [("description", literal)])
