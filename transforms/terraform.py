"""Format-preserving editing of Terraform HCL.

python-hcl2's lark tree (built with positions) *locates* blocks and attributes;
edits are minimal text edits at those positions, aligned as ``terraform fmt``
would align them; the result is parsed again to verify. The tree is never
reconstructed into text (the reconstructor is not faithful).

Layout rules used when inserting:

* New arguments go after the last argument of the block that is not one of
  the arguments people keep at the end (``tags``, ``tags_all``, ``depends_on``);
  new nested blocks after the last attribute/block that is not such a trailing
  item (nor ``lifecycle``), separated from their neighbours by a blank line;
  ``tags``/``depends_on`` ("tail" items) at the end (before ``depends_on`` and
  ``lifecycle``), after a blank line, as in the provider's documentation.
* Alignment (chosen: realign, as ``terraform fmt`` would): ``terraform fmt``
  aligns ``=`` across a run of consecutive lines that start with a single-line
  ``key = value`` (a heredoc counts as its opening line), and trailing comments
  across consecutive lines that have one. The file's runs are modelled from the
  tree (``_rows``). When the runs around the insertion point are aligned the way
  ``terraform fmt`` aligns them, an inserted argument joins them and neighbours
  are realigned where needed (whitespace-only edits: a longer name moves the
  ``=`` of its run, a multi-line insertion splits a run in two, a value that
  changes width moves the comments of its run) -- exactly the file
  ``terraform fmt`` would write. When they are not fmt-aligned (a file that is
  not fmt-clean), the new line gets one space around ``=`` and no neighbour is
  touched. ``"key": value`` objects keep their colons (fmt does not align them).
* New top-level blocks go right after the block they serve, after one blank
  line, at that block's indentation (a block the author glued to the next one
  stays glued to it).
* A one-line block (``x { a = 1 }``) that gets items is laid out one item per line.
* Indentation: the width the block already uses for its items, else the width
  used elsewhere in the file, else two spaces.
"""

from __future__ import annotations

import re
from typing import Iterator, List, Optional, Sequence, Tuple, Union

from hcl2 import api as hcl2_api
from lark import Token, Tree

from iacfix.core import Edit, FixError, ParseError, apply_edits
from iacfix.transforms.text import LineIndex


def parse(text: str) -> "TfDoc":
    try:
        tree = hcl2_api.parses_to_tree(text)
    except Exception as e:  # lark raises several exception types
        line = getattr(e, "line", None)
        msg = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise ParseError(f"invalid HCL: {msg}", line if isinstance(line, int) and line > 0 else None) from None
    return TfDoc(text, tree)


# ---------------------------------------------------------------------------
# Tree helpers


class Unknown:
    """The value of an expression the detector cannot know (a variable, a call, ...)."""

    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN = Unknown()


def span(node) -> Tuple[int, int]:
    if isinstance(node, Token):
        return node.start_pos, node.end_pos
    return node.meta.start_pos, node.meta.end_pos


def unwrap(node):
    """Strip ``expr_term`` wrappers (and parentheses) around an expression."""
    while isinstance(node, Tree):
        if node.data == "expr_term":
            kids = [c for c in node.children if not (isinstance(c, Token) and c.type in ("LPAR", "RPAR"))]
            kids = [c for c in kids if not (isinstance(c, Tree) and c.data == "new_line_or_comment")]
            if len(kids) == 1:
                node = kids[0]
                continue
        break
    return node


def ident(node) -> Optional[str]:
    node = unwrap(node)
    if isinstance(node, Tree) and node.data in ("identifier", "keyword"):  # keyword: for_each, in, ...
        return str(node.children[0])
    return None


def string_value(node) -> Optional[str]:
    """The text of a plain string literal (no interpolation), else None."""
    node = unwrap(node)
    if not (isinstance(node, Tree) and node.data == "string"):
        return None
    out = []
    for part in node.children:
        if isinstance(part, Tree) and part.data == "string_part":
            for c in part.children:
                if isinstance(c, Token):
                    out.append(str(c))
                else:
                    return None
    return "".join(out)


def literal(node):
    """int/float/bool/str/None for a literal expression (``-1`` included), else UNKNOWN."""
    node = unwrap(node)
    if not isinstance(node, Tree):
        return UNKNOWN
    if node.data == "int_lit":
        return int(str(node.children[0]))
    if node.data == "float_lit":
        return float(str(node.children[0]))
    if node.data == "literal_value":
        v = str(node.children[0])
        return {"true": True, "false": False, "null": None}.get(v, UNKNOWN)
    if node.data == "unary_op" and str(node.children[0]) == "-":
        v = literal(node.children[1])
        return -v if isinstance(v, (int, float)) and not isinstance(v, bool) else UNKNOWN
    if node.data == "string":
        s = string_value(node)
        return UNKNOWN if s is None else s
    return UNKNOWN


def traversal(node) -> Optional[List[str]]:
    """``aws_sqs_queue.x.arn`` → ['aws_sqs_queue', 'x', 'arn'] (index steps skipped), else None."""
    node = unwrap(node)
    if isinstance(node, Tree):
        if node.data == "identifier":
            return [str(node.children[0])]
        if node.data == "get_attr_expr_term":
            head = traversal(node.children[0])
            name = ident(node.children[1].children[-1]) if isinstance(node.children[1], Tree) else None
            if head is None or name is None:
                return None
            return head + [name]
        if node.data == "index_expr_term":
            return traversal(node.children[0])
    return None


