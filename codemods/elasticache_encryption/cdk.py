"""elasticache_encryption for AWS CDK v2 Python.

``elasticache.CfnReplicationGroup`` (aws-cdk-lib has no stable L2 for ElastiCache):

- ``multi_az_enabled=True`` and ``automatic_failover_enabled=True`` when the group
  has more than one node as far as the file says (``num_cache_clusters`` above 1, or
  ``replicas_per_node_group`` of at least 1); a single-node group (no
  ``num_cache_clusters``, or 1) or one whose size the file cannot know is left alone;
- ``snapshot_retention_limit`` = ``snapshot_retention_days`` when missing (any
  explicit value is kept, but 0 = snapshots off is an unsafe finding);
- at-rest and in-transit encryption (``at_rest_encryption_enabled=True``,
  ``transit_encryption_enabled=True``) as a separate gap (detail ``encryption``)
  that is always unsafe: enabling either on an existing group replaces it.

An explicit False anywhere is an unsafe finding; a value the file cannot know is
left alone. Not covered: ``CfnCacheCluster`` (single Memcached/Redis nodes have no
encryption or failover of their own to set here), ``CfnServerlessCache`` (always
encrypted), and cluster-mode groups given only by ``node_group_configuration``.
"""

from iacfix.codemods.common import cdk as common
from iacfix.codemods.common.cdk_properties import Exactly, Explicit, Param, Prop, required_properties

GROUP = "aws_cdk.aws_elasticache.CfnReplicationGroup"
KIND = "ElastiCache replication group"

MULTI_AZ = Prop("multi_az_enabled", Exactly(True), "Multi-AZ")
FAILOVER = Prop("automatic_failover_enabled", Exactly(True), "automatic failover")
SNAPSHOTS = Prop(
    "snapshot_retention_limit",
    Explicit(Param("snapshot_retention_days", int), reject=(0,)),
    "snapshot retention",
    "has snapshots disabled",
)
AT_REST = Prop("at_rest_encryption_enabled", Exactly(True), "at-rest encryption")
IN_TRANSIT = Prop("transit_encryption_enabled", Exactly(True), "in-transit encryption")


def _several_nodes(site) -> bool:
    """Does the file say the group has more than one node?"""
    clusters = site.kwarg("num_cache_clusters")
    replicas = site.kwarg("replicas_per_node_group")
    n = common.number(clusters.value) if clusters is not None else None
    r = common.number(replicas.value) if replicas is not None else None
    return (n is not None and n > 1) or (r is not None and r >= 1)


def _resilience(doc, site, params):
    return ([MULTI_AZ, FAILOVER] if _several_nodes(site) else []) + [SNAPSHOTS]


_detect_resilience = required_properties({GROUP: _resilience}, kind=KIND)
_detect_encryption = required_properties({GROUP: [AT_REST, IN_TRANSIT]}, kind=KIND, detail="encryption", unsafe=True)


def detect(doc, ctx):
    yield from _detect_resilience(doc, ctx)
    yield from _detect_encryption(doc, ctx)
