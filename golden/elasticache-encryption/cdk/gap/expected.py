from aws_cdk import (
    Stack,
    aws_ec2 as ec2,
    aws_elasticache as elasticache,
)
from constructs import Construct


class SessionCacheStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, environment_suffix: str, vpc: ec2.IVpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        subnet_group = elasticache.CfnSubnetGroup(
            self,
            "SessionCacheSubnets",
            description="Private subnets for the session cache",
            subnet_ids=[subnet.subnet_id for subnet in vpc.private_subnets],
        )

        self.session_cache = elasticache.CfnReplicationGroup(
            self,
            "SessionCache",
            replication_group_id=f"sessions-{environment_suffix}",
            replication_group_description="Checkout sessions",
            engine="redis",
            engine_version="7.1",
            cache_node_type="cache.t4g.small",
            num_cache_clusters=2,
            cache_subnet_group_name=subnet_group.ref,
            automatic_failover_enabled=True,
            multi_az_enabled=True,
            snapshot_retention_limit=7,
        )
