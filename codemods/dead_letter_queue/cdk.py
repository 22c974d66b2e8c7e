"""dead_letter_queue for AWS CDK v2 Python.

(a) ``sqs.Queue`` without ``dead_letter_queue=`` that is not itself a DLQ gets a
new queue, defined just before it, and
``dead_letter_queue=sqs.DeadLetterQueue(max_receive_count=3, queue=<dlq>)``.
A queue is a DLQ when a ``DeadLetterQueue(queue=...)``, any
``dead_letter_queue=`` (functions, rule targets, SNS subscriptions), or an
``SqsDestination``/``SqsDlq`` failure destination names it, or its
variable/construct id/queue name says dlq / dead-letter. A queue created
inside an expression (a comprehension, a call argument) or a one-line ``def``
is reported without a fix: there is no statement to put its DLQ before.
A FIFO queue gets a FIFO DLQ. The DLQ copies the served queue's encryption
settings (it holds the same messages), not its tags. An L1 ``sqs.CfnQueue``
gets a ``CfnQueue`` DLQ (``message_retention_period`` in seconds) and
``redrive_policy={"deadLetterTargetArn": <dlq>.attr_arn, "maxReceiveCount": 3}``.

(b) A Lambda function that needs one by the ``functions`` parameter
(``dead_letter_reason``: unless every visible invoker is synchronous — API Gateway
integrations, ALB targets, Function URLs, event sources that poll — by default), e.g.
one invoked asynchronously according to the file (S3/SNS event
sources, ``targets.LambdaFunction(fn)``, ``LambdaSubscription(fn)``,
``LambdaDestination(fn)``, ``EventInvokeConfig``/``configure_async_invoke``, a
permission for an AWS service principal such as ``s3.amazonaws.com``) without a
dead-letter queue/topic or an ``on_failure`` destination gets a new queue and
``dead_letter_queue=<dlq>``. CDK's ``Function`` grants its execution role
``sqs:SendMessage`` on that queue itself (aws-lambda/lib/function.ts,
``buildDeadLetterQueue``), so no policy statement is added.
``dead_letter_queue_enabled=False`` is reported as unsafe.
"""

from __future__ import annotations

import re

import libcst as cst

from iacfix.codemods.common.aws import CDK_SYNC_INVOKERS, CDK_SYNC_METHODS, dead_letter_reason, invokes_asynchronously, invokes_synchronously
from iacfix.codemods.common import cdk as common
from iacfix.codemods.common.cdk import FUNCTIONS
from iacfix.core import Edit, FixError, Gap
from iacfix.transforms.python import file_quote, kwarg

QUEUE = "aws_cdk.aws_sqs.Queue"
CFN_QUEUE = "aws_cdk.aws_sqs.CfnQueue"
DLQ_STRUCT = "aws_cdk.aws_sqs.DeadLetterQueue"
ASYNC_SOURCES = {
    "aws_cdk.aws_lambda_event_sources.S3EventSource",
    "aws_cdk.aws_lambda_event_sources.S3EventSourceV2",
    "aws_cdk.aws_lambda_event_sources.SnsEventSource",
}
ASYNC_WRAPPERS = (  # classes whose first argument is a function invoked asynchronously
    "aws_cdk.aws_events_targets.LambdaFunction",
    "aws_cdk.aws_sns_subscriptions.LambdaSubscription",
    "aws_cdk.aws_s3_notifications.LambdaDestination",
)
FAILURE_DESTINATIONS = (  # wrappers that send failed invocations/records to a queue
    "aws_cdk.aws_lambda_destinations.SqsDestination",
    "aws_cdk.aws_lambda_event_sources.SqsDlq",
)
SYNC_CLASSES = tuple("aws_cdk." + c for c in CDK_SYNC_INVOKERS)
EDGE_FUNCTIONS = ("aws_cdk.aws_cloudfront.experimental.EdgeFunction",)
DLQ_WORDS = re.compile(r"dlq|dead[-_ ]?letter", re.I)
FAILURE_KWARGS = ("dead_letter_queue", "dead_letter_topic", "on_failure")


def detect(doc, ctx):
    queues = doc.calls(QUEUE, CFN_QUEUE)
    functions = doc.calls(*FUNCTIONS)
    if not queues and not functions:
        return
    if common.is_cdk_v1(doc):
        return
    used_as_dlq = _dlq_refs(doc)
    for site in queues:
        gap = _queue_gap(doc, site, used_as_dlq, ctx)
        if gap is not None:
            yield gap
    if functions:
        evidence = _async_evidence(doc)
        edge = common.edge_functions(doc)
        for site in functions:
            gap = _function_gap(doc, site, evidence, edge, ctx)
            if gap is not None:
                yield gap


