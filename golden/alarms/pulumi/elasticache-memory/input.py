"""Session cache and page cache."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.require("environmentSuffix")

sessions = aws.elasticache.Cluster(
    "sessions",
    cluster_id=f"sessions-{environment_suffix}",
    engine="redis",
    engine_version="7.1",
    node_type="cache.t4g.small",
    num_cache_nodes=1,
    tags={"Team": "web"},
)

pages = aws.elasticache.Cluster(
    "pages",
    cluster_id=f"pages-{environment_suffix}",
    engine="memcached",
    node_type="cache.t4g.small",
    num_cache_nodes=2,
)
