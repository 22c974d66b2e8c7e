"""elasticache_encryption for Terraform: ``aws_elasticache_replication_group`` resources
are encrypted and resilient.

Checked:
- ``at_rest_encryption_enabled = true`` and ``transit_encryption_enabled = true``:
  their own gap (detail ``encryption``), always unsafe, missing or ``false``:
  enabling encryption replaces the group (and in-transit encryption needs TLS
  clients). Not checked on members of a global datastore
  (``global_replication_group_id``), which inherit it.
- Groups with more than one node (``num_cache_clusters`` > 1, or
  ``replicas_per_node_group`` ≥ 1): ``automatic_failover_enabled = true`` and
  ``multi_az_enabled = true``; missing → added, ``false`` → unsafe finding.
  Single-node groups (no node count given = one node) and groups whose node
  count the detector cannot read (a variable, ``num_node_groups`` alone) are
  left alone.
- ``snapshot_retention_limit``: missing → ``snapshot_retention_days`` added;
  ``0`` (no automatic snapshots) → unsafe finding; any other value is kept.
Not covered: ``kms_key_id`` (the AWS-managed key is used), ``auth_token`` /
user groups, ``aws_elasticache_cluster`` (single Memcached/Redis clusters:
no Multi-AZ, and encryption only through a replication group) and
``aws_elasticache_serverless_cache`` (always encrypted).
"""

from __future__ import annotations

from iacfix.codemods.common.terraform_properties import Exactly, Explicit, Param, required
from iacfix.transforms.terraform import UNKNOWN, literal

WHAT = "ElastiCache replication group"


def _count(res, name):
    """The literal integer of an argument; None when absent, UNKNOWN when unreadable."""
    a = res.attr(name)
    if a is None:
        return None
    v = literal(a.value)
    if v is None:
        return None
    return v if isinstance(v, int) and not isinstance(v, bool) else UNKNOWN


def nodes(res):
    """How many nodes (per shard) the group has, or UNKNOWN."""
    clusters = _count(res, "num_cache_clusters")
    replicas = _count(res, "replicas_per_node_group")
    if clusters is not None:
        return clusters
    if replicas is not None:
        return replicas if replicas is UNKNOWN else 1 + replicas
    if res.attr("num_node_groups") is not None:
        return UNKNOWN  # cluster mode: replicas per shard left to the service
    return 1


def _props(doc, res, ctx):
    props = {}
    n = nodes(res)
    if n is not UNKNOWN and n > 1:
        props["automatic_failover_enabled"] = Exactly(True, "automatic failover")
        props["multi_az_enabled"] = Exactly(True, "Multi-AZ")
    props["snapshot_retention_limit"] = Explicit(Param("snapshot_retention_days"), "snapshot retention",
                                                 unsafe=(0,))
    return props


_resilience = required(
    "aws_elasticache_replication_group",
    _props,
    what=WHAT,
    slug="elasticache-encryption",
)
_encryption = required(
    "aws_elasticache_replication_group",
    {
        "at_rest_encryption_enabled": Exactly(True, "encryption at rest"),
        "transit_encryption_enabled": Exactly(True, "encryption in transit"),
    },
    what=WHAT,
    slug="encryption",
    when=lambda doc, res: res.attr("global_replication_group_id") is None,
    unsafe=True,
    missing_msg="{what} '{name}' has no {missing} (enabling encryption replaces the group)",
    wrong_msg="{what} '{name}' sets {setting} (enabling encryption replaces the group)",
)


def detect(doc, ctx):
    yield from _resilience(doc, ctx)
    yield from _encryption(doc, ctx)
