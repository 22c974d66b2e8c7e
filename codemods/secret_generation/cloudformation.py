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
  unless ``IncludeSpace: true``) → the characters are compliant; an
  ``ExcludePunctuation`` the template cannot read → left alone.
The value is written in the template's quote style with YAML/JSON escaping (it
holds a space, both quotes and a backslash: single-quoted ``' "''@/\\'``,
double-quoted ``" \\"'@/\\\\"``).
Every fix is unsafe: changing the generation settings of a deployed secret
generates a new value on the next deploy (and whatever uses it must pick it up).
Not covered: passwords CloudFormation does not generate (``SecretString``, RDS
``ManageMasterUserPassword``, which RDS generates with its own rules).
"""

from __future__ import annotations

from iacfix.codemods.lang.cloudformation import rule_detector
from iacfix.codemods.secret_generation.rules import missing_exclusions
from iacfix.codemods.spec import AtLeast, Exactly, Hook, Is, Nested, Not, Param, Present, Rule
from iacfix.transforms.cloudformation import get, scalar


def _exclusions(doc, res, ctx):
    """ExcludeCharacters as it must read: the parameter where the template has none, else
    the template's literal with the missing characters appended; None when unknown."""
    want = ctx.params.get("exclude_characters") or ""
    have = get(res.prop("GenerateSecretString"), "ExcludeCharacters")
    if have is None:
        return want
    text = scalar(have)
    if text is None or "{{resolve:" in text:
        return None
    return text + missing_exclusions(text, want)


RULE = Rule(
    ("secretsmanager.Secret",),
    {"generate_secret_string": Nested({
        "password_length": AtLeast(Param("password_length"), Param("password_length"), label="password length",
                                   off="has too short a password length"),
        "exclude_characters": Exactly(Hook("exclude_characters"), label="excluded characters",
                                      off="does not exclude every troublesome character",
                                      when=Not(Is("generate_secret_string.exclude_punctuation", True))),
    })},
    what="Secret",
    when=Present("generate_secret_string"),  # a generated password (not a SecretString)
    unsafe=True,
    note="fixing it generates a new value",
)

detect = rule_detector(RULE, "secret-generation", hooks={"exclude_characters": _exclusions})
