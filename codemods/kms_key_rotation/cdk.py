"""kms_key_rotation for AWS CDK v2 Python.

``kms.Key`` and ``kms.CfnKey`` get ``enable_key_rotation=True``. An explicit
``enable_key_rotation=False`` is an unsafe finding (its fix sets True); a value
the file cannot know (a variable, a call) is left alone.

Not covered, deliberately: keys whose ``key_spec`` is anything but the symmetric
default (``kms.KeySpec.SYMMETRIC_DEFAULT`` / ``"SYMMETRIC_DEFAULT"``, or a value
the file cannot read) — asymmetric and HMAC keys cannot rotate; the rotation
period (``rotation_period`` / ``rotation_period_in_days``) is left to KMS's
default of one year.
"""

from iacfix.codemods.common import cdk as common
from iacfix.codemods.common.cdk_properties import Prop, Exactly, required_properties

KEY = "aws_cdk.aws_kms.Key"
CFN_KEY = "aws_cdk.aws_kms.CfnKey"
ROTATION = [Prop("enable_key_rotation", Exactly(True), "key rotation")]


def _symmetric(doc, site, params) -> bool:
    spec = site.kwarg("key_spec")
    if spec is None:
        return True
    if site.qualname == CFN_KEY:
        return common.string(spec.value) == "SYMMETRIC_DEFAULT"
    return "aws_cdk.aws_kms.KeySpec.SYMMETRIC_DEFAULT" in doc.qualified_names(spec.value)


detect = required_properties({KEY: ROTATION, CFN_KEY: ROTATION}, kind="KMS key", when=_symmetric)
