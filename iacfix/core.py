"""The ground floor: the small vocabulary shared by the editors, the catalog and the engine.

Nothing here imports anything of iacfix's: the editors (``iacfix.transforms``) build on
it, the catalog (``iacfix.codemods``) on both, the engine, CLI and bot on all three.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

LANGUAGES = ("cdk", "pulumi", "cloudformation", "terraform", "go")


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
    """Replace ``text[start:end]`` with ``replacement`` (character offsets, 0-based).

    ``path``: the edit lands in another file of the module (its path as the module
    names it, ``Project.paths``); None is the file whose finding it fixes.

    ``reads``: (start, end) of text the edit was computed from beyond its own span (the
    rows of a run it aligns to): another fix editing there in the same pass would leave
    the two disagreeing, so the engine treats that text as taken (the other fix is made
    again, on the new text, in the next pass).

    ``rank``: an insertion into a mapping whose place the canonical order of its keys
    decides, as (where the mapping starts, first, last of its keys' ranks in that order).
    Fixes inserting at one offset are applied in the same pass when their ranks in one
    mapping do not overlap: in rank order, and what goes into a mapping nested in another
    first. The text is the one that placing one and then, on the new text, the other gives."""

    start: int
    end: int
    replacement: str
    path: Optional[str] = None
    reads: Optional[Tuple[int, int]] = None
    rank: Optional[Tuple[int, int, int]] = None

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad edit range {self.start}..{self.end}")

    @property
    def span(self) -> Tuple[int, int]:
        """The text the edit writes, and what it was computed from (``reads``)."""
        if self.reads is None:
            return self.start, self.end
        return min(self.start, self.reads[0]), max(self.end, self.reads[1])


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
    """True when two edit sets touch the same text, or meet: an insertion at the edge of
    another edit (its meaning depends on which is applied first, e.g. a line inserted
    right after a run that the other edit realigns); the text an edit read counts
    (``Edit.span``)."""
    for x in a:
        for y in b:
            (xs, xe), (ys, ye) = x.span, y.span
            if xs <= ye and ys <= xe:
                return True
    return False


class Project:
    """The module a file belongs to: every file of its language that is read with it (a
    Terraform directory, a CDK or Pulumi app's package, a CloudFormation template alone).

    ``docs()`` gives (path, parsed file) for each of them, the current one included.
    The engine notes which files looked at others: their findings may change when
    another file does, so it detects them again.

    ``package``: the texts of the files that say how a Python app is installed
    (``requirements*.txt``, ``setup.py``, ``setup.cfg``, ``pyproject.toml`` at its root),
    by file name: which library versions it pins. Read, never edited; empty for
    Terraform and CloudFormation.
    """

    def __init__(self, language: str, docs: Dict[str, Any], texts: Optional[Dict[str, str]] = None,
                 package: Optional[Dict[str, str]] = None):
        self.language = language
        self._docs = dict(docs)
        self._texts = texts if texts is not None else {}  # the engine's texts, kept current by it
        self.package: Dict[str, str] = dict(package or {})
        self.looked: set = set()  # paths whose detection read other files
        self.cache: Dict[Any, Any] = {}  # facts about the whole module, as the files stand now

    def bind(self) -> None:
        """Let each parsed file find its module (``module_docs``) and its path."""
        for path, doc in self._docs.items():
            try:
                doc.project, doc.path = self, path
            except AttributeError:  # a parsed form without attributes: no module facts for it
                pass

    @property
    def paths(self):
        return list(self._docs)

    def doc(self, path: str) -> Any:
        return self._docs[path]

    def text(self, path: str) -> Optional[str]:
        """The current text of a file of the module (None when unknown)."""
        return self._texts.get(path)

    def docs(self, asking: Optional[str] = None):
        """(path, doc) of every file of the module, in a stable order."""
        if asking is not None and len(self._docs) > 1:
            self.looked.add(asking)
        return list(self._docs.items())

    def replace(self, path: str, doc: Any) -> None:
        self._docs[path] = doc
        self.cache.clear()


def module_docs(doc: Any) -> List[Tuple[str, Any]]:
    """(path, parsed file) of every file of ``doc``'s module, ``doc`` first; just ``doc``
    when it belongs to no module. For language facts that need the whole module (the
    variable declared in ``variables.tf``, the role defined in ``iam.py``)."""
    project = getattr(doc, "project", None)
    path = getattr(doc, "path", "")
    if project is None:
        return [(path, doc)]
    items = project.docs(asking=path)
    return sorted(items, key=lambda kv: kv[1] is not doc)


def module_cache(doc: Any) -> Dict[Any, Any]:
    """A cache for facts about ``doc``'s whole module (emptied whenever a file of it
    changes); a fresh dict when ``doc`` belongs to no module."""
    project = getattr(doc, "project", None)
    return project.cache if project is not None else {}


@dataclass
class Context:
    """What a detector is given besides the parsed file: who it is, its parameters, and
    the questions only the engine can answer.

    ``suppressed(line, *more, path=None)``: whether a finding of this codemod on ``line``
    (or on one of ``more``) would be suppressed by an inline comment: detectors that reason
    about another resource's future state (will this function trace once fixed?) ask it.
    ``path``: the line is in another file of the module (as ``module_docs`` names it).
    """

    language: str
    params: Dict[str, Any]
    path: str = ""
    codemod: str = ""  # id, e.g. IAC006
    slug: str = ""
    suppressed: Callable[..., bool] = field(default=lambda line, *more, path=None: False, repr=False)
    project: Optional[Project] = field(default=None, repr=False)

    def __getitem__(self, name: str) -> Any:
        return self.params[name]

    def module(self, doc: Any):
        """(path, doc) of every file of the module this file belongs to, this one first
        (``doc``: this file's parsed form); see ``module_docs``."""
        return module_docs(doc)

    def package_files(self) -> Dict[str, str]:
        """The texts of the app's packaging files by name (``requirements.txt``,
        ``setup.py``, ``pyproject.toml``...; see ``Project``), empty when none is known."""
        return dict(self.project.package) if self.project is not None else {}


SAFE, UNSAFE, DISPLAY_ONLY = "safe", "unsafe", "display-only"


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
    # what deploying the fix does to the resource: ``replaces`` it (a new physical
    # resource), or ``retains`` it (protects it from deletion). The engine never
    # applies both to one resource in one run: a protected resource cannot be replaced.
    replaces: bool = False
    retains: bool = False

    @property
    def resource(self) -> Tuple[str, str]:
        return (self.resource_type, self.resource_name)

    @property
    def key(self) -> str:
        return f"{self.resource_type}|{self.resource_name}|{self.detail}"

    def withhold(self, why: str) -> None:
        """Report this gap without its fix, saying why (in parentheses after the message)."""
        self.fix = None
        self.message += f" ({why})"

    @property
    def applicability(self) -> str:
        """How far the fix may be trusted, as Ruff says it: ``safe`` (applied by ``fix``),
        ``unsafe`` (only with ``--unsafe-fixes``: it replaces a resource or overrides an
        explicit value) or ``display-only`` (reported, no fix)."""
        if self.fix is None:
            return DISPLAY_ONLY
        return UNSAFE if self.unsafe else SAFE


@dataclass
class Finding:
    """A gap as the engine reports it (rule and path attached)."""

    rule: str
    slug: str
    path: str
    gap: Gap
    suppressed: bool = False
    suppressed_by: str = ""  # the kind of mark that suppressed it ("checkov:skip", ...)

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
            "applicability": g.applicability,
            # which finding of the codemod on the resource (a codemod may report several:
            # rds-protection's protections and its storage encryption)
            "detail": g.detail or self.slug,
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
    # why the file was read but not checked (AWS CDK v1 code): a note, not an error
    unsupported: Optional[str] = None
    findings: list = field(default_factory=list)  # Finding, before fixing (unsuppressed)
    suppressed: list = field(default_factory=list)
    fixed: list = field(default_factory=list)  # Finding
    failed: list = field(default_factory=list)  # FailedFix
    remaining: list = field(default_factory=list)  # Finding still present after fixing
    # iacfix suppressions that suppressed nothing: (line, column, as written, unused names)
    unused_suppressions: list = field(default_factory=list)
    # key → the edits of that finding's fix on the *original* (normalised) text, each
    # applicable on its own: what SARIF's `fixes` carry.
    fix_edits: dict = field(default_factory=dict)
    original: Optional[str] = None  # full decoded text (BOM char and CRLF kept)
    new: Optional[str] = None  # same form, after fixing; None when unchanged
    source: Optional[str] = None  # the file read, and written: a named link's target (else ``path``)

    @property
    def changed(self) -> bool:
        return self.new is not None and self.new != self.original
