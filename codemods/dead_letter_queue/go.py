"""dead_letter_queue for AWS CDK v2 Go, as for CDK Python (``cdk.py``).

(a) ``awssqs.NewQueue`` without ``DeadLetterQueue`` that is not itself a DLQ gets a new
queue, defined just before its statement (and the comment lines above it), and
``DeadLetterQueue: &awssqs.DeadLetterQueue{MaxReceiveCount: jsii.Number(3), Queue: <dlq>}``.
A queue is a DLQ when an ``awssqs.DeadLetterQueue{Queue: ...}`` literal, any
``DeadLetterQueue:`` field (functions, rule targets, subscriptions), or an
``awslambdadestinations.NewSqsDestination`` / ``awslambdaeventsources.NewSqsDlq`` names
it, or its variable, construct id or queue name says dlq / dead-letter. A FIFO queue gets a
FIFO DLQ; the DLQ copies the queue's ``Encryption``, ``EncryptionMasterKey`` and
``EnforceSSL``, and keeps messages ``retention_seconds`` (14 days).

(b) A Lambda function (CDK Python's ``FUNCTIONS``, made the Go way) that needs one by the
``functions`` parameter (``common.aws.dead_letter_reason``) gets a new SQS-encrypted queue
and ``DeadLetterQueue: <dlq>`` (``DeadLetterQueueEnabled: jsii.Bool(false)`` is an unsafe
finding whose fix also makes it true: CDK refuses a queue beside false); CDK's Function grants its role ``sqs:SendMessage`` itself. The
invokers read: ``<fn>.AddEventSource(awslambdaeventsources.New<S3|Sns>EventSource(...))``
(asynchronous; other event sources synchronous), ``awseventstargets.NewLambdaFunction``,
``awssnssubscriptions.NewLambdaSubscription``, ``awss3notifications.NewLambdaDestination``
(asynchronous), the synchronous classes of ``common.aws.CDK_SYNC_INVOKERS`` and
``AddFunctionUrl`` / ``AddEventSourceMapping``, ``AddPermission`` / ``GrantInvoke`` by their
service principal, ``NewEventInvokeConfig`` / ``ConfigureAsyncInvoke`` (compliant with an
``OnFailure``), and a function's own ``Events``; a function an ``EdgeLambdas`` /
``awscloudfront.EdgeLambda`` names gets none.

(c) An L1 ``awssqs.NewCfnQueue``, as CDK Python's ``sqs.CfnQueue``: a new ``CfnQueue``
(``FifoQueue`` when the queue is FIFO, ``MessageRetentionPeriod`` in seconds, the queue's
``KmsMasterKeyId`` / ``SqsManagedSseEnabled`` copied) and ``RedrivePolicy:
&map[string]interface{}{"deadLetterTargetArn": <dlq>.AttrArn(), "maxReceiveCount": ...}``.
A queue some ``RedrivePolicy`` names is a DLQ.

The L1 ``CfnFunction`` is not covered (in CDK Python neither).
"""

from __future__ import annotations

import re

from iacfix.codemods.common import go as common
from iacfix.codemods.common.aws import (
    CDK_SYNC_INVOKERS, CDK_SYNC_METHODS, dead_letter_reason, invokes_asynchronously, invokes_synchronously,
)
from iacfix.codemods.common.cdk import FUNCTIONS, add_word_to_name, variable_for
from iacfix.codemods.lang.cdk.natives import order_of
from iacfix.codemods.lang.go import names
from iacfix.codemods.lang.go.interpret import _anchor, go_order
from iacfix.codemods.lang.go.values import Renderer, literal
from iacfix.core import FixError, Gap
from iacfix.transforms.go import CDK, JSII, GoLit, _walk_type, go_string, render

