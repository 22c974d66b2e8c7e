from aws_cdk import (
    Stack,
    aws_elasticache as elasticache,
)
from constructs import Construct


class CacheStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # A throwaway cache for load tests.
        elasticache.CfnCacheCluster(  # iacfix: ignore[elasticache-parameter-group]
            self,
            "Scratch",
            engine="memcached",
            engine_version="1.6.22",
            cache_node_type="cache.t4g.micro",
            num_cache_nodes=1,
        )
