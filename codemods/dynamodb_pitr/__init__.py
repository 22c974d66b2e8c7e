"""IAC012 dynamodb-pitr: DynamoDB tables have point-in-time recovery."""

from codemods.base import Codemod, language_detectors

CODEMOD = Codemod(
    id='IAC012',
    slug='dynamodb-pitr',
    title='DynamoDB tables have point-in-time recovery',
    rationale=(
        'On-demand backups only restore to the moment they were taken; a bad deploy, a buggy '
        'migration or a deleted item is lost for good if it happened since. Point-in-time recovery '
        'keeps continuous backups for 35 days and restores the table to any second in that window. '
        'iacfix enables it on every table.'
    ),
    params=(
    ),
    checkov=('CKV_AWS_28',),
    unsafe_note='point-in-time recovery explicitly disabled is reported; enabling it is unsafe',
    detectors=language_detectors(__name__),
)
