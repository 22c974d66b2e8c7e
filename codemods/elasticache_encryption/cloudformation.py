"""elasticache_encryption for CloudFormation: ``AWS::ElastiCache::ReplicationGroup``
resources are encrypted and resilient.

Checked:
- ``AtRestEncryptionEnabled: true`` and ``TransitEncryptionEnabled: true``: their
  own gap (detail ``encryption``), always unsafe, missing or ``false``: enabling
  encryption replaces the group (and in-transit encryption needs TLS clients). Not
  checked on members of a global datastore (``GlobalReplicationGroupId``), which
  inherit it.
- Groups with more than one node per shard (``NumCacheClusters`` > 1, or
  ``ReplicasPerNodeGroup`` ≥ 1): ``AutomaticFailoverEnabled: true`` and
  ``MultiAZEnabled: true``; missing → added, ``false`` → unsafe finding.
  Single-node groups (no node count given = one node) and groups whose node count
  the detector cannot read (a parameter, ``NumNodeGroups`` or
  ``NodeGroupConfiguration`` alone) are left alone.
- ``SnapshotRetentionLimit``: missing → ``snapshot_retention_days`` added; ``0``
  (no automatic snapshots) → unsafe finding; any other value is kept.
Not covered: ``KmsKeyId`` (the AWS-managed key is used), ``AuthToken`` / user
groups, ``TransitEncryptionMode``, ``AWS::ElastiCache::CacheCluster`` (single
nodes: no Multi-AZ, and encryption only through a replication group) and
``AWS::ElastiCache::ServerlessCache`` (always encrypted).
"""

from __future__ import annotations

from iacfix.codemods.common.cloudformation_properties import Exactly, Explicit, Param, required
from iacfix.transforms.cloudformation import int_value

WHAT = "ElastiCache replication group"
UNKNOWN = object()


def _count(res, name):
    """The literal integer of a property; None when absent, UNKNOWN when unreadable."""
    node = res.prop(name)
    if node is None:
        return None
    v = int_value(node)
    return UNKNOWN if v is None else v


def nodes(res):
    """How many nodes (per shard) the group has, or UNKNOWN."""
    clusters = _count(res, "NumCacheClusters")
    replicas = _count(res, "ReplicasPerNodeGroup")
    if clusters is not None:
        return clusters
    if replicas is not None:
        return replicas if replicas is UNKNOWN else 1 + replicas
    if res.prop("NumNodeGroups") is not None or res.prop("NodeGroupConfiguration") is not None:
        return UNKNOWN  # cluster mode: replicas per shard given per node group or left to the service
    return 1


def _props(doc, res, ctx):
    props = {}
    n = nodes(res)
    if n is not UNKNOWN and n > 1:
        props["AutomaticFailoverEnabled"] = Exactly(True, "automatic failover")
        props["MultiAZEnabled"] = Exactly(True, "Multi-AZ")
    props["SnapshotRetentionLimit"] = Explicit(Param("snapshot_retention_days"), "snapshot retention",
                                               unsafe=(0,))
    return props


def _own_encryption(doc, res) -> bool:
    return res.prop("GlobalReplicationGroupId") is None


_resilience = required(
    "AWS::ElastiCache::ReplicationGroup",
    _props,
    what=WHAT,
    slug="elasticache-encryption",
)
_encryption = required(
    "AWS::ElastiCache::ReplicationGroup",
    {
        "AtRestEncryptionEnabled": Exactly(True, "encryption at rest"),
        "TransitEncryptionEnabled": Exactly(True, "encryption in transit"),
    },
    what=WHAT,
    slug="encryption",
    when=_own_encryption,
    unsafe=True,
    missing_msg="{what} '{name}' has no {missing} (enabling encryption replaces the group)",
    wrong_msg="{what} '{name}' sets {setting} (enabling encryption replaces the group)",
)


def detect(doc, ctx):
    yield from _resilience(doc, ctx)
    yield from _encryption(doc, ctx)
