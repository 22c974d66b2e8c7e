"""Declarative "required properties" detectors for AWS CDK v2 Python.

A codemod that only needs some keyword arguments on some constructs describes
them and gets a detector::

    detect = required_properties(
        {"aws_cdk.aws_kms.Key": [Prop("enable_key_rotation", Exactly(True), "key rotation")]},
        kind="KMS key",
    )

Requirements (the value of one keyword argument):

- ``Exactly(value, accept=())``: the argument must have this value (or one of
  ``accept``). Missing: the safe fix adds it. A different *known* value (a
  literal, an enum member such as ``sqs.QueueEncryption.UNENCRYPTED``): an
  unsafe finding whose fix replaces it. Anything else (a variable, a call, an
  expression): unknown, no finding.
- ``Explicit(value, reject=())``: the argument must be given; any value will do
  except a known value in ``reject`` (unsafe, replaced by ``value``).
- ``AtLeast(value, minimum, measure=None)``: the argument must be given and
  measure at least ``minimum`` (``measure(doc, node)`` reads a number, e.g. the
  days of ``Duration.days(3)``; None = unknown, no finding). Missing: the safe
  fix adds ``value``; below: unsafe, replaced by ``value``.
- ``Struct(class, {field: requirement})``: the argument is a props object
  (``dynamodb.PointInTimeRecoverySpecification(...)``, ``apigateway.StageOptions(...)``,
  ``CfnTable.PointInTimeRecoverySpecificationProperty(...)``); missing fields are
  merged into an existing call of that class. Another expression: unknown.
- ``Entry(class, (key_field, key_value), {field: requirement})``: a list whose
  entry with that key (``CfnCluster.ClusterSettingsProperty(name="containerInsights", ...)``)
  must exist and satisfy the fields; appended when missing. A list the detector
  cannot read entirely, or no list literal: unknown.

Values: Python literals (bool, int, float, str — strings in the file's quote
style — and lists of them), ``Member("aws_cdk.aws_sqs.QueueEncryption.SQS_MANAGED")`` (rendered as the
file refers to the module, importing it when needed, e.g. ``sqs.QueueEncryption.SQS_MANAGED``),
``Call("aws_cdk.Duration.seconds", Param("timeout_seconds"))``, ``Code(text)``
(verbatim, e.g. a key variable), ``Param(name, convert)`` (from ``ctx.params``) and
``Invalid(reason)`` (what a conversion returns for a parameter value it cannot
write: the gap is reported, its fix fails with the reason).

A ``Prop`` is not required when the construct has one of its ``unless``
keywords (``encryption_master_key`` implies KMS encryption). A resource's list
of props may be a function ``(doc, site, params) -> [Prop]`` that chooses between
alternatives (``point_in_time_recovery`` vs ``point_in_time_recovery_specification``).
``when(doc, site, params)`` skips resources (asymmetric KMS keys).
``unsafe=True`` makes every gap of the detector unsafe (missing props too). A construct
built with ``**kwargs`` is unknown.

One Gap per construct (detail ""), whose fix writes every missing argument and,
when the gap is unsafe, replaces the known wrong ones.

Where new keyword arguments go: codemods compose in any order, so the place of
an argument must not depend on which other codemod ran first. The arguments the
other codemods append at the end of a call (LATER) stay last: new ones go just
before the run of LATER arguments that ends the call (one written mid-call by
the author does not count). The arguments several of these codemods add to one
Lambda function follow RANKED's order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple, Union

import libcst as cst

from iacfix.codemods.common import cdk as common
from iacfix.core import Edit, FixError, Gap, apply_edits
from iacfix.transforms.python import CallSite, PythonDoc, file_quote, kwarg, parse, py_string

# Keyword arguments the other codemods append at the end of a call.
LATER = {
    "alias",  # kms-key-alias
    "dead_letter_queue",  # dead-letter-queue
    "redrive_policy",
    "deploy_options",  # api-throttling
    "throttle",
    "method_settings",
    "default_route_settings",
    "throttling_rate_limit",
    "throttling_burst_limit",
    "access_log_destination",  # api-access-logging (written just before api-throttling's)
    "access_log_format",
    "access_log_setting",
    "access_log_settings",
}
# Keyword arguments that several codemods add to one call, in the order they are written.
RANKED = (
    "timeout",
    "memory_size",
    "reserved_concurrent_executions",
    "log_retention",
    "tracing",  # lambda-tracing
    "tracing_config",
)


# ------------------------------------------------------------------------ spec
@dataclass(frozen=True)
class Param:
    """A value taken from the codemod's parameters, optionally converted."""

    name: str
    convert: Optional[Callable[[Any], Any]] = None


