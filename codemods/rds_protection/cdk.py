"""rds_protection for AWS CDK v2 Python.

Checked on ``rds.DatabaseInstance``, ``rds.DatabaseCluster`` (Aurora),
``rds.CfnDBInstance`` and ``rds.CfnDBCluster``; the fix writes what is missing:

- ``deletion_protection=True``, written out even where the L2 default is already
  true (with ``removal_policy=RemovalPolicy.RETAIN``): the removal-policy codemod
  may add that policy, and the result must not depend on which runs first;
- backup retention of at least ``backup_retention_days``: L2 instance
  ``backup_retention=Duration.days(7)``, L2 cluster
  ``backup=rds.BackupProps(retention=Duration.days(7))`` (merged into an existing
  ``BackupProps``), L1 ``backup_retention_period=7``; an explicit shorter one
  (0 = backups off) is an unsafe finding;
- CloudWatch log exports for a known engine (``DatabaseInstanceEngine.postgres(...)``
  / ``.POSTGRES``, ``mysql``, ``maria_db``, ``DatabaseClusterEngine.aurora_postgres``,
  ``aurora_mysql``, or the L1 engine string): ``cloudwatch_logs_exports`` (L2) /
  ``enable_cloudwatch_logs_exports`` (L1); an engine the file does not spell out,
  or an Aurora Serverless v1 cluster (``engine_mode="serverless"``), leaves log
  exports alone;
- ``copy_tags_to_snapshot=True`` on the L1 constructs (the L2 default is already
  true: only an explicit False is reported there, unsafe);
- automatic minor version upgrades: the default is true everywhere, so only an
  explicit ``auto_minor_version_upgrade=False`` on an instance is reported (unsafe);
- storage encryption, as a separate gap (detail ``storage-encryption``) that is
  always unsafe: encryption cannot be enabled in place, the database is replaced.
  A ``storage_encryption_key`` (L2) implies encryption; an L1 instance or cluster
  restored from a snapshot or replicating a source inherits it, and an L1
  serverless (v1) cluster is always encrypted: not reported.

A ``CfnDBInstance`` with ``db_cluster_identifier`` belongs to an Aurora cluster:
only its auto minor version upgrade is checked (the cluster governs the rest).
Aurora writer/readers (``rds.ClusterInstance``) have no settings of their own here.

Not covered: ``DatabaseInstanceFromSnapshot``, ``DatabaseInstanceReadReplica``,
``DatabaseClusterFromSnapshot``, ``ServerlessCluster``; engines other than
PostgreSQL/MySQL/MariaDB (their log types differ) get no log exports.
"""

import libcst as cst

from iacfix.codemods.common import cdk as common
from iacfix.codemods.common.cdk_properties import AtLeast, Call, Exactly, Explicit, Prop, Struct, required_properties

RDS = "aws_cdk.aws_rds"
INSTANCE, CLUSTER = f"{RDS}.DatabaseInstance", f"{RDS}.DatabaseCluster"
CFN_INSTANCE, CFN_CLUSTER = f"{RDS}.CfnDBInstance", f"{RDS}.CfnDBCluster"
KIND = {INSTANCE: "RDS instance", CLUSTER: "Aurora cluster", CFN_INSTANCE: "RDS instance", CFN_CLUSTER: "RDS cluster"}

LOGS = {
    "postgres": ["postgresql", "upgrade"],
    "mysql": ["audit", "error", "general", "slowquery"],
    "mariadb": ["audit", "error", "general", "slowquery"],
    "aurora-postgresql": ["postgresql"],
    "aurora-mysql": ["audit", "error", "general", "slowquery"],
}
# L2 engine factories and constants → engine name.
L2_ENGINES = {
    "DatabaseInstanceEngine.postgres": "postgres",
    "DatabaseInstanceEngine.POSTGRES": "postgres",
    "DatabaseInstanceEngine.mysql": "mysql",
    "DatabaseInstanceEngine.MYSQL": "mysql",
    "DatabaseInstanceEngine.maria_db": "mariadb",
    "DatabaseInstanceEngine.MARIADB": "mariadb",
    "DatabaseClusterEngine.aurora_postgres": "aurora-postgresql",
    "DatabaseClusterEngine.AURORA_POSTGRESQL": "aurora-postgresql",
    "DatabaseClusterEngine.aurora_mysql": "aurora-mysql",
    "DatabaseClusterEngine.AURORA_MYSQL": "aurora-mysql",
}

