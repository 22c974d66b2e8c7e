"""Session cache for the checkout API: Redis with one replica."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or "dev"

cache_subnets = aws.elasticache.SubnetGroup(
    f"checkout-cache-subnets-{environment_suffix}",
    subnet_ids=config.require_object("privateSubnetIds"),
)

session_cache = aws.elasticache.ReplicationGroup(
    f"checkout-sessions-{environment_suffix}",
    description="Checkout sessions",
    engine="redis",
    engine_version="7.1",
    node_type="cache.t4g.small",
    num_cache_clusters=2,
    port=6379,
    subnet_group_name=cache_subnets.name,
    at_rest_encryption_enabled=True,
    transit_encryption_enabled=True,
    automatic_failover_enabled=True,
    multi_az_enabled=True,
    snapshot_retention_limit=7,
    tags={"Team": "checkout"},
)

rate_limits = aws.elasticache.ReplicationGroup(
    f"rate-limits-{environment_suffix}",
    description="Per-client rate limit counters",
    engine="valkey",
    node_type="cache.t4g.micro",
    subnet_group_name=cache_subnets.name,
    at_rest_encryption_enabled=True,
    transit_encryption_enabled=True,
    snapshot_retention_limit=7,
    tags={"Team": "checkout"},
)

pulumi.export("session_cache_endpoint", session_cache.primary_endpoint_address)