# -------------------------------------------------------------------- queues
def _norm(doc, node) -> str:
    return re.sub(r"\s+", "", doc.code(node))


def _dlq_refs(doc) -> set:
    """Queues the file uses to keep failed messages or events (normalised references)."""
    refs = set()
    for s in doc.calls(DLQ_STRUCT):
        arg = s.kwarg("queue")
        node = arg.value if arg is not None else s.positional(1)
        if node is not None:
            refs.add(_norm(doc, node))
    for s in doc.calls(*FAILURE_DESTINATIONS):
        node = s.positional(0) or (s.kwarg("queue").value if s.kwarg("queue") else None)
        if node is not None:
            refs.add(_norm(doc, node))
    # dead_letter_queue=<queue> anywhere: functions, rule targets, SNS subscriptions;
    # L1: redrive_policy={"deadLetterTargetArn": q.attr_arn}, DeadLetterConfig(target_arn=q.attr_arn)
    for n in doc.nodes:
        if (
            isinstance(n, cst.Arg)
            and n.keyword is not None
            and n.keyword.value in ("dead_letter_queue", "target_arn")
        ):
            if isinstance(n.value, (cst.Name, cst.Attribute)):
                refs.add(re.sub(r"\.(attr_arn|queue_arn)$", "", _norm(doc, n.value)))
        elif isinstance(n, cst.DictElement) and common.string(n.key) == "deadLetterTargetArn":
            refs.add(re.sub(r"\.(attr_arn|queue_arn)$", "", _norm(doc, n.value)))
    return refs


def _queue_gap(doc, site, used_as_dlq, ctx):
    l1 = site.qualname == CFN_QUEUE
    if site.has_star_kwargs() or site.kwarg("redrive_policy" if l1 else "dead_letter_queue") is not None:
        return None
    if site.target and site.target in used_as_dlq:
        return None
    qn = site.kwarg("queue_name")
    words = [
        site.target or "",
        common.text_of(site.positional(1)) or "",
        common.text_of(qn.value) if qn else "",
    ]
    if any(DLQ_WORDS.search(w or "") for w in words):
        return None
    fifo = _fifo(site)
    if fifo is None:
        return None
    return Gap(
        line=site.line,
        column=site.column,
        end_line=site.end_line,
        resource_type=site.qualname.replace("aws_cdk.", "", 1),
        resource_name=common.name_of(site),
        message=f"SQS queue '{common.name_of(site)}' has no dead-letter queue",
        fix=(
            (lambda: (_fix_cfn_queue if l1 else _fix_queue)(doc, site, fifo, ctx))
            if common.own_statement(doc, site)
            else None
        ),
    )


def _fifo(site):
    """True/False, or None when the file cannot tell (fifo=<variable>)."""
    arg = site.kwarg("fifo_queue" if site.qualname == CFN_QUEUE else "fifo")
    if arg is not None:
        return common.boolean(arg.value)
    qn = site.kwarg("queue_name")
    text = common.text_of(qn.value) if qn is not None else None
    return bool(text and text.endswith(".fifo"))


def _fix_queue(doc, site, fifo, ctx):
    sqs_ref, imports = doc.import_name(DLQ_STRUCT)
    copy = ("encryption", "encryption_master_key", "enforce_ssl")
    func = doc.source(site.call.func)
    dlq_var, new_stmt, more = _new_queue(doc, site, site.kwarg("queue_name"), fifo, ctx, func, copy)
    value = f"{sqs_ref}(max_receive_count={int(ctx['max_receive_count'])}, queue={dlq_var})"
    return imports + more + new_stmt + doc.add_kwargs(site.call, [("dead_letter_queue", value)])


def _fix_cfn_queue(doc, site, fifo, ctx):
    """L1: a ``sqs.CfnQueue`` DLQ and ``redrive_policy={"deadLetterTargetArn": ..., "maxReceiveCount": 3}``."""
    func = doc.source(site.call.func)
    dlq_var, new_stmt, more = _new_queue(
        doc,
        site,
        site.kwarg("queue_name"),
        fifo,
        ctx,
        func,
        ("kms_master_key_id", "sqs_managed_sse_enabled"),
        l1=True,
    )
    q = file_quote(doc)
    value = (
        f"{{{q}deadLetterTargetArn{q}: {dlq_var}.attr_arn, "
        f"{q}maxReceiveCount{q}: {int(ctx['max_receive_count'])}}}"
    )
    return more + new_stmt + doc.add_kwargs(site.call, [("redrive_policy", value)])


