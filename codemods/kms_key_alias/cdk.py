"""kms_key_alias for AWS CDK v2, Python and Go (one detector on the neutral view of
``lang.view``): ``kms.Key(...)`` gets ``alias="alias/<name>"`` (Go: ``awskms.NewKey(...)``
gets ``Alias: jsii.String("alias/<name>")``).

A key is compliant when it has ``alias``, when ``<key>.add_alias(...)`` is called, or
when a ``kms.Alias(target_key=<key>)`` / ``kms.CfnAlias(target_key_id=<key>.key_id)``
exists in the file. The alias is named after the construct id in kebab-case
(``PaymentsKey`` → ``alias/payments-key``), with the environment suffix the function
names things with (``f"alias/payments-key-{environment_suffix}"``,
``jsii.String(fmt.Sprintf("alias/payments-key-%s", suffix))``). A Python f-string id
keeps its fields (``f"{name}-key"`` → ``f"alias/{name}-key"``).

An L1 ``kms.CfnKey`` (no ``alias`` prop) gets a ``kms.CfnAlias(<scope>, "<Id>Alias",
alias_name=..., target_key_id=<key>.ref)`` statement right after it, laid out like the
key; it is fixable when it is assigned to a variable by a statement of its own. Keys
whose props are not spelled out where they are made are left alone.
"""

from __future__ import annotations

from typing import List

from iacfix.codemods.common.cdk import kebab
from iacfix.codemods.lang import cdk_file
from iacfix.codemods.lang.view import ConstructCall, Expr, Part
from iacfix.core import FixError

KMS = "aws_cdk.aws_kms"
KEY, CFN_KEY, ALIAS, CFN_ALIAS = f"{KMS}.Key", f"{KMS}.CfnKey", f"{KMS}.Alias", f"{KMS}.CfnAlias"
KEY_ATTRS = ("key_id", "key_arn", "ref", "attr_key_id", "attr_arn")


def detect(doc, ctx):
    f = cdk_file(doc, ctx)
    keys = f.constructs(KEY, CFN_KEY)
    if not keys:
        return
    aliased = _aliased_keys(f)
    prefix = ctx["prefix"]
    for key in keys:
        if key.opaque or key.has("alias") or (key.target and key.target in aliased):
            continue
        if key.qualname == CFN_KEY:
            fix = key.fixer(lambda key=key: _alias_after(key, prefix)) if key.own_statement else None
        else:
            fix = key.fixer(lambda key=key: key.add_props([("alias", _alias_name(key, prefix))]))
        yield key.gap(f"KMS key '{key.name}' has no alias", fix)


def _aliased_keys(f) -> set:
    out = f.method_receivers("add_alias")
    for alias in f.constructs(ALIAS, CFN_ALIAS):
        ref = alias.ref("target_key") if alias.qualname == ALIAS else alias.ref("target_key_id", KEY_ATTRS)
        if ref is not None:
            out.add(ref)
    return out


def _alias_after(key: ConstructCall, prefix: str):
    """L1 key: a ``CfnAlias`` right after it, targeting it."""
    name = _alias_name(key, prefix)
    return key.add_construct_after(CFN_ALIAS, "alias", [("alias_name", name), ("target_key_id", key.attr("ref"))])


def _alias_name(key: ConstructCall, prefix: str) -> str:
    """Source for the alias name: ``prefix`` + the construct id in kebab-case + the
    environment suffix (unless the id already uses it)."""
    env = key.env_suffix()
    parts = key.id_parts()
    if parts is None:
        if not key.target:
            raise FixError("the key has no literal construct id to name its alias after")
        parts = [key.target.rpartition(".")[2]]
    if len(parts) == 1 and isinstance(parts[0], str):
        name = kebab(parts[0])
        if not name:
            raise FixError("cannot derive an alias name from the key's construct id")
        out: List[Part] = [prefix + name]
        if env:
            out += ["-", Expr(env)]
        return key.string(out)
    return key.string([prefix] + _kebab_parts(parts, env))


def _kebab_parts(parts: List[Part], env) -> List[Part]:
    """f"{name}-key" → {name}-key; f"PaymentsKey-{env}" → payments-key-{env}: the fields
    stay as they are; the text between them is put in kebab-case (keeping its
    separators). The environment suffix is appended unless the id already uses it."""
    out: List[Part] = []
    uses_env = False
    for part in parts:
        if isinstance(part, str):
            lead = "-" if part[:1] in "-_. " and out else ""
            trail = "-" if part[-1:] in "-_. " else ""
            core = kebab(part)
            if core and out and not lead:
                lead = "-"  # PaymentsKey{x}Tier → payments-key{x}-tier
            out.append(lead + core + trail if core else ("-" if lead or trail else ""))
        else:
            uses_env = uses_env or part.code == env
            if out and not (isinstance(out[-1], Expr) or out[-1].endswith("-")):
                out.append("-")  # Data{x} → data-{x}
            out.append(part)
    if env and not uses_env:
        out += ["-", Expr(env)]
    return out
