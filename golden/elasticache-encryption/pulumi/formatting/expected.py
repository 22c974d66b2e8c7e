import pulumi
from pulumi_aws import elasticache

def make_cache(name: str):
    # Two-space indentation, single quotes, a hanging call.
  return elasticache.ReplicationGroup(name, description='Quiz answers in flight',  # hot path
                                      engine='redis', node_type='cache.t4g.small',
                                      num_cache_clusters=2,  # primary + replica
                                      at_rest_encryption_enabled=True, transit_encryption_enabled=True,
                                      automatic_failover_enabled=True,
                                      multi_az_enabled=True,
                                      snapshot_retention_limit=7,
                                      opts=pulumi.ResourceOptions(protect=True))  # keep it

answers = make_cache('quiz-answers')

leaderboard = elasticache.ReplicationGroup(
        'leaderboard',
        description='Leaderboard',
        engine='redis',
        node_type='cache.t4g.small',
        # sharded: two shards with one replica each
        num_node_groups=2,
        replicas_per_node_group=1,
        at_rest_encryption_enabled=True,
        transit_encryption_enabled=True,
        automatic_failover_enabled=True,
        multi_az_enabled=True,  # failover is missing
        snapshot_retention_limit=7,
)
