"""Conventions of Pulumi Python programs (pulumi_aws) shared by the codemods.

- finding resources (``aws_calls``), what references what (``references``);
- the environment suffix the program uses (``env_suffix``);
- naming a new resource after the one it serves (``derive_name``/``derive_var``);
- writing new code in the file's layout: a tiny black-like renderer for new
  statements and values (``Call``/``Dict``/``List``/``Code`` + ``render``), and
  layout-preserving insertion of keyword arguments (before ``opts=``) and of
  dict entries.

Generic Python-editing helpers that could move to transforms/python.py:
``add_kwargs``, ``add_dict_entries``, ``render``, ``call_style``,
``insert_before``/``insert_after`` (blank-line aware).
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass
from typing import List as TList, Optional, Sequence, Tuple, Union

import libcst as cst
from libcst import matchers as m

from iacfix.core import Edit, FixError
from iacfix.transforms.python import CallSite, PythonDoc, file_quote, py_string

AWS = "pulumi_aws"
TOOL = "pulumi"

# Names a Pulumi program gives its environment/stage, most specific first.
ENV_NAMES = ("environment_suffix", "env_suffix", "environment", "env", "stage", "stack")


_CACHE: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def cached(doc: PythonDoc, key, compute):
    """Per-document memo: walking the whole tree once per resource is too slow on big programs."""
    memo = _CACHE.setdefault(doc, {})
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def assignments(doc: PythonDoc) -> TList[Tuple[cst.CSTNode, TList[str], cst.BaseExpression]]:
    """Every ``target = value`` / ``target: T = value`` of the file: (node, target codes, value)."""
    def compute():
        out = []
        for node in m.findall(doc.module, m.Assign() | m.AnnAssign()):
            if node.value is None:
                continue
            targets = [t.target for t in node.targets] if isinstance(node, cst.Assign) else [node.target]
            out.append((node, [doc.code(t) for t in targets], node.value))
        return out
    return cached(doc, "assignments", compute)


def names_in_use(doc: PythonDoc) -> set:
    return cached(doc, "names", lambda: {doc.code(n) for n in m.findall(doc.module, m.Name() | m.Attribute())})


def kwarg_values(doc: PythonDoc, keyword: str) -> TList[cst.BaseExpression]:
    """Values of every ``keyword=`` argument in the file."""
    return cached(doc, ("kwarg", keyword), lambda: [
        a.value for a in m.findall(doc.module, m.Arg(keyword=m.Name(keyword)))])


# --------------------------------------------------------------------- locate
def aws_calls(doc: PythonDoc, *classes: str) -> TList[CallSite]:
    """Resource creations, e.g. ``aws_calls(doc, "sqs.Queue")`` (module.Class under pulumi_aws)."""
    return doc.calls(*(f"{AWS}.{c}" for c in classes))


def rtype(site: CallSite) -> str:
    """``aws.sqs.Queue`` for a pulumi_aws.sqs.Queue call."""
    return "aws." + site.qualname[len(AWS) + 1:]


def var(site: CallSite) -> Optional[str]:
    """The variable the resource is assigned to (``(q) = ...`` → "q"), if any."""
    t = site.target
    while t and t.startswith("(") and t.endswith(")"):
        t = t[1:-1].strip()
    return t or None


def label(site: CallSite) -> str:
    """The resource's identity in findings: its variable, else its Pulumi name. When several
    resources of the type share the variable (``self.queue`` in two components), the name is added."""
    base = var(site) or site.name
    if site.target:
        same = [c for c in site.doc.calls(site.qualname) if c.target == site.target]
        if len(same) > 1:
            node = name_node(site)
            return f"{base} ({site.doc.code(node) if node is not None else site.line})"
    return base


def where(site: CallSite) -> dict:
    """Gap position fields; an ``iacfix: ignore`` above the whole statement counts too."""
    stmt = site.statement
    first = site.doc.range(stmt).start.line if stmt is not None else site.line
    return {
        "line": site.line,
        "column": site.column,
        "end_line": site.end_line,
        "suppress_lines": (first, first - 1) if first != site.line else (),
    }


def display(site: CallSite) -> str:
    """How a message names the resource: the Pulumi name when literal, else the variable."""
    s = literal(name_node(site))
    return s if isinstance(s, str) else label(site)


def references(doc: PythonDoc, node: Optional[cst.CSTNode]) -> set:
    """Every dotted name (``a``, ``a.b``, ``self.a.arn``) appearing in ``node``."""
    out = set()
    if node is None:
        return out
    for n in m.findall(node, m.Name() | m.Attribute()):
        out.add(doc.code(n))
    return out


def props_call(site: CallSite) -> Optional[cst.Call]:
    """The call that carries the resource's properties: the resource call itself, or the
    ``XxxArgs(...)`` object of the ``Queue("name", args=QueueArgs(...))`` form. None: unknown."""
    call = site.call
    obj = None
    for a in call.args:
        if a.keyword is not None and a.keyword.value == "args":
            obj = a.value
    positional = [a for a in call.args if a.keyword is None and not a.star]
    if obj is None and len(positional) > 1:
        obj = positional[1].value
    if obj is None:
        return call
    if isinstance(obj, cst.Call) and site.doc.code(obj.func).endswith("Args"):
        return obj
    return None


def name_node(site: CallSite) -> Optional[cst.BaseExpression]:
    """The Pulumi resource name expression (first positional argument or ``resource_name=``)."""
    v = site.positional(0)
    if v is None:
        a = site.kwarg("resource_name")
        v = a.value if a is not None else None
    return v


def kw_value(site_or_call, name: str) -> Optional[cst.BaseExpression]:
    """A keyword argument's value; for a resource, looked up in its properties (see props_call)."""
    if isinstance(site_or_call, CallSite):
        call = site_or_call.call if name == "opts" else props_call(site_or_call)
        if call is None:
            return None
    else:
        call = site_or_call
    for a in call.args:
        if a.keyword is not None and a.keyword.value == name:
            return a.value
    return None


