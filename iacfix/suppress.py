"""Inline suppressions: ``# iacfix: ignore[IAC001]``, ``# iacfix: ignore[api-throttling]``
or a bare ``# iacfix: ignore``, on a finding's first line or the line above it (``//``
comments in Go: ``// iacfix: ignore[kms-key-rotation]``)."""

from __future__ import annotations

import re
from typing import Dict, Iterable, Optional

_SUPPRESS = re.compile(r"iacfix:\s*ignore(?:\[([^\]]*)\])?", re.I)


def suppressions(text: str) -> Dict[int, Optional[set]]:
    """line → set of rule ids/slugs suppressed there (None: every rule)."""
    out: Dict[int, Optional[set]] = {}
    if "iacfix" not in text:
        return out
    for i, ln in enumerate(text.splitlines(), start=1):
        marks = [i for i in (ln.find("#"), ln.find("//")) if i >= 0]
        if not marks:
            continue
        mt = _SUPPRESS.search(ln[min(marks):])
        if not mt:
            continue
        if mt.group(1) is None:
            out[i] = None
        else:
            out[i] = {s.strip().lower() for s in mt.group(1).split(",") if s.strip()}
    return out


def is_suppressed(sup: Dict[int, Optional[set]], rule: str, slug: str, lines: Iterable[int]) -> bool:
    """Whether a comment on one of ``lines`` suppresses the codemod ``rule``/``slug``."""
    for ln in lines:
        if ln in sup:
            rules = sup[ln]
            if rules is None or rule.lower() in rules or slug.lower() in rules:
                return True
    return False
