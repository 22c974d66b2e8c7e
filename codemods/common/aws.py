"""Facts about AWS itself, the same in every language: stated once, read by every adapter
and detector that needs them."""

from __future__ import annotations

import re
from typing import Optional

from iacfix.codemods.spec import AnyOf, Hook, Present

# What an RDS database is to the rules, in neutral names: an instance of an Aurora cluster
# (whose storage, backups and encryption are the cluster's), a read replica, and a database
# made from another (a replica, a snapshot restore, a point-in-time clone), which inherits
# its source's backups and encryption.
DB_MEMBER = Present("db_cluster_identifier")
DB_REPLICA = Present("source_db_instance_identifier")
# A resource the file states goes with the stack (CloudFormation ``DeletionPolicy: Delete``,
# CDK ``removal_policy=RemovalPolicy.DESTROY``, Pulumi ``retain_on_delete=False``), as each
# adapter reads it (``HOOKS``); Terraform states it with the resource's own settings
# (``skip_final_snapshot``), and a language that cannot say it gives False.
DESTROYED_WITH_STACK = Hook("destroyed_with_stack", default=False)
DB_INHERITS = AnyOf(DB_REPLICA, Present("db_snapshot_identifier"), Present("snapshot_identifier"),
                    Present("source_db_cluster_identifier"), Present("db_cluster_snapshot_identifier"))

# Services whose principal invokes a Lambda function asynchronously (an event is queued
# and retried; failures are lost without a dead-letter queue or on-failure destination).
ASYNC_INVOKERS = (
    "s3", "sns", "events", "scheduler", "ses", "iot", "logs", "config", "codecommit",
    "lambda.alarms.cloudwatch",
)
_ASYNC_PRINCIPAL = re.compile(
    r"^(" + "|".join(re.escape(s) for s in ASYNC_INVOKERS) + r")\.amazonaws\.com(\.cn)?$"
)


def no_xray_grant(scope: str) -> str:
    """Why tracing is reported, not turned on, for a function whose role is not one of the
    ``scope`` (module, template): Lambda rejects tracing when the role cannot write traces."""
    return (f"its execution role is not a role of this {scope}, so iacfix cannot grant it X-Ray write "
            "access: attach AWSXRayDaemonWriteAccess to it, then turn tracing on")


# Tags a tool writes to trace one resource to its code (Bridgecrew/Palo Alto yor): they name
# that resource, so a resource created for it (a dead-letter queue, a log group) does not
# copy them; yor tags the new resource itself on its next run.
PROVENANCE_TAGS = ("yor_trace", "yor_name", "git_commit", "git_file", "git_last_modified_at",
                   "git_last_modified_by", "git_modifiers", "git_org", "git_repo")

# The tags a resource created for another (its dead-letter queue, log group, alarm, the alarm
# topic) does not copy from it: those that trace it to its code, and ``Name``, which the
# console shows as the resource's name (a queue tagged Name = "orders" next to the queue
# "orders" would be shown as that queue). The other tags (team, environment, cost centre)
# are copied, so that fixing tags before or after adding the companion gives one file.
NOT_COPIED_TAGS = PROVENANCE_TAGS + ("Name",)


def invokes_asynchronously(principal: object) -> bool:
    """Whether a service principal (``sns.amazonaws.com``) invokes Lambda asynchronously."""
    return isinstance(principal, str) and _ASYNC_PRINCIPAL.match(principal) is not None


# Services whose principal invokes a Lambda function synchronously: the caller sees the
# error and retries or reports it itself, so a dead-letter queue would never receive anything.
# CloudFormation counts here: it waits for a macro's answer, and a custom resource whose
# handler fails fails the stack operation that created it, where its owner sees it.
SYNC_INVOKERS = ("apigateway", "elasticloadbalancing", "cognito-idp", "lex", "alexa-appkit", "cloudformation")
_SYNC_PRINCIPAL = re.compile(
    r"^(" + "|".join(re.escape(s) for s in SYNC_INVOKERS) + r")\.amazonaws\.com(\.cn)?$"
)

