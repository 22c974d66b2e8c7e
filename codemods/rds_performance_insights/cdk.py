"""rds_performance_insights for AWS CDK v2, Python and Go (one detector on the neutral
view of ``lang.view``).

Checked: ``rds.DatabaseInstance`` (and ``DatabaseInstanceFromSnapshot``,
``DatabaseInstanceReadReplica``), Aurora cluster members
``rds.ClusterInstance.provisioned(...)`` and the legacy ``rds.InstanceProps(...)``, and
``rds.CfnDBInstance`` (Go: ``awsrds.NewDatabaseInstance``, ...,
``awsrds.ClusterInstance_Provisioned(id, &awsrds.ProvisionedClusterInstanceProps{...})``,
``&awsrds.InstanceProps{...}``, ``awsrds.NewCfnDBInstance``). A finding needs both a
literal instance class in ``unsupported_classes`` — ``ec2.InstanceType("t3.micro")``,
``ec2.InstanceType.of(ec2.InstanceClass.T3, ec2.InstanceSize.MICRO)`` (the ``BURSTABLE*``
aliases too), which CDK prefixes with ``db.``, or the L1 ``db_instance_class="db.t3.micro"``
— and ``enable_performance_insights=True``. A cluster member is named
``<cluster>/<member id>``.

The fix writes ``enable_performance_insights=False`` (kept explicit, so the reader sees
the choice) and removes ``performance_insight_retention`` /
``performance_insight_encryption_key`` (L1 ``performance_insights_retention_period`` /
``performance_insights_kms_key_id``): CDK refuses them when Performance Insights is off,
and RDS rejects them.

Not covered: an instance class or flag the file does not spell out (a variable, a
context value); Performance Insights switched on only implicitly by a retention or key
(no ``enable_performance_insights``); construct-level settings of a ``DatabaseCluster``
(they apply to members whose classes are read elsewhere); a construct with
``database_insights_mode`` (Database Insights needs Performance Insights: turning it off
is a decision about that mode too).
"""

from __future__ import annotations

import re
from typing import Optional

from iacfix.codemods.lang import cdk_file

RDS = "aws_cdk.aws_rds"
EC2 = "aws_cdk.aws_ec2"
INSTANCES = (f"{RDS}.DatabaseInstance", f"{RDS}.DatabaseInstanceFromSnapshot", f"{RDS}.DatabaseInstanceReadReplica")
PROVISIONED = f"{RDS}.ClusterInstance.provisioned"
INSTANCE_PROPS = f"{RDS}.InstanceProps"
CFN = f"{RDS}.CfnDBInstance"
CLUSTER = f"{RDS}.DatabaseCluster"
INSTANCE_TYPE, INSTANCE_TYPE_OF = f"{EC2}.InstanceType", f"{EC2}.InstanceType.of"
L2_DROP = ("performance_insight_retention", "performance_insight_encryption_key")
CFN_DROP = ("performance_insights_retention_period", "performance_insights_kms_key_id")
# InstanceClass members whose name is not the class (InstanceClass.BURSTABLE3 → t3).
CLASS_ALIASES = {
    "BURSTABLE2": "t2",
    "BURSTABLE3": "t3",
    "BURSTABLE3_AMD": "t3a",
    "BURSTABLE4_GRAVITON": "t4g",
    "MEMORY5": "r5",
    "MEMORY6_GRAVITON": "r6g",
    "MEMORY6_INTEL": "r6i",
    "STANDARD5": "m5",
    "STANDARD6_GRAVITON": "m6g",
}


def _size(member: str) -> str:
    m = re.fullmatch(r"XLARGE(\d+)", member)
    return f"{m.group(1)}xlarge" if m else member.lower()


def instance_class(props) -> Optional[str]:
    """``db.t3.micro`` for an ``instance_type`` the file spells out, else None."""
    found = props.call("instance_type", INSTANCE_TYPE, INSTANCE_TYPE_OF)
    if found is None:
        return None
    cls, args = found
    if cls == INSTANCE_TYPE and len(args) == 1:
        s = args[0].value
        if not isinstance(s, str):
            return None
        return s if s.startswith("db.") else f"db.{s}"
    if cls == INSTANCE_TYPE_OF and len(args) == 2:
        family, size = args[0].member(f"{EC2}.InstanceClass"), args[1].member(f"{EC2}.InstanceSize")
        if family is None or size is None:
            return None
        return f"db.{CLASS_ALIASES.get(family, family.lower())}.{_size(size)}"
    return None


def _name(c) -> str:
    if c.qualname in (PROVISIONED, INSTANCE_PROPS):  # a member of the cluster it is written in
        own = c.id or c.target or "instance"
        cluster = c.enclosing(CLUSTER)
        return f"{cluster.name}/{own}" if cluster is not None else own
    return c.name


def detect(doc, ctx):
    unsupported = set(ctx.params["unsupported_classes"])
    f = cdk_file(doc, ctx)
    for c in f.constructs(*INSTANCES, PROVISIONED, CFN) + f.structs(INSTANCE_PROPS):
        if c.opaque or c.has("database_insights_mode") or c.value("enable_performance_insights") is not True:
            continue
        if c.qualname == CFN:
            cls, drop = c.value("db_instance_class"), CFN_DROP
        else:
            cls, drop = instance_class(c), L2_DROP
        if not isinstance(cls, str) or cls not in unsupported:
            continue
        name = _name(c)
        fix = c.fixer(lambda c=c, drop=drop: c.edit(set=[("enable_performance_insights", False)], remove=drop))
        yield c.gap(f"RDS instance '{name}' enables Performance Insights on {cls}, which does not support it",
                    fix, resource_name=name)
