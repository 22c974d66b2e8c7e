"""What the Terraform adapter knows of the hashicorp/aws provider: which resource types
a neutral kind is, how a neutral property is spelled there, how values are written and
read, where added arguments go, and the facts only Terraform can compute (hooks,
``TheOnly``).
"""

from __future__ import annotations

from typing import Any, Optional

from lark import Tree

from iacfix.codemods import spec
from iacfix.codemods.common.terraform import counted
from iacfix.core import module_docs
from iacfix.codemods.lang.terraform.names import (  # noqa: F401 - the adapter's tables, stated once there
    FLAT,
    KIND_OF,
    KINDS,
    NAMES,
    NONE,
    flat,
    native,
    order,
    types_of,
)
from iacfix.transforms import terraform as tf
from iacfix.transforms.terraform import Block, TfDoc

# ---------------------------------------------------------------------- values


class Expr(str):
    """HCL expression text written as it is (a reference)."""


def own_variable(doc: TfDoc, arg: str) -> Optional[Expr]:
    """``var.<arg>`` when the module declares a variable named as the argument
    (``variable "snapshot_retention_limit"``): the module's own setting of it, the owner's
    value, written instead of a codemod parameter's (CloudFormation: a template parameter
    named as the property)."""
    for _, d in module_docs(doc):
        if any(b.labels and b.labels[0] == arg for b in d.blocks_of("variable")):
            return Expr(f"var.{arg}")
    return None


def render(value: Any, unit: str) -> str:
    """The HCL text of a neutral literal (or an ``Expr``)."""
    if isinstance(value, Expr):
        return str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return tf.quote(value)
    if isinstance(value, (list, tuple)):
        items = [render(v, unit) for v in value]
        one = "[" + ", ".join(items) + "]"
        if len(items) <= 1 or len(one) <= 60:
            return one
        return "[\n" + "".join(f"{unit}{it},\n" for it in items) + "]"
    raise TypeError(f"cannot write {value!r} in HCL")


def read_value(node) -> Any:
    """A value as the interpreter compares it: a literal (lists of literals included),
    ``spec.ABSENT`` for ``null``, ``spec.UNKNOWN`` for anything else. ``"true"`` and
    ``"false"`` are booleans: HCL converts them where a bool is expected, and no
    condition of the catalog compares a string with them."""
    n = tf.unwrap(node)
    if isinstance(n, Tree) and n.data == "tuple":
        items = [c for c in n.children if isinstance(c, Tree) and c.data != "new_line_or_comment"]
        vals = [read_value(c) for c in items]
        return spec.UNKNOWN if any(v is spec.UNKNOWN or v is spec.ABSENT for v in vals) else vals
    v = tf.literal(node)
    if v is tf.UNKNOWN:
        return spec.UNKNOWN
    if v is None:
        return spec.ABSENT
    if v in ("true", "false"):
        return v == "true"
    return v


def same(have: Any, want: Any) -> bool:
    """``spec.same``, with HCL's conversion of numeric strings where a number is expected."""
    if isinstance(want, (int, float)) and not isinstance(want, bool) and isinstance(have, str):
        n = spec.number(have)
        return n is not None and n == float(want)
    return spec.same(have, want)


# ---------------------------------------------------------------------- computed values


def the_only(doc: TfDoc, ref: spec.TheOnly) -> Optional[Expr]:
    """``<type>.<label>.<attr>`` of the file's only resource of that kind (not counted)."""
    found = doc.resources(*KINDS.get(ref.kind, ()))
    if len(found) != 1 or counted(found[0]):
        return None
    rtype, label = found[0].labels
    return Expr(f"{rtype}.{label}.{ref.attr}")


def _edge_functions(doc: TfDoc) -> set:
    """Labels of the functions a CloudFront distribution runs at the edge: referenced
    by a ``lambda_arn`` (of a ``lambda_function_association``), directly or through an alias."""
    if "edge_functions" in doc.cache:
        return doc.cache["edge_functions"]
    aliases = {a.labels[1]: a for a in doc.resources("aws_lambda_alias")}
    out = set()

    def visit(block: Block):
        for it in block.items:
            if it.is_block:
                visit(it)
            elif it.name == "lambda_arn":
                for rtype, name in tf.references(it.value):
                    if rtype == "aws_lambda_function":
                        out.add(name)
                    elif rtype == "aws_lambda_alias" and name in aliases and aliases[name].attr("function_name"):
                        out.update(n for t, n in tf.references(aliases[name].attr("function_name").value)
                                   if t == "aws_lambda_function")

    for dist in doc.resources("aws_cloudfront_distribution"):
        visit(dist)
    doc.cache["edge_functions"] = out
    return out


def _runs_at_edge(doc: TfDoc, res: Block) -> Optional[bool]:
    if res.labels[0] != "aws_lambda_function":
        return None
    return res.labels[1] in _edge_functions(doc)


# name → fn(doc, resource) → the value (None: cannot tell)
HOOKS = {
    "runs_at_edge": _runs_at_edge,
}
