"""What a generated password must look like, the same in every language."""

from __future__ import annotations

# The special characters random_password / RandomPassword draw from by default
# (hashicorp/random, pulumi_random): its override_special narrows them.
RANDOM_SPECIALS = "!@#$%&*()-_=+[]{}<>:?"


def allowed_specials(exclude_characters: str) -> str:
    """random_password's ``override_special``: its default specials minus the excluded ones."""
    return "".join(c for c in RANDOM_SPECIALS if c not in exclude_characters)


def missing_exclusions(have: str, exclude_characters: str) -> str:
    """The required exclusions an explicit ExcludeCharacters lacks, in the parameter's order."""
    return "".join(c for c in exclude_characters if c not in have)
