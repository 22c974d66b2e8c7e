"""kms_key_rotation for Terraform: symmetric ``aws_kms_key`` resources rotate their key material.

Checked: ``enable_key_rotation = true``. Missing (or ``null``) → the fix adds
``enable_key_rotation = true``; ``enable_key_rotation = false`` → unsafe finding,
replaced with ``--unsafe-fixes``; a variable or any non-literal → no finding.
Not covered: keys with a ``customer_master_key_spec`` other than
``SYMMETRIC_DEFAULT`` (asymmetric and HMAC keys cannot rotate) or one that
cannot be read; ``aws_kms_external_key`` / ``aws_kms_replica_key`` (imported
material cannot rotate automatically; a replica follows its primary); the
rotation period (``rotation_period_in_days``, the one-year default is kept).
"""

from __future__ import annotations

from iacfix.codemods.common.terraform_properties import Exactly, required
from iacfix.transforms.terraform import literal


def _symmetric(doc, key) -> bool:
    spec = key.attr("customer_master_key_spec")
    return spec is None or literal(spec.value) in (None, "SYMMETRIC_DEFAULT")


detect = required(
    "aws_kms_key",
    {"enable_key_rotation": Exactly(True, "key rotation")},
    what="KMS key",
    slug="kms-key-rotation",
    when=_symmetric,
    wrong_msg="{what} '{name}' has key rotation disabled ({setting})",
)
