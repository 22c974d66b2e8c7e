"""elasticache_parameter_group for Pulumi Python: replication groups and clusters have a parameter group.

An ``aws.elasticache.ReplicationGroup``, and an ``aws.elasticache.Cluster`` that is not a
member of one (no ``replication_group_id``), without ``parameter_group_name`` run on the
default group of their family. The fix creates a group of the family of their ``engine`` (a
replication group's defaults to ``redis``) and ``engine_version`` right before them, with
their tags and parent/provider:

    sessions_params = aws.elasticache.ParameterGroup(
        "sessions-params",
        family="redis7",
        description="redis7 parameters of sessions",
    )

and attaches it (``parameter_group_name=sessions_params.name``), named after the cache's
``replication_group_id`` / ``cluster_id`` where it has one, else auto-named by Pulumi.

Reported without a fix: an engine or engine version that is not a literal or is absent, a
version iacfix cannot place in a family, a replication group in cluster mode
(``num_node_groups``, ``replicas_per_node_group``, a ``cluster_mode`` other than disabled).
A member of a global datastore (``global_replication_group_id``) is not reported.
"""

from __future__ import annotations

from iacfix.codemods.common import pulumi as pc
from iacfix.codemods.common.aws import elasticache_parameter_group_family
from iacfix.codemods.elasticache_parameter_group import (
    CLUSTER, CLUSTER_MODE, REPLICATION_GROUP, WORD, description, message, unknown,
)
from iacfix.codemods.lang import pulumi as lang
from iacfix.core import Gap
from iacfix.transforms import python as py

REPLICATION = "elasticache.ReplicationGroup"
GROUP = "elasticache.ParameterGroup"
# class → (what, the name keyword, the engine when absent)
TYPES = {REPLICATION: (REPLICATION_GROUP, "replication_group_id", "redis"),
         "elasticache.Cluster": (CLUSTER, "cluster_id", None)}


def _cluster_mode(site) -> bool:
    if pc.present(site, "num_node_groups") or pc.present(site, "replicas_per_node_group"):
        return True
    mode = pc.kw_value(site, "cluster_mode")
    return mode is not None and pc.literal(mode) not in (None, "disabled")


def detect(doc, ctx):
    for cls, (what, name_kw, default_engine) in TYPES.items():
        for site in pc.aws_calls(doc, cls):
            if pc.has_splat(site) or pc.present(site, "parameter_group_name") \
                    or pc.present(site, "global_replication_group_id") \
                    or (cls != REPLICATION and pc.present(site, "replication_group_id")):
                continue
            family, why = pc.engine_family(site, elasticache_parameter_group_family, default_engine)
            fix = None
            if why is not None:
                msg = message(what, pc.display(site)) + unknown(why)
            elif cls == REPLICATION and _cluster_mode(site):
                msg = message(what, pc.display(site), family + ".cluster.on") + CLUSTER_MODE
            else:
                msg = message(what, pc.display(site), family)
                if pc.standalone(site):
                    fix = (lambda site=site, cls=cls, name_kw=name_kw, family=family:
                           _fix(doc, site, cls, name_kw, family))
            yield Gap(**pc.where(site), resource_type=pc.rtype(site), resource_name=pc.label(site),
                      message=msg, fix=fix)


def _fix(doc, site, cls: str, name_kw: str, family: str):
    like = pc.name_node(site)
    args = [("family", py.Code(py.str_code(doc, family, like))),
            ("description", py.Code(py.str_code(doc, description(family, pc.label(site)), like)))]
    var, edits = pc.group_before(doc, site, GROUP, name_kw, WORD, args)
    edits += lang.add_kwargs(doc, pc.props_call(site), cls, [("parameter_group_name", py.Code(f"{var}.name"))])
    return py.dedupe(edits)
