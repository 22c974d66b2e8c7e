"""alarms for CloudFormation (and SAM): every watched resource has an
``AWS::CloudWatch::Alarm`` per metric (``rules.ALARMS``), publishing to the template's one
alarm topic.

Watched: ``AWS::Lambda::Function`` and ``AWS::Serverless::Function`` (Errors, Throttles;
FunctionName ``!Ref``) except those CloudFormation itself invokes (a custom resource's or a
macro's function: ``common.cloudformation.invoked_by_cloudformation``; a failing stack
operation already reports them) and those run at the edge or on a Greengrass core
(``run_off_lambda``: their metrics are not this region's Lambda metrics), ``AWS::ApiGateway::RestApi`` and ``AWS::Serverless::Api`` (5XXError;
ApiName: the API's ``Name`` as written, reported without a fix when it has none: the name
then comes from an OpenAPI body or the stack), ``AWS::ApiGatewayV2::Api`` with
``ProtocolType: HTTP`` and ``AWS::Serverless::HttpApi`` (5xx; ApiId ``!Ref``), an
``AWS::SQS::Queue`` that is a dead-letter queue (a redrive policy, a dead-letter config or an
on-failure destination of the template targets it: ApproximateNumberOfMessagesVisible;
QueueName ``!GetAtt Q.QueueName``) and ``AWS::DynamoDB::Table`` / ``AWS::Serverless::SimpleTable``
(ReadThrottleEvents, WriteThrottleEvents; TableName ``!Ref``), ``AWS::Kinesis::Stream``
(GetRecords.IteratorAgeMilliseconds at a share of its ``RetentionPeriodHours``, 24 without it;
reported without a fix when that is not a number), ``AWS::RDS::DBInstance``
(CPUUtilization; DBInstanceIdentifier ``!Ref``; not an instance of a DB cluster: the cluster's
alarm covers it), ``AWS::RDS::DBCluster`` (CPUUtilization; DBClusterIdentifier ``!Ref``) and
an ``AWS::ElastiCache::CacheCluster`` whose ``Engine`` is ``redis`` (DatabaseMemoryUsagePercentage;
CacheClusterId ``!Ref``; not an ``AWS::ElastiCache::ReplicationGroup``, whose members' ids
AWS derives).
The APIs SAM creates for function events that name none (``common.cloudformation.implicit_apis``)
are watched too: ``ServerlessRestApi`` (5XXError, 4XXError; ApiName ``!Ref AWS::StackName``: SAM
titles its OpenAPI document with the stack's name, unless ``Globals: Api`` gives it a ``Name``,
then copied as written) and ``ServerlessHttpApi`` (5xx, 4xx; ApiId ``!Ref ServerlessHttpApi``),
reported on the first event making them; their alarms go after the group of the first function
whose events make them, tagged as their access log group is, named by CloudFormation.

Compliant: an ``AWS::CloudWatch::Alarm`` of the template on that metric (its own, or one of
its ``Metrics``) whose dimension names the resource: ``!Ref``/``!GetAtt``/``${X}`` of it, or
its name written as the resource writes it. A dimension given by a parameter (``!Ref
QueueName``) or by anything the template cannot read may name any resource: compliant.

The new alarm goes after the resource and the resources right after it that refer to one of
those before them or that one of them refers to (its dead-letter queue, its log group, its
alarms); it carries the resource's ``Condition`` and tags. Its name is the resource's name
with the alarm's word (``!Sub orders-errors-${EnvironmentSuffix}``), else the logical id's
words with the environment suffix, else none (CloudFormation names it after the stack).
The topic is the first ``AlarmActions`` item of the template's alarms, else an
``AWS::SNS::Topic`` whose logical id or name says alarms, else a new ``AlarmTopic`` at the end
of the Resources section (``TopicName`` ``alarms-${EnvironmentSuffix}`` where the template has
the parameter, else CloudFormation's unique name), encrypted with a ``AWS::KMS::Key`` of the
template whose key policy lets ``cloudwatch.amazonaws.com`` use it, else not encrypted; it
carries the ``Condition`` every alarm it is made for carries (the alarms the fixes write), so
that it exists only when they can. An alarm written later without that condition (for a
queue dead-letter-queue adds) removes it from the topic: the topic is then the one made for
both, whichever codemod ran first. Every
gap inserts the topic at the same place, so the engine applies one and the others, in its
next pass, find the topic made.
"""

