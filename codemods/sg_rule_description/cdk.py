"""sg_rule_description for AWS CDK v2, Python and Go (one detector on the neutral view of
``lang.view``).

Checked: the rule methods ``<sg>.add_ingress_rule(peer, connection, description)`` /
``add_egress_rule`` (Go: ``AddIngressRule(peer, connection, description, remoteRule)``)
and the ``<x>.connections.allow_*`` methods that take a description (``allow_from``,
``allow_to``, ``allow_from_any_ipv4``, ``allow_internally``, ``allow_default_port_from``,
...; Go: ``<x>.Connections().AllowFrom(...)``), and the L1 rules:
``ec2.CfnSecurityGroup.IngressProperty(...)`` / ``EgressProperty(...)`` (inline rules of a
``CfnSecurityGroup``; Go: ``&awsec2.CfnSecurityGroup_IngressProperty{...}``),
``ec2.CfnSecurityGroupIngress`` and ``ec2.CfnSecurityGroupEgress``. A rule without a
description (Go: ``nil``), or with ``""``, gets one from
``codemods/sg_rule_description/describe.py``, in the file's style
(``description="..."`` / ``jsii.String("...")``).

What the description says: the protocol and ports of ``ec2.Port.tcp(443)``,
``tcp_range``, ``udp``, ``all_tcp``, ``all_traffic``, ``all_icmp``, the
``ec2.Port.HTTPS``-style constants (Go: ``awsec2.Port_HTTPS()``) and ``ec2.Port(protocol=...,
from_port=..., to_port=...)`` (Go: ``awsec2.NewPort(&awsec2.PortProps{...})``; L1:
``ip_protocol``, ``from_port``, ``to_port``); the peer: a CIDR (``ec2.Peer.ipv4("10.0.0.0/16")``,
``any_ipv4()``, ``cidr_ip``), a prefix list or security group id literal, a construct of
the file by its construct id (``app_sg`` defined as ``ec2.SecurityGroup(self,
"AppSecurityGroup")`` → ``AppSecurityGroup``), another variable by its name, and "this
security group" for a rule whose peer is the security group itself (``allow_internally``,
``add_ingress_rule(sg, ...)`` on ``sg``). What the file does not spell out is left out of
the text ("Allow traffic from AppSecurityGroup").

Not covered: a description given by any expression (a variable, an f-string):
compliant; rules written as dicts; calls with ``*args``/``**kwargs``.
"""

from __future__ import annotations

from typing import List, Optional, Tuple

from iacfix.codemods.lang import cdk_file
from iacfix.codemods.lang.view import Arg
from iacfix.codemods.sg_rule_description.describe import describe
from iacfix.codemods.spec import ABSENT
from iacfix.core import Gap

EC2 = "aws_cdk.aws_ec2"
# method → (direction, index of the peer (else the peer itself), index of the port, index of the description)
METHODS = {
    "add_ingress_rule": ("ingress", 0, 1, 2),
    "add_egress_rule": ("egress", 0, 1, 2),
    "allow_from": ("ingress", 0, 1, 2),
    "allow_to": ("egress", 0, 1, 2),
    "allow_from_any_ipv4": ("ingress", "0.0.0.0/0", 0, 1),
    "allow_to_any_ipv4": ("egress", "0.0.0.0/0", 0, 1),
    "allow_internally": ("ingress", "this security group", 0, 1),
    "allow_default_port_from": ("ingress", 0, None, 1),
    "allow_default_port_from_any_ipv4": ("ingress", "0.0.0.0/0", None, 0),
    "allow_default_port_internally": ("ingress", "this security group", None, 0),
    "allow_to_default_port": ("egress", 0, None, 1),
}
PORT, PROTOCOL, PEER = f"{EC2}.Port", f"{EC2}.Protocol", f"{EC2}.Peer"
PORT_CONSTANTS = {
    "DNS_TCP": ("tcp", 53), "DNS_UDP": ("udp", 53), "HTTP": ("tcp", 80), "HTTPS": ("tcp", 443),
    "IMAP": ("tcp", 143), "IMAPS": ("tcp", 993), "LDAP": ("tcp", 389), "MSSQL": ("tcp", 1433),
    "MYSQL_AURORA": ("tcp", 3306), "NFS": ("tcp", 2049), "POP3": ("tcp", 110), "POP3_S": ("tcp", 995),
    "POSTGRES": ("tcp", 5432), "RDP": ("tcp", 3389), "SMB": ("tcp", 445), "SMTP": ("tcp", 25), "SSH": ("tcp", 22),
}
# Port.<method> → (protocol, from, to); None: from the arguments
PORT_METHODS = {
    "tcp": ("tcp", None, None), "udp": ("udp", None, None), "tcp_range": ("tcp", None, None),
    "udp_range": ("udp", None, None), "all_tcp": ("tcp", 0, 65535), "all_udp": ("udp", 0, 65535),
    "all_traffic": ("all", None, None), "all_icmp": ("icmp", None, None), "all_icmp_v6": ("icmpv6", None, None),
    "icmp_ping": ("icmp", None, None), "icmp_type": ("icmp", None, None), "icmp_type_and_code": ("icmp", None, None),
}
PROTOCOL_MEMBERS = {"TCP": "tcp", "UDP": "udp", "ICMP": "icmp", "ICMPV6": "icmpv6", "ALL": "all"}
PEERS = {"any_ipv4": "0.0.0.0/0", "any_ipv6": "::/0", "ipv4": None, "ipv6": None, "prefix_list": None,
         "security_group_id": None}
