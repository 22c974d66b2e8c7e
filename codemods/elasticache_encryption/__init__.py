"""IAC018 elasticache-encryption: ElastiCache replication groups are encrypted and resilient."""

import re

from iacfix.codemods.spec import (
    Above, Absent, All, AnyOf, Codemod, Exactly, Explicit, Param, Parameter, Rule, Satisfies, invalid, valid,
)
from iacfix.codemods.spec import language_detectors

WHAT = "ElastiCache replication group"
# More than one node (per shard) as far as the file says: Multi-AZ needs a replica.
SEVERAL_NODES = AnyOf(Above("num_cache_clusters", 1), Above("replicas_per_node_group", 0))


def can_encrypt(version):
    """Redis encrypts from 3.2.6, and in the 4.0 line from 4.0.10 (Valkey always): an
    older engine gets no encryption finding (it must be upgraded first). ``6.x`` or
    ``7.1`` name a line: its latest patch."""
    parts = [int(p) for p in re.findall(r"\d+", str(version))[:3]]
    if not parts:
        return None
    major, minor, patch = (parts + [None, None])[:3]
    if major < 3 or (major == 3 and minor is not None and minor < 2):
        return False
    if (major, minor) == (3, 2):
        return patch is not None and patch >= 6
    if (major, minor) == (4, 0):
        return patch is None or patch >= 10
    return True


CODEMOD = Codemod(
    id="IAC018",
    slug="elasticache-encryption",
    tags=("security", "encryption"),
    severity="high",
    title="ElastiCache replication groups are encrypted and resilient",
    rationale=(
        "Caches hold session tokens and personal data. Without encryption at rest the data sits "
        "readable in snapshots and on disk; without encryption in transit it crosses the network "
        "in clear text; a single-AZ group loses its primary with its zone, and a group without "
        "snapshot retention has nothing to restore. iacfix enables at-rest and in-transit "
        "encryption, Multi-AZ with automatic failover (on groups with replicas), and a snapshot "
        "retention period on replication groups. Encryption cannot be turned on in place: on an "
        "existing group the change replaces it. Redis older than 3.2.6 (and 4.0 before 4.0.10) "
        "cannot encrypt at all: such a group gets no encryption finding until its engine is upgraded."
    ),
    params=(
        Parameter("snapshot_retention_days", 7, "days ElastiCache keeps automatic snapshots",
                  kind=int, minimum=1, maximum=35),
    ),
    checkov=("CKV_AWS_29", "CKV_AWS_30"),
    cdk_nag=("AwsSolutions-AEC3",),
    # cfn_nag's ElastiCacheReplicationGroupAtRestEncryptionRule and ...TransitEncryptionRule
    # (stelligent/cfn_nag, lib/cfn-nag/custom_rules/); all four checks are about encryption only
    cfn_nag=("F25", "F33"),
    check_details={"CKV_AWS_29": "encryption", "CKV_AWS_30": "encryption", "F25": "encryption", "F33": "encryption",
                   "AwsSolutions-AEC3": "encryption"},
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
            # members of a global datastore inherit it; an old Redis cannot encrypt
            when=All(Absent("global_replication_group_id"), Satisfies("engine_version", can_encrypt, missing=True)),
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
