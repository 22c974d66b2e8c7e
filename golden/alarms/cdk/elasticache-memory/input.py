from aws_cdk import Stack
from aws_cdk import aws_elasticache as elasticache
from constructs import Construct


class CacheStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, environment_suffix: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        session_cache = elasticache.CfnCacheCluster(
            self,
            "SessionCache",
            cluster_name=f"sessions-{environment_suffix}",
            engine="redis",
            engine_version="7.1",
            cache_node_type="cache.t4g.small",
            num_cache_nodes=1,
        )

        page_cache = elasticache.CfnCacheCluster(
            self,
            "PageCache",
            engine="memcached",
            cache_node_type="cache.t4g.small",
            num_cache_nodes=2,
        )