def _new_queue(doc, site, name_arg, fifo, ctx, func, copy=(), l1=False, extra=()):
    """(variable, edits inserting the DLQ statement before the served one, import edits).

    ``l1``: the DLQ is a ``CfnQueue`` (``fifo_queue``, ``message_retention_period`` in seconds)."""
    word = ctx["dlq_suffix"]
    stmt = site.statement
    if stmt is None:
        raise FixError("the resource is not created in a statement the DLQ can precede")
    id_node = site.positional(1)
    new_id = common.add_word_to_literal(doc, id_node, word) if id_node is not None else None
    if new_id is None:
        raise FixError("the resource's construct id is not a string literal")
    if site.target:
        var = common.variable_for(site.target, word)
    else:
        var = common.snake(common.text_of(id_node) or "") + "_" + word
    if var in common.names_in_use(doc):
        raise FixError(f"the name {var} is already in use")
    scope = site.positional(0)
    args = [doc.source(scope) if scope is not None else "self", new_id]
    if name_arg is not None:
        new_name = common.add_word_to_literal(doc, name_arg.value, word)
        if new_name is not None:
            args.append(f"queue_name={new_name}")
    if fifo:
        args.append("fifo_queue=True" if l1 else "fifo=True")
    if l1:
        imports = []
        args.append(f"message_retention_period={int(ctx['retention_seconds'])}")
    else:
        duration, imports = doc.import_name("aws_cdk.Duration")
        args.append(f"retention_period={_duration(duration, int(ctx['retention_seconds']))}")
    for kw in copy:
        arg = site.kwarg(kw)
        if arg is not None and "\n" not in doc.source(arg.value):
            args.append(f"{kw}={doc.source(arg.value)}")
    args.extend(extra)
    indent = doc.statement_indent(stmt)
    code = doc.render_call(f"{var} = ", func, args, like=site.call, indent=indent)
    return var, doc.insert_before_statement(stmt, code, blank_line=None), imports


def _duration(ref, seconds):
    for unit, n in (("days", 86400), ("hours", 3600), ("minutes", 60)):
        if seconds % n == 0:
            return f"{ref}.{unit}({seconds // n})"
    return f"{ref}.seconds({seconds})"


# ----------------------------------------------------------------- functions
def _refs_in(doc, node) -> set:
    """Normalised references (names, attributes) inside ``node``, with any trailing
    ``.function_arn``/``.current_version``… also given without it."""
    out = set()
    for n in common.walk(node):
        if isinstance(n, (cst.Name, cst.Attribute)):
            ref = _norm(doc, n)
            out.add(ref)
            out.add(re.sub(r"\.(function_name|function_arn|current_version|latest_version)$", "", ref))
    return out


def _async_evidence(doc):
    """(async, sync, other, handled): per normalised function ref, the names of its visible
    asynchronous, synchronous and unclassified invokers; refs with an on-failure destination."""
    inv_async, inv_sync, other, handled = {}, {}, {}, set()

    def add(where, ref, who):
        where.setdefault(ref, set()).add(who)

    for call in common.method_calls(doc, "add_event_source"):
        if call.args and isinstance(call.args[0].value, cst.Call):
            names = doc.qualified_names(call.args[0].value.func)
            who = _short(names)
            add(inv_async if names & ASYNC_SOURCES else inv_sync, _norm(doc, call.func.value), who)
    for method in CDK_SYNC_METHODS:
        for call in common.method_calls(doc, method):
            add(inv_sync, _norm(doc, call.func.value), method)
    for site in doc.calls(*ASYNC_WRAPPERS):
        fn = site.positional(0) or (site.kwarg("handler").value if site.kwarg("handler") else None)
        if fn is not None:
            add(inv_async, _norm(doc, fn), site.qualname.rsplit(".", 1)[-1])
    for site in doc.calls(*SYNC_CLASSES):
        for ref in _refs_in(doc, site.call):
            add(inv_sync, ref, site.qualname.rsplit(".", 1)[-1])
    for site in doc.calls("aws_cdk.aws_lambda.EventInvokeConfig"):
        arg = site.kwarg("function")
        if arg is not None:
            if site.kwarg("on_failure"):
                handled.add(_norm(doc, arg.value))
            else:
                add(inv_async, _norm(doc, arg.value), "EventInvokeConfig")
    for call in common.method_calls(doc, "configure_async_invoke"):
        target = _norm(doc, call.func.value)
        if kwarg(call, "on_failure"):
            handled.add(target)
        else:
            add(inv_async, target, "configure_async_invoke")
    for method in ("add_permission", "grant_invoke"):
        for call in common.method_calls(doc, method):
            add(_kind(call, inv_async, inv_sync, other), _norm(doc, call.func.value), method)
    for site in doc.calls("aws_cdk.aws_lambda.CfnPermission"):
        arg = site.kwarg("function_name")
        if arg is not None:
            ref = re.sub(r"\.(function_name|function_arn)$", "", _norm(doc, arg.value))
            add(_kind(site.call, inv_async, inv_sync, other), ref, "CfnPermission")
    for site in doc.calls(*FUNCTIONS):  # events=[S3EventSource(...)]
        arg = site.kwarg("events")
        if arg is not None and site.target:
            for n in common.walk(arg.value):
                if isinstance(n, cst.Call):
                    names = doc.qualified_names(n.func)
                    if names:
                        add(inv_async if names & ASYNC_SOURCES else inv_sync, site.target, _short(names))
    return inv_async, inv_sync, other, handled