def has_splat(site_or_call) -> bool:
    """``**kwargs`` in the call (or properties we cannot read)."""
    if isinstance(site_or_call, CallSite):
        props = props_call(site_or_call)
        if props is None:
            return True
        return has_splat(site_or_call.call) or has_splat(props)
    return any(a.star for a in site_or_call.args)


def literal(node: Optional[cst.CSTNode]):
    """The value of a plain literal (str, int, float, bool, None, negative number), else a sentinel."""
    if isinstance(node, cst.SimpleString):
        return node.evaluated_value
    if isinstance(node, cst.ConcatenatedString):
        v = node.evaluated_value
        return v if v is not None else UNKNOWN
    if isinstance(node, cst.Integer):
        return int(node.value, 0)
    if isinstance(node, cst.Float):
        return float(node.value)
    if isinstance(node, cst.Name) and node.value in ("True", "False", "None"):
        return {"True": True, "False": False, "None": None}[node.value]
    if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Minus):
        v = literal(node.expression)
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            return -v
    return UNKNOWN


class _Unknown:
    def __repr__(self):
        return "UNKNOWN"


UNKNOWN = _Unknown()


def assigned_values(doc: PythonDoc, target: str) -> TList[cst.BaseExpression]:
    """Values assigned to ``target`` (``name`` or ``self.name``) anywhere in the file."""
    return [value for _, targets, value in assignments(doc) if target in targets]


def resolve_dict(doc: PythonDoc, node: cst.BaseExpression) -> Optional[cst.Dict]:
    """The dict literal ``node`` is, or names (a variable assigned exactly once to a dict literal)."""
    if isinstance(node, cst.Dict):
        return node
    if isinstance(node, (cst.Name, cst.Attribute)):
        vals = assigned_values(doc, doc.code(node))
        if len(vals) == 1 and isinstance(vals[0], cst.Dict):
            return vals[0]
    return None


def string_key(node: Optional[cst.CSTNode]) -> Optional[str]:
    v = literal(node)
    return v if isinstance(v, str) else None


def dict_keys(doc: PythonDoc, d: cst.Dict, _depth: int = 0) -> Optional[set]:
    """Keys of a dict literal, following ``**spread`` of dict literals in the file. None: unknown."""
    if _depth > 10:
        return None
    keys = set()
    for el in d.elements:
        if isinstance(el, cst.StarredDictElement):
            inner = resolve_dict(doc, el.value)
            sub = dict_keys(doc, inner, _depth + 1) if inner is not None else None
            if sub is None:
                return None
            keys |= sub
        else:
            k = string_key(el.key)
            if k is None:
                return None
            keys.add(k)
    return keys


def dict_get(d: cst.Dict, key: str) -> Optional[cst.DictElement]:
    for el in d.elements:
        if isinstance(el, cst.DictElement) and string_key(el.key) == key:
            return el
    return None


def standalone(site: CallSite) -> bool:
    """Whether new resources can be added next to this one (see ``statement``)."""
    try:
        statement(site)
    except FixError:
        return False
    return name_node(site) is not None


def statement(site: CallSite) -> cst.SimpleStatementLine:
    """The statement creating the resource, when the resource is all it does
    (``x = Res(...)`` or a bare ``Res(...)``): new resources go next to it."""
    stmt = site.statement
    if isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1:
        small = stmt.body[0]
        if isinstance(small, (cst.Assign, cst.AnnAssign, cst.Expr)) and small.value is site.call:
            if not isinstance(small, cst.Assign) or len(small.targets) == 1:
                return stmt
    raise FixError(f"'{display(site)}' is created inside a larger expression; add its new resource by hand")


