"""dead-letter-queue for Pulumi Python.

(a) An ``sqs.Queue`` that is not itself a dead-letter queue and has no
``redrive_policy`` (nor an ``sqs.RedrivePolicy`` resource for it) gets a new
queue, created just before it, and ``redrive_policy=`` pointing at it::

    orders_queue_dlq = aws.sqs.Queue(
        f"orders-queue-dlq-{environment_suffix}",
        message_retention_seconds=1209600,
    )

    orders_queue = aws.sqs.Queue(
        f"orders-queue-{environment_suffix}",
        redrive_policy=pulumi.Output.json_dumps(
            {"deadLetterTargetArn": orders_queue_dlq.arn, "maxReceiveCount": 3}
        ),
    )

(b) A ``lambda_.Function`` that needs one by the ``functions`` parameter
(``dead_letter_reason``: unless every visible invoker is synchronous, by default), e.g.
one invoked asynchronously (a ``lambda_.Permission`` for
an AWS service principal that invokes asynchronously, an SNS subscription, an
EventBridge target, an S3 bucket notification, a log subscription filter or an
event-invoke config without an on-failure destination) and without
``dead_letter_config`` gets a new queue and
``dead_letter_config=aws.lambda_.FunctionDeadLetterConfigArgs(target_arn=...)``;
when its role is an ``iam.Role`` of this file, an ``iam.RolePolicy`` granting
``sqs:SendMessage`` on the queue is added too, and the function depends on it
(Lambda checks the permission when the function is created).
"""

from __future__ import annotations

import re

import libcst as cst

from iacfix.codemods.common.aws import PULUMI_SYNC_COMPONENTS, PULUMI_SYNC_INVOKERS, dead_letter_reason, invokes_asynchronously, invokes_synchronously
from iacfix.codemods.common import pulumi as pc
from iacfix.core import Edit, FixError, Gap, edits_conflict
from iacfix.transforms import python as py

DLQ_WORDS = re.compile(r"dlq|dead[-_ ]?letter", re.I)

def detect(doc, ctx):
    yield from _queues(doc, ctx)
    yield from _functions(doc, ctx)


# ------------------------------------------------------------------ queues
def _dlq_targets(doc):
    """Everything a redrive policy or a dead-letter config refers to."""
    refs = set()
    for q in pc.aws_calls(doc, "sqs.Queue"):
        refs |= pc.references(doc, pc.kw_value(q, "redrive_policy"))
    for rp in pc.aws_calls(doc, "sqs.RedrivePolicy"):
        refs |= pc.references(doc, pc.kw_value(rp, "redrive_policy"))
    for fn in pc.aws_calls(doc, "lambda_.Function"):
        refs |= pc.references(doc, pc.kw_value(fn, "dead_letter_config"))
    for cfg in pc.aws_calls(doc, "lambda_.FunctionEventInvokeConfig"):
        refs |= pc.references(doc, pc.kw_value(cfg, "destination_config"))
    return refs


def _is_dlq(doc, q, targets) -> bool:
    if pc.var(q) and pc.var(q) in targets:
        return True
    names = [pc.var(q) or ""]
    for node in (pc.name_node(q), pc.kw_value(q, "name"), pc.kw_value(q, "name_prefix")):
        if node is not None:
            names.append(doc.code(node))
    return any(DLQ_WORDS.search(n) for n in names)


def _queues(doc, ctx):
    targets = _dlq_targets(doc)
    redriven = set()
    for rp in pc.aws_calls(doc, "sqs.RedrivePolicy"):
        redriven |= pc.references(doc, pc.kw_value(rp, "queue_url"))
    for q in pc.aws_calls(doc, "sqs.Queue"):
        if pc.has_splat(q) or pc.kw_value(q, "redrive_policy") is not None:
            continue
        if pc.var(q) and pc.var(q) in redriven:
            continue
        if _is_dlq(doc, q, targets):
            continue
        yield Gap(
            **pc.where(q),
            resource_type=pc.rtype(q),
            resource_name=pc.label(q),
            message=f"SQS queue '{pc.display(q)}' has no dead-letter queue",
            fix=(lambda q=q: _fix_queue(doc, ctx, q)) if pc.standalone(q) else None,
            detail="dead-letter-queue",
        )


