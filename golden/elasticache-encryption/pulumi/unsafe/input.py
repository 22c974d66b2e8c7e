"""Legacy cache, created before TLS clients were rolled out."""

import pulumi_aws as aws

legacy_cache = aws.elasticache.ReplicationGroup(
    "legacy-sessions",
    description="Legacy sessions",
    engine="redis",
    node_type="cache.m6g.large",
    num_cache_clusters=2,
    at_rest_encryption_enabled=False,
    multi_az_enabled=False,
    automatic_failover_enabled=False,
    snapshot_retention_limit=0,
)
