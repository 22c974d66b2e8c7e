"""Format-preserving editing of CloudFormation templates (YAML, SAM and JSON).

ruamel.yaml (round-trip loader) *locates* resources, properties and their
line/column; edits are made as minimal text edits, then the result is loaded
again to verify. The template is never re-dumped: ruamel does not round-trip
real templates byte for byte.

The document keeps ruamel's *composed* node tree (``CfnDoc.root``): every node
has exact start/end offsets, a tag (``!Ref``...), a scalar quote style and a
flow/block flag, which is what an editor needs. New content is described with
plain Python values plus ``Ref``/``GetAtt``/``Sub`` and rendered in the
template's own style (short or long intrinsic form, quotes, indentation,
sequence indentation, flow mappings, JSON).
"""

from __future__ import annotations

import io
import json
import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any, Iterator, List, Optional, Tuple

from ruamel.yaml import YAML
from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

try:
    from ruamel.yaml.docinfo import DocInfo
except ImportError:  # pragma: no cover - older ruamel.yaml has no document info
    DocInfo = None

from iacfix.core import Edit, FixError, ParseError
from iacfix.transforms.text import LineIndex


def _loader() -> YAML:
    y = YAML(typ="rt")
    y.allow_duplicate_keys = False
    if DocInfo is not None and hasattr(y, "doc_infos"):  # YAML.load adds it; %YAML/%TAG directives need it
        y.doc_infos.append(DocInfo(requested_version=None))
    return y


_LONE_CR = re.compile(r"\r(?!\n)")
TAGS_LAST = 1 << 30  # the rank of a Tags entry: after every key an order ranks
_LONG_NUMBER = re.compile(r"\d{4300,}")


def parse(text: str) -> "CfnDoc":
    if "\r" in text and _LONE_CR.search(text):  # the engine normalises CR-only files; lines must agree
        line = text.count("\n", 0, _LONE_CR.search(text).start()) + 1
        raise ParseError("line breaks mix CR-only (\\r) with LF", line)
    try:
        return _parse(text)
    except ValueError as e:  # Python reads integers of at most 4300 digits
        m = _LONG_NUMBER.search(text)
        if m is None:
            raise ParseError(f"invalid template: {_first_line(str(e))}") from None
        digits = len(re.match(r"\d+", text[m.start():]).group(0))
        raise ParseError(f"invalid template: a number of {digits} digits (at most 4300 can be read)",
                         text.count("\n", 0, m.start()) + 1) from None
    except TypeError as e:  # a mapping or list as a mapping key: unhashable
        if "unhashable" not in str(e):
            raise ParseError(f"invalid YAML: {type(e).__name__} in the YAML reader: {_first_line(str(e))}") from None
        raise ParseError("invalid template: a mapping key that is itself a mapping or a list",
                         _complex_key_line(text)) from None
    except (IndexError, KeyError, AttributeError) as e:  # the YAML library's own failures on odd input
        raise ParseError(f"invalid YAML: {type(e).__name__} in the YAML reader: {_first_line(str(e))}") from None


def _complex_key_line(text: str) -> Optional[int]:
    """The line of the first mapping key that is a mapping or a list (composition only)."""
    try:
        root = _loader().compose(io.StringIO(text))
    except Exception:
        return None
    for _p, n in walk(root):
        if isinstance(n, MappingNode):
            for k, _v in n.value:
                if isinstance(k, (MappingNode, SequenceNode)):
                    return k.start_mark.line + 1
    return None


def _parse(text: str) -> "CfnDoc":
    try:
        constructor, _parser = _loader().get_constructor_parser(io.StringIO(text))
        try:
            root = constructor.composer.get_single_node()
            merges = _merges(root)  # before construction, which removes the << entries
            data = constructor.construct_document(root) if root is not None else None
        finally:
            try:
                _parser.dispose()
            except Exception:
                pass
    except DuplicateKeyError as e:
        line = e.problem_mark.line + 1 if e.problem_mark else None
        key = re.search(r'duplicate key ("[^"]*"|\S+)', str(e.problem))
        raise ParseError(f"duplicate key {key.group(1) if key else ''}".rstrip(), line) from None
    except MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else None
        raise ParseError(f"invalid YAML: {_first_line(e.problem or e.context or str(e))}", line) from None
    except YAMLError as e:
        raise ParseError(f"invalid YAML: {_first_line(str(e))}") from None
    except RecursionError:
        raise ParseError("invalid YAML: nested too deeply") from None
    doc = CfnDoc(text, data, root)
    doc.merges = merges
    return doc


_MERGE = "tag:yaml.org,2002:merge"


def _merges(root) -> list:
    """The mappings that a ``<<`` merge key takes in, and the mappings that hold one."""
    out = []
    for _p, n in walk(root):
        if isinstance(n, MappingNode):
            for k, v in n.value:
                if getattr(k, "tag", None) == _MERGE:
                    out.append(n)
                    out.extend(v.value if isinstance(v, SequenceNode) else [v])
    return out


def _first_line(s) -> str:
    return str(s).strip().splitlines()[0] if s else "unknown error"


# --------------------------------------------------------------------------- values


@dataclass(frozen=True)
class Ref:
    name: str


@dataclass(frozen=True)
class GetAtt:
    name: str
    attr: str


@dataclass(frozen=True)
class Sub:
    template: str


@dataclass(frozen=True)
class If:
    """``Fn::If [condition, then, otherwise]``; ``then`` and ``otherwise`` are values
    (``Ref("AWS::NoValue")`` leaves the property out when the condition is false)."""

    condition: str
    then: Any
    otherwise: Any


INTRINSICS = (Ref, GetAtt, Sub, If)


@dataclass(frozen=True)
class Raw:
    """A value copied verbatim from the template. ``col`` is the column of the key that held
    it there; continuation lines move with the key. ``inline``: the value started on the
    key's line (else ``text`` holds whole lines from the value's first line)."""

    text: str
    col: int = 0
    inline: bool = True

    def lines_at(self, col: int) -> List[str]:
        """The text's lines, continuation lines shifted for a key at column ``col``."""
        lines = self.text.split("\n")
        delta = col - self.col
        head, rest = (lines[:1], lines[1:]) if self.inline else ([], lines)
        moved = []
        for ln in rest:
            if delta >= 0:
                moved.append(" " * delta + ln if ln.strip() else ln)
            else:
                cut = min(-delta, len(ln) - len(ln.lstrip(" ")))
                moved.append(ln[cut:])
        return head + moved


# --------------------------------------------------------------------------- node access

_STR = "tag:yaml.org,2002:str"
_DEFAULT_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq", "tag:yaml.org,2002:timestamp",
}