def references(node) -> List[Tuple[str, str]]:
    """Every ``type.name`` pair referenced inside ``node`` (resource references and var./local.)."""
    out: List[Tuple[str, str]] = []
    if not isinstance(node, Tree):
        return out
    if node.data in ("get_attr_expr_term", "index_expr_term"):
        t = traversal(node)
        if t and len(t) >= 2:
            out.append((t[0], t[1]))
            # index expressions may hold references of their own
            if node.data == "index_expr_term":
                for c in node.children[1:]:
                    out.extend(references(c))
            return out
    for c in node.children:
        out.extend(references(c))
    return out


def refers_to(node, rtype: str, name: str) -> bool:
    return (rtype, name) in references(node)


def object_items(node) -> Optional[List["ObjItem"]]:
    """The elements of an object literal ``{ k = v }``, else None."""
    node = unwrap(node)
    if not (isinstance(node, Tree) and node.data == "object"):
        return None
    out = []
    for c in node.children:
        if isinstance(c, Tree) and c.data == "object_elem":
            out.append(ObjItem(c))
    return out


def is_object(node) -> bool:
    n = unwrap(node)
    return isinstance(n, Tree) and n.data == "object"


def function_call(node) -> Optional[Tuple[str, list]]:
    """``merge(a, b)`` → ('merge', [a, b]), else None."""
    node = unwrap(node)
    if not (isinstance(node, Tree) and node.data == "function_call"):
        return None
    name = ident(node.children[0])
    args = []
    for c in node.children[1:]:
        if isinstance(c, Tree) and c.data == "arguments":
            args = [a for a in c.children if isinstance(a, Tree) and a.data != "new_line_or_comment"]
    return name, args


def _eq_token(node) -> Optional[Token]:
    for c in node.children:
        if isinstance(c, Token) and c.type in ("EQ", "COLON"):
            return c
    return None


class ObjItem:
    """One ``key = value`` element of an object literal."""

    def __init__(self, node: Tree):
        self.node = node
        key = node.children[0]
        self.key_node = key
        k = unwrap(key.children[0]) if isinstance(key, Tree) and key.children else key
        self.key = ident(k) if ident(k) is not None else string_value(k)
        self.quoted = isinstance(k, Tree) and k.data == "string"
        self.eq = _eq_token(node)
        self.value = node.children[-1]
        self.start, self.end = span(node)
        self.line, self.end_line = node.meta.line, node.meta.end_line


class Attr:
    """``name = expr`` in a block body."""

    def __init__(self, node: Tree):
        self.node = node
        self.name = ident(node.children[0])
        self.eq = _eq_token(node)
        self.value = node.children[-1]
        self.expr = unwrap(self.value)
        self.start, self.end = span(node)
        self.line, self.end_line = node.meta.line, node.meta.end_line
        self.is_block = False

    @property
    def heredoc(self) -> bool:
        return isinstance(self.expr, Tree) and self.expr.data.startswith("heredoc")


class Block:
    """``type "label" ... { body }`` (top level or nested)."""

    def __init__(self, node: Tree):
        self.node = node
        self.is_block = True
        self.type = ident(node.children[0])
        self.labels: List[str] = []
        self.body = None
        self.lbrace = self.rbrace = None
        for c in node.children[1:]:
            if isinstance(c, Token) and c.type == "LBRACE":
                self.lbrace = c
            elif isinstance(c, Token) and c.type == "RBRACE":
                self.rbrace = c
            elif isinstance(c, Tree) and c.data == "body":
                self.body = c
            elif self.lbrace is None:
                lab = ident(c) if ident(c) is not None else string_value(c)
                self.labels.append(lab if lab is not None else "")
        self.start, self.end = span(node)
        self.line, self.end_line = node.meta.line, node.meta.end_line
        self.items: List[Union[Attr, "Block"]] = []
        if self.body is not None and not self.body.meta.empty:
            for c in self.body.children:
                if isinstance(c, Tree) and c.data == "attribute":
                    self.items.append(Attr(c))
                elif isinstance(c, Tree) and c.data == "block":
                    self.items.append(Block(c))

    @property
    def name(self) -> str:
        return self.labels[-1] if self.labels else ""

    @property
    def attrs(self) -> dict:
        out = {}
        for it in self.items:
            if not it.is_block and it.name not in out:
                out[it.name] = it
        return out

    def attr(self, name: str) -> Optional[Attr]:
        return self.attrs.get(name)

    def blocks(self, type_: Optional[str] = None) -> List["Block"]:
        return [it for it in self.items if it.is_block and (type_ is None or it.type == type_)]

    def block(self, type_: str) -> Optional["Block"]:
        bs = self.blocks(type_)
        return bs[0] if bs else None

    @property
    def address(self) -> str:
        return ".".join(self.labels)


