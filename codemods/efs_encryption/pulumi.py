"""efs-encryption for Pulumi Python: ``efs.FileSystem`` is encrypted at rest.

Missing → ``encrypted=True`` is added, and ``kms_key_id=<kms_key>`` too when the
``kms_key`` parameter is set (else EFS uses the AWS-managed key
``aws/elasticfilesystem``). ``encrypted=False`` → reported as unsafe: enabling
encryption replaces the file system (its data must be copied over), so the
fix only runs with ``--unsafe-fixes``. A value from a variable → no finding.

Not covered: replica file systems (``efs.ReplicationConfiguration``, encrypted
with their own ``kms_key_id`` in the destination) and encryption in transit
(mount options and file system policies).
"""

from __future__ import annotations

from iacfix.codemods.common.pulumi_properties import Exactly, Explicit, Param, required

detect = required(
    "efs.FileSystem",
    {
        "encrypted": Exactly(True, "encryption at rest"),
        "kms_key_id": Explicit(Param("kms_key"), "KMS key"),
    },
    what="EFS file system",
    detail="efs-encryption",
)
