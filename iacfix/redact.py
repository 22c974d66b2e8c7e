"""Keeping secrets out of what iacfix prints: one helper for every relayed text.

``redact(text)`` removes the credentials of every URL in ``text`` (``https://user:token@host``
→ ``https://***@host``; a bare ``ssh://git@`` user is kept) and every known secret: the
token iacfix was given (``remember``) and any passed in.
"""

from __future__ import annotations

import re
from typing import Iterable, List

_URL_USERINFO = re.compile(r"\b([A-Za-z][A-Za-z0-9+.-]*://)([^/?#@\s'\"<>]+)@")
_known: List[str] = []

MASK = "***"


def remember(secret: str) -> None:
    """A secret that must never be printed (e.g. the GitHub token)."""
    if secret and len(secret) >= 4 and secret not in _known:
        _known.append(secret)


def _userinfo(m: re.Match) -> str:
    scheme, user = m.group(1), m.group(2)
    if ":" not in user and not scheme.lower().startswith("http"):  # ssh://git@host: a user name, not a secret
        return m.group(0)
    return scheme + MASK + "@"


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    text = _URL_USERINFO.sub(_userinfo, str(text))
    for s in sorted({*_known, *(x for x in secrets if x and len(x) >= 4)}, key=len, reverse=True):
        text = text.replace(s, MASK)
    return text
