"""rds_protection for Terraform: DB instances and Aurora clusters are protected against loss.

Checked on ``aws_db_instance`` and ``aws_rds_cluster``:
- ``deletion_protection = true``: missing → added; ``false`` → unsafe finding.
- ``backup_retention_period`` of at least ``backup_retention_days``: missing →
  added; an explicit literal below it (``0`` = backups off) → unsafe finding,
  the fix raises it to ``backup_retention_days``; a variable → no finding. Not
  checked on read replicas (``replicate_source_db``): the source is backed up, and
  RDS for PostgreSQL replicas have no automated backups.
- ``copy_tags_to_snapshot``: missing → ``true`` added; any explicit value is kept.
- ``enabled_cloudwatch_logs_exports`` suited to the engine literal: ``postgres``
  → ``["postgresql", "upgrade"]``, ``mysql``/``mariadb`` and ``aurora-mysql`` →
  ``["audit", "error", "general", "slowquery"]``, ``aurora-postgresql`` →
  ``["postgresql"]``; any explicit value is kept; another or unknown engine
  (Oracle, SQL Server, a Multi-AZ DB cluster's ``mysql``/``postgres``, a variable,
  no engine) → log exports left alone.
- ``auto_minor_version_upgrade`` (instances only): missing → ``true`` added; any
  explicit value (e.g. ``false`` for a pinned version) is kept.
- ``storage_encrypted = true``: its own gap (detail ``storage-encryption``),
  always unsafe, missing or ``false``: encryption cannot be enabled in place,
  the database is replaced. Not checked on read replicas (``replicate_source_db``)
  and snapshot restores (``snapshot_identifier``), which inherit it.
On ``aws_rds_cluster_instance`` (Aurora cluster members: backups, encryption,
deletion protection and log exports are the cluster's) only
``auto_minor_version_upgrade`` is added. ``aws_db_instance`` has no
``cluster_identifier`` argument in the AWS provider: Aurora members are always
``aws_rds_cluster_instance``.
Not covered: ``kms_key_id`` (the AWS-managed key is used), Performance Insights,
Multi-AZ, IAM authentication, final snapshots (``skip_final_snapshot``).
"""

from __future__ import annotations

from iacfix.codemods.common.terraform_properties import Exactly, Explicit, Param, required
from iacfix.transforms.terraform import UNKNOWN, literal

_MYSQL = ["audit", "error", "general", "slowquery"]
LOG_EXPORTS = {
    "aws_db_instance": {"postgres": ["postgresql", "upgrade"], "mysql": _MYSQL, "mariadb": _MYSQL},
    "aws_rds_cluster": {"aurora-postgresql": ["postgresql"], "aurora-mysql": _MYSQL},
}

WHAT = {"aws_db_instance": "RDS instance", "aws_rds_cluster": "Aurora cluster"}


def _props(doc, res, ctx):
    rtype = res.labels[0]
    days = ctx.params.get("backup_retention_days")
    a = res.attr("backup_retention_period")
    have = literal(a.value) if a is not None else None
    too_short = (isinstance(have, (int, float)) and not isinstance(have, bool)
                 and isinstance(days, int) and have < days)
    retention = (Exactly if too_short else Explicit)(Param("backup_retention_days"), "backup retention")
    props = {
        "backup_retention_period": retention,
        "copy_tags_to_snapshot": Explicit(True, "snapshot tag copying"),
        "deletion_protection": Exactly(True, "deletion protection"),
    }
    if res.attr("replicate_source_db") is not None:
        del props["backup_retention_period"]  # a replica's data is its source's (and its backups)
    e = res.attr("engine")
    engine = literal(e.value) if e is not None else UNKNOWN
    exports = LOG_EXPORTS[rtype].get(engine) if isinstance(engine, str) else None
    if exports:
        props["enabled_cloudwatch_logs_exports"] = Explicit(exports, "CloudWatch log exports")
    if rtype == "aws_db_instance":
        props["auto_minor_version_upgrade"] = Explicit(True, "automatic minor version upgrades")
    return props


def _own_storage(doc, res) -> bool:
    """Storage encryption is the resource's own choice, not inherited from a source."""
    return all(res.attr(a) is None for a in ("replicate_source_db", "snapshot_identifier"))


def _storage_main(rtype):
    return required(
        rtype,
        {"storage_encrypted": Exactly(True, "storage encryption")},
        what=WHAT[rtype],
        slug="storage-encryption",
        when=_own_storage,
        unsafe=True,
        missing_msg="{what} '{name}' has no {missing} (enabling it replaces the database)",
        wrong_msg="{what} '{name}' sets {setting} (enabling encryption replaces the database)",
    )


_protection = {t: required(t, _props, what=WHAT[t], slug="rds-protection") for t in WHAT}
_storage = {t: _storage_main(t) for t in WHAT}
_member = required(
    "aws_rds_cluster_instance",
    {"auto_minor_version_upgrade": Explicit(True, "automatic minor version upgrades")},
    what="Aurora instance",
    slug="rds-protection",
)


def detect(doc, ctx):
    for t in WHAT:
        yield from _protection[t](doc, ctx)
        yield from _storage[t](doc, ctx)
    yield from _member(doc, ctx)
