"""kms_key_alias for Terraform: every ``aws_kms_key`` / ``aws_kms_external_key`` has an ``aws_kms_alias``.

A key is compliant when an alias in the file targets it by any reference
(``aws_kms_key.x.key_id`` / ``.arn`` / ``.id``, in ``target_key_id``). An alias whose
target is something else (a variable, a literal id) might be the key's alias:
then no key of the file is reported. The new alias goes right after the key:

    resource "aws_kms_alias" "payments" {
      name          = "alias/payments-${var.environment_suffix}"
      target_key_id = aws_kms_key.payments.key_id
    }

named after the key's label in kebab-case (its description when the label is a
generic word such as ``this``), with the environment suffix when the file uses one, else
led by the expression the module starts its names with (``alias/${local.name}-payments``):
an alias name is unique per account and region, so a module deployed twice must not
write the same one.
A key with count/for_each is reported without a fix.
"""

from __future__ import annotations

from iacfix.codemods.common.terraform import counted, env_var, gap, kebab, label_for, literal_name, name_prefix, served_by
from iacfix.transforms.terraform import TfDoc, insert_after_block, references, render_block

KEY_TYPES = {"aws_kms_key": "key_id", "aws_kms_external_key": "id"}
GENERIC = {"this", "main", "default", "key", "kms", "kms_key", "example", "primary", "cmk", "this_key"}


def detect(doc: TfDoc, ctx):
    keys = doc.resources(*KEY_TYPES)
    if not keys:
        return
    targeted = set()
    for alias in doc.resources("aws_kms_alias"):
        target = alias.attr("target_key_id")
        if target is None:
            continue
        refs = {(t, n) for t, n in references(target.value) if t in KEY_TYPES}
        if not refs:
            return  # an alias of some key we cannot see: any key may be its target
        targeted |= refs
    for key in keys:
        rtype, name = key.labels
        if (rtype, name) in targeted:
            continue
        msg = f"KMS key '{name}' has no alias"
        if counted(key):
            yield gap(key, msg + " (count/for_each: add one alias per instance by hand)")
            continue
        yield gap(key, msg, fix=_fixer(doc, key, str(ctx["prefix"])))


def alias_base(doc: TfDoc, key) -> str:
    label = key.labels[1]
    if label.lower() in GENERIC:
        desc = literal_name(doc, key, "description")
        if desc:
            words = kebab(desc).split("-")
            words = [w for w in words if w not in ("kms", "key", "for", "the", "a", "an", "cmk", "used", "to")]
            if words:
                return "-".join(words[:4])
    return kebab(label)


def _fixer(doc: TfDoc, key, prefix: str):
    def fix():
        rtype, name = key.labels
        env = env_var(doc)
        lead = name_prefix(doc) if not env else None
        base = prefix + alias_base(doc, key)
        if env:
            alias = f'"{base}-${{{env}}}"'
        elif lead:  # named like the module's other resources: as unique as they are
            alias = f'"{prefix}${{{lead}}}-{alias_base(doc, key)}"'
        else:
            alias = f'"{base}"'
        text = render_block("resource", ["aws_kms_alias", label_for(doc, "aws_kms_alias", name, "")], served_by(doc, key, "aws_kms_alias", [
            ("name", alias),
            ("target_key_id", f"{rtype}.{name}.{KEY_TYPES[rtype]}"),
        ]), doc.unit)
        return [insert_after_block(doc, key, text)]

    return fix
