"""sqs-encryption for Pulumi Python: ``sqs.Queue`` is encrypted at rest.

A queue with ``kms_master_key_id`` (any value) is encrypted with KMS: compliant.
Otherwise ``sqs_managed_sse_enabled=True`` is added; with ``use_kms_key`` set
and exactly one ``kms.Key`` in the file, assigned to a variable before the
queue in the same scope, ``kms_master_key_id=<key>.id`` is added instead.
``sqs_managed_sse_enabled=False`` without a KMS key → reported as unsafe
(replaced with ``--unsafe-fixes``); a value from a variable → no finding.

Not covered: encryption in transit (an ``sqs.QueuePolicy`` denying
``aws:SecureTransport`` false) and ``kms_data_key_reuse_period_seconds``.
"""

from __future__ import annotations

import libcst as cst

from iacfix.codemods.common import pulumi as pc
from iacfix.codemods.common.pulumi_properties import Code, Exactly, Explicit, required


def _file_key(doc, site, ctx):
    """``<key>.id`` of the file's only KMS key, when use_kms_key is set and the queue can refer to it."""
    if not ctx.params.get("use_kms_key"):
        return None
    keys = pc.aws_calls(doc, "kms.Key")
    if len(keys) != 1 or not pc.var(keys[0]) or keys[0].line >= site.line:
        return None
    if doc.enclosing(keys[0].call, cst.FunctionDef) is not doc.enclosing(site.call, cst.FunctionDef):
        return None
    return f"{pc.var(keys[0])}.id"


def _with_kms(doc, site, ctx) -> bool:
    """Whether the queue is to be encrypted with the file's key (it says nothing of SQS-managed SSE)."""
    return pc.kw_value(site, "sqs_managed_sse_enabled") is None and _file_key(doc, site, ctx) is not None


def _unencrypted(doc, site) -> bool:
    return pc.kw_value(site, "kms_master_key_id") is None


_sqs_managed = required(
    "sqs.Queue",
    {"sqs_managed_sse_enabled": Exactly(True, "encryption at rest")},
    what="SQS queue",
    detail="sqs-encryption",
    when=lambda doc, site, ctx: _unencrypted(doc, site) and not _with_kms(doc, site, ctx),
)

_kms_key = required(
    "sqs.Queue",
    {"kms_master_key_id": Explicit(Code(_file_key), "encryption at rest")},
    what="SQS queue",
    detail="sqs-encryption",
    when=lambda doc, site, ctx: _unencrypted(doc, site) and _with_kms(doc, site, ctx),
)


def detect(doc, ctx):
    yield from _sqs_managed(doc, ctx)
    yield from _kms_key(doc, ctx)
