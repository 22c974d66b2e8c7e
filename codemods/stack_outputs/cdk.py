"""stack_outputs for AWS CDK v2, Python and Go (one detector on the neutral view of
``lang.view``): a ``CfnOutput`` for each API, table, queue, topic, database and cache of the
file that no ``CfnOutput`` of the file refers to yet.

    CfnOutput(self, "OrdersQueueUrl", value=orders_queue.queue_url)
    awscdk.NewCfnOutput(stack, jsii.String("OrdersQueueUrl"), &awscdk.CfnOutputProps{
        Value: ordersQueue.QueueUrl(),
    })

right after the construct's statement, its id the construct's with the output's word
(``Url``, ``Name``, ``Arn``, ``Endpoint``). Watched (``kinds``): ``apigateway.RestApi`` /
``LambdaRestApi`` / ``SpecRestApi`` with ``deploy=False`` (deployed, CDK outputs their URL
itself; not deployed, they have no URL here: reported without a fix), HTTP and WebSocket APIs
(``api_endpoint``), DynamoDB tables (``table_name``; L1 ``ref``), SQS queues (``queue_url``; L1
``ref``), SNS topics (``topic_arn``; L1 ``ref``), RDS instances
(``db_instance_endpoint_address``), Aurora clusters (``cluster_endpoint.hostname``), L1 DB
instances and clusters (``attr_endpoint_address``; not an instance of a cluster) and ElastiCache
replication groups (``attr_primary_end_point_address``; the configuration endpoint in cluster
mode). Left to the codemods that make or serve them: dead-letter queues, topics an alarm
notifies (``SnsAction``, an L1 alarm's actions) or whose variable or id says alarms.

Compliant: a ``CfnOutput`` whose ``value`` refers to the construct's variable. A construct
not assigned to a variable by a statement of its own is reported without a fix.
"""

from __future__ import annotations

from iacfix.codemods.common import cdk as common
from iacfix.codemods.common.aws import alarm_topic_name
from iacfix.codemods.lang import cdk_file

OUTPUT = "aws_cdk.CfnOutput"
APIGW, APIGW2 = "aws_cdk.aws_apigateway", "aws_cdk.aws_apigatewayv2"
DDB, SQS, SNS, RDS, EC = "aws_cdk.aws_dynamodb", "aws_cdk.aws_sqs", "aws_cdk.aws_sns", "aws_cdk.aws_rds", \
    "aws_cdk.aws_elasticache"

# qualname → (kind, word of the output's id, attribute path of the value)
CLASSES = {
    f"{APIGW}.RestApi": ("api", "Url", ("url",)),
    f"{APIGW}.LambdaRestApi": ("api", "Url", ("url",)),
    f"{APIGW}.SpecRestApi": ("api", "Url", ("url",)),
    f"{APIGW2}.HttpApi": ("api", "Url", ("api_endpoint",)),
    f"{APIGW2}.WebSocketApi": ("api", "Url", ("api_endpoint",)),
    f"{APIGW2}.CfnApi": ("api", "Url", ("attr_api_endpoint",)),
    f"{DDB}.Table": ("table", "Name", ("table_name",)),
    f"{DDB}.TableV2": ("table", "Name", ("table_name",)),
    f"{DDB}.CfnTable": ("table", "Name", ("ref",)),
    f"{SQS}.Queue": ("queue", "Url", ("queue_url",)),
    f"{SQS}.CfnQueue": ("queue", "Url", ("ref",)),
    f"{SNS}.Topic": ("topic", "Arn", ("topic_arn",)),
    f"{SNS}.CfnTopic": ("topic", "Arn", ("ref",)),
    f"{RDS}.DatabaseInstance": ("database", "Endpoint", ("db_instance_endpoint_address",)),
    f"{RDS}.DatabaseInstanceFromSnapshot": ("database", "Endpoint", ("db_instance_endpoint_address",)),
    f"{RDS}.DatabaseCluster": ("database", "Endpoint", ("cluster_endpoint", "hostname")),
    f"{RDS}.DatabaseClusterFromSnapshot": ("database", "Endpoint", ("cluster_endpoint", "hostname")),
    f"{RDS}.ServerlessCluster": ("database", "Endpoint", ("cluster_endpoint", "hostname")),
    f"{RDS}.CfnDBInstance": ("database", "Endpoint", ("attr_endpoint_address",)),
    f"{RDS}.CfnDBCluster": ("database", "Endpoint", ("attr_endpoint_address",)),
    f"{EC}.CfnReplicationGroup": ("cache", "Endpoint", ("attr_primary_end_point_address",)),
}
REST_APIS = (f"{APIGW}.RestApi", f"{APIGW}.LambdaRestApi", f"{APIGW}.SpecRestApi")
NOUN = {"api": "API", "table": "table", "queue": "queue", "topic": "topic", "database": "database",
        "cache": "cache"}
SNS_ACTION = "aws_cdk.aws_cloudwatch_actions.SnsAction"
CFN_ALARM = "aws_cdk.aws_cloudwatch.CfnAlarm"


def detect(doc, ctx):
    f = cdk_file(doc, ctx)
    kinds = set(ctx["kinds"])
    watched = [c for c in f.constructs(*CLASSES) if CLASSES[c.qualname][0] in kinds]
    if not watched:
        return
    output_refs = set()
    for out in f.constructs(OUTPUT):
        value = out.arg("value")
        if value is not None:
            output_refs |= value.refs()
    served = f.dead_letter_refs() | _alarm_topics(f)
    for c in watched:
        kind, word, attrs = CLASSES[c.qualname]
        if c.target and (c.target in output_refs or c.target in served):
            continue
        if not c.target and c.source in served:
            continue
        if kind == "topic" and _alarm_named(c):
            continue
        if c.qualname == f"{RDS}.CfnDBInstance" and c.has("db_cluster_identifier"):
            continue
        msg = f"{NOUN[kind]} '{c.name}' has no stack output"
        if c.qualname in REST_APIS:
            if c.value("deploy") is not False:
                continue  # CDK outputs the URL of the deployment stage itself
            yield c.gap(msg + " (deploy=False: its URL is the stage's made elsewhere)", None)
            continue
        if not c.target or not c.own_statement:
            yield c.gap(msg + " (not assigned to a variable an output can read)", None)
            continue
        if c.qualname == f"{EC}.CfnReplicationGroup" and _cluster_mode(c):
            attrs = ("attr_configuration_end_point_address",)
        yield c.gap(msg, c.fixer(lambda c=c, word=word, attrs=attrs: _output_after(c, word, attrs)))


def _cluster_mode(c) -> bool:
    groups = c.value("num_node_groups")
    mode = c.value("cluster_mode")
    return (isinstance(groups, (int, float)) and groups > 1) or (isinstance(mode, str) and mode.lower() == "enabled")


def _alarm_named(c) -> bool:
    var = c.target.rpartition(".")[2] if c.target else ""
    return alarm_topic_name(common.snake(var)) or alarm_topic_name(common.kebab(c.id or ""))


def _alarm_topics(f) -> set:
    out = set()
    for _q, call in f.calls(SNS_ACTION):
        out |= call.refs()
    for alarm in f.constructs(CFN_ALARM):
        for prop in ("alarm_actions", "ok_actions", "insufficient_data_actions"):
            a = alarm.arg(prop)
            if a is not None:
                out |= a.refs()
    return out


def _output_after(c, word: str, attrs):
    value = c.attr(attrs[0])
    for a in attrs[1:]:
        value = c.attr(a, value)
    return c.add_construct_after(OUTPUT, word, [("value", value)], after_own=True)

