"""sqs_encryption for Terraform: ``aws_sqs_queue`` resources are encrypted at rest.

Checked: ``sqs_managed_sse_enabled = true``, or any ``kms_master_key_id`` (a
customer-managed or AWS-managed key: compliant whatever its value). Missing →
the fix adds ``sqs_managed_sse_enabled = true``; with ``use_kms_key`` and exactly
one ``aws_kms_key`` in the file (without count/for_each) it adds
``kms_master_key_id = aws_kms_key.<name>.key_id`` instead.
``sqs_managed_sse_enabled = false`` (without a KMS key) → unsafe finding, the
fix sets it to true; a variable or any non-literal → no finding.
Not covered: the key policy letting SQS producers use a customer-managed key
(``use_kms_key`` assumes the file's key already allows them), and
``kms_data_key_reuse_period_seconds`` (the 5-minute default is kept).
"""

from __future__ import annotations

from iacfix.codemods.common.terraform import counted
from iacfix.codemods.common.terraform_properties import Code, Exactly, Explicit, required
from iacfix.transforms.terraform import literal


def _file_key(doc, queue, ctx):
    keys = doc.resources("aws_kms_key")
    if len(keys) != 1 or counted(keys[0]):
        return None
    return f"aws_kms_key.{keys[0].labels[1]}.key_id"


def _props(doc, queue, ctx):
    kms = queue.attr("kms_master_key_id")
    if kms is not None and literal(kms.value) is not None:
        return {}  # encrypted with a KMS key (whichever)
    if ctx.params.get("use_kms_key") and queue.attr("sqs_managed_sse_enabled") is None and _file_key(doc, queue, ctx):
        return {"kms_master_key_id": Explicit(Code(_file_key), "encryption at rest")}
    return {"sqs_managed_sse_enabled": Exactly(True, "encryption at rest")}


detect = required(
    "aws_sqs_queue",
    _props,
    what="SQS queue",
    slug="sqs-encryption",
    wrong_msg="{what} '{name}' has encryption at rest disabled ({setting})",
)
