"""Throwaway cache for integration tests."""

import pulumi_aws as aws

test_cache = aws.elasticache.ReplicationGroup(  # iacfix: ignore[elasticache-encryption]
    "integration-test-cache",
    description="Integration tests",
    engine="redis",
    node_type="cache.t4g.micro",
    num_cache_clusters=2,
)
