"""rds-performance-insights for Pulumi Python: no Performance Insights on classes that lack it.

Checked: ``rds.Instance`` and Aurora cluster members ``rds.ClusterInstance``
(keyword arguments or an ``XxxArgs(...)`` object). A finding needs both a
literal ``instance_class`` in ``unsupported_classes`` — a string
(``"db.t3.micro"``) or the SDK's enum (``aws.rds.InstanceType.T3_MICRO``) — and
``performance_insights_enabled=True``.

The fix writes ``performance_insights_enabled=False`` (kept explicit, so the
reader sees the choice; an ``iacfix: ignore`` on the flag's line counts) and removes ``performance_insights_retention_period``
and ``performance_insights_kms_key_id``, which RDS rejects when Performance
Insights is off.

Not covered: an instance class or flag the file does not spell out (a
variable, stack configuration); Performance Insights switched on only
implicitly; a resource with ``database_insights_mode`` (Database Insights needs
Performance Insights: turning it off is a decision about that mode too);
Multi-AZ DB clusters (``rds.Cluster`` with ``db_cluster_instance_class``),
which have no micro/small classes.
"""

from __future__ import annotations

import re
from typing import Optional

import libcst as cst

from iacfix.codemods.common import pulumi as pc
from iacfix.core import Gap
from iacfix.transforms.python import rewrite_call

FLAG = "performance_insights_enabled"
DROP = ("performance_insights_retention_period", "performance_insights_kms_key_id")
# InstanceType member sizes, longest first: T4_G_MICRO → db.t4g.micro.
SIZES = re.compile(r"_((?:\d+_)?X_LARGE|MICRO|SMALL|MEDIUM|LARGE)$")


def instance_class(node) -> Optional[str]:
    """``db.t3.micro`` for a literal class or an ``rds.InstanceType.T3_MICRO`` member, else None."""
    v = pc.literal(node)
    if isinstance(v, str):
        return v
    if isinstance(node, cst.Attribute) and (
        isinstance(node.value, cst.Attribute) and node.value.attr.value == "InstanceType"
        or isinstance(node.value, cst.Name) and node.value.value == "InstanceType"
    ):
        member = node.attr.value
        m = SIZES.search(member)
        if m:
            family = member[: m.start()].replace("_", "").lower()
            size = m.group(1).replace("_", "").lower()
            return f"db.{family}.{size}"
    return None


def detect(doc, ctx):
    unsupported = set(ctx.params["unsupported_classes"])
    for site in pc.aws_calls(doc, "rds.Instance", "rds.ClusterInstance"):
        if pc.has_splat(site) or pc.kw_value(site, "database_insights_mode") is not None:
            continue
        if pc.literal(pc.kw_value(site, FLAG)) is not True:
            continue
        cls = instance_class(pc.kw_value(site, "instance_class"))
        if cls not in unsupported:
            continue
        what = "RDS cluster instance" if site.qualname.endswith("ClusterInstance") else "RDS instance"
        pos = pc.where(site)  # a suppression on the flag's line counts too
        pos["suppress_lines"] = (*pos["suppress_lines"], doc.range(pc.kw_value(site, FLAG)).start.line)
        yield Gap(
            **pos,
            resource_type=pc.rtype(site),
            resource_name=pc.label(site),
            message=f"{what} '{pc.display(site)}' enables Performance Insights on {cls}, which does not support it",
            fix=lambda site=site: _fix(doc, site),
            detail="rds-performance-insights",
        )


def _fix(doc, site):
    def disable(d, s):
        return d.replace_node(pc.kw_value(s, FLAG), "False")

    def remover(name):
        return lambda d, s: d.remove_arg(pc.props_call(s), next(
            a for a in pc.props_call(s).args if a.keyword is not None and a.keyword.value == name))

    return rewrite_call(doc, site, [disable] + [remover(n) for n in DROP if pc.kw_value(site, n) is not None])