@dataclass(frozen=True)
class Member:
    """An enum member or class attribute: "aws_cdk.aws_sqs.QueueEncryption.SQS_MANAGED"."""

    qualname: str


@dataclass(frozen=True)
class Call:
    """A call of a class method or class: Call("aws_cdk.Duration.seconds", 30)."""

    qualname: str
    args: Tuple[Any, ...] = ()

    def __init__(self, qualname: str, *args: Any):
        object.__setattr__(self, "qualname", qualname)
        object.__setattr__(self, "args", args)


@dataclass(frozen=True)
class Code:
    """Python source written as is (e.g. a variable of the file)."""

    text: str


@dataclass(frozen=True)
class Invalid:
    """A parameter value that cannot be written (the fix fails with ``reason``)."""

    reason: str


@dataclass(frozen=True)
class Exactly:
    value: Any
    accept: Tuple[Any, ...] = ()


@dataclass(frozen=True)
class Explicit:
    value: Any
    reject: Tuple[Any, ...] = ()


@dataclass(frozen=True)
class Struct:
    qualname: str
    fields: Dict[str, Any] = field(default_factory=dict)  # keyword -> requirement


@dataclass(frozen=True)
class Entry:
    qualname: str
    key: Tuple[str, Any]
    fields: Dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class AtLeast:
    """A quantity of at least ``minimum``: ``measure(doc, node)`` reads the file's value as a
    number (None: unknown; default: a numeric literal). Below ``minimum``: unsafe, replaced
    by ``value``."""

    value: Any
    minimum: Any
    measure: Optional[Callable[[PythonDoc, cst.BaseExpression], Optional[float]]] = None


Requirement = Union[Exactly, Explicit, AtLeast, Struct, Entry]


@dataclass(frozen=True)
class Prop:
    name: str
    requirement: Any
    label: str  # "key rotation", "timeout"
    wrong: str = "has {label} disabled"  # message when a known value is wrong (unsafe)
    unless: Tuple[str, ...] = ()


Props = Union[Sequence[Prop], Callable[[PythonDoc, CallSite, dict], Sequence[Prop]]]


# ------------------------------------------------------------------- detector
def required_properties(
    resources: Dict[str, Props],
    kind: Union[str, Dict[str, str]],
    when: Optional[Callable[[PythonDoc, CallSite, dict], bool]] = None,
    detail: str = "",
    unsafe: bool = False,
):
    """A detector for constructs (qualified class names) that must have ``Prop``s.

    ``unsafe``: every gap is unsafe, a missing property too (a fix that replaces the
    resource, e.g. enabling RDS storage encryption); give such props their own detector
    and ``detail`` so that the safe ones are still fixed by default."""

    def detect(doc, ctx):
        sites = doc.calls(*resources)
        if not sites or common.is_cdk_v1(doc):
            return
        for site in sites:
            if site.has_star_kwargs():
                continue
            if when is not None and not when(doc, site, ctx.params):
                continue
            props = resources[site.qualname]
            if callable(props):
                props = props(doc, site, ctx.params)
            gap = check(
                doc, site, props, ctx.params, kind if isinstance(kind, str) else kind[site.qualname], detail, unsafe
            )
            if gap is not None:
                yield gap

    return detect


def check(doc, site, props, params, kind, detail="", unsafe=False) -> Optional[Gap]:
    """The Gap of one construct, or None when it is compliant or unknown."""
    props = [_resolved(p, params) for p in props]
    missing, wrong = [], []
    for p in props:
        if any(site.kwarg(k) is not None for k in p.unless):
            continue
        status = _status(doc, site, site.call, p.name, p.requirement)
        if status == MISSING:
            missing.append(p)
        elif status == WRONG:
            wrong.append(p)
    if not missing and not wrong:
        return None
    name = common.name_of(site)
    parts = []
    if missing:
        parts.append("has no " + _join([p.label for p in missing]))
    parts += [p.wrong.format(label=p.label) for p in wrong]
    todo = missing + wrong
    return Gap(
        line=site.line,
        column=site.column,
        end_line=site.end_line,
        resource_type=site.qualname.replace("aws_cdk.", "", 1),
        resource_name=name,
        message=f"{kind} '{name}' " + " and ".join(parts),
        fix=lambda: _fix(doc, site, todo),
        unsafe=bool(wrong) or unsafe,
        detail=detail,
    )


def _join(labels: List[str]) -> str:
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " or " + labels[-1]


