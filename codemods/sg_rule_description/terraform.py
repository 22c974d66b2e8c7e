"""sg-rule-description for Terraform: every security-group rule has a description.

Checked: the inline ``ingress``/``egress`` blocks of ``aws_security_group``,
``aws_security_group_rule``, and ``aws_vpc_security_group_ingress_rule`` /
``aws_vpc_security_group_egress_rule``. A rule without ``description`` (or with
``""`` or ``null``) gets one, written by ``describe.describe`` from the rule's
direction, protocol, ports and peers: CIDR literals, the Terraform name of a
referenced security group or prefix list (``aws_security_group.app.id`` and
``data.aws_security_group.app.id`` → ``app``), "this security group" for
``self = true`` or a rule referencing its own group; several peers are listed.
What the file does not spell out (a variable, a module output, a CIDR taken from
another resource) is left out of the text: "Allow HTTPS (tcp/443)".

Inline rules: one Gap per rule (detail ``ingress[0]``, ``egress[1]``, … — the
rule's position among the group's blocks of that type), at the rule, so an
``iacfix: ignore`` on the rule's line or on the security group counts.
Standalone rules: one Gap per resource. The description goes after the rule's
other arguments (before ``tags``).

Not covered (no finding): a description the detector cannot read (a variable, a
template — the author wrote one); ``dynamic "ingress"`` blocks and rules given as
an attribute (``ingress = [...]``), which are built by code.
"""

from __future__ import annotations

from typing import List, Optional

from lark import Tree

from iacfix.codemods.common.terraform import gap
from iacfix.codemods.sg_rule_description.describe import describe, peers_text
from iacfix.core import FixError, Gap, apply_edits
from iacfix.transforms import terraform as tf
from iacfix.transforms.terraform import UNKNOWN, literal, traversal, unwrap

INLINE = ("ingress", "egress")
INLINE_PEERS = ("cidr_blocks", "ipv6_cidr_blocks", "prefix_list_ids", "security_groups", "self")
# standalone rule types → (direction or None: the ``type`` argument, protocol argument, peer arguments)
STANDALONE = {
    "aws_security_group_rule": (None, "protocol", ("cidr_blocks", "ipv6_cidr_blocks", "prefix_list_ids",
                                                   "source_security_group_id", "self")),
    "aws_vpc_security_group_ingress_rule": ("ingress", "ip_protocol", ("cidr_ipv4", "cidr_ipv6", "prefix_list_id",
                                                                       "referenced_security_group_id")),
    "aws_vpc_security_group_egress_rule": ("egress", "ip_protocol", ("cidr_ipv4", "cidr_ipv6", "prefix_list_id",
                                                                     "referenced_security_group_id")),
}
# references that do not name a security group or prefix list of this file
_OPAQUE = ("var", "local", "module", "each", "count", "path", "self", "terraform")


def detect(doc, ctx):
    for res in doc.resources("aws_security_group"):
        for direction in INLINE:
            for i, rule in enumerate(res.blocks(direction)):
                text = _text(res, rule, direction, "protocol", INLINE_PEERS)
                if text is None:
                    continue
                yield Gap(
                    line=rule.line,
                    column=rule.node.meta.column,
                    end_line=rule.end_line,
                    resource_type=res.labels[0],
                    resource_name=res.labels[1],
                    message=f"{direction.capitalize()} rule {i + 1} of security group '{res.labels[1]}' "
                            f"has no description",
                    fix=_fixer(doc, res, direction, i, text),
                    detail=f"{direction}[{i}]",
                    suppress_lines=(res.line, res.line - 1),
                )
    for rtype, (direction, proto, peers) in STANDALONE.items():
        for res in doc.resources(rtype):
            way = direction
            if way is None:
                t = res.attr("type")
                way = literal(t.value) if t is not None else None
            text = _text(res, res, way if way in INLINE else None, proto, peers)
            if text is not None:
                yield gap(res, f"Security group rule '{res.labels[1]}' has no description",
                          fix=_fixer(doc, res, None, 0, text), detail="sg-rule-description")


def _text(res, rule, direction, proto_key, peers) -> Optional[str]:
    """The description ``rule`` needs, or None when it has one (or one that cannot be read)."""
    d = rule.attr("description")
    if d is not None and literal(d.value) not in ("", None):
        return None
    return describe(
        direction or "ingress",
        _known(rule, proto_key),
        _known(rule, "from_port"),
        _known(rule, "to_port"),
        _peer(res, rule, peers) if direction else None,
    )


def _known(block, name):
    a = block.attr(name)
    v = literal(a.value) if a is not None else None
    return None if v is UNKNOWN or isinstance(v, bool) else v


def _name(node) -> Optional[str]:
    """How the file names a security group / prefix list reference, else None."""
    t = traversal(node)
    if not t or t[0] in _OPAQUE:
        return None
    if t[0] == "data":
        return t[2] if len(t) >= 3 else None
    return t[1] if len(t) >= 2 else None


def _peer(res, rule, peers) -> Optional[str]:
    names: List[str] = []
    for p in peers:
        a = rule.attr(p)
        if a is None:
            continue
        if p == "self":
            v = literal(a.value)
            if v is True:
                names.append("this security group")
            elif v is not False and v is not None:
                return None
            continue
        node = unwrap(a.value)
        if isinstance(node, Tree) and node.data == "tuple":
            elems = [c for c in node.children if isinstance(c, Tree) and c.data != "new_line_or_comment"]
        elif p.endswith("_id") or p.startswith("cidr_"):  # one value
            elems = [node]
        else:
            return None  # a list built elsewhere
        for e in elems:
            v = literal(e)
            if isinstance(v, str):
                names.append(v)
                continue
            if p.startswith(("cidr", "ipv6")):
                return None  # a CIDR taken from elsewhere
            own = res.attr("security_group_id")
            if p == "referenced_security_group_id" and own is not None and traversal(own.value) is not None \
                    and traversal(own.value) == traversal(e):
                names.append("this security group")
                continue
            n = _name(e)
            if n is None:
                return None
            names.append(n)
    return peers_text(names)


def _fixer(doc, res, direction, index, text):
    """Standalone rules: one edit spanning the resource; inline rules: spanning the rule
    (realigned arguments must not be combined, in one pass, with another codemod's
    insertion aligned on the old text)."""

    def fix():
        rule = res.blocks(direction)[index] if direction else res
        d = rule.attr("description")
        if d is not None:
            edits = tf.replace_value(doc, d.value, tf.quote(text))
        else:
            edits = tf.insert_into_block(doc, rule, [("description", tf.quote(text))])
        new = apply_edits(doc.text, edits)
        if new == doc.text:
            raise FixError("nothing to change")
        return [tf.widen(tf.edit_between(doc.text, new), rule.start, rule.end, doc.text)]

    return fix
