import pulumi_aws as aws

# A throwaway cache for load tests.
scratch = aws.elasticache.Cluster(  # iacfix: ignore[elasticache-parameter-group]
    "scratch",
    engine="memcached",
    engine_version="1.6.22",
    node_type="cache.t4g.micro",
    num_cache_nodes=1,
)
