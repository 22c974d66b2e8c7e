"""dead_letter_queue for AWS CDK v2, Python and Go (one detector on the neutral view of
``lang.view``).

(a) ``sqs.Queue`` / ``awssqs.NewQueue`` without ``dead_letter_queue`` that is not itself a
DLQ gets a new queue, defined just before its statement, and
``dead_letter_queue=sqs.DeadLetterQueue(max_receive_count=3, queue=<dlq>)`` /
``DeadLetterQueue: &awssqs.DeadLetterQueue{MaxReceiveCount: jsii.Number(3), Queue: <dlq>}``.
A queue is a DLQ when a ``DeadLetterQueue`` struct, any ``dead_letter_queue`` prop
(functions, rule targets, SNS subscriptions), an L1 redrive policy, or an
``SqsDestination``/``SqsDlq`` failure destination names it, or its variable/construct
id/queue name says dlq / dead-letter. A queue created where no statement can go before it
(Python: inside an expression or a one-line ``def``) is reported without a fix. A FIFO
queue gets a FIFO DLQ. The DLQ copies the served queue's encryption settings (it holds
the same messages), not its tags. An L1 ``CfnQueue`` gets a ``CfnQueue`` DLQ
(``message_retention_period`` in seconds) and ``redrive_policy={"deadLetterTargetArn":
<dlq>.attr_arn, "maxReceiveCount": 3}``.

(b) A Lambda function that needs one by the ``functions`` parameter
(``dead_letter_reason``: unless every visible invoker is synchronous — API Gateway
integrations, ALB targets, Function URLs, event sources that poll — by default), e.g.
one invoked asynchronously according to the file (S3/SNS event sources,
``targets.LambdaFunction(fn)``, ``LambdaSubscription(fn)``, ``LambdaDestination(fn)``,
``EventInvokeConfig``/``configure_async_invoke``, a permission for an AWS service
principal such as ``s3.amazonaws.com``) without a dead-letter queue/topic or an
``on_failure`` destination gets a new SQS-encrypted queue and ``dead_letter_queue=<dlq>``.
A function without a variable can only be invoked through its own ``events``. CDK's
``Function`` grants its execution role ``sqs:SendMessage`` on that queue itself
(aws-lambda/lib/function.ts, ``buildDeadLetterQueue``), so no policy statement is added.
``dead_letter_queue_enabled=False`` is reported as unsafe (the fix writes the queue in
its place; Go, where the field stays, makes it true). A function an ``edge_lambdas`` /
``EdgeLambda`` names (Lambda@Edge) gets none. The L1 ``CfnFunction`` is not covered.
"""

from __future__ import annotations

import re

from iacfix.codemods.common.aws import (
    CDK_SYNC_INVOKERS, CDK_SYNC_METHODS, dead_letter_reason, invokes_asynchronously, invokes_synchronously,
)
from iacfix.codemods.common.cdk import FUNCTIONS
from iacfix.codemods.lang import cdk_file
from iacfix.codemods.lang.cdk import Call, Code, Member
from iacfix.codemods.lang.view import New

QUEUE = "aws_cdk.aws_sqs.Queue"
CFN_QUEUE = "aws_cdk.aws_sqs.CfnQueue"
DLQ_STRUCT = "aws_cdk.aws_sqs.DeadLetterQueue"
SQS_MANAGED = "aws_cdk.aws_sqs.QueueEncryption.SQS_MANAGED"
EVENT_INVOKE_CONFIG = "aws_cdk.aws_lambda.EventInvokeConfig"
CFN_PERMISSION = "aws_cdk.aws_lambda.CfnPermission"
ASYNC_SOURCES = (
    "aws_cdk.aws_lambda_event_sources.S3EventSource",
    "aws_cdk.aws_lambda_event_sources.S3EventSourceV2",
    "aws_cdk.aws_lambda_event_sources.SnsEventSource",
)
ASYNC_WRAPPERS = (  # classes whose first argument is a function invoked asynchronously
    "aws_cdk.aws_events_targets.LambdaFunction",
    "aws_cdk.aws_sns_subscriptions.LambdaSubscription",
    "aws_cdk.aws_s3_notifications.LambdaDestination",
)
SYNC_CLASSES = tuple("aws_cdk." + c for c in CDK_SYNC_INVOKERS)
FUNCTION_ATTRS = ("function_name", "function_arn", "current_version", "latest_version")
DLQ_WORDS = re.compile(r"dlq|dead[-_ ]?letter", re.I)
FAILURE_PROPS = ("dead_letter_queue", "dead_letter_topic", "on_failure")
# What a DLQ copies of the queue it serves (it holds the same messages).
COPIED = {QUEUE: ("encryption", "encryption_master_key", "enforce_ssl"),
          CFN_QUEUE: ("kms_master_key_id", "sqs_managed_sse_enabled")}