class TfDoc:
    def __init__(self, text: str, tree):
        self.text = text
        self.tree = tree
        self.lines = LineIndex(text)
        body = tree.children[0] if tree.children else None
        self.blocks: List[Block] = []
        if isinstance(body, Tree) and not body.meta.empty:
            for c in body.children:
                if isinstance(c, Tree) and c.data == "block":
                    self.blocks.append(Block(c))
        self._unit: Optional[str] = None
        self.cache: dict = {}  # per-document results of whole-file scans (alignment rows, env variable)

    def resources(self, *types: str) -> List[Block]:
        key = ("resources", types)
        found = self.cache.get(key)
        if found is None:  # asked per resource by many rules (the module's only KMS key): once per document
            found = self.cache[key] = [b for b in self.blocks if b.type == "resource" and len(b.labels) == 2
                                       and (not types or b.labels[0] in types)]
        return list(found)

    def resource(self, rtype: str, name: str) -> Optional[Block]:
        index = self.cache.get("resource index")
        if index is None:  # asked once per resource by many detectors: a scan each is quadratic
            index = self.cache["resource index"] = {}
            for b in self.resources():
                index.setdefault((b.labels[0], b.labels[1]), b)
        return index.get((rtype, name))

    def blocks_of(self, type_: str) -> List[Block]:
        return [b for b in self.blocks if b.type == type_]

    def source(self, node) -> str:
        s, e = span(node)
        return self.text[s:e]

    # -- layout -------------------------------------------------------------

    def indent_of_line(self, line: int) -> str:
        return self.lines.indent_of(line)

    @property
    def unit(self) -> str:
        """The indentation step the file uses (from its first indented block item)."""
        if self._unit is None:
            self._unit = "  "
            for b in self.blocks:
                if b.items and b.items[0].line != b.line:
                    step = self.indent_of_line(b.items[0].line)[len(self.indent_of_line(b.line)):]
                    if step:
                        self._unit = step
                        break
        return self._unit

    def item_indent(self, block: Block) -> str:
        for it in block.items:
            if it.line != block.line:
                return self.indent_of_line(it.line)
        return self.indent_of_line(block.line) + self.unit

    def last_line_end(self, node_end: int) -> int:
        """Offset of the newline ending the line on which a node ending at ``node_end`` ends."""
        line, _ = self.lines.position(max(node_end - 1, 0))
        return self.lines.line_end(line)


# ---------------------------------------------------------------------------
# Rendering


def render_block(type_: str, labels: Sequence[str], items: Sequence[Tuple[str, str]], unit: str) -> str:
    """A block's text at indentation zero; ``items`` are (name, value) or ("", nested block text)."""
    head = type_ + "".join(f' "{lab}"' for lab in labels)
    return head + " {\n" + render_items(items, unit) + "}"


def render_items(items: Sequence[Tuple[str, str]], unit: str) -> str:
    """Body lines (each ending in newline) with ``=`` aligned as terraform fmt aligns them."""
    lines: List[str] = []
    run: List[Tuple[str, str]] = []

    def flush():
        width = max((len(n) for n, _ in run), default=0)
        for n, v in run:
            lines.append(unit + n.ljust(width) + " = " + indent_rest(v, unit))
        run.clear()

    for i, (name, value) in enumerate(items):
        if not name:  # nested block text
            flush()
            if lines:
                lines.append("")
            lines.append(indent_rest(unit + value, unit))
            if i + 1 < len(items):
                lines.append("")
            continue
        if "\n" in value:
            flush()
            lines.append(unit + name + " = " + indent_rest(value, unit))
        else:
            run.append((name, value))
    flush()
    return "".join(ln + "\n" for ln in lines)


def indent_rest(text: str, indent: str) -> str:
    """Indent every line but the first of ``text`` by ``indent`` (empty lines stay empty)."""
    first, *rest = text.split("\n")
    return "\n".join([first] + [(indent + ln) if ln.strip() else ln for ln in rest])


_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")


def render_key(key: str, quoted: bool = False) -> str:
    if quoted or not _IDENT.match(key):
        return quote(key)
    return key


def quote(s: str) -> str:
    """A Terraform string literal for ``s`` (escapes quotes, backslashes and template markers)."""
    s = s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    s = s.replace("${", "$${").replace("%{", "%%{")
    return '"' + s + '"'


# ---------------------------------------------------------------------------
# terraform fmt's alignment: runs of consecutive lines with "key = value" get their
# '=' aligned; runs of consecutive lines with a trailing comment get it aligned


class _Row:
    """A line that takes part in terraform fmt's alignment: it starts with a single-line
    ``key = value`` (an "assign" cell) and/or ends with a trailing comment."""

    def __init__(self, line, lead=None, eq_ws=None, eq_span=None, code_width=None, comment_ws=None, comment_gap=None):
        self.line = line  # line number, or None for a line being inserted
        self.lead = lead  # columns before the whitespace preceding '=' (None: no assign cell)
        self.eq_ws = eq_ws  # spaces before '=' now
        self.eq_span = eq_span
        self.code_width = code_width  # columns before the trailing comment's whitespace (None: no comment)
        self.comment_ws = comment_ws  # spaces before the trailing comment now
        self.comment_gap = comment_gap