def _new_queue(doc, ctx, served, fifo_from=None):
    """(variable, statement code, import edits) of a DLQ for ``served``, in its style."""
    cls, edits = pc.aws_name(doc, "sqs.Queue")
    args = [(None, py.Code(pc.derive_name(doc, pc.name_node(served), ctx["dlq_suffix"])))]
    name = pc.kw_value(served, "name")
    if name is not None:
        args.append(("name", py.Code(pc.derive_name(doc, name, ctx["dlq_suffix"]))))
    if fifo_from is not None:
        args.append(("fifo_queue", py.Code(doc.source(fifo_from))))
    args.append(("message_retention_seconds", py.Code(str(ctx["retention_seconds"]))))
    if served.class_name == "Queue":  # failed messages stay as protected as they were
        for enc in ("sqs_managed_sse_enabled", "kms_master_key_id", "kms_data_key_reuse_period_seconds"):
            v = pc.kw_value(served, enc)
            if v is not None:
                args.append((enc, py.Code(doc.source(v))))
    else:  # failed events keep the payload: encrypted like any queue (SQS-managed keys cost nothing)
        args.append(("sqs_managed_sse_enabled", py.Code("True")))
    tags = pc.copied_tags(doc, served)
    if tags is not None:  # tagged like what it serves: fixing tags before or after gives the same file
        args.append(("tags", py.Code(tags)))
    opts = pc.opts_for_new(doc, served)
    if opts is not None:
        args.append(("opts", opts))
    var = pc.derive_var(doc, pc.var(served) or pc.var_from_name(served), ctx["dlq_suffix"], "dead_letter_queue")
    return var, pc.statement_code(doc, served, var, cls, args), edits


def _fix_queue(doc, ctx, q):
    stmt = pc.statement(q)
    fifo = pc.kw_value(q, "fifo_queue")
    if fifo is not None and pc.literal(fifo) is False:
        fifo = None
    var, code, edits = _new_queue(doc, ctx, q, fifo)
    dumps, more = pc.pulumi_name(doc, "Output.json_dumps")
    policy = py.Call(dumps, [(None, py.Dict([
        (py.str_code(doc, "deadLetterTargetArn", pc.name_node(q)), py.Code(f"{var}.arn")),
        (py.str_code(doc, "maxReceiveCount", pc.name_node(q)), py.Code(str(ctx["max_receive_count"]))),
    ]))])
    edits = edits + more + doc.insert_before_statement(stmt, code, blank_line=None)
    edits += doc.add_kwargs(pc.props_call(q), [("redrive_policy", policy)], before=pc.LAST)
    return py.dedupe(edits)


# --------------------------------------------------------------- functions
def _invokers(doc):
    """(async, sync, other): per referenced name, the visible invokers that invoke
    asynchronously, synchronously, or in a way not known."""
    inv_async, inv_sync, other = {}, {}, {}

    def add(where, refs, who):
        for r in refs:
            where.setdefault(r, set()).add(who)

    for p in pc.aws_calls(doc, "lambda_.Permission"):
        principal = pc.literal(pc.kw_value(p, "principal"))
        refs = pc.references(doc, pc.kw_value(p, "function"))
        if invokes_asynchronously(principal):
            add(inv_async, refs, pc.label(p))
        elif invokes_synchronously(principal):
            add(inv_sync, refs, pc.label(p))
        else:
            add(other, refs, pc.label(p))
    for s in pc.aws_calls(doc, "sns.TopicSubscription"):
        if pc.literal(pc.kw_value(s, "protocol")) == "lambda":
            add(inv_async, pc.references(doc, pc.kw_value(s, "endpoint")), pc.label(s))
    for t in pc.aws_calls(doc, "cloudwatch.EventTarget"):
        add(inv_async, pc.references(doc, pc.kw_value(t, "arn")), pc.label(t))
    for n in pc.aws_calls(doc, "s3.BucketNotification"):
        add(inv_async, pc.references(doc, pc.kw_value(n, "lambda_functions")), pc.label(n))
    for f in pc.aws_calls(doc, "cloudwatch.LogSubscriptionFilter"):
        add(inv_async, pc.references(doc, pc.kw_value(f, "destination_arn")), pc.label(f))
    for c in pc.aws_calls(doc, "lambda_.FunctionEventInvokeConfig"):
        dest = pc.kw_value(c, "destination_config")
        if dest is not None and "on_failure" in doc.code(dest):
            continue  # failures go to an on-failure destination
        add(inv_async, pc.references(doc, pc.kw_value(c, "function_name")), pc.label(c))
    for c in pc.aws_calls(doc, *PULUMI_SYNC_INVOKERS):
        add(inv_sync, pc.references(doc, c.call), pc.label(c))
    for c in doc.calls(*PULUMI_SYNC_COMPONENTS):
        add(inv_sync, pc.references(doc, c.call), c.qualname.rsplit(".", 1)[-1])
    return inv_async, inv_sync, other


