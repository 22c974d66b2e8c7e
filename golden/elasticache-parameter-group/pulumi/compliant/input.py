import pulumi_aws as aws

sessions_params = aws.elasticache.ParameterGroup("sessions-params", family="redis7")

sessions = aws.elasticache.ReplicationGroup(
    "sessions",
    description="User sessions",
    engine_version="7.1",
    node_type="cache.t4g.small",
    parameter_group_name=sessions_params.name,
)

# A member of the replication group: the group's parameter group is its own.
replica = aws.elasticache.Cluster("replica", replication_group_id=sessions.id)
