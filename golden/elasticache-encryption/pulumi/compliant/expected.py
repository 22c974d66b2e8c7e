"""Session cache, already hardened; a single-node group needs no Multi-AZ."""

import pulumi_aws as aws

session_cache = aws.elasticache.ReplicationGroup(
    "checkout-sessions",
    description="Checkout sessions",
    engine="redis",
    node_type="cache.r7g.large",
    num_cache_clusters=3,
    at_rest_encryption_enabled=True,
    transit_encryption_enabled=True,
    multi_az_enabled=True,
    automatic_failover_enabled=True,
    snapshot_retention_limit=5,
)

sharded = aws.elasticache.ReplicationGroup(
    "leaderboard",
    description="Leaderboards, sharded",
    engine="redis",
    node_type="cache.r7g.large",
    num_node_groups=3,
    replicas_per_node_group=1,
    at_rest_encryption_enabled=True,
    transit_encryption_enabled=True,
    multi_az_enabled=True,
    automatic_failover_enabled=True,
    snapshot_retention_limit=1,
)

single = aws.elasticache.ReplicationGroup(
    "feature-flags",
    description="Feature flag cache",
    engine="valkey",
    node_type="cache.t4g.micro",
    num_cache_clusters=1,
    at_rest_encryption_enabled=True,
    transit_encryption_enabled=True,
    snapshot_retention_limit=7,
)