from __future__ import annotations

from typing import List, Optional, Tuple

from iacfix.codemods.alarms.rules import (
    ALARMS,
    ANY,
    NO_SUBSCRIPTION,
    Alarm,
    Node,
    alarm_topic_name,
    allows_cloudwatch,
    description,
    dimension_values,
    group_end,
    is_redis,
    message,
    threshold,
    retention_hours,
    retention_unknown,
)
from iacfix.codemods.common.cloudformation import (
    FUNCTION_TYPES, IMPLICIT_CONDITIONAL, LOG_GROUP, SAM_IMPLICIT, ImplicitApi, companion, copied_tags,
    dead_letter_targets, env_param, function_log_group_names, gap, implicit_apis, implicit_gap, implicit_tags, invoked_by_cloudformation, kebab,
    name_template, run_off_lambda,
)
from iacfix.core import FixError
from iacfix.transforms.cloudformation import (
    CfnDoc, GetAtt, Ref, Sub, get, intrinsic, is_map, is_seq, ref_target, refs_in, scalar, text_of,
)

# neutral kind → {type: (name property, how the dimension's value is written)}
TYPES = {
    "lambda.Function": {"AWS::Lambda::Function": ("FunctionName", "ref"),
                        "AWS::Serverless::Function": ("FunctionName", "ref")},
    "apigateway.RestApi": {"AWS::ApiGateway::RestApi": ("Name", "name"),
                           "AWS::Serverless::Api": ("Name", "name")},
    "apigatewayv2.Api": {"AWS::ApiGatewayV2::Api": ("Name", "ref"),
                         "AWS::Serverless::HttpApi": ("Name", "ref")},
    "sqs.Queue": {"AWS::SQS::Queue": ("QueueName", "QueueName")},
    "dynamodb.Table": {"AWS::DynamoDB::Table": ("TableName", "ref"),
                       "AWS::Serverless::SimpleTable": ("TableName", "ref")},
    "kinesis.Stream": {"AWS::Kinesis::Stream": ("Name", "ref")},
    "rds.DBInstance": {"AWS::RDS::DBInstance": ("DBInstanceIdentifier", "ref")},
    "rds.DBCluster": {"AWS::RDS::DBCluster": ("DBClusterIdentifier", "ref")},
    "elasticache.CacheCluster": {"AWS::ElastiCache::CacheCluster": ("ClusterName", "ref")},
}
ALARM = "AWS::CloudWatch::Alarm"
TOPIC = "AWS::SNS::Topic"


def _norm(doc: CfnDoc, node) -> Optional[str]:
    """A value's text for comparison: a literal, or a Sub's template."""
    if node is None:
        return None
    s = scalar(node)
    if s is not None:
        return s
    fn = intrinsic(node)
    if fn and fn[0] == "Fn::Sub" and text_of(fn[1]) is not None:
        return "!Sub " + text_of(fn[1])
    return None


def _metrics(doc: CfnDoc):
    """(namespace, metric, dimensions {name: node} or None) of every metric an alarm watches."""
    return [m for res in doc.resources() if res.type == ALARM for m in _metrics_of(res)]


def _metrics_of(res):
    """(namespace, metric, dimensions {name: node} or None) of every metric ``res`` (an
    alarm) watches."""
    out = []
    specs = [res.properties]
    ms = res.prop("Metrics")
    if is_seq(ms):
        for m in ms.value:
            metric = get(get(m, "MetricStat"), "Metric")
            if metric is not None:
                specs.append(metric)
    for s in specs:
        name = get(s, "MetricName")
        if name is None:
            continue
        dims = get(s, "Dimensions")
        table = None
        if is_seq(dims):
            table = {}
            for d in dims.value:
                k = scalar(get(d, "Name"))
                if k is None or not is_map(d):
                    table = None
                    break
                table[k] = get(d, "Value")
        out.append((scalar(get(s, "Namespace")), scalar(name), table))
    return out


