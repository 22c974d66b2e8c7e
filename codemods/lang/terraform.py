"""The terraform adapter (see ``iacfix.codemods.lang``)."""

from __future__ import annotations

from typing import Optional

from iacfix.codemods.spec import Codemod, Detector


def compile_rules(cm: Codemod) -> Optional[Detector]:
    """Not yet: the codemods' own terraform modules still carry their rules."""
    return None