def _rows(doc: TfDoc):
    """(line → _Row for every line of the file taking part in alignment, lines inside
    heredocs, which alignment runs pass over). Computed once per document."""
    cached = doc.cache.get("rows")
    if cached is not None:
        return cached
    rows = {}
    skip = set()
    for n in walk(doc.tree):
        if n.data == "new_line_or_comment":
            for tok in n.children:
                txt = str(tok).lstrip()
                if not txt.startswith(("#", "//", "/*")):
                    continue
                start = tok.start_pos + (len(str(tok)) - len(txt))
                line, col = doc.lines.position(start)
                before = doc.lines.line_text(line)[:col]
                if before.strip():
                    code = before.rstrip(" \t")
                    row = rows.setdefault(line, _Row(line))
                    row.code_width = len(code)
                    row.comment_ws = len(before) - len(code)
                    row.comment_gap = (doc.lines.line_start(line) + len(code), start)
        elif n.data in ("attribute", "object_elem"):
            eq = _eq_token(n)
            if eq is None or str(eq).strip() != "=":
                continue
            value = unwrap(n.children[-1])
            heredoc = isinstance(value, Tree) and value.data.startswith("heredoc")
            if n.meta.line != n.meta.end_line and not heredoc:
                continue
            line, col0 = doc.lines.position(n.meta.start_pos)
            if doc.lines.line_text(line)[:col0].strip():
                continue  # not the first thing on its line
            if heredoc:  # terraform fmt sees the heredoc as part of its opening line
                last, _ = doc.lines.position(n.meta.end_pos - 1)
                skip.update(range(line + 1, last + 1))
            eq_text = str(eq)
            _, lead = doc.lines.position(eq.start_pos)
            row = rows.setdefault(line, _Row(line))
            row.lead = lead
            row.eq_ws = len(eq_text) - len(eq_text.lstrip(" \t"))
            row.eq_span = (eq.start_pos, eq.end_pos)
    for ln in skip:
        rows.pop(ln, None)
    doc.cache["rows"] = rows, skip
    return rows, skip


def _window(rows: dict, skip: set, lo: int, hi: int) -> Tuple[int, List[Optional[_Row]]]:
    """Lines lo..hi widened to the runs of alignment rows around them: (first line, one slot
    per line, None for a line that is not a row; heredoc lines left out)."""

    def step(ln, d):
        ln += d
        while ln in skip:
            ln += d
        return ln

    while step(lo, -1) in rows:
        lo = step(lo, -1)
    while step(hi, 1) in rows:
        hi = step(hi, 1)
    return lo, [rows.get(ln) for ln in range(lo, hi + 1) if ln not in skip]


def _layout(slots: List[Optional[_Row]]) -> List[Tuple[Optional[int], Optional[int]]]:
    """terraform fmt's spacing for each slot: (spaces before '=', spaces before comment).
    A None slot breaks both kinds of run."""
    out: List[List[Optional[int]]] = [[None, None] for _ in slots]
    leads = [s.lead if s is not None else None for s in slots]
    for i, j in _runs(leads):
        width = max(leads[i:j])
        for k in range(i, j):
            out[k][0] = width - leads[k] + 1
    widths = []
    for k, s in enumerate(slots):
        if s is None or s.code_width is None:
            widths.append(None)
        else:
            shift = (out[k][0] - s.eq_ws) if s.lead is not None else 0
            widths.append(s.code_width + shift)
    for i, j in _runs(widths):
        w = max(widths[i:j])
        for k in range(i, j):
            out[k][1] = w - widths[k] + 1
    return [tuple(x) for x in out]


def _runs(values):
    i = 0
    while i < len(values):
        if values[i] is None:
            i += 1
            continue
        j = i
        while j < len(values) and values[j] is not None:
            j += 1
        yield i, j
        i = j


def _aligned(slots: List[Optional[_Row]]) -> bool:
    for s, (eq, cm) in zip(slots, _layout(slots)):
        if s is None:
            continue
        if s.lead is not None and s.eq_ws != eq:
            return False
        if s.code_width is not None and s.comment_ws != cm:
            return False
    return True


def _realign(slots, layout) -> List[Edit]:
    edits = []
    for s, (eq, cm) in zip(slots, layout):
        if s is None or s.line is None:
            continue
        if s.lead is not None and eq != s.eq_ws:
            edits.append(Edit(s.eq_span[0], s.eq_span[1], " " * eq + "="))
        if s.code_width is not None and cm != s.comment_ws:
            edits.append(Edit(s.comment_gap[0], s.comment_gap[1], " " * cm))
    return edits


def _insert_lines(doc: TfDoc, after_line: int, new: Sequence[Tuple[str, str]], indent: str,
                  sep: str = "") -> Tuple[List[str], List[Edit]]:
    """Render single-line ``key = value`` lines inserted after line ``after_line``. When the
    surrounding lines are aligned as terraform fmt aligns them, the new lines join that
    alignment and neighbours are realigned where needed; otherwise they get one space."""
    rows, skip = _rows(doc)
    first, old = _window(rows, skip, after_line, after_line + 1)
    if not _aligned(old):
        return [indent + k + " = " + v + sep for k, v in new], []
    new_rows = [_Row(None, lead=len(indent) + len(k), eq_ws=1) for k, _ in new]
    pos = len([ln for ln in range(first, after_line + 1) if ln not in skip])
    slots = old[:pos] + new_rows + old[pos:]
    layout = _layout(slots)
    out_lines = [indent + k + " " * layout[pos + i][0] + "= " + v + sep for i, (k, v) in enumerate(new)]
    return out_lines, _realign(slots, layout)