def _coverage(doc: CfnDoc, alarm: Alarm, metrics):
    """What the template's alarms of ``alarm``'s metric say of the resources they watch,
    read once per template (not once per resource: a fixed template has an alarm for each):
    (whether one watches any resource: dimensions the template cannot read, or a parameter,
    an import or a function of them; the resources their values refer to; their texts)."""
    key = ("alarms coverage", alarm.namespace, alarm.metric, alarm.dimension)
    found = doc.cache.get(key)
    if found is None:
        params = set(doc.parameter_names())
        anything, refs, texts = False, set(), set()
        for value in dimension_values(alarm, metrics):
            if value is ANY:
                anything = True
                break
            targets = set(refs_in(value))
            refs |= targets
            norm = _norm(doc, value)
            if norm is not None:
                texts.add(norm)
            elif scalar(value) is None and (not targets or targets & params):
                anything = True  # a parameter, an import, a function of them: any resource
        found = doc.cache[key] = (anything, refs, texts)
    return found


def _covered(doc: CfnDoc, res, alarm: Alarm, metrics) -> bool:
    """Whether an alarm of the template watches ``res`` for ``alarm``: its dimension refers
    to ``res``, is written as ``res``'s name is, or may name any resource."""
    anything, refs, texts = _coverage(doc, alarm, metrics)
    if anything or res.name in refs:
        return True
    mine = _norm(doc, res.prop(TYPES[alarm.kind][res.type][0]))
    return mine is not None and mine in texts


def _watched(doc: CfnDoc) -> List[Tuple[object, Alarm]]:
    """(resource, alarm) the template has no alarm for, in order; once per parsed template
    (every alarm fix of a pass asks which resource comes first)."""
    if "alarms watched" not in doc.cache:
        doc.cache["alarms watched"] = _unwatched(doc)
    return list(doc.cache["alarms watched"])


def _unwatched(doc: CfnDoc) -> List[Tuple[object, Alarm]]:
    out = []
    metrics = _metrics(doc)
    dlqs = None
    skipped = set(invoked_by_cloudformation(doc)) | run_off_lambda(doc)
    for res in doc.resources():
        if res.name in skipped:
            continue  # CloudFormation's own function (its failure fails the stack operation), or run off Lambda
        for alarm in ALARMS:
            if res.type not in TYPES[alarm.kind]:
                continue
            if res.type == "AWS::ApiGatewayV2::Api" and scalar(res.prop("ProtocolType")) != "HTTP":
                continue
            if res.type == "AWS::RDS::DBInstance" and res.prop("DBClusterIdentifier") is not None:
                continue  # an instance of a DB cluster: the cluster's alarm covers it
            if alarm.kind == "elasticache.CacheCluster" and not is_redis(scalar(res.prop("Engine"))):
                continue  # Memcached (or an engine the template does not write): no such metric
            if alarm.kind == "sqs.Queue":
                dlqs = dead_letter_targets(doc) if dlqs is None else dlqs
                if res.name not in dlqs:
                    continue
            if not _covered(doc, res, alarm, metrics):
                out.append((res, alarm))
    return out


def _topic(doc: CfnDoc):
    """The value the template's alarms notify (the first ``AlarmActions`` item of its first
    alarm that has one, as written; ``!Ref`` of an alarm topic), or None when one must be made."""
    for res in doc.resources():
        actions = res.prop("AlarmActions") if res.type == ALARM else None
        if is_seq(actions) and actions.value:
            first = actions.value[0]
            fn = intrinsic(first)
            if fn is not None and fn[0] == "Ref" and text_of(fn[1]):
                return Ref(text_of(fn[1]))
            raw = doc.raw(first)
            if raw is not None:
                return raw
    for res in doc.resources():
        if res.type == TOPIC and get(res.node, "Condition") is None and (
                alarm_topic_name(kebab(res.name)) or alarm_topic_name(scalar(res.prop("TopicName")))):
            return Ref(res.name)
    return None


def _retention(res, alarm: Alarm):
    """``rules.retention_hours`` of the stream's ``RetentionPeriodHours``."""
    node = res.prop("RetentionPeriodHours") if alarm.of_retention else None
    if node is None:
        return retention_hours(alarm)
    text = scalar(node)
    return retention_hours(alarm, int(text) if text is not None and text.strip().isdigit() else None)


def detect(doc: CfnDoc, ctx):
    for res, alarm in _watched(doc):
        msg = message(alarm, _shown(doc, res, alarm))
        why = _unfixable(doc, res, alarm)
        if why:
            yield gap(doc, res, msg + f" ({why})", detail=alarm.detail)
            continue
        yield gap(doc, res, msg + f" ({NO_SUBSCRIPTION})", fix=_fixer(doc, res, alarm, ctx), detail=alarm.detail)
    yield from _implicit(doc, ctx)


