"""Conventions of Pulumi Python programs (pulumi_aws) shared by the codemods.

- finding resources (``aws_calls``), their names and variables (``name_node``,
  ``var``, ``label``), their properties (``props_call``: the call itself or its
  ``XxxArgs``), what references what (``references``);
- how the program imports ``pulumi`` and ``pulumi_aws`` (``pulumi_name``, ``aws_name``);
- the environment suffix the program uses, else ``pulumi.get_stack()`` (``env_value``);
- naming a new resource after the one it serves (``derive_name``/``derive_var``);
- what a new resource takes over from its neighbour's ``opts`` (``opts_for_new``).

Editing itself (adding arguments, new statements, laying out values) is the Python
editor's (``iacfix.transforms.python``). Pulumi programs keep ``tags=`` and ``opts=``
last: new properties go before them (``LAST``).
"""

from __future__ import annotations

import re
from typing import List as TList, Optional, Sequence, Tuple

import libcst as cst
from libcst import matchers as m

from iacfix.codemods.common.aws import (
    LAMBDA_LOG_GROUP_PREFIX, NOT_COPIED_TAGS, NOT_WRITTEN, QUICK_CREATE_ARGUMENTS, QUICK_CREATE_INSTEAD, quick_create_message,
)
from iacfix.codemods.common.aws import engine_family as aws_engine_family
from iacfix.core import Edit, FixError, Gap, module_docs
from iacfix.transforms import python as py
from iacfix.transforms.python import CallSite, PythonDoc, file_quote, name_key  # noqa: F401 - name_key: the codemods'

AWS = "pulumi_aws"
TOOL = "pulumi"

# Names a Pulumi program gives its environment/stage, most specific first.
ENV_NAMES = ("environment_suffix", "env_suffix", "environment", "env", "stage", "stack")

# Arguments a Pulumi program writes last: new properties go before them.
LAST = ("tags", "opts")


def camel(name: str) -> str:
    """A snake_case property as a camelCase dict key (``point_in_time_recovery`` → ``pointInTimeRecovery``)."""
    head, *rest = name.split("_")
    return head + "".join(w[:1].upper() + w[1:] for w in rest)


def cached(doc: PythonDoc, key, compute):
    """Per-document memo (``PythonDoc.memo``): walking the whole tree once per resource is
    too slow on big programs."""
    return doc.memo(key, compute)


def assignments(doc: PythonDoc) -> TList[Tuple[cst.CSTNode, TList[str], cst.BaseExpression]]:
    """Every ``target = value`` / ``target: T = value`` of the file: (node, target codes, value)."""
    def compute():
        out = []
        for node in doc.assignments:
            if node.value is None:
                continue
            targets = [t.target for t in node.targets] if isinstance(node, cst.Assign) else [node.target]
            out.append((node, [doc.code(t) for t in targets], node.value))
        return out
    return cached(doc, "assignments", compute)


def names_in_use(doc: PythonDoc) -> set:
    return cached(doc, "names", lambda: {doc.code(n) for n in m.findall(doc.module, m.Name() | m.Attribute())})


def copied_tags(doc: PythonDoc, site: CallSite) -> Optional[str]:
    """Source for the ``tags=`` of a resource created to serve ``site`` (its dead-letter queue,
    log group, alarm): its tags as written, without the entries of a dict literal that name it
    or trace it to its code (``NOT_COPIED_TAGS``); None when it has none to copy."""
    node = kw_value(site, "tags")
    if node is None:
        return None
    if not isinstance(node, cst.Dict) or not any(
            isinstance(el, cst.DictElement) and literal(el.key) in NOT_COPIED_TAGS for el in node.elements):
        return doc.source(node)
    kept = [el for el in node.elements
            if not (isinstance(el, cst.DictElement) and literal(el.key) in NOT_COPIED_TAGS)]
    if not kept:
        return None
    return "{" + ", ".join(
        f"{doc.code(el.key)}: {doc.code(el.value)}" if isinstance(el, cst.DictElement) else f"**{doc.code(el.value)}"
        for el in kept) + "}"


def kwarg_values(doc: PythonDoc, keyword: str) -> TList[cst.BaseExpression]:
    """Values of every ``keyword=`` argument in the file."""
    return [a.value for a in doc.keyword_args.get(keyword, ())]


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


def quick_created_apis(doc: PythonDoc) -> TList[CallSite]:
    """``apigatewayv2.Api`` resources created with ``target=`` / ``route_key=`` (quick create,
    ``aws.QUICK_CREATE_ARGUMENTS``): API Gateway makes their ``$default`` stage itself, so no
    stage of the program can carry its settings. Arguments we cannot read (``**kwargs``): not
    counted."""
    return [api for api in aws_calls(doc, "apigatewayv2.Api")
            if not has_splat(api) and any(kw_value(api, a) is not None for a in QUICK_CREATE_ARGUMENTS)]