# Per language, the resources that invoke the function they name synchronously (API Gateway
# REST and HTTP integrations, ALB lambda targets, Function URLs, Cognito triggers) or poll a
# source for it (event source mappings: a failed batch stays on, or goes to the failure
# destination of, its source, never to the function's dead-letter queue).
# Terraform: resource type -> the argument (or "block.argument") that names the function.
TERRAFORM_SYNC_INVOKERS = {
    "aws_api_gateway_integration": "uri",
    "aws_apigatewayv2_integration": "integration_uri",
    "aws_lb_target_group_attachment": "target_id",
    "aws_alb_target_group_attachment": "target_id",
    "aws_lambda_function_url": "function_name",
    "aws_lambda_event_source_mapping": "function_name",
    "aws_cognito_user_pool": "lambda_config",
}
# Terraform: where a function is deployed at the edge (it cannot have a dead-letter queue).
TERRAFORM_EDGE = {"aws_cloudfront_distribution": "lambda_function_association"}
# CloudFormation: resource type -> the property that names the function.
CLOUDFORMATION_SYNC_INVOKERS = {
    "AWS::ApiGateway::Method": "Integration",
    "AWS::ApiGatewayV2::Integration": "IntegrationUri",
    "AWS::ElasticLoadBalancingV2::TargetGroup": "Targets",
    "AWS::Lambda::Url": "TargetFunctionArn",
    "AWS::Lambda::EventSourceMapping": "FunctionName",
    "AWS::Cognito::UserPool": "LambdaConfig",
    "AWS::CloudFormation::Macro": "FunctionName",  # CloudFormation waits for the macro's answer
}
# CloudFormation custom resources (Custom::*, AWS::CloudFormation::CustomResource): CloudFormation
# waits for the function's answer and fails the stack (after its timeout) when none comes, so a
# lost event is seen, as with a synchronous invoker.
CLOUDFORMATION_CUSTOM_RESOURCE = ("AWS::CloudFormation::CustomResource", "Custom::")
# How an author says that a function is a custom resource's handler when the resource is in
# another stack ("Custom CloudFormation resource that...", "Lambda-backed custom resource",
# "handler of Custom::Certificate"): invoked by CloudFormation, as above.
_CUSTOM_RESOURCE_WORDS = re.compile(r"\bcustom(?:[\s_-]*(?:cloud[\s_-]*formation[\s_-]*)?reso(?!lv)|::)", re.I)


def says_custom_resource(text: object) -> bool:
    """Whether a description says its function is the handler of a custom resource."""
    return isinstance(text, str) and _CUSTOM_RESOURCE_WORDS.search(text) is not None


CLOUDFORMATION_EDGE = {"AWS::CloudFront::Distribution": "DistributionConfig"}
# Functions deployed to a Greengrass (v1) core: the core's runtime invokes them on the device,
# never the Lambda service, so a dead-letter queue would receive nothing.
CLOUDFORMATION_DEVICE = ("AWS::Greengrass::FunctionDefinition", "AWS::Greengrass::FunctionDefinitionVersion")
# SAM function events that invoke synchronously or poll a source.
SAM_SYNC_EVENTS = ("Api", "HttpApi", "SQS", "Kinesis", "DynamoDB", "MSK", "MQ",
                   "SelfManagedKafka", "DocumentDB", "Cognito")
# CDK (aws_cdk module.Class) and Pulumi (module.Class) classes whose argument is a function
# invoked synchronously.
CDK_SYNC_INVOKERS = (
    "aws_apigateway.LambdaIntegration", "aws_apigateway.LambdaRestApi",
    "aws_apigatewayv2_integrations.HttpLambdaIntegration",
    "aws_elasticloadbalancingv2_targets.LambdaTarget",
    "aws_lambda_event_sources.SqsEventSource", "aws_lambda_event_sources.KinesisEventSource",
    "aws_lambda_event_sources.DynamoEventSource", "aws_lambda_event_sources.ManagedKafkaEventSource",
    "aws_lambda_event_sources.SelfManagedKafkaEventSource",
    "aws_lambda.EventSourceMapping", "aws_lambda.FunctionUrl",
    # a custom resource's handlers (on_event_handler, is_complete_handler): CloudFormation
    # waits for their answer through the provider framework, as for CLOUDFORMATION_CUSTOM_RESOURCE
    "custom_resources.Provider",
    # a function given as a custom resource's service token: CloudFormation invokes it and
    # waits for its answer (CLOUDFORMATION_CUSTOM_RESOURCE)
    "CustomResource", "CfnCustomResource",
)
CDK_SYNC_METHODS = ("add_function_url", "add_event_source_mapping")
PULUMI_SYNC_INVOKERS = (
    "apigateway.Integration", "apigatewayv2.Integration", "lb.TargetGroupAttachment",
    "lambda_.FunctionUrl", "lambda_.EventSourceMapping",
)