# ------------------------------------------------------------ environment
def env_suffix(doc: PythonDoc, site: Optional[CallSite] = None, line: Optional[int] = None) -> Optional[str]:
    """The expression this program uses for its environment suffix at ``site``, if any, and
    (for a plain variable) assigned before ``line`` (default: the site's line), where code will use it."""
    fn = doc.enclosing(site.call, cst.FunctionDef) if site is not None else None
    cls = doc.enclosing(site.call, cst.ClassDef) if site is not None else None
    found = cached(doc, ("env", id(fn), id(cls)), lambda: _env_names(doc, fn, cls))
    if line is None:
        line = site.line if site is not None else doc.lines.line_count + 1
    for n in ENV_NAMES:
        if f"self.{n}" in found:
            return f"self.{n}"
        if n in found and found[n] < line:
            return n
    return None


def _env_names(doc, fn, cls) -> dict:
    """Candidate names visible at a site in ``fn``/``cls`` → line of their first assignment (0: parameter)."""
    found = {}
    for node, targets, value in assignments(doc):
        if _is_resource(doc, value):
            continue
        where = doc.enclosing(node, cst.FunctionDef)
        for code in targets:
            if code.startswith("self."):
                if cls is not None and doc.enclosing(node, cst.ClassDef) is cls:
                    found.setdefault(code, 0)
            elif where is None or where is fn:
                found[code] = min(found.get(code, 10 ** 9), doc.range(node).start.line)
    if fn is not None:
        for p in m.findall(fn.params, m.Param()):
            found[p.name.value] = 0
    return found


def qualnames(doc: PythonDoc, node: cst.CSTNode) -> set:
    """Qualified names of ``node`` (PythonDoc.qualified_names does not resolve libcst's LazyValue)."""
    v = doc.qualnames.get(node, set())
    if callable(v):
        v = v()
    return {q.name for q in v or ()}


def _is_resource(doc: PythonDoc, value: cst.BaseExpression) -> bool:
    if isinstance(value, cst.Call):
        return any(q.startswith(AWS + ".") for q in qualnames(doc, value.func))
    return False


def pulumi_name(doc: PythonDoc, name: str) -> Tuple[str, TList[Edit]]:
    """How to write ``pulumi.<name>`` here, adding ``import pulumi`` when the file lacks it."""
    ref = doc.name_ref(f"pulumi.{name}")
    if ref:
        return ref, []
    # "import pulumi" sorts right before the pulumi_aws import
    for stmt in doc.module.body:
        if isinstance(stmt, cst.SimpleStatementLine) and isinstance(stmt.body[0], (cst.Import, cst.ImportFrom)):
            if re.match(r"(import|from)\s+pulumi_aws\b", doc.code(stmt).strip()):
                off = doc.lines.line_start(doc.range(stmt).start.line)
                return f"pulumi.{name}", [Edit(off, off, "import pulumi\n")]
    return f"pulumi.{name}", doc.add_import("import pulumi")


def stdlib_module(doc: PythonDoc, module: str) -> Tuple[str, TList[Edit]]:
    """How to write the standard-library ``module`` (e.g. "json") here, plus the import edits:
    ``import json`` goes with the file's other standard-library imports (in name order), or
    in a group of its own before the first import (isort's layout)."""
    import sys

    ref = doc.module_ref(module)
    if ref:
        return ref, []
    imports = []
    for stmt in doc.module.body:
        if isinstance(stmt, cst.SimpleStatementLine) and isinstance(stmt.body[0], (cst.Import, cst.ImportFrom)):
            small = stmt.body[0]
            if isinstance(small, cst.ImportFrom):
                name = doc.code(small.module) if small.module is not None else ""
            else:
                name = doc.code(small.names[0].name)
            if name != "__future__":
                imports.append((stmt, name.split(".")[0]))
        elif imports:
            break
    line = f"import {module}"
    std = [(s, n) for s, n in imports if n in sys.stdlib_module_names]
    if std:
        after = [s for s, n in std if n > module]
        if after:
            off = doc.lines.line_start(doc.range(after[0]).start.line)
            return module, [Edit(off, off, line + "\n")]
        return module, doc.insert_after_statement(std[-1][0], line)
    if imports:
        off = doc.lines.line_start(doc.range(imports[0][0]).start.line)
        return module, [Edit(off, off, line + "\n\n")]
    return module, doc.add_import(line)


def aws_name(doc: PythonDoc, qual: str) -> Tuple[str, TList[Edit]]:
    """How to write ``pulumi_aws.<qual>`` (e.g. "sqs.Queue") here, plus any import edits."""
    full = f"{AWS}.{qual}"
    ref = doc.name_ref(full)
    if ref:
        return ref, []
    mod, _, cls = full.rpartition(".")
    mref, edits = doc.ensure_module(mod)
    return f"{mref}.{cls}", edits


def dedupe(edits: Sequence[Edit]) -> TList[Edit]:
    out = []
    for e in edits:
        if e not in out:
            out.append(e)
    return out


