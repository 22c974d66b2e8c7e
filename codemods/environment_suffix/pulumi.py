"""environment-suffix for Pulumi Python.

Checked: the explicit physical name of these resources (the Pulumi resource
name, the first argument, is a logical name that Pulumi auto-names with a random
suffix, so it is not checked):

    dynamodb.Table, sqs.Queue, sns.Topic, lambda_.Function, iam.Role,
    cloudwatch.LogGroup, kinesis.Stream, ecs.Cluster, secretsmanager.Secret,
    sfn.StateMachine, cloudwatch.EventRule, kms.Alias          ``name=``
    s3.Bucket, s3.BucketV2                                      ``bucket=``
    rds.Instance ``identifier=``, rds.Cluster ``cluster_identifier=``,
    elasticache.ReplicationGroup ``replication_group_id=``, elasticache.Cluster ``cluster_id=``

A plain string literal is a finding (UNSAFE: renaming replaces the resource);
anything else (an f-string, a variable, a call, a concatenation) already uses
something and is compliant. The fix makes the literal an f-string ending with
the suffix, in the literal's quotes: ``name="orders"`` →
``name=f"orders-{environment_suffix}"`` (before a ``.fifo`` ending), using the
file's own suffix expression (``codemods.common.pulumi.env_suffix``:
``self.environment_suffix``, ``environment_suffix``, ``env``, ``stage``...).

When the file has none, the suffix is the stack: ``f"orders-{pulumi.get_stack()}"``
(``codemods.common.pulumi.env_value``, the expression required-tags and
dead-letter-queue already write for the environment of such a file; ``import
pulumi`` is added if missing). No variable is added, and the ``name``/``default``
parameters are not used in Pulumi: a variable added by this fix would make the
result depend on the order of the codemods — required-tags, run in the same pass,
writes ``pulumi.get_stack()`` into tags, and run after it, the new variable —
while the stack name gives the same file in any order.

Not covered: names built from a variable holding a literal (``name=TABLE``),
``name_prefix=``, and names of resources not listed above.
"""

from __future__ import annotations

import libcst as cst

from iacfix.codemods.common.aws import SERVICE_ROLE_NAMES
from iacfix.codemods.common import pulumi as pc
from iacfix.core import Gap
from iacfix.transforms import python as py

NAME_KWARG = {
    "dynamodb.Table": "name",
    "sqs.Queue": "name",
    "sns.Topic": "name",
    "lambda_.Function": "name",
    "iam.Role": "name",
    "cloudwatch.LogGroup": "name",
    "kinesis.Stream": "name",
    "ecs.Cluster": "name",
    "secretsmanager.Secret": "name",
    "sfn.StateMachine": "name",
    "cloudwatch.EventRule": "name",
    "kms.Alias": "name",
    "s3.Bucket": "bucket",
    "s3.BucketV2": "bucket",
    "rds.Instance": "identifier",
    "rds.Cluster": "cluster_identifier",
    "elasticache.ReplicationGroup": "replication_group_id",
    "elasticache.Cluster": "cluster_id",
}


def detect(doc, ctx):
    for site in pc.aws_calls(doc, *NAME_KWARG):
        kw = NAME_KWARG[site.qualname[len(pc.AWS) + 1:]]
        node = pc.kw_value(site, kw)
        if not isinstance(node, cst.SimpleString):
            continue
        if "b" in node.prefix.lower():
            continue
        value = node.evaluated_value
        if value in SERVICE_ROLE_NAMES:
            continue  # a name the service looks up: one per account by design
        yield Gap(
            line=doc.range(node).start.line,
            column=doc.range(node).start.column + 1,
            end_line=doc.range(node).end.line,
            suppress_lines=pc.where(site)["suppress_lines"] + (site.line, site.line - 1),
            resource_type=pc.rtype(site),
            resource_name=pc.label(site),
            message=f"{site.class_name} '{pc.display(site)}' has the hard-coded name '{value}' (no environment suffix)",
            fix=lambda site=site, node=node: _fix(doc, ctx, site, node),
            unsafe=True,
            detail="environment-suffix",
        )


def _fstring(node: cst.SimpleString, env: str) -> str:
    body = node.raw_value
    esc = body.replace("{", "{{").replace("}", "}}")
    stem, fifo = (esc[:-5], ".fifo") if esc.endswith(".fifo") else (esc, "")
    prefix = node.prefix.replace("u", "").replace("U", "")
    sep = "_" if "_" in stem and "-" not in stem else "-"
    return f"{prefix}f{node.quote}{stem}{sep}{{{env}}}{fifo}{node.quote}"


def _fix(doc, ctx, site, node):
    env, edits = pc.env_value(doc, site)
    return py.dedupe(edits + doc.replace_node(node, _fstring(node, env)))
