"""IAC018 elasticache-encryption: ElastiCache replication groups are encrypted and resilient."""

from iacfix.codemods.spec import (
    Above, Absent, AnyOf, Codemod, Exactly, Explicit, Param, Parameter, Rule, invalid, valid,
)
from iacfix.codemods.spec import language_detectors

WHAT = "ElastiCache replication group"
# More than one node (per shard) as far as the file says: Multi-AZ needs a replica.
SEVERAL_NODES = AnyOf(Above("num_cache_clusters", 1), Above("replicas_per_node_group", 0))

CODEMOD = Codemod(
    id="IAC018",
    slug="elasticache-encryption",
    title="ElastiCache replication groups are encrypted and resilient",
    rationale=(
        "Caches hold session tokens and personal data. Without encryption at rest the data sits "
        "readable in snapshots and on disk; without encryption in transit it crosses the network "
        "in clear text; a single-AZ group loses its primary with its zone, and a group without "
        "snapshot retention has nothing to restore. iacfix enables at-rest and in-transit "
        "encryption, Multi-AZ with automatic failover (on groups with replicas), and a snapshot "
        "retention period on replication groups. Encryption cannot be turned on in place: on an "
        "existing group the change replaces it."
    ),
    params=(
        Parameter("snapshot_retention_days", 7, "days ElastiCache keeps automatic snapshots",
                  kind=int, minimum=1, maximum=35),
    ),
    checkov=("CKV_AWS_29", "CKV_AWS_30"),
    unsafe_note="explicitly disabled encryption or Multi-AZ is reported; enabling encryption replaces the group, so that fix is unsafe",

    rules=(
        Rule(
            ("elasticache.ReplicationGroup",),
            {
                "automatic_failover_enabled": Exactly(True, label="automatic failover", when=SEVERAL_NODES),
                "multi_az_enabled": Exactly(True, label="Multi-AZ", when=SEVERAL_NODES),
                "snapshot_retention_limit": Explicit(Param("snapshot_retention_days"), reject=(0,),
                                                     label="snapshot retention", off="has snapshots disabled"),
            },
            what=WHAT,
        ),
        # Encryption cannot be turned on in place: its own finding, always unsafe.
        Rule(
            ("elasticache.ReplicationGroup",),
            {
                "at_rest_encryption_enabled": Exactly(True, label="encryption at rest"),
                "transit_encryption_enabled": Exactly(True, label="encryption in transit"),
            },
            what=WHAT,
            detail="encryption",
            unsafe=True,
            replaces=True,
            note="enabling encryption replaces the group",
            # members of a global datastore inherit it
            when=Absent("global_replication_group_id"),
        ),
    ),
    examples=(
        invalid('terraform', 'resource "aws_elasticache_replication_group" "r" {\n  replication_group_id = "r"\n  description          = "r"\n}\n'),
        invalid('cloudformation', 'Resources:\n  R:\n    Type: AWS::ElastiCache::ReplicationGroup\n    Properties:\n      ReplicationGroupDescription: r\n'),
        valid('cloudformation', 'Resources:\n  R:\n    Type: AWS::ElastiCache::ReplicationGroup\n    Properties:\n      GlobalReplicationGroupId: g\n      SnapshotRetentionLimit: 7\n'),
        invalid('cdk', 'from aws_cdk import aws_elasticache as elasticache\n\nelasticache.CfnReplicationGroup(self, "R", replication_group_description="r")\n'),
        invalid('pulumi', 'import pulumi_aws as aws\n\naws.elasticache.ReplicationGroup("r", description="r")\n'),
    ),
    detectors=language_detectors(__name__),
)
