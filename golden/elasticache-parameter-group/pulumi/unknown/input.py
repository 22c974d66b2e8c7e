import pulumi
import pulumi_aws as aws

config = pulumi.Config()

sessions = aws.elasticache.ReplicationGroup(
    "sessions",
    description="User sessions",
    node_type="cache.t4g.small",
    parameter_group_name=config.get("cacheParameterGroup"),
)
