"""dead_letter_queue for Terraform.

(a) An ``aws_sqs_queue`` without ``redrive_policy`` (nor an
``aws_sqs_queue_redrive_policy`` for it) that is not itself a dead-letter queue
gets one: a new ``aws_sqs_queue "<label>_dlq"`` right after it (14-day retention,
FIFO when the queue is, the queue's encryption settings copied) and ``redrive_policy = jsonencode({...})`` pointing at it.
A queue is a DLQ when a redrive policy, a ``dead_letter_config``/``on_failure``
destination or a ``redrive_allow_policy`` in the file points at it (or it has one),
or its label/name says dlq / dead-letter / deadletter.

(b) An ``aws_lambda_function`` that needs one by the ``functions`` parameter
(``dead_letter_reason``: unless every visible invoker is synchronous, by default) or is
invoked asynchronously according to the file (S3
bucket notifications, SNS subscriptions with protocol lambda, EventBridge rule
targets and schedules, CloudWatch Logs subscription filters, an event-invoke
config, an ``aws_lambda_permission`` for an async service principal) without ``dead_letter_config`` (nor an ``on_failure`` destination)
gets a new queue right after it and ``dead_letter_config { target_arn = ... }``.
When its ``role`` is an ``aws_iam_role`` of the file, a new ``aws_iam_role_policy``
grants ``sqs:SendMessage`` on the queue, and the function ``depends_on`` it (the
Lambda API checks that permission when the function is created).

New queues are named after the served resource (``orders-${var.environment_suffix}``
→ ``orders-dlq-${var.environment_suffix}``); unnamed served resource → unnamed DLQ.
"""

from __future__ import annotations

import re

from iacfix.codemods.common.aws import (
    TERRAFORM_SYNC_INVOKERS,
    dead_letter_reason,
    invokes_asynchronously,
    invokes_synchronously,
)
from iacfix.codemods.common.terraform import (
    copied_tags, counted, dead_letter_targets, derived_name, edge_functions, function_role, gap, label_for, served_by,
)
from iacfix.core import FixError
from iacfix.transforms.terraform import (
    TfDoc,
    add_list_item,
    anchor_of,
    insert_after_block,
    insert_into_block,
    literal,
    references,
    render_block,
    string_value,
)

ENCRYPTION = ("kms_master_key_id", "kms_data_key_reuse_period_seconds", "sqs_managed_sse_enabled")
DLQ_WORDS = re.compile(r"dlq|dead[-_ ]?letter", re.I)


def _queue_refs(node):
    return {n for t, n in references(node) if t == "aws_sqs_queue"}


def _fn_refs(node):
    return {n for t, n in references(node) if t == "aws_lambda_function"}


def detect(doc: TfDoc, ctx):
    yield from _queues(doc, ctx)
    yield from _functions(doc, ctx)


# ---------------------------------------------------------------------------
# queues


def _queues(doc: TfDoc, ctx):
    queues = doc.resources("aws_sqs_queue")
    if not queues:
        return
    targets = dead_letter_targets(doc)
    redriven = set()
    for rp in doc.resources("aws_sqs_queue_redrive_policy"):
        url = rp.attr("queue_url")
        refs = _queue_refs(url.value) if url is not None else set()
        if not refs:
            return  # a redrive policy for a queue we cannot identify: any queue may have it
        redriven |= refs
    for q in queues:
        label = q.labels[1]
        name = string_value(q.attr("name").value) if q.attr("name") else None
        if label in targets or label in redriven or q.attr("redrive_policy") is not None:
            continue
        if q.attr("redrive_allow_policy") is not None:
            continue
        if DLQ_WORDS.search(label) or (name and DLQ_WORDS.search(name)):
            continue
        msg = f"SQS queue '{name or label}' has no dead-letter queue"
        fifo = literal(q.attr("fifo_queue").value) if q.attr("fifo_queue") else False
        if counted(q):
            yield gap(q, msg + " (count/for_each: not fixed automatically)")
        elif fifo not in (True, False, None):
            yield gap(q, msg + " (fifo_queue is not a literal: not fixed automatically)")
        else:
            yield gap(q, msg, fix=_queue_fixer(doc, q, bool(fifo), ctx))


