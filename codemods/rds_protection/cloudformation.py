"""rds_protection for CloudFormation: DB instances and Aurora clusters are protected against loss.

Checked on ``AWS::RDS::DBInstance`` and ``AWS::RDS::DBCluster``:
- ``DeletionProtection: true``: missing → added; ``false`` → unsafe finding.
- ``BackupRetentionPeriod`` of at least ``backup_retention_days``: missing →
  added; an explicit literal below it (``0`` = backups off) → unsafe finding, the
  fix raises it to ``backup_retention_days``; a parameter → no finding. Not
  checked on read replicas (``SourceDBInstanceIdentifier``): the source is backed up.
- ``CopyTagsToSnapshot``: missing → ``true`` added; any explicit value is kept.
- ``EnableCloudwatchLogsExports`` suited to the ``Engine`` literal (any case):
  ``postgres`` → ``[postgresql, upgrade]``, ``mysql``/``mariadb`` and
  ``aurora-mysql`` → ``[audit, error, general, slowquery]``,
  ``aurora-postgresql`` → ``[postgresql]``; any explicit value is kept; another or
  unknown engine (Oracle, SQL Server, a Multi-AZ DB cluster's ``mysql``/``postgres``,
  a parameter, no engine) and Aurora Serverless v1 clusters (``EngineMode:
  serverless``, which have no log exports) → log exports left alone.
- ``AutoMinorVersionUpgrade`` (instances only): missing → ``true`` added; any
  explicit value (e.g. ``false`` for a pinned version) is kept.
- ``StorageEncrypted: true``: its own gap (detail ``storage-encryption``), always
  unsafe, missing or ``false``: encryption cannot be enabled in place, the database
  is replaced. Not checked on read replicas (``SourceDBInstanceIdentifier``),
  snapshot restores (``DBSnapshotIdentifier``, ``SnapshotIdentifier``) and
  point-in-time clones (``SourceDBClusterIdentifier``), which inherit it.
An instance with ``DBClusterIdentifier`` is an Aurora cluster member (backups,
encryption, deletion protection and log exports are the cluster's): only
``AutoMinorVersionUpgrade`` is added.
Not covered: ``KmsKeyId`` (the AWS-managed key is used), Performance Insights,
Multi-AZ, IAM authentication, ``DeletionPolicy`` (removal-policy owns it).
"""

from __future__ import annotations

from iacfix.codemods.common.cloudformation_properties import Exactly, Explicit, Param, required
from iacfix.transforms.cloudformation import int_value, scalar

_MYSQL = ["audit", "error", "general", "slowquery"]
LOG_EXPORTS = {
    "AWS::RDS::DBInstance": {"postgres": ["postgresql", "upgrade"], "mysql": _MYSQL, "mariadb": _MYSQL},
    "AWS::RDS::DBCluster": {"aurora-postgresql": ["postgresql"], "aurora-mysql": _MYSQL},
}

WHAT = {"AWS::RDS::DBInstance": "RDS instance", "AWS::RDS::DBCluster": "Aurora cluster"}


def _member(res) -> bool:
    return res.type == "AWS::RDS::DBInstance" and res.prop("DBClusterIdentifier") is not None


def _replica(res) -> bool:
    return res.prop("SourceDBInstanceIdentifier") is not None


def _props(doc, res, ctx):
    days = ctx.params.get("backup_retention_days")
    have = int_value(res.prop("BackupRetentionPeriod")) if res.prop("BackupRetentionPeriod") is not None else None
    too_short = have is not None and isinstance(days, int) and have < days
    props = {
        "BackupRetentionPeriod": (Exactly if too_short else Explicit)(Param("backup_retention_days"),
                                                                      "backup retention"),
        "CopyTagsToSnapshot": Explicit(True, "snapshot tag copying"),
        "DeletionProtection": Exactly(True, "deletion protection"),
    }
    if _replica(res):
        del props["BackupRetentionPeriod"]  # a replica's data is its source's (and its backups)
    engine = scalar(res.prop("Engine"))
    mode = scalar(res.prop("EngineMode"))
    exports = LOG_EXPORTS[res.type].get(engine.lower()) if engine else None
    if exports and not (mode and mode.lower() == "serverless"):
        props["EnableCloudwatchLogsExports"] = Explicit(exports, "CloudWatch log exports")
    if res.type == "AWS::RDS::DBInstance":
        props["AutoMinorVersionUpgrade"] = Explicit(True, "automatic minor version upgrades")
    return props


def _standalone(doc, res) -> bool:
    return not _member(res)


def _own_storage(doc, res) -> bool:
    """Storage encryption is the resource's own choice, not inherited from a source."""
    return not _member(res) and all(
        res.prop(p) is None
        for p in ("SourceDBInstanceIdentifier", "DBSnapshotIdentifier", "SnapshotIdentifier",
                  "SourceDBClusterIdentifier", "DBClusterSnapshotIdentifier"))


def _aurora_member(doc, res) -> bool:
    return _member(res)


_protection = {
    t: required(t, _props, what=WHAT[t], slug="rds-protection", when=_standalone) for t in WHAT
}
_storage = {
    t: required(
        t,
        {"StorageEncrypted": Exactly(True, "storage encryption")},
        what=WHAT[t],
        slug="storage-encryption",
        when=_own_storage,
        unsafe=True,
        missing_msg="{what} '{name}' has no {missing} (enabling it replaces the database)",
        wrong_msg="{what} '{name}' sets {setting} (enabling encryption replaces the database)",
    )
    for t in WHAT
}
_cluster_member = required(
    "AWS::RDS::DBInstance",
    {"AutoMinorVersionUpgrade": Explicit(True, "automatic minor version upgrades")},
    what="Aurora instance",
    slug="rds-protection",
    when=_aurora_member,
)


def detect(doc, ctx):
    for t in WHAT:
        yield from _protection[t](doc, ctx)
        yield from _storage[t](doc, ctx)
    yield from _cluster_member(doc, ctx)
