"""efs_encryption for Terraform: ``aws_efs_file_system`` resources are encrypted at rest.

Checked: ``encrypted = true``. Missing (or ``null``) → the fix adds
``encrypted = true``, and ``kms_key_id = "<kms_key>"`` when the ``kms_key``
parameter is set (else the AWS-managed key ``aws/elasticfilesystem`` is used);
``encrypted = false`` → unsafe finding, set to true with ``--unsafe-fixes``; a
variable or any non-literal → no finding. Both arguments force a new file
system: on an existing one, the change replaces it (review before deploying).
Not covered: a file system already encrypted with the AWS-managed key is not
moved to the configured key (that would replace it).
"""

from __future__ import annotations

from iacfix.codemods.common.terraform_properties import Exactly, Explicit, Param, required
from iacfix.transforms.terraform import literal


def _props(doc, fs, ctx):
    props = {"encrypted": Exactly(True, "encryption at rest")}
    enc = fs.attr("encrypted")
    if fs.attr("kms_key_id") is None and (enc is None or literal(enc.value) is not True):
        props["kms_key_id"] = Explicit(Param("kms_key"), "encryption at rest")
    return props


detect = required(
    "aws_efs_file_system",
    _props,
    what="EFS file system",
    slug="efs-encryption",
    wrong_msg="{what} '{name}' has encryption at rest disabled ({setting})",
)
