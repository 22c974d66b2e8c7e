"""environment-suffix for AWS CDK v2, Python and Go (one detector on the neutral view of
``lang.view``; Go spells the names its way: ``awsdynamodb.NewTable`` ``TableName:
jsii.String("orders")`` → ``jsii.String(fmt.Sprintf("orders-%s", suffix))``, with the
suffix the function formats its other names with, ``codemods.common.go.env_suffix_expr``).

Checked: the explicit physical name of these constructs (the construct id, the
second argument, is a logical id that CDK turns into a generated name, so it is
not checked). Every class and keyword checked against aws-cdk-lib 2.x (the two
alpha Lambda classes come from lambda-limits' table):

    dynamodb.Table/TableV2/CfnTable/CfnGlobalTable ``table_name``
    sqs.Queue/CfnQueue ``queue_name``        sns.Topic/CfnTopic ``topic_name``
    s3.Bucket/CfnBucket ``bucket_name``
    lambda Function/SingletonFunction/DockerImageFunction/NodejsFunction/
        PythonFunction/GoFunction/CfnFunction ``function_name``
    iam.Role/CfnRole ``role_name``           logs.LogGroup/CfnLogGroup ``log_group_name``
    kinesis.Stream ``stream_name``, CfnStream ``name``
    ecs.Cluster/CfnCluster ``cluster_name``
    secretsmanager.Secret ``secret_name``, CfnSecret ``name``
    stepfunctions.StateMachine/CfnStateMachine ``state_machine_name``
    events.Rule ``rule_name``, CfnRule ``name``; events.EventBus ``event_bus_name``, CfnEventBus ``name``
    rds.DatabaseInstance/DatabaseInstanceFromSnapshot ``instance_identifier``,
        DatabaseCluster/ServerlessCluster ``cluster_identifier``,
        CfnDBInstance ``db_instance_identifier``, CfnDBCluster ``db_cluster_identifier``
    elasticache.CfnReplicationGroup ``replication_group_id``, CfnCacheCluster ``cluster_name``
    kms.Alias/CfnAlias ``alias_name``, kms.Key ``alias``
    apigateway.RestApi/LambdaRestApi/SpecRestApi/StepFunctionsRestApi ``rest_api_name``,
        CfnRestApi ``name``; apigatewayv2.HttpApi/WebSocketApi ``api_name``, CfnApi ``name``

API names need not be unique, but they are per environment by convention, and
api-access-logging (cdk) names a new access log group after a literal API name
(``orders-api-access-logs``): with the API name suffixed too, the log group gets
``f"orders-api-access-logs-{environment_suffix}"`` whichever of the two runs first.

A plain string literal is a finding (UNSAFE: renaming replaces the resource);
anything else (an f-string, a variable, a call, a concatenation with a
variable) already builds the name from something and is compliant. The fix
makes the literal an f-string ending with the suffix, in the literal's quotes:
``table_name="orders"`` → ``table_name=f"orders-{environment_suffix}"`` (``_``
instead of ``-`` for a snake_case name, before a ``.fifo`` ending, after an
``alias/`` prefix since it goes at the end), with the expression the code around
the construct uses for the suffix (``codemods.common.cdk.env_suffix_expr``:
``environment_suffix``, ``self.environment_suffix``, ``props.env_name``, a
variable read from ``try_get_context("environmentSuffix")``...). A call on one
line is rewritten whole, and laid out one argument per line (black style, the
file's indent unit) when the longer name pushes it past the file's line length,
exactly as a keyword added by another codemod would: so the layout is the same
whichever runs first, and in one pass a keyword added to the same call waits
for the next pass instead of lengthening the line alongside.

When the file has no suffix expression the name is reported and NOT fixed
("pass one to the stack"). No variable is added, so the ``name``/``default``
parameters are not used in CDK. Reason: required-tags (cdk) renders its
``{environment_suffix}`` tags only when ``env_suffix_expr`` finds an expression,
and reports them as unfixable otherwise; a context-reading variable added here
would make required-tags' result depend on whether this codemod ran first. A
CDK stack has no stand-in for the suffix either (``Stack.of(self).stack_name``
is the stack, not the environment, and may contain characters some names
reject). With the fix using only what the file already has, the codemods give
the same file in any order. This codemod's edits only add uses of the chosen
expression, so they never change what ``env_suffix_expr`` picks afterwards.

Not covered: CDK v1 files; names held in a variable assigned a literal
(``table_name=TABLE``), implicitly concatenated literals, ``**kwargs``/props
objects, and constructs not listed above.
"""

