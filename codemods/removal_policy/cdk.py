"""removal_policy for AWS CDK v2, Python and Go (one detector on the neutral view of
``lang.view``).

Checked on the L2 constructs that hold data: ``dynamodb.Table`` / ``TableV2``,
``s3.Bucket``, ``rds.DatabaseInstance`` (also ``FromSnapshot``; not ``ReadReplica``:
retained, a replica would only be an orphaned, billed copy of its source, as in CloudFormation),
``rds.DatabaseCluster`` (also ``FromSnapshot``), ``rds.ServerlessCluster`` (also
``FromSnapshot``), ``kms.Key`` and ``logs.LogGroup``. A construct states its
deletion behaviour with ``removal_policy=`` (any value, even one the file does not
spell out) or a later ``<variable>.apply_removal_policy(...)``; a file that uses
``RemovalPolicies.of(scope)`` states it for the whole scope.

Go spells them its way (``awss3.NewBucket``, ``RemovalPolicy:``, ``ApplyRemovalPolicy``,
``awscdk.RemovalPolicies_Of``; ``nil`` props become a literal).

The fix adds ``removal_policy=RemovalPolicy.RETAIN`` (profile ``production``) or
``removal_policy=RemovalPolicy.DESTROY`` (profile ``ephemeral``); with
``ephemeral`` a bucket whose removal policy is (or becomes) ``DESTROY`` also gets
``auto_delete_objects=True``: CloudFormation cannot delete a bucket that still
holds objects. ``RemovalPolicy`` is imported the way the file imports from
``aws_cdk``.

A log group whose ``log_group_name`` is fixed (a literal, or made from no construct of
the file: parameters, the stack's name), with profile ``production``: reported, not fixed,
as in CloudFormation (retained, it outlives the stack, and creating the stack again fails
on its name); one named after a construct of the stack is retained as usual.

Placement: the arguments go before the arguments other codemods add to these
constructs (point-in-time recovery, key rotation, alias, deletion protection,
backups, log exports, ...) when those end the call, so the result does not depend
on which codemod runs first.

Not covered: L1 constructs (``CfnTable``, ``CfnBucket``, ...; their
``apply_removal_policy`` would be a statement next to the ones other codemods
insert); ``ephemeral`` does not turn off deletion protection (``rds-protection``
owns it — do not select both for a stack meant to be destroyed) nor a DynamoDB
table's ``deletion_protection``; log groups that receive an API stage's access logs
(the argument of an ``apigateway.LogGroupLogDestination(...)`` / ``apigatewayv2``'s,
or the ``destination_arn=<log group>.log_group_arn`` / ``.attr_arn`` of a
``CfnStage`` access log setting, or the ``DestinationArn`` of an escape-hatch
``AccessLogSettings`` override on a variable): api-access-logging creates such groups, and the
program must not depend on whether it ran before or after this codemod (as in
CloudFormation, Terraform and Pulumi); for the same reason, log groups that a Lambda
function logs to (its ``log_group=``), which log-retention creates.
"""

from __future__ import annotations

from iacfix.codemods.common.cdk import FUNCTIONS
from iacfix.codemods.lang import cdk_file
from iacfix.codemods.lang.cdk import TRAILING, Member, order_of
from iacfix.codemods.removal_policy import fixed_name

BUCKET = "aws_cdk.aws_s3.Bucket"
KINDS = {
    "aws_cdk.aws_dynamodb.Table": "DynamoDB table",
    "aws_cdk.aws_dynamodb.TableV2": "DynamoDB table",
    BUCKET: "S3 bucket",
    "aws_cdk.aws_rds.DatabaseInstance": "RDS instance",
    "aws_cdk.aws_rds.DatabaseInstanceFromSnapshot": "RDS instance",
    "aws_cdk.aws_rds.DatabaseCluster": "Aurora cluster",
    "aws_cdk.aws_rds.DatabaseClusterFromSnapshot": "Aurora cluster",
    "aws_cdk.aws_rds.ServerlessCluster": "Aurora cluster",
    "aws_cdk.aws_rds.ServerlessClusterFromSnapshot": "Aurora cluster",
    "aws_cdk.aws_kms.Key": "KMS key",
    "aws_cdk.aws_logs.LogGroup": "Log group",
}
LOG_GROUP = "aws_cdk.aws_logs.LogGroup"
# What a database is made with and cannot outlive: the subnet, parameter and option groups
# it is given. One the file destroys with the stack says the stack is meant to go, and a
# retained database would keep the group in use: the stack's delete would fail
# (CloudFormation: the groups' DeletionPolicy: Delete).
DB_DEPENDS_ON = ("subnet_group", "parameter_group", "option_group")
DB_PARTS = ("aws_cdk.aws_rds.SubnetGroup", "aws_cdk.aws_rds.ParameterGroup", "aws_cdk.aws_rds.OptionGroup")
DATABASES = tuple(q for q in KINDS if q.startswith("aws_cdk.aws_rds."))
API_MODULES = ("aws_cdk.aws_apigateway", "aws_cdk.aws_apigatewayv2", "aws_cdk.aws_apigatewayv2_alpha")
LOG_DESTINATIONS = tuple(f"{m}.LogGroupLogDestination" for m in API_MODULES)
# The access log settings of a stage (L1), whose destination_arn names a log group.
ACCESS_LOG_SETTINGS = (
    "aws_cdk.aws_apigateway.CfnStage.AccessLogSettingProperty",
    "aws_cdk.aws_apigateway.CfnDeployment.AccessLogSettingProperty",
    "aws_cdk.aws_apigatewayv2.CfnStage.AccessLogSettingsProperty",
    "aws_cdk.aws_apigatewayv2.CfnApiGatewayManagedOverrides.AccessLogSettingsProperty",
)
ARN = ("log_group_arn", "attr_arn")
POLICY = {"production": "RETAIN", "ephemeral": "DESTROY"}
# What the other codemods add to these constructs (besides what the CDK adapter's order
# of the construct's class ranks): when such arguments end the call, removal_policy goes
# before them (whichever codemod runs first, the same file).
OTHERS = set(TRAILING) | {
    "point_in_time_recovery",  # dynamodb-pitr
    "point_in_time_recovery_specification",
    "enable_key_rotation",  # kms-key-rotation
    "deletion_protection",  # rds-protection
    "backup_retention",
    "backup",
    "cloudwatch_logs_exports",
    "copy_tags_to_snapshot",
    "auto_minor_version_upgrade",
    "storage_encrypted",
    "retention",  # log-retention
}