def env_value(doc: PythonDoc, site: Optional[CallSite], line: Optional[int] = None) -> Tuple[str, TList[Edit]]:
    """The environment expression; ``pulumi.get_stack()`` (the stack is the environment) when the file has none."""
    env = env_suffix(doc, site, line)
    if env:
        return env, []
    ref, edits = pulumi_name(doc, "get_stack")
    return f"{ref}()", edits


# ----------------------------------------------------------------- naming
def _sep(text: str) -> str:
    return "_" if "_" in text and "-" not in text else "-"


def _pascal(word: str) -> str:
    return "".join(w[:1].upper() + w[1:] for w in re.split(r"[-_]", word))


def derive_name(doc: PythonDoc, node: Optional[cst.BaseExpression], word: str) -> str:
    """A name expression for a resource serving ``node``'s: "orders" → "orders-dlq",
    f"orders-{env}" → f"orders-dlq-{env}", f"orders-{env}.fifo" → f"orders-dlq-{env}.fifo"."""
    if isinstance(node, cst.SimpleString) and node.prefix.lower() in ("", "u", "r") and len(node.quote) == 1:
        body = node.raw_value
        stem, fifo = (body[:-5], ".fifo") if body.endswith(".fifo") else (body, "")
        if re.fullmatch(r"[A-Z][A-Za-z0-9]*|[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*", stem):  # OrdersQueue → OrdersQueueDlq
            return f"{node.prefix}{node.quote}{stem}{_pascal(word)}{fifo}{node.quote}"
        return f"{node.prefix}{node.quote}{stem}{_sep(stem)}{word}{fifo}{node.quote}"
    if isinstance(node, cst.FormattedString) and len(node.end) == 1:
        parts = list(node.parts)
        text = "".join(p.value for p in parts if isinstance(p, cst.FormattedStringText))
        sep = _sep(text)
        fifo = ""
        if parts and isinstance(parts[-1], cst.FormattedStringText) and parts[-1].value.endswith(".fifo"):
            rest = parts[-1].value[:-5]
            parts = parts[:-1] + ([cst.FormattedStringText(rest)] if rest else [])
            fifo = ".fifo"
        if (
            len(parts) >= 2
            and isinstance(parts[-1], cst.FormattedStringExpression)
            and isinstance(parts[-2], cst.FormattedStringText)
            and parts[-2].value.endswith(sep)
        ):
            # f"orders-{env}" → f"orders-dlq-{env}"
            parts[-2] = cst.FormattedStringText(parts[-2].value + word + sep)
        elif parts and isinstance(parts[-1], cst.FormattedStringText):
            last = parts[-1].value
            if "-" not in text and "_" not in text and re.search(r"[A-Z][a-z0-9]*$", last):
                parts[-1] = cst.FormattedStringText(last + _pascal(word))  # f"{name}Queue" → f"{name}QueueDlq"
            else:
                parts[-1] = cst.FormattedStringText(last + sep + word)
        else:
            parts.append(cst.FormattedStringText(sep + word))
        if fifo:
            if isinstance(parts[-1], cst.FormattedStringText):
                parts[-1] = cst.FormattedStringText(parts[-1].value + fifo)
            else:
                parts.append(cst.FormattedStringText(fifo))
        return doc.code(node.with_changes(parts=parts))
    if isinstance(node, cst.BinaryOperation):
        # "%s-orders" % prefix → "%s-orders-dlq" % prefix; prefix + "-orders" → prefix + "-orders-dlq"
        side = node.left if isinstance(node.operator, cst.Modulo) else node.right
        if isinstance(node.operator, (cst.Modulo, cst.Add)) and isinstance(side, cst.SimpleString):
            new = derive_name(doc, side, word)
            a, b = doc.start(side) - doc.start(node), doc.end(side) - doc.start(node)
            src = doc.source(node)
            return src[:a] + new + src[b:]
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and node.func.attr.value == "format":
        base = node.func.value
        if isinstance(base, cst.SimpleString):  # "{}-orders".format(x) → "{}-orders-dlq".format(x)
            src = doc.source(node)
            a, b = doc.start(base) - doc.start(node), doc.end(base) - doc.start(node)
            return src[:a] + derive_name(doc, base, word) + src[b:]
    if isinstance(node, (cst.Name, cst.Attribute)):
        q = file_quote(doc)
        return f"f{q}{{{doc.code(node)}}}-{word}{q}"
    raise FixError("cannot derive a name from the resource's name expression")


def derive_var(doc: PythonDoc, target: Optional[str], word: str, fallback: str) -> str:
    """A new, unused variable named after ``target``: orders_queue → orders_queue_dlq."""
    if target:
        head, _, leaf = target.rpartition(".")
        prefix = head + "." if head else ""
        if re.search(r"[a-z][A-Z]", leaf) and "_" not in leaf:  # camelCase
            base = prefix + leaf + _pascal(word)
        else:
            base = f"{prefix}{leaf}_{word.replace('-', '_')}"
    else:
        base = fallback
    used = names_in_use(doc)
    name, i = base, 2
    while name in used:
        name, i = f"{base}{i}", i + 1
    return name


