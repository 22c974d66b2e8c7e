from aws_cdk import (
    Stack,
    aws_elasticache as elasticache,
)
from constructs import Construct


class CacheStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        group_name = self.node.try_get_context("cacheParameterGroup")
        elasticache.CfnReplicationGroup(
            self,
            "Sessions",
            replication_group_description="User sessions",
            cache_node_type="cache.t4g.small",
            cache_parameter_group_name=group_name,
        )
