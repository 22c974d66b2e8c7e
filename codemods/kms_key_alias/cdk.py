"""kms_key_alias for AWS CDK v2 Python: ``kms.Key(...)`` gets ``alias="alias/<name>"``.

A key is compliant when it has ``alias=``, when ``<key>.add_alias(...)`` is
called, or when a ``kms.Alias(target_key=<key>)`` / ``kms.CfnAlias(target_key_id=<key>.key_id)``
exists in the file. The alias is named after the construct id in kebab-case
(``PaymentsKey`` → ``alias/payments-key``), with the environment suffix the
stack uses (``alias=f"alias/payments-key-{environment_suffix}"``).

An L1 ``kms.CfnKey`` (no ``alias`` prop) gets a ``kms.CfnAlias(self, "<Id>Alias",
alias_name=..., target_key_id=<key>.ref)`` statement right after it, laid out
like the key; it is compliant when a ``CfnAlias`` targets it already.
"""

from __future__ import annotations

import re

import libcst as cst

from iacfix.codemods.common import cdk as common
from iacfix.core import FixError, Gap
from iacfix.transforms.python import file_quote, py_string

KEY = "aws_cdk.aws_kms.Key"
ALIAS = "aws_cdk.aws_kms.Alias"
CFN_ALIAS = "aws_cdk.aws_kms.CfnAlias"
CFN_KEY = "aws_cdk.aws_kms.CfnKey"


def detect(doc, ctx):
    keys = doc.calls(KEY)
    cfn_keys = doc.calls(CFN_KEY)
    if not keys and not cfn_keys:
        return
    if common.is_cdk_v1(doc):
        return
    aliased = _aliased_keys(doc)
    for site in keys + cfn_keys:
        if site.has_star_kwargs() or site.kwarg("alias") is not None:
            continue
        if site.target and site.target in aliased:
            continue
        if site.qualname == CFN_KEY:
            fixable = bool(site.target) and common.own_statement(doc, site)  # the alias refers to it
            fix = (lambda site=site: _fix_cfn(doc, site, ctx["prefix"])) if fixable else None
        else:
            fix = lambda site=site: _fix(doc, site, ctx["prefix"])  # noqa: E731
        yield Gap(
            line=site.line,
            column=site.column,
            end_line=site.end_line,
            resource_type=site.qualname.replace("aws_cdk.", "", 1),
            resource_name=common.name_of(site),
            message=f"KMS key '{common.name_of(site)}' has no alias",
            fix=fix,
        )


def _aliased_keys(doc) -> set:
    out = set()
    norm = lambda n: re.sub(r"\s+", "", doc.code(n))  # noqa: E731
    for call in common.method_calls(doc, "add_alias"):
        out.add(norm(call.func.value))
    for site in doc.calls(ALIAS):
        arg = site.kwarg("target_key")
        if arg is not None:
            out.add(norm(arg.value))
    for site in doc.calls(CFN_ALIAS):
        arg = site.kwarg("target_key_id")
        if arg is not None:
            v = norm(arg.value)
            out.add(re.sub(r"\.(key_id|key_arn|ref|attr_key_id|attr_arn)$", "", v))
    return out


def _alias_value(doc, site, prefix):
    """Python source for the alias name: "alias/payments-key", f"alias/payments-key-{env}"."""
    id_node = site.positional(1)
    env = common.env_suffix_expr(doc, site.call)
    if isinstance(id_node, cst.FormattedString):
        return _alias_from_fstring(doc, id_node, prefix, env)
    text = common.string(id_node)
    if text:
        name = common.kebab(text)
    elif site.target:
        name = common.kebab(site.target.rpartition(".")[2])
    else:
        raise FixError("the key has no literal construct id to name its alias after")
    if not name:
        raise FixError("cannot derive an alias name from the key's construct id")
    like = doc.code(id_node) if isinstance(id_node, cst.SimpleString) else file_quote(doc)
    if env:
        q = py_string("", like)[0]
        return f"f{q}{prefix}{name}-{{{env}}}{q}"
    return py_string(f"{prefix}{name}", like)


def _fix(doc, site, prefix):
    return doc.add_kwargs(site.call, [("alias", _alias_value(doc, site, prefix))])


def _fix_cfn(doc, site, prefix):
    """L1 key: a ``kms.CfnAlias(self, "<Id>Alias", alias_name=..., target_key_id=<key>.ref)``
    statement right after the key, laid out like it."""
    func = doc.source(site.call.func)
    if "." in func:
        alias_cls, imports = func.rsplit(".", 1)[0] + ".CfnAlias", []
    else:
        alias_cls, imports = doc.import_name(CFN_ALIAS)
    id_node = site.positional(1)
    new_id = common.add_word_to_literal(doc, id_node, "alias") if id_node is not None else None
    if new_id is None:
        raise FixError("the key's construct id is not a string literal")
    scope = site.positional(0)
    args = [
        doc.source(scope) if scope is not None else "self",
        new_id,
        f"alias_name={_alias_value(doc, site, prefix)}",
        f"target_key_id={site.target}.ref",
    ]
    indent = doc.statement_indent(site.statement)
    code = doc.render_call("", alias_cls, args, like=site.call, indent=indent)
    return imports + doc.insert_after_statement(site.statement, code)


def _alias_from_fstring(doc, node, prefix, env):
    """f"{name}-key" → f"alias/{name}-key"; f"PaymentsKey-{env}" → f"alias/payments-key-{env}".

    The fields stay as they are; the text between them is put in kebab-case
    (keeping its separators). The environment suffix is appended unless the id
    already uses it.
    """
    out, uses_env = [], False
    for part in node.parts:
        if isinstance(part, cst.FormattedStringText):
            text = part.value
            lead = "-" if text[:1] in "-_. " and out else ""
            trail = "-" if text[-1:] in "-_. " else ""
            core = common.kebab(text)
            if core and out and not lead:
                lead = "-"  # PaymentsKey{x}Tier → payments-key{x}-tier
            out.append(lead + core + trail if core else ("-" if lead or trail else ""))
        else:
            code = doc.code(part.expression)
            uses_env = uses_env or code == env
            if out and not out[-1].endswith(("-", "}")):
                out.append("-")  # Data{x} → data-{x}
            out.append(doc.code(part))
    body = "".join(out)
    if env and not uses_env:
        body += f"-{{{env}}}"
    return f"{node.start}{prefix}{body}{node.end}"
