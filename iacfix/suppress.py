"""Suppressions written in a file: iacfix's own, and the skips of the scanners a shop
already runs (Checkov, cfn_nag), honoured for the codemods that map to their checks.

* ``iacfix: ignore[IAC005]``, ``iacfix: ignore[kms-key-rotation]``, ``iacfix:
  ignore[CKV_AWS_7]`` or a bare ``iacfix: ignore``, in a comment on a finding's first
  line or the line above it, in every comment syntax of every language (``#``, ``//``,
  ``/* */``); in a JSON (or YAML) template, a resource's ``Metadata: {"iacfix":
  {"ignore": [...]}}``.
* ``checkov:skip=CKV_AWS_7:reason`` (several ids: ``CKV_AWS_7,CKV_AWS_27``): in
  Terraform a comment anywhere within the resource block, in a CloudFormation YAML
  template a comment within the resource, as Checkov reads them; in CDK, Pulumi and Go
  code a comment on the finding's first line or the line above it. In a template also
  ``Metadata: checkov: skip: [{id: CKV_AWS_7, comment: ...}]``.
* cfn_nag's ``Metadata: cfn_nag: rules_to_suppress: [{id: F19, reason: ...}]``; cdk-nag's
  ``Metadata: cdk_nag: rules_to_suppress`` and, in CDK Python,
  ``NagSuppressions.add_resource_suppressions(construct, [...])`` /
  ``add_stack_suppressions(self, [...])``; cfn-lint's ``Metadata: cfn-lint: config:
  ignore_checks`` (a resource's, or the template's).

Comments are found with each language's parser (Terraform's comment tokens, Python's
tokenizer, Go's syntax tree, the YAML scalars' extents): a ``#`` inside a string is
not a comment. A Checkov or cfn_nag id suppresses the codemods that name it
(``checkov=``/``cfn_nag=``/``cdk_nag=``/``cfn_lint=`` in their spec; ``check_details=``
narrows an id to the findings of one rule). Of cfn-lint's rules, which check a template's
validity, only I3011 (stateful resources without deletion policies) is a codemod's equivalent.
"""

from __future__ import annotations

import bisect
import io
import re
import tokenize
from dataclasses import dataclass, field
from typing import FrozenSet, Iterable, Iterator, List, Optional, Sequence, Set, Tuple

_IACFIX = re.compile(r"iacfix:\s*ignore(?:\[([^\]]*)\])?", re.I)
# Checkov's own form: checkov:skip=<id>[,<id>...][:<reason>]
_CHECKOV = re.compile(r"(?:checkov|bridgecrew):skip=\s*([A-Za-z0-9_]+(?:\s*,\s*[A-Za-z0-9_]+)*)")
_WORDS = ("iacfix", "checkov", "bridgecrew", "cfn_nag", "cdk_nag", "nagsuppressions", "cfn-lint")

IACFIX, CHECKOV, CFN_NAG = "iacfix: ignore", "checkov:skip", "cfn_nag rules_to_suppress"
CDK_NAG, CFN_LINT = "cdk-nag suppression", "cfn-lint ignore_checks"


@dataclass(eq=False)
class Mark:
    """One suppression as written: where, whose (``source``), the names it gives
    (lower-cased; None: every codemod), and where it counts: on ``line`` and the line
    below it, or (``scope``) on the lines of a whole resource."""

    line: int
    column: int
    source: str
    names: Optional[FrozenSet[str]]
    text: str
    scope: Optional[Tuple[int, int]] = None
    used: Set[str] = field(default_factory=set)  # the names that suppressed a finding ("*": bare)
    last: int = 0  # the last line of a comment spanning several (``/* ... */``)

    def counts_on(self, lines: Iterable[int], first: int) -> bool:
        if self.scope is not None:
            return self.scope[0] <= first <= self.scope[1]
        return any(ln in lines for ln in range(self.line, max(self.last, self.line) + 1))


def covers(cm, name: str, detail: str = "") -> bool:
    """Whether the (lower-cased) ``name`` in a suppression names codemod ``cm``'s finding
    of ``detail``: its id, its slug, or a Checkov or cfn_nag check it maps to."""
    if name == cm.id.lower() or name == cm.slug:
        return True
    up = name.upper()
    if up not in {x.upper() for x in (*cm.checkov, *getattr(cm, "cfn_nag", ()), *getattr(cm, "cdk_nag", ()),
                                      *getattr(cm, "cfn_lint", ()))}:
        return False
    details = {k.upper(): v for k, v in (getattr(cm, "check_details", {}) or {}).items()}
    only = details.get(up)
    if only is not None:
        return detail == only
    return detail not in set(details.values())


