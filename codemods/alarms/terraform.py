"""alarms for Terraform: every watched resource has an ``aws_cloudwatch_metric_alarm`` per
metric (``rules.ALARMS``), publishing to the module's one alarm topic.

Watched: ``aws_lambda_function`` (Errors, Throttles), ``aws_api_gateway_rest_api``
(5XXError by ApiName), ``aws_apigatewayv2_api`` with ``protocol_type = "HTTP"`` (5xx by
ApiId), an ``aws_sqs_queue`` that is a dead-letter queue (a redrive policy, a
``dead_letter_config``/``on_failure`` destination or a redrive allow policy of the module
targets it: ApproximateNumberOfMessagesVisible), ``aws_dynamodb_table``
(ReadThrottleEvents, WriteThrottleEvents), ``aws_db_instance`` (CPUUtilization by
DBInstanceIdentifier), ``aws_kinesis_stream`` (GetRecords.IteratorAgeMilliseconds at a share of
its ``retention_period``, 24 hours without one; reported without a fix when that is not a
number), ``aws_rds_cluster`` (CPUUtilization by DBClusterIdentifier; its
``aws_rds_cluster_instance`` members are covered by it) and ``aws_elasticache_cluster`` with
``engine = "redis"`` (DatabaseMemoryUsagePercentage by CacheClusterId; not a member of an
``aws_elasticache_replication_group``, which writes no engine, nor the group: AWS derives its
members' ids). One gap per resource and metric (detail: the
alarm's word, ``errors``).

Compliant: an ``aws_cloudwatch_metric_alarm`` of the module (its own metric or one of its
``metric_query`` metrics) on that metric whose dimension names the resource: by reference
(``aws_lambda_function.orders.function_name``) or by the name written out as the resource
writes it (``"orders-${var.environment_suffix}"``, ``"orders"``). A dimension the file cannot
read (a variable, a ``for`` expression) may name any resource: those are compliant.

The new alarm goes after the resource and the resources right after it that refer to it or
that it refers to (its dead-letter queue, its log group, its alarms), so that the file is the
same whichever codemod wrote its companions first:

    resource "aws_cloudwatch_metric_alarm" "orders_errors" {
      alarm_name          = "orders-errors-${var.environment_suffix}"
      alarm_description   = "Lambda function orders-${var.environment_suffix} failed 5 or more times in 5 minutes"
      namespace           = "AWS/Lambda"
      metric_name         = "Errors"
      statistic           = "Sum"
      period              = 300
      evaluation_periods  = 1
      threshold           = 5
      comparison_operator = "GreaterThanOrEqualToThreshold"
      treat_missing_data  = "notBreaching"
      alarm_actions       = [aws_sns_topic.alarms.arn]

      dimensions = {
        FunctionName = aws_lambda_function.orders.function_name
      }
    }

led by the resource's ``provider``/``region`` and followed by its tags. The topic is the one
the module's alarms already notify (the first ``alarm_actions`` item of the first alarm, by
file and position), else an ``aws_sns_topic`` of the module named or labelled ``alarms``,
else a new ``resource "aws_sns_topic" "alarms"`` (named by the ``topic_name`` parameter with
the environment suffix or the module's name prefix) at the end of the file holding the first
resource to be given an alarm (before the outputs that close the file): every gap of the module inserts it there, so the engine applies
one of them and the others, waiting for the next pass, find the topic made. Encrypted with a
key of the module whose text lets ``cloudwatch.amazonaws.com`` use it, else unencrypted
(``rules`` and the rationale say why). A resource whose ``provider``/``region`` differs from
the topic's is reported without a fix: an alarm notifies a topic of its own region.
Not fixed: resources with ``count``/``for_each``.
"""

from __future__ import annotations

from typing import List, Optional, Tuple

from iacfix.codemods.alarms.rules import (
    ALARMS,
    ANY,
    NO_SUBSCRIPTION,
    Alarm,
    Node,
    allows_cloudwatch,
    alarm_topic_name,
    description,
    dimension_values,
    group_end,
    is_redis,
    message,
    threshold,
    NOT_SET,
    retention_hours,
    retention_unknown,
)
from iacfix.codemods.common.terraform import (
    copied_tags,
    counted,
    dead_letter_targets,
    edge_functions,
    env_var,
    function_log_group_names,
    gap,
    kebab,
    label_for,
    module_fact,
    name_prefix,
    name_template,
    served_by,
)
from iacfix.core import Edit, module_docs
from iacfix.transforms.terraform import (
    Block,
    TfDoc,
    insert_after_block,
    is_object,
    literal,
    object_items,
    quote,
    references,
    render_block,
    string_value,
    traversal,
    unwrap,
)