# The APIs SAM creates for function events that name none: watched as the explicit ones, on
# the dimension their name or id gives. The implicit REST API is named after the stack (the
# title of the OpenAPI document SAM writes for it), unless Globals: Api gives it a Name.
IMPLICIT = {"AWS::Serverless::Api": "apigateway.RestApi", "AWS::Serverless::HttpApi": "apigatewayv2.Api"}
STACK_NAME = "!Sub ${AWS::StackName}"  # the stack's name as a Sub (``_norm``)


def _implicit(doc: CfnDoc, ctx):
    metrics = None
    for api in implicit_apis(doc):
        for alarm in ALARMS:
            if alarm.kind != IMPLICIT[api.type]:
                continue
            metrics = _metrics(doc) if metrics is None else metrics
            if _implicit_covered(doc, api, alarm, metrics):
                continue
            says = f"has no alarm on {alarm.metric}"
            if api.conditional:
                yield implicit_gap(doc, api, says + f" ({IMPLICIT_CONDITIONAL.format('alarm')})",
                                   detail=alarm.detail, subject=alarm.what)
                continue
            if _implicit_value(doc, api) is None:
                yield implicit_gap(doc, api, says + " (its ApiName dimension is the Name in Globals: Api, which "
                                   "cannot be copied: add the alarm by hand)", detail=alarm.detail, subject=alarm.what)
                continue
            yield implicit_gap(doc, api, says + f" ({NO_SUBSCRIPTION})", fix=_implicit_fixer(doc, api, alarm, ctx),
                               detail=alarm.detail, subject=alarm.what)


def _rest_name(doc: CfnDoc):
    """The implicit REST API's Name in ``Globals: Api``, or None."""
    return get(get(get(doc.root, "Globals"), "Api"), "Name")


def _implicit_value(doc: CfnDoc, api: ImplicitApi):
    """The value of the implicit API's dimension: ``!Ref ServerlessHttpApi`` (ApiId); its
    name (ApiName), the stack's or the one Globals gives it as written (None: not copyable)."""
    if api.type == "AWS::Serverless::HttpApi":
        return Ref(api.name)
    name = _rest_name(doc)
    return Ref("AWS::StackName") if name is None else doc.raw(name)


def _implicit_covered(doc: CfnDoc, api: ImplicitApi, alarm: Alarm, metrics) -> bool:
    """Whether an alarm of the template watches the implicit API: its dimension refers to
    it, is the stack's name (the API's, unless Globals names it), the name Globals gives it,
    or may name any API."""
    anything, refs, _texts = _coverage(doc, alarm, metrics)
    if anything or api.name in refs:
        return True
    if api.type != "AWS::Serverless::Api":
        return False
    name = _rest_name(doc)
    return any(v is not ANY and _names_rest_api(doc, v, name) for v in dimension_values(alarm, metrics))


def _names_rest_api(doc: CfnDoc, value, name) -> bool:
    """Whether an ApiName dimension's ``value`` is the implicit REST API's name: the stack's,
    or ``name`` (the one Globals gives it) as written."""
    if name is None:
        return ref_target(value) == "AWS::StackName" or _norm(doc, value) == STACK_NAME
    mine = _norm(doc, name)
    return (mine is not None and _norm(doc, value) == mine) or (
        ref_target(name) is not None and ref_target(value) == ref_target(name))


def _unfixable(doc: CfnDoc, res, alarm: Alarm) -> str:
    """Why the alarm cannot be written, or ""."""
    if alarm.of_retention and _retention(res, alarm) is None:
        return retention_unknown(alarm)
    if TYPES[alarm.kind][res.type][1] == "name" and _norm(doc, res.prop("Name")) is None:
        return "its ApiName dimension is the API's name, which the template does not write: add the alarm by hand"
    return ""


def _topic_condition(doc: CfnDoc) -> Optional[str]:
    """The Condition a new alarm topic carries: the one every alarm that will publish to it
    carries (those the fixes write, each with its resource's Condition), else None. A topic
    made only for alarms that exist under a condition exists under it too."""
    conds = {scalar(get(r.node, "Condition")) for r, a in _watched(doc) if not _unfixable(doc, r, a)}
    return conds.pop() if len(conds) == 1 else None