def _split(doc: TfDoc, after_line: int) -> List[Edit]:
    """Realignment of the run(s) around a multi-line insertion after ``after_line``, which
    splits an aligned run in two (each part is then aligned on its own, as terraform fmt does)."""
    rows, skip = _rows(doc)
    first, old = _window(rows, skip, after_line, after_line + 1)
    if not _aligned(old):
        return []
    pos = len([ln for ln in range(first, after_line + 1) if ln not in skip])
    slots = old[:pos] + [None] + old[pos:]
    return _realign(slots, _layout(slots))


# ---------------------------------------------------------------------------
# Edits on blocks

TRAILING_ATTRS = ("tags", "tags_all", "depends_on")
TRAILING_BLOCKS = ("lifecycle", "provisioner", "connection")


def anchor_of(block: Block, kind: str):
    """The item after which a new item of ``kind`` ('attr', 'block', 'tail') goes, or None (body start)."""
    items = block.items
    if kind == "attr":
        cands = [it for it in items if not it.is_block and it.name not in TRAILING_ATTRS]
    elif kind == "block":
        cands = [it for it in items
                 if not ((it.is_block and it.type in TRAILING_BLOCKS) or (not it.is_block and it.name in TRAILING_ATTRS))]
    else:  # tail: tags, depends_on
        cands = [it for it in items if not (it.is_block and it.type in TRAILING_BLOCKS)
                 and not (not it.is_block and it.name == "depends_on")]
    return cands[-1] if cands else None


def _next_item(block: Block, anchor):
    if anchor is None:
        return block.items[0] if block.items else None
    i = block.items.index(anchor)
    return block.items[i + 1] if i + 1 < len(block.items) else None


def _check_multiline(doc: TfDoc, block: Block) -> None:
    if block.lbrace is None or block.rbrace is None:
        raise FixError(f"cannot edit block {block.address or block.type}")


def _expand_one_line(doc: TfDoc, block: Block, items: Sequence[Tuple[str, str]]) -> List[Edit]:
    """``x { a = 1 }`` (one argument, the only content HCL allows on one line) laid out one
    item per line, with the new items after the existing one."""
    if len(block.items) != 1 or block.items[0].is_block:
        raise FixError(f"block {block.address or block.type} is written on one line")
    (attr,) = block.items
    inner = doc.text[block.lbrace.end_pos:block.rbrace.start_pos]
    if inner.strip() != doc.source(attr.node).strip() or "\n" in inner:
        raise FixError(f"block {block.address or block.type} is written on one line")
    base = doc.indent_of_line(block.line)
    lines = render_items([(attr.name, doc.source(attr.value))] + list(items), doc.unit).splitlines()
    text = "{\n" + "".join((base + ln + "\n") if ln.strip() else "\n" for ln in lines) + base + "}"
    return [Edit(block.lbrace.start_pos, block.rbrace.end_pos, text)]


_BY_KIND = object()


def insert_into_block(doc: TfDoc, block: Block, items: Sequence[Tuple[str, str]], kind: str = "attr",
                      after=_BY_KIND) -> List[Edit]:
    """Insert ``name = value`` pairs (``kind`` 'attr' or 'tail') or one nested block (a single
    pair with an empty name and the block text at indentation zero, ``kind`` 'block').
    ``after``: the item of ``block`` after which they go (None: body start), instead of
    the place ``anchor_of`` chooses for ``kind``."""
    _check_multiline(doc, block)
    if not block.items:
        inner = doc.text[block.lbrace.end_pos:block.rbrace.start_pos]
        if not inner.strip():
            return _fill_empty(doc, block, items)
        if block.rbrace.line == block.lbrace.line or doc.lines.line_text(block.rbrace.line).strip() != "}":
            raise FixError(f"block {block.address or block.type} has an unusual layout")
        # only comments inside: add after them
        at = doc.lines.line_end(block.rbrace.line - 1)
        lines = render_items(items, doc.unit).splitlines()
        return [Edit(at, at, "".join("\n" + (doc.indent_of_line(block.line) + ln if ln.strip() else "") for ln in lines))]
    if block.lbrace.line == block.rbrace.line:
        return _expand_one_line(doc, block, items)
    indent = doc.item_indent(block)
    base = doc.indent_of_line(block.line)
    anchor = anchor_of(block, kind) if after is _BY_KIND else after
    nxt = _next_item(block, anchor)
    at = doc.lines.line_end(block.lbrace.line) if anchor is None else doc.last_line_end(anchor.end)
    if anchor is not None and not anchor.is_block and kind != "tail" and all(n and "\n" not in v for n, v in items):
        lines, realign = _insert_lines(doc, doc.lines.position(anchor.end - 1)[0], items, indent)
        return _one(doc, realign + [Edit(at, at, "".join("\n" + ln for ln in lines))])
    lines = render_items(items, indent[len(base):] or doc.unit).splitlines()
    text = "".join("\n" + (base + ln if ln.strip() else "") for ln in lines)
    after_line = block.lbrace.line if anchor is None else doc.lines.position(anchor.end - 1)[0]
    realign = _split(doc, after_line)
    # a blank line before a new nested block, after a block, and before a trailing tags/depends_on
    lead = "\n" if anchor is not None and (anchor.is_block or not items[0][0] or kind == "tail") else ""
    trail = "\n" if (nxt is not None and (not items[-1][0] or kind == "tail")
                     and not _blank_between(doc, anchor, nxt, block)) else ""
    return _one(doc, realign + [Edit(at, at, lead + text + trail)])