# Pulumi components (full module path) whose routes invoke a function synchronously.
PULUMI_SYNC_COMPONENTS = ("pulumi_aws_apigateway.RestAPI", "pulumi_awsx.apigateway.API")

# Which functions get a dead-letter queue (the ``functions`` parameter of dead-letter-queue).
FUNCTION_MODES = ("unless-synchronous", "async-only", "all")
NO_VISIBLE_INVOKER = "no visible invoker: an asynchronous caller outside the stack would lose failed events"


def invokes_synchronously(principal: object) -> bool:
    """Whether a service principal (``apigateway.amazonaws.com``) invokes Lambda synchronously."""
    return isinstance(principal, str) and _SYNC_PRINCIPAL.match(principal) is not None


def dead_letter_reason(mode: str, async_by=(), sync_by=(), other_by=(), edge: bool = False):
    """Why a function needs a dead-letter queue, or None when it does not.

    ``async_by``/``sync_by``/``other_by``: names of the visible invokers that invoke it
    asynchronously, synchronously, or in a way not known (a permission for another account
    or a principal given as a variable). A Lambda@Edge function can have none.
    """
    if edge:
        return None
    if async_by:
        return "invoked asynchronously by " + ", ".join(sorted(set(async_by)))
    if mode == "async-only":
        return None
    if mode == "all":
        return 'every function keeps its failed events (functions = "all")'
    if other_by:
        return "invoked by " + ", ".join(sorted(set(other_by))) + ", which may invoke it asynchronously"
    if sync_by:
        return None
    return NO_VISIBLE_INVOKER


# IAM role names an AWS service looks up by name (not by an ARN the template passes it): AWS
# DMS's VPC, CloudWatch Logs and Redshift-endpoint roles, and the roles of self-managed
# CloudFormation StackSets. Such a name is one per account by design: it takes no
# environment suffix (renamed, the service no longer finds the role).
SERVICE_ROLE_NAMES = frozenset({
    "dms-vpc-role", "dms-cloudwatch-logs-role", "dms-access-for-endpoint",
    "AWSCloudFormationStackSetAdministrationRole", "AWSCloudFormationStackSetExecutionRole",
})


# The log group Lambda creates for a function on its first invocation (with no retention):
# ``/aws/lambda/<function name>``.
LAMBDA_LOG_GROUP_PREFIX = "/aws/lambda/"


def function_log_group_note(name: str, how: str) -> str:
    """Why declaring a function's ``/aws/lambda/<name>`` log group is an unsafe fix, and what
    to do: a function that has already run has it (Lambda created it), and creating it
    again fails until the existing group is imported (``how``: the language's command)."""
    return (f"unsafe: if the function has already run, Lambda created {name} and creating it fails "
            f"(ResourceAlreadyExistsException): import the existing log group first ({how})")

# aws-cdk-lib added ``log_group`` to lambda.Function in 2.110.0 (with Lambda's advanced
# logging controls); 2.132.0 alone lost it from FunctionProps (aws/aws-cdk#29439, back in
# 2.132.1). Before it, CDK sets a function's retention only through the deprecated
# ``log_retention`` (a Custom::LogRetention singleton Lambda, its role and policies).
CDK_FUNCTION_LOG_GROUP_SINCE = (2, 110, 0)
_CDK_WITHOUT_FUNCTION_LOG_GROUP = ((2, 132, 0),)
_CDK_LIB = re.compile(r"""["']?aws[-_]cdk[-_.]lib["']?(?:\[[^\]]*\])?\s*(?:=(?!=)\s*)?["']?([^"'\n#;]*)""",
                      re.IGNORECASE)
_CLAUSE = re.compile(r"(===|==|~=|<=|>=|!=|<|>|\^|~)?\s*v?(\d+(?:\.\d+)*)(\.\*)?")


def _version(text: str) -> tuple:
    parts = tuple(int(p) for p in text.split("."))
    return (parts + (0, 0, 0))[:3]


