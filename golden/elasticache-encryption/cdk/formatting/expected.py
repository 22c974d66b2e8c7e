from aws_cdk import Stack
from aws_cdk.aws_elasticache import CfnReplicationGroup


class Quotes(Stack):
  def __init__(self, scope, id, **kw):
    super().__init__(scope, id, **kw)

    # quote cache: one primary, two replicas
    self.cache = CfnReplicationGroup(self, 'QuoteCache',
                                     replication_group_description='FX quotes',
                                     engine = 'redis',
                                     cache_node_type = 'cache.m7g.large',  # memory-bound
                                     # AZs follow the subnet group
                                     num_cache_clusters = 3,
                                     automatic_failover_enabled = True,
                                     multi_az_enabled = True,
                                     snapshot_retention_limit = 7
                                     )