def _one(doc: TfDoc, edits: List[Edit]) -> List[Edit]:
    """An insertion and the realignment of its run as one edit over the whole span: an
    insertion of another fix into the run, computed on the old alignment, then conflicts
    and is recomputed on the result (the engine applies one of two overlapping edits per
    pass), instead of landing misaligned."""
    if len(edits) < 2:
        return edits
    s, e = min(x.start for x in edits), max(x.end for x in edits)
    inner = apply_edits(doc.text[s:e], [Edit(x.start - s, x.end - s, x.replacement) for x in edits])
    return [Edit(s, e, inner)]


def _blank_between(doc: TfDoc, a, b, block: Block) -> bool:
    start = a.end_line if a is not None else block.lbrace.line
    for ln in range(start + 1, b.line):
        if not doc.lines.line_text(ln).strip():
            return True
    return False


def _fill_empty(doc: TfDoc, block: Block, items: Sequence[Tuple[str, str]]) -> List[Edit]:
    """``{}`` (or ``{`` newline ``}``) filled with ``items``."""
    base = doc.indent_of_line(block.line)
    lines = render_items(items, doc.unit).splitlines()
    text = "{\n" + "".join((base + ln + "\n") if ln.strip() else "\n" for ln in lines) + base + "}"
    return [Edit(block.lbrace.start_pos, block.rbrace.end_pos, text)]


def insert_after_block(doc: TfDoc, block: Block, text: str) -> Edit:
    """A new top-level block (text at indentation zero) right after ``block``, one blank line between."""
    at = doc.last_line_end(block.end)
    base = doc.indent_of_line(block.line)
    body = "".join((base + ln) if ln.strip() else ln for ln in text.splitlines(True))
    return Edit(at, at, "\n\n" + body)


def replace_value(doc: TfDoc, node, text: str) -> List[Edit]:
    return replace_values(doc, [(node, text)])


def replace_values(doc: TfDoc, changes: Sequence[Tuple[object, str]]) -> List[Edit]:
    """Replace single-line values; trailing comments aligned with them follow their new width."""
    rows, skip = _rows(doc)
    edits, grown = [], {}
    for node, text in changes:
        s, e = span(node)
        edits.append(Edit(s, e, text))
        line, _ = doc.lines.position(s)
        if "\n" not in doc.text[s:e] + text and len(text) != e - s:
            grown[line] = grown.get(line, 0) + len(text) - (e - s)
    windows = {}
    for line in grown:
        if rows.get(line) is not None and rows[line].code_width is not None:
            first, old = _window(rows, skip, line, line)
            windows[first] = old
    for old in windows.values():
        if not _aligned(old):
            continue
        slots = []
        for r in old:
            if r is not None and r.line in grown and r.code_width is not None:
                r = _Row(r.line, r.lead, r.eq_ws, r.eq_span, r.code_width + grown[r.line], r.comment_ws, r.comment_gap)
            slots.append(r)
        edits += _realign(slots, _layout(slots))
    return edits


# ---------------------------------------------------------------------------
# Object literals


def add_object_items(doc: TfDoc, obj_node, new: Sequence[Tuple[str, str]], quoted: Optional[bool] = None) -> List[Edit]:
    """Add ``key = value`` pairs at the end of an object literal, in its style
    (quoted keys, trailing commas, alignment, one line or one per line)."""
    obj = unwrap(obj_node)
    items = object_items(obj)
    if items is None:
        raise FixError("not an object literal")
    if quoted is None:
        quoted = bool(items) and all(it.quoted for it in items)
    pairs = [(render_key(k, quoted), v) for k, v in new]
    lbrace, rbrace = obj.children[0], obj.children[-1]
    colon = bool(items) and all(it.eq is not None and str(it.eq).strip() == ":" for it in items)
    if not items:
        if doc.text[lbrace.end_pos:rbrace.start_pos].strip():
            raise FixError("object literal holding only comments")
        line, _ = doc.lines.position(obj.meta.start_pos)
        base = doc.indent_of_line(line)
        width = max(len(k) for k, _ in pairs)
        body = "".join(base + doc.unit + k.ljust(width) + " = " + v + "\n" for k, v in pairs)
        return [Edit(lbrace.start_pos, rbrace.end_pos, "{\n" + body + base + "}")]
    last = items[-1]
    # a comma right after the last element?
    kids = obj.children
    idx = kids.index(last.node)
    trailing_comma = any(isinstance(c, Token) and c.type == "COMMA" for c in kids[idx + 1:])
    if lbrace.line == rbrace.line:  # { a = 1, b = 2 }
        at = last.end
        op = str(last.eq) if colon else " ="
        if trailing_comma:
            comma = next(c for c in kids[idx + 1:] if isinstance(c, Token) and c.type == "COMMA")
            at = comma.end_pos
            text = "".join(f" {k}{op} {v}," for k, v in pairs)
        else:
            text = "".join(f", {k}{op} {v}" for k, v in pairs)
        return [Edit(at, at, text)]
    multi_per_line = any(a.line == b.line for a, b in zip(items, items[1:]))
    if multi_per_line or last.line == lbrace.line or last.end_line == rbrace.line:
        raise FixError("object literal with an unusual layout")
    indent = doc.indent_of_line(last.line)
    sep = "," if trailing_comma else ""  # the new last element ends the way the old one did
    after = last.end_line
    at = doc.lines.line_end(after)
    single = [(k, v) for k, v in pairs if "\n" not in v]
    if len(single) != len(pairs):
        raise FixError("multi-line values are not supported here")
    if colon:  # `"key": value` elements are not aligned by terraform fmt
        op = str(last.eq)  # the file's own spacing before ':'
        return [Edit(at, at, "".join(f"\n{indent}{k}{op} {v}{sep}" for k, v in single))]
    lines, realign = _insert_lines(doc, after, single, indent, sep)
    return realign + [Edit(at, at, "".join("\n" + ln for ln in lines))]