def var_from_name(site: CallSite) -> Optional[str]:
    """A variable name made from the resource's name: "orders-queue" → orders_queue."""
    node = name_node(site)
    if isinstance(node, cst.SimpleString):
        text = node.evaluated_value
    elif isinstance(node, cst.FormattedString):
        text = "".join(p.value for p in node.parts if isinstance(p, cst.FormattedStringText))
    else:
        return None
    text = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", text.replace(".fifo", ""))
    name = re.sub(r"\W+", "_", text).strip("_").lower()
    return name if name and not name[0].isdigit() else None


def kebab(text: str, strip: bool = True) -> str:
    """PaymentsKey / payments_key → payments-key (``strip=False`` keeps edge hyphens of a fragment)."""
    text = re.sub(r"([a-z0-9])([A-Z])", r"\1-\2", text)
    text = re.sub(r"[^A-Za-z0-9/{}.]+", "-", text)
    return (text.strip("-") if strip else text).lower()


# -------------------------------------------------------- value rendering
@dataclass
class Code:
    text: str


@dataclass
class Call:
    func: str
    args: TList[Tuple[Optional[str], "Node"]]
    explode: bool = False


@dataclass
class Dict:
    items: TList[Tuple[str, "Node"]]
    explode: bool = False


@dataclass
class List:
    items: TList["Node"]
    explode: bool = False


Node = Union[Code, Call, Dict, List]


def _parts(n: Node):
    """(open, close, [(prefix, child)]) of a bracketed node."""
    if isinstance(n, Call):
        return n.func + "(", ")", [((f"{k}=" if k else ""), v) for k, v in n.args]
    if isinstance(n, Dict):
        return "{", "}", [(f"{k}: ", v) for k, v in n.items]
    return "[", "]", [("", v) for v in n.items]


def flat(n: Node) -> str:
    if isinstance(n, Code):
        return n.text
    o, c, items = _parts(n)
    return o + ", ".join(p + flat(v) for p, v in items) + c


@dataclass
class Layout:
    unit: str = "    "
    width: int = 88


def render(n: Node, indent: str, used: int, tail: int, lay: Layout) -> str:
    """``n`` as black would lay it out, starting at column ``used`` on a line indented by ``indent``,
    followed by ``tail`` characters (e.g. a comma)."""
    f = flat(n)
    if isinstance(n, Code) or (used + len(f) + tail <= lay.width and not n.explode):
        return f
    o, c, items = _parts(n)
    inner = indent + lay.unit
    if not items:
        return f
    # Black would hug several items on one line when they fit; people writing Pulumi
    # code put them one per line (magic trailing comma), so only a single item hugs.
    if len(items) == 1 and not n.explode:
        p, v = items[0]
        return f"{o}\n{inner}{p}{render(v, inner, len(inner) + len(p), 0, lay)}\n{indent}{c}"
    lines = [o]
    for p, v in items:
        lines.append(f"{inner}{p}{render(v, inner, len(inner) + len(p), 1, lay)},")
    return "\n".join(lines) + f"\n{indent}{c}"


def line_width(doc: PythonDoc) -> int:
    """The line length the file's code is written to: 88 (black) unless several code lines are longer.
    (A long comment or URL alone does not make a file a 120-column file.)"""
    long = [len(ln) for ln in doc.text.splitlines() if len(ln) > 88 and not ln.lstrip().startswith("#")]
    if len(long) < 2:
        return 88
    return min(max(long), 120)


def layout(doc: PythonDoc) -> Layout:
    return Layout(doc.indent_unit(), line_width(doc))


# ---------------------------------------------------------------- call style
@dataclass
class Style:
    kind: str  # "inline" | "exploded" | "hanging"
    trailing_comma: bool = True
    hang: Optional[str] = None  # hanging: indentation of continuation lines, relative to the statement
    align: bool = False  # hanging: continuation lines align with the open paren
    close_own_line: bool = False


def is_multiline(call: cst.Call) -> bool:
    if isinstance(call.whitespace_before_args, cst.ParenthesizedWhitespace):
        return True
    for a in call.args:
        if a.comma is not cst.MaybeSentinel.DEFAULT and isinstance(a.comma.whitespace_after, cst.ParenthesizedWhitespace):
            return True
        if isinstance(a.whitespace_after_arg, cst.ParenthesizedWhitespace):
            return True
    return False


