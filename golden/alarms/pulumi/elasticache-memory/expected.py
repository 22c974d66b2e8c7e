"""Session cache and page cache."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.require("environmentSuffix")

alarm_topic = aws.sns.Topic(
    "alarms",
    name=f"alarms-{environment_suffix}",
    tags={"Team": "web"},
)

sessions = aws.elasticache.Cluster(
    "sessions",
    cluster_id=f"sessions-{environment_suffix}",
    engine="redis",
    engine_version="7.1",
    node_type="cache.t4g.small",
    num_cache_nodes=1,
    tags={"Team": "web"},
)

aws.cloudwatch.MetricAlarm(
    "sessions-memory",
    name=f"sessions-memory-{environment_suffix}",
    alarm_description=(
        "ElastiCache Redis cluster sessions used more than 80 percent of its memory on "
        "average for 5 minutes"
    ),
    namespace="AWS/ElastiCache",
    metric_name="DatabaseMemoryUsagePercentage",
    dimensions={"CacheClusterId": sessions.cluster_id},
    statistic="Average",
    period=300,
    evaluation_periods=1,
    threshold=80,
    comparison_operator="GreaterThanThreshold",
    treat_missing_data="notBreaching",
    alarm_actions=[alarm_topic.arn],
    tags={"Team": "web"},
)

pages = aws.elasticache.Cluster(
    "pages",
    cluster_id=f"pages-{environment_suffix}",
    engine="memcached",
    node_type="cache.t4g.small",
    num_cache_nodes=2,
)