CFN_SG = f"{EC2}.CfnSecurityGroup"
INGRESS_PROPERTY, EGRESS_PROPERTY = f"{CFN_SG}.IngressProperty", f"{CFN_SG}.EgressProperty"
CFN_INGRESS, CFN_EGRESS = f"{EC2}.CfnSecurityGroupIngress", f"{EC2}.CfnSecurityGroupEgress"
PEER_PROPS = {"ingress": ("cidr_ip", "cidr_ipv6", "source_security_group_id", "source_prefix_list_id"),
              "egress": ("cidr_ip", "cidr_ipv6", "destination_security_group_id", "destination_prefix_list_id")}
# Attributes naming a security group's id: ``app_sg.security_group_id``, ``cfn_sg.attr_group_id``.
ID_ATTRS = ("security_group_id", "attr_group_id", "ref", "attr_id", "connections")

Port = Tuple[Optional[str], Optional[int], Optional[int]]


# ------------------------------------------------------------------ reading
def _peer(arg: Optional[Arg], ids: dict, me: Optional[str]) -> Optional[str]:
    if arg is None:
        return None
    made = arg.call(*(f"{PEER}.{m}" for m in PEERS))
    if made is not None:
        cidr = PEERS[made[0].rpartition(".")[2]]
        v = made[1][0].value if made[1] and cidr is None else cidr
        return v if isinstance(v, str) else None
    v = arg.value
    if isinstance(v, str):
        return v
    var = arg.variable(ID_ATTRS)
    if var is None:
        return None
    if me is not None and var == me:
        return "this security group"
    return ids.get(var) or var.rsplit(".", 1)[-1]


def _int(v) -> Optional[int]:
    return int(v) if isinstance(v, (int, float)) and not isinstance(v, bool) and float(v).is_integer() else None


def _port(arg: Optional[Arg]) -> Port:
    if arg is None:
        return None, None, None
    constant = PORT_CONSTANTS.get(arg.member(PORT) or "")
    if constant is not None:
        return constant[0], constant[1], constant[1]
    props = arg.props(PORT)
    if props is not None:
        return (PROTOCOL_MEMBERS.get(props.member("protocol", PROTOCOL) or ""),
                _int(props.value("from_port")), _int(props.value("to_port")))
    made = arg.call(*(f"{PORT}.{m}" for m in PORT_METHODS))
    if made is None:
        return None, None, None
    method, args = made[0].rpartition(".")[2], made[1]
    proto, lo, hi = PORT_METHODS[method]
    if method in ("tcp", "udp"):
        lo = hi = _int(args[0].value) if args else None
    elif method.endswith("_range") and len(args) == 2:
        lo, hi = _int(args[0].value), _int(args[1].value)
    return proto, lo, hi


def _missing(arg: Optional[Arg]) -> bool:
    """No description: none given, ``None`` / ``nil``, or ``""``."""
    return arg is None or arg.value is ABSENT or arg.value == ""


# ---------------------------------------------------------------- detector
def detect(doc, ctx):
    f = cdk_file(doc, ctx)
    ids = f.construct_ids()
    found = []  # (call or construct, write(text), direction, port, peer, type, name)
    sg_type = f.resource_type(f"{EC2}.SecurityGroup")
    for call in f.method_sites(METHODS):
        direction, peer_at, port_at, desc_at = METHODS[call.method]
        if call.opaque or not _missing(call.arg(desc_at, "description")):
            continue
        args = call.args + [None] * 3
        me = call.receiver.variable(ID_ATTRS)
        peer = _peer(args[peer_at], ids, me) if isinstance(peer_at, int) else peer_at
        port = _port(args[port_at] if port_at is not None else None)
        found.append((call, lambda text, call=call, at=desc_at: call.set_arg(at, "description", text),
                      direction, port, peer, sg_type, ids.get(me) or me or "security group"))
    for rule in f.structs(INGRESS_PROPERTY, EGRESS_PROPERTY) + f.constructs(CFN_INGRESS, CFN_EGRESS):
        if rule.opaque or not _missing(rule.arg("description")):
            continue
        direction = "ingress" if rule.qualname in (INGRESS_PROPERTY, CFN_INGRESS) else "egress"
        if rule.qualname in (CFN_INGRESS, CFN_EGRESS):
            group = rule.arg("group_id")
            me, name = group.variable(ID_ATTRS) if group is not None else None, rule.name
        else:  # named after the CfnSecurityGroup it is written in
            owner = rule.enclosing(CFN_SG)
            me, name = None, owner.name if owner is not None else "security group"
        peer = next((_peer(rule.arg(k), ids, me) for k in PEER_PROPS[direction] if rule.has(k)), None)
        proto = rule.value("ip_protocol")
        port = (str(proto) if isinstance(proto, (str, int)) and not isinstance(proto, bool) else None,
                _int(rule.value("from_port")), _int(rule.value("to_port")))
        found.append((rule, lambda text, rule=rule: _describe(rule, text), direction, port, peer,
                      rule.resource_type, name))

    seen = {}
    found.sort(key=lambda x: (x[0].line, x[0].column))
    for site, write, direction, (proto, lo, hi), peer, rtype, name in found:
        text = describe(direction, proto, lo, hi, peer)
        key = (rtype, name, text)
        seen[key] = seen.get(key, 0) + 1
        yield Gap(
            line=site.line,
            column=site.column,
            end_line=site.end_line,
            resource_type=rtype,
            resource_name=name,
            message=f"Security group rule of '{name}' has no description ({text})",
            fix=site.fixer(lambda write=write, text=text: write(text)),
            detail=text if seen[key] == 1 else f"{text} #{seen[key]}",
        )


def _describe(rule, text: str) -> List:
    if rule.has("description"):  # description=""
        return rule.edit(set=[("description", text)])
    return rule.add_props([("description", rule.render(text))])