def call_style(doc: PythonDoc, site: CallSite) -> Style:
    call = site.call
    if not is_multiline(call) or not call.args:
        return Style("inline")
    last = call.args[-1]
    trailing = last.comma is not cst.MaybeSentinel.DEFAULT
    close_own = doc.lines.line_text(doc.range(call).end.line).strip().startswith(")")
    if isinstance(call.whitespace_before_args, cst.ParenthesizedWhitespace):
        return Style("exploded", trailing_comma=trailing, close_own_line=True)
    stmt_line = doc.range(site.statement).start.line if site.statement is not None else site.line
    base = doc.lines.indent_of(stmt_line)
    first_line = doc.range(call).start.line
    below = [a for a in call.args if doc.range(a).start.line > first_line]
    r = doc.range(below[0] if below else last)
    open_col = doc.range(call.func).end.column + 1
    if r.start.column == open_col:
        return Style("hanging", trailing, align=True, close_own_line=close_own)
    ind = doc.lines.indent_of(r.start.line)
    return Style("hanging", trailing, hang=ind[len(base):] if ind.startswith(base) else ind, close_own_line=close_own)


def statement_code(doc: PythonDoc, like: CallSite, target: Optional[str], func: str,
                   args: Sequence[Tuple[Optional[str], Node]]) -> str:
    """A new ``target = func(args)`` statement (unindented) laid out like ``like``'s call."""
    st = call_style(doc, like)
    lay = layout(doc)
    base = doc.statement_indent(statement(like))
    lay = Layout(lay.unit, lay.width - len(base))
    head = f"{target} = " if target else ""
    if st.kind == "inline":
        return head + render(Call(func, list(args)), "", len(head), 0, lay)
    if st.kind == "exploded":
        return head + render(Call(func, list(args), explode=True), "", len(head), 0, lay)
    # hanging: first argument on the open-paren line, the others below it
    opener = f"{head}{func}("
    cont = " " * len(opener) if st.align else st.hang
    items = [((f"{k}=" if k else ""), v) for k, v in args]
    lines = []
    for i, (p, v) in enumerate(items):
        last = i == len(items) - 1
        lead = opener if i == 0 else cont
        comma = "," if (not last or st.trailing_comma) else ""
        close = ")" if last and not st.close_own_line else ""
        lines.append(lead + p + render(v, cont, len(lead) + len(p), len(comma) + len(close), lay) + comma + close)
    if st.close_own_line:
        lines.append(")")
    return "\n".join(lines)


# ------------------------------------------------------------------ editing
def comment_top(doc: PythonDoc, stmt: cst.CSTNode) -> int:
    line = doc.range(stmt).start.line
    while line > 1 and doc.lines.line_text(line - 1).strip().startswith("#"):
        line -= 1
    return line


def insert_before(doc: PythonDoc, stmt: cst.CSTNode, code: str) -> TList[Edit]:
    """Insert statement(s) before ``stmt`` (and its comments), separated by a blank line when it is."""
    top = comment_top(doc, stmt)
    blank = top > 1 and doc.lines.line_text(top - 1).strip() == ""
    return doc.insert_before_statement(stmt, code, blank_line=blank)


def insert_after(doc: PythonDoc, stmt: cst.CSTNode, code: str) -> TList[Edit]:
    """Insert statement(s) after ``stmt``, separated by a blank line when the next line is blank."""
    end = doc.range(stmt).end.line
    nxt = end + 1
    if nxt >= doc.lines.line_count or doc.lines.line_text(nxt).strip() == "" and nxt + 1 >= doc.lines.line_count:
        # last statement of the file: separate it like the statement above is separated
        top = comment_top(doc, stmt)
        blank = top > 1 and doc.lines.line_text(top - 1).strip() == ""
    else:
        blank = doc.lines.line_text(nxt).strip() == ""
    return doc.insert_after_statement(stmt, code, blank_line=blank)


def _value_code(doc: PythonDoc, indent: str, key: str, v: Node, lay: Layout, tail: int = 1) -> str:
    return render(v, indent, len(indent) + len(key) + 1, tail, lay)


