from aws_cdk import Stack, aws_elasticache as elasticache
from constructs import Construct


class LoadTestStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # Throwaway cache for load tests: no snapshots, no TLS overhead
        # iacfix: ignore[elasticache-encryption]
        elasticache.CfnReplicationGroup(
            self,
            "LoadTestCache",
            replication_group_description="Load test cache",
            engine="redis",
            cache_node_type="cache.t4g.micro",
        )
        elasticache.CfnReplicationGroup(self, "Scratch", replication_group_description="scratch", cache_node_type="cache.t4g.micro")  # iacfix: ignore[IAC018]
