"""environment_suffix for Terraform: hard-coded physical names carry the environment suffix.

Checked: the name argument of these resource types, when it is a plain string
literal (no interpolation):

- ``name``: ``aws_dynamodb_table``, ``aws_sqs_queue``, ``aws_sns_topic``,
  ``aws_iam_role``, ``aws_cloudwatch_log_group``, ``aws_kinesis_stream``,
  ``aws_kinesis_firehose_delivery_stream``, ``aws_ecs_cluster``, ``aws_eks_cluster``,
  ``aws_secretsmanager_secret``, ``aws_sfn_state_machine``,
  ``aws_cloudwatch_event_rule``, ``aws_kms_alias``;
- ``bucket``: ``aws_s3_bucket``; ``function_name``: ``aws_lambda_function``;
- ``identifier``: ``aws_db_instance``, ``aws_rds_cluster_instance``;
  ``cluster_identifier``: ``aws_rds_cluster``; ``cluster_id``:
  ``aws_elasticache_cluster``; ``replication_group_id``:
  ``aws_elasticache_replication_group``;
- names unique per account and region: ``name`` of ``aws_lb``, ``aws_lb_target_group``,
  ``aws_ecr_repository``, ``aws_iam_policy``, ``aws_iam_instance_profile``,
  DB and ElastiCache subnet and parameter groups,
  ``aws_launch_template``, ``aws_autoscaling_group``; ``alarm_name`` of
  ``aws_cloudwatch_metric_alarm``.

A name that interpolates anything (``"orders-${var.stage}"``), or is not a string
literal (a variable, a local, ``format(...)``) is compliant. The fix (always
UNSAFE: renaming replaces the resource) appends ``-${var.<suffix>}`` (``_`` when
the name uses underscores and no hyphens, as dead-letter-queue derives names), before
a ``.fifo`` ending: ``"orders.fifo"`` → ``"orders-${var.environment_suffix}.fifo"``.
The suffix is ``var.<name param>`` when the module (every ``.tf`` file of the
directory) declares or uses it, else the module's environment variable
(``var.environment_suffix`` / ``environment`` / ``env`` / ``stage``, as required-tags
finds it); when the module has none, the fix also adds ``variable "<name param>" {
type = string, default = "<default param>" }`` to the module's ``variables.tf`` (else
the file declaring the most variables, else this file): after its last ``variable``
block, else before its first block other than ``terraform``/``provider``.
Composition: names other codemods derive (dead-letter queues, access log groups,
KMS aliases) put their word before the suffix, so suffixing before or after them
gives the same name. required-tags renders ``Environment = var.environment_suffix``
only when the variable exists: run after this codemod's fix (all at once, as the
engine does), the tag is added; run before it on a file without the variable, the
tag stays reported until required-tags runs again.
A name that would pass AWS's length limit (``MAX_LENGTH``: 32 for load balancers and
target groups...) once suffixed with the default suffix is reported, not fixed.
Not covered: ``name_prefix`` (already unique), names of other types, resources with
``count``/``for_each`` whose names need ``count.index`` anyway (reported, fixed the same).
"""

from __future__ import annotations

from iacfix.codemods.common.aws import SERVICE_ROLE_NAMES
from iacfix.codemods.common.terraform import add_variable, gap, suffix_variable
from iacfix.transforms.terraform import TfDoc, replace_value, string_value, unwrap

NAME_ARG = {
    "aws_dynamodb_table": "name",
    "aws_sqs_queue": "name",
    "aws_sns_topic": "name",
    "aws_iam_role": "name",
    "aws_cloudwatch_log_group": "name",
    "aws_kinesis_stream": "name",
    "aws_kinesis_firehose_delivery_stream": "name",
    "aws_ecs_cluster": "name",
    "aws_eks_cluster": "name",
    "aws_secretsmanager_secret": "name",
    "aws_sfn_state_machine": "name",
    "aws_cloudwatch_event_rule": "name",
    "aws_kms_alias": "name",
    "aws_s3_bucket": "bucket",
    "aws_lambda_function": "function_name",
    "aws_db_instance": "identifier",
    "aws_rds_cluster_instance": "identifier",
    "aws_rds_cluster": "cluster_identifier",
    "aws_elasticache_cluster": "cluster_id",
    "aws_elasticache_replication_group": "replication_group_id",
    # names unique per account and region
    "aws_lb": "name",
    "aws_lb_target_group": "name",
    "aws_ecr_repository": "name",
    "aws_iam_policy": "name",
    "aws_iam_instance_profile": "name",
    "aws_cloudwatch_metric_alarm": "alarm_name",
    "aws_db_subnet_group": "name",
    "aws_db_parameter_group": "name",
    "aws_rds_cluster_parameter_group": "name",
    "aws_elasticache_subnet_group": "name",
    "aws_elasticache_parameter_group": "name",
    "aws_launch_template": "name",
    "aws_autoscaling_group": "name",
}
# the longest name AWS accepts, where a suffix easily passes it
MAX_LENGTH = {
    "aws_lb": 32,
    "aws_lb_target_group": 32,
    "aws_elasticache_replication_group": 40,
    "aws_elasticache_cluster": 50,
    "aws_s3_bucket": 63,
    "aws_db_instance": 63,
    "aws_rds_cluster": 63,
    "aws_rds_cluster_instance": 63,
    "aws_lambda_function": 64,
    "aws_iam_role": 64,
}


def detect(doc: TfDoc, ctx):
    for res in doc.resources(*NAME_ARG):
        a = res.attr(NAME_ARG[res.labels[0]])
        if a is None:
            continue
        value = string_value(a.value)
        if value is None or not value:
            continue  # interpolated, not a literal, or empty: not hard-coded
        if value in SERVICE_ROLE_NAMES:
            continue  # a name the service looks up: one per account by design
        msg = f"{res.labels[0]} '{res.labels[1]}' has a hard-coded name '{value}' without the environment suffix"
        limit = MAX_LENGTH.get(res.labels[0])
        if limit is not None and len(value) + 1 + len(str(ctx["default"])) > limit:
            yield gap(res, msg + f" (with a suffix it would pass the {limit}-character limit: shorten it first)",
                      unsafe=True)
            continue
        yield gap(res, msg, fix=_fixer(doc, a, ctx), unsafe=True)


def suffixed(value: str, expr: str) -> str:
    """``orders`` → ``orders-${expr}``; ``orders.fifo`` → ``orders-${expr}.fifo``."""
    sep = "_" if ("_" in value and "-" not in value) else "-"
    base, tail = (value[:-5], ".fifo") if value.endswith(".fifo") else (value, "")
    return base + sep + "${" + expr + "}" + tail


def _fixer(doc: TfDoc, attr, ctx):
    def fix():
        name = str(ctx["name"])
        expr = suffix_variable(doc, name)
        edits = []
        if expr is None:
            expr = f"var.{name}"
            edits.append(add_variable(doc, name, str(ctx["default"])))
        node = unwrap(attr.value)
        src = doc.source(node)
        # the literal's own text (escapes kept), with the suffix added inside the quotes
        return edits + replace_value(doc, node, '"' + suffixed(src[1:-1], expr) + '"')

    return fix
