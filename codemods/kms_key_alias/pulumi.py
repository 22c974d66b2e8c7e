"""kms-key-alias for Pulumi Python: every ``kms.Key`` has a ``kms.Alias`` targeting it.

A key is compliant when any ``aws.kms.Alias`` in the file targets it by any
reference (``key.id``, ``key.key_id``, ``key.arn``). The fix adds, right after
the key::

    payments_key_alias = aws.kms.Alias(
        "payments-key-alias",
        name=f"alias/payments-key-{environment_suffix}",
        target_key_id=payments_key.key_id,
    )
"""

from __future__ import annotations

import libcst as cst

from iacfix.codemods.common import pulumi as pc
from iacfix.core import FixError, Gap
from iacfix.transforms import python as py


def detect(doc, ctx):
    aliases = pc.aws_calls(doc, "kms.Alias")
    targeted = set()
    for a in aliases:
        targeted |= pc.references(doc, pc.kw_value(a, "target_key_id"))
    for key in pc.aws_calls(doc, "kms.Key", "kms.ExternalKey"):
        if pc.var(key) and pc.var(key) in targeted:
            continue
        yield Gap(
            **pc.where(key),
            resource_type=pc.rtype(key),
            resource_name=pc.label(key),
            message=f"KMS key '{pc.display(key)}' has no alias",
            fix=(lambda key=key: _fix(doc, ctx, key)) if pc.var(key) and pc.standalone(key) else None,
            detail="alias",
        )


def alias_name(doc, key, prefix: str) -> str:
    """``"alias/<key name in kebab-case>"``, with the environment suffix where the file uses one."""
    node = pc.name_node(key)
    env = pc.env_suffix(doc, key)
    q = py.file_quote(doc)
    if isinstance(node, cst.SimpleString) and len(node.quote) == 1:
        name = pc.kebab(node.evaluated_value)
        if env:
            return f"f{node.quote}{prefix}{name}-{{{env}}}{node.quote}"
        return py.str_code(doc, prefix + name, node)
    if isinstance(node, cst.FormattedString) and len(node.end) == 1:
        parts = []
        for p in node.parts:
            if isinstance(p, cst.FormattedStringText):
                parts.append(cst.FormattedStringText(pc.kebab(p.value, strip=False)))
            else:
                parts.append(p)
        if env and env not in pc.references(doc, node):
            sep = "" if isinstance(parts[-1], cst.FormattedStringText) and parts[-1].value.endswith("-") else "-"
            parts.append(cst.FormattedStringText(sep))
            parts.append(cst.FormattedStringExpression(cst.parse_expression(env)))
        if parts and isinstance(parts[0], cst.FormattedStringText):
            parts[0] = cst.FormattedStringText(prefix + parts[0].value)
        else:
            parts.insert(0, cst.FormattedStringText(prefix))
        return doc.code(node.with_changes(parts=parts))
    if isinstance(node, (cst.Name, cst.Attribute)):
        return f"f{q}{prefix}{{{doc.code(node)}}}{q}"
    raise FixError("cannot derive an alias name from the key's name")


def _fix(doc, ctx, key):
    if not pc.var(key):
        raise FixError(f"KMS key '{pc.display(key)}' is not assigned to a variable the alias can target")
    stmt = pc.statement(key)
    cls, edits = pc.aws_name(doc, "kms.Alias")
    args = [
        (None, py.Code(pc.derive_name(doc, pc.name_node(key), "alias"))),
        ("name", py.Code(alias_name(doc, key, ctx["prefix"]))),
        ("target_key_id", py.Code(f"{pc.var(key)}.key_id")),
    ]
    opts = pc.opts_for_new(doc, key)
    if opts is not None:
        args.append(("opts", opts))
    var = pc.derive_var(doc, pc.var(key), "alias", "key_alias")
    code = pc.statement_code(doc, key, var, cls, args)
    return py.dedupe(edits + doc.insert_after_statement(stmt, code, blank_line=None))
