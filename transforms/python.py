"""Format-preserving editing of CDK and Pulumi Python programs.

libcst locates: calls by their *qualified* name (the file's imports resolve
``aws_sqs as sqs``, ``from aws_cdk.aws_sqs import Queue``, ``import pulumi_aws
as aws``; libcst's QualifiedNameProvider where scopes could change what a name
means), and their exact positions. Edits are made as minimal text edits at
those positions, in the style of the call being edited (inline vs one argument
per line, trailing commas, quotes, indentation), so every other byte of the
file stays as it was.

New code (values, arguments, statements) is built as a small tree of ``Call``,
``Dict``, ``List`` and ``Code`` and laid out by ``render`` where it goes: on one
line when it fits the file's line length, else black style. Where the file shows
no preference, the CDK and Pulumi codemods each keep the house style their golden
cases pin (``STYLES``).
"""

from __future__ import annotations

import ast
import re
import sys
from dataclasses import dataclass, replace
from typing import Dict as TDict, List as TList, Optional, Sequence, Tuple, Union

import libcst as cst
from libcst.metadata import (
    CodeRange,
    MetadataWrapper,
    PositionProvider,
    QualifiedNameProvider,
)

from iacfix.core import Edit, FixError, ParseError, apply_edits
from iacfix.transforms.text import LineIndex


MAX_BRACKETS = 200  # CPython refuses more nested brackets ("too many nested parentheses")
MAX_DEPTH = 500  # deeper expressions cost libcst time out of proportion, and deeper still crash it
_BRACKETS = re.compile(r"[\[\](){}]|\n")


def _nesting(text: str) -> Tuple[int, int, int]:
    """(deepest bracket nesting, its line, longest statement in characters), read from the
    text alone (brackets in strings count too: an overestimate, only ever a reason to look
    closer). Cheap: a regular expression over brackets and newlines."""
    depth = deepest = deepest_line = longest = 0
    line, start = 1, 0
    for m in _BRACKETS.finditer(text):
        ch = m.group()
        if ch == "\n":
            line += 1
            if depth <= 0:
                longest = max(longest, m.start() - start)
                start, depth = m.end(), 0
        elif ch in "([{":
            depth += 1
            if depth > deepest:
                deepest, deepest_line = depth, line
        else:
            depth -= 1
    return deepest, deepest_line, max(longest, len(text) - start)


def _ast_depth(tree: ast.AST) -> Tuple[int, int]:
    """(depth of the deepest node, its line), without recursion."""
    deepest, line = 0, 1
    stack = [(tree, 1)]
    while stack:
        node, d = stack.pop()
        if d > deepest:
            deepest, line = d, getattr(node, "lineno", line)
        stack.extend((child, d + 1) for child in ast.iter_child_nodes(node))
    return deepest, line


def _gate(text: str) -> None:
    """Refuse, with a line saying so, what is nested too deeply to parse safely: libcst's
    parser crashes the process (not an exception) past about a thousand levels, and
    slows down sharply long before."""
    brackets, at, longest = _nesting(text)
    if brackets <= 50 and longest <= 5_000:
        return  # every ordinary file: nothing nested deep enough to matter
    try:
        tree = compile(text, "<iacfix>", "exec", flags=ast.PyCF_ONLY_AST, dont_inherit=True)
    except SyntaxError as e:
        if brackets > MAX_BRACKETS or "too many nested" in str(e.msg):
            raise ParseError(f"nested too deeply: {brackets} levels of brackets "
                             f"(Python allows {MAX_BRACKETS})", e.lineno or at) from None
        return  # another syntax error (or newer syntax than this Python's): libcst tells
    except (RecursionError, MemoryError, ValueError):
        raise ParseError("nested too deeply: Python's own parser gives up on this file", at) from None
    depth, line = _ast_depth(tree)
    if depth > MAX_DEPTH:
        raise ParseError(f"nested too deeply: an expression {depth} levels deep "
                         f"(iacfix reads up to {MAX_DEPTH})", line)


def parse(text: str, language: str = "cdk") -> "PythonDoc":
    _gate(text)
    try:
        module = cst.parse_module(text)
    except cst.ParserSyntaxError as e:
        raise _syntax_error(text, e) from None
    except RecursionError:
        raise ParseError(f"nested too deeply (iacfix reads up to {MAX_DEPTH} levels)") from None
    except Exception as e:  # libcst raises a few other errors on odd input
        raise ParseError(f"invalid Python: {e}".splitlines()[0]) from None
    return PythonDoc(text, module, language)


def _syntax_error(text: str, e) -> ParseError:
    """libcst reports tokenizer errors at line 1 (and some others a line late): Python's
    own compiler names the line and the reason, when it sees the error too."""
    try:
        compile(text, "<iacfix>", "exec", flags=ast.PyCF_ONLY_AST, dont_inherit=True)
    except SyntaxError as se:  # also IndentationError, TabError
        if se.lineno:
            return ParseError(f"invalid Python syntax: {se.msg}", se.lineno)
    except (ValueError, RecursionError, MemoryError):
        pass
    return ParseError(f"invalid Python syntax: {e.message}", e.raw_line)


@dataclass
class CallSite:
    """One resource/construct creation: ``target = Qual.Name(args)``."""

    doc: "PythonDoc"
    call: cst.Call
    qualname: str  # e.g. "aws_cdk.aws_sqs.Queue" / "pulumi_aws.sqs.Queue"
    statement: Optional[cst.CSTNode]  # the SimpleStatementLine holding it (None when nested deeper)
    target: Optional[str]  # "queue", "self.queue" when assigned, else None

    @property
    def range(self) -> CodeRange:
        return self.doc.positions[self.call]

    @property
    def line(self) -> int:
        return self.range.start.line

    @property
    def column(self) -> int:
        return self.range.start.column + 1

    @property
    def end_line(self) -> int:
        return self.range.end.line

    @property
    def class_name(self) -> str:
        return self.qualname.rsplit(".", 1)[-1]

    def kwarg(self, name: str) -> Optional[cst.Arg]:
        return kwarg(self.call, name)

    def has_star_kwargs(self) -> bool:
        return any(a.star == "**" for a in self.call.args)

    def positional(self, i: int) -> Optional[cst.BaseExpression]:
        pos = [a for a in self.call.args if a.keyword is None and not a.star]
        return pos[i].value if i < len(pos) else None

    def string_arg(self, i: int) -> Optional[str]:
        """The i-th positional argument when it is a plain string literal."""
        v = self.positional(i)
        if isinstance(v, cst.SimpleString):
            return v.evaluated_value
        return None

    def code(self, node: cst.CSTNode) -> str:
        return self.doc.module.code_for_node(node)

    @property
    def name(self) -> str:
        """A readable resource name: construct id / pulumi name, else the variable."""
        idx = 1 if self.doc.language == "cdk" else 0
        s = self.string_arg(idx)
        if s is not None:
            return s
        v = self.positional(idx)
        if v is not None:
            return self.code(v)
        return self.target or self.class_name


def kwarg(call: cst.Call, name: str) -> Optional[cst.Arg]:
    for a in call.args:
        if a.keyword is not None and a.keyword.value == name:
            return a
    return None


def _bound_names(target: cst.CSTNode) -> TList[str]:
    """The names an assignment target (a name, a tuple or list of them, a starred one) binds."""
    if isinstance(target, cst.Name):
        return [target.value]
    if isinstance(target, (cst.Tuple, cst.List)):
        return [n for el in target.elements for n in _bound_names(el.value)]
    if isinstance(target, cst.StarredElement):
        return _bound_names(target.value)
    return []  # an attribute or a subscript binds no name


