"""alarms for AWS CDK v2 Python: every watched construct has an alarm per metric
(``rules.ALARMS``), made the CDK way and sent to the stack's one alarm topic:

    process_order.metric_errors().create_alarm(
        self,
        "ProcessOrderErrors",
        alarm_description="Lambda function ProcessOrder failed 5 or more times in 5 minutes",
        threshold=5,
        evaluation_periods=1,
        treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
    ).add_alarm_action(cw_actions.SnsAction(alarm_topic))

Watched (L2 constructs assigned to a variable): Lambda functions (``metric_errors()``,
``metric_throttles()``), ``apigateway.RestApi``/``LambdaRestApi``/``SpecRestApi`` and
``apigatewayv2.HttpApi`` (``metric_server_error()``: 5XXError / 5xx), an ``sqs.Queue`` that is a
dead-letter queue (named by a ``DeadLetterQueue(queue=...)``, a ``dead_letter_queue=`` or a
``dead_letter_queue={"queue": ...}``: ``metric_approximate_number_of_messages_visible()``) and
``dynamodb.Table``/``TableV2`` (``metric("ReadThrottleEvents", statistic="Sum")``, the same for
writes), ``rds.DatabaseInstance`` (also from a snapshot, and read replicas) and
``rds.DatabaseCluster`` (``metric_cpu_utilization()``: CPUUtilization) and ``kinesis.Stream``
(``metric_get_records_iterator_age_milliseconds()``, at a share of its ``retention_period``, 24
hours without one; reported without a fix when that is not a ``Duration`` of a number). The metric methods'
defaults are the alarm's statistic and 5-minute period; another
``period`` parameter is passed as ``period=Duration.minutes(n)``, and ``comparison_operator`` only
where it is not ``create_alarm``'s default (greater than or equal to the threshold).

Compliant: an alarm on that metric of the construct anywhere in the file: ``<x>.<metric
method>(...).create_alarm(...)``, a ``cloudwatch.Alarm(metric=<x>.<metric method>(...))``, or a
``cloudwatch.Metric(metric_name=..., dimensions_map={...})`` in an alarm whose dimension refers to
the construct (``<x>.function_name``) or writes its name; a dimension the file cannot read
(a variable) may name any construct.

The alarm statement goes after the construct's statement and the statements right after it
that use its variable (its grants, its event sources, its other alarms). Its construct id is the
construct's with the alarm's word; ``alarm_name`` only when the construct sets its own name (then
derived from it). The topic is the one an ``SnsAction`` of the file already names, else an
``sns.Topic`` whose variable or id says alarms, else ``alarm_topic = sns.Topic(self,
"AlarmTopic", topic_name=f"alarms-{<environment suffix>}")`` (no ``topic_name`` without a
suffix: CDK's unique name) right after the ``super().__init__(...)`` of the method holding the
first watched construct (after the statement assigning the environment suffix there, if any): every gap inserts it there, the engine applies one, the others find it
in its next pass. A construct in another method than the topic's local variable, or not assigned
to a variable, is reported without a fix.

L1 constructs have no metric methods. ElastiCache has only those: an
``elasticache.CfnCacheCluster`` whose ``engine`` is ``"redis"`` (not a ``CfnReplicationGroup``,
whose members' ids AWS derives) gets a ``cloudwatch.Alarm`` of a ``cloudwatch.Metric`` naming
its ``ref`` (the cluster's id), sent to the alarm topic as the others are:

    cloudwatch.Alarm(
        self,
        "SessionCacheMemory",
        alarm_description="ElastiCache Redis cluster SessionCache used more than 80 percent ...",
        metric=cloudwatch.Metric(
            namespace="AWS/ElastiCache",
            metric_name="DatabaseMemoryUsagePercentage",
            dimensions_map={"CacheClusterId": session_cache.ref},
            statistic="Average",
            period=Duration.minutes(5),
        ),
        threshold=80,
        evaluation_periods=1,
        comparison_operator=cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
    ).add_alarm_action(cw_actions.SnsAction(alarm_topic))

The same holds for a ``lambda_.CfnFunction`` (Errors, Throttles; FunctionName its ``ref``)
and a ``dynamodb.CfnTable`` (ReadThrottleEvents, WriteThrottleEvents; TableName its ``ref``).
Other L1 constructs are not watched. A ``cloudwatch.Metric``
assigned to a variable that an alarm uses (``metric=memory``) counts as that alarm's.
"""