# ----------------------------------------------------------------- evaluation
OK, MISSING, WRONG, UNKNOWN = "ok", "missing", "wrong", "unknown"


def _status(doc, site, call, name, req) -> str:
    arg = kwarg(call, name)
    if arg is None:
        return MISSING
    return _value_status(doc, site, arg.value, req)


def _value_status(doc, site, node, req) -> str:
    if isinstance(req, Exactly):
        known = _known(doc, node)
        if known is None:
            return UNKNOWN
        return OK if known in [_canonical(v) for v in (req.value, *req.accept)] else WRONG
    if isinstance(req, Explicit):
        known = _known(doc, node)
        return WRONG if known is not None and known in [_canonical(v) for v in req.reject] else OK
    if isinstance(req, AtLeast):
        n = (req.measure or (lambda _doc, n: common.number(n)))(doc, node)
        if n is None:
            return UNKNOWN
        return OK if n >= req.minimum else WRONG
    if isinstance(req, Struct):
        if not _is_call_of(doc, node, req.qualname):
            return UNKNOWN
        return _combine([_status(doc, site, node, k, r) for k, r in req.fields.items()])
    if isinstance(req, Entry):
        entry = _find_entry(doc, node, req)
        if entry is UNKNOWN:
            return UNKNOWN
        if entry is None:
            return MISSING
        return _combine([_status(doc, site, entry, k, r) for k, r in req.fields.items()])
    raise TypeError(f"not a requirement: {req!r}")


def _combine(statuses: List[str]) -> str:
    """A structure's status: unknown wins (no finding), then wrong, then missing."""
    for s in (UNKNOWN, WRONG, MISSING):
        if s in statuses:
            return s
    return OK


def _known(doc, node):
    """A comparable form of a literal or enum member, else None (unknown)."""
    b = common.boolean(node)
    if b is not None:
        return ("lit", b)
    n = common.number(node)
    if n is not None:
        return ("lit", n)
    s = common.string(node)
    if s is not None:
        return ("lit", s)
    if isinstance(node, cst.Attribute) and node.attr.value.isupper():
        for q in doc.qualified_names(node):
            if q.startswith("aws_cdk."):
                return ("member", q)
    return None


def _canonical(value):
    if isinstance(value, Member):
        return ("member", value.qualname)
    if isinstance(value, bool):
        return ("lit", value)
    if isinstance(value, (int, float)):
        return ("lit", float(value))
    return ("lit", value)


def _is_call_of(doc, node, qualname) -> bool:
    return (
        isinstance(node, cst.Call)
        and qualname in doc.qualified_names(node.func)
        and not any(a.star for a in node.args)
    )


def _find_entry(doc, node, req: Entry):
    """The entry call with the key, None when the list has none, UNKNOWN when unreadable."""
    if not isinstance(node, cst.List):
        return UNKNOWN
    key_field, key_value = req.key
    found = None
    for el in node.elements:
        if not isinstance(el, cst.Element) or not _is_call_of(doc, el.value, req.qualname):
            return UNKNOWN
        k = kwarg(el.value, key_field)
        known = _known(doc, k.value) if k is not None else None
        if known is None:
            return UNKNOWN
        if known == _canonical(key_value):
            found = el.value
    return found


# ------------------------------------------------------------------- resolving
def _resolved(p: Prop, params) -> Prop:
    return Prop(p.name, _resolve(p.requirement, params), p.label, p.wrong, p.unless)


def _resolve(x, params):
    if isinstance(x, Param):
        v = params[x.name]
        return _resolve(x.convert(v) if x.convert else v, params)
    if isinstance(x, Exactly):
        return Exactly(_resolve(x.value, params), tuple(_resolve(v, params) for v in x.accept))
    if isinstance(x, Explicit):
        return Explicit(_resolve(x.value, params), tuple(_resolve(v, params) for v in x.reject))
    if isinstance(x, AtLeast):
        return AtLeast(_resolve(x.value, params), _resolve(x.minimum, params), x.measure)
    if isinstance(x, Struct):
        return Struct(x.qualname, {k: _resolve(v, params) for k, v in x.fields.items()})
    if isinstance(x, Entry):
        return Entry(
            x.qualname, (x.key[0], _resolve(x.key[1], params)), {k: _resolve(v, params) for k, v in x.fields.items()}
        )
    if isinstance(x, Call):
        return Call(x.qualname, *(_resolve(a, params) for a in x.args))
    return x