def quick_create_gap(api: CallSite, lacks: str, detail: str) -> Gap:
    """The finding on a quick-created HTTP API (reported: there is no stage to edit)."""
    instead = ", ".join(f"aws.{kind}" for kind in QUICK_CREATE_INSTEAD)
    return Gap(**where(api), resource_type=rtype(api), resource_name=label(api),
               message=quick_create_message(display(api), lacks, instead), detail=detail)


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
    for name, line in _imported_names(doc).items():  # ``from settings import environment_suffix``
        found.setdefault(name, line)
    return found


def _imported_names(doc: PythonDoc) -> dict:
    """Names the file imports at module level with ``from X import name`` → the import's line."""
    out = {}
    for stmt in doc.module.body:
        if not isinstance(stmt, cst.SimpleStatementLine):
            continue
        for small in stmt.body:
            if isinstance(small, cst.ImportFrom) and not isinstance(small.names, cst.ImportStar):
                for a in small.names:
                    local = a.asname.name if a.asname is not None else a.name
                    if isinstance(local, cst.Name):
                        out.setdefault(local.value, doc.range(stmt).start.line)
    return out


def _program_env(doc: PythonDoc) -> Optional[Tuple[str, str]]:
    """(module, name) of the environment suffix another file of the program defines at module
    level, where this file can import it: a file of the same directory that the program already
    imports (importing a file nobody imports would run its resources) and that does not import
    this file (no import cycle)."""
    here = getattr(doc, "path", "")
    folder, _, mine = here.replace("\\", "/").rpartition("/")
    mine = mine[:-3] if mine.endswith(".py") else mine
    docs = module_docs(doc)
    for name in ENV_NAMES:
        for path, other in docs:
            o_folder, _, o_file = path.replace("\\", "/").rpartition("/")
            if other is doc or o_folder != folder or not o_file.endswith(".py") or o_file == "__init__.py":
                continue
            stem = o_file[:-3]
            if not stem.isidentifier() or _imports(other, mine):
                continue
            imported = any(_imports(d, stem) for p, d in docs if d is not other)
            for node, targets, value in assignments(other) if imported else ():
                if name in targets and other.enclosing(node, cst.FunctionDef) is None \
                        and other.enclosing(node, cst.ClassDef) is None and not _is_resource(other, value):
                    return stem, name
            # a file of the program imports it from a settings module (one without resources,
            # so not read as Pulumi): import it from there too
            source = _import_source(other, name)
            if source is not None and source != mine and "." not in source:
                return source, name
    return None


def _import_source(doc: PythonDoc, name: str) -> Optional[str]:
    """The module a module-level ``from <module> import name`` of the file takes ``name`` from."""
    for stmt in doc.module.body:
        if not isinstance(stmt, cst.SimpleStatementLine):
            continue
        for small in stmt.body:
            if (isinstance(small, cst.ImportFrom) and not isinstance(small.names, cst.ImportStar)
                    and small.module is not None and not small.relative):
                if any(a.asname is None and isinstance(a.name, cst.Name) and a.name.value == name for a in small.names):
                    return doc.code(small.module)
    return None


def _imports(doc: PythonDoc, module: str) -> bool:
    """Whether the file imports the (top-level, same-directory) ``module``."""
    return re.search(rf"^[ \t]*(from[ \t]+{re.escape(module)}[ \t]+import|import[ \t]+{re.escape(module)}\b)",
                     doc.text, re.MULTILINE) is not None


def _is_resource(doc: PythonDoc, value: cst.BaseExpression) -> bool:
    if isinstance(value, cst.Call):
        return any(q.startswith(AWS + ".") for q in doc.qualified_names(value.func))
    return False


def pulumi_name(doc: PythonDoc, name: str) -> Tuple[str, TList[Edit]]:
    """How to write ``pulumi.<name>`` here, adding ``import pulumi`` when the file lacks it."""
    ref = doc.name_ref(f"pulumi.{name}")
    if ref:
        return ref, []
    if _imports_from_pulumi(doc):  # from pulumi import Config, export: the name joins them
        return doc.import_name(f"pulumi.{name}")
    # "import pulumi" sorts right before the pulumi_aws import
    for stmt in doc.module.body:
        if isinstance(stmt, cst.SimpleStatementLine) and isinstance(stmt.body[0], (cst.Import, cst.ImportFrom)):
            if re.match(r"(import|from)\s+pulumi_aws\b", doc.code(stmt).strip()):
                off = doc.lines.line_start(doc.range(stmt).start.line)
                return f"pulumi.{name}", [Edit(off, off, "import pulumi\n")]
    return f"pulumi.{name}", doc.add_import("import pulumi")


