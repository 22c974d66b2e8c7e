from aws_cdk import (
    Stack,
    aws_elasticache as elasticache,
)
from constructs import Construct


class CacheStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        params = elasticache.CfnParameterGroup(
            self, "Params", cache_parameter_group_family="redis7", description="Session cache parameters"
        )
        elasticache.CfnReplicationGroup(
            self,
            "Sessions",
            replication_group_description="User sessions",
            engine_version="7.1",
            cache_node_type="cache.t4g.small",
            cache_parameter_group_name=params.ref,
        )

        # A secondary of a global datastore: the datastore's primary governs its parameters.
        elasticache.CfnReplicationGroup(
            self,
            "Secondary",
            replication_group_description="User sessions, second region",
            global_replication_group_id="ldgnf-sessions",
        )
