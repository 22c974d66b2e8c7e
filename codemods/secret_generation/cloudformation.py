"""secret_generation for CloudFormation: generated Secrets Manager passwords are long
and avoid troublesome characters.

Checked: ``AWS::SecretsManager::Secret`` resources with a ``GenerateSecretString``
mapping (a secret with a ``SecretString``, or with neither — an empty secret — is
not generated: no finding).
- ``PasswordLength``: missing → ``password_length`` added; a literal below it →
  raised to it; a parameter → no finding.
- ``ExcludeCharacters``: missing → ``exclude_characters`` added; a literal that lacks
  some of them → the missing ones appended (``rules.missing_exclusions``); a
  parameter → no finding. ``ExcludePunctuation: true`` (the space is excluded
  unless ``IncludeSpace: true``) → the characters are compliant.
The value is written in the template's quote style with YAML/JSON escaping (it
holds a space, both quotes and a backslash: single-quoted ``' "''@/\\'``,
double-quoted ``" \\"'@/\\\\"``).
Every fix is unsafe: changing the generation settings of a deployed secret
generates a new value on the next deploy (and whatever uses it must pick it up).
Not covered: passwords CloudFormation does not generate (``SecretString``, RDS
``ManageMasterUserPassword``, which RDS generates with its own rules).
"""

from __future__ import annotations

from iacfix.codemods.common.cloudformation_properties import Exactly, Explicit, Nested, Param, matches, required
from iacfix.codemods.secret_generation.rules import missing_exclusions
from iacfix.transforms.cloudformation import get, int_value, intrinsic, is_map, scalar


def _generated(doc, res) -> bool:
    gen = res.prop("GenerateSecretString")
    return is_map(gen) and not intrinsic(gen)


def _props(doc, res, ctx):
    gen = res.prop("GenerateSecretString")
    want = ctx.params.get("password_length")
    length = int_value(get(gen, "PasswordLength"))
    too_short = length is not None and isinstance(want, int) and length < want
    fields = {"PasswordLength": (Exactly if too_short else Explicit)(Param("password_length"), "length")}
    punctuation = get(gen, "ExcludePunctuation")
    if punctuation is None or matches(punctuation, True) is not True:
        have = get(gen, "ExcludeCharacters")
        text = scalar(have)
        exclude = ctx.params.get("exclude_characters") or ""
        if have is None:
            fields["ExcludeCharacters"] = Explicit(Param("exclude_characters"), "excluded characters")
        elif text is not None and "{{resolve:" not in text and missing_exclusions(text, exclude):
            fields["ExcludeCharacters"] = Exactly(text + missing_exclusions(text, exclude), "excluded characters")
    return {"GenerateSecretString": Nested(fields)}


detect = required(
    "AWS::SecretsManager::Secret",
    _props,
    what="Secret",
    slug="secret-generation",
    when=_generated,
    unsafe=True,
    missing_msg="{what} '{name}' does not set the {missing} of its generated password "
                "(fixing it generates a new value)",
    wrong_msg="{what} '{name}' generates its password with {setting} (fixing it generates a new value)",
)
