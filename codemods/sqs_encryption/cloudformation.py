"""sqs_encryption for CloudFormation: ``AWS::SQS::Queue`` resources are encrypted at rest.

Checked: ``SqsManagedSseEnabled: true``, or any ``KmsMasterKeyId`` (SSE-KMS).
Missing both → the fix adds ``SqsManagedSseEnabled: true``; with ``use_kms_key`` and
exactly one ``AWS::KMS::Key`` in the template (under no other condition than the
queue's) it adds ``KmsMasterKeyId: !Ref <key>`` instead.
``SqsManagedSseEnabled: false`` without a KMS key → unsafe finding, replaced with
``--unsafe-fixes``; a parameter or other intrinsic → no finding.
Not covered: queue policies that deny unencrypted transport (``aws:SecureTransport``).
"""

from __future__ import annotations

from iacfix.codemods.common.cloudformation_properties import Exactly, Explicit, required
from iacfix.transforms.cloudformation import Ref, get, scalar


def _unencrypted(doc, queue) -> bool:
    return queue.prop("KmsMasterKeyId") is None


def _props(doc, queue, ctx):
    if queue.prop("SqsManagedSseEnabled") is None and ctx.params.get("use_kms_key"):
        keys = [r for r in doc.resources() if r.type == "AWS::KMS::Key"]
        cond = scalar(get(queue.node, "Condition"))
        if len(keys) == 1 and scalar(get(keys[0].node, "Condition")) in (None, cond):
            return {"KmsMasterKeyId": Explicit(Ref(keys[0].name), "encryption")}
    return {"SqsManagedSseEnabled": Exactly(True, "encryption")}


detect = required(
    "AWS::SQS::Queue",
    _props,
    what="SQS queue",
    slug="sqs-encryption",
    when=_unencrypted,
    wrong_msg="{what} '{name}' has encryption disabled ({setting})",
)