def _dlq_block(doc: TfDoc, served, label: str, name_attr: str, fifo: bool, ctx) -> str:
    word = str(ctx["dlq_suffix"])
    items = []
    a = served.attr(name_attr)
    if a is not None:
        name = derived_name(doc, a.value, word, fifo=fifo)
        if name is not None:
            items.append(("name", name))
    elif name_attr == "name" and served.attr("name_prefix") is not None:
        prefix = string_value(served.attr("name_prefix").value)
        if prefix is not None:
            sep = prefix[-1] if prefix and prefix[-1] in "-_" else "-"
            base = prefix if prefix.endswith(sep) else prefix + sep
            items.append(("name_prefix", f'"{base}{word}{sep}"'))
    if fifo:
        items.append(("fifo_queue", "true"))
    items.append(("message_retention_seconds", str(int(ctx["retention_seconds"]))))
    if served.labels[0] == "aws_sqs_queue":
        # failed messages stay as protected as they were on the served queue
        for enc in ENCRYPTION:
            if served.attr(enc) is not None and "\n" not in doc.source(served.attr(enc).value):
                items.append((enc, doc.source(served.attr(enc).value)))
    else:
        # failed events are encrypted at rest, as sqs-encryption would have them
        items.append(("sqs_managed_sse_enabled", "true"))
    tags = copied_tags(doc, served)
    if tags is not None:
        # The DLQ is tagged like what it serves, so that fixing tags before or after
        # adding the DLQ gives the same file. Set apart by a blank line, last, the
        # way a tags argument is added to any block.
        items.append(("", tags))
    return render_block("resource", ["aws_sqs_queue", label], served_by(doc, served, "aws_sqs_queue", items), doc.unit)


def _queue_fixer(doc: TfDoc, q, fifo: bool, ctx):
    def fix():
        label = label_for(doc, "aws_sqs_queue", q.labels[1], str(ctx["dlq_suffix"]))
        policy = (
            "jsonencode({\n"
            f"{doc.unit}deadLetterTargetArn = aws_sqs_queue.{label}.arn\n"
            f"{doc.unit}maxReceiveCount     = {int(ctx['max_receive_count'])}\n"
            "})"
        )
        edits = insert_into_block(doc, q, [("redrive_policy", policy)])
        edits.append(insert_after_block(doc, q, _dlq_block(doc, q, label, "name", fifo, ctx)))
        return edits

    return fix


# ---------------------------------------------------------------------------
# functions


def _add(where: dict, refs, who: str):
    for r in refs:
        where.setdefault(r, set()).add(who)


def _invokers(doc: TfDoc):
    """(async, sync, other, edge, handled): per function label, the names of its visible
    asynchronous, synchronous and unclassified invokers; labels of Lambda@Edge functions and
    of functions with an on_failure destination."""
    inv_async, inv_sync, other, edge, handled = {}, {}, {}, set(), set()
    for res in doc.resources():
        rtype = res.labels[0]
        who = f"{rtype}.{res.labels[1]}"
        if rtype == "aws_s3_bucket_notification":
            for b in res.blocks("lambda_function"):
                _add(inv_async, _fn_refs(b.node), who)
        elif rtype == "aws_sns_topic_subscription":
            proto = res.attr("protocol")
            if proto is not None and literal(proto.value) == "lambda" and res.attr("endpoint"):
                _add(inv_async, _fn_refs(res.attr("endpoint").value), who)
        elif rtype == "aws_cloudwatch_event_target":
            if res.attr("arn") is not None:
                _add(inv_async, _fn_refs(res.attr("arn").value), who)
        elif rtype == "aws_scheduler_schedule":
            for t in res.blocks("target"):
                if t.attr("arn") is not None:
                    _add(inv_async, _fn_refs(t.attr("arn").value), who)
        elif rtype == "aws_cloudwatch_log_subscription_filter":
            if res.attr("destination_arn") is not None:
                _add(inv_async, _fn_refs(res.attr("destination_arn").value), who)
        elif rtype == "aws_lambda_function_event_invoke_config":
            fn = _fn_refs(res.attr("function_name").value) if res.attr("function_name") else set()
            _add(inv_async, fn, who)
            dest = res.block("destination_config")
            if dest is not None and dest.block("on_failure") is not None:
                handled |= fn
        elif rtype == "aws_lambda_permission":
            p = res.attr("principal")
            principal = literal(p.value) if p is not None else None
            refs = _fn_refs(res.attr("function_name").value) if res.attr("function_name") else set()
            if invokes_asynchronously(principal):
                _add(inv_async, refs, who)
            elif invokes_synchronously(principal):
                _add(inv_sync, refs, who)
            else:
                _add(other, refs, who)
        elif rtype in TERRAFORM_SYNC_INVOKERS:
            _add(inv_sync, _fn_refs(res.node), who)
    edge = edge_functions(doc)
    return inv_async, inv_sync, other, edge, handled