def _refs_of(where: dict, name: str) -> set:
    """Invokers of the function assigned to ``name`` (referred to as ``name`` or ``name.arn``…)."""
    out = set()
    for ref, who in where.items():
        if ref == name or ref.startswith(name + "."):
            out |= who
    return out


def _failure_destinations(doc):
    refs = set()
    for c in pc.aws_calls(doc, "lambda_.FunctionEventInvokeConfig"):
        dest = pc.kw_value(c, "destination_config")
        if dest is not None and "on_failure" in doc.code(dest):
            refs |= pc.references(doc, pc.kw_value(c, "function_name"))
    return refs


def _functions(doc, ctx):
    inv_async, inv_sync, other = _invokers(doc)
    handled = _failure_destinations(doc)
    edge = pc.edge_functions(doc)
    mode = str(ctx["functions"])
    for fn in pc.aws_calls(doc, "lambda_.Function"):
        name = pc.var(fn)
        if not name or name in handled:
            continue
        reason = dead_letter_reason(mode, _refs_of(inv_async, name), _refs_of(inv_sync, name),
                                    _refs_of(other, name), pc.at_edge(edge, name))
        if reason is None:
            continue
        if pc.has_splat(fn) or pc.kw_value(fn, "dead_letter_config") is not None:
            continue
        yield Gap(
            **pc.where(fn),
            resource_type=pc.rtype(fn),
            resource_name=pc.label(fn),
            message=f"Lambda function '{pc.display(fn)}' has no dead-letter queue ({reason})",
            fix=(lambda fn=fn: _fix_function(doc, ctx, fn)) if pc.standalone(fn) else None,
            detail="dead-letter-queue",
        )


