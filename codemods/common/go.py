"""Conventions of CDK Go programs shared by the hand-written Go detectors.

- ``method_calls(doc, method)``: ``<variable>.<Method>(args)`` calls (``role.AddManagedPolicy(p)``,
  ``key.AddAlias(a)``), the receiver a variable, not an imported package;
- ``name_of(site)``: a construct's id as a reader sees it;
- ``statement_of(doc, node)``: the statement a call belongs to, after which a companion
  statement goes (``after_statement``: the edit writing it there, at its indentation).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional

from iacfix.codemods.lang.go.values import literal
from iacfix.core import Edit
from iacfix.transforms.go import CallSite, GoDoc, _walk_type

IAM = "github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
KMS = "github.com/aws/aws-cdk-go/awscdk/v2/awskms"
LAMBDA = "github.com/aws/aws-cdk-go/awscdk/v2/awslambda"


@dataclass
class MethodCall:
    call: object
    receiver: str  # the variable's name
    method: str
    args: List[object]


def method_calls(doc: GoDoc, *methods: str) -> List[MethodCall]:
    """``<variable>.<method>(...)`` calls in source order (a package's function is not one)."""
    cache = doc.__dict__.setdefault("_method_calls", {})
    if "all" not in cache:
        out = []
        for node in _walk_type(doc.tree.root_node, "call_expression"):
            fn = node.child_by_field_name("function")
            if fn is None or fn.type != "selector_expression":
                continue
            operand, field = fn.child_by_field_name("operand"), fn.child_by_field_name("field")
            if operand is None or field is None or operand.type != "identifier":
                continue
            name = doc.source(operand)
            if doc.path_of(name) is not None:
                continue
            args_node = node.child_by_field_name("arguments")
            args = [c for c in args_node.named_children if c.type != "comment"] if args_node else []
            out.append(MethodCall(node, name, doc.source(field), args))
        cache["all"] = out
    return [m for m in cache["all"] if m.method in methods]


def name_of(site: CallSite) -> str:
    """The construct id as a reader sees it (``jsii.String("Id")``), else its variable."""
    node = site.arg(1)
    if node is not None:
        v = literal(site.doc, node)
        if isinstance(v, str):
            return v
    return site.target or site.func[len("New"):]


def statement_of(doc: GoDoc, node) -> Optional[object]:
    """The statement of a block ``node`` is part of (None: not in a block)."""
    n = node
    while n.parent is not None and n.parent.type not in ("block", "statement_list"):
        n = n.parent
    return n if n.parent is not None else None


def after_statement(doc: GoDoc, stmt, lines: List[str]) -> Edit:
    """``lines`` (Go statements) written right after ``stmt``, at its indentation."""
    indent = doc.indent_of(stmt.start_point[0])
    end = doc.line_end(stmt.end_point[0])
    return Edit(end, end, "".join(f"\n{indent}{ln}" for ln in lines))
