"""IAC015 kinesis-shard-metrics: Kinesis streams publish shard-level metrics."""

from codemods.base import Codemod, Param, language_detectors

CODEMOD = Codemod(
    id='IAC015',
    slug='kinesis-shard-metrics',
    title='Kinesis streams publish shard-level metrics',
    rationale=(
        'Stream-level metrics average hot shards away: a single throttled shard (a bad partition '
        'key) shows up only in shard-level metrics. iacfix enables enhanced shard-level metrics '
        'where the language can express them (CloudFormation and CDK have no property for it).'
    ),
    params=(
        Param('metrics', ['IncomingBytes', 'IncomingRecords', 'OutgoingBytes', 'OutgoingRecords', 'WriteProvisionedThroughputExceeded', 'ReadProvisionedThroughputExceeded', 'IteratorAgeMilliseconds'], 'shard-level metrics to enable'),
    ),
    checkov=(),
    unsafe_note='',
    not_applicable={
        "cloudformation": "AWS::Kinesis::Stream has no property for enhanced shard-level metrics",
        "cdk": "kinesis.Stream and CfnStream have no property for enhanced shard-level metrics",
    },
    detectors=language_detectors(__name__),
)
