"""alarms for Pulumi Python: every watched resource has an ``aws.cloudwatch.MetricAlarm`` per
metric (``rules.ALARMS``), publishing to the program's one alarm topic:

    aws.cloudwatch.MetricAlarm(
        "process-order-errors",
        name=f"process-order-errors-{environment_suffix}",
        alarm_description="Lambda function process-order failed 5 or more times in 5 minutes",
        namespace="AWS/Lambda",
        metric_name="Errors",
        dimensions={"FunctionName": process_order.name},
        statistic="Sum",
        period=300,
        evaluation_periods=1,
        threshold=5,
        comparison_operator="GreaterThanOrEqualToThreshold",
        treat_missing_data="notBreaching",
        alarm_actions=[alarm_topic.arn],
    )

Watched (resources assigned to a variable): ``aws.lambda_.Function`` (Errors, Throttles;
FunctionName ``<fn>.name``), ``aws.apigateway.RestApi`` (5XXError; ApiName ``<api>.name``),
``aws.apigatewayv2.Api`` with ``protocol_type="HTTP"`` (5xx; ApiId ``<api>.id``), an
``aws.sqs.Queue`` that is a dead-letter queue (a ``redrive_policy`` or ``dead_letter_config`` of
the file refers to it: ApproximateNumberOfMessagesVisible; QueueName ``<q>.name``) and
``aws.dynamodb.Table`` (ReadThrottleEvents, WriteThrottleEvents; TableName ``<t>.name``),
``aws.kinesis.Stream`` (GetRecords.IteratorAgeMilliseconds at a share of its ``retention_period``, 24
hours without one; reported without a fix when that is not a number), ``aws.rds.Instance`` (CPUUtilization; DBInstanceIdentifier ``<db>.identifier``) and
``aws.rds.Cluster`` (CPUUtilization; DBClusterIdentifier ``<c>.cluster_identifier``; its
``rds.ClusterInstance`` members are covered by it) and ``aws.elasticache.Cluster`` with
``engine="redis"`` (DatabaseMemoryUsagePercentage; CacheClusterId ``<c>.cluster_id``; not an
``elasticache.ReplicationGroup``, whose members' ids AWS derives).

Compliant: a ``MetricAlarm`` of the file on that metric (its own, or a metric of its
``metric_queries``) whose dimension refers to the resource's variable or writes its ``name``
as the resource does; a dimension the file cannot read may name any resource.

The alarm statement goes after the resource's statement and, right after it, its log group
(named after it) and its alarms; its Pulumi name is the resource's with the
alarm's word, ``name=`` only where the resource sets its own name (derived from it), its
``opts`` the resource's parent and provider. The topic is the one the file's alarms already
notify (the first ``alarm_actions`` item), else an ``aws.sns.Topic`` whose variable or name says
alarms, else ``alarm_topic = aws.sns.Topic("alarms", name=f"alarms-{<environment suffix>}")``
(no ``name=`` without a suffix: Pulumi's unique name) right before the first statement of the
file that creates an AWS resource: every gap inserts it there, the engine applies one, the
others find it in its next pass. A resource created with a provider gets no alarm by the fix
while the topic would be the default provider's: an alarm notifies a topic of its own region.
"""

from __future__ import annotations

import re
from typing import List

import libcst as cst

from iacfix.codemods.alarms.rules import (
    ALARMS, ANY, NO_SUBSCRIPTION, NOT_SET, Alarm, alarm_topic_name, description,
    dimension_values, is_redis, message, retention_hours, retention_unknown, threshold,
)
from iacfix.codemods.alarms.statements import consumer, last_related, string_value
from iacfix.codemods.common import pulumi as pc
from iacfix.core import FixError, Gap
from iacfix.transforms import python as py