def tag_of(node: Node) -> str:
    t = node.tag
    return t if isinstance(t, str) else getattr(t, "value", None) or str(t)


def is_map(node) -> bool:
    return isinstance(node, MappingNode) and tag_of(node) == "tag:yaml.org,2002:map"


def is_seq(node) -> bool:
    return isinstance(node, SequenceNode) and tag_of(node) == "tag:yaml.org,2002:seq"


def scalar(node) -> Optional[str]:
    """The text of an untagged scalar (a literal value), else None."""
    if isinstance(node, ScalarNode) and tag_of(node) in _DEFAULT_TAGS:
        return node.value
    return None


def text_of(node) -> Optional[str]:
    """The text of any scalar, tagged or not (the argument of !Ref X, !Sub '...')."""
    return node.value if isinstance(node, ScalarNode) else None


def is_null(node) -> bool:
    return isinstance(node, ScalarNode) and tag_of(node) == "tag:yaml.org,2002:null"


def items(node) -> List[Tuple[Node, Node]]:
    return list(node.value) if isinstance(node, MappingNode) else []


def get(node, key: str) -> Optional[Node]:
    for k, v in items(node):
        if isinstance(k, ScalarNode) and k.value == key:
            return v
    return None


def key_node(node, key: str) -> Optional[Node]:
    for k, _v in items(node):
        if isinstance(k, ScalarNode) and k.value == key:
            return k
    return None


def intrinsic(node) -> Optional[Tuple[str, Node]]:
    """('Ref' | 'Fn::GetAtt' | 'Fn::Sub' | ..., argument node) for an intrinsic function call."""
    if node is None:
        return None
    t = tag_of(node)
    if t.startswith("!"):
        name = t[1:]
        return ("Ref" if name == "Ref" else "Condition" if name == "Condition" else "Fn::" + name), node
    if isinstance(node, MappingNode) and len(node.value) == 1:
        k, v = node.value[0]
        if isinstance(k, ScalarNode) and (k.value == "Ref" or k.value.startswith("Fn::") or k.value == "Condition"):
            return k.value, v
    return None


_SUB_VAR = re.compile(r"\$\{([A-Za-z0-9_]+)(?:\.([A-Za-z0-9_.]+))?\}")


def ref_target(node) -> Optional[str]:
    """The logical id a value refers to: Ref X, GetAtt X.Attr, Sub '${X}' / '${X.Arn}'."""
    fn = intrinsic(node)
    if fn is None:
        return None
    name, arg = fn
    if name == "Ref":
        return text_of(arg) or None
    if name == "Fn::GetAtt":
        if isinstance(arg, ScalarNode):
            return arg.value.split(".", 1)[0] or None
        if isinstance(arg, SequenceNode) and arg.value:
            return text_of(arg.value[0])
    if name == "Fn::Sub" and isinstance(arg, ScalarNode):
        m = _SUB_VAR.fullmatch(arg.value.strip())
        if m:
            return m.group(1)
    return None


def refs_in(node) -> Iterator[str]:
    """Every logical id referenced anywhere under ``node`` (Ref, GetAtt, ${X} in Sub)."""
    stack = [node]
    seen = set()
    while stack:
        n = stack.pop()
        if n is None or id(n) in seen:
            continue
        seen.add(id(n))
        fn = intrinsic(n)
        if fn is not None:
            name, arg = fn
            if name == "Fn::Sub":
                text = arg.value if isinstance(arg, ScalarNode) else (
                    arg.value[0].value if isinstance(arg, SequenceNode) and arg.value
                    and isinstance(arg.value[0], ScalarNode) else "")
                for m in _SUB_VAR.finditer(text or ""):
                    yield m.group(1)
            else:
                t = ref_target(n)
                if t:
                    yield t
        if isinstance(n, MappingNode):
            for k, v in n.value:
                stack.append(v)
        elif isinstance(n, SequenceNode):
            stack.extend(n.value)


def walk(node, path=()) -> Iterator[Tuple[tuple, Node]]:
    """(path of mapping keys, node) for every node under ``node``."""
    stack = [(path, node)]
    seen = set()
    while stack:
        p, n = stack.pop()
        if n is None or id(n) in seen:
            continue
        seen.add(id(n))
        yield p, n
        if isinstance(n, MappingNode):
            for k, v in n.value:
                stack.append((p + (k.value if isinstance(k, ScalarNode) else "?",), v))
        elif isinstance(n, SequenceNode):
            for v in n.value:
                stack.append((p, v))


def int_value(node) -> Optional[int]:
    s = scalar(node)
    if s is None:
        return None
    try:
        return int(s)
    except ValueError:
        try:
            f = float(s)
        except ValueError:
            return None
        return int(f) if f.is_integer() else None


# --------------------------------------------------------------------------- the document


@dataclass
class Resource:
    name: str
    key: ScalarNode
    node: MappingNode
    type: str

    @property
    def properties(self) -> Optional[Node]:
        return get(self.node, "Properties")

    def prop(self, name: str) -> Optional[Node]:
        return get(self.properties, name)


def normalize(text: str):
    """JSON indented with tabs only is edited as if each tab were one space (the same
    columns, the same offsets: the YAML reader counts a tab as one column), and the
    inserted lines get tabs back: ``(text, restore)``. Any other text is as it is."""
    if not text.lstrip().startswith("{"):
        return text, _unchanged
    leads = [m.group(0) for m in re.finditer(r"(?m)^[ \t]+(?=\S)", text)]
    if not leads or not all(set(lead) == {"\t"} for lead in leads):
        return text, _unchanged
    spaced = re.sub(r"(?m)^\t+", lambda m: " " * len(m.group(0)), text)

    def restore(edited: str) -> str:
        return re.sub(r"(?m)^ +(?=\S)", lambda m: "\t" * len(m.group(0)), edited)

    return spaced, restore


def _unchanged(edited: str) -> str:
    return edited


@dataclass
class Style:
    json: bool
    step: int  # indentation unit
    seq_offset: int  # column of "- " minus the column of its parent key
    quote: str  # "" (plain), "'" or '"'
    colon_quote: str  # the same for strings that contain ':'
    sub_quote: str  # quote used for !Sub strings
    short: bool  # !Ref X rather than Ref: X
    flow_pad: bool  # "{ Key: x }" rather than "{Key: x}"
    blank_lines: int  # 1 when resources are separated by blank lines, else 0
    dash: int = 2  # column of a list item's content minus the column of its "-"
    getatt_list: bool = False  # !GetAtt [X, Arn] rather than !GetAtt X.Arn
    colon: str = ": "  # JSON: '": "', '" : "' or '":"' between key and value
    dash_alone: bool = False  # every list of mappings puts its "-" on a line of its own
    alone_gap: int = 2  # then: column of the item's keys minus the column of its "-"