def add_list_item(doc: TfDoc, list_node, item: str, ordered: bool = False) -> List[Edit]:
    """Append an element to a tuple/list literal ``[a, b]`` in its layout; ``ordered``:
    insert it before the first element whose text sorts after it, so that items added
    to a sorted list (``depends_on``) give the same list in any order."""
    node = unwrap(list_node)
    if not (isinstance(node, Tree) and node.data == "tuple"):
        raise FixError("not a list literal")
    elems = [c for c in node.children if isinstance(c, Tree) and c.data != "new_line_or_comment"]
    lb, rb = node.children[0], node.children[-1]
    if not elems:
        return [Edit(lb.end_pos, rb.start_pos, item)]
    later = next((e for e in elems if doc.source(e) > item), None) if ordered else None
    if later is not None:
        at = later.meta.start_pos
        line, _ = doc.lines.position(at)
        if lb.line != rb.line and not doc.text[doc.lines.line_start(line):at].strip():
            return [Edit(at, at, f"{item},\n{doc.indent_of_line(line)}")]
        return [Edit(at, at, f"{item}, ")]
    last = elems[-1]
    kids = node.children
    idx = kids.index(last)
    comma = next((c for c in kids[idx + 1:] if isinstance(c, Token) and c.type == "COMMA"), None)
    if lb.line == rb.line:
        if comma is not None:
            return [Edit(comma.end_pos, comma.end_pos, f" {item},")]
        return [Edit(last.meta.end_pos, last.meta.end_pos, f", {item}")]
    line, _ = doc.lines.position(last.meta.start_pos)
    indent = doc.indent_of_line(line)
    at = doc.last_line_end(last.meta.end_pos)
    if comma is not None:
        return [Edit(at, at, f"\n{indent}{item},")]
    return [Edit(last.meta.end_pos, last.meta.end_pos, ","), Edit(at, at, f"\n{indent}{item}")]


def add_call_argument(doc: TfDoc, call_node, arg: str) -> List[Edit]:
    """Append an argument (text at indentation zero, possibly multi-line) to a function call,
    in its layout: ``f(a, ARG)`` on one line, or one argument per line with the call's commas."""
    node = unwrap(call_node)
    call = function_call(node)
    if call is None or not call[1]:
        raise FixError("not a function call with arguments")
    args_tree = next(c for c in node.children if isinstance(c, Tree) and c.data == "arguments")
    last = call[1][-1]
    lpar = next(c for c in node.children if isinstance(c, Token) and c.type == "LPAR")
    rpar = node.children[-1]
    first_line, _ = doc.lines.position(span(call[1][0])[0])
    if lpar.line == rpar.line or first_line == lpar.line:  # f(a, b) / f(a, {\n ... })
        base = doc.indent_of_line(lpar.line)
        return [Edit(span(last)[1], span(last)[1], ", " + indent_rest(arg, base))]
    kids = args_tree.children
    comma = next((c for c in kids[kids.index(last) + 1:] if isinstance(c, Token) and c.type == "COMMA"), None)
    indent = doc.indent_of_line(first_line)
    at = doc.last_line_end(comma.end_pos if comma is not None else span(last)[1])
    text = "\n" + indent + indent_rest(arg, indent) + ("," if comma is not None else "")
    if comma is None:
        return [Edit(span(last)[1], span(last)[1], ","), Edit(at, at, text)]
    return [Edit(at, at, text)]


def walk(node) -> Iterator[Tree]:
    if isinstance(node, Tree):
        yield node
        for c in node.children:
            yield from walk(c)


def becomes_multiline(doc: TfDoc, block: Block, attr: Attr) -> List[Edit]:
    """Whitespace edits for a single-line argument whose value is being made multi-line:
    it leaves its ``=``-aligned run (one space before ``=``, as terraform fmt writes a
    multi-line argument) and the rest of the run is realigned, when it was aligned."""
    rows, skip = _rows(doc)
    me = rows.get(attr.line)
    if me is None or me.lead is None:
        return []
    _, old = _window(rows, skip, attr.line, attr.line)
    if not _aligned(old):
        return []
    slots = [None if r is me else r for r in old]
    edits = [Edit(me.eq_span[0], me.eq_span[1], " =")] if me.eq_ws != 1 else []
    return edits + _realign(slots, _layout(slots))


