"""Session and page caches."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or "dev"

sessions = aws.elasticache.ReplicationGroup(
    f"sessions-{environment_suffix}",
    replication_group_id=f"sessions-{environment_suffix}",
    description="User sessions",
    engine_version="7.1",
    node_type="cache.t4g.small",
    num_cache_clusters=2,
    tags={"Team": "web"},
)

pages = aws.elasticache.Cluster(
    f"pages-{environment_suffix}",
    engine="memcached",
    engine_version="1.6.22",
    node_type="cache.t4g.small",
    num_cache_nodes=2,
)