from __future__ import annotations

import re
from typing import List, Optional

import libcst as cst

from iacfix.codemods.alarms.rules import (
    ALARMS, NO_SUBSCRIPTION, NOT_SET, Alarm, alarm_topic_name, description, is_redis, message, retention_hours,
    retention_unknown, threshold,
)
from iacfix.codemods.alarms.statements import consumer, last_related, string_value
from iacfix.codemods.common import cdk as common
from iacfix.codemods.common.cdk import FUNCTIONS
from iacfix.codemods.lang.cdk.values import Duration
from iacfix.core import FixError, Gap
from iacfix.transforms import python as py

CLASSES = {
    "lambda.Function": FUNCTIONS + ("aws_cdk.aws_lambda.CfnFunction",),
    "apigateway.RestApi": ("aws_cdk.aws_apigateway.RestApi", "aws_cdk.aws_apigateway.LambdaRestApi",
                           "aws_cdk.aws_apigateway.SpecRestApi"),
    "apigatewayv2.Api": ("aws_cdk.aws_apigatewayv2.HttpApi", "aws_cdk.aws_apigatewayv2_alpha.HttpApi"),
    "sqs.Queue": ("aws_cdk.aws_sqs.Queue",),
    "dynamodb.Table": ("aws_cdk.aws_dynamodb.Table", "aws_cdk.aws_dynamodb.TableV2", "aws_cdk.aws_dynamodb.CfnTable"),
    "kinesis.Stream": ("aws_cdk.aws_kinesis.Stream",),
    "rds.DBInstance": ("aws_cdk.aws_rds.DatabaseInstance", "aws_cdk.aws_rds.DatabaseInstanceFromSnapshot",
                       "aws_cdk.aws_rds.DatabaseInstanceReadReplica"),
    "rds.DBCluster": ("aws_cdk.aws_rds.DatabaseCluster", "aws_cdk.aws_rds.DatabaseClusterFromSnapshot"),
    # CDK's ElastiCache has L1 constructs only; not CfnReplicationGroup (the rationale)
    "elasticache.CacheCluster": ("aws_cdk.aws_elasticache.CfnCacheCluster",),
}
# the construct's property naming it (for alarm names and name dimensions)
NAME_KWARGS = {"lambda.Function": "function_name", "apigateway.RestApi": "rest_api_name",
               "apigatewayv2.Api": "api_name", "sqs.Queue": "queue_name", "dynamodb.Table": "table_name",
               "kinesis.Stream": "stream_name", "rds.DBInstance": "instance_identifier",
               "rds.DBCluster": "cluster_identifier", "elasticache.CacheCluster": "cluster_name"}
# metric method → the metric it gives (``metric("X")`` gives X)
METHODS = {
    "metric_errors": "Errors",
    "metric_throttles": "Throttles",
    "metric_server_error": ("5XXError", "5xx"),
    "metric_client_error": ("4XXError", "4xx"),
    "metric_approximate_number_of_messages_visible": "ApproximateNumberOfMessagesVisible",
    "metric_throttled_requests": "ThrottledRequests",
    "metric_throttled_requests_for_operation": "ThrottledRequests",
    "metric_throttled_requests_for_operations": "ThrottledRequests",
    "metric_cpu_utilization": "CPUUtilization",
    "metric_get_records_iterator_age_milliseconds": "GetRecords.IteratorAgeMilliseconds",
}
NEW_METRIC = {
    "Errors": "metric_errors()",
    "Throttles": "metric_throttles()",
    "5XXError": "metric_server_error()",
    "5xx": "metric_server_error()",
    "ApproximateNumberOfMessagesVisible": "metric_approximate_number_of_messages_visible()",
    "CPUUtilization": "metric_cpu_utilization()",
    "GetRecords.IteratorAgeMilliseconds": "metric_get_records_iterator_age_milliseconds()",
}
COMPARISON = {"GreaterThanOrEqualToThreshold": "GREATER_THAN_OR_EQUAL_TO_THRESHOLD",
              "GreaterThanThreshold": "GREATER_THAN_THRESHOLD"}