def _short(names) -> str:
    return sorted(names)[0].rsplit(".", 1)[-1] if names else "an event source"


def _kind(call, inv_async, inv_sync, other):
    if _async_principal(call):
        return inv_async
    if _sync_principal(call):
        return inv_sync
    return other


def _sync_principal(call) -> bool:
    for n in common.walk(call):
        s = common.string(n) if isinstance(n, (cst.SimpleString, cst.ConcatenatedString)) else None
        if invokes_synchronously(s):
            return True
    return False


def _async_principal(call) -> bool:
    for n in common.walk(call):
        s = common.string(n) if isinstance(n, (cst.SimpleString, cst.ConcatenatedString)) else None
        if invokes_asynchronously(s):
            return True
    return False


def _function_gap(doc, site, evidence, edge, ctx):
    if site.has_star_kwargs() or not site.target:
        return None
    inv_async, inv_sync, other, handled = evidence
    if site.target in handled:
        return None
    reason = dead_letter_reason(str(ctx["functions"]), inv_async.get(site.target, ()), inv_sync.get(site.target, ()),
                                other.get(site.target, ()), site.target in edge)
    if reason is None:
        return None
    if any(site.kwarg(k) is not None for k in FAILURE_KWARGS):
        return None
    enabled = site.kwarg("dead_letter_queue_enabled")
    unsafe = False
    if enabled is not None:
        value = common.boolean(enabled.value)
        if value is not False:
            return None  # True: CDK creates the DLQ; a variable: unknown
        unsafe = True
    msg = f"Lambda function '{common.name_of(site)}' has no dead-letter queue ({reason})"
    if unsafe:
        msg = f"Lambda function '{common.name_of(site)}' has its dead-letter queue disabled ({reason})"
    return Gap(
        line=site.line,
        column=site.column,
        end_line=site.end_line,
        resource_type=site.qualname.replace("aws_cdk.", "", 1),
        resource_name=common.name_of(site),
        message=msg,
        fix=(lambda: _fix_function(doc, site, ctx)) if common.own_statement(doc, site) else None,
        unsafe=unsafe,
    )


def _fix_function(doc, site, ctx):
    sqs_ref, imports = doc.import_name("aws_cdk.aws_sqs", alias="sqs")
    # Failed events are encrypted at rest, as sqs-encryption would have them: so the
    # two codemods give one file in either order.
    dlq_var, new_stmt, more = _new_queue(
        doc, site, site.kwarg("function_name"), False, ctx, func=f"{sqs_ref}.Queue",
        extra=(f"encryption={sqs_ref}.QueueEncryption.SQS_MANAGED",),
    )
    enabled = site.kwarg("dead_letter_queue_enabled")
    if enabled is not None:  # dead_letter_queue_enabled=False → dead_letter_queue=<dlq>
        start, end = doc.start(enabled.keyword), doc.end(enabled.value)
        edits = [Edit(start, end, f"dead_letter_queue={dlq_var}")]
    else:
        edits = doc.add_kwargs(site.call, [("dead_letter_queue", dlq_var)])
    return imports + more + new_stmt + edits