CLASSES = {
    "lambda.Function": ("lambda_.Function",),
    "apigateway.RestApi": ("apigateway.RestApi",),
    "apigatewayv2.Api": ("apigatewayv2.Api",),
    "sqs.Queue": ("sqs.Queue",),
    "dynamodb.Table": ("dynamodb.Table",),
    "kinesis.Stream": ("kinesis.Stream",),
    "rds.DBInstance": ("rds.Instance",),  # not rds.ClusterInstance: its cluster's alarm covers it
    "rds.DBCluster": ("rds.Cluster",),
    "elasticache.CacheCluster": ("elasticache.Cluster",),  # not elasticache.ReplicationGroup (the rationale)
}
DIMENSION_ATTR = {"lambda.Function": "name", "apigateway.RestApi": "name", "apigatewayv2.Api": "id",
                  "sqs.Queue": "name", "dynamodb.Table": "name", "kinesis.Stream": "name", "rds.DBInstance": "identifier",
                  "rds.DBCluster": "cluster_identifier", "elasticache.CacheCluster": "cluster_id"}
# the resource's property naming it, where it is not ``name``
NAME_KWARG = {"rds.DBInstance": "identifier", "rds.DBCluster": "cluster_identifier",
              "elasticache.CacheCluster": "cluster_id"}
ALARM = "cloudwatch.MetricAlarm"
TOPIC = "sns.Topic"


def _dims(doc, node):
    """A dimensions dict's {name: value node}, or None when it cannot be read."""
    d = pc.resolve_dict(doc, node) if node is not None else None
    if d is None:
        return None
    out = {}
    for el in d.elements:
        k = pc.string_key(el.key) if isinstance(el, cst.DictElement) else None
        if k is None:
            return None
        out[k] = el.value
    return out


def _metric_specs(doc, node):
    """(namespace, metric name, dimensions) of every call or dict under ``node`` naming a metric."""
    for n in m_walk(node):
        if isinstance(n, cst.Call):
            kws = {a.keyword.value: a.value for a in n.args if a.keyword is not None}
        elif isinstance(n, cst.Dict):
            kws = {pc.string_key(el.key): el.value for el in n.elements
                   if isinstance(el, cst.DictElement) and pc.string_key(el.key)}
        else:
            continue
        if "metric_name" in kws:
            ns, name = pc.literal(kws.get("namespace")), pc.literal(kws["metric_name"])
            yield (ns if isinstance(ns, str) else None, name if isinstance(name, str) else None,
                   _dims(doc, kws.get("dimensions")) if "dimensions" in kws else {})


def m_walk(node):
    stack = [node]
    while stack:
        n = stack.pop()
        yield n
        stack.extend(reversed(list(n.children)))


def _alarmed(doc):
    return pc.cached(doc, "alarms-alarmed", lambda: [
        spec for a in pc.aws_calls(doc, ALARM) for spec in _metric_specs(doc, a.call)])


def _covered(doc, site, alarm: Alarm) -> bool:
    v = pc.var(site)
    name = pc.kw_value(site, NAME_KWARG.get(alarm.kind, "name"))
    mine = re.sub(r"\s+", "", doc.code(name)) if name is not None else None
    for value in dimension_values(alarm, _alarmed(doc)):
        if value is ANY:
            return True
        code = re.sub(r"\s+", "", doc.code(value))
        if v and (code == v or code.startswith(v + ".")):
            return True
        if mine is not None and code == mine:
            return True
        if not isinstance(value, (cst.SimpleString, cst.FormattedString, cst.Attribute)):
            return True  # a variable, a call: any resource
    return False


def _dead_letter_queues(doc) -> dict:
    """Dead-letter queue variable → the value using it as one (a redrive policy, a dead-letter config)."""
    def compute():
        out = {}
        for key in ("redrive_policy", "dead_letter_config"):
            for value in pc.kwarg_values(doc, key):
                for r in pc.references(doc, value):
                    out.setdefault(re.sub(r"\.arn$", "", r), value)
        return out

    return pc.cached(doc, "alarms-dlqs", compute)


