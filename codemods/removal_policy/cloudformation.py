"""removal_policy for CloudFormation: stateful resources state their deletion behaviour.

Checked on DynamoDB tables (``AWS::DynamoDB::Table``, ``AWS::DynamoDB::GlobalTable``),
S3 buckets, RDS instances and clusters, KMS keys and log groups: the
``DeletionPolicy`` and ``UpdateReplacePolicy`` resource attributes.
- Neither present → both added, ``Retain`` with profile ``production``, ``Delete``
  with profile ``ephemeral`` (for RDS, ``Delete`` also skips the final snapshot
  that the default ``Snapshot`` policy would take); placed before ``Properties`` when it follows ``Type``
  (where templates usually state them), else at the end of the resource.
- One present, whatever its value → the author has decided: the other is added with
  the same value (cfn-lint asks for both; ``RetainExceptOnCreate``, which
  ``UpdateReplacePolicy`` does not accept, gives ``Retain``), next to it.
- One given by an intrinsic function (``!If``, a parameter) → no finding.
- A log group whose LogGroupName is fixed (a literal, or built from parameters and the
  stack's name only), with profile ``production``: reported, not fixed. Retained, it
  outlives the stack, and creating the stack again fails on the name it still holds;
  a name built from a resource of the stack (``/aws/lambda/${Function}``) is new with
  every stack and is retained as usual.
Not covered: Aurora cluster members (``AWS::RDS::DBInstance`` with
``DBClusterIdentifier``: the cluster holds the data), read replicas
(``SourceDBInstanceIdentifier``: their source holds it), with profile ``production``
databases made with a subnet, parameter or option group the template deletes
(``DeletionPolicy: Delete``: the stack is meant to go, and a retained database would keep
the group in use, failing the stack's delete); log groups that receive an
API stage's access logs (an ``AccessLogSetting(s)`` ``DestinationArn`` refers to
them, in a stage or in SAM ``Globals``): api-access-logging creates such groups, and the template must not depend
on whether it ran before or after this codemod; for the same reason, a Lambda
function's own log group (``/aws/lambda/<its name>``, or its LoggingConfig's), which
log-retention creates; emptying a bucket before
delete with profile ``ephemeral`` (CloudFormation cannot: it takes a custom
resource, and deleting a non-empty bucket fails); an RDS ``DeletionProtection``
that blocks an ephemeral delete (rds-protection owns it); SAM
``AWS::Serverless::SimpleTable``; stateful types beyond these (EFS, ElastiCache,
Kinesis...).
"""

from __future__ import annotations

from iacfix.codemods.common.cloudformation import function_log_groups, gap
from iacfix.codemods.removal_policy import fixed_name
from iacfix.transforms.cloudformation import get, items, key_node, ref_target, refs_in, scalar, walk

WHAT = {
    "AWS::DynamoDB::Table": "DynamoDB table",
    "AWS::DynamoDB::GlobalTable": "DynamoDB global table",
    "AWS::S3::Bucket": "S3 bucket",
    "AWS::RDS::DBInstance": "RDS instance",
    "AWS::RDS::DBCluster": "RDS cluster",
    "AWS::KMS::Key": "KMS key",
    "AWS::Logs::LogGroup": "Log group",
}
POLICY = {"production": "Retain", "ephemeral": "Delete"}
DATABASES = ("AWS::RDS::DBInstance", "AWS::RDS::DBCluster")
# The groups a database is made with and cannot outlive: one the template deletes with the
# stack (an explicit DeletionPolicy: Delete) says the stack is meant to go, and a retained
# database would keep the group in use: the stack's delete would fail (CDK: the groups'
# RemovalPolicy.DESTROY).
DB_GROUPS = ("DBSubnetGroupName", "DBParameterGroupName", "DBClusterParameterGroupName", "OptionGroupName")
# UpdateReplacePolicy accepts Delete, Retain and Snapshot only
REPLACE_VALUE = {"RetainExceptOnCreate": "Retain"}


