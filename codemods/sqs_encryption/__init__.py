"""IAC013 sqs-encryption: SQS queues are encrypted at rest."""

from codemods.base import Codemod, Param, language_detectors

CODEMOD = Codemod(
    id='IAC013',
    slug='sqs-encryption',
    title='SQS queues are encrypted at rest',
    rationale=(
        'Messages often carry personal or payment data, and an unencrypted queue fails most audits. '
        'SQS-managed server-side encryption costs nothing and needs no key policy; a customer- '
        'managed KMS key adds control over who can decrypt. iacfix enables SQS-managed encryption, '
        'or, with use_kms_key set and exactly one KMS key in the file, encrypts with that key.'
    ),
    params=(
        Param('use_kms_key', False, "encrypt with the file's KMS key (when it has exactly one) instead of SQS-managed keys"),
    ),
    checkov=('CKV_AWS_27',),
    unsafe_note='encryption explicitly disabled is reported; enabling it is unsafe',
    detectors=language_detectors(__name__),
)