def _fix_function(doc, ctx, fn):
    stmt = pc.statement(fn)
    var, code, edits = _new_queue(doc, ctx, fn)
    new_kwargs = []
    cfg, more = pc.aws_name(doc, "lambda_.FunctionDeadLetterConfigArgs")
    edits += more
    new_kwargs.append(("dead_letter_config", py.Call(cfg, [("target_arn", py.Code(f"{var}.arn"))])))
    role = pc.role_of(doc, fn)
    if role is not None:
        pol_cls, more = pc.aws_name(doc, "iam.RolePolicy")
        dumps, more2 = pc.pulumi_name(doc, "Output.json_dumps")
        edits += more + more2
        q = lambda s: py.str_code(doc, s, pc.name_node(fn))  # noqa: E731
        document = py.Dict([
            (q("Version"), py.Code(q("2012-10-17"))),
            (q("Statement"), py.List([py.Dict([
                (q("Effect"), py.Code(q("Allow"))),
                (q("Action"), py.Code(q("sqs:SendMessage"))),
                (q("Resource"), py.Code(f"{var}.arn")),
            ])])),
        ])
        pol_var = pc.derive_var(doc, var, "policy", "dead_letter_queue_policy")
        args = [
            (None, py.Code(pc.derive_name(doc, pc.name_node(fn), f"{ctx['dlq_suffix']}-policy"))),
            ("role", py.Code(f"{pc.var(role)}.id")),
            ("policy", py.Call(dumps, [(None, document)])),
        ]
        opts = pc.opts_for_new(doc, fn)
        if opts is not None:
            args.append(("opts", opts))
        sep = "\n\n" if _blank_separated(doc, stmt) else "\n"
        code = code + sep + pc.statement_code(doc, fn, pol_var, pol_cls, args)
        kwarg, opts_edits = _depends_on(doc, fn, pol_var)
        if kwarg is not None:  # a new opts=: its edits are imports
            new_kwargs.append(kwarg)
            edits += opts_edits
            opts_edits = []
    else:
        opts_edits = []
    edits += doc.insert_before_statement(stmt, code, blank_line=None)
    props = pc.props_call(fn)
    last = props.args[-1] if props.args else None
    if len(new_kwargs) == 2 and (props is not fn.call or (last is not None and last.keyword is not None and last.keyword.value == "tags")):
        # dead_letter_config goes with the properties (before a trailing tags=), the new opts= last
        props_edits = doc.add_kwargs(props, new_kwargs[:1], before=pc.LAST)
        new_opts = doc.add_kwargs(fn.call, new_kwargs[1:])
        if edits_conflict(props_edits, new_opts):
            if props is not fn.call:
                raise FixError("the function's arguments object and its options cannot both be edited on one line")
            # a one-line call spread by the first edit: spread it once, with both
            props_edits, new_opts = doc.add_kwargs(props, new_kwargs[:1], before=pc.LAST, tail=new_kwargs[1:]), []
        edits += props_edits + new_opts
    else:
        call_edits = doc.add_kwargs(props, new_kwargs, before=pc.LAST)
        if opts_edits:  # depends_on added inside the existing opts=, which the call's new layout may rewrite
            call_edits = py.nest_edits(doc, pc.kw_value(fn, "opts"), call_edits, opts_edits)
        edits += call_edits
    return py.dedupe(edits)


def _blank_separated(doc, stmt) -> bool:
    top = doc.comment_top(stmt)
    return top > 1 and doc.lines.line_text(top - 1).strip() == ""


def _depends_on(doc, fn, pol_var):
    """Make the function wait for its DLQ policy: (new keyword argument or None, edits)."""
    opts = pc.kw_value(fn, "opts")
    if opts is None:
        ro, edits = pc.pulumi_name(doc, "ResourceOptions")
        return ("opts", py.Call(ro, [("depends_on", py.List([py.Code(pol_var)]))])), edits
    if isinstance(opts, cst.Call) and any(q.endswith("ResourceOptions") for q in doc.qualified_names(opts.func)):
        dep = pc.kw_value(opts, "depends_on")
        if dep is None:
            if py.is_multiline(opts):
                return None, doc.add_kwargs(opts, [("depends_on", py.List([py.Code(pol_var)]))], before=pc.LAST)
            if not opts.args:
                return None, [Edit(doc.end(opts) - 1, doc.end(opts) - 1, f"depends_on=[{pol_var}]")]
            last = opts.args[-1]
            at = doc.end(last.comma) if last.comma is not cst.MaybeSentinel.DEFAULT else doc.end(last.value)
            text = f" depends_on=[{pol_var}]," if last.comma is not cst.MaybeSentinel.DEFAULT else f", depends_on=[{pol_var}]"
            return None, [Edit(at, at, text)]
        if isinstance(dep, cst.List):
            if dep.elements:
                last = dep.elements[-1]
                if last.comma is not cst.MaybeSentinel.DEFAULT:
                    return None, [Edit(doc.end(last.comma), doc.end(last.comma), f" {pol_var},")]
                return None, [Edit(doc.end(last.value), doc.end(last.value), f", {pol_var}")]
            return None, [Edit(doc.end(dep) - 1, doc.end(dep) - 1, pol_var)]
    return None, []  # options we cannot read: leave them alone
