"""alarms for AWS CDK v2 Go, as for CDK Python (``cdk.py``): the same constructs are watched,
with the same metrics, thresholds and names (``rules.ALARMS``), written the Go way:

    fn.MetricErrors(nil).CreateAlarm(stack, jsii.String("ProcessOrderErrors"), &awscloudwatch.CreateAlarmOptions{
        AlarmName:         jsii.String(fmt.Sprintf("process-order-errors-%s", suffix)),
        AlarmDescription:  jsii.String("Lambda function ProcessOrder failed 5 or more times in 5 minutes"),
        Threshold:         jsii.Number(5),
        EvaluationPeriods: jsii.Number(1),
        TreatMissingData:  awscloudwatch.TreatMissingData_NOT_BREACHING,
    }).AddAlarmAction(awscloudwatchactions.NewSnsAction(alarmTopic))

Watched: a construct assigned to a variable by a statement of its own (``fn := awslambda.NewFunction(...)``)
of the classes CDK Python's detector watches (``cdk.CLASSES``), a queue only when it is a
dead-letter queue (``&awssqs.DeadLetterQueue{Queue: q}``, ``DeadLetterQueue: q``). Compliant:
``<x>.Metric…(…)`` / ``<x>.Metric(jsii.String("M"), …)`` inside a ``CreateAlarm`` chain or an
``awscloudwatch.NewAlarm`` of the file, or an ``awscloudwatch.NewMetric`` there naming the metric
(whatever its dimensions: the file may name the resource in any way). An L1
``awselasticache.NewCfnCacheCluster`` with ``Engine: jsii.String("redis")`` has no metric
methods: its alarm is ``awscloudwatch.NewAlarm(stack, id, &awscloudwatch.AlarmProps{...,
Metric: awscloudwatch.NewMetric(&awscloudwatch.MetricProps{..., DimensionsMap:
&map[string]*string{"CacheClusterId": cache.Ref()}, ...}), ...}).AddAlarmAction(...)``; so are
those of an ``awslambda.NewCfnFunction`` (FunctionName) and an ``awsdynamodb.NewCfnTable`` (TableName).

The alarm goes after the construct's statement and the statements right after it that call
its methods (its event sources, its other alarms); a dead-letter queue's after the queue it
serves. Its construct id is the
construct's with the alarm's word; ``AlarmName`` only when the construct names itself (then
derived from that name: ``"orders"`` → ``"orders-errors"``, ``fmt.Sprintf("orders-%s", s)`` →
``fmt.Sprintf("orders-errors-%s", s)``). The topic is the one an ``awscloudwatchactions.NewSnsAction``
of the file names, else an ``awssns.NewTopic`` whose variable or id says alarms, else
``alarmTopic := awssns.NewTopic(stack, jsii.String("AlarmTopic"), ...)`` (``TopicName`` with
the environment suffix the function formats names with; none without one: CDK's unique name)
right after the statement making the construct's scope (``stack := awscdk.NewStack(...)``), or
after the statement assigning the suffix when that comes later. Every gap inserts it there;
the engine applies one and the others find it in its next pass.
"""

from __future__ import annotations

import re
from typing import List, Optional

from iacfix.codemods.alarms.cdk import CLASSES, NAME_KWARGS
from iacfix.codemods.alarms.rules import (
    ALARMS, NO_SUBSCRIPTION, NOT_SET, Alarm, alarm_topic_name, description, is_redis, message, retention_hours,
    retention_unknown, threshold,
)
from iacfix.codemods.common import go as common
from iacfix.codemods.common.cdk import add_word_to_name
from iacfix.codemods.lang.go import names
from iacfix.codemods.lang.cdk import values as pv
from iacfix.codemods.lang.go.values import Renderer, decode, literal
from iacfix.core import FixError, Gap
from iacfix.transforms.go import CDK, JSII, GoCall, GoLit, _walk_type, go_string, render