def cdk_has_function_log_group(files: "dict[str, str] | list[str]") -> bool:
    """Whether the aws-cdk-lib that a Python package pins (requirements*.txt, setup.py,
    setup.cfg, pyproject.toml texts) has ``log_group`` on lambda.Function. Unpinned, a lower
    bound only, or anything unreadable counts as current: only a pin that excludes every
    release from 2.110.0 on (``==2.100.0``, ``~=2.90.0``, ``^2.80`` on 2.80, ``<2.110``) is old."""
    texts = files.values() if isinstance(files, dict) else files
    for text in texts:
        for m in _CDK_LIB.finditer(text):
            spec = m.group(1).strip()
            if not spec or spec == "*":
                continue
            exact = None
            upper_ok = True
            for clause in spec.split(","):
                c = _CLAUSE.fullmatch(clause.strip())
                if c is None:
                    continue
                op, ver, star = c.group(1) or "==", _version(c.group(2)), c.group(3)
                if op in ("==", "===") and not star:
                    exact = ver
                elif op in ("==", "===", "~=", "^", "~"):
                    # the release line the pin allows: ~=2.90 / ^2.90 / 2.90.* stay below 3 / 2.91
                    n = len(c.group(2).split("."))
                    if op in ("~=",) and n >= 2:
                        n -= 1
                    elif op == "^":
                        n = 1
                    elif op == "~" and n >= 2:
                        n = 2
                    head = _version(c.group(2))[:n]
                    ceiling = head[:-1] + (head[-1] + 1,) if head else ver
                    upper_ok = upper_ok and _version(".".join(map(str, ceiling))) > CDK_FUNCTION_LOG_GROUP_SINCE
                elif op == "<":
                    upper_ok = upper_ok and ver > CDK_FUNCTION_LOG_GROUP_SINCE
                elif op == "<=":
                    upper_ok = upper_ok and ver >= CDK_FUNCTION_LOG_GROUP_SINCE
            if exact is not None:
                return exact >= CDK_FUNCTION_LOG_GROUP_SINCE and exact not in _CDK_WITHOUT_FUNCTION_LOG_GROUP
            if not upper_ok:
                return False
    return True


# API Gateway HTTP APIs created with a target or a route key ("quick create"): API Gateway
# makes their ``$default`` stage itself, so no stage of the code can carry its throttling or
# its access logs. The arguments (Terraform and Pulumi spell them alike), the stage, and what
# to declare instead (neutral kinds: each language spells them).
QUICK_CREATE_ARGUMENTS = ("target", "route_key")
QUICK_CREATE_INSTEAD = ("apigatewayv2.Stage", "apigatewayv2.Route", "apigatewayv2.Integration")


def quick_create_message(api: str, lacks: str, instead: str) -> str:
    """What a finding on a quick-created HTTP API says: its implicit stage lacks ``lacks`` and
    cannot be given it; ``instead``: the resources to declare, as the language spells them."""
    return (f"HTTP API '{api}' is quick-created (target/route_key): its implicit $default stage has "
            f"no {lacks} and cannot be given any; declare the stage ({instead}) instead of target/route_key")


_CDK_GO = re.compile(r"github\.com/aws/aws-cdk-go/awscdk/v2\s+v(\d+)\.(\d+)\.(\d+)")


def cdk_go_has_function_log_group(files: "dict[str, str]") -> bool:
    """Whether the aws-cdk-go a Go module requires (its ``go.mod``) has ``LogGroup`` on
    awslambda.FunctionProps (2.110.0 on); no go.mod, or no version in it, counts as current."""
    m = _CDK_GO.search(files.get("go.mod", ""))
    return m is None or tuple(int(x) for x in m.groups()) >= (2, 110, 0)


# Parameter group families (rds-parameter-group, elasticache-parameter-group): the family a
# group must have to be attached to a database or cache of an engine and version, as AWS
# names them (RDS API CreateDBParameterGroup / DescribeEngineDefaultParameters, ElastiCache
# API CreateCacheParameterGroup). None: a version iacfix cannot place (absent, partial, or
# of an engine it does not know); the family is never guessed.
_VERSION = re.compile(r"^(\d+)(?:\.(\d+))?")


