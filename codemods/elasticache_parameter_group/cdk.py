"""elasticache_parameter_group for AWS CDK v2, Python and Go (one detector on the neutral view of
``lang.view``): ``elasticache.CfnReplicationGroup`` / ``CfnCacheCluster`` have a parameter group.

ElastiCache has only L1 constructs. A replication group, and a cache cluster that is not a
member of one, without ``cache_parameter_group_name`` run on the default group of their family.
The fix gives them an ``elasticache.CfnParameterGroup`` of the family of their ``engine`` (a
replication group's defaults to ``redis``) and ``engine_version`` literals, made before them and
given by its ``ref``:

    sessions_parameter_group = elasticache.CfnParameterGroup(
        self,
        "SessionsParameterGroup",
        cache_parameter_group_family="redis7",
        description="redis7 parameters of Sessions",
    )
    elasticache.CfnReplicationGroup(..., cache_parameter_group_name=sessions_parameter_group.ref)

(Go: ``awselasticache.NewCfnParameterGroup(...)`` and ``CacheParameterGroupName:
sessionsParameterGroup.Ref()``.) Reported without a fix: an engine or version that is not a
literal or is absent, a version iacfix cannot place in a family, a replication group in cluster
mode (``num_node_groups``, ``replicas_per_node_group``, ``node_group_configuration``, a
``cluster_mode`` other than disabled). A member of a global datastore
(``global_replication_group_id``) is not reported.
"""

from __future__ import annotations

from iacfix.codemods.common.aws import elasticache_parameter_group_family
from iacfix.codemods.elasticache_parameter_group import (
    CLUSTER, CLUSTER_MODE, REPLICATION_GROUP, description, message, unknown,
)
from iacfix.codemods.lang import cdk_file
from iacfix.codemods.lang.view import New
from iacfix.codemods.spec import ABSENT

EC = "aws_cdk.aws_elasticache"
REPLICATION = f"{EC}.CfnReplicationGroup"
TYPES = {REPLICATION: (REPLICATION_GROUP, "redis"), f"{EC}.CfnCacheCluster": (CLUSTER, None)}
GROUP = f"{EC}.CfnParameterGroup"


def _given(c, prop: str) -> bool:
    return c.has(prop) and c.value(prop) is not None


def _family(c, default_engine):
    engine = c.value("engine")
    if engine is ABSENT or engine is None:
        if default_engine is None:
            return None, "it does not name its engine"
        engine = default_engine
    elif not isinstance(engine, str):
        return None, "its engine is not written in the code"
    version = c.value("engine_version")
    if version is ABSENT or version is None:
        return None, "it has no engine_version (AWS picks the version, and with it the family)"
    if not isinstance(version, str):
        return None, "its engine_version is not written in the code"
    family = elasticache_parameter_group_family(engine, version)
    if family is None:
        return None, f"{engine} {version} names no parameter group family iacfix knows"
    return family, None


def _cluster_mode(c) -> bool:
    if any(_given(c, p) for p in ("num_node_groups", "replicas_per_node_group", "node_group_configuration")):
        return True
    mode = c.value("cluster_mode")
    return mode is not ABSENT and mode is not None and not (isinstance(mode, str) and mode.lower() == "disabled")


def detect(doc, ctx):
    f = cdk_file(doc, ctx)
    for c in f.constructs(*TYPES):
        if c.opaque or _given(c, "cache_parameter_group_name") or _given(c, "global_replication_group_id"):
            continue
        what, default_engine = TYPES[c.qualname]
        family, why = _family(c, default_engine)
        if why is not None:
            yield c.gap(message(what, c.name) + unknown(why), None)
        elif c.qualname == REPLICATION and _cluster_mode(c):
            yield c.gap(message(what, c.name, family + ".cluster.on") + CLUSTER_MODE, None)
        else:
            fix = c.fixer(lambda c=c, family=family: _fix(c, family)) if c.can_add_companion else None
            yield c.gap(message(what, c.name, family), fix)


def _fix(c, family: str):
    group = New(GROUP, (("cache_parameter_group_family", family), ("description", description(family, c.name))))
    return c.add_companion("cache_parameter_group_name", group, "ParameterGroup", (), attr="ref")
