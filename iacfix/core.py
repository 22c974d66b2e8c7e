"""The ground floor: the small vocabulary shared by the editors, the catalog and the engine.

Nothing here imports anything of iacfix's: the editors (``iacfix.transforms``) build on
it, the catalog (``iacfix.codemods``) on both, the engine, CLI and bot on all three.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Optional, Sequence

LANGUAGES = ("cdk", "pulumi", "cloudformation", "terraform")


class ParseError(Exception):
    """A source file could not be parsed. ``line`` is 1-based when known."""

    def __init__(self, message: str, line: Optional[int] = None):
        super().__init__(message)
        self.message = message
        self.line = line


class FixError(Exception):
    """A transform could not produce a fix for a finding (reported, never fatal)."""


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement`` (character offsets, 0-based)."""

    start: int
    end: int
    replacement: str

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad edit range {self.start}..{self.end}")


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """Apply non-overlapping edits. Insertions at one offset keep the given order."""
    ordered = sorted(enumerate(edits), key=lambda ie: (ie[1].start, ie[1].end, ie[0]))
    out = []
    pos = 0
    for _, e in ordered:
        if e.start < pos:
            raise ValueError("overlapping edits")
        out.append(text[pos:e.start])
        out.append(e.replacement)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


def edits_conflict(a: Sequence[Edit], b: Sequence[Edit]) -> bool:
    """True when two edit sets touch the same text (or insert at the same point)."""
    for x in a:
        for y in b:
            if x.start < y.end and y.start < x.end:
                return True
            if x.start == y.start:
                return True
    return False


@dataclass
class Context:
    """What a detector is given besides the parsed file: who it is, its parameters, and
    the questions only the engine can answer.

    ``suppressed(line, *more)``: whether a finding of this codemod on ``line`` (or on one
    of ``more``) would be suppressed by an inline comment: detectors that reason about
    another resource's future state (will this function trace once fixed?) ask it.
    """

    language: str
    params: Dict[str, Any]
    path: str = ""
    codemod: str = ""  # id, e.g. IAC006
    slug: str = ""
    suppressed: Callable[..., bool] = field(default=lambda line, *more: False, repr=False)

    def __getitem__(self, name: str) -> Any:
        return self.params[name]


@dataclass
class Gap:
    """What a detector yields: one missing piece on one resource.

    ``key`` identifies the gap across re-parses (line numbers move when code is
    inserted), normally the resource's name plus an optional detail.
    ``fix`` is called lazily, only when fixing; it returns the edits, or raises
    FixError. ``fix`` is None when the gap can be reported but not fixed.
    """

    line: int
    column: int
    end_line: int
    resource_type: str
    resource_name: str
    message: str
    fix: Optional[Callable[[], Sequence[Edit]]] = None
    unsafe: bool = False
    detail: str = ""
    # extra lines on which an inline suppression counts (e.g. a decorator line)
    suppress_lines: tuple = ()

    @property
    def key(self) -> str:
        return f"{self.resource_type}|{self.resource_name}|{self.detail}"


@dataclass
class Finding:
    """A gap as the engine reports it (rule and path attached)."""

    rule: str
    slug: str
    path: str
    gap: Gap
    suppressed: bool = False

    @property
    def key(self) -> str:
        return f"{self.rule}|{self.gap.key}"

    @property
    def fixable(self) -> bool:
        return self.gap.fix is not None

    def to_json(self) -> dict:
        g = self.gap
        return {
            "rule": self.rule,
            "slug": self.slug,
            "path": self.path,
            "line": g.line,
            "column": g.column,
            "end_line": g.end_line,
            "resource_type": g.resource_type,
            "resource_name": g.resource_name,
            "message": g.message,
            "fixable": self.fixable,
            "unsafe": g.unsafe,
        }


@dataclass
class FailedFix:
    finding: Finding
    reason: str


@dataclass
class FileResult:
    path: str  # as shown (a link named on the command line keeps its name)
    language: Optional[str] = None
    error: Optional[str] = None  # one line: "reason"
    error_line: Optional[int] = None
    findings: list = field(default_factory=list)  # Finding, before fixing (unsuppressed)
    suppressed: list = field(default_factory=list)
    fixed: list = field(default_factory=list)  # Finding
    failed: list = field(default_factory=list)  # FailedFix
    remaining: list = field(default_factory=list)  # Finding still present after fixing
    # key → the edits of that finding's fix on the *original* (normalised) text, each
    # applicable on its own: what SARIF's `fixes` carry.
    fix_edits: dict = field(default_factory=dict)
    original: Optional[str] = None  # full decoded text (BOM char and CRLF kept)
    new: Optional[str] = None  # same form, after fixing; None when unchanged
    source: Optional[str] = None  # the file read, and written: a named link's target (else ``path``)

    @property
    def changed(self) -> bool:
        return self.new is not None and self.new != self.original
