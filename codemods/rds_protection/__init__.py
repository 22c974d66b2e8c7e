"""IAC016 rds-protection: RDS instances and Aurora clusters are protected against loss."""

from iacfix.codemods.common.aws import (
    DB_INHERITS as INHERITS, DB_MEMBER as MEMBER, DB_REPLICA as REPLICA, DESTROYED_WITH_STACK,
)
from iacfix.codemods.spec import (
    All, AnyOf, AtLeast, ByProp, Codemod, Exactly, Explicit, Is, Not, Param, Parameter, Rule, invalid,
)
from iacfix.codemods.spec import language_detectors

# CloudWatch log types each engine can export (RDS/Aurora user guides, "Publishing database logs").
_MYSQL = ["audit", "error", "general", "slowquery"]
INSTANCE_LOGS = {"postgres": ["postgresql", "upgrade"], "mysql": _MYSQL, "mariadb": _MYSQL}
CLUSTER_LOGS = {"aurora-postgresql": ["postgresql"], "aurora-mysql": _MYSQL}


def _logs(table, serverless=False):
    # Aurora Serverless v1 clusters have no log exports
    when = Not(Is("engine_mode", "serverless", fold=True)) if serverless else None
    return Explicit(ByProp("engine", table), label="CloudWatch log exports", when=when)


PROTECTION = {
    # skip_final_snapshot = true, DeletionPolicy: Delete, RemovalPolicy.DESTROY say the database is
    # meant to go with the stack: deletion protection would make the stack's delete fail
    "deletion_protection": Exactly(True, label="deletion protection",
                                   when=Not(AnyOf(Is("skip_final_snapshot", True), DESTROYED_WITH_STACK))),
    "backup_retention_period": AtLeast(Param("backup_retention_days"), Param("backup_retention_days"),
                                       label="backup retention", off="has too short a backup retention",
                                       when=Not(REPLICA)),
    "copy_tags_to_snapshot": Explicit(True, label="snapshot tag copying"),
}
MINOR_UPGRADES = Explicit(True, label="automatic minor version upgrades")

CODEMOD = Codemod(
    id="IAC016",
    slug="rds-protection",
    tags=("security", "data-protection"),
    severity="high",
    title="RDS instances and Aurora clusters are protected against loss",
    rationale=(
        "A database is the one resource a stack cannot recreate. Without deletion protection a "
        "mistaken delete or a replacement during an update drops it; without a backup retention "
        "of a week there is little to restore after a bad migration; unencrypted storage fails "
        "audits and cannot be encrypted in place later; without log exports there is no trail "
        "after an incident; snapshots that do not copy tags lose their ownership; and instances "
        "that skip minor version upgrades miss security patches. iacfix sets deletion protection, "
        "backup retention, storage encryption, CloudWatch log exports suited to the engine, "
        "copy-tags-to-snapshot and automatic minor version upgrades on instances and Aurora "
        "clusters (on a cluster's instances, what the cluster governs is left to the cluster). "
        "A database the file states goes with the stack (CloudFormation DeletionPolicy Delete, CDK "
        "removal_policy RemovalPolicy.DESTROY, Pulumi retain_on_delete=False, Terraform and Pulumi "
        "skip_final_snapshot) gets no deletion protection: the stack's delete would fail on it."
    ),
    params=(
        Parameter("backup_retention_days", 7, "days of automated backups (at least this many)",
                  kind=int, minimum=1, maximum=35),
    ),
    checkov=("CKV_AWS_293", "CKV_AWS_139", "CKV_AWS_16", "CKV_AWS_96", "CKV_AWS_129", "CKV_AWS_324"),
    cdk_nag=("AwsSolutions-RDS2", "AwsSolutions-RDS10", "AwsSolutions-RDS13", "AwsSolutions-RDS15"),
    # the encryption checks answer only the storage-encryption finding
    check_details={"CKV_AWS_16": "storage-encryption", "CKV_AWS_96": "storage-encryption",
                   "AwsSolutions-RDS2": "storage-encryption"},
    checkov_gaps={"CKV_AWS_324": {"terraform": (
        "log exports are chosen by engine: a cluster that does not name its engine (the provider's "
        "default, 'aurora', MySQL 5.6-compatible, is retired) gets none, and CKV_AWS_324 still fails; "
        "name the engine")},
        "CKV_AWS_96": {"cloudformation": (
            "Checkov's CloudFormation CKV_AWS_96 reads only StorageEncrypted (its Terraform twin passes "
            "engine_mode serverless): it fails an Aurora Serverless v1 cluster (EngineMode serverless), "
            "which AWS always encrypts and iacfix therefore leaves as it is")}},
    unsafe_note=(
        "explicitly disabled protection (deletion protection or storage encryption false, "
        "backups off) is reported; enabling storage encryption replaces the database, so that fix is unsafe"
    ),

    rules=(
        Rule(("rds.DBInstance",), {**PROTECTION, "enable_cloudwatch_logs_exports": _logs(INSTANCE_LOGS),
                                   "auto_minor_version_upgrade": MINOR_UPGRADES},
             what="RDS instance", when=Not(MEMBER)),
        Rule(("rds.DBCluster",), {**PROTECTION, "enable_cloudwatch_logs_exports": _logs(CLUSTER_LOGS, serverless=True)},
             what="Aurora cluster"),
        # An Aurora cluster's instances: backups, encryption, deletion protection and log
        # exports are the cluster's.
        Rule(("rds.DBInstance",), {"auto_minor_version_upgrade": MINOR_UPGRADES}, what="Aurora instance", when=MEMBER),
        # Storage encryption cannot be turned on in place: its own finding, always unsafe.
        *(Rule((kind,), {"storage_encrypted": Exactly(True, label="storage encryption")}, what=what,
               detail="storage-encryption", unsafe=True, replaces=True, note="enabling it replaces the database",
               # Aurora Serverless v1 clusters are always encrypted
               when=All(Not(MEMBER), Not(INHERITS), Not(Is("engine_mode", "serverless", fold=True))))
          for kind, what in (("rds.DBInstance", "RDS instance"), ("rds.DBCluster", "Aurora cluster"))),
    ),
    examples=(
        invalid('terraform', 'resource "aws_db_instance" "db" {\n  engine = "postgres"\n}\n'),
        invalid('cloudformation', 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n'),
        invalid('cdk', 'from aws_cdk import aws_rds as rds\n\nrds.CfnDBInstance(self, "Db", engine="postgres")\n'),
        invalid('pulumi', 'import pulumi_aws as aws\n\naws.rds.Instance("db", engine="postgres")\n'),
    ),
    detectors=language_detectors(__name__),
)
