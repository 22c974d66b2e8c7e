"""environment-suffix for AWS CDK v2 Go, as for CDK Python (``cdk.py``): the explicit
physical name of the constructs CDK Python checks (its ``NAME_KWARG``, made the Go way:
``awsdynamodb.NewTable`` ``TableName``, ``awssqs.NewQueue`` ``QueueName``, ...).

A name written as a plain string (``jsii.String("orders")``) is a finding (UNSAFE: renaming
replaces the resource); anything else (``fmt.Sprintf``, a variable, a concatenation) already
builds the name from something and is compliant. The fix formats the name with the
environment suffix the function formats its other names with
(``codemods.common.go.env_suffix_expr``): ``jsii.String(fmt.Sprintf("orders-%s", suffix))``
(``_`` instead of ``-`` for a snake_case name, before a ``.fifo`` ending). When the function
has none, the name is reported and not fixed ("pass one to the stack"), as in CDK Python.
"""

from __future__ import annotations

from iacfix.codemods.common import go as common
from iacfix.codemods.environment_suffix.cdk import NAME_KWARG, NO_SUFFIX
from iacfix.codemods.lang.go import names
from iacfix.codemods.lang.go.values import Renderer, literal
from iacfix.core import Gap
from iacfix.transforms.go import JSII, go_string

FIELDS = {names.constructor(q): names.field(kw) for q, kw in NAME_KWARG.items()}


def detect(doc, ctx):
    for site in doc.calls():
        key = (site.path, site.func)
        if key not in FIELDS or len(site.args) != 3:
            continue
        lit = doc.literal(site.args[2])
        f = lit.field(FIELDS[key]) if lit is not None and lit.plain else None
        if f is None or not _plain_string(doc, f.value):
            continue
        value = literal(doc, f.value)
        env = common.env_suffix_expr(doc, site.call)
        name = common.name_of(site)
        message = f"{site.func[len('New'):]} '{name}' has the hard-coded name '{value}'"
        yield Gap(
            line=f.value.start_point[0] + 1,
            column=doc.column(doc.start(f.value)),
            end_line=f.value.end_point[0] + 1,
            suppress_lines=(site.line, site.line - 1),
            resource_type=f"{doc.name_for(site.path)}.{site.func[len('New'):]}",
            resource_name=name,
            message=f"{message} (no environment suffix)" if env else f"{message}, and {NO_SUFFIX}",
            fix=(lambda node=f.value, value=value, env=env: _fix(doc, node, value, env)) if env else None,
            unsafe=True,
            detail="environment-suffix",
        )


def _plain_string(doc, node) -> bool:
    """``jsii.String("...")`` with a string literal."""
    if node.type != "call_expression" or doc.selector(node.child_by_field_name("function")) != (JSII, "String"):
        return False
    args = [c for c in node.child_by_field_name("arguments").named_children if c.type != "comment"]
    return len(args) == 1 and args[0].type in ("interpreted_string_literal", "raw_string_literal") \
        and isinstance(literal(doc, node), str)


def _fix(doc, node, value: str, env: str):
    """"orders" → "orders-%s", "orders.fifo" → "orders-%s.fifo", "orders_table" → "orders_table_%s"."""
    stem, fifo = (value[:-5], ".fifo") if value.endswith(".fifo") else (value, "")
    sep = "_" if "_" in stem and "-" not in stem else "-"
    fmt = f"{common.go_format(stem)}{sep}%s{common.go_format(fifo)}"
    r = Renderer(doc)
    text = f"{r.pkg(JSII)}.String({r.pkg(common.FMT)}.Sprintf({go_string(fmt)}, {env}))"
    return r.import_edits() + doc.replace(node, text)
