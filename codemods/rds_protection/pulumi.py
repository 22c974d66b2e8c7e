"""rds-protection for Pulumi Python: ``rds.Instance`` and ``rds.Cluster`` are protected against loss.

Standalone instances (``rds.Instance``) and clusters (``rds.Cluster``) get, in one
fix: ``deletion_protection=True``, ``backup_retention_period`` (the
``backup_retention_days`` parameter), ``enabled_cloudwatch_logs_exports`` suited
to the engine (postgres → postgresql/upgrade, mysql/mariadb and aurora-mysql →
audit/error/general/slowquery, aurora-postgresql → postgresql; an engine the
detector cannot read or does not know → left alone), ``copy_tags_to_snapshot=True``
and, on instances, ``auto_minor_version_upgrade=True``. An explicit
``deletion_protection=False``/``copy_tags_to_snapshot=False``/
``auto_minor_version_upgrade=False`` or a literal backup retention below the
parameter (0 = backups off) → unsafe (replaced with ``--unsafe-fixes``); any
explicit log exports are the author's choice.

Storage encryption is its own Gap (detail ``storage-encryption``), always
unsafe: ``storage_encrypted=True`` cannot be applied in place, it replaces the
database. An Aurora cluster's instances (``rds.ClusterInstance``) only get
``auto_minor_version_upgrade=True``: backups, encryption, deletion protection
and log exports belong to the cluster.

Not covered: read replicas (``replicate_source_db``) and databases restored
from a snapshot (``snapshot_identifier``) are not asked for backups or storage
encryption (they inherit them); ``rds.Cluster``'s ``auto_minor_version_upgrade``
(Multi-AZ DB clusters only); ``kms_key_id`` (the AWS managed key is used).
"""

from __future__ import annotations

import libcst as cst

from iacfix.codemods.common import pulumi as pc
from iacfix.codemods.common.pulumi_properties import Code, Exactly, Explicit, Param, required

# CloudWatch log types each engine can export (RDS/Aurora user guides, "Publishing database logs").
INSTANCE_LOGS = {
    "postgres": ["postgresql", "upgrade"],
    "mysql": ["audit", "error", "general", "slowquery"],
    "mariadb": ["audit", "error", "general", "slowquery"],
}
CLUSTER_LOGS = {
    "aurora-postgresql": ["postgresql"],
    "aurora-mysql": ["audit", "error", "general", "slowquery"],
}


def _engine(site):
    """The engine literal, or ``aws.rds.EngineType.AURORA_POSTGRESQL``'s value; else None."""
    node = pc.kw_value(site, "engine")
    value = pc.literal(node)
    if isinstance(value, str):
        return value
    if isinstance(node, cst.Attribute) and isinstance(node.value, cst.Attribute) and node.value.attr.value == "EngineType":
        return node.attr.value.lower().replace("_", "-")
    return None


def _logs(table):
    return Code(lambda doc, site, ctx: table.get(_engine(site)))


def _inherits(doc, site, ctx) -> bool:
    """A read replica or a restored snapshot inherits backups and encryption from its source."""
    return not any(pc.kw_value(site, k) is not None
                   for k in ("replicate_source_db", "snapshot_identifier", "replication_source_identifier"))


def _protection(logs, instance: bool):
    props = {
        "deletion_protection": Exactly(True, "deletion protection"),
        "backup_retention_period": Explicit(
            Param("backup_retention_days"), "backup retention", unsafe=(0,),
            minimum=Param("backup_retention_days"), off="has too short a backup retention", when=_inherits),
        "enabled_cloudwatch_logs_exports": Explicit(logs, "CloudWatch log exports"),
        "copy_tags_to_snapshot": Exactly(True, "tag copying to snapshots", off="does not copy tags to snapshots"),
    }
    if instance:
        props["auto_minor_version_upgrade"] = Exactly(True, "automatic minor version upgrades")
    return props


_detectors = (
    required("rds.Instance", _protection(_logs(INSTANCE_LOGS), True), what="RDS instance", detail="rds-protection"),
    required("rds.Cluster", _protection(_logs(CLUSTER_LOGS), False), what="RDS cluster", detail="rds-protection"),
    required("rds.ClusterInstance", {"auto_minor_version_upgrade": Exactly(True, "automatic minor version upgrades")},
             what="RDS cluster instance", detail="rds-protection"),
    required("rds.Instance", {"storage_encrypted": Exactly(True, "storage encryption")},
             what="RDS instance", detail="storage-encryption", when=_inherits, unsafe=True),
    required("rds.Cluster", {"storage_encrypted": Exactly(True, "storage encryption")},
             what="RDS cluster", detail="storage-encryption", when=_inherits, unsafe=True),
)


def detect(doc, ctx):
    for d in _detectors:
        yield from d(doc, ctx)