PKG = "github.com/aws/aws-cdk-go/awscdk/v2/"
CW, CW_ACTIONS, SNS, SQS = PKG + "awscloudwatch", PKG + "awscloudwatchactions", PKG + "awssns", PKG + "awssqs"
CTORS = {names.constructor(q): kind for kind, qs in CLASSES.items() for q in qs}
NAME_FIELDS = {kind: names.field(k) for kind, k in NAME_KWARGS.items()}
# Go metric method -> the metrics it gives (``Metric(jsii.String("X"), ...)`` gives X)
METHODS = {
    "MetricErrors": ("Errors",),
    "MetricThrottles": ("Throttles",),
    "MetricServerError": ("5XXError", "5xx"),
    "MetricClientError": ("4XXError", "4xx"),
    "MetricApproximateNumberOfMessagesVisible": ("ApproximateNumberOfMessagesVisible",),
    "MetricThrottledRequests": ("ThrottledRequests",),
    "MetricThrottledRequestsForOperation": ("ThrottledRequests",),
    "MetricThrottledRequestsForOperations": ("ThrottledRequests",),
    "MetricCPUUtilization": ("CPUUtilization",),
    "MetricGetRecordsIteratorAgeMilliseconds": ("GetRecords.IteratorAgeMilliseconds",),
}
NEW_METRIC = {
    "Errors": "MetricErrors",
    "Throttles": "MetricThrottles",
    "5XXError": "MetricServerError",
    "5xx": "MetricServerError",
    "ApproximateNumberOfMessagesVisible": "MetricApproximateNumberOfMessagesVisible",
    "CPUUtilization": "MetricCPUUtilization",
    "GetRecords.IteratorAgeMilliseconds": "MetricGetRecordsIteratorAgeMilliseconds",
}
COMPARISON = {"GreaterThanThreshold": "ComparisonOperator_GREATER_THAN_THRESHOLD"}


def _norm(doc, node) -> str:
    return re.sub(r"\s+", "", doc.source(node))


def _args(node) -> list:
    a = node.child_by_field_name("arguments")
    return [c for c in a.named_children if c.type != "comment"] if a is not None else []


def _metric_of(doc, call):
    """(receiver, metrics) of ``<x>.Metric…(…)`` / ``<x>.Metric(jsii.String("M"), …)``, else None."""
    f = call.child_by_field_name("function")
    if f is None or f.type != "selector_expression":
        return None
    method = doc.source(f.child_by_field_name("field"))
    receiver = _norm(doc, f.child_by_field_name("operand"))
    if method == "Metric":
        args = _args(call)
        name = literal(doc, args[0]) if args else None
        return receiver, ((name,) if isinstance(name, str) else (None,))
    return (receiver, METHODS[method]) if method in METHODS else None


def _in_alarm(doc, node) -> bool:
    """Whether ``node`` is part of a ``CreateAlarm`` chain or an ``awscloudwatch.NewAlarm`` call."""
    n = node
    while n is not None:
        if n.type == "call_expression":
            f = n.child_by_field_name("function")
            if f is not None and f.type == "selector_expression" and \
                    doc.source(f.child_by_field_name("field")) == "CreateAlarm":
                return True
            if doc.selector(f) == (CW, "NewAlarm"):
                return True
        n = n.parent
    return False


def _alarmed(doc):
    """(receiver or None, metric or None) of every metric an alarm of the file watches."""
    out = []
    for call in _walk_type(doc.tree.root_node, "call_expression"):
        f = call.child_by_field_name("function")
        if doc.selector(f) == (CW, "NewMetric"):
            lit = doc.literal(_args(call)[0]) if _args(call) else None
            field = lit.field("MetricName") if lit is not None else None
            name = literal(doc, field.value) if field is not None else None
            out.append((None, name if isinstance(name, str) else None))
            continue
        got = _metric_of(doc, call)
        if got is not None and _in_alarm(doc, call):
            out += [(got[0], m) for m in got[1]]
    return out


