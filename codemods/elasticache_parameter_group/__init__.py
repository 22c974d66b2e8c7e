"""IAC028 elasticache-parameter-group: ElastiCache replication groups and clusters have a parameter group of their own.

One behaviour in every language (``codemods/elasticache_parameter_group/<language>.py``): a
replication group, or a cache cluster that is not a member of one, without a cache parameter
group runs on the default group of its engine's family, which cannot be modified. It gets a
parameter group of that family (``common.aws.elasticache_parameter_group_family``: from the
engine and the engine version the file writes), with no parameters set, created beside it,
named after it by the file's convention and attached. Reported without a fix: an engine or
version the file does not say, and a replication group in cluster mode (its default group is
``default.<family>.cluster.on``, whose ``cluster-enabled`` a new group would have to repeat).
"""

from iacfix.codemods.spec import Codemod, invalid, language_detectors, valid

REPLICATION_GROUP = "ElastiCache replication group"
CLUSTER = "ElastiCache cluster"
WORD = "params"


def message(what: str, name: str, family=None) -> str:
    default = f" (default.{family})" if family else ""
    return f"{what} '{name}' uses the default parameter group{default}, which cannot be modified"


def unknown(why: str) -> str:
    return f"; {why}: not fixed (a parameter group must be of the family of the engine version)"


CLUSTER_MODE = ("; it runs in cluster mode, and its default group sets cluster-enabled, which a group of "
                "its own must set too: not fixed")


def description(family: str, name: str) -> str:
    return f"{family} parameters of {name}"


CODEMOD = Codemod(
    id="IAC028",
    slug="elasticache-parameter-group",
    tags=("reliability", "maintainability"),
    severity="low",
    title="ElastiCache replication groups and clusters have a parameter group of their own",
    rationale=(
        "A cache created without a parameter group runs on the default group of its engine family "
        "(default.redis7), which cannot be modified: changing one setting later (maxmemory-policy, "
        "timeout, keyspace notifications) first means creating a group and attaching it, usually "
        "while the cache is already in trouble. iacfix gives each replication group, and each cache "
        "cluster that is not a member of a replication group, a group of the engine's family (from "
        "the engine and engine version: redis 7.1 is redis7, redis 6.2 redis6.x, redis 5.0.6 "
        "redis5.0, valkey 7.2 valkey7, memcached 1.6.22 memcached1.6), created beside it and "
        "attached. In Terraform and Pulumi it is named after the cache's own id "
        "(sessions-params-<environment suffix>) where the cache has one, else after the resource's "
        "label by the file's convention (Terraform) or by Pulumi; a CloudFormation (and CDK, an L1 "
        "CfnParameterGroup given by its ref) cache parameter group has no name of its own to set: "
        "CloudFormation names it. The group sets no parameter: the engine "
        "defaults stay in effect. Attaching it to a running cache is a modification, not a "
        "replacement: ElastiCache applies a new parameter group to the nodes asynchronously, as "
        "soon as possible when the change is applied immediately (ApplyImmediately, Terraform's "
        "apply_immediately), else at the nodes' next maintenance reboot (or failure reboot). "
        "Reported without a fix: a cache whose engine version the file does not say (the "
        "family depends on it), and a replication group in cluster mode (its default group, "
        "default.<family>.cluster.on, sets cluster-enabled, which a new group must set too)."
    ),
    examples=(
        invalid('terraform', 'resource "aws_elasticache_replication_group" "cache" {\n'
                             '  replication_group_id = "cache"\n  engine_version       = "7.1"\n}\n'),
        valid('terraform', 'resource "aws_elasticache_replication_group" "cache" {\n'
                           '  replication_group_id = "cache"\n  parameter_group_name = "cache-params"\n}\n'),
        invalid('cloudformation', 'Resources:\n  Cache:\n    Type: AWS::ElastiCache::CacheCluster\n    Properties:\n'
                                  '      Engine: memcached\n      EngineVersion: "1.6.22"\n'),
        valid('cloudformation', 'Resources:\n  Cache:\n    Type: AWS::ElastiCache::ReplicationGroup\n    Properties:\n'
                                '      CacheParameterGroupName: !Ref Params\n'),
        invalid('cdk', 'from aws_cdk import aws_elasticache as elasticache\n\n'
                       'elasticache.CfnReplicationGroup(self, "Cache", replication_group_description="c", '
                       'engine_version="7.1")\n'),
        invalid('pulumi', 'import pulumi_aws as aws\n\n'
                          'aws.elasticache.Cluster("c", engine="memcached", engine_version="1.6.22")\n'),
        valid('pulumi', 'import pulumi_aws as aws\n\n'
                        'aws.elasticache.Cluster("c", engine="memcached", parameter_group_name=group.name)\n'),
    ),
    detectors=language_detectors(__name__, same_as={"go": "cdk"}),
)