def _shown(doc: CfnDoc, res, alarm: Alarm) -> str:
    v = _norm(doc, res.prop(TYPES[alarm.kind][res.type][0]))
    if v is None:
        return res.name
    return v[len("!Sub "):] if v.startswith("!Sub ") else v


def _description(doc: CfnDoc, res, alarm: Alarm, ctx):
    """The alarm's description, naming the resource as its name is written (a ``!Sub`` of it
    when the name is one)."""
    text = description(alarm, _shown(doc, res, alarm), ctx.params, _retention(res, alarm))
    v = _norm(doc, res.prop(TYPES[alarm.kind][res.type][0]))
    return Sub(text) if v is not None and v.startswith("!Sub ") else text


def _anchor(doc: CfnDoc, res):
    """The last resource of the group ``res`` is in (``rules.group_end``)."""
    resources = doc.resources()
    if "alarms groups" not in doc.cache:  # once per parsed template, not once per alarm
        doc.cache["alarms groups"] = _nodes(doc, resources)
    nodes = doc.cache["alarms groups"]
    return resources[group_end(nodes, next(k for k, r in enumerate(resources) if r.name == res.name))]


def _nodes(doc: CfnDoc, resources) -> list:
    topics = {r.name for r in resources if r.type == TOPIC}  # the alarm topic serves all
    firsts = {api.name: api.first.name for api in implicit_apis(doc)}
    return [Node(r.name, (frozenset(refs_in(r.node)) - topics) | _implicit_refs(doc, r, firsts),
                  name_template(r.prop("LogGroupName")) if r.type == LOG_GROUP else None,
                  frozenset(function_log_group_names(r)) if r.type in FUNCTION_TYPES else frozenset())
             for r in resources]


def _implicit_refs(doc: CfnDoc, res, firsts: dict) -> frozenset:
    """An alarm on an implicit API refers, for its place, to the first function whose events
    make the API (``firsts``: API → function): so it stays in that function's group."""
    if res.type != ALARM or not firsts:
        return frozenset()
    refs = set(refs_in(res.node))
    out = {fn for api, fn in firsts.items() if api in refs}
    rest = SAM_IMPLICIT["Api"][1]  # ServerlessRestApi
    if rest in firsts and rest not in refs:
        name = _rest_name(doc)
        for ns, _metric, dims in _metrics_of(res):
            value = (dims or {}).get("ApiName")
            if ns == "AWS/ApiGateway" and value is not None and _names_rest_api(doc, value, name):
                out.add(firsts[rest])
    return frozenset(out)


def _name(doc: CfnDoc, res, alarm: Alarm, word: str):
    env = env_param(doc)
    node = res.prop(TYPES[alarm.kind][res.type][0])
    s = scalar(node)
    if s and env is not None and "${" not in s:
        # named as environment-suffix names the resource: the same whichever runs first
        return Sub(f"{s}-{word}-${{{env}}}")
    if s:
        return f"{s}-{word}"
    fn = intrinsic(node) if node is not None else None
    if fn and fn[0] == "Fn::Sub" and text_of(fn[1]) is not None:
        t = text_of(fn[1])
        tail = "-${" + env + "}" if env else None
        if tail and t.endswith(tail):
            return Sub(t[: -len(tail)] + f"-{word}" + tail)
        return Sub(f"{t}-{word}")
    if env is not None:
        return Sub(f"{kebab(res.name)}-{word}-${{{env}}}")
    return None


def _unconditional(doc: CfnDoc, target, res):
    """The edit removing the alarm topic's Condition when the alarm for ``res`` does not
    carry it (another codemod made ``res`` after the topic was made for conditional alarms):
    the topic is then the one it would have been, made for both."""
    topic = doc.resource(target.name) if isinstance(target, Ref) else None
    cond = scalar(get(topic.node, "Condition")) if topic is not None and topic.type == TOPIC else None
    if cond is None or cond == scalar(get(res.node, "Condition")):
        return None
    return doc.remove_from_mapping(topic.node, "Condition")