class _Collector(cst.CSTVisitor):
    """One walk of the tree for every whole-file question (calls, keyword arguments,
    assignments, parents, spans), and what naming a call needs: the file's imports and the
    names it binds otherwise.

    A call's callee is named by its import (``sqs.Queue`` with ``from aws_cdk import aws_sqs
    as sqs`` is ``aws_cdk.aws_sqs.Queue``) when the file is plain about its names: every
    import is a statement of the module (not of a function or class) and no imported name is
    bound again (an assignment, a parameter, a loop variable, a def...). Then scopes cannot
    change what a name means, and naming needs no scope analysis (libcst's
    QualifiedNameProvider with its scope and expression-context providers: half of reading a
    CDK or Pulumi file). A file that is not plain is named by libcst (``PythonDoc``)."""

    METADATA_DEPENDENCIES = (PositionProvider,)

    def __init__(self):
        self.call_nodes: TList[cst.Call] = []
        self.imports: TDict[str, set] = {}  # a local name → the dotted names it is imported as
        self.rebound: set = set()  # names bound otherwise than by a module-level import
        self.plain = True  # every import is a module-level statement
        self._depth = 0  # functions and classes open around the node
        self.in_imports: set = set()  # ids of the names an import statement spells (they name nothing)
        self.classes: TList[cst.ClassDef] = []
        self.functions: TList[cst.FunctionDef] = []
        self.keyword_args: TDict[str, TList[cst.Arg]] = {}
        self.assignments: TList[cst.CSTNode] = []
        self.dicts: TList[cst.Dict] = []
        self.nodes: TList[cst.CSTNode] = []
        self.starts: TDict[int, int] = {}  # id(node) → its index in nodes
        self.ends: TDict[int, int] = {}  # id(node) → the index after its last descendant
        # node → the node it is a child of (libcst's ParentNodeProvider walks the tree once
        # more for the same answer: a fifth of reading a CDK or Pulumi file)
        self.parents: TDict[cst.CSTNode, cst.CSTNode] = {}
        self._open: TList[cst.CSTNode] = []

    def on_visit(self, node: cst.CSTNode) -> bool:
        self.starts[id(node)] = len(self.nodes)
        self.nodes.append(node)
        if self._open:
            self.parents[node] = self._open[-1]
        self._open.append(node)
        return super().on_visit(node)

    def on_leave(self, original_node: cst.CSTNode) -> None:
        self.ends[id(original_node)] = len(self.nodes)
        self._open.pop()
        super().on_leave(original_node)

    def visit_Call(self, node: cst.Call) -> None:
        self.call_nodes.append(node)

    # ------------------------------------------------------------------ names
    def _import(self, local: str, full: str) -> None:
        self.imports.setdefault(local, set()).add(full)

    def visit_Import(self, node: cst.Import) -> None:
        if self._depth:
            self.plain = False
        for alias in node.names:
            full = _dotted(alias.name)
            if alias.asname is not None:
                for n in _bound_names(alias.asname.name):
                    self._import(n, full)
            else:
                head = full.split(".")[0]
                self._import(head, head)

    def _spelled(self, node: Optional[cst.CSTNode]) -> None:
        while isinstance(node, cst.Attribute):
            self.in_imports.add(id(node))
            self.in_imports.add(id(node.attr))
            node = node.value
        if node is not None:
            self.in_imports.add(id(node))

    def visit_ImportAlias(self, node: cst.ImportAlias) -> None:
        self._spelled(node.name)
        if node.asname is not None:
            self._spelled(node.asname.name)

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        self._spelled(node.module)
        if self._depth:
            self.plain = False
        if isinstance(node.names, cst.ImportStar):
            self.plain = False  # names nobody can list without importing the module
            return
        base = "." * len(node.relative) + (_dotted(node.module) if node.module is not None else "")
        for alias in node.names:
            name = _dotted(alias.name)
            full = f"{base}{name}" if base.endswith(".") or not base else f"{base}.{name}"
            local = alias.asname.name.value if alias.asname is not None and isinstance(
                alias.asname.name, cst.Name) else name
            self._import(local, full)

    def _bind(self, *names: str) -> None:
        self.rebound.update(names)

    def visit_Param(self, node: cst.Param) -> None:
        self._bind(node.name.value)

    def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
        self._bind(*_bound_names(node.target))

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self._bind(*_bound_names(node.target))

    def visit_For(self, node: cst.For) -> None:
        self._bind(*_bound_names(node.target))

    def visit_CompFor(self, node: cst.CompFor) -> None:
        self._bind(*_bound_names(node.target))

    def visit_AsName(self, node: cst.AsName) -> None:
        parent = self._open[-2] if len(self._open) > 1 else None
        if not isinstance(parent, (cst.ImportAlias,)):
            self._bind(*_bound_names(node.name))  # with ... as x, except E as x

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        self._bind(*_bound_names(node.target))

    def visit_Global(self, node: cst.Global) -> None:
        self._bind(*(n.name.value for n in node.names))

    def visit_Nonlocal(self, node: cst.Nonlocal) -> None:
        self._bind(*(n.name.value for n in node.names))

    def visit_Del(self, node: cst.Del) -> None:
        self._bind(*_bound_names(node.target))

    def visit_MatchAs(self, node) -> None:
        self.plain = False  # patterns bind names in ways not worth listing here

    def visit_MatchStar(self, node) -> None:
        self.plain = False

    def visit_MatchMapping(self, node) -> None:
        self.plain = False

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self._depth -= 1

    def leave_ClassDef(self, original_node: cst.ClassDef) -> None:
        self._depth -= 1

    def leave_Lambda(self, original_node: cst.Lambda) -> None:
        self._depth -= 1

    def visit_Lambda(self, node: cst.Lambda) -> None:
        self._depth += 1

    @property
    def resolvable(self) -> bool:
        """Can calls be named from the imports alone (see the class)?"""
        return self.plain and not (self.rebound & set(self.imports))

    def names_of(self, node: cst.CSTNode) -> set:
        """The dotted names an expression refers to through the file's imports."""
        if id(node) in self.in_imports:
            return set()
        if isinstance(node, cst.Name):  # a keyword or an attribute's name names nothing
            up = self.parents.get(node)
            if (isinstance(up, cst.Arg) and up.keyword is node) or (isinstance(up, cst.Attribute) and up.attr is node):
                return set()
        parts: TList[str] = []
        while isinstance(node, (cst.Attribute, cst.Call, cst.Subscript)):
            if not isinstance(node, cst.Attribute):  # X.of(...).y is named X.of.y, X[T] X, as libcst names them
                node = node.func if isinstance(node, cst.Call) else node.value
                continue
            parts.append(node.attr.value)
            node = node.value
        if not isinstance(node, cst.Name):
            return set()
        tail = "".join("." + p for p in reversed(parts))
        return {base + tail for base in self.imports.get(node.value, ())}

    def visit_Arg(self, node: cst.Arg) -> None:
        if node.keyword is not None:
            self.keyword_args.setdefault(node.keyword.value, []).append(node)

    def visit_Assign(self, node: cst.Assign) -> None:
        self.assignments.append(node)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self.assignments.append(node)

    def visit_Dict(self, node: cst.Dict) -> None:
        self.dicts.append(node)

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.classes.append(node)
        self._bind(node.name.value)
        self._depth += 1

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.functions.append(node)
        self._bind(node.name.value)
        self._depth += 1


def _dotted(node: cst.CSTNode) -> str:
    """``a.b.c`` of an import's name."""
    if isinstance(node, cst.Attribute):
        return f"{_dotted(node.value)}.{node.attr.value}"
    return node.value if isinstance(node, cst.Name) else ""


