from aws_cdk import Duration, Stack, aws_cloudwatch as cloudwatch, aws_cloudwatch_actions as cw_actions, aws_sns as sns
from aws_cdk import aws_elasticache as elasticache
from constructs import Construct


class CacheStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, environment_suffix: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        alarm_topic = sns.Topic(self, "AlarmTopic", topic_name=f"alarms-{environment_suffix}")

        session_cache = elasticache.CfnCacheCluster(
            self,
            "SessionCache",
            cluster_name=f"sessions-{environment_suffix}",
            engine="redis",
            engine_version="7.1",
            cache_node_type="cache.t4g.small",
            num_cache_nodes=1,
        )

        cloudwatch.Alarm(
            self,
            "SessionCacheMemory",
            alarm_name=f"sessions-memory-{environment_suffix}",
            alarm_description=(
                "ElastiCache Redis cluster SessionCache used more than 80 percent of its memory on "
                "average for 5 minutes"
            ),
            metric=cloudwatch.Metric(
                namespace="AWS/ElastiCache",
                metric_name="DatabaseMemoryUsagePercentage",
                dimensions_map={"CacheClusterId": session_cache.ref},
                statistic="Average",
                period=Duration.minutes(5),
            ),
            threshold=80,
            evaluation_periods=1,
            comparison_operator=cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        ).add_alarm_action(cw_actions.SnsAction(alarm_topic))

        page_cache = elasticache.CfnCacheCluster(
            self,
            "PageCache",
            engine="memcached",
            cache_node_type="cache.t4g.small",
            num_cache_nodes=2,
        )
