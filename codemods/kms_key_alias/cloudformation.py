"""kms_key_alias for CloudFormation: every AWS::KMS::Key has an AWS::KMS::Alias.

A key is compliant when an alias in the template targets it by any reference
form (!Ref Key, !GetAtt Key.Arn / Key.KeyId, !Sub '${Key}', long forms). An alias
whose target cannot be read but mentions the key is also taken as targeting it.
The new alias goes right after the key, named alias/<key-logical-id-in-kebab-case>,
with the environment suffix when the template has an environment parameter.
"""

from __future__ import annotations

from iacfix.codemods.common.cloudformation import companion, env_param, gap, kebab
from iacfix.transforms.cloudformation import CfnDoc, Ref, Sub, refs_in


def detect(doc: CfnDoc, ctx):
    prefix = str(ctx["prefix"])
    resources = doc.resources()
    targeted = set()
    for res in resources:
        if res.type == "AWS::KMS::Alias":
            targeted.update(refs_in(res.prop("TargetKeyId")))
    for res in resources:
        if res.type != "AWS::KMS::Key" or res.name in targeted:
            continue
        yield gap(doc, res, f"KMS key '{res.name}' has no alias", fix=_fixer(doc, res, prefix))


def _fixer(doc: CfnDoc, res, prefix: str):
    def fix():
        env = env_param(doc)
        base = kebab(res.name)
        name = Sub(f"{prefix}{base}-${{{env}}}") if env else f"{prefix}{base}"
        body = {
            "Type": "AWS::KMS::Alias",
            "Properties": {"AliasName": name, "TargetKeyId": Ref(res.name)},
        }
        return [doc.insert_resource_after(res, doc.unique_id(res.name + "Alias"), companion(res, body))]

    return fix
