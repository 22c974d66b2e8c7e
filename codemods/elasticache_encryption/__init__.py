"""IAC018 elasticache-encryption: ElastiCache replication groups are encrypted and resilient."""

from codemods.base import Codemod, Param, language_detectors

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
        Param("snapshot_retention_days", 7, "days ElastiCache keeps automatic snapshots"),
    ),
    checkov=("CKV_AWS_29", "CKV_AWS_30"),
    unsafe_note="explicitly disabled encryption or Multi-AZ is reported; enabling encryption replaces the group, so that fix is unsafe",
    detectors=language_detectors(__name__),
)
