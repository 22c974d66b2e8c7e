"""The spec vocabulary the declarative required-properties mechanisms share.

Each language's ``<language>_properties.py`` builds detectors from specs made of
its own requirement kinds (Exactly, Explicit, nested structures, keyed entries),
whose values may be literals or one of these.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class Param:
    """A value taken from the codemod's parameters (``ctx.params[name]``)."""

    name: str


@dataclass(frozen=True)
class Code:
    """A value computed for the resource: ``fn(doc, resource, ctx)`` → a value (expression
    text in some languages), or None when it cannot be computed."""

    fn: Callable
