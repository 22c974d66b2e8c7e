from aws_cdk import Stack, aws_elasticache as elasticache
from constructs import Construct


class TenantCacheStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, nodes: int, encrypted: bool, props: dict, plan: dict, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # size and encryption come from the tenant's plan
        elasticache.CfnReplicationGroup(
            self,
            "TenantCache",
            replication_group_description="Tenant cache",
            engine="redis",
            cache_node_type="cache.t4g.small",
            num_cache_clusters=nodes,
            at_rest_encryption_enabled=encrypted,
            transit_encryption_enabled=encrypted,
            snapshot_retention_limit=props["snapshots"],
        )
        elasticache.CfnReplicationGroup(self, "PlanCache", replication_group_description="Plan cache", **plan)