DELETION = Prop("deletion_protection", Exactly(True), "deletion protection")
COPY_TAGS = Prop("copy_tags_to_snapshot", Exactly(True), "copy-tags-to-snapshot")
MINOR = Prop("auto_minor_version_upgrade", Exactly(True), "automatic minor version upgrades")
ENCRYPTION = Prop("storage_encrypted", Exactly(True), "storage encryption")


PER_DAY = {"aws_cdk.Duration.days": 1, "aws_cdk.Duration.hours": 24, "aws_cdk.Duration.minutes": 1440, "aws_cdk.Duration.seconds": 86400}


def _days(doc, node):
    """The days of ``Duration.days(7)`` (or hours/minutes/seconds), else None."""
    if not isinstance(node, cst.Call) or len(node.args) != 1 or node.args[0].keyword is not None:
        return None
    n = common.number(node.args[0].value)
    for q in doc.qualified_names(node.func):
        per_day = PER_DAY.get(q)
        if per_day is not None and n is not None:
            return n / per_day
    return None


def _backup(params, name, value, measure=None):
    days = int(params["backup_retention_days"])
    return Prop(name, AtLeast(value(days), days, measure), "backup retention", f"keeps backups for less than {days} days")


def _engine(doc, site):
    """The engine name when the file spells it out, else None."""
    arg = site.kwarg("engine")
    if arg is None:
        return None
    node = arg.value
    if site.qualname in (CFN_INSTANCE, CFN_CLUSTER):
        s = common.string(node)
        return s.lower() if s is not None else None
    func = node.func if isinstance(node, cst.Call) else node
    for q in doc.qualified_names(func):
        name = L2_ENGINES.get(q.replace(f"{RDS}.", "", 1))
        if name is not None:
            return name
    return None


def _logs(doc, site, name):
    engine = _engine(doc, site)
    mode = site.kwarg("engine_mode")
    if engine not in LOGS or (mode is not None and common.string(mode.value) == "serverless"):
        return []  # Aurora Serverless v1 does not export logs
    return [Prop(name, Explicit(LOGS[engine]), "CloudWatch log exports")]


def _if_given(site, prop):
    """A prop whose default is already safe: only an explicit value is checked."""
    return [prop] if site.kwarg(prop.name) is not None else []


def _protection(doc, site, params):
    q = site.qualname
    if q == CFN_INSTANCE and site.kwarg("db_cluster_identifier") is not None:
        return _if_given(site, MINOR)
    props = [DELETION]
    if q == INSTANCE:
        props.append(_backup(params, "backup_retention", lambda d: Call("aws_cdk.Duration.days", d), _days))
    elif q == CLUSTER:
        days = int(params["backup_retention_days"])
        retention = AtLeast(Call("aws_cdk.Duration.days", days), days, _days)
        props.append(
            Prop(
                "backup",
                Struct(f"{RDS}.BackupProps", {"retention": retention}),
                "backup retention",
                f"keeps backups for less than {days} days",
            )
        )
    else:
        props.append(_backup(params, "backup_retention_period", lambda d: d))
    props += _logs(doc, site, "enable_cloudwatch_logs_exports" if q in (CFN_INSTANCE, CFN_CLUSTER) else "cloudwatch_logs_exports")
    props += [COPY_TAGS] if q in (CFN_INSTANCE, CFN_CLUSTER) else _if_given(site, COPY_TAGS)
    if q in (INSTANCE, CFN_INSTANCE):
        props += _if_given(site, MINOR)
    return props


INHERITED = ("source_db_instance_identifier", "db_snapshot_identifier", "source_db_cluster_identifier", "snapshot_identifier")


def _encryption(doc, site, params):
    q = site.qualname
    if q in (INSTANCE, CLUSTER):
        return [Prop(ENCRYPTION.name, ENCRYPTION.requirement, ENCRYPTION.label, unless=("storage_encryption_key",))]
    if q == CFN_INSTANCE and site.kwarg("db_cluster_identifier") is not None:
        return []  # an Aurora cluster member: the cluster is encrypted or not
    if any(site.kwarg(k) is not None for k in INHERITED):
        return []
    mode = site.kwarg("engine_mode")
    if q == CFN_CLUSTER and mode is not None and common.string(mode.value) == "serverless":
        return []
    return [ENCRYPTION]


TYPES = (INSTANCE, CLUSTER, CFN_INSTANCE, CFN_CLUSTER)
_detect_protection = required_properties({t: _protection for t in TYPES}, kind=KIND)
_detect_encryption = required_properties(
    {t: _encryption for t in TYPES}, kind=KIND, detail="storage-encryption", unsafe=True
)


def detect(doc, ctx):
    yield from _detect_protection(doc, ctx)
    yield from _detect_encryption(doc, ctx)