class Suppressions:
    """The suppressions of one file."""

    def __init__(self, marks: Sequence[Mark] = ()):
        self.marks = sorted(marks, key=lambda m: (m.line, m.column))

    def __bool__(self) -> bool:
        return bool(self.marks)

    def find(self, cm, lines: Iterable[int], first: int, detail: str = "") -> Optional[Mark]:
        """The mark that suppresses codemod ``cm``'s finding starting on ``first`` (an
        iacfix or line-scoped mark counts on ``lines``), or None. Marks it used."""
        lines = set(lines)
        for m in self.marks:
            if not m.counts_on(lines, first):
                continue
            if m.names is None:
                m.used.add("*")
                return m
            hit = [n for n in m.names if covers(cm, n, detail)]
            if hit:
                m.used.update(hit)
                return m
        return None

    def unused(self, codemods, catalog=()) -> List[Tuple[Mark, List[str]]]:
        """iacfix's own marks that suppressed nothing, with their unused names (RUF100):
        only names of the codemods that ran (another's may suppress when it runs), and
        names no codemod of the ``catalog`` answers to (a typo), marked ``(unknown)``."""
        out = []
        for m in self.marks:
            if m.source != IACFIX:
                continue  # another tool's skip is that tool's to judge
            if m.names is None:
                if not m.used:
                    out.append((m, []))
                continue
            idle = []
            for n in sorted(m.names - m.used):
                if any(covers(cm, n, d) for cm in codemods for d in _details(cm)):
                    idle.append(n)
                elif catalog and not any(covers(cm, n, d) for cm in catalog for d in _details(cm)):
                    idle.append(f"{n} (unknown)")
            if idle:
                out.append((m, idle))
        return out


def _details(cm) -> List[str]:
    return ["", *set((getattr(cm, "check_details", {}) or {}).values())]


def suppressions(text: str, language: Optional[str] = None, doc=None) -> Suppressions:
    """Every suppression written in a file (``doc``: its parsed form, for the comments
    and, in a template, the resources' Metadata)."""
    low = text.lower()
    if not any(w in low for w in _WORDS):
        return Suppressions()
    marks: List[Mark] = []
    scope_of = _scopes(language, doc)
    for line, col, body in _comments(text, language, doc):
        for mt in _IACFIX.finditer(body):
            names = None if mt.group(1) is None else frozenset(
                s.strip().lower() for s in mt.group(1).split(",") if s.strip())
            marks.append(Mark(line + body.count("\n", 0, mt.start()), col, IACFIX, names, mt.group(0),
                              last=line + body.count("\n")))
        for mt in _CHECKOV.finditer(body):
            at = line + body.count("\n", 0, mt.start())
            names = frozenset(s.strip().lower() for s in mt.group(1).split(","))
            scope = scope_of(at) if scope_of is not None else None
            if scope_of is not None and scope is None:
                continue  # outside any resource: Checkov reads it nowhere
            marks.append(Mark(at, col, CHECKOV, names, mt.group(0), scope=scope))
    if language == "cloudformation" and doc is not None:
        marks.extend(_metadata(doc))
    if language == "cdk" and "nagsuppressions" in low:
        marks.extend(_cdk_nag_python(text))
    return Suppressions(marks)


_NAG_CALLS = ("add_resource_suppressions", "add_stack_suppressions")


def _cdk_nag_python(text: str) -> Iterator[Mark]:
    """cdk-nag's suppressions in a CDK Python app: ``NagSuppressions.add_resource_suppressions(
    construct, [{"id": "AwsSolutions-SQS3", "reason": ...}] or [NagPackSuppression(id=...)])``
    counts on the statement that makes ``construct`` (``self.queue`` or ``queue``, assigned in
    this file); ``add_stack_suppressions(self, [...])`` on the whole file. The ids are literals;
    ``add_resource_suppressions_by_path`` (a construct path the source does not spell) is not read."""
    import ast

    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return
    made: dict = {}  # target code -> (first, last) lines of the statement assigning it
    for node in ast.walk(tree):
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            for t in (node.targets if isinstance(node, ast.Assign) else [node.target]):
                made.setdefault(ast.unparse(t), (node.lineno, node.end_lineno or node.lineno))
    whole = (1, text.count("\n") + 1)
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in _NAG_CALLS and ast.unparse(node.func.value).split(".")[-1] == "NagSuppressions"):
            continue
        kw = {k.arg: k.value for k in node.keywords if k.arg}
        target = node.args[0] if node.args else kw.get("construct", kw.get("stack"))
        listed = node.args[1] if len(node.args) > 1 else kw.get("suppressions")
        if target is None or not isinstance(listed, (ast.List, ast.Tuple)):
            continue
        if node.func.attr == "add_stack_suppressions":
            scope = whole
        else:
            scope = made.get(ast.unparse(target))
            if scope is None:
                continue  # a construct this file does not make
        for item in listed.elts:
            rule = None
            if isinstance(item, ast.Dict):
                for k, v in zip(item.keys, item.values):
                    if isinstance(k, ast.Constant) and k.value == "id":
                        rule = v
            elif isinstance(item, ast.Call):
                rule = next((k.value for k in item.keywords if k.arg == "id"), None)
            if isinstance(rule, ast.Constant) and isinstance(rule.value, str) and rule.value:
                yield Mark(rule.lineno, rule.col_offset + 1, CDK_NAG, frozenset({rule.value.lower()}),
                           f"cdk-nag {rule.value}", scope=scope)