# neutral kind → (resource type, name argument, the attribute a dimension takes)
TYPES = {
    "lambda.Function": ("aws_lambda_function", "function_name", "function_name"),
    "apigateway.RestApi": ("aws_api_gateway_rest_api", "name", "name"),
    "apigatewayv2.Api": ("aws_apigatewayv2_api", "name", "id"),
    "sqs.Queue": ("aws_sqs_queue", "name", "name"),
    "dynamodb.Table": ("aws_dynamodb_table", "name", "name"),
    "kinesis.Stream": ("aws_kinesis_stream", "name", "name"),
    "rds.DBInstance": ("aws_db_instance", "identifier", "identifier"),  # not aws_rds_cluster_instance: its cluster's
    "rds.DBCluster": ("aws_rds_cluster", "cluster_identifier", "cluster_identifier"),
    "elasticache.CacheCluster": ("aws_elasticache_cluster", "cluster_id", "cluster_id"),
}
ALARM = "aws_cloudwatch_metric_alarm"
TOPIC = "aws_sns_topic"


def _existing(doc: TfDoc):
    """(namespace or None, metric or None, dimensions: {name: node} or None) of every metric
    an alarm of the module watches; None where the file cannot read it."""
    def compute():
        out = []
        for _, d in module_docs(doc):
            for a in d.resources(ALARM):
                specs = [a] + [m for q in a.blocks("metric_query") for m in q.blocks("metric")]
                for s in specs:
                    metric = s.attr("metric_name")
                    if metric is None:
                        continue
                    ns = s.attr("namespace")
                    dims = s.attr("dimensions")
                    items = object_items(dims.value) if dims is not None and is_object(dims.value) else None
                    out.append((
                        string_value(ns.value) if ns is not None else None,
                        string_value(metric.value),
                        {(i.key if i.key is not None else d.source(i.key_node)): (d, i.value)
                         for i in items} if items is not None else None,
                    ))
        return out

    return module_fact(doc, "alarms-existing", compute)


def _coverage(doc: TfDoc, alarm: Alarm) -> Tuple[bool, set, set]:
    """What the module's alarms of ``alarm``'s metric say of the resources they watch, read
    once per module (not once per resource: the fixed file has an alarm for each):
    (whether one watches any resource: dimensions the file cannot read, or a variable or
    local naming the resource; the resources their dimension values refer to; those values'
    texts without spaces)."""
    def compute():
        anything, refs, texts = False, set(), set()
        for found in dimension_values(alarm, _existing(doc)):
            if found is ANY:
                return True, refs, texts
            d, value = found
            refs.update(references(value))
            texts.add("".join(d.source(value).split()))
            v = unwrap(value)
            if string_value(v) is None and any(t in ("var", "local") for t, _ in references(v)):
                anything = True  # a variable or a local: any resource
        return anything, refs, texts

    return module_fact(doc, f"alarms-coverage {alarm.namespace} {alarm.metric} {alarm.dimension}", compute)


def _covered(doc: TfDoc, res: Block, alarm: Alarm) -> bool:
    """Whether an alarm of the module watches ``res`` for ``alarm``: its dimension refers to
    ``res``, or is written as ``res``'s name is, or is a variable or local (any resource)."""
    anything, refs, texts = _coverage(doc, alarm)
    if anything or (TYPES[alarm.kind][0], res.labels[1]) in refs:
        return True
    name = res.attr(TYPES[alarm.kind][1])
    return name is not None and "".join(doc.source(name.value).split()) in texts


def _dead_letter_queues(doc: TfDoc) -> set:
    def compute():
        out = set()
        for _, d in module_docs(doc):
            out |= dead_letter_targets(d)
        return out

    return module_fact(doc, "alarms-dlqs", compute)


def _watched(doc: TfDoc) -> List[Tuple[Block, Alarm]]:
    """(resource, alarm) of ``doc`` that the module has no alarm for, in file order."""
    out = []
    dlqs = None
    edge = edge_functions(doc)  # Lambda@Edge: its metrics are reported where it runs
    for res in doc.resources(*(t for t, _, _ in TYPES.values())):
        if res.labels[0] == "aws_lambda_function" and res.labels[1] in edge:
            continue
        for alarm in ALARMS:
            if TYPES[alarm.kind][0] != res.labels[0]:
                continue
            if alarm.kind == "apigatewayv2.Api":
                p = res.attr("protocol_type")
                if p is None or literal(p.value) != "HTTP":
                    continue
            if alarm.kind == "elasticache.CacheCluster":
                e = res.attr("engine")
                if e is None or not is_redis(literal(e.value)):
                    continue  # Memcached, a member of a replication group, a variable: not watched
            if alarm.kind == "sqs.Queue":
                dlqs = _dead_letter_queues(doc) if dlqs is None else dlqs
                if res.labels[1] not in dlqs:
                    continue
            if not _covered(doc, res, alarm):
                out.append((res, alarm))
    return out


