"""Format-preserving editing of CDK and Pulumi Python programs.

libcst locates: calls by their *qualified* name (QualifiedNameProvider resolves
``aws_sqs as sqs``, ``from aws_cdk.aws_sqs import Queue``, ``import pulumi_aws
as aws``), and their exact positions. Edits are made as minimal text edits at
those positions, in the style of the call being edited (inline vs one argument
per line, trailing commas, quotes, indentation), so every other byte of the
file stays as it was.
"""

from __future__ import annotations

import ast

import re
from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple

import libcst as cst
from libcst.metadata import (
    CodeRange,
    MetadataWrapper,
    ParentNodeProvider,
    PositionProvider,
    QualifiedNameProvider,
    ScopeProvider,
)

from iacfix.core import Edit, FixError, ParseError, apply_edits
from iacfix.transforms.text import LineIndex

KwargSpec = Sequence[Tuple[str, str]]  # (keyword, python expression code)


def parse(text: str, language: str = "cdk") -> "PythonDoc":
    try:
        module = cst.parse_module(text)
    except cst.ParserSyntaxError as e:
        raise _syntax_error(text, e) from None
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
    def calls_under(self, prefix: str) -> List[CallSite]:
        """Calls whose callee resolves to a name under ``prefix`` (``pulumi_aws.``)."""
        return [self._site(call, q) for call, q in self._calls if q.startswith(prefix)]

    def calls(self, *qualnames: str) -> List[CallSite]:
        """Calls whose callee resolves to one of ``qualnames`` (exact names)."""
        want = set(qualnames)
        out = []
        for call, q in self._calls:
            if q in want:
                out.append(self._site(call, q))
        return out

    def qualified_names(self, node: cst.CSTNode) -> set:
        found = self.qualnames.get(node, set())
        if callable(found):  # libcst stores qualified names as LazyValue
            found = found()
        return {q.name for q in found or ()}

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
        if not parent:  # a top-level module: import pulumi / import pulumi_aws as aws
            line = f"import {leaf} as {alias}" if alias and alias != leaf else f"import {leaf}"
            return local, self.add_import(line)
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
        return [Edit(off, off, prefix + block)]

    def statement_indent(self, stmt: cst.CSTNode) -> str:
        return self.lines.indent_of(self.positions[stmt].start.line)

    def line_length(self) -> int:
        """The line length this file is written to: 88 (black) unless it uses longer lines."""
        # Comment lines (a long URL in a comment, a banner) say nothing of how wide the
        # author writes code, so only code lines count.
        widest = max(
            (len(ln.rstrip()) for ln in self.text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")),
            default=0,
        )
        return max(88, min(widest, 120))

    def add_kwargs(self, call: cst.Call, kwargs: KwargSpec) -> List[Edit]:
        """Append keyword arguments to ``call`` in the call's own layout."""
        if not kwargs:
            return []
        eq = " = " if self.spaced_equals(call) else "="  # as the call's own arguments are written
        args = list(call.args)
        if _is_multiline(call):
            return self._add_kwargs_multiline(call, kwargs, eq)
        # Inline call: f(a, b) → f(a, b, k=v)
        new = ", ".join(f"{k}{eq}{v}" for k, v in kwargs)
        if args:
            last = args[-1]
            off = self.end(last.value)
            if last.comma is not cst.MaybeSentinel.DEFAULT:  # f(a, ) – rare trailing comma inline
                off = self.end(last.comma)
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
            return self._explode(call, kwargs, eq)
        return [edit]

    def _add_kwargs_multiline(self, call: cst.Call, kwargs: KwargSpec, eq: str = "=") -> List[Edit]:
        args = list(call.args)
        if not args:
            return self._explode(call, kwargs, eq)
        last = args[-1]
        last_r = self.positions[last]
        indent = self.lines.indent_of(last_r.start.line)
        # A trailing comma? The arg node's range ends before its comma.
        has_trailing = last.comma is not cst.MaybeSentinel.DEFAULT
        edits = []
        if self.aligned_hanging(call):
            kwargs = [(k, self.fit_aligned(v, len(indent) + len(k) + len(eq))) for k, v in kwargs]
        # Which line does the last argument (with its comma) end on?
        if has_trailing:
            comma_end_line = self.positions[last.comma].end.line if last.comma in self.positions else last_r.end.line
            end_line = comma_end_line
            body = "".join(f"\n{indent}{k}{eq}{self.fit(v, indent, len(k) + len(eq) + 1)}," for k, v in kwargs)
        else:
            end_line = last_r.end.line
            value_end = self.end(last.value)
            edits.append(Edit(value_end, value_end, ","))
            parts = [  # every argument but the last is followed by a comma
                f"\n{indent}{k}{eq}{self.fit(v, indent, len(k) + len(eq) + (i < len(kwargs) - 1))}"
                for i, (k, v) in enumerate(kwargs)
            ]
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

    def _explode(self, call: cst.Call, kwargs: KwargSpec, eq: str = "=") -> List[Edit]:
        """Rewrite a single-line call as one argument per line, black style."""
        r = self.positions[call]
        base = self.lines.indent_of(r.start.line)
        inner = base + _INDENT_UNIT(self)
        parts = [self.source(a.value) if a.keyword is None and not a.star else _arg_text(self, a) for a in call.args]
        parts += [f"{k}{eq}{self.fit(v, inner, len(k) + len(eq) + 1)}" for k, v in kwargs]
        func = self.source(call.func)
        text = func + "(\n" + "".join(f"{inner}{p},\n" for p in parts) + base + ")"
        return [Edit(self.start(call), self.end(call), text)]

    def add_kwargs_before(self, call: cst.Call, before: cst.Arg, kwargs: KwargSpec) -> List[Edit]:
        """Insert keyword arguments just before the argument ``before`` of ``call``, in the call's layout.

        When ``before`` starts its line, each new argument gets a line of its own
        above it (above the comment lines directly over it, which belong to it);
        otherwise they go inline before it (``f(a, k=v, b)``), and a single-line
        call that becomes too long is laid out one argument per line.
        """
        if not kwargs:
            return []
        eq = " = " if self.spaced_equals(call) else "="
        st = self.positions[before].start
        lead = self.lines.line_text(st.line)[: st.column]
        if lead.strip() == "":
            line = st.line
            while line > 1 and self.lines.line_text(line - 1).strip().startswith("#"):
                line -= 1
            if self.aligned_hanging(call):
                kwargs = [(k, self.fit_aligned(v, len(lead) + len(k) + len(eq))) for k, v in kwargs]
            text = "".join(f"{lead}{k}{eq}{self.fit(v, lead, len(k) + len(eq) + 1)},\n" for k, v in kwargs)
            off = self.lines.line_start(line)
            return [Edit(off, off, text)]
        new = "".join(f"{k}{eq}{v}, " for k, v in kwargs)
        r = self.positions[call]
        if r.start.line == r.end.line and len(self.lines.line_text(r.start.line)) + len(new) > self.line_length():
            base = self.lines.indent_of(r.start.line)
            inner = base + _INDENT_UNIT(self)
            parts = []
            for a in call.args:
                if a is before:
                    parts += [f"{k}{eq}{self.fit(v, inner, len(k) + len(eq) + 1)}" for k, v in kwargs]
                parts.append(self.source(a.value) if a.keyword is None and not a.star else _arg_text(self, a))
            text = self.source(call.func) + "(\n" + "".join(f"{inner}{p},\n" for p in parts) + base + ")"
            return [Edit(self.start(call), self.end(call), text)]
        off = self.start(before)
        return [Edit(off, off, new)]

    # ----------------------------------------------------------- new code
    def fit(self, code: str, indent: str, used: int = 0) -> str:
        """``code`` (one-line expression) laid out black style when it does not fit.

        ``indent`` is the indentation of the line the expression starts on and
        ``used`` the characters before it on that line (after the indentation;
        e.g. ``len("key=")`` plus one for a trailing comma). A call, list, tuple or
        dict that does not fit is opened one element per line with trailing
        commas, recursively; anything else is returned unchanged.
        """
        if "\n" in code or len(indent) + used + len(code) <= self.line_length():
            return code
        try:
            expr = cst.parse_expression(code)
        except Exception:
            return code
        mod = cst.Module(body=[])
        inner = indent + _INDENT_UNIT(self)

        def src(n):
            return mod.code_for_node(n)

        if isinstance(expr, cst.Call) and expr.args:
            head, close = src(expr.func) + "(", ")"
            items = [_arg_code(src, a) for a in expr.args]
        elif isinstance(expr, (cst.List, cst.Tuple, cst.Dict)) and expr.elements and (
            not isinstance(expr, cst.Tuple) or expr.lpar
        ):
            head, close = {cst.List: ("[", "]"), cst.Tuple: ("(", ")"), cst.Dict: ("{", "}")}[type(expr)]
            items = [_element_code(src, e) for e in expr.elements]
        else:
            return code
        out = [head]
        for it in items:
            key, _, rest = it.partition("=") if _is_kwarg_code(it) else ("", "", it)
            lead = f"{key}=" if key else ""
            out.append(f"\n{inner}{lead}{self.fit(rest, inner, len(lead) + 1)},")
        out.append(f"\n{indent}{close}")
        return "".join(out)

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

    def render_call(self, prefix: str, func: str, args: Sequence[str], like: Optional[cst.Call] = None,
                    indent: str = "") -> str:
        """Source for a new statement ``prefix + func(args)`` laid out like the call ``like``.

        ``args`` are argument codes ("self", '"Id"', "k=v"). The result is
        relative: its first line carries no indentation and continuation lines
        are indented relative to ``indent``, the indentation the statement will
        get (so it can go straight to insert_before_statement). ``like`` lends
        its layout: single line, one argument per line (black), hanging
        arguments after the open paren (aligned to it or indented), how many
        arguments share the first line, trailing comma, and where the closing
        paren sits. Without ``like`` (or when ``like`` is a single line) the call
        stays on one line when it fits and is laid out black style otherwise.
        """
        one_line = f"{prefix}{func}({', '.join(args)})"
        if like is None or not _is_multiline(like) or not like.args:
            if len(indent) + len(one_line) <= self.line_length():
                return one_line
            return _dedent(prefix + self.fit(f"{func}({', '.join(args)})", indent, len(prefix)), indent)
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
            rel = _INDENT_UNIT(self)
        inner = indent + rel
        first_group = min(sum(1 for st in starts if st.line == starts[0].line), len(args))
        trailing = like.args[-1].comma is not cst.MaybeSentinel.DEFAULT
        close_own = self.lines.line_text(r.end.line)[: r.end.column - 1].strip() == ""
        close_indent = self.lines.indent_of(r.end.line)
        if aligned and cont is not None:  # keep the paren where it stood relative to the arguments
            close_indent = indent + " " * max(0, len(rel) + len(close_indent) - len(cont))
        else:
            close_indent = indent + (close_indent[len(base):] if close_indent.startswith(base) else "")

        eq = " = " if self.spaced_equals(like) else "="

        def fit_arg(a: str) -> str:
            if _is_kwarg_code(a):
                k, v = a.split("=", 1)
                if aligned:
                    return f"{k}{eq}{self.fit_aligned(v, len(inner) + len(k) + len(eq))}"
                return f"{k}{eq}{self.fit(v, inner, len(k) + len(eq) + 1)}"
            return self.fit(a, inner, 1)

        head = [a.replace("=", eq, 1) if _is_kwarg_code(a) else a for a in args[:first_group]]
        lines = [", ".join(head)] + [fit_arg(a) for a in args[first_group:]]
        body = f",\n{inner}".join(lines) + ("," if trailing else "")
        text = f"{prefix}{func}(" + (body if hanging else f"\n{inner}{body}")
        text += f"\n{close_indent})" if close_own else ")"
        return _dedent(text, indent)

    def import_name(self, qualname: str, alias: Optional[str] = None) -> Tuple[str, List[Edit]]:
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

    def _add_import_alias(self, imp: cst.ImportFrom, name: str) -> List[Edit]:
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

    def add_list_element(self, lst: cst.List, code: str) -> List[Edit]:
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

    def replace_node(self, node: cst.CSTNode, new_code: str) -> List[Edit]:
        return [Edit(self.start(node), self.end(node), new_code)]

    def remove_arg(self, call: cst.Call, arg: cst.Arg) -> List[Edit]:
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


def rewrite_call(doc: "PythonDoc", site: CallSite, steps) -> List[Edit]:
    """One edit replacing ``site``'s call with the result of ``steps`` applied one after
    the other, each ``step(doc, site) -> [Edit]`` on the file re-parsed after the previous
    one (so that e.g. removing two neighbouring arguments cannot overlap)."""
    start, end = doc.start(site.call), doc.end(site.call)
    text, cur, s = doc.text, doc, site
    for i, step in enumerate(steps):
        text = apply_edits(text, step(cur, s))
        if i + 1 < len(steps):
            cur = parse(text, doc.language)
            s = next((c for c in cur.calls(site.qualname) if cur.start(c.call) == start), None)
            if s is None:
                raise FixError("the call moved while it was edited; change it by hand")
    return [Edit(start, end, text[start: end + len(text) - len(doc.text)])]