def remove_items(doc: TfDoc, items: Sequence[Union[Attr, Block]]) -> List[Edit]:
    """Delete arguments (or nested blocks) that have their lines to themselves, trailing
    comments included, and realign the ``=``/comment runs they leave, as terraform fmt
    would (when those runs were fmt-aligned). A blank line left doubled (or left right
    after ``{`` / before ``}``) by a removal is removed too. Comments on lines of their
    own above an item are kept."""
    rows, skip = _rows(doc)
    gone = set()
    for it in items:
        first, col = doc.lines.position(it.start)
        last, _ = doc.lines.position(it.end - 1)
        after = doc.text[it.end:doc.lines.line_end(last)]
        if doc.lines.line_text(first)[:col].strip() or (after.strip() and not after.strip().startswith(("#", "//"))):
            raise FixError(f"{getattr(it, 'name', '') or 'item'} shares its line with other code")
        gone.update(range(first, last + 1))
    blank = lambda ln: not doc.lines.line_text(ln).strip()  # noqa: E731
    lines = sorted(gone)
    groups, start = [], lines[0]
    for a, b in zip(lines, lines[1:] + [None]):
        if b != a + 1:
            groups.append((start, a))
            start = b
    edits, extra = [], set()
    for lo, hi in groups:
        above, below = lo - 1, hi + 1
        edge_above = doc.lines.line_text(above).rstrip().endswith("{")
        edge_below = doc.lines.line_text(below).strip().startswith("}")
        if blank(above) and above not in extra and (blank(below) or edge_below):
            extra.add(above)
        elif blank(below) and edge_above:
            extra.add(below)
    for ln in sorted(gone | extra):
        s = doc.lines.line_start(ln)
        edits.append(Edit(s, doc.lines.line_end(ln) + 1, ""))
    lo, hi = min(gone | extra), max(gone | extra)
    first, old = _window(rows, skip, lo, hi)
    if _aligned(old):
        nums, ln = [], first
        while len(nums) < len(old):
            if ln not in skip:
                nums.append(ln)
            ln += 1
        slots = [s for n, s in zip(nums, old) if n not in gone and n not in extra]
        edits += _realign(slots, _layout(slots))
    return _merge_line_deletions(edits)


def _merge_line_deletions(edits: List[Edit]) -> List[Edit]:
    """Adjacent deletions joined into one edit (the engine wants non-overlapping edits)."""
    out: List[Edit] = []
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if out and out[-1].replacement == "" and e.replacement == "" and out[-1].end == e.start:
            out[-1] = Edit(out[-1].start, e.end, "")
        else:
            out.append(e)
    return out


def edit_between(old: str, new: str) -> Edit:
    """One edit turning ``old`` into ``new`` (their common prefix and suffix kept).
    Linear in the length of the texts, the comparisons done by ``str`` itself."""
    n = min(len(old), len(new))
    i = _common_length(old, new, n, lambda t, k: t[:k])
    j = _common_length(old, new, n - i, lambda t, k: t[len(t) - k:])
    return Edit(i, len(old) - j, new[i:len(new) - j])


def _common_length(a: str, b: str, limit: int, part) -> int:
    """The largest k <= limit with part(a, k) == part(b, k) (a prefix or a suffix),
    found by doubling then halving: a few slice comparisons instead of a loop per character."""
    if limit <= 0 or part(a, 1) != part(b, 1):
        return 0
    lo, step = 1, 1  # part(.., lo) agree
    while lo + step <= limit and part(a, lo + step) == part(b, lo + step):
        lo += step
        step *= 2
    while step > 1:
        step //= 2
        if lo + step <= limit and part(a, lo + step) == part(b, lo + step):
            lo += step
    return lo


def edit_within(text: str, start: int, end: int, edits: Sequence[Edit]) -> Optional[Edit]:
    """``edits`` (on ``text``, all inside ``start``..``end``) as one edit replacing that span,
    computed on the span alone (cost of the span, not of the file); None when an edit falls
    outside it."""
    if any(e.start < start or e.end > end for e in edits):
        return None
    local = [Edit(e.start - start, e.end - start, e.replacement) for e in edits]
    return Edit(start, end, apply_edits(text[start:end], local))


def widen(edit: Edit, start: int, end: int, text: str) -> Edit:
    """``edit`` (on ``text``) made to cover at least ``start``..``end``: a change that must
    not be combined in one pass with another edit of that span (the engine applies only
    one of two overlapping edits and recomputes the other on the result)."""
    s, e = min(edit.start, start), max(edit.end, end)
    return Edit(s, e, text[s:edit.start] + edit.replacement + text[edit.end:e])


_ESCAPE = re.compile(r'\\(?:([nrt"\\])|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8}))|\$\$\{|%%\{')


def string_text(node) -> Optional[str]:
    """The value of a plain string literal with its escapes decoded (``"\\"@"`` → ``"@``;
    ``$${`` → ``${``), else None. ``quote`` writes it back."""
    raw = string_value(node)
    if raw is None:
        return None

    def one(m):
        if m.group(1):
            return {"n": "\n", "r": "\r", "t": "\t"}.get(m.group(1), m.group(1))
        if m.group(2) or m.group(3):
            return chr(int(m.group(2) or m.group(3), 16))
        return m.group(0)[1:]  # $${ → ${, %%{ → %{

    return _ESCAPE.sub(one, raw)
