"""IAC015 kinesis-shard-metrics: Kinesis streams publish shard-level metrics."""

from iacfix.codemods.spec import (
    Codemod, Explicit, Param, Parameter, Rule, invalid, valid,
)
from iacfix.codemods.spec import language_detectors

CODEMOD = Codemod(
    id='IAC015',
    slug='kinesis-shard-metrics',
    tags=("observability",),
    severity='low',
    title='Kinesis streams publish shard-level metrics',
    rationale=(
        'Stream-level metrics average hot shards away: a single throttled shard (a bad partition '
        'key) shows up only in shard-level metrics. iacfix enables enhanced shard-level metrics '
        'where the language can express them (CloudFormation and CDK have no property for it).'
    ),
    params=(
        Parameter('metrics', ['IncomingBytes', 'IncomingRecords', 'OutgoingBytes', 'OutgoingRecords', 'WriteProvisionedThroughputExceeded', 'ReadProvisionedThroughputExceeded', 'IteratorAgeMilliseconds'], 'shard-level metrics to enable',
                  choices=('IncomingBytes', 'IncomingRecords', 'OutgoingBytes', 'OutgoingRecords',
                           'WriteProvisionedThroughputExceeded', 'ReadProvisionedThroughputExceeded',
                           'IteratorAgeMilliseconds', 'ALL')),
    ),
    checkov=(),
    unsafe_note='',
    not_applicable={
        "cloudformation": "AWS::Kinesis::Stream has no property for enhanced shard-level metrics",
        "cdk": "kinesis.Stream and CfnStream have no property for enhanced shard-level metrics",
    },

    rules=(
        Rule(
            ("kinesis.Stream",),
            {"shard_level_metrics": Explicit(Param("metrics"), label="shard-level metrics")},
            what="Kinesis stream",
        ),
    ),
    examples=(
        invalid('terraform', 'resource "aws_kinesis_stream" "s" {\n  name = "s"\n}\n'),
        valid('terraform', 'resource "aws_kinesis_stream" "s" {\n  shard_level_metrics = ["IncomingBytes"]\n}\n'),
        invalid('pulumi', 'import pulumi_aws as aws\n\naws.kinesis.Stream("s")\n'),
        valid('pulumi', 'import pulumi_aws as aws\n\naws.kinesis.Stream("s", shard_level_metrics=metrics)\n'),
    ),
    detectors=language_detectors(__name__),
)
