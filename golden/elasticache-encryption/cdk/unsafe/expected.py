from aws_cdk import Stack, aws_elasticache as elasticache
from constructs import Construct


class LeaderboardStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        elasticache.CfnReplicationGroup(
            self,
            "LeaderboardCache",
            replication_group_description="Game leaderboards",
            engine="redis",
            cache_node_type="cache.r7g.large",
            num_node_groups=2,
            replicas_per_node_group=1,
            at_rest_encryption_enabled=True,
            transit_encryption_enabled=True,
            multi_az_enabled=True,
            automatic_failover_enabled=True,
            snapshot_retention_limit=7,
        )

        # encryption was never set: enabling it now replaces the group
        elasticache.CfnReplicationGroup(
            self,
            "ProfileCache",
            replication_group_description="Player profiles",
            engine="redis",
            cache_node_type="cache.t4g.small",
            at_rest_encryption_enabled=True,
            transit_encryption_enabled=True,
            snapshot_retention_limit=3,
        )
