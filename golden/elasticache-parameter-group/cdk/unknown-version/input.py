from aws_cdk import (
    Stack,
    aws_elasticache as elasticache,
)
from constructs import Construct


class CacheStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        elasticache.CfnReplicationGroup(
            self,
            "Latest",
            replication_group_description="No version: AWS picks one",
            cache_node_type="cache.t4g.small",
        )

        # Cluster mode: its default group is default.redis7.cluster.on.
        elasticache.CfnReplicationGroup(
            self,
            "Sharded",
            replication_group_description="Sharded",
            engine_version="7.1",
            cache_node_type="cache.t4g.small",
            num_node_groups=3,
            replicas_per_node_group=1,
        )
