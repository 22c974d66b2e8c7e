"""log_retention for Pulumi Python: a Lambda function's own log group.

A ``lambda_.Function`` logs to ``/aws/lambda/<function name>``, which Lambda creates on its
first invocation, keeping logs forever. Unless the program declares that group (an
``aws.cloudwatch.LogGroup`` whose ``name`` is ``/aws/lambda/`` and the function's ``name``,
the same literal, f-string or variable, or ``/aws/lambda/`` and ``<function>.name``) or the
function names its ``logging_config`` ``log_group``, it gets an ``aws.cloudwatch.LogGroup``
with ``retention_in_days`` (the ``retention_days`` parameter), the function's tags and its
provider/parent:

- with a ``name=``, the group is named from that expression (never from the function
  itself) and created just before the function, which waits for it
  (``opts=pulumi.ResourceOptions(depends_on=[...])``): the group exists before the first
  invocation;
- without one, Pulumi auto-names the function (a random suffix), known only once it
  exists: the group goes right after it, named
  ``pulumi.Output.concat("/aws/lambda/", <function>.name)``, with no depends_on (a cycle);
  a ``lambda_.Invocation`` of the function (run during the deploy) depends on it.

Either fix is unsafe: on a function that has already run, the group exists and creating it
fails until it is imported (``pulumi import``); the message says so.
"""

from __future__ import annotations

import libcst as cst

from iacfix.codemods.common import pulumi as pc
from iacfix.codemods.common.aws import LAMBDA_LOG_GROUP_PREFIX, function_log_group_note
from iacfix.codemods.log_retention import FUNCTION_RULE
from iacfix.core import Edit, FixError, Gap
from iacfix.transforms import python as py

FUNCTION = "lambda_.Function"
LOG_GROUP = "cloudwatch.LogGroup"


def detect(doc, ctx):
    functions = pc.aws_calls(doc, FUNCTION)
    if not functions:
        return
    declared = None
    for fn in functions:
        if pc.has_splat(fn) or pc.logs_elsewhere(fn):
            continue
        if declared is None:
            declared = {pc.name_key(d, pc.kw_value(g, "name")) for _, d in ctx.module(doc) if hasattr(d, "calls")
                        for g in pc.aws_calls(d, LOG_GROUP)}
        if pc.function_log_group_names(doc, fn) & declared:
            continue
        name = pc.kw_value(fn, "name")
        key = pc.name_key(doc, name) if name is not None else None
        msg = f"Lambda function '{pc.display(fn)}' {FUNCTION_RULE}"
        fix = None
        if name is not None and key is None:
            msg += " (its name is an expression iacfix cannot name the group from)"
        elif name is None and not pc.var(fn):
            msg += " (auto-named and not assigned to a variable: its log group cannot name it)"
        elif pc.standalone(fn):
            shown = LAMBDA_LOG_GROUP_PREFIX + (key if key is not None else "<its name>")
            msg += "; " + function_log_group_note(
                shown, f"pulumi import aws:cloudwatch/logGroup:LogGroup <name> {shown}")
            fix = lambda fn=fn: _fix(doc, ctx, fn)  # noqa: E731
        yield Gap(resource_type=pc.rtype(fn), resource_name=pc.label(fn), message=msg, fix=fix,
                  unsafe=fix is not None, **pc.where(fn))