def _watched(doc) -> List[tuple]:
    out = []
    edge = pc.edge_functions(doc)  # Lambda@Edge: its metrics are reported where it runs
    for alarm in ALARMS:
        for site in pc.aws_calls(doc, *CLASSES[alarm.kind]):
            v = pc.var(site)
            if not v or pc.has_splat(site):
                continue
            if alarm.kind == "lambda.Function" and pc.at_edge(edge, v):
                continue
            if alarm.kind == "apigatewayv2.Api" and pc.literal(pc.kw_value(site, "protocol_type")) != "HTTP":
                continue
            if alarm.kind == "elasticache.CacheCluster" and not is_redis(pc.literal(pc.kw_value(site, "engine"))):
                continue  # Memcached, a member of a replication group, a variable: not watched
            if alarm.kind == "sqs.Queue" and v not in _dead_letter_queues(doc):
                continue
            if not _covered(doc, site, alarm):
                out.append((site, alarm))
    out.sort(key=lambda sa: (sa[0].line, ALARMS.index(sa[1])))
    return out


def _topic(doc):
    """(code of the topic's ARN, None) when the file has an alarm topic, (None, the statement to
    create it before) when it must be made."""
    def compute():
        for a in pc.aws_calls(doc, ALARM):
            actions = pc.kw_value(a, "alarm_actions")
            if isinstance(actions, cst.List) and actions.elements:
                first = actions.elements[0].value
                if isinstance(first, (cst.Name, cst.Attribute)):
                    return doc.code(first), None
        for t in pc.aws_calls(doc, TOPIC):
            v = pc.var(t)
            name = pc.literal(pc.name_node(t))
            if v and (alarm_topic_name(v) or (isinstance(name, str) and alarm_topic_name(name))):
                return f"{v}.arn", None
        first = None
        for site in doc.calls_under(pc.AWS + "."):
            try:
                stmt = pc.statement(site)
            except FixError:
                continue
            if isinstance(doc.parent(stmt), cst.Module) and (first is None or doc.start(stmt) < doc.start(first)):
                first = stmt
        return None, first

    return pc.cached(doc, "alarms-topic", compute)


def _provider(doc, site) -> bool:
    opts = pc.kw_value(site, "opts")
    return opts is not None and re.search(r"\bprovider", doc.code(opts)) is not None


def _retention(site, alarm: Alarm):
    """``rules.retention_hours`` of the stream's ``retention_period``."""
    node = pc.kw_value(site, "retention_period") if alarm.of_retention else None
    return retention_hours(alarm, NOT_SET if node is None else pc.literal(node))


def detect(doc, ctx):
    for site, alarm in _watched(doc):
        shown = pc.display(site)
        msg = message(alarm, shown)
        arn, before = _topic(doc)
        why = None
        if not pc.standalone(site):
            why = "it is created inside a larger expression: add the alarm by hand"
        elif arn is None and before is None:
            why = "no module-level statement to create the alarm topic before: add the alarm by hand"
        elif alarm.of_retention and _retention(site, alarm) is None:
            why = retention_unknown(alarm)
        elif arn is None and _provider(doc, site):
            why = ("it is created with a provider, the new alarm topic with the default one: an alarm "
                   "notifies a topic of its own region; add the alarm by hand")
        yield Gap(
            **pc.where(site),
            resource_type=pc.rtype(site),
            resource_name=pc.label(site),
            message=msg + (f" ({why})" if why else f" ({NO_SUBSCRIPTION})"),
            fix=None if why else (lambda site=site, alarm=alarm: _fix(doc, site, alarm, ctx)),
            detail=alarm.detail,
        )


def _anchor(doc, site):
    """After the resource's statement and its alarms (``statements.last_related``)."""
    v = pc.var(site)
    stmt, targets = pc.statement(site), {v}
    if site.qualname.endswith(".sqs.Queue"):
        stmt = consumer(doc, stmt, _dead_letter_queues(doc).get(v))
        for small in (stmt.body if stmt is not pc.statement(site) else ()):
            if isinstance(small, cst.Assign):
                targets |= {doc.code(t.target) for t in small.targets}
    alarms = {id(a.statement): a for a in pc.aws_calls(doc, ALARM)}
    # log-retention puts an unnamed function's log group right after it (it takes its name)
    fns = [f for f in pc.aws_calls(doc, "lambda_.Function") if f.statement is stmt]
    logs = pc.function_log_group_names(doc, fns[0]) if fns else set()
    groups = {id(g.statement) for g in pc.aws_calls(doc, "cloudwatch.LogGroup")
              if pc.name_key(doc, pc.kw_value(g, "name")) in logs}

    def is_alarm(stmt) -> bool:
        if id(stmt) in groups:
            return True
        a = alarms.get(id(stmt))
        return a is not None and any(
            r.split(".")[0] in targets for r in pc.references(doc, pc.kw_value(a, "dimensions")))

    return last_related(doc, stmt, is_alarm)