def detect(doc, ctx):
    view = cdk_file(doc, ctx)
    queues = view.constructs(QUEUE, CFN_QUEUE)
    functions = view.constructs(*FUNCTIONS)
    if not queues and not functions:
        return
    used_as_dlq = view.dead_letter_refs()
    for q in queues:
        gap = _queue_gap(q, used_as_dlq, ctx)
        if gap is not None:
            yield gap
    if functions:
        evidence = _async_evidence(view)
        edge = view.edge_functions()
        for fn in functions:
            gap = _function_gap(fn, evidence, edge, ctx)
            if gap is not None:
                yield gap


# -------------------------------------------------------------------- queues
def _text(c, prop) -> str:
    """The text of a name prop, the fields of an f-string left out."""
    key = c.name_key(prop)
    return re.sub(r"\{[^{}]*\}", "", key) if key else ""


def _queue_gap(q, used_as_dlq, ctx):
    l1 = q.qualname == CFN_QUEUE
    if q.opaque or q.has("redrive_policy" if l1 else "dead_letter_queue"):
        return None
    if q.target and q.target in used_as_dlq:
        return None
    words = [q.target or "", "".join(p for p in q.id_parts() or () if isinstance(p, str)), _text(q, "queue_name")]
    if any(DLQ_WORDS.search(w) for w in words):
        return None
    fifo = _fifo(q, l1)
    if fifo is None:
        return None
    return q.gap(f"SQS queue '{q.name}' has no dead-letter queue",
                 q.fixer(lambda: _fix_queue(q, fifo, ctx)) if q.can_add_before else None)


def _fifo(q, l1):
    """True/False, or None when the file cannot tell (fifo=<variable>)."""
    flag = "fifo_queue" if l1 else "fifo"
    if q.has(flag):
        v = q.value(flag)
        return v if isinstance(v, bool) else None
    return _text(q, "queue_name").endswith(".fifo")


def _fix_queue(q, fifo, ctx):
    l1 = q.qualname == CFN_QUEUE
    props = _dlq_props(q, "queue_name", fifo, ctx, l1)
    props += [(k, Code(q.value_source(k))) for k in COPIED[q.qualname] if q.has(k) and "\n" not in q.value_source(k)]
    var, edits = q.add_before(q.qualname, ctx["dlq_suffix"], props)
    count = int(ctx["max_receive_count"])
    if l1:
        return edits + q.add_prop("redrive_policy", {"deadLetterTargetArn": Code(q.attr("attr_arn", var)),
                                                      "maxReceiveCount": count})
    dlq = New(DLQ_STRUCT, (("max_receive_count", count), ("queue", Code(var))))
    return edits + q.add_prop("dead_letter_queue", dlq)


def _dlq_props(c, name_prop, fifo, ctx, l1=False):
    """The DLQ's name (the served resource's with the word added), FIFO flag and retention."""
    out = []
    name = c.name_with_word(name_prop, ctx["dlq_suffix"])
    if name is not None:
        out.append(("queue_name", Code(name)))
    if fifo:
        out.append(("fifo_queue" if l1 else "fifo", True))
    seconds = int(ctx["retention_seconds"])
    out.append(("message_retention_period", seconds) if l1 else ("retention_period", _duration(seconds)))
    return out