def _major_minor(version: str):
    m = _VERSION.match(version.strip()) if isinstance(version, str) else None
    if m is None:
        return None, None
    return int(m.group(1)), (int(m.group(2)) if m.group(2) is not None else None)


def rds_parameter_group_family(engine: str, version: str):
    """``postgres`` 15.4 → postgres15, ``mysql`` 8.0.35 → mysql8.0, ``mariadb`` 10.6.14 →
    mariadb10.6, ``aurora-postgresql`` 15.4 → aurora-postgresql15, ``aurora-mysql``
    8.0.mysql_aurora.3.05.2 → aurora-mysql8.0 (Aurora MySQL version 3), ``oracle-ee``
    19.0.0.0.ru-2024-01.rur-2024-01.r1 → oracle-ee-19, ``sqlserver-se`` 15.00.4345.5.v1 →
    sqlserver-se-15.0; None when the version does not say."""
    if not isinstance(engine, str):
        return None
    engine = engine.strip().lower()
    major, minor = _major_minor(version)
    if major is None:
        return None
    if engine in ("postgres", "aurora-postgresql"):
        if major >= 10:
            return f"{engine}{major}"
        return f"{engine}{major}.{minor}" if minor is not None else None  # postgres9.6
    if engine in ("mysql", "mariadb", "aurora-mysql"):
        return f"{engine}{major}.{minor}" if minor is not None else None
    if engine in ("oracle-ee", "oracle-ee-cdb", "oracle-se2", "oracle-se2-cdb"):
        return f"{engine}-{major}"
    if engine in ("sqlserver-ee", "sqlserver-se", "sqlserver-ex", "sqlserver-web"):
        return f"{engine}-{major}.0"
    return None


def elasticache_parameter_group_family(engine: str, version: str):
    """``redis`` 7.1 → redis7, 6.2 / 6.x → redis6.x, 5.0.6 → redis5.0; ``valkey`` 7.2 → valkey7,
    8.0 → valkey8; ``memcached`` 1.6.22 → memcached1.6; None when the version does not say."""
    if not isinstance(engine, str) or not isinstance(version, str):
        return None
    engine = engine.strip().lower()
    if engine == "redis" and re.match(r"^6\.x$", version.strip()):
        return "redis6.x"
    major, minor = _major_minor(version)
    if major is None:
        return None
    if engine == "redis":
        if major == 7:
            return "redis7"
        if major == 6:
            return "redis6.x"
        if (major, minor) in ((5, 0), (4, 0), (3, 2), (2, 8), (2, 6)):
            return f"redis{major}.{minor}"
        return None
    if engine == "valkey":
        return f"valkey{major}" if major >= 7 else None
    if engine == "memcached":
        return f"memcached{major}.{minor}" if (major, minor) in ((1, 4), (1, 5), (1, 6)) else None
    return None


# A value a file writes in a way iacfix cannot read (a variable, a call), as opposed to None:
# not written at all.
NOT_WRITTEN = object()


def engine_family(engine, version, family_of, default_engine: Optional[str] = None,
                  no_engine: str = "it does not name its engine", version_key: str = "engine_version",
                  where: str = "file"):
    """(family, None), or (None, why the ``where`` does not say it): the parameter group family
    of an ``engine`` and ``version`` each read by the language as a string, None (not
    written: the engine is then ``default_engine``) or ``NOT_WRITTEN``, by ``family_of``
    (``rds_parameter_group_family`` and the like)."""
    if engine is None:
        if default_engine is None:
            return None, no_engine
        engine = default_engine
    elif engine is NOT_WRITTEN:
        return None, f"its engine is not written in the {where}"
    if version is None:
        return None, f"it has no {version_key} (AWS picks the version, and with it the family)"
    if version is NOT_WRITTEN:
        return None, f"its {version_key} is not written in the {where}"
    family = family_of(engine, version)
    if family is None:
        return None, f"{engine} {version} names no parameter group family iacfix knows"
    return family, None


_ALARM_TOPIC = re.compile(r"(?:^|[-_])alarms?(?:$|[-_])", re.I)


def alarm_topic_name(name: Optional[str]) -> bool:
    """Is a topic's name or label one an alarm topic goes by (``alarms``, ``ops-alarm``)? The
    alarms codemod adopts such a topic; others leave it to it."""
    return bool(name) and _ALARM_TOPIC.search(name) is not None
