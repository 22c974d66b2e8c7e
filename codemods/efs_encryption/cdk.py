"""efs_encryption for AWS CDK v2 Python.

``efs.CfnFileSystem`` gets ``encrypted=True`` (and ``kms_key_id="<kms_key>"`` when
the ``kms_key`` parameter is set). ``encrypted=False`` is an unsafe finding on
``efs.CfnFileSystem`` and ``efs.FileSystem`` alike (encryption can only be chosen
at creation: the fix replaces the file system).

An L2 ``efs.FileSystem`` without ``encrypted`` is compliant: in CDK v2 the
``@aws-cdk/aws-efs:defaultEncryptionAtRest`` behaviour is always on and the
template says ``Encrypted: true`` (checked by synthesis with aws-cdk-lib 2.275).
The ``kms_key`` parameter is not applied to L2 file systems (their ``kms_key``
takes a key construct, not an id or ARN). A value the file cannot know is left alone.
"""

from iacfix.codemods.common.cdk_properties import Exactly, Explicit, Param, Prop, required_properties

EFS = "aws_cdk.aws_efs"
LABEL = "encryption at rest"
ENCRYPTED = Prop("encrypted", Exactly(True), LABEL)


def _l2(doc, site, params):
    return [ENCRYPTED] if site.kwarg("encrypted") is not None else []


def _l1(doc, site, params):
    if not params.get("kms_key"):
        return [ENCRYPTED]
    return [ENCRYPTED, Prop("kms_key_id", Explicit(Param("kms_key")), "KMS key", unless=("encrypted",))]


detect = required_properties({f"{EFS}.FileSystem": _l2, f"{EFS}.CfnFileSystem": _l1}, kind="EFS file system")