def _watched(doc) -> List[tuple]:
    sites = [s for s in doc.calls() if (s.path, s.func) in CTORS and len(s.args) == 3 and s.target]
    if not sites:
        return []
    alarmed, dlqs, out = _alarmed(doc), None, []
    edge = common.edge_functions(doc)  # Lambda@Edge: its metrics are reported where it runs
    edge |= common.cloudformation_invoked(doc)  # a failure fails the stack operation, where it is seen
    for site in sites:
        kind = CTORS[(site.path, site.func)]
        if kind == "lambda.Function" and site.target in edge:
            continue
        if kind == "sqs.Queue":
            dlqs = common.dead_letter_refs(doc) if dlqs is None else dlqs
            if site.target not in dlqs:
                continue
        if kind == "elasticache.CacheCluster" and not is_redis(_field(doc, site, "Engine")):
            continue  # Memcached, or an engine the file does not write: no such metric
        for alarm in ALARMS:
            if alarm.kind != kind:
                continue
            if any(m in alarm.metrics or m is None for r, m in alarmed if r in (None, site.target)):
                continue
            out.append((site, alarm))
    return out


def _field(doc, site, name: str):
    """The literal value of a field of the construct's props (``Engine: jsii.String("redis")``), else None."""
    lit = doc.literal(site.args[2])
    field = lit.field(name) if lit is not None else None
    return literal(doc, field.value) if field is not None else None


def _l1(site) -> bool:
    """An L1 construct (``NewCfnCacheCluster``): no metric methods; its alarm is an
    ``awscloudwatch.NewAlarm`` of an ``awscloudwatch.NewMetric`` on its ``Ref()``."""
    return site.func.startswith("NewCfn")


def _own_statement(doc, site):
    stmt = common.statement_of(doc, site.call)
    return stmt if stmt is not None and stmt.type == "short_var_declaration" else None


def _topic(doc, site):
    """(topic code, None) for the file's alarm topic; (None, the statement to create it after)
    when it must be made; (None, None) when there is no place for it."""
    for s in doc.calls():
        if (s.path, s.func) == (CW_ACTIONS, "NewSnsAction") and s.args and s.args[0].type == "identifier":
            return doc.source(s.args[0]), None
    for s in doc.calls():
        if (s.path, s.func) == (SNS, "NewTopic") and s.target:
            cid = literal(doc, s.arg(1))
            if alarm_topic_name(common.kebab(s.target)) or (isinstance(cid, str) and alarm_topic_name(common.kebab(cid))):
                return s.target, None
    fn = doc.enclosing_function(site.call)
    scope = doc.source(site.args[0])
    if fn is None:
        return None, None
    place = None
    env = common.env_suffix_expr(doc, site.call)
    for decl in _walk_type(fn, "short_var_declaration"):
        left = decl.child_by_field_name("left")
        got = {doc.source(n) for n in left.named_children} if left is not None else set()
        if scope in got and place is None:
            place = decl
        elif place is not None and env in got and decl.start_byte > place.start_byte:
            place = decl
    if place is not None and common.statement_of(doc, place) is not place:
        place = None
    if place is not None and place.start_byte > site.call.start_byte:
        place = None
    return None, place


def _anchor(doc, stmt, target: str, dead_letter: bool):
    """The last of ``stmt`` and the statements right after it that call the resource's own
    methods (``fn.AddEventSource(...)``, its alarms), as ``statements.last_related`` reads
    CDK Python; a dead-letter queue's alarms go after the statement making the queue it serves
    and that one's own statements."""
    block = stmt.parent
    kids = [c for c in block.named_children if c.type != "comment"]
    i = next(k for k, c in enumerate(kids) if c.id == stmt.id)
    targets = {target}
    if dead_letter:
        used = re.compile(r"(?<![\w.])" + re.escape(target) + r"\b")
        k = next((k for k in range(i + 1, len(kids)) if used.search(doc.source(kids[k]))), None)
        if k is not None and kids[k].type == "short_var_declaration":
            i = k
            targets |= {doc.source(n) for n in kids[k].child_by_field_name("left").named_children}

    refs = re.compile(r"(?<![\w.])(" + "|".join(re.escape(t) for t in sorted(targets)) + r")\.Ref\(\)")

    def own(node) -> bool:
        code = doc.source(node)
        if refs.search(code) and re.match(r"\w+\.NewAlarm\(", code):
            return True  # an L1 construct's alarm: a metric on its Ref()
        return any(code.startswith(t + ".") for t in targets)

    while i + 1 < len(kids) and own(kids[i + 1]):
        i += 1
    return kids[i]