# ------------------------------------------------------------------------ fix
class _Renderer:
    """Renders values as Python source in the file's style, collecting the imports they need."""

    def __init__(self, doc: PythonDoc, site: CallSite):
        self.doc, self.site = doc, site
        self.imports: Dict[Tuple[str, Optional[str]], List[Edit]] = {}
        self.quote = file_quote(doc)

    def value(self, v) -> str:
        if isinstance(v, bool):
            return "True" if v else "False"
        if isinstance(v, (int, float)):
            return common.num_code(v)
        if isinstance(v, str):
            return py_string(v, self.quote)
        if isinstance(v, list):
            return "[" + ", ".join(self.value(x) for x in v) + "]"
        if isinstance(v, Code):
            return v.text
        if isinstance(v, Invalid):
            raise FixError(v.reason)
        if isinstance(v, Member):
            return self.ref(v.qualname)
        if isinstance(v, Call):
            return f"{self.ref(v.qualname)}({', '.join(self.value(a) for a in v.args)})"
        if isinstance(v, (Exactly, Explicit, AtLeast)):
            return self.value(v.value)
        if isinstance(v, Struct):
            return self.call(v.qualname, v.fields)
        if isinstance(v, Entry):
            return f"[{self.entry(v)}]"
        raise TypeError(f"cannot render {v!r}")

    def entry(self, e: Entry) -> str:
        return self.call(e.qualname, {e.key[0]: Exactly(e.key[1]), **e.fields})

    def call(self, qualname, fields) -> str:
        args = ", ".join(f"{k}={self.value(r)}" for k, r in fields.items())
        return f"{self.ref(qualname)}({args})"

    def ref(self, qualname: str) -> str:
        """How the file names ``qualname`` (adding an import when it has to)."""
        parts = qualname.split(".")
        i = next(j for j, p in enumerate(parts) if p[:1].isupper())
        cls, rest = ".".join(parts[: i + 1]), parts[i + 1:]
        module = ".".join(parts[:i])
        if cls == self.site.qualname:  # CfnCluster.ClusterSettingsProperty: as the construct's class is written
            head = self.doc.source(self.site.call.func)
        else:
            head = self.doc.name_ref(cls)
            if head is None:
                head = self._import(module, cls)
        return ".".join([head] + rest)

    def _import(self, module: str, cls: str) -> str:
        doc = self.doc
        leaf = module.rpartition(".")[2]
        if module.startswith("aws_cdk.aws_") and _imports_modules(doc):
            alias = "_lambda" if leaf == "aws_lambda" else leaf[len("aws_"):]
            key = (module, alias)
            if key not in self.imports:
                ref, edits = doc.import_name(module, alias=alias)
                self.imports[key] = edits
                return f"{ref}.{cls.rpartition('.')[2]}"
            return f"{alias}.{cls.rpartition('.')[2]}"
        key = (cls, None)
        if key not in self.imports:
            if _import_from(doc, module) is not None:  # joins the module's import
                ref, edits = doc.import_name(cls)
            else:
                ref, edits = cls.rpartition(".")[2], _add_sorted_import(doc, module, cls.rpartition(".")[2])
            self.imports[key] = edits
        return cls.rpartition(".")[2]

    def import_edits(self) -> List[Edit]:
        return [e for edits in self.imports.values() for e in edits]


def _import_from(doc: PythonDoc, module: str) -> Optional[cst.SimpleStatementLine]:
    """The top-level ``from <module> import ...`` statement, if any."""
    for stmt in doc.module.body:
        if isinstance(stmt, cst.SimpleStatementLine):
            for small in stmt.body:
                if (
                    isinstance(small, cst.ImportFrom)
                    and small.module is not None
                    and not small.relative
                    and doc.code(small.module) == module
                ):
                    return stmt
    return None


def _add_sorted_import(doc: PythonDoc, module: str, name: str) -> List[Edit]:
    """``from <module> import <name>`` among the file's ``aws_cdk`` imports, where isort puts it
    (after the last one whose module sorts before it, else before the first)."""
    line = f"from {module} import {name}"
    cdk = []
    for stmt in doc.module.body:
        if isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1:
            small = stmt.body[0]
            if isinstance(small, cst.ImportFrom) and small.module is not None and not small.relative:
                mod = doc.code(small.module)
                if mod == "aws_cdk" or mod.startswith("aws_cdk."):
                    cdk.append((mod, stmt))
    if not cdk:
        return doc.add_import(line)
    before = [stmt for mod, stmt in cdk if mod < module]
    if before:
        return doc.insert_after_statement(before[-1], line)
    return doc.insert_before_statement(cdk[0][1], line)