def _duration(seconds):
    for unit, n in (("days", 86400), ("hours", 3600), ("minutes", 60)):
        if seconds % n == 0:
            return Call(f"aws_cdk.Duration.{unit}", seconds // n)
    return Call("aws_cdk.Duration.seconds", seconds)


# ----------------------------------------------------------------- functions
def _key(fn) -> str:
    """What the evidence of a function's invokers is filed under: its variable, else (a
    function without one can only be invoked through its own ``events``) its place."""
    return fn.target or f"@{fn.line}:{fn.column}"


def _async_evidence(view):
    """(async, sync, other, handled): per function reference, the names of its visible
    asynchronous, synchronous and unclassified invokers; refs with an on-failure destination."""
    inv_async, inv_sync, other, handled = {}, {}, {}, set()

    def add(where, ref, who):
        where.setdefault(ref, set()).add(who)

    def by_principal(strings):
        if any(invokes_asynchronously(s) for s in strings):
            return inv_async
        return inv_sync if any(invokes_synchronously(s) for s in strings) else other

    for m in view.method_sites(["add_event_source"]):
        src = m.args[0] if m.args else None
        who = src.callee() if src is not None else None
        if who is not None:
            add(inv_async if src.call(*ASYNC_SOURCES) else inv_sync, m.receiver.ref(FUNCTION_ATTRS),
                who or "an event source")
    for m in view.method_sites(CDK_SYNC_METHODS):
        add(inv_sync, m.receiver.ref(FUNCTION_ATTRS), m.method)
    for qualname, call in view.calls(*ASYNC_WRAPPERS):
        _, args = call.call(qualname)
        props = call.props(qualname)
        ref = args[0].ref(FUNCTION_ATTRS) if args else props.ref("handler", FUNCTION_ATTRS) if props else None
        if ref is not None:
            add(inv_async, ref, qualname.rpartition(".")[2])
    for qualname, call in view.calls(*SYNC_CLASSES):
        for ref in call.refs():
            add(inv_sync, ref, qualname.rpartition(".")[2])
    for c in view.constructs(EVENT_INVOKE_CONFIG):
        ref = c.ref("function", FUNCTION_ATTRS)
        if ref is not None:
            if c.has("on_failure"):
                handled.add(ref)
            else:
                add(inv_async, ref, "EventInvokeConfig")
    for m in view.method_sites(["configure_async_invoke"]):
        ref = m.receiver.ref(FUNCTION_ATTRS)
        if m.has_option("on_failure"):
            handled.add(ref)
        else:
            add(inv_async, ref, view.method_name(m.method))
    for m in view.method_sites(["add_permission", "grant_invoke"]):
        add(by_principal(m.strings()), m.receiver.ref(FUNCTION_ATTRS), view.method_name(m.method))
    for c in view.constructs(CFN_PERMISSION):
        ref, principal = c.ref("function_name", FUNCTION_ATTRS), c.value("principal")
        if ref is not None:
            add(by_principal([principal] if isinstance(principal, str) else []), ref, "CfnPermission")
    for fn in view.constructs(*FUNCTIONS):  # events=[S3EventSource(...)]
        events = fn.arg("events")
        for call in events.calls() if events is not None else ():
            who = call.callee()
            if who:
                add(inv_async if call.call(*ASYNC_SOURCES) else inv_sync, _key(fn), who)
    return inv_async, inv_sync, other, handled


def _function_gap(fn, evidence, edge, ctx):
    if fn.opaque:
        return None
    inv_async, inv_sync, other, handled = evidence
    key = _key(fn)
    if key in handled:
        return None
    reason = dead_letter_reason(str(ctx["functions"]), inv_async.get(key, ()), inv_sync.get(key, ()),
                                other.get(key, ()), key in edge)
    if reason is None or any(fn.has(k) for k in FAILURE_PROPS):
        return None
    unsafe = fn.has("dead_letter_queue_enabled")
    if unsafe and fn.value("dead_letter_queue_enabled") is not False:
        return None  # True: CDK creates the DLQ; a variable: unknown
    state = "has its dead-letter queue disabled" if unsafe else "has no dead-letter queue"
    return fn.gap(f"Lambda function '{fn.name}' {state} ({reason})",
                  fn.fixer(lambda: _fix_function(fn, ctx)) if fn.can_add_before else None, unsafe=unsafe)


def _fix_function(fn, ctx):
    # Failed events are encrypted at rest, as sqs-encryption would have them: so the
    # two codemods give one file in either order.
    props = _dlq_props(fn, "function_name", False, ctx) + [("encryption", Member(SQS_MANAGED))]
    var, edits = fn.add_before(QUEUE, ctx["dlq_suffix"], props)
    if fn.has("dead_letter_queue_enabled"):
        return edits + fn.replace_flag("dead_letter_queue_enabled", "dead_letter_queue", Code(var))
    return edits + fn.add_prop("dead_letter_queue", Code(var))
