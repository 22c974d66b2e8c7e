"""Format-preserving editing of CDK and Pulumi Python programs.

libcst locates: calls by their *qualified* name (QualifiedNameProvider resolves
``aws_sqs as sqs``, ``from aws_cdk.aws_sqs import Queue``, ``import pulumi_aws
as aws``), and their exact positions. Edits are made as minimal text edits at
those positions, in the style of the call being edited (inline vs one argument
per line, trailing commas, quotes, indentation), so every other byte of the
file stays as it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

import libcst as cst
from libcst import matchers as m
from libcst.metadata import (
    CodeRange,
    MetadataWrapper,
    ParentNodeProvider,
    PositionProvider,
    QualifiedNameProvider,
    ScopeProvider,
)

from iacfix.model import Edit, FixError, ParseError
from transforms.text import LineIndex

KwargSpec = Sequence[Tuple[str, str]]  # (keyword, python expression code)


def parse(text: str, language: str = "cdk") -> "PythonDoc":
    try:
        module = cst.parse_module(text)
    except cst.ParserSyntaxError as e:
        raise ParseError(f"invalid Python syntax: {e.message}", e.raw_line) from None
    except Exception as e:  # libcst raises a few other errors on odd input
        raise ParseError(f"invalid Python: {e}".splitlines()[0]) from None
    return PythonDoc(text, module, language)


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


class _Collector(cst.CSTVisitor):
    METADATA_DEPENDENCIES = (QualifiedNameProvider, PositionProvider, ParentNodeProvider)

    def __init__(self):
        self.calls: List[Tuple[cst.Call, str]] = []
        self.classes: List[cst.ClassDef] = []
        self.functions: List[cst.FunctionDef] = []

    def visit_Call(self, node: cst.Call) -> None:
        for q in self.get_metadata(QualifiedNameProvider, node.func, set()) or ():
            self.calls.append((node, q.name))

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.classes.append(node)

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.functions.append(node)


class PythonDoc:
    def __init__(self, text: str, module: cst.Module, language: str):
        self.text = text
        self.module = module
        self.language = language
        self.lines = LineIndex(text)
        self.wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
        self.positions = self.wrapper.resolve(PositionProvider)
        self.parents = self.wrapper.resolve(ParentNodeProvider)
        self.qualnames = self.wrapper.resolve(QualifiedNameProvider)
        self.scopes = self.wrapper.resolve(ScopeProvider)
        col = _Collector()
        self.wrapper.visit(col)
        self._calls = col.calls
        self.classes = col.classes
        self.functions = col.functions

    # ------------------------------------------------------------------ locate
    def calls(self, *qualnames: str) -> List[CallSite]:
        """Calls whose callee resolves to one of ``qualnames`` (exact names)."""
        want = set(qualnames)
        out = []
        for call, q in self._calls:
            if q in want:
                out.append(self._site(call, q))
        return out

    def calls_matching(self, pattern: str) -> List[CallSite]:
        """Calls whose qualified name matches a regular expression (fullmatch)."""
        rx = re.compile(pattern)
        return [self._site(c, q) for c, q in self._calls if rx.fullmatch(q)]

    def qualified_names(self, node: cst.CSTNode) -> set:
        return {q.name for q in self.qualnames.get(node, set())}

    def _site(self, call: cst.Call, q: str) -> CallSite:
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

    def ensure_name(self, qualname: str, import_style: str = "from") -> Tuple[str, List[Edit]]:
        """An expression naming ``qualname`` and the edits (an import) it needs.

        When the module is not imported yet, ``from <mod> import <name>`` is
        added after the last top-level import, matching how the file imports.
        """
        ref = self.name_ref(qualname)
        if ref:
            return ref, []
        mod, _, name = qualname.rpartition(".")
        return name, self.add_import(f"from {mod} import {name}")

    def ensure_module(self, module: str, alias: Optional[str] = None) -> Tuple[str, List[Edit]]:
        """An expression naming ``module`` (e.g. aws_cdk.aws_sqs → "sqs") plus import edits."""
        ref = self.module_ref(module)
        if ref:
            return ref, []
        parent, _, leaf = module.rpartition(".")
        local = alias or leaf
        if alias and alias != leaf:
            line = f"from {parent} import {leaf} as {alias}"
        else:
            line = f"from {parent} import {leaf}"
        return local, self.add_import(line)

    def add_import(self, line: str) -> List[Edit]:
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

    # -------------------------------------------------------------------- edits
    def insert_before_statement(self, stmt: cst.CSTNode, code: str, blank_line: bool = False) -> List[Edit]:
        """Insert statement(s) ``code`` (unindented) before ``stmt`` at its indentation.

        Comments directly above ``stmt`` stay attached to it (the new code goes above them).
        """
        r = self.positions[stmt]
        line = r.start.line
        # Walk up over comment lines that belong to stmt.
        while line > 1 and self.lines.line_text(line - 1).strip().startswith("#"):
            line -= 1
        indent = self.lines.indent_of(r.start.line)
        block = _indent(code, indent)
        if blank_line:
            block += "\n"
        off = self.lines.line_start(line)
        return [Edit(off, off, block)]

    def insert_after_statement(self, stmt: cst.CSTNode, code: str, blank_line: bool = False) -> List[Edit]:
        r = self.positions[stmt]
        indent = self.lines.indent_of(r.start.line)
        end_line = r.end.line
        off = self.lines.line_end(end_line)
        block = _indent(code, indent).rstrip("\n")
        prefix = "\n\n" if blank_line else "\n"
        if off == len(self.text) and not self.text.endswith("\n"):
            return [Edit(off, off, prefix + block)]
        return [Edit(off, off, prefix + block)]

    def statement_indent(self, stmt: cst.CSTNode) -> str:
        return self.lines.indent_of(self.positions[stmt].start.line)

    def line_length(self) -> int:
        """The line length this file is written to: 88 (black) unless it uses longer lines."""
        longest = max((len(ln) for ln in self.text.splitlines()), default=0)
        return max(88, min(longest, 120))

    def add_kwargs(self, call: cst.Call, kwargs: KwargSpec) -> List[Edit]:
        """Append keyword arguments to ``call`` in the call's own layout."""
        if not kwargs:
            return []
        args = list(call.args)
        if _is_multiline(call):
            return self._add_kwargs_multiline(call, kwargs)
        # Inline call: f(a, b) → f(a, b, k=v)
        new = ", ".join(f"{k}={v}" for k, v in kwargs)
        if args:
            last = args[-1]
            off = self.end(last.value)
            if last.comma is not cst.MaybeSentinel.DEFAULT:  # f(a, ) – rare trailing comma inline
                off = self.end(last)
                edit = Edit(off, off, f" {new},")
            else:
                edit = Edit(off, off, f", {new}")
        else:
            # f() → f(k=v); the open paren ends right after func + whitespace
            close = self.end(call) - 1
            edit = Edit(close, close, new)
        # Too long for the file's line length? Lay the call out one argument per line.
        r = self.positions[call]
        line_text = self.lines.line_text(r.start.line)
        if r.start.line == r.end.line and len(line_text) + len(edit.replacement) > self.line_length():
            return self._explode(call, kwargs)
        return [edit]

    def _add_kwargs_multiline(self, call: cst.Call, kwargs: KwargSpec) -> List[Edit]:
        args = list(call.args)
        if not args:
            return self._explode(call, kwargs)
        last = args[-1]
        last_r = self.positions[last]
        indent = self.lines.indent_of(last_r.start.line)
        # A trailing comma? The arg node's range ends before its comma.
        has_trailing = last.comma is not cst.MaybeSentinel.DEFAULT
        edits = []
        # Which line does the last argument (with its comma) end on?
        if has_trailing:
            comma_end_line = self.positions[last.comma].end.line if last.comma in self.positions else last_r.end.line
            end_line = comma_end_line
            body = "".join(f"\n{indent}{k}={v}," for k, v in kwargs)
        else:
            end_line = last_r.end.line
            value_end = self.end(last.value)
            edits.append(Edit(value_end, value_end, ","))
            parts = [f"\n{indent}{k}={v}" for k, v in kwargs]
            body = ",".join(parts)
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

    def _explode(self, call: cst.Call, kwargs: KwargSpec) -> List[Edit]:
        """Rewrite a single-line call as one argument per line, black style."""
        r = self.positions[call]
        base = self.lines.indent_of(r.start.line)
        inner = base + _INDENT_UNIT(self)
        parts = [self.source(a.value) if a.keyword is None and not a.star else _arg_text(self, a) for a in call.args]
        parts += [f"{k}={v}" for k, v in kwargs]
        func = self.source(call.func)
        text = func + "(\n" + "".join(f"{inner}{p},\n" for p in parts) + base + ")"
        return [Edit(self.start(call), self.end(call), text)]

    def replace_node(self, node: cst.CSTNode, new_code: str) -> List[Edit]:
        return [Edit(self.start(node), self.end(node), new_code)]

    def indent_unit(self) -> str:
        return _INDENT_UNIT(self)


def _arg_text(doc: PythonDoc, a: cst.Arg) -> str:
    if a.keyword is not None:
        return f"{a.keyword.value}={doc.source(a.value)}"
    if a.star:
        return f"{a.star}{doc.source(a.value)}"
    return doc.source(a.value)


def _is_multiline(call: cst.Call) -> bool:
    if isinstance(call.whitespace_before_args, cst.ParenthesizedWhitespace):
        return True
    for a in call.args:
        if a.comma is not cst.MaybeSentinel.DEFAULT and isinstance(a.comma.whitespace_after, cst.ParenthesizedWhitespace):
            return True
        if isinstance(a.whitespace_after_arg, cst.ParenthesizedWhitespace):
            return True
    return False


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
    """The quote character most string literals in the file use."""
    single = len(re.findall(r"(?<![\w\"'])'", doc.text))
    double = len(re.findall(r'(?<![\w"\'])"', doc.text))
    return "'" if single > double else '"'