def detect(doc, ctx):
    f = cdk_file(doc, ctx)
    if f.has_call("aws_cdk.RemovalPolicies.of"):
        return
    constructs = f.constructs(*KINDS)
    if not constructs:
        return
    applied = f.method_receivers("apply_removal_policy")
    ephemeral = ctx.params["profile"] == "ephemeral"
    log_groups = _access_log_groups(f) | _function_log_groups(f)
    destroyed = _destroyed(f) if not ephemeral else set()
    member = Member(f"aws_cdk.RemovalPolicy.{POLICY[ctx.params['profile']]}")
    for c in constructs:
        if c.opaque:
            continue
        if c.qualname == LOG_GROUP and (c.target is not None and c.target in log_groups or c.source in log_groups):
            continue
        stated = c.has("removal_policy") or (c.target is not None and c.target in applied)
        if not stated and c.qualname in DATABASES and any(c.ref(p) in destroyed for p in DB_DEPENDS_ON if c.has(p)):
            continue  # made with something the stack destroys: the file means it to go
        add = [] if stated else [("removal_policy", member)]
        destroy = c.member("removal_policy", "aws_cdk.RemovalPolicy") == "DESTROY"
        if ephemeral and c.qualname == BUCKET and (destroy or not stated) and not c.has("auto_delete_objects"):
            add.append(("auto_delete_objects", True))
        if not add:
            continue
        kind = KINDS[c.qualname]
        if stated:
            message = f"{kind} '{c.name}' is destroyed with the stack but its objects are not deleted"
        else:
            message = f"{kind} '{c.name}' does not state its removal policy"
        trailing = OTHERS | set(order_of(c.qualname))
        gap = c.gap(message, c.fixer(lambda c=c, add=add, trailing=trailing: c.edit(set=add, trailing=trailing)))
        if not ephemeral and c.qualname == LOG_GROUP and _fixed_name(c, f):
            gap.withhold(fixed_name(c.spelled("log_group_name"), c.spelled("removal_policy"), "construct"))
        yield gap


def _fixed_name(c, f) -> bool:
    """A log group name that is the same each time the stack is created: given, and made
    from no construct of the file (whose names are new with each stack), as in CloudFormation."""
    name = c.arg("log_group_name")
    if name is None:
        return False
    made = set(f.construct_ids())
    return not any(r == v or r.startswith(v + ".") for r in name.refs() for v in made)


def _destroyed(f) -> set:
    """The database groups the file destroys with the stack (their
    variables, or their calls written inline, whitespace removed)."""
    out = set()
    for d in f.constructs(*DB_PARTS):
        if d.member("removal_policy", "aws_cdk.RemovalPolicy") == "DESTROY":
            out.update(r for r in (d.target, d.source) if r)
    return out


def _function_log_groups(f) -> set:
    """The log groups (their variables, or their calls written inline, whitespace removed)
    Lambda functions log to (``log_group=``): log-retention creates such groups."""
    return {ref for fn in f.constructs(*FUNCTIONS) if (ref := fn.ref("log_group")) is not None}


def _access_log_groups(f) -> set:
    """The log groups (their variables, whitespace removed) API stages send access logs to."""
    out = {args[0].ref() for args in f.call_args(*LOG_DESTINATIONS) if args}
    for settings in f.structs(*ACCESS_LOG_SETTINGS):
        ref = settings.ref("destination_arn", ARN)
        if ref is not None:
            out.add(ref)
    for args in f.method_calls("add_property_override"):
        path = args[0].value if len(args) == 2 else None
        if path == "AccessLogSettings.DestinationArn":
            out.add(args[1].ref(ARN))
        elif path == "AccessLogSettings" and args[1].entry("DestinationArn") is not None:
            out.add(args[1].entry("DestinationArn").ref(ARN))
    return out