ALARM_CLASS = "aws_cdk.aws_cloudwatch.Alarm"
METRIC_CLASS = "aws_cdk.aws_cloudwatch.Metric"
SNS_ACTION = "aws_cdk.aws_cloudwatch_actions.SnsAction"
TOPIC_CLASS = "aws_cdk.aws_sns.Topic"
DLQ_STRUCT = "aws_cdk.aws_sqs.DeadLetterQueue"


def _string_kwarg(site, key: str) -> Optional[str]:
    a = site.kwarg(key)
    return common.string(a.value) if a is not None else None


def is_l1(site) -> bool:
    """Whether the construct is an L1 one (``CfnCacheCluster``): it has no metric methods, its
    alarm watches a ``cloudwatch.Metric`` whose dimension is its ``ref`` (the resource's name)."""
    return site.qualname.rpartition(".")[2].startswith("Cfn")


def _norm(doc, node) -> str:
    return re.sub(r"\s+", "", doc.code(node))


def _metric_names(doc, call: cst.Call):
    """(receiver code, metric names) of ``<x>.metric_*()`` / ``<x>.metric("X")``, else None."""
    f = call.func
    if not isinstance(f, cst.Attribute):
        return None
    m = f.attr.value
    if m == "metric":
        name = common.string(call.args[0].value) if call.args and call.args[0].keyword is None else None
        return (_norm(doc, f.value), (name,) if name else (None,))
    found = METHODS.get(m)
    if found is None:
        return None
    return (_norm(doc, f.value), found if isinstance(found, tuple) else (found,))


def _alarmed(doc):
    """(receiver or None, metric name or None, dimensions {name: node} or None) of every
    metric an alarm of the file watches."""
    def compute():
        out = []
        roots = [c.func.value for c in common.method_calls(doc, "create_alarm")]
        roots += [s.call for s in doc.calls(ALARM_CLASS)]
        metric_sites = {id(s.call): s for s in doc.calls(METRIC_CLASS)}
        # a Metric assigned to a variable an alarm uses (``metric=memory``, ``memory.create_alarm(...)``)
        used = {n.value for root in roots for n in common.walk(root) if isinstance(n, cst.Name)}
        named = [s.call for s in metric_sites.values() if s.target and s.target in used]
        for root in roots + named:
            for n in common.walk(root):
                if not isinstance(n, cst.Call):
                    continue
                got = _metric_names(doc, n)
                if got is not None:
                    for name in got[1]:
                        out.append((got[0], name, None, True))
                    continue
                site = metric_sites.get(id(n))
                if site is not None:
                    mn = site.kwarg("metric_name")
                    dims = site.kwarg("dimensions_map")
                    table = None
                    if dims is not None and isinstance(dims.value, cst.Dict):
                        table = {}
                        for el in dims.value.elements:
                            k = common.string(el.key) if isinstance(el, cst.DictElement) else None
                            if k is None:
                                table = None
                                break
                            table[k] = el.value
                    out.append((None, common.string(mn.value) if mn is not None else None, table, False))
        return out

    return doc.memo("alarms-alarmed", compute)


def _covered(doc, site, alarm: Alarm) -> bool:
    target = re.sub(r"\s+", "", site.target)
    name_arg = site.kwarg(NAME_KWARGS[alarm.kind])
    mine = _norm(doc, name_arg.value) if name_arg is not None else None
    for receiver, metric, dims, method in _alarmed(doc):
        if metric is not None and metric not in alarm.metrics:
            continue
        if method:
            if receiver == target:
                return True
            continue
        if dims is None:
            return True
        value = dims.get(alarm.dimension)
        if value is None:
            continue
        code = _norm(doc, value)
        if code.startswith(target + ".") or (mine is not None and code == mine):
            return True
        if not isinstance(value, (cst.SimpleString, cst.FormattedString, cst.Attribute)):
            return True  # a variable, a call: any construct
    return False