def _tags(doc, site):
    """The resource's ``tags=`` as written (one line), else None."""
    code = pc.copied_tags(doc, site)
    if code is None or "\n" in code:
        return None
    return py.Code(code)


def _fix(doc, site, alarm: Alarm, ctx):
    edits = []
    arn, before = _topic(doc)
    if arn is None:
        cls, more = pc.aws_name(doc, TOPIC)
        edits += more
        var = pc.derive_var(doc, None, "", "alarm_topic")
        q = py.file_quote(doc)
        word = str(ctx["topic_name"])
        args = [(None, py.Code(f"{q}{word}{q}"))]
        env = pc.env_suffix(doc, line=doc.range(before).start.line)
        if env:
            args.append(("name", py.Code(f"f{q}{word}-{{{env}}}{q}")))
        tags = _tags(doc, _watched(doc)[0][0])
        if tags is not None:  # tagged as the first resource it serves, as the other companions are
            args.append(("tags", tags))
        code = doc.render_call(f"{var} = ", cls, args, indent=doc.statement_indent(before))
        edits += doc.insert_before_statement(before, code, blank_line=True)
        arn = f"{var}.arn"
    cls, more = pc.aws_name(doc, ALARM)
    edits += more
    q = py.file_quote(doc)
    args = [(None, py.Code(pc.derive_name(doc, pc.name_node(site), alarm.detail)))]
    name = pc.kw_value(site, NAME_KWARG.get(alarm.kind, "name"))
    if name is not None:
        derived = pc.derive_name(doc, name, alarm.detail)
        env = pc.env_suffix(doc, site) if isinstance(name, cst.SimpleString) else None
        if env and derived[:1] in "'\"" and "{" not in derived and not derived.endswith(".fifo" + derived[-1]):
            # named as environment-suffix names the resource: the same whichever runs first
            body = derived[1:-1]
            sep = "_" if "_" in body and "-" not in body else "-"
            derived = f"f{derived[:-1]}{sep}{{{env}}}{derived[-1]}"
        args.append(("name", py.Code(derived)))
    args += [
        ("alarm_description", py.Code(string_value(doc, "alarm_description", description(
            alarm, pc.display(site), ctx.params, _retention(site, alarm)), doc.statement_indent(_anchor(doc, site)),
            q))),
        ("namespace", py.Code(f"{q}{alarm.namespace}{q}")),
        ("metric_name", py.Code(f"{q}{alarm.metric}{q}")),
        ("dimensions", py.Code(f"{{{q}{alarm.dimension}{q}: {pc.var(site)}.{DIMENSION_ATTR[alarm.kind]}}}")),
        ("statistic", py.Code(f"{q}{alarm.statistic}{q}")),
        ("period", py.Code(str(int(ctx["period"])))),
        ("evaluation_periods", py.Code(str(int(ctx["evaluation_periods"])))),
        ("threshold", py.Code(str(threshold(alarm, ctx, _retention(site, alarm))))),
        ("comparison_operator", py.Code(f"{q}{alarm.comparison}{q}")),
        ("treat_missing_data", py.Code(f"{q}{alarm.missing}{q}")),
        ("alarm_actions", py.Code(f"[{arn}]")),
    ]
    tags = _tags(doc, site)
    if tags is not None:  # tagged as what it watches, as the other companions are
        args.append(("tags", tags))
    opts = pc.opts_for_new(doc, site)
    if opts is not None:
        args.append(("opts", opts))
    anchor = _anchor(doc, site)
    code = doc.render_call("", cls, args, like=site.call, indent=doc.statement_indent(anchor))
    edits += doc.insert_after_statement(anchor, code, blank_line=None)
    return py.dedupe(edits)