def _retention(doc, site, alarm: Alarm):
    """``rules.retention_hours`` of the stream's ``RetentionPeriod`` (a ``Duration``)."""
    if not alarm.of_retention:
        return None
    lit = doc.literal(site.args[2])
    if lit is None:  # nil props: nothing set; props built elsewhere: unknown
        return retention_hours(alarm) if site.args[2].type == "nil" else None
    field = lit.field("RetentionPeriod")
    return retention_hours(alarm, NOT_SET if field is None else decode(pv.Duration("hours"), doc, field.value))


def detect(doc, ctx):
    for site, alarm in _watched(doc):
        shown = common.name_of(site)
        why = None
        if _own_statement(doc, site) is None:
            why = "it is not created by a statement of its own: add the alarm by hand"
        elif not isinstance(literal(doc, site.arg(1)), str):
            why = "its construct id is not a string literal to name the alarm after: add the alarm by hand"
        elif alarm.of_retention and _retention(doc, site, alarm) is None:
            why = retention_unknown(alarm)
        else:
            code, place = _topic(doc, site)
            if code is None and place is None:
                why = "no statement creating its stack, after which the alarm topic would go: add the alarm by hand"
        yield Gap(
            line=site.line,
            column=site.column,
            end_line=site.end_line,
            resource_type=f"{doc.name_for(site.path)}.{site.func[len('New'):]}",
            resource_name=shown,
            message=message(alarm, shown) + (f" ({why})" if why else f" ({NO_SUBSCRIPTION})"),
            fix=None if why else (lambda site=site, alarm=alarm: _fix(doc, site, alarm, ctx)),
            detail=alarm.detail,
        )


def _alarm_name(doc, site, alarm: Alarm, r: Renderer) -> Optional[str]:
    """The construct's own name with the alarm's word, or None when it names itself otherwise."""
    lit = doc.literal(site.args[2])
    field = lit.field(NAME_FIELDS[alarm.kind]) if lit is not None else None
    if field is None:
        return None
    v = literal(doc, field.value)
    if isinstance(v, str):
        suffix = common.env_suffix_expr(doc, site.call)
        if suffix:  # named as environment-suffix names the construct: the same whichever runs first
            text = common.go_format(add_word_to_name(v, alarm.detail)) + "-%s"
            return f"{r.pkg(JSII)}.String({r.pkg(common.FMT)}.Sprintf({go_string(text)}, {suffix}))"
        return f"{r.pkg(JSII)}.String({go_string(add_word_to_name(v, alarm.detail))})"
    node = field.value  # jsii.String(fmt.Sprintf("orders-%s", suffix))
    if node.type != "call_expression" or doc.selector(node.child_by_field_name("function")) != (JSII, "String"):
        return None
    inner = _args(node)
    if len(inner) != 1 or inner[0].type != "call_expression" or \
            doc.selector(inner[0].child_by_field_name("function")) != (common.FMT, "Sprintf"):
        return None
    parts = _args(inner[0])
    text = literal(doc, parts[0]) if parts else None
    if not isinstance(text, str) or not text.endswith("-%s") or text.count("%") != 1:
        return None
    rest = "".join(", " + doc.source(a) for a in parts[1:])
    sprintf = f"{r.pkg(common.FMT)}.Sprintf({go_string(text[:-3] + '-' + alarm.detail + '-%s')}{rest})"
    return f"{r.pkg(JSII)}.String({sprintf})"


