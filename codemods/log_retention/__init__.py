"""IAC009 log-retention: Log groups have a retention period."""

from codemods.base import Codemod, Param, language_detectors

CODEMOD = Codemod(
    id='IAC009',
    slug='log-retention',
    title='Log groups have a retention period',
    rationale=(
        'CloudWatch log groups keep logs forever by default: storage cost grows without bound, and '
        'logs holding personal data outlive every retention policy. iacfix sets a retention period '
        'on every log group (and on the log groups CDK creates for functions through '
        'log_retention).'
    ),
    params=(
        Param('retention_days', 30, 'days to keep log events (a value CloudWatch accepts: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653)'),
    ),
    checkov=('CKV_AWS_66',),
    unsafe_note='retention explicitly set to never expire is reported; setting it is unsafe',
    detectors=language_detectors(__name__),
)
