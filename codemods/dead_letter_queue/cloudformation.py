"""dead_letter_queue for CloudFormation.

(a) An AWS::SQS::Queue that is not itself a dead-letter queue and has no
    RedrivePolicy gets a new queue right after it and a RedrivePolicy to it.
(b) An AWS::Lambda::Function / AWS::Serverless::Function that needs one by the
    ``functions`` parameter (``dead_letter_reason``: unless every visible invoker is
    synchronous, by default), e.g. one invoked asynchronously
    (evidence in the template: S3 notifications, SNS subscriptions, EventBridge rule
    or schedule targets, an event-invoke config, a permission for an AWS service
    principal that invokes asynchronously, SAM async events) and without a
    dead-letter config or on-failure destination gets a new queue, its
    DeadLetterConfig (SAM: DeadLetterQueue), and, when its role is in the template,
    a policy on that role allowing sqs:SendMessage to the queue. A custom resource's
    handler is invoked by CloudFormation, which reports its failure: one named as a
    Custom:: resource's ServiceToken, one whose inline code answers CloudFormation
    (``cfnresponse``), and one whose Description, or that of an output giving its ARN,
    says it is one (the handler of another stack's custom resources, its code in S3).
    Functions the Lambda service never invokes get none: Lambda@Edge functions and
    functions deployed to a Greengrass core (named by a Greengrass function definition).
"""

from __future__ import annotations

import re

from iacfix.codemods.common.aws import (
    CLOUDFORMATION_CUSTOM_RESOURCE,
    CLOUDFORMATION_SYNC_INVOKERS,
    SAM_SYNC_EVENTS,
    dead_letter_reason,
    invokes_asynchronously,
    invokes_synchronously,
)
from iacfix.codemods.common.cloudformation import (
    answers_cloudformation, companion, copied_tags, dead_letter_targets, derived_name, described_as_handler, gap, kebab,
    invoked_by_cloudformation, run_off_lambda,
)
from iacfix.core import FixError
from iacfix.transforms.cloudformation import (
    CfnDoc, GetAtt, get, intrinsic, is_map, is_null, is_seq, key_node, ref_target, refs_in, scalar, text_of,
)

QUEUE = "AWS::SQS::Queue"
LAMBDA = "AWS::Lambda::Function"
SAM_FUNCTION = "AWS::Serverless::Function"

_DLQ_WORD = re.compile(r"dlq|dead.?letter", re.I)

# Resources whose mere reference to a function means it is invoked asynchronously.
ASYNC_SOURCES = {
    "AWS::SNS::Subscription", "AWS::SNS::Topic", "AWS::Events::Rule", "AWS::S3::Bucket",
    "AWS::Scheduler::Schedule", "AWS::Lambda::EventInvokeConfig", "AWS::Logs::SubscriptionFilter",
    "AWS::IoT::TopicRule",
}
SAM_ASYNC_EVENTS = {
    "S3", "SNS", "EventBridgeRule", "CloudWatchEvent", "Schedule", "ScheduleV2",
    "CloudWatchLogs", "IoTRule", "CodeCommit",
}


def _name_says_dlq(res, name_prop: str) -> bool:
    if _DLQ_WORD.search(res.name):
        return True
    n = res.prop(name_prop)
    text = scalar(n)
    if text is None and n is not None and intrinsic(n):
        text = text_of(intrinsic(n)[1])
    return bool(text and _DLQ_WORD.search(text))


def _add(where: dict, refs, who: str):
    for r in refs:
        where.setdefault(r, set()).add(who)