def add_kwargs(doc: PythonDoc, call: cst.Call, kwargs: Sequence[Tuple[str, Node]],
               before: Sequence[str] = ("tags", "opts"), tail: Sequence[Tuple[str, Node]] = ()) -> TList[Edit]:
    """Add keyword arguments in the call's layout, before trailing ``tags=``/``opts=``
    (Pulumi programs keep those last). ``tail`` arguments go after all others; giving
    them spreads the call one argument per line (one edit for both kinds)."""
    if tail:
        return _explode(doc, call, kwargs, before, tail)
    lay = layout(doc)
    args = list(call.args)
    i = len(args)
    while i > 1 and args[i - 1].keyword is not None and args[i - 1].keyword.value in before:
        i -= 1
    opts = args[i] if i < len(args) else None
    r = doc.range(call)
    base = doc.lines.indent_of(r.start.line)
    if is_multiline(call):
        ind = doc.lines.indent_of(doc.range(args[-1]).start.line)
        step = ind[len(base):] if ind.startswith(base) else ""
        if step and len(step) <= 8 and not step.strip():
            lay = Layout(step, lay.width)  # the call's own continuation indent
    else:
        ind = base + lay.unit
    coded = [(k, _value_code(doc, ind, k, v, lay)) for k, v in kwargs]
    if opts is None and is_multiline(call):
        return doc.add_kwargs(call, coded)
    if opts is None:  # one-line call: f(a) → f(a, k=v), laid out one per line when too long
        flat_new = ", ".join(f"{k}={v}" for k, v in coded)
        if args:
            last = args[-1]
            if last.comma is not cst.MaybeSentinel.DEFAULT:
                edit = Edit(doc.end(last.comma), doc.end(last.comma), f" {flat_new},")
            else:
                edit = Edit(doc.end(last.value), doc.end(last.value), f", {flat_new}")
        else:
            edit = Edit(doc.end(call) - 1, doc.end(call) - 1, flat_new)
        if "\n" not in flat_new and (
            r.start.line != r.end.line or len(doc.lines.line_text(r.start.line)) + len(edit.replacement) <= lay.width
        ):
            return [edit]
        i = len(args)
    start = doc.start(opts) if opts is not None else None
    line, col = (doc.range(opts).start.line, doc.range(opts).start.column) if opts is not None else (0, 0)
    if opts is not None and is_multiline(call) and doc.lines.line_text(line)[:col].strip() == "":
        ind = doc.lines.indent_of(line)
        coded = [(k, _value_code(doc, ind, k, v, lay)) for k, v in kwargs]
        off = doc.lines.line_start(line)
        return [Edit(off, off, "".join(f"{ind}{k}={v},\n" for k, v in coded))]
    flat_new = "".join(f"{k}={v}, " for k, v in coded)
    if opts is not None and "\n" not in flat_new and (
        r.start.line != r.end.line or len(doc.lines.line_text(r.start.line)) + len(flat_new) <= lay.width
    ):
        return [Edit(start, start, flat_new)]
    return _explode(doc, call, kwargs, before, ())


def _explode(doc: PythonDoc, call: cst.Call, kwargs: Sequence[Tuple[str, Node]], before: Sequence[str],
             tail: Sequence[Tuple[str, Node]]) -> TList[Edit]:
    """The call spread one argument per line, black style: ``kwargs`` before the trailing
    ``before`` arguments (tags/opts), ``tail`` after everything."""
    lay = layout(doc)
    args = list(call.args)
    i = len(args)
    while i > 1 and args[i - 1].keyword is not None and args[i - 1].keyword.value in before:
        i -= 1
    base = doc.lines.indent_of(doc.range(call).start.line)
    inner = base + lay.unit
    coded = [(k, _value_code(doc, inner, k, v, lay)) for k, v in kwargs]
    ends = [(k, _value_code(doc, inner, k, v, lay)) for k, v in tail]
    parts = ([_arg_src(doc, a) for a in args[:i]] + [f"{k}={v}" for k, v in coded]
             + [_arg_src(doc, a) for a in args[i:]] + [f"{k}={v}" for k, v in ends])
    text = doc.source(call.func) + "(\n" + "".join(f"{inner}{p},\n" for p in parts) + base + ")"
    return [Edit(doc.start(call), doc.end(call), text)]


def _arg_src(doc: PythonDoc, a: cst.Arg) -> str:
    if a.keyword is not None:
        return f"{a.keyword.value}={doc.source(a.value)}"
    return f"{a.star}{doc.source(a.value)}"


def _dict_multiline(d: cst.Dict) -> bool:
    if isinstance(d.lbrace.whitespace_after, cst.ParenthesizedWhitespace):
        return True
    for el in d.elements:
        if el.comma is not cst.MaybeSentinel.DEFAULT and isinstance(el.comma.whitespace_after, cst.ParenthesizedWhitespace):
            return True
    return isinstance(d.rbrace.whitespace_before, cst.ParenthesizedWhitespace)