SQS = "github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
QUEUE = "aws_cdk.aws_sqs.Queue"
PKG = "github.com/aws/aws-cdk-go/awscdk/v2/"
ASYNC_SOURCES = {"NewS3EventSource", "NewS3EventSourceV2", "NewSnsEventSource"}
ASYNC_WRAPPERS = {(PKG + "awseventstargets", "NewLambdaFunction"), (PKG + "awssnssubscriptions", "NewLambdaSubscription"),
                  (PKG + "awss3notifications", "NewLambdaDestination")}
SYNC_CLASSES = {names.constructor("aws_cdk." + c) for c in CDK_SYNC_INVOKERS}
SYNC_METHODS = tuple(names.field(m) for m in CDK_SYNC_METHODS)
FUNCTION_CTORS = {names.constructor(q): q for q in FUNCTIONS}
DLQ_WORDS = re.compile(r"dlq|dead[-_ ]?letter", re.I)
FAILURE_FIELDS = ("DeadLetterQueue", "DeadLetterTopic", "OnFailure")


def detect(doc, ctx):
    sites = [s for s in doc.calls() if len(s.args) == 3 and (
        (s.path, s.func) in ((SQS, "NewQueue"), (SQS, "NewCfnQueue")) or (s.path, s.func) in FUNCTION_CTORS)]
    if not sites:
        return
    used_as_dlq = common.dead_letter_refs(doc)
    evidence = None
    for site in sites:
        lit = doc.literal(site.args[2])
        if (site.path, site.func) == (SQS, "NewCfnQueue"):
            if lit is None or not lit.plain or (lit.type_path, lit.type_name) != (SQS, "CfnQueueProps"):
                continue
            gap = _queue_gap(doc, site, lit, used_as_dlq, ctx, l1=True)
        elif (site.path, site.func) == (SQS, "NewQueue"):
            if lit is None and site.args[2].type != "nil":
                continue
            if lit is not None and (not lit.plain or (lit.type_path, lit.type_name) != (SQS, "QueueProps")):
                continue
            gap = _queue_gap(doc, site, lit, used_as_dlq, ctx)
        else:
            if lit is None or not lit.plain:
                continue
            if evidence is None:
                evidence = _async_evidence(doc)
            gap = _function_gap(doc, site, lit, evidence, ctx)
        if gap is not None:
            yield gap


_ref = common.ref


# -------------------------------------------------------------------- queues
def _fifo(doc, lit, l1=False):
    """True/False, or None when the file cannot tell."""
    f = lit.field("FifoQueue" if l1 else "Fifo") if lit is not None else None
    if f is not None:
        v = literal(doc, f.value)
        return v if isinstance(v, bool) else None
    qn = lit.field("QueueName") if lit is not None else None
    text = literal(doc, qn.value) if qn is not None else None
    return isinstance(text, str) and text.endswith(".fifo")


def _queue_gap(doc, site, lit, used_as_dlq, ctx, l1=False):
    if lit is not None and lit.field("RedrivePolicy" if l1 else "DeadLetterQueue") is not None:
        return None
    if site.target and site.target in used_as_dlq:
        return None
    qn = lit.field("QueueName") if lit is not None else None
    words = [site.target or "", literal(doc, site.arg(1)), literal(doc, qn.value) if qn is not None else ""]
    if any(isinstance(w, str) and DLQ_WORDS.search(w) for w in words):
        return None
    fifo = _fifo(doc, lit, l1)
    if fifo is None:
        return None
    name = common.name_of(site)
    fix = _fix_cfn_queue if l1 else _fix_queue
    return Gap(
        line=site.line,
        column=site.column,
        end_line=site.end_line,
        resource_type=f"{doc.name_for(SQS)}.{'CfnQueue' if l1 else 'Queue'}",
        resource_name=name,
        message=f"SQS queue '{name}' has no dead-letter queue",
        fix=(lambda: fix(doc, site, lit, fifo, ctx)) if common.statement_of(doc, site.call) is not None else None,
    )


