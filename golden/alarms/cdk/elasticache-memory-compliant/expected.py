from aws_cdk import Duration, Stack
from aws_cdk import aws_cloudwatch as cloudwatch
from aws_cdk import aws_elasticache as elasticache
from constructs import Construct


class CacheStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        session_cache = elasticache.CfnCacheCluster(
            self,
            "SessionCache",
            engine="redis",
            cache_node_type="cache.t4g.small",
            num_cache_nodes=1,
        )

        memory = cloudwatch.Metric(
            namespace="AWS/ElastiCache",
            metric_name="DatabaseMemoryUsagePercentage",
            dimensions_map={"CacheClusterId": session_cache.ref},
            period=Duration.minutes(1),
        )
        cloudwatch.Alarm(self, "SessionCacheMemory", metric=memory, threshold=90, evaluation_periods=5)
