from aws_cdk import Stack
from aws_cdk import aws_elasticache as elasticache
from constructs import Construct


class CacheStack(Stack):
    """A replication group: its member nodes' ids (sessions-001, sessions-002) are derived by
    AWS and not written here, so no memory alarm is added for it."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        sessions = elasticache.CfnReplicationGroup(
            self,
            "Sessions",
            replication_group_id="sessions",
            replication_group_description="User sessions",
            engine="redis",
            cache_node_type="cache.t4g.small",
            num_cache_clusters=2,
            automatic_failover_enabled=True,
            multi_az_enabled=True,
        )
