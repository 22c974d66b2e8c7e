from aws_cdk import (
    Stack,
    aws_elasticache as elasticache,
)
from constructs import Construct


class CacheStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, environment_suffix: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        self.sessions = elasticache.CfnReplicationGroup(
            self,
            "Sessions",
            replication_group_description="User sessions",
            replication_group_id=f"sessions-{environment_suffix}",
            engine_version="7.1",
            cache_node_type="cache.t4g.small",
            num_cache_clusters=2,
        )

        pages = elasticache.CfnCacheCluster(
            self,
            "Pages",
            engine="memcached",
            engine_version="1.6.22",
            cache_node_type="cache.t4g.small",
            num_cache_nodes=2,
        )