def detect(doc, ctx):
    policy = POLICY.get(ctx.params.get("profile") or "production", "Retain")
    access_logs = None
    for res in doc.resources():
        what = WHAT.get(res.type)
        if what is None or (res.type == "AWS::RDS::DBInstance" and res.prop("DBClusterIdentifier") is not None):
            continue
        if res.type == "AWS::RDS::DBInstance" and res.prop("SourceDBInstanceIdentifier") is not None:
            continue  # a read replica: retained, it would only be an orphaned, billed copy
        if res.type in DATABASES and policy == "Retain" and _made_with_deleted_group(doc, res):
            continue  # the template deletes a group it is made with: it means the database to go
        if res.type == "AWS::Logs::LogGroup":
            if access_logs is None:
                access_logs = _access_log_groups(doc) | function_log_groups(doc)
            if res.name in access_logs:
                continue
        deletion, replace = get(res.node, "DeletionPolicy"), get(res.node, "UpdateReplacePolicy")
        if deletion is not None and replace is not None:
            continue
        withhold = None
        if deletion is None and replace is None:
            pairs = [("DeletionPolicy", policy), ("UpdateReplacePolicy", policy)]
            before = _after_type_before_properties(res)
            msg = f"{what} '{res.name}' does not state what happens to it on delete and replacement"
            if policy == "Retain" and res.type == "AWS::Logs::LogGroup" and _fixed_name(doc, res.prop("LogGroupName")):
                withhold = fixed_name("LogGroupName", "DeletionPolicy", "resource")
        elif deletion is not None:
            value = scalar(deletion)
            if not value:
                continue  # an intrinsic: unknown
            pairs = [("UpdateReplacePolicy", REPLACE_VALUE.get(value, value))]
            before = _next_key(res, "DeletionPolicy")
            msg = f"{what} '{res.name}' has a DeletionPolicy but no UpdateReplacePolicy"
        else:
            value = scalar(replace)
            if not value:
                continue
            pairs = [("DeletionPolicy", value)]
            before = key_node(res.node, "UpdateReplacePolicy")
            msg = f"{what} '{res.name}' has an UpdateReplacePolicy but no DeletionPolicy"
        g = gap(doc, res, msg, fix=_fixer(doc, res, pairs, before))
        if withhold:
            g.withhold(withhold)
        yield g


def _made_with_deleted_group(doc, res) -> bool:
    for prop in DB_GROUPS:
        node = res.prop(prop)
        group = doc.resource(ref_target(node)) if node is not None and ref_target(node) else None
        policy = get(group.node, "DeletionPolicy") if group is not None else None
        if policy is not None and scalar(policy) == "Delete":
            return True
    return False


def _fixed_name(doc, node) -> bool:
    """A name that is the same each time the stack is created: given, and referring to no
    resource of the template (whose physical ids are new with each stack)."""
    if node is None:
        return False
    return not any(doc.resource(t.split(".", 1)[0]) is not None for t in refs_in(node))


def _access_log_groups(doc) -> set:
    """Logical ids that API stages' access log settings send their logs to (SAM ``Globals``
    included: the APIs SAM creates for function events take theirs from there)."""
    out = set()
    holders = [res.properties for res in doc.resources()] + [get(doc.root, "Globals")]
    for holder in holders:
        for path, node in walk(holder):
            if path and path[-1] == "DestinationArn" and any(str(p).startswith("AccessLogSetting") for p in path):
                target = ref_target(node)
                if target:
                    out.add(target)
    return out


def _after_type_before_properties(res):
    keys = [k.value for k, _v in items(res.node)]
    if "Properties" in keys and "Type" in keys and keys.index("Type") < keys.index("Properties"):
        return key_node(res.node, "Properties")
    return None


def _next_key(res, name):
    pairs = items(res.node)
    for i, (k, _v) in enumerate(pairs):
        if k.value == name and i + 1 < len(pairs):
            return pairs[i + 1][0]
    return None


def _fixer(doc, res, pairs, before):
    def fix():
        return [doc.add_to_mapping(res.node, pairs, before=before)]

    return fix