def _functions(doc: TfDoc, ctx):
    functions = doc.resources("aws_lambda_function")
    if not functions:
        return
    inv_async, inv_sync, other, edge, handled = _invokers(doc)
    mode = str(ctx["functions"])
    for fn in functions:
        label = fn.labels[1]
        if label in handled:
            continue
        reason = dead_letter_reason(mode, inv_async.get(label, ()), inv_sync.get(label, ()),
                                    other.get(label, ()), label in edge)
        if reason is None:
            continue
        if fn.block("dead_letter_config") is not None:
            continue
        if any(d.labels and d.labels[0] == "dead_letter_config" for d in fn.blocks("dynamic")):
            continue
        name = string_value(fn.attr("function_name").value) if fn.attr("function_name") else None
        msg = f"Lambda function '{name or label}' has no dead-letter queue ({reason})"
        role = function_role(doc, fn)
        if counted(fn) or (role is not None and counted(role)):
            yield gap(fn, msg + " (count/for_each: not fixed automatically)")
            continue
        yield gap(fn, msg, fix=_function_fixer(doc, fn, ctx))


def _function_fixer(doc: TfDoc, fn, ctx):
    def fix():
        u = doc.unit
        label = label_for(doc, "aws_sqs_queue", fn.labels[1], str(ctx["dlq_suffix"]))
        texts = [_dlq_block(doc, fn, label, "function_name", False, ctx)]
        config = render_block("dead_letter_config", [], [("target_arn", f"aws_sqs_queue.{label}.arn")], u)
        role = function_role(doc, fn)
        edits = []
        if role is None:
            edits += insert_into_block(doc, fn, [("", config)], kind="block")
        else:
            plabel = label_for(doc, "aws_iam_role_policy", fn.labels[1], str(ctx["dlq_suffix"]))
            policy = (
                "jsonencode({\n"
                f'{u}Version = "2012-10-17"\n'
                f"{u}Statement = [{{\n"
                f'{u}{u}Effect   = "Allow"\n'
                f'{u}{u}Action   = "sqs:SendMessage"\n'
                f"{u}{u}Resource = aws_sqs_queue.{label}.arn\n"
                f"{u}}}]\n"
                "})"
            )
            texts.append(render_block("resource", ["aws_iam_role_policy", plabel], served_by(doc, fn, "aws_iam_role_policy", [
                ("role", f"aws_iam_role.{role.labels[1]}.id"),
                ("policy", policy),
            ]), u))
            dep = f"aws_iam_role_policy.{plabel}"
            existing = fn.attr("depends_on")
            if existing is not None:
                edits += insert_into_block(doc, fn, [("", config)], kind="block")
                edits += add_list_item(doc, existing.value, dep, ordered=True)
            elif anchor_of(fn, "block") is anchor_of(fn, "tail"):
                edits += insert_into_block(doc, fn, [("", config), ("depends_on", f"[{dep}]")], kind="block")
            else:
                edits += insert_into_block(doc, fn, [("", config)], kind="block")
                edits += insert_into_block(doc, fn, [("depends_on", f"[{dep}]")], kind="tail")
        edits.append(insert_after_block(doc, fn, "\n\n".join(texts)))
        return _distinct(edits)

    return fix


def _distinct(edits):
    """Drop repeated edits (two insertions may realign the same neighbour the same way)."""
    out, seen = [], {}
    for e in edits:
        key = (e.start, e.end)
        if e.start != e.end and key in seen:
            if seen[key] != e.replacement:
                raise FixError("conflicting realignment of the function's arguments")
            continue
        seen[key] = e.replacement
        out.append(e)
    return out
