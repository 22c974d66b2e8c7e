import aws_cdk as cdk
from aws_cdk import aws_sns as sns, aws_elasticache as elasticache
from constructs import Construct


class EventsStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.events = sns.Topic(self, 'Events',
                                display_name='Order events')  # what the shop publishes
        cdk.CfnOutput(self, 'EventsArn', value=self.events.topic_arn)
        cache = elasticache.CfnReplicationGroup(self, 'Cache', replication_group_description='cache',
            engine='redis', cache_node_type='cache.t4g.small', num_node_groups=3)
        cdk.CfnOutput(self, 'CacheEndpoint', value=cache.attr_configuration_end_point_address)
        cdk.CfnOutput(self, 'Region', value=self.region)