def _fix_cfn_queue(doc, site, lit, fifo, ctx):
    """L1: a ``CfnQueue`` DLQ and ``RedrivePolicy: &map[string]interface{}{...}``."""
    r = Renderer(doc)
    copy = [(k, doc.source(lit.field(k).value)) for k in ("KmsMasterKeyId", "SqsManagedSseEnabled")
            if lit.field(k) is not None and "\n" not in doc.source(lit.field(k).value)]
    var, edits = _new_queue(doc, site, lit, fifo, ctx, r, copy, l1=True)
    policy = GoLit("map[string]interface{}", (
        ('"deadLetterTargetArn"', f"{var}.AttrArn()"),
        ('"maxReceiveCount"', f"{r.pkg(JSII)}.Number({int(ctx['max_receive_count'])})")))
    edits += doc.insert_fields(lit, [(None, "RedrivePolicy", policy)])
    return r.import_edits() + edits


def _fix_queue(doc, site, lit, fifo, ctx):
    r = Renderer(doc)
    copy = [(k, doc.source(lit.field(k).value)) for k in ("Encryption", "EncryptionMasterKey", "EnforceSSL")
            if lit is not None and lit.field(k) is not None and "\n" not in doc.source(lit.field(k).value)]
    var, edits = _new_queue(doc, site, lit, fifo, ctx, r, copy)
    value = GoLit(f"{r.pkg(SQS)}.DeadLetterQueue", (
        ("MaxReceiveCount", f"{r.pkg(JSII)}.Number({int(ctx['max_receive_count'])})"), ("Queue", var)))
    if lit is None:
        edits += doc.nil_to_literal(site.args[2], GoLit(f"{r.pkg(SQS)}.QueueProps", (("DeadLetterQueue", value),)))
    else:
        order = go_order(order_of(QUEUE))
        edits += doc.insert_fields(lit, [(_anchor(lit, "DeadLetterQueue", order), "DeadLetterQueue", value)])
    return r.import_edits() + edits


def _new_queue(doc, site, lit, fifo, ctx, r, extra=(), l1=False):
    """(variable, edits inserting ``<var> := awssqs.NewQueue(...)`` before the site's statement;
    ``l1``: ``awssqs.NewCfnQueue``, its retention in seconds)."""
    word = ctx["dlq_suffix"]
    stmt = common.statement_of(doc, site.call)
    construct_id = literal(doc, site.arg(1))
    if stmt is None or not isinstance(construct_id, str):
        raise FixError("the resource's construct id is not a string literal")
    new_id = add_word_to_name(construct_id, word)
    base = site.target or (construct_id[:1].lower() + re.sub(r"[^A-Za-z0-9]", "", construct_id[1:]))
    var = variable_for(base, word)
    if "_" in var and "_" not in base:
        var = base + word[:1].upper() + word[1:]
    if var in common.names_in_use(doc):
        raise FixError(f"the name {var} is already in use")
    fields = []
    name_key = "QueueName" if site.path == SQS else "FunctionName"
    qn = lit.field(name_key) if lit is not None else None
    new_name = _name_with_word(doc, qn.value, word, r) if qn is not None else None
    if new_name:
        fields.append(("QueueName", new_name))
    if fifo:
        fields.append(("FifoQueue" if l1 else "Fifo", f"{r.pkg(JSII)}.Bool(true)"))
    if l1:
        fields.append(("MessageRetentionPeriod", f"{r.pkg(JSII)}.Number({int(ctx['retention_seconds'])})"))
    else:
        fields.append(("RetentionPeriod", _duration(r, int(ctx["retention_seconds"]))))
    fields += list(extra)
    indent = doc.indent_of(stmt.start_point[0])
    kind = "CfnQueue" if l1 else "Queue"
    props = render(GoLit(f"{r.pkg(SQS)}.{kind}Props", tuple(fields)), indent, inline=False)
    code = (f"{var} := {r.pkg(SQS)}.New{kind}({doc.source(site.arg(0))}, "
            f"{r.pkg(JSII)}.String({go_string(new_id)}), {props})")
    return var, [common.before_statement(doc, stmt, [code])]