def _fix(doc, site, alarm: Alarm, ctx):
    r = Renderer(doc)
    edits = []
    stmt = _own_statement(doc, site)
    code, place = _topic(doc, site)
    if code is None:
        code = "alarmTopic"
        if code in common.names_in_use(doc):
            raise FixError("the name alarmTopic is already in use")
        env = common.env_suffix_expr(doc, site.call)
        props = "nil"
        if env:
            fmt = r.pkg(common.FMT)
            props = render(GoLit(f"{r.pkg(SNS)}.TopicProps", (
                ("TopicName", f'{r.pkg(JSII)}.String({fmt}.Sprintf("{common.go_format(str(ctx["topic_name"]))}-%s", {env}))'),
            )), doc.indent_of(place.start_point[0]), inline=False)
        topic = (f"{code} := {r.pkg(SNS)}.NewTopic({doc.source(site.args[0])}, "
                 f"{r.pkg(JSII)}.String(\"AlarmTopic\"), {props})")
        edits.append(common.after_statement(doc, place, ["", topic]))
    construct_id = literal(doc, site.arg(1))
    if not isinstance(construct_id, str):
        raise FixError("the construct id is not a string literal")
    word = "".join(w.capitalize() for w in alarm.detail.split("-"))
    new_id = add_word_to_name(construct_id, word)
    if _l1(site):
        metric = None
    elif alarm.metric in NEW_METRIC:
        metric = f"{NEW_METRIC[alarm.metric]}(nil)"
    else:
        metric = (f"Metric({r.pkg(JSII)}.String({go_string(alarm.metric)}), "
                  f"&{r.pkg(CW)}.MetricOptions{{Statistic: {r.pkg(JSII)}.String({go_string(alarm.statistic)})}})")
    period = int(ctx["period"])
    if period != 300 and metric is not None:
        duration = f"{r.pkg(CDK)}.Duration_Minutes({r.pkg(JSII)}.Number({period // 60}))"
        if metric.endswith("(nil)"):
            metric = metric[:-len("(nil)")] + f"(&{r.pkg(CW)}.MetricOptions{{Period: {duration}}})"
        else:
            metric = metric[:-2] + f", Period: {duration}}})"
    anchor = _anchor(doc, stmt, site.target, alarm.kind == "sqs.Queue")
    retention = _retention(doc, site, alarm)
    fields = []
    name = _alarm_name(doc, site, alarm, r)
    if name:
        fields.append(("AlarmName", name))
    fields.append(
        ("AlarmDescription", f"{r.pkg(JSII)}.String({go_string(description(alarm, common.name_of(site), ctx.params, retention))})"))
    if metric is None:  # an L1 construct: a metric on its Ref() (the resource's name)
        fields.append(("Metric", GoCall(f"{r.pkg(CW)}.NewMetric", (GoLit(f"{r.pkg(CW)}.MetricProps", (
            ("Namespace", f"{r.pkg(JSII)}.String({go_string(alarm.namespace)})"),
            ("MetricName", f"{r.pkg(JSII)}.String({go_string(alarm.metric)})"),
            ("DimensionsMap", GoLit("map[string]*string", ((go_string(alarm.dimension), f"{site.target}.Ref()"),))),
            ("Statistic", f"{r.pkg(JSII)}.String({go_string(alarm.statistic)})"),
            ("Period", f"{r.pkg(CDK)}.Duration_Minutes({r.pkg(JSII)}.Number({period // 60}))"),
        )),))))
    fields += [
        ("Threshold", f"{r.pkg(JSII)}.Number({threshold(alarm, ctx, retention)})"),
        ("EvaluationPeriods", f"{r.pkg(JSII)}.Number({int(ctx['evaluation_periods'])})"),
    ]
    if alarm.comparison in COMPARISON:  # CreateAlarm's default is greater than or equal
        fields.append(("ComparisonOperator", f"{r.pkg(CW)}.{COMPARISON[alarm.comparison]}"))
    fields.append(("TreatMissingData", f"{r.pkg(CW)}.TreatMissingData_NOT_BREACHING"))
    indent = doc.indent_of(anchor.start_point[0])
    if metric is None:
        props = render(GoLit(f"{r.pkg(CW)}.AlarmProps", tuple(fields)), indent, inline=False)
        call = (f"{r.pkg(CW)}.NewAlarm({doc.source(site.args[0])}, {r.pkg(JSII)}.String({go_string(new_id)}), "
                f"{props}).AddAlarmAction({r.pkg(CW_ACTIONS)}.NewSnsAction({code}))")
        edits.append(common.after_statement(doc, anchor, ["", call]))
        return r.import_edits() + edits
    options = render(GoLit(f"{r.pkg(CW)}.CreateAlarmOptions", tuple(fields)), indent, inline=False)
    call = (f"{site.target}.{metric}.CreateAlarm({doc.source(site.args[0])}, {r.pkg(JSII)}.String({go_string(new_id)}), "
            f"{options}).AddAlarmAction({r.pkg(CW_ACTIONS)}.NewSnsAction({code}))")
    edits.append(common.after_statement(doc, anchor, ["", call]))
    return r.import_edits() + edits