def _imports_from_pulumi(doc: PythonDoc) -> bool:
    """The file takes pulumi's names with ``from pulumi import ...`` and has no ``import pulumi``."""
    found = False
    for stmt in doc.module.body:
        if isinstance(stmt, cst.SimpleStatementLine):
            for small in stmt.body:
                if isinstance(small, cst.Import) and any(doc.code(a.name) == "pulumi" for a in small.names):
                    return False
                if (isinstance(small, cst.ImportFrom) and small.module is not None and not small.relative
                        and doc.code(small.module) == "pulumi" and not isinstance(small.names, cst.ImportStar)):
                    found = True
    return found


def aws_name(doc: PythonDoc, qual: str) -> Tuple[str, TList[Edit]]:
    """How to write ``pulumi_aws.<qual>`` (e.g. "sqs.Queue") here, plus any import edits."""
    full = f"{AWS}.{qual}"
    ref = doc.name_ref(full)
    if ref:
        return ref, []
    mod, _, cls = full.rpartition(".")
    mref, edits = doc.ensure_module(mod)
    return f"{mref}.{cls}", edits


def env_value(doc: PythonDoc, site: Optional[CallSite], line: Optional[int] = None) -> Tuple[str, TList[Edit]]:
    """The environment expression: the file's own, else the program's (imported from the file
    that defines it), else ``pulumi.get_stack()`` (the stack is the environment)."""
    env = env_suffix(doc, site, line)
    if env:
        return env, []
    shared = _program_env(doc)
    if shared is not None:  # the program's own suffix, defined in another file: import it
        return doc.import_name(f"{shared[0]}.{shared[1]}")
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


# -------------------------------------------------------------- new code
def statement_code(doc: PythonDoc, like: CallSite, target: Optional[str], func: str,
                   args: Sequence[Tuple[Optional[str], py.Value]]) -> str:
    """A new ``target = func(args)`` statement (unindented) laid out like ``like``'s call,
    to go next to its statement."""
    prefix = f"{target} = " if target else ""
    return doc.render_call(prefix, func, args, like=like.call, indent=doc.statement_indent(statement(like)))


def opts_for_new(doc: PythonDoc, site: CallSite) -> Optional[py.Node]:
    """``opts=`` for a resource created next to ``site``: its parent/provider, nothing else."""
    v = kw_value(site, "opts")
    if v is None:
        return None
    if isinstance(v, (cst.Name, cst.Attribute)):
        return py.Code(doc.source(v))
    if isinstance(v, cst.Call) and any(q.endswith("ResourceOptions") for q in doc.qualified_names(v.func)):
        keep = [(a.keyword.value, py.Code(doc.source(a.value))) for a in v.args
                if a.keyword is not None and a.keyword.value in ("parent", "provider", "providers")]
        if keep:
            return py.Call(doc.source(v.func), keep)
    return None


def role_of(doc: PythonDoc, fn: CallSite) -> Optional[CallSite]:
    """The ``iam.Role`` call site whose variable the function's ``role=`` refers to."""
    refs = references(doc, kw_value(fn, "role"))
    for r in aws_calls(doc, "iam.Role"):
        if var(r) and var(r) in refs:
            return r
    return None


def role_in_program(doc: PythonDoc, fn: CallSite) -> Optional[Tuple[str, PythonDoc, CallSite]]:
    """(path, file, ``iam.Role`` call) the function's ``role=`` refers to: a role of this file,
    or a role assigned to a variable of another file of the program that this file imports
    (``from iam import role`` … ``role=role.arn``, ``import iam`` … ``role=iam.role.arn``).
    The path is "" for this file."""
    own = role_of(doc, fn)
    if own is not None:
        return "", doc, own
    value = kw_value(fn, "role")
    if not isinstance(value, cst.Attribute) or value.attr.value not in ("arn", "id", "name"):
        return None
    for q in doc.qualified_names(value.value):
        module, _, name = q.lstrip(".").rpartition(".")
        if not module:
            continue
        stem = module.rpartition(".")[2]
        for path, other in module_docs(doc):
            if other is doc:
                continue
            parts = path.replace("\\", "/").split("/")
            if parts[-1] != stem + ".py" and not (parts[-1] == "__init__.py" and len(parts) > 1 and parts[-2] == stem):
                continue
            for r in aws_calls(other, "iam.Role"):
                if var(r) == name and other.enclosing(r.call, cst.FunctionDef) is None:
                    return path, other, r
    return None


# ------------------------------------------------------------ a function's log group
def function_log_group_names(doc, fn) -> set:
    """The names (``name_key``) a log group can have to be the one the function ``fn``
    logs to: ``/aws/lambda/`` and its ``name``, or ``<its variable>.name``."""
    out = set()
    key = name_key(doc, kw_value(fn, "name"))
    if key is not None:
        out.add(LAMBDA_LOG_GROUP_PREFIX + key)
    if var(fn):
        out |= {f"{LAMBDA_LOG_GROUP_PREFIX}{{{var(fn)}.{a}}}" for a in ("name", "id")}
    return out


