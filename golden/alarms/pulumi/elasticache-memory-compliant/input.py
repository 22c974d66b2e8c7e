"""A session cache already watched, its memory alarm naming the cluster by its id."""

import pulumi_aws as aws

sessions = aws.elasticache.Cluster(
    "sessions",
    cluster_id="sessions",
    engine="redis",
    node_type="cache.t4g.small",
    num_cache_nodes=1,
)

aws.cloudwatch.MetricAlarm(
    "sessions-memory",
    namespace="AWS/ElastiCache",
    metric_name="DatabaseMemoryUsagePercentage",
    dimensions={"CacheClusterId": "sessions"},
    statistic="Average",
    period=60,
    evaluation_periods=5,
    threshold=90,
    comparison_operator="GreaterThanThreshold",
)