def _name_with_word(doc, node, word, r):
    """``jsii.String("orders")`` → ``jsii.String("orders-dlq")``; a ``fmt.Sprintf("orders-%s", x)``
    name → ``"orders-dlq-%s"``; None for a name built otherwise."""
    v = literal(doc, node)
    if isinstance(v, str):
        return f"{r.pkg(JSII)}.String({go_string(add_word_to_name(v, word))})"
    if node.type != "call_expression" or doc.selector(node.child_by_field_name("function")) != (JSII, "String"):
        return None
    args = [c for c in node.child_by_field_name("arguments").named_children if c.type != "comment"]
    inner = args[0] if len(args) == 1 else None
    if inner is None or inner.type != "call_expression" or doc.selector(inner.child_by_field_name("function")) != (
            common.FMT, "Sprintf"):
        return None
    fargs = [c for c in inner.child_by_field_name("arguments").named_children if c.type != "comment"]
    fmt = literal(doc, fargs[0]) if fargs else None
    m = re.fullmatch(r"(.*?)([-_])(%[sv])(\.fifo)?", fmt) if isinstance(fmt, str) else None
    if m is None:
        return None
    new = f"{m.group(1)}{m.group(2)}{word}{m.group(2)}{m.group(3)}{m.group(4) or ''}"
    rest = ", ".join(doc.source(a) for a in fargs[1:])
    return f"{r.pkg(JSII)}.String({r.pkg(common.FMT)}.Sprintf({go_string(new)}, {rest}))"


def _duration(r, seconds):
    for unit, n in (("Days", 86400), ("Hours", 3600), ("Minutes", 60)):
        if seconds % n == 0:
            return f"{r.pkg(CDK)}.Duration_{unit}({r.pkg(JSII)}.Number({seconds // n}))"
    return f"{r.pkg(CDK)}.Duration_Seconds({r.pkg(JSII)}.Number({seconds}))"


# ----------------------------------------------------------------- functions
def _refs_in(doc, node) -> set:
    out = set()
    for n in list(_walk_type(node, "identifier")) + list(_walk_type(node, "selector_expression")) + \
            list(_walk_type(node, "call_expression")):
        out.add(_ref(doc, n))
    return out


def _strings_in(doc, node):
    for n in _walk_type(node, "interpreted_string_literal"):
        yield literal(doc, n)