def add_dict_entries(doc: PythonDoc, d: cst.Dict, entries: Sequence[Tuple[str, Node]]) -> TList[Edit]:
    """Append ``key: value`` entries (key given as code) to a dict literal, in its layout."""
    lay = layout(doc)
    els = list(d.elements)
    r = doc.range(d)
    base = doc.lines.indent_of(r.start.line)
    if _dict_multiline(d) and els:
        last = els[-1]
        ind = doc.lines.indent_of(doc.range(last).start.line)
        coded = [(k, render(v, ind, len(ind) + len(k) + 2, 1, lay)) for k, v in entries]
        edits = []
        has_trailing = last.comma is not cst.MaybeSentinel.DEFAULT
        end_line = doc.range(last.comma).end.line if has_trailing else doc.range(last).end.line
        if not has_trailing:
            edits.append(Edit(doc.end(last.value), doc.end(last.value), ","))
        body = "".join(f"\n{ind}{k}: {v}," for k, v in coded)
        if not has_trailing:
            body = body[:-1]
        if doc.range(d).end.line == end_line:  # "}" on the last entry's line
            off = doc.end(last.comma) if has_trailing else doc.end(last.value)
            edits.append(Edit(off, off, body + ("\n" + base if has_trailing else "")))
        else:
            off = doc.lines.line_end(end_line)
            edits.append(Edit(off, off, body))
        return edits

    def parts(indent: str) -> TList[str]:
        out = []
        for el in els:
            if isinstance(el, cst.StarredDictElement):
                out.append("**" + doc.source(el.value))
            else:
                out.append(f"{doc.source(el.key)}: {doc.source(el.value)}")
        return out + [f"{k}: {render(v, indent, len(indent) + len(k) + 2, 1, lay)}" for k, v in entries]

    def exploded(indent: str) -> str:
        inner = indent + lay.unit
        return "{\n" + "".join(f"{inner}{p},\n" for p in parts(inner)) + indent + "}"

    flat_entries = ", ".join(f"{k}: {flat(v)}" for k, v in entries)
    if els:
        last = els[-1]
        if last.comma is not cst.MaybeSentinel.DEFAULT:
            off = doc.end(last.comma)
            edit = Edit(off, off, f" {flat_entries},")
        else:
            off = doc.end(last.value)
            edit = Edit(off, off, f", {flat_entries}")
    else:
        off = doc.end(d) - 1
        edit = Edit(off, off, flat_entries)
    if r.start.line != r.end.line or len(doc.lines.line_text(r.start.line)) + len(edit.replacement) <= lay.width:
        return [edit]
    # too long: in a one-line call, lay the call out one argument per line first
    parent = doc.parent(d)
    call = doc.parent(parent) if isinstance(parent, cst.Arg) else None
    if isinstance(call, cst.Call) and not is_multiline(call) and r.start.line == doc.range(call).end.line:
        flat_dict = "{" + ", ".join(parts("")) + "}"
        call_base = doc.lines.indent_of(doc.range(call).start.line)
        inner = call_base + lay.unit
        texts = []
        for a in call.args:
            if a is parent:
                head = f"{a.keyword.value}=" if a.keyword is not None else a.star
                fits = len(inner) + len(head) + len(flat_dict) + 1 <= lay.width
                texts.append(head + (flat_dict if fits else exploded(inner)))
            else:
                texts.append(_arg_src(doc, a))
        out = doc.source(call.func) + "(\n" + "".join(f"{inner}{t},\n" for t in texts) + call_base + ")"
        return [Edit(doc.start(call), doc.end(call), out)]
    return [Edit(doc.start(d), doc.end(d), exploded(base))]


def nest_edits(doc: PythonDoc, node: cst.CSTNode, outer: Sequence[Edit], inner: Sequence[Edit]) -> TList[Edit]:
    """Combine ``inner`` edits (all within ``node``) with ``outer`` edits that may rewrite a range
    containing ``node`` (e.g. a call laid out anew): the inner change is carried into that rewrite."""
    start, end = doc.start(node), doc.end(node)
    src = doc.source(node)
    new_src = apply_edits_rel(src, inner, start)
    out = []
    carried = False
    for e in outer:
        if e.start <= start and end <= e.end and e.replacement.count(src) == 1:
            e = Edit(e.start, e.end, e.replacement.replace(src, new_src))
            carried = True
        out.append(e)
    return out if carried else list(outer) + list(inner)


def apply_edits_rel(text: str, edits: Sequence[Edit], base: int) -> str:
    for e in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[: e.start - base] + e.replacement + text[e.end - base:]
    return text


def str_code(doc: PythonDoc, value: str, like: Optional[cst.CSTNode] = None) -> str:
    """A string literal in the quote style of ``like`` (a literal node) or of the file."""
    if isinstance(like, cst.SimpleString):
        return py_string(value, like.value)
    return py_string(value, file_quote(doc))


def opts_for_new(doc: PythonDoc, site: CallSite) -> Optional[Node]:
    """``opts=`` for a resource created next to ``site``: its parent/provider, nothing else."""
    v = kw_value(site, "opts")
    if v is None:
        return None
    if isinstance(v, (cst.Name, cst.Attribute)):
        return Code(doc.source(v))
    if isinstance(v, cst.Call) and any(q.endswith("ResourceOptions") for q in qualnames(doc, v.func)):
        keep = [(a.keyword.value, Code(doc.source(a.value))) for a in v.args
                if a.keyword is not None and a.keyword.value in ("parent", "provider", "providers")]
        if keep:
            return Call(doc.source(v.func), keep)
    return None


def role_of(doc: PythonDoc, fn: CallSite) -> Optional[CallSite]:
    """The ``iam.Role`` call site whose variable the function's ``role=`` refers to."""
    refs = references(doc, kw_value(fn, "role"))
    for r in aws_calls(doc, "iam.Role"):
        if var(r) and var(r) in refs:
            return r
    return None
