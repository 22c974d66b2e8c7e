"""efs_encryption for CloudFormation: ``AWS::EFS::FileSystem`` resources are encrypted at rest.

Checked: ``Encrypted: true``. Missing → the fix adds ``Encrypted: true`` (and
``KmsKeyId: <kms_key>`` when the ``kms_key`` parameter is set; else the AWS-managed
key is used); ``Encrypted: false`` → unsafe finding (encryption can only be chosen
at creation: CloudFormation replaces the file system), replaced with
``--unsafe-fixes``; a parameter or other intrinsic → no finding.
Not covered: a ``KmsKeyId`` on a file system that is already encrypted (changing the
key would replace it), encryption in transit (mount options, file system policy).
"""

from __future__ import annotations

from iacfix.codemods.common.cloudformation_properties import Exactly, Explicit, Param, matches, required


def _props(doc, fs, ctx):
    props = {"Encrypted": Exactly(True, "encryption")}
    encrypted = fs.prop("Encrypted")
    if fs.prop("KmsKeyId") is None and (encrypted is None or matches(encrypted, True) is False):
        props["KmsKeyId"] = Explicit(Param("kms_key"), "encryption")
    return props


detect = required(
    "AWS::EFS::FileSystem",
    _props,
    what="EFS file system",
    slug="efs-encryption",
    wrong_msg="{what} '{name}' is not encrypted ({setting})",
)
