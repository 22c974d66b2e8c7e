"""kinesis_encryption for Terraform: ``aws_kinesis_stream`` resources are KMS-encrypted and state their retention.

Checked: ``encryption_type = "KMS"`` with a ``kms_key_id``, and
``retention_period`` set (any value). Missing (or ``null``) → the fix adds
``encryption_type = "KMS"``, ``kms_key_id = "<kms_key>"`` (default the
AWS-managed ``alias/aws/kinesis``) and ``retention_period = <retention_hours>``,
whichever are missing; ``encryption_type = "NONE"`` → unsafe finding (the fix,
with ``--unsafe-fixes``, sets it to ``"KMS"`` and adds the key); a variable or
any non-literal → no finding (and no key is added next to an encryption type
that cannot be read).
Not covered: ``aws_kinesis_firehose_delivery_stream`` (its own
``server_side_encryption`` block) and the key policy of a customer-managed key.
"""

from __future__ import annotations

from iacfix.codemods.common.terraform_properties import Exactly, Explicit, Param, required
from iacfix.transforms.terraform import UNKNOWN, literal


def _props(doc, stream, ctx):
    props = {"encryption_type": Exactly("KMS", "KMS encryption")}
    enc = stream.attr("encryption_type")
    if enc is None or literal(enc.value) is not UNKNOWN:
        label = "KMS key" if enc is not None and literal(enc.value) == "KMS" else "KMS encryption"
        props["kms_key_id"] = Explicit(Param("kms_key"), label)
    props["retention_period"] = Explicit(Param("retention_hours"), "explicit retention period")
    return props


detect = required(
    "aws_kinesis_stream",
    _props,
    what="Kinesis stream",
    slug="kinesis-encryption",
    wrong_msg="{what} '{name}' is not encrypted ({setting})",
)
