"""kinesis-encryption for Pulumi Python: ``kinesis.Stream`` is encrypted with KMS and states its retention.

Missing → ``encryption_type="KMS"``, ``kms_key_id=<kms_key>`` (default the
AWS-managed ``alias/aws/kinesis``) and ``retention_period=<retention_hours>``
are added, whichever are missing, in one fix. ``encryption_type="NONE"`` →
reported as unsafe (replaced with ``"KMS"``, the key added, with
``--unsafe-fixes``). An encryption type from a variable → no finding for the
encryption (the key is not added either); any explicit key or retention →
compliant.

Not covered: ``kinesis.FirehoseDeliveryStream`` (a different service, with its
own ``server_side_encryption`` block) and Kinesis Video streams.
"""

from __future__ import annotations

from iacfix.codemods.common import pulumi as pc
from iacfix.codemods.common.pulumi_properties import Exactly, Explicit, Param, required


def _readable_type(doc, site, ctx) -> bool:
    """The key is needed when the stream is (or is made) KMS-encrypted: not for an unknown type."""
    v = pc.kw_value(site, "encryption_type")
    return v is None or pc.literal(v) is not pc.UNKNOWN


detect = required(
    "kinesis.Stream",
    {
        "encryption_type": Exactly("KMS", "encryption"),
        "kms_key_id": Explicit(Param("kms_key"), "KMS key", when=_readable_type),
        "retention_period": Explicit(Param("retention_hours"), "retention period"),
    },
    what="Kinesis stream",
    detail="kinesis-encryption",
)
