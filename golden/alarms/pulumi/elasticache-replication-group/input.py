"""A replication group: its member nodes' ids (sessions-001, sessions-002) are derived by AWS
and not written here, so no memory alarm is added for it."""

import pulumi_aws as aws

sessions = aws.elasticache.ReplicationGroup(
    "sessions",
    replication_group_id="sessions",
    description="User sessions",
    engine="redis",
    node_type="cache.t4g.small",
    num_cache_clusters=2,
    automatic_failover_enabled=True,
    multi_az_enabled=True,
)
