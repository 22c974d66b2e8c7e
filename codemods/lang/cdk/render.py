"""Writing CDK Python: values in the file's style (with the imports they need), and
where new keyword arguments go.

Values: Python literals (bool, int, float, str in the file's quote style, lists of
them), ``Member("aws_cdk.aws_sqs.QueueEncryption.SQS_MANAGED")`` (written as the file
refers to the module, importing it when needed: ``sqs.QueueEncryption.SQS_MANAGED``),
``Call("aws_cdk.Duration.seconds", 30)`` and ``Code(text)`` (verbatim, e.g. a variable).

Placement: a new keyword argument ranked in its class's order (``spec.ORDER`` in the
class's spelling, see ``natives.order_of``) goes before the trailing run of arguments
ranked after it; the arguments the hand-written codemods append at the end of a call
(``TRAILING``) count as ranked after every other one. So codemods applied in any order
write the same call.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence, Tuple

import libcst as cst

from iacfix.codemods.common import cdk as common
from iacfix.core import Edit, FixError
from iacfix.transforms.python import CallSite, PythonDoc, file_quote, py_string

# Keyword arguments the hand-written codemods append at the end of a call: they stay last
# unless the class's order ranks them.
TRAILING = frozenset({
    "alias",  # kms-key-alias
    "dead_letter_queue",  # dead-letter-queue
    "redrive_policy",
    "deploy_options",  # api-throttling (and api-tracing, api-access-logging on a REST API)
    "throttle",
    "method_settings",
    "default_route_settings",
    "throttling_rate_limit",
    "throttling_burst_limit",
    "access_log_destination",  # api-access-logging
    "access_log_format",
    "access_log_setting",
    "access_log_settings",
})


# ------------------------------------------------------------------ values
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


class Renderer:
    """Renders values as Python source in the file's style, collecting the imports they need."""

    def __init__(self, doc: PythonDoc, site: Optional[CallSite]):
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
        if isinstance(v, (list, tuple)):
            return "[" + ", ".join(self.value(x) for x in v) + "]"
        if isinstance(v, Code):
            return v.text
        if isinstance(v, Member):
            return self.ref(v.qualname)
        if isinstance(v, Call):
            return f"{self.ref(v.qualname)}({', '.join(self.value(a) for a in v.args)})"
        raise FixError(f"cannot write {v!r} in CDK Python")

    def call(self, qualname: str, args: Sequence[Tuple[str, str]]) -> str:
        """``Class(k=v, ...)`` from already rendered values."""
        return f"{self.ref(qualname)}({', '.join(f'{k}={v}' for k, v in args)})"

    def ref(self, qualname: str) -> str:
        """How the file names ``qualname`` (adding an import when it has to)."""
        parts = qualname.split(".")
        i = next(j for j, p in enumerate(parts) if p[:1].isupper())
        cls, rest = ".".join(parts[: i + 1]), parts[i + 1:]
        module = ".".join(parts[:i])
        if self.site is not None and cls == self.site.qualname:
            # CfnCluster.ClusterSettingsProperty: as the construct's class is written
            head = self.doc.source(self.site.call.func)
        else:
            head = self.doc.name_ref(cls)
            if head is None:
                head = self._import(module, cls)
        return ".".join([head] + rest)

    def _import(self, module: str, cls: str) -> str:
        doc = self.doc
        leaf = module.rpartition(".")[2]
        if module.startswith("aws_cdk.aws_") and imports_modules(doc):
            alias = "_lambda" if leaf == "aws_lambda" else leaf[len("aws_"):]
            key = (module, alias)
            if key not in self.imports:
                ref, edits = doc.import_name(module, alias=alias)
                self.imports[key] = edits
                return f"{ref}.{cls.rpartition('.')[2]}"
            return f"{alias}.{cls.rpartition('.')[2]}"
        key = (cls, None)
        if key not in self.imports:
            if import_from(doc, module) is not None:  # joins the module's import
                ref, edits = doc.import_name(cls)
            else:
                ref, edits = cls.rpartition(".")[2], add_sorted_import(doc, module, cls.rpartition(".")[2])
            self.imports[key] = edits
        return cls.rpartition(".")[2]

    def import_edits(self) -> List[Edit]:
        return [e for edits in self.imports.values() for e in edits]


def import_from(doc: PythonDoc, module: str) -> Optional[cst.SimpleStatementLine]:
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


def add_sorted_import(doc: PythonDoc, module: str, name: str) -> List[Edit]:
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


def imports_modules(doc: PythonDoc) -> bool:
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


# --------------------------------------------------------------- placement
def add_kwargs(doc: PythonDoc, call: cst.Call, kwargs: Sequence[Tuple[str, str]], order: Sequence[str] = ()) -> List[Edit]:
    """Add keyword arguments to ``call`` where they go whichever codemod runs first:
    each before the trailing run of arguments ``order`` ranks after it (``TRAILING``
    ones after everything), those going to one place in ``order``'s order."""
    groups: Dict[Optional[int], list] = {}
    for k, v in sorted(kwargs, key=lambda kv: _rank(kv[0], order, new=True)):
        groups.setdefault(_anchor(call, k, order), []).append((k, v))
    edits = []
    for idx, group in groups.items():
        if idx is None:
            edits += doc.add_kwargs(call, group)
        else:
            edits += doc.add_kwargs(call, group, before=call.args[idx])
    return edits


def _rank(name: Optional[str], order: Sequence[str], new: bool = False) -> Optional[float]:
    if name in order:
        return order.index(name)
    if name in TRAILING:
        return len(order)
    # a new argument no order ranks goes before the trailing conventions; an existing
    # one (the author's) ends every run
    return len(order) - 0.5 if new else None


def _anchor(call: cst.Call, name: str, order: Sequence[str]) -> Optional[int]:
    """Index of the argument the new ``name`` goes before, None for the end."""
    mine = _rank(name, order, new=True)
    args = list(call.args)
    i = len(args)
    while i > 0:
        kw = args[i - 1].keyword
        r = _rank(kw.value if kw is not None else None, order)
        if r is None or r <= mine:
            break
        i -= 1
    return None if i == len(args) else i
