"""The alarms every language writes, stated once: per resource kind and metric, what is
watched (namespace, metric, dimension), how (statistic, comparison, which parameter is the
threshold, how missing data reads) and what the alarm is called and says.

Kinds are the catalog's neutral kinds (``service.Type``); each language maps them to its
own resource types and says how it reads the dimension's value from the resource.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Tuple

from iacfix.codemods.common.aws import alarm_topic_name  # noqa: F401 (the alarm detectors' name for it)

GE = "GreaterThanOrEqualToThreshold"
GT = "GreaterThanThreshold"


@dataclass(frozen=True)
class Alarm:
    kind: str  # neutral kind: lambda.Function, apigateway.RestApi, apigatewayv2.Api, sqs.Queue, dynamodb.Table,
    # rds.DBInstance, rds.DBCluster, kinesis.Stream, elasticache.CacheCluster
    detail: str  # the finding's detail and the word the alarm's name ends with ("errors")
    namespace: str
    metric: str  # the metric the new alarm watches
    dimension: str  # the dimension naming the resource
    statistic: str
    comparison: str
    threshold: str  # the codemod parameter holding the threshold
    what: str  # how a message names the resource kind
    # how an alarm's description reads: {name} the resource, {threshold}, {minutes}
    description: str
    # other metrics of the namespace whose alarm on the resource watches the same thing
    # (DynamoDB's ThrottledRequests, per operation, covers both throttle events)
    also: Tuple[str, ...] = ()
    # a sparse metric (no data point while nothing goes wrong): missing data is not breaching
    missing: str = "notBreaching"
    # the alarm's threshold is the parameter times this (a percentage parameter of a rate: 0.01)
    scale: float = 1
    # the parameter is a percentage of the resource's retention period (hours, read by each
    # language; the service default where the resource does not set it), the threshold that
    # share in milliseconds: a Kinesis stream's records expire unread at its retention
    of_retention: bool = False

    @property
    def metrics(self) -> Tuple[str, ...]:
        return (self.metric,) + self.also


ALARMS: Tuple[Alarm, ...] = (
    Alarm("lambda.Function", "errors", "AWS/Lambda", "Errors", "FunctionName", "Sum", GE,
          "lambda_errors_threshold", "Lambda function",
          "Lambda function {name} failed {threshold} or more times in {minutes} minutes"),
    Alarm("lambda.Function", "throttles", "AWS/Lambda", "Throttles", "FunctionName", "Sum", GE,
          "lambda_throttles_threshold", "Lambda function",
          "Lambda function {name} was throttled {threshold} or more times in {minutes} minutes"),
    Alarm("apigateway.RestApi", "5xx-errors", "AWS/ApiGateway", "5XXError", "ApiName", "Sum", GE,
          "api_5xx_threshold", "REST API",
          "REST API {name} answered {threshold} or more requests with a 5XX error in {minutes} minutes"),
    Alarm("apigatewayv2.Api", "5xx-errors", "AWS/ApiGateway", "5xx", "ApiId", "Sum", GE,
          "api_5xx_threshold", "HTTP API",
          "HTTP API {name} answered {threshold} or more requests with a 5xx error in {minutes} minutes"),
    # 4XXError / 4xx is 0 or 1 per request: its average is the share of requests answered with
    # a 4XX (throttled ones, 429, included), the form AWS's recommended alarm watches
    Alarm("apigateway.RestApi", "4xx-errors", "AWS/ApiGateway", "4XXError", "ApiName", "Average", GE,
          "api_4xx_percent", "REST API",
          "REST API {name} answered {threshold} percent or more of its requests with a 4XX error "
          "(throttling included) in {minutes} minutes", scale=0.01),
    Alarm("apigatewayv2.Api", "4xx-errors", "AWS/ApiGateway", "4xx", "ApiId", "Average", GE,
          "api_4xx_percent", "HTTP API",
          "HTTP API {name} answered {threshold} percent or more of its requests with a 4xx error "
          "(throttling included) in {minutes} minutes", scale=0.01),
    Alarm("sqs.Queue", "messages", "AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", "Maximum", GT,
          "dlq_messages_threshold", "dead-letter queue",
          "Dead-letter queue {name} holds more than {threshold} messages: messages failed processing"),
    Alarm("kinesis.Stream", "iterator-age", "AWS/Kinesis", "GetRecords.IteratorAgeMilliseconds", "StreamName",
          "Maximum", GE, "kinesis_iterator_age_percent", "Kinesis stream",
          "Kinesis stream {name} has unread records {age} old, {threshold} percent of its "
          "{hours}-hour retention, after which they expire", of_retention=True),
    Alarm("dynamodb.Table", "read-throttles", "AWS/DynamoDB", "ReadThrottleEvents", "TableName", "Sum", GE,
          "dynamodb_throttles_threshold", "DynamoDB table",
          "DynamoDB table {name} throttled {threshold} or more reads in {minutes} minutes",
          also=("ThrottledRequests",)),
    Alarm("dynamodb.Table", "write-throttles", "AWS/DynamoDB", "WriteThrottleEvents", "TableName", "Sum", GE,
          "dynamodb_throttles_threshold", "DynamoDB table",
          "DynamoDB table {name} throttled {threshold} or more writes in {minutes} minutes",
          also=("ThrottledRequests",)),
    # A DB cluster (Aurora) is watched as a whole: the cluster's metric covers its instances,
    # which are therefore not watched on their own.
    Alarm("rds.DBInstance", "cpu", "AWS/RDS", "CPUUtilization", "DBInstanceIdentifier", "Average", GT,
          "rds_cpu_threshold", "DB instance",
          "DB instance {name} used more than {threshold} percent of its CPU on average for {minutes} minutes"),
    Alarm("rds.DBCluster", "cpu", "AWS/RDS", "CPUUtilization", "DBClusterIdentifier", "Average", GT,
          "rds_cpu_threshold", "DB cluster",
          "DB cluster {name} used more than {threshold} percent of its CPU on average for {minutes} minutes"),
    # Per node (CacheClusterId): a single-node Redis cache cluster names its one node. A
    # replication group's members get ids AWS derives (<group>-001...): not watched (the rationale).
    Alarm("elasticache.CacheCluster", "memory", "AWS/ElastiCache", "DatabaseMemoryUsagePercentage",
          "CacheClusterId", "Average", GT, "elasticache_memory_threshold", "ElastiCache Redis cluster",
          "ElastiCache Redis cluster {name} used more than {threshold} percent of its memory on average "
          "for {minutes} minutes"),
)

# The name of the one topic alarms publish to, when the module has none yet (a parameter).
TOPIC_WORD = "alarms"

# How a missing alarm is reported.
def message(alarm: Alarm, name: str) -> str:
    return f"{alarm.what} '{name}' has no alarm on {alarm.metric}"


NO_SUBSCRIPTION = ("the fix notifies the alarm topic and subscribes no one to it: who is paged "
                   "is the owner's choice")


# A Kinesis data stream keeps records 24 hours unless its retention period says otherwise.
KINESIS_DEFAULT_RETENTION_HOURS = 24


def threshold(alarm: Alarm, params, retention_hours=None):
    """The alarm's threshold: its parameter, scaled (a whole number stays an int: ``5``, ``0.05``);
    for an alarm ``of_retention``, that percentage of ``retention_hours`` in milliseconds."""
    if alarm.of_retention:
        return int(retention_hours * 3_600_000 * params[alarm.threshold] // 100)
    value = params[alarm.threshold] * alarm.scale
    return int(value) if float(value).is_integer() else round(value, 6)


def _duration(ms: int) -> str:
    for unit, size in (("hours", 3_600_000), ("minutes", 60_000), ("seconds", 1000)):
        if ms >= size and ms % size == 0:
            n = ms // size
            return f"{n} {unit[:-1] if n == 1 else unit}"
    return f"{ms} milliseconds"


def description(alarm: Alarm, name: str, params, retention_hours=None) -> str:
    minutes = int(params["period"]) * int(params["evaluation_periods"]) // 60
    more = {}
    if alarm.of_retention:
        more = {"hours": retention_hours, "age": _duration(threshold(alarm, params, retention_hours))}
    return alarm.description.format(name=name, threshold=params[alarm.threshold], minutes=minutes, **more)


NOT_SET = object()  # a resource that does not set its retention period


def retention_hours(alarm: Alarm, value=NOT_SET):
    """The retention period in hours an alarm ``of_retention`` is a share of: ``value``, the
    resource's own as the language reads it (a number of hours), Kinesis's default when the
    resource sets none (``NOT_SET``), None when it is not a positive whole number (a variable)."""
    if not alarm.of_retention:
        return None
    if value is NOT_SET:
        return KINESIS_DEFAULT_RETENTION_HOURS
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None


def retention_unknown(alarm: Alarm) -> str:
    """Why an alarm ``of_retention`` is not made for a resource whose retention is not a number."""
    return (f"its retention period is not written as a number, and the alarm's threshold is a share "
            f"of it ({alarm.threshold}): add the alarm by hand")


ANY = object()  # an alarm whose dimensions the module cannot read: it may watch any resource


def dimension_values(alarm: Alarm, existing):
    """The values the module's existing alarms give ``alarm``'s dimension, for those that watch
    its metric (``existing``: (namespace or None, metric or None, {dimension: value} or None)
    per alarm metric, None where unknown); ``ANY`` for an alarm whose dimensions cannot be read.
    Each language then says whether a value names the resource."""
    for ns, metric, dims in existing:
        if ns is not None and ns != alarm.namespace:
            continue
        if metric is not None and metric not in alarm.metrics:
            continue
        if dims is None:
            yield ANY
        elif alarm.dimension in dims:
            yield dims[alarm.dimension]


# Only Redis has DatabaseMemoryUsagePercentage (Memcached has no such metric): a cache cluster
# is watched when its engine is written as this.
REDIS = "redis"


def is_redis(engine) -> bool:
    """Whether a cache cluster's engine, as the file writes it (None when it is not a literal),
    is Redis."""
    return isinstance(engine, str) and engine.strip().lower() == REDIS


def for_kind(kind: str):
    return [a for a in ALARMS if a.kind == kind]


# A customer-managed key is evidently meant for the alarm topic when its policy lets
# CloudWatch use it: without that grant CloudWatch cannot publish to a topic it encrypts.
CLOUDWATCH_PRINCIPAL = "cloudwatch.amazonaws.com"


def allows_cloudwatch(policy_text: Optional[str]) -> bool:
    return bool(policy_text) and CLOUDWATCH_PRINCIPAL in policy_text


@dataclass
class Node:
    """A resource as ``group_end`` sees it: its id, what it refers to, the log group name it
    has (a log group) and the names its log group may have (a function)."""

    id: object
    refs: frozenset
    log_name: Optional[str] = None
    log_names: frozenset = frozenset()


def group_end(nodes, i: int) -> int:
    """The index of the last resource of the run of related resources ``nodes[i]`` is in:
    resources next to each other, each referring to one of the others or (after it) referred
    to by one, or being a function's log group by name. A new alarm goes after it: the file is then the
    same whichever codemod wrote the companions of the group first (a dead-letter queue
    after its function, the function's log group after that, the alarms after both)."""
    members, referred, logs, names = set(), set(), set(), set()

    def take(n):
        members.add(n.id)
        referred.update(n.refs)
        logs.update(n.log_names)
        if n.log_name is not None:
            names.add(n.log_name)

    def related(n) -> bool:
        return (n.id in referred or bool(n.refs & members)
                or (n.log_name is not None and n.log_name in logs) or bool(n.log_names & names))

    def refers(n) -> bool:  # before the resource: only what refers to the group (a function, its queue)
        return bool(n.refs & members) or bool(n.log_names & names)

    take(nodes[i])
    start = i
    while start > 0 and refers(nodes[start - 1]):
        start -= 1
        take(nodes[start])
    for k in range(start, i):
        take(nodes[k])
    # A resource that refers to none of the others and that none refers to (an implicit
    # API's access log group, named only in SAM Globals) is no boundary: the group goes on
    # past it when what follows is related. Such a companion, written by another codemod
    # before or after the alarm, must not move the alarm.
    ids = {n.id for n in nodes}
    anyone = set().union(*(n.refs for n in nodes)) if nodes else set()

    def alone(n) -> bool:
        return (not (n.refs & ids) and n.id not in anyone and n.log_name is None and not n.log_names)

    end = i
    while end + 1 < len(nodes):
        j = end + 1
        while j < len(nodes) and alone(nodes[j]):
            j += 1
        if j >= len(nodes) or not related(nodes[j]):
            break
        end = j
        take(nodes[end])
    return end