def invokers(doc: CfnDoc):
    """(async, sync, other, edge): per function logical id, the names of its visible
    asynchronous, synchronous and unclassified invokers; ids of the functions the Lambda
    service never invokes (Lambda@Edge, Greengrass core functions): none can use a queue."""
    inv_async, inv_sync, other = {}, {}, {}
    for res in doc.resources():
        props = res.properties
        if res.type == "AWS::Lambda::Permission":
            principal = scalar(get(props, "Principal"))
            refs = refs_in(get(props, "FunctionName"))
            if invokes_asynchronously(principal):
                _add(inv_async, refs, res.name)
            elif invokes_synchronously(principal):
                _add(inv_sync, refs, res.name)
            else:
                _add(other, refs, res.name)
        elif res.type in ASYNC_SOURCES:
            _add(inv_async, refs_in(props), res.name)
        elif res.type in CLOUDFORMATION_SYNC_INVOKERS or str(res.type or "").startswith(CLOUDFORMATION_CUSTOM_RESOURCE):
            _add(inv_sync, refs_in(props), res.name)
        elif res.type == SAM_FUNCTION:
            if get(props, "FunctionUrlConfig") is not None:
                _add(inv_sync, [res.name], f"{res.name} FunctionUrlConfig")
            for k, ev in (get(props, "Events").value if is_map(get(props, "Events")) else []):
                kind = scalar(get(ev, "Type"))
                who = f"{res.name} event {scalar(k) or k}"
                if kind in SAM_ASYNC_EVENTS:
                    _add(inv_async, [res.name], who)
                elif kind in SAM_SYNC_EVENTS:
                    _add(inv_sync, [res.name], who)
                else:
                    _add(other, [res.name], who)
        if res.type in (LAMBDA, SAM_FUNCTION):
            if answers_cloudformation(res):
                _add(inv_sync, [res.name], f"{res.name} (a custom resource handler: its code answers CloudFormation)")
            elif described_as_handler(doc, res):
                _add(inv_sync, [res.name], f"{res.name} (a custom resource handler, as its description says)")
    for name, why in invoked_by_cloudformation(doc).items():  # also a macro's resource handlers
        if name not in inv_sync:
            _add(inv_sync, [name], f"{name} ({why})")
    edge = run_off_lambda(doc)
    return inv_async, inv_sync, other, edge


def _has_failure_destination(doc: CfnDoc, res) -> bool:
    """An EventInvokeConfig (resource or SAM property) with an OnFailure destination."""
    for other in doc.resources():
        if other.type == "AWS::Lambda::EventInvokeConfig" and res.name in set(refs_in(other.prop("FunctionName"))):
            if get(get(other.prop("DestinationConfig"), "OnFailure"), "Destination") is not None:
                return True
    if res.type == SAM_FUNCTION:
        cfg = get(res.prop("EventInvokeConfig"), "DestinationConfig")
        if get(cfg, "OnFailure") is not None:
            return True
    return False


def detect(doc: CfnDoc, ctx):
    word = str(ctx["dlq_suffix"])
    dlqs = dead_letter_targets(doc)
    invoked = None
    globals_fn = get(get(doc.root, "Globals"), "Function")
    for res in doc.resources():
        props = res.properties
        if props is not None and not is_map(props) and not is_null(props):
            continue
        if res.type == QUEUE:
            if res.name in dlqs or get(props, "RedrivePolicy") is not None \
                    or get(props, "RedriveAllowPolicy") is not None or _name_says_dlq(res, "QueueName"):
                continue
            yield gap(doc, res, f"SQS queue '{res.name}' has no dead-letter queue",
                      fix=_queue_fixer(doc, res, word, ctx))
        elif res.type in (LAMBDA, SAM_FUNCTION):
            if invoked is None:
                invoked = invokers(doc)
            inv_async, inv_sync, other, edge = invoked
            reason = dead_letter_reason(str(ctx["functions"]), inv_async.get(res.name, ()), inv_sync.get(res.name, ()),
                                        other.get(res.name, ()), res.name in edge)
            if reason is None:
                continue
            key = "DeadLetterConfig" if res.type == LAMBDA else "DeadLetterQueue"
            if get(props, key) is not None or _has_failure_destination(doc, res):
                continue
            if res.type == SAM_FUNCTION and get(globals_fn, key) is not None:
                continue
            yield gap(doc, res, f"Lambda function '{res.name}' has no dead-letter queue ({reason})",
                      fix=_function_fixer(doc, res, word, ctx))


