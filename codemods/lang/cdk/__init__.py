"""The AWS CDK v2 Python adapter (see ``iacfix.codemods.lang``).

- ``natives``: which CDK classes each neutral kind is (its L1 ``Cfn<Type>`` and its L2
  classes) and how each spells the neutral properties, with the L2 exceptions;
- ``values``: how neutral values are written and read back (enums, ``Duration``,
  ``RetentionDays``);
- ``interpret``: the rules checked on a file's constructs, one gap per construct and rule;
- ``render``: values in the file's style, imports, and where new arguments go;
- ``view``: the neutral view of a construct call (``lang.view``) on Python source, so that
  a hand-written CDK detector is written once for Python and Go.

Hand-written CDK detectors run rules of their own with ``detector(rules, slug)`` and
place arguments with ``add_kwargs(doc, call, kwargs, order_of(class))``.
"""

from __future__ import annotations

from typing import Dict, Optional, Tuple

from iacfix.codemods.lang.cdk.interpret import detector
from iacfix.codemods.lang.cdk.natives import order_of
from iacfix.codemods.lang.cdk.render import (
    TRAILING, Call, Code, Member, Renderer, add_kwargs, add_sorted_import, import_from, imports_modules,
)
from iacfix.codemods.spec import Codemod, Detector, Rule

__all__ = [
    "compile_rules", "detector", "order_of", "TRAILING", "Call", "Code", "Member", "Renderer", "add_kwargs",
    "add_sorted_import", "import_from", "imports_modules",
]

# Rules only CDK has, by codemod slug (none now: a function's log group is written by
# codemods/log_retention/cdk.py, as in every language).
CDK_ONLY: Dict[str, Tuple[Rule, ...]] = {}


def compile_rules(cm: Codemod) -> Optional[Detector]:
    """A detector for the codemod's rules in CDK Python, or None when none applies."""
    return detector(tuple(cm.rules) + CDK_ONLY.get(cm.slug, ()), cm.slug)