from __future__ import annotations

from iacfix.codemods.common.aws import SERVICE_ROLE_NAMES
from iacfix.codemods.common.cdk import CFN_FUNCTION, FUNCTIONS
from iacfix.codemods.lang import cdk_file

_NAMES = {
    "aws_dynamodb": {"Table": "table_name", "TableV2": "table_name", "CfnTable": "table_name", "CfnGlobalTable": "table_name"},
    "aws_sqs": {"Queue": "queue_name", "CfnQueue": "queue_name"},
    "aws_sns": {"Topic": "topic_name", "CfnTopic": "topic_name"},
    "aws_s3": {"Bucket": "bucket_name", "CfnBucket": "bucket_name"},
    "aws_iam": {"Role": "role_name", "CfnRole": "role_name"},
    "aws_logs": {"LogGroup": "log_group_name", "CfnLogGroup": "log_group_name"},
    "aws_kinesis": {"Stream": "stream_name", "CfnStream": "name"},
    "aws_ecs": {"Cluster": "cluster_name", "CfnCluster": "cluster_name"},
    "aws_secretsmanager": {"Secret": "secret_name", "CfnSecret": "name"},
    "aws_stepfunctions": {"StateMachine": "state_machine_name", "CfnStateMachine": "state_machine_name"},
    "aws_events": {"Rule": "rule_name", "CfnRule": "name", "EventBus": "event_bus_name", "CfnEventBus": "name"},
    "aws_rds": {
        "DatabaseInstance": "instance_identifier",
        "DatabaseInstanceFromSnapshot": "instance_identifier",
        "DatabaseCluster": "cluster_identifier",
        "ServerlessCluster": "cluster_identifier",
        "CfnDBInstance": "db_instance_identifier",
        "CfnDBCluster": "db_cluster_identifier",
    },
    "aws_elasticache": {"CfnReplicationGroup": "replication_group_id", "CfnCacheCluster": "cluster_name"},
    "aws_kms": {"Alias": "alias_name", "CfnAlias": "alias_name", "Key": "alias"},
    "aws_apigateway": {
        "RestApi": "rest_api_name",
        "LambdaRestApi": "rest_api_name",
        "SpecRestApi": "rest_api_name",
        "StepFunctionsRestApi": "rest_api_name",
        "CfnRestApi": "name",
    },
    "aws_apigatewayv2": {"HttpApi": "api_name", "WebSocketApi": "api_name", "CfnApi": "name"},
}
NAME_KWARG = {f"aws_cdk.{mod}.{cls}": kw for mod, classes in _NAMES.items() for cls, kw in classes.items()}
NAME_KWARG.update({f: "function_name" for f in FUNCTIONS + (CFN_FUNCTION,)})

NO_SUFFIX = "the file has no environment suffix to append; pass one to the stack"


def detect(doc, ctx):
    for c in cdk_file(doc, ctx).constructs(*NAME_KWARG):
        prop = NAME_KWARG[c.qualname]
        value = c.string_literal(prop)
        if value is None or value in SERVICE_ROLE_NAMES:
            continue  # built from something already; or a name the service looks up (one per account)
        env = c.env_suffix()
        line, column, end_line = c.position(prop)
        message = f"{c.qualname.rpartition('.')[2]} '{c.name}' has the hard-coded name '{value}'"
        yield c.gap(
            f"{message} (no environment suffix)" if env else f"{message}, and {NO_SUFFIX}",
            c.fixer(lambda c=c, prop=prop, value=value, env=env: _fix(c, prop, value, env)) if env else None,
            line=line,
            column=column,
            end_line=end_line,
            suppress_lines=(c.line, c.line - 1),
            unsafe=True,
            detail="environment-suffix",
        )


def _fix(c, prop, value: str, env: str):
    """"orders" → "orders-{env}", "orders.fifo" → "orders-{env}.fifo", "orders_table" →
    "orders_table_{env}", "alias/orders" → "alias/orders-{env}"."""
    fifo = ".fifo" if value.endswith(".fifo") else ""
    stem = value[:len(value) - len(fifo)]
    sep = "_" if "_" in stem and "-" not in stem else "-"
    return c.append_to_string(prop, sep, env, keep_end=fifo)