_PLAIN_SAFE = re.compile(r"^[A-Za-z0-9_$/][A-Za-z0-9_ ./:${}@=+*-]*$")
_PLAIN_RESERVED = re.compile(
    r"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"
    r"|null|Null|NULL|~|[-+]?(?:\.?[0-9][0-9_.:eExXoObB+-]*|\.inf|\.Inf|\.INF|\.nan|\.NaN|\.NAN)"
    r"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*)$"
)


def plain_ok(s: str) -> bool:
    return bool(_PLAIN_SAFE.match(s)) and not _PLAIN_RESERVED.match(s) and ": " not in s \
        and " #" not in s and not s.endswith(" ") and not s.endswith(":")


class CfnDoc:
    def __init__(self, text: str, data, root=None):
        self.text = text
        self.data = data
        self.root = root
        self.lines = LineIndex(text)
        stripped = text.lstrip("\ufeff \t\r\n")
        self.is_json = stripped.startswith("{")
        self._style: Optional[Style] = None
        self._shared: Optional[set] = None
        self.merges: list = []  # mappings a << merge key takes in or holds (set by parse)
        self._resources: Optional[List[Resource]] = None  # the document is never changed in place
        self._by_name: Optional[dict] = None
        self.cache: dict = {}  # per-document results of whole-template scans (the text never changes)

    def shared(self, node) -> bool:
        """Whether ``node`` is (inside) a YAML anchor used again through an alias or a ``<<``
        merge key, or a mapping holding a merge key: editing its text would change every place
        that uses it (or the merged keys are not seen), so edits refuse it."""
        if self._shared is None:
            self._shared = set()
            for m in self.merges:
                self._shared.update(id(d) for _p, d in walk(m))
            seen: set = set()
            stack = [self.root]
            while stack:
                n = stack.pop()
                if n is None:
                    continue
                if id(n) in seen:
                    self._shared.update(id(d) for _p, d in walk(n))
                    continue
                seen.add(id(n))
                if isinstance(n, MappingNode):
                    stack.extend(v for _k, v in n.value)
                elif isinstance(n, SequenceNode):
                    stack.extend(n.value)
        return id(node) in self._shared

    def _check(self, node) -> None:
        if node is not None and self.shared(node):
            raise FixError("the node is a YAML anchor used elsewhere through an alias or a << merge key")

    # ---- structure

    @property
    def resources_node(self) -> Optional[Node]:
        return get(self.root, "Resources")

    def resources(self) -> List[Resource]:
        if self._resources is None:  # asked by every detector, and per resource by some: once per document
            out = []
            for k, v in items(self.resources_node):
                if not isinstance(k, ScalarNode) or not is_map(v):
                    continue
                t = scalar(get(v, "Type"))
                if t:
                    out.append(Resource(str(k.value), k, v, t))
            self._resources = out
        return list(self._resources)

    def resource(self, name: str) -> Optional[Resource]:
        if self._by_name is None:  # a scan per question is quadratic in the resources of a template
            self._by_name = {}
            for r in self.resources():
                self._by_name.setdefault(r.name, r)
        return self._by_name.get(name)

    def parameter_names(self) -> List[str]:
        return [str(k.value) for k, _ in items(get(self.root, "Parameters")) if isinstance(k, ScalarNode)]

    def logical_ids(self) -> set:
        ids = set(self.parameter_names())
        ids.update(str(k.value) for k, _ in items(self.resources_node) if isinstance(k, ScalarNode))
        return ids

    def unique_id(self, base: str) -> str:
        taken = self.logical_ids()
        name, n = base, 2
        while name in taken:
            name, n = f"{base}{n}", n + 1
        return name

    def raw(self, node: Node, key: Optional[Node] = None) -> Optional[Raw]:
        """``node``'s text, to copy it elsewhere: one line only, or also several lines when
        ``key`` (the key holding it) is given. None for anchors, aliases, block scalars."""
        end = self.content_end(node)
        start = node.start_mark.index
        text = self.text[start:end]
        if not text or text.startswith(("|", ">", "&", "*")) or self.shared(node):
            return None
        if "\n" not in text and (key is None or node.start_mark.line == key.start_mark.line):
            return Raw(text)
        if key is None:
            return None
        if node.start_mark.line > key.start_mark.line:  # (also a one-line value under its key)
            start = self.lines.line_start(node.start_mark.line + 1)
            return Raw(self.text[start:end], key.start_mark.column, inline=False)
        return Raw(text, key.start_mark.column)

    # ---- positions

    def line_of(self, node: Node) -> int:
        return node.start_mark.line + 1

    def end_line_of(self, node: Node) -> int:
        return self.lines.position(self.content_end(node))[0]

    def content_end(self, node: Node) -> int:
        """Offset just after the last character of ``node``'s own text (no trailing comments)."""
        if isinstance(node, (MappingNode, SequenceNode)) and not node.flow_style and node.value:
            last = node.value[-1]
            if isinstance(node, MappingNode):
                k, v = last
                return max(self.content_end(k), self.content_end(v))
            return self.content_end(last)
        end = node.end_mark.index
        if isinstance(node, ScalarNode) and node.style in ("|", ">"):
            while end > node.start_mark.index and self.text[end - 1] in " \t\n":
                end -= 1
        return max(end, node.start_mark.index)

    def after_line(self, offset: int) -> int:
        """Offset of the end of the line holding ``offset`` (before its newline)."""
        line = self.lines.position(offset)[0]
        return self.lines.line_end(line)

    def block_end(self, node: Node, col: int) -> int:
        """End of the last line of ``node``, including comment lines right after it that are
        indented deeper than ``col`` (they belong to it, not to what follows)."""
        line = self.end_line_of(node)
        while line < self.lines.line_count:
            nxt = self.lines.line_text(line + 1)
            if nxt.lstrip().startswith("#") and len(nxt) - len(nxt.lstrip()) > col:
                line += 1
            else:
                break
        return self.lines.line_end(line)

    # ---- style

    @property
    def style(self) -> Style:
        if self._style is None:
            self._style = self._detect_style()
        return self._style

    def _detect_style(self) -> Style:
        steps: Counter = Counter()
        seq_offsets: Counter = Counter()
        quotes: Counter = Counter()
        quoted: Counter = Counter()  # which quote the file uses when it quotes
        colon_quotes: Counter = Counter()  # strings with ':' (AWS::SQS::Queue, sqs:SendMessage)
        sub_quotes: Counter = Counter()
        flow_pad: Counter = Counter()
        colons: Counter = Counter()
        dash_gaps: Counter = Counter()  # "- Key:" (2) or "-   Key:" (4)
        alone_lists: Counter = Counter()  # lists of mappings: True when their items put the "-" alone
        alone_gaps: Counter = Counter()  # "-" alone: the keys at its column + 2, + 4...
        getatt: Counter = Counter()  # True: !GetAtt [X, Arn]; False: !GetAtt X.Arn
        short = long = 0
        for path, n in walk(self.root):
            if self.is_json and isinstance(n, MappingNode):
                for k, v in n.value:
                    if k.end_mark.line == v.start_mark.line:
                        colons[self.text[k.end_mark.index:v.start_mark.index]] += 1
            if isinstance(n, MappingNode) and not n.flow_style:
                for k, v in n.value:
                    if isinstance(v, MappingNode) and not v.flow_style and v.value and not tag_of(v).startswith("!") \
                            and v.start_mark.line > k.start_mark.line:
                        steps[v.start_mark.column - k.start_mark.column] += 1
                    if isinstance(v, SequenceNode) and not v.flow_style and v.value \
                            and v.start_mark.line > k.start_mark.line:
                        seq_offsets[v.start_mark.column - k.start_mark.column] += 1
                        for item in v.value:
                            if isinstance(item, MappingNode) and not item.flow_style and item.value \
                                    and item.start_mark.line == v.start_mark.line:
                                dash_gaps[item.start_mark.column - v.start_mark.column] += 1
                                break
                        if is_seq(v) and not (isinstance(k, ScalarNode) and str(k.value).startswith("Fn::")):
                            # a list of the file's (an intrinsic's arguments are another matter)
                            alone = self._dash_alone(v)
                            if alone is not None:
                                alone_lists[alone] += 1
                                if alone:
                                    alone_gaps[self._item_gap(v, True)] += 1
            if isinstance(n, (MappingNode, SequenceNode)) and n.flow_style and n.value:
                first = n.value[0][0] if isinstance(n, MappingNode) else n.value[0]
                if first.start_mark.line > n.start_mark.line:
                    # JSON / multi-line flow: first entry indented from the opening line
                    steps[first.start_mark.column - len(self.lines.indent_of(n.start_mark.line + 1))] += 1
            if isinstance(n, MappingNode) and n.flow_style and n.value:
                after = self.text[n.start_mark.index + 1:n.start_mark.index + 2]
                if after in (" ", "}"):
                    flow_pad[True] += 1
                elif after != "\n":
                    flow_pad[False] += 1
            t = tag_of(n)
            if t == "!GetAtt":
                getatt[isinstance(n, SequenceNode) and bool(n.flow_style)] += 1
            if t.startswith("!"):
                short += 1
                if t == "!Sub" and isinstance(n, ScalarNode):
                    sub_quotes[n.style or ""] += 1
            elif isinstance(n, MappingNode) and intrinsic(n):
                long += 1
            if isinstance(n, ScalarNode) and t == _STR and path \
                    and n.style in (None, "'", '"') and n.value and plain_ok(n.value):
                (colon_quotes if ":" in n.value else quotes)[n.style or ""] += 1
            if isinstance(n, ScalarNode) and n.style in ("'", '"'):
                quoted[n.style] += 1
        step = _most(steps, 2)
        if step <= 0 or step > 8:
            step = 2
        seq = _most(seq_offsets, step)
        quote = '"' if self.is_json else _most(quotes, "")
        colon_quote = '"' if self.is_json else _most(colon_quotes, quote)
        sub_q = _most(sub_quotes, quote or _most(quoted, "'"))
        alone_gap = _most(alone_gaps, 2)
        return Style(
            json=self.is_json,
            step=step,
            seq_offset=seq if 0 <= seq <= 8 else step,
            quote=quote,
            dash=_most(dash_gaps, 2) if 2 <= _most(dash_gaps, 2) <= 8 else 2,
            getatt_list=_most(getatt, False),
            colon_quote=colon_quote,
            sub_quote=sub_q,
            short=not self.is_json and (short >= long),
            flow_pad=_most(flow_pad, not self.is_json),
            blank_lines=self._blank_lines(),
            colon=_most(Counter({c: n for c, n in colons.items() if c.strip() == ":"}), ": "),
            dash_alone=bool(alone_lists[True]) and not alone_lists[False],
            alone_gap=alone_gap if 1 <= alone_gap <= 8 else 2,
        )

    # ---- the layout of one list or one object (where it differs from the file's)

    def _mapping_items(self, seq: SequenceNode) -> list:
        return [i for i in seq.value if is_map(i) and not i.flow_style and i.value and not intrinsic(i)]

    def _starts_line(self, node: Node) -> bool:
        return not self.text[self.lines.line_start(node.start_mark.line + 1):node.start_mark.index].strip()

    def _dash_alone(self, seq: SequenceNode) -> Optional[bool]:
        """Whether the mapping items of a block list put their "-" on a line of its own (most
        of them), None when it has no such items."""
        maps = self._mapping_items(seq)
        if not maps:
            return None
        return 2 * sum(1 for i in maps if self._starts_line(i)) > len(maps)

    def _item_gap(self, seq: SequenceNode, alone: bool) -> Optional[int]:
        """The column of the keys of the list's mapping items written that way (``alone``: the
        "-" alone) minus the column of their "-" (most of them); None when it has none."""
        gaps = Counter(i.start_mark.column - seq.start_mark.column for i in self._mapping_items(seq)
                       if self._starts_line(i) == alone)
        return _most(gaps, 2) if gaps else None

    def _aligned(self, seq: SequenceNode) -> Optional[int]:
        """The column, from their key's, where every value of the list's mapping items starts
        when the author aligned them (``Key:    Name`` / ``Value:  x``), else None."""
        cols, padded = set(), False
        for item in self._mapping_items(seq):
            for k, v in item.value:
                if isinstance(v, ScalarNode) and v.start_mark.index == v.end_mark.index:
                    return None  # "Key:" with nothing after it
                if v.start_mark.line != k.start_mark.line:
                    continue  # a value on the lines below has no column
                off = v.start_mark.column - k.start_mark.column
                cols.add(off)
                padded = padded or off > k.end_mark.column - k.start_mark.column + 2
        return cols.pop() if len(cols) == 1 and padded else None

    def _object_colon(self, node: Node) -> str:
        """JSON: what separates key and value in ``node`` (an object; for an array, the objects
        in it) when all its entries agree, else the file's."""
        objects = [node] if isinstance(node, MappingNode) else \
            [i for i in node.value if isinstance(i, MappingNode)] if isinstance(node, SequenceNode) else []
        seen = {self.text[k.end_mark.index:v.start_mark.index] for o in objects for k, v in o.value
                if k.end_mark.line == v.start_mark.line}
        seen = {c for c in seen if c.strip() == ":"}
        return seen.pop() if len(seen) == 1 else self.style.colon

    def _blank_lines(self) -> int:
        res = [k for k, _ in items(self.resources_node)]
        seen: Counter = Counter()
        pairs = list(zip(items(self.resources_node), res[1:]))
        for (k, v), nxt in pairs:
            end_line = self.lines.position(self.block_end(v, k.start_mark.column))[0]
            n = 0
            for ln in range(end_line + 1, nxt.start_mark.line + 1):
                if not self.lines.line_text(ln).strip():
                    n += 1
                else:
                    break
            seen[min(n, 1)] += 1
        return _most(seen, 1)

    # ---- rendering

    def q(self, s: str, quote: Optional[str] = None, nested: bool = False) -> str:
        """A string scalar in the file's quote style (``nested``: inside a flow collection)."""
        st = self.style
        if st.json:
            return json.dumps(s)
        if quote is None:
            quote = st.colon_quote if ":" in s else st.quote
        if quote == "" and plain_ok(s) and not (nested and any(c in s for c in "{}[],")):
            return s
        if quote == '"' or (quote == "" and "'" in s):
            return json.dumps(s)
        return "'" + s.replace("'", "''") + "'"

    def flow(self, value, nested: bool = False, colon: Optional[str] = None) -> str:
        """One-line rendering (YAML flow or JSON; ``colon``: JSON's, else the file's)."""
        st = self.style
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, int):
            return str(value)
        if isinstance(value, float):  # repr: the shortest text that reads back as the same number
            if value != value or value in (float("inf"), float("-inf")):
                raise FixError(f"{value} is not a number a template can hold")
            return repr(value)
        if isinstance(value, str):
            return self.q(value, nested=nested)
        if isinstance(value, Raw):
            if "\n" in value.text:
                raise FixError("a multi-line value cannot be copied into a flow collection")
            return value.text
        if isinstance(value, INTRINSICS):
            if st.short and not st.json:
                return self._short(value, nested)
            return self.flow(self._long(value), nested, colon)
        if isinstance(value, dict):
            if st.json:
                colon = colon or st.colon
                body = ", ".join(f"{json.dumps(k)}{colon}{self.flow(v, True, colon)}" for k, v in value.items())
            else:
                body = ", ".join(f"{k}: {self.flow(v, True)}" for k, v in value.items())
            return "{ " + body + " }" if st.flow_pad and body else "{" + body + "}"
        if isinstance(value, list):
            return "[" + ", ".join(self.flow(v, True, colon) for v in value) + "]"
        raise TypeError(type(value))

    def _short(self, v, nested: bool = False) -> str:
        if isinstance(v, Ref):
            return f"!Ref {v.name}"
        if isinstance(v, GetAtt):
            if self.style.getatt_list:
                return f"!GetAtt [{v.name}, {v.attr}]"
            return f"!GetAtt {v.name}.{v.attr}"
        if isinstance(v, If):
            return f"!If [{self.q(v.condition, nested=True)}, {self.flow(v.then, True)}, {self.flow(v.otherwise, True)}]"
        return "!Sub " + self.q(v.template, self.style.sub_quote, nested)

    @staticmethod
    def _long(v) -> dict:
        if isinstance(v, Ref):
            return {"Ref": v.name}
        if isinstance(v, GetAtt):
            return {"Fn::GetAtt": [v.name, v.attr]}
        if isinstance(v, If):
            return {"Fn::If": [v.condition, v.then, v.otherwise]}
        return {"Fn::Sub": v.template}

    def _inline(self, value) -> bool:
        """Whether ``value`` goes on the key's own line in block YAML."""
        if isinstance(value, INTRINSICS):
            return self.style.short
        return not isinstance(value, (dict, list)) or not value

    def block_pair(self, key: str, value, col: int, flow_items: bool = False,
                   align: Optional[int] = None) -> List[str]:
        """Lines of ``key: value`` at column ``col`` (block YAML). ``align``: a value on the
        key's line starts that many columns after the key (values aligned in a column)."""
        pad = " " * col
        st = self.style
        sep = ": " if align is None else ":" + " " * max(1, align - len(key) - 1)
        if isinstance(value, INTRINSICS) and not st.short:
            value = self._long(value)
            if isinstance(value, dict) and len(value) == 1 and isinstance(next(iter(value.values())), list):
                (k2, v2), = value.items()
                return [f"{pad}{key}:", f"{pad}{' ' * st.step}{k2}: {self.flow(v2)}"]
        if isinstance(value, Raw):
            lines = value.lines_at(col)
            return [f"{pad}{key}{sep}{lines[0]}"] + lines[1:] if value.inline else [f"{pad}{key}:"] + lines
        if self._inline(value):
            return [f"{pad}{key}{sep}{self.flow(value)}"]
        if isinstance(value, dict):
            lines = [f"{pad}{key}:"]
            for k, v in value.items():
                lines += self.block_pair(k, v, col + st.step, flow_items)
            return lines
        lines = [f"{pad}{key}:"]
        for v in value:
            lines += self.block_item(v, col + st.seq_offset, flow_items)
        return lines

    def block_item(self, value, col: int, flow_items: bool = False, alone: Optional[bool] = None,
                   gap: Optional[int] = None, align: Optional[int] = None) -> List[str]:
        """Lines of ``- value`` with the dash at column ``col`` (block YAML). A mapping's keys
        start ``gap`` columns after the dash, on the dash's line or (``alone``) on the lines
        after a "-" alone; by default as the file writes its lists. ``align``: see block_pair."""
        pad = " " * col
        st = self.style
        dash = st.dash
        if isinstance(value, dict) and value and not flow_items:
            alone = st.dash_alone if alone is None else alone
            gap = gap or (st.alone_gap if alone else dash)
            lines: List[str] = [pad + "-"] if alone else []
            for i, (k, v) in enumerate(value.items()):
                sub = self.block_pair(k, v, col + gap, align=align)
                if i == 0 and not alone:
                    sub[0] = pad + "-" + " " * (gap - 1) + sub[0][col + gap:]
                lines += sub
            return lines
        if isinstance(value, list) and value:
            raise FixError("nested lists are not rendered")
        return [f"{pad}-{' ' * (dash - 1)}{self.flow(value)}"]

    def json_value(self, value, col: int, flow_items: bool = False, colon: Optional[str] = None) -> str:
        """Pretty JSON for ``value`` whose first line starts at indentation ``col`` (``colon``:
        between keys and values, else the file's)."""
        step = self.style.step
        if isinstance(value, Raw):
            return "\n".join(value.lines_at(col))
        if isinstance(value, INTRINSICS):
            value = self._long(value)
            return self.flow(value, colon=colon)
        if isinstance(value, dict) and value:
            inner = " " * (col + step)
            colon = colon or self.style.colon
            parts = [f"{inner}{json.dumps(k)}{colon}{self.json_value(v, col + step, flow_items, colon)}"
                     for k, v in value.items()]
            return "{\n" + ",\n".join(parts) + "\n" + " " * col + "}"
        if isinstance(value, list) and value:
            inner = " " * (col + step)
            parts = [inner + (self.flow(v, colon=colon) if flow_items else self.json_value(v, col + step, colon=colon))
                     for v in value]
            return "[\n" + ",\n".join(parts) + "\n" + " " * col + "]"
        return self.flow(value, colon=colon)

    # ---- edits

    def add_to_mapping(self, node: MappingNode, pairs: List[Tuple[str, object]],
                       flow_items: bool = False, before: Optional[Node] = None) -> Edit:
        """Append ``pairs`` at the end of a mapping, in its layout (block, flow, JSON); or,
        given ``before`` (one of its key nodes), insert them right before that key.

        An append is ranked (``Edit.rank``) so that another fix's insertion at the same
        offset can go in the same pass where the order of the two is the same either way:
        into a mapping nested in this one (it comes first), or, for a Tags entry, which stays
        last, into this one (the caller ranks entries it places by an order of keys)."""
        edit = self._add_to_mapping(node, pairs, flow_items, before)
        if before is None and node.value and edit.start == edit.end:
            tags = [k for k, _ in pairs] == ["Tags"]
            edit = replace(edit, rank=(node.start_mark.index, TAGS_LAST, TAGS_LAST) if tags
                                       else (node.start_mark.index, -1, TAGS_LAST - 1))
        return edit

    def _add_to_mapping(self, node: MappingNode, pairs: List[Tuple[str, object]],
                        flow_items: bool = False, before: Optional[Node] = None) -> Edit:
        self._check(node)
        if not isinstance(node, MappingNode):
            raise FixError("not a mapping")
        if node.flow_style:
            return self._add_to_flow(node, [(k, v) for k, v in pairs], mapping=True, flow_items=flow_items,
                                     before=before)
        if not node.value:
            raise FixError("empty block mapping")
        col = node.value[0][0].start_mark.column
        lines: List[str] = []
        for k, v in pairs:
            lines += self.block_pair(k, v, col, flow_items)
        tags = before if before is not None else self._trailing_tags(node, pairs)
        if tags is not None:
            # Tags stays last: insert before it (and the comment lines right above it)
            line = tags.start_mark.line + 1
            while line > 1 and self.lines.line_text(line - 1).strip().startswith("#") \
                    and len(self.lines.indent_of(line - 1)) == col:
                line -= 1
            at = self.lines.line_start(line)
            return Edit(at, at, "".join(ln + "\n" for ln in lines))
        at = self.after_line(self.content_end(node))
        return Edit(at, at, "".join("\n" + ln for ln in lines))

    def _spread_empty(self, node: MappingNode, pairs, flow_items: bool) -> Optional[Edit]:
        """An empty one-line mapping that is a key's whole value on its line (``key: {}``,
        ``"key": {},``) replaced by ``pairs`` over lines: a block mapping in YAML, JSON in the
        file's indentation. None where it is part of a larger one-line collection."""
        line = node.start_mark.line + 1
        before = self.text[self.lines.line_start(line):node.start_mark.index]
        after = self.text[node.end_mark.index:self.after_line(node.end_mark.index)].strip()
        indent = len(self.lines.indent_of(line))
        st = self.style
        if st.json:
            if not re.fullmatch(r"\s*\"[^\"]*\"\s*:\s*", before) or after not in ("", ","):
                return None
            inner = indent + st.step
            body = ",\n".join(" " * inner + json.dumps(k) + st.colon + self.json_value(v, inner, flow_items)
                               for k, v in pairs)
            return Edit(node.start_mark.index, node.end_mark.index, "{\n" + body + "\n" + " " * indent + "}")
        m = re.fullmatch(r"(\s*)(?!-\s)([^\s#{}\[\],:][^#{}\[\],]*?):\s+", before)  # not a list item's key
        if m is None or after.split("#", 1)[0].strip():
            return None
        lines: List[str] = []
        for k, v in pairs:
            lines += self.block_pair(k, v, indent + st.step, flow_items)
        colon = self.lines.line_start(line) + m.end(2) + 1
        end = self.after_line(node.end_mark.index)  # a comment after it stays on the key's line
        return Edit(colon, end, self.text[node.end_mark.index:end] + "".join("\n" + ln for ln in lines))

    def _trailing_tags(self, node: MappingNode, pairs) -> Optional[Node]:
        """The key node of a ``Tags`` entry that ends the mapping, unless Tags is being added.
        Properties go before it, so that fixes give the same text in any order (also when
        Tags is the only key, unless it shares its line with a list item's dash)."""
        last_key = node.value[-1][0]
        if not (isinstance(last_key, ScalarNode) and last_key.value == "Tags"
                and all(k != "Tags" for k, _ in pairs)):
            return None
        if len(node.value) == 1 and not node.flow_style:
            line_start = self.lines.line_start(last_key.start_mark.line + 1)
            if self.text[line_start:last_key.start_mark.index].strip():
                return None
        return last_key

    def append_to_sequence(self, node: SequenceNode, values: list, flow_items: bool = False) -> Edit:
        self._check(node)
        if not isinstance(node, SequenceNode):
            raise FixError("not a list")
        if node.flow_style:
            return self._add_to_flow(node, values, mapping=False, flow_items=flow_items)
        if not node.value:
            raise FixError("empty block list")
        col = node.start_mark.column
        # new items are written as this list's items are (the "-" alone or not, the column
        # of their keys, values aligned in a column), whatever the rest of the file does
        alone = self._dash_alone(node)
        gap = self._item_gap(node, alone) if alone is not None else None
        if gap is not None and not (1 if alone else 2) <= gap <= 8:
            gap = None
        align = self._aligned(node)
        lines: List[str] = []
        for v in values:
            lines += self.block_item(v, col, flow_items, alone=alone, gap=gap, align=align)
        at = self.after_line(self.content_end(node))
        return Edit(at, at, "".join("\n" + ln for ln in lines))

    def _add_to_flow(self, node, entries, mapping: bool, flow_items: bool = False,
                     before: Optional[Node] = None) -> Edit:
        """Insert into a flow mapping/sequence or a JSON object/array."""
        st = self.style
        close = node.end_mark.index - 1
        if self.text[close:close + 1] not in ("}", "]"):
            raise FixError("cannot find the end of the collection")
        colon = self._object_colon(node) if st.json else None  # JSON: as the object (the array's objects) does

        def one(e, col):
            if mapping:
                k, v = e
                if st.json:
                    return f"{json.dumps(k)}{colon}{self.json_value(v, col, flow_items, colon)}"
                return f"{k}: {self.flow(v, True)}"
            return self.json_value(e, col, colon=colon) if st.json else self.flow(e, True)

        start_line = node.start_mark.line
        end_line = node.end_mark.line
        if not node.value and mapping and start_line == end_line and any(_structure(v) for _k, v in entries):
            # ``Outputs: {}``, ``"Outputs": {}`` alone on its line, filled with structures
            # (an output's Description and Value): laid out as the file lays out the others
            spread = self._spread_empty(node, entries, flow_items)
            if spread is not None:
                return spread
        if not node.value:
            if start_line == end_line or not st.json:
                pad = " " if (st.flow_pad and mapping) else ""
                if st.json and mapping:
                    body = ", ".join(f"{json.dumps(k)}{colon}{self.flow(v, colon=colon)}" for k, v in entries)
                elif st.json:
                    body = ", ".join(self.flow(e, colon=colon) for e in entries)
                else:
                    body = ", ".join(one(e, 0) for e in entries)
                return Edit(node.start_mark.index, node.end_mark.index,
                            ("{" + pad + body + pad + "}") if mapping else ("[" + body + "]"))
            # an empty JSON object/array over several lines: lay the entries out inside
            inner = len(self.lines.indent_of(start_line + 1)) + st.step
            body = ",\n".join(" " * inner + one(e, inner) for e in entries)
            close_pad = self.lines.indent_of(end_line + 1)
            return Edit(node.start_mark.index, node.end_mark.index,
                        ("{" if mapping else "[") + "\n" + body + "\n" + close_pad + ("}" if mapping else "]"))
        last = node.value[-1]
        last_start = (last[0] if mapping else last).start_mark
        last_end = self.content_end(last[1] if mapping else last)
        first_elem = (node.value[0][0] if mapping else node.value[0]).start_mark
        tags = (before if before is not None else self._trailing_tags(node, entries)) if mapping else None
        if tags is not None:
            # Tags stays last (or the entries go before ``before``)
            at = tags.start_mark.index
            idx = next(i for i, (k, _v) in enumerate(node.value) if k is tags)
            prev_line = node.value[idx - 1][1].end_mark.line if idx else start_line
            if first_elem.line == start_line or end_line == start_line or tags.start_mark.line == prev_line:
                sep = ", "
            else:
                sep = ",\n" + " " * tags.start_mark.column
            return Edit(at, at, "".join(one(e, tags.start_mark.column) + sep for e in entries))
        if first_elem.line == start_line or end_line == start_line:
            # entries on the opening line: keep it inline
            if mapping:
                text = "".join(f", {json.dumps(k)}{colon}{self.flow(v, colon=colon)}" if st.json
                               else f", {k}: {self.flow(v, True)}" for k, v in entries)
            else:
                text = "".join(", " + self.flow(e, True, colon) for e in entries)
            return Edit(last_end, last_end, text)
        if not mapping and isinstance(last, (MappingNode, SequenceNode)) \
                and last.start_mark.line == self.lines.position(last_end)[0] - 1:
            # one-line items ({"Key": "a", "Value": "b"}) stay one-line
            padded = self.text[last.start_mark.index + 1:last.start_mark.index + 2] == " "

            def one(e, col):
                t = self.flow(e, True, colon)
                if isinstance(e, dict) and padded and not t.startswith("{ "):
                    t = "{ " + t[1:-1] + " }"
                elif isinstance(e, dict) and not padded and t.startswith("{ "):
                    t = "{" + t[2:-2] + "}"
                return t
        col = last_start.column
        pad = " " * col
        text = "".join(",\n" + pad + one(e, col) for e in entries)
        return Edit(last_end, last_end, text)

    def add_property(self, res: Resource, pairs: List[Tuple[str, object]], flow_items: bool = False) -> Edit:
        """Append properties at the end of the resource's Properties (creating it if absent)."""
        props = res.properties
        self._check(res.node)
        self._check(props)
        if props is None:
            return self.add_to_mapping(res.node, [("Properties", dict(pairs))], flow_items)
        if isinstance(props, MappingNode) and not intrinsic(props):
            if props.value or props.flow_style:
                return self.add_to_mapping(props, pairs, flow_items)
        if is_null(props) and not self.style.json and props.start_mark.index == props.end_mark.index:
            # "Properties:" with nothing after it: put the pairs under it
            k = key_node(res.node, "Properties")
            col = k.start_mark.column + self.style.step
            lines: List[str] = []
            for kk, v in pairs:
                lines += self.block_pair(kk, v, col, flow_items)
            at = self.after_line(k.end_mark.index)
            return Edit(at, at, "".join("\n" + ln for ln in lines))
        raise FixError(f"the Properties of {res.name} are not a mapping iacfix can edit")

    def replace_value(self, node: Node, value) -> Edit:
        self._check(node)
        text = self.json_value(value, 0) if self.style.json else self.flow(value)
        return Edit(node.start_mark.index, self.content_end(node), text)

    def add_section(self, key: str, value, before: Tuple[str, ...]) -> Edit:
        """A new top-level section ``key: value``, right before the first of the sections
        ``before`` the template has (and the comment lines right above it), else at the end;
        separated by a blank line when the template separates its sections that way."""
        root = self.root
        if not isinstance(root, MappingNode) or not root.value:
            raise FixError("the template is not a mapping")
        self._check(root)
        anchor = next((k for name in before for k, _v in root.value
                       if isinstance(k, ScalarNode) and k.value == name), None)
        if root.flow_style:
            return self.add_to_mapping(root, [(key, value)], before=anchor)
        col = root.value[0][0].start_mark.column
        lines = self.block_pair(key, value, col)
        if anchor is None:
            at = self.after_line(self.content_end(root))
            blank = self._blank_before(root.value[-1][0])
            return Edit(at, at, "\n" * (1 + blank) + "\n".join(lines))
        line = anchor.start_mark.line + 1
        while line > 1 and self.lines.line_text(line - 1).strip().startswith("#") \
                and len(self.lines.indent_of(line - 1)) == col:
            line -= 1
        at = self.lines.line_start(line)
        blank = 1 if line > 1 and not self.lines.line_text(line - 1).strip() else 0
        return Edit(at, at, "\n".join(lines) + "\n" * (1 + blank))

    def _blank_before(self, key: Node) -> int:
        """1 when the line above top-level ``key`` (and its comment lines) is blank, else 0."""
        line = key.start_mark.line
        while line >= 1 and self.lines.line_text(line).strip().startswith("#"):
            line -= 1
        return 1 if line >= 1 and not self.lines.line_text(line).strip() else 0

    def replace_entry(self, node: MappingNode, key: str, value) -> Edit:
        """Replace the value of the entry ``key`` of a mapping with ``value``, laid out as the
        author would write it there: a list over several lines in a block mapping (``Resource:``
        then ``- item`` lines) or a JSON object, one line in a flow mapping. A comment after
        the old value stays after the new one."""
        k = key_node(node, key)
        v = get(node, key)
        if k is None or v is None:
            raise FixError(f"no {key} to replace")
        self._check(v)
        end = self.content_end(v)
        st = self.style
        one_line = node.flow_style and node.start_mark.line == node.end_mark.line
        if st.json and not one_line:
            col = len(self.lines.indent_of(k.start_mark.line + 1))
            return Edit(v.start_mark.index, end, self.json_value(value, col))
        if st.json or node.flow_style or self._inline(value):
            return Edit(v.start_mark.index, end, self.flow(value, nested=bool(node.flow_style)))
        col = k.start_mark.column
        if self.text[self.lines.line_start(k.start_mark.line + 1):k.start_mark.index].strip(" -"):
            raise FixError(f"{key} does not start its line")
        lines = self.block_pair(key, value, col)
        return Edit(k.start_mark.index, end, "\n".join(lines)[col:])

    def remove_from_mapping(self, node: MappingNode, key: str) -> Edit:
        """Remove the entry ``key`` of a mapping (block, flow, JSON). A block entry goes with
        its whole lines: a comment ending its last line, deeper-indented comment lines right
        after it and the comment lines right above it at its indentation (they describe it)."""
        self._check(node)
        idx = next((i for i, (k, _v) in enumerate(items(node))
                    if isinstance(k, ScalarNode) and k.value == key), None)
        if idx is None:
            raise FixError(f"no {key} to remove")
        if len(node.value) < 2:
            raise FixError(f"{key} is the only entry of its mapping")
        k, v = node.value[idx]
        if node.flow_style:
            if idx + 1 < len(node.value):
                return Edit(k.start_mark.index, node.value[idx + 1][0].start_mark.index, "")
            return Edit(self.content_end(node.value[idx - 1][1]), self.content_end(v), "")
        line = k.start_mark.line + 1
        start = self.lines.line_start(line)
        if self.text[start:k.start_mark.index].strip():
            raise FixError(f"{key} does not start its line")
        col = k.start_mark.column
        while line > 1 and self.lines.line_text(line - 1).strip().startswith("#") \
                and len(self.lines.indent_of(line - 1)) == col:
            line -= 1
        start = self.lines.line_start(line)
        end = self.block_end(v, col)
        if end < len(self.text):
            return Edit(start, end + 1, "")
        return Edit(max(start - 1, 0), end, "")

    def insert_resource_after(self, res: Resource, name: str, body: dict, flow_items: bool = False) -> Edit:
        """A new resource right after ``res``, with the Resources section's blank-line convention.
        ``flow_items``: the mappings in its lists are written on one line ({Key: a, Value: b}).
        Ranked (``Edit.rank``) as an append to the Resources section: what a fix appends to
        ``res``'s own mappings at the same offset goes in the same pass, before it."""
        edit = self._insert_resource_after(res, name, body, flow_items)
        section = self.resources_node
        return replace(edit, rank=(section.start_mark.index, -1, TAGS_LAST - 1))

    def _insert_resource_after(self, res: Resource, name: str, body: dict, flow_items: bool) -> Edit:
        self._check(res.node)
        st = self.style
        if st.json:
            col = res.key.start_mark.column
            at = self.content_end(res.node)
            return Edit(at, at, ",\n" + " " * col + json.dumps(name) + st.colon
                        + self.json_value(body, col, flow_items))
        if res.node.flow_style:
            raise FixError(f"{res.name} is a flow mapping")
        col = res.key.start_mark.column
        lines = self.block_pair(name, body, col, flow_items)
        at = self.block_end(res.node, col)
        return Edit(at, at, "\n" * (1 + self._blank_lines_after(res, at)) + "\n".join(lines))

    def insert_resource_before(self, res: Resource, name: str, body: dict, flow_items: bool = False) -> Edit:
        """A new resource right before ``res`` (and the comment lines right above it, which
        describe ``res``), separated from it as the Resources section separates its resources.
        Nothing else inserts before a resource: a resource added after the previous one (a
        dead-letter queue after its function) and this one land in the same order whichever
        is added first."""
        self._check(res.node)
        section = self.resources_node
        self._check(section)
        st = self.style
        col = res.key.start_mark.column
        if st.json:
            at = res.key.start_mark.index
            return Edit(at, at, json.dumps(name) + st.colon + self.json_value(body, col, flow_items)
                        + ",\n" + " " * col)
        if section is None or section.flow_style:
            raise FixError("the Resources section is a flow mapping")
        line = res.key.start_mark.line + 1
        if self.text[self.lines.line_start(line):res.key.start_mark.index].strip():
            raise FixError(f"{res.name} does not start its line")
        while line > 1 and self.lines.line_text(line - 1).strip().startswith("#") \
                and len(self.lines.indent_of(line - 1)) == col:
            line -= 1
        keys = [k for k, _ in items(section)]
        idx = next((i for i, k in enumerate(keys) if k is res.key), 0)
        if idx == 0:
            blank = st.blank_lines
        else:
            blank, ln = 0, line - 1
            while ln >= 1 and not self.lines.line_text(ln).strip():
                blank, ln = blank + 1, ln - 1
            blank = min(blank, 1)
        at = self.lines.line_start(line)
        lines = self.block_pair(name, body, col, flow_items)
        return Edit(at, at, "\n".join(lines) + "\n" * (1 + blank))

    def _blank_lines_after(self, res: Resource, at: int) -> int:
        """1 when ``res`` is separated from the next resource by blank lines, else 0 (the
        section's convention when it is the last one). One blank line at most: how many
        a person left somewhere is noise, whether resources are separated is the style."""
        keys = [k for k, _ in items(self.resources_node)]
        idx = next((i for i, k in enumerate(keys) if k is res.key), None)
        if idx is None or idx + 1 >= len(keys):
            return self.style.blank_lines
        n = 0
        line = self.lines.position(at)[0] + 1
        while line < keys[idx + 1].start_mark.line + 1 and not self.lines.line_text(line).strip():
            n, line = n + 1, line + 1
        return min(n, 1)


def _most(counter: Counter, default):
    if not counter:
        return default
    best = max(counter.values())
    # deterministic: among the most frequent, the default if present, else the smallest
    tied = [k for k, c in counter.items() if c == best]
    if default in tied:
        return default
    return sorted(tied, key=str)[0]


def _structure(value) -> bool:
    """A mapping or list written out in full (an output's body), not a scalar or an intrinsic."""
    return isinstance(value, (dict, list)) and bool(value)