def _new_queue(doc: CfnDoc, res, name_prop: str, word: str, ctx, fifo: bool) -> dict:
    props = {}
    name = derived_name(res.prop(name_prop), word)
    if name is not None:
        props["QueueName"] = name
    if fifo:
        props["FifoQueue"] = True
    props["MessageRetentionPeriod"] = int(ctx["retention_seconds"])
    if res.type == QUEUE:
        # failed messages stay as protected as they were on the served queue
        for enc in ("SqsManagedSseEnabled", "KmsMasterKeyId", "KmsDataKeyReusePeriodSeconds"):
            node = res.prop(enc)
            if node is not None and doc.raw(node) is not None:
                props[enc] = doc.raw(node)
    else:
        # failed events are encrypted at rest, as sqs-encryption would have them
        props["SqsManagedSseEnabled"] = True
    tags = res.prop("Tags")
    if tags is not None and res.type != SAM_FUNCTION:  # SAM tags are a map, SQS takes a list
        # Tagged like what it serves (last, as tags are added anywhere), so that fixing
        # tags before or after adding the queue gives the same template.
        copied = copied_tags(doc, res.properties)
        if copied is None:  # an intrinsic: copied as written
            copied = doc.raw(tags, key_node(res.properties, "Tags"))
        if copied:
            props["Tags"] = copied
    return companion(res, {"Type": QUEUE, "Properties": props})


def _dlq_id(doc: CfnDoc, res, word: str) -> str:
    return doc.unique_id(res.name + word[:1].upper() + word[1:])


def _queue_fixer(doc: CfnDoc, res, word: str, ctx):
    def fix():
        fifo = scalar(res.prop("FifoQueue")) in ("true", "True", "TRUE")
        dlq = _dlq_id(doc, res, word)
        body = _new_queue(doc, res, "QueueName", word, ctx, fifo)
        redrive = {"deadLetterTargetArn": GetAtt(dlq, "Arn"), "maxReceiveCount": int(ctx["max_receive_count"])}
        return [
            doc.add_property(res, [("RedrivePolicy", redrive)]),
            doc.insert_resource_after(res, dlq, body),
        ]

    return fix


def _function_fixer(doc: CfnDoc, res, word: str, ctx):
    def fix():
        dlq = _dlq_id(doc, res, word)
        body = _new_queue(doc, res, "FunctionName", word, ctx, fifo=False)
        if res.type == LAMBDA:
            prop = ("DeadLetterConfig", {"TargetArn": GetAtt(dlq, "Arn")})
        else:
            prop = ("DeadLetterQueue", {"Type": "SQS", "TargetArn": GetAtt(dlq, "Arn")})
        edits = [doc.add_property(res, [prop]), doc.insert_resource_after(res, dlq, body)]
        role = doc.resource(ref_target(res.prop("Role")) or "")
        if role is not None and role.type == "AWS::IAM::Role":
            if scalar(get(role.node, "Condition")) != scalar(get(res.node, "Condition")):
                raise FixError(f"role {role.name} and function {res.name} have different conditions: "
                               f"grant sqs:SendMessage on the dead-letter queue by hand")
            edits.append(_grant_send(doc, role, dlq))
        return edits

    return fix


def _policy_name(role, dlq: str) -> str:
    """DlqSend-style name, or kebab-case when the role's policies are named that way."""
    names = [scalar(get(p, "PolicyName")) for p in (role.prop("Policies").value if is_seq(role.prop("Policies")) else [])]
    names = [n for n in names if n]
    name = kebab(f"{dlq}Send") if names and all(n == n.lower() for n in names) else f"{dlq}Send"
    n, candidate = 2, name
    while candidate in names:
        candidate, n = f"{name}{n}", n + 1
    return candidate


def _grant_send(doc: CfnDoc, role, dlq: str):
    policy = {
        "PolicyName": _policy_name(role, dlq),
        "PolicyDocument": {
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": GetAtt(dlq, "Arn")}],
        },
    }
    policies = role.prop("Policies")
    if policies is None:
        return doc.add_property(role, [("Policies", [policy])])
    if not is_seq(policies):
        raise FixError(f"the Policies of role {role.name} are not a list iacfix can extend")
    return doc.append_to_sequence(policies, [policy])
