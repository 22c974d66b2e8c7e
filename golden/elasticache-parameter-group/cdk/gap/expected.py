from aws_cdk import (
    Stack,
    aws_elasticache as elasticache,
)
from constructs import Construct


class CacheStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, environment_suffix: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        sessions_parameter_group = elasticache.CfnParameterGroup(
            self,
            "SessionsParameterGroup",
            cache_parameter_group_family="redis7",
            description="redis7 parameters of Sessions",
        )

        self.sessions = elasticache.CfnReplicationGroup(
            self,
            "Sessions",
            replication_group_description="User sessions",
            replication_group_id=f"sessions-{environment_suffix}",
            engine_version="7.1",
            cache_node_type="cache.t4g.small",
            num_cache_clusters=2,
            cache_parameter_group_name=sessions_parameter_group.ref,
        )

        pages_parameter_group = elasticache.CfnParameterGroup(
            self,
            "PagesParameterGroup",
            cache_parameter_group_family="memcached1.6",
            description="memcached1.6 parameters of Pages",
        )

        pages = elasticache.CfnCacheCluster(
            self,
            "Pages",
            engine="memcached",
            engine_version="1.6.22",
            cache_node_type="cache.t4g.small",
            num_cache_nodes=2,
            cache_parameter_group_name=pages_parameter_group.ref,
        )