def logs_elsewhere(fn) -> bool:
    """Does the function send its logs to a log group it names (``logging_config``)?"""
    cfg = kw_value(fn, "logging_config")
    if cfg is None:
        return False
    if isinstance(cfg, cst.Call):
        return kw_value(cfg, "log_group") is not None
    if isinstance(cfg, cst.Dict):
        return dict_get(cfg, "log_group") is not None or dict_get(cfg, "logGroup") is not None
    return True  # a value we cannot read: it may name one


def function_log_groups(doc: PythonDoc) -> set:
    """Variables of ``doc``'s log groups that a Lambda function of the file logs to: named
    ``/aws/lambda/<its name>`` (or from ``<function>.name``), or its ``logging_config``'s."""
    names, refs = set(), set()
    for fn in aws_calls(doc, "lambda_.Function"):
        names |= function_log_group_names(doc, fn)
        cfg = kw_value(fn, "logging_config")
        if cfg is not None:
            refs |= references(doc, cfg)
    out = set()
    for g in aws_calls(doc, "cloudwatch.LogGroup"):
        v = var(g)
        if v and (v in refs or f"{v}.name" in refs or name_key(doc, kw_value(g, "name")) in names):
            out.add(v)
    return out


def edge_functions(doc: PythonDoc) -> set:
    """The references inside a ``cloudfront.Distribution`` of a Pulumi program that has
    ``lambda_function_associations`` (Lambda@Edge): a function named there cannot have a
    dead-letter queue, and its metrics are reported where it runs. A function ``fn`` is at the
    edge when ``fn`` or ``fn.<attribute>`` is among them."""
    refs = set()
    for d in aws_calls(doc, "cloudfront.Distribution"):
        if "lambda_function_associations" in doc.code(d.call):
            refs |= references(doc, d.call)
    return refs


def at_edge(edge: set, name: str) -> bool:
    return any(r == name or r.startswith(name + ".") for r in edge)


# -------------------------------------------------------------- parameter groups
# (rds-parameter-group, elasticache-parameter-group)


def present(site: CallSite, name: str) -> bool:
    """Whether the resource sets keyword ``name`` to something other than None."""
    v = kw_value(site, name)
    return v is not None and literal(v) is not None


def _engine_literal(node):
    """A keyword's literal; ``aws.rds.EngineType.AURORA_POSTGRESQL`` reads as its value."""
    v = literal(node)
    if (v is UNKNOWN and isinstance(node, cst.Attribute) and isinstance(node.value, cst.Attribute)
            and node.value.attr.value == "EngineType"):
        return node.attr.value.lower().replace("_", "-")
    return v


def engine_family(site: CallSite, family_of, default_engine: Optional[str] = None,
                  no_engine: str = "it does not name its engine"):
    """``aws.engine_family`` of the resource's ``engine`` and ``engine_version`` literals."""
    engine, version = kw_value(site, "engine"), kw_value(site, "engine_version")
    e = None if engine is None or literal(engine) is None else _engine_literal(engine)
    v = None if version is None else literal(version)
    return aws_engine_family(e if e is None or isinstance(e, str) else NOT_WRITTEN,
                             v if v is None or isinstance(v, str) else NOT_WRITTEN,
                             family_of, default_engine, no_engine, where="program")


def group_before(doc: PythonDoc, served: CallSite, cls_qual: str, name_kw: str, word: str,
                 args: Sequence[Tuple[str, py.Value]]) -> Tuple[str, TList[Edit]]:
    """(variable, edits) of a new resource of ``cls_qual`` (``rds.ParameterGroup``) created for
    ``served`` right before its statement: its Pulumi name and, where ``served`` has an explicit
    ``name_kw``, its name, derived with ``word``; then ``args``, ``served``'s tags and
    parent/provider."""
    cls, edits = aws_name(doc, cls_qual)
    new = [(None, py.Code(derive_name(doc, name_node(served), word)))]
    name = kw_value(served, name_kw)
    if name is not None and literal(name) is not None:
        new.append(("name", py.Code(derive_name(doc, name, word))))
    new += list(args)
    tags = copied_tags(doc, served)
    if tags is not None:
        new.append(("tags", py.Code(tags)))
    opts = opts_for_new(doc, served)
    if opts is not None:
        new.append(("opts", opts))
    var_name = derive_var(doc, var(served) or var_from_name(served), word, "parameter_group")
    code = statement_code(doc, served, var_name, cls, new)
    return var_name, edits + doc.insert_before_statement(statement(served), code, blank_line=None)