def _async_evidence(doc):
    """(async, sync, other, handled, edge) per function reference, as CDK Python reads them."""
    inv_async, inv_sync, other, handled = {}, {}, {}, set()

    def add(where, ref, who):
        where.setdefault(ref, set()).add(who)

    for m in common.method_calls(doc, "AddEventSource"):
        src = m.args[0] if m.args else None
        sel = doc.selector(src.child_by_field_name("function")) if src is not None and src.type == "call_expression" else None
        if sel is not None:
            add(inv_async if sel[1] in ASYNC_SOURCES else inv_sync, m.receiver, sel[1][len("New"):])
    for m in common.method_calls(doc, *SYNC_METHODS):
        add(inv_sync, m.receiver, m.method)
    for s in doc.calls():
        key = (s.path, s.func)
        if key in ASYNC_WRAPPERS and s.args:
            add(inv_async, _ref(doc, s.args[0]), s.func[len("New"):])
        elif key in SYNC_CLASSES:
            for ref in _refs_in(doc, s.call):
                add(inv_sync, ref, s.func[len("New"):])
        elif key == (PKG + "awslambda", "NewEventInvokeConfig") and len(s.args) == 3:
            lit = doc.literal(s.args[2])
            f = lit.field("Function") if lit is not None else None
            if f is not None:
                if lit.field("OnFailure") is not None:
                    handled.add(_ref(doc, f.value))
                else:
                    add(inv_async, _ref(doc, f.value), "EventInvokeConfig")
    for m in common.method_calls(doc, "ConfigureAsyncInvoke"):
        lit = doc.literal(m.args[0]) if m.args else None
        if lit is not None and lit.field("OnFailure") is not None:
            handled.add(m.receiver)
        else:
            add(inv_async, m.receiver, "ConfigureAsyncInvoke")
    for m in common.method_calls(doc, "AddPermission", "GrantInvoke"):
        strings = list(_strings_in(doc, m.call))
        kind = inv_async if any(invokes_asynchronously(x) for x in strings) else \
            inv_sync if any(invokes_synchronously(x) for x in strings) else other
        add(kind, m.receiver, m.method)
    for s in doc.calls():
        if (s.path, s.func) in FUNCTION_CTORS and len(s.args) == 3:
            lit = doc.literal(s.args[2])
            f = lit.field("Events") if lit is not None else None
            if f is not None:
                for call in _walk_type(f.value, "call_expression"):
                    sel = doc.selector(call.child_by_field_name("function"))
                    if sel is not None and sel[1].startswith("New"):
                        add(inv_async if sel[1] in ASYNC_SOURCES else inv_sync, _key(s), sel[1][len("New"):])
    edge = common.edge_functions(doc)
    return inv_async, inv_sync, other, handled, edge


def _key(site) -> str:
    """What the evidence of a function's invokers is filed under: its variable, else (a
    function without one can only be invoked by its own ``Events``) its place."""
    return site.target or f"@{site.call.start_byte}"


def _function_gap(doc, site, lit, evidence, ctx):
    if (lit.type_path, lit.type_name) != names.props(FUNCTION_CTORS[(site.path, site.func)]):
        return None
    inv_async, inv_sync, other, handled, edge = evidence
    t = _key(site)
    if t in handled:
        return None
    reason = dead_letter_reason(str(ctx["functions"]), inv_async.get(t, ()), inv_sync.get(t, ()),
                                other.get(t, ()), t in edge)
    if reason is None or any(lit.field(k) is not None for k in FAILURE_FIELDS):
        return None
    enabled = lit.field("DeadLetterQueueEnabled")
    unsafe = False
    if enabled is not None:
        if literal(doc, enabled.value) is not False:
            return None  # true: CDK creates the DLQ; anything else: unknown
        unsafe = True
    name = common.name_of(site)
    msg = f"Lambda function '{name}' has no dead-letter queue ({reason})"
    if unsafe:
        msg = f"Lambda function '{name}' has its dead-letter queue disabled ({reason})"
    return Gap(
        line=site.line,
        column=site.column,
        end_line=site.end_line,
        resource_type=f"{doc.name_for(site.path)}.{site.func[len('New'):]}",
        resource_name=name,
        message=msg,
        fix=(lambda: _fix_function(doc, site, lit, ctx)) if common.statement_of(doc, site.call) is not None else None,
        unsafe=unsafe,
    )


def _fix_function(doc, site, lit, ctx):
    r = Renderer(doc)
    # failed events are encrypted at rest, as sqs-encryption would have them
    var, edits = _new_queue(doc, site, lit, False, ctx, r,
                            (("Encryption", f"{r.pkg(SQS)}.QueueEncryption_SQS_MANAGED"),))
    enabled = lit.field("DeadLetterQueueEnabled")
    if enabled is not None:  # false → true (CDK refuses a queue with false), beside the queue
        edits += doc.replace(enabled.value, f"{r.pkg(JSII)}.Bool(true)")
    order = go_order(order_of(FUNCTION_CTORS[(site.path, site.func)]))
    edits += doc.insert_fields(lit, [(_anchor(lit, "DeadLetterQueue", order), "DeadLetterQueue", var)])
    return r.import_edits() + edits
