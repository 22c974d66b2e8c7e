"""kms_key_alias for AWS CDK v2 Go, as for CDK Python (``cdk.py``): ``awskms.NewKey(...)``
gets ``Alias: jsii.String("alias/<name>")``.

A key is compliant when it has ``Alias:``, when ``<key>.AddAlias(...)`` is called, or
when an ``awskms.NewAlias(..., &awskms.AliasProps{TargetKey: <key>})`` /
``awskms.NewCfnAlias(..., &awskms.CfnAliasProps{TargetKeyId: <key>.KeyId()})`` is in the
file. The alias is named after the construct id in kebab-case (``PaymentsKey`` →
``alias/payments-key``), with the environment suffix the function formats its names with
(``jsii.String(fmt.Sprintf("alias/payments-key-%s", suffix))``).

An L1 ``awskms.NewCfnKey`` (no ``Alias`` prop) gets an ``awskms.NewCfnAlias(<scope>,
jsii.String("<Id>Alias"), &awskms.CfnAliasProps{AliasName: ..., TargetKeyId: <key>.Ref()})``
statement right after it; it is fixable when it is assigned to a variable of its own.
Keys whose props are built elsewhere are left alone.
"""

from __future__ import annotations

import re

from iacfix.codemods.common import go as common
from iacfix.codemods.common.cdk import add_word_to_name
from iacfix.codemods.common.go import KMS
from iacfix.codemods.lang.go.values import Renderer, literal
from iacfix.core import FixError, Gap
from iacfix.transforms.go import JSII, GoLit, go_string

_KEY_ATTRS = re.compile(r"\.(KeyId|KeyArn|Ref|AttrKeyId|AttrArn)\(\)$")


def detect(doc, ctx):
    keys = [s for s in doc.calls() if s.path == KMS and s.func in ("NewKey", "NewCfnKey") and len(s.args) == 3]
    if not keys:
        return
    aliased = _aliased_keys(doc)
    for site in keys:
        props = site.args[2]
        lit = doc.literal(props)
        if lit is None and props.type != "nil":
            continue  # props built elsewhere
        if lit is not None and (not lit.plain or lit.field("Alias") is not None):
            continue
        if site.target and site.target in aliased:
            continue
        name = common.name_of(site)
        if site.func == "NewCfnKey":
            stmt = common.statement_of(doc, site.call)
            fixable = bool(site.target) and stmt is not None and stmt.type == "short_var_declaration"
            fix = (lambda site=site, stmt=stmt: _fix_cfn(doc, site, stmt, ctx["prefix"])) if fixable else None
        else:
            fix = lambda site=site, lit=lit: _fix(doc, site, lit, ctx["prefix"])  # noqa: E731
        yield Gap(
            line=site.line,
            column=site.column,
            end_line=site.end_line,
            resource_type=f"{doc.name_for(KMS)}.{site.func[len('New'):]}",
            resource_name=name,
            message=f"KMS key '{name}' has no alias",
            fix=fix,
        )


def _aliased_keys(doc) -> set:
    out = {m.receiver for m in common.method_calls(doc, "AddAlias")}
    for site in doc.calls():
        if site.path != KMS or site.func not in ("NewAlias", "NewCfnAlias") or len(site.args) != 3:
            continue
        lit = doc.literal(site.args[2])
        f = lit.field("TargetKey" if site.func == "NewAlias" else "TargetKeyId") if lit is not None else None
        if f is not None:
            out.add(_KEY_ATTRS.sub("", re.sub(r"\s+", "", doc.source(f.value))))
    return out


def _alias_value(doc, site, prefix: str, r: Renderer) -> str:
    """``jsii.String("alias/payments-key")`` / ``jsii.String(fmt.Sprintf("alias/payments-key-%s", suffix))``."""
    construct_id = literal(doc, site.arg(1))
    if isinstance(construct_id, str):
        name = common.kebab(construct_id)
    elif site.target:
        name = common.kebab(site.target)
    else:
        raise FixError("the key has no literal construct id to name its alias after")
    if not name:
        raise FixError("cannot derive an alias name from the key's construct id")
    env = common.env_suffix_expr(doc, site.call)
    if env:
        text = f'{r.pkg(common.FMT)}.Sprintf({go_string(common.go_format(prefix + name) + "-%s")}, {env})'
    else:
        text = go_string(prefix + name)
    return f"{r.pkg(JSII)}.String({text})"


def _fix(doc, site, lit, prefix):
    r = Renderer(doc)
    value = _alias_value(doc, site, prefix, r)
    if lit is None:
        edits = doc.nil_to_literal(site.args[2], GoLit(f"{r.pkg(KMS)}.KeyProps", (("Alias", value),)))
    else:
        edits = doc.insert_fields(lit, [(None, "Alias", value)])
    return r.import_edits() + edits


def _fix_cfn(doc, site, stmt, prefix):
    """L1 key: an ``awskms.NewCfnAlias(...)`` statement right after the key."""
    construct_id = literal(doc, site.arg(1))
    if not isinstance(construct_id, str):
        raise FixError("the key's construct id is not a string literal")
    r = Renderer(doc)
    props = GoLit(f"{r.pkg(KMS)}.CfnAliasProps", (
        ("AliasName", _alias_value(doc, site, prefix, r)),
        ("TargetKeyId", f"{site.target}.Ref()"),
    ))
    from iacfix.transforms.go import render

    indent = doc.indent_of(stmt.start_point[0])
    call = (f"{r.pkg(KMS)}.NewCfnAlias({doc.source(site.arg(0))}, "
            f"{r.pkg(JSII)}.String({go_string(add_word_to_name(construct_id, 'alias'))}), "
            f"{render(props, indent, inline=False)})")
    return r.import_edits() + [common.after_statement(doc, stmt, [call])]
