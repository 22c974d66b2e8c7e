"""Format-preserving editing of AWS CDK Go source (tree-sitter-go locates, text edits fix).

``parse(text)`` gives a ``GoDoc``: the file's imports (each with the name the file uses
for it), every constructor call ``<pkg>.New<Type>(scope, id, props)`` with its package
resolved to the import path (``CallSite``), and props composite literals
(``&awskms.KeyProps{...}``) as ``Literal``: their fields, key spans and values.

The verbs return ``Edit``s and never rewrite what they do not own:

- ``add_fields(lit, fields, before=)``: new ``Key: value`` lines in a composite literal, the
  run they join realigned exactly as gofmt aligns it (see ``_groups``);
- ``replace(node, value)``: a field's value;
- ``nil_to_literal(node, type, fields)``: a ``nil`` props argument becomes ``&T{...}``;
- ``append_element(body, value)``: a new last element of a slice literal ``&[]T{...}``;
- ``remove_fields(lit, fields)``: fields taken out of a literal, their runs realigned;
- ``ensure_import(path)``: the name the file uses for a package, adding the import to the
  import block in goimports order when it is missing.

Values are Go source text, or ``GoLit(type, fields)`` for a nested literal (``GoList`` a
slice, ``GoCall`` a call taking one), laid out by the editor at the indentation where it lands. A gofmt-clean file stays gofmt-clean.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple, Union

from iacfix.core import Edit, FixError, ParseError

CDK = "github.com/aws/aws-cdk-go/awscdk/v2"
JSII = "github.com/aws/jsii-runtime-go"

# Packages whose name is not the last element of their import path.
_PACKAGE_NAMES = {
    JSII: "jsii",
    "github.com/aws/constructs-go/constructs/v10": "constructs",
    CDK: "awscdk",
}

_parser = None


def _get_parser():
    global _parser
    if _parser is None:
        import tree_sitter_go
        from tree_sitter import Language, Parser

        _parser = Parser(Language(tree_sitter_go.language()))
    return _parser


def package_name(path: str) -> str:
    """The name a package is known by when imported without an alias."""
    if path in _PACKAGE_NAMES:
        return _PACKAGE_NAMES[path]
    parts = path.split("/")
    last = parts[-1]
    if len(parts) > 1 and last[:1] == "v" and last[1:].isdigit():
        last = parts[-2]
    return last.replace("-", "_").replace(".", "_")


@dataclass(frozen=True)
class GoLit:
    """A composite literal to write: ``&<type>{<key>: <value>, ...}`` (``amp``: with ``&``)."""

    type: str
    fields: Tuple[Tuple[str, "Value"], ...]
    amp: bool = True


@dataclass(frozen=True)
class GoList:
    """A slice literal to write: ``&[]<type>{<item>, ...}``."""

    type: str
    items: Tuple["Value", ...]


@dataclass(frozen=True)
class GoCall:
    """A call to write: ``<func>(<arg>, ...)``; a literal argument is laid out at the
    indentation of the line the call starts on (``F(&T{\n\t\tA: 1,\n\t})``)."""

    func: str
    args: Tuple["Value", ...]


Value = Union[str, GoLit, GoList, GoCall]


@dataclass
class Import:
    name: str  # the name the file uses ("_" and "." imports included)
    path: str
    node: object  # the import_spec


@dataclass
class Field:
    key: str
    node: object  # keyed_element
    key_node: object
    value: object  # the value expression node


@dataclass
class Literal:
    """A composite literal ``T{...}`` (``amp``: written ``&T{...}``)."""

    node: object  # composite_literal
    outer: object  # the unary & expression, or the composite literal
    type_path: Optional[str]  # import path of a qualified type, None when local
    type_name: str
    body: object  # literal_value
    fields: List[Field]
    plain: bool  # every element is a keyed element with an identifier key

    def field(self, key: str) -> Optional[Field]:
        return next((f for f in self.fields if f.key == key), None)


@dataclass
class CallSite:
    """``<pkg>.<func>(args)`` with ``pkg`` an imported package."""

    doc: "GoDoc"
    call: object
    path: str
    func: str
    args: List[object]
    target: Optional[str]  # the variable assigned, when one is

    @property
    def line(self) -> int:
        return self.call.start_point[0] + 1

    @property
    def column(self) -> int:
        return self.doc.column(self.doc.start(self.call))

    @property
    def end_line(self) -> int:
        return self.call.end_point[0] + 1

    def arg(self, i: int):
        return self.args[i] if i < len(self.args) else None


def parse(text: str) -> "GoDoc":
    return GoDoc(text)


class GoDoc:
    def __init__(self, text: str):
        self.text = text
        self.data = text.encode("utf-8")
        self.tree = _get_parser().parse(self.data)
        root = self.tree.root_node
        if root.has_error:
            bad = _first_error(root)
            line = bad.start_point[0] + 1 if bad is not None else None
            raise ParseError("Go syntax error" + (f" on line {line}" if line else ""), line)
        self._ascii = len(self.data) == len(text)
        if not self._ascii:
            self._b2c = _byte_to_char(text)
        self._line_starts = [0]
        for i, ch in enumerate(text):
            if ch == "\n":
                self._line_starts.append(i + 1)
        self.imports = self._read_imports()
        self._calls: Optional[List[CallSite]] = None

    # ------------------------------------------------------------ positions
    def start(self, node) -> int:
        b = node.start_byte
        return b if self._ascii else self._b2c[b]

    def end(self, node) -> int:
        b = node.end_byte
        return b if self._ascii else self._b2c[b]

    def source(self, node) -> str:
        return self.data[node.start_byte:node.end_byte].decode("utf-8")

    def line_of(self, offset: int) -> int:
        """0-based line of a character offset."""
        lo, hi = 0, len(self._line_starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self._line_starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def column(self, offset: int) -> int:
        return offset - self._line_starts[self.line_of(offset)] + 1

    def line_start(self, line: int) -> int:
        return self._line_starts[line]

    def line_end(self, line: int) -> int:
        """Offset of the newline ending ``line`` (or the end of the text)."""
        nl = self.text.find("\n", self._line_starts[line])
        return len(self.text) if nl < 0 else nl

    def indent_of(self, line: int) -> str:
        s = self._line_starts[line]
        i = s
        while i < len(self.text) and self.text[i] in " \t":
            i += 1
        return self.text[s:i]

    # -------------------------------------------------------------- imports
    def _read_imports(self) -> List[Import]:
        out = []
        for decl in self.tree.root_node.children:
            if decl.type != "import_declaration":
                continue
            for spec in _walk_type(decl, "import_spec"):
                p = spec.child_by_field_name("path")
                if p is None:
                    continue
                path = _string_value(self, p)
                if path is None:
                    continue
                n = spec.child_by_field_name("name")
                name = self.source(n) if n is not None else package_name(path)
                out.append(Import(name, path, spec))
        return out

    def name_for(self, path: str) -> Optional[str]:
        """The name the file refers to ``path`` by (None: not imported, or only as _ / .)."""
        for imp in self.imports:
            if imp.path == path and imp.name not in ("_", "."):
                return imp.name
        return None

    def path_of(self, name: str) -> Optional[str]:
        for imp in self.imports:
            if imp.name == name:
                return imp.path
        return None

    def selector(self, node) -> Optional[Tuple[str, str]]:
        """``pkg.Name`` → (import path, "Name") when ``pkg`` is an imported package."""
        if node is None or node.type not in ("selector_expression", "qualified_type"):
            return None
        if node.type == "qualified_type":
            pkg, name = node.child_by_field_name("package"), node.child_by_field_name("name")
        else:
            pkg, name = node.child_by_field_name("operand"), node.child_by_field_name("field")
            if pkg is None or pkg.type != "identifier":
                return None
        if pkg is None or name is None:
            return None
        path = self.path_of(self.source(pkg))
        return (path, self.source(name)) if path is not None else None

    def ensure_import(self, path: str) -> Tuple[str, List[Edit]]:
        """The name to write for ``path``, and the edits importing it when the file does not
        (into the import block, in goimports order: standard library first, then the group
        of the file's other ``github.com/aws`` imports, sorted)."""
        name = self.name_for(path)
        if name is not None:
            return name, []
        name = package_name(path)
        if self.path_of(name) is not None:
            raise FixError(f"the name {name} is taken by another import; cannot import {path}")
        return name, self._add_import(path)

    def _add_import(self, path: str) -> List[Edit]:
        decls = [d for d in self.tree.root_node.children if d.type == "import_declaration"]
        line = f'"{path}"'
        block = next((d for d in decls if any(c.type == "import_spec_list" for c in d.children)), None)
        if block is None:
            if decls:  # import "fmt" → a block
                d = decls[-1]
                spec = next(_walk_type(d, "import_spec"), None)
                if spec is None:
                    raise FixError("cannot read the import declaration")
                old = self.source(spec)
                sep = "\n\n" if _is_std(_string_value(self, spec.child_by_field_name("path")) or "") else "\n"
                return [Edit(self.start(d), self.end(d), f"import (\n\t{old}{sep}\t{line}\n)")]
            pkg = next((c for c in self.tree.root_node.children if c.type == "package_clause"), None)
            if pkg is None:
                raise FixError("no package clause")
            return [Edit(self.end(pkg), self.end(pkg), f"\n\nimport {line}")]
        specs = [c for c in block.children if c.type == "import_spec_list"][0]
        items = [c for c in specs.children if c.type == "import_spec"]
        if not items:
            close = specs.children[-1]
            return [Edit(self.start(close), self.start(close), f"\t{line}\n")]
        # groups: runs of specs on consecutive lines
        groups: List[List[object]] = []
        for s in items:
            if groups and s.start_point[0] - groups[-1][-1].end_point[0] <= 1 and not self._blank_between(
                    groups[-1][-1], s):
                groups[-1].append(s)
            else:
                groups.append([s])

        def spath(s):
            return _string_value(self, s.child_by_field_name("path")) or ""

        target = None
        for g in groups:
            if any(spath(s).startswith("github.com/aws/") for s in g):
                target = g
                break
        if target is None:
            target = next((g for g in groups if not all(_is_std(spath(s)) for s in g)), None)
        if _is_std(path):
            target = next((g for g in groups if all(_is_std(spath(s)) for s in g)), None)
        if target is None and _is_std(path):  # the standard library's group comes first
            first = groups[0][0]
            at = self.line_start(first.start_point[0])
            return [Edit(at, at, f"{self.indent_of(first.start_point[0])}{line}\n\n")]
        if target is None:  # a group of its own after the last group
            last = groups[-1][-1]
            indent = self.indent_of(last.start_point[0])
            at = self.line_end(last.end_point[0])
            return [Edit(at, at, f"\n\n{indent}{line}")]
        indent = self.indent_of(target[0].start_point[0])
        after = [s for s in target if spath(s) > path]
        if after:
            at = self.line_start(after[0].start_point[0])
            return [Edit(at, at, f"{indent}{line}\n")]
        at = self.line_end(target[-1].end_point[0])
        return [Edit(at, at, f"\n{indent}{line}")]

    def _blank_between(self, a, b) -> bool:
        return any(not self.text[self.line_start(ln):self.line_end(ln)].strip()
                   for ln in range(a.end_point[0] + 1, b.start_point[0]))

    # ---------------------------------------------------------------- calls
    def calls(self) -> List[CallSite]:
        """Every call of a function of an imported package, in source order."""
        if self._calls is None:
            out = []
            for node in _walk_type(self.tree.root_node, "call_expression"):
                sel = self.selector(node.child_by_field_name("function"))
                if sel is None:
                    continue
                args_node = node.child_by_field_name("arguments")
                args = [c for c in args_node.named_children if c.type != "comment"] if args_node else []
                out.append(CallSite(self, node, sel[0], sel[1], args, _target(self, node)))
            self._calls = out
        return self._calls

    def enclosing_function(self, node):
        n = node.parent
        while n is not None and n.type not in ("function_declaration", "method_declaration", "func_literal"):
            n = n.parent
        return n

    # ------------------------------------------------------------- literals
    def literal(self, node) -> Optional[Literal]:
        """The composite literal ``node`` is (``&T{...}`` or ``T{...}``), else None."""
        if node is None:
            return None
        outer = node
        if node.type == "unary_expression" and self.source(node.child_by_field_name("operator")) == "&":
            node = node.child_by_field_name("operand")
        while node is not None and node.type == "parenthesized_expression":
            node = node.named_children[0] if node.named_children else None
        if node is None or node.type != "composite_literal":
            return None
        typ = node.child_by_field_name("type")
        body = node.child_by_field_name("body")
        if typ is None or body is None:
            return None
        if typ.type == "qualified_type":
            sel = self.selector(typ)
            if sel is None:
                return None
            path, name = sel
        elif typ.type == "type_identifier":
            path, name = None, self.source(typ)
        else:
            return None
        return self._literal(node, outer, path, name, body)

    def element_literal(self, node, path: Optional[str], name: str) -> Optional[Literal]:
        """An element ``{...}`` of a slice literal ``[]*path.name{...}`` whose type is elided,
        as the composite literal of ``path.name`` it stands for; None when ``node`` is not one."""
        if node is None or node.type != "literal_value":
            return None
        return self._literal(node, node, path, name, node)

    def _literal(self, node, outer, path: Optional[str], name: str, body) -> Literal:
        fields, plain = [], True
        for el in body.named_children:
            if el.type == "comment":
                continue
            if el.type != "keyed_element":
                plain = False
                continue
            k = el.child_by_field_name("key")
            v = el.child_by_field_name("value")
            kid = k.named_children[0] if k is not None and k.named_children else None
            if kid is None or kid.type not in ("identifier", "field_identifier") or v is None:
                plain = False
                continue
            value = v.named_children[0] if v.type == "literal_element" and v.named_children else v
            fields.append(Field(self.source(kid), el, k, value))
        return Literal(node, outer, path, name, body, fields, plain)

    # ----------------------------------------------------------------- verbs
    def replace(self, node, value: Value) -> List[Edit]:
        """``node`` replaced by ``value``; a literal written in a field's place stays on the
        field's line (a multi-line value would break the run gofmt aligns it in)."""
        indent = self.indent_of(node.start_point[0])
        inline = _is_field_value(node) or (node.parent is not None and _is_field_value(node.parent))
        return [Edit(self.start(node), self.end(node), render(value, indent, inline=inline))]

    def nil_to_literal(self, node, lit: GoLit) -> List[Edit]:
        """A ``nil`` argument → ``&T{...}``, its fields one per line."""
        indent = self.indent_of(node.start_point[0])
        return [Edit(self.start(node), self.end(node), render(lit, indent, inline=False))]

    def append_element(self, body, value: Value) -> List[Edit]:
        """``value`` added as the last element of the ``{...}`` of a slice literal (``body``):
        on a line of its own when the elements are, else after the last one."""
        elements = [c for c in body.named_children if c.type != "comment"]
        open_, close = body.children[0], body.children[-1]
        if not elements:
            if open_.start_point[0] == close.start_point[0]:
                return [Edit(self.end(open_), self.start(close), render(value, "", inline=True))]
            indent = self.indent_of(close.start_point[0])
            at = self.line_start(close.start_point[0])
            return [Edit(at, at, f"{indent}\t{render(value, indent + chr(9), inline=False)},\n")]
        last = elements[-1]
        if last.end_point[0] == close.start_point[0]:
            return [Edit(self.end(last), self.end(last), ", " + render(value, "", inline=True))]
        indent = self.indent_of(last.start_point[0]) if self._first_on_line(last) else \
            self.indent_of(close.start_point[0]) + "\t"
        at = self.line_end(last.end_point[0])
        return [Edit(at, at, f"\n{indent}{render(value, indent, inline=False)},")]

    def add_fields(self, lit: Literal, fields: Sequence[Tuple[str, Value]], before: Optional[Field] = None) -> List[Edit]:
        """``Key: value`` elements added to ``lit`` before ``before`` (None: at the end)."""
        return self.insert_fields(lit, [(before, k, v) for k, v in fields])

    def insert_fields(self, lit: Literal, placed: Sequence[Tuple[Optional[Field], str, Value]]) -> List[Edit]:
        """``Key: value`` elements added to ``lit``, each before its field (None: at the
        end); the runs they join are realigned as gofmt aligns them (``_claim``)."""
        return self._claim(lit, self._insert_fields(lit, placed))

    def edit_fields(self, lit: Literal, replace: Sequence[Tuple[Field, Value]] = (), remove: Sequence[Field] = (),
                    placed: Sequence[Tuple[Optional[Field], str, Value]] = ()) -> List[Edit]:
        """One fix's changes to ``lit``: values replaced, fields removed and fields added.
        A one-line literal given several fields, a literal of several, or a field that would
        take its line past ``LINE`` columns goes one field a line, the replaced values
        written in that one rewrite; otherwise as ``change_fields`` and ``insert_fields``
        do them."""
        if placed and not remove:
            edit = self._exploded(lit, placed, replace, by_length=True)
            if edit is not None:
                return self._claim(lit, [edit])
        return self.change_fields(lit, replace, remove) + self.insert_fields(lit, placed)

    def _exploded(self, lit: Literal, placed, replace=(), by_length: bool = False) -> Optional[Edit]:
        """``lit`` (on one line) rewritten one field a line with ``placed`` added and
        ``replace`` values written, when ``_explodes`` says it goes so; else None."""
        body = lit.body
        open_, close = body.children[0], body.children[-1]
        elements = [c for c in body.named_children if c.type != "comment"]
        if not placed or not elements or open_.start_point[0] != close.start_point[0]:
            return None
        at_index: Dict[int, List[Tuple[str, Value]]] = {}
        for before, k, v in placed:
            i = len(elements) if before is None else next(
                (j for j, e in enumerate(elements) if e == before.node), None)
            if i is None:
                raise FixError(f"field {before.key} is not in the literal")
            at_index.setdefault(i, []).append((k, v))
        if not self._explodes(lit, at_index, by_length):
            return None
        brace_indent = self.indent_of(open_.start_point[0])
        new_values = {f.node.start_byte: v for f, v in replace}
        fields: List[Tuple[str, Value]] = []
        for i in range(len(elements) + 1):
            fields += at_index.get(i, [])
            if i < len(elements):
                f = next(f for f in lit.fields if f.node == elements[i])
                fields.append((f.key, new_values.get(f.node.start_byte, self.source(f.value))))
        return Edit(self.end(open_), self.start(close), "\n" + _lines(fields, brace_indent + "\t") + "\n" + brace_indent)

    def _insert_fields(self, lit: Literal, placed: Sequence[Tuple[Optional[Field], str, Value]]) -> List[Edit]:
        if not placed:
            return []
        exploded = self._exploded(lit, placed)  # T{A: 1} + B: &U{C: 2, D: 3}: one field a line
        if exploded is not None:
            return [exploded]
        body = lit.body
        open_, close = body.children[0], body.children[-1]
        elements = [c for c in body.named_children if c.type != "comment"]

        def idx_of(before: Optional[Field]) -> int:
            if before is None:
                return len(elements)
            for i, e in enumerate(elements):
                if e == before.node:
                    return i
            raise FixError(f"field {before.key} is not in the literal")

        at_index: Dict[int, List[Tuple[str, Value]]] = {}
        for before, k, v in placed:
            at_index.setdefault(idx_of(before), []).append((k, v))
        one_line = open_.start_point[0] == close.start_point[0]
        if one_line and elements:  # T{A: 1} → T{A: 1, B: 2}
            edits = []
            for i, fields in sorted(at_index.items()):
                text = ", ".join(f"{k}: {render(v, '', inline=True)}" for k, v in fields)
                if i < len(elements):
                    at = self.start(elements[i])
                    edits.append(Edit(at, at, text + ", "))
                else:
                    at = self.end(elements[-1])
                    edits.append(Edit(at, at, ", " + text))
            return edits
        brace_indent = self.indent_of(open_.start_point[0])
        if one_line and _is_field_value(lit.outer):  # Key: &T{} → Key: &T{A: 1} (its run stays aligned)
            fields = [kv for _, kvs in sorted(at_index.items()) for kv in kvs]
            text = ", ".join(f"{k}: {render(v, '', inline=True)}" for k, v in fields)
            return [Edit(self.end(open_), self.start(close), text)]
        if one_line:  # T{} → T{\n\tA: 1,\n}
            fields = [kv for _, kvs in sorted(at_index.items()) for kv in kvs]
            return [Edit(self.end(open_), self.start(close),
                         "\n" + _lines(fields, brace_indent + "\t") + "\n" + brace_indent)]
        inner = next((self.indent_of(e.start_point[0]) for e in elements
                      if self._first_on_line(e)), brace_indent + "\t")
        # where no line of its own can go (``{A: 1,`` or ``B: 2}``), a field goes on the line
        edits: List[Edit] = []
        for i in sorted(at_index):
            fields = at_index[i]
            text = ", ".join(f"{k}: {render(v, '', inline=True)}" for k, v in fields)
            if i == 0 and elements and elements[0].start_point[0] == open_.start_point[0]:
                edits.append(Edit(self.start(elements[0]), self.start(elements[0]), text + ", "))
            elif i > 0 and (elements[i] if i < len(elements) else close).start_point[0] == elements[i - 1].end_point[0]:
                edits.append(Edit(self.end(elements[i - 1]), self.end(elements[i - 1]), ", " + text))
            else:
                continue
            del at_index[i]
        if not at_index:
            return edits
        # the elements as gofmt will see them, to align the runs the new ones join
        rows: List[_Row] = []
        for i in range(len(elements) + 1):
            rows += [_Row(k, _single(v), new=True, value=v) for k, v in at_index.get(i, ())]
            if i < len(elements):
                rows.append(self._row(elements[i], elements[i - 1] if i else None, open_.start_point[0]))
        pads = _pads(rows)
        texts: Dict[int, List[str]] = {}
        pos = 0
        for i in range(len(elements) + 1):
            for k, v in at_index.get(i, ()):
                while not (rows[pos].new and rows[pos].key == k):
                    pos += 1
                texts.setdefault(i, []).append(f"{inner}{k}:{' ' * pads[pos]}{render(v, inner, inline=False)},\n")
        for row, pad in zip(rows, pads):
            if not row.new and pad is not None and row.colon is not None and row.gap != pad:
                edits.append(Edit(row.colon, row.colon + row.gap, " " * pad))
        edits += self._realign_comments(rows, pads)
        for i, chunks in texts.items():
            # the new lines go right after the element before (or after the ``{`` line)
            line = elements[i - 1].end_point[0] if i > 0 else open_.start_point[0]
            end = self.line_end(line)
            text = "".join(chunks)
            if end >= len(self.text):  # no newline after it (cannot be: a ``}`` follows)
                edits.append(Edit(end, end, "\n" + text.rstrip("\n")))
            else:
                edits.append(Edit(end + 1, end + 1, text))
        return edits

    def _explodes(self, lit: Literal, at_index, by_length: bool = False) -> bool:
        """Whether fields added to one-line ``lit`` put it one field a line: several new
        fields, or a new value that is itself a literal of several fields (or a call of
        one), in a literal that is not the value of a field in a run gofmt aligns (a
        multi-line value would break the run) and whose elements can be laid out again
        (keyed, no comment)."""
        if not lit.plain or self._in_a_run(lit.node):
            return False
        if any(c.type == "comment" for c in lit.body.named_children):
            return False
        new = [(k, v) for fields in at_index.values() for k, v in fields]
        if len(new) > 1 or any(_large(v) for _, v in new):
            return True
        if not by_length:
            return False
        line = lit.body.start_point[0]
        text = self.text[self.line_start(line):self.line_end(line)]
        added = sum(len(k) + 4 + len(render(v, "", inline=True)) for k, v in new)
        return len(text.expandtabs(TAB)) + added > LINE

    def _in_a_run(self, value) -> bool:
        """Whether ``value`` is the value of a ``Key: value`` element with another element on
        the line before or after it (then gofmt may align their keys)."""
        el = value.parent
        while el is not None and el.type in ("unary_expression", "literal_element", "parenthesized_expression"):
            el = el.parent
        if el is None or el.type != "keyed_element":
            return False  # not a field's value
        if el.parent is None:
            return True
        first, last = el.start_point[0], el.end_point[0]
        return any(c.start_byte != el.start_byte and c.type != "comment" and (c.end_point[0] in (first - 1, first)
                                                          or c.start_point[0] in (last, last + 1))
                   for c in el.parent.named_children)

    def remove_fields(self, lit: Literal, fields: Sequence[Field]) -> List[Edit]:
        """``fields`` removed from ``lit`` (each with its line, its comma and its trailing
        comment; a field sharing a line with another cannot be removed), the runs they leave
        realigned as gofmt aligns them (a removed longest key narrows its run; trailing
        comments move with the values)."""
        return self.change_fields(lit, (), fields)

    def change_fields(self, lit: Literal, replace: Sequence[Tuple[Field, Value]] = (),
                      remove: Sequence[Field] = ()) -> List[Edit]:
        """Values of ``lit``'s fields replaced and fields removed, the runs they are in
        realigned as gofmt aligns them: the keys of a run a removed field leaves, and the
        trailing comments of consecutive rows (one column after the widest ``value,``, which
        a value of another width moves; ``_claim``)."""
        return self._claim(lit, self._change_fields(lit, replace, remove))

    def _claim(self, lit: Literal, edits: List[Edit]) -> List[Edit]:
        """``edits`` marked as computed from ``lit``'s whole body (``Edit.reads``): the
        alignment of a run is a fact about all its rows, so two fixes that realign one
        literal must not both be applied to the text each read (the second would align
        to rows that are no more); the engine makes the second again on the new text."""
        reads = (self.start(lit.body), self.end(lit.body))
        return [Edit(e.start, e.end, e.replacement, e.path, reads) for e in edits]

    def _change_fields(self, lit: Literal, replace: Sequence[Tuple[Field, Value]] = (),
                       remove: Sequence[Field] = ()) -> List[Edit]:
        if not replace and not remove:
            return []
        body = lit.body
        open_, close = body.children[0], body.children[-1]
        elements = [c for c in body.named_children if c.type != "comment"]
        gone = {f.node.start_byte for f in remove}
        edits: List[Edit] = []
        texts: Dict[int, str] = {}  # element start -> its value's text as it will be
        for f, value in replace:
            (e,) = self.replace(f.value, value)
            edits.append(e)
            texts[f.node.start_byte] = e.replacement
        if remove and open_.start_point[0] == close.start_point[0]:
            return edits + self._remove_inline(elements, close, gone)
        for f in remove:
            e = f.node
            i = next(k for k, x in enumerate(elements) if x.start_byte == e.start_byte)
            before = elements[i - 1].end_point[0] if i > 0 else open_.start_point[0]
            after = elements[i + 1].start_point[0] if i + 1 < len(elements) else close.start_point[0]
            if before == e.start_point[0] or after == e.end_point[0]:
                raise FixError(f"field {f.key} shares its line with another element")
            start = self.line_start(e.start_point[0])
            end = self.line_end(e.end_point[0])
            edits.append(Edit(start, min(end + 1, len(self.text)), ""))
        rows = [self._row(e, elements[i - 1] if i else None, open_.start_point[0]) for i, e in enumerate(elements)]
        changed = gone | set(texts)
        touched = {j for g in _groups(rows) if any(elements[i].start_byte in changed for i in g) for j in g}
        kept = [i for i, e in enumerate(elements) if e.start_byte not in gone]
        rows = [rows[i] for i in kept]
        for g in _groups(rows):
            members = [kept[j] for j in g]
            if not any(i in touched for i in members):
                continue
            width = max(len(rows[j].key) for j in g)
            pads = {}
            for j in g:
                r = rows[j]
                if r.colon is None:
                    pads[j] = None
                elif not gone:
                    pads[j] = r.gap  # a value replaced moves no key
                else:  # a removed key may have been the run's widest
                    pads[j] = width - len(r.key) + 1
                    if r.gap != pads[j]:
                        edits.append(Edit(r.colon, r.colon + r.gap, " " * pads[j]))
            edits += self._comment_column(rows, g, pads, texts)
        return edits

    def _remove_inline(self, elements, close, gone) -> List[Edit]:
        """Elements removed from a literal written on one line (``T{A: 1, B: 2}``): each run
        of them with the separator before it (a leading run: with the one after it)."""
        runs: List[List[int]] = []
        for i, e in enumerate(elements):
            if e.start_byte in gone:
                if runs and runs[-1][-1] == i - 1:
                    runs[-1].append(i)
                else:
                    runs.append([i])
        edits: List[Edit] = []
        for run in runs:
            first, last = run[0], run[-1]
            if first > 0:
                edits.append(Edit(self.end(elements[first - 1]), self.end(elements[last]), ""))
            elif last + 1 < len(elements):
                edits.append(Edit(self.start(elements[0]), self.start(elements[last + 1]), ""))
            else:
                edits.append(Edit(self.start(elements[0]), self.start(close), ""))
        return edits

    def _comment_column(self, rows, group, pads, texts) -> List[Edit]:
        """The trailing comments of each run of consecutive commented rows of ``group``
        aligned one column after the widest ``key: value,`` (values as ``texts`` says
        they will be)."""
        edits: List[Edit] = []
        subs: List[List[int]] = [[]]
        for j in group:
            if rows[j].trailing is not None and rows[j].value is not None and pads.get(j) is not None:
                subs[-1].append(j)
            elif subs[-1]:
                subs.append([])
        for sub in subs:
            if not sub:
                continue

            def value_text(j):
                return texts.get(rows[j].node.start_byte, self.source(rows[j].value))

            def end_col(j):
                return len(rows[j].key) + 1 + pads[j] + len(value_text(j)) + 1
            if any("\n" in value_text(j) for j in sub):
                continue
            width = max(end_col(j) for j in sub) + 1
            for j in sub:
                r = rows[j]
                comma = self.text.index(",", self.end(r.value))
                start, stop = comma + 1, self.start(r.trailing)
                want = " " * (width - end_col(j))
                if self.text[start:stop] != want:
                    edits.append(Edit(start, stop, want))
        return edits

    def _first_on_line(self, node) -> bool:
        s = self.start(node)
        return not self.text[self.line_start(self.line_of(s)):s].strip()

    def _row(self, e, prev, open_line: int) -> "_Row":
        key = value = None
        colon = gap = None
        if e.type == "keyed_element":
            k, v = e.child_by_field_name("key"), e.child_by_field_name("value")
            c = next((ch for ch in e.children if ch.type == ":"), None)
            if k is not None and v is not None and c is not None:
                key = self.source(k)
                colon = self.end(c)
                gap = self.start(v) - colon
                value = v
        single = e.start_point[0] == e.end_point[0]
        same_line = (prev.end_point[0] if prev is not None else open_line) == e.start_point[0]
        after = prev.end_point[0] if prev is not None else open_line
        lines = [self.text[self.line_start(ln):self.line_end(ln)] for ln in range(after + 1, e.start_point[0])]
        return _Row(key or "", single and key is not None and not same_line, colon=colon, gap=gap,
                    blank_before=any(not ln.strip() for ln in lines),
                    comment_before=any(ln.strip() for ln in lines), same_line=same_line, node=e, value=value,
                    trailing=self._trailing_comment(e))

    def _trailing_comment(self, e):
        """The comment after an element (and its comma) on the element's last line."""
        sib = e.next_sibling
        if sib is not None and sib.type == ",":
            sib = sib.next_sibling
        if sib is not None and sib.type == "comment" and sib.start_point[0] == e.end_point[0]:
            return sib
        return None

    def _realign_comments(self, rows: List["_Row"], pads: List[Optional[int]]) -> List[Edit]:
        """Trailing comments of consecutive rows of a realigned run: one column, as the
        values moved (gofmt's tabwriter aligns them after the widest ``value,``)."""
        edits: List[Edit] = []
        for group in _groups(rows):
            if any(rows[i].new for i in group):
                edits += self._comment_column(rows, group, {i: pads[i] for i in group}, {})
        return edits


# ----------------------------------------------------------------- layout
@dataclass
class _Row:
    key: str
    single: bool  # a key: value on one line of its own (a candidate for the key column)
    new: bool = False
    colon: Optional[int] = None  # offset after the colon
    gap: Optional[int] = None  # spaces between the colon and the value
    blank_before: bool = False
    comment_before: bool = False
    same_line: bool = False  # on the line of the previous element
    node: object = None
    value: object = None
    trailing: object = None


def _single(v: Value) -> bool:
    if isinstance(v, str):
        return "\n" not in v  # a value written on several lines (a sum of strings)
    if isinstance(v, GoCall):
        return all(_single(a) for a in v.args)
    if isinstance(v, GoLit):
        return not v.fields
    if isinstance(v, GoList):
        return not v.items
    return True


LINE = 120  # columns a one-line literal may grow to (edit_fields) before it goes one field a line
TAB = 4  # columns a tab counts for, as editors show gofmt's tabs


def _large(v: Value) -> bool:
    """A value of more than one field: a literal of several fields, or a call, a list or a
    literal holding one."""
    if isinstance(v, GoCall):
        return any(_large(a) for a in v.args)
    if isinstance(v, GoList):
        return any(_large(a) or isinstance(a, GoLit) for a in v.items)
    if isinstance(v, GoLit):
        return len(v.fields) > 1 or any(_large(x) for _, x in v.fields)
    return False


def _groups(rows: Sequence[_Row]) -> List[List[int]]:
    """Indices of the rows whose keys gofmt aligns together (go/printer ``exprList``: a
    run of one-line key-value elements each on a line of its own; a blank line, a comment
    line, a multi-line element or a key much longer or shorter than the run's breaks it)."""
    groups: List[List[int]] = []
    prev_size = 0
    lnsum, count = 0.0, 0
    prev_break = -1 if rows and rows[0].same_line else 0  # the first element is on a line of its own
    cur: List[int] = []
    for i, r in enumerate(rows):
        size = len(r.key) if r.single else 0
        use_ff = True
        if prev_size > 0 and size > 0:
            if count == 0 or (prev_size <= 40 and size <= 40):
                use_ff = False
            else:
                geomean = math.exp(lnsum / count)
                ratio = size / geomean
                use_ff = 2.5 * ratio <= 1 or 2.5 <= ratio
        if i > 0 and not r.same_line:
            if use_ff or prev_break + 1 < i or r.blank_before or r.comment_before:
                if cur:
                    groups.append(cur)
                cur = []
            prev_break = i
            if r.blank_before:
                lnsum, count = 0.0, 0
        if r.single and not r.same_line:
            cur.append(i)
        elif not r.same_line and cur:
            groups.append(cur)
            cur = []
        if size > 0:
            lnsum += math.log(size)
            count += 1
        prev_size = size
    if cur:
        groups.append(cur)
    return groups


def _pads(rows: Sequence[_Row]) -> List[Optional[int]]:
    """Spaces after each row's colon as gofmt writes them, for the runs holding a new row
    (None: a row left as it is)."""
    pads: List[Optional[int]] = [1 if r.new else None for r in rows]
    for g in _groups(rows):
        # a run a new row joins, or one right before or after a new row: a new multi-line
        # value splits the run it lands in, and each part is aligned on its own
        if not any(rows[i].new for i in range(max(g[0] - 1, 0), min(g[-1] + 2, len(rows)))):
            continue
        width = max(len(rows[i].key) for i in g)
        for i in g:
            pads[i] = width - len(rows[i].key) + 1
    return pads


def _lines(fields: Sequence[Tuple[str, Value]], indent: str) -> str:
    """``Key: value,`` lines for a new literal, aligned as gofmt aligns them."""
    rows = [_Row(k, _single(v), new=True) for k, v in fields]
    pads = _pads(rows)
    return "\n".join(f"{indent}{k}:{' ' * p}{render(v, indent, inline=False)}," for (k, v), p in zip(fields, pads))


def render(value: Value, indent: str, inline: bool) -> str:
    """A value as Go source; a literal on lines of its own below ``indent`` unless ``inline``."""
    if isinstance(value, str):
        return value
    if isinstance(value, GoCall):
        return f"{value.func}(" + ", ".join(render(a, indent, inline) for a in value.args) + ")"
    if isinstance(value, GoList):
        head = f"&[]{value.type}{{"
        if inline or not value.items:
            return head + ", ".join(render(v, "", True) for v in value.items) + "}"
        inner = indent + "\t"
        return head + "\n" + "".join(f"{inner}{render(v, inner, False)},\n" for v in value.items) + indent + "}"
    head = ("&" if value.amp else "") + value.type + "{"
    if not value.fields:
        return head + "}"
    if inline:
        return head + ", ".join(f"{k}: {render(v, '', True)}" for k, v in value.fields) + "}"
    return head + "\n" + _lines(value.fields, indent + "\t") + "\n" + indent + "}"


# ----------------------------------------------------------------- helpers
def go_string(s: str) -> str:
    """A Go interpreted string literal."""
    out = ['"']
    for ch in s:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20:
            out.append(f"\\x{ord(ch):02x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _string_value(doc: GoDoc, node) -> Optional[str]:
    """The value of a string literal without escapes (None otherwise)."""
    if node is None:
        return None
    if node.type == "raw_string_literal":
        return doc.source(node)[1:-1]
    if node.type == "interpreted_string_literal":
        if any(c.type == "escape_sequence" for c in node.children):
            return None
        return doc.source(node)[1:-1]
    return None


def string_value(doc: GoDoc, node) -> Optional[str]:
    return _string_value(doc, node)


def _is_field_value(node) -> bool:
    """Is ``node`` the value of a ``Key: value`` element?"""
    p = node.parent
    return p is not None and p.type == "literal_element" and p.parent is not None and p.parent.type == "keyed_element"


def _is_std(path: str) -> bool:
    return "." not in path.split("/")[0]


def _target(doc: GoDoc, call) -> Optional[str]:
    """``x`` in ``x := call`` / ``x = call`` / ``var x = call`` (one name, one value)."""
    parent = call.parent
    if parent is None or parent.type != "expression_list":
        return None
    stmt = parent.parent
    if stmt is None:
        return None
    if stmt.type in ("short_var_declaration", "assignment_statement"):
        left = stmt.child_by_field_name("left")
        right = stmt.child_by_field_name("right")
        if right == parent and left is not None and len(left.named_children) == 1 and len(parent.named_children) == 1:
            n = left.named_children[0]
            return doc.source(n) if n.type == "identifier" else None
    if stmt.type == "var_spec":
        names = [c for c in stmt.children if c.type == "identifier"]
        if len(names) == 1 and len(parent.named_children) == 1:
            return doc.source(names[0])
    return None


def _walk_type(node, typ: str):
    stack = [node]
    while stack:
        n = stack.pop()
        if n.type == typ:
            yield n
        stack.extend(reversed(n.children))


def _first_error(node):
    stack = [node]
    while stack:
        n = stack.pop()
        if n.type == "ERROR" or n.is_missing:
            return n
        if n.has_error:
            stack.extend(reversed(n.children))
    return None


def _byte_to_char(text: str) -> List[int]:
    out: List[int] = []
    for i, ch in enumerate(text):
        out.extend([i] * len(ch.encode("utf-8")))
    out.append(len(text))
    return out
