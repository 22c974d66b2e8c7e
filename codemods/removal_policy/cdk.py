"""removal_policy for AWS CDK v2 Python.

Checked on the L2 constructs that hold data: ``dynamodb.Table`` / ``TableV2``,
``s3.Bucket``, ``rds.DatabaseInstance`` (also ``FromSnapshot``, ``ReadReplica``),
``rds.DatabaseCluster`` (also ``FromSnapshot``), ``rds.ServerlessCluster`` (also
``FromSnapshot``), ``kms.Key`` and ``logs.LogGroup``. A construct states its
deletion behaviour with ``removal_policy=`` (any value, even one the file does not
spell out) or a later ``<variable>.apply_removal_policy(...)``; a file that uses
``RemovalPolicies.of(scope)`` states it for the whole scope.

The fix adds ``removal_policy=RemovalPolicy.RETAIN`` (profile ``production``) or
``removal_policy=RemovalPolicy.DESTROY`` (profile ``ephemeral``); with
``ephemeral`` a bucket whose removal policy is (or becomes) ``DESTROY`` also gets
``auto_delete_objects=True``: CloudFormation cannot delete a bucket that still
holds objects. ``RemovalPolicy`` is imported the way the file imports from
``aws_cdk``.

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
``AccessLogSettings`` override): api-access-logging creates such groups, and the
program must not depend on whether it ran before or after this codemod (as in
CloudFormation, Terraform and Pulumi); for the same reason, log groups that a Lambda
function logs to (its ``log_group=``), which log-retention creates.
"""

from __future__ import annotations

import re

import libcst as cst

from iacfix.codemods.common import cdk as common
from iacfix.codemods.lang.cdk import TRAILING, Renderer, order_of
from iacfix.core import Gap

BUCKET = "aws_cdk.aws_s3.Bucket"
KINDS = {
    "aws_cdk.aws_dynamodb.Table": "DynamoDB table",
    "aws_cdk.aws_dynamodb.TableV2": "DynamoDB table",
    BUCKET: "S3 bucket",
    "aws_cdk.aws_rds.DatabaseInstance": "RDS instance",
    "aws_cdk.aws_rds.DatabaseInstanceFromSnapshot": "RDS instance",
    "aws_cdk.aws_rds.DatabaseInstanceReadReplica": "RDS instance",
    "aws_cdk.aws_rds.DatabaseCluster": "Aurora cluster",
    "aws_cdk.aws_rds.DatabaseClusterFromSnapshot": "Aurora cluster",
    "aws_cdk.aws_rds.ServerlessCluster": "Aurora cluster",
    "aws_cdk.aws_rds.ServerlessClusterFromSnapshot": "Aurora cluster",
    "aws_cdk.aws_kms.Key": "KMS key",
    "aws_cdk.aws_logs.LogGroup": "Log group",
}
LOG_GROUP = "aws_cdk.aws_logs.LogGroup"
API_MODULES = ("aws_cdk.aws_apigateway.", "aws_cdk.aws_apigatewayv2.", "aws_cdk.aws_apigatewayv2_alpha.")
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
    if common.is_cdk_v1(doc):
        return
    if doc.calls("aws_cdk.RemovalPolicies.of"):
        return
    applied = {
        doc.code(c.func.value).replace(" ", "")
        for c in common.method_calls(doc, "apply_removal_policy")
    }
    ephemeral = ctx.params["profile"] == "ephemeral"
    access_logs = _access_log_groups(doc) | _function_log_groups(doc)
    member = f"aws_cdk.RemovalPolicy.{POLICY[ctx.params['profile']]}"
    for site in doc.calls(*KINDS):
        if site.has_star_kwargs():
            continue
        if site.qualname == LOG_GROUP and (site.target is not None and _norm(site.target) in access_logs
                                           or _norm(doc.code(site.call)) in access_logs):
            continue
        rp = site.kwarg("removal_policy")
        stated = rp is not None or (site.target is not None and site.target in applied)
        add = [] if stated else ["removal_policy"]
        destroy = rp is not None and "aws_cdk.RemovalPolicy.DESTROY" in doc.qualified_names(rp.value)
        if (
            ephemeral
            and site.qualname == BUCKET
            and (destroy or not stated)
            and site.kwarg("auto_delete_objects") is None
        ):
            add.append("auto_delete_objects")
        if not add:
            continue
        name = common.name_of(site)
        kind = KINDS[site.qualname]
        if stated:
            message = f"{kind} '{name}' is destroyed with the stack but its objects are not deleted"
        else:
            message = f"{kind} '{name}' does not state its removal policy"
        yield Gap(
            line=site.line,
            column=site.column,
            end_line=site.end_line,
            resource_type=site.qualname.replace("aws_cdk.", "", 1),
            resource_name=name,
            message=message,
            fix=lambda site=site, add=add: _fix(doc, site, add, member),
        )


def _function_log_groups(doc) -> set:
    """The log groups (normalised code of their variables, or of the call written inline)
    Lambda functions log to (``log_group=``): log-retention creates such groups."""
    out = set()
    for site in doc.calls(*common.FUNCTIONS):
        arg = site.kwarg("log_group")
        if arg is not None:
            out.add(_norm(doc.code(arg.value)))
    return out


def _norm(code: str) -> str:
    return re.sub(r"\s+", "", code)


def _arn_owner(doc, node) -> str:
    """``x`` for ``x.log_group_arn`` / ``x.attr_arn`` (normalised code)."""
    return re.sub(r"\.(log_group_arn|attr_arn)$", "", _norm(doc.code(node)))


def _access_log_groups(doc) -> set:
    """The log groups (normalised code of their variables) API stages send access logs to."""
    out = set()
    for n in common.walk(doc.module):
        if not isinstance(n, cst.Call):
            continue
        names = doc.qualified_names(n.func)
        func = doc.code(n.func)
        if any(q.startswith(API_MODULES) and q.endswith(".LogGroupLogDestination") for q in names):
            if n.args and n.args[0].keyword is None:
                out.add(_norm(doc.code(n.args[0].value)))
        elif func.endswith(("AccessLogSettingProperty", "AccessLogSettingsProperty")):
            arn = next((a for a in n.args if a.keyword is not None and a.keyword.value == "destination_arn"), None)
            if arn is not None:
                out.add(_arn_owner(doc, arn.value))
        elif isinstance(n.func, cst.Attribute) and n.func.attr.value == "add_property_override" and n.args:
            path = common.string(n.args[0].value) or ""
            if path == "AccessLogSettings.DestinationArn" and len(n.args) > 1:
                out.add(_arn_owner(doc, n.args[1].value))
            elif path == "AccessLogSettings" and len(n.args) > 1 and isinstance(n.args[1].value, cst.Dict):
                for el in n.args[1].value.elements:
                    if isinstance(el, cst.DictElement) and common.string(el.key) == "DestinationArn":
                        out.add(_arn_owner(doc, el.value))
    return out


def _fix(doc, site, add, member):
    r = Renderer(doc, site)
    others = OTHERS | set(order_of(site.qualname))
    values = {"removal_policy": lambda: r.ref(member), "auto_delete_objects": lambda: "True"}
    kwargs = [(k, values[k]()) for k in add]
    args = list(site.call.args)
    tail = len(args)
    while tail > 0 and args[tail - 1].keyword is not None and args[tail - 1].keyword.value in others:
        tail -= 1
    if tail < len(args) and tail > 0:
        edits = doc.add_kwargs(site.call, kwargs, before=args[tail])
    else:
        edits = doc.add_kwargs(site.call, kwargs)
    return r.import_edits() + edits
