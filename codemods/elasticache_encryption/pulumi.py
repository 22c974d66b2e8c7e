"""elasticache-encryption for Pulumi Python: ``elasticache.ReplicationGroup`` is encrypted and resilient.

Encryption is one Gap (detail ``encryption``), always unsafe: a missing or
false ``at_rest_encryption_enabled``/``transit_encryption_enabled`` gets
``True``, which replaces an existing group, so the fix only runs with
``--unsafe-fixes``. Resilience is another Gap (detail
``elasticache-encryption``): ``snapshot_retention_limit`` (the
``snapshot_retention_days`` parameter; an explicit 0 = no snapshots → unsafe)
and, on a group with more than one node (a literal ``num_cache_clusters`` above
1, or ``replicas_per_node_group`` of 1 or more), ``multi_az_enabled=True`` and
``automatic_failover_enabled=True`` (explicit False → unsafe). A single-node
group, or one whose node count the detector cannot read, is left without
Multi-AZ. Values from variables, config or ``**kwargs`` → no finding.

Not covered: ``elasticache.Cluster`` (single-node memcached/redis clusters have
no encryption at rest or Multi-AZ settings of their own), ``kms_key_id`` and
``auth_token`` (the AWS managed key and the author's auth choice are left alone),
serverless caches.
"""

from __future__ import annotations

from iacfix.codemods.common import pulumi as pc
from iacfix.codemods.common.pulumi_properties import Exactly, Explicit, Param, required


def _nodes(site) -> int:
    """How many nodes the group has per shard as far as the literals say (0 = unknown)."""
    count = pc.kw_value(site, "num_cache_clusters")
    replicas = pc.kw_value(site, "replicas_per_node_group")
    if replicas is not None:
        value = pc.literal(replicas)
        return value + 1 if type(value) is int else 0
    if count is None:
        return 1  # one node (per shard) unless stated otherwise
    value = pc.literal(count)
    return value if type(value) is int else 0


def _replicated(doc, site, ctx) -> bool:
    return _nodes(site) > 1


detect_resilience = required(
    "elasticache.ReplicationGroup",
    {
        "multi_az_enabled": Exactly(True, "Multi-AZ", when=_replicated),
        "automatic_failover_enabled": Exactly(True, "automatic failover", when=_replicated),
        "snapshot_retention_limit": Explicit(
            Param("snapshot_retention_days"), "snapshot retention", unsafe=(0,), off="keeps no snapshots"),
    },
    what="ElastiCache replication group",
    detail="elasticache-encryption",
)

detect_encryption = required(
    "elasticache.ReplicationGroup",
    {
        "at_rest_encryption_enabled": Exactly(True, "encryption at rest"),
        "transit_encryption_enabled": Exactly(True, "encryption in transit"),
    },
    what="ElastiCache replication group",
    detail="encryption",
    unsafe=True,
)


def detect(doc, ctx):
    yield from detect_resilience(doc, ctx)
    yield from detect_encryption(doc, ctx)