# ------------------------------------------------------------------ the fix
def _fix(doc, ctx, fn):
    stmt = pc.statement(fn)
    cls, edits = pc.aws_name(doc, LOG_GROUP)
    name = pc.kw_value(fn, "name")
    if name is not None:
        value = _group_name(doc, name)
    else:
        concat, more = pc.pulumi_name(doc, "Output.concat")
        edits = edits + more
        value = f"{concat}({py.str_code(doc, LAMBDA_LOG_GROUP_PREFIX, pc.name_node(fn))}, {pc.var(fn)}.name)"
    taken = {re_space(doc.code(pc.name_node(g))) for g in pc.aws_calls(doc, LOG_GROUP) if pc.name_node(g) is not None}
    resource = next((n for n in (pc.derive_name(doc, pc.name_node(fn), w) for w in ("logs", "log-group", "lambda-logs"))
                     if re_space(n) not in taken), None)
    if resource is None:
        raise FixError("every name iacfix would give the log group is taken")
    args = [(None, py.Code(resource)),
            ("name", py.Code(value)),
            ("retention_in_days", py.Code(str(int(ctx["retention_days"]))))]
    tags = pc.copied_tags(doc, fn)
    if tags is not None:  # tagged like the function: fixing tags before or after gives the same file
        args.append(("tags", py.Code(tags)))
    opts = pc.opts_for_new(doc, fn)
    if opts is not None:
        args.append(("opts", opts))
    var = pc.derive_var(doc, pc.var(fn) or pc.var_from_name(fn), "log_group", "log_group")
    code = pc.statement_code(doc, fn, var, cls, args)
    if name is None:  # after the function, whose generated name it takes
        edits += doc.insert_after_statement(stmt, code, blank_line=None)
        # an invocation during the deploy would create the group first: it waits for it
        for inv in pc.aws_calls(doc, "lambda_.Invocation"):
            if pc.var(fn) in {r.split(".")[0] for r in pc.references(doc, pc.kw_value(inv, "function_name"))}:
                edits += _depends_on(doc, inv, var)
        return py.dedupe(edits)
    edits += doc.insert_before_statement(_first_companion(doc, fn, stmt), code, blank_line=None)
    return py.dedupe(edits + _depends_on(doc, fn, var))


def re_space(code: str) -> str:
    return "".join(code.split())


def _group_name(doc, node) -> str:
    """``/aws/lambda/`` + the function's name expression, as source."""
    prefix = LAMBDA_LOG_GROUP_PREFIX
    if isinstance(node, cst.SimpleString) and not node.prefix.lower().startswith(("b", "f")) and len(node.quote) == 1:
        return f"{node.prefix}{node.quote}{prefix}{node.raw_value}{node.quote}"
    if isinstance(node, cst.FormattedString) and len(node.end) == 1:
        return f"{node.start}{prefix}{doc.code(node)[len(node.start):]}"
    # a variable, an Output or any other expression: concatenated when the program runs
    concat, edits = pc.pulumi_name(doc, "Output.concat")
    if edits:
        raise FixError("the function's name is an expression and the file does not import pulumi")
    return f"{concat}({py.str_code(doc, prefix, node)}, {doc.source(node)})"


# What other codemods put right before a function (its dead-letter queue and grant).
COMPANIONS = {f"{pc.AWS}.{c}" for c in ("sqs.Queue", "sns.Topic", "iam.RolePolicy")}


def _first_companion(doc, fn, stmt):
    """Before the function, and before the statements right above it that define what it
    is given (its dead-letter queue and grant), so that the order of codemods does not matter."""
    block = doc.parent(stmt)
    body = list(getattr(block, "body", ()))
    if stmt not in body:
        return stmt
    used = pc.references(doc, fn.call)
    i = body.index(stmt)
    while i > 0:
        prev = body[i - 1]
        small = prev.body[0] if isinstance(prev, cst.SimpleStatementLine) and len(prev.body) == 1 else None
        if not (isinstance(small, cst.Assign) and len(small.targets) == 1
                and doc.code(small.targets[0].target).strip() in used
                and isinstance(small.value, cst.Call) and doc.qualified_names(small.value.func) & COMPANIONS):
            break
        i -= 1
    return body[i]


def _depends_on(doc, fn, var):
    """The function waits for its log group: ``depends_on`` in its options."""
    opts = pc.kw_value(fn, "opts")
    if opts is None:
        ro, edits = pc.pulumi_name(doc, "ResourceOptions")
        return edits + doc.add_kwargs(fn.call, [("opts", py.Call(ro, [("depends_on", py.List([py.Code(var)]))]))])
    if isinstance(opts, cst.Call) and any(q.endswith("ResourceOptions") for q in doc.qualified_names(opts.func)):
        dep = pc.kw_value(opts, "depends_on")
        if dep is None:
            return doc.add_kwargs(opts, [("depends_on", py.List([py.Code(var)]))])
        if isinstance(dep, cst.List):
            if dep.elements:
                last = dep.elements[-1]
                if last.comma is not cst.MaybeSentinel.DEFAULT:
                    return [Edit(doc.end(last.comma), doc.end(last.comma), f" {var},")]
                return [Edit(doc.end(last.value), doc.end(last.value), f", {var}")]
            return [Edit(doc.end(dep) - 1, doc.end(dep) - 1, var)]
    raise FixError("the function's options are not a ResourceOptions(...) iacfix can extend: "
                   "make it depend on its log group by hand")
