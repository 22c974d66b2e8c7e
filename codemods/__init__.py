"""The catalog: one module per production gap, each with a detector/transform per language."""

from __future__ import annotations

from typing import Iterable, List, Optional

from codemods.base import Codemod

from codemods.api_throttling import CODEMOD as _api_throttling
from codemods.dead_letter_queue import CODEMOD as _dead_letter_queue
from codemods.required_tags import CODEMOD as _required_tags
from codemods.kms_key_alias import CODEMOD as _kms_key_alias

CATALOG: List[Codemod] = [
    _api_throttling,
    _dead_letter_queue,
    _required_tags,
    _kms_key_alias,
]


def lookup(name: str) -> Optional[Codemod]:
    """A codemod by id (IAC001) or slug (api-throttling), case-insensitive."""
    n = name.strip().lower()
    for cm in CATALOG:
        if cm.id.lower() == n or cm.slug == n:
            return cm
    return None


def select(selected: Optional[Iterable[str]] = None, ignored: Iterable[str] = ()) -> List[Codemod]:
    """Codemods chosen by --select/--ignore (ids, slugs, or ALL). Unknown names raise KeyError."""
    def resolve(names):
        out = []
        for name in names:
            if name.strip().upper() == "ALL":
                out.extend(CATALOG)
                continue
            cm = lookup(name)
            if cm is None:
                raise KeyError(name)
            out.append(cm)
        return out

    chosen = resolve(selected) if selected else list(CATALOG)
    drop = {cm.id for cm in resolve(ignored)}
    seen = set()
    result = []
    for cm in CATALOG:  # catalog order, whatever order the user named them in
        if cm in chosen and cm.id not in drop and cm.id not in seen:
            seen.add(cm.id)
            result.append(cm)
    return result
