"""kms-key-rotation for Pulumi Python: ``kms.Key`` has ``enable_key_rotation=True``.

Missing → ``enable_key_rotation=True`` is added (before ``tags=``/``opts=``);
``enable_key_rotation=False`` → reported as unsafe (replaced with
``--unsafe-fixes``); a value from a variable or config → no finding.

Not covered, on purpose: keys whose ``customer_master_key_spec`` is anything but
``SYMMETRIC_DEFAULT`` (asymmetric and HMAC keys cannot rotate; a spec from a
variable is unknown: no finding), ``kms.ExternalKey`` (imported key material
cannot rotate automatically) and ``kms.ReplicaKey`` (rotation follows the
primary key). ``rotation_period_in_days`` is left to the author.
"""

from __future__ import annotations

from iacfix.codemods.common import pulumi as pc
from iacfix.codemods.common.pulumi_properties import Exactly, required


def _symmetric(doc, site, ctx) -> bool:
    spec = pc.kw_value(site, "customer_master_key_spec")
    return spec is None or pc.literal(spec) == "SYMMETRIC_DEFAULT"


detect = required(
    "kms.Key",
    {"enable_key_rotation": Exactly(True, "key rotation")},
    what="KMS key",
    detail="kms-key-rotation",
    when=_symmetric,
)
