"""IAC019 efs-encryption: EFS file systems are encrypted at rest."""

from codemods.base import Codemod, Param, language_detectors

CODEMOD = Codemod(
    id='IAC019',
    slug='efs-encryption',
    title='EFS file systems are encrypted at rest',
    rationale=(
        'Encryption at rest can only be chosen when a file system is created: an unencrypted EFS '
        'has to be copied to a new one to fix it later. iacfix enables encryption (with the '
        'configured KMS key, else the AWS-managed key). Note that on an existing file system this '
        'change replaces it: review before deploying.'
    ),
    params=(
        Param('kms_key', '', 'KMS key id or ARN; empty for the AWS-managed key'),
    ),
    checkov=('CKV_AWS_42',),
    unsafe_note='encryption explicitly disabled is reported; enabling it replaces the file system and is unsafe',
    detectors=language_detectors(__name__),
)
