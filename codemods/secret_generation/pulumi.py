"""secret-generation for Pulumi Python: generated passwords are long and avoid troublesome characters.

Checked: Secrets Manager generation ``aws.secretsmanager.get_random_password(...)``
(and ``get_random_password_output``) and ``pulumi_random.RandomPassword``.

- Length (``password_length`` / ``length``): missing → the ``password_length``
  parameter is added; a literal below it → raised to it.
- Characters: ``get_random_password`` needs ``exclude_characters`` (missing → the
  ``exclude_characters`` parameter; an explicit literal lacking some → the missing
  ones appended, ``rules.missing_exclusions``), unless ``exclude_punctuation=True``.
  ``RandomPassword`` with specials on (the default) needs ``override_special``
  (missing → ``rules.allowed_specials(exclude_characters)``; an explicit literal
  containing excluded characters → those removed); ``special=False`` is compliant.
  Strings are written in the quote style of the value they replace, else the file's,
  with quotes and backslashes escaped.

Every fix is unsafe: a changed generator regenerates the secret (a random
password's value on the next ``pulumi up``). One Gap per generator.

Not covered (no finding for that part): values the detector cannot read
(variables, configuration, ``**`` splats, positional arguments); Secrets
Manager secrets whose value the program sets itself (nothing is generated).
"""

from __future__ import annotations

from iacfix.codemods.common import pulumi as pc
from iacfix.codemods.secret_generation.rules import allowed_specials, missing_exclusions
from iacfix.core import Gap
from iacfix.transforms.python import rewrite_call
from iacfix.transforms import python as py

RANDOM = "pulumi_random.RandomPassword"


def detect(doc, ctx):
    want_len, exclude = ctx.params["password_length"], ctx.params["exclude_characters"]
    for site in pc.aws_calls(doc, "secretsmanager.get_random_password", "secretsmanager.get_random_password_output"):
        if pc.has_splat(site) or site.positional(0) is not None:
            continue
        changes, parts = [], []
        _length(doc, site, "password_length", want_len, changes, parts)
        if pc.literal(pc.kw_value(site, "exclude_punctuation")) is not True:
            node = pc.kw_value(site, "exclude_characters")
            if node is None and exclude:
                changes.append(("exclude_characters", None, py.str_code(doc, exclude)))
                parts.append("may generate troublesome characters (no exclude_characters)")
            elif isinstance(pc.literal(node), str) and missing_exclusions(pc.literal(node), exclude):
                missing = missing_exclusions(pc.literal(node), exclude)
                changes.append(("exclude_characters", node, py.str_code(doc, pc.literal(node) + missing, node)))
                parts.append(f"does not exclude {_chars(missing)}")
        yield from _gap(doc, site, "Secrets Manager password generator", changes, parts)
    for site in doc.calls(RANDOM):
        if pc.has_splat(site):
            continue
        changes, parts = [], []
        _length(doc, site, "length", want_len, changes, parts)
        special = pc.kw_value(site, "special")
        if special is None or pc.literal(special) is True:
            node = pc.kw_value(site, "override_special")
            allowed = allowed_specials(exclude)
            if node is None and allowed != allowed_specials(""):
                changes.append(("override_special", None, py.str_code(doc, allowed)))
                parts.append("may generate troublesome characters (no override_special)")
            elif isinstance(pc.literal(node), str):
                have = pc.literal(node)
                bad = "".join(dict.fromkeys(c for c in have if c in exclude))
                if bad:
                    kept = "".join(c for c in have if c not in exclude) or allowed
                    changes.append(("override_special", node, py.str_code(doc, kept, node)))
                    parts.append(f"may generate {_chars(bad)}")
        yield from _gap(doc, site, "Random password", changes, parts)


def _chars(text: str) -> str:
    """Characters as a message lists them: ``space " ' @``."""
    return " ".join("space" if c == " " else c for c in text)


def _length(doc, site, name, want, changes, parts):
    node = pc.kw_value(site, name)
    v = pc.literal(node)
    if node is None:
        changes.append((name, None, str(want)))
        parts.append("has no password length")
    elif type(v) is int and v < want:
        changes.append((name, node, str(want)))
        parts.append(f"generates {v}-character passwords (fewer than {want})")


def _gap(doc, site, what, changes, parts):
    if not changes:
        return
    yield Gap(
        **pc.where(site),
        resource_type="random.RandomPassword" if site.qualname == RANDOM else pc.rtype(site),
        resource_name=pc.label(site),
        message=f"{what} '{pc.display(site)}' " + " and ".join(parts),
        fix=lambda: _fix(doc, site, changes),
        unsafe=True,
        detail="secret-generation",
    )


def _fix(doc, site, changes):
    steps = []
    for name, node, code in changes:
        if node is not None:
            steps.append(lambda d, s, name=name, code=code: d.replace_node(pc.kw_value(s, name), code))
    added = [(name, py.Code(code)) for name, node, code in changes if node is None]
    if added:
        steps.append(lambda d, s: d.add_kwargs(pc.props_call(s), added, before=("opts",)))
    return rewrite_call(doc, site, steps)