def _dead_letter_queues(doc) -> dict:
    """Dead-letter queue (normalised reference) → a node where it is used as one."""
    def compute():
        out = {}
        for s in doc.calls(DLQ_STRUCT):
            q = s.kwarg("queue")
            if q is not None:
                out.setdefault(_norm(doc, q.value), q.value)
        for site in doc.calls_under("aws_cdk."):
            a = site.kwarg("dead_letter_queue")
            if a is None:
                continue
            if isinstance(a.value, cst.Dict):
                for el in a.value.elements:
                    if isinstance(el, cst.DictElement) and common.string(el.key) == "queue":
                        out.setdefault(_norm(doc, el.value), el.value)
            elif isinstance(a.value, (cst.Name, cst.Attribute)):
                out.setdefault(_norm(doc, a.value), a.value)
        return out

    return doc.memo("alarms-dlqs", compute)


def _watched(doc) -> List[tuple]:
    out = []
    edge = common.edge_functions(doc)  # Lambda@Edge: its metrics are reported where it runs
    edge |= common.cloudformation_invoked(doc)  # a failure fails the stack operation, where it is seen
    for alarm in ALARMS:
        for site in doc.calls(*CLASSES[alarm.kind]):
            if not site.target or (alarm.kind == "lambda.Function" and (
                    site.target in edge or site.target + ".attr_arn" in edge)):  # an L1 function's ARN
                continue
            if alarm.kind == "sqs.Queue" and re.sub(r"\s+", "", site.target) not in _dead_letter_queues(doc):
                continue
            if alarm.kind == "elasticache.CacheCluster" and not is_redis(_string_kwarg(site, "engine")):
                continue  # Memcached, or an engine the file does not write: no such metric
            if not _covered(doc, site, alarm):
                out.append((site, alarm))
    out.sort(key=lambda sa: (sa[0].line, ALARMS.index(sa[1])))
    return out


def _super_init(doc, fn: Optional[cst.FunctionDef]):
    if fn is None or not isinstance(fn.body, cst.IndentedBlock):
        return None
    for stmt in fn.body.body:
        if isinstance(stmt, cst.SimpleStatementLine) and "super()" in doc.code(stmt) and "__init__" in doc.code(stmt):
            return stmt
    return None


def _after_setup(doc, fn, env: Optional[str]):
    """The statement the new topic goes after: ``super().__init__(...)``, or the statement after
    it assigning the environment suffix the topic's name uses."""
    init = _super_init(doc, fn)
    if init is None or env is None or "." in env:
        return init
    body = list(fn.body.body)
    for stmt in body[body.index(init) + 1:]:
        for small in (stmt.body if isinstance(stmt, cst.SimpleStatementLine) else ()):
            if isinstance(small, cst.Assign) and any(doc.code(t.target) == env for t in small.targets):
                return stmt
    return init


def _topic(doc):
    """(topic code, the function it is a local of or None, None) for the file's alarm topic;
    (None, home function, super().__init__ statement) when it must be made there."""
    def compute():
        for s in doc.calls(SNS_ACTION):
            arg = s.positional(0)
            if isinstance(arg, (cst.Name, cst.Attribute)):
                code = doc.code(arg)
                return code, (None if "." in code else doc.enclosing(s.call, cst.FunctionDef)), None
        for s in doc.calls(TOPIC_CLASS):
            if s.target and (alarm_topic_name(common.snake(s.target.rpartition(".")[2]))
                             or alarm_topic_name(common.kebab(s.string_arg(1) or ""))):
                return s.target, (None if "." in s.target else doc.enclosing(s.call, cst.FunctionDef)), None
        for site, _ in _watched(doc):
            fn = doc.enclosing(site.call, cst.FunctionDef)
            return None, fn, _after_setup(doc, fn, common.env_suffix_expr(doc, site.call))
        return None, None, None

    return doc.memo("alarms-topic", compute)


