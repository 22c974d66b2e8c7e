"""IAC014 kinesis-encryption: Kinesis streams are encrypted with KMS and state their retention."""

from codemods.base import Codemod, Param, language_detectors

CODEMOD = Codemod(
    id='IAC014',
    slug='kinesis-encryption',
    title='Kinesis streams are encrypted with KMS and state their retention',
    rationale=(
        "Stream records are readable by anyone who can read the stream's storage unless server-side "
        'encryption is on; the AWS-managed key alias/aws/kinesis makes that free of key management. '
        'An explicit retention period makes how long records can be replayed a reviewed decision '
        'rather than the 24-hour default.'
    ),
    params=(
        Param('retention_hours', 24, 'hours records stay in the stream'),
        Param('kms_key', 'alias/aws/kinesis', 'KMS key id, ARN or alias for stream encryption'),
    ),
    checkov=('CKV_AWS_43',),
    unsafe_note='encryption explicitly turned off (NONE, UNENCRYPTED) is reported; turning it on is unsafe',
    detectors=language_detectors(__name__),
)