# ---------------------------------------------------------------- comments, per language


def _comments(text: str, language: Optional[str], doc) -> Iterator[Tuple[int, int, str]]:
    """(line, column, text) of each comment (1-based line, 1-based column)."""
    if doc is not None and language == "terraform":
        yield from _terraform_comments(doc)
    elif language in ("cdk", "pulumi"):
        found = _python_comments(text)
        yield from (found if found is not None else _line_comments(text))
    elif doc is not None and language == "go":
        yield from _go_comments(doc)
    elif doc is not None and language == "cloudformation":
        if not getattr(doc, "is_json", False):
            yield from _yaml_comments(doc)
    else:
        yield from _line_comments(text)


def _line_comments(text: str) -> Iterator[Tuple[int, int, str]]:
    """Without a parser's view: the text after a comment marker, line by line (a marker
    inside a string counts too: used only when the file's own reader could not be)."""
    for i, ln in enumerate(text.splitlines(), start=1):
        at = [j for j in (ln.find("#"), ln.find("//")) if j >= 0]
        if at:
            yield i, min(at) + 1, ln[min(at):]


_TF_COMMENT = re.compile(r"#[^\n]*|//[^\n]*|/\*.*?\*/", re.S)


def _terraform_comments(doc) -> Iterator[Tuple[int, int, str]]:
    from lark import Tree

    stack = [doc.tree]
    while stack:
        n = stack.pop()
        if not isinstance(n, Tree):
            continue
        if n.data == "new_line_or_comment":
            for tok in n.children:
                s = str(tok)
                for mt in _TF_COMMENT.finditer(s):
                    line, col = doc.lines.position(tok.start_pos + mt.start())
                    yield line, col + 1, mt.group(0)
            continue
        stack.extend(n.children)


def _python_comments(text: str) -> Optional[List[Tuple[int, int, str]]]:
    """Python's tokenizer's comments; None when it fails on a file the parser took
    (suppressions are then read line by line rather than lost)."""
    try:
        return [(tok.start[0], tok.start[1] + 1, tok.string)
                for tok in tokenize.generate_tokens(io.StringIO(text).readline) if tok.type == tokenize.COMMENT]
    except (tokenize.TokenError, SyntaxError):
        return None


def _go_comments(doc) -> Iterator[Tuple[int, int, str]]:
    stack = [doc.tree.root_node]
    while stack:
        n = stack.pop()
        if n.type == "comment":
            yield n.start_point[0] + 1, n.start_point[1] + 1, doc.source(n)
            continue
        stack.extend(n.children)


def _yaml_comments(doc) -> Iterator[Tuple[int, int, str]]:
    """A ``#`` at a line's start or after a space, outside every scalar's extent."""
    from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

    spans: List[Tuple[int, int]] = []
    stack = [doc.root]
    seen = set()
    while stack:
        n = stack.pop()
        if n is None or id(n) in seen:
            continue
        seen.add(id(n))
        if isinstance(n, ScalarNode):
            if n.start_mark is not None and n.end_mark is not None:
                spans.append((n.start_mark.index, n.end_mark.index))
        elif isinstance(n, MappingNode):
            for k, v in n.value:
                stack.extend((k, v))
        elif isinstance(n, SequenceNode):
            stack.extend(n.value)
    spans.sort()
    starts = [s for s, _ in spans]
    text = doc.text
    for mt in re.finditer(r"(?:^|(?<=[ \t]))#[^\r\n]*", text, re.M):
        i = bisect.bisect_right(starts, mt.start()) - 1
        if i >= 0 and spans[i][0] <= mt.start() < spans[i][1]:
            continue
        line, col = doc.lines.position(mt.start())
        yield line, col + 1, mt.group(0)


# ---------------------------------------------------------------- resource scopes


