"""sqs_encryption for AWS CDK v2 Python.

``sqs.Queue`` gets ``encryption=sqs.QueueEncryption.SQS_MANAGED``; ``sqs.CfnQueue``
gets ``sqs_managed_sse_enabled=True``. With ``use_kms_key`` and exactly one KMS key
variable in the file defined before the queue in the same function, the queue
is encrypted with that key instead: ``encryption=sqs.QueueEncryption.KMS,
encryption_master_key=<key>`` (an L2 ``kms.Key`` only) / ``kms_master_key_id=<key>.key_arn``
(``<key>.attr_arn`` for a ``kms.CfnKey``); otherwise SQS-managed encryption.

A queue with ``encryption_master_key`` (CDK then uses KMS) or ``kms_master_key_id``
is compliant, as is any encryption but ``UNENCRYPTED``. ``UNENCRYPTED`` /
``sqs_managed_sse_enabled=False`` without a key is an unsafe finding. A value
the file cannot know is left alone.

Note: CDK documents SQS_MANAGED as the L2 Queue's default, but it then writes
no encryption property at all (the template relies on the SQS service default,
which template scanners and audits cannot see): the fix makes it explicit.
"""

import libcst as cst

from iacfix.codemods.common.cdk_properties import Code, Exactly, Explicit, Member, Prop, required_properties

SQS = "aws_cdk.aws_sqs"
KEYS = ("aws_cdk.aws_kms.Key", "aws_cdk.aws_kms.CfnKey")
ENC = f"{SQS}.QueueEncryption"
LABEL = "encryption"


def _queue(doc, site, params):
    key = _the_key(doc, site) if params.get("use_kms_key") else None
    if key is None or key.qualname != KEYS[0]:
        managed = Exactly(Member(f"{ENC}.SQS_MANAGED"), accept=(Member(f"{ENC}.KMS_MANAGED"), Member(f"{ENC}.KMS")))
        return [Prop("encryption", managed, LABEL, unless=("encryption_master_key",))]
    kms = Exactly(Member(f"{ENC}.KMS"), accept=(Member(f"{ENC}.SQS_MANAGED"), Member(f"{ENC}.KMS_MANAGED")))
    enc = Prop("encryption", kms, LABEL, unless=("encryption_master_key",))
    current = site.kwarg("encryption")
    if current is not None and _accepted(doc, current.value):
        return [enc]
    return [enc, Prop("encryption_master_key", Explicit(Code(key.target)), "encryption key")]


def _cfn_queue(doc, site, params):
    key = _the_key(doc, site) if params.get("use_kms_key") else None
    sse = Prop("sqs_managed_sse_enabled", Exactly(True), LABEL, unless=("kms_master_key_id",))
    if key is None or site.kwarg("sqs_managed_sse_enabled") is not None:
        return [sse]
    attr = "key_arn" if key.qualname == KEYS[0] else "attr_arn"
    return [Prop("kms_master_key_id", Explicit(Code(f"{key.target}.{attr}")), LABEL)]


def _accepted(doc, node) -> bool:
    names = doc.qualified_names(node)
    return bool(names & {f"{ENC}.SQS_MANAGED", f"{ENC}.KMS_MANAGED", f"{ENC}.KMS"})


def _the_key(doc, site):
    """The file's only KMS key, when it is a variable usable where the queue is created."""
    keys = doc.calls(*KEYS)
    if len(keys) != 1 or not keys[0].target:
        return None
    key = keys[0]
    fn = doc.enclosing(site.call, cst.FunctionDef)
    if doc.enclosing(key.call, cst.FunctionDef) is not fn or key.end_line >= site.line:
        return None
    return key


detect = required_properties(
    {f"{SQS}.Queue": _queue, f"{SQS}.CfnQueue": _cfn_queue},
    kind="SQS queue",
)