class PythonDoc:
    def __init__(self, text: str, module: cst.Module, language: str):
        self.text = text
        self.module = module
        self.language = language
        self.lines = LineIndex(text)
        self.wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
        # one walk answers the whole-file questions, parents and names included; libcst's
        # metadata is the positions (and, for a file not plain about its names, scopes)
        col = _Collector()
        self.wrapper.visit(col)  # resolves the positions first (its only metadata)
        self.positions = self.wrapper.resolve(PositionProvider)
        self.parents = col.parents
        if col.resolvable:
            self._names = col.names_of
        else:  # a file whose names only scope analysis can tell apart
            qualnames = self.wrapper.resolve(QualifiedNameProvider)

            def names(node, qualnames=qualnames):
                found = qualnames.get(node, set())
                if callable(found):  # libcst stores qualified names as LazyValue
                    found = found()
                return {q.name for q in found or ()}
            self._names = names
        self.call_nodes = col.call_nodes  # every call, in the file's order
        self._calls = [(call, q) for call in col.call_nodes for q in sorted(self._names(call.func))]
        self.classes = col.classes
        self.functions = col.functions
        # in the file's order, found by the same walk (a matcher's findall walks the whole
        # tree once per question)
        self.keyword_args = col.keyword_args  # keyword → every ``keyword=`` argument
        self.assignments = col.assignments  # every ``x = v`` and ``x: T = v``
        self.dicts = col.dicts  # every dict display
        self.nodes = col.nodes  # every node, depth first (the module first)
        self._starts, self._ends = col.starts, col.ends
        self.cache: dict = {}  # per-document results of whole-file scans (the tree never changes)

    def subtree_span(self, node: cst.CSTNode) -> Tuple[int, int]:
        """(start, end) of ``node`` and its descendants in ``nodes`` (depth first: one slice)."""
        return self._starts[id(node)], self._ends[id(node)]

    def memo(self, key, compute):
        """``compute()`` once per document: detectors and fixes ask the same whole-file
        questions once per resource, which is quadratic on a large file."""
        if key not in self.cache:
            self.cache[key] = compute()
        return self.cache[key]

    # ------------------------------------------------------------------ locate
    def calls_under(self, prefix: str) -> TList[CallSite]:
        """Calls whose callee resolves to a name under ``prefix`` (``pulumi_aws.``)."""
        return [self._site(call, q) for call, q in self._calls if q.startswith(prefix)]

    def calls(self, *qualnames: str) -> TList[CallSite]:
        """Calls whose callee resolves to one of ``qualnames`` (exact names), in the file's
        order. Asked once per construct by some rules (the file's only key of a kind): the
        calls are indexed by name once per document, not scanned per question."""
        index = self.cache.get("calls by name")
        if index is None:
            index = self.cache["calls by name"] = {}
            for i, (call, q) in enumerate(self._calls):
                index.setdefault(q, []).append(i)
        if len(qualnames) == 1:
            at = index.get(qualnames[0], ())
        else:
            at = sorted(i for q in set(qualnames) for i in index.get(q, ()))
        return [self._site(*self._calls[i]) for i in at]

    def qualified_names(self, node: cst.CSTNode) -> set:
        """The dotted names ``node`` (a name or an attribute) refers to: ``{"aws_cdk.aws_sqs.Queue"}``."""
        return self._names(node)

    def _site(self, call: cst.Call, q: str) -> CallSite:
        sites = self.cache.setdefault("sites", {})
        site = sites.get((id(call), q))
        if site is None:  # the walk up to the statement, once per call
            site = sites[(id(call), q)] = self._new_site(call, q)
        return site

    def _new_site(self, call: cst.Call, q: str) -> CallSite:
        stmt = self.statement_of(call)
        target = None
        if stmt is not None and isinstance(stmt, cst.SimpleStatementLine):
            small = stmt.body[0]
            if isinstance(small, (cst.Assign, cst.AnnAssign)) and small.value is call:
                t = small.targets[0].target if isinstance(small, cst.Assign) else small.target
                target = self.module.code_for_node(t)
        return CallSite(self, call, q, stmt, target)

    def parent(self, node: cst.CSTNode) -> Optional[cst.CSTNode]:
        return self.parents.get(node)

    def statement_of(self, node: cst.CSTNode) -> Optional[cst.CSTNode]:
        """The nearest enclosing statement line (SimpleStatementLine or compound)."""
        cur = node
        while cur is not None:
            if isinstance(cur, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
                return cur
            cur = self.parents.get(cur)
        return None

    def enclosing(self, node: cst.CSTNode, kind) -> Optional[cst.CSTNode]:
        cur = self.parents.get(node)
        while cur is not None and not isinstance(cur, kind):
            cur = self.parents.get(cur)
        return cur

    def range(self, node: cst.CSTNode) -> CodeRange:
        return self.positions[node]

    def start(self, node: cst.CSTNode) -> int:
        r = self.positions[node]
        return self.lines.offset(r.start.line, r.start.column)

    def end(self, node: cst.CSTNode) -> int:
        r = self.positions[node]
        return self.lines.offset(r.end.line, r.end.column)

    def code(self, node: cst.CSTNode) -> str:
        return self.module.code_for_node(node)

    def source(self, node: cst.CSTNode) -> str:
        """The node's exact text in the file."""
        return self.text[self.start(node):self.end(node)]

    # --------------------------------------------------------------- references
    def module_ref(self, module: str) -> Optional[str]:
        """How this file refers to ``module`` in expressions, if it imports it.

        ``from aws_cdk import aws_sqs as sqs`` → "sqs"; ``import pulumi_aws as aws``
        and module "pulumi_aws.sqs" → "aws.sqs"; ``import aws_cdk.aws_sqs`` →
        "aws_cdk.aws_sqs".
        """
        best = None
        for stmt in self.module.body:
            if not isinstance(stmt, cst.SimpleStatementLine):
                continue
            for small in stmt.body:
                if isinstance(small, cst.ImportFrom) and not isinstance(small.names, cst.ImportStar):
                    if small.module is None or small.relative:
                        continue
                    base = self.code(small.module)
                    for alias in small.names:
                        full = f"{base}.{self.code(alias.name)}"
                        local = self.code(alias.asname.name) if alias.asname else self.code(alias.name)
                        if full == module:
                            return local
                        if module.startswith(full + "."):
                            best = best or f"{local}{module[len(full):]}"
                elif isinstance(small, cst.Import):
                    for alias in small.names:
                        full = self.code(alias.name)
                        if alias.asname:
                            local = self.code(alias.asname.name)
                            if full == module:
                                return local
                            if module.startswith(full + "."):
                                best = best or f"{local}{module[len(full):]}"
                        elif full == module or module.startswith(full + "."):
                            best = best or module
        return best

    def name_ref(self, qualname: str) -> Optional[str]:
        """How this file can refer to ``qualname`` (e.g. "aws_cdk.Duration")."""
        mod, _, name = qualname.rpartition(".")
        for stmt in self.module.body:
            if not isinstance(stmt, cst.SimpleStatementLine):
                continue
            for small in stmt.body:
                if isinstance(small, cst.ImportFrom) and not isinstance(small.names, cst.ImportStar):
                    if small.module is not None and not small.relative and self.code(small.module) == mod:
                        for alias in small.names:
                            if self.code(alias.name) == name:
                                return self.code(alias.asname.name) if alias.asname else name
        ref = self.module_ref(mod)
        return f"{ref}.{name}" if ref else None

    def ensure_name(self, qualname: str, import_style: str = "from") -> Tuple[str, TList[Edit]]:
        """An expression naming ``qualname`` and the edits (an import) it needs.

        When the module is not imported yet, ``from <mod> import <name>`` is
        added after the last top-level import, matching how the file imports.
        """
        ref = self.name_ref(qualname)
        if ref:
            return ref, []
        mod, _, name = qualname.rpartition(".")
        return name, self.add_import(f"from {mod} import {name}")

    def ensure_module(self, module: str, alias: Optional[str] = None) -> Tuple[str, TList[Edit]]:
        """An expression naming ``module`` (e.g. aws_cdk.aws_sqs → "sqs") plus import edits."""
        ref = self.module_ref(module)
        if ref:
            return ref, []
        parent, _, leaf = module.rpartition(".")
        local = alias or leaf
        if not parent:  # a top-level module: import pulumi / import pulumi_aws as aws
            line = f"import {leaf} as {alias}" if alias and alias != leaf else f"import {leaf}"
            return local, self.add_import(line)
        if alias and alias != leaf:
            line = f"from {parent} import {leaf} as {alias}"
        else:
            line = f"from {parent} import {leaf}"
        return local, self.add_import(line)

    def add_import(self, line: str) -> TList[Edit]:
        last = None
        for stmt in self.module.body:
            if isinstance(stmt, cst.SimpleStatementLine) and all(
                isinstance(s, (cst.Import, cst.ImportFrom)) for s in stmt.body
            ):
                last = stmt
            elif last is not None:
                break
        if last is None:
            return [Edit(0, 0, line + "\n")]
        return self.insert_after_statement(last, line)

    def import_stdlib(self, module: str) -> Tuple[str, TList[Edit]]:
        """How to write the standard-library ``module`` (e.g. "json") here, plus the import edits:
        ``import json`` goes with the file's other standard-library imports (in name order), or
        in a group of its own before the first import (isort's layout)."""
        ref = self.module_ref(module)
        if ref:
            return ref, []
        imports = []
        for stmt in self.module.body:
            if isinstance(stmt, cst.SimpleStatementLine) and isinstance(stmt.body[0], (cst.Import, cst.ImportFrom)):
                small = stmt.body[0]
                if isinstance(small, cst.ImportFrom):
                    name = self.code(small.module) if small.module is not None else ""
                else:
                    name = self.code(small.names[0].name)
                if name != "__future__":
                    imports.append((stmt, name.split(".")[0]))
            elif imports:
                break
        line = f"import {module}"
        std = [(s, n) for s, n in imports if n in sys.stdlib_module_names]
        if std:
            after = [s for s, n in std if n > module]
            if after:
                off = self.lines.line_start(self.positions[after[0]].start.line)
                return module, [Edit(off, off, line + "\n")]
            return module, self.insert_after_statement(std[-1][0], line)
        if imports:
            off = self.lines.line_start(self.positions[imports[0][0]].start.line)
            return module, [Edit(off, off, line + "\n\n")]
        return module, self.add_import(line)

    # -------------------------------------------------------------------- edits
    def comment_top(self, stmt: cst.CSTNode) -> int:
        """The first line of ``stmt`` counting the comment lines directly above it (they belong to it)."""
        line = self.positions[stmt].start.line
        while line > 1 and self.lines.line_text(line - 1).strip().startswith("#"):
            line -= 1
        return line

    def starts_group(self, stmt: cst.CSTNode) -> bool:
        """Does ``stmt`` (with its comments) start a group of statements: a blank line above it?"""
        top = self.comment_top(stmt)
        return top > 1 and self.lines.line_text(top - 1).strip() == ""

    def insert_before_statement(self, stmt: cst.CSTNode, code: str, blank_line: Optional[bool] = False) -> TList[Edit]:
        """Insert statement(s) ``code`` (unindented) before ``stmt`` at its indentation.

        Comments directly above ``stmt`` stay attached to it (the new code goes above them).
        ``blank_line``: a blank line between the new code and ``stmt``; None: when ``stmt``
        starts a group (the new code then is a group of its own, else it joins the group).
        """
        if blank_line is None:
            blank_line = self.starts_group(stmt)
        indent = self.lines.indent_of(self.positions[stmt].start.line)
        block = _indent(code, indent)
        if blank_line:
            block += "\n"
        off = self.lines.line_start(self.comment_top(stmt))
        return [Edit(off, off, block)]

    def insert_after_statement(self, stmt: cst.CSTNode, code: str, blank_line: Optional[bool] = False) -> TList[Edit]:
        """Insert statement(s) ``code`` (unindented) after ``stmt`` at its indentation.

        ``blank_line``: a blank line between them; None: when the line after ``stmt`` is
        blank (after the last statement of the file: when ``stmt`` starts a group).
        """
        r = self.positions[stmt]
        if blank_line is None:
            nxt = r.end.line + 1
            count = self.lines.line_count
            if nxt >= count or self.lines.line_text(nxt).strip() == "" and nxt + 1 >= count:
                blank_line = self.starts_group(stmt)
            else:
                blank_line = self.lines.line_text(nxt).strip() == ""
        indent = self.lines.indent_of(r.start.line)
        off = self.lines.line_end(r.end.line)
        block = _indent(code, indent).rstrip("\n")
        prefix = "\n\n" if blank_line else "\n"
        return [Edit(off, off, prefix + block)]

    def statement_indent(self, stmt: cst.CSTNode) -> str:
        return self.lines.indent_of(self.positions[stmt].start.line)

    def line_length(self, several: bool = False) -> int:
        """The line length this file is written to: 88 (black) unless it has longer code
        lines (``several``: at least two), then the longest (at most 120)."""
        # Comment lines (a long URL in a comment, a banner) say nothing of how wide the
        # author writes code, so only code lines count. Asked once per fix: the file's
        # lines are measured once per document (per fix, it was quadratic on a large file).
        long = self.memo("long code lines", lambda: sorted(
            len(ln.rstrip()) for ln in self.text.splitlines()
            if len(ln.rstrip()) > 88 and not ln.lstrip().startswith("#")))
        if len(long) < (2 if several else 1):
            return 88
        return min(long[-1], 120)

    def layout(self) -> "Layout":
        """How new code is laid out in this file (see ``Layout``)."""
        style = STYLES.get(self.language, STYLES["cdk"])
        return replace(style, unit=_INDENT_UNIT(self), width=self.line_length(style.several_long_lines))

    def add_kwargs(self, call: cst.Call, kwargs: Sequence[Tuple[str, "Value"]], before=None,
                   tail: Sequence[Tuple[str, "Value"]] = (), layout: Optional["Layout"] = None) -> TList[Edit]:
        """Add keyword arguments to ``call`` in the call's own layout (one per line, hanging,
        aligned, inline; ``k = v`` when the call writes its arguments so).

        Values are ``Node``s or expression code. ``before`` says where they go: None, after
        the last argument; an argument of ``call``, just before it; keyword names, before the
        trailing run of arguments with those keywords (the first argument stays first).
        ``tail`` arguments go after all others; giving them lays the call out one argument
        per line. A one-line call that gets too long is laid out one argument per line.
        """
        kwargs = [(k, as_node(v)) for k, v in kwargs]
        tail = [(k, as_node(v)) for k, v in tail]
        at = self.anchor(call, before)
        lay = layout or self.layout()
        if tail:
            return self.explode(call, kwargs, at, tail, lay)
        if not kwargs:
            return []
        eq = self.equals(call, at)
        if at is not None:
            return self._add_kwargs_before(call, at, kwargs, eq, lay)
        if is_multiline(call):
            return self._add_kwargs_multiline(call, kwargs, eq, lay)
        # Inline call: f(a, b) → f(a, b, k=v)
        args = list(call.args)
        r = self.positions[call]
        ind = self.lines.indent_of(r.start.line) + lay.unit
        new = ", ".join(f"{k}{eq}{render(v, ind, len(ind) + len(k) + len(eq), 1, lay)}" for k, v in kwargs)
        if args:
            last = args[-1]
            if last.comma is not cst.MaybeSentinel.DEFAULT:  # f(a, ) – rare trailing comma inline
                off = self.end(last.comma)
                edit = Edit(off, off, f" {new},")
            else:
                off = self.end(last.value)
                edit = Edit(off, off, f", {new}")
        else:
            # f() → f(k=v); the open paren ends right after func + whitespace
            close = self.end(call) - 1
            edit = Edit(close, close, new)
        # Too long for the file's line length? Lay the call out one argument per line.
        line_text = self.lines.line_text(r.start.line)
        if "\n" in new or r.start.line == r.end.line and len(line_text) + len(edit.replacement) > lay.width:
            return self.explode(call, kwargs, None, (), lay)
        return [edit]

    def anchor(self, call: cst.Call, before) -> Optional[cst.Arg]:
        """The argument of ``call`` new arguments go before (see ``add_kwargs``), None for the end."""
        if before is None or isinstance(before, cst.Arg):
            return before
        args = list(call.args)
        i = len(args)
        while i > 1 and args[i - 1].keyword is not None and args[i - 1].keyword.value in before:
            i -= 1
        return args[i] if i < len(args) else None

    def _kwarg_code(self, call: cst.Call, k: str, eq: str, v: "Node", indent: str, lay: "Layout", tail: int = 1) -> str:
        """``k=v`` for a line of ``call`` indented by ``indent``, followed by ``tail`` characters."""
        if lay.align_values and self.aligned_hanging(call):  # a value of several arguments aligns them too
            v = Code(self.fit_aligned(flat(v), len(indent) + len(k) + len(eq)))
        return f"{k}{eq}{render(v, indent, len(indent) + len(k) + len(eq), tail, lay)}"

    def _add_kwargs_multiline(self, call: cst.Call, kwargs, eq: str, lay: "Layout") -> TList[Edit]:
        args = list(call.args)
        if not args:
            return self.explode(call, kwargs, None, (), lay)
        last = args[-1]
        last_r = self.positions[last]
        indent = self.lines.indent_of(last_r.start.line)
        # A trailing comma? The arg node's range ends before its comma.
        has_trailing = last.comma is not cst.MaybeSentinel.DEFAULT
        if not has_trailing and len(args) > 1 and self.positions[args[0]].start.line == last_r.end.line \
                and self.positions[args[0]].start.line != self.positions[call].start.line:
            # black's hugged layout, f(\n    a, b, c\n): the new arguments join the line
            # when they fit on it, else the call is laid out one argument per line, as black does
            new = ", ".join(f"{k}{eq}{render(v, indent, len(indent) + len(k) + len(eq), 1, lay)}" for k, v in kwargs)
            line_text = self.lines.line_text(last_r.end.line)
            if "\n" in new or len(line_text) + 2 + len(new) > lay.width:
                return self.explode(call, kwargs, None, (), lay)
            off = self.end(last.value)
            return [Edit(off, off, f", {new}")]
        edits = []
        # Which line does the last argument (with its comma) end on?
        if has_trailing:
            end_line = self.positions[last.comma].end.line if last.comma in self.positions else last_r.end.line
            body = "".join(f"\n{indent}{self._kwarg_code(call, k, eq, v, indent, lay)}," for k, v in kwargs)
        else:
            end_line = last_r.end.line
            value_end = self.end(last.value)
            edits.append(Edit(value_end, value_end, ","))
            body = ",".join(  # every new argument but the last is followed by a comma
                f"\n{indent}{self._kwarg_code(call, k, eq, v, indent, lay, int(i < len(kwargs) - 1))}"
                for i, (k, v) in enumerate(kwargs))
        # If the closing paren sits on the same line as the last argument, insert before it.
        close_line = self.positions[call].end.line
        if close_line == end_line:
            close = self.end(call) - 1
            # keep whatever (e.g. spaces) stands between the last arg and ')'
            seg = self.text[self.end(last.value):close]
            if has_trailing:
                off = self.end(last.value) + seg.index(",") + 1
            else:
                off = self.end(last.value)
            edits.append(Edit(off, off, body))
        else:
            off = self.lines.line_end(end_line)
            edits.append(Edit(off, off, body))
        return edits

    def _add_kwargs_before(self, call: cst.Call, before: cst.Arg, kwargs, eq: str, lay: "Layout") -> TList[Edit]:
        """Keyword arguments just before the argument ``before`` of ``call``.

        When ``before`` starts its line, each new argument gets a line of its own above it
        (and above the comment lines over it, with ``Layout.comments_above``); otherwise they go
        inline before it (``f(a, k=v, b)``), and a one-line call that becomes too long is
        laid out one argument per line.
        """
        st = self.positions[before].start
        lead = self.lines.line_text(st.line)[: st.column]
        if lead.strip() == "":
            line = st.line
            while lay.comments_above and line > 1 and self.lines.line_text(line - 1).strip().startswith("#"):
                line -= 1
            text = "".join(f"{lead}{self._kwarg_code(call, k, eq, v, lead, lay)},\n" for k, v in kwargs)
            off = self.lines.line_start(line)
            return [Edit(off, off, text)]
        r = self.positions[call]
        if is_multiline(call):
            ind = self.lines.indent_of(self.positions[call.args[-1]].start.line)
        else:
            ind = self.lines.indent_of(r.start.line) + lay.unit
        new = "".join(f"{k}{eq}{render(v, ind, len(ind) + len(k) + len(eq), 1, lay)}, " for k, v in kwargs)
        if "\n" in new or r.start.line == r.end.line and len(self.lines.line_text(r.start.line)) + len(new) > lay.width:
            return self.explode(call, kwargs, before, (), lay)
        off = self.start(before)
        return [Edit(off, off, new)]

    def explode(self, call: cst.Call, kwargs: Sequence[Tuple[str, "Value"]] = (), before: Optional[cst.Arg] = None,
                tail: Sequence[Tuple[str, "Value"]] = (), layout: Optional["Layout"] = None) -> TList[Edit]:
        """The call laid out one argument per line, black style, with ``kwargs`` added before
        its argument ``before`` (None: after the others) and ``tail`` after everything."""
        lay = layout or self.layout()
        eq = " = " if self.spaced_equals(call) else "="
        args = list(call.args)
        i = next((j for j, a in enumerate(args) if a is before), len(args))
        base = self.lines.indent_of(self.positions[call].start.line)
        inner = base + lay.unit

        def coded(items):
            return [f"{k}{eq}{render(as_node(v), inner, len(inner) + len(k) + len(eq), 1, lay)}" for k, v in items]

        parts = ([_arg_text(self, a) for a in args[:i]] + coded(kwargs) + [_arg_text(self, a) for a in args[i:]]
                 + coded(tail))
        text = self.source(call.func) + "(\n" + "".join(f"{inner}{p},\n" for p in parts) + base + ")"
        return [Edit(self.start(call), self.end(call), text)]

    def add_dict_entries(self, d: cst.Dict, entries: Sequence[Tuple[str, "Value"]],
                         layout: Optional["Layout"] = None) -> TList[Edit]:
        """Append ``key: value`` entries (the key as code) to a dict literal, in its layout;
        a one-line dict in a one-line call that gets too long lays the call out one argument
        per line (the dict too, when it still does not fit)."""
        lay = layout or self.layout()
        entries = [(k, as_node(v)) for k, v in entries]
        els = list(d.elements)
        r = self.positions[d]
        base = self.lines.indent_of(r.start.line)
        if dict_is_multiline(d) and els:
            last = els[-1]
            ind = self.lines.indent_of(self.positions[last].start.line)
            coded = [(k, render(v, ind, len(ind) + len(k) + 2, 1, lay)) for k, v in entries]
            edits = []
            has_trailing = last.comma is not cst.MaybeSentinel.DEFAULT
            end_line = self.positions[last.comma].end.line if has_trailing else self.positions[last].end.line
            if not has_trailing:
                edits.append(Edit(self.end(last.value), self.end(last.value), ","))
            body = "".join(f"\n{ind}{k}: {v}," for k, v in coded)
            if not has_trailing:
                body = body[:-1]
            if r.end.line == end_line:  # "}" on the last entry's line
                off = self.end(last.comma) if has_trailing else self.end(last.value)
                edits.append(Edit(off, off, body + ("\n" + base if has_trailing else "")))
            else:
                off = self.lines.line_end(end_line)
                edits.append(Edit(off, off, body))
            return edits

        def parts(indent: str) -> TList[str]:
            out = []
            for el in els:
                if isinstance(el, cst.StarredDictElement):
                    out.append("**" + self.source(el.value))
                else:
                    out.append(f"{self.source(el.key)}: {self.source(el.value)}")
            return out + [f"{k}: {render(v, indent, len(indent) + len(k) + 2, 1, lay)}" for k, v in entries]

        def exploded(indent: str) -> str:
            inner = indent + lay.unit
            return "{\n" + "".join(f"{inner}{p},\n" for p in parts(inner)) + indent + "}"

        flat_entries = ", ".join(f"{k}: {flat(v)}" for k, v in entries)
        if els:
            last = els[-1]
            if last.comma is not cst.MaybeSentinel.DEFAULT:
                off = self.end(last.comma)
                edit = Edit(off, off, f" {flat_entries},")
            else:
                off = self.end(last.value)
                edit = Edit(off, off, f", {flat_entries}")
        else:
            off = self.end(d) - 1
            edit = Edit(off, off, flat_entries)
        if r.start.line != r.end.line or len(self.lines.line_text(r.start.line)) + len(edit.replacement) <= lay.width:
            return [edit]
        # too long: in a one-line call, lay the call out one argument per line first
        parent = self.parent(d)
        call = self.parent(parent) if isinstance(parent, cst.Arg) else None
        if isinstance(call, cst.Call) and not is_multiline(call) and r.start.line == self.positions[call].end.line:
            flat_dict = "{" + ", ".join(parts("")) + "}"
            call_base = self.lines.indent_of(self.positions[call].start.line)
            inner = call_base + lay.unit
            texts = []
            for a in call.args:
                if a is parent:
                    head = f"{a.keyword.value}=" if a.keyword is not None else a.star
                    fits = len(inner) + len(head) + len(flat_dict) + 1 <= lay.width
                    texts.append(head + (flat_dict if fits else exploded(inner)))
                else:
                    texts.append(_arg_text(self, a))
            out = self.source(call.func) + "(\n" + "".join(f"{inner}{t},\n" for t in texts) + call_base + ")"
            return [Edit(self.start(call), self.end(call), out)]
        return [Edit(self.start(d), self.end(d), exploded(base))]

    # ----------------------------------------------------------- new code
    def fit(self, code: str, indent: str, used: int = 0) -> str:
        """``code`` (one-line expression) laid out black style when it does not fit.

        ``indent`` is the indentation of the line the expression starts on and
        ``used`` the characters before it on that line (after the indentation;
        e.g. ``len("key=")`` plus one for a trailing comma). A call, list, tuple or
        dict that does not fit is opened one element per line, recursively (see
        ``render``); anything else is returned unchanged.
        """
        return render(Code(code), indent, len(indent) + used, 0, self.layout())

    def fit_aligned(self, code: str, column: int) -> str:
        """``code`` starting at ``column``, for files that align continuation lines
        with the open paren: a call that does not fit keeps its first argument on
        the first line and aligns the others under it (no trailing comma)."""
        if "\n" in code or column + len(code) + 1 <= self.line_length():
            return code
        try:
            expr = cst.parse_expression(code)
        except Exception:
            return code
        if not (isinstance(expr, cst.Call) and len(expr.args) > 1):
            return code
        mod = cst.Module(body=[])
        head = mod.code_for_node(expr.func) + "("
        pad = column + len(head)
        items = []
        for a in expr.args:
            it = _arg_code(mod.code_for_node, a)
            lead = it.split("=", 1)[0] + "=" if _is_kwarg_code(it) else ""
            items.append(lead + self.fit_aligned(it[len(lead):], pad + len(lead)))
        return head + (",\n" + " " * pad).join(items) + ")"

    def equals(self, call: cst.Call, near: Optional[cst.Arg] = None) -> str:
        """How a new keyword argument of ``call`` writes its ``=``: ``k = v`` when most of the
        call's keyword arguments are written so, and the one it goes next to (``near``) too."""
        if near is not None and near.keyword is not None and self.code(near.equal) != " = ":
            return "="
        return " = " if self.spaced_equals(call) else "="

    def spaced_equals(self, call: cst.Call) -> bool:
        """Are most of the call's keyword arguments written ``name = value``?"""
        eqs = [a.equal for a in call.args if a.keyword is not None and isinstance(a.equal, cst.AssignEqual)]
        spaced = sum(1 for e in eqs if self.code(e) == " = ")
        return bool(eqs) and spaced * 2 > len(eqs)

    def aligned_hanging(self, call: cst.Call) -> bool:
        """Are the call's continuation lines aligned with its open paren (``f(a,\n  b)``)?"""
        if isinstance(call.whitespace_before_args, cst.ParenthesizedWhitespace) or not call.args:
            return False
        func_end = self.positions[call.func].end
        for a in call.args[1:]:
            st = self.positions[a].start
            if st.line != func_end.line and self.lines.line_text(st.line)[: st.column].strip() == "":
                return st.column == func_end.column + 1
        return False

    def render_call(self, prefix: str, func: str, args: Sequence[Union[str, Tuple[Optional[str], "Value"]]],
                    like: Optional[cst.Call] = None, indent: str = "") -> str:
        """Source for a new statement ``prefix + func(args)`` laid out like the call ``like``.

        ``args`` are argument codes ("self", '"Id"', "k=v") or (keyword or None, value)
        pairs. The result is relative: its first line carries no indentation and
        continuation lines are indented relative to ``indent``, the indentation the
        statement will get (so it can go straight to insert_before_statement). ``like``
        lends its layout: single line, one argument per line (black), hanging arguments
        after the open paren (aligned to it or indented), how many arguments share the
        first line, trailing comma, and where the closing paren sits. Without ``like``
        (or when ``like`` is a single line) the call stays on one line when it fits and
        is laid out black style otherwise.
        """
        items = [_arg_item(a) for a in args]
        lay = self.layout()
        eq = " = " if like is not None and self.spaced_equals(like) else "="

        def code(k: Optional[str], v: "Node", eq: str = eq) -> str:
            return f"{k}{eq}{flat(v)}" if k else flat(v)

        one_line = f"{prefix}{func}({', '.join(code(k, v, '=') for k, v in items)})"
        if like is None or not is_multiline(like) or not like.args:
            if len(indent) + len(one_line) <= lay.width:
                return one_line
            return _dedent(prefix + render(Call(func, items), indent, len(indent) + len(prefix), 0, lay), indent)
        r = self.positions[like]
        base = self.lines.indent_of(r.start.line)
        hanging = not isinstance(like.whitespace_before_args, cst.ParenthesizedWhitespace)
        starts = [self.positions[a].start for a in like.args]
        cont = None  # indentation of the first argument that starts a line
        for st in starts:
            before = self.lines.line_text(st.line)[: st.column]
            if before.strip() == "":
                cont = before
                break
        aligned = self.aligned_hanging(like)
        if aligned:  # continuation lines aligned with the open paren
            rel = " " * (len(prefix) + len(func) + 1)
        elif cont is not None and cont.startswith(base) and len(cont) > len(base):
            rel = cont[len(base):]
        else:
            rel = lay.unit
        inner = indent + rel
        # as many arguments on the first line as ``like`` has, while it fits (the positional
        # ones that start the call stay together)
        first_group = min(sum(1 for st in starts if st.line == starts[0].line), len(items))
        leading = next((i for i, (k, _) in enumerate(items) if k), len(items)) or 1
        while first_group > leading and len(indent) + len(prefix) + len(func) + 1 + len(
                ", ".join(code(k, v) for k, v in items[:first_group])) + 1 > lay.width:
            first_group -= 1
        trailing = like.args[-1].comma is not cst.MaybeSentinel.DEFAULT
        close_own = self.lines.line_text(r.end.line)[: r.end.column - 1].strip() == ""
        close_indent = self.lines.indent_of(r.end.line)
        if aligned and cont is not None:  # keep the paren where it stood relative to the arguments
            close_indent = indent + " " * max(0, len(rel) + len(close_indent) - len(cont))
        else:
            close_indent = indent + (close_indent[len(base):] if close_indent.startswith(base) else "")

        def fit_arg(k: Optional[str], v: "Node") -> str:
            if k:
                if aligned:
                    return f"{k}{eq}{self.fit_aligned(flat(v), len(inner) + len(k) + len(eq))}"
                return f"{k}{eq}{render(v, inner, len(inner) + len(k) + len(eq), 1, lay)}"
            return render(v, inner, len(inner), 1, lay)

        head = [code(k, v) for k, v in items[:first_group]]
        lines = [", ".join(head)] + [fit_arg(k, v) for k, v in items[first_group:]]
        body = f",\n{inner}".join(lines) + ("," if trailing else "")
        text = f"{prefix}{func}(" + (body if hanging else f"\n{inner}{body}")
        text += f"\n{close_indent})" if close_own else ")"
        return _dedent(text, indent)

    def import_name(self, qualname: str, alias: Optional[str] = None) -> Tuple[str, TList[Edit]]:
        """Like ensure_name, but a missing name joins an existing ``from <module> import ...``.

        The name goes where isort would put it (classes before modules) in the
        list, or in its sorted tail when the list is not sorted, in the
        statement's own layout.
        ``alias`` imports it ``as`` that name (``aws_sqs as sqs``).
        """
        ref = self.name_ref(qualname)
        if ref:
            return ref, []
        mod, _, name = qualname.rpartition(".")
        local = alias or name
        if alias and alias != name:
            name = f"{name} as {alias}"
        for stmt in self.module.body:
            if not isinstance(stmt, cst.SimpleStatementLine):
                continue
            for small in stmt.body:
                if (
                    isinstance(small, cst.ImportFrom)
                    and not isinstance(small.names, cst.ImportStar)
                    and small.module is not None
                    and not small.relative
                    and self.code(small.module) == mod
                ):
                    return local, self._add_import_alias(small, name)
        return local, self.add_import(f"from {mod} import {name}")

    def _add_import_alias(self, imp: cst.ImportFrom, name: str) -> TList[Edit]:
        aliases = list(imp.names)
        keys = [_isort_key(self.code(a.name)) for a in aliases]
        # The sorted position within the longest sorted tail of the list (the whole
        # list when it is sorted): names added one at a time, in any order, end up
        # in the same places.
        start = len(keys) - 1
        while start > 0 and keys[start - 1] <= keys[start]:
            start -= 1
        i = next((j for j in range(start, len(keys)) if keys[j] > _isort_key(name)), len(aliases))
        if i < len(aliases):
            a = aliases[i]
            st = self.positions[a].start
            before = self.lines.line_text(st.line)[: st.column]
            if before.strip() == "" and st.line != self.positions[imp].start.line:
                off = self.lines.line_start(st.line)
                return [Edit(off, off, f"{before}{name},\n")]
            off = self.start(a)
            return [Edit(off, off, f"{name}, ")]
        last = aliases[-1]
        if last.comma is not cst.MaybeSentinel.DEFAULT:
            st = self.positions[last].start
            before = self.lines.line_text(st.line)[: st.column]
            off = self.end(last.comma)
            if before.strip() == "" and st.line != self.positions[imp].start.line:
                off = self.lines.line_end(self.positions[last.comma].end.line)
                return [Edit(off, off, f"\n{before}{name},")]
            return [Edit(off, off, f" {name},")]
        off = self.end(last)
        st = self.positions[last].start
        before = self.lines.line_text(st.line)[: st.column]
        if before.strip() == "" and st.line != self.positions[imp].start.line:  # one name per line
            return [Edit(off, off, f",\n{before}{name}")]
        return [Edit(off, off, f", {name}")]

    def add_list_element(self, lst: cst.List, code: str) -> TList[Edit]:
        """Append the element ``code`` to the list ``lst`` in the list's own layout."""
        els = list(lst.elements)
        if not els:
            off = self.end(lst) - 1
            return [Edit(off, off, code)]
        last = els[-1]
        multiline = isinstance(lst.lbracket.whitespace_after, cst.ParenthesizedWhitespace) or any(
            e.comma is not cst.MaybeSentinel.DEFAULT and isinstance(e.comma.whitespace_after, cst.ParenthesizedWhitespace)
            for e in els
        )
        if not multiline:
            r = self.positions[lst]
            if last.comma is not cst.MaybeSentinel.DEFAULT:
                off = self.end(last.comma)
                edit = Edit(off, off, f" {code},")
            else:
                off = self.end(last.value)
                edit = Edit(off, off, f", {code}")
            line_text = self.lines.line_text(r.start.line)
            if r.start.line == r.end.line and len(line_text) + len(edit.replacement) <= self.line_length():
                return [edit]
            base = self.lines.indent_of(r.start.line)
            inner = base + _INDENT_UNIT(self)
            items = [self.source(e.value) for e in els] + [code]
            text = "[\n" + "".join(f"{inner}{self.fit(it, inner, 1)},\n" for it in items) + base + "]"
            return [Edit(self.start(lst), self.end(lst), text)]
        st = self.positions[last].start
        indent = self.lines.indent_of(st.line)
        item = self.fit(code, indent, 1)
        if last.comma is not cst.MaybeSentinel.DEFAULT:
            end_line = self.positions[last.comma].end.line
            edits = []
            body = f"\n{indent}{item},"
        else:
            end_line = self.positions[last.value].end.line
            off = self.end(last.value)
            edits = [Edit(off, off, ",")]
            body = f"\n{indent}{item}"
        if self.positions[lst].end.line == end_line:  # "...last]" – insert before the bracket
            off = self.end(last.comma) if last.comma is not cst.MaybeSentinel.DEFAULT else self.end(last.value)
        else:
            off = self.lines.line_end(end_line)
        edits.append(Edit(off, off, body))
        return edits

    def replace_node(self, node: cst.CSTNode, new_code: str) -> TList[Edit]:
        return [Edit(self.start(node), self.end(node), new_code)]

    def remove_arg(self, call: cst.Call, arg: cst.Arg) -> TList[Edit]:
        """Remove the argument ``arg`` of ``call`` in the call's layout.

        An argument on a line of its own loses that line (with a comment at its end,
        which is about it; comment lines above it stay); the last argument without a
        trailing comma takes the previous argument's comma with it, so the call keeps
        its no-trailing-comma style. An inline argument goes with the comma before it.
        """
        args = list(call.args)
        i = next(j for j, a in enumerate(args) if a is arg)
        prev = args[i - 1] if i else None
        nxt = args[i + 1] if i + 1 < len(args) else None
        st = self.positions[arg].start
        has_comma = arg.comma is not cst.MaybeSentinel.DEFAULT
        end_node = arg.comma if has_comma else arg.value
        end = self.positions[end_node].end
        after = self.lines.line_text(end.line)[end.column:].strip()
        own_line = self.lines.line_text(st.line)[: st.column].strip() == ""
        if own_line and (after == "" or after.startswith("#")):
            lines = Edit(self.lines.line_start(st.line), self.lines.line_end(end.line) + 1, "")
            if has_comma or prev is None:
                return [lines]
            # the last argument, no trailing comma: the previous argument's comma goes too
            return [Edit(self.start(prev.comma), self.end(prev.comma), ""), lines]
        if own_line and after.startswith(")") and prev is not None:  # "    k=v)"
            if "#" in self.text[self.end(prev.value): self.start(arg)]:  # keep the comment after "a=1,"
                return [Edit(self.start(prev.comma), self.end(prev.comma), ""), Edit(self.start(arg), self.end(arg.value), "")]
            return [Edit(self.end(prev.value), self.end(arg.value), "")]  # the paren moves up
        if prev is not None and (not own_line or nxt is None):
            return [Edit(self.end(prev.value), self.end(arg.value), "")]
        if nxt is not None and self.positions[nxt].start.line == end.line:
            return [Edit(self.start(arg), self.start(nxt), "")]
        stop = self.end(end_node)
        while stop < len(self.text) and self.text[stop] == " ":
            stop += 1
        return [Edit(self.start(arg), stop, "")]

    def indent_unit(self) -> str:
        return _INDENT_UNIT(self)


def _arg_text(doc: PythonDoc, a: cst.Arg) -> str:
    if a.keyword is not None:
        return f"{a.keyword.value}={doc.source(a.value)}"
    if a.star:
        return f"{a.star}{doc.source(a.value)}"
    return doc.source(a.value)


def _arg_item(a) -> Tuple[Optional[str], "Node"]:
    """(keyword or None, value) of an argument given as code ("k=v", "x") or as a pair."""
    if isinstance(a, str):
        if _is_kwarg_code(a):
            k, v = a.split("=", 1)
            return k, Code(v)
        return None, Code(a)
    return a[0], as_node(a[1])


def _arg_code(src, a: cst.Arg) -> str:
    if a.keyword is not None:
        return f"{a.keyword.value}={src(a.value)}"
    return f"{a.star}{src(a.value)}"


def _element_code(src, e) -> str:
    if isinstance(e, cst.DictElement):
        return f"{src(e.key)}: {src(e.value)}"
    if isinstance(e, cst.StarredDictElement):
        return f"**{src(e.value)}"
    if isinstance(e, cst.StarredElement):
        return f"*{src(e.value)}"
    return src(e.value)


def _is_kwarg_code(item: str) -> bool:
    return re.match(r"[A-Za-z_]\w*=(?!=)", item) is not None


def _isort_key(name: str):
    """isort's default order within ``from x import a, B, C_D``: constants, classes, the rest."""
    kind = 0 if name.isupper() and len(name) > 1 else 1 if name[:1].isupper() else 2
    return (kind, name.lower())


def _dedent(text: str, indent: str) -> str:
    """Remove ``indent`` from the start of every line but the first."""
    return text.replace("\n" + indent, "\n") if indent else text


def is_multiline(call: cst.Call) -> bool:
    """Are the call's arguments laid out over several lines (not just a long argument)?"""
    if isinstance(call.whitespace_before_args, cst.ParenthesizedWhitespace):
        return True
    for a in call.args:
        if a.comma is not cst.MaybeSentinel.DEFAULT and isinstance(a.comma.whitespace_after, cst.ParenthesizedWhitespace):
            return True
        if isinstance(a.whitespace_after_arg, cst.ParenthesizedWhitespace):
            return True
    return False


def dict_is_multiline(d: cst.Dict) -> bool:
    if isinstance(d.lbrace.whitespace_after, cst.ParenthesizedWhitespace):
        return True
    for el in d.elements:
        if el.comma is not cst.MaybeSentinel.DEFAULT and isinstance(el.comma.whitespace_after, cst.ParenthesizedWhitespace):
            return True
    return isinstance(d.rbrace.whitespace_before, cst.ParenthesizedWhitespace)


def _INDENT_UNIT(doc: PythonDoc) -> str:
    unit = doc.module.default_indent
    return unit if unit.strip() == "" and unit else "    "


def _indent(code: str, indent: str) -> str:
    out = []
    for ln in code.splitlines(True):
        out.append(indent + ln if ln.strip() else ln)
    s = "".join(out)
    return s if s.endswith("\n") else s + "\n"


def py_string(value: str, like: Optional[str] = None) -> str:
    """A Python string literal for ``value`` in the quote style of ``like`` (a literal's source)."""
    q = '"'
    if like:
        body = like.lstrip("rRbBuUfF")
        if body[:1] in ("'", '"'):
            q = body[0]
    esc = value.replace("\\", "\\\\").replace(q, "\\" + q)
    return f"{q}{esc}{q}"


def file_quote(doc: PythonDoc) -> str:
    """The quote character most string literals in the file use (counted once per
    document: every fix that writes a string asks)."""
    return doc.memo("file quote", lambda: _file_quote(doc.text))


def _file_quote(text: str) -> str:
    single = len(re.findall(r"(?<![\w\"'])'", text))
    double = len(re.findall(r'(?<![\w"\'])"', text))
    return "'" if single > double else '"'


def rewrite_call(doc: "PythonDoc", site: CallSite, steps) -> TList[Edit]:
    """One edit replacing ``site``'s call with the result of ``steps`` applied one after
    the other, each ``step(doc, site) -> [Edit]`` on the file re-parsed after the previous
    one (so that e.g. removing two neighbouring arguments cannot overlap).

    ``steps`` may be a generator: the next step is asked for only after the previous one
    ran, and the file is re-parsed only when there is one (a step that turns out not to be
    needed costs no parse: each parse resolves the whole file's names)."""
    start, end = doc.start(site.call), doc.end(site.call)
    text, cur, s = doc.text, doc, site
    it = iter(steps)
    step = next(it, None)
    while step is not None:
        edits = step(cur, s)
        text = apply_edits(text, edits)
        step = next(it, None)
        if step is not None and edits:
            cur = parse(text, doc.language)
            s = next((c for c in cur.calls(site.qualname) if cur.start(c.call) == start), None)
            if s is None:
                raise FixError("the call moved while it was edited; change it by hand")
    return [Edit(start, end, text[start: end + len(text) - len(doc.text)])]


# ---------------------------------------------------------------- new values
# New code is built as a small tree (``Call``/``Dict``/``List`` of ``Code``) and laid out by
# ``render`` where it goes: on one line when it fits, else black style, one item per line.


@dataclass
class Code:
    """Expression source. Where it does not fit, a call, list, tuple or dict is opened too."""

    text: str


@dataclass
class Call:
    func: str
    args: TList[Tuple[Optional[str], "Node"]]  # (keyword or None, value)
    explode: bool = False  # one argument per line even when it fits


@dataclass
class Dict:
    items: TList[Tuple[Optional[str], "Node"]]  # (key code, value); key None: a ``**spread`` value
    explode: bool = False


@dataclass
class List:
    items: TList["Node"]
    explode: bool = False


Node = Union[Code, Call, Dict, List]
Value = Union[Node, str]  # a node, or expression code


def as_node(v: Value) -> "Node":
    return Code(v) if isinstance(v, str) else v


@dataclass(frozen=True)
class Layout:
    """How new code is laid out in a file: what the file shows (``unit``, ``width``) and,
    where it shows nothing, the house style of the codemods writing it (``STYLES``)."""

    unit: str = "    "  # one level of indentation
    width: int = 88  # the line length
    # A lone item laid out on a line of its own keeps a trailing comma: ``f(\n    x,\n)``
    # (black writes none: its "magic trailing comma" comes with several items).
    lone_comma: bool = False
    # The line length is the longest code line's when at least two are longer than 88
    # (not only one: a single long line may be an accident).
    several_long_lines: bool = True
    # In a call whose arguments align with its open paren, a new value of several
    # arguments aligns them too (else it is laid out black style).
    align_values: bool = False
    # Arguments inserted before an argument on its own line go above the comment lines
    # directly over it (taken to be about it), else right before it.
    comments_above: bool = False


# The house styles of the codemods of each language where a file says nothing (both pinned
# by their golden cases; the CDK codemods were written with the editor's first verbs, the
# Pulumi ones with a black-like renderer of their own before the two were merged).
STYLES = {
    "cdk": Layout(lone_comma=True, several_long_lines=False, align_values=True, comments_above=True),
    "pulumi": Layout(),
}


def _parts(n: "Node"):
    """(open, close, [(prefix, child)]) of a bracketed node."""
    if isinstance(n, Call):
        return n.func + "(", ")", [((f"{k}=" if k else ""), v) for k, v in n.args]
    if isinstance(n, Dict):
        return "{", "}", [((f"{k}: " if k is not None else ""), v) for k, v in n.items]
    return "[", "]", [("", v) for v in n.items]


def flat(n: "Node") -> str:
    """``n`` on one line."""
    if isinstance(n, Code):
        return n.text
    o, c, items = _parts(n)
    return o + ", ".join(p + flat(v) for p, v in items) + c


def _opened(code: str) -> Optional["Node"]:
    """The call, list, parenthesized tuple or dict ``code`` is, as a node to lay out; else None."""
    try:
        expr = cst.parse_expression(code)
    except Exception:
        return None
    src = cst.Module(body=[]).code_for_node
    if isinstance(expr, cst.Call) and expr.args:
        return Call(src(expr.func), [(a.keyword.value if a.keyword is not None else None,
                                      Code(f"{a.star}{src(a.value)}" if a.keyword is None else src(a.value)))
                                     for a in expr.args])
    if isinstance(expr, cst.List) and expr.elements:
        return List([Code(_element_code(src, e)) for e in expr.elements])
    if isinstance(expr, cst.Tuple) and len(expr.elements) > 1 and expr.lpar:
        return Call("", [(None, Code(_element_code(src, e))) for e in expr.elements])
    if isinstance(expr, cst.Dict) and expr.elements:
        return Dict([(src(e.key), Code(src(e.value))) if isinstance(e, cst.DictElement) else (None, Code(f"**{src(e.value)}"))
                     for e in expr.elements])
    return None


def render(n: "Node", indent: str, used: int, tail: int, lay: Layout) -> str:
    """``n`` laid out starting at column ``used`` of a line indented by ``indent`` and followed
    by ``tail`` characters (a comma, a paren): on one line when it fits, else black style,
    one item per line with trailing commas (a lone item: see ``Layout.lone_comma``)."""
    f = flat(n)
    if used + len(f) + tail <= lay.width and not getattr(n, "explode", False):
        return f
    if isinstance(n, Code):
        n = _opened(f) if "\n" not in f else None
        if n is None:
            return f
    o, c, items = _parts(n)
    if not items:
        return f
    inner = indent + lay.unit
    if len(items) == 1 and not n.explode and not lay.lone_comma:
        p, v = items[0]
        return f"{o}\n{inner}{p}{render(v, inner, len(inner) + len(p), 0, lay)}\n{indent}{c}"
    lines = [o]
    for p, v in items:
        lines.append(f"{inner}{p}{render(v, inner, len(inner) + len(p), 1, lay)},")
    return "\n".join(lines) + f"\n{indent}{c}"


def str_code(doc: PythonDoc, value: str, like: Optional[cst.CSTNode] = None) -> str:
    """A string literal in the quote style of ``like`` (a literal node) or of the file."""
    if isinstance(like, cst.SimpleString):
        return py_string(value, like.value)
    return py_string(value, file_quote(doc))


def dedupe(edits: Sequence[Edit]) -> TList[Edit]:
    """``edits`` without repeats (two values needing the same import)."""
    out = []
    for e in edits:
        if e not in out:
            out.append(e)
    return out


def nest_edits(doc: PythonDoc, node: cst.CSTNode, outer: Sequence[Edit], inner: Sequence[Edit]) -> TList[Edit]:
    """Combine ``inner`` edits (all within ``node``) with ``outer`` edits that may rewrite a range
    containing ``node`` (e.g. a call laid out anew): the inner change is carried into that rewrite."""
    start, end = doc.start(node), doc.end(node)
    src = doc.source(node)
    new_src = src
    for e in sorted(inner, key=lambda e: e.start, reverse=True):
        new_src = new_src[: e.start - start] + e.replacement + new_src[e.end - start:]
    out = []
    carried = False
    for e in outer:
        if e.start <= start and end <= e.end and e.replacement.count(src) == 1:
            e = Edit(e.start, e.end, e.replacement.replace(src, new_src))
            carried = True
        out.append(e)
    return out if carried else list(outer) + list(inner)


def name_key(doc, node) -> Optional[str]:
    """A name as text to compare (a log group's name with a function's): a literal's value,
    an f-string with its fields as ``{code}``, a variable or attribute as ``{code}``, ``+``
    and Pulumi's ``Output.concat`` joined, ``x.apply(lambda n: f"...{n}...")`` with ``{x}``
    for ``{n}``. None: unknown."""
    if node is None:
        return None
    if isinstance(node, cst.SimpleString):
        v = node.evaluated_value
        return v if isinstance(v, str) else None
    if isinstance(node, cst.FormattedString):
        out = []
        for p in node.parts:
            if isinstance(p, cst.FormattedStringText):
                out.append(p.value)
            elif p.format_spec is None and p.conversion is None:
                out.append("{" + re.sub(r"\s+", "", doc.code(p.expression)) + "}")
            else:
                return None
        return "".join(out)
    if isinstance(node, (cst.ConcatenatedString, cst.BinaryOperation)):
        if isinstance(node, cst.BinaryOperation) and not isinstance(node.operator, cst.Add):
            return None
        a, b = name_key(doc, node.left), name_key(doc, node.right)
        return a + b if a is not None and b is not None else None
    if isinstance(node, (cst.Name, cst.Attribute)):
        return "{" + re.sub(r"\s+", "", doc.code(node)) + "}"
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute):
        attr = node.func.attr.value
        if attr == "concat" and all(a.keyword is None and not a.star for a in node.args):
            parts = [name_key(doc, a.value) for a in node.args]
            return None if any(p is None for p in parts) else "".join(parts)
        if attr == "apply" and len(node.args) == 1 and isinstance(node.args[0].value, cst.Lambda):
            lam = node.args[0].value
            params = lam.params.params
            body = name_key(doc, lam.body)
            if len(params) == 1 and body is not None:
                return body.replace("{" + params[0].name.value + "}", name_key(doc, node.func.value) or "")
    return None