def _imports_modules(doc: PythonDoc) -> bool:
    """Does the file import CDK service modules (``from aws_cdk import aws_sqs as sqs``)?"""
    for stmt in doc.module.body:
        if not isinstance(stmt, cst.SimpleStatementLine):
            continue
        for small in stmt.body:
            if (
                isinstance(small, cst.ImportFrom)
                and small.module is not None
                and doc.code(small.module) == "aws_cdk"
                and not isinstance(small.names, cst.ImportStar)
                and any(doc.code(a.name).startswith("aws_") for a in small.names)
            ):
                return True
    return False


def _fix(doc, site, props) -> List[Edit]:
    r = _Renderer(doc, site)
    reqs = [(p.name, p.requirement) for p in props]
    edits = _fix_call(doc, site, site.call, reqs, r)
    try:
        apply_edits(doc.text, edits)
    except ValueError:  # a replaced value where the new arguments go (e.g. the last argument)
        edits = _fix_in_two_steps(doc, site, reqs, r)
    return r.import_edits() + edits


def _fix_in_two_steps(doc, site, reqs, r: _Renderer) -> List[Edit]:
    """Replace the wrong values, then add the missing arguments to the re-parsed call:
    one edit for the whole call."""
    given = [(k, q) for k, q in reqs if kwarg(site.call, k) is not None]
    absent = [(k, q) for k, q in reqs if kwarg(site.call, k) is None]
    for _, q in absent:
        r.value(q)  # the imports they need are added to the original file
    start, end = doc.start(site.call), doc.end(site.call)
    text = apply_edits(doc.text, _fix_call(doc, site, site.call, given, r))
    doc2 = parse(text)
    site2 = next((s for s in doc2.calls(site.qualname) if doc2.start(s.call) == start), None)
    if site2 is None:
        raise FixError("the construct moved while its values were replaced")
    r2 = _Renderer(doc2, site2)
    r2.imports = {k: [] for k in r.imports}
    text = apply_edits(text, _fix_call(doc2, site2, site2.call, absent, r2))
    if r2.import_edits():
        raise FixError("unexpected import while adding arguments")
    return [Edit(start, end, text[start: end + len(text) - len(doc.text)])]


def _fix_call(doc, site, call, reqs, r: _Renderer) -> List[Edit]:
    """Edits making the arguments ``reqs`` ((keyword, requirement)) of ``call`` compliant."""
    add, edits = [], []
    for name, req in reqs:
        arg = kwarg(call, name)
        if arg is None:
            add.append((name, r.value(req)))
            continue
        status = _value_status(doc, site, arg.value, req)
        if status != WRONG and status != MISSING:
            continue
        if isinstance(req, (Exactly, Explicit, AtLeast)):
            edits += doc.replace_node(arg.value, r.value(req.value))
        elif isinstance(req, Struct):
            edits += _fix_call(doc, site, arg.value, list(req.fields.items()), r)
        elif isinstance(req, Entry):
            entry = _find_entry(doc, arg.value, req)
            if entry is None and not arg.value.elements:  # [] → [Entry(...)], laid out to fit
                start = doc.range(arg.value).start
                indent = doc.lines.indent_of(start.line)
                used = start.column - len(indent) + 1  # and a trailing comma
                edits += doc.replace_node(arg.value, doc.fit(f"[{r.entry(req)}]", indent, used))
            elif entry is None:
                edits += doc.add_list_element(arg.value, r.entry(req))
            else:
                edits += _fix_call(doc, site, entry, list(req.fields.items()), r)
    return edits + add_kwargs(doc, call, add)


def add_kwargs(doc: PythonDoc, call: cst.Call, kwargs) -> List[Edit]:
    """Add keyword arguments where they go whichever codemod runs first (see LATER, RANKED)."""
    groups: Dict[Optional[int], list] = {}
    for k, v in kwargs:
        groups.setdefault(_anchor(call, k), []).append((k, v))
    edits = []
    for idx, group in groups.items():
        if idx is None:
            edits += doc.add_kwargs(call, group)
        else:
            edits += doc.add_kwargs(call, group, before=call.args[idx])
    return edits


def _anchor(call: cst.Call, name: str) -> Optional[int]:
    """Index of the argument the new ``name`` goes before, None for the end."""
    args = list(call.args)
    tail = len(args)  # where the trailing run of LATER arguments starts
    while tail > 0 and args[tail - 1].keyword is not None and args[tail - 1].keyword.value in LATER:
        tail -= 1
    for i, a in enumerate(args):
        if i == tail and name not in LATER:
            return i
        k = a.keyword.value if a.keyword is not None else None
        if k in RANKED and name in RANKED and RANKED.index(k) > RANKED.index(name):
            return i
    return None
