"""rds_performance_insights for AWS CDK v2 Python.

Checked: ``rds.DatabaseInstance`` (and ``DatabaseInstanceFromSnapshot``,
``DatabaseInstanceReadReplica``), Aurora cluster members
``rds.ClusterInstance.provisioned(...)`` and the legacy ``rds.InstanceProps(...)``,
and ``rds.CfnDBInstance``. A finding needs both a literal instance class in
``unsupported_classes`` — ``ec2.InstanceType("t3.micro")``,
``ec2.InstanceType.of(ec2.InstanceClass.T3, ec2.InstanceSize.MICRO)`` (the
``BURSTABLE*`` aliases too), which CDK prefixes with ``db.``, or the L1
``db_instance_class="db.t3.micro"`` — and ``enable_performance_insights=True``.

The fix writes ``enable_performance_insights=False`` (kept explicit, so the
reader sees the choice) and removes ``performance_insight_retention`` /
``performance_insight_encryption_key`` (L1 ``performance_insights_retention_period``
/ ``performance_insights_kms_key_id``): CDK refuses them when Performance
Insights is off, and RDS rejects them.

Not covered: an instance class or flag the file does not spell out (a variable, a
context value); Performance Insights switched on only implicitly by a retention
or key (no ``enable_performance_insights``); construct-level settings of a
``DatabaseCluster`` (they apply to members whose classes are read elsewhere); a
construct with ``database_insights_mode`` (Database Insights needs Performance
Insights: turning it off is a decision about that mode too).
"""

from __future__ import annotations

import re
from typing import Optional

import libcst as cst

from iacfix.codemods.common import cdk as common
from iacfix.core import Gap
from iacfix.transforms.python import kwarg, rewrite_call

RDS = "aws_cdk.aws_rds"
EC2 = "aws_cdk.aws_ec2"
L2 = (
    f"{RDS}.DatabaseInstance",
    f"{RDS}.DatabaseInstanceFromSnapshot",
    f"{RDS}.DatabaseInstanceReadReplica",
    f"{RDS}.ClusterInstance.provisioned",
    f"{RDS}.InstanceProps",
)
CFN = f"{RDS}.CfnDBInstance"
CLUSTER = f"{RDS}.DatabaseCluster"
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


def _member(doc, node, enum: str) -> Optional[str]:
    """The member name of ``ec2.<enum>.<MEMBER>``, else None."""
    if isinstance(node, cst.Attribute):
        for q in doc.qualified_names(node):
            if q.startswith(f"{EC2}.{enum}."):
                return q.rsplit(".", 1)[1]
    return None


def _size(member: str) -> str:
    m = re.fullmatch(r"XLARGE(\d+)", member)
    return f"{m.group(1)}xlarge" if m else member.lower()


def instance_class(doc, node) -> Optional[str]:
    """``db.t3.micro`` for an ``ec2.InstanceType`` the file spells out, else None."""
    if not isinstance(node, cst.Call) or any(a.star for a in node.args):
        return None
    names = doc.qualified_names(node.func)
    args = [a.value for a in node.args if a.keyword is None]
    if f"{EC2}.InstanceType" in names and len(args) == 1:
        s = common.string(args[0])
        if s is None:
            return None
        return s if s.startswith("db.") else f"db.{s}"
    if f"{EC2}.InstanceType.of" in names and len(args) == 2:
        cls, size = _member(doc, args[0], "InstanceClass"), _member(doc, args[1], "InstanceSize")
        if cls is None or size is None:
            return None
        return f"db.{CLASS_ALIASES.get(cls, cls.lower())}.{_size(size)}"
    return None


def _name(doc, site) -> str:
    if site.qualname == f"{RDS}.ClusterInstance.provisioned":
        own = site.string_arg(0) or site.target or "instance"
        cur = doc.parent(site.call)
        while cur is not None:  # the cluster it belongs to, for a name unique in the file
            if isinstance(cur, cst.Call) and CLUSTER in doc.qualified_names(cur.func):
                return f"{common.name_of(doc._site(cur, CLUSTER))}/{own}"
            cur = doc.parent(cur)
        return own
    return common.name_of(site)


def detect(doc, ctx):
    if common.is_cdk_v1(doc):
        return
    unsupported = set(ctx.params["unsupported_classes"])
    for site in doc.calls(*L2, CFN):
        if site.has_star_kwargs() or site.kwarg("database_insights_mode") is not None:
            continue
        flag = site.kwarg("enable_performance_insights")
        if flag is None or common.boolean(flag.value) is not True:
            continue
        if site.qualname == CFN:
            arg = site.kwarg("db_instance_class")
            cls = common.string(arg.value) if arg is not None else None
            drop = CFN_DROP
        else:
            arg = site.kwarg("instance_type")
            cls = instance_class(doc, arg.value) if arg is not None else None
            drop = L2_DROP
        if cls not in unsupported:
            continue
        name = _name(doc, site)
        yield Gap(
            line=site.line,
            column=site.column,
            end_line=site.end_line,
            resource_type=site.qualname.replace("aws_cdk.", "", 1),
            resource_name=name,
            message=f"RDS instance '{name}' enables Performance Insights on {cls}, which does not support it",
            fix=lambda site=site, drop=drop: _fix(doc, site, drop),
        )


def _fix(doc, site, drop):
    def disable(d, s):
        return d.replace_node(kwarg(s.call, "enable_performance_insights").value, "False")

    def remover(name):
        return lambda d, s: d.remove_arg(s.call, kwarg(s.call, name))

    steps = [disable] + [remover(n) for n in drop if site.kwarg(n) is not None]
    return rewrite_call(doc, site, steps)
