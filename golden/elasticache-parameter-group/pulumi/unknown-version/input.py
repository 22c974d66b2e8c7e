import pulumi_aws as aws

latest = aws.elasticache.ReplicationGroup(
    "latest",
    description="No version: AWS picks one",
    node_type="cache.t4g.small",
)

# Cluster mode: its default group is default.redis7.cluster.on.
sharded = aws.elasticache.ReplicationGroup(
    "sharded",
    description="Sharded",
    engine_version="7.1",
    node_type="cache.t4g.small",
    num_node_groups=3,
    replicas_per_node_group=1,
)