def _new_topic(doc: CfnDoc, home, ctx):
    props = {}
    env = env_param(doc)
    if env is not None:
        props["TopicName"] = Sub(f"{ctx['topic_name']}-${{{env}}}")
    for key in doc.resources():
        if key.type == "AWS::KMS::Key" and get(key.node, "Condition") is None \
                and allows_cloudwatch(doc.text[key.node.start_mark.index:doc.content_end(key.node)]):
            props["KmsMasterKeyId"] = Ref(key.name)
            break
    tags = _tags(doc, home)
    if tags is not None:  # tagged as the first resource it serves, as the other companions are
        props["Tags"] = tags
    body = {"Type": TOPIC}
    cond = _topic_condition(doc)
    if cond is not None:
        body["Condition"] = cond
    if props:
        body["Properties"] = props
    return body


def _tags(doc: CfnDoc, res):
    """``res``'s tags as a list of Key/Value (alarms and topics take a list; SAM resources and
    HTTP APIs write a map), copied as written (``copied_tags``); None when it has none or they
    cannot be copied."""
    return copied_tags(doc, res.properties) or None


def _topic_target(doc: CfnDoc, home, ctx):
    """(the value the new alarm notifies, the edit making the alarm topic, or the one taking
    its Condition away when the alarm for ``home`` does not carry it, or None)."""
    target = _topic(doc)
    if target is not None:
        return target, _unconditional(doc, target, home)
    watched = [r for r, _ in _watched(doc)]
    home = watched[0] if watched else home
    topic_id = doc.unique_id("AlarmTopic")
    last = doc.resources()[-1]
    return Ref(topic_id), doc.insert_resource_after(last, topic_id, _new_topic(doc, home, ctx))


def _fixer(doc: CfnDoc, res, alarm: Alarm, ctx):
    def fix():
        target, topic_edit = _topic_target(doc, res, ctx)
        edits = []
        how = TYPES[alarm.kind][res.type][1]
        if how == "ref":
            value = Ref(res.name)
        elif how == "name":
            value = doc.raw(res.prop("Name"))
            if value is None:
                raise FixError(f"the Name of {res.name} cannot be copied")
        else:
            value = GetAtt(res.name, how)
        props = {}
        name = _name(doc, res, alarm, alarm.detail)
        if name is not None:
            props["AlarmName"] = name
        props.update(_alarm_props(alarm, _description(doc, res, alarm, ctx), value, target, ctx,
                                  _retention(res, alarm)))
        tags = _tags(doc, res)
        if tags is not None:  # tagged as what it watches, as the other companions are
            props["Tags"] = tags
        alarm_id = doc.unique_id(res.name + "".join(w.capitalize() for w in alarm.detail.split("-")) + "Alarm")
        edits.append(doc.insert_resource_after(_anchor(doc, res), alarm_id,
                                               companion(res, {"Type": ALARM, "Properties": props})))
        if topic_edit is not None:
            edits.append(topic_edit)
        return edits

    return fix


def _implicit_fixer(doc: CfnDoc, api: ImplicitApi, alarm: Alarm, ctx):
    """The implicit API's alarm, after the group of the first function whose events make
    it (``_nodes`` counts it in that group), named by CloudFormation (its name holds the
    stack's and the alarm's logical id) and tagged as the API's access log group."""
    def fix():
        target, topic_edit = _topic_target(doc, api.first, ctx)
        props = _alarm_props(alarm, description(alarm, api.name, ctx.params), _implicit_value(doc, api),
                             target, ctx, None)
        tags = implicit_tags(doc, api, "the alarm")
        if tags is not None:
            props["Tags"] = tags
        alarm_id = doc.unique_id(api.name + "".join(w.capitalize() for w in alarm.detail.split("-")) + "Alarm")
        edits = [doc.insert_resource_after(_anchor(doc, api.first), alarm_id, {"Type": ALARM, "Properties": props})]
        if topic_edit is not None:
            edits.append(topic_edit)
        return edits

    return fix


def _alarm_props(alarm: Alarm, text, value, target, ctx, retention) -> dict:
    return {
        "AlarmDescription": text,
        "Namespace": alarm.namespace,
        "MetricName": alarm.metric,
        "Dimensions": [{"Name": alarm.dimension, "Value": value}],
        "Statistic": alarm.statistic,
        "Period": int(ctx["period"]),
        "EvaluationPeriods": int(ctx["evaluation_periods"]),
        "Threshold": threshold(alarm, ctx, retention),
        "ComparisonOperator": alarm.comparison,
        "TreatMissingData": alarm.missing,
        "AlarmActions": [target],
    }