def _needs(doc: TfDoc):
    """The module's first file (by path) with a resource to be given an alarm, and it."""
    def compute():
        for path, d in sorted(module_docs(doc), key=lambda pd: pd[0]):
            for res, _ in _watched(d):
                if not counted(res):
                    return d, res
        return None

    return module_fact(doc, "alarms-home", compute)


def _place(doc: TfDoc, block: Block) -> Tuple[str, str]:
    return tuple(doc.source(block.attr(n).value) if block.attr(n) is not None else "" for n in ("provider", "region"))


def _topic(doc: TfDoc):
    """(expression of the topic's ARN, (provider, region) or None when unknown, None) for the
    topic the module's alarms notify; (None, place, (home doc, resource)) when it must be made."""
    def compute():
        for _, d in sorted(module_docs(doc), key=lambda pd: pd[0]):
            for a in d.resources(ALARM):
                actions = a.attr("alarm_actions")
                v = unwrap(actions.value) if actions is not None else None
                if v is None or v.data != "tuple":
                    continue
                items = [c for c in v.children if hasattr(c, "data")]
                if not items:
                    continue
                text = d.source(items[0])
                if "\n" in text:
                    continue
                t = traversal(items[0])
                if t and len(t) == 3 and t[0] == TOPIC:
                    topic = d.resource(TOPIC, t[1])
                    return text, (_place(d, topic) if topic is not None else None), None
                return text, None, None
        for _, d in sorted(module_docs(doc), key=lambda pd: pd[0]):
            for t in d.resources(TOPIC):
                name = t.attr("name")
                if not counted(t) and (alarm_topic_name(t.labels[1])
                                       or (name is not None and alarm_topic_name(string_value(name.value)))):
                    return f"{TOPIC}.{t.labels[1]}.arn", _place(d, t), None
        home = _needs(doc)
        if home is None:
            return None, None, None
        return None, _place(*home), home

    return module_fact(doc, "alarms-topic", compute)


def _retention(res: Block, alarm: Alarm):
    """``rules.retention_hours`` of the stream's ``retention_period``."""
    a = res.attr("retention_period") if alarm.of_retention else None
    return retention_hours(alarm, NOT_SET if a is None else literal(a.value))


def detect(doc: TfDoc, ctx):
    for res, alarm in _watched(doc):
        name = _name_text(doc, res, alarm)
        msg = message(alarm, name)
        if counted(res):
            yield gap(res, msg + " (count/for_each: not fixed automatically)", detail=alarm.detail)
            continue
        if alarm.of_retention and _retention(res, alarm) is None:
            yield gap(res, msg + f" ({retention_unknown(alarm)})", detail=alarm.detail)
            continue
        arn, place, home = _topic(doc)
        if place is not None and place != _place(doc, res):
            yield gap(res, msg + " (the alarm topic is in another provider or region: "
                      "an alarm notifies a topic of its own region; add one by hand)", detail=alarm.detail)
            continue
        yield gap(res, msg + f" ({NO_SUBSCRIPTION})", fix=_fixer(doc, res, alarm, ctx), detail=alarm.detail)


def _name_text(doc: TfDoc, res: Block, alarm: Alarm) -> str:
    a = res.attr(TYPES[alarm.kind][1])
    if a is not None:
        v = unwrap(a.value)
        src = doc.source(v)
        if src.startswith('"') and src.endswith('"') and "\n" not in src:
            return src[1:-1]
    return res.labels[1]


def _named(doc: TfDoc, base: Optional[str], label: str, word: str) -> str:
    """The name of a new resource: after the served resource's name string (the word before
    its environment suffix), else its label with the suffix or the module's name prefix."""
    env = env_var(doc)
    if base is not None:
        suffix = "${" + env + "}" if env else None
        if suffix and base.endswith(suffix) and base[: -len(suffix)][-1:] in ("-", "_"):
            sep = base[-len(suffix) - 1]
            return '"' + base[: -len(suffix)] + word + sep + suffix + '"'
        sep = "_" if ("_" in base and "-" not in base) else "-"
        if suffix and "${" not in base:  # as environment-suffix names the resource: whichever runs first
            return '"' + base + sep + word + sep + suffix + '"'
        return '"' + base + sep + word + '"'
    stem = f"{kebab(label)}-{word}" if label else word
    if env:
        return f'"{stem}-${{{env}}}"'
    lead = name_prefix(doc)
    if lead:
        return f'"${{{lead}}}-{stem}"'
    return quote(stem)