def _scopes(language: Optional[str], doc):
    """line → (first, last) lines of the resource holding it (None: outside any), for a
    Checkov skip in a language Checkov scopes to the resource; None for the others."""
    if doc is None:
        return None
    if language == "terraform":
        ranges = [(b.line, b.end_line) for b in doc.blocks]
    elif language == "cloudformation" and not getattr(doc, "is_json", False):
        ranges = [_resource_lines(doc, r) for r in doc.resources()]
    else:
        return None

    def scope(line: int) -> Optional[Tuple[int, int]]:
        for first, last in ranges:
            if first <= line <= last:
                return first, last
        return None

    return scope


def _resource_lines(doc, r) -> Tuple[int, int]:
    """The lines of a template's resource as Checkov reads them: its key's line to its
    last value's (a comment line after the last value is outside it)."""
    from ruamel.yaml.nodes import MappingNode, SequenceNode

    first = r.key.start_mark.line + 1
    node = r.node
    while isinstance(node, (MappingNode, SequenceNode)) and node.value:
        last_item = node.value[-1]
        node = last_item[1] if isinstance(node, MappingNode) else last_item
    end = node.end_mark.index if node.end_mark is not None else r.key.start_mark.index
    return first, doc.lines.position(max(end - 1, r.key.start_mark.index))[0]


def _metadata(doc) -> Iterator[Mark]:
    """Suppressions in a template's resources' Metadata: iacfix's, Checkov's, cfn_nag's."""
    from iacfix.transforms.cloudformation import get, is_map, is_seq, items, scalar

    def ids(seq, key: Optional[str]):
        if scalar(seq) is not None:
            seq_items = [seq]
        elif is_seq(seq):
            seq_items = seq.value
        else:
            return
        for it in seq_items:
            node = get(it, key) if key and is_map(it) else it
            value = scalar(node)
            if value:
                yield node, value

    for r in doc.resources():
        md = get(r.node, "Metadata")
        if not is_map(md):
            continue
        scope = _resource_lines(doc, r)
        for k, v in items(md):
            name = scalar(k)
            if name == "iacfix" and is_map(v):
                found = list(ids(get(v, "ignore"), None))
                if found:
                    names = frozenset(x.lower() for _n, x in found)
                    node = found[0][0]
                    yield Mark(node.start_mark.line + 1, node.start_mark.column + 1, IACFIX,
                               None if "all" in names else names,
                               "Metadata iacfix ignore: " + ", ".join(x for _n, x in found), scope=scope)
            elif name == "checkov" and is_map(v):
                for node, x in ids(get(v, "skip"), "id"):
                    yield Mark(node.start_mark.line + 1, node.start_mark.column + 1, CHECKOV,
                               frozenset({x.lower()}), f"checkov skip {x}", scope=scope)
            elif name == "cfn_nag" and is_map(v):
                for node, x in ids(get(v, "rules_to_suppress"), "id"):
                    yield Mark(node.start_mark.line + 1, node.start_mark.column + 1, CFN_NAG,
                               frozenset({x.lower()}), f"cfn_nag {x}", scope=scope)
            elif name == "cdk_nag" and is_map(v):  # what cdk-nag's NagSuppressions write into the template
                for node, x in ids(get(v, "rules_to_suppress"), "id"):
                    yield Mark(node.start_mark.line + 1, node.start_mark.column + 1, CDK_NAG,
                               frozenset({x.lower()}), f"cdk_nag {x}", scope=scope)
            elif name == "cfn-lint" and is_map(v):
                yield from _cfn_lint(get(v, "config"), scope)
    # cfn-lint's template-wide ignore_checks (``Metadata: cfn-lint: config: ignore_checks``)
    top = get(doc.root, "Metadata")
    if is_map(top) and is_map(get(top, "cfn-lint")):
        yield from _cfn_lint(get(get(top, "cfn-lint"), "config"), (1, len(doc.text.splitlines()) + 1))


def _cfn_lint(config, scope) -> Iterator[Mark]:
    """cfn-lint's ``config: ignore_checks: [I3011, ...]`` in a resource's Metadata (or the
    template's: ``scope`` is then the whole file)."""
    from iacfix.transforms.cloudformation import get, is_map, is_seq, scalar

    if not is_map(config):
        return
    checks = get(config, "ignore_checks")
    for node in (checks.value if is_seq(checks) else [checks] if scalar(checks) else []):
        x = scalar(node)
        if x:
            yield Mark(node.start_mark.line + 1, node.start_mark.column + 1, CFN_LINT,
                       frozenset({x.lower()}), f"cfn-lint ignore_checks {x}", scope=scope)
