"""elasticache_parameter_group for CloudFormation: replication groups and cache clusters have a parameter group.

An ``AWS::ElastiCache::ReplicationGroup`` or ``AWS::ElastiCache::CacheCluster`` without
``CacheParameterGroupName`` runs on the default group of its family. The fix writes a group
of the family of its ``Engine`` (a replication group's defaults to ``redis``) and
``EngineVersion`` right after it, with its Condition and tags (CloudFormation names it: the
resource has no name property):

    SessionsParameterGroup:
      Type: AWS::ElastiCache::ParameterGroup
      Properties:
        CacheParameterGroupFamily: redis7
        Description: redis7 parameters of Sessions

and attaches it (``CacheParameterGroupName: !Ref SessionsParameterGroup``).

Reported without a fix: an engine or engine version that is not a literal or is absent, a
version iacfix cannot place in a family, a replication group in cluster mode
(``NumNodeGroups``, ``ReplicasPerNodeGroup``, ``NodeGroupConfiguration``, a ``ClusterMode``
other than disabled). A member of a global datastore (``GlobalReplicationGroupId``) is not
reported: the datastore's primary governs its parameter group.
"""

from __future__ import annotations

from iacfix.codemods.common.aws import elasticache_parameter_group_family
from iacfix.codemods.common.cloudformation import engine_family, gap, group_after
from iacfix.codemods.elasticache_parameter_group import (
    CLUSTER, CLUSTER_MODE, REPLICATION_GROUP, description, message, unknown,
)
from iacfix.codemods.lang.cloudformation import add_properties
from iacfix.transforms.cloudformation import CfnDoc, Ref, is_map, is_null, scalar

GROUP = "AWS::ElastiCache::ParameterGroup"
REPLICATION = "AWS::ElastiCache::ReplicationGroup"
# resource type → (what, the engine when absent)
TYPES = {REPLICATION: (REPLICATION_GROUP, "redis"), "AWS::ElastiCache::CacheCluster": (CLUSTER, None)}


def _present(res, name: str) -> bool:
    v = res.prop(name)
    return v is not None and not is_null(v)


def _cluster_mode(res) -> bool:
    if any(_present(res, p) for p in ("NumNodeGroups", "ReplicasPerNodeGroup", "NodeGroupConfiguration")):
        return True
    mode = res.prop("ClusterMode")
    return mode is not None and not is_null(mode) and (scalar(mode) or "").lower() != "disabled"


def detect(doc: CfnDoc, ctx):
    for res in doc.resources():
        if res.type not in TYPES or not is_map(res.properties):
            continue
        what, default_engine = TYPES[res.type]
        if _present(res, "CacheParameterGroupName") or _present(res, "GlobalReplicationGroupId"):
            continue
        family, why = engine_family(res, elasticache_parameter_group_family, default_engine)
        if why is not None:
            yield gap(doc, res, message(what, res.name) + unknown(why))
        elif res.type == REPLICATION and _cluster_mode(res):
            yield gap(doc, res, message(what, res.name, family + ".cluster.on") + CLUSTER_MODE)
        else:
            yield gap(doc, res, message(what, res.name, family), fix=_fixer(doc, res, family))


def _fixer(doc: CfnDoc, res, family: str):
    def fix():
        props = {"CacheParameterGroupFamily": family, "Description": description(family, res.name)}
        gid, group = group_after(doc, res, GROUP, props)
        return [add_properties(doc, res, [("CacheParameterGroupName", Ref(gid))]), group]

    return fix
