from aws_cdk import Stack, aws_elasticache as elasticache
from constructs import Construct


class SessionCacheStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        elasticache.CfnReplicationGroup(
            self,
            "SessionCache",
            replication_group_description="Checkout sessions",
            engine="redis",
            cache_node_type="cache.t4g.small",
            num_cache_clusters=3,
            at_rest_encryption_enabled=True,
            transit_encryption_enabled=True,
            multi_az_enabled=True,
            automatic_failover_enabled=True,
            snapshot_retention_limit=14,
        )

        # a single node: nothing to fail over to
        elasticache.CfnReplicationGroup(
            self,
            "RateLimitCache",
            replication_group_description="Rate limit counters",
            engine="valkey",
            cache_node_type="cache.t4g.micro",
            at_rest_encryption_enabled=True,
            transit_encryption_enabled=True,
            snapshot_retention_limit=1,
        )