def _topic_block(doc: TfDoc, home: Block, ctx) -> str:
    items = [("name", _named(doc, None, "", str(ctx["topic_name"])))]
    for _, d in sorted(module_docs(doc), key=lambda pd: pd[0]):
        for key in d.resources("aws_kms_key"):
            # a key of another region or account cannot encrypt the topic
            if not counted(key) and _place(d, key) == _place(doc, home) and allows_cloudwatch(d.source(key.node)):
                items.append(("kms_master_key_id", f"aws_kms_key.{key.labels[1]}.arn"))
                break
        else:
            continue
        break
    tags = copied_tags(doc, home)
    if tags is not None:  # tagged as the first resource it serves, as the other companions are
        items.append(("", tags))
    label = label_for(doc, TOPIC, str(ctx["topic_name"]).replace("-", "_"), "")
    return label, render_block("resource", [TOPIC, label], served_by(doc, home, TOPIC, items), doc.unit)


def _anchor(doc: TfDoc, res: Block) -> Block:
    """The last resource of the group ``res`` is in (``rules.group_end``)."""
    blocks = doc.blocks
    nodes = doc.cache.get("alarm groups")
    if nodes is None:  # one scan per parse, not one per alarm: a file with many resources
        nodes = doc.cache["alarm groups"] = _nodes(doc)
    return blocks[group_end(nodes, next(k for k, b in enumerate(blocks) if b is res))]


def _nodes(doc: TfDoc) -> list:
    nodes = []
    for b in doc.blocks:
        if b.type != "resource" or len(b.labels) != 2:
            nodes.append(Node(None, frozenset()))  # a variable, a data source: the group ends there
            continue
        name = b.attr("name") if b.labels[0] == "aws_cloudwatch_log_group" else None
        nodes.append(Node(
            tuple(b.labels),
            frozenset(r for r in references(b.node) if r[0] != TOPIC),  # the alarm topic serves all
            name_template(doc.source(name.value)) if name is not None else None,
            frozenset(function_log_group_names(doc, b)) if b.labels[0] == "aws_lambda_function" else frozenset(),
        ))
    return nodes


def _fixer(doc: TfDoc, res: Block, alarm: Alarm, ctx):
    def fix():
        edits: List[Edit] = []
        arn, _, home = _topic(doc)
        topic_edit = None
        if arn is None:
            hdoc, hres = home
            key = ("alarms topic", id(hres), str(ctx["topic_name"]))
            made = hdoc.cache.get(key)  # every alarm of a pass would make it: once per parse
            if made is None:
                made = hdoc.cache[key] = _topic_block(hdoc, hres, ctx)
            label, text = made
            arn = f"{TOPIC}.{label}.arn"
            # after the file's last block that is not an output: outputs close a file
            last = next((b for b in reversed(hdoc.blocks) if b.type != "output"), hdoc.blocks[-1])
            topic_edit = insert_after_block(hdoc, last, text)
            if hdoc is not doc:
                topic_edit = Edit(topic_edit.start, topic_edit.end, topic_edit.replacement, path=hdoc.path)
        rtype, name_attr, dim_attr = TYPES[alarm.kind]
        name_node = res.attr(name_attr)
        base = None
        if name_node is not None:
            src = doc.source(unwrap(name_node.value))
            base = src[1:-1] if src.startswith('"') and src.endswith('"') and "\n" not in src else "${" + src + "}"
        label = label_for(doc, ALARM, res.labels[1], alarm.detail.replace("-", "_"))
        u = doc.unit
        items = [
            ("alarm_name", _named(doc, base, res.labels[1], alarm.detail)),
            ("alarm_description", '"' + description(alarm, _name_text(doc, res, alarm), ctx.params,
                                                     _retention(res, alarm)) + '"'),
            ("namespace", quote(alarm.namespace)),
            ("metric_name", quote(alarm.metric)),
            ("statistic", quote(alarm.statistic)),
            ("period", str(int(ctx["period"]))),
            ("evaluation_periods", str(int(ctx["evaluation_periods"]))),
            ("threshold", str(threshold(alarm, ctx, _retention(res, alarm)))),
            ("comparison_operator", quote(alarm.comparison)),
            ("treat_missing_data", quote(alarm.missing)),
            ("alarm_actions", f"[{arn}]"),
        ]
        nested = f"dimensions = {{\n{u}{alarm.dimension} = {rtype}.{res.labels[1]}.{dim_attr}\n}}"
        tags = copied_tags(doc, res)
        if tags is not None:  # tagged as what it watches, as the other companions are
            nested += "\n\n" + tags
        items.append(("", nested))
        text = render_block("resource", [ALARM, label], served_by(doc, res, ALARM, items), u)
        edits.append(insert_after_block(doc, _anchor(doc, res), text))
        if topic_edit is not None:
            edits.append(topic_edit)
        return edits

    return fix
