"""IAC016 rds-protection: RDS instances and Aurora clusters are protected against loss."""

from codemods.base import Codemod, Param, language_detectors

CODEMOD = Codemod(
    id="IAC016",
    slug="rds-protection",
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
        "clusters (on a cluster's instances, what the cluster governs is left to the cluster)."
    ),
    params=(
        Param("backup_retention_days", 7, "days of automated backups (at least this many)"),
    ),
    checkov=("CKV_AWS_293", "CKV_AWS_139", "CKV_AWS_16", "CKV_AWS_96", "CKV_AWS_129", "CKV_AWS_324"),
    unsafe_note=(
        "explicitly disabled protection (deletion protection or storage encryption false, "
        "backups off) is reported; enabling storage encryption replaces the database, so that fix is unsafe"
    ),
    detectors=language_detectors(__name__),
)