def _retention(doc, site, alarm: Alarm):
    """``rules.retention_hours`` of the stream's ``retention_period`` (a ``Duration``)."""
    a = site.kwarg("retention_period") if alarm.of_retention else None
    return retention_hours(alarm, NOT_SET if a is None else Duration("hours").decode(doc, a.value))


def detect(doc, ctx):
    if common.is_cdk_v1(doc):
        return
    for site, alarm in _watched(doc):
        shown = common.name_of(site)
        msg = message(alarm, shown)
        code, home, init = _topic(doc)
        fn = doc.enclosing(site.call, cst.FunctionDef)
        why = None
        id_node = site.positional(1)
        if not common.own_statement(doc, site):
            why = "it is not created by a statement of its own: add the alarm by hand"
        elif id_node is None or common.add_word_to_literal(doc, id_node, "Alarm") is None:
            why = "its construct id is not a string literal to name the alarm after: add the alarm by hand"
        elif alarm.of_retention and _retention(doc, site, alarm) is None:
            why = retention_unknown(alarm)
        elif home is not None and fn is not home:
            why = "the alarm topic is a local variable of another method: add the alarm by hand"
        elif code is None and init is None:
            why = "no super().__init__() to create the alarm topic after: add the alarm by hand"
        yield Gap(
            line=site.line,
            column=site.column,
            end_line=site.end_line,
            resource_type=site.qualname.replace("aws_cdk.", "", 1),
            resource_name=shown,
            message=msg + (f" ({why})" if why else f" ({NO_SUBSCRIPTION})"),
            fix=None if why else (lambda site=site, alarm=alarm: _fix(doc, site, alarm, ctx)),
            detail=alarm.detail,
        )


def _anchor(doc, site, alarm: Alarm):
    """After the construct's statement and its alarms (``statements.last_related``); a
    dead-letter queue's, after the statement using it and that one's alarms."""
    target = re.sub(r"\s+", "", site.target)
    stmt, targets = site.statement, {target}
    if alarm.kind == "sqs.Queue":
        stmt = consumer(doc, site.statement, _dead_letter_queues(doc).get(target))
        for small in (stmt.body if stmt is not site.statement and isinstance(stmt, cst.SimpleStatementLine) else ()):
            if isinstance(small, cst.Assign):
                targets |= {re.sub(r"\s+", "", doc.code(t.target)) for t in small.targets}

    alarms = {id(s.call) for s in doc.calls(ALARM_CLASS)}
    refs = re.compile(r"(?<![\w.])(" + "|".join(re.escape(t) for t in sorted(targets)) + r")\.ref\b")

    def is_alarm(stmt) -> bool:
        for n in common.walk(stmt):
            if isinstance(n, cst.Call) and id(n) in alarms and refs.search(doc.code(n)):
                return True  # an L1 construct's alarm: a Metric on its ref
            if isinstance(n, cst.Call) and isinstance(n.func, cst.Attribute) and n.func.attr.value == "create_alarm":
                got = _metric_names(doc, n.func.value) if isinstance(n.func.value, cst.Call) else None
                if got is not None and got[0] in targets:
                    return True
        return False

    return last_related(doc, stmt, is_alarm, target if stmt is site.statement else "")


