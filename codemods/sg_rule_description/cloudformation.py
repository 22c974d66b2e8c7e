"""sg_rule_description for CloudFormation: every security-group rule has a description.

Checked: the inline rules of ``AWS::EC2::SecurityGroup`` (each mapping of
``SecurityGroupIngress`` / ``SecurityGroupEgress``: one finding per rule, on the
rule's line, so that a single rule can be suppressed) and the standalone
``AWS::EC2::SecurityGroupIngress`` / ``AWS::EC2::SecurityGroupEgress`` resources.
A rule without ``Description`` or with an empty one gets the text of
``describe.describe`` (e.g. ``Allow PostgreSQL (tcp/5432) from AppSecurityGroup``),
in the template's quote style, at the end of the rule's mapping. Parts the
template does not spell out (a port or protocol from a parameter) are left out of
the text. The peer is the ``CidrIp`` / ``CidrIpv6`` literal, or the logical id that
``SourceSecurityGroupId`` / ``DestinationSecurityGroupId`` / the prefix-list id
refers to (``Ref`` / ``GetAtt``; a literal id as written), or "this security
group" when it is the rule's own group.
A ``Description`` from an intrinsic function counts as present. Rules given by an
intrinsic (``!If``, a ``Fn::ForEach`` fragment) are unknown: no finding.
Not covered: rules in other resources (``AWS::EC2::NetworkAclEntry`` has no
description; VPC Lattice, RDS DB security groups).
"""

from __future__ import annotations

import re

from iacfix.codemods.common.cloudformation import gap
from iacfix.codemods.sg_rule_description.describe import describe
from iacfix.core import Gap
from iacfix.transforms.cloudformation import (
    MappingNode, Raw, get, int_value, intrinsic, is_map, is_seq, ref_target, scalar,
)

INLINE = {"SecurityGroupIngress": "ingress", "SecurityGroupEgress": "egress"}
STANDALONE = {"AWS::EC2::SecurityGroupIngress": "ingress", "AWS::EC2::SecurityGroupEgress": "egress"}
PEERS = {
    "ingress": ("CidrIp", "CidrIpv6", "SourceSecurityGroupId", "SourcePrefixListId", "SourceSecurityGroupName"),
    "egress": ("CidrIp", "CidrIpv6", "DestinationSecurityGroupId", "DestinationPrefixListId"),
}


def detect(doc, ctx):
    for res in doc.resources():
        if res.type == "AWS::EC2::SecurityGroup":
            props = res.properties
            if not is_map(props) or intrinsic(props):
                continue
            for prop, direction in INLINE.items():
                rules = res.prop(prop)
                if not is_seq(rules):
                    continue
                for i, rule in enumerate(rules.value):
                    if not _missing(rule):
                        continue
                    text = _describe(rule, direction, res.name)
                    yield Gap(
                        line=doc.line_of(rule),
                        column=rule.start_mark.column + 1,
                        end_line=doc.end_line_of(rule),
                        resource_type=res.type,
                        resource_name=res.name,
                        message=f"{direction.capitalize()} rule {i + 1} of security group '{res.name}' "
                                f"has no description",
                        fix=_fixer(doc, rule, text),
                        detail=f"{prop}[{i}]",
                    )
        elif res.type in STANDALONE:
            props = res.properties
            if not _missing(props):
                continue
            direction = STANDALONE[res.type]
            group = ref_target(get(props, "GroupId")) or scalar(get(props, "GroupName"))
            text = _describe(props, direction, group)
            kind = "Ingress" if direction == "ingress" else "Egress"
            yield gap(doc, res, f"{kind} rule '{res.name}' has no description", fix=_fixer(doc, props, text))


def _missing(rule) -> bool:
    """A rule mapping the detector can read, without a description (or with an empty one)."""
    if not isinstance(rule, MappingNode) or not is_map(rule) or intrinsic(rule) or not rule.value:
        return False
    d = get(rule, "Description")
    return d is None or scalar(d) == ""


def _describe(rule, direction: str, own_group) -> str:
    protocol = scalar(get(rule, "IpProtocol"))
    return describe(direction, protocol, int_value(get(rule, "FromPort")), int_value(get(rule, "ToPort")),
                    _peer(rule, direction, own_group))


def _peer(rule, direction: str, own_group):
    for name in PEERS[direction]:
        node = get(rule, name)
        if node is None:
            continue
        literal = scalar(node)
        if literal:
            return literal
        if name.startswith("Cidr"):
            return None  # a CIDR from a parameter or a VPC attribute: not spelled out
        target = ref_target(node)
        if target is None:
            return None
        if own_group and target == own_group:
            return "this security group"
        return None if target.startswith("AWS::") else target
    return None


# Descriptions a person writes unquoted in a template that leaves its strings plain:
# parentheses and slashes are plain YAML (the editor's own check is stricter).
_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 ()./_-]*[A-Za-z0-9)]")


def _value(doc, text):
    if not doc.style.json and doc.style.quote == "" and _PLAIN.fullmatch(text):
        return Raw(text)
    return text


def _fixer(doc, rule, text):
    def fix():
        d = get(rule, "Description")
        if d is not None:
            return [doc.replace_value(d, _value(doc, text))]
        return [doc.add_to_mapping(rule, [("Description", _value(doc, text))])]

    return fix
