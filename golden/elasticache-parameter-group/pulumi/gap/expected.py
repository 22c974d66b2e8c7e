"""Session and page caches."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or "dev"

sessions_params = aws.elasticache.ParameterGroup(
    f"sessions-params-{environment_suffix}",
    name=f"sessions-params-{environment_suffix}",
    family="redis7",
    description="redis7 parameters of sessions",
    tags={"Team": "web"},
)

sessions = aws.elasticache.ReplicationGroup(
    f"sessions-{environment_suffix}",
    replication_group_id=f"sessions-{environment_suffix}",
    description="User sessions",
    engine_version="7.1",
    node_type="cache.t4g.small",
    num_cache_clusters=2,
    parameter_group_name=sessions_params.name,
    tags={"Team": "web"},
)

pages_params = aws.elasticache.ParameterGroup(
    f"pages-params-{environment_suffix}",
    family="memcached1.6",
    description="memcached1.6 parameters of pages",
)

pages = aws.elasticache.Cluster(
    f"pages-{environment_suffix}",
    engine="memcached",
    engine_version="1.6.22",
    node_type="cache.t4g.small",
    num_cache_nodes=2,
    parameter_group_name=pages_params.name,
)
