"""kms_key_rotation for CloudFormation: symmetric ``AWS::KMS::Key`` resources rotate their key material.

Checked: ``EnableKeyRotation: true``. Missing → the fix adds ``EnableKeyRotation: true``
to the key's Properties; ``EnableKeyRotation: false`` → unsafe finding, replaced with
``--unsafe-fixes``; a parameter, condition or other intrinsic → no finding.
Not covered: keys whose ``KeySpec`` is not ``SYMMETRIC_DEFAULT`` (asymmetric and HMAC
keys cannot rotate) or cannot be read, keys with ``Origin: EXTERNAL`` (imported
material does not rotate automatically), ``AWS::KMS::ReplicaKey`` (a replica follows
its primary), and the rotation period (``RotationPeriodInDays``: the default is kept).
"""

from __future__ import annotations

from iacfix.codemods.common.cloudformation_properties import Exactly, required
from iacfix.transforms.cloudformation import scalar


def _rotatable(doc, key) -> bool:
    spec, origin = key.prop("KeySpec"), key.prop("Origin")
    return (spec is None or scalar(spec) == "SYMMETRIC_DEFAULT") and (origin is None or scalar(origin) == "AWS_KMS")


detect = required(
    "AWS::KMS::Key",
    {"EnableKeyRotation": Exactly(True, "key rotation")},
    what="KMS key",
    slug="kms-key-rotation",
    when=_rotatable,
    wrong_msg="{what} '{name}' has key rotation disabled ({setting})",
)