def _fix(doc, site, alarm: Alarm, ctx):
    edits = []
    cw, more = doc.import_name("aws_cdk.aws_cloudwatch", alias="cloudwatch")
    edits += more
    actions, more = doc.import_name("aws_cdk.aws_cloudwatch_actions", alias="cw_actions")
    edits += more
    code, _, init = _topic(doc)
    if code is None:
        sns, more = doc.import_name("aws_cdk.aws_sns", alias="sns")
        edits += more
        code = "alarm_topic"
        if code in common.names_in_use(doc):
            raise FixError("the name alarm_topic is already in use")
        env = common.env_suffix_expr(doc, site.call)
        q = '"'
        args = ["self", f'{q}AlarmTopic{q}']
        if env:
            args.append(f'topic_name=f"{ctx["topic_name"]}-{{{env}}}"')
        topic = doc.render_call(f"{code} = ", f"{sns}.Topic", args, indent=doc.statement_indent(init))
        edits += doc.insert_after_statement(init, topic, blank_line=True)
    target = site.target
    period = int(ctx["period"])
    if is_l1(site):
        duration, more = doc.import_name("aws_cdk.Duration")
        edits += more
        q = '"'
        metric = py.Call(f"{cw}.Metric", [
            ("namespace", py.Code(f"{q}{alarm.namespace}{q}")),
            ("metric_name", py.Code(f"{q}{alarm.metric}{q}")),
            ("dimensions_map", py.Code(f"{{{q}{alarm.dimension}{q}: {target}.ref}}")),
            ("statistic", py.Code(f"{q}{alarm.statistic}{q}")),
            ("period", py.Code(f"{duration}.minutes({period // 60})")),
        ])
    elif alarm.metric in NEW_METRIC:
        metric = NEW_METRIC[alarm.metric]
    else:
        metric = f'metric("{alarm.metric}", statistic="{alarm.statistic}")'
    if period != 300 and not is_l1(site):
        duration, more = doc.import_name("aws_cdk.Duration")
        edits += more
        inner = metric[metric.index("(") + 1:-1]
        p = f"period={duration}.minutes({period // 60})"
        metric = metric[: metric.index("(")] + "(" + (inner + ", " if inner else "") + p + ")"
    id_node = site.positional(1)
    word = "".join(w.capitalize() for w in alarm.detail.split("-"))
    new_id = common.add_word_to_literal(doc, id_node, word) if id_node is not None else None
    if new_id is None:
        raise FixError("the construct id is not a string literal")
    args = ["self", new_id]
    name_arg = site.kwarg(NAME_KWARGS[alarm.kind])
    if name_arg is not None:
        new_name = common.add_word_to_literal(doc, name_arg.value, alarm.detail)
        suffix = common.env_suffix_expr(doc, site.call) if isinstance(name_arg.value, cst.SimpleString) else None
        if new_name is not None and suffix and not name_arg.value.prefix:
            # named as environment-suffix names the construct: the same whichever runs first
            q = new_name[-1]
            text = new_name[1:-1].replace("{", "{{").replace("}", "}}")
            new_name = f"f{q}{text}-{{{suffix}}}{q}"
        if new_name is not None:
            args.append(f"alarm_name={new_name}")
    retention = _retention(doc, site, alarm)
    text = description(alarm, common.name_of(site), ctx.params, retention)
    anchor = _anchor(doc, site, alarm)
    args.append(f"alarm_description={string_value(doc, 'alarm_description', text, doc.statement_indent(anchor))}")
    if is_l1(site):
        args.append(("metric", metric))
    args += [
        f"threshold={threshold(alarm, ctx, retention)}",
        f"evaluation_periods={int(ctx['evaluation_periods'])}",
    ]
    if alarm.comparison != "GreaterThanOrEqualToThreshold":  # create_alarm's default
        args.append(f"comparison_operator={cw}.ComparisonOperator.{COMPARISON[alarm.comparison]}")
    args.append(f"treat_missing_data={cw}.TreatMissingData.NOT_BREACHING")
    indent = doc.statement_indent(anchor)
    if is_l1(site):  # no metric methods: an Alarm of a Metric on the resource's ref
        call = doc.render_call("", f"{cw}.Alarm", args, like=site.call, indent=indent)
    else:
        call = doc.render_call("", f"{target}.{metric}.create_alarm", args, like=site.call, indent=indent)
    call += f".add_alarm_action({actions}.SnsAction({code}))"
    edits += doc.insert_after_statement(anchor, call, blank_line=None)
    return edits
